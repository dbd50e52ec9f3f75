// Hash routes (#/, #/cases/{id}, #/find): the server serves one static page, deep links and the back button work,
// and the API stays the only dynamic surface.

let focusNextView = true;

/**
 * Goes to a route. keepFocus leaves the keyboard focus where it is (the assistant's answer is announced and the user
 * may speak again); otherwise the new page's heading takes focus, as after a page load.
 */
export function navigate(hash, { keepFocus = false } = {}) {
  focusNextView = !keepFocus;
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** Whether the view about to render should take focus; resets to yes. */
export function takeFocusFlag() {
  const value = focusNextView;
  focusNextView = true;
  return value;
}

export function caseHash(id) {
  return `#/cases/${encodeURIComponent(id)}`;
}
