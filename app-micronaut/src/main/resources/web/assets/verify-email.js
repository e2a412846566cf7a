// ACC-1: the page the verification e-mail links to; it posts the link's token, and offers a new link when
// the token is used, unknown or expired.
import { api, param, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

const progress = document.getElementById('progress');
const error = document.getElementById('error');
const resend = document.getElementById('resend');
const token = param('token');

async function verify() {
  if (!token) {
    progress.hidden = true;
    say(error, t('account.verify.no-token'));
    resend.hidden = false;
    return;
  }
  const verified = await run(error, () => api('POST', '/api/auth/verify-email', { token }));
  progress.hidden = true;
  if (verified) {
    say(document.getElementById('done'), t('account.verify.done'));
    document.getElementById('next').hidden = false;
  } else {
    resend.hidden = false;
  }
}

resend.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('resend-error'), async () => {
    await api('POST', '/api/auth/verify-email/resend', { email: resend.email.value.trim() });
    say(document.getElementById('resend-done'), t('account.verify.resend-done'));
  }, document.getElementById('resend-submit'));
});

startPage(['account']).then(verify);
