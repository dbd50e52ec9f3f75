// Tasks as the dashboard and the case page show them: a list whose open tasks each have a "Done" button.
import { api } from '../api.js';
import { el, replace, dateEl, notice } from '../dom.js';
import { caseHash } from '../router.js';

/**
 * The list of tasks. caseTitle(id) names a task's case (null leaves the case out); onChanged runs after one is
 * marked done; status shows what happened.
 */
export function taskList(tasks, { caseTitle = null, onChanged, status, empty }) {
  if (tasks.length === 0) return el('p', { class: 'empty' }, empty);
  return el('ul', { class: 'tasks' }, tasks.map((t) => {
    const open = t.status === 'open';
    const done = open ? el('button', {
      type: 'button', class: 'button small task-done', 'aria-label': `Mark done: ${t.description}`,
      onclick: async (event) => {
        const button = event.currentTarget;
        // the button leaves with its task: the keyboard goes on from the list's heading, not the page's top
        const heading = button.closest('section')?.querySelector('h2');
        button.disabled = true;
        try {
          await api.patch(`/tasks/${t.id}`, { status: 'done' });
          replace(status, notice(`Done: ${t.description}.`, 'success'));
          await onChanged();
          if (heading) {
            heading.setAttribute('tabindex', '-1');
            heading.focus();
          }
        } catch (e) {
          replace(status, notice(e.message));
          button.disabled = false;
        }
      },
    }, 'Done') : null;
    const named = caseTitle && t.caseId ? caseTitle(t.caseId) : null;
    return el('li', { class: `task ${t.status}`, dataset: { taskId: t.id } },
      el('span', { class: 'what' },
        el('span', { class: 'task-description' }, t.description),
        el('span', { class: 'meta' },
          t.dueOn ? ['due ', dateEl(t.dueOn), t.dueTime ? ` ${t.dueTime.slice(0, 5)}` : ''] : 'no due date',
          named ? [' · ', el('a', { href: caseHash(t.caseId) }, named)] : null,
          open ? '' : ` · ${t.status}`)),
      done);
  }));
}
