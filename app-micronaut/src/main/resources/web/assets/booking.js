// The client's booking link (/b/{token}): see the booking in the practitioner's zone, pay, cancel with the
// cancellation terms shown first (CX-1 … CX-3) and the consequence from the API's answer, or move it.
import { api, dateTime, errorText, fill, h, modeText, money, newKey, run, say, stateText, time } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';
import { moneyText, nextStepText } from '/assets/money-view.js';

const token = decodeURIComponent(location.pathname.split('/')[2] || '');
const base = '/api/public/bookings/' + encodeURIComponent(token);
const error = document.getElementById('error');
const done = document.getElementById('done');
let booking = null;
// CX-7: a waitlist alert links here with the time it offers.
const offer = new URLSearchParams(location.search).get('offer');
// One key per attempt: a retried cancel (a lost answer, a double click) cancels once (BK-8).
let cancelKey = null;

function show(b) {
  booking = b;
  const zone = b.zone || undefined;
  document.getElementById('loading').hidden = true;
  document.getElementById('booking').hidden = false;
  document.getElementById('what').textContent = b.activityName || t('booking.appointment');
  document.getElementById('when').textContent = b.zone
    ? t('booking.when-zone', { start: dateTime(b.start, zone), end: time(b.end, zone), zone: b.zone })
    : t('booking.when-text', { start: dateTime(b.start, zone), end: time(b.end, zone) });
  document.getElementById('mode').textContent = modeText(b.mode);
  document.getElementById('state').textContent = stateText(b.state);
  document.getElementById('state').dataset.state = b.state;
  document.getElementById('price').textContent = money(b.price);
  document.getElementById('paid').textContent = money(b.paid);
  document.getElementById('money').textContent = moneyText(b.money);
  const open = ['HELD', 'PENDING', 'CONFIRMED'].includes(b.state);
  const late = b.freeCancellationUntil && new Date(b.freeCancellationUntil) <= new Date();
  let terms = '';
  const free = !b.noShowPercent || Number(b.noShowPercent) === 0;
  if (open && b.clientsMayCancel && b.freeCancellationUntil && free) {
    terms = t('booking.free');
  } else if (open && b.clientsMayCancel && b.freeCancellationUntil) {
    terms = late
      ? t('booking.late', { until: dateTime(b.freeCancellationUntil, zone), percent: b.noShowPercent })
      : t('booking.terms', { until: dateTime(b.freeCancellationUntil, zone), percent: b.noShowPercent });
  }
  say(document.getElementById('deadline'), terms);
  document.getElementById('cancel-terms').textContent = terms || t('booking.cancel-ask');
  document.getElementById('cancel-open').hidden = !(open && b.clientsMayCancel);
  document.getElementById('move-open').hidden = !(open && b.clientsMayMove);
  // BK-3, PAY-2: the API says what the client must do next (pay, save a card, or pay a charge their bank holds).
  document.getElementById('pay').hidden = !b.nextStep;
  if (b.nextStep) {
    document.getElementById('pay').textContent = nextStepText(b.nextStep);
  }
  document.getElementById('waitlist').hidden = !(open && b.waitlistAlerts);
  const offered = offer && new Date(offer) < new Date(b.start) && open && b.waitlistAlerts;
  document.getElementById('offer').hidden = !offered;
  if (offered) {
    document.getElementById('offer-text').textContent = t('booking.offer', { when: dateTime(offer, zone) });
  }
  say(document.getElementById('pay-note'), b.nextStep && b.state === 'HELD'
    ? (b.nextStep.action === 'SAVE_CARD' ? t('booking.card-before', { until: dateTime(b.nextStep.until, zone) })
      : t('booking.pay-before', { until: dateTime(b.nextStep.until, zone) }))
    : b.nextStep ? t('booking.bank-confirm', { until: dateTime(b.nextStep.until, zone) }) : '');
}

async function load() {
  // Issue 14: the page speaks the client's language (the one they booked in), unless they switch.
  let b;
  let failure;
  try {
    b = await api('GET', base);
  } catch (e) {
    failure = e;
  }
  await startPage(['booking', 'money'], { accountLanguage: b && b.language });
  document.getElementById('loading').hidden = true;
  if (failure) {
    say(error, failure.status === 404 || failure.status === 400 ? t('booking.no-booking') : errorText(failure));
  }
  if (b) {
    show(b);
    showInvoice();
  }
}

/** INV-1: once the practitioner has issued an invoice for this booking, the client downloads it here. */
async function showInvoice() {
  try {
    const response = await fetch(base + '/invoice', { credentials: 'same-origin' });
    if (response.ok) {
      document.getElementById('invoice').href = base + '/invoice';
      document.getElementById('invoice-link').hidden = false;
    }
  } catch (e) {
    // No invoice link: the rest of the page works without it.
  }
}

