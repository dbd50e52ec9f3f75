import { api, session } from '../api.js';
import { el, replace, notice, words, section, instantEl, submitting } from '../dom.js';

const ROLES = ['admin', 'partner', 'associate', 'paralegal', 'staff', 'client'];

function field(id, label, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

function userTable(users, onError, onDone) {
  return el('table', { class: 'table', id: 'user-table' },
    el('caption', { class: 'visually-hidden' }, 'Users of the firm'),
    el('thead', {}, el('tr', {}, ['Name', 'Username', 'Role', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, users.map((u) => el('tr', { dataset: { username: u.username } },
      el('td', {}, u.displayName), el('td', {}, u.username), el('td', {}, words(u.role)),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'button small', 'aria-label': `Lift the sign-in lock-out of ${u.username}`,
          onclick: () => api.post(`/users/${encodeURIComponent(u.username)}/unlock`)
            .then(() => onDone(`${u.username} may sign in again.`)).catch((e) => onError(e.message)) }, 'Unlock'),
        ' ',
        el('button', { type: 'button', class: 'button small', 'aria-label': `Sign ${u.username} out on every device`,
          onclick: () => api.post(`/users/${u.id}/sign-out-everywhere`)
            .then(() => onDone(`${u.username} is signed out everywhere.`)).catch((e) => onError(e.message)) },
        'Sign out everywhere'))))));
}

function newUserForm(refresh, status) {
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Add user');
  const role = el('select', { id: 'new-user-role', name: 'role' }, ROLES.map((r) => el('option', { value: r }, words(r))));
  role.value = 'associate';
  const form = el('form', { class: 'stack', id: 'new-user-form' },
    field('new-user-name', 'Full name', el('input', { id: 'new-user-name', name: 'displayName', required: true })),
    field('new-user-username', 'Username', el('input', { id: 'new-user-username', name: 'username', required: true,
      autocomplete: 'off' })),
    field('new-user-role', 'Role', role),
    field('new-user-password', 'First password', el('input', { id: 'new-user-password', name: 'password',
      type: 'password', required: true, autocomplete: 'new-password' })),
    field('new-user-contact', 'Client contact id (client users only)', el('input', { id: 'new-user-contact',
      name: 'contactId' })),
    button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    if (!data.contactId) delete data.contactId;
    // disabled while it is sent: a double click must not try to add the same user twice
    submitting(button, status, async () => {
      const user = await api.post('/users', data);
      form.reset();
      role.value = 'associate';
      await refresh();
      return `Added ${user.displayName} as ${words(user.role).toLowerCase()}.`;
    });
  });
  return form;
}

function auditPanel() {
  const result = el('div', { id: 'audit-result', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'button', id: 'audit-verify' }, 'Verify the audit trail');
  button.addEventListener('click', () => submitting(button, result, async () => {
    const v = await api.get('/audit/verify');
    replace(result, v.valid
      ? notice(`The audit trail is intact: ${v.records} records, every hash in the chain fits.`, 'success')
      : notice(`The audit trail was altered at record ${v.firstBrokenId}: ${v.problem || 'its hash does not fit'}. `
        + 'Preserve the database as it is and call your administrator.'));
  }, { pending: el('p', { class: 'meta' }, 'Recomputing the hash chain…') }));
  const latest = el('div', {});
  const load = el('button', { type: 'button', class: 'button quiet', id: 'audit-latest' }, 'Show the latest records');
  load.addEventListener('click', async () => {
    try {
      const records = await api.get('/audit?limit=50');
      replace(latest, el('ol', { class: 'audit-records' }, records.map((r) => el('li', {},
        instantEl(r.at), ` ${r.actorName || 'system'} · ${r.action} · ${r.entityKind}`))));
    } catch (e) {
      replace(latest, notice(e.message));
    }
  });
  return [el('p', {}, 'Every change and every document read is recorded in a hash chain; verifying recomputes it.'),
    el('p', { class: 'actions' }, button, ' ', load), result, latest];
}

/** Administration: the firm's users (administrators) and the audit trail (administrators and partners). */
export async function adminView() {
  const me = session.get();
  const isAdmin = me.role === 'admin';
  const status = el('div', { class: 'form-status', id: 'admin-status', role: 'status', 'aria-live': 'polite' });
  const onError = (message) => replace(status, notice(message));
  const onDone = (message) => replace(status, notice(message, 'success'));
  const parts = [el('h1', {}, 'Administration'), status];
  if (isAdmin) {
    const holder = el('div', {});
    const refresh = async () => replace(holder, userTable(await api.get('/users'), onError, onDone));
    await refresh();
    parts.push(el('div', { class: 'columns' },
      section('users', 'Users', holder),
      section('new-user', 'Add a user', newUserForm(refresh, status))));
  }
  parts.push(section('audit', 'Audit trail', auditPanel()));
  return el('div', { class: 'admin' }, parts);
}
