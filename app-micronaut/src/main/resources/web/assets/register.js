// ACC-1: registers; the answer is the same whether the e-mail was free or not, and says to check the inbox.
import { api, run, say } from '/assets/common.js';

const form = document.getElementById('register');
try {
  form.zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
} catch (e) {
  // keep the default
}
form.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    const answer = await api('POST', '/api/auth/register', {
      name: form.name.value.trim(), email: form.email.value.trim(), password: form.password.value,
      zone: form.zone.value.trim(), language: form.language.value,
    });
    form.hidden = true;
    say(document.getElementById('done'), (answer && answer.message) || 'Check your e-mail for the verification link.');
  }, document.getElementById('submit'));
});
