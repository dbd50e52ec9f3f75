// Starts the app: the page chrome, the assistant bar and the router.
import { session } from './api.js';
import { el, replace, notice } from './dom.js';
import { initAssistant, setAssistantCase, clearAnswer } from './assistant.js';
import { navigate, takeFocusFlag } from './router.js';
import { signInView } from './views/sign-in.js';
import { dashboardView } from './views/dashboard.js';
import { caseView } from './views/case.js';
import { findView } from './views/find.js';
import { portalHomeView, portalCaseView } from './views/portal.js';

const main = document.getElementById('main');
const CASE_ROUTE = /^#\/cases\/([0-9a-fA-F-]{36})$/;
let renderCount = 0;
let firstRender = true;
let pendingNotice = null;

function navItems(isClient) {
  return isClient
    ? [['#/', 'Your cases']]
    : [['#/', 'Dashboard'], ['#/find', 'Find a document']];
}

function showChrome(current) {
  const signedIn = Boolean(current);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('assistant').hidden = !signedIn;
  document.body.classList.toggle('signed-out', !signedIn);
  if (!signedIn) return;
  const isClient = current.role === 'client';
  document.body.classList.toggle('portal', isClient);
  document.getElementById('who-name').textContent = `${current.displayName || current.username}`
    + (isClient ? '' : ` · ${current.role}`);
  const hash = location.hash || '#/';
  const active = hash.startsWith('#/find') ? '#/find' : (hash === '#/' || hash === '#' ? '#/' : null);
  replace(document.getElementById('nav-list'), navItems(isClient).map(([href, label]) =>
    el('li', {}, el('a', { href, 'aria-current': href === active ? 'page' : null }, label))));
}

function pick(current) {
  const hash = location.hash || '#/';
  const isClient = current.role === 'client';
  const caseMatch = hash.match(CASE_ROUTE);
  if (caseMatch) return { view: isClient ? portalCaseView : caseView, caseId: caseMatch[1] };
  if (hash === '#/find' && !isClient) return { view: findView };
  return { view: isClient ? portalHomeView : dashboardView };
}

async function route() {
  const token = ++renderCount;
  const current = session.get();
  const focus = takeFocusFlag() && !firstRender;
  firstRender = false;
  showChrome(current);
  setAssistantCase(null);
  let view;
  let caseId;
  if (!current) {
    view = signInView;
  } else {
    ({ view, caseId } = pick(current));
  }
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = await view({ caseId, notice: pendingNotice, onSignedIn: () => navigate(location.hash || '#/') });
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
