// The exceptions page: a person opens an exceptionsReport JSON (or the engines' raw outputs, which
// the core reports) and sees every entry in the core's order, filterable by severity, owner, code
// and free text, sortable by any column, with due times (absolute in UTC and relative to now,
// overdue highlighted) and money at risk. Ranking, owners, actions and money are the core's.
//
// Three layers, each replaceable: the data (exceptions-worker.mjs: files read, the core's check
// or report, the filter and sort index of exceptions-index.mjs, all off the page's thread), the
// view (which entries, in which order: an array of indices from the worker; how one looks:
// exceptions-cells.mjs) and the virtual table (virtual-table.mjs: only the rows in view are in
// the page). Budgets for a report of 100,000 entries (`bash js/tasks/bench.sh`): loaded, every
// filter and sort prepared, in 3 s; each filter or sort in 100 ms.
//
// The page's state is on the root element for hosts and tests: `data-state` is `empty`,
// `loading`, `shown` (rows on screen), `ready` (every filter and sort prepared) or `refused`;
// the grid's `aria-busy` is true while a new view is on its way.
import { COLUMNS, element, entryRow, headerCells, money, updateHeader } from './exceptions-cells.mjs';
import { SEVERITY_ORDER } from './exceptions-index.mjs';
import { createVirtualTable } from './virtual-table.mjs';
import { mountChargebackView } from './chargeback-view.mjs';

export { compareDecimal } from './exceptions-index.mjs';
export { relative } from './exceptions-cells.mjs';

const DEFAULT_SORT = { key: 'rank', direction: 1 };

/**
 * Mounts the page into `root`. options: `now` (ISO-8601: the moment engine outputs are reported
 * as of, and relative times count from; default the clock), `documents` (already-parsed
 * [{name, json}] to show at once). Returns `{ open(files), load(documents), state }`: both
 * resolve to the report shown (`open` to null when refused, `load` rejects with the refusal).
 */
