// `node --test test/` loads every file under test/: this one is a Jest suite (js/jest.config.cjs).
if (typeof jest === 'undefined') return;
// The issue's target volume through every entry point, in the NetSuite double with NetSuite's
// documented rules on: 5,000 POs polled from the emulator and 100,000 inventory rows (the SKU
// map of the 2,000 SKUs the POs order read from the same saved search's mapping columns). One map/reduce run decides every PO at once and stays
// inside each stage's usage units; a second run, with every PO shown New again, reads all of
// their history back from the outbox and sends nothing; the approval workflow, the ASN user event
// and the probe then run against the full outbox. Twice: with WebAssembly and with wasm2js.
// The figures (rows, POs, units per stage, time) go to target/netsuite-volume.json.
const fs = require('node:fs');
const path = require('node:path');
const ns = require('./harness/suitescript-double/index.cjs');
const { startEmulatorThread } = require('./harness/suitescript-http.cjs');
const setup = require('./harness/suitescript-setup.cjs');

const vcc = require('SuiteScripts/vendor-central-connector/lib/vendor-central-connector.amd');
const loadScript = (file) => require(`SuiteScripts${file.replace(/^\/SuiteScripts/, '').replace(/\.js$/, '')}`);
const scriptOf = (acct, id) => loadScript(acct.meta.scripts[id].file);
const MR = 'customscript_vcc_poll_mr';
const WA = 'customscript_vcc_approve_wa';
const UE = 'customscript_vcc_asn_ue';
const SL = 'customscript_vcc_probe_sl';
const backend = typeof WebAssembly === 'undefined' ? 'wasm2js' : 'wasm';

const PO_COUNT = 5000;
const INVENTORY_ROWS = 100000;
/** SKUs the POs order (items with records in the account); the other 98,000 rows are stock only. */
const ORDERED_SKUS = 2000;

const bytes = (s) => Buffer.byteLength(String(s), 'utf8');
const logged = (acct, title) => acct.logs.filter((l) => l.title === title).map((l) => JSON.parse(l.details));
const stageFigures = (run) => Object.fromEntries(Object.entries(run.stages).filter(([, s]) => s.invocations).map(([name, s]) => [name,
  { invocations: s.invocations, units: s.units, maxUnitsPerInvocation: s.maxUnits, limitPerInvocation: s.limit, seconds: Number((s.ms / 1000).toFixed(2)), calls: s.calls }]));

