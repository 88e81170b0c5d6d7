// The end-to-end demo against the real core in pkg/ (skipped until the build has produced it),
// and the generated demo orders against Amazon's `Order` definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrders, loadDemoInventory } from '../demo/generate.mjs';
import { runDemo, DEMO_NOW } from '../demo/run.mjs';
import { validatorFor, sandboxOrders } from '../lib/models.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = process.env.VCC_PKG_DIR || path.join(repoRoot, 'pkg');
const pkgEntry = path.join(pkgDir, 'index.mjs');

test('generated demo orders: deterministic, valid per Order, mixing units, flags and identifiers', () => {
  const a = generateOrders({ now: DEMO_NOW });
  const b = generateOrders({ now: DEMO_NOW });
  assert.deepEqual(a, b);
  assert.notDeepEqual(generateOrders({ now: DEMO_NOW, seed: 7 }), a);
  assert.equal(a.length, 40);
  const validate = validatorFor('vendor-orders-api-model/vendorOrders.json', 'Order');
  for (const order of a) assert.deepEqual(validate(order).errors, [], order.purchaseOrderNumber);

  const items = a.flatMap((o) => o.orderDetails.items);
  assert.ok(a.every((o) => o.orderDetails.items.length >= 1 && o.orderDetails.items.length <= 8));
  assert.ok(items.some((i) => i.orderedQuantity.unitOfMeasure === 'Cases' && i.orderedQuantity.unitSize > 1));
  assert.ok(items.some((i) => i.orderedQuantity.unitOfMeasure === 'Eaches'));
  assert.ok(items.some((i) => i.isBackOrderAllowed) && items.some((i) => !i.isBackOrderAllowed));
  const { skuMap } = loadDemoInventory();
  const asins = new Set(skuMap.map((m) => m.asin));
  assert.ok(items.some((i) => asins.has(i.amazonProductIdentifier)));
  assert.ok(
    items.some((i) => !asins.has(i.amazonProductIdentifier)),
    'some unknown products',
  );
  const now = Date.parse(DEMO_NOW);
  assert.ok(a.every((o) => Date.parse(o.orderDetails.purchaseOrderDate) < now));
});

test('demo inventory covers every product in the sandbox orders', () => {
  const { inventory, skuMap } = loadDemoInventory();
  const skus = new Set(inventory.map((i) => i.sku));
  assert.ok(skuMap.every((m) => skus.has(m.sku)));
  const asins = new Set(skuMap.map((m) => m.asin));
  const sandboxAsins = sandboxOrders().flatMap((o) => (o.orderDetails?.items ?? []).map((i) => i.amazonProductIdentifier));
  for (const asin of sandboxAsins) assert.ok(asins.has(asin), asin);
});

test('demo end to end with the real core', {
  skip: fs.existsSync(pkgEntry) ? false : `${pkgEntry} missing: run the build first`,
}, async () => {
  let printed = '';
  const summary = await runDemo({
    out: {
      write: (s) => {
        printed += s;
      },
    },
    pkgDir,
  });

  assert.ok(summary.purchaseOrders >= 40 + 10);
  assert.equal(Object.keys(summary.poOutcomes).length, summary.purchaseOrders);
  for (const [po, outcome] of Object.entries(summary.poOutcomes)) {
    assert.ok(['acknowledged', 'pendingApproval', 'skipped'].includes(outcome), `${po}: ${outcome}`);
  }
  assert.ok(summary.submission, 'an acknowledgement was submitted');
  assert.equal(summary.submission.httpStatus, 202, 'the emulator validated the request against the model');
  assert.equal(summary.transaction.status, 'Success');
  assert.ok(summary.ok);
  assert.equal(summary.outcomes.acknowledged, summary.submission.acknowledgements);
  assert.ok(summary.lines.total > 0);

  assert.match(printed, /PO\s+\| line\s+\| SKU \/ ASIN\s+\| ordered\s+\| accepted \| backordered \| rejected \| reason/);
  assert.match(printed, /Summary/);
  assert.ok(printed.includes(summary.submission.transactionId));
  assert.match(printed, /final status\s+Success/);
});

test('DF demo: one order from intake to invoice with the real core', {
  skip: fs.existsSync(pkgEntry) ? false : `${pkgEntry} missing: run the build first`,
}, async () => {
  const { runDfDemo } = await import('../demo/df.mjs');
  let printed = '';
  const summary = await runDfDemo({
    out: {
      write: (s) => {
        printed += s;
      },
    },
    pkgDir,
  });
  assert.ok(summary.ok, printed);
  assert.deepEqual(
    summary.steps.map((s) => s.name),
    ['acknowledge', 'sales order', 'label request', 'labels printed', 'shipment confirmation', 'status update', 'invoice', 'invoice again'],
  );
  assert.ok(summary.steps.filter((s) => s.status !== undefined).every((s) => s.status === 202));
  // 1 × 500.00 + 2 × 700.00, no tax on the fixture order.
  assert.match(printed, /INV-0001: 1900\.00 USD/);
  assert.match(printed, /nothing to invoice \(already invoiced\)/);
  assert.doesNotMatch(printed, /Evergreen|Jane/, 'no personal data printed');
});
