// The client portal: a client sees their own cases — where each stands, the documents the firm shared with them,
// the milestones the firm made visible and the secure messages with the firm — and nothing else.
import { api, downloadFrom, session } from '../api.js';
import { el, replace, section, notice, words, dateEl, instantEl, bytes } from '../dom.js';
import { setAssistantCase } from '../assistant.js';
import { caseHash } from '../router.js';
import { caseHeader, overview } from './case.js';
import { conversation } from './conversation.js';

function unreadText(n) {
  return n === 1 ? '1 new message' : `${n} new messages`;
}

export async function portalHomeView() {
  const me = session.get();
  const cases = await api.get('/portal/cases');
  return el('div', { class: 'portal-home' },
    el('h1', {}, 'Your cases'),
    el('p', { class: 'lede' }, `Welcome, ${me.displayName || me.username}. Here is where your matters stand.`),
    cases.length === 0
      ? el('p', { class: 'empty' }, 'You have no cases with the firm yet.')
      : el('ul', { class: 'portal-cases' }, cases.map((c) => el('li', { class: 'portal-case' },
        el('a', { href: caseHash(c.id), class: 'case-link' }, c.title),
        el('span', { class: 'meta' }, `${c.number} · ${words(c.matterType)} · ${words(c.status)}`),
        c.responsibleAttorney ? el('span', { class: 'meta' }, ` · Your attorney: ${c.responsibleAttorney}`) : null,
        c.nextMilestone ? el('p', { class: 'next-milestone' }, 'Next: ', el('strong', {}, c.nextMilestone.title),
          ' on ', dateEl(c.nextMilestone.date)) : null,
        c.unreadMessages > 0 ? el('p', { class: 'unread' }, el('a', { href: caseHash(c.id) },
          unreadText(c.unreadMessages))) : null))));
}

function sharedDocuments(caseId, documents, onError) {
  if (documents.length === 0) return el('p', { class: 'empty' }, 'The firm has not shared any documents with you yet.');
  return el('ul', { class: 'documents' }, documents.map((d) => el('li', { class: 'document', dataset: { documentId: d.id } },
    el('div', { class: 'document-head' },
      el('span', { class: 'document-name' }, d.name),
      el('button', {
        type: 'button',
        class: 'button small',
        'aria-label': `Download ${d.name}`,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.setAttribute('aria-busy', 'true');
          try {
            await downloadFrom(`/portal/cases/${caseId}/documents/${d.id}/content`, d.filename);
          } catch (e) {
            onError(e.message);
          } finally {
            button.removeAttribute('aria-busy');
          }
        },
      }, 'Download')),
    el('p', { class: 'meta' }, `${d.kind ? `${words(d.kind)} · ` : ''}${bytes(d.sizeBytes)} · shared `,
      instantEl(d.sharedAt)))));
}

export function milestoneList(milestones, { empty }) {
  if (milestones.length === 0) return el('p', { class: 'empty' }, empty);
  return el('ol', { class: 'milestones' }, milestones.map((m) => el('li', { class: 'milestone', dataset: { milestoneId: m.id } },
    el('span', { class: 'due' }, dateEl(m.date)),
    el('span', { class: 'what' }, el('strong', {}, m.title),
      m.description ? el('span', { class: 'meta' }, m.description) : null))));
}

export async function portalCaseView({ caseId }) {
  const base = `/portal/cases/${caseId}`;
  const [c, documents, milestones, messages] = await Promise.all([
    api.get(base),
    api.get(`${base}/documents`),
    api.get(`${base}/milestones`),
    api.get(`${base}/messages`),
  ]);
  setAssistantCase({ id: c.id, title: c.title });
  const errors = el('div', { class: 'form-status' });
  const onError = (m) => replace(errors, notice(m));
  return el('div', { class: 'case-page portal-case-page', dataset: { caseId: c.id } },
    el('p', {}, el('a', { href: '#/' }, '← Your cases')),
    caseHeader(c),
    errors,
    el('div', { class: 'case-grid' },
      el('div', { class: 'case-main' },
        section('milestones', 'Milestones', milestoneList(milestones, { empty: 'No milestones are set yet.' })),
        section('documents', 'Documents shared with you', sharedDocuments(c.id, documents, onError)),
        section('messages', 'Messages with the firm', conversation(messages, {
          path: `${base}/messages`, ownSide: 'client', otherLabel: 'The firm', idPrefix: 'portal-message',
          inputLabel: 'Your message to the firm', sendLabel: 'Send message',
        }))),
      el('div', { class: 'case-side' },
        section('overview', 'About your case', overview(c)),
        section('contact', 'Your attorney', el('p', {}, c.responsibleAttorney
          ? `${c.responsibleAttorney} is responsible for your case. Write a message here with any question.`
          : 'Write a message here with any question; your attorney at the firm will answer.')))));
}
