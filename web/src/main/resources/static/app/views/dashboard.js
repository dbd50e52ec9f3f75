// The dashboard, the page a firm keeps open all day: new notifications (live), my timer, my open tasks, what is due
// this week and the cases worked on lately.
import { api, query, session, myUserId } from '../api.js';
import { el, replace, section, dateEl, instantEl, localDate, words, notice } from '../dom.js';
import { caseHash } from '../router.js';
import { timerPanel } from './time.js';
import { taskList } from './tasks.js';
import { unreadNotifications, onNotificationsChanged, markRead, streamState } from '../notifications.js';

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

/** Appointments (what people attend), soonest first, styled as the deadlines beside them. */
export function appointmentList(appointments, { showCase = true, empty }) {
  if (appointments.length === 0) return el('p', { class: 'empty' }, empty);
  return el('ol', { class: 'deadlines appointments' }, appointments.map((a) => el('li', {
    class: 'deadline appointment', dataset: { appointmentId: a.id },
  },
  el('span', { class: 'due' }, dateEl(a.date), el('span', { class: 'at' }, a.time ? a.time.slice(0, 5) : 'all day')),
  el('span', { class: 'what' },
    el('strong', {}, a.title),
    showCase ? el('span', { class: 'meta' }, ' · ', el('a', { href: caseHash(a.caseId) }, a.caseNumber || 'case')) : null,
    a.location || a.durationMinutes ? el('span', { class: 'citation' },
      [a.location, a.durationMinutes ? `${a.durationMinutes} min` : null].filter(Boolean).join(' · ')) : null))));
}

export function caseList(cases) {
  if (cases.length === 0) return el('p', { class: 'empty' }, 'No cases yet.');
  return el('ul', { class: 'cases' }, cases.map((c) => el('li', { class: 'case-item' },
    el('a', { href: caseHash(c.id), class: 'case-link' }, c.title),
    el('span', { class: 'meta' }, `${c.number} · ${words(c.matterType)} · ${words(c.status)}`))));
}

/** Unread notifications, redrawn whenever one arrives or is read, while the list is on the page. */
function notificationsPanel(caseTitle) {
  const holder = el('div', { id: 'notification-list' });
  const status = el('div', { class: 'form-status' });
  const live = el('p', { class: 'meta', id: 'notification-stream' });
  const draw = () => {
    const s = streamState();
    live.dataset.state = s;
    replace(live, s === 'live' ? 'New ones appear here as they arrive.'
      : s === 'reconnecting' ? 'Reconnecting… new notifications show when the connection returns.' : 'Connecting…');
    const list = unreadNotifications();
    replace(holder, list.length === 0 ? el('p', { class: 'empty' }, 'Nothing new.')
      : el('ul', { class: 'notifications' }, list.map((n) => el('li', { class: 'notification', dataset: { notificationId: n.id, kind: n.kind } },
        el('span', { class: 'what' },
          el('strong', { class: 'notification-title' }, n.title),
          n.body ? el('span', { class: 'notification-body' }, n.body) : null,
          el('span', { class: 'meta' }, instantEl(n.createdAt),
            n.caseId ? [' · ', el('a', { href: caseHash(n.caseId) }, caseTitle(n.caseId) || 'the case')] : null)),
        el('button', {
          type: 'button', class: 'button small mark-read', 'aria-label': `Mark read: ${n.title}`,
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await markRead(n.id);
              replace(status, notice(`Marked read: ${n.title}.`, 'success'));
              document.getElementById('notifications-title')?.focus(); // the button is gone; keep focus nearby
            } catch (e) {
              replace(status, notice(e.message));
              button.disabled = false;
            }
          },
        }, 'Mark read')))));
  };
  draw();
  // the page is rebuilt on every visit: once this list has left the page, it stops listening
  const stop = onNotificationsChanged(() => {
    if (holder.isConnected) holder.dataset.shown = 'true';
    if (!holder.isConnected && holder.dataset.shown) stop(); else draw();
  });
  const panel = section('notifications', 'Notifications', holder, live, status);
  panel.querySelector('h2').setAttribute('tabindex', '-1');
  return panel;
}

function tasksPanel(caseTitle) {
  const holder = el('div', { id: 'my-task-list' });
  const status = el('div', { class: 'form-status' });
  async function load() {
    try {
      const me = await myUserId();
      const tasks = await api.get(`/tasks${query({ assigneeId: me, status: 'open', sort: 'dueOn' })}`);
      replace(holder, taskList(tasks, {
        caseTitle, status, onChanged: load, empty: 'No open tasks. Add them on a case page.',
      }));
    } catch (e) {
      replace(holder, notice(e.message)); // the rest of the dashboard stays usable
    }
  }
  return { panel: section('my-tasks', 'My open tasks', holder, status), load };
}

export async function dashboardView() {
  const current = session.get();
  const from = localDate(0);
  const to = localDate(6);
  const [deadlines, appointments, recent, open] = await Promise.all([
    api.all(`/deadlines${query({ from, to })}`),
    api.all(`/appointments${query({ from, to })}`),
    api.get('/cases?size=10'),
    api.get('/cases?size=200&status=open'),
  ]);
  const titles = new Map([...open, ...recent].map((c) => [c.id, c.title]));
  const caseTitle = (id) => titles.get(id);
  const timer = timerPanel(open, async () => {});
  const tasks = tasksPanel(caseTitle);
  await Promise.all([timer.load().catch((e) => timer.panel.append(notice(e.message))), tasks.load()]);
  timer.panel.append(el('p', { class: 'meta' }, el('a', { href: '#/time', id: 'time-link' }, 'All my time')));
  return el('div', { class: 'dashboard' },
    el('h1', {}, 'Dashboard'),
    el('p', { class: 'lede' }, `Signed in as ${current.displayName || current.username}.`),
    el('div', { class: 'columns' },
      el('div', {},
        notificationsPanel(caseTitle),
        tasks.panel,
        section('week', 'Due in the next seven days',
          deadlineList(deadlines, { empty: 'Nothing is due in the next seven days.' })),
        section('week-appointments', 'Appointments in the next seven days',
          appointmentList(appointments, { empty: 'No appointments in the next seven days.' }))),
      el('div', {},
        timer.panel,
        section('recent', 'Recent cases', caseList(recent)))));
}
