// The chargeback and scorecard view of the exceptions page: money at risk by landing week and by
// type (the core's `chargebackExposure`), scorecard trends per week (the core's
// `vendorScorecard`), and the list behind each bar or point, each list exportable as CSV.
//
// Charts are plain SVG built here, not a charting library: it adds no dependency and a few
// kilobytes (a small library such as uPlot is about 50 KB, Chart.js about 200 KB, and both draw
// on a <canvas>, which a screen reader cannot read). Every bar and point is an SVG element with
// role="button", a tab stop and an aria-label that says its figures in words; Enter or Space
// selects it, arrow keys move between the marks of a chart. Every figure shown is the core's
// string (amounts, rates): numbers are parsed only to size the marks.
import { element } from './exceptions-cells.mjs';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 8, right: 8, top: 12, bottom: 36 };

function svg(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== null) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/**
 * One CSV cell: quoted when it holds a comma, a quote or a line break; a text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a spreadsheet does not
 * run it as a formula (OWASP "CSV injection"); a plain number (`-3.90`) is left as it is.
 */
export function csvCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows (objects) as CSV text with a header line, CRLF line ends (RFC 4180). */
export function toCsv(rows, columns) {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const CHARGEBACK_COLUMNS = [
  'chargebackType',
  'purchaseOrderNumber',
  'itemSequenceNumber',
  'shipmentIdentifier',
  'carton',
  'amount',
  'currencyCode',
  'landsAt',
  'weekStart',
  'avoidable',
  'avoidBy',
  'action',
  'evidence',
];
export const CONTRIBUTION_COLUMNS = ['figure', 'weekStart', 'purchaseOrderNumber', 'shipmentIdentifier', 'numerator', 'denominator'];

/** The core's chargebacks as flat rows (evidence as its codes and input pointers). */
export function chargebackRows(chargebacks) {
  return chargebacks.map((c) => ({
    chargebackType: c.chargebackType,
    purchaseOrderNumber: c.purchaseOrderNumber ?? '',
    itemSequenceNumber: c.itemSequenceNumber ?? '',
    shipmentIdentifier: c.shipmentIdentifier ?? '',
    carton: c.carton ?? '',
    amount: c.amount?.amount ?? '',
    currencyCode: c.amount?.currencyCode ?? '',
    landsAt: c.landsAt,
    weekStart: c.weekStart,
    avoidable: c.avoidable ? 'yes' : 'no',
    avoidBy: c.avoidBy ?? '',
    action: c.action,
    evidence: c.evidence.map((e) => `${e.code} ${e.input}`).join('; '),
  }));
}

/**
 * A bar chart: bars [{ key, label, value (number, for the height only), text (what is said),
 * short (what is written under the bar) }].
 * `onSelect(key)` on click, Enter or Space. Returns a <figure>.
 */
function barChart({ id, title, bars, onSelect }) {
  const max = Math.max(0, ...bars.map((b) => b.value)) || 1;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, bars.length);
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const marks = bars.map((bar, i) => {
    const h = Math.max(1, (bar.value / max) * plot);
    const x = PAD.left + i * slot + slot * 0.15;
    const g = svg(
      'g',
      { class: 'cb-bar', role: 'button', tabindex: i === 0 ? '0' : '-1', 'data-key': bar.key, 'aria-label': `${bar.label}: ${bar.text}` },
      [
        svg('rect', { x: x.toFixed(1), y: (PAD.top + plot - h).toFixed(1), width: (slot * 0.7).toFixed(1), height: h.toFixed(1) }),
        svg('text', { x: (x + slot * 0.35).toFixed(1), y: String(HEIGHT - PAD.bottom + 14), 'text-anchor': 'middle', class: 'cb-axis' }, [
          document.createTextNode(bar.label),
        ]),
        svg(
          'text',
          {
            x: (x + slot * 0.35).toFixed(1),
            y: String(HEIGHT - PAD.bottom + 28),
            'text-anchor': 'middle',
            class: 'cb-value',
            'aria-hidden': 'true',
          },
          [document.createTextNode(bar.short ?? bar.text)],
        ),
      ],
    );
    return g;
  });
  return chart({ id, title, marks, onSelect });
}

