#!/usr/bin/env node
// Writes the bad-input corpus (tests/bad-inputs/<function>/<case>.json) from a valid base input
// per function and a list of mutations, each with the error it MUST give: the expected code and
// path are written here by hand, not copied from what the library happens to do. Running it
// with the built package (node js/build/build.mjs first) also calls every case and lists each
// one whose real answer differs from the expectation, so a wrong answer is seen before the
// files are written; `--write` writes them (only when every case agrees, or with `--force`).
//
//   node tests/bad-inputs/generate.mjs            check expectations against pkg/
//   node tests/bad-inputs/generate.mjs --write    check, then (re)write the case files
//
// The runners (js/test/bad-inputs.test.mjs through every artefact, tests/bad_inputs.rs natively)
// read only the JSON files; this script is how they were made and how to add more.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(fixtures, ...p), 'utf8'));
const clone = (v) => JSON.parse(JSON.stringify(v));
const { values: args } = parseArgs({
  options: { write: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  strict: true,
});

const lib = await import(pathToFileURL(path.join(repoRoot, 'pkg', 'index.mjs')).href);

// ------------------------------------------------------------------------------------------
// Valid base inputs: one per function, small, from the hand-written fixtures.
// ------------------------------------------------------------------------------------------
const ackBase = readJson('ack', '01-scarce-stock-earliest-window-first.json').input;
const approveFixture = readJson('ack', '20-approve-lowered-quantities.json');
const approveBase = {
  proposal: JSON.parse(lib.decideAcknowledgementsJson(JSON.stringify(approveFixture.input))).pendingApproval[0],
  ...approveFixture.approve,
};
const dfBase = readJson('df_ack', 'accept.json').input;
const dfSalesBase = readJson('df_sales_order', 'accepted_netsuite.json').input;
const dfShipmentBase = readJson('df_shipment', 'shipped.json').input;
const dfInvoiceBase = readJson('df_invoice', 'invoice.json').input;
const salesBase = {
  purchaseOrders: clone(ackBase.purchaseOrders).map((po) => ({
    ...po,
    orderDetails: { ...po.orderDetails, shipToParty: { partyId: 'SEA8' } },
  })),
  skuMap: clone(ackBase.skuMap),
  locations: [{ fulfillmentCenter: 'SEA8', location: '7' }],
  customers: [{ vendorCode: 'VEND1', customer: '311', currencies: ['USD'] }],
  autoAcknowledge: true,
  preset: 'netsuite',
};
const diffBase = (() => {
  const previous = clone(ackBase.purchaseOrders[0]);
  const current = clone(previous);
  current.orderDetails.items[0].orderedQuantity.amount += 2;
  return { previous, current };
})();
const feedBase = {
  sellingParty: 'VENDORID',
  positions: [
    { warehouseId: 'ABCD', sku: 'TV', onHand: 40, committed: 5, safetyStock: 5, openAmazonAllocations: 10 },
    { warehouseId: 'ABCD', sku: 'CABLE', available: 15 },
    { warehouseId: 'EFGH', sku: 'MOUNT', onHand: 7 },
  ],
  skuMap: ['TV', 'CABLE', 'MOUNT'].map((sku, i) => ({ sku, asin: `B0FEED000${i}`, vendorSku: `V-${sku}` })),
  rules: [{ sku: 'CABLE', cap: 10 }],
  lastSent: [{ warehouseId: 'ABCD', sku: 'CABLE', quantity: 10 }],
  maxZeroShare: '0.5',
};
const exposureBase = {
  exceptions: [
    {
      code: 'ACCEPTED_NOT_SHIPPED',
      severity: 'error',
      purchaseOrderNumber: 'PO-2',
      itemSequenceNumber: '1',
      message: 'not shipped',
      dueAt: '2026-11-20T00:00:00Z',
      moneyAtRisk: { amount: '250.00', currencyCode: 'USD' },
      source: 'reconcile',
    },
  ],
  shipmentIssues: [
    {
      shipmentIdentifier: 'ASN-1',
      value: { amount: '500.00', currencyCode: 'USD' },
      issues: [
        {
          code: 'MISSING_CARTON_SSCC',
          severity: 'error',
          path: '/cartons/0/containerIdentifiers',
          message: 'no SSCC',
          purchaseOrderNumber: 'PO-2',
        },
      ],
    },
  ],
  now: '2026-11-22T12:00:00Z',
  rates: {},
  codeTypes: {},
};
const scorecardBase = (() => {
  const inv = readJson('invoice', 'base.json');
  return {
    purchaseOrders: inv.purchaseOrders,
    acknowledgements: inv.acknowledgements,
    shipments: inv.shipments,
    receipts: [
      {
        purchaseOrderNumber: 'PO-INV1',
        purchaseOrderStatus: 'OPEN',
        purchaseOrderDate: '2026-11-01T08:00:00Z',
        itemStatus: [
          {
            itemSequenceNumber: '1',
            buyerProductIdentifier: 'B0CASE0001',
            receivingStatus: { receiveStatus: 'RECEIVED', receivedQuantity: { amount: 48, unitOfMeasure: 'Eaches', unitSize: 1 } },
          },
        ],
      },
    ],
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
    now: '2026-12-15T00:00:00Z',
  };
})();
const reportBase = (() => {
  const decided = JSON.parse(
    lib.decideAcknowledgementsJson(JSON.stringify(readJson('ack', '05-unknown-and-obsolete-products.json').input)),
  );
  return {
    exceptions: decided.exceptions.map((e) => ({ ...e, source: 'decideAcknowledgements' })),
    transactions: [{ transactionId: 'T-1', status: 'Failure', submittedAt: '2026-11-21T10:00:00Z', kind: 'acknowledgement' }],
    now: '2026-11-21T12:00:00Z',
  };
})();
// The fixture report of the exceptions calendar (8 entries, two currencies, two overdue).
const savedReportBase = readJson('exceptions_report', 'merged.json');
const readBackBase = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'tests', 'fuzz', 'corpus', 'check_acknowledgement_status', 'seed-readback.json'), 'utf8'),
);
const routeBase = readJson('fba', 'route_mixed_webstore_order.json').input;
const eventBase = readJson('fba', 'event_fba_partial_shipment.json').input;
const shipmentBase = readJson('shipment', 'build-MasterCase.input.json');
const validateBase = (() => {
  const built = JSON.parse(lib.buildShipmentConfirmationJson(JSON.stringify(shipmentBase)));
  return {
    shipmentConfirmation: built.request.shipmentConfirmations[0],
    purchaseOrders: shipmentBase.purchaseOrders,
    acknowledgements: shipmentBase.acknowledgements,
    skuMap: shipmentBase.skuMap,
    now: shipmentBase.now,
  };
})();
const ssccBase = { companyPrefix: '0614141', extensionDigit: 1, serialReference: 123456789 };
const invoiceBase = readJson('invoice', 'base.json');
const reconcileBase = (() => {
  const built = JSON.parse(lib.buildInvoiceJson(JSON.stringify(invoiceBase)));
  const line = (seq, asin, amount) => ({
    itemSequenceNumber: seq,
    buyerProductIdentifier: asin,
    receivingStatus: { receiveStatus: 'RECEIVED', receivedQuantity: { amount, unitOfMeasure: 'Eaches' } },
  });
  return {
    purchaseOrders: invoiceBase.purchaseOrders,
    acknowledgements: invoiceBase.acknowledgements,
    shipments: invoiceBase.shipments,
    receipts: [
      {
        purchaseOrderNumber: 'PO-INV1',
        purchaseOrderStatus: 'OPEN',
        purchaseOrderDate: '2026-11-01T08:00:00Z',
        itemStatus: [line('1', 'B0CASE0001', 42), line('2', 'B0EACH0002', 20)],
      },
    ],
    invoices: built.request.invoices,
    remittanceCsv: {
      text: 'Payment Number,Payment Date,Invoice Number,Transaction Description,Invoice Currency,Amount Paid\r\nP-77,01/11/2027,INV-1001,Payment,USD,580.00',
    },
    now: '2027-01-15T00:00:00Z',
  };
})();
const configureBase = { maxInputBytes: 16 * 1024 * 1024 };
const outboxBase = {
  entry: {
    state: 'sent',
    operation: 'submitAcknowledgement',
    keys: ['PO1', 'PO2'],
    createdAt: '2026-11-22T08:00:00Z',
    sentAt: '2026-11-22T08:00:02Z',
    transactionId: 'T-1',
  },
  observed: { transactionStatus: { transactionId: 'T-1', status: 'Processing' } },
  now: '2026-11-22T08:05:00Z',
  rules: { settleGraceSeconds: 900, askPersonAfterSeconds: 3600 },
};

// ------------------------------------------------------------------------------------------
// Mutation helpers. Paths are JSON pointers, as the errors report them.
// ------------------------------------------------------------------------------------------
const tokens = (pointer) =>
  pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
function at(input, pointer, fn) {
  const copy = clone(input);
  const keys = tokens(pointer);
  let node = copy;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === undefined) throw new Error(`no ${pointer} in the base input (stops at ${k})`);
    node = node[k];
  }
  fn(node, keys[keys.length - 1]);
  return copy;
}
const set = (input, pointer, value) =>
  at(input, pointer, (parent, key) => {
    if (!(key in parent) && !Array.isArray(parent)) throw new Error(`no ${pointer} in the base input`);
    parent[key] = value;
  });
const add = (input, pointer, value) =>
  at(input, pointer, (parent, key) => {
    parent[key] = value;
  });
