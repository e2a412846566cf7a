// What the dashboard's settings modules share (issue 14, item 2): labelled fields with a required mark and a
// place for their error, running an API call with the problem's sentence shown next to the field it names
// (problem+json "field") or in the section's alert, and wall-clock times in the practitioner's zone.
// Every text comes from the catalogs (i18n.js); nothing from the API is parsed as markup.
import { ApiError, api, h, say } from '/assets/common.js';
import { problemText, t } from '/assets/i18n.js';

export const P = '/api/practitioner';

/** A labelled control: the label (with " *" when required), an optional hint, the control, its error. */
export function field(id, label, control, { required = false, apiField, hint } = {}) {
  control.id = id;
  control.required = required;
  if (required) {
    control.setAttribute('aria-required', 'true');
  }
  if (apiField) {
    control.dataset.field = apiField;
  }
  control.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  return h('div', { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : ''),
    hint ? h('p', { class: 'muted', id: `${id}-hint` }, hint) : '',
    control,
    h('p', { class: 'error field-error', id: `${id}-error` }));
}

/** A checkbox and its label. */
export function check(id, label, { apiField, checked = false, value } = {}) {
  return h('div', { class: 'check' },
    h('input', { type: 'checkbox', id, checked, value, 'data-field': apiField }),
    h('label', { for: id }, label));
}

/** The note that explains the required mark. */
export function requiredNote() {
  return h('p', { class: 'muted' }, t('forms.required-note'));
}

function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) {
    say(p, '');
  }
  for (const c of form.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
  }
}

function showFieldError(control, text) {
  control.setAttribute('aria-invalid', 'true');
  const place = document.getElementById(`${control.id}-error`);
  if (place) {
    say(place, text);
  }
}

/** The control of a form for an API field: "price.amount" → price, "addresses[1].address" → addresses[1]. */
function controlFor(form, name) {
  let candidate = name;
  while (candidate) {
    const control = form.querySelector(`[data-field="${CSS.escape(candidate)}"], [data-field-also~="${CSS.escape(candidate)}"]`);
    if (control) {
      return control;
    }
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

/**
 * Runs an API call for a form or a button: checks the form's required fields first, disables the button
 * meanwhile, and on a refusal shows the problem's sentence next to the field it names, or in the alert.
 * Answers the call's result, or undefined when refused.
 */
export async function act(ctx, action, { button, form } = {}) {
  say(ctx.error, '');
  if (button || form) {
    say(ctx.done, ''); // a person's action: the last one's news goes (a reload keeps it)
  }
  if (form) {
    clearErrors(form);
    const missing = Array.from(form.querySelectorAll('[required]')).filter(c => !String(c.value).trim());
    if (missing.length) {
      missing.forEach(c => showFieldError(c, t('forms.required')));
      say(ctx.error, t('forms.check'));
      missing[0].focus();
      return undefined;
    }
  }
  if (button) {
    button.disabled = true;
  }
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname));
      return undefined;
    }
    const text = e instanceof ApiError ? problemText(e.status, e.type) : t('problem.generic');
    const control = form && e instanceof ApiError && e.field ? controlFor(form, e.field) : null;
    if (control) {
      showFieldError(control, text);
      say(ctx.error, t('forms.check'));
      control.focus();
    } else {
      say(ctx.error, text);
    }
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** GET without a form: the result, or undefined (the alert then says why). */
export function load(ctx, path) {
  return act(ctx, () => api('GET', path));
}

function offsetMinutes(instantMs, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone || undefined, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = type => Number(parts.find(p => p.type === type).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - instantMs) / 60000);
}

/** The instant (ISO, UTC) of a local date ("2026-12-07") and time ("09:30") in a zone. */
export function zonedInstant(date, time, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - offsetMinutes(wall, zone) * 60000;
  instant = wall - offsetMinutes(instant, zone) * 60000;
  return new Date(instant).toISOString();
}

/** The local date and time ({date: "2026-12-07", time: "09:30"}) of an instant in a zone. */
export function zonedParts(instant, zone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone || undefined, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = type => parts.find(p => p.type === type).value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The name of a consultation mode in the page's language. */
export function modeName(mode) {
  return { IN_PERSON: t('forms.mode.in-person'), PHONE: t('forms.mode.phone'), VIDEO: t('forms.mode.video') }[mode] || mode;
}

export const MODES = ['IN_PERSON', 'PHONE', 'VIDEO'];
