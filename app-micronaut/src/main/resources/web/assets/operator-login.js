// Operators log in with the password they chose through the host's link; the answer sets the session cookie.
import { api, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

startPage(['operator']);

const form = document.getElementById('login');
form.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    await api('POST', '/api/operator/login', { email: form.email.value.trim(), password: form.password.value });
    location.assign('/operator');
  }, document.getElementById('submit'));
});

const forgot = document.getElementById('forgot');
forgot.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    await api('POST', '/api/operator/password-reset', { email: form.email.value.trim() });
    say(document.getElementById('forgot-done'), t('operator.login.forgot-done'));
  }, document.getElementById('forgot-submit'));
});
