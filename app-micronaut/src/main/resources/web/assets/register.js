// ACC-1: registers; the answer is the same whether the e-mail was free or not, and says to check the inbox.
import { api, run, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { startPage } from '/assets/language-switch.js';

const form = document.getElementById('register');
// The account's language starts as the page's: the one its e-mails will be written in.
startPage(['account']).then(code => {
  form.language.value = code;
});
try {
  form.zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
} catch (e) {
  // keep the default
}
form.addEventListener('submit', async event => {
  event.preventDefault();
  await run(document.getElementById('error'), async () => {
    await api('POST', '/api/auth/register', {
      name: form.name.value.trim(), email: form.email.value.trim(), password: form.password.value,
      zone: form.zone.value.trim(), language: form.language.value,
    });
    form.hidden = true;
    say(document.getElementById('done'), t('account.register.done'));
  }, document.getElementById('submit'));
});
