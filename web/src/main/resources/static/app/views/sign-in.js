import { api, session } from '../api.js';
import { el, notice, submitting } from '../dom.js';

export async function signInView({ notice: message, onSignedIn }) {
  const status = el('div', { class: 'form-status' }, message ? notice(message, 'info') : null);
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const submit = el('button', { type: 'submit', class: 'button primary', id: 'sign-in' }, 'Sign in');
  const form = el('form', { class: 'stack', id: 'sign-in-form', 'aria-labelledby': 'sign-in-title' },
    el('div', { class: 'field' }, el('label', { for: 'username' }, 'Username'), username),
    el('div', { class: 'field' }, el('label', { for: 'password' }, 'Password'), password),
    submit, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(submit, status, async () => {
      const answer = await api.login(username.value.trim(), password.value);
      session.set({ token: answer.token, expiresAt: answer.expiresAt, username: answer.username,
        role: answer.role, displayName: answer.displayName });
      onSignedIn();
    }, {
      onError: (e) => {
        status.replaceChildren(notice(e.message));
        password.select();
      },
    });
  });
  return el('div', { class: 'sign-in' },
    el('h1', { id: 'sign-in-title' }, 'Sign in to Dictum'),
    el('p', { class: 'lede' }, 'Your cases, documents and deadlines — by voice or by hand.'),
    form);
}
