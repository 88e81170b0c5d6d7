// Reading the CLI's input files into the core's input objects: JSON as is, CSV through a column
// spec (text → integer / string), with file:line:column in every error. No business rule: a value
// is only typed; whether it is acceptable is the core's decision.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, CsvError } from './csv.mjs';

export class InputFileError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputFileError';
  }
}

const INTEGER = /^\s*\d+\s*$/;

/** Column specs: CSV header name → [input field, type]. */
const INVENTORY_COLUMNS = {
  sku: ['sku', 'string'],
  onHand: ['onHand', 'integer'],
  committed: ['committed', 'integer'],
  safetyStock: ['safetyStock', 'integer'],
  available: ['available', 'integer'],
};
const SKU_MAP_COLUMNS = {
  sku: ['sku', 'string'],
  asin: ['asin', 'string'],
  vendorSku: ['vendorSku', 'string'],
  ean: ['ean', 'string'],
  upc: ['upc', 'string'],
  gtin: ['gtin', 'string'],
  unitsPerCase: ['unitsPerCase', 'integer'],
};

export function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputFileError(`${file}: cannot read (${err.code || err.message})`);
  }
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
    if (err instanceof CsvError) throw new InputFileError(`${file}: ${err.message}`);
    throw err;
  }
}

/** One CSV record → object through a column spec; unknown columns are an error (typos). */
function typed(file, record, columns, header) {
  const out = {};
  for (const [name, value] of Object.entries(record)) {
    const spec = columns[name];
    if (!spec) {
      throw new InputFileError(`${file}: unknown column "${name}" (expected some of: ${Object.keys(columns).join(', ')})`);
    }
    if (value.trim() === '') continue;
    const [field, type] = spec;
    if (type === 'integer') {
      if (!INTEGER.test(value)) {
        throw new InputFileError(`${file}:${record.line}: column ${name} (${header.indexOf(name) + 1}) must be a whole number ≥ 0, got "${value}"`);
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
  const orders = Array.isArray(json) ? json : json?.payload?.orders ?? json?.orders ?? json?.purchaseOrders;
  if (!Array.isArray(orders)) {
    throw new InputFileError(`${file}: expected an array of purchase orders, {"orders": [...]} or a getPurchaseOrders response`);
  }
  return orders;
}

/**
 * Inventory: JSON (an array, or `{inventory}`) or CSV with columns sku, onHand, committed,
 * safetyStock, available, and optionally inboundQuantity + inboundDate. Several rows for one SKU
 * add inbound receipts (the stock columns are taken from the first row that has them).
 */
export function readInventory(file) {
  if (!isCsv(file)) {
    const json = readJson(file);
    const list = Array.isArray(json) ? json : json?.inventory;
    if (!Array.isArray(list)) throw new InputFileError(`${file}: expected an array of inventory positions or {"inventory": [...]}`);
    return list;
  }
  const records = readCsv(file);
  const bySku = new Map();
  const columns = { ...INVENTORY_COLUMNS, inboundQuantity: ['inboundQuantity', 'integer'], inboundDate: ['inboundDate', 'string'] };
  const header = records.length ? Object.keys(records[0]) : [];
  for (const record of records) {
    const row = typed(file, record, columns, header);
    if (!row.sku) throw new InputFileError(`${file}:${record.line}: sku is empty`);
    let position = bySku.get(row.sku);
    if (!position) {
      position = { sku: row.sku };
      bySku.set(row.sku, position);
    }
    for (const key of ['onHand', 'committed', 'safetyStock', 'available']) {
      if (row[key] !== undefined && position[key] === undefined) position[key] = row[key];
    }
    if (row.inboundQuantity !== undefined || row.inboundDate !== undefined) {
      if (row.inboundQuantity === undefined || row.inboundDate === undefined) {
        throw new InputFileError(`${file}:${record.line}: inboundQuantity and inboundDate go together`);
      }
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
  const records = readCsv(file);
  const header = records.length ? Object.keys(records[0]) : [];
  const columns = { warehouseId: ['warehouseId', 'string'], ...INVENTORY_COLUMNS, openAmazonAllocations: ['openAmazonAllocations', 'integer'] };
  return records.map((r) => typed(file, r, columns, header));
}

/** SKU map: JSON (an array or `{skuMap}`) or CSV with sku, asin, vendorSku, ean, upc, gtin, unitsPerCase. */
export function readSkuMap(file) {
  if (!isCsv(file)) {
    const json = readJson(file);
    const list = Array.isArray(json) ? json : json?.skuMap;
    if (!Array.isArray(list)) throw new InputFileError(`${file}: expected an array of SKU mappings or {"skuMap": [...]}`);
    return list;
  }
  const records = readCsv(file);
  const header = records.length ? Object.keys(records[0]) : [];
  return records.map((r) => typed(file, r, SKU_MAP_COLUMNS, header));
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
    for (const [k, v] of Object.entries(r)) if (v !== '') out[k] = v;
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
const FULFILMENT_COLUMNS = {
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
};

export function readFulfilments(file) {
  if (!isCsv(file)) return readList(file, 'fulfilments');
  const records = readCsv(file);
  const header = records.length ? Object.keys(records[0]) : [];
  return records.map((r) => typed(file, r, FULFILMENT_COLUMNS, header));
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
