// What every page shares: calling the JSON API, showing its problems, building elements safely, and
// formatting instants in the practitioner's time zone. Text from the API only ever goes into textContent
// or attribute values, never into markup. Words, money and dates follow the page's language (i18n.js).
import { formatInstant, formatMoney, has, problemText, t } from '/assets/i18n.js';

/** An error answer of the API: application/problem+json, whose detail names the field and the reason. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || (problem && problem.title) || `The server answered ${status}.`);
    this.status = status;
    this.type = problem && problem.type;
    this.field = problem && problem.field;
  }
}

/**
 * Calls the API with a JSON body; answers the parsed JSON (null for an empty answer) or throws an ApiError.
 * The session cookie goes along by itself (same origin).
 */
export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/** A random key for one attempt of a command (BK-8): made once, reused when the same attempt is retried. */
export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Builds an element: attributes (event handlers as on… functions, booleans as present/absent) and children
 * (strings become text nodes, so nothing from the API is ever parsed as HTML).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces what an element holds. */
export function fill(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** Shows a message in a role=alert or role=status element (an empty message hides it). */
export function say(element, message) {
  element.textContent = message || '';
}

/**
 * The sentence for people for an error, in the page's language: for an answer of the API, the catalog's
 * sentence for its problem type (never its raw English detail); a bad input names the field it is about.
 */
export function errorText(e) {
  if (!(e instanceof ApiError)) {
    return t('problem.generic');
  }
  const code = e.type ? String(e.type).split('/').pop() : '';
  if (e.field && (code === 'invalid-request' || (!has(`problem.${code}`) && e.status === 400))) {
    const label = has(`field.${e.field}`) ? t(`field.${e.field}`) : e.field;
    return t('problem.field', { field: label });
  }
  return problemText(e.status, e.type);
}

/** Marks the field of a form an error is about (aria-invalid), so that the form can highlight it. */
export function markField(errorElement, e) {
  const form = errorElement && errorElement.closest ? errorElement.closest('form') : null;
  if (!form) {
    return;
  }
  for (const marked of form.querySelectorAll('[aria-invalid=true]')) {
    marked.removeAttribute('aria-invalid');
  }
  if (e instanceof ApiError && e.field) {
    const name = e.field.split('.').pop();
    const input = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`) || form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
  }
}

/** Runs an action from a button or a form: disables it meanwhile, and shows the error's sentence. */
export async function run(errorElement, action, button) {
  say(errorElement, '');
  if (button) {
    button.disabled = true;
  }
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && location.pathname.startsWith('/dashboard')) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname));
      return undefined;
    }
    say(errorElement, errorText(e));
    markField(errorElement, e);
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** An amount of the API ({amount: "60.00", currency: "EUR"}) in the page's language: "60,00 €"; never floating-point. */
export function money(amount) {
  return formatMoney(amount);
}

export function dateTime(instant, zone) {
  return formatInstant(instant, zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function time(instant, zone) {
  return formatInstant(instant, zone, { hour: '2-digit', minute: '2-digit' });
}

export function day(instant, zone) {
  return formatInstant(instant, zone, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function today(zone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const get = type => parts.find(p => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A date (YYYY-MM-DD) plus days. */
export function addDays(date, days) {
  const d = new Date(date + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The words for a booking's state. */
export function stateText(state) {
  return {
    HELD: t('state.held'),
    PENDING: t('state.pending'),
    CONFIRMED: t('state.confirmed'),
    COMPLETED: t('state.completed'),
    NO_SHOW: t('state.no-show'),
    CANCELLED_BY_CLIENT: t('state.cancelled-by-client'),
    CANCELLED_BY_PRACTITIONER: t('state.cancelled-by-practitioner'),
    REFUSED: t('state.refused'),
    EXPIRED: t('state.expired'),
  }[state] || state;
}

export function modeText(mode) {
  return { IN_PERSON: t('mode.in-person'), PHONE: t('mode.phone'), VIDEO: t('mode.video') }[mode] || mode;
}

/** A query parameter of the page's URL. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
