// INV-1, INV-2, PAGE-4: the dashboard's "Invoices" and "Revenue" tabs. Everything is built from the API's
// answers with h() (text nodes only, never HTML); amounts stay decimal strings.
import { api, fill, h, money, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';

const P = '/api/practitioner';
const $ = id => document.getElementById(id);

function field(id, label, attributes = {}) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, ...attributes }));
}

function value(id) {
  const element = $(id);
  return element.type === 'checkbox' ? element.checked : element.value.trim();
}

// Legal identity

function identityForm(identity) {
  const i = identity || {};
  const form = h('form', { id: 'identity-form', class: 'card', novalidate: true },
    h('h3', {}, t('invoices.identity')),
    field('inv-legal-name', t('invoices.legal-name'), { required: true, value: i.legalName || '' }),
    h('div', { class: 'field' }, h('label', {}, h('input', { type: 'checkbox', id: 'inv-ei', checked: i.individualEntrepreneur !== false }),
      ' ', t('invoices.ei'))),
    field('inv-street', t('invoices.street'), { required: true, value: i.street || '' }),
    field('inv-postcode', t('invoices.postcode'), { required: true, value: i.postcode || '' }),
    field('inv-city', t('invoices.city'), { required: true, value: i.city || '' }),
    field('inv-siret', t('invoices.siret'), { value: i.siret || '', inputmode: 'numeric' }),
    field('inv-vat-mention', t('invoices.vat-mention'),
      { value: i.vatExemptionMention ?? 'TVA non applicable, art. 293 B du CGI' }),
    field('inv-vat-rate', t('invoices.vat-rate'), { value: i.vatRate || '20', inputmode: 'decimal' }),
    field('inv-vat-number', t('invoices.vat-number'), { value: i.vatNumber || '' }),
    field('inv-payment-days', t('invoices.payment-days'), { value: String(i.paymentDays ?? 0), inputmode: 'numeric' }),
    field('inv-payment-note', t('invoices.payment-note'), { value: i.paymentNote || '' }),
    h('div', { class: 'field' }, h('label', { for: 'inv-auto' }, t('invoices.auto')),
      h('select', { id: 'inv-auto' }, ...[['NEVER', t('invoices.auto.never')], ['WHEN_PAID', t('invoices.auto.when-paid')],
        ['WHEN_COMPLETED', t('invoices.auto.when-completed')]].map(([v, words]) =>
        h('option', { value: v, selected: (i.autoIssue || 'NEVER') === v }, words)))),
    h('button', { type: 'submit' }, t('invoices.save-identity')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const saved = await run($('error'), () => api('PUT', `${P}/invoicing-profile`, {
      legalName: value('inv-legal-name'), individualEntrepreneur: value('inv-ei'), street: value('inv-street'),
      postcode: value('inv-postcode'), city: value('inv-city'), countryCode: 'FR', siret: value('inv-siret'),
      vatExemptionMention: value('inv-vat-mention'), vatRate: value('inv-vat-rate'), vatNumber: value('inv-vat-number'),
      paymentDays: Number.parseInt(value('inv-payment-days') || '0', 10), paymentNote: value('inv-payment-note'),
      autoIssue: value('inv-auto'),
    }), event.submitter);
    if (saved) {
      say($('done'), t('invoices.identity-saved', { name: saved.displayName }));
    }
  });
  return form;
}

// Invoices

function newInvoiceForm() {
  const form = h('form', { id: 'invoice-form', class: 'card', novalidate: true },
    h('h3', {}, t('invoices.new')),
    field('inv-buyer', t('invoices.buyer'), { required: true }),
    field('inv-buyer-email', t('invoices.buyer-email'), { type: 'email' }),
    field('inv-service-date', t('invoices.service-date'), { type: 'date', required: true, value: new Date().toISOString().slice(0, 10) }),
    field('inv-description', t('invoices.description'), { required: true }),
    field('inv-quantity', t('invoices.quantity'), { value: '1', inputmode: 'decimal' }),
    field('inv-price', t('invoices.price'), { required: true, inputmode: 'decimal', placeholder: '60.00' }),
    field('inv-rate', t('invoices.rate'), { value: '0', inputmode: 'decimal' }),
    h('button', { type: 'submit' }, t('invoices.save-draft')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const draft = await run($('error'), () => api('POST', `${P}/invoices`, {
      buyerName: value('inv-buyer'), buyerEmail: value('inv-buyer-email'), serviceDate: value('inv-service-date'),
      lines: [{ description: value('inv-description'), quantity: value('inv-quantity'), unitPrice: value('inv-price'),
        vatRate: value('inv-rate') }],
    }), event.submitter);
    if (draft) {
      say($('done'), t('invoices.draft-saved', { name: draft.buyerName }));
      await listInvoices();
    }
  });
  return form;
}

async function act(method, path, message, button) {
  const answer = await run($('error'), () => api(method, path), button);
  if (answer !== undefined) {
    say($('done'), typeof message === 'function' ? message(answer) : message);
    await listInvoices();
  }
}

