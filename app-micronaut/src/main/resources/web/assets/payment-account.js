// Issue 12: the practitioner's payment account at the payment provider (Stripe Connect, or the sandbox).
// Shows its state and what the provider still asks for, and sends the practitioner to the provider's own
// onboarding page, which sends them back to /api/practitioner/payment-account/return, then here.
import { ApiError, api, dateTime, errorText, fill, h, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';

const P = '/api/practitioner/payment-account';
const $ = id => document.getElementById(id);

const STATES = () => ({
  DETAILS_NEEDED: t('payment-account.state.details-needed'),
  PENDING_VERIFICATION: t('payment-account.state.pending-verification'),
  ENABLED: t('payment-account.state.enabled'),
  REJECTED: t('payment-account.state.rejected'),
});

function yesNo(value, capability, yes, no) {
  return h('li', { 'data-capability': capability }, value ? `✔ ${yes}` : `✘ ${no}`);
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
      say(error, errorText(e));
      return;
    }
  }
  const start = $('payment-account-start');
  const payouts = $('payment-account-payouts');
  if (!account) {
    fill(box, h('p', { id: 'payment-account-state', 'data-state': 'NONE' }, t('payment-account.none')),
      h('p', { class: 'muted' }, t('payment-account.why')));
    start.textContent = t('payment-account.connect');
    payouts.hidden = true;
    return;
  }
  fill(box,
    h('p', { id: 'payment-account-state', 'data-state': account.state }, STATES()[account.state] || account.state),
    h('ul', { class: 'plain' },
      yesNo(account.canTakePayments, 'payments', t('payment-account.takes'), t('payment-account.takes-not')),
      yesNo(account.canReceivePayouts, 'payouts', t('payment-account.receives'), t('payment-account.receives-not'))),
    requirements(t('payment-account.overdue'), account.pastDue),
    requirements(t('payment-account.due'), account.currentlyDue),
    account.disabledReason ? h('p', { class: 'muted' }, t('payment-account.reason', { reason: account.disabledReason })) : '',
    h('p', { class: 'muted' }, t('payment-account.as-of', { account: account.accountId, when: dateTime(account.updatedAt, zone) }),
      account.usedForPayouts ? t('payment-account.used') : ''));
  start.textContent = account.state === 'DETAILS_NEEDED' || !account.detailsSubmitted
    ? t('payment-account.continue') : t('payment-account.update');
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
    say($('done'), t('payment-account.payouts-moved'));
    loadPaymentAccount();
  }
});
