// CLI-2: /client asks for a sign-in link by e-mail; /client/sign-in?token=… (the e-mail's link) opens the
// client's session and goes to their bookings. Booking never needs an account.
import { ApiError, api, param, say } from '/assets/common.js';
import { problemText, t, useCatalogs } from '/assets/i18n.js';
import { languageSwitch } from '/assets/client-language.js';

const $ = id => document.getElementById(id);
const form = $('ask');
let asked = false;

await useCatalogs(['client']);
languageSwitch(() => {
  if (asked) {
    say($('ask-done'), t('client.ask.done'));
  }
});

const token = param('token');
if (token) {
  $('signing-in').hidden = false;
  form.hidden = true;
  try {
    await api('POST', '/api/client/session', { token });
    location.replace('/client/bookings');
  } catch (e) {
    $('signing-in').hidden = true;
    form.hidden = false;
    say($('signin-error'), e instanceof ApiError && (e.status === 400 || e.status === 410)
      ? t('client.signin.failed') : problemText(e.status, e.type));
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const error = $('ask-error');
  say(error, '');
  const email = form.email.value.trim();
  if (!email || !form.email.checkValidity()) {
    say(error, t('client.ask.invalid'));
    form.email.setAttribute('aria-invalid', 'true');
    form.email.focus();
    return;
  }
  form.email.removeAttribute('aria-invalid');
  const button = $('ask-submit');
  button.disabled = true;
  try {
    await api('POST', '/api/client/sign-in', { email });
    asked = true;
    form.hidden = true;
    say($('ask-done'), t('client.ask.done'));
  } catch (e) {
    say(error, problemText(e.status, e.type));
  } finally {
    button.disabled = false;
  }
});
