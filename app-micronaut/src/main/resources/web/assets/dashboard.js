// PAGE-4: the practitioner's dashboard. The page itself is public; every call below needs the session
// cookie, and a 401 sends the browser to /login (common.run). Times are shown in the practitioner's zone.
import {
  addDays, api, dateTime, day, fill, h, modeText, money, newKey, run, say, stateText, time, today,
} from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';
import { errorText } from '/assets/common.js';
import { loadPaymentAccount } from '/assets/payment-account.js';
import { bookingsTable, historyTable, moneyText, totalsTable } from '/assets/money-view.js';
import { loadInvoices, loadRevenue } from '/assets/invoices.js';
import { loadPlan } from '/assets/plan.js';
import { activityNames, loadActivities, loadActivityNames } from '/assets/activities.js';
import { loadOpenings } from '/assets/openings.js';
import { loadProfile } from '/assets/profile.js';
import { loadSettings } from '/assets/settings.js';
import { loadFormBuilder } from '/assets/form-builder.js';
import { loadManualBooking, moveActions } from '/assets/manual-booking.js';
import { loadCalendar } from '/assets/calendar.js';

const P = '/api/practitioner';
const error = document.getElementById('error');
const done = document.getElementById('done');
let zone;
let view = 'day';

const $ = id => document.getElementById(id);

// Tabs

const tabs = Array.from(document.querySelectorAll('[role=tab]'));
const loaders = {
  agenda: () => loadAgenda(),
  requests: () => loadRequests(),
  clients: () => loadClients(),
  money: () => loadMoney(),
  plan: () => loadPlan(error, done, zone),
  activities: () => loadActivities(section()),
  openings: () => loadOpenings(section()),
  page: () => loadProfile(section()),
  'payment-account': () => loadPaymentAccount(zone),
  invoices: () => loadInvoices(),
  revenue: () => loadRevenue(),
  settings: async () => {
    await loadSettings(section());
    await loadFormBuilder(section());
  },
  'new-booking': () => loadManualBooking(section()),
  calendar: () => loadCalendar(),
};

/** What the settings modules need: the page's alert and status, and the practitioner's zone. */
const sectionContext = {
  error, done, get zone() {
    return zone;
  }, zoneChanged: next => {
    zone = next;
  },
};

function section() {
  return sectionContext;
}

function select(tab) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
  say(done, '');
  say(error, '');
  loaders[tab.getAttribute('aria-controls')]();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', event => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      next.focus();
      select(next);
    }
  });
}

// Bookings: one line each, and the detail with what may be done next.

function bookingLine(b, withDate) {
  return h('li', { 'data-booking': b.id },
    h('strong', {}, withDate ? dateTime(b.start, zone) : `${time(b.start, zone)}–${time(b.end, zone)}`), ' ',
    h('span', { class: 'client-name' }, b.client.name), ' · ',
    activityNames.get(b.activityId) || t('dashboard.booking.activity'), ' · ', modeText(b.mode), ' ',
    h('span', { class: 'state', 'data-state': b.state }, stateText(b.state)), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => showDetail(b.id) }, t('dashboard.booking.details')));
}

const commands = () => ({
  PENDING: [['confirm', t('dashboard.command.confirm')], ['refuse', t('dashboard.command.refuse')]],
  HELD: [['cancel', t('dashboard.command.cancel')]],
  CONFIRMED: [['cancel', t('dashboard.command.cancel')], ['no-show', t('dashboard.command.no-show')]],
  COMPLETED: [['no-show', t('dashboard.command.no-show')]],
});

/** A command on a booking; its key is made once per click and reused if the same command is retried. */
async function command(bookingId, name, button) {
  const key = button.dataset.key || (button.dataset.key = newKey());
  const b = await run(error, () => api('POST', `${P}/bookings/${encodeURIComponent(bookingId)}/${name}`, undefined,
    { 'Idempotency-Key': key }), button);
  if (b) {
    delete button.dataset.key;
    say(done, t('dashboard.booking.done', { name: b.client.name, state: stateText(b.state) }));
    await showDetail(b.id);
    await refreshCount();
  }
}

