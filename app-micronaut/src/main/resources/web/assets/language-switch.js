// The language switch (FR | EN) every page shows in its header, and the start of a page: its catalogs loaded
// in the chosen language (i18n.js: the visitor's choice, then the account's language, then the browser's).
// Switching remembers the choice, lets the page save it (the dashboard saves it to the account, so the
// e-mails follow), then reloads the page in the new language, carrying across what was typed in its forms
// and the dashboard's open tab (issue 14: switching keeps what was typed).
import { LANGUAGES, lang, rememberLanguage, t, useCatalogs } from '/assets/i18n.js';

/**
 * Loads the page's catalogs and shows the switch. {@code save}, when given, is called with the new code
 * before the page reloads (a refusal leaves the page as it was and is passed to {@code onError}).
 */
export async function startPage(names, { accountLanguage, save, onError } = {}) {
  const code = await useCatalogs(names, accountLanguage);
  mountLanguageSwitch(save, onError);
  restoreForms();
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
        carryForms();
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

const CARRY = 'rendezvous.carry';
const CARRY_SECONDS = 30;
const ENFORCE_MS = 10000;

/** The fields a person may have typed into: inputs (not passwords, files or hidden ones), text areas, selects. */
function fields() {
  return [...document.querySelectorAll('input[id], textarea[id], select[id]')]
    .filter(f => !['password', 'file', 'hidden', 'submit', 'button', 'reset'].includes(f.type));
}

/**
 * Before the page reloads in the other language: the value of every field that differs from what the markup
 * holds, and the dashboard's open tab (as the address's #fragment, which the dashboard opens), kept for this
 * tab of the browser only (sessionStorage), for the next load of this same page.
 */
function carryForms() {
  try {
    const carried = fields().flatMap(f => {
      if (f.type === 'checkbox' || f.type === 'radio') {
        return f.checked !== f.defaultChecked ? [{ id: f.id, checked: f.checked }] : [];
      }
      if (f.tagName === 'SELECT') {
        return [...f.options].some(o => o.selected !== o.defaultSelected) ? [{ id: f.id, value: f.value }] : [];
      }
      return f.value !== f.defaultValue ? [{ id: f.id, value: f.value }] : [];
    });
    const tab = document.querySelector('[role=tab][aria-selected=true][aria-controls]');
    if (tab) {
      history.replaceState(history.state, '', `#${tab.getAttribute('aria-controls')}`);
    }
    sessionStorage.setItem(CARRY, JSON.stringify({ page: location.pathname + location.search, at: Date.now(), fields: carried }));
  } catch (e) {
    // Without storage the page reloads as it is loaded.
  }
}

/**
 * After the reload: puts the carried values back, as the fields appear (pages build their forms after their
 * API calls answer, and may fill them in then), each until the person touches it, for ten seconds (three times at most); each
 * restored field gets the input and change events a person's typing gives, so the page reacts as to typing.
 */
function restoreForms() {
  let carry;
  try {
    carry = JSON.parse(sessionStorage.getItem(CARRY) || 'null');
    sessionStorage.removeItem(CARRY);
  } catch (e) {
    return;
  }
  if (!carry || carry.page !== location.pathname + location.search || Date.now() - carry.at > CARRY_SECONDS * 1000
      || !Array.isArray(carry.fields) || carry.fields.length === 0) {
    return;
  }
  const pending = new Map(carry.fields.map(f => [f.id, f]));
  const touched = event => {
    if (event.isTrusted && event.target && event.target.id) pending.delete(event.target.id);
  };
  for (const type of ['keydown', 'input', 'change', 'pointerdown']) document.addEventListener(type, touched, true);
  const until = Date.now() + ENFORCE_MS;
  const apply = () => {
    for (const [id, saved] of pending) {
      const field = document.getElementById(id);
      if (!field) continue;
      const differs = 'checked' in saved ? field.checked !== saved.checked : field.value !== saved.value;
      if (!differs) continue;
      if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === saved.value)) continue;
      saved.times = (saved.times || 0) + 1;
      if (saved.times > 3) {
        pending.delete(id);
        continue;
      }
      if ('checked' in saved) field.checked = saved.checked; else field.value = saved.value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (Date.now() < until && pending.size > 0) {
      setTimeout(apply, 100);
    } else {
      for (const type of ['keydown', 'input', 'change', 'pointerdown']) document.removeEventListener(type, touched, true);
    }
  };
  apply();
}
