// The operator's bank-file payouts (docs/payments.md, "Payouts by bank file (SEPA)"): the batches with their
// cycle, state, number of payouts and total; a download link for each batch's pain.001 file (the first download
// fixes the batch); and, once downloaded, a form to mark it sent with a reason. The operator page imports it:
//   import { mount } from '/assets/operator-batches.js';  mount(document.getElementById('batches'));
// Text from the API only ever goes into text nodes and attribute values (common.h), never into markup.
import { api, dateTime, fill, h, money, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';

const BATCHES = '/api/operator/payout-batches';

const STATES = () => ({
  OPEN: t('operator.batches.state.open'),
  EXPORTED: t('operator.batches.state.exported'),
  SENT: t('operator.batches.state.sent'),
});

function fileLink(batch, refresh) {
  const href = `${BATCHES}/${encodeURIComponent(batch.id)}/file`;
  // The download fixes the batch (OPEN → EXPORTED): show the new state once the browser has asked for it.
  return h('a', { href, download: batch.fileName, 'data-batch-file': batch.id,
    onclick: () => setTimeout(refresh, 1000) }, t('operator.batches.download'));
}

function sentForm(batch, errorElement, refresh) {
  const reason = h('textarea', { name: 'reason', required: true, maxlength: 500, rows: 2,
    'aria-label': t('operator.batches.reason-label') });
  const button = h('button', { type: 'submit' }, t('operator.batches.mark-sent'));
  return h('form', { 'data-batch-sent': batch.id, onsubmit: event => {
    event.preventDefault();
    run(errorElement, async () => {
      await api('POST', `${BATCHES}/${encodeURIComponent(batch.id)}/sent`, { reason: reason.value });
      await refresh();
    }, button);
  } }, h('label', {}, t('operator.batches.reason'), reason), ' ', button);
}

function batchItem(batch, errorElement, refresh) {
  const what = batch.cycle ? t('operator.batches.cycle', { cycle: batch.cycle }) : t('operator.batches.on-request');
  const children = [
    h('strong', {}, what), ' · ',
    batch.count === 1 ? t('operator.batches.count-one', { count: 1 }) : t('operator.batches.count', { count: batch.count }), ' · ',
    h('span', { class: 'amount' }, money(batch.total)), ' · ',
    h('span', { class: 'state', 'data-state': batch.state }, STATES()[batch.state] || batch.state),
  ];
  if (batch.state === 'SENT') {
    children.push(h('p', {}, t('operator.batches.sent-by', { who: batch.sentBy, when: dateTime(batch.sentAt), reason: batch.reason })));
  }
  children.push(h('p', {}, fileLink(batch, refresh)));
  if (batch.state === 'EXPORTED') {
    children.push(sentForm(batch, errorElement, refresh));
  }
  return h('li', { 'data-batch': batch.id }, ...children);
}

/** Lists the batches in {@code element} and keeps the list up to date after each action. */
export function mount(element) {
  const errorElement = h('p', { role: 'alert', class: 'error' });
  const list = h('ul', { class: 'batches' });
  fill(element, h('h2', {}, t('operator.batches.heading')), errorElement, list);
  const refresh = () => run(errorElement, async () => {
    const batches = await api('GET', BATCHES);
    if (!batches || batches.length === 0) {
      fill(list, h('li', {}, t('operator.batches.none')));
      return;
    }
    fill(list, ...batches.map(batch => batchItem(batch, errorElement, refresh)));
  });
  say(errorElement, '');
  refresh();
  return { refresh };
}
