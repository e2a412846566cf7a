// BK-1 from the dashboard: the practitioner's booking form, the questions the public booking form asks
// besides name, e-mail and phone. Each question has a label, a kind (short or long answer, which sets the
// answer's length) and is required or not; questions are added, reordered and removed, and every change is
// saved at once (PUT /settings with the whole list).
import { api, fill, h, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { P, act, check, field, load, requiredNote } from '/assets/dash-forms.js';

const $ = id => document.getElementById(id);
const SHORT = 250;
const LONG = 2000;
let fields = [];

/** A stable key from a label: lowercase ASCII words joined by dashes, unique among the fields. */
function keyFor(label) {
  const base = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 32) || 'question';
  let key = base;
  for (let i = 2; fields.some(f => f.key === key); i++) {
    key = `${base}-${i}`;
  }
  return key;
}

async function save(ctx, next, message, button, form) {
  const saved = await act(ctx, () => api('PUT', `${P}/settings`, {
    form: next.map(f => ({ key: f.key, label: f.label, required: f.required, maxLength: f.maxLength })),
  }), { button, form });
  if (saved) {
    fields = saved.form;
    render(ctx);
    say(ctx.done, message);
  }
  return saved;
}

function render(ctx) {
  fill($('form-fields'), fields.length === 0 ? h('li', { class: 'muted' }, t('form-builder.none')) : fields.map((f, i) => {
    const move = (delta, label, action) => h('button', {
      type: 'button', class: 'secondary', 'data-action': action, disabled: i + delta < 0 || i + delta >= fields.length,
      'aria-label': t(`form-builder.${action}-label`, { label: f.label }),
      onclick: e => {
        const next = [...fields];
        [next[i], next[i + delta]] = [next[i + delta], next[i]];
        save(ctx, next, t('form-builder.moved'), e.currentTarget);
      },
    }, label);
    return h('li', { 'data-form-field': f.key },
      h('strong', {}, f.label), ' · ', t(f.maxLength > SHORT ? 'form-builder.long' : 'form-builder.short'), ' · ',
      t(f.required ? 'form-builder.required' : 'form-builder.optional'), ' ',
      move(-1, '↑', 'up'), ' ', move(1, '↓', 'down'), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-action': 'remove',
        onclick: e => save(ctx, fields.filter(x => x !== f), t('form-builder.removed', { label: f.label }), e.currentTarget) },
      t('form-builder.remove')));
  }));
}

function form(ctx) {
  const label = h('input', { maxlength: 200 });
  const kind = h('select', {}, h('option', { value: String(SHORT) }, t('form-builder.short')),
    h('option', { value: String(LONG) }, t('form-builder.long')));
  const submit = h('button', { type: 'submit', id: 'form-field-submit' }, t('form-builder.add'));
  const f = h('form', { id: 'form-field-new', class: 'card', novalidate: true, 'aria-labelledby': 'form-field-title' },
    h('h3', { id: 'form-field-title' }, t('form-builder.new')), requiredNote(),
    field('form-field-label', t('form-builder.label'), label, { required: true, apiField: 'form', hint: t('form-builder.label-hint') }),
    field('form-field-kind', t('form-builder.kind'), kind, { required: true }),
    check('form-field-required', t('form-builder.is-required')), submit);
  f.addEventListener('submit', async event => {
    event.preventDefault();
    if (!label.value.trim()) {
      await act(ctx, async () => undefined, { form: f });
      return;
    }
    const added = { key: keyFor(label.value), label: label.value.trim(), required: $('form-field-required').checked,
      maxLength: Number(kind.value) };
    if (await save(ctx, [...fields, added], t('form-builder.added', { label: added.label }), submit, f)) {
      f.reset();
    }
  });
  return f;
}

/** Fills the booking-form builder (in the Settings section); ctx: {error, done}. */
export async function loadFormBuilder(ctx) {
  const panel = $('form-builder-panel');
  if (!panel.firstChild) {
    fill(panel, h('h2', {}, t('form-builder.title')), h('p', { class: 'muted' }, t('form-builder.hint')),
      h('ul', { id: 'form-fields', class: 'plain' }), form(ctx));
  }
  const settings = await load(ctx, `${P}/settings`);
  if (settings) {
    fields = settings.form || [];
    render(ctx);
  }
}
