// A table of any number of rows that keeps only the rows in view (and a margin) in the page,
// while assistive technology still sees the whole table: an ARIA grid whose `aria-rowcount` is
// the full count, each row carrying its `aria-rowindex`. Keyboard: the grid is one tab stop;
// ↑ ↓, Page Up / Page Down, Home / End move the active row (announced through
// `aria-activedescendant`), scrolling it into view.
//
// Rows have one fixed height (measured from the first row drawn), which is what lets any row's
// position be computed without drawing the rows above it. Styling: `.vt-*` classes.

const NAVIGATION = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

/**
 * @param {object} options
 * @param {string} options.id          id of the grid (rows get `${id}-row-${index}`)
 * @param {string} options.label       accessible name of the grid
 * @param {string[]} options.columns   a class name per column (the <col>s: widths are CSS's)
 * @param {(index: number) => HTMLTableRowElement} options.renderRow  draws row `index`
 * @param {number} [options.overscan]  rows drawn beyond each edge of the view
 * @returns the scroller element to insert, and the table's controls
 */
export function createVirtualTable({ id, label, columns, renderRow, overscan = 10 }) {
  const table = document.createElement('table');
  Object.assign(table, { id, tabIndex: 0 });
  table.className = 'vt-table';
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-label', label);
  table.setAttribute('aria-colcount', String(columns.length));
  table.setAttribute('aria-readonly', 'true');
  const colgroup = document.createElement('colgroup');
  for (const name of columns) colgroup.append(Object.assign(document.createElement('col'), { className: name }));
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.setAttribute('aria-rowindex', '1');
  head.append(headRow);
  const body = document.createElement('tbody');
  const spacer = () => {
    const row = document.createElement('tr');
    row.className = 'vt-spacer';
    row.setAttribute('aria-hidden', 'true');
    const cell = document.createElement('td');
    cell.colSpan = columns.length;
    row.append(cell);
    return row;
  };
  const top = spacer();
  const bottom = spacer();
  table.append(colgroup, head, body);
  const scroller = document.createElement('div');
  scroller.className = 'vt-scroller';
  scroller.append(table);

  let count = 0;
  let rowHeight = 0;
  let drawn = { first: 0, last: 0 };
  let active = -1;
  let _frame = 0;

  const rowId = (index) => `${id}-row-${index}`;
  const headHeight = () => head.getBoundingClientRect().height;

  function setSpacer(row, height) {
    row.hidden = height <= 0;
    row.firstChild.style.height = `${height}px`;
  }

  /** Draws the rows in view; `force` redraws them even when the range is unchanged. */
  function draw(force = false) {
    _frame = 0;
    const height = rowHeight || 40;
    const offset = Math.max(0, scroller.scrollTop - headHeight());
    const inView = Math.ceil(scroller.clientHeight / height) + 1;
    const first = Math.max(0, Math.min(count, Math.floor(offset / height) - overscan));
    const last = Math.min(count, first + inView + 2 * overscan);
    if (!force && first === drawn.first && last === drawn.last) return;
    const rows = [];
    for (let i = first; i < last; i++) {
      const row = renderRow(i);
      row.id = rowId(i);
      row.classList.add('vt-row');
      row.setAttribute('aria-rowindex', String(i + 2));
      if (i === active) row.classList.add('vt-active');
      rows.push(row);
    }
    body.replaceChildren(top, ...rows, bottom);
    drawn = { first, last };
    if (!rowHeight && rows.length) {
      // The first drawing measures the rows' real height (fonts, zoom), then draws again with it.
      rowHeight = rows[0].getBoundingClientRect().height || height;
      draw(true);
      return;
    }
    setSpacer(top, first * height);
    setSpacer(bottom, (count - last) * height);
    if (active >= first && active < last) table.setAttribute('aria-activedescendant', rowId(active));
    else table.removeAttribute('aria-activedescendant');
  }

  function scheduleDraw() {
    _frame ||= requestAnimationFrame(() => draw());
  }

  /** Scrolls just enough for row `index` to be in view. */
  function reveal(index) {
    const height = rowHeight || 40;
    const rowTop = headHeight() + index * height;
    const visible = scroller.clientHeight - headHeight();
    if (rowTop - headHeight() < scroller.scrollTop) scroller.scrollTop = rowTop - headHeight();
    else if (rowTop + height > scroller.scrollTop + headHeight() + visible) scroller.scrollTop = rowTop + height - headHeight() - visible;
  }

  function activate(index) {
    if (!count) return;
    active = Math.max(0, Math.min(count - 1, index));
    reveal(active);
    draw(true);
  }

  table.addEventListener('keydown', (event) => {
    if (!NAVIGATION.has(event.key) || event.target !== table || !count) return;
    event.preventDefault();
    const page = Math.max(1, Math.floor((scroller.clientHeight - headHeight()) / (rowHeight || 40)) - 1);
    const from = active < 0 ? drawn.first : active;
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: count - 1 }[event.key];
    activate(to);
  });
  table.addEventListener('focus', () => {
    if (active < 0 && count) activate(Math.min(count - 1, Math.ceil(Math.max(0, scroller.scrollTop - headHeight()) / (rowHeight || 40))));
  });
  scroller.addEventListener('scroll', scheduleDraw, { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(scheduleDraw).observe(scroller);

  return {
    element: scroller,
    table,
    /** The header cells (<th>s), drawn by the caller. */
    setHeader(cells) {
      headRow.replaceChildren(...cells);
    },
    /** A new list of `n` rows (a new filter or order): back to the top, nothing active. */
    setCount(n) {
      count = n;
      active = -1;
      table.setAttribute('aria-rowcount', String(n + 1));
      scroller.scrollTop = 0;
      draw(true);
    },
    /** Redraws the rows in view (their content changed). */
    refresh: () => draw(true),
    /** Makes row `index` the active row and scrolls it into view. */
    activate,
    get activeRow() {
      return active;
    },
    get drawnRows() {
      return { ...drawn };
    },
  };
}
