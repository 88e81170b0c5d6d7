// decideDirectFulfillmentAcknowledgements through every built artefact (npm package via import
// and require, IIFE and AMD bundles in bare vm contexts with and without WebAssembly): the
// hand-written fixtures of tests/fixtures/df_ack give exactly their expected output, every
// request body validates against Amazon's DF orders model (2021-12-28), errors are real Errors
// with code and path, and the customer's address appears in no output or error.
// Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModel, validatorFor } from '../lib/models.mjs';
import { HOST_SHAPES, flowShapes, repoRoot, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const DF_MODEL = 'vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json';
const validateRequest = validatorFor(DF_MODEL, 'SubmitAcknowledgementRequest');
// Results cross realms (vm contexts); compare them as plain JSON values.
const plain = (value) => JSON.parse(JSON.stringify(value));

const fixtureDir = path.join(repoRoot, 'tests', 'fixtures', 'df_ack');
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(fixtureDir, f), 'utf8'))]);

/** The sandbox getOrders example (2021-12-28), with stock for both of its products. */
function sandboxInput(available) {
  const model = loadModel(DF_MODEL);
  const list = model.paths['/vendor/directFulfillment/orders/2021-12-28/purchaseOrders'].get.responses['200'].examples;
  return {
    orders: structuredClone(list.orders),
    inventory: [
      { sku: 'WASHER-8KG', available },
      { sku: 'WASHER-6KG', available: 2 },
    ],
    skuMap: [
      { sku: 'WASHER-8KG', asin: 'B07DFVDRAB' },
      { sku: 'WASHER-6KG', asin: 'B07DFYF5AB' },
    ],
    now: '2020-02-20T15:00:00Z',
  };
}
const SANDBOX_ADDRESS = ['123 XYZ Street', 'Apt 5', 'San Jose', '94086'];

function assertValidRequest(request, label) {
  const { valid, errors } = validateRequest(request);
  assert.ok(valid, `${label}: request does not match the model: ${JSON.stringify(errors)}`);
  for (const ack of request.orderAcknowledgements) {
    for (const item of ack.itemAcknowledgements) {
      assert.equal(item.acknowledgedQuantity.unitOfMeasure, 'Each', label);
      assert.ok(item.acknowledgedQuantity.amount > 0, `${label}: no zero quantity`);
    }
  }
}

function thrownBy(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

// Every host shape of the full build, then of the df flow's own bundles.
for (const [name, load] of [...HOST_SHAPES, ...flowShapes('df')]) {
  test(`decideDirectFulfillmentAcknowledgements: ${name}`, async (t) => {
    const a = await load();
    const m = a.mod;
    assert.equal(typeof m.decideDirectFulfillmentAcknowledgements, 'function');
    assert.equal(typeof m.decideDirectFulfillmentAcknowledgementsJson, 'function');

    await t.test('every fixture gives exactly its expected output, and a valid request', () => {
      for (const [file, fixture] of fixtures) {
        const out = plain(m.decideDirectFulfillmentAcknowledgements(fixture.input));
        assert.deepEqual(out, fixture.expected, file);
        assertValidRequest(out.request, file);
        const viaJson = JSON.parse(m.decideDirectFulfillmentAcknowledgementsJson(JSON.stringify(fixture.input)));
        assert.deepEqual(viaJson, fixture.expected, `${file} (Json twin)`);
      }
    });

    await t.test('the sandbox order: 00 with stock, 03 without, never its address', () => {
      for (const [available, code] of [
        [1, '00'],
        [0, '03'],
      ]) {
        const out = plain(m.decideDirectFulfillmentAcknowledgements(sandboxInput(available)));
        assertValidRequest(out.request, `sandbox, ${available} in stock`);
        const ack = out.request.orderAcknowledgements[0];
        assert.equal(ack.purchaseOrderNumber, '2JK3S9VC');
        assert.deepEqual(ack.acknowledgementStatus.code, code);
        assert.deepEqual(ack.sellingParty, { partyId: '999US' });
        assert.deepEqual(ack.shipFromParty, { partyId: 'ABCD' });
        assert.deepEqual(
          ack.itemAcknowledgements.map((i) => i.acknowledgedQuantity.amount),
          [1, 2],
        );
        const text = JSON.stringify(out);
        for (const value of SANDBOX_ADDRESS) assert.ok(!text.includes(value), `output leaks ${value}`);
      }
    });

    await t.test('errors are real Errors with code and path, without the address', () => {
      const input = sandboxInput(1);
      input.orders[0].orderDetails.shipToParty.postalCode = 94086;
      const err = thrownBy(() => m.decideDirectFulfillmentAcknowledgements(input));
      assert.ok(err instanceof a.ErrorCtor, 'an Error of the module realm');
      assert.equal(err.code, 'INVALID_TYPE');
      assert.equal(err.path, '/orders/0/orderDetails/shipToParty/postalCode');
      const text = `${err.message} ${JSON.stringify(err.details)}`;
      for (const value of SANDBOX_ADDRESS) assert.ok(!text.includes(value), `error leaks ${value}`);

      const typo = thrownBy(() => m.decideDirectFulfillmentAcknowledgements({ ...sandboxInput(1), rule: {} }));
      assert.deepEqual([typo.code, typo.path], ['UNKNOWN_FIELD', '/rule']);
      const json = thrownBy(() => m.decideDirectFulfillmentAcknowledgementsJson('{"orders": [], "now": "x"}'));
      assert.deepEqual([json.code, json.path], ['INVALID_DATE', '/now']);

      // Still usable afterwards.
      const out = plain(m.decideDirectFulfillmentAcknowledgements(sandboxInput(1)));
      assert.equal(out.request.orderAcknowledgements.length, 1);
    });
  });
}
