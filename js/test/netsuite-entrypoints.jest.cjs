// `node --test test/` loads every file under test/: this one is a Jest suite (js/jest.config.cjs).
if (typeof jest === 'undefined') return;
// The SuiteScript entry points of dist/netsuite as SuiteScript developers test them: Oracle's
// SuiteCloud Unit Testing (Jest, Babel's AMD transform), with the N/ modules of the NetSuite
// double (documented operators, paging, field lengths, usage units, typed parameters) and the
// SP-API emulator behind N/https. Every test runs twice (js/jest.config.cjs): with WebAssembly
// and without it (the wasm2js build).
const fs = require('node:fs');
const path = require('node:path');
const ns = require('./harness/suitescript-double/index.cjs');
const { startEmulatorThread } = require('./harness/suitescript-http.cjs');
const setup = require('./harness/suitescript-setup.cjs');

const vcc = require('SuiteScripts/vendor-central-connector/lib/vendor-central-connector.amd');
const loadScript = (file) => require(`SuiteScripts${file.replace(/^\/SuiteScripts/, '').replace(/\.js$/, '')}`);
const MR = 'customscript_vcc_poll_mr';
const WA = 'customscript_vcc_approve_wa';
const UE = 'customscript_vcc_asn_ue';
const SL = 'customscript_vcc_probe_sl';
const script = (id) => loadScript(ns.createAccount({ srcDir: setup.SRC_DIR }).meta.scripts[id].file);
const expectedBackend = typeof WebAssembly === 'undefined' ? 'wasm2js' : 'wasm';

let demo;
let sentinel;
beforeAll(async () => {
  const probe = await startEmulatorThread({ orders: [] });
  demo = await probe.demoInventory();
  sentinel = await probe.sentinels();
  await probe.close();
});

/** An account with the demo items, the inventory search and the parameters; `review` holds POs with that SKU for approval. */
function account(emu, { orders = [], review = true, secrets = {}, params = {} } = {}) {
  const { inventory, skuMap } = demo;
  const asins = new Set(orders.filter((o) => o.purchaseOrderState === 'New').flatMap((o) => o.orderDetails.items.map((i) => i.amazonProductIdentifier)));
  const reviewSku = (skuMap.find((m) => asins.has(m.asin)) ?? skuMap[0]).sku;
  const acct = ns.createAccount({
    srcDir: setup.SRC_DIR,
    records: { item: setup.itemRecords(skuMap.map((m) => m.sku)) },
    savedSearches: setup.inventorySearch(inventory),
    secrets,
    transport: emu.transport,
  });
  const p = setup.parameters({ credentials: sentinel, skuMap, rules: review ? { skus: { [reviewSku]: { autoAcknowledge: false } } } : {} });
  acct.setParameters(MR, { ...p.mr, ...params.mr });
  acct.setParameters(WA, { ...p.wa, ...params.wa });
  return acct;
}

const records = (acct, type) => [...acct.table(type)].map(([id, data]) => ({ id, ...data }));
const salesOrders = (acct) => records(acct, 'salesorder');
const outbox = (acct) => records(acct, 'customrecord_vcc_outbox').map((r) => r.fields);
const logged = (acct, title) => acct.logs.filter((l) => l.title === title).map((l) => JSON.parse(l.details));