async function showDetail(bookingId) {
  const b = await run(error, () => api('GET', `${P}/bookings/${encodeURIComponent(bookingId)}`));
  if (!b) {
    return;
  }
  const fields = [
    [t('dashboard.booking.when'), t('dashboard.booking.when-text', { start: dateTime(b.start, zone), end: time(b.end, zone) })],
    [t('dashboard.booking.activity'), activityNames.get(b.activityId) || b.activityId],
    [t('dashboard.booking.how'), modeText(b.mode)],
    [t('dashboard.booking.state'), stateText(b.state)],
    [t('dashboard.booking.client'), b.client.name],
    [t('dashboard.booking.email'), b.client.email],
    [t('dashboard.booking.phone'), b.client.phone],
    [t('dashboard.booking.price'), money(b.price)],
    [t('dashboard.booking.paid'), money(b.paid)],
    [t('dashboard.booking.money'), moneyText(b.money)],
    ...(b.money && b.money.state !== 'NOTHING_ONLINE' ? [[t('dashboard.booking.you-receive'), money(b.money.net)]] : []),
    ...Object.entries(b.answers || {}),
  ];
  fill($('detail-fields'), fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  fill($('detail-actions'), (commands()[b.state] || []).map(([name, label]) =>
    h('button', { type: 'button', class: name === 'confirm' ? '' : 'secondary', 'data-command': name,
      onclick: event => command(b.id, name, event.currentTarget) }, label)),
    moveActions(b, section(), () => showDetail(b.id)));
  $('detail').hidden = false;
  $('detail').focus();
}

$('detail-close').addEventListener('click', () => {
  $('detail').hidden = true;
  loaders[document.querySelector('[role=tab][aria-selected=true]').getAttribute('aria-controls')]();
});

// Agenda (day and week)

const dateInput = $('agenda-date');

async function loadAgenda() {
  const date = dateInput.value || today(zone);
  const list = await run(error, () => api('GET', `${P}/agenda/${view}/${date}`));
  if (!list) {
    return;
  }
  const target = $('agenda-list');
  if (list.length === 0) {
    fill(target, h('p', { class: 'muted' }, view === 'day'
      ? t('dashboard.agenda.empty-day', { day: day(date + 'T12:00:00Z', 'UTC') }) : t('dashboard.agenda.empty-week')));
    return;
  }
  const byDay = new Map();
  for (const b of list) {
    const key = day(b.start, zone);
    byDay.set(key, [...(byDay.get(key) || []), b]);
  }
  fill(target, [...byDay].map(([d, bookings]) =>
    h('div', { class: 'card' }, h('h2', {}, d), h('ul', { class: 'plain' }, bookings.map(b => bookingLine(b, false))))));
}

function setView(next) {
  view = next;
  $('agenda-day').setAttribute('aria-pressed', String(view === 'day'));
  $('agenda-week').setAttribute('aria-pressed', String(view === 'week'));
  $('agenda-day').className = view === 'day' ? '' : 'secondary';
  $('agenda-week').className = view === 'week' ? '' : 'secondary';
  loadAgenda();
}

$('agenda-day').addEventListener('click', () => setView('day'));
$('agenda-week').addEventListener('click', () => setView('week'));
dateInput.addEventListener('change', () => loadAgenda());
$('agenda-previous').addEventListener('click', () => {
  dateInput.value = addDays(dateInput.value || today(zone), view === 'day' ? -1 : -7);
  loadAgenda();
});
$('agenda-next').addEventListener('click', () => {
  dateInput.value = addDays(dateInput.value || today(zone), view === 'day' ? 1 : 7);
  loadAgenda();
});

// Requests (BK-4)

async function refreshCount() {
  const list = await run(error, () => api('GET', `${P}/requests`));
  if (list) {
    $('requests-count').textContent = list.length ? `(${list.length})` : '';
  }
  return list;
}

async function loadRequests() {
  const list = await refreshCount();
  if (!list) {
    return;
  }
  if (list.length === 0) {
    fill($('requests-list'), h('li', { class: 'muted' }, t('dashboard.requests.none')));
    return;
  }
  fill($('requests-list'), list.map(b => {
    const line = bookingLine(b, true);
    line.append(' ',
      h('button', { type: 'button', 'data-command': 'confirm', onclick: e => command(b.id, 'confirm', e.currentTarget) }, t('dashboard.command.confirm')), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-command': 'refuse', onclick: e => command(b.id, 'refuse', e.currentTarget) }, t('dashboard.command.refuse')));
    return line;
  }));
}

// Clients (CLI-1)

async function loadClients() {
  const list = await run(error, () => api('GET', `${P}/clients`));
  if (!list) {
    return;
  }
  fill($('client-bookings'));
  if (list.length === 0) {
    fill($('clients-list'), h('li', { class: 'muted' }, t('dashboard.clients.none')));
    return;
  }
  fill($('clients-list'), list.map(c => h('li', {},
    h('strong', {}, c.details.name), ' · ', c.details.email, ' · ', c.details.phone, ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => clientBookings(c) }, t('dashboard.clients.bookings')))));
}

