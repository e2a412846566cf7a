// What happened to the money, in words and tables (PAY-6, FEE-3, CX-2 … CX-5): the client's link page shows a
// booking's money; the dashboard's money tab shows the practitioner's own history, and per booking what they
// receive (pending before release, then earned). Every value is inserted as text.
import { dateTime, h, money } from '/assets/common.js';

const STATES = {
  NOTHING_ONLINE: 'Paid on site',
  PAYMENT_DUE: 'Payment due',
  CARD_DUE: 'Card to save',
  NOT_PAID: 'Not paid: the hold expired',
  PAID: 'Paid',
  GUARANTEE_SAVED: 'Card saved as a guarantee',
  GUARANTEE_RELEASED: 'Card guarantee released, nothing charged',
  REFUND_PENDING: 'Refund under way',
  REFUND_FAILED: 'Refund failed',
  REFUNDED: 'Refunded',
  PARTLY_REFUNDED: 'Partly refunded',
  KEPT: 'Part of the payment kept',
  CHARGE_PENDING: 'Charge under way',
  CHARGE_NEEDS_CLIENT: 'Charge waiting for the client',
  CHARGE_FAILED: 'Charge declined',
  CHARGED: 'Charged',
};

const KINDS = {
  PAYMENT_RECEIVED: 'Payment received',
  PROVIDER_FEE: 'Provider fee',
  COMMISSION: 'Commission',
  EARNINGS_RELEASED: 'Earnings released',
  CHARGE_KEPT: 'Kept from the prepayment',
  GUARANTEE_CHARGED: 'Card charged',
  REFUND: 'Refund',
  PAYOUT: 'Payout',
  PAYOUT_REVERSED: 'Payout reversed',
};

function positive(amount) {
  return amount && Number(amount.amount) > 0;
}

/** One line saying what happened to a booking's money: "Charged · paid 30.00 EUR · charged 30.00 EUR". */
export function moneyText(m) {
  if (!m) {
    return '';
  }
  const parts = [STATES[m.state] || m.state];
  if (positive(m.paid)) parts.push(`paid ${money(m.paid)}`);
  if (positive(m.charged)) parts.push(`charged ${money(m.charged)}`);
  if (positive(m.refunded)) parts.push(`refunded ${money(m.refunded)}`);
  if (positive(m.refundPending)) parts.push(`${money(m.refundPending)} to be refunded`);
  if (positive(m.chargePending)) parts.push(`${money(m.chargePending)} to be charged`);
  return parts.join(' · ');
}

/** The button's words for the client's next step (BK-3, PAY-1, PAY-2). */
export function nextStepText(step) {
  if (!step) {
    return '';
  }
  return step.action === 'SAVE_CARD' ? 'Save my card' : `Pay ${money(step.amount)}`;
}

function table(headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(x => h('td', {}, x)))))));
}

const show = amount => (amount && Number(amount.amount) !== 0 ? money(amount) : '');

/** PAY-6: the practitioner's own totals under the balances. */
export function totalsTable(b) {
  return table(['Clients paid', 'Commission', 'Provider fees', 'Refunded', 'Held for bookings', 'Yours', 'Paid out'],
    [[money(b.clientsPaid), money(b.commission), money(b.providerFees), money(b.refunded), money(b.held), money(b.earned),
      money(b.paidOut)]]);
}

/** PAY-6: the history, one line per movement of the practitioner's money. */
export function historyTable(lines, zone) {
  return table(['When', 'What', 'Amount', 'Commission', 'Provider fee', 'Refunded', 'Yours'], lines.map(l => [
    dateTime(l.at, zone), KINDS[l.kind] || l.kind, money(l.amount), show(l.commission), show(l.providerFee),
    show(l.refunded), show(l.earned)]));
}

/** PAY-6, PO-1: per booking, what happened to the money and what the practitioner receives, before and after release. */
export function bookingsTable(bookings) {
  return table(['Booking', 'What happened', 'Commission', 'Provider fee', 'Pending', 'Yours', 'Net'], bookings.map(m => [
    m.bookingId.slice(0, 8), moneyText(m), show(m.commission), show(m.providerFee), show(m.pendingEarnings),
    show(m.earned), money(m.net)]));
}
