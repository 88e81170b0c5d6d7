// The NetSuite SDF project as built (dist/netsuite): structure (XML well-formed, every referenced
// file and object present) and the SuiteScript entry points run against the SP-API emulator in a
// harness shaped like Oracle's suitecloud-unit-testing stubs: records written, requests sent,
// nothing sent twice, credentials never in logs, records or errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, loadPkgImport, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { runEntryPoint } from './harness/suitescript.mjs';
import { startEmulator } from '../emulator/server.mjs';
import { generateOrders, loadDemoInventory } from '../demo/generate.mjs';
import { checkSdfProject, parseXml, SCRIPTS_FOLDER } from '../build/netsuite.mjs';
import { validatorFor } from '../lib/models.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';

requireBuilt();
const project = path.join(distDir, 'netsuite');
const scriptsDir = path.join(project, SCRIPTS_FOLDER);
const SENTINEL = SECRET_SENTINELS.netsuite;
const { inventory, skuMap } = loadDemoInventory();
const validateAck = validatorFor('vendor-orders-api-model/vendorOrders.json', 'SubmitAcknowledgementRequest');
const CUSTOMERS = [{ vendorCode: 'DEMO1', customer: '42', currencies: ['USD'] }, { vendorCode: 'DEMO2', customer: '42', currencies: ['USD'] },
  { vendorCode: 'DEMO3', customer: '43', currencies: ['USD'] }];
const LOCATIONS = [{ fulfillmentCenter: 'SEA8', location: '1' }, { fulfillmentCenter: 'PHX6', location: '2' },
  { fulfillmentCenter: 'ONT8', location: '3' }, { fulfillmentCenter: 'BFI4', location: '4' }];
/** Every custom field id the project declares as an SDF object. */
const declaredCustomFields = () => new Set(fs.readdirSync(path.join(project, 'src', 'Objects')).filter((f) => /^cust(body|col)_/.test(f)).map((f) => f.replace(/\.xml$/, '')));

test('dist/netsuite is a complete SDF project: XML well-formed, every reference resolves', () => {
  assert.deepEqual(checkSdfProject(project), []);
  const objects = fs.readdirSync(path.join(project, 'src', 'Objects'));
  for (const id of ['customscript_vcc_poll_mr', 'customscript_vcc_approve_wa', 'customscript_vcc_asn_ue', 'customscript_vcc_probe_sl', 'customrecord_vcc_outbox']) {
    assert.ok(objects.includes(`${id}.xml`), id);
  }
  const mr = parseXml(fs.readFileSync(path.join(project, 'src', 'Objects', 'customscript_vcc_poll_mr.xml'), 'utf8'));
  assert.equal(mr.name, 'mapreducescript');
  // Script parameter ids are account-wide: no two scripts may declare the same one.
  const seen = new Map();
  for (const f of objects) {
    const text = fs.readFileSync(path.join(project, 'src', 'Objects', f), 'utf8');
    for (const m of text.matchAll(/<scriptcustomfield scriptid="([^"]+)"/g)) {
      assert.ok(!seen.has(m[1]), `${m[1]} declared in ${seen.get(m[1])} and ${f}`);
      seen.set(m[1], f);
    }
  }
  for (const f of fs.readdirSync(scriptsDir).filter((x) => x.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(scriptsDir, f), 'utf8');
    if (f.startsWith('vcc_') && f.endsWith(['_mr.js', '_wa.js', '_ue.js', '_sl.js'].find((s) => f.endsWith(s)) ?? '-')) assert.match(text, /@NScriptType \w+/, f);
  }
});