const del = (input, pointer) =>
  at(input, pointer, (parent, key) => {
    if (!(key in parent)) throw new Error(`no ${pointer} in the base input`);
    delete parent[key];
  });
const push = (input, pointer, fn) =>
  at(input, pointer, (parent, key) => {
    parent[key].push(fn(parent[key]));
  });

/** JSON text of `input` with `field`'s value replaced by raw text (what JSON values cannot hold). */
function rawAt(input, pointer, rawValue) {
  const marker = '"@@RAW@@"';
  return JSON.stringify(set(input, pointer, '@@RAW@@')).replace(marker, rawValue);
}

// A case: [name, description, {input | inputJson (+ alsoAsObject) | settings}, code, path].
const cases = new Map();
function add_(fn, name, description, body, code, pathValue) {
  if (!cases.has(fn)) cases.set(fn, []);
  cases.get(fn).push({ name, description, ...body, expected: { code, path: pathValue } });
}
// Functions that report problems in their output (`issues`) rather than throwing: the ASN
// builder and validator, whose callers show each issue next to the field it names.
function issue_(fn, name, description, body, code, pathValue) {
  if (!cases.has(fn)) cases.set(fn, []);
  cases.get(fn).push({ name, description, ...body, expected: { reportedAs: 'issue', code, path: pathValue } });
}
const obj = (input) => ({ input });
const addCase = (...a) => add_(...a);
const text = (inputJson, alsoAsObject = false) => (alsoAsObject ? { inputJson, alsoAsObject } : { inputJson });

// Shapes every function shares: the whole input wrong, not JSON, the JSON text's edge cases.
function common(
  fn,
  base,
  { required, hasJsonTwin = true, limit = true, numberAt, deepPath = `/${required}/0`, deepCode = 'INVALID_TYPE', skip = [] },
) {
  const add_ = (f, name, ...rest) => {
    if (!skip.includes(name)) addCase(f, name, ...rest);
  };
  add_(fn, 'root-number', 'the input is a number, not an object', obj(42), 'INVALID_TYPE', '');
  add_(fn, 'root-string', 'the input is a string, not an object', obj('{}'), 'INVALID_TYPE', '');
  add_(fn, 'root-array', 'the input is an array (serde would read it positionally): refused', obj([base]), 'INVALID_TYPE', '');
  add_(fn, 'root-null', 'the input is null', obj(null), 'INVALID_TYPE', '');
  add_(fn, 'empty-object', `an empty object: the first required field (${required}) is named`, obj({}), 'MISSING_FIELD', `/${required}`);
  add_(
    fn,
    'missing-required-field',
    `the required field ${required} is absent`,
    obj(del(base, `/${required}`)),
    'MISSING_FIELD',
    `/${required}`,
  );
  add_(
    fn,
    'unknown-top-level-field',
    'a misspelt top-level field is refused, not ignored',
    obj(add(base, '/nowe', '2026-11-21T12:00:00Z')),
    'UNKNOWN_FIELD',
    '/nowe',
  );
  add_(fn, 'required-field-null', `${required} is null`, obj(set(base, `/${required}`, null)), 'INVALID_TYPE', `/${required}`);
  if (limit) {
    add_(
      fn,
      'over-size-limit',
      'the input is larger than configure({ maxInputBytes }) allows: refused before parsing',
      { input: base, settings: { maxInputBytes: 64 } },
      'INPUT_TOO_LARGE',
      '',
    );
  }
  if (numberAt) {
    add_(
      fn,
      'huge-number-beyond-f64',
      'a number beyond the range of a double (1e400)',
      text(rawAt(base, numberAt, '1e400')),
      'INVALID_VALUE',
      numberAt,
    );
    add_(
      fn,
      'huge-integer-beyond-u64',
      'an integer beyond 2^64',
      text(rawAt(base, numberAt, '18446744073709551616'), true),
      'INVALID_TYPE',
      numberAt,
    );
    add_(
      fn,
      'number-as-exponent',
      'an integer written with an exponent (1e2) where a count belongs',
      text(rawAt(base, numberAt, '1e2')),
      'INVALID_TYPE',
      numberAt,
    );
  }
  if (!hasJsonTwin) return;
  const json = JSON.stringify(base);
  add_(fn, 'json-truncated', 'JSON text cut short', text(json.slice(0, Math.floor(json.length / 2))), 'INVALID_JSON', '');
  add_(fn, 'json-trailing-garbage', 'a second value after the object', text(`${json} {}`), 'INVALID_JSON', '');
  add_(fn, 'json-empty-text', 'an empty string', text(''), 'INVALID_JSON', '');
  add_(fn, 'json-only-whitespace', 'only whitespace', text(' \n\t '), 'INVALID_JSON', '');
  add_(
    fn,
    'json-byte-order-mark',
    'a UTF-8 byte order mark before the object (JSON forbids it; strip it before calling)',
    text(`\uFEFF${json}`),
    'INVALID_JSON',
    '',
  );
  add_(fn, 'json-single-quotes', 'single-quoted keys (not JSON)', text(`{'${required}': 1}`), 'INVALID_JSON', '');
  add_(fn, 'json-trailing-comma', 'a trailing comma', text(`${json.slice(0, -1)},}`), 'INVALID_JSON', '');
  add_(fn, 'json-comment', 'a comment (not JSON)', text(`/* batch */ ${json}`), 'INVALID_JSON', '');
  add_(
    fn,
    'json-raw-nul-in-string',
    'an unescaped NUL control character inside a string',
    text(json.replace(/":"/, '":"\u0000')),
    'INVALID_JSON',
    '',
  );
  add_(
    fn,
    'json-duplicate-key',
    `${required} given twice: refused rather than silently taking one`,
    text(`{"${required}": ${JSON.stringify(base[required])}, ${json.slice(1)}`),
    'INVALID_VALUE',
    `/${required}`,
  );
  add_(
    fn,
    'json-lone-surrogate-in-key',
    'a lone UTF-16 surrogate (\\ud800) escaped in a field name',
    text(`{"\\ud800": 1, ${json.slice(1)}`, true),
    'INVALID_VALUE',
    '',
  );
  add_(
    fn,
    'deep-nesting',
    'an array nested 3,000 deep in an unknown top-level field: refused at its name, without reading it',
    text(`{"deep": ${'['.repeat(3000)}${']'.repeat(3000)}, ${json.slice(1)}`),
    'UNKNOWN_FIELD',
    '/deep',
  );
  add_(
    fn,
    'deep-nesting-in-known-field',
    `an array nested 3,000 deep where ${required} belongs: refused at the first wrong level`,
    text(json.replace(`"${required}":${JSON.stringify(base[required])}`, `"${required}":${'['.repeat(3000)}${']'.repeat(3000)}`)),
    deepCode,
    deepPath,
  );
}

