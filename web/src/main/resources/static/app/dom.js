// Small DOM helpers: elements are built, never parsed from strings, so data from the server is never markup.

/**
 * el('p', {class: 'x', onclick: fn}, 'text', child) builds an element. Attributes that are null, undefined or false
 * are left out; true sets an empty attribute; on* functions become listeners.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'value') {
      node.value = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

const DATE = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** A calendar date (yyyy-mm-dd) as a <time> element, read the same in every time zone. */
export function dateEl(isoDate) {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.split('-').map(Number);
  return el('time', { datetime: isoDate }, DATE.format(new Date(Date.UTC(y, m - 1, d))));
}

/** An instant as a <time> element in the browser's time zone. */
export function instantEl(iso) {
  if (!iso) return '—';
  return el('time', { datetime: iso }, DATE_TIME.format(new Date(iso)));
}

let firmZone;

/** The firm's time zone (GET /me): "today" in a form is the firm's day, which the server checks dates against. */
export function useTimeZone(zone) {
  firmZone = zone;
}

/** Today in the firm's time zone (the browser's until it is known) as yyyy-mm-dd, optionally moved by whole days. */
export function localDate(plusDays = 0) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: firmZone, year: 'numeric', month: '2-digit',
    day: '2-digit' }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays)).toISOString().slice(0, 10);
}

/** snake_case identifiers (matter types, roles, triggers) as words: personal_injury → Personal injury. */
export function words(id) {
  if (!id) return '';
  const text = String(id).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A section with a heading: the page's building block. */
export function section(id, title, ...children) {
  return el('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title), ...children);
}

/** A message that screen readers announce at once (errors) or politely (confirmations). */
export function notice(text, kind = 'error') {
  return el('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** One busy state for every form, so none is sent twice or keeps a stale notice; returned text shows as success. */
export async function submitting(button, status, action,
    { pending = null, onError = (e) => replace(status, notice(e.message)) } = {}) {
  button.disabled = true;
  replace(status, pending);
  try {
    const done = await action();
    if (done !== undefined) replace(status, notice(done, 'success'));
  } catch (e) {
    await onError(e);
  } finally {
    button.disabled = false;
  }
}
