// PAGE-4: the practitioner's dashboard. The page itself is public; every call below needs the session
// cookie, and a 401 sends the browser to /login (common.run). Times are shown in the practitioner's zone.
import {
  addDays, api, dateTime, day, fill, h, modeText, money, newKey, run, say, stateText, time, today,
} from '/assets/common.js';
import { loadPaymentAccount } from '/assets/payment-account.js';
import { bookingsTable, historyTable, moneyText, totalsTable } from '/assets/money-view.js';
import { loadInvoices, loadRevenue } from '/assets/invoices.js';
import { loadPlan } from '/assets/plan.js';
import { loadCalendar } from '/assets/calendar.js';

const P = '/api/practitioner';
const error = document.getElementById('error');
const done = document.getElementById('done');
let zone;
let activityNames = new Map();
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
  activities: () => loadActivities(),
  openings: () => loadOpenings(),
  page: () => loadPage(),
  'payment-account': () => loadPaymentAccount(zone),
  invoices: () => loadInvoices(),
  revenue: () => loadRevenue(),
  calendar: () => loadCalendar(),
};

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
    activityNames.get(b.activityId) || 'Activity', ' · ', modeText(b.mode), ' ',
    h('span', { class: 'state', 'data-state': b.state }, stateText(b.state)), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => showDetail(b.id) }, 'Details'));
}

const commands = {
  PENDING: [['confirm', 'Confirm'], ['refuse', 'Refuse']],
  HELD: [['cancel', 'Cancel']],
  CONFIRMED: [['cancel', 'Cancel'], ['no-show', 'Report a no-show']],
  COMPLETED: [['no-show', 'Report a no-show']],
};

/** A command on a booking; its key is made once per click and reused if the same command is retried. */
async function command(bookingId, name, button) {
  const key = button.dataset.key || (button.dataset.key = newKey());
  const b = await run(error, () => api('POST', `${P}/bookings/${encodeURIComponent(bookingId)}/${name}`, undefined,
    { 'Idempotency-Key': key }), button);
  if (b) {
    delete button.dataset.key;
    say(done, `${b.client.name}: ${stateText(b.state)}.`);
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
    ['When', `${dateTime(b.start, zone)} – ${time(b.end, zone)}`],
    ['Activity', activityNames.get(b.activityId) || b.activityId],
    ['How', modeText(b.mode)],
    ['State', stateText(b.state)],
    ['Client', b.client.name],
    ['E-mail', b.client.email],
    ['Phone', b.client.phone],
    ['Price', money(b.price)],
    ['Paid', money(b.paid)],
    ['Money', moneyText(b.money)],
    ...(b.money && b.money.state !== 'NOTHING_ONLINE' ? [['You receive', money(b.money.net)]] : []),
    ...Object.entries(b.answers || {}),
  ];
  fill($('detail-fields'), fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  fill($('detail-actions'), (commands[b.state] || []).map(([name, label]) =>
    h('button', { type: 'button', class: name === 'confirm' ? '' : 'secondary', 'data-command': name,
      onclick: event => command(b.id, name, event.currentTarget) }, label)));
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
    fill(target, h('p', { class: 'muted' }, view === 'day' ? `Nothing booked on ${day(date + 'T12:00:00Z')}.` : 'Nothing booked this week.'));
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
    fill($('requests-list'), h('li', { class: 'muted' }, 'No request waits for you.'));
    return;
  }
  fill($('requests-list'), list.map(b => {
    const line = bookingLine(b, true);
    line.append(' ',
      h('button', { type: 'button', 'data-command': 'confirm', onclick: e => command(b.id, 'confirm', e.currentTarget) }, 'Confirm'), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-command': 'refuse', onclick: e => command(b.id, 'refuse', e.currentTarget) }, 'Refuse'));
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
    fill($('clients-list'), h('li', { class: 'muted' }, 'No client yet.'));
    return;
  }
  fill($('clients-list'), list.map(c => h('li', {},
    h('strong', {}, c.details.name), ' · ', c.details.email, ' · ', c.details.phone, ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => clientBookings(c) }, 'Bookings'))));
}

async function clientBookings(c) {
  const list = await run(error, () => api('GET', `${P}/clients/${encodeURIComponent(c.id)}/bookings`));
  if (list) {
    fill($('client-bookings'), h('div', { class: 'card' }, h('h2', {}, `Bookings of ${c.details.name}`),
      list.length ? h('ul', { class: 'plain' }, list.map(b => bookingLine(b, true))) : h('p', { class: 'muted' }, 'None.')));
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
    fill($('balances'), h('p', {}, h('strong', {}, 'Payable now: '), h('span', { id: 'payable' }, money(balances.payable))),
      table(['Account', 'Balance'], Object.entries(balances.byAccount || {}).map(([k, v]) => [k, money(v)])),
      totalsTable(balances));
  }
  try {
    const d = await api('GET', `${P}/payout-destination`);
    say($('destination-now'), d.kind === 'BANK_ACCOUNT' ? `Now: ${d.holder}, ${d.iban}` : `Now: provider account ${d.accountId}`);
  } catch (e) {
    say($('destination-now'), 'No payout destination yet.');
  }
  const payouts = await run(error, () => api('GET', `${P}/payouts`));
  if (payouts) {
    fill($('payouts'), payouts.length === 0 ? h('p', { class: 'muted' }, 'No payout yet.') : payouts.map(p =>
      h('details', { class: 'card' }, h('summary', {}, `${dateTime(p.createdAt, zone)} · ${money(p.amount)} · ${p.state}`),
        table(['When', 'What', 'Amount'], (p.statement || []).map(l => [dateTime(l.at, zone), l.kind, money(l.amount)])))));
  }
  const payments = await run(error, () => api('GET', `${P}/payments`));
  if (payments) {
    fill($('payments'), payments.length === 0 ? h('p', { class: 'muted' }, 'No payment yet.')
      : historyTable(payments, zone));
  }
  const byBooking = await run(error, () => api('GET', `${P}/payments/bookings`));
  if (byBooking) {
    fill($('payments-by-booking'), byBooking.length === 0 ? h('p', { class: 'muted' }, 'No booking paid online yet.')
      : bookingsTable(byBooking));
  }
}

$('payout-request').addEventListener('click', async event => {
  const button = event.currentTarget;
  const key = button.dataset.key || (button.dataset.key = newKey());
  const payout = await run(error, () => api('POST', `${P}/payouts`, undefined, { 'Idempotency-Key': key }), button);
  if (payout) {
    delete button.dataset.key;
    say(done, `Payout of ${money(payout.amount)} requested.`);
    loadMoney();
  }
});

$('destination').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const saved = await run(error, () => api('PUT', `${P}/payout-destination`,
    { holder: form.holder.value.trim(), iban: form.iban.value.replace(/\s+/g, ''), bic: form.bic.value.trim() || undefined }));
  if (saved) {
    say(done, 'Payout destination saved.');
    form.reset();
    loadMoney();
  }
});

