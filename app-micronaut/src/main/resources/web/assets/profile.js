// ACC-4, PAGE-1 … PAGE-3 from the dashboard: the practitioner's profile (name, phone, addresses,
// presentation, photo with a preview before it is sent) and public page (its address, online or not,
// whether it shows the contact phone, and the snippet to embed the booking form in their own site).
import { ApiError, api, fill, h, say } from '/assets/common.js';
import { t } from '/assets/i18n.js';
import { P, act, check, field, load, requiredNote } from '/assets/dash-forms.js';

const $ = id => document.getElementById(id);
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
const PHOTO_MAX = 2 * 1024 * 1024;

function addressRow(a = {}) {
  const index = $('page-addresses').children.length;
  const label = h('input', { maxlength: 80, value: a.label || '', 'data-part': 'label' });
  const address = h('input', { maxlength: 300, value: a.address || '', 'data-part': 'address' });
  const row = h('div', { class: 'card', 'data-address': '' },
    field(`page-address-label-${index}`, t('profile.address-label'), label, { apiField: `addresses[${index}].label`, hint: t('profile.address-label-hint') }),
    field(`page-address-${index}`, t('profile.address'), address, { required: true, apiField: `addresses[${index}].address` }),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'remove-address', onclick: () => row.remove() }, t('profile.remove-address')));
  $('page-addresses').append(row);
  return row;
}

function photoSection(ctx) {
  const file = h('input', { type: 'file', accept: PHOTO_TYPES.join(',') });
  const upload = h('button', { type: 'button', id: 'photo-upload', disabled: true }, t('profile.photo-send'));
  const remove = h('button', { type: 'button', class: 'secondary', id: 'photo-remove', hidden: true }, t('profile.photo-remove'));
  const section = h('div', { class: 'card', id: 'photo-section' },
    h('h3', {}, t('profile.photo')), h('p', { class: 'muted' }, t('profile.photo-hint')),
    h('img', { id: 'photo-preview', class: 'photo', alt: t('profile.photo-alt'), hidden: true }),
    h('p', { id: 'photo-state', class: 'muted', role: 'status' }),
    field('photo-file', t('profile.photo-choose'), file, { apiField: 'photo' }),
    h('div', { class: 'actions' }, upload, remove));
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    say($('photo-file-error'), '');
    upload.disabled = true;
    if (!chosen) {
      return;
    }
    // ACC-4 checked here for a quick answer; the server checks the bytes again.
    if (!PHOTO_TYPES.includes(chosen.type)) {
      say($('photo-file-error'), t('profile.photo-type'));
      return;
    }
    if (chosen.size > PHOTO_MAX) {
      say($('photo-file-error'), t('profile.photo-size'));
      return;
    }
    // A data: URL, which the pages' Content-Security-Policy allows for images (blob: it does not).
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      $('photo-preview').src = reader.result;
      $('photo-preview').hidden = false;
      say($('photo-state'), t('profile.photo-previewing'));
      upload.disabled = false;
    });
    reader.readAsDataURL(chosen);
  });
  upload.addEventListener('click', async () => {
    const chosen = file.files[0];
    const saved = await act(ctx, async () => {
      const response = await fetch(`${P}/profile/photo`, {
        method: 'PUT', body: chosen, credentials: 'same-origin',
        headers: { 'Content-Type': chosen.type, Accept: 'application/json' },
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiError(response.status, answer);
      }
      return answer;
    }, { button: upload });
    if (saved) {
      say($('photo-state'), t('profile.photo-saved'));
      say(ctx.done, t('profile.photo-saved'));
      file.value = '';
      upload.disabled = true;
      showPhoto(saved);
    } else if (ctx.error.textContent) {
      say($('photo-file-error'), ctx.error.textContent);
    }
  });
  remove.addEventListener('click', async () => {
    const saved = await act(ctx, () => api('DELETE', `${P}/profile/photo`), { button: remove });
    if (saved) {
      say($('photo-state'), t('profile.photo-removed'));
      showPhoto(saved);
    }
  });
  return section;
}

/** The saved photo (the practitioner's own route, with a cache-breaker) or nothing. */
function showPhoto(profile) {
  const img = $('photo-preview');
  $('photo-remove').hidden = !profile.photoUrl;
  if (profile.photoUrl) {
    img.src = `${new URL(profile.photoUrl, location.origin).pathname}?v=${Date.now()}`;
    img.hidden = false;
  } else {
    img.removeAttribute('src');
    img.hidden = true;
  }
}

