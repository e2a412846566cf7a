// PAGE-1 … PAGE-3: a practitioner's public booking page at /p/{slug}: presentation, photo, addresses,
// activities with prices and modes, the free start times of a date in the practitioner's zone, and the
// booking form. With ?embed=1 only the form shows, for the iframe snippet of the practitioner's own site.
import { ApiError, addDays, api, dateTime, day, errorText, fill, h, markField, modeText, money, newKey, param, say, time, today } from '/assets/common.js';
import { lang, t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';
import { publicExtras, quotaRefusal } from '/assets/public-extra.js';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const $ = id => document.getElementById(id);
const error = $('error');
const form = $('book');
let page;
let practitionerId;
let chosen = null;
// BK-8: one key per submission attempt. A retry after a lost answer (network, 5xx) reuses it, so the
// booking is made once; an answer received, or any change to the form, starts a new attempt.
let attemptKey = null;

if (param('embed') === '1') {
  document.body.classList.add('embed');
}

function activity() {
  const checked = form.querySelector('input[name=activity]:checked');
  return checked ? page.activities.find(a => a.id === checked.value) : undefined;
}

function showPage(p) {
  page = p;
  practitionerId = p.practitionerId;
  $('loading').hidden = true;
  $('who').hidden = false;
  $('name').textContent = p.name || '';
  document.title = p.name ? t('public.page-title', { name: p.name }) : t('public.title');
  say($('presentation'), p.presentation || '');
  if (p.photoUrl) {
    // The API gives the photo's address on the public base URL; load it from the origin the page came from.
    const photo = new URL(p.photoUrl, location.origin);
    $('photo').src = photo.pathname + photo.search;
    $('photo').alt = p.name || '';
    $('photo').hidden = false;
  }
  fill($('addresses'), (p.addresses || []).map(a => typeof a === 'string' ? h('li', {}, a)
    : h('li', {}, a.label ? h('strong', {}, a.label, ': ') : '', a.address)));

  const activities = p.activities || [];
  // PLAN-2: past the free plan's monthly quota, the page says so instead of offering times.
  fill($('activities'), p.bookingsClosed ? h('p', { class: 'error', id: 'bookings-closed' }, t('problem.quota-reached'))
    : activities.length === 0 ? h('p', { class: 'muted' }, t('public.nothing-bookable'))
    : activities.map((a, i) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: 'activity', id: `activity-${i}`, value: a.id, checked: i === 0 }),
      h('label', { for: `activity-${i}` }, `${a.name} · ${t('public.duration', { minutes: a.durationMinutes })} · ${money(a.price)} · ${(a.modes || []).map(modeText).join(', ')}`))));

  fill($('questions'), (p.form || []).map(q => h('div', { class: 'field' },
    h('label', { for: `answer-${q.key}` }, q.required ? q.label : t('public.optional', { label: q.label })),
    h('input', { id: `answer-${q.key}`, 'data-answer': q.key, 'data-field': `answers.${q.key}`, maxlength: q.maxLength || 250, required: q.required }))));

  $('pay-choice').hidden = p.onlinePayment !== 'OPTIONAL';
  $('pay-required').hidden = p.onlinePayment !== 'REQUIRED';
  if (p.zone) {
    say($('zone-note'), t('public.zone-note', { zone: p.zone }));
  }
  const first = today(p.zone);
  $('date').min = first;
  $('date').value = first;
  form.hidden = activities.length === 0;
  modes();
  loadSlots();
  publicExtras(p);
}

let slotQuery = 0;

function modes() {
  const a = activity();
  fill($('mode'), ((a && a.modes) || []).map(m => h('option', { value: m }, modeText(m))));
}

async function loadSlots() {
  const a = activity();
  const date = $('date').value;
  chosen = null;
  $('book-submit').disabled = true;
  fill($('slots'));
  say($('slots-note'), '');
  if (!a || !date) {
    return;
  }
  try {
    const asked = ++slotQuery;
    const found = await api('GET', `/api/public/practitioners/${encodeURIComponent(practitionerId)}/availability`
      + `?activityId=${encodeURIComponent(a.id)}&from=${date}&to=${date}`);
    if (asked !== slotQuery) {
      return; // the client chose another date or activity meanwhile: a late answer must not list the wrong day
    }
    const slots = found.slots || [];
    if (slots.length === 0) {
      say($('slots-note'), t('public.no-slot'));
      await offerNextFreeDay(a, date);
      return;
    }
    say($('slots-note'), t('public.slot-count', { count: slots.length }));
    for (const slot of slots) {
      $('slots').append(h('button', {
        type: 'button', 'aria-pressed': 'false', 'data-start': slot.start, onclick: event => {
          for (const other of $('slots').querySelectorAll('button')) other.setAttribute('aria-pressed', 'false');
          event.currentTarget.setAttribute('aria-pressed', 'true');
          chosen = slot;
          attemptKey = null;
          $('book-submit').disabled = false;
        },
      }, time(slot.start, page.zone)));
    }
  } catch (e) {
    say($('slots-note'), '');
    say(error, errorText(e));
  }
}

