// CAL-2: the dashboard's Calendar section. It shows the practitioner's private feed address (https and webcal)
// with copy buttons, how to subscribe from Google, Apple and Outlook, and Rotate, which gives a new address and
// stops the old one at once. Texts come from the "calendar" catalogs.
import { api, fill, h } from '/assets/common.js';
import { has, lang, problemText } from '/assets/i18n.js';

const P = '/api/practitioner/calendar';
const $ = id => document.getElementById(id);

// This module reads its own catalog pair itself, so it works whichever catalogs the page loaded.
const texts = {};

export async function calendarTexts() {
  if (!texts.loaded) {
    const response = await fetch(`/assets/i18n/${lang()}/calendar.json`, { credentials: 'same-origin' });
    Object.assign(texts, response.ok ? await response.json() : {}, { loaded: true });
  }
}

function t(key) {
  return texts[key] === undefined ? key : texts[key];
}

/** A text of the "calendar" catalogs (after calendarTexts), for calendar-import.js. */
export const calendarText = t;

function say(message, isError) {
  const status = $('calendar-status');
  status.className = isError ? 'error' : 'status';
  status.textContent = message;
}

async function call(method, path) {
  try {
    return await api(method, path);
  } catch (e) {
    say(has('problem.generic') ? problemText(e.status, e.type) : t('calendar.error'), true);
    return null;
  }
}

function copyRow(id, labelKey, value) {
  const input = h('input', { id, type: 'text', readonly: true, value, 'aria-label': t(labelKey) });
  const copy = h('button', { type: 'button', id: `${id}-copy`, class: 'secondary' }, t('calendar.copy'));
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch (e) {
      document.execCommand('copy');
    }
    say(t('calendar.copied'));
  });
  return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), h('div', { class: 'row' }, input, copy));
}

function show(feed) {
  const rotate = h('button', { type: 'button', id: 'calendar-rotate', class: 'secondary' }, t('calendar.rotate'));
  rotate.addEventListener('click', async () => {
    rotate.disabled = true;
    const fresh = await call('POST', `${P}/rotate`);
    rotate.disabled = false;
    if (fresh) {
      show(fresh);
      say(t('calendar.rotated'));
    }
  });
  fill($('calendar-panel'),
    h('p', {}, t('calendar.intro')),
    copyRow('calendar-url', 'calendar.url', feed.url),
    copyRow('calendar-webcal', 'calendar.webcal', feed.webcalUrl),
    h('p', {}, h('a', { href: feed.webcalUrl, id: 'calendar-open' }, t('calendar.open')), ' · ',
      h('a', { href: feed.googleUrl, id: 'calendar-google', target: '_blank', rel: 'noopener' }, t('calendar.google.open'))),
    h('h3', {}, t('calendar.how')),
    h('ul', { id: 'calendar-instructions' },
      h('li', {}, h('strong', {}, 'Google Agenda · Google Calendar'), ' — ', t('calendar.google.steps')),
      h('li', {}, h('strong', {}, 'Apple Calendar'), ' — ', t('calendar.apple.steps')),
      h('li', {}, h('strong', {}, 'Outlook'), ' — ', t('calendar.outlook.steps'))),
    h('p', { class: 'muted' }, t('calendar.refresh')),
    h('h3', {}, t('calendar.private')),
    h('p', {}, t('calendar.rotate.explain')),
    rotate,
    h('p', { id: 'calendar-status', class: 'status', role: 'status' }));
}

/** The dashboard's loader for the Calendar tab. */
export async function loadCalendar() {
  await calendarTexts();
  $('tab-calendar').textContent = t('calendar.tab');
  $('calendar-title').textContent = t('calendar.title');
  const feed = await call('GET', P);
  if (feed) {
    show(feed);
  }
  const { loadCalendarImport } = await import('/assets/calendar-import.js');
  await loadCalendarImport();
}
