// What happened to the money, in words and tables (PAY-6, FEE-3, CX-2 … CX-5): the client's link page shows a
// booking's money; the dashboard's money tab shows the practitioner's own history, and per booking what they
// receive (pending before release, then earned). Every value is inserted as text.
import { dateTime, h, money } from '/assets/common.js';
import { t } from '/assets/i18n.js';

// Functions, not constants: the words are read once the page's catalogs ("money") are loaded.
const STATES = () => ({
  NOTHING_ONLINE: t('money.state.nothing-online'),
  PAYMENT_DUE: t('money.state.payment-due'),
  CARD_DUE: t('money.state.card-due'),
  NOT_PAID: t('money.state.not-paid'),
  PAID: t('money.state.paid'),
  GUARANTEE_SAVED: t('money.state.guarantee-saved'),
  GUARANTEE_RELEASED: t('money.state.guarantee-released'),
  REFUND_PENDING: t('money.state.refund-pending'),
  REFUND_FAILED: t('money.state.refund-failed'),
  REFUNDED: t('money.state.refunded'),
  PARTLY_REFUNDED: t('money.state.partly-refunded'),
  KEPT: t('money.state.kept'),
  CHARGE_PENDING: t('money.state.charge-pending'),
  CHARGE_NEEDS_CLIENT: t('money.state.charge-needs-client'),
  CHARGE_FAILED: t('money.state.charge-failed'),
  CHARGED: t('money.state.charged'),
});

const KINDS = () => ({
  PAYMENT_RECEIVED: t('money.kind.payment-received'),
  PROVIDER_FEE: t('money.kind.provider-fee'),
  COMMISSION: t('money.kind.commission'),
  EARNINGS_RELEASED: t('money.kind.earnings-released'),
  CHARGE_KEPT: t('money.kind.charge-kept'),
  GUARANTEE_CHARGED: t('money.kind.guarantee-charged'),
  REFUND: t('money.kind.refund'),
  PAYOUT: t('money.kind.payout'),
  PAYOUT_REVERSED: t('money.kind.payout-reversed'),
});

function positive(amount) {
  return amount && Number(amount.amount) > 0;
}

/** One line saying what happened to a booking's money: "Charged · paid 30.00 EUR · charged 30.00 EUR". */
export function moneyText(m) {
  if (!m) {
    return '';
  }
  const parts = [STATES()[m.state] || m.state];
  if (positive(m.paid)) parts.push(t('money.part.paid', { amount: money(m.paid) }));
  if (positive(m.charged)) parts.push(t('money.part.charged', { amount: money(m.charged) }));
  if (positive(m.refunded)) parts.push(t('money.part.refunded', { amount: money(m.refunded) }));
  if (positive(m.refundPending)) parts.push(t('money.part.refund-pending', { amount: money(m.refundPending) }));
  if (positive(m.chargePending)) parts.push(t('money.part.charge-pending', { amount: money(m.chargePending) }));
  return parts.join(' · ');
}

/** The button's words for the client's next step (BK-3, PAY-1, PAY-2). */
export function nextStepText(step) {
  if (!step) {
    return '';
  }
  return step.action === 'SAVE_CARD' ? t('money.save-card') : t('money.pay', { amount: money(step.amount) });
}

function table(headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(x => h('td', {}, x)))))));
}

const show = amount => (amount && Number(amount.amount) !== 0 ? money(amount) : '');

/** PAY-6: the practitioner's own totals under the balances. */
export function totalsTable(b) {
  return table([t('money.col.clients-paid'), t('money.col.commission'), t('money.col.provider-fees'), t('money.col.refunded'),
    t('money.col.held'), t('money.col.yours'), t('money.col.paid-out')],
    [[money(b.clientsPaid), money(b.commission), money(b.providerFees), money(b.refunded), money(b.held), money(b.earned),
      money(b.paidOut)]]);
}

/** PAY-6: the history, one line per movement of the practitioner's money. */
export function historyTable(lines, zone) {
  return table([t('money.col.when'), t('money.col.what'), t('money.col.amount'), t('money.col.commission'), t('money.col.provider-fee'),
    t('money.col.refunded'), t('money.col.yours')], lines.map(l => [
    dateTime(l.at, zone), KINDS()[l.kind] || l.kind, money(l.amount), show(l.commission), show(l.providerFee),
    show(l.refunded), show(l.earned)]));
}

/** PAY-6, PO-1: per booking, what happened to the money and what the practitioner receives, before and after release. */
export function bookingsTable(bookings) {
  return table([t('money.col.booking'), t('money.col.what-happened'), t('money.col.commission'), t('money.col.provider-fee'),
    t('money.col.pending'), t('money.col.yours'), t('money.col.net')], bookings.map(m => [
    m.bookingId.slice(0, 8), moneyText(m), show(m.commission), show(m.providerFee), show(m.pendingEarnings),
    show(m.earned), money(m.net)]));
}
