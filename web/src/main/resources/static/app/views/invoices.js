// The invoices screen: per case, a draft from the unbilled time and expenses, its lines, then issue, mark paid or
// void, and the invoice as JSON, LEDES, Word or PDF.
import { api, query, session, ApiError } from '../api.js';
import { el, replace, section, dateEl, localDate, words, notice, submitting } from '../dom.js';
import { money, hours, caseOptions } from './time.js';

const FORMATS = [['json', 'JSON'], ['ledes', 'LEDES'], ['docx', 'Word'], ['pdf', 'PDF']];
const EXTENSIONS = { json: 'json', ledes: 'txt', docx: 'docx', pdf: 'pdf' };

/** Files need the bearer token, which a plain link cannot send: fetched, then handed over as a blob. */
async function downloadInvoice(invoice, format) {
  const current = session.get();
  const response = await fetch(`/api/v1/invoices/${encodeURIComponent(invoice.id)}${query({ format })}`,
    { headers: current ? { Authorization: `Bearer ${current.token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const a = el('a', { href: url, download: `${invoice.number}.${EXTENSIONS[format]}`, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function lineText(line, currency) {
  if (line.kind === 'fee') {
    return `${line.timekeeperName || line.timekeeperUsername} · ${line.description} · ${hours(line.units)} × `
      + `${money(line.unitCost, currency)}`;
  }
  if (line.kind === 'expense') {
    return `${line.description} · ${Number(line.units)} × ${money(line.unitCost, currency)}`;
  }
  return line.description;
}

function invoiceBody(invoice) {
  const lines = el('ol', { class: 'version-list invoice-lines' }, invoice.lines.map((l) => el('li', {},
    el('span', {}, dateEl(l.date), ` · ${lineText(l, invoice.currency)}`,
      Number(l.adjustment) < 0 && !['fee_discount', 'fee_tax', 'expense_tax'].includes(l.kind)
        ? ` · written down ${money(-Number(l.adjustment), invoice.currency)}` : ''),
    ' ', el('strong', {}, money(l.total, invoice.currency)))));
  const totals = el('dl', { class: 'facts' }, [
    ['Fees', money(invoice.feesTotal, invoice.currency)],
    ['Expenses', money(invoice.expensesTotal, invoice.currency)],
    Number(invoice.adjustmentsTotal) !== 0 ? ['Discount', money(invoice.adjustmentsTotal, invoice.currency)] : null,
    Number(invoice.taxTotal) !== 0 ? ['Tax', money(invoice.taxTotal, invoice.currency)] : null,
    ['Total due', money(invoice.total, invoice.currency)],
  ].filter(Boolean).map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
  return [lines, totals];
}

function invoiceItem(invoice, refresh) {
  const status = el('div', { class: 'form-status' });
  const fail = (e) => replace(status, notice(e.message));
  const change = (label, path, done, extra = {}) => el('button', {
    type: 'button', class: 'button small', ...extra,
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await api.post(`/invoices/${invoice.id}/${path}`, {});
        await refresh(`Invoice ${invoice.number} ${done}.`, invoice.id);
      } catch (e) {
        fail(e);
        button.disabled = false;
      }
    },
  }, label);
  const actions = [];
  if (invoice.status === 'draft') actions.push(change('Issue', 'issue', 'issued', { class: 'button small primary' }));
  if (invoice.status === 'issued') actions.push(change('Mark paid', 'pay', 'marked paid'));
  if (invoice.status === 'draft' || invoice.status === 'issued') {
    // voiding releases the time for billing again: asked twice so that a slip of the finger changes nothing
    const confirm = change('Yes, void it', 'void', 'voided');
    confirm.hidden = true;
    actions.push(el('button', {
      type: 'button', class: 'button small', 'aria-expanded': 'false',
      onclick: (event) => {
        const open = confirm.hidden;
        confirm.hidden = !open;
        event.currentTarget.setAttribute('aria-expanded', String(open));
        if (open) confirm.focus();
      },
    }, 'Void…'), confirm);
  }
  const downloads = FORMATS.map(([format, label]) => el('button', {
    type: 'button', class: 'button small', 'aria-label': `Download ${invoice.number} as ${label}`,
    dataset: { format },
    onclick: async (event) => {
      const button = event.currentTarget;
      button.setAttribute('aria-busy', 'true');
      try {
        await downloadInvoice(invoice, format);
      } catch (e) {
        fail(e);
      } finally {
        button.removeAttribute('aria-busy');
      }
    },
  }, label));
  // a list of invoices carries no lines: they are read when the invoice is opened
  const body = el('div', { class: 'invoice-body' }, el('p', { class: 'meta' }, 'Loading the lines…'));
  const details = el('details', {},
    el('summary', {}, `Lines, totals and files of ${invoice.number}`),
    body,
    el('div', { class: 'command-row', role: 'group', 'aria-label': `Download ${invoice.number}` }, downloads));
  details.addEventListener('toggle', async () => {
    if (!details.open || body.dataset.loaded) return;
    body.dataset.loaded = 'true';
    try {
      replace(body, invoiceBody(await api.get(`/invoices/${invoice.id}`)));
    } catch (e) {
      delete body.dataset.loaded;
      replace(body, notice(e.message));
    }
  });
  return el('li', { class: 'document invoice', dataset: { invoiceId: invoice.id, status: invoice.status } },
    el('div', { class: 'document-head' },
      el('span', { class: 'document-name' }, `${invoice.number} · ${words(invoice.status)}`),
      el('strong', { class: 'invoice-total' }, money(invoice.total, invoice.currency))),
    el('p', { class: 'meta' }, dateEl(invoice.periodFrom), ' to ', dateEl(invoice.periodTo), ' · dated ',
      dateEl(invoice.invoiceDate)),
    details,
    actions.length ? el('div', { class: 'command-row', role: 'group', 'aria-label': `Change ${invoice.number}` },
      actions) : null,
    status);
}

function createForm(caseSelect, refresh) {
  const status = el('div', { class: 'form-status', id: 'create-status' });
  const from = el('input', { id: 'invoice-from', name: 'from', type: 'date' });
  const to = el('input', { id: 'invoice-to', name: 'to', type: 'date', value: localDate(0) });
  const discount = el('input', { id: 'invoice-discount', name: 'discountPercent', type: 'text', inputmode: 'decimal',
    pattern: '[0-9]{1,3}([.][0-9]{1,2})?' });
  const button = el('button', { type: 'submit', class: 'button primary' }, 'Create draft');
  const form = el('form', { class: 'stack', id: 'invoice-form' },
    el('p', { class: 'hint' }, 'The draft takes every unbilled billable entry and expense of the case in the period.'),
    el('div', { class: 'field' }, el('label', { for: 'invoice-from' }, 'From',
      el('span', { class: 'optional' }, ' (optional: the oldest unbilled item)')), from),
    el('div', { class: 'field' }, el('label', { for: 'invoice-to' }, 'To'), to),
    el('div', { class: 'field' }, el('label', { for: 'invoice-discount' }, 'Discount in percent',
      el('span', { class: 'optional' }, ' (optional)')), discount),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!caseSelect.value) {
      replace(status, notice('Choose a case first.'));
      caseSelect.focus();
      return;
    }
    submitting(button, status, async () => {
      const invoice = await api.post('/invoices', {
        caseId: caseSelect.value, from: from.value || undefined, to: to.value || undefined,
        discountPercent: discount.value.trim() ? Number(discount.value) : undefined,
      });
      replace(status, notice(`Draft ${invoice.number} created: ${money(invoice.total, invoice.currency)}.`,
        'success'));
      await refresh(null, invoice.id);
    });
  });
  return form;
}

export async function invoicesView() {
  const cases = await api.get('/cases?size=200');
  const caseSelect = el('select', { id: 'invoice-case', name: 'caseId' }, caseOptions(cases, 'Choose a case'));
  const listStatus = el('div', { class: 'form-status', id: 'invoices-status' });
  const holder = el('div', { id: 'invoice-list' }, el('p', { class: 'empty' }, 'Choose a case to see its invoices.'));
  async function refresh(message, openId) {
    if (!caseSelect.value) {
      replace(holder, el('p', { class: 'empty' }, 'Choose a case to see its invoices.'));
      return;
    }
    try {
      const invoices = await api.get(`/invoices${query({ caseId: caseSelect.value })}`);
      replace(holder, invoices.length === 0 ? el('p', { class: 'empty' }, 'This case has no invoices yet.')
        : el('ul', { class: 'documents invoices' }, invoices.map((i) => invoiceItem(i, refresh))));
      if (openId) {
        const item = holder.querySelector(`[data-invoice-id="${CSS.escape(openId)}"]`);
        item?.querySelector('details')?.setAttribute('open', '');
        item?.querySelector('summary')?.focus();
      }
      replace(listStatus, message ? notice(message, 'success') : null);
    } catch (e) {
      replace(listStatus, notice(e.message));
    }
  }
  caseSelect.addEventListener('change', () => refresh());
  return el('div', { class: 'invoices-page' },
    el('h1', {}, 'Invoices'),
    el('p', { class: 'lede' }, 'Drafts are made from the unbilled time and expenses of a case; an issued invoice is'
      + ' final until it is voided, which releases its time for billing again.'),
    el('div', { class: 'field' }, el('label', { for: 'invoice-case' }, 'Case'), caseSelect),
    el('div', { class: 'columns' },
      section('case-invoices', 'Invoices of the case', listStatus, holder),
      section('new-invoice', 'New draft', createForm(caseSelect, refresh))));
}
