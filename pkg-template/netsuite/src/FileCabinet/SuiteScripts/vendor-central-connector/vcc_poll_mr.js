/**
 * Poll → decide → acknowledge, as a map/reduce script.
 *   getInputData: resolve the outbox, fetch New POs created and POs changed in the look-back
 *                 window (paging), read inventory, decide every PO in one call to the core (stock
 *                 is allocated across POs, so the decision cannot be split), journal and submit the
 *                 acknowledgement (unless auto-submit is off), and emit one work item per PO.
 *   map:          create or update the PO's sales order (state, proposal for approvers).
 *   summarize:    poll the transaction(s) once, log counts and failures (never credentials).
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/log', './lib/vendor-central-connector.amd', './vcc_spapi', './vcc_store'], (log, vcc, spapi, store) => {
  const DAY_MS = 86400000;

  /** The core refuses an input naming the PO at fault (/purchaseOrders/<i>): set it aside, decide the rest. */
  function decide(input) {
    const setAside = [];
    let orders = input.purchaseOrders;
    for (;;) {
      try {
        return { result: vcc.decideAcknowledgements(Object.assign({}, input, { purchaseOrders: orders })), setAside };
      } catch (e) {
        const hit = /^\/purchaseOrders\/(\d+)(?:\/|$)/.exec(e && e.path ? e.path : '');
        if (!hit || Number(hit[1]) >= orders.length) throw e;
        const index = Number(hit[1]);
        setAside.push({ purchaseOrderNumber: orders[index].purchaseOrderNumber, code: e.code, path: e.path });
        orders = orders.filter((_, i) => i !== index);
      }
    }
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
    const { result, setAside } = decide(input);

    const acknowledgements = result.request.acknowledgements;
    let submission = null;
    if (cfg.autoSubmit && acknowledgements.length) {
      submission = store.submit(client, 'submitAcknowledgement', result.request, acknowledgements.map((a) => a.purchaseOrderNumber), (body) => client.submitAcknowledgement(body));
    }
    const sent = {};
    acknowledgements.forEach((a) => { sent[a.purchaseOrderNumber] = true; });
    const pending = {};
    result.pendingApproval.forEach((p) => { pending[p.purchaseOrderNumber] = p; });

    log.audit({
      title: 'vendor-central-connector: decided',
      details: JSON.stringify({
        recovered, fetched: purchaseOrders.length, toAcknowledge: acknowledgements.length, pendingApproval: result.pendingApproval.length,
        exceptions: result.exceptions.length, setAside, submission: submission && { state: submission.state, transactionId: submission.transactionId, error: submission.error },
        backend: vcc.backend,
      }),
    });
    result.exceptions.forEach((e) => {
      if (e.severity === 'error') log.error({ title: `vendor-central-connector: ${e.code}`, details: `${e.purchaseOrderNumber || ''} ${e.message}` });
    });

    // One work item per PO with a decision; an object's keys become the map stage's keys.
    const items = {};
    result.decisions.forEach((d) => {
      if (d.status === 'skipped') return;
      const n = d.purchaseOrderNumber;
      if (!items[n]) {
        let ackState = 'decided';
        if (pending[n]) ackState = 'pendingApproval';
        else if (sent[n] && submission) ackState = submission.state === 'rejected' ? 'rejected' : submission.state === 'sent' ? 'submitted' : 'inDoubt';
        else if (sent[n]) ackState = 'notSubmitted';
        items[n] = { purchaseOrderNumber: n, ackState, proposal: pending[n] || null, outboxId: sent[n] && submission ? submission.id : null, lines: [] };
      }
      items[n].lines.push({
        itemSequenceNumber: d.itemSequenceNumber, sku: d.sku || null, amazonProductIdentifier: d.amazonProductIdentifier || null,
        quantity: d.orderedEaches === undefined ? d.orderedQuantity.amount : d.orderedEaches, accepted: d.accepted,
      });
    });
    return items;
  }

  function map(context) {
    const work = JSON.parse(context.value);
    const cfg = store.config();
    const written = store.upsertSalesOrder(work, cfg.customerId);
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
