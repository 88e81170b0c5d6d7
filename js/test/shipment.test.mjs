// Shipment confirmations (ASN) through every built artefact in every host shape: the seven
// structures built exactly as the Rust fixtures say, every body validated against Amazon's
// vendorShipments model (ajv), issues with paths, thrown errors, generateSscc.
// Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validatorFor } from '../lib/models.mjs';
import { HOST_SHAPES, flowShapes, repoRoot, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const SHIPMENTS_MODEL = 'vendor-shipments-api-model/vendorShipments.json';
const FIXTURES = path.join(repoRoot, 'tests', 'fixtures', 'shipment');
const STRUCTURES = [
  'PalletizedAssortmentCase',
  'LooseAssortmentCase',
  'PalletOfItems',
  'PalletizedStandardCase',
  'LooseStandardCase',
  'MasterPallet',
  'MasterCase',
];
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
// Results cross realms (vm contexts); compare them as plain JSON values.
const plain = (value) => JSON.parse(JSON.stringify(value));

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

function assertValidRequest(request, what) {
  const validate = validatorFor(SHIPMENTS_MODEL, 'SubmitShipmentConfirmationsRequest');
  const { valid, errors } = validate(request);
  assert.ok(valid, `${what}: request does not match vendorShipments.json: ${JSON.stringify(errors)}`);
}

// Every host shape of the full build, then of the shipment flow's own bundles.
for (const [shape, load] of [...HOST_SHAPES, ...flowShapes('shipment')]) {
  test(`shipment confirmations: ${shape}`, async (t) => {
    const { mod: m, ErrorCtor } = await load();
    for (const f of [
      'buildShipmentConfirmation',
      'buildShipmentConfirmationJson',
      'validateShipmentConfirmation',
      'validateShipmentConfirmationJson',
      'generateSscc',
    ]) {
      assert.equal(typeof m[f], 'function', f);
    }

    await t.test('each of the seven structures builds exactly the fixture, valid against the model', () => {
      for (const structure of STRUCTURES) {
        const input = fixture(`build-${structure}.input.json`);
        const out = plain(m.buildShipmentConfirmation(input));
        assert.deepEqual(out, fixture(`build-${structure}.expected.json`), structure);
        assertValidRequest(out.request, structure);
        const check = plain(
          m.validateShipmentConfirmation({
            shipmentConfirmation: out.request.shipmentConfirmations[0],
            purchaseOrders: input.purchaseOrders,
            acknowledgements: input.acknowledgements,
            skuMap: input.skuMap,
            now: input.now,
          }),
        );
        assert.deepEqual(check, { valid: true, issues: [] }, structure);
      }
    });

    await t.test('variants of the body also validate against the model', () => {
      const base = fixture('build-MasterCase.input.json');
      const variants = [
        { ...base, ssccWithApplicationIdentifier: false },
        { ...base, shipmentConfirmationType: 'Replace', previousShipments: [] },
        { ...base, purchaseOrders: undefined, acknowledgements: undefined },
        { ...fixture('build-PalletizedAssortmentCase.input.json'), now: '2026-11-22T12:00:00Z' },
      ];
      for (const [i, variant] of variants.entries()) {
        const out = plain(m.buildShipmentConfirmation(JSON.parse(JSON.stringify(variant))));
        // A Replace of nothing is refused with an issue; everything else yields a body.
        if (variant.shipmentConfirmationType === 'Replace') {
          assert.equal(out.request, undefined);
          assert.equal(out.issues[0].code, 'REPLACE_WITHOUT_ORIGINAL');
          continue;
        }
        assertValidRequest(out.request, `variant ${i}`);
      }
    });

    await t.test('issues point at the fields; the JSON twins agree', () => {
      const input = fixture('build-PalletizedAssortmentCase.input.json');
      input.cartons[1].sscc = '106141411234567898';
      const built = plain(m.buildShipmentConfirmation(input));
      assert.equal(built.request, undefined);
      assert.deepEqual(
        built.issues.map((i) => [i.code, i.severity, i.path]),
        [['INVALID_SSCC_CHECK_DIGIT', 'error', '/cartons/1/sscc']],
      );
      assert.deepEqual(JSON.parse(m.buildShipmentConfirmationJson(JSON.stringify(input))), built);

      const asn = fixture('build-PalletizedAssortmentCase.expected.json').request.shipmentConfirmations[0];
      asn.transportationDetails.carrierScac = 'Old Dominion';
      const args = { shipmentConfirmation: asn, now: '2026-11-22T10:00:00Z' };
      const out = plain(m.validateShipmentConfirmation(args));
      assert.equal(out.valid, false);
      assert.deepEqual(
        out.issues.map((i) => [i.code, i.path]),
        [['INVALID_SCAC', '/transportationDetails/carrierScac']],
      );
      assert.deepEqual(JSON.parse(m.validateShipmentConfirmationJson(JSON.stringify(args))), out);
    });

    await t.test('errors: code, path, Error of the realm; the instance stays usable', () => {
      const input = fixture('build-LooseStandardCase.input.json');
      const expected = JSON.stringify(plain(m.buildShipmentConfirmation(input)));
      const cases = [
        [() => m.buildShipmentConfirmation(42), 'INVALID_TYPE', ''],
        [
          () =>
            m.buildShipmentConfirmation({
              ...input,
              cartons: [{ contents: [{ purchaseOrderNumber: 'PO-A', sku: 'RED', quantity: 'six' }] }],
            }),
          'INVALID_TYPE',
          '/cartons/0/contents/0/quantity',
        ],
        [() => m.buildShipmentConfirmation({ ...input, shipmentStructure: 'Pallets' }), 'UNKNOWN_ENUM', '/shipmentStructure'],
        [() => m.validateShipmentConfirmation({ shipmentConfirmation: {} }), 'MISSING_FIELD', '/now'],
        [() => m.validateShipmentConfirmationJson('{'), 'INVALID_JSON', ''],
        [() => m.generateSscc({ companyPrefix: '0614141', serialReference: 1e10 }), 'INVALID_VALUE', '/serialReference'],
      ];
      for (const [fn, code, p] of cases) {
        const e = thrown(fn);
        assert.ok(e instanceof ErrorCtor, 'an Error of the module realm');
        assert.equal(e.code, code, e.message);
        assert.equal(e.path, p, e.message);
        assert.equal(JSON.stringify(plain(m.buildShipmentConfirmation(input))), expected, 'still answers');
      }
    });

    await t.test('generateSscc: the GS1 example', () => {
      assert.deepEqual(plain(m.generateSscc({ companyPrefix: '0614141', extensionDigit: 1, serialReference: 123456789 })), {
        sscc: '106141411234567897',
        elementString: '00106141411234567897',
        humanReadable: '(00) 1 0614141 123456789 7',
      });
    });
  });
}
