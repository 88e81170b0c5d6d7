// The exceptions page: a person opens an exceptionsReport JSON (or the engines' raw outputs, which
// go through the core's exceptionsReport via the ESM bundle) and sees every entry in the core's
// order, filterable by severity, owner, code and free text, with due times (absolute in UTC and
// relative to now, overdue highlighted) and money at risk. Ranking, owners, actions and money are
// the core's; this file only reads files, filters and sorts rows for display.
import { exceptionsReport } from './vendor-central-connector.esm.js';

const SEVERITY_ORDER = ['error', 'warning', 'info'];
/** [key, header]: the table's columns; every column sorts on a click (presentation only). */
const COLUMNS = [
  ['rank', '#'], ['severity', 'Severity'], ['dueAt', 'Due'], ['owner', 'Owner'], ['code', 'Code'],
  ['purchaseOrderNumber', 'PO'], ['itemSequenceNumber', 'Line'], ['sku', 'SKU'], ['moneyAtRisk', 'Money at risk'],
  ['message', 'What happened · what to do'],
];

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const isReport = (json) => json && typeof json === 'object' && !Array.isArray(json) && Array.isArray(json.entries) && json.summary && typeof json.summary === 'object';

/**
 * Turns opened documents into one report. `documents`: [{ name, json }]. An exceptionsReport
 * output is shown as it is; engine outputs (objects with `exceptions`, or arrays of exceptions)
 * and files of `transactions` are merged and reported by the core as of `now`.
 */
export function reportFrom(documents, { now } = {}) {
  const reports = [];
  const exceptions = [];
  const transactions = [];
  for (const { name, json } of documents) {
    if (isReport(json)) reports.push(name);
    else if (Array.isArray(json)) exceptions.push(...json);
    else if (json && typeof json === 'object' && (Array.isArray(json.exceptions) || Array.isArray(json.transactions))) {
      if (Array.isArray(json.exceptions)) exceptions.push(...json.exceptions);
      if (Array.isArray(json.transactions)) transactions.push(...json.transactions);
    } else {
      throw new Error(`${name}: neither an exceptionsReport output nor an engine output with "exceptions" (or a list of "transactions")`);
    }
  }
  if (reports.length) {
    if (reports.length > 1 || exceptions.length || transactions.length) {
      throw new Error(`${reports.join(', ')}: a finished report is shown on its own; open it alone, or open the engines' outputs instead`);
    }
    return { report: documents[0].json, computed: false };
  }
  const input = { exceptions, now: now ?? new Date().toISOString() };
  if (transactions.length) input.transactions = transactions;
  return { report: exceptionsReport(input), computed: true };
}

/** Exact comparison of two decimal strings ("-12.50", "3"), without floating point. */
export function compareDecimal(a, b) {
  const parse = (text) => {
    const negative = text.trim().startsWith('-');
    const [whole, fraction = ''] = text.trim().replace(/^[-+]/, '').split('.');
    return { negative, whole: whole.replace(/^0+(?=\d)/, ''), fraction };
  };
  const x = parse(a);
  const y = parse(b);
  const magnitude = () => {
    if (x.whole.length !== y.whole.length) return x.whole.length - y.whole.length;
    if (x.whole !== y.whole) return x.whole < y.whole ? -1 : 1;
    const width = Math.max(x.fraction.length, y.fraction.length);
    const fx = x.fraction.padEnd(width, '0');
    const fy = y.fraction.padEnd(width, '0');
    return fx === fy ? 0 : fx < fy ? -1 : 1;
  };
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  return x.negative ? -magnitude() : magnitude();
}

/** Sort key comparators; entries without the value go last whatever the direction. */
const COMPARE = {
  rank: (a, b) => a.rank - b.rank,
  severity: (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  dueAt: (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt),
  moneyAtRisk: (a, b) => compareDecimal(a.moneyAtRisk.amount, b.moneyAtRisk.amount) || a.moneyAtRisk.currencyCode.localeCompare(b.moneyAtRisk.currencyCode),
};
const present = (entry, key) => entry[key] !== undefined && entry[key] !== null && entry[key] !== '';

function sortEntries(entries, { key, direction }) {
  const compare = COMPARE[key] ?? ((a, b) => String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true }));
  return [...entries].sort((a, b) => {
    const pa = present(a, key);
    const pb = present(b, key);
    if (!pa || !pb) return pa === pb ? a.rank - b.rank : pa ? -1 : 1;
    return direction * compare(a, b) || a.rank - b.rank;
  });
}

