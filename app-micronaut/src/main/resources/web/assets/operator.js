// The operator area: practitioners (suspend, reactivate), CX-4 reversals, the platform's books (FEE-4),
// payouts, parked messages (retry) and the audit log. Every action sends the reason typed at the top.
// A 401 sends the browser to /operator/login.
import { api, h, fill, say, money, dateTime, errorText, ApiError, newKey } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

const error = document.getElementById('error');
const done = document.getElementById('done');
const reasonInput = document.getElementById('reason');

async function act(action, button) {
  say(error, '');
  say(done, '');
  if (button) {
    button.disabled = true;
  }
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      location.assign('/operator/login');
      return undefined;
    }
    say(error, errorText(e));
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

function reason() {
  return reasonInput.value.trim();
}

function destinationText(d) {
  if (!d) {
    return t('operator.none');
  }
  const ready = d.ready ? t('operator.ready') : t('operator.not-ready');
  return d.kind === 'BANK_ACCOUNT' ? t('operator.bank', { iban: d.iban || '', ready })
    : t('operator.provider', { account: d.accountId || '', ready });
}

async function loadPractitioners() {
  const rows = await api('GET', '/api/operator/practitioners');
  fill(document.getElementById('practitioners-rows'), rows.map(p => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-practitioner': p.id,
      text: p.suspended ? t('operator.reactivate') : t('operator.suspend') });
    button.addEventListener('click', () => act(async () => {
      await api('POST', `/api/operator/practitioners/${encodeURIComponent(p.id)}/${p.suspended ? 'reactivate' : 'suspend'}`,
        { reason: reason() });
      say(done, p.suspended ? t('operator.reactivated', { name: p.name }) : t('operator.suspended-done', { name: p.name }));
      await refresh();
    }, button));
    return h('tr', { 'data-practitioner': p.id },
      h('td', { text: p.name }), h('td', { text: p.email }), h('td', { text: p.emailVerified ? t('operator.yes') : t('operator.no') }),
      h('td', { text: p.pageEnabled ? t('operator.enabled') : t('operator.disabled') }), h('td', { text: destinationText(p.payoutDestination) }),
      h('td', { text: p.plan }), h('td', { class: 'state', text: p.suspended ? t('operator.state.suspended') : t('operator.state.active') }), h('td', {}, button));
  }));
}

async function loadLedger() {
  const l = await api('GET', '/api/operator/ledger');
  say(document.getElementById('ledger-identity'),
    t('operator.ledger-identity', {
      moneyIn: money(l.moneyIn), refunds: money(l.refunds), fees: money(l.providerFees), commissions: money(l.commissions),
      payouts: money(l.payouts), owed: money(l.owedToPractitioners), accounted: money(l.accountedFor),
      balanced: l.balanced ? t('operator.balanced') : t('operator.not-balanced'),
    }));
  fill(document.getElementById('ledger-rows'), Object.entries(l.byAccount).map(([account, amount]) =>
    h('tr', {}, h('th', { text: account }), h('td', { text: money(amount) }))));
}

// The payout list comes newest change first, a page at a time: "older" reads on from the last page's `next`, so
// the newest are never hidden behind a cap however many payouts a state holds (issue 12).
const payoutsState = document.getElementById('payouts-state');
const payoutsMore = document.getElementById('payouts-more');
let payoutsNext = null;

function payoutRow(r) {
  return h('tr', {},
    h('td', { text: r.practitionerId }), h('td', { text: r.payout.trigger }), h('td', { text: r.payout.state }),
    h('td', { text: money(r.payout.amount) }), h('td', { text: r.payout.failure || '' }),
    h('td', { text: dateTime(r.payout.createdAt) }), h('td', { text: dateTime(r.updatedAt) }));
}

async function loadPayouts(more = false) {
  const query = new URLSearchParams();
  if (payoutsState.value) {
    query.set('state', payoutsState.value);
  }
  if (more && payoutsNext) {
    query.set('after', payoutsNext);
  }
  const search = query.toString();
  const page = await api('GET', `/api/operator/payouts${search ? `?${search}` : ''}`);
  const rows = page.payouts.map(payoutRow);
  if (more) {
    document.getElementById('payouts-rows').append(...rows);
  } else {
    fill(document.getElementById('payouts-rows'), rows);
  }
  payoutsNext = page.next || null;
  payoutsMore.hidden = !payoutsNext;
}

payoutsState.addEventListener('change', () => act(() => loadPayouts()));
payoutsMore.addEventListener('click', () => act(() => loadPayouts(true), payoutsMore));

async function loadParked() {
  const rows = await api('GET', '/api/operator/messages/parked');
  fill(document.getElementById('parked-rows'), rows.map(m => {
    const button = h('button', { type: 'button', class: 'secondary', text: t('operator.retry') });
    button.addEventListener('click', () => act(async () => {
      await api('POST', `/api/operator/messages/${encodeURIComponent(m.id)}/retry`, { reason: reason() });
      say(done, t('operator.requeued'));
      await refresh();
    }, button));
    return h('tr', {}, h('td', { text: m.kind }), h('td', { text: m.recipient }), h('td', { text: m.channel }),
      h('td', { text: String(m.attempts) }), h('td', { text: m.lastError || '' }), h('td', {}, button));
  }));
}

async function loadAudit() {
  const rows = await api('GET', '/api/operator/audit');
  fill(document.getElementById('audit-rows'), rows.map(a => h('tr', {},
    h('td', { text: dateTime(a.at) }), h('td', { text: a.operatorEmail }), h('td', { text: a.kind }),
    h('td', { text: a.subject }), h('td', { text: a.reason }))));
}

async function refresh() {
  await Promise.all([loadPractitioners(), loadLedger(), loadPayouts(), loadParked(), loadAudit()]);
}

const reverse = document.getElementById('reverse');
// One key per reversal attempt (BK-8): a retried submit of the same booking answers the first result, not 422.
let reverseKey = null;
let reverseBooking = null;
reverse.addEventListener('submit', event => {
  event.preventDefault();
  act(async () => {
    const id = reverse.bookingId.value.trim();
    if (id !== reverseBooking) {
      reverseBooking = id;
      reverseKey = newKey();
    }
    const r = await api('POST', `/api/operator/bookings/${encodeURIComponent(id)}/reverse-charge`, { reason: reason() },
      { 'Idempotency-Key': reverseKey });
    say(done, t('operator.reversed', { refunded: money(r.refunded), commission: money(r.commissionUndone),
      earnings: money(r.earningsUndone) }));
    await refresh();
  }, document.getElementById('reverse-submit'));
});

document.getElementById('logout').addEventListener('click', () => act(async () => {
  await api('POST', '/api/operator/logout');
  location.assign('/operator/login');
}));

// Issue 14: the page's words come from the catalogs; everything that shows text waits for them.
const ready = startPage(['operator']);

act(async () => {
  await ready;
  const me = await api('GET', '/api/operator/me');
  say(document.getElementById('who'), me.email);
  await refresh();
});

// Payout batches (SEPA files) come from another module when it is there; until then the section stays empty.
ready.then(() => import('./operator-batches.js')).then(m => m.mount(document.getElementById('payout-batches'))).catch(() => {});
