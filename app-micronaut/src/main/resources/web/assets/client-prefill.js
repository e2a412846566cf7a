// BK-1, CLI-2: when a signed-in client opens a practitioner's public page, the booking form is filled in with
// their details from their client account. Anyone else (no session, a practitioner's) gets nothing and sees
// nothing. The note's text comes from the client catalog of the page's language.
import { lang } from '/assets/i18n.js';

export async function prefillFromClientAccount() {
  let me;
  try {
    const response = await fetch('/api/client/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    me = await response.json();
  } catch (e) {
    return;
  }
  const fields = { 'client-name': me.name, 'client-email': me.email, 'client-phone': me.phone };
  let filled = false;
  for (const [id, value] of Object.entries(fields)) {
    const input = document.getElementById(id);
    if (input && value && !input.value) {
      input.value = value;
      filled = true;
    }
  }
  const name = document.getElementById('client-name');
  if (!filled || !name || document.getElementById('client-prefill-note')) {
    return;
  }
  let text = 'Vos coordonnées ont été remplies depuis votre espace client.';
  try {
    const code = lang() === 'en' ? 'en' : 'fr';
    const catalog = await (await fetch(`/assets/i18n/${code}/client.json`, { credentials: 'same-origin' })).json();
    text = catalog['client.prefill.note'] || text;
  } catch (e) {
    // The French sentence above stays.
  }
  const note = document.createElement('p');
  note.id = 'client-prefill-note';
  note.className = 'muted';
  note.setAttribute('role', 'status');
  note.textContent = text;
  name.closest('.field').before(note);
}