/** A line chart of rates (0–1) per week: points [{ key, label, value, text }]. */
function lineChart({ id, title, points, onSelect }) {
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, points.length);
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const xy = points.map((p, i) => [PAD.left + slot * (i + 0.5), PAD.top + plot - Math.min(1, Math.max(0, p.value)) * plot]);
  const path = svg('polyline', {
    class: 'cb-line',
    points: xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
    'aria-hidden': 'true',
  });
  const marks = points.map((p, i) =>
    svg(
      'g',
      { class: 'cb-point', role: 'button', tabindex: i === 0 ? '0' : '-1', 'data-key': p.key, 'aria-label': `${p.label}: ${p.text}` },
      [
        svg('circle', { cx: xy[i][0].toFixed(1), cy: xy[i][1].toFixed(1), r: '5' }),
        svg('text', { x: xy[i][0].toFixed(1), y: String(HEIGHT - PAD.bottom + 14), 'text-anchor': 'middle', class: 'cb-axis' }, [
          document.createTextNode(p.label),
        ]),
        svg('text', { x: xy[i][0].toFixed(1), y: String(HEIGHT - PAD.bottom + 28), 'text-anchor': 'middle', class: 'cb-value' }, [
          document.createTextNode(p.text),
        ]),
      ],
    ),
  );
  return chart({ id, title, marks, onSelect, before: [path] });
}

/** The figure around a chart's marks, with roving focus (one tab stop; arrows move). */
function chart({ id, title, marks, onSelect, before = [] }) {
  const titleId = `${id}-title`;
  const graphic = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'cb-chart', role: 'group', 'aria-labelledby': titleId }, [
    ...before,
    ...marks,
  ]);
  const figure = element('figure', { id, class: 'cb-figure' }, [element('figcaption', { id: titleId, text: title })]);
  figure.append(graphic);
  const select = (mark) => {
    for (const m of marks) m.setAttribute('aria-pressed', String(m === mark));
    onSelect(mark.dataset.key);
  };
  marks.forEach((mark, i) => {
    mark.setAttribute('aria-pressed', 'false');
    mark.addEventListener('click', () => {
      mark.focus();
      select(mark);
    });
    mark.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1 }[event.key];
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(mark);
      } else if (next !== undefined && marks[next]) {
        event.preventDefault();
        mark.setAttribute('tabindex', '-1');
        marks[next].setAttribute('tabindex', '0');
        marks[next].focus();
      }
    });
  });
  if (!marks.length) figure.append(element('p', { class: 'xp-none', text: 'Nothing to show.' }));
  return figure;
}

/** A table of rows with the given columns, a caption and a CSV export button. */
function listTable({ id, caption, rows, columns, onExport }) {
  const table = element('table', { id, class: 'xp-table cb-list' }, [
    element('caption', { text: caption }),
    element('thead', {}, [
      element(
        'tr',
        {},
        columns.map((c) => element('th', { scope: 'col', text: c })),
      ),
    ]),
    element(
      'tbody',
      {},
      rows.map((r) =>
        element(
          'tr',
          {},
          columns.map((c) => element('td', { text: String(r[c] ?? '') })),
        ),
      ),
    ),
  ]);
  const button = element('button', { type: 'button', class: 'cb-export', 'data-table': id, text: `Export ${rows.length} row(s) as CSV` });
  button.addEventListener('click', () => onExport(id));
  return element('div', { class: 'cb-list-area' }, [element('div', { class: 'cb-scroll' }, [table]), button]);
}

/** Offers `text` as a file download (a blob: URL on a link; nothing leaves the page). */
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Mounts the view into `root` for an exposure (chargebackExposure output) and optionally a
 * scorecard (vendorScorecard output). Returns { select(chartId, key), csv(tableId) }:
 * `csv` gives the CSV text of a table as its export button writes it.
 */
