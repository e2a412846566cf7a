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
const PERSON = ['keydown', 'input', 'change', 'pointerdown'];
const edited = new Set();

// The fields the person typed into or changed (not those the page filled in itself): only these are carried.
document.addEventListener('input', rememberEdit, true);
document.addEventListener('change', rememberEdit, true);

function rememberEdit(event) {
  if (event.isTrusted && event.target && event.target.id && event.target.matches('input, textarea, select')) {
    edited.add(event.target.id);
  }
}

/**
 * Before the page reloads in the other language: the value of every field the person typed into or changed
 * (not passwords or files), and the dashboard's open tab (as the address's #fragment, which the dashboard
 * opens), kept for this tab of the browser only (sessionStorage), for the next load of this same page.
 */
function carryForms() {
  try {
    const carried = [...edited].map(id => document.getElementById(id))
      .filter(f => f && !['password', 'file', 'hidden', 'submit', 'button', 'reset'].includes(f.type))
      .map(f => (f.type === 'checkbox' || f.type === 'radio' ? { id: f.id, checked: f.checked } : { id: f.id, value: f.value }));
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
 * After the reload: puts the carried values back as the fields appear (pages build their forms after their API
 * calls answer, and fill them in then), with the input and change events typing gives, so that the page reacts
 * as to typing; until the person does anything in the page (from then on the page is theirs), for ten seconds
 * at most, three times per field at most.
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
  for (const id of pending.keys()) edited.add(id);
  const person = event => {
    if (event.isTrusted) pending.clear();
  };
  for (const type of PERSON) document.addEventListener(type, person, true);
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
      for (const type of PERSON) document.removeEventListener(type, person, true);
    }
  };
  apply();
}
