// toSalesOrders, diffPurchaseOrder, inventoryFeed and exceptionsReport through every built
// artefact (pkg/ via import and require, IIFE and AMD bundles in bare vm contexts, with and
// without WebAssembly). Every DF inventory body is validated against Amazon's model.
// Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxOrders, validatorFor } from '../lib/models.mjs';
import { HOST_SHAPES, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const INVENTORY_MODEL = 'vendor-direct-fulfillment-inventory-api-model/vendorDirectFulfillmentInventoryV1.json';
const NOW = '2019-05-23T12:00:00Z';
// Results cross realms (vm contexts); compare them as plain JSON values.
const plain = (value) => JSON.parse(JSON.stringify(value));

/** Sales-order tables covering the sandbox POs (one ASIN left unmapped on purpose). */
function salesInput() {
  const orders = sandboxOrders();
  const asins = new Set();
  const centers = new Set();
  const vendors = new Set();
  for (const order of orders) {
    const d = order.orderDetails ?? {};
    if (d.shipToParty) centers.add(d.shipToParty.partyId);
    if (d.sellingParty) vendors.add(d.sellingParty.partyId);
    for (const item of d.items ?? []) if (item.amazonProductIdentifier) asins.add(item.amazonProductIdentifier);
  }
  asins.delete('ABC123434');
  return {
    purchaseOrders: orders,
    skuMap: [...asins].map((asin) => ({ sku: `SKU-${asin}`, asin, unitsPerCase: 1 })),
    locations: [...centers].map((c) => ({ fulfillmentCenter: c, location: `LOC-${c}` })),
    customers: [...vendors].map((v) => ({ vendorCode: v, customer: `CUST-${v}`, currencies: ['USD', 'EUR', 'GBP', 'CAD', 'INR', 'JPY'] })),
    autoAcknowledge: true,
    preset: 'netsuite',
  };
}

/** Feed scenarios: partial, full with an unlisted SKU, critical zero held and confirmed,
 * mass zero held and confirmed, negative availability clamped, batching. */
function feedScenarios() {
  const skuMap = ['TV', 'CABLE', 'HDMI', 'REMOTE', 'MOUNT'].map((sku, i) => ({ sku, asin: `B0FEED000${i}`, vendorSku: `V-${sku}` }));
  const base = {
    sellingParty: 'VENDORID',
    positions: [
      { warehouseId: 'ABCD', sku: 'TV', onHand: 40, committed: 5, safetyStock: 5, openAmazonAllocations: 10 },
      { warehouseId: 'ABCD', sku: 'CABLE', available: 15 },
      { warehouseId: 'ABCD', sku: 'HDMI', onHand: 3, committed: 9 },
      { warehouseId: 'ABCD', sku: 'REMOTE', onHand: 0 },
      { warehouseId: 'EFGH', sku: 'MOUNT', onHand: 7 },
      { warehouseId: 'EFGH', sku: 'NO-ASIN', onHand: 2 },
    ],
    skuMap,
    rules: [
      { sku: 'REMOTE', critical: true },
      { sku: 'CABLE', cap: 10 },
    ],
    lastSent: [
      { warehouseId: 'ABCD', sku: 'CABLE', quantity: 10 },
      { warehouseId: 'ABCD', sku: 'REMOTE', quantity: 6 },
      { warehouseId: 'ABCD', sku: 'GONE', quantity: 2 },
    ],
    maxZeroShare: '0.5',
  };
  const massZero = {
    sellingParty: 'VENDORID',
    positions: skuMap.map(({ sku }, i) => ({ warehouseId: 'W1', sku, onHand: i === 0 ? 9 : 0 })),
    skuMap,
    lastSent: skuMap.map(({ sku }) => ({ warehouseId: 'W1', sku, quantity: 5 })),
  };
  return {
    partial: base,
    full: { ...base, fullUpdate: true },
    criticalConfirmed: { ...base, confirmZeros: ['REMOTE'] },
    massZero,
    massZeroConfirmed: { ...massZero, confirmZeros: true },
    batched: { ...base, lastSent: [], batchSize: 2, confirmZeros: true },
  };
}

function expectThrow(a, fn, code, pathValue) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, `expected a ${code} error`);
  assert.ok(thrown instanceof a.ErrorCtor, "error is an Error of the module's realm");
  assert.equal(thrown.code, code, thrown.message);
  assert.equal(thrown.path, pathValue, thrown.message);
  assert.ok('details' in thrown);
}