document.getElementById('cancel-open').addEventListener('click', () => {
  cancelKey = cancelKey || newKey();
  document.getElementById('cancel-confirm').hidden = false;
  document.getElementById('cancel').focus();
});
document.getElementById('cancel-keep').addEventListener('click', () => {
  document.getElementById('cancel-confirm').hidden = true;
  cancelKey = null;
});
document.getElementById('cancel').addEventListener('click', async event => {
  const before = booking;
  const after = await run(error, () => api('POST', base + '/cancel', undefined, { 'Idempotency-Key': cancelKey }), event.currentTarget);
  if (after) {
    cancelKey = null;
    document.getElementById('cancel-confirm').hidden = true;
    show(after);
    say(done, Number(after.paid.amount) > 0 && after.paid.amount !== before.paid.amount
      ? t('booking.cancelled-charged', { amount: money(after.paid) })
      : Number(after.paid.amount) === 0 ? t('booking.cancelled-free') : t('booking.cancelled'));
  }
});

document.getElementById('pay').addEventListener('click', async event => {
  const checkout = await run(error, () => api('POST', base + '/checkout'), event.currentTarget);
  if (checkout && checkout.redirect) {
    location.assign(checkout.redirect);
  }
});

// Moving: the free start times of the same activity on a chosen date, then the move route.
const move = document.getElementById('move');
let moveKey = null;
let chosen = null;
let moveQuery = 0;
document.getElementById('move-open').addEventListener('click', () => {
  move.hidden = false;
  moveKey = moveKey || newKey();
  document.getElementById('move-date').focus();
});
document.getElementById('move-date').addEventListener('change', async event => {
  const date = event.target.value;
  const slots = document.getElementById('move-slots');
  chosen = null;
  document.getElementById('move-submit').disabled = true;
  fill(slots);
  if (!date) {
    return;
  }
  const asked = ++moveQuery;
  const found = await run(error, () => api('GET', `${base}/availability?from=${date}&to=${date}`));
  if (!found || asked !== moveQuery) {
    return; // refused, or the client chose another date meanwhile: a late answer must not list the wrong day
  }
  const free = found.slots || [];
  if (free.length === 0) {
    fill(slots, h('p', { class: 'muted' }, t('booking.no-slot')));
  }
  for (const slot of free) {
    slots.append(h('button', {
      type: 'button', 'aria-pressed': 'false', onclick: e => {
        for (const other of slots.querySelectorAll('button')) other.setAttribute('aria-pressed', 'false');
        e.currentTarget.setAttribute('aria-pressed', 'true');
        chosen = slot.start;
        moveKey = newKey(); // another time is another request: a key reused for it would be refused as such
        document.getElementById('move-submit').disabled = false;
      },
    }, time(slot.start, booking.zone)));
  }
});
move.addEventListener('submit', async event => {
  event.preventDefault();
  const moved = await run(error, () => api('POST', base + '/move', { newStart: chosen }, { 'Idempotency-Key': moveKey }),
    document.getElementById('move-submit'));
  if (moved) {
    moveKey = null;
    move.hidden = true;
    show(moved);
    say(done, t('booking.moved'));
  }
});

// CX-7: the waiting list for an earlier time, and taking the time an alert offered.
let offerKey = null;
document.getElementById('offer-accept').addEventListener('click', async event => {
  offerKey = offerKey || newKey();
  const moved = await run(error, () => api('POST', base + '/waitlist/offer/accept', { offeredStart: offer },
    { 'Idempotency-Key': offerKey }), event.currentTarget);
  if (moved) {
    offerKey = null;
    show(moved);
    document.getElementById('offer').hidden = true;
    say(done, t('booking.moved-to', { when: dateTime(moved.start, moved.zone || undefined) }));
  }
});
document.getElementById('waitlist-join').addEventListener('click', async event => {
  const entry = await run(error, () => api('POST', base + '/waitlist'), event.currentTarget);
  if (entry) {
    say(document.getElementById('waitlist-note'), t('booking.waitlist-joined'));
    document.getElementById('waitlist-join').hidden = true;
    document.getElementById('waitlist-leave').hidden = false;
  }
});
document.getElementById('waitlist-leave').addEventListener('click', async event => {
  const left = await run(error, () => api('DELETE', base + '/waitlist'), event.currentTarget);
  if (left !== undefined) {
    say(document.getElementById('waitlist-note'), t('booking.waitlist-left'));
    document.getElementById('waitlist-join').hidden = false;
    document.getElementById('waitlist-leave').hidden = true;
  }
});

load();

// CAL-1: "add to my calendar" (calendar-link.js).
import { addToCalendar } from '/assets/calendar-link.js';
addToCalendar(base);
