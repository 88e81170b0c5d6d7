// A small RFC 4180 reader for the CLI's input files (inventory, SKU map, remittance): quoted
// fields with embedded commas, quotes ("") and line breaks; CRLF or LF; a UTF-8 BOM; a header row.
// It only turns text into rows; typing the values into the core's input objects is in inputs.mjs.

export class CsvError extends Error {
  constructor(message, { line, column }) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'CsvError';
    this.line = line;
    this.column = column;
  }
}

/**
 * Parses CSV text into arrays of strings, one per record. Each record also gets a non-enumerable
 * `line` (1-based line where it starts) so callers can point at bad values.
 * @param {string} text
 * @param {{delimiter?: string}} [options]
 */
export function parseCsvRows(text, { delimiter = ',' } = {}) {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false; // a quoted field may only start at the beginning of a field
  let line = 1;
  let column = 1;
  let rowLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // A blank line is not a record.
    if (!(row.length === 1 && row[0] === '')) {
      Object.defineProperty(row, 'line', { value: rowLine, enumerable: false });
      rows.push(row);
    }
    row = [];
  };
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 1;
          column += 1;
        } else {
          quoted = false;
          const next = src[i + 1];
          if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
            throw new CsvError('a closing quote must end the field', { line, column: column + 1 });
          }
        }
      } else {
        field += c;
        if (c === '\n') {
          line += 1;
          column = 0;
        }
      }
    } else if (c === '"') {
      if (fieldStarted)
        throw new CsvError('a quote inside an unquoted field (quote the whole field and double the quote)', { line, column });
      quoted = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      column = 0;
      rowLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
    column += 1;
  }
  if (quoted) throw new CsvError('unterminated quoted field', { line, column });
  if (field !== '' || row.length) endRow();
  return rows;
}

/**
 * Records as objects keyed by the header row (names trimmed). Each object has a non-enumerable
 * `line`, and its own property for every column, whatever the column's name (`__proto__`,
 * `constructor` included). Throws CsvError for a record with more or fewer fields than the
 * header (RFC 4180: "Each line should contain the same number of fields throughout the file"),
 * or a duplicate header.
 */
export function parseCsv(text, options) {
  const rows = parseCsvRows(text, options);
  if (!rows.length) return [];
  const header = rows[0].map((h) => h.trim());
  const seen = new Set();
  header.forEach((h, i) => {
    if (!h) throw new CsvError('empty column name in the header', { line: rows[0].line, column: i + 1 });
    if (seen.has(h)) throw new CsvError(`duplicate column "${h}" in the header`, { line: rows[0].line, column: i + 1 });
    seen.add(h);
  });
  const special = header.includes('__proto__'); // a plain assignment would set the prototype
  const records = rows.slice(1).map((r) => {
    if (r.length > header.length)
      throw new CsvError(`${r.length} fields but the header has ${header.length}`, { line: r.line, column: header.length + 1 });
    if (r.length < header.length) {
      throw new CsvError(`${r.length} field(s) but the header has ${header.length}: column ${header[r.length]} is missing (a short row)`, {
        line: r.line,
        column: r.length + 1,
      });
    }
    const record = {};
    if (special)
      header.forEach((h, i) => {
        Object.defineProperty(record, h, { value: r[i], enumerable: true, writable: true, configurable: true });
      });
    else
      header.forEach((h, i) => {
        record[h] = r[i];
      });
    Object.defineProperty(record, 'line', { value: r.line, enumerable: false });
    return record;
  });
  // The header, for callers that check columns before any record (a file may have none).
  Object.defineProperty(records, 'header', { value: header, enumerable: false });
  Object.defineProperty(records, 'headerLine', { value: rows[0].line, enumerable: false });
  return records;
}
