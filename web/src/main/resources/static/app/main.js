// Starts the app: the page chrome, the assistant bar and the router.
import { session, currentUser } from './api.js';
import { el, replace, notice } from './dom.js';
import { initAssistant, setAssistantCase, clearAnswer } from './assistant.js';
import { navigate, takeFocusFlag } from './router.js';
import { signInView } from './views/sign-in.js';
import { dashboardView } from './views/dashboard.js';
import { caseView } from './views/case.js';
import { findView } from './views/find.js';
import { searchView } from './views/search.js';
import { draftView } from './views/draft.js';
import { adminView } from './views/admin.js';
import { portalHomeView, portalCaseView } from './views/portal.js';
import { timeView } from './views/time.js';
import { invoicesView } from './views/invoices.js';
import { followNotifications } from './notifications.js';

const main = document.getElementById('main');
const CASE_ROUTE = /^#\/cases\/([0-9a-fA-F-]{36})$/;
let renderCount = 0;
let firstRender = true;
let pendingNotice = null;

function navItems(current) {
  if (current.role === 'client') return [['#/', 'Your cases']];
  const items = [['#/', 'Dashboard'], ['#/find', 'Find a document'], ['#/search', 'Search'], ['#/draft', 'Draft'],
    ['#/time', 'Time'], ['#/invoices', 'Invoices']];
  if (current.role === 'admin' || current.role === 'partner') items.push(['#/admin', 'Administration']);
  return items;
}

/** The route's path (#/search) and its query parameters (#/search?q=x). */
function splitHash(hash) {
  const at = hash.indexOf('?');
  return at < 0 ? [hash, new URLSearchParams()] : [hash.slice(0, at), new URLSearchParams(hash.slice(at + 1))];
}

function showChrome(current) {
  const signedIn = Boolean(current);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('assistant').hidden = !signedIn;
  document.body.classList.toggle('signed-out', !signedIn);
  const isClient = current?.role === 'client';
  // the firm's inbox; a client's news (milestones, messages) shows on their portal pages instead
  followNotifications(signedIn && !isClient);
  if (!signedIn) return;
  document.body.classList.toggle('portal', isClient);
  document.getElementById('who-name').textContent = `${current.displayName || current.username}`
    + (isClient ? '' : ` · ${current.role}`);
  const [path] = splitHash(location.hash || '#/');
  const active = path === '#' ? '#/' : path;
  replace(document.getElementById('nav-list'), navItems(current).map(([href, label]) =>
    el('li', {}, el('a', { href, 'aria-current': href === active ? 'page' : null }, label))));
}

const FIRM_ROUTES = {
  '#/find': findView, '#/search': searchView, '#/draft': draftView, '#/admin': adminView, '#/time': timeView,
  '#/invoices': invoicesView,
};

function pick(current) {
  const [path, params] = splitHash(location.hash || '#/');
  const isClient = current.role === 'client';
  const caseMatch = path.match(CASE_ROUTE);
  if (caseMatch) return { view: isClient ? portalCaseView : caseView, caseId: caseMatch[1], params };
  if (!isClient && FIRM_ROUTES[path]) return { view: FIRM_ROUTES[path], params };
  return { view: isClient ? portalHomeView : dashboardView, params };
}

async function route() {
  const token = ++renderCount;
  const current = session.get();
  const focus = takeFocusFlag() && !firstRender;
  firstRender = false;
  showChrome(current);
  setAssistantCase(null);
  let view = signInView;
  let caseId;
  let params = new URLSearchParams();
  if (current) ({ view, caseId, params } = pick(current));
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    if (current) await currentUser(); // the firm's time zone, for the days forms offer
    content = await view({ caseId, params, notice: pendingNotice, onSignedIn: () => navigate(location.hash || '#/') });
  } catch (e) {
    content = [
      el('h1', {}, e.status === 404 ? 'Not found' : 'Something went wrong'),
      notice(e.message),
      el('p', {}, el('a', { href: '#/' }, 'Back to the start')),
    ];
  }
  pendingNotice = null;
  if (token !== renderCount) return; // a newer navigation won
  replace(main, content);
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} — Dictum`;
  }
  if (!current) {
    document.getElementById('username')?.focus(); // the form is the whole page
  } else if (focus && heading) {
    heading.focus();
  }
}

function signOut(message) {
  session.clear();
  clearAnswer();
  pendingNotice = message;
  if (location.hash && location.hash !== '#/') location.hash = '#/'; else route();
}

document.getElementById('sign-out').addEventListener('click', () => signOut('You have signed out.'));
window.addEventListener('dictum:signed-out', (e) => { pendingNotice = e.detail; route(); });
document.getElementById('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
initAssistant({ refreshCase: () => navigate(location.hash, { keepFocus: true }) });
route();