/** "2026-11-22 10:00 UTC" */
function absolute(iso) {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
/** "in 3 hours", "2 days ago", relative to `nowMs`. */
export function relative(iso, nowMs) {
  const minutes = Math.round((Date.parse(iso) - nowMs) / 60000);
  const size = Math.abs(minutes);
  if (size < 60) return RELATIVE.format(minutes, 'minute');
  if (size < 48 * 60) return RELATIVE.format(Math.round(minutes / 60), 'hour');
  return RELATIVE.format(Math.round(minutes / 1440), 'day');
}

const money = (m) => (m ? `${m.amount} ${m.currencyCode}` : '');

/**
 * Mounts the page into `root`. options: `now` (ISO-8601: the moment engine outputs are reported
 * as of, and relative times count from; default the clock), `documents` (already-parsed
 * [{name, json}] to show at once). Returns `{ open(files), load(documents), state }`.
 */
export function mountExceptionsPage(root, options = {}) {
  const state = { report: null, computed: false, sort: { key: 'rank', direction: 1 }, filters: { severity: '', owner: '', code: '', text: '' } };
  const nowMs = () => (options.now ? Date.parse(options.now) : Date.now());

  const fileInput = element('input', { type: 'file', id: 'file-input', accept: '.json,application/json', multiple: '' });
  const dropZone = element('label', { id: 'drop-zone', class: 'xp-drop', for: 'file-input' }, [
    element('strong', { text: 'Open JSON files' }), document.createTextNode(' or drop them here'), fileInput]);
  const error = element('p', { id: 'load-error', class: 'xp-error', role: 'alert', hidden: '' });
  const select = (id, label) => element('label', { class: 'xp-filter' }, [document.createTextNode(label), element('select', { id })]);
  const filters = element('div', { class: 'xp-filters', hidden: '' }, [
    select('filter-severity', 'Severity'), select('filter-owner', 'Owner'), select('filter-code', 'Code'),
    element('label', { class: 'xp-filter xp-text' }, [document.createTextNode('Search'),
      element('input', { type: 'search', id: 'filter-text', placeholder: 'PO, SKU, words…', autocomplete: 'off' })]),
  ]);
  const summary = element('div', { id: 'summary', class: 'xp-summary', 'aria-live': 'polite' });
  const table = element('table', { id: 'entries', class: 'xp-table', hidden: '' });
  root.replaceChildren(dropZone, error, summary, filters, table);

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  /** Options of a filter: the values present in the report; a choice still present is kept. */
  function fillSelect(name, values, label) {
    const control = root.querySelector(`#filter-${name}`);
    control.replaceChildren(element('option', { value: '', text: `All ${label}` }), ...values.map((v) => element('option', { value: v, text: v })));
    control.value = values.includes(state.filters[name]) ? state.filters[name] : '';
    state.filters[name] = control.value;
  }

  function visibleEntries() {
    const { severity, owner, code, text } = state.filters;
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return state.report.entries.filter((e) => (!severity || e.severity === severity) && (!owner || e.owner === owner) && (!code || e.code === code)
      && words.every((w) => [e.code, e.message, e.action, e.purchaseOrderNumber, e.itemSequenceNumber, e.sku, e.transactionId, e.owner, e.source]
        .some((v) => v !== undefined && String(v).toLowerCase().includes(w))));
  }

  function renderSummary(shown) {
    const s = state.report.summary;
    const byOwner = Object.entries(s.byOwner ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || '—';
    const atRisk = (s.moneyAtRisk ?? []).map(money).join(', ') || '—';
    summary.replaceChildren(
      element('span', { 'data-total': String(s.total), text: `${s.total} exception(s), ${s.overdue} overdue` }),
      element('span', { text: `by owner: ${byOwner}` }),
      element('span', { id: 'money-at-risk', text: `money at risk: ${atRisk}` }),
      element('span', { id: 'showing', text: `showing ${shown} of ${state.report.entries.length}${state.computed ? ' (reported in this page)' : ''}` }),
    );
  }

  function renderTable() {
    const now = nowMs();
    const head = element('tr', {}, COLUMNS.map(([key, header]) => {
      const active = state.sort.key === key;
      return element('th', { scope: 'col', 'aria-sort': active ? (state.sort.direction > 0 ? 'ascending' : 'descending') : 'none' }, [
        element('button', { type: 'button', 'data-sort': key, text: `${header}${active ? (state.sort.direction > 0 ? ' ▲' : ' ▼') : ''}` })]);
    }));
    const shown = sortEntries(visibleEntries(), state.sort);
    const rows = shown.map((e) => {
      const overdue = Boolean(e.overdue) || (present(e, 'dueAt') && Date.parse(e.dueAt) < now);
      const due = present(e, 'dueAt')
        ? [element('time', { datetime: e.dueAt, text: absolute(e.dueAt) }), element('span', { class: 'xp-relative', text: relative(e.dueAt, now) })]
        : [element('span', { class: 'xp-none', text: '—' })];
      return element('tr', { 'data-rank': String(e.rank), 'data-code': e.code, 'data-owner': e.owner, 'data-severity': e.severity,
        'data-overdue': String(overdue), class: `xp-row-${e.severity}${overdue ? ' xp-overdue' : ''}` }, [
        element('td', { class: 'xp-num', text: String(e.rank) }),
        element('td', {}, [element('span', { class: `xp-badge xp-badge-${e.severity}`, text: e.severity })]),
        element('td', { class: 'xp-due' }, [...due, overdue ? element('span', { class: 'xp-overdue-label', text: 'overdue' }) : null]),
        element('td', { text: e.owner }),
        element('td', { class: 'xp-code', text: e.code }),
        element('td', { class: 'xp-key', text: e.purchaseOrderNumber ?? '' }),
        element('td', { class: 'xp-key', text: e.itemSequenceNumber ?? '' }),
        element('td', { class: 'xp-key', text: e.sku ?? '' }),
        element('td', { class: 'xp-num xp-money', text: money(e.moneyAtRisk) }),
        element('td', { class: 'xp-message' }, [element('div', { text: e.message }), e.action ? element('div', { class: 'xp-action', text: e.action }) : null]),
      ]);
    });
    table.replaceChildren(element('thead', {}, [head]), element('tbody', {}, rows.length ? rows
      : [element('tr', {}, [element('td', { colspan: String(COLUMNS.length), class: 'xp-none', text: 'No exception matches the filters.' })])]));
    renderSummary(shown.length);
  }

  function render() {
    if (!state.report) return;
    const entries = state.report.entries;
    const distinct = (key) => [...new Set(entries.map((e) => e[key]).filter((v) => v !== undefined))];
    fillSelect('severity', SEVERITY_ORDER.filter((s) => entries.some((e) => e.severity === s)), 'severities');
    fillSelect('owner', distinct('owner').sort(), 'owners');
    fillSelect('code', distinct('code').sort(), 'codes');
    filters.hidden = false;
    table.hidden = false;
    renderTable();
  }

  /** Shows parsed documents ([{name, json}]); a problem is shown on the page and thrown. */
  function load(documents) {
    try {
      const { report, computed } = reportFrom(documents, { now: options.now });
      Object.assign(state, { report, computed });
      showError('');
      render();
      return report;
    } catch (e) {
      // The core's refusal names the field (code and JSON pointer into the merged input).
      showError(e.code ? `${e.code}${e.path ? ` at ${e.path}` : ''}: ${e.message}` : e.message);
      throw e;
    }
  }

  /** Reads File objects (picker or drop) and shows them. */
  async function open(files) {
    const documents = [];
    for (const file of files) {
      const text = await file.text();
      try {
        documents.push({ name: file.name, json: JSON.parse(text) });
      } catch (e) {
        showError(`${file.name}: not valid JSON (${e.message})`);
        return null;
      }
    }
    if (!documents.length) return null;
    try {
      return load(documents);
    } catch {
      return null;
    }
  }

  fileInput.addEventListener('change', () => { open([...fileInput.files]); });
  for (const type of ['dragenter', 'dragover']) {
    root.addEventListener(type, (event) => { event.preventDefault(); dropZone.classList.add('xp-dragging'); });
  }
  root.addEventListener('dragleave', () => dropZone.classList.remove('xp-dragging'));
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('xp-dragging');
    open([...(event.dataTransfer?.files ?? [])]);
  });
  filters.addEventListener('input', (event) => {
    const id = event.target.id;
    if (!id?.startsWith('filter-')) return;
    state.filters[id.slice('filter-'.length)] = event.target.value;
    renderTable();
  });
  table.addEventListener('click', (event) => {
    const key = event.target.closest('button[data-sort]')?.dataset.sort;
    if (!key) return;
    state.sort = state.sort.key === key ? { key, direction: -state.sort.direction } : { key, direction: key === 'moneyAtRisk' ? -1 : 1 };
    renderTable();
  });

  if (options.documents) load(options.documents);
  return { open, load, state };
}
