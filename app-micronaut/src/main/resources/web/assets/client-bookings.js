// CLI-2: the client's account at /client/bookings: every booking with every practitioner, upcoming and past,
// with its state and money; cancel or move within the practitioner's rules (the same commands as the booking
// link, each attempt with its Idempotency-Key, BK-8); download the data; erase it (GDPR).
import { ApiError, api, fill, h, newKey, say } from '/assets/common.js';
import { formatInstant, formatMoney, problemText, t, useCatalogs } from '/assets/i18n.js';
import { languageSwitch } from '/assets/client-language.js';

const $ = id => document.getElementById(id);
const SEAT_HOLDING = ['HELD', 'PENDING', 'CONFIRMED'];
let me = null;
let bookings = [];

function problem(e) {
  return e instanceof ApiError ? problemText(e.status, e.type) : t('problem.generic');
}

function when(b) {
  return formatInstant(b.booking.start, b.booking.zone, { dateStyle: 'full', timeStyle: 'short' });
}

function moneyLines(money) {
  const lines = [];
  const positive = a => a && Number(a.amount) > 0;
  if (positive(money.paid)) lines.push(t('client.money.paid', { amount: formatMoney(money.paid) }));
  if (positive(money.refunded)) lines.push(t('client.money.refunded', { amount: formatMoney(money.refunded) }));
  if (positive(money.charged)) lines.push(t('client.money.charged', { amount: formatMoney(money.charged) }));
  if (positive(money.refundPending)) lines.push(t('client.money.refundPending', { amount: formatMoney(money.refundPending) }));
  if (positive(money.chargePending)) lines.push(t('client.money.chargePending', { amount: formatMoney(money.chargePending) }));
  if (lines.length === 0) lines.push(t('client.money.nothing'));
  return lines;
}

/** Runs a command on a booking; one key per attempt, reused if the same attempt is retried after no answer. */
async function command(item, path, body, done, errorElement, attempt) {
  attempt.key = attempt.key || newKey();
  try {
    await api('POST', `/api/client/bookings/${encodeURIComponent(item.booking.id)}/${path}`, body,
      { 'Idempotency-Key': attempt.key });
    attempt.key = null;
    say($('notice'), done);
    await load();
  } catch (e) {
    if (e instanceof ApiError && e.status !== 0) {
      attempt.key = null;
    }
    say(errorElement, problem(e));
  }
}

function cancelControls(item, errorElement) {
  const b = item.booking;
  const attempt = {};
  const zone = b.zone;
  const free = b.freeCancellationUntil && new Date(b.freeCancellationUntil) > new Date();
  const terms = h('p', { class: 'muted', text: free
    ? t('client.cancel.free', { date: formatInstant(b.freeCancellationUntil, zone, { dateStyle: 'long', timeStyle: 'short' }) })
    : t('client.cancel.late', { percent: b.noShowPercent || '0' }) });
  const confirm = h('button', { type: 'button', class: 'danger', text: t('client.cancel.confirm'),
    onclick: () => command(item, 'cancel', undefined, t('client.cancel.done'), errorElement, attempt) });
  const keep = h('button', { type: 'button', class: 'secondary', text: t('client.cancel.keep') });
  const confirmBox = h('div', { hidden: true }, terms, h('p', { class: 'actions' }, confirm, keep));
  const open = h('button', { type: 'button', class: 'secondary', text: t('client.cancel.button'),
    'aria-expanded': 'false', onclick: () => {
      confirmBox.hidden = false;
      open.setAttribute('aria-expanded', 'true');
      confirm.focus();
    } });
  keep.addEventListener('click', () => {
    confirmBox.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  });
  return [open, confirmBox];
}

