// AG-1, AG-6 … AG-8, BK-3, BK-4, CX-1, CX-4, CX-7 from the dashboard: the practitioner's settings (zone,
// spacing, default capacity, booking window, confirmation, cancellation deadline, what clients may do,
// no-show percentage, reminders, waitlist alerts, online payment). Saving sends every field and re-reads
// what the API kept; later bookings only are concerned (BK-9).
import { api, fill, h, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { P, act, check, field, load, requiredNote } from '/assets/dash-forms.js';

const $ = id => document.getElementById(id);

function number(attributes) {
  return h('input', { type: 'number', inputmode: 'numeric', ...attributes });
}

/** Hours shown for a number of minutes, and back (quarter hours are kept). */
const hours = minutes => String(Math.round((minutes / 60) * 100) / 100);
const minutes = text => Math.round(Number(String(text).replace(',', '.')) * 60);

function form(ctx) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const controls = {
    zone: h('input', { list: 'settings-zones', maxlength: 64, autocomplete: 'off' }),
    spacingMinutes: number({ min: 0, max: 1440 }),
    defaultCapacity: number({ min: 1, max: 1000 }),
    minimumNoticeHours: number({ min: 0, step: 0.25 }),
    horizonDays: number({ min: 1, max: 3650 }),
    confirmation: h('select', {}, h('option', { value: 'MANUAL' }, t('settings.confirmation.manual')),
      h('option', { value: 'AUTOMATIC' }, t('settings.confirmation.automatic'))),
    cancellationDeadlineHours: number({ min: 0, step: 0.25 }),
    // The core names the percentage noShowPercentage in its refusals (a card guarantee needs a payment account).
    noShowPercent: h('input', { inputmode: 'decimal', maxlength: 10, 'data-field-also': 'noShowPercentage' }),
    firstReminderHours: number({ min: 0, step: 0.25 }),
    secondReminderHours: number({ min: 0, step: 0.25 }),
    onlinePayment: h('select', {}, ['NONE', 'OPTIONAL', 'REQUIRED'].map(v =>
      h('option', { value: v }, t(`settings.online-payment.${v.toLowerCase()}`)))),
    paymentWindowMinutes: number({ min: 1, max: 1440 }),
  };
  const submit = h('button', { type: 'submit', id: 'settings-submit' }, t('settings.save'));
  const f = h('form', { id: 'settings-form', class: 'card', novalidate: true, 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, t('settings.title')), requiredNote(),
    field('settings-zone', t('settings.zone'), controls.zone, { required: true, apiField: 'zone', hint: t('settings.zone-hint') }),
    h('datalist', { id: 'settings-zones' }, zones.map(z => h('option', { value: z }))),
    field('settings-spacing', t('settings.spacing'), controls.spacingMinutes, { required: true, apiField: 'spacingMinutes', hint: t('settings.spacing-hint') }),
    field('settings-capacity', t('settings.capacity'), controls.defaultCapacity, { required: true, apiField: 'defaultCapacity', hint: t('settings.capacity-hint') }),
    h('fieldset', {}, h('legend', {}, t('settings.window')),
      field('settings-notice', t('settings.notice'), controls.minimumNoticeHours, { required: true, apiField: 'minimumNoticeMinutes' }),
      field('settings-horizon', t('settings.horizon'), controls.horizonDays, { required: true, apiField: 'horizonDays' })),
    field('settings-confirmation', t('settings.confirmation'), controls.confirmation, { required: true, apiField: 'confirmation' }),
    h('fieldset', {}, h('legend', {}, t('settings.cancellation')),
      field('settings-deadline', t('settings.deadline'), controls.cancellationDeadlineHours, { required: true, apiField: 'cancellationDeadlineMinutes' }),
      check('settings-may-cancel', t('settings.may-cancel'), { apiField: 'clientsMayCancel' }),
      check('settings-may-move', t('settings.may-move'), { apiField: 'clientsMayMove' }),
      field('settings-no-show', t('settings.no-show'), controls.noShowPercent, { required: true, apiField: 'noShowPercent', hint: t('settings.no-show-hint') })),
    h('fieldset', {}, h('legend', {}, t('settings.reminders')),
      field('settings-first-reminder', t('settings.first-reminder'), controls.firstReminderHours, { required: true, apiField: 'firstReminderMinutes', hint: t('settings.reminder-hint') }),
      field('settings-second-reminder', t('settings.second-reminder'), controls.secondReminderHours, { required: true, apiField: 'secondReminderMinutes' })),
    check('settings-waitlist', t('settings.waitlist'), { apiField: 'waitlistAlerts' }),
    h('fieldset', {}, h('legend', {}, t('settings.payment')),
      field('settings-online-payment', t('settings.online-payment'), controls.onlinePayment, { required: true, apiField: 'onlinePayment' }),
      field('settings-payment-window', t('settings.payment-window'), controls.paymentWindowMinutes, { required: true, apiField: 'paymentWindowMinutes' })),
    submit);
  f.controls = controls;
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const c = controls;
    const saved = await act(ctx, () => api('PUT', `${P}/settings`, {
      zone: c.zone.value.trim(), spacingMinutes: Number(c.spacingMinutes.value), defaultCapacity: Number(c.defaultCapacity.value),
      minimumNoticeMinutes: minutes(c.minimumNoticeHours.value), horizonDays: Number(c.horizonDays.value),
      confirmation: c.confirmation.value, cancellationDeadlineMinutes: minutes(c.cancellationDeadlineHours.value),
      clientsMayCancel: $('settings-may-cancel').checked, clientsMayMove: $('settings-may-move').checked,
      noShowPercent: c.noShowPercent.value.trim().replace(',', '.'), firstReminderMinutes: minutes(c.firstReminderHours.value),
      secondReminderMinutes: minutes(c.secondReminderHours.value), waitlistAlerts: $('settings-waitlist').checked,
      onlinePayment: c.onlinePayment.value, paymentWindowMinutes: Number(c.paymentWindowMinutes.value),
    }), { form: f, button: submit });
    if (saved) {
      show(f, saved);
      if (ctx.zoneChanged && saved.zone !== ctx.zone) {
        ctx.zoneChanged(saved.zone);
      }
      say(ctx.done, t('settings.saved'));
    }
  });
  return f;
}

