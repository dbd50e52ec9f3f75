// Renders a command result's data: the case candidates of a clarification as buttons, found documents with
// download buttons, examples. Shared by the assistant bar and the find page.
import { el, words } from './dom.js';
import { download } from './api.js';
import { navigate, caseHash } from './router.js';

export function downloadButton(documentId, version, filename, label, onError) {
  return el('button', {
    type: 'button',
    class: 'button small',
    'aria-label': label,
    onclick: async (event) => {
      const button = event.currentTarget;
      button.setAttribute('aria-busy', 'true');
      try {
        await download(documentId, version, filename);
      } catch (e) {
        onError?.(e.message);
      } finally {
        button.removeAttribute('aria-busy');
      }
    },
  }, 'Download');
}

/** The nodes that show result.data of a command result; empty when there is nothing beyond the message. */
export function resultDetails(command, { onError } = {}) {
  const result = command?.result || {};
  const nodes = [];
  if (Array.isArray(result.candidates) && result.candidates.length > 0) {
    const isCase = !result.slot || result.slot === 'case';
    nodes.push(el('ul', { class: 'candidates', 'aria-label': isCase ? 'Which case?' : 'Candidates' },
      result.candidates.map((c) => el('li', {},
        isCase
          ? el('button', { type: 'button', class: 'button candidate', onclick: () => navigate(caseHash(c.id)) },
            `Open ${c.label}`)
          : c.label))));
  }
  if (Array.isArray(result.documents) && result.documents.length > 0) {
    nodes.push(el('ul', { class: 'found-documents', 'aria-label': 'Documents found' },
      result.documents.map((d) => el('li', {},
        el('a', { href: caseHash(d.caseId) }, d.name),
        el('span', { class: 'meta' }, ` ${words(d.kind || '')}${d.kind ? ' · ' : ''}version ${d.version} `),
        downloadButton(d.id, d.version, d.filename, `Download ${d.name}`, onError)))));
  }
  if (Array.isArray(result.examples) && result.examples.length > 0) {
    nodes.push(el('ul', { class: 'examples', 'aria-label': 'Things you can say' },
      result.examples.map((x) => el('li', {}, `“${x}”`))));
  }
  return nodes;
}
