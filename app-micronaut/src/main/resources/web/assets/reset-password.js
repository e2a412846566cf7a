// The password reset: without a token, ask for a link; with the e-mail's token, choose the new password.
import { api, param, run, say } from '/assets/common.js';

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
    const answer = await api('POST', '/api/auth/password-reset', { email: ask.email.value.trim() });
    ask.hidden = true;
    say(document.getElementById('ask-done'), (answer && answer.message) || 'If an account has this e-mail, a link is on its way.');
  }, document.getElementById('ask-submit'));
});

choose.addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('choose-error');
  if (choose.password.value !== choose.again.value) {
    say(error, 'again: the two passwords differ');
    return;
  }
  await run(error, async () => {
    await api('POST', '/api/auth/password-reset/confirm', { token, password: choose.password.value });
    choose.hidden = true;
    document.getElementById('chosen').hidden = false;
  }, document.getElementById('choose-submit'));
});