export function mountExceptionsPage(root, options = {}) {
  const state = {
    report: null,
    computed: false,
    order: null,
    sort: { ...DEFAULT_SORT },
    filters: { severity: '', owner: '', code: '', text: '' },
  };
  const nowMs = () => (options.now ? Date.parse(options.now) : Date.now());
  let loadId = 0;
  let viewId = 0;
  /** The caller's promise of the load in flight: { resolve, reject }. */
  let pending = null;
  const settle = (outcome, value) => {
    const waiting = pending;
    pending = null;
    waiting?.[outcome](value);
  };

  const fileInput = element('input', { type: 'file', id: 'file-input', accept: '.json,application/json', multiple: '' });
  const dropZone = element('label', { id: 'drop-zone', class: 'xp-drop', for: 'file-input' }, [
    element('strong', { text: 'Open JSON files' }),
    document.createTextNode(' or drop them here'),
    fileInput,
  ]);
  const error = element('p', { id: 'load-error', class: 'xp-error', role: 'alert', hidden: '' });
  const select = (id, label) => element('label', { class: 'xp-filter' }, [document.createTextNode(label), element('select', { id })]);
  const filters = element('div', { class: 'xp-filters', hidden: '' }, [
    select('filter-severity', 'Severity'),
    select('filter-owner', 'Owner'),
    select('filter-code', 'Code'),
    element('label', { class: 'xp-filter xp-text' }, [
      document.createTextNode('Search'),
      element('input', { type: 'search', id: 'filter-text', placeholder: 'PO, SKU, words…', autocomplete: 'off' }),
    ]),
  ]);
  const summary = element('div', { id: 'summary', class: 'xp-summary', 'aria-live': 'polite' });
  const grid = createVirtualTable({
    id: 'entries',
    label: 'Exceptions',
    columns: COLUMNS.map(([, , name]) => name),
    renderRow: (i) => entryRow(state.report.entries[state.order ? state.order[i] : i], nowMs()),
  });
  grid.table.classList.add('xp-table');
  // Built once and updated in place, so a sort button keeps the keyboard focus after a sort.
  const header = headerCells(state.sort);
  grid.setHeader(header);
  grid.table.setAttribute('aria-busy', 'false');
  const empty = element('p', { id: 'no-match', class: 'xp-none', hidden: '', text: 'No exception matches the filters.' });
  const tableArea = element('div', { class: 'xp-table-area', hidden: '' }, [grid.element, empty]);
  // The chargebacks the entries lead to (the core's forecast), with charts and the list behind
  // each bar; `state.exposure` and `state.chargebackView` for hosts and tests.
  const chargebacks = element('section', { id: 'chargebacks', class: 'cb-section', hidden: '', 'aria-label': 'Chargebacks and scorecard' });
  root.replaceChildren(dropZone, error, summary, filters, tableArea, chargebacks);
  root.dataset.state = 'empty';

  const worker = new Worker(new URL('./exceptions-worker.mjs', import.meta.url), { type: 'module' });

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  /** A refused file leaves nothing of the report before it on the page. */
  function clear() {
    Object.assign(state, { report: null, computed: false, order: null, exposure: null, chargebackView: null });
    summary.replaceChildren();
    chargebacks.hidden = true;
    chargebacks.replaceChildren();
    filters.hidden = true;
    tableArea.hidden = true;
    grid.setCount(0);
  }

  /** Options of a filter: the values present in the report; a choice still present is kept. */
  function fillSelect(name, values, label) {
    const control = root.querySelector(`#filter-${name}`);
    control.replaceChildren(
      element('option', { value: '', text: `All ${label}` }),
      ...values.map((v) => element('option', { value: v, text: v })),
    );
    control.value = values.includes(state.filters[name]) ? state.filters[name] : '';
    state.filters[name] = control.value;
  }

  function renderSummary(shown) {
    const s = state.report.summary;
    const byOwner =
      Object.entries(s.byOwner ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '—';
    const atRisk = (s.moneyAtRisk ?? []).map(money).join(', ') || '—';
    summary.replaceChildren(
      element('span', { 'data-total': String(s.total), text: `${s.total} exception(s), ${s.overdue} overdue` }),
      element('span', { text: `by owner: ${byOwner}` }),
      element('span', { id: 'money-at-risk', text: `money at risk: ${atRisk}` }),
      element('span', {
        id: 'showing',
        text: `showing ${shown} of ${state.report.entries.length}${state.computed ? ' (reported in this page)' : ''}`,
      }),
    );
  }

  /** Shows `order` (entry indices; null = every entry in the core's order). */
  function applyView(order) {
    state.order = order;
    const count = order ? order.length : state.report.entries.length;
    updateHeader(header, state.sort);
    grid.setCount(count);
    empty.hidden = count > 0;
    grid.table.setAttribute('aria-busy', 'false');
    renderSummary(count);
    root.dispatchEvent(new CustomEvent('exceptions-view', { detail: { shown: count } }));
  }

  const isDefaultView = () =>
    state.sort.key === DEFAULT_SORT.key &&
    state.sort.direction === DEFAULT_SORT.direction &&
    !state.filters.severity &&
    !state.filters.owner &&
    !state.filters.code &&
    !state.filters.text.trim();

  // View requests: the changes of one task are settled together (a microtask), and at most one
  // request is with the worker; changes made meanwhile are asked for when it answers, so quick
  // typing never queues up work whose answer would be thrown away.
  let scheduled = false;
  let inFlight = false;
  let wanted = false;

  function sendView() {
    inFlight = true;
    wanted = false;
    worker.postMessage({ type: 'view', id: viewId, load: loadId, filters: { ...state.filters }, sort: { ...state.sort } });
  }

  function settleView() {
    scheduled = false;
    if (!state.report) return;
    viewId += 1;
    if (isDefaultView()) applyView(null);
    else if (inFlight) wanted = true;
    else sendView();
  }

  /** Asks for the entries the filters keep, in the chosen order. */
  function requestView() {
    if (!state.report) return;
    grid.table.setAttribute('aria-busy', 'true');
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(settleView);
    }
  }

  function viewAnswered({ id, order }) {
    inFlight = false;
    if (id === viewId && order) applyView(order);
    else if (wanted) sendView();
  }

  function shown(report, computed) {
    Object.assign(state, { report, computed });
    const entries = report.entries;
    const distinct = (key) => [...new Set(entries.map((e) => e[key]).filter((v) => v !== undefined))].sort();
    const severities = new Set(entries.map((e) => e.severity));
    fillSelect(
      'severity',
      SEVERITY_ORDER.filter((s) => severities.has(s)),
      'severities',
    );
    fillSelect('owner', distinct('owner'), 'owners');
    fillSelect('code', distinct('code'), 'codes');
    filters.hidden = false;
    tableArea.hidden = false;
    showError('');
    root.dataset.state = 'shown';
    requestView();
  }

  worker.addEventListener('message', ({ data }) => {
    if (data.type === 'view') {
      viewAnswered(data);
      return;
    }
    if (data.id !== loadId) return;
    if (data.type === 'exposure') {
      state.exposure = data.text ? JSON.parse(data.text) : null;
      chargebacks.hidden = !state.exposure;
      state.chargebackView = state.exposure ? mountChargebackView(chargebacks, { exposure: state.exposure }) : null;
      root.dispatchEvent(new CustomEvent('chargebacks-shown'));
      return;
    }
    if (data.type === 'loaded') {
      const report = JSON.parse(data.text);
      shown(report, data.computed);
      settle('resolve', report);
    } else if (data.type === 'refused') {
      clear();
      showError(data.message);
      root.dataset.state = 'refused';
      const refusal = Object.assign(new Error(data.message), { code: data.code, path: data.path, file: data.file });
      settle('reject', refusal);
    } else if (data.type === 'prepared') {
      root.dataset.state = 'ready';
      root.dispatchEvent(new CustomEvent('exceptions-ready'));
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    clear();
    showError(`The page could not start its worker (${event.message || 'exceptions-worker.mjs failed to load'}); reload the page.`);
    root.dataset.state = 'refused';
    settle('reject', new Error('the worker failed'));
  });

  /** Hands files or parsed documents to the worker; resolves to the report shown. */
  function start(message) {
    loadId += 1;
    viewId += 1; // an answer for the report shown so far is not applied to the next

    settle('reject', Object.assign(new Error('superseded by files opened later'), { superseded: true }));
    root.dataset.state = 'loading';
    const promise = new Promise((resolve, reject) => {
      pending = { resolve, reject };
    });
    worker.postMessage({ ...message, type: 'load', id: loadId, now: options.now });
    return promise;
  }

  /** Shows parsed documents ([{name, json}]); rejects with the refusal (also shown on the page). */
  const load = (documents) => start({ documents });

  /** Reads File objects (picker or drop) and shows them; resolves to null when refused. */
  async function open(files) {
    const list = [...files];
    if (!list.length) return null;
    try {
      return await start({ files: list });
    } catch {
      return null;
    }
  }

  fileInput.addEventListener('change', () => {
    open(fileInput.files);
    fileInput.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    root.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add('xp-dragging');
    });
  }
  root.addEventListener('dragleave', () => dropZone.classList.remove('xp-dragging'));
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('xp-dragging');
    open(event.dataTransfer?.files ?? []);
  });
  filters.addEventListener('input', (event) => {
    const id = event.target.id;
    if (!id?.startsWith('filter-')) return;
    state.filters[id.slice('filter-'.length)] = event.target.value;
    requestView();
  });
  grid.table.addEventListener('click', (event) => {
    const key = event.target.closest('button[data-sort]')?.dataset.sort;
    if (!key) return;
    state.sort = state.sort.key === key ? { key, direction: -state.sort.direction } : { key, direction: key === 'moneyAtRisk' ? -1 : 1 };
    requestView();
  });

  if (options.documents) load(options.documents).catch(() => {});
  return { open, load, state };
}
