// PLAN-1 … PLAN-3: the dashboard's Plan section. Subscribing opens the provider's checkout page and
// "Manage billing" its portal (change the card, cancel at the period's end, resume); the plan changes
// when the provider reports the payment, so the section reloads when the practitioner comes back.
// With the sandbox provider, three more buttons play time: renew now, fail the next renewal, end the trial.
import { api, dateTime, fill, h, money, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';

const P = '/api/practitioner';
const $ = id => document.getElementById(id);

function describe(plan, zone) {
  const lines = [
    h('p', {}, h('strong', {}, plan.plan), ' · ', t('plan.usage', { month: plan.month, used: plan.bookingsUsed }),
      plan.bookingsLeft === null || plan.bookingsLeft === undefined ? '' : t('plan.left', { left: plan.bookingsLeft }),
      plan.bookingsClosed ? t('plan.closed') : ''),
    h('p', { class: 'muted' }, t('plan.trial', { until: dateTime(plan.trialEndsAt, zone) })),
  ];
  if (plan.paidUntil) {
    lines.push(h('p', {}, t('plan.paid-until', { until: dateTime(plan.paidUntil, zone) }),
      plan.subscribed ? (plan.renewing ? t('plan.renews') : t('plan.cancelled')) : ''));
  }
  if (plan.renewalFailed) {
    lines.push(h('p', { class: 'error' }, t('plan.renewal-failed')));
  }
  if (!plan.subscribed) {
    lines.push(h('p', { class: 'muted' }, t('plan.offer', { price: typeof plan.monthlyPrice === 'object' ? money(plan.monthlyPrice) : plan.monthlyPrice })));
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
    actions.push(button('plan-subscribe', t('plan.subscribe'), e => open(error, 'subscribe', e.currentTarget)));
  }
  if (plan.billed) {
    actions.push(button('plan-portal', t('plan.portal'), e => open(error, 'portal', e.currentTarget), true));
  }
  if (plan.sandbox) {
    for (const [id, path, label, message] of [
      ['plan-renew', 'renew', t('plan.sandbox.renew'), t('plan.sandbox.renewed')],
      ['plan-fail', 'fail-next-renewal', t('plan.sandbox.fail'), t('plan.sandbox.failing')],
      ['plan-end-trial', 'end-trial', t('plan.sandbox.end-trial'), t('plan.sandbox.trial-ended')],
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
