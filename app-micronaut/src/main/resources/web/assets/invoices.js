// INV-1, INV-2, PAGE-4: the dashboard's "Invoices" and "Revenue" tabs. Everything is built from the API's
// answers with h() (text nodes only, never HTML); amounts stay decimal strings.
import { api, fill, h, money, run, say } from '/assets/common.js';

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
    h('h3', {}, 'Legal identity'),
    field('inv-legal-name', 'Legal name', { required: true, value: i.legalName || '' }),
    h('div', { class: 'field' }, h('label', {}, h('input', { type: 'checkbox', id: 'inv-ei', checked: i.individualEntrepreneur !== false }),
      ' Individual entrepreneur (adds the EI mention)')),
    field('inv-street', 'Street', { required: true, value: i.street || '' }),
    field('inv-postcode', 'Postcode', { required: true, value: i.postcode || '' }),
    field('inv-city', 'City', { required: true, value: i.city || '' }),
    field('inv-siret', 'SIRET (14 digits, optional)', { value: i.siret || '', inputmode: 'numeric' }),
    field('inv-vat-mention', 'VAT exemption mention (leave empty if you charge VAT)',
      { value: i.vatExemptionMention ?? 'TVA non applicable, art. 293 B du CGI' }),
    field('inv-vat-rate', 'Default VAT rate % (when you charge VAT)', { value: i.vatRate || '20', inputmode: 'decimal' }),
    field('inv-vat-number', 'VAT number (when you charge VAT)', { value: i.vatNumber || '' }),
    field('inv-payment-days', 'Payment due after (days, 0 = on receipt)', { value: String(i.paymentDays ?? 0), inputmode: 'numeric' }),
    field('inv-payment-note', 'Payment note (bank details…)', { value: i.paymentNote || '' }),
    h('div', { class: 'field' }, h('label', { for: 'inv-auto' }, 'Issue automatically'),
      h('select', { id: 'inv-auto' }, ...['NEVER', 'WHEN_PAID', 'WHEN_COMPLETED'].map(v =>
        h('option', { value: v, selected: (i.autoIssue || 'NEVER') === v }, v.toLowerCase().replace('_', ' '))))),
    h('button', { type: 'submit' }, 'Save the legal identity'));
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
      say($('done'), `Legal identity saved: ${saved.displayName}.`);
    }
  });
  return form;
}

// Invoices

function newInvoiceForm() {
  const form = h('form', { id: 'invoice-form', class: 'card', novalidate: true },
    h('h3', {}, 'New invoice'),
    field('inv-buyer', 'Client name', { required: true }),
    field('inv-buyer-email', 'Client e-mail (the invoice is sent there)', { type: 'email' }),
    field('inv-service-date', 'Date of service', { type: 'date', required: true, value: new Date().toISOString().slice(0, 10) }),
    field('inv-description', 'Description', { required: true }),
    field('inv-quantity', 'Quantity', { value: '1', inputmode: 'decimal' }),
    field('inv-price', 'Unit price before VAT', { required: true, inputmode: 'decimal', placeholder: '60.00' }),
    field('inv-rate', 'VAT rate %', { value: '0', inputmode: 'decimal' }),
    h('button', { type: 'submit' }, 'Save as draft'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const draft = await run($('error'), () => api('POST', `${P}/invoices`, {
      buyerName: value('inv-buyer'), buyerEmail: value('inv-buyer-email'), serviceDate: value('inv-service-date'),
      lines: [{ description: value('inv-description'), quantity: value('inv-quantity'), unitPrice: value('inv-price'),
        vatRate: value('inv-rate') }],
    }), event.submitter);
    if (draft) {
      say($('done'), `Draft saved for ${draft.buyerName}.`);
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
      onclick: e => act('POST', `${base}/issue`, x => `Invoice ${x.number} issued.`, e.currentTarget) }, 'Issue'));
    actions.push(h('button', { type: 'button', class: 'secondary', 'data-action': 'delete',
      onclick: e => act('DELETE', base, 'Draft deleted.', e.currentTarget) }, 'Delete'));
  } else {
    actions.push(h('a', { href: i.pdfUrl, 'data-action': 'download', download: '' }, 'PDF'));
    if (i.buyerEmail) {
      actions.push(' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'send',
        onclick: e => act('POST', `${base}/send`, `Sent again to ${i.buyerEmail}.`, e.currentTarget) }, 'Send again'));
    }
    if (i.kind === 'INVOICE' && !credited.has(i.id)) {
      actions.push(' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'credit',
        onclick: e => act('POST', `${base}/credit-note`, x => `Credit note ${x.number} issued.`, e.currentTarget) },
      'Credit note'));
    }
  }
  return h('tr', { 'data-invoice': i.id },
    h('td', { class: 'number' }, i.number || 'Draft'),
    h('td', {}, i.kind === 'CREDIT_NOTE' ? `Credit note for ${i.creditedNumber}` : 'Invoice'),
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
  fill($('invoices-list'), invoices.length === 0 ? h('p', { class: 'muted' }, 'No invoice yet.')
    : h('table', {}, h('thead', {}, h('tr', {}, ...['Number', 'Kind', 'Issued', 'Client', 'Total', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, ...invoices.map(i => invoiceRow(i, credited)))));
}

export async function loadInvoices() {
  let identity = null;
  try {
    identity = await api('GET', `${P}/invoicing-profile`);
  } catch (e) {
    identity = null;
  }
  fill($('invoices-panel'), identityForm(identity), newInvoiceForm(), h('h3', {}, 'Invoices and credit notes'),
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
    list.length === 0 ? h('p', { class: 'muted' }, 'Nothing.')
      : h('ul', { class: 'plain' }, ...list.map(p => h('li', {}, `${p.name}: ${money(p.amount)}`))));
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
      h('p', {}, 'Turnover: ', h('strong', { id: 'revenue-total' }, money(r.total))),
      h('p', {}, `Paid online: ${money(r.online)} · on site: ${money(r.onSite)}`),
      h('p', { class: 'muted' }, `Shown apart: commissions ${money(r.commissions)}, payment fees ${money(r.fees)}`)),
    parts('By activity', r.byActivity), parts('By mode', r.byMode), parts('On site, by method', r.byMethod),
    h('p', {}, h('a', { href: `${P}/revenue/export.csv?${query}`, download: '' }, 'Revenue lines (CSV)'), ' · ',
      h('a', { href: `${P}/invoices/export.csv?${query}`, download: '' }, 'Invoices (CSV)')));
}

export async function loadRevenue() {
  const [from, to] = monthBounds();
  const form = h('form', { id: 'revenue-form', class: 'card', novalidate: true },
    field('rev-from', 'From', { type: 'date', value: from, required: true }),
    field('rev-to', 'To', { type: 'date', value: to, required: true }),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    showRevenue();
  });
  fill($('revenue-panel'), form, h('div', { id: 'revenue-result' }));
  await showRevenue();
}