test('the project check catches broken XML, missing files and dangling object references', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-sdf-'));
  try {
    fs.cpSync(project, copy, { recursive: true });
    const obj = (f) => path.join(copy, 'src', 'Objects', f);
    fs.writeFileSync(obj('custbody_vcc_asn.xml'), '<transactionbodycustomfield scriptid="custbody_vcc_asn"><label>x</labl></transactionbodycustomfield>');
    fs.rmSync(path.join(copy, SCRIPTS_FOLDER, 'vcc_probe_sl.js'));
    fs.rmSync(obj('customrecord_vcc_outbox.xml'));
    const problems = checkSdfProject(copy).join('\n');
    assert.match(problems, /custbody_vcc_asn\.xml: not well-formed XML/);
    assert.match(problems, /references \/SuiteScripts\/vendor-central-connector\/vcc_probe_sl\.js/);
    assert.match(problems, /references \[customrecord_vcc_outbox\]/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

function setup(emu, orders = []) {
  // A SKU ordered on a New PO: every PO with it waits for a person (the approval path).
  const asins = new Set(orders.filter((o) => o.purchaseOrderState === 'New').flatMap((o) => o.orderDetails.items.map((i) => i.amazonProductIdentifier)));
  const reviewSku = (skuMap.find((m) => asins.has(m.asin)) ?? skuMap[0]).sku;
  const params = {
    custscript_vcc_endpoint: emu.url,
    custscript_vcc_lwa_endpoint: `${emu.url}/auth/o2/token`,
    custscript_vcc_client_id: SENTINEL.clientId,
    custscript_vcc_client_secret: SENTINEL.clientSecret,
    custscript_vcc_refresh_token: SENTINEL.refreshToken,
    custscript_vcc_customers: JSON.stringify(CUSTOMERS),
    custscript_vcc_locations: JSON.stringify(LOCATIONS),
    custscript_vcc_inventory_search: 'customsearch_vcc_inventory',
    custscript_vcc_sku_map: JSON.stringify(skuMap),
    custscript_vcc_auto_submit: true,
    custscript_vcc_rules: JSON.stringify({ skus: { [reviewSku]: { autoAcknowledge: false } } }),
  };
  for (const k of ['endpoint', 'lwa_endpoint', 'client_id', 'client_secret', 'refresh_token', 'sku_map']) params[`custscript_vcc_wa_${k}`] = params[`custscript_vcc_${k}`];
  const db = { records: { item: {} } };
  skuMap.forEach((m, i) => { db.records.item[String(500 + i)] = { fields: { itemid: m.sku }, sublists: {} }; });
  const columns = ['sku', 'onHand', 'committed', 'safetyStock', 'available'].map((label) => ({ name: `col_${label}`, label }));
  const rows = inventory.map((p) => Object.fromEntries(columns.map((c) => [c.name, p[c.label] ?? ''])));
  return { params, db, savedSearches: { customsearch_vcc_inventory: { columns, rows } } };
}

const salesOrders = (db) => Object.entries(db.records.salesorder ?? {});
const outbox = (db) => Object.values(db.records.customrecord_vcc_outbox ?? {}).map((r) => r.fields);

test('map/reduce: polls, decides, writes sales orders, acknowledges once through the outbox; approval workflow submits the held PO', async () => {
  const orders = generateOrders({ now: new Date().toISOString(), count: 16, seed: 4242, skuMap });
  const emu = await startEmulator({ orders, credentials: SENTINEL, processingPolls: 0 });
  try {
    const { params, db, savedSearches } = setup(emu, orders);
    const first = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db, savedSearches });
    assert.ok(first.result.ok, JSON.stringify(first.result.error));
    assert.deepEqual(first.result.mapErrors, []);

    // Requests sent: one acknowledgement, valid against the model; its transaction polled.
    assert.equal(emu.acknowledgements.length, 1);
    assert.ok(validateAck(emu.acknowledgements[0]).valid);
    const sentPos = emu.acknowledgements[0].acknowledgements.map((a) => a.purchaseOrderNumber);
    assert.ok(first.httpLog.some((h) => h.method === 'GET' && h.url.includes('/vendor/transactions/v1/transactions/')));

    // Records written: the outbox entry settled; a sales order per decided PO.
    const [entry] = outbox(first.db);
    assert.deepEqual([entry.custrecord_vcc_ob_state, entry.custrecord_vcc_ob_status], ['settled', 'Success']);
    assert.deepEqual(entry.custrecord_vcc_ob_keys.split(','), sentPos);
    const sos = salesOrders(first.db);
    assert.equal(sos.length, first.result.mapped);
    // Each sales order is the core's toSalesOrders record (NetSuite preset): customer and
    // location from the tables, prices from the PO, held POs Pending Approval; every custom field
    // written is declared by the project.
    const { mod: core } = await loadPkgImport();
    const declared = declaredCustomFields();
    const itemIdBySku = new Map(Object.entries(first.db.records.item).map(([id, r]) => [r.fields.itemid, id]));
    let pricedLines = 0;
    for (const [, so] of sos) {
      const po = orders.find((o) => o.purchaseOrderNumber === so.fields.custbody_vcc_po_number);
      const expected = core.toSalesOrders({ purchaseOrders: [po], skuMap, customers: CUSTOMERS, locations: LOCATIONS, autoAcknowledge: so.fields.orderstatus === 'B',
        preset: 'netsuite', presetFieldIds: { custcol_vcc_item_sequence_number: 'custcol_vcc_item_seq' } }).records[0];
      assert.equal(so.fields.entity, expected.fields.entity);
      assert.ok(['42', '43'].includes(so.fields.entity));
      assert.equal(so.fields.location, LOCATIONS.find((l) => l.fulfillmentCenter === po.orderDetails.shipToParty.partyId).location);
      assert.equal(so.fields.otherrefnum, so.fields.custbody_vcc_po_number);
      assert.equal(so.fields.externalid, po.purchaseOrderNumber);
      assert.ok(so.fields.trandate instanceof Date, 'dates written as Date');
      assert.equal(so.fields.orderstatus, so.fields.custbody_vcc_ack_state === 'pendingApproval' ? 'A' : 'B');
      assert.deepEqual((so.sublists.item ?? []).map((l) => [l.custcol_vcc_item_seq, l.item, l.quantity, l.rate]),
        expected.sublists.item.map((l) => [l.custcol_vcc_item_seq, itemIdBySku.get(l.item), l.quantity, Number(l.rate)]));
      for (const line of so.sublists.item ?? []) {
        assert.ok(line.custcol_vcc_item_seq && line.item && line.quantity > 0 && typeof line.rate === 'number' && line.rate > 0);
        assert.equal(typeof line.custcol_vcc_accepted_qty, 'number');
        pricedLines += 1;
      }
      for (const id of [...Object.keys(so.fields), ...(so.sublists.item ?? []).flatMap((l) => Object.keys(l))]) {
        if (/^cust(body|col)_/.test(id)) assert.ok(declared.has(id), `${id} is written but not declared in src/Objects`);
      }
    }
    assert.ok(pricedLines > 0);
    const submitted = sos.filter(([, so]) => so.fields.custbody_vcc_ack_state === 'submitted').map(([, so]) => so.fields.custbody_vcc_po_number);
    assert.deepEqual(submitted.sort(), [...sentPos].sort());
    const held = sos.filter(([, so]) => so.fields.custbody_vcc_ack_state === 'pendingApproval');
    assert.ok(held.length >= 1, 'a PO with the review SKU is held for approval');

    // A second run sends nothing: the history comes from the outbox records.
    const second = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db: first.db, savedSearches });
    assert.ok(second.result.ok, JSON.stringify(second.result.error));
    assert.equal(emu.acknowledgements.length, 1);
    assert.equal(salesOrders(second.db).length, sos.length, 'sales orders updated, not duplicated');

    // Approval: quantities above ordered are refused by the core and surface as a workflow error.
    const [heldId, heldSo] = held[0];
    const tooMuch = structuredClone(second.db);
    tooMuch.records.salesorder[heldId].sublists.item[0].custcol_vcc_accepted_qty = 1_000_000;
    const refused = await runEntryPoint({ scriptsDir, job: { kind: 'workflowaction', script: 'vcc_approve_wa', recordType: 'salesorder', recordId: heldId }, params, db: tooMuch, savedSearches });
    assert.equal(refused.result.ok, false);
    assert.equal(refused.result.error.name, 'VCC_APPROVED_ABOVE_ORDERED');
    assert.equal(emu.acknowledgements.length, 1, 'nothing sent on a refused approval');

    const approved = await runEntryPoint({ scriptsDir, job: { kind: 'workflowaction', script: 'vcc_approve_wa', recordType: 'salesorder', recordId: heldId }, params, db: second.db, savedSearches });
    assert.ok(approved.result.ok, JSON.stringify(approved.result.error));
    assert.equal(approved.result.returned, 'SUBMITTED');
    assert.equal(emu.acknowledgements.length, 2);
    assert.deepEqual(emu.acknowledgements[1].acknowledgements.map((a) => a.purchaseOrderNumber), [heldSo.fields.custbody_vcc_po_number]);
    const after = approved.db.records.salesorder[heldId].fields;
    assert.equal(after.custbody_vcc_ack_state, 'submitted');
    assert.equal(after.custbody_vcc_proposal, '');

    // Credentials never in logs, records or errors.
    const everything = JSON.stringify([first, second, refused, approved].map((r) => ({ logs: r.logs, db: r.db, error: r.result.error })));
    for (const secret of Object.values(SENTINEL)) assert.ok(!everything.includes(secret), `leaked ${secret.slice(0, 12)}…`);
    assert.ok(first.logs.some((l) => l.title === 'vendor-central-connector: decided'));
  } finally {
    await emu.close();
  }
});

