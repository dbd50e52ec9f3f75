// The day-to-day work on a case page: its tasks, its notes and the time recorded on it, each a list with a form
// that adds to it.
import { api, query } from '../api.js';
import { el, replace, section, dateEl, instantEl, localDate, notice, submitting } from '../dom.js';
import { taskList } from './tasks.js';
import { hours } from './time.js';

function field(id, label, control, hint) {
  return el('div', { class: 'field' }, el('label', { for: id }, label,
    hint ? el('span', { class: 'optional' }, ` ${hint}`) : null), control);
}

/** Loads a list into its holder; a failure shows there, and the rest of the page stays usable. */
function loader(holder, fill) {
  return async () => {
    try {
      await fill();
    } catch (e) {
      replace(holder, notice(e.message));
    }
  };
}

export function caseTasksPanel(caseId) {
  const holder = el('div', { id: 'case-task-list' });
  const listStatus = el('div', { class: 'form-status' });
  async function fill() {
    const tasks = await api.get(`/tasks${query({ caseId, sort: 'dueOn' })}`);
    const open = tasks.filter((t) => t.status === 'open');
    const closed = tasks.filter((t) => t.status !== 'open');
    replace(holder, taskList(open, { status: listStatus, onChanged: load, empty: 'No open tasks on this case.' }),
      closed.length === 0 ? null : el('details', { class: 'closed-tasks' },
        el('summary', {}, `Done or cancelled (${closed.length})`),
        taskList(closed, { status: listStatus, onChanged: load, empty: '' })));
  }
  const load = loader(holder, fill);
  const status = el('div', { class: 'form-status' });
  const description = el('input', { id: 'task-description', name: 'description', type: 'text', required: true,
    maxlength: 500, placeholder: 'e.g. Call the adjuster' });
  const due = el('input', { id: 'task-due', name: 'dueOn', type: 'date' });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Add task');
  const form = el('form', { class: 'stack', id: 'task-form' },
    field('task-description', 'New task', description),
    field('task-due', 'Due', due, '(optional)'),
    el('p', { class: 'hint' }, 'The task is yours; it shows on your dashboard until it is done.'),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const t = await api.post('/tasks', { caseId, description: description.value.trim(), dueOn: due.value || undefined });
      form.reset();
      await load();
      return `Added: ${t.description}.`;
    });
  });
  return { panel: section('tasks', 'Tasks', holder, listStatus, form), load };
}

export function notesPanel(caseId) {
  const holder = el('div', { id: 'note-list' });
  async function fill() {
    const notes = await api.get(`/cases/${caseId}/notes`);
    replace(holder, notes.length === 0 ? el('p', { class: 'empty' }, 'No notes yet. Notes stay with the firm.')
      : el('ul', { class: 'notes' }, notes.map((n) => el('li', { class: 'note', dataset: { noteId: n.id } },
        el('p', { class: 'note-text' }, n.text),
        el('p', { class: 'meta' }, `${n.authorName || 'Someone'} · `, instantEl(n.createdAt))))));
  }
  const load = loader(holder, fill);
  const status = el('div', { class: 'form-status' });
  const text = el('textarea', { id: 'note-text', name: 'text', required: true, rows: 3, maxlength: 20000 });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Add note');
  const form = el('form', { class: 'stack', id: 'note-form' }, field('note-text', 'New note', text), button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      await api.post(`/cases/${caseId}/notes`, { text: text.value.trim() });
      form.reset();
      await load();
      return 'Note added.';
    });
  });
  return { panel: section('notes', 'Notes', holder, form), load };
}

export function caseTimePanel(caseId) {
  const holder = el('div', { id: 'case-time-list' });
  async function fill() {
    // The list is one page (the newest work); the total is the database's sum over all of the case's entries.
    const [entries, totals] = await Promise.all([api.get(`/time-entries${query({ caseId })}`),
      api.get(`/time-entries/totals${query({ caseId })}`)]);
    const shown = entries.length < totals.entries ? ` The newest ${entries.length} are listed.` : '';
    replace(holder, totals.entries === 0 ? el('p', { class: 'empty' }, 'No time recorded on this case.')
      : [el('p', { class: 'meta', id: 'case-time-total' }, `${hours(Number(totals.billedHours).toFixed(1))} in `
        + `${totals.entries} ${totals.entries === 1 ? 'entry' : 'entries'}.${shown}`),
      el('ul', { class: 'parties time-entries' }, entries.map((e) => el('li', { dataset: { entryId: e.id } },
        el('span', { class: 'party-name' }, e.description),
        el('span', { class: 'meta' }, dateEl(e.date), ` · ${e.minutes} min · ${hours(e.billedHours)}`
          + `${e.billable ? '' : ' · not billable'}${e.billed ? ' · billed' : ''}`))))]);
  }
  const load = loader(holder, fill);
  const status = el('div', { class: 'form-status' });
  const date = el('input', { id: 'case-log-date', name: 'date', type: 'date', required: true, value: localDate(0),
    max: localDate(0) });
  const minutes = el('input', { id: 'case-log-minutes', name: 'minutes', type: 'text', inputmode: 'numeric',
    required: true, pattern: '[0-9]{1,4}', 'aria-describedby': 'case-log-minutes-hint' });
  const description = el('input', { id: 'case-log-description', name: 'description', type: 'text', required: true,
    placeholder: 'e.g. Reviewed the survey' });
  const billable = el('input', { id: 'case-log-billable', name: 'billable', type: 'checkbox', checked: true });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Log time');
  const form = el('form', { class: 'stack', id: 'case-log-form' },
    field('case-log-date', 'Date', date),
    el('div', { class: 'field' }, el('label', { for: 'case-log-minutes' }, 'Minutes worked'), minutes,
      el('p', { class: 'hint', id: 'case-log-minutes-hint' }, 'Billed in tenths of an hour, rounded up.')),
    field('case-log-description', 'What was done', description),
    el('div', { class: 'field' }, el('label', { for: 'case-log-billable' }, billable, ' Billable')),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const entry = await api.post('/time-entries', { caseId, date: date.value, minutes: Number(minutes.value),
        description: description.value.trim(), billable: billable.checked });
      minutes.value = '';
      description.value = '';
      await load();
      return `Logged ${entry.minutes} minutes (${hours(entry.billedHours)} billed).`;
    });
  });
  return { panel: section('case-time', 'Time on this case', holder,
    el('h3', { id: 'case-log-title' }, 'Log time'), form), load };
}
