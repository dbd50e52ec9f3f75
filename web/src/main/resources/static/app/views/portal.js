// The client portal: a client sees their own case(s) — what it is, its documents and its dates — and nothing else.
import { api, query, session } from '../api.js';
import { el, replace, section, notice, words } from '../dom.js';
import { setAssistantCase } from '../assistant.js';
import { caseHash } from '../router.js';
import { caseHeader, overview, documentList } from './case.js';
import { deadlineList } from './dashboard.js';

export async function portalHomeView() {
  const me = session.get();
  const cases = await api.get('/cases?size=200');
  return el('div', { class: 'portal-home' },
    el('h1', {}, 'Your cases'),
    el('p', { class: 'lede' }, `Welcome, ${me.displayName || me.username}. Here is where your matters stand.`),
    cases.length === 0
      ? el('p', { class: 'empty' }, 'You have no cases with the firm yet.')
      : el('ul', { class: 'portal-cases' }, cases.map((c) => el('li', { class: 'portal-case' },
        el('a', { href: caseHash(c.id), class: 'case-link' }, c.title),
        el('span', { class: 'meta' }, `${c.number} · ${words(c.matterType)} · ${words(c.status)}`)))));
}

export async function portalCaseView({ caseId }) {
  const [c, documents, deadlines] = await Promise.all([
    api.get(`/cases/${caseId}`),
    api.get(`/cases/${caseId}/documents`),
    api.get(`/deadlines${query({ caseId })}`),
  ]);
  setAssistantCase({ id: c.id, title: c.title });
  const errors = el('div', { class: 'form-status' });
  return el('div', { class: 'case-page portal-case-page', dataset: { caseId: c.id } },
    el('p', {}, el('a', { href: '#/' }, '← Your cases')),
    caseHeader(c),
    errors,
    el('div', { class: 'case-grid' },
      el('div', { class: 'case-main' },
        section('deadlines', 'Dates and deadlines',
          deadlineList(deadlines, { showCase: false, empty: 'No dates are set yet.' })),
        section('documents', 'Documents', documentList(documents, {
          versions: false, onError: (m) => replace(errors, notice(m)),
        }))),
      el('div', { class: 'case-side' },
        section('overview', 'About your case', overview(c)),
        section('contact', 'Questions?', el('p', {}, 'Your attorney at the firm is glad to explain anything you see here.')))));
}
