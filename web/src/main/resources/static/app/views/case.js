import { api, query } from '../api.js';
import { el, replace, section, dateEl, instantEl, localDate, words, bytes, notice, submitting } from '../dom.js';
import { setAssistantCase } from '../assistant.js';
import { downloadButton } from '../results.js';
import { deadlineList, appointmentList } from './dashboard.js';
import { clientPortalPanel } from './case-portal.js';
import { caseTasksPanel, notesPanel, caseTimePanel } from './case-work.js';
import { previewPanel, previewKind } from './preview.js';

const SERVICE_METHODS = [
  ['electronic', 'Electronic'], ['personal', 'Personal delivery'], ['mail', 'Mail'],
  ['clerk', 'Left with the clerk'], ['other', 'Other consented means'],
];

export function caseHeader(c) {
  return el('header', { class: 'page-header' },
    el('p', { class: 'eyebrow' }, `${c.number} · ${words(c.matterType)} · ${words(c.status)}`),
    el('h1', {}, c.title));
}

export function overview(c) {
  const rows = [
    ['Case number', c.number], ['Matter type', words(c.matterType)], ['Status', words(c.status)],
    ['Court', c.court || '—'], ['Opened', dateEl(c.openedOn)],
  ];
  if (c.closedOn) rows.push(['Closed', dateEl(c.closedOn)]);
  return el('dl', { class: 'facts' }, rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
}

/** A checkbox that shares a document with the case's client or takes it back. */
function shareToggle(d, onError, onShared) {
  const id = `share-${d.id}`;
  const box = el('input', { type: 'checkbox', id, class: 'share-toggle', checked: d.shared });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      const changed = box.checked ? await api.post(`/documents/${d.id}/shares`)
        : await api.delete(`/documents/${d.id}/shares`);
      onShared(changed);
    } catch (e) {
      box.checked = !box.checked;
      onError?.(e.message);
    } finally {
      box.disabled = false;
    }
  });
  return el('label', { for: id, class: 'toggle' }, box, ' Shared with the client',
    el('span', { class: 'visually-hidden' }, ` (${d.name})`));
}

function sharedNote(d) {
  return d.shared ? el('span', {}, ` · shared by ${d.sharedBy || 'the firm'} `, instantEl(d.sharedAt)) : '';
}

/**
 * Documents with their newest version, a download button, and every version on demand; with sharing, a control
 * per document that shares it with the client; with preview(document, version, mediaType, button), a button per
 * version that can be read on the page.
 */
export function documentList(documents, { onError, versions = true, sharing = false, preview = null }) {
  const previewButton = (d, version, mediaType) => (preview && previewKind(mediaType) ? el('button', {
    type: 'button', class: 'button small preview-button', 'aria-label': `Preview ${d.name}, version ${version}`,
    onclick: (event) => preview(d, version, mediaType, event.currentTarget),
  }, 'Preview') : null);
  if (documents.length === 0) return el('p', { class: 'empty' }, 'No documents yet.');
  return el('ul', { class: 'documents' }, documents.map((d) => {
    const note = el('span', { class: 'share-note' }, sharing ? sharedNote(d) : '');
    const item = el('li', { class: 'document', dataset: { documentId: d.id } },
      el('div', { class: 'document-head' },
        el('span', { class: 'document-name' }, d.name),
        el('span', { class: 'actions' }, previewButton(d, d.version, d.mediaType),
          downloadButton(d.id, d.version, d.filename, `Download ${d.name}, version ${d.version}`, onError))),
      el('p', { class: 'meta' },
        `${d.kind ? `${words(d.kind)} · ` : ''}version ${d.version} · ${bytes(d.sizeBytes)} · updated `,
        instantEl(d.updatedAt), note),
      sharing ? shareToggle(d, onError, (changed) => replace(note, sharedNote(changed))) : null);
    if (versions) {
      const list = el('div', { class: 'versions' });
      const details = el('details', {}, el('summary', {}, 'All versions'), list);
      details.addEventListener('toggle', async () => {
        if (!details.open || list.dataset.loaded) return;
        list.dataset.loaded = 'true';
        list.append(el('p', { class: 'meta' }, 'Loading versions…'));
        try {
          const all = await api.get(`/documents/${d.id}/versions`);
          replace(list, el('ul', { class: 'version-list' }, all.slice().reverse().map((v) => el('li', {},
            el('span', {}, el('strong', {}, `Version ${v.version}`), `: ${v.filename} · ${bytes(v.sizeBytes)} · `,
              instantEl(v.createdAt),
              v.searchable ? '' : ` · not searchable${v.notSearchableReason ? `: ${v.notSearchableReason}` : ''}`),
            el('span', { class: 'actions' }, previewButton(d, v.version, v.mediaType),
              downloadButton(d.id, v.version, v.filename, `Download ${d.name}, version ${v.version}`, onError))))));
        } catch (e) {
          delete list.dataset.loaded;
          replace(list, notice(e.message));
        }
      });
      item.append(details);
    }
    return item;
  }));
}

