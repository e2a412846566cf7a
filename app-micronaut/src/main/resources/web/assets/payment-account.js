// Issue 12: the practitioner's payment account at the payment provider (Stripe Connect, or the sandbox).
// Shows its state and what the provider still asks for, and sends the practitioner to the provider's own
// onboarding page, which sends them back to /api/practitioner/payment-account/return, then here.
import { ApiError, api, dateTime, fill, h, run, say } from '/assets/common.js';

const P = '/api/practitioner/payment-account';
const $ = id => document.getElementById(id);

const STATES = {
  DETAILS_NEEDED: 'Details needed: the payment provider still asks for information.',
  PENDING_VERIFICATION: 'Pending verification: the payment provider is checking your details.',
  ENABLED: 'Ready: your account works.',
  REJECTED: 'Closed by the payment provider: contact its support.',
};

function yesNo(value, yes, no) {
  return h('li', { 'data-capability': yes }, value ? `✔ ${yes}` : `✘ ${no}`);
}

function requirements(title, list) {
  return list && list.length > 0
    ? [h('p', {}, h('strong', {}, title)), h('ul', { class: 'requirements' }, list.map(r => h('li', {}, r)))]
    : [];
}

/** What the tab shows: the account, or the invitation to connect one. */
export async function loadPaymentAccount(zone) {
  const error = $('error');
  const box = $('payment-account-now');
  let account = null;
  try {
    account = await api('GET', P);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname));
      return;
    }
    if (!(e instanceof ApiError) || e.status !== 404) {
      say(error, e.message);
      return;
    }
  }
  const start = $('payment-account-start');
  const payouts = $('payment-account-payouts');
  if (!account) {
    fill(box, h('p', { id: 'payment-account-state', 'data-state': 'NONE' }, 'No payment account connected yet.'),
      h('p', { class: 'muted' }, 'Connect one to take online payments and card guarantees (direct model) '
        + 'or to receive your payouts (platform model).'));
    start.textContent = 'Connect a payment account';
    payouts.hidden = true;
    return;
  }
  fill(box,
    h('p', { id: 'payment-account-state', 'data-state': account.state }, STATES[account.state] || account.state),
    h('ul', { class: 'plain' },
      yesNo(account.canTakePayments, 'Takes payments', 'Cannot take payments yet'),
      yesNo(account.canReceivePayouts, 'Receives payouts', 'Cannot receive payouts yet: payouts wait (carried over)')),
    requirements('Overdue:', account.pastDue),
    requirements('Still asked for:', account.currentlyDue),
    account.disabledReason ? h('p', { class: 'muted' }, `Provider's reason: ${account.disabledReason}`) : '',
    h('p', { class: 'muted' }, `Account ${account.accountId} · as of ${dateTime(account.updatedAt, zone)}`,
      account.usedForPayouts ? ' · your payouts go here' : ''));
  start.textContent = account.state === 'DETAILS_NEEDED' || !account.detailsSubmitted
    ? 'Continue onboarding' : 'Update my details';
  payouts.hidden = account.usedForPayouts;
}

$('payment-account-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const country = form.country.value.trim().toUpperCase();
  const link = await run($('error'), () => api('POST', `${P}/onboarding`, country ? { country } : {}), $('payment-account-start'));
  if (link) {
    location.assign(link.url);
  }
});

$('payment-account-payouts').addEventListener('click', async event => {
  const used = await run($('error'), () => api('PUT', `${P}/payouts`), event.currentTarget);
  if (used) {
    say($('done'), 'Your payouts now go to your payment account.');
    loadPaymentAccount();
  }
});
