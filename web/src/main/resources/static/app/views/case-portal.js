// The firm's side of the client portal on a case page: milestones (with whether the client sees each) and the
// secure messages with the client, as two tabs. Messages load when their tab is first opened, because reading them
// marks the client's messages read for the firm.
import { api } from '../api.js';
import { el, replace, dateEl, notice, localDate, submitting } from '../dom.js';
import { conversation } from './conversation.js';

function field(id, label, control, hint) {
  return el('div', { class: 'field' }, el('label', { for: id }, label,
    hint ? el('span', { class: 'optional' }, ` ${hint}`) : null), control);
}

function milestoneItems(caseId, milestones, onChanged, status) {
  if (milestones.length === 0) return el('p', { class: 'empty' }, 'No milestones yet.');
  return el('ol', { class: 'milestones' }, milestones.map((m) => {
    const toggleId = `milestone-visible-${m.id}`;
    const toggle = el('input', { type: 'checkbox', id: toggleId, class: 'visible-toggle', checked: m.clientVisible });
    toggle.addEventListener('change', async () => {
      toggle.disabled = true;
      try {
        await api.patch(`/cases/${caseId}/milestones/${m.id}`, { clientVisible: toggle.checked });
        replace(status, notice(toggle.checked ? `${m.title} is now visible to the client, who is notified.`
          : `${m.title} is now for the firm only.`, 'success'));
        await onChanged();
      } catch (e) {
        toggle.checked = !toggle.checked;
        replace(status, notice(e.message));
      } finally {
        toggle.disabled = false;
      }
    });
    return el('li', { class: 'milestone', dataset: { milestoneId: m.id } },
      el('span', { class: 'due' }, dateEl(m.date)),
      el('span', { class: 'what' }, el('strong', {}, m.title),
        m.description ? el('span', { class: 'meta' }, m.description) : null,
        el('label', { for: toggleId, class: 'toggle' }, toggle, ' Client can see this',
          el('span', { class: 'visually-hidden' }, ` (${m.title})`))));
  }));
}

function milestoneForm(caseId, onAdded) {
  const status = el('div', { class: 'form-status' });
  const title = el('input', { id: 'milestone-title', name: 'title', type: 'text', required: true, maxlength: 200 });
  const date = el('input', { id: 'milestone-date', name: 'date', type: 'date', required: true, value: localDate(0) });
  const description = el('input', { id: 'milestone-description', name: 'description', type: 'text', maxlength: 2000 });
  const visible = el('input', { id: 'milestone-visible', name: 'clientVisible', type: 'checkbox' });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Add milestone');
  const form = el('form', { class: 'stack', id: 'milestone-form' },
    field('milestone-title', 'Milestone', title),
    field('milestone-date', 'Date', date),
    field('milestone-description', 'Description', description, '(optional)'),
    el('div', { class: 'field' }, el('label', { for: 'milestone-visible', class: 'toggle' }, visible,
      ' The client can see this (and is notified)')),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const m = await api.post(`/cases/${caseId}/milestones`, {
        title: title.value, date: date.value, description: description.value || null, clientVisible: visible.checked,
      });
      form.reset();
      date.value = localDate(0);
      await onAdded();
      return `Added ${m.title}${m.clientVisible ? ', visible to the client' : ', for the firm only'}.`;
    });
  });
  return form;
}

/** Tabs as the ARIA pattern has them: arrow keys, Home and End move between tabs; only the chosen one is in the tab order. */
function tabs(items) {
  const list = el('div', { role: 'tablist', 'aria-label': 'Client portal', class: 'tabs' });
  const panels = [];
  const buttons = items.map((item, i) => {
    const button = el('button', {
      type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `tabpanel-${item.id}`,
      'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? '0' : '-1', class: 'tab',
    }, item.label);
    const panel = el('div', {
      role: 'tabpanel', id: `tabpanel-${item.id}`, 'aria-labelledby': `tab-${item.id}`, tabindex: '0',
      class: 'tabpanel', hidden: i !== 0,
    }, item.content);
    panels.push(panel);
    return button;
  });
  const select = (index, focus) => {
    buttons.forEach((b, i) => {
      const on = i === index;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.setAttribute('tabindex', on ? '0' : '-1');
      panels[i].hidden = !on;
    });
    if (focus) buttons[index].focus();
    items[index].onShow?.();
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i, false));
    b.addEventListener('keydown', (event) => {
      const last = buttons.length - 1;
      const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(next, true);
    });
  });
  list.append(...buttons);
  return el('div', { class: 'tabset' }, list, panels);
}

/** The "Client portal" panel of a firm case page. */
export function clientPortalPanel(caseId, milestones) {
  const status = el('div', { class: 'form-status' });
  const holder = el('div', {});
  const refresh = async () => {
    replace(holder, milestoneItems(caseId, await api.get(`/cases/${caseId}/milestones`), refresh, status));
  };
  replace(holder, milestoneItems(caseId, milestones, refresh, status));

  const messages = el('div', { class: 'messages-holder' }, el('p', { class: 'meta' }, 'Loading messages…'));
  let loaded = false;
  const loadMessages = async () => {
    if (loaded) return;
    loaded = true;
    try {
      const path = `/cases/${caseId}/messages`;
      replace(messages, conversation(await api.get(path), {
        path, ownSide: 'firm', otherLabel: 'The client', idPrefix: 'firm-message',
        inputLabel: 'Message to the client', sendLabel: 'Send to the client',
      }));
    } catch (e) {
      loaded = false;
      replace(messages, notice(e.message));
    }
  };
  return tabs([
    { id: 'milestones', label: 'Milestones', content: [holder, status, milestoneForm(caseId, refresh)] },
    { id: 'messages', label: 'Messages', content: messages, onShow: loadMessages },
  ]);
}