function field(id, label, control, hint) {
  return el('div', { class: 'field' }, el('label', { for: id }, label,
    hint ? el('span', { class: 'optional' }, ` ${hint}`) : null), control);
}

function uploadForm(caseId, documents, refresh) {
  const status = el('div', { class: 'form-status' });
  const select = el('select', { id: 'upload-document', name: 'documentId' },
    el('option', { value: '' }, 'Nothing: this is a new document'),
    documents.map((d) => el('option', { value: d.id }, d.name)));
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Upload');
  const form = el('form', { class: 'stack', id: 'upload-form' },
    field('upload-file', 'File', el('input', { id: 'upload-file', name: 'file', type: 'file', required: true })),
    field('upload-name', 'Name', el('input', { id: 'upload-name', name: 'name', type: 'text' }), '(optional: the file name otherwise)'),
    field('upload-kind', 'Kind', el('input', { id: 'upload-kind', name: 'kind', type: 'text', placeholder: 'e.g. police report' }), '(optional)'),
    field('upload-document', 'A new version of', select, '(optional)'),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const key of ['name', 'kind', 'documentId']) if (!String(data.get(key) || '').trim()) data.delete(key);
    submitting(button, status, async () => {
      const d = await api.postBody(`/cases/${caseId}/documents`, data);
      form.reset();
      await refresh();
      return `Uploaded ${d.name}, version ${d.version}.`;
    }, { pending: notice('Uploading…', 'info') });
  });
  return form;
}

function docketForm(caseId, ruleSets, refresh) {
  const status = el('div', { class: 'form-status' });
  const ruleSet = el('select', { id: 'docket-rule-set', name: 'ruleSet' },
    ruleSets.map((s) => el('option', { value: s.id }, s.title)));
  const trigger = el('select', { id: 'docket-trigger', name: 'trigger', required: true });
  const fillTriggers = () => {
    const set = ruleSets.find((s) => s.id === ruleSet.value);
    replace(trigger, Object.entries(set?.triggers || {}).map(([id, text]) => el('option', { value: id }, text)));
  };
  ruleSet.addEventListener('change', fillTriggers);
  fillTriggers();
  const date = el('input', { id: 'docket-date', name: 'date', type: 'date', required: true, value: localDate(0) });
  const service = el('select', { id: 'docket-service', name: 'serviceMethod' },
    SERVICE_METHODS.map(([id, text]) => el('option', { value: id }, text)));
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Docket');
  const form = el('form', { class: 'stack', id: 'docket-form' },
    field('docket-rule-set', 'Rules', ruleSet),
    field('docket-trigger', 'What happened', trigger),
    field('docket-date', 'On', date),
    field('docket-service', 'Served by', service),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const docketed = await api.post(`/cases/${caseId}/events`, {
        ruleSet: ruleSet.value, trigger: trigger.value, date: date.value, serviceMethod: service.value,
      });
      await refresh();
      const ds = docketed.deadlines || [];
      return ds.length === 0
        ? 'Docketed. This event sets no deadlines.'
        : `Docketed. ${ds.map((d) => `${d.title}: due ${d.dueDate}`).join('; ')}.`;
    });
  });
  return form;
}

