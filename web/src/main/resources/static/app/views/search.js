import { api, query } from '../api.js';
import { el, replace, words, submitting } from '../dom.js';
import { caseHash } from '../router.js';

// A hit's snippets arrive as escaped text with the matched words in <mark>…</mark>. They are split on those two
// tags and the entities decoded by hand, so no server text is ever parsed as markup.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

export function snippet(highlight) {
  const parts = highlight.split(/(<mark>|<\/mark>)/);
  const nodes = [];
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? el('mark', {}, decode(part)) : decode(part));
  }
  return el('p', { class: 'snippet' }, nodes);
}

function hitItem(hit) {
  const target = hit.caseId ? caseHash(hit.caseId) : null;
  return el('li', { class: 'search-hit', dataset: { type: hit.kind || hit.type, id: hit.id } },
    el('p', { class: 'hit-head' },
      el('span', { class: 'hit-type' }, words(hit.kind || hit.type)),
      ' ',
      target ? el('a', { href: target }, hit.title) : el('strong', {}, hit.title)),
    (hit.highlights || []).map(snippet));
}

/** Full-text search across everything the user may see: the words, "phrases", prefix* and -exclusions. */
export async function searchView({ params }) {
  const cases = await api.get('/cases?size=200');
  const results = el('div', { class: 'search-results', id: 'search-results', role: 'status', 'aria-live': 'polite' });
  const text = el('input', { id: 'search-text', name: 'q', type: 'search', required: true,
    value: params.get('q') || '', placeholder: 'settlement, "slip and fall", Kowal*' });
  const inCase = el('select', { id: 'search-case', name: 'caseId' },
    el('option', { value: '' }, 'Every case I may see'),
    cases.map((c) => el('option', { value: c.id }, `${c.title} (${c.number})`)));
  inCase.value = params.get('caseId') || '';
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Search');
  const form = el('form', { class: 'stack search-form', id: 'search-form', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'search-text' }, 'Search for'), text),
    el('div', { class: 'field' }, el('label', { for: 'search-case' }, 'In'), inCase),
    button);

  const run = (q, caseId) => submitting(button, results, async () => {
    const found = await api.get(`/search${query({ q, caseId, limit: 50 })}`);
    const hits = found.hits || [];
    replace(results,
      el('p', { class: 'meta', id: 'search-count' },
        hits.length === 0 ? `Nothing matches ${q}.` : `${hits.length} result${hits.length === 1 ? '' : 's'} for ${q}`),
      hits.length === 0 ? null : el('ol', { class: 'search-hits' }, hits.map(hitItem)));
  }, { pending: el('p', { class: 'meta' }, 'Searching…') });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = text.value.trim();
    if (!q) return;
    // The query goes into the address (bookmarks, the back button) without re-rendering the page, so the
    // keyboard focus stays in the form and the live region announces the results.
    history.pushState(null, '', `#/search${query({ q, caseId: inCase.value })}`);
    run(q, inCase.value || undefined);
  });
  if (params.get('q')) run(params.get('q'), params.get('caseId') || undefined);

  return el('div', { class: 'search' },
    el('h1', {}, 'Search'),
    el('p', { class: 'lede' }, 'Cases, documents and their text, ranked by relevance. Use "quotes" for a phrase, '
      + 'a trailing * for a prefix and -word to leave a word out.'),
    form, results);
}
