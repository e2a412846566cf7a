// The pages' languages (French first, English second). A page names the catalogs it needs; each catalog is
// a pair of flat JSON files, /assets/i18n/fr/<name>.json and /assets/i18n/en/<name>.json, with the same keys
// (I18nCatalogsTest fails when a key is missing in one language or a key used by a page is in neither).
// Text from catalogs goes into textContent or attribute values only, never into markup.

export const LANGUAGES = ['fr', 'en'];
const CHOICE = 'rendezvous.lang';
const CHOICE_COOKIE = 'rendezvous_lang';
const messages = {};
let current = null;

/**
 * The language of this page: the visitor's own choice (the switch), then the account's language, then the
 * browser's preferences, then French.
 */
export function chooseLanguage(accountLanguage) {
  const candidates = [storedChoice(), accountLanguage, ...(navigator.languages || [navigator.language])];
  for (const candidate of candidates) {
    const code = String(candidate || '').slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(code)) {
      return code;
    }
  }
  return 'fr';
}

function storedChoice() {
  try {
    return localStorage.getItem(CHOICE);
  } catch (e) {
    return null;
  }
}

/** Remembers the visitor's choice from the language switch (pages then reload or re-render). */
export function rememberLanguage(code) {
  if (!LANGUAGES.includes(code)) {
    throw new Error(`language: one of ${LANGUAGES.join(', ')}`);
  }
  try {
    localStorage.setItem(CHOICE, code);
  } catch (e) {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
  storeChoiceCookie(code);
  current = code;
}

/**
 * The choice also goes into a cookie (a year, this site only), for the pages the host writes itself without
 * script (the sandbox's payment pages: PageTexts reads it after their ?lang and before Accept-Language).
 */
function storeChoiceCookie(code) {
  if (LANGUAGES.includes(code)) {
    document.cookie = `${CHOICE_COOKIE}=${code}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }
}

/** The page's current language code ("fr" or "en"). */
export function lang() {
  return current || chooseLanguage();
}

/** The Intl locale of the page's language: British English for "en" (24-hour clock, day before month). */
export function locale() {
  return { fr: 'fr-FR', en: 'en-GB' }[lang()] || lang();
}

/**
 * Loads the catalogs a page needs ("common" always comes first), sets <html lang>, and translates the static
 * markup. Call again after a language switch.
 */
export async function useCatalogs(names, accountLanguage) {
  current = chooseLanguage(accountLanguage);
  storeChoiceCookie(storedChoice());
  const wanted = ['common', ...names.filter(n => n !== 'common'), ...[...extraCatalogs].filter(n => !names.includes(n))];
  const loaded = await Promise.all(wanted.map(async name => {
    const response = await fetch(`/assets/i18n/${current}/${name}.json`, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`catalog ${current}/${name} answered ${response.status}`);
    }
    return response.json();
  }));
  for (const key of Object.keys(messages)) {
    delete messages[key];
  }
  for (const catalog of loaded) {
    Object.assign(messages, catalog);
  }
  document.documentElement.lang = current;
  translate(document);
  return current;
}

/**
 * A message in the page's language; {name} placeholders are replaced by params. A missing key shows the key
 * itself (and warns), so a gap is visible rather than silent.
 */
export function t(key, params = {}) {
  const text = messages[key];
  if (text === undefined) {
    console.warn(`i18n: no message ${key} in ${lang()}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/** Whether the loaded catalogs have a key (for optional messages such as one per problem type). */
export function has(key) {
  return messages[key] !== undefined;
}

/**
 * Translates static markup: a data-i18n attribute names the key of the element's text; a data-i18n-attr
 * attribute holds attribute:key pairs separated by semicolons (for placeholder, aria-label, title…).
 */
export function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map(s => s.trim());
      if (attribute && key) {
        element.setAttribute(attribute, t(key));
      }
    }
  }
}

/** An amount of the API ({amount: "60.00", currency: "EUR"}) in the page's locale: "60,00 €" in French. */
export function formatMoney(money) {
  if (!money) {
    return '';
  }
  // The API's amounts are decimal strings with at most 2 places: Number is exact enough to display them.
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: money.currency }).format(Number(money.amount));
}

/** An instant in the page's locale and a time zone (the practitioner's), with Intl options. */
export function formatInstant(instant, zone, options) {
  try {
    return new Intl.DateTimeFormat(locale(), { timeZone: zone || undefined, ...options }).format(new Date(instant));
  } catch (e) {
    return new Intl.DateTimeFormat(locale(), options).format(new Date(instant));
  }
}

/**
 * The sentence for people for a problem+json answer: the catalog's "problem.<code>" for its type (the last
 * segment of the type URI), else one per status, never the API's raw English detail.
 */
export function problemText(status, type) {
  const code = type ? String(type).split('/').pop() : '';
  if (code && has(`problem.${code}`)) {
    return t(`problem.${code}`);
  }
  if (status === 0) {
    return t('problem.unreachable');
  }
  if (has(`problem.status.${status}`)) {
    return t(`problem.status.${status}`);
  }
  return t('problem.generic');
}

// Catalogs added by page modules on top of the entry script's (the dashboard's sections): kept across a later
// useCatalogs (a language switch), so a module's messages never vanish.
const extraCatalogs = new Set();

/** Adds a module's catalogs to those loaded, in the page's language, and translates the static markup again. */
export async function addCatalogs(names, accountLanguage) {
  if (!current || accountLanguage) {
    current = chooseLanguage(accountLanguage);
  storeChoiceCookie(storedChoice());
  }
  const loaded = await Promise.all(names.map(async name => {
    const response = await fetch(`/assets/i18n/${current}/${name}.json`, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`catalog ${current}/${name} answered ${response.status}`);
    }
    return response.json();
  }));
  names.forEach(name => extraCatalogs.add(name));
  if (!Object.keys(messages).some(key => key.startsWith('problem.'))) {
    loaded.unshift(await (await fetch(`/assets/i18n/${current}/common.json`, { credentials: 'same-origin' })).json());
  }
  for (const catalog of loaded) {
    Object.assign(messages, catalog);
  }
  document.documentElement.lang = current;
  translate(document);
  return current;
}
