// Issue 14 item 3: in the dashboard's Calendar section, the practitioner's own calendar (its secret iCalendar
// address) whose busy times block their availability: the address field (shown masked once saved), the state of
// the last fetch (when, how many busy periods, the last failure in words), Refresh now and Remove. Texts come
// from the "calendar" catalogs, which calendar.js loads (calendarTexts).
import { api, fill, h } from '/assets/common.js';
import { formatInstant, has, problemText } from '/assets/i18n.js';
import { calendarTexts, calendarText as t } from '/assets/calendar.js';

const P = '/api/practitioner/calendar/import';
const $ = id => document.getElementById(id);

function say(message, isError) {
  const status = $('calendar-import-status');
  status.className = isError ? 'error' : 'status';
  status.textContent = message;
}

async function call(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (e) {
    say(has('problem.generic') ? problemText(e.status, e.type) : t('calendar.error'), true);
    return undefined;
  }
}

function when(instant) {
  return instant ? formatInstant(instant, undefined, { dateStyle: 'medium', timeStyle: 'short' }) : t('calendar.import.never');
}

function stateLines(state) {
  if (!state.subscribed) {
    return [h('p', { id: 'calendar-import-state', class: 'muted' }, t('calendar.import.none'))];
  }
  const lines = [
    h('li', {}, t('calendar.import.address'), ' ', h('code', {}, state.maskedAddress)),
    h('li', {}, t('calendar.import.lastSuccess'), ' ', when(state.lastSuccessAt)),
    h('li', {}, t('calendar.import.busy'), ' ', String(state.busyPeriods))];
  if (state.failure) {
    const reason = t(`calendar.import.failure.${state.failure}`);
    lines.push(h('li', { class: 'error', id: 'calendar-import-failure' }, t('calendar.import.lastFailure'), ' ',
      when(state.lastFailureAt), ' — ', reason, state.failure === 'HTTP_STATUS' ? ` (${state.failureDetail})` : ''));
  }
  return [h('ul', { id: 'calendar-import-state' }, ...lines)];
}

function show(state) {
  const input = h('input', { id: 'calendar-import-address', type: 'url', maxlength: 2000, autocomplete: 'off',
    placeholder: 'https://…/basic.ics', 'aria-describedby': 'calendar-import-hint' });
  const save = h('button', { type: 'submit', id: 'calendar-import-save' }, t('calendar.import.save'));
  const form = h('form', { id: 'calendar-import-form' },
    h('div', { class: 'field' }, h('label', { for: 'calendar-import-address' }, t('calendar.import.field')),
      input, h('p', { id: 'calendar-import-hint', class: 'muted' }, t('calendar.import.hint'))),
    save);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    save.disabled = true;
    const saved = await call('PUT', P, { address: input.value });
    if (saved) {
      const read = await call('POST', `${P}/refresh`);
      show(read || saved);
      say(t('calendar.import.saved'));
    }
    save.disabled = false;
  });
  const buttons = [];
  if (state.subscribed) {
    const refresh = h('button', { type: 'button', id: 'calendar-import-refresh', class: 'secondary' }, t('calendar.import.refresh'));
    refresh.addEventListener('click', async () => {
      refresh.disabled = true;
      const read = await call('POST', `${P}/refresh`);
      refresh.disabled = false;
      if (read) {
        show(read);
        say(read.failure ? t('calendar.import.refreshFailed') : t('calendar.import.refreshed'), Boolean(read.failure));
      }
    });
    const remove = h('button', { type: 'button', id: 'calendar-import-remove', class: 'secondary' }, t('calendar.import.remove'));
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      const done = await call('DELETE', P);
      remove.disabled = false;
      if (done !== undefined) {
        show({ subscribed: false, pollMinutes: state.pollMinutes });
        say(t('calendar.import.removed'));
      }
    });
    buttons.push(h('div', { class: 'row' }, refresh, remove));
  }
  fill($('calendar-import-panel'),
    h('h3', {}, t('calendar.import.title')),
    h('p', {}, t('calendar.import.intro').replace('{minutes}', String(state.pollMinutes))),
    ...stateLines(state),
    ...buttons,
    form,
    h('p', { class: 'muted' }, t('calendar.import.privacy')),
    h('p', { id: 'calendar-import-status', class: 'status', role: 'status' }));
}

/** Fills the own-calendar part of the Calendar tab. */
export async function loadCalendarImport() {
  if (!$('calendar-import-panel')) {
    return;
  }
  await calendarTexts();
  const state = await call('GET', P);
  if (state) {
    show(state);
  }
}