async function clientBookings(c) {
  const list = await run(error, () => api('GET', `${P}/clients/${encodeURIComponent(c.id)}/bookings`));
  if (list) {
    fill($('client-bookings'), h('div', { class: 'card' }, h('h2', {}, t('dashboard.clients.bookings-of', { name: c.details.name })),
      list.length ? h('ul', { class: 'plain' }, list.map(b => bookingLine(b, true))) : h('p', { class: 'muted' }, t('dashboard.clients.no-booking'))));
  }
}

// Money: balances, payout destination, payouts with statements, history (PAY-6, FEE-4, PO-3 … PO-5)

function table(headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(x => h('td', {}, x)))))));
}

async function loadMoney() {
  const balances = await run(error, () => api('GET', `${P}/balances`));
  if (balances) {
    fill($('balances'), h('p', {}, h('strong', {}, t('dashboard.money.payable')), h('span', { id: 'payable' }, money(balances.payable))),
      table([t('dashboard.money.account'), t('dashboard.money.balance-col')], Object.entries(balances.byAccount || {}).map(([k, v]) => [k, money(v)])),
      totalsTable(balances));
  }
  try {
    const d = await api('GET', `${P}/payout-destination`);
    say($('destination-now'), d.kind === 'BANK_ACCOUNT' ? t('dashboard.money.destination-bank', { holder: d.holder, iban: d.iban })
      : t('dashboard.money.destination-provider', { account: d.accountId }));
  } catch (e) {
    say($('destination-now'), t('dashboard.money.no-destination'));
  }
  const payouts = await run(error, () => api('GET', `${P}/payouts`));
  if (payouts) {
    fill($('payouts'), payouts.length === 0 ? h('p', { class: 'muted' }, t('dashboard.money.no-payout')) : payouts.map(p =>
      h('details', { class: 'card' }, h('summary', {}, `${dateTime(p.createdAt, zone)} · ${money(p.amount)} · ${p.state}`),
        table([t('dashboard.money.when'), t('dashboard.money.what'), t('dashboard.money.amount')], (p.statement || []).map(l => [dateTime(l.at, zone), l.kind, money(l.amount)])))));
  }
  const payments = await run(error, () => api('GET', `${P}/payments`));
  if (payments) {
    fill($('payments'), payments.length === 0 ? h('p', { class: 'muted' }, t('dashboard.money.no-payment'))
      : historyTable(payments, zone));
  }
  const byBooking = await run(error, () => api('GET', `${P}/payments/bookings`));
  if (byBooking) {
    fill($('payments-by-booking'), byBooking.length === 0 ? h('p', { class: 'muted' }, t('dashboard.money.no-booking-paid'))
      : bookingsTable(byBooking));
  }
}

$('payout-request').addEventListener('click', async event => {
  const button = event.currentTarget;
  const key = button.dataset.key || (button.dataset.key = newKey());
  const payout = await run(error, () => api('POST', `${P}/payouts`, undefined, { 'Idempotency-Key': key }), button);
  if (payout) {
    delete button.dataset.key;
    say(done, t('dashboard.money.payout-requested', { amount: money(payout.amount) }));
    loadMoney();
  }
});

$('destination').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const saved = await run(error, () => api('PUT', `${P}/payout-destination`,
    { holder: form.holder.value.trim(), iban: form.iban.value.replace(/\s+/g, ''), bic: form.bic.value.trim() || undefined }));
  if (saved) {
    say(done, t('dashboard.money.destination-saved'));
    form.reset();
    loadMoney();
  }
});

$('logout').addEventListener('click', async event => {
  await run(error, () => api('POST', '/api/auth/logout'), event.currentTarget);
  location.assign('/login');
});

// Start: who is logged in (401 → /login), then the agenda of today in the practitioner's zone.
(async () => {
  const profile = await run(error, () => api('GET', `${P}/profile`));
  if (!profile) {
    return;
  }
  zone = profile.zone || undefined;
  // Issue 14: the account's language, unless this browser chose another; switching saves it to the account,
  // so the practitioner's e-mails follow.
  await startPage(['dashboard', 'money', 'plan', 'invoices', 'payment-account',
    'dash-forms', 'activities', 'openings', 'profile', 'settings', 'form-builder', 'manual-booking', 'calendar'], {
    accountLanguage: profile.language,
    save: code => api('PUT', `${P}/profile`, { language: code }),
    onError: e => say(error, errorText(e)),
  });
  $('who').textContent = `${profile.name} · ${profile.zone}`;
  dateInput.value = today(zone);
  await loadActivityNames();
  await refreshCount();
  await loadAgenda();
  // Back from the payment provider's pages (or a link to a section): that section.
  const linked = location.hash && document.querySelector(`[role=tab][aria-controls="${CSS.escape(location.hash.slice(1))}"]`);
  if (linked) {
    select(linked);
  }
  document.body.dataset.ready = 'true';
})();
