import { api, query, session } from '../api.js';
import { el, section, dateEl, localDate, words } from '../dom.js';
import { caseHash } from '../router.js';

export function deadlineList(deadlines, { showCase = true, empty }) {
  if (deadlines.length === 0) return el('p', { class: 'empty' }, empty);
  return el('ol', { class: 'deadlines' }, deadlines.map((d) => el('li', { class: 'deadline', dataset: { rule: d.rule } },
    el('span', { class: 'due' }, dateEl(d.dueDate), d.dueTime ? ` ${d.dueTime.slice(0, 5)}` : ''),
    el('span', { class: 'what' },
      el('strong', {}, d.title),
      showCase ? el('span', { class: 'meta' }, ' · ', el('a', { href: caseHash(d.caseId) }, d.caseNumber || 'case')) : null,
      el('span', { class: 'citation' }, d.citation)),
    d.explanation ? el('details', { class: 'explain' }, el('summary', {}, 'How it was counted'),
      el('p', {}, d.explanation)) : null)));
}

export function caseList(cases) {
  if (cases.length === 0) return el('p', { class: 'empty' }, 'No cases yet.');
  return el('ul', { class: 'cases' }, cases.map((c) => el('li', { class: 'case-item' },
    el('a', { href: caseHash(c.id), class: 'case-link' }, c.title),
    el('span', { class: 'meta' }, `${c.number} · ${words(c.matterType)} · ${words(c.status)}`))));
}

export async function dashboardView() {
  const me = session.get();
  const from = localDate(0);
  const to = localDate(6);
  const [deadlines, cases] = await Promise.all([
    api.get(`/deadlines${query({ from, to })}`),
    api.get('/cases?size=10'),
  ]);
  return el('div', { class: 'dashboard' },
    el('h1', {}, 'Dashboard'),
    el('p', { class: 'lede' }, `Signed in as ${me.displayName || me.username}.`),
    el('div', { class: 'columns' },
      section('week', 'Due in the next seven days',
        deadlineList(deadlines, { empty: 'Nothing is due in the next seven days.' })),
      section('recent', 'Recent cases', caseList(cases))));
}
