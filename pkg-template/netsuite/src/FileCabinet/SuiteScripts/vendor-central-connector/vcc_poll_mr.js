/**
 * Poll → decide → acknowledge, as a map/reduce script.
 *   getInputData: resolve the outbox, fetch New POs created and POs changed in the look-back
 *                 window (paging), read inventory, decide every PO in one call to the core (stock
 *                 is allocated across POs, so the decision cannot be split), map the decided POs to
 *                 NetSuite sales orders with the core's toSalesOrders (items, prices, location,
 *                 customer; held POs Pending Approval), then journal and submit the
 *                 acknowledgement (unless auto-submit is off), and emit one work item per PO.
 *                 The mapping runs before anything is sent, so a configuration error stops the
 *                 run without an acknowledgement whose sales order could not be written.
 *   map:          create or update the PO's sales order from the core's record (state, decided
 *                 quantities, proposal for approvers).
 *   summarize:    poll the transaction(s) once, log counts and failures (never credentials).
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/log', './lib/vendor-central-connector.amd', './vcc_spapi', './vcc_store'], (log, vcc, spapi, store) => {
  const DAY_MS = 86400000;

  /**
   * Calls the core; when it refuses the input naming the PO at fault (/purchaseOrders/<i>), that
   * PO is set aside and the rest go through.
   */
  function callSettingAside(fn, input, setAside) {
    let orders = input.purchaseOrders;
    for (;;) {
      try {
        return { result: fn(Object.assign({}, input, { purchaseOrders: orders })), orders };
      } catch (e) {
        const hit = /^\/purchaseOrders\/(\d+)(?:\/|$)/.exec(e && e.path ? e.path : '');
        if (!hit || Number(hit[1]) >= orders.length) throw e;
        const index = Number(hit[1]);
        setAside.push({ purchaseOrderNumber: orders[index].purchaseOrderNumber, code: e.code, path: e.path });
        orders = orders.filter((_, i) => i !== index);
      }
    }
  }

  /**
   * toSalesOrders in the NetSuite preset, for the held POs (Pending Approval) and the others
   * (Pending Fulfillment): the acknowledgement engine has decided which wait for a person.
   */
  function salesOrderRecords(cfg, orders, pending, setAside) {
    const base = { skuMap: cfg.skuMap, customers: cfg.customers, locations: cfg.locations, preset: 'netsuite', presetFieldIds: store.salesOrderFieldIds(cfg) };
    const out = { records: {}, notCreated: [], exceptions: [] };
    [true, false].forEach((held) => {
      const group = orders.filter((o) => Boolean(pending[o.purchaseOrderNumber]) === held);
      if (!group.length) return;
      const { result } = callSettingAside(vcc.toSalesOrders, Object.assign({}, base, { purchaseOrders: group, autoAcknowledge: !held }), setAside);
      result.salesOrders.forEach((so, i) => { out.records[so.purchaseOrderNumber] = result.records[i]; });
      result.notCreated.forEach((n) => out.notCreated.push(n));
      result.exceptions.forEach((e) => out.exceptions.push(e));
    });
    return out;
  }

  function getInputData() {
    const cfg = store.config();
    const client = spapi.createClient(cfg.connection);
    const recovered = store.recover(client);
    const now = new Date();
    const after = new Date(now.getTime() - cfg.lookbackDays * DAY_MS).toISOString();
    const before = now.toISOString();
    const byNumber = {};
    const add = (o) => { if (!byNumber[o.purchaseOrderNumber]) byNumber[o.purchaseOrderNumber] = o; };
    client.listPurchaseOrders({ createdAfter: after, createdBefore: before, purchaseOrderState: 'New', limit: 100 }).forEach(add);
    client.listPurchaseOrders({ changedAfter: after, changedBefore: before, isPOChanged: 'true', limit: 100 }).forEach(add);
    const purchaseOrders = Object.keys(byNumber).map((k) => byNumber[k]);

    const input = { purchaseOrders, inventory: store.inventory(cfg.inventorySearchId), skuMap: cfg.skuMap, history: store.history(), now: before };
    if (cfg.rules) input.rules = cfg.rules;
    const setAside = [];
    const { result } = callSettingAside(vcc.decideAcknowledgements, input, setAside);

    const pending = {};
    result.pendingApproval.forEach((p) => { pending[p.purchaseOrderNumber] = p; });
    const decidedNumbers = {};
    result.decisions.forEach((d) => { if (d.status !== 'skipped') decidedNumbers[d.purchaseOrderNumber] = true; });
    const decidedOrders = purchaseOrders.filter((o) => decidedNumbers[o.purchaseOrderNumber]);
    const sales = salesOrderRecords(cfg, decidedOrders, pending, setAside);

    // A PO whose sales order cannot be written (no customer or location for it) is not
    // acknowledged yet: Amazon would be promised goods the ERP has no order for. It stays New at
    // Amazon and is decided again once its mapping is fixed (its exception names the fix).
    const blocked = {};
    sales.notCreated.forEach((n) => { if (n.blocked) blocked[n.purchaseOrderNumber] = true; });
    const request = Object.assign({}, result.request, { acknowledgements: result.request.acknowledgements.filter((a) => !blocked[a.purchaseOrderNumber]) });
    const acknowledgements = request.acknowledgements;
    let submission = null;
    if (cfg.autoSubmit && acknowledgements.length) {
      submission = store.submit(client, 'submitAcknowledgement', request, acknowledgements.map((a) => a.purchaseOrderNumber), (body) => client.submitAcknowledgement(body));
    }
    const sent = {};
    acknowledgements.forEach((a) => { sent[a.purchaseOrderNumber] = true; });

    log.audit({
      title: 'vendor-central-connector: decided',
      details: JSON.stringify({
        recovered, fetched: purchaseOrders.length, toAcknowledge: acknowledgements.length, pendingApproval: result.pendingApproval.length,
        exceptions: result.exceptions.length + sales.exceptions.length, setAside,
        salesOrdersNotCreated: sales.notCreated.map((n) => n.purchaseOrderNumber), notAcknowledgedForNow: Object.keys(blocked),
        submission: submission && { state: submission.state, transactionId: submission.transactionId, error: submission.error },
        backend: vcc.backend,
      }),
    });
    result.exceptions.concat(sales.exceptions).forEach((e) => {
      if (e.severity === 'error') log.error({ title: `vendor-central-connector: ${e.code}`, details: `${e.purchaseOrderNumber || ''} ${e.message}` });
    });

    // One work item per PO with a decision and a sales order record; an object's keys become the
    // map stage's keys.
    const items = {};
    result.decisions.forEach((d) => {
      if (d.status === 'skipped') return;
      const n = d.purchaseOrderNumber;
      if (!sales.records[n]) return; // not created: its exceptions say why
      if (!items[n]) {
        let ackState = 'decided';
        if (pending[n]) ackState = 'pendingApproval';
        else if (sent[n] && submission) ackState = submission.state === 'rejected' ? 'rejected' : submission.state === 'sent' ? 'submitted' : 'inDoubt';
        else if (sent[n]) ackState = 'notSubmitted';
        items[n] = { purchaseOrderNumber: n, ackState, proposal: pending[n] || null, outboxId: sent[n] && submission ? submission.id : null, record: sales.records[n], decided: {} };
      }
      items[n].decided[d.itemSequenceNumber] = { accepted: d.accepted, backordered: d.backordered };
    });
    return items;
  }

  function map(context) {
    const work = JSON.parse(context.value);
    const written = store.upsertSalesOrder(work);
    if (written.unknownSkus.length) {
      log.error({ title: 'vendor-central-connector: items not found', details: `${work.purchaseOrderNumber}: ${written.unknownSkus.join(', ')}` });
    }
    context.write({ key: work.ackState, value: written.id });
  }

  function summarize(summary) {
    const cfg = store.config();
    const counts = {};
    summary.output.iterator().each((key) => {
      counts[key] = (counts[key] || 0) + 1;
      return true;
    });
    const failures = [];
    summary.mapSummary.errors.iterator().each((key, error) => {
      failures.push(`${key}: ${error}`);
      return true;
    });
    let confirmed = [];
    if (cfg.autoSubmit) {
      const client = spapi.createClient(cfg.connection);
      confirmed = store.entries(['sent']).map((entry) => store.confirm(client, entry));
    }
    log.audit({ title: 'vendor-central-connector: summary', details: JSON.stringify({ salesOrders: counts, confirmed, failures }) });
  }

  return { getInputData, map, summarize };
});
