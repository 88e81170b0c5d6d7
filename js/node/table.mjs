// Plain-text tables for the CLI: columns sized to their content (capped), numbers right-aligned.
// Every value is printable first: PO numbers, SKUs, ASINs and messages come from files and from
// Amazon, and a control character in them (an ESC sequence, a carriage return, a bidi override)
// would drive the administrator's terminal; each is shown as its escape instead.
const MAX_WIDTH = 60;

// C0 controls except tab and newline, DEL, C1 controls; zero-width and bidirectional formatting.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** `text` with every control or formatting character written as its escape (`\x1B`, `\u202E`). */
export function printable(text) {
  return String(text).replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * @param {object[]} rows  objects with the same keys (the first row's keys are the columns)
 * @param {{numeric?: string[], empty?: string, maxWidth?: number}} [options]
 */
export function formatTable(rows, { numeric = [], empty = '(none)', maxWidth = MAX_WIDTH } = {}) {
  if (!rows.length) return `${empty}\n`;
  const columns = Object.keys(rows[0]);
  const last = columns.length - 1;
  const text = (v) => printable((v === undefined || v === null ? '' : String(v)).replace(/[\t\n\r ]+/g, ' '));
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
