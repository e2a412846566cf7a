// AG-2 from the dashboard: the practitioner's activities (name, duration, price, modes), added, edited,
// deactivated and reactivated without any JSON. Also keeps the activities' names for the agenda's lines.
import { api, fill, h, say } from '/assets/common.js';
import { formatMoney, t } from '/assets/i18n.js';
import { MODES, P, act, check, field, load, modeName, requiredNote } from '/assets/dash-forms.js';

/** The names of every activity by id, for the agenda's lines; refreshed by loadActivityNames. */
export const activityNames = new Map();

export async function loadActivityNames(ctx) {
  const list = ctx ? await load(ctx, `${P}/activities`) : await api('GET', `${P}/activities`).catch(() => undefined);
  if (list) {
    activityNames.clear();
    list.forEach(a => activityNames.set(a.id, a.name));
  }
  return list;
}

let editing = null;

function form(ctx) {
  const name = h('input', { maxlength: 200, autocomplete: 'off' });
  const duration = h('input', { type: 'number', min: 5, max: 480, step: 5, value: 60 });
  const price = h('input', { inputmode: 'decimal', value: '60.00' });
  const modes = h('fieldset', { 'data-field': 'modes', id: 'activity-modes', tabindex: '-1' },
    h('legend', {}, t('activities.modes')),
    MODES.map(m => check(`activity-mode-${m}`, modeName(m), { value: m, checked: m === 'IN_PERSON' })),
    h('p', { class: 'error field-error', id: 'activity-modes-error' }));
  const active = check('activity-active', t('activities.active'), { checked: true });
  const submit = h('button', { type: 'submit', id: 'activity-submit' }, t('activities.add'));
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'activity-cancel', hidden: true }, t('activities.cancel-edit'));
  const title = h('h2', { id: 'activity-form-title' }, t('activities.new'));
  const f = h('form', { id: 'activity-form', class: 'card', novalidate: true, 'aria-labelledby': 'activity-form-title' },
    title, requiredNote(),
    field('activity-name', t('activities.name'), name, { required: true, apiField: 'name' }),
    field('activity-duration', t('activities.duration'), duration, { required: true, apiField: 'durationMinutes' }),
    field('activity-price', t('activities.price'), price, { required: true, apiField: 'price', hint: t('activities.price-hint') }),
    modes, active, h('div', { class: 'actions' }, submit, cancel));

  const reset = () => {
    editing = null;
    f.reset();
    active.hidden = true;
    cancel.hidden = true;
    title.textContent = t('activities.new');
    submit.textContent = t('activities.add');
  };
  f.edit = a => {
    editing = a;
    name.value = a.name;
    duration.value = a.durationMinutes;
    price.value = a.price.amount;
    for (const m of MODES) {
      document.getElementById(`activity-mode-${m}`).checked = (a.modes || []).includes(m);
    }
    document.getElementById('activity-active').checked = a.active;
    active.hidden = false;
    cancel.hidden = false;
    title.textContent = t('activities.edit', { name: a.name });
    submit.textContent = t('activities.save');
    name.focus();
  };
  cancel.addEventListener('click', reset);
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = MODES.filter(m => document.getElementById(`activity-mode-${m}`).checked);
    const body = {
      name: name.value.trim(), durationMinutes: Number(duration.value),
      price: { amount: price.value.trim().replace(',', '.'), currency: editing ? editing.price.currency : 'EUR' },
      modes: chosen, active: document.getElementById('activity-active').checked,
    };
    const wasEditing = editing;
    const saved = await act(ctx, () => wasEditing
      ? api('PUT', `${P}/activities/${encodeURIComponent(wasEditing.id)}`, body)
      : api('POST', `${P}/activities`, body), { form: f, button: submit });
    if (saved) {
      reset();
      say(ctx.done, t(wasEditing ? 'activities.saved' : 'activities.added', { name: saved.name }));
      await refresh(ctx, f);
    }
  });
  reset();
  return f;
}

function line(ctx, a, f) {
  const toggle = h('button', { type: 'button', class: 'secondary', 'data-action': a.active ? 'deactivate' : 'reactivate' },
    t(a.active ? 'activities.deactivate' : 'activities.reactivate'));
  toggle.addEventListener('click', async () => {
    const saved = await act(ctx, () => api('PUT', `${P}/activities/${encodeURIComponent(a.id)}`, {
      name: a.name, durationMinutes: a.durationMinutes, price: a.price, modes: a.modes, active: !a.active,
    }), { button: toggle });
    if (saved) {
      say(ctx.done, t(saved.active ? 'activities.reactivated' : 'activities.deactivated', { name: saved.name }));
      await refresh(ctx, f);
    }
  });
  return h('li', { 'data-activity': a.id },
    h('strong', {}, a.name), ' · ', t('activities.minutes', { minutes: a.durationMinutes }), ' · ', formatMoney(a.price), ' · ',
    (a.modes || []).map(modeName).join(', '),
    a.active ? '' : h('span', { class: 'state', 'data-state': 'INACTIVE' }, ' · ', t('activities.inactive')), ' ',
    h('button', { type: 'button', class: 'secondary', 'data-action': 'edit', onclick: () => f.edit(a) }, t('activities.edit-button')),
    ' ', toggle);
}

async function refresh(ctx, f) {
  const list = await loadActivityNames(ctx);
  if (list) {
    fill(document.getElementById('activities-list'), list.length === 0
      ? h('li', { class: 'muted' }, t('activities.none')) : list.map(a => line(ctx, a, f)));
  }
}

/** Fills the Activities section; ctx: {error, done, zone}. */
export async function loadActivities(ctx) {
  const panel = document.getElementById('activities-panel');
  if (!panel.firstChild) {
    const f = form(ctx);
    fill(panel, h('h2', {}, t('activities.title')), h('ul', { id: 'activities-list', class: 'plain' }), f);
    panel.form = f;
  }
  await refresh(ctx, panel.form);
}
