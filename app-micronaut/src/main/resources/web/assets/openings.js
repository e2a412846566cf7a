// AG-3 … AG-5 from the dashboard: weekly and dated openings (step, capacity, activities, modes, address),
// deleting an opening or one occurrence of a weekly one, clearing a date after being told how many bookings
// it would leave outside any opening (AG-4: they stay booked), and unavailabilities (holidays, absences).
import { api, fill, h, say, today } from '/assets/common.js';
import { formatInstant, lang, t } from '/assets/i18n.js';
import { MODES, P, act, check, field, load, modeName, requiredNote, zonedInstant } from '/assets/dash-forms.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const $ = id => document.getElementById(id);
let activities = [];

/** The name of a day of the week in the page's language (2024-01-01 was a Monday). */
function dayName(day) {
  return new Intl.DateTimeFormat(lang(), { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))));
}

/** A local date (YYYY-MM-DD) in words, in the page's language. */
function dateText(date, weekday = true) {
  return new Intl.DateTimeFormat(lang(), { weekday: weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric',
    timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A local time of the API ("09:00:00") as hours and minutes. */
const hm = time => String(time).slice(0, 5);

function describe(o) {
  const when = o.kind === 'WEEKLY'
    ? t('openings.every', { day: dayName(o.day), from: dateText(o.validFrom, false) })
      + (o.validUntil ? ' ' + t('openings.until', { date: dateText(o.validUntil, false) }) : '')
    : dateText(o.date);
  const parts = [`${hm(o.start)}–${hm(o.end)}`];
  if (o.stepMinutes) {
    parts.push(t('openings.step-of', { minutes: o.stepMinutes }));
  }
  if (o.capacity) {
    parts.push(t('openings.capacity-of', { seats: o.capacity }));
  }
  parts.push(o.activities && o.activities.length
    ? o.activities.map(id => (activities.find(a => a.id === id) || { name: id }).name).join(', ')
    : t('openings.all-activities'));
  parts.push((o.modes || []).map(modeName).join(', '));
  if (o.address) {
    parts.push(o.address);
  }
  return [h('strong', {}, when), ' · ', parts.join(' · '),
    o.skippedDates && o.skippedDates.length ? h('span', { class: 'muted' }, ' · ',
      t('openings.skipped', { dates: o.skippedDates.map(dateText).join(', ') })) : ''];
}

function leftOutsideText(count) {
  return count === 0 ? t('openings.none-outside') : t('openings.some-outside', { count });
}

function openingLine(ctx, o) {
  const remove = h('button', { type: 'button', class: 'secondary', 'data-action': 'delete' }, t('openings.delete'));
  remove.addEventListener('click', async () => {
    const change = await act(ctx, () => api('DELETE', `${P}/openings/${encodeURIComponent(o.id)}`), { button: remove });
    if (change) {
      say(ctx.done, t('openings.deleted') + ' ' + leftOutsideText(change.bookingsLeftOutside));
      await refresh(ctx);
    }
  });
  const item = h('li', { 'data-opening': o.id }, describe(o), ' ', remove);
  if (o.kind === 'WEEKLY') {
    const id = `occurrence-${o.id}`;
    const date = h('input', { type: 'date', min: o.validFrom, max: o.validUntil || undefined });
    const go = h('button', { type: 'submit', class: 'secondary', 'data-action': 'delete-occurrence' }, t('openings.delete-occurrence'));
    const occurrence = h('form', { class: 'actions', novalidate: true, 'data-occurrence-of': o.id },
      field(id, t('openings.occurrence-date'), date, { required: true, apiField: 'date' }), go);
    occurrence.addEventListener('submit', async event => {
      event.preventDefault();
      const change = await act(ctx, () => api('DELETE',
        `${P}/openings/${encodeURIComponent(o.id)}/occurrences/${encodeURIComponent(date.value)}`), { button: go, form: occurrence });
      if (change) {
        say(ctx.done, t('openings.occurrence-deleted', { date: dateText(date.value) }) + ' '
          + leftOutsideText(change.bookingsLeftOutside));
        await refresh(ctx);
      }
    });
    item.append(occurrence);
  }
  return item;
}

function openingForm(ctx) {
  const kind = h('select', {}, h('option', { value: 'WEEKLY' }, t('openings.weekly')), h('option', { value: 'DATED' }, t('openings.dated')));
  const day = h('select', {}, DAYS.map(d => h('option', { value: d }, dayName(d))));
  const validFrom = h('input', { type: 'date', value: today(ctx.zone) });
  const validUntil = h('input', { type: 'date' });
  const date = h('input', { type: 'date', value: today(ctx.zone) });
  const start = h('input', { type: 'time', value: '09:00' });
  const end = h('input', { type: 'time', value: '12:00' });
  const step = h('input', { type: 'number', min: 1, max: 1440 });
  const capacity = h('input', { type: 'number', min: 1 });
  const address = h('input', { maxlength: 500, list: 'opening-addresses' });
  const weekly = h('div', {}, field('opening-day', t('openings.day'), day, { required: true, apiField: 'day' }),
    field('opening-valid-from', t('openings.valid-from'), validFrom, { required: true, apiField: 'validFrom' }),
    field('opening-valid-until', t('openings.valid-until'), validUntil, { apiField: 'validUntil' }));
  const dated = h('div', { hidden: true }, field('opening-date', t('openings.date'), date, { apiField: 'date' }));
  const allowed = h('fieldset', { id: 'opening-activities', 'data-field': 'activities', tabindex: '-1' },
    h('legend', {}, t('openings.activities')), h('p', { class: 'muted' }, t('openings.activities-hint')),
    h('div', { id: 'opening-activity-choices' }), h('p', { class: 'error field-error', id: 'opening-activities-error' }));
  const modes = h('fieldset', { id: 'opening-modes', 'data-field': 'modes', tabindex: '-1' },
    h('legend', {}, t('openings.modes')), h('p', { class: 'muted' }, t('openings.modes-hint')),
    MODES.map(m => check(`opening-mode-${m}`, modeName(m), { value: m })),
    h('p', { class: 'error field-error', id: 'opening-modes-error' }));
  const submit = h('button', { type: 'submit', id: 'opening-submit' }, t('openings.add'));
  const f = h('form', { id: 'opening-form', class: 'card', novalidate: true, 'aria-labelledby': 'opening-form-title' },
    h('h2', { id: 'opening-form-title' }, t('openings.new')), requiredNote(),
    field('opening-kind', t('openings.kind'), kind, { required: true }), weekly, dated,
    field('opening-start', t('openings.start'), start, { required: true, apiField: 'start' }),
    field('opening-end', t('openings.end'), end, { required: true, apiField: 'end' }),
    field('opening-step', t('openings.step'), step, { apiField: 'stepMinutes', hint: t('openings.step-hint') }),
    field('opening-capacity', t('openings.capacity'), capacity, { apiField: 'capacity', hint: t('openings.capacity-hint') }),
    allowed, modes,
    field('opening-address', t('openings.address'), address, { apiField: 'address', hint: t('openings.address-hint') }),
    h('datalist', { id: 'opening-addresses' }), submit);
  const showKind = () => {
    weekly.hidden = kind.value !== 'WEEKLY';
    dated.hidden = kind.value !== 'DATED';
    day.required = validFrom.required = kind.value === 'WEEKLY';
    date.required = kind.value === 'DATED';
  };
  kind.addEventListener('change', showKind);
  showKind();
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const body = kind.value === 'WEEKLY'
      ? { day: day.value, validFrom: validFrom.value, validUntil: validUntil.value || undefined }
      : { date: date.value };
    Object.assign(body, {
      start: start.value, end: end.value,
      stepMinutes: step.value ? Number(step.value) : undefined, capacity: capacity.value ? Number(capacity.value) : undefined,
      activities: Array.from(f.querySelectorAll('#opening-activity-choices input:checked'), i => i.value),
      modes: MODES.filter(m => $(`opening-mode-${m}`).checked), address: address.value.trim() || undefined,
    });
    const change = await act(ctx, () => api('POST', `${P}/openings`, body), { form: f, button: submit });
    if (change) {
      say(ctx.done, t('openings.added'));
      await refresh(ctx);
    }
  });
  return f;
}

function clearForm(ctx) {
  const date = h('input', { type: 'date', value: today(ctx.zone) });
  const ask = h('button', { type: 'submit', class: 'secondary', id: 'clear-ask' }, t('openings.clear'));
  const confirmation = h('div', { id: 'clear-confirmation', class: 'card', hidden: true, role: 'group', 'aria-labelledby': 'clear-count' },
    h('p', { id: 'clear-count' }));
  const yes = h('button', { type: 'button', class: 'danger', id: 'clear-confirm' }, t('openings.clear-confirm'));
  const no = h('button', { type: 'button', class: 'secondary', id: 'clear-cancel' }, t('openings.clear-cancel'));
  confirmation.append(h('div', { class: 'actions' }, yes, no));
  const f = h('form', { id: 'clear-form', class: 'card', novalidate: true, 'aria-labelledby': 'clear-title' },
    h('h2', { id: 'clear-title' }, t('openings.clear-title')), h('p', { class: 'muted' }, t('openings.clear-hint')),
    field('clear-date', t('openings.date'), date, { required: true, apiField: 'date' }), ask, confirmation);
  let asked = null;
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const preview = await act(ctx, () => api('GET', `${P}/days/${encodeURIComponent(date.value)}/openings/clearing`),
      { form: f, button: ask });
    if (preview) {
      asked = date.value;
      say($('clear-count'), t('openings.clear-question', { date: dateText(asked) }) + ' ' + leftOutsideText(preview.bookingsLeftOutside));
      confirmation.hidden = false;
      yes.focus();
    }
  });
  date.addEventListener('change', () => {
    confirmation.hidden = true;
  });
  no.addEventListener('click', () => {
    confirmation.hidden = true;
  });
  yes.addEventListener('click', async () => {
    const change = await act(ctx, () => api('DELETE', `${P}/days/${encodeURIComponent(asked)}/openings`), { button: yes });
    if (change) {
      confirmation.hidden = true;
      say(ctx.done, t('openings.cleared', { date: dateText(asked) }) + ' ' + leftOutsideText(change.bookingsLeftOutside));
      await refresh(ctx);
    }
  });
  return f;
}