describe('map/reduce: poll, decide, acknowledge', () => {
  let emu;
  let orders;
  afterEach(async () => emu && emu.close());

  test('writes a sales order per decided PO, acknowledges once through the outbox, sends nothing on a second run; the shipped workflow submits the approved PO', async () => {
    emu = await startEmulatorThread({ generate: { count: 16, seed: 4242, skuMap: demo.skuMap }, credentials: sentinel, processingPolls: 0 });
    orders = await emu.orders();
    const acct = account(emu, { orders });
    const first = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(first.error).toBeUndefined();
    expect(first.mapErrors).toEqual([]);
    expect(acct.advisories).toEqual([]);
    const acks = await emu.acknowledgements();
    expect(acks).toHaveLength(1);
    expect(await emu.invalidAcknowledgements()).toEqual([]);
    const sentPos = acks[0].acknowledgements.map((a) => a.purchaseOrderNumber);

    // The outbox entry settled (summarize polled the transaction); a sales order per decided PO.
    const [entry] = outbox(acct);
    expect([entry.custrecord_vcc_ob_state, entry.custrecord_vcc_ob_status]).toEqual(['settled', 'Success']);
    expect(entry.custrecord_vcc_ob_keys.split(',')).toEqual(sentPos);
    const sos = salesOrders(acct);
    expect(sos).toHaveLength(first.stages.map.invocations);
    const itemIdBySku = new Map(records(acct, 'item').map((r) => [r.fields.itemid, r.id]));
    for (const so of sos) {
      const po = orders.find((o) => o.purchaseOrderNumber === so.fields.custbody_vcc_po_number);
      const expected = vcc.toSalesOrders({ purchaseOrders: [po], skuMap: demo.skuMap, customers: setup.CUSTOMERS, locations: setup.LOCATIONS, autoAcknowledge: so.fields.orderstatus === 'B',
        preset: 'netsuite', presetFieldIds: { custcol_vcc_item_sequence_number: 'custcol_vcc_item_seq' } }).records[0];
      expect(so.fields.entity).toBe(expected.fields.entity);
      expect(so.fields.location).toBe(setup.LOCATIONS.find((l) => l.fulfillmentCenter === po.orderDetails.shipToParty.partyId).location);
      expect(so.fields.externalid).toBe(po.purchaseOrderNumber);
      expect(so.fields.trandate).toBeInstanceOf(Date);
      expect(so.fields.orderstatus).toBe(so.fields.custbody_vcc_ack_state === 'pendingApproval' ? 'A' : 'B');
      expect((so.sublists.item ?? []).map((l) => [l.custcol_vcc_item_seq, l.item, l.quantity, l.rate]))
        .toEqual(expected.sublists.item.map((l) => [l.custcol_vcc_item_seq, itemIdBySku.get(l.item), l.quantity, Number(l.rate)]));
    }
    const submitted = sos.filter((so) => so.fields.custbody_vcc_ack_state === 'submitted').map((so) => so.fields.custbody_vcc_po_number);
    expect(submitted.sort()).toEqual([...sentPos].sort());
    const held = sos.filter((so) => so.fields.custbody_vcc_ack_state === 'pendingApproval');
    expect(held.length).toBeGreaterThan(0);

    // A second run sends nothing: the history comes from the outbox records.
    const second = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(second.error).toBeUndefined();
    expect(await emu.acknowledgements()).toHaveLength(1);
    expect(salesOrders(acct)).toHaveLength(sos.length);

    // Approval through the shipped workflow (event Approve, before submit): quantities above
    // ordered are refused by the core, the approval is cancelled, nothing is sent.
    const heldId = held[0].id;
    const stored = acct.table('salesorder').get(heldId);
    const before = stored.sublists.item[0].custcol_vcc_accepted_qty;
    stored.sublists.item[0].custcol_vcc_accepted_qty = 1_000_000;
    const refused = ns.runWorkflows(acct, { recordType: 'salesorder', recordId: heldId, event: 'approve', loadScript });
    expect(refused.ok).toBe(false);
    expect(refused.error.name).toBe('VCC_APPROVED_ABOVE_ORDERED');
    expect(refused.saved).toBe(false);
    expect(await emu.acknowledgements()).toHaveLength(1);

    stored.sublists.item[0].custcol_vcc_accepted_qty = before;
    const approved = ns.runWorkflows(acct, { recordType: 'salesorder', recordId: heldId, event: 'approve', loadScript });
    expect(approved.ok).toBe(true);
    expect(approved.ran.map((r) => [r.workflowId, r.scriptId, r.returned])).toEqual([['customworkflow_vcc_ack_approval', WA, 'SUBMITTED']]);
    const acksAfter = await emu.acknowledgements();
    expect(acksAfter).toHaveLength(2);
    expect(acksAfter[1].acknowledgements.map((a) => a.purchaseOrderNumber)).toEqual([held[0].fields.custbody_vcc_po_number]);
    const after = acct.table('salesorder').get(heldId).fields;
    expect([after.custbody_vcc_ack_state, after.custbody_vcc_proposal]).toEqual(['submitted', '']);
    // The workflow initiates on Approve only, and only while the acknowledgement waits.
    expect(ns.runWorkflows(acct, { recordType: 'salesorder', recordId: heldId, event: 'approve', loadScript }).ran).toEqual([]);
    expect(ns.runWorkflows(acct, { recordType: 'salesorder', recordId: held[held.length - 1].id, event: 'edit', loadScript }).ran).toEqual([]);

    // Credentials never in logs, records or errors.
    setup.keepForScan(`entrypoints-${expectedBackend}`, acct);
    const everything = JSON.stringify({ logs: acct.logs, records: records(acct, 'customrecord_vcc_outbox'), sos: salesOrders(acct), refused });
    for (const secret of Object.values(sentinel)) expect(everything.includes(secret)).toBe(false);
    expect(logged(acct, 'vendor-central-connector: decided')[0].backend).toBe(expectedBackend);
  });

  test('reads back what Amazon recorded after submitting: pending at first, a line Amazon recorded differently is an exception on a later run', async () => {
    emu = await startEmulatorThread({ generate: { count: 6, seed: 5150, skuMap: demo.skuMap }, credentials: sentinel, processingPolls: 0 });
    const acct = account(emu, { review: false });
    const first = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(first.error).toBeUndefined();
    const [body] = await emu.acknowledgements();
    const lines = body.acknowledgements.reduce((n, a) => n + a.items.length, 0);
    // RP guide: "Allow the system to take up to 30 minutes to show the original or updated
    // version once submitted": just sent, every line reads pending.
    expect(logged(acct, 'vendor-central-connector: decided')[0].readBack).toEqual({ pending: lines });
    expect((await emu.requests()).filter((r) => r.path === '/vendor/orders/v1/purchaseOrdersStatus').length).toBeGreaterThan(0);

    // Amazon records one line differently (one more unit accepted than was sent).
    const ack = body.acknowledgements[0];
    const item = ack.items[0];
    const sent = item.itemAcknowledgements.filter((e) => e.acknowledgementCode !== 'Rejected').reduce((n, e) => n + e.acknowledgedQuantity.amount, 0);
    const unit = { unitOfMeasure: item.orderedQuantity.unitOfMeasure, ...(item.orderedQuantity.unitSize ? { unitSize: item.orderedQuantity.unitSize } : {}) };
    await emu.recordStatus(ack.purchaseOrderNumber, item.itemSequenceNumber, { confirmationStatus: 'ACCEPTED', acceptedQuantity: { amount: sent + 1, ...unit } });

    // 40 minutes later (only the clock moves; timers stay real for the emulator thread).
    jest.useFakeTimers({ now: Date.now() + 40 * 60 * 1000, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    let second;
    try {
      second = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    } finally {
      jest.useRealTimers();
    }
    expect(second.error).toBeUndefined();
    expect(await emu.acknowledgements()).toHaveLength(1);
    const summary = logged(acct, 'vendor-central-connector: decided')[1];
    expect(summary.readBack).toEqual(lines > 1 ? { mismatch: 1, confirmed: lines - 1 } : { mismatch: 1 });
    const errors = acct.logs.filter((l) => l.title === 'vendor-central-connector: ACKNOWLEDGEMENT_MISMATCH');
    expect(errors).toHaveLength(1);
    expect(errors[0].details.startsWith(`${ack.purchaseOrderNumber} PO ${ack.purchaseOrderNumber} line ${item.itemSequenceNumber}: sent `)).toBe(true);
  });

  test('a lost answer to the POST is resolved on the next run from the PO state, not resent', async () => {
    emu = await startEmulatorThread({ generate: { count: 8, seed: 777, skuMap: demo.skuMap }, credentials: sentinel, processingPolls: 0, settleAfterMs: 0 });
    const acct = account(emu, { review: false });
    await emu.injectFault({ route: 'POST /vendor/orders/v1/acknowledgements', status: 503, afterProcessing: true });
    const first = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(first.error).toBeUndefined();
    expect(outbox(acct)[0].custrecord_vcc_ob_state).toBe('unknown');
    expect(salesOrders(acct).some((so) => so.fields.custbody_vcc_ack_state === 'inDoubt')).toBe(true);
    expect(await emu.acknowledgements()).toHaveLength(1);
    const second = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(second.error).toBeUndefined();
    const entry = outbox(acct)[0];
    expect([entry.custrecord_vcc_ob_state, entry.custrecord_vcc_ob_resolved_by]).toEqual(['settled', 'stateAtAmazon']);
    expect(await emu.acknowledgements()).toHaveLength(1);
  });

  test('credentials as API secrets ({custsecret_…}): the token request carries them; a refresh token longer than a Free-Form Text field fits its Text Area parameter', async () => {
    // LWA documents no maximum length for refresh tokens; real ones run to hundreds of characters.
    const longToken = `${sentinel.refreshToken}-${'x'.repeat(400)}`;
    emu = await startEmulatorThread({ generate: { count: 6, seed: 99, skuMap: demo.skuMap }, credentials: { ...sentinel, refreshToken: longToken }, processingPolls: 0 });
    const orders6 = await emu.orders();
    const secrets = { custsecret_vcc_lwa_client_secret: sentinel.clientSecret };
    const acct = account(emu, {
      orders: orders6,
      secrets,
      params: { mr: { custscript_vcc_client_secret: '{custsecret_vcc_lwa_client_secret}', custscript_vcc_refresh_token: longToken },
        wa: { custscript_vcc_wa_client_secret: '{CUSTSECRET_VCC_LWA_CLIENT_SECRET}', custscript_vcc_wa_refresh_token: longToken } },
    });
    const run = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(run.error).toBeUndefined();
    expect(await emu.acknowledgements()).toHaveLength(1);
    const heldId = salesOrders(acct).find((so) => so.fields.custbody_vcc_ack_state === 'pendingApproval')?.id;
    expect(heldId).toBeDefined();
    const approved = ns.runWorkflows(acct, { recordType: 'salesorder', recordId: heldId, event: 'approve', loadScript });
    expect(approved.ok).toBe(true);
    expect(await emu.acknowledgements()).toHaveLength(2);

    // A secret the deployment may not use: the run stops before anything is sent and says why.
    acct.secrets = {};
    const denied = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(denied.ok).toBe(false);
    expect(denied.error.message).toBe('LWA token exchange failed: SECRET_NOT_AVAILABLE');
    expect(await emu.acknowledgements()).toHaveLength(2);

    // The Free-Form Text field these parameters used to be refuses the token (300 bytes).
    expect(() => ns.createAccount({ srcDir: setup.SRC_DIR }).checkFieldValue(MR, 'custscript_vcc_refresh_token', 'TEXT', longToken)).toThrow(/INVALID_FLD_VALUE|Invalid Field Value/);
    setup.keepForScan(`secrets-${expectedBackend}`, acct);
    const everything = JSON.stringify({ logs: acct.logs, http: acct.http, records: records(acct, 'customrecord_vcc_outbox'), denied });
    for (const secret of [sentinel.clientSecret, longToken, sentinel.refreshToken]) {
      expect(everything.includes(secret)).toBe(false);
      expect(everything.includes(encodeURIComponent(secret))).toBe(false);
    }
  });

  test('a PO whose sales order cannot be written (fulfilment centre not mapped) is not acknowledged yet; the others are', async () => {
    emu = await startEmulatorThread({ generate: { count: 12, seed: 4242, skuMap: demo.skuMap }, credentials: sentinel, processingPolls: 0 });
    orders = await emu.orders();
    const acct = account(emu, { orders, review: false, params: { mr: { custscript_vcc_locations: JSON.stringify(setup.LOCATIONS.filter((l) => l.fulfillmentCenter !== 'SEA8')) } } });
    const run = ns.runMapReduce(acct, script(MR), { scriptId: MR });
    expect(run.error).toBeUndefined();
    const atSea8 = new Set(orders.filter((o) => o.orderDetails.shipToParty.partyId === 'SEA8').map((o) => o.purchaseOrderNumber));
    expect(atSea8.size).toBeGreaterThan(0);
    const sent = (await emu.acknowledgements()).flatMap((b) => b.acknowledgements.map((a) => a.purchaseOrderNumber));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((n) => atSea8.has(n))).toEqual([]);
    expect(salesOrders(acct).filter((so) => atSea8.has(so.fields.custbody_vcc_po_number))).toEqual([]);
    expect(acct.logs.some((l) => l.level === 'error' && l.title === 'vendor-central-connector: UNKNOWN_FULFILLMENT_CENTER')).toBe(true);
    const [decided] = logged(acct, 'vendor-central-connector: decided');
    expect(decided.notAcknowledgedForNow.length).toBeGreaterThan(0);
    expect(decided.notAcknowledgedForNow.every((n) => atSea8.has(n))).toBe(true);
  });
});

describe('user event: the ASN on the item fulfilment is validated before save', () => {
  const fixtureDir = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'shipment');
  const asn = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.expected.json'), 'utf8')).request.shipmentConfirmations[0];
  const { acknowledgements } = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.input.json'), 'utf8'));
  const now = Date.now();
  asn.shipmentConfirmationDate = new Date(now - 10 * 60000).toISOString();
  asn.shippedDate = new Date(now - 20 * 60000).toISOString();
  if (asn.estimatedDeliveryDate) asn.estimatedDeliveryDate = new Date(now + 2 * 86400000).toISOString();

  /** The outbox holds the acknowledgement the connector sent for the ASN's POs (settled Success). */
  const accountWithOutbox = (skuMap = '[]') => {
    const acct = ns.createAccount({ srcDir: setup.SRC_DIR, records: { customrecord_vcc_outbox: { 1: { fields: {
      custrecord_vcc_ob_operation: 'submitAcknowledgement', custrecord_vcc_ob_keys: acknowledgements.map((a) => a.purchaseOrderNumber).join(','),
      custrecord_vcc_ob_body: JSON.stringify({ acknowledgements }), custrecord_vcc_ob_state: 'settled', custrecord_vcc_ob_status: 'Success',
      custrecord_vcc_ob_created: new Date(now - 86400000).toISOString() } } } } });
    acct.setParameters(UE, { custscript_vcc_ue_sku_map: skuMap });
    return acct;
  };
  const save = (acct, shipment) => {
    const { Record } = ns.activate(acct)['N/record'];
    const newRecord = new Record('itemfulfillment', null, { fields: { custbody_vcc_asn: JSON.stringify(shipment) }, sublists: {} }, false);
    return ns.runUserEvent(acct, script(UE), { scriptId: UE, newRecord });
  };

  test('a matching ASN saves; a wrong check digit, an overage and an unreadable SKU map stop the save with code and path', () => {
    const ok = save(accountWithOutbox(), asn);
    expect(ok.error).toBeUndefined();
    expect(ok.stats.units).toBeLessThanOrEqual(20);

    const broken = JSON.parse(JSON.stringify(asn));
    const sscc = broken.cartons[0].cartonIdentifiers.find((c) => c.containerIdentificationType === 'SSCC');
    sscc.containerIdentificationNumber = `${sscc.containerIdentificationNumber.slice(0, -1)}${(Number(sscc.containerIdentificationNumber.slice(-1)) + 1) % 10}`;
    const refused = save(accountWithOutbox(), broken);
    expect(refused.error.name).toBe('VCC_ASN_INVALID');
    expect(refused.error.message).toMatch(/INVALID_SSCC_CHECK_DIGIT at \/cartons\/0\/cartonIdentifiers\/\d+\/containerIdentificationNumber/);

    const over = JSON.parse(JSON.stringify(asn));
    over.shippedItems[2].shippedQuantity.amount += 1;
    over.cartons[2].items[0].shippedQuantity.amount += 1;
    expect(save(accountWithOutbox(), over).error.message).toMatch(/OVERAGE at \/shippedItems\/2/);

    const unreadable = save(accountWithOutbox('[{"sku": 5}]'), asn);
    expect(unreadable.error.name).toMatch(/^VCC_/);
    expect(unreadable.error.message).toMatch(/ at \/skuMap\/0\/sku/);
  });
});

describe('probe Suitelet', () => {
  test(`reports the engine and the backend (${expectedBackend})`, () => {
    const acct = ns.createAccount({ srcDir: setup.SRC_DIR });
    const json = ns.runSuitelet(acct, script(SL), { scriptId: SL, parameters: { format: 'json' } });
    expect(json.error).toBeUndefined();
    const report = JSON.parse(json.body);
    expect(report.backend).toBe(expectedBackend);
    expect(report.engine.WebAssembly).toBe(expectedBackend === 'wasm' ? 'object' : 'undefined');
    expect(report.engine.TextDecoder).toBe('undefined'); // a bare engine: the bundle brings its own
    expect(report.decideAcknowledgements).toBe('ok');
    expect(json.headers['Content-Type']).toBe('application/json');
    const html = ns.runSuitelet(acct, script(SL), { scriptId: SL });
    expect(html.body).toMatch(new RegExp(`<th align="left">backend</th><td>${expectedBackend}`));
    expect(html.stats.units).toBe(0);
  });
});