test('map/reduce: a lost answer to the POST is resolved on the next run from the PO state, not resent', async () => {
  const orders = generateOrders({ now: new Date().toISOString(), count: 8, seed: 777, skuMap });
  const emu = await startEmulator({ orders, credentials: SENTINEL, processingPolls: 0, settleAfterMs: 0 });
  try {
    const { params, db, savedSearches } = setup(emu);
    params.custscript_vcc_rules = '{}';
    emu.injectFault({ route: 'POST /vendor/orders/v1/acknowledgements', status: 503, afterProcessing: true });
    const first = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db, savedSearches });
    assert.ok(first.result.ok, JSON.stringify(first.result.error));
    assert.equal(outbox(first.db)[0].custrecord_vcc_ob_state, 'pending');
    assert.ok(salesOrders(first.db).some(([, so]) => so.fields.custbody_vcc_ack_state === 'inDoubt'));
    assert.equal(emu.acknowledgements.length, 1);
    const second = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db: first.db, savedSearches });
    assert.ok(second.result.ok, JSON.stringify(second.result.error));
    const entry = outbox(second.db)[0];
    assert.deepEqual([entry.custrecord_vcc_ob_state, entry.custrecord_vcc_ob_resolved_by], ['settled', 'stateAtAmazon']);
    assert.equal(emu.acknowledgements.length, 1, 'not resent');
  } finally {
    await emu.close();
  }
});

