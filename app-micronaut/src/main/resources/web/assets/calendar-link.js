// CAL-1: "add to my calendar" on the client's booking link page: the booking as an .ics file, which Google
// Calendar, Apple Calendar and Outlook open. Texts come from the "calendar" catalogs, read here directly.
import { h } from '/assets/common.js';
import { lang } from '/assets/i18n.js';

const texts = {};

function t(key) {
  return texts[key] === undefined ? key : texts[key];
}

/** Adds the link under the booking once it is shown; base is the booking's API path. */
export async function addToCalendar(base) {
  try {
    const response = await fetch(`/assets/i18n/${lang()}/calendar.json`, { credentials: 'same-origin' });
    Object.assign(texts, response.ok ? await response.json() : {});
  } catch (e) {
    // The link still works with its keys as text.
  }
  const section = document.getElementById('booking');
  const link = h('p', { id: 'calendar-add' },
    h('a', { id: 'calendar-ics', href: base + '/calendar.ics', download: 'rendez-vous.ics' }, t('calendar.add')),
    ' ', h('span', { class: 'muted' }, t('calendar.add.hint')));
  const before = document.getElementById('invoice-link');
  (before ? before.parentNode : section).insertBefore(link, before);
}
