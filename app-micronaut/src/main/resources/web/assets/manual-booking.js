// BK-6 and BK-7 from the dashboard: entering a booking by hand for a client, with the client's details
// filled in from the client file (search by name or e-mail, or an e-mail typed in full), and moving a booking
// from the booking's detail panel. Commands carry an Idempotency-Key made once per attempt (BK-8).
import { api, fill, h, newKey, say, today } from '/assets/common.js';
import { formatInstant, t } from '/assets/i18n.js';
import { P, act, field, load, modeName, requiredNote, zonedInstant } from '/assets/dash-forms.js';

const $ = id => document.getElementById(id);
let clients = [];
let activities = [];
let attemptKey = null;

function when(instant, zone) {
  return formatInstant(instant, zone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

function fillClient(details) {
  const f = $('manual-form');
  f.email.value = details.email || '';
  f.clientName.value = details.name || '';
  f.phone.value = details.phone || '';
  f.language.value = details.language || 'fr';
  fill($('client-suggestions'));
  $('client-filled').textContent = t('manual.filled', { name: details.name });
}

function suggest() {
  const query = $('manual-search').value.trim().toLowerCase();
  const found = query.length < 2 ? [] : clients.filter(c => c.details.name.toLowerCase().includes(query)
    || c.details.email.toLowerCase().includes(query)).slice(0, 8);
  fill($('client-suggestions'), found.map(c => h('li', {}, h('button', {
    type: 'button', class: 'secondary', 'data-client': c.id, onclick: () => fillClient(c.details),
  }, `${c.details.name} · ${c.details.email}`))));
  say($('client-suggestions-status'), query.length < 2 ? '' : t('manual.suggestions', { count: found.length }));
}

function modes() {
  const a = activities.find(x => x.id === $('manual-activity').value);
  fill($('manual-mode'), ((a && a.modes) || []).map(m => h('option', { value: m }, modeName(m))));
}

function form(ctx) {
  const search = h('input', { type: 'search', autocomplete: 'off', 'aria-controls': 'client-suggestions' });
  const email = h('input', { type: 'email', name: 'email', maxlength: 254, autocomplete: 'off' });
  const name = h('input', { name: 'clientName', maxlength: 200, autocomplete: 'off' });
  const phone = h('input', { type: 'tel', name: 'phone', maxlength: 40, autocomplete: 'off' });
  const language = h('select', { name: 'language' }, h('option', { value: 'fr' }, t('manual.french')),
    h('option', { value: 'en' }, t('manual.english')));
  const activity = h('select', { name: 'activity' });
  const date = h('input', { type: 'date', name: 'date', value: today(ctx.zone) });
  const time = h('input', { type: 'time', name: 'time', value: '09:00' });
  const mode = h('select', { name: 'mode' });
  const submit = h('button', { type: 'submit', id: 'manual-submit' }, t('manual.submit'));
  const f = h('form', { id: 'manual-form', class: 'card', novalidate: true, 'aria-labelledby': 'manual-title' },
    h('h2', { id: 'manual-title' }, t('manual.title')), h('p', { class: 'muted' }, t('manual.hint')), requiredNote(),
    field('manual-search', t('manual.search'), search, { hint: t('manual.search-hint') }),
    h('p', { id: 'client-suggestions-status', class: 'muted', role: 'status' }),
    h('ul', { id: 'client-suggestions', class: 'plain' }),
    h('p', { id: 'client-filled', class: 'status', role: 'status' }),
    field('manual-email', t('manual.email'), email, { required: true, apiField: 'email' }),
    field('manual-name', t('manual.name'), name, { apiField: 'name', hint: t('manual.name-hint') }),
    field('manual-phone', t('manual.phone'), phone, { apiField: 'phone' }),
    field('manual-language', t('manual.language'), language, { apiField: 'language' }),
    field('manual-activity', t('manual.activity'), activity, { required: true, apiField: 'activityId' }),
    h('div', { class: 'columns' }, field('manual-date', t('manual.date'), date, { required: true, apiField: 'start' }),
      field('manual-time', t('manual.time'), time, { required: true })),
    field('manual-mode', t('manual.mode'), mode, { required: true, apiField: 'mode' }), submit);
  search.addEventListener('input', suggest);
  activity.addEventListener('change', modes);
  f.addEventListener('input', () => {
    attemptKey = null;
  });
  // An e-mail typed in full that the client file knows fills in what is still empty (BK-6).
  email.addEventListener('change', async () => {
    if (!email.value.includes('@')) {
      return;
    }
    try {
      const details = await api('GET', `${P}/clients/lookup?email=${encodeURIComponent(email.value.trim())}`);
      if (!name.value.trim() && !phone.value.trim()) {
        fillClient(details);
      }
    } catch (e) {
      $('client-filled').textContent = '';
    }
  });
  f.addEventListener('submit', async event => {
    event.preventDefault();
    attemptKey = attemptKey || newKey();
    const key = attemptKey;
    const booking = await act(ctx, () => api('POST', `${P}/bookings`, {
      activityId: activity.value, start: zonedInstant(date.value, time.value, ctx.zone), mode: mode.value,
      email: email.value.trim(), name: name.value.trim() || undefined, phone: phone.value.trim() || undefined,
      language: language.value,
    }, { 'Idempotency-Key': key }), { form: f, button: submit });
    if (booking) {
      attemptKey = null;
      say(ctx.done, t('manual.done', { name: booking.client.name, when: when(booking.start, ctx.zone) }));
      f.reset();
      date.value = today(ctx.zone);
      modes();
      $('client-filled').textContent = '';
      clients = (await load(ctx, `${P}/clients`)) || clients;
    }
  });
  return f;
}

/** Fills the "New booking" section; ctx: {error, done, zone}. */
export async function loadManualBooking(ctx) {
  const panel = $('new-booking-panel');
  if (!panel.firstChild) {
    fill(panel, form(ctx));
  }
  const [list, known] = await Promise.all([load(ctx, `${P}/activities`), load(ctx, `${P}/clients`)]);
  if (list) {
    activities = list.filter(a => a.active);
    const chosen = $('manual-activity').value;
    fill($('manual-activity'), activities.map(a => h('option', { value: a.id }, a.name)));
    if (activities.some(a => a.id === chosen)) {
      $('manual-activity').value = chosen;
    }
    modes();
  }
  clients = known || clients;
}

const MOVABLE = ['HELD', 'PENDING', 'CONFIRMED'];

/**
 * BK-7 for the practitioner: the detail panel's "Move" action for a booking that holds a seat: a date and a
 * time in the practitioner's zone, then the move; {@code after} reloads the detail.
 */
export function moveActions(b, ctx, after) {
  if (!MOVABLE.includes(b.state)) {
    return [];
  }
  let key = null;
  const open = h('button', { type: 'button', class: 'secondary', 'data-command': 'move' }, t('manual.move'));
  const date = h('input', { type: 'date', min: today(ctx.zone) });
  const time = h('input', { type: 'time' });
  const go = h('button', { type: 'submit', id: 'move-submit' }, t('manual.move-confirm'));
  const f = h('form', { id: 'move-form', class: 'card', novalidate: true, hidden: true, 'aria-labelledby': 'move-title' },
    h('h3', { id: 'move-title' }, t('manual.move-title')),
    h('div', { class: 'columns' }, field('move-date', t('manual.date'), date, { required: true, apiField: 'newStart' }),
      field('move-time', t('manual.time'), time, { required: true })), go);
  const start = b.start ? new Date(b.start) : null;
  if (start) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.zone || undefined, hourCycle: 'h23', year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(start);
    const get = type => parts.find(p => p.type === type).value;
    date.value = `${get('year')}-${get('month')}-${get('day')}`;
    time.value = `${get('hour')}:${get('minute')}`;
  }
  open.addEventListener('click', () => {
    f.hidden = !f.hidden;
    if (!f.hidden) {
      date.focus();
    }
  });
  f.addEventListener('input', () => {
    key = null;
  });
  f.addEventListener('submit', async event => {
    event.preventDefault();
    key = key || newKey();
    const moved = await act(ctx, () => api('POST', `${P}/bookings/${encodeURIComponent(b.id)}/move`,
      { newStart: zonedInstant(date.value, time.value, ctx.zone) }, { 'Idempotency-Key': key }), { form: f, button: go });
    if (moved) {
      key = null;
      await after();
      say(ctx.done, t('manual.moved', { name: moved.client.name, when: when(moved.start, ctx.zone) }));
    }
  });
  return [open, f];
}
