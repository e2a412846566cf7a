// PLAN-1 … PLAN-3: the dashboard's Plan section. Subscribing opens the provider's checkout page and
// "Manage billing" its portal (change the card, cancel at the period's end, resume); the plan changes
// when the provider reports the payment, so the section reloads when the practitioner comes back.
// With the sandbox provider, three more buttons play time: renew now, fail the next renewal, end the trial.
import { api, dateTime, fill, h, run, say } from '/assets/common.js';

const P = '/api/practitioner';
const $ = id => document.getElementById(id);

function describe(plan, zone) {
  const lines = [
    h('p', {}, h('strong', {}, plan.plan), ` · ${plan.month}: ${plan.bookingsUsed} bookings used`,
      plan.bookingsLeft === null || plan.bookingsLeft === undefined ? '' : `, ${plan.bookingsLeft} left`,
      plan.bookingsClosed ? ' · new bookings are refused until next month' : ''),
    h('p', { class: 'muted' }, `Trial until ${dateTime(plan.trialEndsAt, zone)}`),
  ];
  if (plan.paidUntil) {
    lines.push(h('p', {}, `Paid until ${dateTime(plan.paidUntil, zone)}`,
      plan.subscribed ? (plan.renewing ? ' · renews automatically' : ' · cancelled: ends then') : ''));
  }
  if (plan.renewalFailed) {
    lines.push(h('p', { class: 'error' }, 'The last renewal could not be charged: the free plan applies until it is paid. '
      + 'Update your card in "Manage billing".'));
  }
  if (!plan.subscribed) {
    lines.push(h('p', { class: 'muted' }, `Paid plan: ${plan.monthlyPrice} a month, no quota, no commission, cancel any time.`));
  }
  return lines;
}

async function open(error, path, button) {
  const page = await run(error, () => api('POST', `${P}/plan/${path}`), button);
  if (page && page.redirect) {
    window.location.assign(page.redirect);
  }
}

function button(id, label, onClick, secondary) {
  const b = h('button', { type: 'button', id, class: secondary ? 'secondary' : '' }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Fills the Plan section; {@code zone} is the practitioner's. */
export async function loadPlan(error, done, zone) {
  const plan = await run(error, () => api('GET', `${P}/plan`));
  if (!plan) {
    return;
  }
  fill($('plan-now'), ...describe(plan, zone));
  const actions = [];
  if (!plan.subscribed) {
    actions.push(button('plan-subscribe', 'Subscribe', e => open(error, 'subscribe', e.currentTarget)));
  }
  if (plan.billed) {
    actions.push(button('plan-portal', 'Manage billing', e => open(error, 'portal', e.currentTarget), true));
  }
  if (plan.sandbox) {
    for (const [id, path, label, message] of [
      ['plan-renew', 'renew', 'Sandbox: renew now', 'Renewal played.'],
      ['plan-fail', 'fail-next-renewal', 'Sandbox: fail the next renewal', 'The next renewal will fail.'],
      ['plan-end-trial', 'end-trial', 'Sandbox: end the trial now', 'Trial ended.'],
    ]) {
      actions.push(button(id, label, async e => {
        if (await run(error, () => api('POST', `${P}/plan/sandbox/${path}`), e.currentTarget)) {
          say(done, message);
          loadPlan(error, done, zone);
        }
      }, true));
    }
  }
  fill($('plan-actions'), ...actions);
}
