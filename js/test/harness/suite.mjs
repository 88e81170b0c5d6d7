// The one suite every artefact runs: same inputs, same expectations, whatever the host shape.
import assert from 'node:assert/strict';
import { sandboxOrders, validatorFor } from '../../lib/models.mjs';

const ORDERS_MODEL = 'vendor-orders-api-model/vendorOrders.json';
const NOW = '2019-05-23T12:00:00Z';
// Results cross realms (vm contexts); compare them as plain JSON values.
const plain = (value) => JSON.parse(JSON.stringify(value));

/** Sandbox POs, with stock for every product: a few chosen quantities, plenty for the rest. */
export function fixture() {
  const orders = sandboxOrders();
  const chosen = { B07DFVDRAB: 5, B07DFYF5AB: 1, B01LNRIIAB: 30, B01XYZ3Z00: 0 };
  const inventory = new Map();
  for (const order of orders) {
    for (const item of order.orderDetails?.items ?? []) {
      const id = item.amazonProductIdentifier;
      if (id && id !== 'ABC123434') inventory.set(id, chosen[id] ?? 1000); // ABC123434 stays unknown
    }
  }
  return {
    purchaseOrders: orders,
    inventory: [...inventory].map(([sku, available]) => ({ sku, available })),
    now: NOW,
  };
}

function expectError(_t, a, fn, code, pathValue) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, `expected a ${code} error`);
  assert.ok(thrown instanceof a.ErrorCtor, `error is an Error of the module's realm (got ${Object.prototype.toString.call(thrown)})`);
  assert.equal(thrown.code, code, `code (message: ${thrown.message})`);
  assert.equal(thrown.path, pathValue, `path (message: ${thrown.message})`);
  assert.ok('details' in thrown, 'error has details');
  assert.equal(typeof thrown.message, 'string');
}

