// How the exceptions page shows one entry: its row of cells (due time absolute in UTC and
// relative to now, overdue highlighted, money with its currency, the message and the owner's
// action) and the column headers with their sort state. Presentation only.

/** [key, header, column class]: the table's columns; every column sorts on a click. */
export const COLUMNS = [
  ['rank', '#', 'xp-col-rank'],
  ['severity', 'Severity', 'xp-col-severity'],
  ['dueAt', 'Due', 'xp-col-due'],
  ['owner', 'Owner', 'xp-col-owner'],
  ['code', 'Code', 'xp-col-code'],
  ['purchaseOrderNumber', 'PO', 'xp-col-po'],
  ['itemSequenceNumber', 'Line', 'xp-col-line'],
  ['sku', 'SKU', 'xp-col-sku'],
  ['moneyAtRisk', 'Money at risk', 'xp-col-money'],
  ['message', 'What happened · what to do', 'xp-col-message'],
];

export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const present = (value) => value !== undefined && value !== null && value !== '';

/** "2026-11-22 10:00 UTC" (the core's due times are valid instants; anything else is shown as is). */
export function absolute(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
/** "in 3 hours", "2 days ago", relative to `nowMs`. */
export function relative(iso, nowMs) {
  const minutes = Math.round((Date.parse(iso) - nowMs) / 60000);
  if (!Number.isFinite(minutes)) return '';
  const size = Math.abs(minutes);
  if (size < 60) return RELATIVE.format(minutes, 'minute');
  if (size < 48 * 60) return RELATIVE.format(Math.round(minutes / 60), 'hour');
  return RELATIVE.format(Math.round(minutes / 1440), 'day');
}

export const money = (m) => (m ? `${m.amount} ${m.currencyCode}` : '');

/** Cell content in a box of fixed height (the table's rows all have one height). */
const cell = (attributes, children) => element('td', attributes, [element('div', { class: 'xp-cell' }, children)]);
const text = (value) => document.createTextNode(value ?? '');

/** The row of one entry; `nowMs`: the moment relative times count from. */
export function entryRow(e, nowMs) {
  const due = present(e.dueAt);
  const overdue = Boolean(e.overdue) || (due && Date.parse(e.dueAt) < nowMs);
  return element(
    'tr',
    {
      'data-rank': String(e.rank),
      'data-code': e.code,
      'data-owner': e.owner,
      'data-severity': e.severity,
      'data-overdue': String(overdue),
      class: `xp-row-${e.severity}${overdue ? ' xp-overdue' : ''}`,
    },
    [
      cell({ class: 'xp-num' }, [text(String(e.rank))]),
      cell({}, [element('span', { class: `xp-badge xp-badge-${e.severity}`, text: e.severity })]),
      cell(
        { class: 'xp-due' },
        due
          ? [
              element('time', { datetime: e.dueAt, text: absolute(e.dueAt) }),
              element('span', { class: 'xp-relative', text: relative(e.dueAt, nowMs) }),
              overdue ? element('span', { class: 'xp-overdue-label', text: 'overdue' }) : null,
            ]
          : [element('span', { class: 'xp-none', text: '—' })],
      ),
      cell({}, [text(e.owner)]),
      cell({ class: 'xp-code' }, [text(e.code)]),
      cell({ class: 'xp-key' }, [text(e.purchaseOrderNumber)]),
      cell({ class: 'xp-key' }, [text(e.itemSequenceNumber)]),
      cell({ class: 'xp-key' }, [text(e.sku)]),
      cell({ class: 'xp-num xp-money' }, [text(money(e.moneyAtRisk))]),
      cell({ class: 'xp-message', title: e.action ? `${e.message}\n${e.action}` : e.message }, [
        element('div', { class: 'xp-what', text: e.message }),
        e.action ? element('div', { class: 'xp-action', text: e.action }) : null,
      ]),
    ],
  );
}

/** The header cells: a sort button each (see updateHeader). */
export function headerCells(sort) {
  const cells = COLUMNS.map(([key]) => element('th', { scope: 'col' }, [element('button', { type: 'button', 'data-sort': key })]));
  updateHeader(cells, sort);
  return cells;
}

/** Marks the sorted column: `aria-sort` on its header, an arrow on its button. */
export function updateHeader(cells, sort) {
  cells.forEach((th, i) => {
    const [key, header] = COLUMNS[i];
    const active = sort.key === key;
    th.setAttribute('aria-sort', active ? (sort.direction > 0 ? 'ascending' : 'descending') : 'none');
    th.firstChild.textContent = `${header}${active ? (sort.direction > 0 ? ' ▲' : ' ▼') : ''}`;
  });
}