function invoiceRow(i, credited) {
  const base = `${P}/invoices/${encodeURIComponent(i.id)}`;
  const actions = [];
  if (i.state === 'DRAFT') {
    actions.push(h('button', { type: 'button', 'data-action': 'issue',
      onclick: e => act('POST', `${base}/issue`, x => t('invoices.issued', { number: x.number }), e.currentTarget) }, t('invoices.issue')));
    actions.push(h('button', { type: 'button', class: 'secondary', 'data-action': 'delete',
      onclick: e => act('DELETE', base, t('invoices.deleted'), e.currentTarget) }, t('invoices.delete')));
  } else {
    actions.push(h('a', { href: i.pdfUrl, 'data-action': 'download', download: '' }, t('invoices.pdf')));
    if (i.buyerEmail) {
      actions.push(' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'send',
        onclick: e => act('POST', `${base}/send`, t('invoices.sent', { email: i.buyerEmail }), e.currentTarget) }, t('invoices.send')));
    }
    if (i.kind === 'INVOICE' && !credited.has(i.id)) {
      actions.push(' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'credit',
        onclick: e => act('POST', `${base}/credit-note`, x => t('invoices.credited', { number: x.number }), e.currentTarget) },
      t('invoices.credit')));
    }
  }
  return h('tr', { 'data-invoice': i.id },
    h('td', { class: 'number' }, i.number || t('invoices.draft')),
    h('td', {}, i.kind === 'CREDIT_NOTE' ? t('invoices.credit-for', { number: i.creditedNumber }) : t('invoices.invoice')),
    h('td', {}, i.issueDate || ''),
    h('td', {}, i.buyerName),
    h('td', {}, money(i.gross)),
    h('td', {}, ...actions));
}

async function listInvoices() {
  const invoices = await run($('error'), () => api('GET', `${P}/invoices`));
  if (!invoices) {
    return;
  }
  const credited = new Set(invoices.filter(i => i.creditedId).map(i => i.creditedId));
  fill($('invoices-list'), invoices.length === 0 ? h('p', { class: 'muted' }, t('invoices.none'))
    : h('table', {}, h('thead', {}, h('tr', {}, ...[t('invoices.col.number'), t('invoices.col.kind'), t('invoices.col.issued'), t('invoices.col.client'),
      t('invoices.col.total'), ''].map(x => h('th', {}, x)))),
      h('tbody', {}, ...invoices.map(i => invoiceRow(i, credited)))));
}

export async function loadInvoices() {
  let identity = null;
  try {
    identity = await api('GET', `${P}/invoicing-profile`);
  } catch (e) {
    identity = null;
  }
  fill($('invoices-panel'), identityForm(identity), newInvoiceForm(), h('h3', {}, t('invoices.list')),
    h('div', { id: 'invoices-list', class: 'table-wrap' }));
  await listInvoices();
}

// Revenue

function monthBounds() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

function parts(title, list) {
  return h('div', { class: 'card' }, h('h3', {}, title),
    list.length === 0 ? h('p', { class: 'muted' }, t('invoices.nothing'))
      : h('ul', { class: 'plain' }, ...list.map(p => h('li', {}, t('invoices.part', { name: p.name, amount: money(p.amount) })))));
}

async function showRevenue() {
  const from = value('rev-from');
  const to = value('rev-to');
  const r = await run($('error'), () => api('GET', `${P}/revenue?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
  if (!r) {
    return;
  }
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  fill($('revenue-result'),
    h('div', { class: 'card', id: 'revenue-totals' },
      h('p', {}, t('invoices.turnover'), h('strong', { id: 'revenue-total' }, money(r.total))),
      h('p', {}, t('invoices.split', { online: money(r.online), onSite: money(r.onSite) })),
      h('p', { class: 'muted' }, t('invoices.apart', { commissions: money(r.commissions), fees: money(r.fees) }))),
    parts(t('invoices.by-activity'), r.byActivity), parts(t('invoices.by-mode'), r.byMode), parts(t('invoices.by-method'), r.byMethod),
    h('p', {}, h('a', { href: `${P}/revenue/export.csv?${query}`, download: '' }, t('invoices.csv-revenue')), ' · ',
      h('a', { href: `${P}/invoices/export.csv?${query}`, download: '' }, t('invoices.csv-invoices'))));
}

export async function loadRevenue() {
  const [from, to] = monthBounds();
  const form = h('form', { id: 'revenue-form', class: 'card', novalidate: true },
    field('rev-from', t('invoices.from'), { type: 'date', value: from, required: true }),
    field('rev-to', t('invoices.to'), { type: 'date', value: to, required: true }),
    h('button', { type: 'submit' }, t('invoices.show')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    showRevenue();
  });
  fill($('revenue-panel'), form, h('div', { id: 'revenue-result' }));
  await showRevenue();
}