test('map/reduce: credentials as NetSuite API secrets ({custsecret_…}): the token request carries them, no value in any log, record or error', async () => {
  const orders = generateOrders({ now: new Date().toISOString(), count: 6, seed: 99, skuMap });
  const emu = await startEmulator({ orders, credentials: SENTINEL, processingPolls: 0 });
  try {
    const { params, db, savedSearches } = setup(emu, orders);
    // The client id as a plain parameter, the two secrets as API secret placeholders (both scripts).
    for (const prefix of ['custscript_vcc_', 'custscript_vcc_wa_']) {
      params[`${prefix}client_secret`] = '{custsecret_vcc_lwa_client_secret}';
      params[`${prefix}refresh_token`] = '{CUSTSECRET_VCC_LWA_REFRESH_TOKEN}';
    }
    const secrets = { custsecret_vcc_lwa_client_secret: SENTINEL.clientSecret, custsecret_vcc_lwa_refresh_token: SENTINEL.refreshToken };
    const run = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db, savedSearches, secrets });
    assert.ok(run.result.ok, JSON.stringify(run.result.error));
    assert.equal(emu.acknowledgements.length, 1, 'LWA accepted the secrets NetSuite filled in');
    assert.deepEqual(outbox(run.db).map((e) => e.custrecord_vcc_ob_state), ['settled']);

    // The approval workflow action reaches SP-API with the same secrets.
    const [heldId] = salesOrders(run.db).find(([, so]) => so.fields.custbody_vcc_ack_state === 'pendingApproval') ?? [];
    assert.ok(heldId, 'a PO with the review SKU is held');
    const approved = await runEntryPoint({ scriptsDir, job: { kind: 'workflowaction', script: 'vcc_approve_wa', recordType: 'salesorder', recordId: heldId }, params, db: run.db, savedSearches, secrets });
    assert.ok(approved.result.ok, JSON.stringify(approved.result.error));
    assert.equal(approved.result.returned, 'SUBMITTED');
    assert.equal(emu.acknowledgements.length, 2);

    // A secret the deployment may not use: the run stops before anything is sent, and says why
    // without any value.
    const denied = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db: { records: structuredClone(db.records) }, savedSearches,
      secrets: { custsecret_vcc_lwa_client_secret: SENTINEL.clientSecret } });
    assert.equal(denied.result.ok, false);
    assert.equal(denied.result.error.message, 'LWA token exchange failed: SECRET_NOT_AVAILABLE');
    assert.equal(emu.acknowledgements.length, 2);

    // A wrong secret value: Amazon refuses; the error names the LWA error code only.
    const wrong = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db: { records: structuredClone(db.records) }, savedSearches,
      secrets: { ...secrets, custsecret_vcc_lwa_client_secret: `${SENTINEL.clientSecret}-old` } });
    assert.equal(wrong.result.ok, false);
    assert.match(wrong.result.error.message, /LWA token exchange failed: HTTP 400 invalid_client/);

    // Sentinel scan: logs, records written, errors (message and stack), request log.
    const everything = JSON.stringify([run, approved, denied, wrong].map((r) => ({ logs: r.logs, db: r.db, error: r.result.error, http: r.httpLog })));
    for (const secret of [SENTINEL.clientSecret, SENTINEL.refreshToken]) {
      assert.ok(!everything.includes(secret), `leaked ${secret.slice(0, 12)}…`);
      assert.ok(!everything.includes(encodeURIComponent(secret)), `leaked (encoded) ${secret.slice(0, 12)}…`);
    }
  } finally {
    await emu.close();
  }
});

