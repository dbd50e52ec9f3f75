// The assistant bar on every page: a command box and push-to-talk. Answers go to one polite live region.
import { api, session } from './api.js';
import { el, replace } from './dom.js';
import { navigate, caseHash } from './router.js';
import { resultDetails } from './results.js';
import { Recorder, VoiceStream } from './voice.js';

const MIN_SECONDS = 0.3;
const CHANGES_CASE = new Set(['add_event', 'add_party']);

let openCase = null; // {id, title} of the case page on screen
let state = 'idle';
let recorder = null;
let stream = null;
let heard = null; // what the stream answered during this push-to-talk: {partial, finals[], command, error}
let releaseRequested = false;
let dictation = null; // {recorder, stream} while dictating
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
  // one command at a time: a second Enter while the first is sent would log the time or add the task twice
  if ($('assistant').dataset.busy) return;
  $('assistant').dataset.busy = 'true';
  $('command-send').disabled = true;
  show(el('p', { class: 'message pending' }, 'Working on it…'));
  try {
    const command = await api.post('/assistant/commands', { text, caseId: openCase?.id });
    input.value = '';
    showResult(command);
  } catch (e) {
    showError(e.message);
  } finally {
    delete $('assistant').dataset.busy;
    $('command-send').disabled = false;
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

/** The words heard so far, shown live under the command box while speaking. */
function showPartial(text) {
  $('voice-partial').textContent = text ? `… ${text}` : '';
}

/** Opens the speech stream and the microphone, the stream first so that no word is lost. */
async function openVoice(mode, on) {
  const voice = new VoiceStream({ token: session.get()?.token ?? '', mode, caseId: openCase?.id, on });
  await voice.open();
  const mic = new Recorder();
  try {
    await mic.start((samples) => voice.send(samples));
  } catch (e) {
    voice.close();
    throw e;
  }
  return { voice, mic };
}

async function beginTalking() {
  if (state !== 'idle' || dictation) return;
  releaseRequested = false;
  setState('starting');
  heard = { partial: '', finals: [], command: null, note: null, dictation: '', error: null };
  const words = heard;
  try {
    ({ voice: stream, mic: recorder } = await openVoice('command', {
      partial: (text) => { if (text) { words.partial = text; showPartial(text); } },
      final: (text) => { if (text) { words.finals.push(text); showPartial(text); } },
      command: (command) => { words.command = command; },
      // "start dictation" said while holding the button: the rest becomes a note, saved on release
      dictation: (text) => { words.dictation = text; showPartial(text); },
      note: (note) => { words.note = note; },
      error: (error) => { words.error = error.message; },
    }));
  } catch (e) {
    recorder = null;
    stream = null;
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
    await recorder.stop();
    recorder = null;
    if (stream.seconds < MIN_SECONDS) {
      stream.close();
      showError('That was too short. Hold the talk button down while you speak, then release it.');
      return;
    }
    show(el('p', { class: 'message pending' }, 'Working on it…'));
    await stream.finish();
    if (heard.note) {
      show(el('p', { class: `message ${heard.note.saved ? 'done' : 'rejected'}` }, heard.note.message),
        el('p', { class: 'note-draft' }, heard.dictation));
    } else if (heard.command) showResult(heard.command, heard.finals.join(' '));
    else if (heard.error) showError(heard.error);
    else showError('No speech was recognised. Hold the talk button while you speak, close to the microphone.');
  } catch (e) {
    showError(e.message);
  } finally {
    stream = null;
    showPartial('');
    setState('idle');
  }
}

/** The dictation toggle: speech becomes a note on the open case, shown as it grows; stopping saves it. */
async function toggleDictation() {
  const button = $('dictate');
  if (dictation) {
    const { mic, voice } = dictation;
    button.setAttribute('aria-disabled', 'true');
    await mic.stop();
    await voice.finish();
    dictation = null;
    button.removeAttribute('aria-disabled');
    button.setAttribute('aria-pressed', 'false');
    $('dictate-label').textContent = 'Dictate';
    showPartial('');
    return;
  }
  if (state !== 'idle') return;
  const note = el('p', { class: 'note-draft' });
  try {
    dictation = await openVoice('dictation', {
      partial: (text) => showPartial(text),
      dictation: (text) => { note.textContent = text; showPartial(''); },
      note: (saved) => show(el('p', { class: `message ${saved.saved ? 'done' : 'rejected'}` }, saved.message),
        el('p', { class: 'note-draft' }, note.textContent)),
      error: (error) => showError(error.message),
    });
  } catch (e) {
    dictation = null;
    showError(e.message);
    return;
  }
  button.setAttribute('aria-pressed', 'true');
  $('dictate-label').textContent = 'Stop dictating';
  show(el('p', { class: 'message pending' }, openCase
    ? `Dictating a note on ${openCase.title}; press “Stop dictating” to save it.`
    : 'Dictating a note on the case opened last; press “Stop dictating” to save it.'), note);
}

function cancelTalking() {
  if (state === 'listening' || state === 'starting') {
    recorder?.release();
    recorder = null;
    stream?.close();
    stream = null;
    showPartial('');
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
  $('dictate').addEventListener('click', () => toggleDictation());
  setState('idle');
}
