// Reading the CLI's input files into the core's input objects: JSON as is, CSV through a column
// spec (text → integer / string), with file:line:column in every error. No business rule: a value
// is only typed; whether it is acceptable is the core's decision. What is refused here is a file
// that cannot be read as what it claims to be: not UTF-8, a short row, a column missing from the
// header (reported at the header), an unknown column, and — for the inventory — a file with no
// rows or one SKU with two different stock values (missing stock data is not zero stock: the
// core would reject lines, and a Rejected line is final at Amazon).
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { parseCsv, CsvError } from './csv.mjs';

export class InputFileError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputFileError';
  }
}

const INTEGER = /^\s*\d+\s*$/;

/**
 * Column specs: CSV header name → [input field, type]. `required`: columns the header must have;
 * `anyOf`: groups of which the header must have one column (each a non-enumerable property).
 */
const spec = (columns, { required = [], anyOf = [] } = {}) =>
  Object.defineProperties(columns, {
    required: { value: required, enumerable: false },
    anyOf: { value: anyOf, enumerable: false },
  });
const STOCK_COLUMNS = ['onHand', 'available'];
const INVENTORY_COLUMNS = {
  sku: ['sku', 'string'],
  onHand: ['onHand', 'integer'],
  committed: ['committed', 'integer'],
  safetyStock: ['safetyStock', 'integer'],
  available: ['available', 'integer'],
};
const SKU_MAP_COLUMNS = spec(
  {
    sku: ['sku', 'string'],
    asin: ['asin', 'string'],
    vendorSku: ['vendorSku', 'string'],
    ean: ['ean', 'string'],
    upc: ['upc', 'string'],
    gtin: ['gtin', 'string'],
    unitsPerCase: ['unitsPerCase', 'integer'],
  },
  { required: ['sku'] },
);

export function readText(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new InputFileError(`${file}: cannot read (${err.code || err.message})`);
  }
  if (!isUtf8(bytes)) throw new InputFileError(`${file}${notUtf8(bytes)}`);
  return bytes.toString('utf8');
}

/** Where and how a file is not UTF-8, for the message (never its content beyond one byte). */
function notUtf8(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return `: UTF-16 text (byte order mark ${bytes[0].toString(16).toUpperCase()} ${bytes[1].toString(16).toUpperCase()}), not UTF-8: save it as UTF-8 (Excel: "CSV UTF-8")`;
  }
  const at = firstInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return `:${line}: not UTF-8 (byte 0x${byte} at column ${at - lineStart + 1}, e.g. Latin-1 or Windows-1252 text): save the file as UTF-8 (Excel: "CSV UTF-8")`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes) {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let length = 0;
    let [low, high] = [0x80, 0xbf]; // the second byte's range (narrower after E0, ED, F0, F4)
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) [length, low, high] = [3, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [length, low, high] = [4, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length - 1;
}

export function readJson(file) {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputFileError(`${file}: not valid JSON (${err.message})`);
  }
}

const isCsv = (file) => path.extname(file).toLowerCase() === '.csv';

function readCsv(file) {
  try {
    return parseCsv(readText(file));
  } catch (err) {
    if (err instanceof CsvError) throw new InputFileError(`${file}:${err.line}: ${err.message}`);
    throw err;
  }
}

const quoted = (name) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * A typed CSV file: its records, after the header was checked against the spec (unknown
 * columns are typos; a required column that is missing is reported at the header line, not at
 * the first record). Lookups are own-property only: a column named `constructor`,
 * `toString` or `__proto__` is just an unknown column.
 */
function readTypedCsv(file, columns) {
  const records = readCsv(file);
  const header = records.header ?? [];
  const line = records.headerLine ?? 1;
  for (const name of header) {
    if (!Object.hasOwn(columns, name)) {
      throw new InputFileError(`${file}:${line}: unknown column ${quoted(name)} (expected some of: ${Object.keys(columns).join(', ')})`);
    }
  }
  if (!header.length) return records;
  const has = new Set(header);
  const missing = columns.required.filter((c) => !has.has(c));
  if (missing.length) {
    throw new InputFileError(`${file}:${line}: the header has no column ${missing.join(', ')} (it has: ${header.join(', ')})`);
  }
  for (const group of columns.anyOf) {
    if (!group.some((c) => has.has(c))) {
      throw new InputFileError(`${file}:${line}: the header needs one of the columns ${group.join(' or ')} (it has: ${header.join(', ')})`);
    }
  }
  return records;
}

