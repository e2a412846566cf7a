// The language switch (FR | EN) every page shows in its header, and the start of a page: its catalogs loaded
// in the chosen language (i18n.js: the visitor's choice, then the account's language, then the browser's).
// Switching remembers the choice, lets the page save it (the dashboard saves it to the account, so the
// e-mails follow), then reloads the page in the new language.
import { LANGUAGES, lang, rememberLanguage, t, useCatalogs } from '/assets/i18n.js';

/**
 * Loads the page's catalogs and shows the switch. {@code save}, when given, is called with the new code
 * before the page reloads (a refusal leaves the page as it was and is passed to {@code onError}).
 */
export async function startPage(names, { accountLanguage, save, onError } = {}) {
  const code = await useCatalogs(names, accountLanguage);
  mountLanguageSwitch(save, onError);
  return code;
}

/** Buttons with aria-pressed in the header, one per language, named by their code (title: the language). */
export function mountLanguageSwitch(save, onError) {
  const header = document.querySelector('header.site');
  if (!header) {
    return;
  }
  const existing = document.getElementById('language-switch');
  if (existing) {
    existing.remove();
  }
  const group = document.createElement('div');
  group.id = 'language-switch';
  group.className = 'languages';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('language.switch'));
  for (const code of LANGUAGES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `language-${code}`;
    button.lang = code;
    button.className = 'secondary';
    button.title = t(`language.${code}`);
    button.textContent = code.toUpperCase();
    button.setAttribute('aria-pressed', String(code === lang()));
    button.addEventListener('click', async () => {
      if (code === lang()) {
        return;
      }
      for (const b of group.querySelectorAll('button')) b.disabled = true;
      try {
        if (save) {
          await save(code);
        }
        rememberLanguage(code);
        location.reload();
      } catch (e) {
        for (const b of group.querySelectorAll('button')) b.disabled = false;
        if (onError) {
          onError(e);
        }
      }
    });
    group.append(button);
  }
  header.append(group);
}