function unavailabilityForm(ctx) {
  const fromDate = h('input', { type: 'date', value: today(ctx.zone) });
  const fromTime = h('input', { type: 'time', value: '00:00' });
  const toDate = h('input', { type: 'date', value: today(ctx.zone) });
  const toTime = h('input', { type: 'time', value: '23:59' });
  const label = h('input', { maxlength: 200 });
  const submit = h('button', { type: 'submit', id: 'unavailability-submit' }, t('unavailability.add'));
  const f = h('form', { id: 'unavailability-form', class: 'card', novalidate: true, 'aria-labelledby': 'unavailability-form-title' },
    h('h2', { id: 'unavailability-form-title' }, t('unavailability.new')), requiredNote(),
    h('div', { class: 'columns' },
      field('unavailability-from-date', t('unavailability.from-date'), fromDate, { required: true, apiField: 'from' }),
      field('unavailability-from-time', t('unavailability.from-time'), fromTime, { required: true })),
    h('div', { class: 'columns' },
      field('unavailability-to-date', t('unavailability.to-date'), toDate, { required: true, apiField: 'to' }),
      field('unavailability-to-time', t('unavailability.to-time'), toTime, { required: true })),
    field('unavailability-label', t('unavailability.label'), label, { apiField: 'label', hint: t('unavailability.label-hint') }),
    submit);
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const added = await act(ctx, () => api('POST', `${P}/unavailabilities`, {
      from: zonedInstant(fromDate.value, fromTime.value, ctx.zone), to: zonedInstant(toDate.value, toTime.value, ctx.zone),
      label: label.value.trim() || undefined,
    }), { form: f, button: submit });
    if (added) {
      say(ctx.done, t('unavailability.added') + (added.bookingsInside
        ? ' ' + t('unavailability.bookings-inside', { count: added.bookingsInside }) : ''));
      f.reset();
      await refresh(ctx);
    }
  });
  return f;
}

