// The password reset: without a token, ask for a link; with the e-mail's token, choose the new password.
import { api, param, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

startPage(['account']);

const token = param('token');
const ask = document.getElementById('ask');
const choose = document.getElementById('choose');

if (token) {
  choose.hidden = false;
} else {
  ask.hidden = false;
}

ask.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('ask-error'), async () => {
    await api('POST', '/api/auth/password-reset', { email: ask.email.value.trim() });
    ask.hidden = true;
    say(document.getElementById('ask-done'), t('account.reset.ask-done'));
  }, document.getElementById('ask-submit'));
});

choose.addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('choose-error');
  if (choose.password.value !== choose.again.value) {
    say(error, t('account.reset.differ'));
    choose.again.setAttribute('aria-invalid', 'true');
    return;
  }
  await run(error, async () => {
    await api('POST', '/api/auth/password-reset/confirm', { token, password: choose.password.value });
    choose.hidden = true;
    document.getElementById('chosen').hidden = false;
  }, document.getElementById('choose-submit'));
});