async function runOrdersSuite(t, a) {
  const m = a.mod;
  const validateFeed = validatorFor(INVENTORY_MODEL, 'SubmitInventoryUpdateRequest');

  await t.test('exports the four functions and their JSON twins', () => {
    for (const f of ['toSalesOrders', 'diffPurchaseOrder', 'inventoryFeed', 'exceptionsReport']) {
      assert.equal(typeof m[f], 'function', f);
      assert.equal(typeof m[`${f}Json`], 'function', `${f}Json`);
    }
  });

  let sales;
  await t.test('toSalesOrders on the sandbox POs, with the NetSuite preset', () => {
    const input = salesInput();
    sales = plain(m.toSalesOrders(input));
    assert.equal(sales.salesOrders.length + sales.notCreated.length, input.purchaseOrders.length);
    assert.ok(sales.salesOrders.length >= 4);
    assert.equal(sales.records.length, sales.salesOrders.length);
    for (const [i, order] of sales.salesOrders.entries()) {
      const record = sales.records[i];
      assert.equal(order.externalId, order.purchaseOrderNumber);
      assert.equal(record.recordType, 'salesorder');
      assert.equal(record.fields.otherrefnum, order.purchaseOrderNumber);
      assert.equal(record.fields.entity, order.customer);
      assert.equal(record.fields.location, order.location);
      assert.equal(record.fields.orderstatus, 'B');
      assert.equal(record.sublists.item.length, order.lines.length);
      for (const [j, line] of order.lines.entries()) {
        const item = record.sublists.item[j];
        assert.equal(item.item, line.item);
        assert.equal(item.quantity, line.quantityEaches);
        assert.equal(item.rate, line.rate);
        assert.equal(item.custcol_vcc_item_sequence_number, line.itemSequenceNumber);
        assert.match(line.rate, /^\d+(\.\d+)?$/, 'money stays a decimal string');
      }
    }
    const unknown = sales.exceptions.filter((e) => e.code === 'UNKNOWN_PRODUCT');
    assert.ok(unknown.length >= 1, 'the unmapped ASIN is an exception');
    assert.ok(unknown.every((e) => e.purchaseOrderNumber && e.itemSequenceNumber));
    const json = JSON.parse(m.toSalesOrdersJson(JSON.stringify(input)));
    assert.deepEqual(json, sales);
  });

  let diff;
  await t.test('diffPurchaseOrder: quantity down, line cancelled, window moved, new line', () => {
    const previous = sandboxOrders().find((o) => (o.orderDetails?.items ?? []).length >= 2 && o.orderDetails.shipWindow);
    assert.ok(previous, 'a sandbox PO with two lines and a ship window');
    const current = JSON.parse(JSON.stringify(previous));
    const items = current.orderDetails.items;
    items[0].orderedQuantity.amount = Math.max(1, items[0].orderedQuantity.amount - 1);
    items[1].orderedQuantity.amount = 0;
    current.orderDetails.shipWindow = '2030-01-01T00:00:00Z--2030-01-05T00:00:00Z';
    items.push({ ...items[0], itemSequenceNumber: '99' });
    diff = plain(m.diffPurchaseOrder({ previous, current }));
    const kinds = diff.changes.map((c) => c.kind);
    for (const kind of ['shipWindowChanged', 'lineCancelled', 'lineAdded']) assert.ok(kinds.includes(kind), kind);
    assert.equal(diff.reacknowledgement.required, true);
    assert.deepEqual(
      diff.reacknowledgement.cancelledLines.map((l) => l.itemSequenceNumber),
      [items[1].itemSequenceNumber],
    );
    assert.ok(diff.reacknowledgement.lines.some((l) => l.reasons.includes('lineAdded')));
    assert.deepEqual(JSON.parse(m.diffPurchaseOrderJson(JSON.stringify({ previous, current }))), diff);
  });

  const feeds = {};
  await t.test('inventoryFeed: every body validates against SubmitInventoryUpdateRequest', () => {
    for (const [name, input] of Object.entries(feedScenarios())) {
      const out = plain(m.inventoryFeed(input));
      feeds[name] = out;
      for (const request of out.requests) {
        const { valid, errors } = validateFeed(request.body);
        assert.ok(valid, `${name}: ${JSON.stringify(errors)}`);
        for (const item of request.body.inventory.items) {
          assert.ok(Number.isInteger(item.availableQuantity.amount) && item.availableQuantity.amount >= 0, `${name}: no negative quantity`);
        }
      }
    }
    const skus = (out, w) =>
      out.requests.filter((r) => r.warehouseId === w).flatMap((r) => r.body.inventory.items.map((i) => i.vendorProductIdentifier));
    assert.deepEqual(skus(feeds.partial, 'ABCD'), ['V-HDMI', 'V-TV'], 'partial: changed SKUs only, the critical zero held');
    assert.deepEqual(
      feeds.partial.heldZeros.map((h) => h.sku),
      ['REMOTE'],
    );
    assert.deepEqual(
      feeds.full.requests.map((r) => [r.warehouseId, r.body.inventory.isFullUpdate]),
      [['EFGH', true]],
      'the full update of ABCD is held whole because of its critical zero; EFGH goes',
    );
    assert.deepEqual(
      feeds.full.fullUpdates.map((f) => [f.warehouseId, f.held, f.wouldGoToZero]),
      [
        ['ABCD', true, 3],
        ['EFGH', false, 0],
      ],
    );
    assert.ok(skus(feeds.criticalConfirmed, 'ABCD').includes('V-REMOTE'), 'confirmed zero goes through');
    assert.equal(feeds.massZero.heldZeros.length, 4);
    assert.ok(feeds.massZero.exceptions.some((e) => e.code === 'MASS_ZERO_HELD'));
    assert.equal(feeds.massZeroConfirmed.heldZeros.length, 0);
    const hdmi = feeds.partial.items.find((i) => i.sku === 'HDMI');
    assert.deepEqual([hdmi.computed, hdmi.available], [-6, 0], 'negative availability clamped');
    assert.deepEqual(
      feeds.batched.requests.map((r) => [r.warehouseId, r.batch, r.batches, r.body.inventory.items.length]),
      [
        ['ABCD', 1, 2, 2],
        ['ABCD', 2, 2, 2],
        ['EFGH', 1, 1, 2],
      ],
    );
    assert.deepEqual(JSON.parse(m.inventoryFeedJson(JSON.stringify(feedScenarios().partial))), feeds.partial);
  });

  await t.test("exceptionsReport merges every engine's exceptions in urgency order", () => {
    const ack = plain(m.decideAcknowledgements({ purchaseOrders: sandboxOrders(), inventory: [], now: NOW }));
    const exceptions = [
      ...ack.exceptions.map((e) => ({ ...e, source: 'decideAcknowledgements' })),
      ...sales.exceptions.map((e) => ({ ...e, source: 'toSalesOrders' })),
      ...feeds.partial.exceptions.map((e) => ({ ...e, source: 'inventoryFeed' })),
    ];
    const transactions = [{ transactionId: 'T-1', status: 'Failure', submittedAt: NOW, kind: 'inventoryUpdate' }];
    const report = plain(m.exceptionsReport({ exceptions, transactions, now: NOW }));
    assert.ok(report.entries.length >= 3);
    assert.equal(report.summary.total, report.entries.length);
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < report.entries.length; i++) {
      const [p, q] = [report.entries[i - 1], report.entries[i]];
      assert.equal(q.rank, p.rank + 1);
      assert.ok(p.overdue || !q.overdue, 'overdue first');
      if (p.overdue === q.overdue && p.dueAt && q.dueAt && p.dueAt === q.dueAt) assert.ok(rank[p.severity] <= rank[q.severity]);
      if (p.overdue === q.overdue && !p.dueAt) assert.ok(!q.dueAt, 'entries without a deadline come last');
    }
    for (const e of report.entries) {
      assert.ok(['operations', 'finance', 'merchandising', 'administrator'].includes(e.owner));
      assert.ok(e.action.length > 10);
    }
    assert.ok(report.entries.some((e) => e.code === 'TRANSACTION_FAILED'));
    assert.deepEqual(JSON.parse(m.exceptionsReportJson(JSON.stringify({ exceptions, transactions, now: NOW }))), report);
  });

  await t.test('errors are thrown with code and path, and the instance keeps working', () => {
    expectThrow(a, () => m.toSalesOrders({ ...salesInput(), preset: 'sap' }), 'UNKNOWN_ENUM', '/preset');
    expectThrow(a, () => m.inventoryFeed({ ...feedScenarios().partial, batchSize: 0 }), 'INVALID_VALUE', '/batchSize');
    expectThrow(a, () => m.exceptionsReport({ exceptions: [] }), 'MISSING_FIELD', '/now');
    const order = sandboxOrders()[0];
    expectThrow(
      a,
      () => m.diffPurchaseOrder({ previous: order, current: { ...order, purchaseOrderNumber: 'OTHER' } }),
      'PURCHASE_ORDER_MISMATCH',
      '/current/purchaseOrderNumber',
    );
    expectThrow(a, () => m.inventoryFeedJson('{"sellingParty":'), 'INVALID_JSON', '');
    assert.deepEqual(plain(m.inventoryFeed(feedScenarios().partial)), feeds.partial);
  });
}

for (const [name, load] of HOST_SHAPES) {
  test(`orders engines: ${name}`, async (t) => {
    await runOrdersSuite(t, await load());
  });
}
