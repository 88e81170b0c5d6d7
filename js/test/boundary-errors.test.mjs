// Errors stay small and typed (issue 21), through every artefact in every host shape:
//   - a `…Json` twin given anything but a string throws a ConnectorError INVALID_TYPE at "",
//     not the glue's raw TypeError, and the instance keeps answering;
//   - an error quotes at most 200 characters of an offending value and states its whole length
//     (a 10 MB unitOfMeasure gives a small message and small details);
//   - validateShipmentConfirmationJson refuses a key given twice inside the ASN with the same
//     code and pointer as every other twin (it used to let the last one win).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_SHAPES, repoRoot, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const valid = (fn) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'bad-inputs', fn, '_valid.json'), 'utf8')).input;
const NOT_STRINGS = [42, null, undefined, true, {}, [], { purchaseOrders: [] }, 12n, Symbol('x'), () => '{}'];
const HUGE = 10 * 1024 * 1024;

function thrown(call) {
  try {
    call();
  } catch (err) {
    return err;
  }
  return null;
}

for (const [shape, load] of HOST_SHAPES) {
  test(`errors stay small and typed: ${shape}`, async () => {
    const { mod, ErrorCtor, expectBackend } = await load();

    // 1. …Json twins and non-strings.
    const twins = Object.keys(mod).filter((k) => k.endsWith('Json') && typeof mod[k] === 'function');
    assert.ok(twins.length >= 13, `${twins.length} twins`);
    for (const twin of twins) {
      for (const value of NOT_STRINGS) {
        const err = thrown(() => mod[twin](value));
        const what = `${twin}(${typeof value === 'symbol' ? 'Symbol' : typeof value === 'bigint' ? '12n' : (JSON.stringify(value) ?? typeof value)})`;
        assert.ok(err instanceof ErrorCtor, `${what}: threw ${err}`);
        assert.deepEqual([err.name, err.code, err.path], ['ConnectorError', 'INVALID_TYPE', ''], `${what}: ${err.name} ${err.message}`);
        assert.match(err.message, /expected JSON text \(a string\)/);
      }
    }
    assert.ok(mod.version().library, 'still answering');

    // 2. A 10 MB value quoted by an error (wasm2js is slower: 1 MB there, the cap is the same).
    const size = expectBackend === 'wasm' ? HUGE : 1024 * 1024;
    const input = valid('decideAcknowledgements');
    input.purchaseOrders[0].orderDetails.items[0].orderedQuantity.unitOfMeasure = 'E'.repeat(size);
    for (const [style, call] of [
      ['object', () => mod.decideAcknowledgements(input)],
      ['json', () => mod.decideAcknowledgementsJson(JSON.stringify(input))],
    ]) {
      const err = thrown(call);
      assert.equal(err?.code, 'UNKNOWN_ENUM', `${style}: ${err?.message?.slice(0, 100)}`);
      assert.equal(err.path, '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure');
      assert.ok(err.message.length < 2_000, `${style}: a message of ${err.message.length} characters`);
      assert.ok(JSON.stringify(err.details).length < 2_000, `${style}: details of ${JSON.stringify(err.details).length} characters`);
      assert.ok(err.message.includes(`${'E'.repeat(200)}… (${size} characters in all)`), err.message.slice(0, 300));
    }
    // An unknown field whose name is huge: the message and details quote it capped.
    const named = { ...valid('decideAcknowledgements'), ['k'.repeat(100_000)]: 1 };
    const unknown = thrown(() => mod.decideAcknowledgements(named));
    assert.equal(unknown.code, 'UNKNOWN_FIELD');
    assert.ok(unknown.message.length < 2_000 && JSON.stringify(unknown.details).length < 2_000);

    // 3. Duplicate keys: every twin refuses them the same way, the ASN validator too.
    const asnInput = valid('validateShipmentConfirmation');
    const asnText = JSON.stringify(asnInput).replace('"shippedQuantity":{"amount":', '"shippedQuantity":{"amount":500,"amount":');
    assert.notEqual(asnText, JSON.stringify(asnInput));
    const asnErr = thrown(() => mod.validateShipmentConfirmationJson(asnText));
    assert.ok(asnErr, 'validateShipmentConfirmationJson accepted a key given twice');
    assert.deepEqual([asnErr.code, asnErr.path], ['INVALID_VALUE', '/shipmentConfirmation/shippedItems/0/shippedQuantity/amount']);
    assert.match(asnErr.message, /duplicate field `amount`/);
    const ackText = JSON.stringify(valid('decideAcknowledgements')).replace(
      '"orderedQuantity":{"amount":',
      '"orderedQuantity":{"amount":500,"amount":',
    );
    const ackErr = thrown(() => mod.decideAcknowledgementsJson(ackText));
    assert.deepEqual([ackErr.code, ackErr.path], ['INVALID_VALUE', '/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount']);
    assert.equal(typeof mod.validateShipmentConfirmation(asnInput).valid, 'boolean', 'still answering');
  });
}
