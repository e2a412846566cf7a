// The operator's bank-file payouts (docs/payments.md, "Payouts by bank file (SEPA)"): the batches with their
// cycle, state, number of payouts and total; for an open batch, a form to export it with a reason (a POST that
// fixes the batch and is written to the audit log; the file is then downloaded); for an exported batch, a link to
// download its pain.001 file again (a safe GET) and a form to mark it sent with a reason. The operator page imports it:
//   import { mount } from '/assets/operator-batches.js';  mount(document.getElementById('batches'));
// Text from the API only ever goes into text nodes and attribute values (common.h), never into markup.
import { ApiError, api, dateTime, fill, h, money, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';

const BATCHES = '/api/operator/payout-batches';

const STATES = () => ({
  OPEN: t('operator.batches.state.open'),
  EXPORTED: t('operator.batches.state.exported'),
  SENT: t('operator.batches.state.sent'),
});

function fileLink(batch) {
  const href = `${BATCHES}/${encodeURIComponent(batch.id)}/file`;
  return h('a', { href, download: batch.fileName, 'data-batch-file': batch.id }, t('operator.batches.download'));
}

// The export answers the file itself: it is handed to the browser as a download.
async function exportBatch(batch, reason) {
  const response = await fetch(`${BATCHES}/${encodeURIComponent(batch.id)}/export`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: '*/*' },
    body: JSON.stringify({ reason }),
  });
  if (!response.ok) {
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    throw new ApiError(response.status, data);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: batch.fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function exportForm(batch, errorElement, refresh) {
  const reason = h('textarea', { name: 'reason', required: true, maxlength: 1000, rows: 2,
    'aria-label': t('operator.batches.export-reason') });
  const button = h('button', { type: 'submit' }, t('operator.batches.export'));
  return h('form', { 'data-batch-export': batch.id, onsubmit: event => {
    event.preventDefault();
    run(errorElement, async () => {
      await exportBatch(batch, reason.value);
      await refresh();
    }, button);
  } }, h('label', {}, t('operator.batches.reason'), reason), ' ', button);
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
  if (batch.state === 'OPEN') {
    children.push(exportForm(batch, errorElement, refresh));
  } else {
    children.push(h('p', {}, fileLink(batch)));
  }
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
