// What the SuiteScript tests set up in the NetSuite double: the scripts' parameters as an
// administrator enters them, item records, the inventory saved search, synthetic catalogues for
// the volume runs, and the figures and state each test leaves for the report and the leak scan.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Amazon's real endpoints: the double's N/https sends https:// only; the transport routes to the emulator. */
const SP_API = 'https://sellingpartnerapi-na.amazon.com';
const LWA = 'https://api.amazon.com/auth/o2/token';
const SRC_DIR = path.join(__dirname, '..', '..', '..', 'dist', 'netsuite', 'src');

const CUSTOMERS = [
  { vendorCode: 'DEMO1', customer: '42', currencies: ['USD'] },
  { vendorCode: 'DEMO2', customer: '42', currencies: ['USD'] },
  { vendorCode: 'DEMO3', customer: '43', currencies: ['USD'] },
];
const LOCATIONS = [
  { fulfillmentCenter: 'SEA8', location: '1' },
  { fulfillmentCenter: 'PHX6', location: '2' },
  { fulfillmentCenter: 'ONT8', location: '3' },
  { fulfillmentCenter: 'BFI4', location: '4' },
];
const INVENTORY_SEARCH = 'customsearch_vcc_inventory';

/** The map/reduce's parameters (custscript_vcc_…), and the same connection for the workflow action (custscript_vcc_wa_…). */
function parameters({ credentials, skuMap = [], rules, customers = CUSTOMERS, locations = LOCATIONS, autoSubmit = true }) {
  const mr = {
    custscript_vcc_endpoint: SP_API,
    custscript_vcc_lwa_endpoint: LWA,
    custscript_vcc_client_id: credentials.clientId,
    custscript_vcc_client_secret: credentials.clientSecret,
    custscript_vcc_refresh_token: credentials.refreshToken,
    custscript_vcc_customers: JSON.stringify(customers),
    custscript_vcc_locations: JSON.stringify(locations),
    custscript_vcc_inventory_search: INVENTORY_SEARCH,
    custscript_vcc_sku_map: JSON.stringify(skuMap),
    custscript_vcc_auto_submit: autoSubmit,
    ...(rules ? { custscript_vcc_rules: JSON.stringify(rules) } : {}),
  };
  const wa = {};
  for (const k of ['endpoint', 'lwa_endpoint', 'client_id', 'client_secret', 'refresh_token', 'sku_map'])
    wa[`custscript_vcc_wa_${k}`] = mr[`custscript_vcc_${k}`];
  return { mr, wa };
}

/** An item saved search over positions, columns labelled as the map/reduce expects, sorted by SKU. */
function inventorySearch(positions, { mapping = false } = {}) {
  const columns = [
    { name: 'itemid', label: 'sku', sort: 'ASC' },
    { name: 'locationquantityonhand', label: 'onHand' },
    { name: 'locationquantitycommitted', label: 'committed' },
    { name: 'custitem_safety_stock', label: 'safetyStock' },
    { name: 'locationquantityavailable', label: 'available' },
  ];
  if (mapping)
    columns.push(
      { name: 'custitem_asin', label: 'asin' },
      { name: 'vendorname', label: 'vendorSku' },
      { name: 'custitem_case_pack', label: 'unitsPerCase' },
    );
  const byLabel = Object.fromEntries(columns.map((c) => [c.label, c.name]));
  const rows = positions.map((p, i) => {
    const row = { id: String(100000 + i) };
    for (const [label, name] of Object.entries(byLabel)) row[name] = p[label] ?? '';
    return row;
  });
  return { [INVENTORY_SEARCH]: { searchType: 'item', columns, rows } };
}

/** Item records named by SKU (the SKU map's sku is the item name). */
function itemRecords(skus, firstId = 500) {
  return Object.fromEntries(skus.map((sku, i) => [String(firstId + i), { fields: { itemid: sku }, sublists: {} }]));
}

/**
 * A synthetic catalogue of `count` SKUs: SKU map entries (ASIN, vendor SKU, case pack) and stock
 * positions; the first `mapped` positions carry their SKU map entry's identifiers (for an
 * inventory search with mapping columns), the rest are stock only. Deterministic: SKU i always
 * gets the same values.
 */
function catalogue(count, mapped = count) {
  const skuMap = [];
  const inventory = [];
  for (let i = 1; i <= count; i += 1) {
    const n = String(i).padStart(7, '0');
    const sku = `VOL-${n}`;
    const unitsPerCase = [1, 6, 12, 24][i % 4];
    skuMap.push({ sku, asin: `B0V${n}`, vendorSku: `VS-${n}`, unitsPerCase });
    const position = { sku, onHand: (i * 37) % 400, committed: (i * 11) % 20, safetyStock: i % 5 };
    inventory.push(i <= mapped ? { ...position, asin: `B0V${n}`, vendorSku: `VS-${n}`, unitsPerCase } : position);
  }
  return { skuMap, inventory };
}

const outputRoot = () =>
  process.env.VCC_TEST_OUTPUT_DIR ? path.join(path.resolve(process.env.VCC_TEST_OUTPUT_DIR), 'netsuite-jest') : null;

/**
 * Keeps what a test's account holds (logs, requests, records) under VCC_TEST_OUTPUT_DIR, so
 * js/tasks/scan-outputs.mjs searches it for leaked credentials; a no-op outside test.sh.
 */
function keepForScan(label, account) {
  const root = outputRoot();
  if (!root) return;
  fs.mkdirSync(root, { recursive: true });
  const records = Object.fromEntries([...account.db].map(([type, table]) => [type, Object.fromEntries(table)]));
  fs.writeFileSync(path.join(root, `${label}.json`), JSON.stringify({ logs: account.logs, http: account.http, records }));
}

/** Appends the figures of a run (rows, POs, units per stage, time) to target/netsuite-volume.json, read by the report. */
function recordFigures(label, figures) {
  const file = path.join(__dirname, '..', '..', '..', 'target', 'netsuite-volume.json');
  let all = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    all = {};
  }
  all[label] = { ...figures, at: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

module.exports = {
  SP_API,
  LWA,
  SRC_DIR,
  CUSTOMERS,
  LOCATIONS,
  INVENTORY_SEARCH,
  parameters,
  inventorySearch,
  itemRecords,
  catalogue,
  keepForScan,
  recordFigures,
};
