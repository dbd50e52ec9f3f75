// Reading a document version on the page: plain text as text, PDF and Word (rendered to PDF by the server) in a
// frame. Contents need the bearer token, so they are fetched and framed from a blob: URL (the page's policy allows
// blob: for frames and nothing else).
import { fetchBlob, query } from '../api.js';
import { el, replace, notice } from '../dom.js';

const WORD = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
]);
const TEXT_LIMIT = 200_000; // characters shown; longer text says so and offers the download

/** How a version of this media type can be shown: 'text', 'pdf', 'word' or null. */
export function previewKind(mediaType) {
  const type = String(mediaType || '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') return 'text';
  if (type === 'application/pdf') return 'pdf';
  if (WORD.has(type)) return 'word';
  return null;
}

/** The preview region of a case page, and open(document, version) that fills it. */
export function previewPanel() {
  let url = null;
  const title = el('h3', { id: 'preview-title', tabindex: '-1' });
  const body = el('div', { class: 'preview-body', id: 'preview-body' });
  const close = el('button', { type: 'button', class: 'button small', id: 'preview-close' }, 'Close preview');
  const region = el('div', { class: 'preview', id: 'document-preview', role: 'region',
    'aria-labelledby': 'preview-title', hidden: true },
  el('div', { class: 'document-head' }, title, close), body);
  let opener = null;
  const release = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  close.addEventListener('click', () => {
    release();
    replace(body);
    region.hidden = true;
    opener?.focus();
  });

  async function open(d, version, mediaType, from) {
    opener = from;
    const kind = previewKind(mediaType);
    release();
    region.hidden = false;
    replace(title, `${d.name}, version ${version}`);
    replace(body, el('p', { class: 'meta' }, 'Loading the preview…'));
    title.focus();
    try {
      if (kind === 'text') {
        const text = await (await fetchBlob(`/documents/${d.id}/content${query({ version })}`)).text();
        replace(body, el('pre', { class: 'preview-text', tabindex: '0', 'aria-label': `Text of ${d.name}` },
          text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) : text),
        text.length > TEXT_LIMIT ? el('p', { class: 'meta' }, 'The text goes on; download the file to read it all.') : null);
      } else {
        const path = kind === 'word' ? `/documents/${d.id}/pdf${query({ version })}`
          : `/documents/${d.id}/content${query({ version })}`;
        // typed explicitly, so the frame shows a PDF and never renders anything else the server might send
        const pdf = new Blob([await (await fetchBlob(path)).arrayBuffer()], { type: 'application/pdf' });
        url = URL.createObjectURL(pdf);
        replace(body, el('iframe', { class: 'preview-frame', src: url, title: `${d.name}, version ${version} (PDF)` }),
          el('p', { class: 'meta' }, 'If the PDF does not show, download the file instead.'));
      }
    } catch (e) {
      replace(body, notice(e.message));
    }
  }
  return { region, open };
}