/** Puts an appointment on the case's calendar: a time is optional (all day without one). */
function appointmentForm(caseId, refresh) {
  const status = el('div', { class: 'form-status' });
  const title = el('input', { id: 'appointment-title', name: 'title', required: true, maxlength: 200,
    placeholder: 'Mediation' });
  const date = el('input', { id: 'appointment-date', name: 'date', type: 'date', required: true, value: localDate(0) });
  const time = el('input', { id: 'appointment-time', name: 'time', type: 'time' });
  const location = el('input', { id: 'appointment-location', name: 'location', maxlength: 300 });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Schedule');
  const form = el('form', { class: 'stack', id: 'appointment-form' },
    field('appointment-title', 'What', title),
    field('appointment-date', 'On', date),
    field('appointment-time', 'At (leave empty for all day)', time),
    field('appointment-location', 'Where', location),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const a = await api.post(`/cases/${caseId}/appointments`, {
        title: title.value, date: date.value, time: time.value || null, location: location.value || null,
      });
      await refresh();
      title.value = '';
      return `Scheduled ${a.title} on ${a.date}${a.time ? ` at ${a.time.slice(0, 5)}` : ''}.`;
    });
  });
  return form;
}

export async function caseView({ caseId }) {
  const [c, parties, documents, deadlines, appointments, ruleSets, milestones] = await Promise.all([
    api.get(`/cases/${caseId}`),
    api.get(`/cases/${caseId}/parties`),
    api.get(`/cases/${caseId}/documents`),
    api.all(`/deadlines${query({ caseId })}`),
    api.all(`/appointments${query({ caseId })}`),
    api.get('/deadlines/rule-sets'),
    api.get(`/cases/${caseId}/milestones`),
  ]);
  setAssistantCase({ id: c.id, title: c.title });

  const errors = el('div', { class: 'form-status' });
  const onError = (message) => replace(errors, notice(message));
  const preview = previewPanel();
  const docOptions = { onError, sharing: true, preview: preview.open };
  const docsHolder = el('div', {}, documentList(documents, docOptions));
  const deadlinesHolder = el('div', {}, deadlineList(deadlines, { showCase: false, empty: 'No deadlines docketed.' }));
  const noAppointments = 'No appointments on the calendar.';
  const appointmentsHolder = el('div', {}, appointmentList(appointments, { showCase: false, empty: noAppointments }));
  const refreshAppointments = async () => {
    const fresh = await api.all(`/appointments${query({ caseId })}`);
    replace(appointmentsHolder, appointmentList(fresh, { showCase: false, empty: noAppointments }));
  };
  let upload;
  const refreshDocuments = async () => {
    const fresh = await api.get(`/cases/${caseId}/documents`);
    replace(docsHolder, documentList(fresh, docOptions));
    const select = upload.querySelector('#upload-document');
    const keep = select.value;
    replace(select, el('option', { value: '' }, 'Nothing: this is a new document'),
      fresh.map((d) => el('option', { value: d.id }, d.name)));
    select.value = keep;
  };
  const refreshDeadlines = async () => {
    const fresh = await api.all(`/deadlines${query({ caseId })}`);
    replace(deadlinesHolder, deadlineList(fresh, { showCase: false, empty: 'No deadlines docketed.' }));
  };
  upload = uploadForm(caseId, documents, refreshDocuments);
  const tasks = caseTasksPanel(caseId);
  const notes = notesPanel(caseId);
  const time = caseTimePanel(caseId);
  await Promise.all([tasks.load(), notes.load(), time.load()]);

  return el('div', { class: 'case-page', dataset: { caseId: c.id } },
    caseHeader(c),
    errors,
    el('div', { class: 'case-grid' },
      el('div', { class: 'case-main' },
        section('deadlines', 'Deadlines', deadlinesHolder),
        section('appointments', 'Appointments', appointmentsHolder),
        tasks.panel,
        section('documents', 'Documents', docsHolder, preview.region),
        section('upload', 'Upload a document', upload),
        notes.panel,
        section('client-portal', 'Client portal', clientPortalPanel(caseId, milestones))),
      el('div', { class: 'case-side' },
        section('overview', 'Overview', overview(c)),
        section('parties', 'Parties', parties.length === 0 ? el('p', { class: 'empty' }, 'No parties yet.')
          : el('ul', { class: 'parties' }, parties.map((p) => el('li', {},
            el('span', { class: 'party-name' }, p.name), el('span', { class: 'role' }, words(p.role)))))),
        time.panel,
        section('docket', 'Docket an event', docketForm(caseId, ruleSets, refreshDeadlines)),
        section('schedule', 'Schedule an appointment', appointmentForm(caseId, refreshAppointments)))));
}