/** One CSV record → object through a column spec (the header was checked by readTypedCsv). */
function typed(file, record, columns, header) {
  const out = {};
  for (const name of header) {
    const value = record[name];
    const [field, type] = columns[name];
    if (value.trim() === '') {
      if (columns.required.includes(name)) throw new InputFileError(`${file}:${record.line}: ${name} is empty`);
      continue;
    }
    if (type === 'integer') {
      if (!INTEGER.test(value)) {
        throw new InputFileError(
          `${file}:${record.line}: column ${name} (${header.indexOf(name) + 1}) must be a whole number ≥ 0, got ${quoted(value)}`,
        );
      }
      out[field] = Number(value.trim());
    } else {
      out[field] = value.trim();
    }
  }
  return out;
}

/** Purchase orders: a JSON array of Orders, `{orders}`, or a getPurchaseOrders response. */
export function readOrders(file) {
  const json = readJson(file);
  const orders = Array.isArray(json) ? json : (json?.payload?.orders ?? json?.orders ?? json?.purchaseOrders);
  if (!Array.isArray(orders)) {
    throw new InputFileError(`${file}: expected an array of purchase orders, {"orders": [...]} or a getPurchaseOrders response`);
  }
  return orders;
}

const NO_INVENTORY =
  'refused: missing stock data is not zero stock (deciding on it would reject lines, and a Rejected line is final at Amazon). ' +
  'Export the inventory again; a SKU that is really out of stock is a row with onHand 0.';

/**
 * Inventory: JSON (an array, or `{inventory}`) or CSV with columns sku, onHand, committed,
 * safetyStock, available, and optionally inboundQuantity + inboundDate. Several rows for one SKU
 * add inbound receipts; their stock columns must agree (or be empty). A file with no position
 * is refused.
 */
export function readInventory(file) {
  if (!isCsv(file)) {
    const json = readJson(file);
    const list = Array.isArray(json) ? json : json?.inventory;
    if (!Array.isArray(list)) throw new InputFileError(`${file}: expected an array of inventory positions or {"inventory": [...]}`);
    if (!list.length) throw new InputFileError(`${file}: no inventory positions: ${NO_INVENTORY}`);
    return list;
  }
  const columns = spec(
    { ...INVENTORY_COLUMNS, inboundQuantity: ['inboundQuantity', 'integer'], inboundDate: ['inboundDate', 'string'] },
    { required: ['sku'], anyOf: [STOCK_COLUMNS] },
  );
  const records = readTypedCsv(file, columns);
  if (!records.length)
    throw new InputFileError(
      `${file}: ${records.header ? 'only a header, no inventory rows' : 'empty, no inventory rows'}: ${NO_INVENTORY}`,
    );
  const bySku = new Map();
  const lineOf = new Map(); // `${sku}\0${column}` → the line its value came from
  for (const record of records) {
    const row = typed(file, record, columns, records.header);
    let position = bySku.get(row.sku);
    if (!position) {
      position = { sku: row.sku };
      bySku.set(row.sku, position);
    }
    for (const key of ['onHand', 'committed', 'safetyStock', 'available']) {
      if (row[key] === undefined) continue;
      const where = `${row.sku}\0${key}`;
      if (position[key] === undefined) {
        position[key] = row[key];
        lineOf.set(where, record.line);
      } else if (position[key] !== row[key]) {
        throw new InputFileError(
          `${file}:${record.line}: SKU ${quoted(row.sku)} has ${key} ${row[key]} here but ${position[key]} at line ${lineOf.get(where)}: ` +
            'rows of one SKU may repeat only to add inbound receipts, with the same stock values',
        );
      }
    }
    if (row.inboundQuantity !== undefined || row.inboundDate !== undefined) {
      if (row.inboundQuantity === undefined || row.inboundDate === undefined) {
        throw new InputFileError(`${file}:${record.line}: inboundQuantity and inboundDate go together`);
      }
      // biome-ignore lint/suspicious/noAssignInExpressions: create the list on first use
      (position.inbound ??= []).push({ quantity: row.inboundQuantity, expectedDate: row.inboundDate });
    }
  }
  return [...bySku.values()];
}

