import { api } from '../api.js';
import { el, replace, notice, submitting } from '../dom.js';
import { resultDetails } from '../results.js';

const VERBS = /^(find|search|show|look for|get|pull up)\b/i;

/** Finds documents through the assistant: the same words you would say, typed. */
export async function findView() {
  const cases = await api.get('/cases?size=200');
  const results = el('div', { class: 'find-results', id: 'find-results', role: 'status', 'aria-live': 'polite' });
  const text = el('input', { id: 'find-text', name: 'text', type: 'search', required: true,
    placeholder: 'police report, medical records…' });
  const inCase = el('select', { id: 'find-case', name: 'caseId' },
    el('option', { value: '' }, 'Every case I may see'),
    cases.map((c) => el('option', { value: c.id }, `${c.title} (${c.number})`)));
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Find');
  const form = el('form', { class: 'stack find-form', id: 'find-form', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'find-text' }, 'Document name, kind or words in it'), text),
    el('div', { class: 'field' }, el('label', { for: 'find-case' }, 'In'), inCase),
    button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = text.value.trim();
    submitting(button, results, async () => {
      const command = await api.post('/assistant/commands', {
        text: VERBS.test(words) ? words : `find ${words}`, caseId: inCase.value || undefined,
      });
      replace(results, el('p', { class: `message ${command.status}` }, command.message),
        resultDetails(command, { onError: (m) => results.append(notice(m)) }));
    }, { pending: el('p', { class: 'meta' }, 'Searching…') });
  });
  return el('div', { class: 'find' },
    el('h1', {}, 'Find a document'),
    el('p', { class: 'lede' }, 'By name or kind first, then by what the documents say.'),
    form, results);
}
