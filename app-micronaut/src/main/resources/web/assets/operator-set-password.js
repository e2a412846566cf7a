// The link the host e-mailed to an operator: the token is in the query; the password is chosen once.
import { api, run, say, param } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

startPage(['operator']);

const form = document.getElementById('set-password');
form.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    await api('POST', '/api/operator/set-password', { token: param('token') || '', password: form.password.value });
    say(document.getElementById('done'), t('operator.set.done'));
    setTimeout(() => location.assign('/operator/login'), 800);
  }, document.getElementById('submit'));
});