// ------------------------------------------------------------------------------------------
// Per function: wrong types, unknown enums, quantities, decimals, dates, Unicode, engine rules.
// ------------------------------------------------------------------------------------------
{
  const fn = 'decideAcknowledgements';
  const b = ackBase;
  const item = '/purchaseOrders/0/orderDetails/items/0';
  common(fn, b, { required: 'purchaseOrders', numberAt: `${item}/orderedQuantity/amount`, deepPath: '/purchaseOrders/0/0' });
  add_(
    fn,
    'purchase-orders-not-array',
    'purchaseOrders is an object',
    obj(set(b, '/purchaseOrders', { 'PO-A': b.purchaseOrders[0] })),
    'INVALID_TYPE',
    '/purchaseOrders',
  );
  add_(
    fn,
    'missing-po-number',
    'a PO without purchaseOrderNumber',
    obj(del(b, '/purchaseOrders/1/purchaseOrderNumber')),
    'MISSING_FIELD',
    '/purchaseOrders/1/purchaseOrderNumber',
  );
  add_(
    fn,
    'po-number-as-number',
    'purchaseOrderNumber is a number',
    obj(set(b, '/purchaseOrders/0/purchaseOrderNumber', 1234)),
    'INVALID_TYPE',
    '/purchaseOrders/0/purchaseOrderNumber',
  );
  add_(
    fn,
    'missing-item-sequence-number',
    'a line without itemSequenceNumber',
    obj(del(b, `${item}/itemSequenceNumber`)),
    'MISSING_FIELD',
    `${item}/itemSequenceNumber`,
  );
  add_(
    fn,
    'quantity-negative',
    'an ordered quantity of -1',
    obj(set(b, `${item}/orderedQuantity/amount`, -1)),
    'INVALID_VALUE',
    `${item}/orderedQuantity/amount`,
  );
  add_(
    fn,
    'quantity-fractional',
    'an ordered quantity of 2.5',
    obj(set(b, `${item}/orderedQuantity/amount`, 2.5)),
    'INVALID_TYPE',
    `${item}/orderedQuantity/amount`,
  );
  add_(
    fn,
    'quantity-as-string',
    'an ordered quantity as the string "10"',
    obj(set(b, `${item}/orderedQuantity/amount`, '10')),
    'INVALID_TYPE',
    `${item}/orderedQuantity/amount`,
  );
  add_(
    fn,
    'unit-of-measure-unknown',
    'unitOfMeasure "Pallets"',
    obj(set(b, `${item}/orderedQuantity/unitOfMeasure`, 'Pallets')),
    'UNKNOWN_ENUM',
    `${item}/orderedQuantity/unitOfMeasure`,
  );
  add_(
    fn,
    'unit-of-measure-rtl-mark',
    'unitOfMeasure "Eaches" followed by a right-to-left mark (U+200F)',
    obj(set(b, `${item}/orderedQuantity/unitOfMeasure`, 'Eaches\u200f')),
    'UNKNOWN_ENUM',
    `${item}/orderedQuantity/unitOfMeasure`,
  );
  add_(
    fn,
    'unit-of-measure-empty',
    'unitOfMeasure ""',
    obj(set(b, `${item}/orderedQuantity/unitOfMeasure`, '')),
    'UNKNOWN_ENUM',
    `${item}/orderedQuantity/unitOfMeasure`,
  );
  add_(
    fn,
    'po-state-unknown',
    'purchaseOrderState "Open"',
    obj(set(b, '/purchaseOrders/0/purchaseOrderState', 'Open')),
    'UNKNOWN_ENUM',
    '/purchaseOrders/0/purchaseOrderState',
  );
  add_(
    fn,
    'po-type-unknown',
    'purchaseOrderType "SpecialOrder"',
    obj(set(b, '/purchaseOrders/0/orderDetails/purchaseOrderType', 'SpecialOrder')),
    'UNKNOWN_ENUM',
    '/purchaseOrders/0/orderDetails/purchaseOrderType',
  );
  add_(
    fn,
    'net-cost-comma-decimal',
    'netCost "12,50" (decimal comma)',
    obj(set(b, `${item}/netCost/amount`, '12,50')),
    'INVALID_DECIMAL',
    `${item}/netCost/amount`,
  );
  add_(
    fn,
    'net-cost-exponent-out-of-range',
    'netCost "1e999" (Amazon\'s Decimal allows an exponent, not one beyond any decimal)',
    obj(set(b, `${item}/netCost/amount`, '1e999')),
    'INVALID_DECIMAL',
    `${item}/netCost/amount`,
  );
  add_(fn, 'net-cost-nan', 'netCost "NaN"', obj(set(b, `${item}/netCost/amount`, 'NaN')), 'INVALID_DECIMAL', `${item}/netCost/amount`);
  add_(fn, 'net-cost-empty', 'netCost ""', obj(set(b, `${item}/netCost/amount`, '')), 'INVALID_DECIMAL', `${item}/netCost/amount`);
  add_(
    fn,
    'net-cost-fullwidth-digits',
    'netCost in fullwidth digits "１２.５０"',
    obj(set(b, `${item}/netCost/amount`, '１２.５０')),
    'INVALID_DECIMAL',
    `${item}/netCost/amount`,
  );
  add_(
    fn,
    'net-cost-too-many-digits',
    'netCost with 40 digits (beyond 96-bit decimals)',
    obj(set(b, `${item}/netCost/amount`, '9'.repeat(40))),
    'INVALID_DECIMAL',
    `${item}/netCost/amount`,
  );
  add_(fn, 'now-month-13', 'now "2026-13-01T00:00:00Z"', obj(set(b, '/now', '2026-13-01T00:00:00Z')), 'INVALID_DATE', '/now');
  add_(fn, 'now-february-30', 'now "2026-02-30T00:00:00Z"', obj(set(b, '/now', '2026-02-30T00:00:00Z')), 'INVALID_DATE', '/now');
  add_(fn, 'now-offset-out-of-range', 'now with offset +25:00', obj(set(b, '/now', '2026-11-21T12:00:00+25:00')), 'INVALID_DATE', '/now');
  add_(
    fn,
    'now-iana-zone-name',
    'now with an IANA zone name instead of an offset',
    obj(set(b, '/now', '2026-11-21T12:00:00 America/New_York')),
    'INVALID_DATE',
    '/now',
  );
  add_(fn, 'now-words', 'now "tomorrow"', obj(set(b, '/now', 'tomorrow')), 'INVALID_DATE', '/now');
  add_(fn, 'now-epoch-number', 'now as epoch seconds', obj(set(b, '/now', 1763726400)), 'INVALID_TYPE', '/now');
  add_(
    fn,
    'now-nul-escape',
    'now with an escaped NUL (\\u0000) at the end',
    obj(set(b, '/now', '2026-11-21T12:00:00Z\u0000')),
    'INVALID_DATE',
    '/now',
  );
  add_(
    fn,
    'now-lone-surrogate',
    'now ending in an escaped lone surrogate',
    text(rawAt(b, '/now', '"2026-11-21T12:00:00Z\\udc00"'), true),
    'INVALID_VALUE',
    '/now',
  );
  add_(
    fn,
    'po-date-invalid',
    'purchaseOrderDate "2026-11-31T10:00:00Z"',
    obj(set(b, '/purchaseOrders/0/orderDetails/purchaseOrderDate', '2026-11-31T10:00:00Z')),
    'INVALID_DATE',
    '/purchaseOrders/0/orderDetails/purchaseOrderDate',
  );
  add_(
    fn,
    'ship-window-single-instant',
    'shipWindow is one instant, not START--END',
    obj(set(b, '/purchaseOrders/0/orderDetails/shipWindow', '2026-11-25T00:00:00Z')),
    'INVALID_DATE',
    '/purchaseOrders/0/orderDetails/shipWindow',
  );
  add_(
    fn,
    'ship-window-end-before-start',
    'shipWindow ends before it starts',
    obj(set(b, '/purchaseOrders/0/orderDetails/shipWindow', '2026-11-28T00:00:00Z--2026-11-25T00:00:00Z')),
    'INVALID_DATE',
    '/purchaseOrders/0/orderDetails/shipWindow',
  );
  add_(fn, 'inventory-negative-on-hand', 'onHand -5', obj(set(b, '/inventory/0/onHand', -5)), 'INVALID_VALUE', '/inventory/0/onHand');
  add_(fn, 'inventory-fractional-on-hand', 'onHand 2.5', obj(set(b, '/inventory/0/onHand', 2.5)), 'INVALID_TYPE', '/inventory/0/onHand');
  add_(
    fn,
    'inventory-without-quantity',
    'an inventory row with neither available nor onHand',
    obj(set(b, '/inventory/0', { sku: 'SCARCE' })),
    'MISSING_STOCK_QUANTITY',
    '/inventory/0',
  );
  add_(
    fn,
    'inventory-duplicate-sku',
    'the same SKU twice in inventory',
    obj(push(b, '/inventory', (rows) => ({ ...rows[0] }))),
    'DUPLICATE_SKU',
    '/inventory/1/sku',
  );
  add_(
    fn,
    'sku-map-duplicate-sku',
    'the same SKU twice in skuMap',
    obj(push(b, '/skuMap', () => ({ sku: 'SCARCE', asin: 'B0OTHER001' }))),
    'DUPLICATE_SKU',
    '/skuMap/1/sku',
  );
  add_(
    fn,
    'sku-map-ambiguous-asin',
    'one ASIN mapped to two SKUs',
    obj(push(b, '/skuMap', () => ({ sku: 'OTHER', asin: 'B0SCARCE01' }))),
    'AMBIGUOUS_SKU_MAPPING',
    '/skuMap/1/asin',
  );
  add_(
    fn,
    'duplicate-purchase-order',
    'the same PO number twice with different content',
    obj(set(b, '/purchaseOrders/1/purchaseOrderNumber', 'PO-A')),
    'DUPLICATE_PURCHASE_ORDER',
    '/purchaseOrders/1/purchaseOrderNumber',
  );
  add_(
    fn,
    'rule-misspelt',
    'rules.defaults.minInventry (misspelt)',
    obj(add(b, '/rules', { defaults: { minInventry: 2 } })),
    'UNKNOWN_FIELD',
    '/rules/defaults/minInventry',
  );
  add_(
    fn,
    'rule-po-type-unknown',
    'rules.poTypes with an unknown PO type',
    obj(add(b, '/rules', { poTypes: { SpecialOrder: { review: true } } })),
    'UNKNOWN_FIELD',
    '/rules/poTypes/SpecialOrder',
  );
  add_(
    fn,
    'rule-min-net-cost-bad-decimal',
    'rules.skus.SCARCE.minNetCost "ten"',
    obj(add(b, '/rules', { skus: { SCARCE: { minNetCost: 'ten' } } })),
    'INVALID_DECIMAL',
    '/rules/skus/SCARCE/minNetCost',
  );
  add_(
    fn,
    'option-unknown-priority',
    'options.allocationPriority "random"',
    obj(add(b, '/options', { allocationPriority: 'random' })),
    'UNKNOWN_ENUM',
    '/options/allocationPriority',
  );
  add_(
    fn,
    'option-negative-lead-time',
    'options.leadTimeDays -1',
    obj(add(b, '/options', { leadTimeDays: -1 })),
    'INVALID_VALUE',
    '/options/leadTimeDays',
  );
  add_(
    fn,
    'history-bad-date',
    'a history entry with acknowledgementDate "yesterday"',
    obj(
      add(b, '/history', [
        { purchaseOrderNumber: 'PO-A', sellingParty: { partyId: 'VEND1' }, acknowledgementDate: 'yesterday', items: [] },
      ]),
    ),
    'INVALID_DATE',
    '/history/0/acknowledgementDate',
  );
}
{
  const fn = 'approveAcknowledgement';
  const b = approveBase;
  common(fn, b, { required: 'proposal', numberAt: '/approved/0/accepted' });
  add_(fn, 'accepted-negative', 'accepted -1', obj(set(b, '/approved/0/accepted', -1)), 'INVALID_VALUE', '/approved/0/accepted');
  add_(fn, 'accepted-fractional', 'accepted 2.5', obj(set(b, '/approved/0/accepted', 2.5)), 'INVALID_TYPE', '/approved/0/accepted');
  add_(
    fn,
    'accepted-above-ordered',
    'accepted 11 of 10 ordered',
    obj(set(b, '/approved/0/accepted', 11)),
    'APPROVED_ABOVE_ORDERED',
    '/approved/0/accepted',
  );
  add_(
    fn,
    'accepted-above-allocatable',
    'accepted 9 with 8 allocatable and no override reason',
    obj(set(b, '/approved/0/accepted', 9)),
    'APPROVED_ABOVE_ALLOCATABLE',
    '/approved/0/accepted',
  );
  add_(
    fn,
    'unknown-line',
    'a line the PO does not have',
    obj(set(b, '/approved/0/itemSequenceNumber', '9')),
    'UNKNOWN_LINE',
    '/approved/0/itemSequenceNumber',
  );
  add_(
    fn,
    'duplicate-line',
    'the same line approved twice',
    obj(push(b, '/approved', (rows) => ({ ...rows[0] }))),
    'DUPLICATE_LINE',
    '/approved/1/itemSequenceNumber',
  );
  add_(
    fn,
    'backorder-not-allowed',
    'a backorder on a line whose PO forbids it',
    obj(push(b, '/approved', () => ({ itemSequenceNumber: '2', accepted: 1, backordered: 1, scheduledShipDate: '2026-11-25T00:00:00Z' }))),
    'BACKORDER_NOT_ALLOWED',
    '/approved/1/backordered',
  );
  add_(
    fn,
    'scheduled-date-invalid',
    'scheduledShipDate at hour 25',
    obj(set(b, '/approved/0', { itemSequenceNumber: '1', accepted: 5, backordered: 1, scheduledShipDate: '2026-11-25T25:00:00Z' })),
    'INVALID_DATE',
    '/approved/0/scheduledShipDate',
  );
  add_(fn, 'now-invalid', 'now "2026-11-21 13:00"', obj(set(b, '/now', '2026-11-21 13:00')), 'INVALID_DATE', '/now');
  add_(fn, 'approved-not-array', 'approved is an object', obj(set(b, '/approved', { 1: 5 })), 'INVALID_TYPE', '/approved');
  add_(fn, 'proposal-missing-lines', 'the proposal lost its lines', obj(del(b, '/proposal/lines')), 'MISSING_FIELD', '/proposal/lines');
}
{
  const fn = 'decideDirectFulfillmentAcknowledgements';
  const b = dfBase;
  const d = '/orders/0/orderDetails';
  common(fn, b, { required: 'orders', numberAt: `${d}/items/0/orderedQuantity/amount`, deepPath: '/orders/0/0' });
  add_(
    fn,
    'quantity-negative',
    'orderedQuantity -1',
    obj(set(b, `${d}/items/0/orderedQuantity/amount`, -1)),
    'INVALID_VALUE',
    `${d}/items/0/orderedQuantity/amount`,
  );
  add_(
    fn,
    'quantity-fractional',
    'orderedQuantity 1.5',
    obj(set(b, `${d}/items/0/orderedQuantity/amount`, 1.5)),
    'INVALID_TYPE',
    `${d}/items/0/orderedQuantity/amount`,
  );
  add_(
    fn,
    'net-price-bad-decimal',
    'netPrice "5OO.00" (letter O)',
    obj(set(b, `${d}/items/0/netPrice/amount`, '5OO.00')),
    'INVALID_DECIMAL',
    `${d}/items/0/netPrice/amount`,
  );
  add_(
    fn,
    'order-date-invalid',
    'orderDate "2026-03-02T25:00:00Z"',
    obj(set(b, `${d}/orderDate`, '2026-03-02T25:00:00Z')),
    'INVALID_DATE',
    `${d}/orderDate`,
  );
  add_(
    fn,
    'required-ship-date-offset-out-of-range',
    'requiredShipDate with an offset of +25:00',
    obj(set(b, `${d}/shipmentDetails/shipmentDates/requiredShipDate`, '2026-03-02T23:00:00+25:00')),
    'INVALID_DATE',
    `${d}/shipmentDetails/shipmentDates/requiredShipDate`,
  );
  add_(
    fn,
    'postal-code-as-number',
    "the customer's postalCode as a number (the value is withheld from the error)",
    obj(set(b, `${d}/shipToParty/postalCode`, 97403)),
    'INVALID_TYPE',
    `${d}/shipToParty/postalCode`,
  );
  add_(
    fn,
    'ship-to-name-as-object',
    "the customer's name as an object (the value is withheld from the error)",
    obj(set(b, `${d}/shipToParty/name`, { first: 'Jane' })),
    'INVALID_TYPE',
    `${d}/shipToParty/name`,
  );
  add_(
    fn,
    'duplicate-ship-ids-unknown',
    'options.duplicateShipIds "ignore"',
    obj(add(b, '/options', { duplicateShipIds: 'ignore' })),
    'UNKNOWN_ENUM',
    '/options/duplicateShipIds',
  );
  add_(
    fn,
    'usps-max-bad-decimal',
    'rules.uspsMaxOrderValue "4OO"',
    obj(add(b, '/rules', { uspsMaxOrderValue: '4OO' })),
    'INVALID_DECIMAL',
    '/rules/uspsMaxOrderValue',
  );
  add_(fn, 'inventory-negative', 'available -2', obj(set(b, '/inventory/1/available', -2)), 'INVALID_VALUE', '/inventory/1/available');
  add_(fn, 'now-invalid', 'now "02/03/2026 09:00"', obj(set(b, '/now', '02/03/2026 09:00')), 'INVALID_DATE', '/now');
}
{
  const fn = 'toDirectFulfillmentSalesOrders';
  const b = dfSalesBase;
  const d = '/orders/0/orderDetails';
  common(fn, b, { required: 'orders', numberAt: `${d}/items/0/orderedQuantity/amount`, deepPath: '/orders/0/0' });
  add_(
    fn,
    'order-date-invalid',
    'orderDate at hour 25',
    obj(set(b, `${d}/orderDate`, '2026-03-02T25:00:00Z')),
    'INVALID_DATE',
    `${d}/orderDate`,
  );
  add_(
    fn,
    'promised-delivery-invalid',
    'promisedDeliveryDate "soon"',
    obj(set(b, `${d}/shipmentDetails/shipmentDates/promisedDeliveryDate`, 'soon')),
    'INVALID_DATE',
    `${d}/shipmentDetails/shipmentDates/promisedDeliveryDate`,
  );
  add_(
    fn,
    'duplicate-line',
    'two lines share itemSequenceNumber 00001',
    obj(set(b, `${d}/items/1/itemSequenceNumber`, '00001')),
    'DUPLICATE_LINE',
    `${d}/items/1/itemSequenceNumber`,
  );
  add_(
    fn,
    'locations-as-array',
    'locations given as rows (it is a map of warehouse to location)',
    obj(set(b, '/locations', [{ warehouse: 'WH-EAST', location: '7' }])),
    'INVALID_TYPE',
    '/locations',
  );
  add_(
    fn,
    'gift-message-as-number',
    'a gift message as a number (the value is withheld from the error)',
    obj(set(b, `${d}/items/0/giftDetails/giftMessage`, 4242)),
    'INVALID_TYPE',
    `${d}/items/0/giftDetails/giftMessage`,
  );
  add_(
    fn,
    'preset-field-unknown',
    'presetFieldIds renames a field the preset does not have',
    obj(add(b, '/presetFieldIds', { custcol_nope: 'x' })),
    'UNKNOWN_PRESET_FIELD',
    '/presetFieldIds/custcol_nope',
  );
  add_(
    fn,
    'net-price-bad-decimal',
    'netPrice "5OO.00" (letter O)',
    obj(set(b, `${d}/items/0/netPrice/amount`, '5OO.00')),
    'INVALID_DECIMAL',
    `${d}/items/0/netPrice/amount`,
  );
}
{
  const fn = 'buildDirectFulfillmentShipmentConfirmations';
  const b = dfShipmentBase;
  common(fn, b, { required: 'orders', numberAt: '/shipments/0/packages/0/items/0/quantity', deepPath: '/orders/0/0' });
  add_(fn, 'now-invalid', 'now "yesterday"', obj(set(b, '/now', 'yesterday')), 'INVALID_DATE', '/now');
  add_(
    fn,
    'weight-unit-unknown',
    'weight in stones',
    obj(set(b, '/shipments/0/packages/0/weight/unitOfMeasure', 'ST')),
    'UNKNOWN_ENUM',
    '/shipments/0/packages/0/weight/unitOfMeasure',
  );
  add_(
    fn,
    'event-unknown',
    'a package event Amazon has no code for',
    obj(set(b, '/statusUpdates/0/event', 'ARRIVED')),
    'UNKNOWN_ENUM',
    '/statusUpdates/0/event',
  );
  add_(
    fn,
    'quantity-negative',
    'a packed quantity of -1',
    obj(set(b, '/shipments/0/packages/0/items/0/quantity', -1)),
    'INVALID_VALUE',
    '/shipments/0/packages/0/items/0/quantity',
  );
  add_(
    fn,
    'weight-bad-decimal',
    'weight "2l.5" (letter l)',
    obj(set(b, '/shipments/0/packages/0/weight/value', '2l.5')),
    'INVALID_DECIMAL',
    '/shipments/0/packages/0/weight/value',
  );
  issue_(
    fn,
    'shipped-date-invalid',
    'shippedDate "soon": an issue, the rest of the batch is still built',
    obj(set(b, '/shipments/0/shippedDate', 'soon')),
    'INVALID_DATE',
    '/shipments/0/shippedDate',
  );
  issue_(
    fn,
    'incomplete-shipment',
    'only one each of line 00002 packed (fill or kill)',
    obj(set(b, '/shipments/0/packages/1/items', [])),
    'INCOMPLETE_SHIPMENT',
    '/shipments/0/packages',
  );
}
{
  const fn = 'buildDirectFulfillmentInvoices';
  const b = dfInvoiceBase;
  common(fn, b, { required: 'orders', numberAt: '/shipmentConfirmations/0/items/0/shippedQuantity/amount', deepPath: '/orders/0/0' });
  add_(fn, 'now-invalid', 'now "tomorrow"', obj(set(b, '/now', 'tomorrow')), 'INVALID_DATE', '/now');
  add_(
    fn,
    'remit-to-city-missing',
    'the remit-to address has no city (the payments model requires it)',
    obj(del(b, '/remitToParty/address/city')),
    'MISSING_FIELD',
    '/remitToParty/address/city',
  );
  add_(
    fn,
    'sequence-as-text',
    'a confirmation itemSequenceNumber "00001" (an integer in the shipping model)',
    obj(set(b, '/shipmentConfirmations/0/items/0/itemSequenceNumber', '00001')),
    'INVALID_TYPE',
    '/shipmentConfirmations/0/items/0/itemSequenceNumber',
  );
  add_(
    fn,
    'shipment-status-unknown',
    'shipmentStatus "DELIVERED"',
    obj(set(b, '/shipmentConfirmations/0/shipmentDetails/shipmentStatus', 'DELIVERED')),
    'UNKNOWN_ENUM',
    '/shipmentConfirmations/0/shipmentDetails/shipmentStatus',
  );
  add_(
    fn,
    'net-price-bad-decimal',
    'netPrice "5OO.00" (letter O)',
    obj(set(b, '/orders/0/orderDetails/items/0/netPrice/amount', '5OO.00')),
    'INVALID_DECIMAL',
    '/orders/0/orderDetails/items/0/netPrice/amount',
  );
}
{
  const fn = 'toSalesOrders';
  const b = salesBase;
  common(fn, b, {
    required: 'purchaseOrders',
    numberAt: '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount',
    deepPath: '/purchaseOrders/0/0',
  });
  add_(fn, 'preset-unknown', 'preset "sap"', obj(set(b, '/preset', 'sap')), 'UNKNOWN_ENUM', '/preset');
  add_(
    fn,
    'currencies-empty',
    'a customer row with no currencies',
    obj(set(b, '/customers/0/currencies', [])),
    'INVALID_VALUE',
    '/customers/0/currencies',
  );
  add_(
    fn,
    'duplicate-location',
    'one fulfilment centre mapped twice',
    obj(push(b, '/locations', () => ({ fulfillmentCenter: 'SEA8', location: '8' }))),
    'DUPLICATE_LOCATION_MAPPING',
    '/locations/1/fulfillmentCenter',
  );
  add_(fn, 'auto-acknowledge-string', 'autoAcknowledge "yes"', obj(set(b, '/autoAcknowledge', 'yes')), 'INVALID_TYPE', '/autoAcknowledge');
  add_(
    fn,
    'quantity-negative',
    'an ordered quantity of -3',
    obj(set(b, '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount', -3)),
    'INVALID_VALUE',
    '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount',
  );
  add_(
    fn,
    'net-cost-bad-decimal',
    'netCost "12.5.0"',
    obj(set(b, '/purchaseOrders/0/orderDetails/items/0/netCost/amount', '12.5.0')),
    'INVALID_DECIMAL',
    '/purchaseOrders/0/orderDetails/items/0/netCost/amount',
  );
  add_(
    fn,
    'preset-field-unknown',
    'presetFieldIds renames a field the preset does not have',
    obj(add(b, '/presetFieldIds', { custcol_nope: 'x' })),
    'UNKNOWN_PRESET_FIELD',
    '/presetFieldIds/custcol_nope',
  );
}
{
  const fn = 'diffPurchaseOrder';
  const b = diffBase;
  common(fn, b, { required: 'previous', numberAt: '/current/orderDetails/items/0/orderedQuantity/amount' });
  add_(
    fn,
    'different-purchase-orders',
    'previous and current are different POs',
    obj(set(b, '/current/purchaseOrderNumber', 'OTHER')),
    'PURCHASE_ORDER_MISMATCH',
    '/current/purchaseOrderNumber',
  );
  add_(fn, 'current-missing', 'no current', obj(del(b, '/current')), 'MISSING_FIELD', '/current');
  add_(
    fn,
    'current-quantity-fractional',
    'a current quantity of 0.5',
    obj(set(b, '/current/orderDetails/items/0/orderedQuantity/amount', 0.5)),
    'INVALID_TYPE',
    '/current/orderDetails/items/0/orderedQuantity/amount',
  );
}
{
  const fn = 'inventoryFeed';
  const b = feedBase;
  common(fn, b, { required: 'sellingParty', numberAt: '/positions/0/onHand', deepPath: '/sellingParty' });
  add_(fn, 'batch-size-zero', 'batchSize 0', obj(add(b, '/batchSize', 0)), 'INVALID_VALUE', '/batchSize');
  add_(fn, 'on-hand-fractional', 'onHand 1.5', obj(set(b, '/positions/0/onHand', 1.5)), 'INVALID_TYPE', '/positions/0/onHand');
  add_(fn, 'max-zero-share-bad-decimal', 'maxZeroShare "half"', obj(set(b, '/maxZeroShare', 'half')), 'INVALID_DECIMAL', '/maxZeroShare');
  add_(
    fn,
    'max-zero-share-above-one',
    'maxZeroShare "1.5" (a share is at most 1)',
    obj(set(b, '/maxZeroShare', '1.5')),
    'INVALID_VALUE',
    '/maxZeroShare',
  );
  add_(fn, 'cap-negative', 'a cap of -1', obj(set(b, '/rules/0/cap', -1)), 'INVALID_VALUE', '/rules/0/cap');
  add_(
    fn,
    'position-missing-warehouse',
    'a position without warehouseId',
    obj(del(b, '/positions/1/warehouseId')),
    'MISSING_FIELD',
    '/positions/1/warehouseId',
  );
  add_(
    fn,
    'last-sent-negative',
    'a lastSent quantity of -1',
    obj(set(b, '/lastSent/0/quantity', -1)),
    'INVALID_VALUE',
    '/lastSent/0/quantity',
  );
}
{
  const fn = 'exceptionsReport';
  const b = reportBase;
  common(fn, b, { required: 'now', deepPath: '/now' });
  add_(fn, 'exceptions-not-array', 'exceptions is an object', obj(set(b, '/exceptions', {})), 'INVALID_TYPE', '/exceptions');
  add_(
    fn,
    'severity-unknown',
    'an exception with severity "fatal"',
    obj(set(b, '/exceptions/0/severity', 'fatal')),
    'UNKNOWN_ENUM',
    '/exceptions/0/severity',
  );
  add_(
    fn,
    'due-at-invalid',
    'an exception with dueAt "soon"',
    obj(set(b, '/exceptions/0/dueAt', 'soon')),
    'INVALID_DATE',
    '/exceptions/0/dueAt',
  );
  add_(
    fn,
    'money-bad-decimal',
    'an exception whose moneyAtRisk amount is "1,000.00"',
    obj(add(b, '/exceptions/0/moneyAtRisk', { amount: '1,000.00', currencyCode: 'USD' })),
    'INVALID_DECIMAL',
    '/exceptions/0/moneyAtRisk/amount',
  );
  add_(
    fn,
    'transaction-status-unknown',
    'a transaction with status "Lost"',
    obj(set(b, '/transactions/0/status', 'Lost')),
    'UNKNOWN_ENUM',
    '/transactions/0/status',
  );
  add_(
    fn,
    'transaction-date-invalid',
    'a transaction submitted at "2026-11-21T10:00:00+5"',
    obj(set(b, '/transactions/0/submittedAt', '2026-11-21T10:00:00+5')),
    'INVALID_DATE',
    '/transactions/0/submittedAt',
  );
}
{
  const fn = 'chargebackExposure';
  const b = exposureBase;
  common(fn, b, { required: 'now', deepPath: '/now' });
  add_(
    fn,
    'due-at-invalid',
    'an exception with dueAt "soon"',
    obj(set(b, '/exceptions/0/dueAt', 'soon')),
    'INVALID_DATE',
    '/exceptions/0/dueAt',
  );
  add_(
    fn,
    'issue-due-at-invalid',
    'an ASN issue with dueAt "2026-13-01"',
    obj(add(b, '/shipmentIssues/0/issues/0/dueAt', '2026-13-01')),
    'INVALID_DATE',
    '/shipmentIssues/0/issues/0/dueAt',
  );
  add_(
    fn,
    'rate-type-unknown',
    'a rate for the unknown type "lateness"',
    obj(add(b, '/rates/lateness', { percentOfCost: '3' })),
    'UNKNOWN_ENUM',
    '/rates',
  );
  add_(
    fn,
    'rate-percent-and-fee',
    'a rate with both a percentage and a fee',
    obj(add(b, '/rates/overage', { percentOfCost: '3', fee: '1', currencyCode: 'USD' })),
    'INVALID_VALUE',
    '/rates/overage/fee',
  );
  add_(
    fn,
    'rate-negative',
    'a rate of -3 %',
    obj(add(b, '/rates/overage', { percentOfCost: '-3' })),
    'INVALID_VALUE',
    '/rates/overage/percentOfCost',
  );
  add_(
    fn,
    'rate-fee-without-currency',
    'a fee without its currency',
    obj(add(b, '/rates/cartonLabel', { fee: '5' })),
    'MISSING_FIELD',
    '/rates/cartonLabel/currencyCode',
  );
  add_(
    fn,
    'rate-bad-decimal',
    'a rate of "3%"',
    obj(add(b, '/rates/overage', { percentOfCost: '3%' })),
    'INVALID_DECIMAL',
    '/rates/overage/percentOfCost',
  );
  add_(
    fn,
    'code-type-unknown',
    'a code mapped to the unknown type "fine"',
    obj(add(b, '/codeTypes/WMS_X', 'fine')),
    'UNKNOWN_ENUM',
    '/codeTypes/WMS_X',
  );
  add_(
    fn,
    'shipment-value-bad-decimal',
    'an ASN value of "1,000.00"',
    obj(set(b, '/shipmentIssues/0/value/amount', '1,000.00')),
    'INVALID_DECIMAL',
    '/shipmentIssues/0/value/amount',
  );
}
{
  const fn = 'vendorScorecard';
  const b = scorecardBase;
  common(fn, b, { required: 'purchaseOrders', deepPath: '/purchaseOrders/0/0' });
  add_(fn, 'from-missing', 'no start of the period', obj(del(b, '/from')), 'MISSING_FIELD', '/from');
  add_(fn, 'to-invalid', 'the period ends "next month"', obj(set(b, '/to', 'next month')), 'INVALID_DATE', '/to');
  add_(
    fn,
    'po-date-invalid',
    'a PO dated "yesterday"',
    obj(set(b, '/purchaseOrders/0/orderDetails/purchaseOrderDate', 'yesterday')),
    'INVALID_DATE',
    '/purchaseOrders/0/orderDetails/purchaseOrderDate',
  );
  add_(
    fn,
    'ack-date-invalid',
    'an acknowledgement dated 2026-11-31',
    obj(set(b, '/acknowledgements/0/acknowledgementDate', '2026-11-31T00:00:00Z')),
    'INVALID_DATE',
    '/acknowledgements/0/acknowledgementDate',
  );
  add_(
    fn,
    'asn-shipped-date-invalid',
    'an ASN shipped "soon"',
    obj(set(b, '/shipments/0/shippedDate', 'soon')),
    'INVALID_DATE',
    '/shipments/0/shippedDate',
  );
  add_(
    fn,
    'option-negative',
    'acknowledgementHours -1',
    obj(add(b, '/options', { acknowledgementHours: -1 })),
    'INVALID_VALUE',
    '/options/acknowledgementHours',
  );
}
{
  // A saved report read back: fields it does not define are ignored (a newer core's report still
  // opens; even one nested 3,000 deep is skipped without recursion), so the shared unknown-field
  // cases do not apply; its own rules are ranks in list order and a summary that adds up to the
  // entries.
  const fn = 'readExceptionsReport';
  const b = savedReportBase;
  common(fn, b, {
    required: 'entries',
    numberAt: '/summary/total',
    deepPath: '/entries/0/0',
    skip: ['unknown-top-level-field', 'deep-nesting'],
  });
  add_(fn, 'entries-not-array', 'entries is an object', obj(set(b, '/entries', {})), 'INVALID_TYPE', '/entries');
  add_(
    fn,
    'due-at-invalid',
    'an entry with dueAt "2026-13-01T00:00:00Z" (month 13)',
    obj(set(b, '/entries/3/dueAt', '2026-13-01T00:00:00Z')),
    'INVALID_DATE',
    '/entries/3/dueAt',
  );
  add_(fn, 'due-at-words', 'an entry with dueAt "soon"', obj(set(b, '/entries/0/dueAt', 'soon')), 'INVALID_DATE', '/entries/0/dueAt');
  add_(
    fn,
    'severity-unknown',
    'an entry with severity "fatal"',
    obj(set(b, '/entries/1/severity', 'fatal')),
    'UNKNOWN_ENUM',
    '/entries/1/severity',
  );
  add_(fn, 'owner-unknown', 'an entry owned by "ceo"', obj(set(b, '/entries/2/owner', 'ceo')), 'UNKNOWN_ENUM', '/entries/2/owner');
  add_(
    fn,
    'money-bad-decimal',
    'money at risk of "19,98"',
    obj(set(b, '/entries/0/moneyAtRisk/amount', '19,98')),
    'INVALID_DECIMAL',
    '/entries/0/moneyAtRisk/amount',
  );
  add_(fn, 'overdue-as-string', 'overdue "yes"', obj(set(b, '/entries/0/overdue', 'yes')), 'INVALID_TYPE', '/entries/0/overdue');
  add_(fn, 'entry-missing-code', 'an entry without code', obj(del(b, '/entries/4/code')), 'MISSING_FIELD', '/entries/4/code');
  add_(fn, 'rank-out-of-sequence', 'the fourth entry ranked 9', obj(set(b, '/entries/3/rank', 9)), 'INVALID_VALUE', '/entries/3/rank');
  add_(
    fn,
    'summary-total-wrong',
    'a summary counting one entry more than there are',
    obj(set(b, '/summary/total', b.summary.total + 1)),
    'INVALID_VALUE',
    '/summary/total',
  );
  add_(
    fn,
    'summary-overdue-wrong',
    'a summary counting no overdue entry although some are',
    obj(set(b, '/summary/overdue', 0)),
    'INVALID_VALUE',
    '/summary/overdue',
  );
  add_(
    fn,
    'summary-money-wrong',
    'a money-at-risk total one cent off',
    obj(set(b, '/summary/moneyAtRisk/1/amount', '24.99')),
    'INVALID_VALUE',
    '/summary/moneyAtRisk/1/amount',
  );
}
{
  const fn = 'routeFulfillment';
  const b = routeBase;
  common(fn, b, { required: 'order', numberAt: '/order/lines/0/quantity' });
  add_(
    fn,
    'quantity-negative',
    'a line quantity of -2',
    obj(set(b, '/order/lines/0/quantity', -2)),
    'INVALID_VALUE',
    '/order/lines/0/quantity',
  );
  add_(
    fn,
    'quantity-fractional',
    'a line quantity of 0.5',
    obj(set(b, '/order/lines/0/quantity', 0.5)),
    'INVALID_TYPE',
    '/order/lines/0/quantity',
  );
  add_(
    fn,
    'order-date-invalid',
    'orderDate with offset "+1:00"',
    obj(set(b, '/order/orderDate', '2026-11-20T10:15:00+1:00')),
    'INVALID_DATE',
    '/order/orderDate',
  );
  add_(
    fn,
    'fba-stock-negative',
    'fulfillableQuantity -1',
    obj(set(b, '/fbaStock/0/fulfillableQuantity', -1)),
    'INVALID_VALUE',
    '/fbaStock/0/fulfillableQuantity',
  );
  add_(
    fn,
    'speed-mapping-unknown-category',
    'a shipping speed mapped to an unknown FBA category',
    obj(set(b, '/options/speedMapping/express', 'Teleport')),
    'UNKNOWN_ENUM',
    '/options/speedMapping/express',
  );
  add_(fn, 'line-missing-sku', 'a line without sku', obj(del(b, '/order/lines/1/sku')), 'MISSING_FIELD', '/order/lines/1/sku');
  add_(
    fn,
    'ship-to-name-as-number',
    "the customer's name as a number",
    obj(set(b, '/order/shipTo/name', 42)),
    'INVALID_TYPE',
    '/order/shipTo/name',
  );
}
{
  const fn = 'applyFulfillmentEvent';
  const b = eventBase;
  const fo = '/event/fulfillmentOrder/payload';
  common(fn, b, { required: 'package', numberAt: `${fo}/fulfillmentOrderItems/0/quantity` });
  add_(
    fn,
    'status-unknown',
    'fulfillmentOrderStatus "Teleported"',
    obj(set(b, `${fo}/fulfillmentOrder/fulfillmentOrderStatus`, 'Teleported')),
    'UNKNOWN_ENUM',
    `${fo}/fulfillmentOrder/fulfillmentOrderStatus`,
  );
  add_(
    fn,
    'shipping-date-invalid',
    'shippingDate "21/11/2026"',
    obj(set(b, `${fo}/fulfillmentShipments/0/shippingDate`, '21/11/2026')),
    'INVALID_DATE',
    `${fo}/fulfillmentShipments/0/shippingDate`,
  );
  add_(fn, 'package-status-unknown', 'a package status "lost"', obj(set(b, '/package/status', 'lost')), 'UNKNOWN_ENUM', '/package/status');
  add_(
    fn,
    'package-line-fractional',
    'a package line quantity of 1.5',
    obj(set(b, '/package/lines/0/quantity', 1.5)),
    'INVALID_TYPE',
    '/package/lines/0/quantity',
  );
}
{
  const fn = 'buildShipmentConfirmation';
  const b = shipmentBase;
  common(fn, b, { required: 'shipmentIdentifier', numberAt: '/cartons/0/contents/0/quantity', deepPath: '/shipmentIdentifier' });
  add_(
    fn,
    'transportation-mode-unknown',
    'transportationMode "Teleport"',
    obj(set(b, '/transportationMode', 'Teleport')),
    'UNKNOWN_ENUM',
    '/transportationMode',
  );
  add_(fn, 'shipment-type-unknown', 'shipmentType "Drone"', obj(set(b, '/shipmentType', 'Drone')), 'UNKNOWN_ENUM', '/shipmentType');
  add_(
    fn,
    'structure-unknown',
    'shipmentStructure "Crate"',
    obj(set(b, '/shipmentStructure', 'Crate')),
    'UNKNOWN_ENUM',
    '/shipmentStructure',
  );
  add_(
    fn,
    'content-quantity-negative',
    'a carton content quantity of -12',
    obj(set(b, '/cartons/0/contents/0/quantity', -12)),
    'INVALID_VALUE',
    '/cartons/0/contents/0/quantity',
  );
  add_(
    fn,
    'content-quantity-fractional',
    'a carton content quantity of 1.5',
    obj(set(b, '/cartons/0/contents/0/quantity', 1.5)),
    'INVALID_TYPE',
    '/cartons/0/contents/0/quantity',
  );
  add_(
    fn,
    'weight-bad-decimal',
    'a carton weight "30 lb"',
    obj(set(b, '/cartons/0/weight/value', '30 lb')),
    'INVALID_DECIMAL',
    '/cartons/0/weight/value',
  );
  add_(
    fn,
    'weight-unit-unknown',
    'a carton weight in "Stone"',
    obj(set(b, '/cartons/0/weight/unitOfMeasure', 'Stone')),
    'UNKNOWN_ENUM',
    '/cartons/0/weight/unitOfMeasure',
  );
  issue_(
    fn,
    'shipped-date-invalid',
    'shippedDate "2026-11-22T09:45:00+24:00": an error issue, no body',
    obj(set(b, '/shippedDate', '2026-11-22T09:45:00+24:00')),
    'INVALID_DATE',
    '/shippedDate',
  );
  issue_(
    fn,
    'shipped-date-words',
    'shippedDate "tomorrow": an error issue, no body',
    obj(set(b, '/shippedDate', 'tomorrow')),
    'INVALID_DATE',
    '/shippedDate',
  );
  add_(fn, 'now-invalid', 'now ""', obj(set(b, '/now', '')), 'INVALID_DATE', '/now');
}
{
  const fn = 'validateShipmentConfirmation';
  const b = validateBase;
  const sc = '/shipmentConfirmation';
  // The ASN is read as raw JSON (its problems are issues): nesting hits serde_json's depth limit.
  common(fn, b, { required: 'shipmentConfirmation', skip: ['required-field-null'], deepCode: 'INVALID_JSON', deepPath: '' });
  issue_(
    fn,
    'confirmation-type-unknown',
    'shipmentConfirmationType "Amend"',
    obj(set(b, `${sc}/shipmentConfirmationType`, 'Amend')),
    'UNKNOWN_ENUM_VALUE',
    '/shipmentConfirmationType',
  );
  issue_(
    fn,
    'confirmation-date-invalid',
    'shipmentConfirmationDate "now"',
    obj(set(b, `${sc}/shipmentConfirmationDate`, 'now')),
    'INVALID_DATE',
    '/shipmentConfirmationDate',
  );
  issue_(
    fn,
    'shipped-quantity-negative',
    'a shipped quantity of -1',
    obj(set(b, `${sc}/shippedItems/0/shippedQuantity/amount`, -1)),
    'INVALID_TYPE',
    '/shippedItems/0/shippedQuantity/amount',
  );
  issue_(
    fn,
    'shipped-unit-unknown',
    'a shipped unit "Boxes"',
    obj(set(b, `${sc}/shippedItems/0/shippedQuantity/unitOfMeasure`, 'Boxes')),
    'UNKNOWN_ENUM_VALUE',
    '/shippedItems/0/shippedQuantity/unitOfMeasure',
  );
  add_(fn, 'now-invalid', 'now "2026-11-22T09:60:00Z"', obj(set(b, '/now', '2026-11-22T09:60:00Z')), 'INVALID_DATE', '/now');
  // Read as plain JSON, the ASN once let the last of two equal keys win; now refused like every
  // typed input, with the same code and the second key's pointer.
  add_(
    fn,
    'json-duplicate-nested-key',
    'a key given twice inside the ASN ("amount":500,"amount":N): refused, not last-wins',
    text(JSON.stringify(b).replace('"shippedQuantity":{"amount":', '"shippedQuantity":{"amount":500,"amount":')),
    'INVALID_VALUE',
    `${sc}/shippedItems/0/shippedQuantity/amount`,
  );
}
{
  const fn = 'generateSscc';
  const b = ssccBase;
  common(fn, b, { required: 'companyPrefix', hasJsonTwin: false });
  add_(fn, 'serial-beyond-u64', 'serialReference 2^64', obj(set(b, '/serialReference', 2 ** 64)), 'INVALID_TYPE', '/serialReference');
  add_(fn, 'extension-digit-ten', 'extensionDigit 10', obj(set(b, '/extensionDigit', 10)), 'INVALID_VALUE', '/extensionDigit');
  add_(fn, 'extension-digit-negative', 'extensionDigit -1', obj(set(b, '/extensionDigit', -1)), 'INVALID_VALUE', '/extensionDigit');
  add_(
    fn,
    'company-prefix-letters',
    'companyPrefix "06141A1"',
    obj(set(b, '/companyPrefix', '06141A1')),
    'INVALID_VALUE',
    '/companyPrefix',
  );
  add_(
    fn,
    'company-prefix-too-short',
    'companyPrefix "061" (a GS1 company prefix has 4 to 12 digits)',
    obj(set(b, '/companyPrefix', '061')),
    'INVALID_VALUE',
    '/companyPrefix',
  );
  add_(
    fn,
    'company-prefix-arabic-digits',
    'companyPrefix in Arabic-Indic digits',
    obj(set(b, '/companyPrefix', '٠٦١٤١٤١')),
    'INVALID_VALUE',
    '/companyPrefix',
  );
  add_(
    fn,
    'serial-too-long',
    'a serial reference that does not fit beside the prefix',
    obj(set(b, '/serialReference', 1234567890)),
    'INVALID_VALUE',
    '/serialReference',
  );
  add_(fn, 'serial-negative', 'serialReference -1', obj(set(b, '/serialReference', -1)), 'INVALID_VALUE', '/serialReference');
  add_(fn, 'serial-fractional', 'serialReference 1.5', obj(set(b, '/serialReference', 1.5)), 'INVALID_TYPE', '/serialReference');
}
{
  const fn = 'buildInvoice';
  const b = invoiceBase;
  common(fn, b, { required: 'invoices', numberAt: '/shipments/0/shippedItems/0/shippedQuantity/amount', deepPath: '/invoices/0/0' });
  add_(
    fn,
    'invoice-date-invalid',
    'an invoice dated "tomorrow"',
    obj(set(b, '/invoices/0/date', 'tomorrow')),
    'INVALID_DATE',
    '/invoices/0/date',
  );
  add_(
    fn,
    'charge-bad-decimal',
    'a charge of "25,00"',
    obj(set(b, '/invoices/0/charges/0/amount', '25,00')),
    'INVALID_DECIMAL',
    '/invoices/0/charges/0/amount',
  );
  add_(
    fn,
    'charge-type-unknown',
    'a charge of type "Tip"',
    obj(set(b, '/invoices/0/charges/0/type', 'Tip')),
    'UNKNOWN_ENUM',
    '/invoices/0/charges/0/type',
  );
  add_(
    fn,
    'invoice-type-unknown',
    'invoiceType "Refund"',
    obj(add(b, '/invoices/0/invoiceType', 'Refund')),
    'UNKNOWN_ENUM',
    '/invoices/0/invoiceType',
  );
  add_(fn, 'invoice-missing-id', 'an invoice without id', obj(del(b, '/invoices/0/id')), 'MISSING_FIELD', '/invoices/0/id');
  add_(
    fn,
    'shipped-quantity-negative',
    'a shipped quantity of -8',
    obj(set(b, '/shipments/0/shippedItems/0/shippedQuantity/amount', -8)),
    'INVALID_VALUE',
    '/shipments/0/shippedItems/0/shippedQuantity/amount',
  );
  add_(
    fn,
    'duplicate-purchase-order',
    'the same PO twice',
    obj(push(b, '/purchaseOrders', (rows) => ({ ...rows[0], purchaseOrderState: 'Closed' }))),
    'DUPLICATE_PURCHASE_ORDER',
    '/purchaseOrders/1/purchaseOrderNumber',
  );
}
{
  const fn = 'reconcile';
  const b = reconcileBase;
  common(fn, b, {
    required: 'purchaseOrders',
    limit: false,
    numberAt: '/receipts/0/itemStatus/0/receivingStatus/receivedQuantity/amount',
    deepPath: '/purchaseOrders/0/0',
  });
  add_(fn, 'now-invalid', 'now "next Tuesday"', obj(set(b, '/now', 'next Tuesday')), 'INVALID_DATE', '/now');
  add_(
    fn,
    'remittance-currency-mismatch',
    'a remittance row in EUR against a USD invoice',
    obj(set(b, '/remittanceCsv/text', 'Invoice Number,Amount Paid,Invoice Currency\nINV-1001,580.00,EUR')),
    'CURRENCY_MISMATCH',
    '/remittanceCsv/text',
  );
  add_(
    fn,
    'receipt-status-unknown',
    'a receipt whose receiveStatus is "LOST"',
    obj(set(b, '/receipts/0/itemStatus/0/receivingStatus/receiveStatus', 'LOST')),
    'UNKNOWN_ENUM',
    '/receipts/0/itemStatus/0/receivingStatus/receiveStatus',
  );
  add_(
    fn,
    'received-quantity-negative',
    'a received quantity of -42',
    obj(set(b, '/receipts/0/itemStatus/0/receivingStatus/receivedQuantity/amount', -42)),
    'INVALID_VALUE',
    '/receipts/0/itemStatus/0/receivingStatus/receivedQuantity/amount',
  );
  add_(fn, 'receipts-not-array', 'receipts is a string', obj(set(b, '/receipts', 'PO-INV1')), 'INVALID_TYPE', '/receipts');
}
{
  // The acknowledgements sent against what getPurchaseOrdersStatus says Amazon recorded.
  const fn = 'checkAcknowledgementStatus';
  const b = readBackBase;
  const amountAt = '/ordersStatus/0/itemStatus/0/acknowledgementStatus/acceptedQuantity/amount';
  common(fn, b, { required: 'sent', numberAt: amountAt, deepPath: '/sent/0/0' });
  add_(
    fn,
    'sent-date-invalid',
    'an acknowledgement sent "yesterday"',
    obj(set(b, '/sent/0/acknowledgementDate', 'yesterday')),
    'INVALID_DATE',
    '/sent/0/acknowledgementDate',
  );
  add_(
    fn,
    'confirmation-status-unknown',
    'a confirmationStatus "MAYBE"',
    obj(set(b, '/ordersStatus/0/itemStatus/0/acknowledgementStatus/confirmationStatus', 'MAYBE')),
    'UNKNOWN_ENUM',
    '/ordersStatus/0/itemStatus/0/acknowledgementStatus/confirmationStatus',
  );
  add_(fn, 'accepted-negative', 'an accepted quantity of -6', obj(set(b, amountAt, -6)), 'INVALID_VALUE', amountAt);
  add_(
    fn,
    'status-missing-po-number',
    'a status row without purchaseOrderNumber',
    obj(del(b, '/ordersStatus/0/purchaseOrderNumber')),
    'MISSING_FIELD',
    '/ordersStatus/0/purchaseOrderNumber',
  );
  add_(fn, 'settle-minutes-negative', 'settleMinutes -1', obj(add(b, '/settleMinutes', -1)), 'INVALID_VALUE', '/settleMinutes');
}
{
  const fn = 'nextOutboxAction';
  const b = outboxBase;
  // An array where the entry belongs is read positionally; its first field is an enum, which
  // serde_json refuses at the `[` as a syntax error (no path), before any depth limit.
  common(fn, b, { required: 'entry', numberAt: '/rules/settleGraceSeconds', deepCode: 'INVALID_JSON', deepPath: '' });
  add_(fn, 'state-unknown', 'an entry in state "lost"', obj(set(b, '/entry/state', 'lost')), 'UNKNOWN_ENUM', '/entry/state');
  add_(fn, 'created-at-invalid', 'createdAt "yesterday"', obj(set(b, '/entry/createdAt', 'yesterday')), 'INVALID_DATE', '/entry/createdAt');
  add_(fn, 'now-invalid', 'now "2026-11-22T08:61:00Z"', obj(set(b, '/now', '2026-11-22T08:61:00Z')), 'INVALID_DATE', '/now');
  add_(
    fn,
    'grace-negative',
    'settleGraceSeconds -1',
    obj(set(b, '/rules/settleGraceSeconds', -1)),
    'INVALID_VALUE',
    '/rules/settleGraceSeconds',
  );
  add_(
    fn,
    'http-status-beyond-u16',
    'an HTTP status of 70000',
    obj(set(set(b, '/entry/state', 'pending'), '/observed', { sendFailed: { status: 70000 } })),
    'INVALID_VALUE',
    '/observed/sendFailed/status',
  );
  add_(
    fn,
    'transaction-status-unknown',
    'a transaction status "Done"',
    obj(set(b, '/observed/transactionStatus/status', 'Done')),
    'UNKNOWN_ENUM',
    '/observed/transactionStatus/status',
  );
  add_(
    fn,
    'po-state-unknown',
    'a purchaseOrderState "Open"',
    obj(set(set(b, '/entry/state', 'unknown'), '/observed', { purchaseOrderStates: { PO1: 'Open' } })),
    'UNKNOWN_ENUM',
    '/observed/purchaseOrderStates/PO1',
  );
  add_(
    fn,
    'observation-unknown',
    'an observation "sendRetried"',
    obj(set(b, '/observed', { sendRetried: {} })),
    'UNKNOWN_ENUM',
    '/observed',
  );
  add_(
    fn,
    'observation-not-applicable',
    'a transaction status for an entry without a transaction id (pending)',
    obj(set(b, '/entry/state', 'pending')),
    'OBSERVATION_NOT_APPLICABLE',
    '/observed/transactionStatus',
  );
  add_(
    fn,
    'sent-without-transaction-id',
    'a sent entry without its transactionId',
    obj(del(b, '/entry/transactionId')),
    'MISSING_TRANSACTION_ID',
    '/entry/transactionId',
  );
  add_(
    fn,
    'transaction-mismatch',
    "Amazon's answer about another transaction",
    obj(set(b, '/observed/transactionStatus/transactionId', 'T-2')),
    'TRANSACTION_MISMATCH',
    '/observed/transactionStatus/transactionId',
  );
}
{
  const fn = 'configure';
  const b = configureBase;
  add_(fn, 'root-number', 'the settings are a number', obj(42), 'INVALID_TYPE', '');
  add_(fn, 'root-null', 'the settings are null', obj(null), 'INVALID_TYPE', '');
  add_(fn, 'unknown-setting', 'a misspelt setting', obj({ maxInputByte: 1024 }), 'UNKNOWN_FIELD', '/maxInputByte');
  add_(fn, 'limit-zero', 'maxInputBytes 0', obj(set(b, '/maxInputBytes', 0)), 'INVALID_VALUE', '/maxInputBytes');
  add_(fn, 'limit-negative', 'maxInputBytes -1', obj(set(b, '/maxInputBytes', -1)), 'INVALID_VALUE', '/maxInputBytes');
  add_(fn, 'limit-fractional', 'maxInputBytes 1.5', obj(set(b, '/maxInputBytes', 1.5)), 'INVALID_TYPE', '/maxInputBytes');
  add_(fn, 'limit-as-string', 'maxInputBytes "16MB"', obj(set(b, '/maxInputBytes', '16MB')), 'INVALID_TYPE', '/maxInputBytes');
}

