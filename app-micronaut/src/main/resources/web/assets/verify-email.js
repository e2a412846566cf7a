// ACC-1: the page the verification e-mail links to; it posts the link's token, and offers a new link when
// the token is used, unknown or expired.
import { api, param, run, say } from '/assets/common.js';

const progress = document.getElementById('progress');
const error = document.getElementById('error');
const resend = document.getElementById('resend');
const token = param('token');

async function verify() {
  if (!token) {
    progress.hidden = true;
    say(error, 'token: this link has no token; ask for a new link below.');
    resend.hidden = false;
    return;
  }
  const verified = await run(error, () => api('POST', '/api/auth/verify-email', { token }));
  progress.hidden = true;
  if (verified) {
    say(document.getElementById('done'), 'Your e-mail is verified: your public page is online. You can log in.');
    document.getElementById('next').hidden = false;
  } else {
    resend.hidden = false;
  }
}

resend.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('resend-error'), async () => {
    const answer = await api('POST', '/api/auth/verify-email/resend', { email: resend.email.value.trim() });
    say(document.getElementById('resend-done'), (answer && answer.message) || 'If this account waits for a verification, a new link is on its way.');
  }, document.getElementById('resend-submit'));
});

verify();
