import { api, downloadFrom } from '../api.js';
import { el, replace, notice, section, submitting } from '../dom.js';
import { caseHash } from '../router.js';

function pdfName(filename) {
  return filename.replace(/\.docx$/i, '') + '.pdf';
}

/** IncidentDate → Incident date: placeholder names as a label. */
function label(name) {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function where(location) {
  if (!location) return '';
  return ` (${location.part}, paragraph ${location.paragraph}${location.excerpt ? `: “${location.excerpt}”` : ''})`;
}

/** The drafted document: what it is, what was missing, and both downloads. */
function draftResult(draft, onError) {
  const missing = draft.missing || [];
  const docx = el('button', { type: 'button', class: 'button small', id: 'draft-download-docx',
    onclick: () => downloadFrom(`/documents/${draft.id}/content?version=${draft.version}`, draft.filename)
      .catch((e) => onError(e.message)) }, 'Download Word');
  const pdf = el('button', { type: 'button', class: 'button small', id: 'draft-download-pdf',
    onclick: () => downloadFrom(`/documents/${draft.id}/pdf?version=${draft.version}`, pdfName(draft.filename))
      .catch((e) => onError(e.message)) }, 'Download PDF');
  const sections = draft.sections || [];
  const drafted = sections.filter((x) => x.status === 'drafted');
  const toWrite = sections.filter((x) => x.status !== 'drafted');
  return el('div', { class: 'draft-result', id: 'draft-result', dataset: { documentId: draft.id } },
    notice(`Drafted ${draft.name}, version ${draft.version}, from “${draft.template.name}”. `
      + 'It is a draft: review it before it leaves the firm.', 'success'),
    missing.length === 0 ? null : el('div', {},
      el('p', {}, 'These places are marked in the draft because the case file has no value for them:'),
      el('ul', { class: 'missing' }, missing.map((m) => el('li', {}, el('code', {}, `[${m.name}]`), where(m.location))))),
    drafted.length === 0 ? null : el('div', { id: 'drafted-sections' },
      el('p', {}, 'Written by the language model from the case file, labelled in the draft for review:'),
      el('ul', {}, drafted.map((x) => el('li', {}, x.instruction,
        x.sources?.length ? el('span', { class: 'meta' }, ` (from ${x.sources.join(', ')})`) : null)))),
    toWrite.length === 0 ? null : el('div', { id: 'sections-to-write' },
      el('p', {}, 'These sections need writing; they are marked in the draft:'),
      el('ul', {}, toWrite.map((x) => el('li', {}, x.instruction,
        x.reason ? el('span', { class: 'meta' }, ` (${x.reason})`) : null)))),
    el('p', { class: 'actions' }, docx, ' ', pdf, ' ', el('a', { href: caseHash(draft.caseId) }, 'Open the case')));
}

/** Values the case file lacks, asked for one by one; the caller retries with them. */
function missingForm(missing, meanings, onSubmit, onMark) {
  const names = [...new Set(missing.map((m) => m.name))];
  const inputs = names.map((name) => el('input', { id: `value-${name}`, name, type: 'text', required: true }));
  const form = el('form', { class: 'stack', id: 'missing-form' },
    el('p', {}, 'The case file has no value for these placeholders. Fill them in, or draft with the gaps marked.'),
    names.map((name, i) => el('div', { class: 'field' },
      el('label', { for: `value-${name}` }, label(name),
        meanings[name] ? el('span', { class: 'optional' }, ` (${meanings[name]})`) : null),
      inputs[i])),
    el('p', { class: 'actions' },
      el('button', { type: 'submit', class: 'button primary' }, 'Draft with these values'), ' ',
      el('button', { type: 'button', class: 'button', id: 'draft-mark', onclick: onMark }, 'Draft with gaps marked')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(names.map((name, i) => [name, inputs[i].value.trim()])));
  });
  return form;
}

/** Drafts a document from one of the firm's templates and the case file. */
export async function draftView({ params }) {
  const [cases, templates] = await Promise.all([api.get('/cases?size=200'), api.get('/templates')]);
  const status = el('div', { class: 'draft-status', id: 'draft-status', role: 'status', 'aria-live': 'polite' });
  const onError = (message) => status.append(notice(message));
  const caseSelect = el('select', { id: 'draft-case', name: 'caseId', required: true },
    el('option', { value: '' }, 'Choose a case'),
    cases.filter((c) => c.status !== 'closed').map((c) => el('option', { value: c.id }, `${c.title} (${c.number})`)));
  caseSelect.value = params.get('caseId') || '';
  const templateSelect = el('select', { id: 'draft-template', name: 'templateId', required: true },
    templates.map((t) => el('option', { value: t.id }, t.name)));
  const describe = el('p', { class: 'meta', id: 'draft-template-description' });
  const showDescription = () => {
    const t = templates.find((x) => x.id === templateSelect.value);
    describe.textContent = t ? `${t.description || ''}${t.starter ? ' Ships with Dictum.' : ''}` : '';
  };
  templateSelect.addEventListener('change', showDescription);
  showDescription();
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Draft');

  const generate = (values, onMissing) => submitting(button, status, async () => {
    const draft = await api.post('/documents/generate', {
      templateId: templateSelect.value, caseId: caseSelect.value, values, onMissing,
    });
    replace(status, draftResult(draft, onError));
    status.querySelector('#draft-download-docx')?.focus();
  }, {
    pending: el('p', { class: 'meta' }, 'Drafting…'),
    onError: async (e) => {
      const missing = e.problem?.missing;
      if (e.status === 422 && Array.isArray(missing) && missing.length > 0) {
        const meanings = Object.fromEntries((await api.get('/templates/placeholders').catch(() => []))
          .map((p) => [p.name, p.description]));
        replace(status, missingForm(missing, meanings,
          (filled) => generate({ ...(values || {}), ...filled }, 'fail'),
          () => generate(values, 'mark')));
        status.querySelector('input')?.focus();
      } else {
        replace(status, notice(e.message));
      }
    },
  });

  const form = el('form', { class: 'stack draft-form', id: 'draft-form' },
    el('div', { class: 'field' }, el('label', { for: 'draft-case' }, 'Case'), caseSelect),
    el('div', { class: 'field' }, el('label', { for: 'draft-template' }, 'Template'), templateSelect, describe),
    button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!caseSelect.value) {
      replace(status, notice('Choose the case to draft for.'));
      caseSelect.focus();
      return;
    }
    generate(undefined, 'fail');
  });

  return el('div', { class: 'draft' },
    el('h1', {}, 'Draft a document'),
    el('p', { class: 'lede' }, 'From the firm’s templates, filled from the case file and stored as a new case document.'),
    section('draft-new', 'What to draft', form),
    status);
}