// ------------------------------------------------------------------------------------------
// Check every case against pkg/, then write.
// ------------------------------------------------------------------------------------------
const BASES = {
  decideAcknowledgements: ackBase,
  approveAcknowledgement: approveBase,
  decideDirectFulfillmentAcknowledgements: dfBase,
  toDirectFulfillmentSalesOrders: dfSalesBase,
  buildDirectFulfillmentShipmentConfirmations: dfShipmentBase,
  buildDirectFulfillmentInvoices: dfInvoiceBase,
  toSalesOrders: salesBase,
  diffPurchaseOrder: diffBase,
  inventoryFeed: feedBase,
  exceptionsReport: reportBase,
  chargebackExposure: exposureBase,
  vendorScorecard: scorecardBase,
  readExceptionsReport: savedReportBase,
  checkAcknowledgementStatus: readBackBase,
  routeFulfillment: routeBase,
  applyFulfillmentEvent: eventBase,
  buildShipmentConfirmation: shipmentBase,
  validateShipmentConfirmation: validateBase,
  generateSscc: ssccBase,
  buildInvoice: invoiceBase,
  reconcile: reconcileBase,
  nextOutboxAction: outboxBase,
  configure: configureBase,
};

/** One field per line, the input itself compact: the files stay small and diffs readable. */
function caseText(body) {
  const lines = Object.entries(body).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function outcome(fn, c) {
  const limit = c.settings ? lib.configure(c.settings) : null;
  try {
    const out = 'inputJson' in c ? JSON.parse(lib[`${fn}Json`](c.inputJson)) : lib[fn](c.input);
    return { ok: true, issues: out.issues ?? [], request: out.request };
  } catch (e) {
    return { code: e.code, path: e.path, message: e.message };
  } finally {
    if (limit) lib.configure({ maxInputBytes: 16 * 1024 * 1024 });
  }
}

let wrong = 0;
let total = 0;
for (const [fn, base] of Object.entries(BASES)) {
  lib[fn](base); // every base is valid, so each case's error is its mutation's
  for (const c of cases.get(fn)) {
    total++;
    const got = outcome(fn, c);
    const asIssue = c.expected.reportedAs === 'issue';
    const right = asIssue
      ? got.ok && got.issues.some((i) => i.code === c.expected.code && i.path === c.expected.path && i.severity === 'error')
      : got.code === c.expected.code && got.path === c.expected.path;
    if (!right) {
      wrong++;
      console.log(
        `${fn}/${c.name}: expected ${asIssue ? 'issue ' : ''}${c.expected.code} ${JSON.stringify(c.expected.path)}, got ${got.ok ? `success, issues ${JSON.stringify(got.issues.map((i) => [i.code, i.path, i.severity]))}` : `${got.code} ${JSON.stringify(got.path)}: ${got.message.slice(0, 160)}`}`,
      );
    }
  }
}
console.log(`${total} cases over ${cases.size} functions, ${wrong} not as expected`);

if (args.write) {
  if (wrong && !args.force) {
    console.error('not written: fix the library or the expectation first (--force writes anyway)');
    process.exit(1);
  }
  for (const [fn, list] of cases) {
    const dir = path.join(here, fn);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const write = (name, body) => fs.writeFileSync(path.join(dir, `${name}.json`), caseText(body));
    write('_valid', { description: 'the valid input every case of this function mutates', input: BASES[fn] });
    for (const { name, ...body } of list) write(name, body);
  }
  console.log(`written under ${path.relative(process.cwd(), here)}/`);
}
