// The time screen: my timer (start, pause, resume, stop), logging time by hand, and my entries today or this week
// with their hours and what they are worth.
import { api, query } from '../api.js';
import { el, replace, section, dateEl, localDate, notice, submitting } from '../dom.js';

const MONEY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** An amount in the invoice's currency, as the invoices write it. */
export function money(amount, currency = 'USD') {
  const n = Number(amount);
  if (currency === 'USD') return MONEY.format(n);
  return `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** 0.3 → "0.3 h", 1 → "1.0 h". */
export function hours(value) {
  const n = Number(value);
  return `${Number.isInteger(n) ? n.toFixed(1) : String(n)} h`;
}

function minutesText(n) {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function field(id, label, control, hint) {
  return el('div', { class: 'field' }, el('label', { for: id }, label,
    hint ? el('span', { class: 'optional' }, ` ${hint}`) : null), control);
}

export function caseOptions(cases, first) {
  return [first ? el('option', { value: '' }, first) : null,
    cases.map((c) => el('option', { value: c.id }, `${c.title} (${c.number})`))];
}

/** Monday of this week and today's week's Sunday, in the browser's calendar. */
function thisWeek() {
  const dow = new Date().getDay(); // 0 Sunday
  const back = (dow + 6) % 7;
  return { from: localDate(-back), to: localDate(6 - back) };
}

export function timerPanel(cases, onRecorded) {
  const state = el('p', { id: 'timer-state', class: 'timer-state' });
  const status = el('div', { class: 'form-status', id: 'timer-status' });
  const caseSelect = el('select', { id: 'timer-case', name: 'caseId' },
    caseOptions(cases, 'No case yet (name it when you stop)'));
  const buttons = el('div', { class: 'command-row', role: 'group', 'aria-label': 'Timer controls' });
  let timer = null;
  let shownAt = 0;
  let ticker = null;

  const title = (id) => cases.find((c) => c.id === id)?.title;
  const render = () => {
    const elapsed = timer ? timer.elapsedSeconds + (timer.state === 'running' ? (Date.now() - shownAt) / 1000 : 0) : 0;
    replace(state, timer
      ? [el('strong', {}, timer.state === 'running' ? 'Running' : 'Paused'),
        ` ${title(timer.caseId) ? `on ${title(timer.caseId)} ` : ''}· `, el('span', { class: 'elapsed' }, clock(elapsed))]
      : 'No timer is running.');
  };
  const act = (label, action) => el('button', {
    type: 'button', class: 'button', id: `timer-${label.toLowerCase()}`,
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await action();
        await load();
      } catch (e) {
        replace(status, notice(e.message));
        button.disabled = false;
      }
    },
  }, label);
  const controls = () => {
    if (!timer) {
      return [act('Start', async () => {
        await api.post('/timers/start', { caseId: caseSelect.value || undefined });
        replace(status, notice('Timer started.', 'success'));
      })];
    }
    const stop = act('Stop', async () => {
      const entry = await api.post('/timers/stop', timer.caseId ? {} : { caseId: caseSelect.value || undefined });
      replace(status, notice(`Timer stopped: ${minutesText(entry.minutes)} (${hours(entry.billedHours)}) recorded.`,
        'success'));
      await onRecorded();
    });
    return timer.state === 'running'
      ? [act('Pause', async () => {
        await api.post('/timers/pause', {});
        replace(status, notice('Timer paused.', 'success'));
      }), stop]
      : [act('Resume', async () => {
        await api.post('/timers/resume', {});
        replace(status, notice('Timer resumed.', 'success'));
      }), stop];
  };
  async function load() {
    timer = await api.get('/timers/current'); // null when there is none (204)
    shownAt = Date.now();
    render();
    replace(buttons, controls());
    clearInterval(ticker);
    if (timer?.state === 'running') {
      ticker = setInterval(() => {
        if (!state.isConnected) clearInterval(ticker); else render();
      }, 1000);
    }
  }
  const panel = section('timer', 'My timer', state,
    field('timer-case', 'Case', caseSelect, '(for a new timer, or one started without a case)'),
    buttons, status);
  return { panel, load };
}

function logForm(cases, onLogged) {
  const status = el('div', { class: 'form-status' });
  const caseSelect = el('select', { id: 'log-case', name: 'caseId', required: true },
    caseOptions(cases, 'Choose a case'));
  const date = el('input', { id: 'log-date', name: 'date', type: 'date', required: true, value: localDate(0),
    max: localDate(0) });
  const minutes = el('input', { id: 'log-minutes', name: 'minutes', type: 'text', inputmode: 'numeric',
    required: true, pattern: '[0-9]{1,4}', 'aria-describedby': 'log-minutes-hint' });
  const description = el('input', { id: 'log-description', name: 'description', type: 'text', required: true,
    placeholder: 'e.g. Drafted motion to compel' });
  const billable = el('input', { id: 'log-billable', name: 'billable', type: 'checkbox', checked: true });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Log time');
  const form = el('form', { class: 'stack', id: 'log-form' },
    field('log-case', 'Case', caseSelect),
    field('log-date', 'Date', date),
    el('div', { class: 'field' }, el('label', { for: 'log-minutes' }, 'Minutes worked'), minutes,
      el('p', { class: 'hint', id: 'log-minutes-hint' }, 'Billed in tenths of an hour, rounded up.')),
    field('log-description', 'What was done', description),
    el('div', { class: 'field' }, el('label', { for: 'log-billable' }, billable, ' Billable')),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(button, status, async () => {
      const entry = await api.post('/time-entries', {
        caseId: caseSelect.value, date: date.value, minutes: Number(minutes.value),
        description: description.value.trim(), billable: billable.checked,
      });
      minutes.value = '';
      description.value = '';
      replace(status, notice(`Logged ${minutesText(entry.minutes)} (${hours(entry.billedHours)} billed).`, 'success'));
      await onLogged();
    });
  });
  return form;
}

function entriesPanel(cases) {
  const holder = el('div', { id: 'my-entries-list', 'aria-live': 'polite' });
  const summary = el('p', { id: 'my-time-summary', class: 'lede' });
  let period = 'today';
  const choose = (which) => el('button', {
    type: 'button', class: 'button small', id: `period-${which}`, 'aria-pressed': String(which === period),
    onclick: async () => {
      period = which;
      for (const b of switcher.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.id === `period-${which}`));
      await load();
    },
  }, which === 'today' ? 'Today' : 'This week');
  const switcher = el('div', { class: 'command-row', role: 'group', 'aria-label': 'Period' },
    choose('today'), choose('week'));
  const title = (id) => cases.find((c) => c.id === id);
  async function load() {
    const range = period === 'today' ? { from: localDate(0), to: localDate(0) } : thisWeek();
    try {
      const s = await api.get(`/time-entries/summary${query(range)}`);
      const entries = await api.get(`/time-entries${query({ userId: s.userId, ...range })}`);
      replace(summary, `${hours(s.billedHours)} in ${s.entries} ${s.entries === 1 ? 'entry' : 'entries'}: `
        + `${hours(s.billableHours)} billable, ${money(s.billableAmount, s.currency)} at the current rates`
        + (s.unpricedEntries ? ` (${s.unpricedEntries} without an hourly rate)` : '') + '.');
      replace(holder, entries.length === 0 ? el('p', { class: 'empty' }, 'No time recorded in this period.')
        : el('ul', { class: 'parties time-entries' }, entries.map((e) => el('li', { dataset: { entryId: e.id } },
          el('span', { class: 'party-name' }, e.description),
          el('span', { class: 'meta' }, dateEl(e.date), ` · ${title(e.caseId)?.title || 'a case'} · ${e.minutes} min`
            + ` · ${hours(e.billedHours)}${e.billable ? '' : ' · not billable'}${e.billed ? ' · billed' : ''}`)))));
    } catch (e) {
      replace(holder, notice(e.message));
    }
  }
  return { panel: section('my-time', 'My time', switcher, summary, holder), load };
}

export async function timeView() {
  const cases = await api.get('/cases?size=200&status=open');
  const entries = entriesPanel(cases);
  const timer = timerPanel(cases, entries.load);
  await Promise.all([timer.load(), entries.load()]);
  return el('div', { class: 'time-page' },
    el('h1', {}, 'Time'),
    el('p', { class: 'lede' }, 'Your timer and your time. Say “pause the timer” or “how much time did I bill today”'
      + ' to the assistant as well.'),
    el('div', { class: 'columns' },
      el('div', {}, timer.panel, section('log', 'Log time', logForm(cases, entries.load))),
      entries.panel));
}