describe(`${PO_COUNT} POs and ${INVENTORY_ROWS} inventory rows (${backend})`, () => {
  let emu;
  let acct;
  let orders;
  let sentinel;
  const catalogue = setup.catalogue(INVENTORY_ROWS, ORDERED_SKUS);
  const ordered = catalogue.skuMap.slice(0, ORDERED_SKUS);

  beforeAll(async () => {
    emu = await startEmulatorThread({ orders: [] });
    sentinel = await emu.sentinels();
    await emu.close();
    emu = await startEmulatorThread({ generate: { count: PO_COUNT, seed: 5000, skuMap: ordered }, processingPolls: 0, credentials: sentinel });
    orders = await emu.orders();
    acct = ns.createAccount({
      srcDir: setup.SRC_DIR,
      records: { item: setup.itemRecords(ordered.map((m) => m.sku)) },
      savedSearches: setup.inventorySearch(catalogue.inventory, { mapping: true }),
      transport: emu.transport,
    });
    // The SKU map comes from the saved search's mapping columns (the parameter, a Long Text of
    // 1,000,000 bytes, holds about 10,000 entries); one SKU's POs wait for approval.
    const p = setup.parameters({ credentials: sentinel, skuMap: [], rules: { skus: { [ordered[0].sku]: { autoAcknowledge: false } } } });
    acct.setParameters(MR, p.mr);
    acct.setParameters(WA, p.wa);
  });
  afterAll(async () => emu && emu.close());

  test('one map/reduce run decides every PO over the whole inventory, journals and sends in entries of at most 100 POs, within each stage\'s usage units', async () => {
    const started = Date.now();
    const run = ns.runMapReduce(acct, scriptOf(acct, MR), { scriptId: MR });
    const seconds = (Date.now() - started) / 1000;
    expect(run.error).toBeUndefined();
    expect(run.mapErrors).toEqual([]);
    expect(acct.advisories).toEqual([]);

    const [decided] = logged(acct, 'vendor-central-connector: decided');
    const served = new Set(await emu.served());
    expect(decided.fetched).toBe(served.size);
    expect(decided.fetched).toBeGreaterThanOrEqual(orders.filter((o) => o.purchaseOrderState === 'New').length);
    expect(decided.read.inventoryRows).toBe(INVENTORY_ROWS);
    expect(decided.read.inventoryPages).toBe(INVENTORY_ROWS / 1000);
    expect(decided.read.skuMapFromSearch).toBe(ORDERED_SKUS);
    expect(decided.historyNotRead).toEqual([]);
    expect(decided.notSent).toEqual([]);

    // What was sent is what the core decides over the same POs and the whole inventory: nothing
    // lost to a page limit, nothing split by the batching.
    const acks = await emu.acknowledgements();
    expect(await emu.invalidAcknowledgements()).toEqual([]);
    const sent = acks.flatMap((b) => b.acknowledgements);
    const sentNumbers = sent.map((a) => a.purchaseOrderNumber);
    expect(new Set(sentNumbers).size).toBe(sentNumbers.length);
    const polled = orders.filter((o) => served.has(o.purchaseOrderNumber));
    const viaJson = (name, input) => JSON.parse(vcc[`${name}Json`](JSON.stringify(input)));
    const expected = viaJson('decideAcknowledgements', { purchaseOrders: polled, inventory: catalogue.inventory.map(({ sku, onHand, committed, safetyStock }) => ({ sku, onHand, committed, safetyStock })),
      skuMap: ordered, history: [], rules: { skus: { [ordered[0].sku]: { autoAcknowledge: false } } }, now: new Date().toISOString(),
      // As the script says: it read every page, so 100 pages of 1,000 rows are not a cut export.
      options: { inventoryPageSizes: [] } });
    // Less the POs whose sales order cannot be written (they wait: the script's rule, from toSalesOrders).
    const decidedNumbers = new Set(expected.decisions.filter((d) => d.status !== 'skipped').map((d) => d.purchaseOrderNumber));
    const mapping = viaJson('toSalesOrders', { purchaseOrders: polled.filter((o) => decidedNumbers.has(o.purchaseOrderNumber)), skuMap: ordered, customers: setup.CUSTOMERS,
      locations: setup.LOCATIONS, preset: 'netsuite', presetFieldIds: { custcol_vcc_item_sequence_number: 'custcol_vcc_item_seq' }, autoAcknowledge: true });
    const blocked = new Set(mapping.notCreated.filter((n) => n.blocked).map((n) => n.purchaseOrderNumber));
    const lines = (list) => list.flatMap((a) => a.items.map((i) => `${a.purchaseOrderNumber}/${i.itemSequenceNumber}:${i.itemAcknowledgements.map((e) => `${e.acknowledgementCode}${e.acknowledgedQuantity.amount}`).join('+')}`)).sort();
    expect(lines(sent)).toEqual(lines(expected.request.acknowledgements.filter((a) => !blocked.has(a.purchaseOrderNumber))));
    expect(sent.length).toBeGreaterThan(4000);

    // Outbox entries: at most 100 POs, keys within the Text Area field, bodies within Long Text.
    const entries = [...acct.table('customrecord_vcc_outbox').values()].map((r) => r.fields);
    expect(entries).toHaveLength(Math.ceil(sent.length / 100));
    expect(acks).toHaveLength(entries.length);
    for (const e of entries) {
      expect(e.custrecord_vcc_ob_keys.split(',').length).toBeLessThanOrEqual(100);
      expect(bytes(e.custrecord_vcc_ob_keys)).toBeLessThanOrEqual(4000);
      expect(bytes(e.custrecord_vcc_ob_body)).toBeLessThanOrEqual(1000000);
      expect([e.custrecord_vcc_ob_state, e.custrecord_vcc_ob_status]).toEqual(['settled', 'Success']);
    }

    // A sales order per decided PO, each written by its own map invocation.
    const salesOrders = [...acct.table('salesorder').values()];
    expect(salesOrders).toHaveLength(run.stages.map.invocations);
    expect(salesOrders.filter((so) => so.fields.custbody_vcc_ack_state === 'submitted')).toHaveLength(sent.length);
    expect(salesOrders.some((so) => so.fields.custbody_vcc_ack_state === 'pendingApproval')).toBe(true);

    // Governance: Oracle's per-invocation limits, with room to spare.
    expect(run.stages.getInputData.units).toBeLessThanOrEqual(5000);
    expect(run.stages.map.maxUnits).toBeLessThanOrEqual(60);
    expect(run.stages.summarize.units).toBeLessThanOrEqual(1000);
    const [summary] = logged(acct, 'vendor-central-connector: summary');
    expect(summary.usage.getInputData).toBe(run.stages.getInputData.units);
    expect(summary.confirmed).toEqual({ Success: entries.length });
    setup.recordFigures(`firstRun-${backend}`, { purchaseOrdersPolled: decided.fetched, acknowledged: sent.length, pendingApproval: decided.pendingApproval, inventoryRows: decided.read.inventoryRows,
      outboxEntries: entries.length, salesOrders: salesOrders.length, unitsByStep: decided.usage, stages: stageFigures(run), seconds });
  });

  test('a second run that sees every PO New again reads their history back from the outbox and sends nothing', async () => {
    // The POs as generated: those this connector acknowledged are New again at Amazon.
    await emu.loadOrders(orders, { replace: true });
    const before = (await emu.acknowledgements()).length;
    const soCount = acct.table('salesorder').size;
    const started = Date.now();
    const run = ns.runMapReduce(acct, scriptOf(acct, MR), { scriptId: MR });
    const seconds = (Date.now() - started) / 1000;
    expect(run.error).toBeUndefined();
    expect(run.mapErrors).toEqual([]);
    const decided = logged(acct, 'vendor-central-connector: decided').at(-1);
    expect(decided.historyNotRead).toEqual([]);
    expect(decided.read.historyEntries).toBe(acct.table('customrecord_vcc_outbox').size);
    expect(decided.toAcknowledge).toBe(0);
    expect((await emu.acknowledgements()).length).toBe(before);
    expect(acct.table('salesorder').size).toBe(soCount);
    expect(run.stages.getInputData.units).toBeLessThanOrEqual(5000);
    expect(run.stages.map.maxUnits).toBeLessThanOrEqual(60);
    setup.recordFigures(`secondRun-${backend}`, { purchaseOrdersPolled: decided.fetched, historyEntries: decided.read.historyEntries, historySearches: decided.read.historySearches,
      unitsByStep: decided.usage, stages: stageFigures(run), seconds });
  });

  test('the approval workflow, the ASN user event and the probe run against the full outbox within their 1,000 units', async () => {
    const held = [...acct.table('salesorder')].find(([, so]) => so.fields.custbody_vcc_ack_state === 'pendingApproval');
    const approved = ns.runWorkflows(acct, { recordType: 'salesorder', recordId: held[0], event: 'approve', loadScript });
    expect(approved.ok).toBe(true);
    expect(approved.ran[0].returned).toBe('SUBMITTED');
    expect(approved.ran[0].stats.units).toBeLessThanOrEqual(50);

    // An ASN for POs acknowledged in the volume run: its POs' history is found among the entries.
    const fixtureDir = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'shipment');
    const asn = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.expected.json'), 'utf8')).request.shipmentConfirmations[0];
    const { acknowledgements } = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'build-LooseAssortmentCase.input.json'), 'utf8'));
    const now = Date.now();
    Object.assign(asn, { shipmentConfirmationDate: new Date(now - 10 * 60000).toISOString(), shippedDate: new Date(now - 20 * 60000).toISOString() });
    if (asn.estimatedDeliveryDate) asn.estimatedDeliveryDate = new Date(now + 2 * 86400000).toISOString();
    acct.table('customrecord_vcc_outbox').set('900000', { fields: { custrecord_vcc_ob_operation: 'submitAcknowledgement', custrecord_vcc_ob_keys: acknowledgements.map((a) => a.purchaseOrderNumber).join(','),
      custrecord_vcc_ob_body: JSON.stringify({ acknowledgements }), custrecord_vcc_ob_state: 'settled', custrecord_vcc_ob_status: 'Success', custrecord_vcc_ob_created: new Date(now - 3600000).toISOString() }, sublists: {} });
    acct.wrote('customrecord_vcc_outbox');
    acct.setParameters(UE, { custscript_vcc_ue_sku_map: '[]' });
    const { Record } = ns.activate(acct)['N/record'];
    const saved = ns.runUserEvent(acct, scriptOf(acct, UE), { scriptId: UE, newRecord: new Record('itemfulfillment', null, { fields: { custbody_vcc_asn: JSON.stringify(asn) }, sublists: {} }, false) });
    expect(saved.error).toBeUndefined();
    expect(saved.stats.units).toBeLessThanOrEqual(20);

    const probe = ns.runSuitelet(acct, scriptOf(acct, SL), { scriptId: SL, parameters: { format: 'json' } });
    expect(JSON.parse(probe.body).backend).toBe(backend);
    setup.recordFigures(`entryPoints-${backend}`, { approvalUnits: approved.ran[0].stats.units, asnUserEventUnits: saved.stats.units, probeUnits: probe.stats.units, outboxEntries: acct.table('customrecord_vcc_outbox').size });
    setup.keepForScan(`volume-${backend}`, { logs: acct.logs, http: acct.http, db: new Map([['customrecord_vcc_outbox', acct.table('customrecord_vcc_outbox')]]) });
  });
});