function show(f, s) {
  const c = f.controls;
  c.zone.value = s.zone;
  c.spacingMinutes.value = s.spacingMinutes;
  c.defaultCapacity.value = s.defaultCapacity;
  c.minimumNoticeHours.value = hours(s.minimumNoticeMinutes);
  c.horizonDays.value = s.horizonDays;
  c.confirmation.value = s.confirmation;
  c.cancellationDeadlineHours.value = hours(s.cancellationDeadlineMinutes);
  $('settings-may-cancel').checked = s.clientsMayCancel;
  $('settings-may-move').checked = s.clientsMayMove;
  c.noShowPercent.value = s.noShowPercent;
  c.firstReminderHours.value = hours(s.firstReminderMinutes);
  c.secondReminderHours.value = hours(s.secondReminderMinutes);
  $('settings-waitlist').checked = s.waitlistAlerts;
  c.onlinePayment.value = s.onlinePayment;
  c.paymentWindowMinutes.value = s.paymentWindowMinutes;
}

/** Fills the Settings section's form; ctx: {error, done, zone, zoneChanged}. Answers the settings read. */
export async function loadSettings(ctx) {
  const panel = $('settings-panel');
  if (!panel.firstChild) {
    panel.form = form(ctx);
    fill(panel, panel.form);
  }
  const settings = await load(ctx, `${P}/settings`);
  if (settings) {
    show(panel.form, settings);
  }
  return settings;
}
