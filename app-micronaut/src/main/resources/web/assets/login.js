// ACC-1, ACC-3: logs in; the answer sets the session cookie, then the dashboard (or the page asked for) opens.
import { api, run } from '/assets/common.js';
import { startPage } from '/assets/language-switch.js';

startPage(['account']);

const form = document.getElementById('login');
form.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    await api('POST', '/api/auth/login', { email: form.email.value.trim(), password: form.password.value });
    const next = new URLSearchParams(location.search).get('next');
    // Only a path of this site, never another site handed in the query.
    location.assign(next && /^\/[a-z]/.test(next) ? next : '/dashboard');
  }, document.getElementById('submit'));
});
