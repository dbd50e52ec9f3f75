// The signed-in user's unread notifications, kept live: loaded once, then new ones arrive on the server-sent events
// stream. The header shows how many are unread on every page, a polite live region announces each new one, and views
// (the dashboard) subscribe to redraw their list.
import { api, session } from './api.js';
import { el } from './dom.js';

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

const unread = new Map(); // id → notification, newest first by insertion below
const listeners = new Set();
let stream = null;
let streamToken = null;
let retryTimer = null;
let retryMs = RETRY_FIRST_MS;
let badge = null;
let announcer = null;
let state = 'off'; // 'connecting', 'live' or 'reconnecting' while followed

function chrome() {
  if (badge) return;
  // Built here rather than in index.html, so the header markup stays as it is.
  badge = el('a', { href: '#/', id: 'unread-badge', class: 'unread-badge', hidden: true });
  announcer = el('div', { id: 'notification-announcer', class: 'visually-hidden', role: 'status',
    'aria-live': 'polite', 'aria-atomic': 'true' });
  badge.addEventListener('click', (e) => {
    const list = document.getElementById('notifications-title');
    if (!list) return; // elsewhere the link opens the dashboard
    e.preventDefault();
    list.focus();
    list.scrollIntoView({ block: 'start' });
  });
  const who = document.getElementById('who');
  who.prepend(badge);
  document.body.append(announcer);
}

function changed() {
  const n = unread.size;
  badge.hidden = n === 0;
  badge.textContent = `${n} unread`;
  badge.setAttribute('aria-label', `${n} unread notification${n === 1 ? '' : 's'}: open the dashboard`);
  for (const fn of listeners) fn();
}

function sorted(list) {
  return list.slice().sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

/** The unread notifications, newest first. */
export function unreadNotifications() {
  return sorted([...unread.values()]);
}

/** Whether new notifications arrive now: 'connecting', 'live', 'reconnecting' (or 'off'). */
export function streamState() {
  return state;
}

function setState(next) {
  if (state === next) return;
  state = next;
  for (const fn of listeners) fn();
}

/** Calls fn whenever the unread notifications or the stream's state change; returns a function that stops it. */
export function onNotificationsChanged(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Marks one read on the server, then here. */
export async function markRead(id) {
  await api.post(`/notifications/${encodeURIComponent(id)}/read`);
  unread.delete(id);
  changed();
}

function arrived(n) {
  if (!n?.id || n.readAt || unread.has(n.id)) return;
  unread.set(n.id, n);
  announcer.textContent = `New notification: ${n.title}`;
  changed();
}

function close() {
  clearTimeout(retryTimer);
  retryTimer = null;
  if (stream) stream.close();
  stream = null;
  streamToken = null;
  state = 'off';
}

/**
 * Opens the stream. The browser retries a dropped connection by itself; when it gives up (the server refused or is
 * gone) this waits, doubling the pause up to a minute, and reloads the list on reconnecting so nothing sent in
 * between is missed.
 */
function connect(reload) {
  const current = session.get();
  if (!current) return;
  streamToken = current.token;
  setState(reload ? 'reconnecting' : 'connecting');
  stream = new EventSource(`/api/v1/notifications/stream?token=${encodeURIComponent(current.token)}`);
  stream.addEventListener('notification', (e) => {
    try {
      arrived(JSON.parse(e.data));
    } catch {
      // a malformed event is skipped; the next list load shows the notification
    }
  });
  stream.addEventListener('open', () => {
    retryMs = RETRY_FIRST_MS;
    setState('live');
    if (reload) load();
    reload = true; // the browser's own reconnects reload too
  });
  stream.addEventListener('error', () => {
    setState('reconnecting');
    if (stream?.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
    stream.close();
    stream = null;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (session.get()?.token === streamToken) connect(true);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  });
}

async function load() {
  try {
    const list = await api.get('/notifications?unread=true');
    unread.clear();
    for (const n of list) unread.set(n.id, n);
    changed();
  } catch {
    // the badge keeps what it had; the dashboard shows its own error when it loads the list
  }
}

/** Follows the signed-in user's notifications when wanted; stops when signed out, restarts for a new sign-in. */
export function followNotifications(wanted) {
  chrome();
  const current = wanted ? session.get() : null;
  if (!current) {
    close();
    unread.clear();
    changed();
    return;
  }
  if (streamToken === current.token) return;
  close();
  unread.clear();
  load();
  connect(false);
}
