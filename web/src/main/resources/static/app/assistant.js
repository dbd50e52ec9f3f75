// The assistant bar on every page: a command box and push-to-talk. Answers go to one polite live region.
import { api, query } from './api.js';
import { el, replace } from './dom.js';
import { navigate, caseHash } from './router.js';
import { resultDetails } from './results.js';
import { Recorder, TARGET_RATE } from './voice.js';

const MIN_SECONDS = 0.3;
const CHANGES_CASE = new Set(['add_event', 'add_party']);

let openCase = null; // {id, title} of the case page on screen
let state = 'idle';
let recorder = null;
let releaseRequested = false;
let onCaseChanged = () => {};

const $ = (id) => document.getElementById(id);

export function setAssistantCase(caseInView) {
  openCase = caseInView;
  $('command-context').textContent = caseInView
    ? `Commands apply to ${caseInView.title} unless you name another case.` : '';
}

export function clearAnswer() {
  replace($('answer'));
}

/** Shows a line in the answer region: info, error or a full command result. */
function show(...nodes) {
  replace($('answer'), ...nodes);
}

function showError(message) {
  show(el('p', { class: 'message rejected' }, message));
}

function showResult(command, transcript) {
  const status = command.status || 'done';
  show(
    transcript !== undefined
      ? el('p', { class: 'transcript' }, el('span', { class: 'label' }, 'You said: '), `“${transcript}”`) : null,
    el('p', { class: `message ${status}`, dataset: { status, intent: command.intent || '' } }, command.message),
    resultDetails(command, { onError: showError }),
  );
  const opened = command.result?.openedCase;
  if (status === 'done' && opened?.id) {
    navigate(caseHash(opened.id), { keepFocus: true });
  } else if (status === 'done' && openCase && CHANGES_CASE.has(command.intent)) {
    onCaseChanged();
  }
}

async function sendText(event) {
  event.preventDefault();
  const input = $('command-input');
  const text = input.value.trim();
  if (!text) {
    showError('Type a command first, for example “find the police report”.');
    input.focus();
    return;
  }
  $('assistant').dataset.busy = 'true';
  show(el('p', { class: 'message pending' }, 'Working on it…'));
  try {
    const command = await api.post('/assistant/commands', { text, caseId: openCase?.id });
    input.value = '';
    showResult(command);
  } catch (e) {
    showError(e.message);
  } finally {
    delete $('assistant').dataset.busy;
  }
}

const LABELS = {
  idle: 'Hold to talk',
  starting: 'Opening microphone…',
  listening: 'Listening — release to send',
  sending: 'Working…',
};

function setState(next) {
  state = next;
  $('assistant').dataset.voice = next;
  const talk = $('talk');
  talk.setAttribute('aria-pressed', String(next === 'starting' || next === 'listening'));
  if (next === 'sending') talk.setAttribute('aria-disabled', 'true'); else talk.removeAttribute('aria-disabled');
  $('talk-label').textContent = LABELS[next];
}

async function beginTalking() {
  if (state !== 'idle') return;
  releaseRequested = false;
  setState('starting');
  recorder = new Recorder();
  try {
    await recorder.start();
  } catch (e) {
    recorder = null;
    setState('idle');
    showError(e.message);
    return;
  }
  setState('listening');
  show(el('p', { class: 'message pending' }, 'Listening… release the button when you have finished.'));
  if (releaseRequested) await endTalking();
}

async function endTalking() {
  if (state === 'starting') {
    releaseRequested = true;
    return;
  }
  if (state !== 'listening') return;
  setState('sending');
  try {
    const wav = await recorder.stop();
    recorder = null;
    const seconds = wav ? (wav.size - 44) / 2 / TARGET_RATE : 0;
    if (seconds < MIN_SECONDS) {
      showError('That was too short. Hold the talk button down while you speak, then release it.');
      return;
    }
    show(el('p', { class: 'message pending' }, 'Working on it…'));
    const command = await api.postBody(`/assistant/voice-commands${query({ caseId: openCase?.id })}`, wav, 'audio/wav');
    showResult(command, command.transcript?.text ?? '');
  } catch (e) {
    showError(e.message);
  } finally {
    setState('idle');
  }
}

function cancelTalking() {
  if (state === 'listening' || state === 'starting') {
    recorder?.release();
    recorder = null;
    setState('idle');
    show(el('p', { class: 'message' }, 'Recording cancelled.'));
  }
}

const isTalkKey = (e) => e.key === ' ' || e.key === 'Enter';

export function initAssistant({ refreshCase }) {
  onCaseChanged = refreshCase;
  $('command-form').addEventListener('submit', sendText);
  const talk = $('talk');
  talk.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    talk.focus();
    try { talk.setPointerCapture(e.pointerId); } catch { /* not capturable: pointerup still reaches the button */ }
    beginTalking();
  });
  talk.addEventListener('pointerup', () => endTalking());
  talk.addEventListener('pointercancel', () => endTalking());
  talk.addEventListener('keydown', (e) => {
    if (isTalkKey(e)) {
      e.preventDefault();
      if (!e.repeat) beginTalking();
    } else if (e.key === 'Escape') {
      cancelTalking();
    }
  });
  talk.addEventListener('keyup', (e) => {
    if (isTalkKey(e)) {
      e.preventDefault();
      endTalking();
    }
  });
  talk.addEventListener('blur', () => endTalking());
  talk.addEventListener('click', (e) => e.preventDefault());
  talk.addEventListener('contextmenu', (e) => e.preventDefault());
  setState('idle');
}
