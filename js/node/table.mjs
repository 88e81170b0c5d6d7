// Plain-text tables for the CLI: columns sized to their content (capped), numbers right-aligned.
const MAX_WIDTH = 60;

/**
 * @param {object[]} rows  objects with the same keys (the first row's keys are the columns)
 * @param {{numeric?: string[], empty?: string, maxWidth?: number}} [options]
 */
export function formatTable(rows, { numeric = [], empty = '(none)', maxWidth = MAX_WIDTH } = {}) {
  if (!rows.length) return `${empty}\n`;
  const columns = Object.keys(rows[0]);
  const last = columns.length - 1;
  const text = (v) => (v === undefined || v === null ? '' : String(v)).replace(/\s+/g, ' ');
  const widths = columns.map((c, i) => (i === last ? 0 : Math.min(maxWidth, Math.max(c.length, ...rows.map((r) => text(r[c]).length)))));
  const cell = (value, i) => {
    const t = text(value);
    if (i === last) return t; // the last column (usually a sentence) is never cut
    const fitted = t.length > widths[i] ? `${t.slice(0, widths[i] - 1)}…` : t;
    return numeric.includes(columns[i]) ? fitted.padStart(widths[i]) : fitted.padEnd(widths[i]);
  };
  const line = (values) => values.map(cell).join('  ').trimEnd();
  const header = line(columns);
  const rule = columns.map((c, i) => '-'.repeat(i === last ? Math.max(c.length, 8) : widths[i])).join('  ');
  return `${header}\n${rule}\n${rows.map((r) => line(columns.map((c) => r[c]))).join('\n')}\n`;
}
