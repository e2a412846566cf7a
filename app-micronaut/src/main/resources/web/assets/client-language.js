// The language switch of the client pages (issue 14): French first; the choice is remembered, then the page
// renders again in the chosen language.
import { rememberLanguage, useCatalogs } from '/assets/i18n.js';

/** Wires the two buttons #lang-fr and #lang-en; render is called after the catalogs changed. */
export function languageSwitch(render) {
  for (const code of ['fr', 'en']) {
    const button = document.getElementById(`lang-${code}`);
    if (button) {
      button.addEventListener('click', async () => {
        rememberLanguage(code);
        await useCatalogs(['client'], code);
        pressed();
        render();
      });
    }
  }
  pressed();
}

function pressed() {
  const current = document.documentElement.lang;
  for (const code of ['fr', 'en']) {
    const button = document.getElementById(`lang-${code}`);
    if (button) {
      button.setAttribute('aria-pressed', String(code === current));
    }
  }
}
