// PAGE-2, PLAN-2 on the public page (issue 14, item 2): the practitioner's contact phone when they chose to
// show it, and, past the free plan's monthly quota (the page's bookingsClosed, or a booking refused with
// quota-reached), a clear sentence instead of the booking form.
import { h } from '/assets/common.js';
import { addCatalogs, t } from '/assets/i18n.js';

const $ = id => document.getElementById(id);

function closed() {
  $('book').hidden = true;
  let note = $('quota-reached');
  if (!note) {
    note = h('p', { id: 'quota-reached', class: 'card error', role: 'status' });
    $('book').before(note);
  }
  note.textContent = t('public-extra.quota-reached');
}

/** After the page is shown: the phone, and no form when bookings are closed. */
export async function publicExtras(page) {
  await addCatalogs(['public-extra']);
  if (page.phone && !$('contact-phone')) {
    $('addresses').after(h('p', { id: 'contact-phone' }, t('public-extra.phone'), ' ',
      h('a', { href: `tel:${page.phone}` }, page.phone)));
  }
  if (page.bookingsClosed) {
    closed();
  }
}

/** Whether a refused booking was refused for the quota (PLAN-2): then the form gives way to the sentence. */
export function quotaRefusal(e) {
  if (e && e.type && String(e.type).endsWith('/quota-reached')) {
    closed();
    return true;
  }
  return false;
}