function form(ctx) {
  const name = h('input', { maxlength: 200, autocomplete: 'name' });
  const phone = h('input', { type: 'tel', maxlength: 40, autocomplete: 'tel' });
  const slug = h('input', { maxlength: 60, pattern: '[a-z0-9-]+', autocomplete: 'off' });
  const presentation = h('textarea', { rows: 5, maxlength: 4000 });
  const submit = h('button', { type: 'submit', id: 'page-submit' }, t('profile.save'));
  const f = h('form', { id: 'page-form', class: 'card', novalidate: true, 'aria-labelledby': 'page-form-title' },
    h('h2', { id: 'page-form-title' }, t('profile.title')), requiredNote(),
    field('page-name', t('profile.name'), name, { required: true, apiField: 'name' }),
    field('page-phone', t('profile.phone'), phone, { apiField: 'phone', hint: t('profile.phone-hint') }),
    check('page-phone-on-page', t('profile.phone-on-page'), { apiField: 'phoneOnPage' }),
    field('page-slug', t('profile.slug'), slug, { apiField: 'slug', hint: t('profile.slug-hint') }),
    check('page-enabled', t('profile.online'), { apiField: 'pageEnabled' }),
    field('page-presentation', t('profile.presentation'), presentation, { apiField: 'presentation' }),
    h('fieldset', {}, h('legend', {}, t('profile.addresses')), h('div', { id: 'page-addresses' }),
      h('button', { type: 'button', class: 'secondary', id: 'page-address-add', onclick: () => addressRow().querySelector('input').focus() },
        t('profile.add-address'))),
    submit);
  f.controls = { name, phone, slug, presentation };
  f.addEventListener('submit', async event => {
    event.preventDefault();
    const addresses = Array.from($('page-addresses').children, row => ({
      label: row.querySelector('[data-part=label]').value.trim() || undefined,
      address: row.querySelector('[data-part=address]').value.trim(),
    }));
    const saved = await act(ctx, () => api('PUT', `${P}/profile`, {
      name: name.value.trim(), phone: phone.value.trim(), slug: slug.value.trim().toLowerCase(),
      presentation: presentation.value, addresses, pageEnabled: $('page-enabled').checked,
      phoneOnPage: $('page-phone-on-page').checked,
    }), { form: f, button: submit });
    if (saved) {
      show(f, saved);
      say(ctx.done, t('profile.saved'));
    }
  });
  return f;
}

function show(f, p) {
  const c = f.controls;
  c.name.value = p.name || '';
  c.phone.value = p.phone || '';
  c.slug.value = p.slug || '';
  c.presentation.value = p.presentation || '';
  $('page-enabled').checked = p.pageEnabled;
  $('page-phone-on-page').checked = Boolean(p.phoneOnPage);
  fill($('page-addresses'));
  (p.addresses || []).forEach(a => addressRow(a));
  const url = $('page-url');
  url.hidden = !p.publicPageUrl;
  $('page-none').hidden = Boolean(p.publicPageUrl);
  url.href = p.publicPageUrl ? new URL(p.publicPageUrl).pathname : '/';
  url.textContent = p.publicPageUrl || '';
  say($('page-state'), p.publicPageUrl ? t(p.pageEnabled ? 'profile.page-online' : 'profile.page-offline') : '');
  $('page-snippet').value = p.embedSnippet || '';
  showPhoto(p);
}

function copySnippet(ctx) {
  const area = $('page-snippet');
  area.select();
  (navigator.clipboard ? navigator.clipboard.writeText(area.value) : Promise.reject(new Error('no clipboard')))
    .then(() => say(ctx.done, t('profile.snippet-copied')), () => say(ctx.done, t('profile.snippet-select')));
}

/** Fills the Profile section; ctx: {error, done, zone}. */
export async function loadProfile(ctx) {
  const panel = $('page-panel');
  if (!panel.firstChild) {
    panel.form = form(ctx);
    fill(panel, h('div', { class: 'card' }, h('h2', {}, t('profile.page')),
      h('p', {}, t('profile.page-address'), ' ', h('a', { id: 'page-url', href: '/' }),
        h('span', { id: 'page-none', class: 'muted' }, t('profile.page-none'))),
      h('p', { id: 'page-state', class: 'muted' }),
      h('div', { class: 'field' }, h('label', { for: 'page-snippet' }, t('profile.snippet')),
        h('textarea', { id: 'page-snippet', rows: 3, readonly: true })),
      h('button', { type: 'button', class: 'secondary', id: 'page-snippet-copy', onclick: () => copySnippet(ctx) }, t('profile.snippet-copy'))),
    panel.form, photoSection(ctx));
    // Hidden until the profile says the page's address: an empty link has no name (axe-core link-name).
    $('page-url').hidden = true;
  }
  const profile = await load(ctx, `${P}/profile`);
  if (profile) {
    show(panel.form, profile);
  }
}

