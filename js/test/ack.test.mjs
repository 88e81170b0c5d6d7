// The acknowledgement fixtures (tests/fixtures/ack/*.json) through every built artefact: the
// same hand-written inputs and exact expected answers the native tests use, so the WASM and
// wasm2js builds are held to the same results. Every request produced is validated against
// Amazon's vendorOrders model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_SHAPES, flowShapes, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { validatorFor } from '../lib/models.mjs';

requireBuilt();

const fixtureDir = path.join(repoRoot, 'tests', 'fixtures', 'ack');
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(fixtureDir, file), 'utf8')) }));
const validateRequest = validatorFor('vendor-orders-api-model/vendorOrders.json', 'SubmitAcknowledgementRequest');

/** Values cross realms (vm contexts): compare as plain JSON. */
const plain = (value) => JSON.parse(JSON.stringify(value));

function assertSubset(expected, actual, where) {
  if (Array.isArray(expected) && expected.every((e) => e && typeof e === 'object')) {
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => assertSubset(e, actual[i], `${where}[${i}]`));
  } else if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [key, value] of Object.entries(expected)) assertSubset(value, actual?.[key], `${where}.${key}`);
  } else {
    assert.deepEqual(actual, expected, where);
  }
}

function assertValidRequest(request, where) {
  if (!request.acknowledgements.length) return;
  const { valid, errors } = validateRequest(request);
  assert.ok(valid, `${where}: request does not validate against the model: ${JSON.stringify(errors)}`);
}

function check(expect, out, where) {
  if (expect.request) assert.deepEqual(out.request, expect.request, `${where}: request`);
  if (expect.allocations) assert.deepEqual(out.allocations, expect.allocations, `${where}: allocations`);
  if (expect.decisions) assertSubset(expect.decisions, out.decisions, `${where}: decisions`);
  if (expect.exceptions)
    assert.deepEqual(
      out.exceptions.map((e) => e.code),
      expect.exceptions,
      `${where}: exceptions`,
    );
  if (expect.pendingApproval) {
    assert.deepEqual(
      out.pendingApproval.map((p) => p.purchaseOrderNumber),
      expect.pendingApproval,
      `${where}: pending`,
    );
  }
  if (expect.pending) assertSubset(expect.pending, out.pendingApproval[0], `${where}: pendingApproval[0]`);
  if (expect.acknowledgedPurchaseOrders) {
    assert.deepEqual(
      out.request.acknowledgements.map((a) => a.purchaseOrderNumber),
      expect.acknowledgedPurchaseOrders,
    );
  }
}

// Every host shape of the full build, then of the ack flow's own bundles.
for (const [shape, load] of [...HOST_SHAPES, ...flowShapes('ack')]) {
  test(`acknowledgement fixtures: ${shape}`, async (t) => {
    const { mod } = await load();
    for (const fixture of fixtures) {
      await t.test(fixture.file, () => {
        let call = () => plain(mod.decideAcknowledgements(fixture.input));
        if (fixture.approve) {
          const decided = call();
          assertValidRequest(decided.request, fixture.file);
          for (const pending of decided.pendingApproval) assertValidRequest({ acknowledgements: [pending.proposal] }, fixture.file);
          call = () => plain(mod.approveAcknowledgement({ ...fixture.approve, proposal: decided.pendingApproval[0] }));
        }
        if (fixture.expectError) {
          let thrown;
          try {
            call();
          } catch (error) {
            thrown = error;
          }
          assert.ok(thrown, `${fixture.file}: expected ${fixture.expectError.code}`);
          assert.deepEqual({ code: thrown.code, path: thrown.path }, fixture.expectError);
          return;
        }
        const out = call();
        check(fixture.expect, out, fixture.file);
        assertValidRequest(out.request, fixture.file);
        for (const pending of out.pendingApproval ?? []) assertValidRequest({ acknowledgements: [pending.proposal] }, fixture.file);
      });
    }
  });
}