/**
 * Direct Fulfillment stock positions: JSON (an array or `{positions}`) or CSV with warehouseId,
 * sku, onHand, committed, safetyStock, openAmazonAllocations, available.
 */
export function readPositions(file) {
  if (!isCsv(file)) return readList(file, 'positions');
  const columns = spec(
    { warehouseId: ['warehouseId', 'string'], ...INVENTORY_COLUMNS, openAmazonAllocations: ['openAmazonAllocations', 'integer'] },
    { required: ['warehouseId', 'sku'], anyOf: [STOCK_COLUMNS] },
  );
  const records = readTypedCsv(file, columns);
  return records.map((r) => typed(file, r, columns, records.header));
}

/** SKU map: JSON (an array or `{skuMap}`) or CSV with sku, asin, vendorSku, ean, upc, gtin, unitsPerCase. */
export function readSkuMap(file) {
  if (!isCsv(file)) {
    const json = readJson(file);
    const list = Array.isArray(json) ? json : json?.skuMap;
    if (!Array.isArray(list)) throw new InputFileError(`${file}: expected an array of SKU mappings or {"skuMap": [...]}`);
    return list;
  }
  const records = readTypedCsv(file, SKU_MAP_COLUMNS);
  return records.map((r) => typed(file, r, SKU_MAP_COLUMNS, records.header));
}

/**
 * A CSV whose columns become object fields as written (strings), for engines that take
 * row-shaped input (e.g. a remittance): the core types and validates them.
 */
export function readRecords(file) {
  if (!isCsv(file)) {
    const json = readJson(file);
    if (!Array.isArray(json)) throw new InputFileError(`${file}: expected a JSON array`);
    return json;
  }
  return readCsv(file).map((r) => {
    const out = {};
    // Own properties whatever the column is called (`__proto__` would set the prototype).
    for (const [k, v] of Object.entries(r))
      if (v !== '') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** A JSON array file, or `{<key>: [...]}`. */
export function readList(file, key) {
  const json = readJson(file);
  const list = Array.isArray(json) ? json : json?.[key];
  if (!Array.isArray(list)) throw new InputFileError(`${file}: expected an array or {"${key}": [...]}`);
  return list;
}

/** ERP fulfilment rows (reconcile's `fulfilments`): JSON, or CSV with these columns. */
const FULFILMENT_COLUMNS = spec(
  {
    purchaseOrderNumber: ['purchaseOrderNumber', 'string'],
    itemSequenceNumber: ['itemSequenceNumber', 'string'],
    amazonProductIdentifier: ['amazonProductIdentifier', 'string'],
    vendorProductIdentifier: ['vendorProductIdentifier', 'string'],
    sku: ['sku', 'string'],
    quantity: ['quantity', 'integer'],
    unitOfMeasure: ['unitOfMeasure', 'string'],
    unitSize: ['unitSize', 'integer'],
    shipmentIdentifier: ['shipmentIdentifier', 'string'],
    shippedDate: ['shippedDate', 'string'],
    reference: ['reference', 'string'],
  },
  { required: ['purchaseOrderNumber', 'quantity'] },
);

export function readFulfilments(file) {
  if (!isCsv(file)) return readList(file, 'fulfilments');
  const records = readTypedCsv(file, FULFILMENT_COLUMNS);
  return records.map((r) => typed(file, r, FULFILMENT_COLUMNS, records.header));
}

/**
 * The first array found under one of `paths` (dotted), or the file itself when it is an array:
 * lets one flag take an API response, a request body or a bare list.
 */
export function readListAt(file, paths, what) {
  const json = readJson(file);
  if (Array.isArray(json)) return json;
  for (const dotted of paths) {
    const value = dotted.split('.').reduce((v, key) => (v == null ? undefined : v[key]), json);
    if (Array.isArray(value)) return value;
  }
  throw new InputFileError(`${file}: expected ${what}: an array, or an object with ${paths.map((p) => `"${p}"`).join(' or ')}`);
}

/**
 * A remittance file for reconcile: CSV text is handed to the core as is (it reads Vendor Central
 * exports and flattened EDI 820, with line and column in its issues); JSON is an array of rows
 * or `{remittances}`.
 */
export function readRemittance(file) {
  if (isCsv(file)) return { csvText: readText(file) };
  return { rows: readList(file, 'remittances') };
}

/** The size of a file in bytes, for progress output (0 when it cannot be read: reading reports it). */
export function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
