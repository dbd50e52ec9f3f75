// A case's secure messages between the client and the firm, shown the same way on both sides: the conversation,
// oldest first, and a send box. Each side passes its own API path and says which messages are its own.
import { api } from '../api.js';
import { el, replace, instantEl, notice, submitting } from '../dom.js';

export const MAX_MESSAGE = 5000;

function messageList(messages, { ownSide, otherLabel }) {
  if (messages.length === 0) return el('p', { class: 'empty' }, 'No messages yet.');
  return el('ol', { class: 'conversation', 'aria-label': 'Messages, oldest first' }, messages.map((m) => {
    const own = m.from === ownSide;
    const who = own ? `You${m.authorName && ownSide === 'firm' ? ` (${m.authorName})` : ''}`
      : `${m.authorName || otherLabel}${ownSide === 'client' ? ' · the firm' : ' · client'}`;
    return el('li', { class: `chat ${own ? 'own' : 'theirs'}`, dataset: { from: m.from } },
      el('p', { class: 'meta' }, el('strong', {}, who), ' · ', instantEl(m.sentAt)),
      el('p', { class: 'chat-text' }, m.text));
  }));
}

/**
 * The conversation and a send box. path is the API path of the messages (GET lists and marks read, POST sends);
 * ownSide is 'client' or 'firm'.
 */
export function conversation(messages, { path, ownSide, otherLabel, inputLabel, sendLabel, idPrefix }) {
  const list = el('div', { class: 'conversation-holder' }, messageList(messages, { ownSide, otherLabel }));
  const status = el('div', { class: 'form-status' });
  const inputId = `${idPrefix}-text`;
  const text = el('textarea', {
    id: inputId, name: 'text', rows: 3, maxlength: MAX_MESSAGE, required: true,
    'aria-describedby': `${idPrefix}-hint`,
  });
  const button = el('button', { type: 'submit', class: 'button primary' }, sendLabel);
  const form = el('form', { class: 'stack message-form', id: `${idPrefix}-form` },
    el('div', { class: 'field' }, el('label', { for: inputId }, inputLabel), text,
      el('p', { class: 'hint', id: `${idPrefix}-hint` }, `Up to ${MAX_MESSAGE.toLocaleString('en-US')} characters. Messages are kept with the case.`)),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      replace(status, notice('Write a message first.'));
      text.focus();
      return;
    }
    submitting(button, status, async () => {
      await api.post(path, { text: text.value });
      text.value = '';
      replace(list, messageList(await api.get(path), { ownSide, otherLabel }));
      return 'Message sent.';
    });
  });
  return el('div', { class: 'messages-panel' }, list, form);
}