/** Registers the shared tests under `t` (a node:test context) for the API `load()` returns. */
export async function runSuite(t, a) {
  const m = a.mod;
  const input = fixture();

  await t.test('loads on the expected backend and exposes the public API', () => {
    assert.equal(m.backend, a.expectBackend);
    assert.equal(typeof m.instantiationMs, 'number');
    assert.ok(m.instantiationMs >= 0 && Number.isFinite(m.instantiationMs));
    for (const f of ['version', 'decideAcknowledgements', 'decideAcknowledgementsJson', 'approveAcknowledgement'])
      assert.equal(typeof m[f], 'function', f);
    for (const internal of ['initSync', 'default']) assert.equal(m[internal], undefined, `${internal} is not exported`);
  });

  await t.test('version()', () => {
    const v = plain(m.version());
    assert.match(v.library, /^\d+\.\d+\.\d+/);
    assert.equal(typeof v.models, 'object');
    assert.equal(v.models.vendorOrders, 'v1');
    for (const value of Object.values(v.models)) assert.equal(typeof value, 'string');
  });

  let output;
  await t.test('decideAcknowledgements on the sandbox POs', () => {
    output = plain(m.decideAcknowledgements(input));
    const decision = (po, seq) => output.decisions.find((d) => d.purchaseOrderNumber === po && d.itemSequenceNumber === seq);
    assert.deepEqual(pick(decision('2JK3S9VC', '1'), ['status', 'sku', 'accepted', 'backordered', 'rejected']), {
      status: 'acknowledged',
      sku: 'B07DFVDRAB',
      accepted: 1,
      backordered: 0,
      rejected: 0,
    });
    assert.deepEqual(pick(decision('2JK3S9VC', '2'), ['status', 'accepted', 'backordered', 'rejected', 'rejectionReason']), {
      status: 'acknowledged',
      accepted: 1,
      backordered: 0,
      rejected: 1,
      rejectionReason: 'TemporarilyUnavailable',
    });
    assert.deepEqual(pick(decision('TestPO3', '1'), ['status', 'accepted', 'rejected']), {
      status: 'acknowledged',
      accepted: 10,
      rejected: 0,
    });
    assert.equal(decision('TestPO1', '1').status, 'skipped', 'an Acknowledged PO is not acknowledged again');
    assert.deepEqual(
      pick(decision('L8266355', '1'), ['status', 'code', 'rejected', 'rejectionReason']),
      { status: 'acknowledged', code: 'UNKNOWN_PRODUCT', rejected: 2, rejectionReason: 'InvalidProductIdentifier' },
      'an unmapped product is rejected as InvalidProductIdentifier (the default rule)',
    );

    // Every line of every New PO sent in the request is acknowledged, exactly once per unit.
    const byNumber = new Map(input.purchaseOrders.map((o) => [o.purchaseOrderNumber, o]));
    const sent = output.request.acknowledgements;
    assert.ok(sent.length >= 4, `expected several POs in the request, got ${sent.length}`);
    for (const po of ['2JK3S9VC', 'TestPO2', 'TestPO3', '3TRD2IAB']) {
      assert.ok(
        sent.some((s) => s.purchaseOrderNumber === po),
        `${po} is in the request`,
      );
    }
    for (const ack of sent) {
      const order = byNumber.get(ack.purchaseOrderNumber);
      assert.ok(order, `request PO ${ack.purchaseOrderNumber} is one of the input POs`);
      assert.notEqual(order.purchaseOrderState, 'Acknowledged');
      assert.notEqual(order.purchaseOrderState, 'Closed');
      // One sandbox PO (L8266355) has its items beside orderDetails: the core reads them there too.
      const lines = order.orderDetails.items ?? order.items;
      assert.deepEqual(
        ack.items.map((i) => i.itemSequenceNumber).sort(),
        lines.map((l) => l.itemSequenceNumber).sort(),
        `every line of ${ack.purchaseOrderNumber} is acknowledged`,
      );
      for (const item of ack.items) {
        const ordered = lines.find((l) => l.itemSequenceNumber === item.itemSequenceNumber).orderedQuantity.amount;
        const parts = item.itemAcknowledgements.map((x) => x.acknowledgedQuantity.amount);
        assert.ok(
          parts.every((q) => q > 0),
          `${ack.purchaseOrderNumber}/${item.itemSequenceNumber}: no zero quantities (${parts})`,
        );
        assert.equal(
          parts.reduce((s, q) => s + q, 0),
          ordered,
          `${ack.purchaseOrderNumber}/${item.itemSequenceNumber}: sums to ordered`,
        );
      }
    }
  });

  await t.test('every produced request validates against SubmitAcknowledgementRequest', () => {
    const validate = validatorFor(ORDERS_MODEL, 'SubmitAcknowledgementRequest');
    const requests = [output.request];
    for (const p of output.pendingApproval) requests.push({ acknowledgements: [p.proposal] });
    // A second batch with everything in stock: a different mix of codes, also sent.
    const generous = { ...input, inventory: input.inventory.map((i) => ({ sku: i.sku, available: 100000 })) };
    requests.push(plain(m.decideAcknowledgements(generous)).request);
    for (const request of requests) {
      const { valid, errors } = validate(request);
      assert.ok(valid, `request does not match the model: ${JSON.stringify(errors)}`);
    }
  });

  await t.test('errors: code, path, Error instance; the instance stays usable', () => {
    const po = input.purchaseOrders.find((o) => o.purchaseOrderNumber === '2JK3S9VC');
    const withPo = (mutate) => {
      const copy = JSON.parse(JSON.stringify(po));
      mutate(copy);
      return { ...input, purchaseOrders: [copy] };
    };
    const cases = [
      ['a number', () => m.decideAcknowledgements(42), 'INVALID_TYPE', ''],
      ['a string', () => m.decideAcknowledgements('x'), 'INVALID_TYPE', ''],
      ['null', () => m.decideAcknowledgements(null), 'INVALID_TYPE', ''],
      ['undefined', () => m.decideAcknowledgements(undefined), 'INVALID_TYPE', ''],
      [
        'missing purchaseOrderNumber',
        () => m.decideAcknowledgements(withPo((o) => delete o.purchaseOrderNumber)),
        'MISSING_FIELD',
        '/purchaseOrders/0/purchaseOrderNumber',
      ],
      [
        'a string amount',
        () =>
          m.decideAcknowledgements(
            withPo((o) => {
              o.orderDetails.items[0].orderedQuantity.amount = '2';
            }),
          ),
        'INVALID_TYPE',
        '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount',
      ],
      [
        'an unknown unit of measure',
        () =>
          m.decideAcknowledgements(
            withPo((o) => {
              o.orderDetails.items[0].orderedQuantity.unitOfMeasure = 'Pallets';
            }),
          ),
        'UNKNOWN_ENUM',
        '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure',
      ],
      ['over 16 MiB', () => m.decideAcknowledgements({ ...input, sellingParty: 'x'.repeat(16 * 1024 * 1024 + 1) }), 'INPUT_TOO_LARGE', ''],
      ['JSON: not JSON', () => m.decideAcknowledgementsJson('{'), 'INVALID_JSON', ''],
    ];
    const expected = JSON.stringify(plain(m.decideAcknowledgements(input)));
    for (const [what, fn, code, p] of cases) {
      expectError(t, a, fn, code, p);
      assert.equal(JSON.stringify(plain(m.decideAcknowledgements(input))), expected, `a valid call after "${what}" still succeeds`);
    }
  });

  await t.test('decideAcknowledgementsJson round-trips the object form', () => {
    const text = m.decideAcknowledgementsJson(JSON.stringify(input));
    assert.equal(typeof text, 'string');
    assert.deepEqual(JSON.parse(text), plain(m.decideAcknowledgements(input)));
  });

  await t.test('non-ASCII text survives the trip (UTF-8 encode/decode)', () => {
    const po = JSON.parse(JSON.stringify(input.purchaseOrders.find((o) => o.purchaseOrderNumber === 'TestPO3')));
    const name = 'Müller & Søn — 東京 📦';
    po.orderDetails.shipToParty = {
      ...(po.orderDetails.shipToParty || { partyId: 'X' }),
      address: { name, addressLine1: 'Straße 1', city: 'Zürich', countryCode: 'CH' },
    };
    const args = { ...input, purchaseOrders: [po], sellingParty: 'VÉNDOR✓' };
    const out = plain(m.decideAcknowledgements(args));
    assert.equal(out.request.acknowledgements[0].sellingParty.partyId, 'VÉNDOR✓');
    assert.deepEqual(JSON.parse(m.decideAcknowledgementsJson(JSON.stringify(args))), out);
  });

  await t.test('deterministic: the same input twice gives identical JSON', () => {
    const first = m.decideAcknowledgementsJson(JSON.stringify(input));
    const second = m.decideAcknowledgementsJson(JSON.stringify(input));
    assert.equal(first, second);
    assert.equal(JSON.stringify(m.decideAcknowledgements(input)), JSON.stringify(m.decideAcknowledgements(input)));
  });

  await t.test('a panic (trap) is an INTERNAL_PANIC error; a fresh instance answers next, settings kept', async () => {
    // The published artefacts have no way to cause a trap: __testPanic exists only in the
    // test-only build of this same host shape (js/build/build.mjs), which traps the instance
    // through the module's own abort path, as a panic does.
    assert.equal(m.__testPanic, undefined, 'no __testPanic in the published artefact');
    const ta = await a.testBuild();
    const tm = ta.mod;
    assert.equal(typeof tm.__testPanic, 'function');
    const expected = tm.decideAcknowledgementsJson(JSON.stringify(input));
    const defaults = plain(tm.configure({}));
    const limit = 20 * 1024 * 1024 + 1;
    tm.configure({ maxInputBytes: limit });
    try {
      for (let round = 1; round <= 2; round++) {
        expectError(t, ta, () => tm.__testPanic(), 'INTERNAL_PANIC', '');
        let thrown;
        try {
          tm.__testPanic();
        } catch (e) {
          thrown = e;
        }
        assert.equal(thrown.name, 'ConnectorError');
        assert.deepEqual(plain(thrown.details), { function: '__testPanic', trap: thrown.details.trap, recovered: true });
        assert.equal(tm.decideAcknowledgementsJson(JSON.stringify(input)), expected, `round ${round}: the next call answers as before`);
        assert.equal(plain(tm.configure({})).maxInputBytes, limit, `round ${round}: configure's settings applied to the fresh instance`);
        expectError(t, ta, () => tm.decideAcknowledgements({ ...input, now: 'never' }), 'INVALID_DATE', '/now');
      }
    } finally {
      tm.configure(defaults);
    }
  });
}

function pick(object, keys) {
  assert.ok(object, 'decision exists');
  const out = {};
  for (const k of keys) if (object[k] !== undefined) out[k] = object[k];
  return out;
}