test('map/reduce: a PO whose sales order cannot be written (fulfilment centre not mapped) is not acknowledged yet; the others are', async () => {
  const orders = generateOrders({ now: new Date().toISOString(), count: 12, seed: 4242, skuMap });
  const emu = await startEmulator({ orders, credentials: SENTINEL, processingPolls: 0 });
  try {
    const { params, db, savedSearches } = setup(emu, orders);
    params.custscript_vcc_rules = '{}';
    params.custscript_vcc_locations = JSON.stringify(LOCATIONS.filter((l) => l.fulfillmentCenter !== 'SEA8'));
    const run = await runEntryPoint({ scriptsDir, job: { kind: 'mapreduce', script: 'vcc_poll_mr' }, params, db, savedSearches });
    assert.ok(run.result.ok, JSON.stringify(run.result.error));
    const atSea8 = new Set(orders.filter((o) => o.orderDetails.shipToParty.partyId === 'SEA8').map((o) => o.purchaseOrderNumber));
    assert.ok(atSea8.size > 0, 'the generated batch ships to SEA8');
    const sent = emu.acknowledgements.flatMap((b) => b.acknowledgements.map((a) => a.purchaseOrderNumber));
    assert.ok(sent.length > 0);
    assert.deepEqual(sent.filter((n) => atSea8.has(n)), [], 'no PO without a sales order is acknowledged');
    assert.deepEqual(salesOrders(run.db).filter(([, so]) => atSea8.has(so.fields.custbody_vcc_po_number)), []);
    assert.ok(run.logs.some((l) => l.level === 'error' && l.title === 'vendor-central-connector: UNKNOWN_FULFILLMENT_CENTER'));
    const decided = JSON.parse(run.logs.find((l) => l.title === 'vendor-central-connector: decided').details);
    assert.ok(decided.notAcknowledgedForNow.length > 0 && decided.notAcknowledgedForNow.every((n) => atSea8.has(n)));
  } finally {
    await emu.close();
  }
});