function moveControls(item, errorElement) {
  const b = item.booking;
  const attempt = {};
  const id = `move-date-${b.id}`;
  const slots = h('div', { class: 'slots', 'aria-live': 'polite' });
  const date = h('input', { type: 'date', id });
  date.addEventListener('change', async () => {
    if (!date.value) return;
    try {
      const answer = await api('GET', `/api/client/bookings/${encodeURIComponent(b.id)}/availability?from=${date.value}&to=${date.value}`);
      const free = answer.slots.filter(s => s.start !== b.start);
      fill(slots, free.length === 0 ? h('p', { class: 'muted', text: t('client.move.none') }) : free.map(s => {
        const label = formatInstant(s.start, b.zone, { timeStyle: 'short' });
        return h('button', { type: 'button', class: 'secondary', 'aria-label': t('client.move.pick', { time: label }),
          onclick: () => command(item, 'move', { newStart: s.start }, t('client.move.done'), errorElement, attempt) }, label);
      }));
    } catch (e) {
      say(errorElement, problem(e));
    }
  });
  const box = h('div', { hidden: true }, h('div', { class: 'field' }, h('label', { for: id, text: t('client.move.date') }), date), slots);
  const open = h('button', { type: 'button', class: 'secondary', text: t('client.move.button'), 'aria-expanded': 'false',
    onclick: () => {
      box.hidden = !box.hidden;
      open.setAttribute('aria-expanded', String(!box.hidden));
      if (!box.hidden) date.focus();
    } });
  return [open, box];
}

function card(item) {
  const b = item.booking;
  const errorElement = h('p', { class: 'error', role: 'alert' });
  const title = [b.activityName || '', t('client.booking.with', { name: item.practitionerName })].join(' ');
  const controls = [];
  if (item.upcoming && SEAT_HOLDING.includes(b.state)) {
    if (b.clientsMayCancel) controls.push(...cancelControls(item, errorElement));
    if (b.clientsMayMove && b.state !== 'HELD') controls.push(...moveControls(item, errorElement));
  }
  const links = [];
  if (item.pageUrl) {
    const url = new URL(item.pageUrl, location.origin);
    links.push(h('a', { href: url.pathname, class: 'book-again', text: t('client.booking.bookAgain') }));
  }
  return h('li', { class: 'card client-booking', 'data-booking-id': b.id },
    h('h3', { class: 'booking-title', text: title }),
    h('p', {}, h('span', { class: 'booking-when', text: t('client.booking.when', { date: when(item) }) }), ' · ',
      h('span', { text: t(`client.mode.${b.mode}`) }), ' · ',
      h('span', { class: 'state booking-state', text: t(`client.state.${b.state}`) })),
    h('p', { class: 'booking-price', text: t('client.booking.price', { amount: formatMoney(b.price) }) }),
    h('ul', { class: 'plain booking-money' }, moneyLines(b.money).map(line => h('li', { text: line }))),
    h('div', { class: 'actions' }, controls, links),
    errorElement);
}

function render() {
  if (!me) return;
  $('who').textContent = t('client.account.signedInAs', { email: me.email });
  const upcoming = bookings.filter(b => b.upcoming && SEAT_HOLDING.includes(b.booking.state));
  const past = bookings.filter(b => !upcoming.includes(b)).reverse();
  const none = () => h('li', { class: 'muted', text: t('client.none') });
  fill($('upcoming'), upcoming.length ? upcoming.map(card) : none());
  fill($('past'), past.length ? past.map(card) : none());
}

async function load() {
  try {
    me = await api('GET', '/api/client/me');
    bookings = await api('GET', '/api/client/bookings');
    $('account').hidden = false;
    $('signed-out').hidden = true;
    render();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
      me = null;
      $('account').hidden = true;
      $('signed-out').hidden = false;
    } else {
      say($('error'), problem(e));
    }
  } finally {
    $('loading').hidden = true;
  }
}

$('sign-out').addEventListener('click', async () => {
  try {
    await api('POST', '/api/client/sign-out');
  } finally {
    me = null;
    $('account').hidden = true;
    $('signed-out').hidden = false;
    say($('notice'), t('client.account.signedOut'));
  }
});

$('download').addEventListener('click', async () => {
  try {
    const data = await api('GET', '/api/client/data');
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: 'rendezvous-data.json', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say($('download-done'), t('client.data.downloaded', { count: data.bookings.length }));
  } catch (e) {
    say($('error'), problem(e));
  }
});

$('erase').addEventListener('click', async () => {
  const error = $('erase-error');
  say(error, '');
  if (!$('erase-understand').checked) {
    say(error, t('client.erase.needConfirm'));
    $('erase-understand').focus();
    return;
  }
  try {
    const erased = await api('DELETE', '/api/client/account');
    me = null;
    $('account').hidden = true;
    say($('notice'), t('client.erase.done', { count: erased.bookings }));
  } catch (e) {
    say(error, problem(e));
  }
});

await useCatalogs(['client']);
languageSwitch(render);
await load();