function when(instant, zone) {
  return formatInstant(instant, zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

async function refresh(ctx) {
  const [openings, list, profile] = await Promise.all([load(ctx, `${P}/openings`), load(ctx, `${P}/activities`),
    load(ctx, `${P}/profile`)]);
  if (list) {
    activities = list;
    fill($('opening-activity-choices'), list.filter(a => a.active).map(a =>
      check(`opening-activity-${a.id}`, a.name, { value: a.id })));
  }
  if (profile) {
    fill($('opening-addresses'), (profile.addresses || []).map(a => h('option', { value: a.address }, a.label || a.address)));
  }
  if (openings) {
    fill($('openings-list'), openings.length === 0 ? h('li', { class: 'muted' }, t('openings.none'))
      : openings.map(o => openingLine(ctx, o)));
  }
  const now = new Date();
  const unavailabilities = await load(ctx, `${P}/unavailabilities?from=${encodeURIComponent(new Date(now - 86400000).toISOString())}`
    + `&to=${encodeURIComponent(new Date(now.getTime() + 3 * 365 * 86400000).toISOString())}`);
  if (unavailabilities) {
    fill($('unavailabilities-list'), unavailabilities.length === 0 ? h('li', { class: 'muted' }, t('unavailability.none'))
      : unavailabilities.map(u => {
        const remove = h('button', { type: 'button', class: 'secondary', 'data-action': 'delete' }, t('unavailability.delete'));
        remove.addEventListener('click', async () => {
          if (await act(ctx, () => api('DELETE', `${P}/unavailabilities/${encodeURIComponent(u.id)}`), { button: remove }) !== undefined) {
            say(ctx.done, t('unavailability.deleted'));
            await refresh(ctx);
          }
        });
        return h('li', { 'data-unavailability': u.id }, h('strong', {}, `${when(u.from, ctx.zone)} – ${when(u.to, ctx.zone)}`),
          u.label ? ` · ${u.label}` : '', ' ', remove);
      }));
  }
}

/** Fills the Openings section; ctx: {error, done, zone}. */
export async function loadOpenings(ctx) {
  const panel = $('openings-panel');
  if (!panel.firstChild) {
    fill(panel, h('h2', {}, t('openings.title')), h('ul', { id: 'openings-list', class: 'plain' }), openingForm(ctx), clearForm(ctx),
      h('h2', {}, t('unavailability.title')), h('ul', { id: 'unavailabilities-list', class: 'plain' }), unavailabilityForm(ctx));
  }
  await refresh(ctx);
}