/** A client should not have to guess which day has room: the next free day in the coming eight weeks, one click away. */
async function offerNextFreeDay(a, date) {
  const found = await api('GET', `/api/public/practitioners/${encodeURIComponent(practitionerId)}/availability`
    + `?activityId=${encodeURIComponent(a.id)}&from=${addDays(date, 1)}&to=${addDays(date, 56)}`);
  const next = (found.slots || [])[0];
  if (!next || $('date').value !== date) {
    return; // nothing soon, or the client chose another date meanwhile
  }
  const nextDate = new Intl.DateTimeFormat('en-CA', { timeZone: page.zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(next.start));
  say($('slots-note'), t('public.no-slot-short'));
  $('slots').append(h('button', {
    type: 'button', id: 'next-free-day', onclick: () => {
      $('date').value = nextDate;
      loadSlots();
    },
  }, t('public.next-free-day', { day: day(next.start, page.zone) })));
}

form.addEventListener('change', event => {
  attemptKey = null;
  if (event.target.name === 'activity') {
    modes();
    loadSlots();
  } else if (event.target.id === 'date') {
    loadSlots();
  }
});
form.addEventListener('input', () => {
  attemptKey = null;
});

form.addEventListener('submit', async event => {
  event.preventDefault();
  const bookError = $('book-error');
  say(bookError, '');
  say(error, '');
  if (!chosen) {
    say(bookError, t('public.choose-slot'));
    return;
  }
  const answers = {};
  for (const input of form.querySelectorAll('[data-answer]')) {
    if (input.value.trim()) {
      answers[input.dataset.answer] = input.value.trim();
    }
  }
  attemptKey = attemptKey || newKey();
  const button = $('book-submit');
  button.disabled = true;
  try {
    const booking = await api('POST', `/api/public/practitioners/${encodeURIComponent(practitionerId)}/bookings`, {
      activityId: activity().id, start: chosen.start, mode: form.mode.value,
      client: {
        name: form.clientName.value.trim(), email: form.clientEmail.value.trim(), phone: form.clientPhone.value.trim(),
        language: lang(), // issue 14: the client's messages follow the language of the page they booked on
      },
      answers, payOnline: page.onlinePayment === 'REQUIRED' || $('pay-online').checked,
    }, { 'Idempotency-Key': attemptKey });
    attemptKey = null;
    booked(booking);
  } catch (e) {
    if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
      attemptKey = null; // refused: the next try is a new attempt
    }
    if (quotaRefusal(e)) {
      return;
    }
    say(bookError, errorText(e) + (e instanceof ApiError && e.status >= 400 && e.status < 500 ? '' : ` ${t('problem.try-again')}`));
    markField(bookError, e);
    button.disabled = false;
  }
});

function booked(b) {
  form.hidden = true;
  $('booked').hidden = false;
  const state = {
    HELD: b.expiresAt ? t('public.held', { until: dateTime(b.expiresAt, page.zone) }) : t('public.held-soon'),
    PENDING: t('public.pending'),
    CONFIRMED: t('public.confirmed'),
  }[b.state] || '';
  say($('booked-summary'), t('public.summary', { activity: b.activityName || activity().name, when: dateTime(b.start, page.zone), state }));
  const link = $('booked-link');
  link.href = b.clientLink;
  link.textContent = b.clientLink;
  if (document.body.classList.contains('embed')) {
    link.target = '_blank';
    link.rel = 'noopener';
  }
  const pay = $('booked-pay');
  pay.hidden = b.state !== 'HELD';
  pay.onclick = async () => {
    pay.disabled = true;
    try {
      const token = b.clientLink.slice(b.clientLink.lastIndexOf('/') + 1);
      const checkout = await api('POST', `/api/public/bookings/${encodeURIComponent(token)}/checkout`);
      if (window.top === window) {
        location.assign(checkout.redirect);
      } else {
        window.open(checkout.redirect, '_blank', 'noopener'); // the provider's page does not run inside a frame
      }
    } catch (e) {
      say(error, errorText(e));
    } finally {
      pay.disabled = false;
    }
  };
  $('booked').focus();
}

(async () => {
  await startPage(['public']);
  try {
    showPage(await api('GET', `/api/public/pages/${encodeURIComponent(slug)}`));
  } catch (e) {
    $('loading').hidden = true;
    say(error, e instanceof ApiError && e.status === 404 ? t('public.no-page') : errorText(e));
  }
})();


// CLI-2, BK-1: a signed-in client finds the form filled in with their details (client-prefill.js).
import { prefillFromClientAccount } from '/assets/client-prefill.js';
prefillFromClientAccount();