test('user event: the ASN on the item fulfilment is validated by the core before save', async () => {
  const fixtureDir = path.join(repoRoot, 'tests', 'fixtures', 'shipment');
  const asn = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.expected.json'), 'utf8')).request.shipmentConfirmations[0];
  const { acknowledgements } = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.input.json'), 'utf8'));
  // The outbox holds the acknowledgement the connector sent for the ASN's POs (settled Success).
  const db = () => ({ records: { customrecord_vcc_outbox: { 1: { fields: {
    custrecord_vcc_ob_operation: 'submitAcknowledgement', custrecord_vcc_ob_keys: acknowledgements.map((a) => a.purchaseOrderNumber).join(','),
    custrecord_vcc_ob_body: JSON.stringify({ acknowledgements }), custrecord_vcc_ob_state: 'settled', custrecord_vcc_ob_status: 'Success',
    custrecord_vcc_ob_created: new Date(Date.now() - 86400000).toISOString() }, sublists: {} } } } });
  // Dates near the real clock: the script passes the current time as `now`.
  const now = Date.now();
  asn.shipmentConfirmationDate = new Date(now - 10 * 60000).toISOString();
  asn.shippedDate = new Date(now - 20 * 60000).toISOString();
  if (asn.estimatedDeliveryDate) asn.estimatedDeliveryDate = new Date(now + 2 * 86400000).toISOString();
  const params = { custscript_vcc_ue_sku_map: '[]' };
  const job = (shipment) => ({ kind: 'userevent', script: 'vcc_asn_ue', recordType: 'itemfulfillment', record: { fields: { custbody_vcc_asn: JSON.stringify(shipment) }, sublists: {} } });

  const ok = await runEntryPoint({ scriptsDir, job: job(asn), params, db: db() });
  assert.ok(ok.result.ok, JSON.stringify(ok.result.error));

  const broken = structuredClone(asn);
  const sscc = broken.cartons[0].cartonIdentifiers.find((c) => c.containerIdentificationType === 'SSCC');
  sscc.containerIdentificationNumber = `${sscc.containerIdentificationNumber.slice(0, -1)}${(Number(sscc.containerIdentificationNumber.slice(-1)) + 1) % 10}`;
  const refused = await runEntryPoint({ scriptsDir, job: job(broken), params, db: db() });
  assert.equal(refused.result.ok, false);
  assert.equal(refused.result.error.name, 'VCC_ASN_INVALID');
  assert.match(refused.result.error.message, /INVALID_SSCC_CHECK_DIGIT at \/cartons\/0\/cartonIdentifiers\/\d+\/containerIdentificationNumber/);

  const unreadable = await runEntryPoint({ scriptsDir, job: job(asn), params: { custscript_vcc_ue_sku_map: '[{"sku": 5}]' }, db: db() });

  // Acknowledged above what ships? Shipping more than was accepted is refused.
  const over = structuredClone(asn);
  over.shippedItems[2].shippedQuantity.amount += 1;
  over.cartons[2].items[0].shippedQuantity.amount += 1;
  const overage = await runEntryPoint({ scriptsDir, job: job(over), params, db: db() });
  assert.equal(overage.result.ok, false);
  assert.match(overage.result.error.message, /OVERAGE at \/shippedItems\/2/);
  assert.equal(unreadable.result.ok, false);
  assert.match(unreadable.result.error.name, /^VCC_/);
  assert.match(unreadable.result.error.message, / at \/skuMap\/0\/sku/);
});

for (const withoutWebAssembly of [false, true]) {
  test(`probe Suitelet reports the engine and the backend${withoutWebAssembly ? ' (engine without WebAssembly → wasm2js)' : ''}`, async () => {
    const run = await runEntryPoint({ scriptsDir, job: { kind: 'suitelet', script: 'vcc_probe_sl', parameters: { format: 'json' } }, withoutWebAssembly });
    assert.ok(run.result.ok, JSON.stringify(run.result.error));
    const report = JSON.parse(run.result.body);
    assert.equal(report.backend, withoutWebAssembly ? 'wasm2js' : 'wasm');
    assert.equal(report.engine.WebAssembly, withoutWebAssembly ? 'undefined' : 'object');
    assert.equal(report.engine.TextDecoder, 'undefined', 'a bare engine: the bundle brings its own');
    assert.equal(report.decideAcknowledgements, 'ok');
    assert.ok(report.instantiationMs >= 0);
    const html = await runEntryPoint({ scriptsDir, job: { kind: 'suitelet', script: 'vcc_probe_sl' }, withoutWebAssembly });
    assert.match(html.result.body, /<th align="left">backend<\/th><td>wasm/);
  });
}