export function mountChargebackView(root, { exposure, scorecard } = {}) {
  const tables = new Map();
  const exportTable = (id) => download(`${id}.csv`, tables.get(id)?.());
  const listArea = element('div', { class: 'cb-selection', 'aria-live': 'polite' });
  const showList = (id, caption, rows, columns) => {
    tables.set(id, () => toCsv(rows, columns));
    listArea.replaceChildren(listTable({ id, caption, rows, columns, onExport: exportTable }));
  };
  const sections = [];
  const charts = new Map();

  if (exposure) {
    const all = exposure.chargebacks;
    const currencies = [...new Set(exposure.byType.map((t) => t.currencyCode).filter(Boolean))].sort();
    for (const currency of currencies) {
      const weekBars = exposure.byWeek
        .filter((w) => w.currencyCode === currency)
        .map((w) => ({
          key: w.weekStart,
          label: w.weekStart,
          value: Number(w.amount),
          short: `${w.amount} ${currency}`,
          text: `${w.amount} ${currency}, ${w.count} chargeback(s), ${w.avoidable} avoidable`,
        }));
      const weekId = `cb-week-${currency}`;
      charts.set(weekId, (key) =>
        showList(
          `cb-list-week-${currency}-${key}`,
          `Chargebacks landing in the week of ${key} (${currency})`,
          chargebackRows(all.filter((c) => c.weekStart === key && c.amount?.currencyCode === currency)),
          CHARGEBACK_COLUMNS,
        ),
      );
      sections.push(
        barChart({ id: weekId, title: `Money at risk by landing week (${currency})`, bars: weekBars, onSelect: charts.get(weekId) }),
      );
      const typeBars = exposure.byType
        .filter((t) => t.currencyCode === currency)
        .map((t) => ({
          key: t.chargebackType,
          label: t.chargebackType,
          value: Number(t.amount),
          short: `${t.amount} ${currency}`,
          text: `${t.amount} ${currency}, ${t.count} chargeback(s), ${t.avoidable} avoidable`,
        }));
      const typeId = `cb-type-${currency}`;
      charts.set(typeId, (key) =>
        showList(
          `cb-list-type-${currency}-${key}`,
          `${key} chargebacks (${currency})`,
          chargebackRows(all.filter((c) => c.chargebackType === key && c.amount?.currencyCode === currency)),
          CHARGEBACK_COLUMNS,
        ),
      );
      sections.push(barChart({ id: typeId, title: `Money at risk by type (${currency})`, bars: typeBars, onSelect: charts.get(typeId) }));
    }
    const unknown = all.filter((c) => !c.amount);
    if (unknown.length)
      sections.push(
        element('p', {
          class: 'cb-unvalued',
          text: `${unknown.length} chargeback(s) with the amount unknown (no cost or no rate): in the full list.`,
        }),
      );
    tables.set('cb-all', () => toCsv(chargebackRows(all), CHARGEBACK_COLUMNS));
    const allButton = element('button', {
      type: 'button',
      class: 'cb-export',
      'data-table': 'cb-all',
      text: `Export all ${all.length} chargeback(s) as CSV`,
    });
    allButton.addEventListener('click', () => exportTable('cb-all'));
    sections.push(allButton);
  }

  if (scorecard) {
    for (const f of scorecard.figures) {
      if (!f.weeks.length) continue;
      const id = `sc-${f.figure}`;
      charts.set(id, (key) =>
        showList(
          `sc-list-${f.figure}-${key}`,
          `${f.figure}, week of ${key}: the POs behind it`,
          f.contributions.filter((c) => c.weekStart === key).map((c) => ({ figure: f.figure, ...c })),
          CONTRIBUTION_COLUMNS,
        ),
      );
      sections.push(
        lineChart({
          id,
          title: `${f.figure}: ${f.rate ?? 'not measured'} (${f.numerator} / ${f.denominator})`,
          points: f.weeks.map((w) => ({
            key: w.weekStart,
            label: w.weekStart,
            value: Number(w.rate ?? 0),
            text: `${w.rate ?? 'not measured'} (${w.numerator} / ${w.denominator})`,
          })),
          onSelect: charts.get(id),
        }),
      );
    }
  }

  root.replaceChildren(element('h2', { text: 'Chargebacks and scorecard' }), ...sections, listArea);
  return {
    select: (chartId, key) => charts.get(chartId)?.(key),
    csv: (tableId) => tables.get(tableId)?.(),
  };
}