// Activities (AG-2) and openings (AG-3)

async function loadActivityNames() {
  const list = await run(error, () => api('GET', `${P}/activities`));
  if (list) {
    activityNames = new Map(list.map(a => [a.id, a.name]));
  }
  return list;
}

async function loadActivities() {
  const list = await loadActivityNames();
  if (list) {
    fill($('activities-list'), list.length === 0 ? h('li', { class: 'muted' }, 'No activity yet.') : list.map(a => h('li', {},
      h('strong', {}, a.name), ` · ${a.durationMinutes} min · ${money(a.price)} · ${(a.modes || []).map(modeText).join(', ')}`,
      a.active ? '' : ' · inactive')));
  }
}

$('activity-new').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const modes = Array.from(form.querySelectorAll('input[name=modes]:checked'), i => i.value);
  const added = await run(error, () => api('POST', `${P}/activities`, {
    name: form.name.value.trim(), durationMinutes: Number(form.duration.value),
    price: { amount: form.price.value.trim().replace(',', '.'), currency: 'EUR' }, modes,
  }));
  if (added) {
    say(done, `Activity ${added.name} added.`);
    loadActivities();
  }
});

async function loadOpenings() {
  const list = await run(error, () => api('GET', `${P}/openings`));
  if (list) {
    fill($('openings-list'), list.length === 0 ? h('li', { class: 'muted' }, 'No opening yet.') : list.map(o => h('li', {},
      h('strong', {}, o.kind === 'WEEKLY' ? `Every ${o.day.toLowerCase()}` : o.date), ` ${o.start}–${o.end}`,
      o.address ? ` · ${o.address}` : '', ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async e => {
        const removed = await run(error, () => api('DELETE', `${P}/openings/${encodeURIComponent(o.id)}`), e.currentTarget);
        if (removed) {
          say(done, `Opening removed; ${removed.bookingsLeftOutside} booking(s) left outside any opening stay booked.`);
          loadOpenings();
        }
      } }, 'Remove'))));
  }
}

$('opening-new').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const added = await run(error, () => api('POST', `${P}/openings`, {
    day: form.day.value, validFrom: form.validFrom.value, start: form.start.value, end: form.end.value,
    address: form.address.value.trim() || undefined,
  }));
  if (added) {
    say(done, 'Opening added.');
    loadOpenings();
  }
});

// The public page (PAGE-1 … PAGE-3): its address, presentation, and the snippet to embed it.

async function loadPage() {
  const profile = await run(error, () => api('GET', `${P}/profile`));
  if (!profile) {
    return;
  }
  const url = $('page-url');
  url.hidden = !profile.publicPageUrl;
  $('page-none').hidden = Boolean(profile.publicPageUrl);
  url.href = profile.publicPageUrl ? new URL(profile.publicPageUrl).pathname : '/';
  url.textContent = profile.publicPageUrl || '';
  $('page-snippet').value = profile.embedSnippet || '';
  const form = $('page-form');
  form.slug.value = profile.slug || '';
  form.presentation.value = profile.presentation || '';
  form.pageEnabled.checked = profile.pageEnabled;
}

$('page-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const saved = await run(error, () => api('PUT', `${P}/profile`, {
    slug: form.slug.value.trim(), presentation: form.presentation.value, pageEnabled: form.pageEnabled.checked,
  }));
  if (saved) {
    say(done, 'Public page saved.');
    loadPage();
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
  $('who').textContent = `${profile.name} · ${profile.zone}`;
  dateInput.value = today(zone);
  $('opening-from').value = today(zone);
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
