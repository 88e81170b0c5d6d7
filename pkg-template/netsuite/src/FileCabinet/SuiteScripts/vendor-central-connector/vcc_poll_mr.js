/**
 * Poll → decide → acknowledge, as a map/reduce script: decided once over the batch, record I/O
 * fanned out per PO.
 *   getInputData: resolve the outbox (within a usage budget), fetch New POs created and POs
 *                 changed in the look-back window (paging), read every inventory row (pages of
 *                 1,000), read the history of these POs from the outbox, decide every PO in one
 *                 call to the core (stock is allocated across POs, so the decision cannot be
 *                 split), map the decided POs to NetSuite sales orders with the core's
 *                 toSalesOrders, then journal and submit the acknowledgements (unless auto-submit
 *                 is off) in outbox entries of at most 100 POs, read back what Amazon recorded
 *                 of the window's acknowledgements (getPurchaseOrdersStatus and the core's
 *                 checkAcknowledgementStatus), and emit one work item per PO.
 *                 The mapping runs before anything is sent, so a configuration error stops the
 *                 run without an acknowledgement whose sales order could not be written.
 *   map:          create or update the PO's sales order (about 50 units per PO).
 *   summarize:    poll the submitted transactions once, log counts, failures, rows read and the
 *                 usage units of each stage (never credentials).
 * At 5,000 POs and 100,000 inventory rows getInputData spends about 3,000 of its 10,000 units
 * (README, NetSuite: "Volume and governance").
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
define(['N/log', './lib/vendor-central-connector.amd', './vcc_spapi', './vcc_store', './vcc_outbox', './vcc_search'], (
  log,
  vcc,
  spapi,
  store,
  outbox,
  searches,
) => {
  const DAY_MS = 86400000;
  /** getInputData stops resolving old entries in doubt when fewer units than this are left. */
  const RECOVERY_FLOOR = 6000;
  /** …and stops reading history bodies below this (those POs wait for the next run). */
  const HISTORY_FLOOR = 2000;
  /** Units kept back after the last submission (the log and the return are free; a margin). */
  const SUBMIT_RESERVE = 20;
  /** The read-back of what Amazon recorded is skipped below this (it is a check, not a step). */
  const READ_BACK_FLOOR = 500;
  /** summarize stops confirming transactions below this. */
  const CONFIRM_FLOOR = 50;
  /**
   * The core refuses inputs over 16 MiB by default; 5,000 POs with 100,000 inventory rows and
   * their SKU map are about 23 MB of JSON, so the run raises the limit (host configuration).
   */
  const MAX_INPUT_BYTES = 64 * 1024 * 1024;

  /**
   * A core function through its …Json twin: one JSON text crosses into the module instead of a
   * deep conversion of 100,000-row objects (the faster path for large batches; same codes and
   * paths on refusal).
   */
  function core(name) {
    return (input) => JSON.parse(vcc[`${name}Json`](JSON.stringify(input)));
  }

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
  function salesOrderRecords(cfg, skuMap, orders, pending, setAside) {
    const base = {
      skuMap,
      customers: cfg.customers,
      locations: cfg.locations,
      preset: 'netsuite',
      presetFieldIds: store.salesOrderFieldIds(cfg),
    };
    const out = { records: {}, notCreated: [], exceptions: [] };
    [true, false].forEach((held) => {
      const group = orders.filter((o) => Boolean(pending[o.purchaseOrderNumber]) === held);
      if (!group.length) return;
      const { result } = callSettingAside(
        core('toSalesOrders'),
        Object.assign({}, base, { purchaseOrders: group, autoAcknowledge: !held }),
        setAside,
      );
      result.salesOrders.forEach((so, i) => {
        out.records[so.purchaseOrderNumber] = result.records[i];
      });
      result.notCreated.forEach((n) => out.notCreated.push(n));
      result.exceptions.forEach((e) => out.exceptions.push(e));
    });
    return out;
  }

  /** New POs created, and POs changed, in the look-back window (each listing follows nextToken). */
  function poll(client, cfg, now) {
    const after = new Date(now.getTime() - cfg.lookbackDays * DAY_MS).toISOString();
    const before = now.toISOString();
    const byNumber = {};
    const add = (o) => {
      if (!byNumber[o.purchaseOrderNumber]) byNumber[o.purchaseOrderNumber] = o;
    };
    client.listPurchaseOrders({ createdAfter: after, createdBefore: before, purchaseOrderState: 'New', limit: 100 }).forEach(add);
    client.listPurchaseOrders({ changedAfter: after, changedBefore: before, isPOChanged: 'true', limit: 100 }).forEach(add);
    return Object.keys(byNumber).map((k) => byNumber[k]);
  }

  /**
   * Read back what Amazon recorded of the acknowledgements of the look-back window:
   * getPurchaseOrdersStatus over the POs created in the window (paging), the history of those
   * not polled this run (acknowledged POs are no longer New) from the outbox, then the core's
   * checkAcknowledgementStatus. A line sent less than 30 minutes ago reads `pending`; a later run
   * checks it.
   */
  function readBack(client, cfg, now, known, polledNumbers) {
    const since = new Date(now.getTime() - cfg.lookbackDays * DAY_MS).toISOString();
    if (searches.remainingUsage() < READ_BACK_FLOOR) return { lines: [], exceptions: [], skipped: true };
    const ordersStatus = client.listPurchaseOrdersStatus({ createdAfter: since, createdBefore: now.toISOString(), limit: 100 });
    const polled = {};
    polledNumbers.forEach((n) => {
      polled[n] = true;
    });
    const others = ordersStatus.map((o) => o.purchaseOrderNumber).filter((n) => !polled[n]);
    const more = others.length ? outbox.history(others, READ_BACK_FLOOR).acknowledgements : [];
    const sent = known.concat(more).filter((a) => a.acknowledgementDate >= since);
    if (!sent.length) return { lines: [], exceptions: [], skipped: false };
    const out = core('checkAcknowledgementStatus')({ sent, ordersStatus, now: now.toISOString() });
    out.skipped = false;
    return out;
  }

  /** At most `max` entries of a list for a log line, and how many more there are. */
  function capped(list, max) {
    const n = max || 20;
    return list.length <= n ? list : list.slice(0, n).concat([`… ${list.length - n} more`]);
  }

  function countBy(list, key) {
    const out = {};
    list.forEach((x) => {
      out[key(x)] = (out[key(x)] || 0) + 1;
    });
    return out;
  }

  /** The state each PO's sales order records: what happened to its acknowledgement this run. */
  function ackStateOf(n, pending, inRequest, sent) {
    if (pending[n]) return 'pendingApproval';
    const submission = sent.byPurchaseOrder[n];
    if (submission) return submission.state === 'rejected' ? 'rejected' : submission.state === 'sent' ? 'submitted' : 'inDoubt';
    return inRequest[n] ? 'notSubmitted' : 'decided';
  }

  function getInputData() {
    vcc.configure({ maxInputBytes: MAX_INPUT_BYTES });
    const cfg = store.config();
    const client = spapi.createClient(cfg.connection);
    // Units spent and seconds taken up to the end of each step, for the execution log.
    const usage = { start: searches.remainingUsage() };
    const seconds = {};
    const began = Date.now();
    const spent = (step) => {
      usage[step] = usage.start - searches.remainingUsage();
      seconds[step] = (Date.now() - began) / 1000;
    };

    const recovered = outbox.recover(client, RECOVERY_FLOOR);
    spent('recover');
    const now = new Date();
    const polled = poll(client, cfg, now);
    spent('poll');
    const stock = store.inventory(cfg.inventorySearchId);
    spent('inventory');
    if (!stock.sorted)
      log.audit({
        title: 'vendor-central-connector: inventory search',
        details:
          'The inventory saved search has no sorted column: Oracle asks for a sort order when results are read page by page, or rows may repeat or go missing.',
      });
    const past = outbox.history(
      polled.map((o) => o.purchaseOrderNumber),
      HISTORY_FLOOR,
    );
    spent('history');

    // Missing data is not zero: a PO whose history could not be read is not decided this run.
    const unread = {};
    past.unread.forEach((n) => {
      unread[n] = true;
    });
    const purchaseOrders = polled.filter((o) => !unread[o.purchaseOrderNumber]);
    const skuMap = store.skuMap(cfg.skuMap, stock.skuMap);
    const input = { purchaseOrders, inventory: stock.positions, skuMap, history: past.acknowledgements, now: now.toISOString() };
    if (cfg.rules) input.rules = cfg.rules;
    // Every page of the saved search was read (runPaged to the last page): a row count on a page
    // boundary is not a cut export here. A SKU without a row is still held by the core.
    input.options = { inventoryPageSizes: [] };
    const setAside = [];
    const { result } = callSettingAside(core('decideAcknowledgements'), input, setAside);
    spent('decide');

    const pending = {};
    result.pendingApproval.forEach((p) => {
      pending[p.purchaseOrderNumber] = p;
    });
    const decidedNumbers = {};
    result.decisions.forEach((d) => {
      if (d.status !== 'skipped') decidedNumbers[d.purchaseOrderNumber] = true;
    });
    const decidedOrders = purchaseOrders.filter((o) => decidedNumbers[o.purchaseOrderNumber]);
    const sales = salesOrderRecords(cfg, skuMap, decidedOrders, pending, setAside);
    spent('salesOrderRecords');

    // A PO whose sales order cannot be written (no customer or location for it) is not
    // acknowledged yet: Amazon would be promised goods the ERP has no order for. It stays New at
    // Amazon and is decided again once its mapping is fixed (its exception names the fix).
    const blocked = {};
    sales.notCreated.forEach((n) => {
      if (n.blocked) blocked[n.purchaseOrderNumber] = true;
    });
    const request = Object.assign({}, result.request, {
      acknowledgements: result.request.acknowledgements.filter((a) => !blocked[a.purchaseOrderNumber]),
    });
    const inRequest = {};
    request.acknowledgements.forEach((a) => {
      inRequest[a.purchaseOrderNumber] = true;
    });
    let sent = { byPurchaseOrder: {}, submissions: [], notSent: [], tooLarge: [] };
    if (cfg.autoSubmit && request.acknowledgements.length) sent = outbox.submitAcknowledgements(client, request, SUBMIT_RESERVE);
    spent('submit');
    // Read back what Amazon now holds (after submission, before the work items, so the sales
    // orders can carry it). A failure is logged: it never stops the run.
    const submitted = request.acknowledgements.filter(
      (a) => sent.byPurchaseOrder[a.purchaseOrderNumber] && sent.byPurchaseOrder[a.purchaseOrderNumber].state === 'sent',
    );
    let readBackResult = { lines: [], exceptions: [], skipped: false };
    try {
      readBackResult = readBack(
        client,
        cfg,
        now,
        past.acknowledgements.concat(submitted),
        polled.map((o) => o.purchaseOrderNumber),
      );
    } catch (e) {
      log.error({
        title: 'vendor-central-connector: read-back failed',
        details: `${e && e.name ? e.name : ''} ${e && e.message ? e.message : e}`,
      });
    }
    const readBackByPo = {};
    readBackResult.lines.forEach((l) => {
      if (!readBackByPo[l.purchaseOrderNumber]) readBackByPo[l.purchaseOrderNumber] = [];
      readBackByPo[l.purchaseOrderNumber].push(l.status);
    });
    spent('readBack');

    // The Script Execution Log shows 3,999 characters of a line: counts here, lists capped.
    log.audit({
      title: 'vendor-central-connector: decided',
      details: JSON.stringify({
        recovered,
        fetched: polled.length,
        decided: purchaseOrders.length,
        toAcknowledge: request.acknowledgements.length,
        pendingApproval: result.pendingApproval.length,
        exceptions: result.exceptions.length + sales.exceptions.length + readBackResult.exceptions.length,
        setAside: capped(setAside.map((x) => `${x.purchaseOrderNumber} ${x.code} ${x.path}`)),
        historyNotRead: capped(past.unread),
        salesOrdersNotCreated: capped(sales.notCreated.map((n) => n.purchaseOrderNumber)),
        notAcknowledgedForNow: capped(Object.keys(blocked)),
        submissions: countBy(sent.submissions, (x) => x.state),
        notSent: capped(sent.notSent),
        tooLargeForTheOutbox: capped(sent.tooLarge),
        readBack: readBackResult.skipped ? 'skipped (usage)' : countBy(readBackResult.lines, (l) => l.status),
        read: {
          inventoryRows: stock.rows,
          inventoryPages: stock.pages,
          skuMapFromSearch: stock.skuMap.length,
          outboxInDoubt: recovered.rows,
          historyEntries: past.entries,
          historyBodies: past.loaded,
          historySearches: past.searches,
        },
        usage,
        seconds,
        backend: vcc.backend,
      }),
    });
    result.exceptions.concat(sales.exceptions, readBackResult.exceptions).forEach((e) => {
      if (e.severity === 'error')
        log.error({ title: `vendor-central-connector: ${e.code}`, details: `${e.purchaseOrderNumber || ''} ${e.message}` });
    });
    sent.submissions
      .filter((x) => x.error)
      .forEach((x) => {
        log.error({
          title: `vendor-central-connector: submission ${x.state}`,
          details: `${x.error.code}: ${x.error.message} (outbox ${x.id}, ${x.purchaseOrderNumbers.length} POs)`,
        });
      });
    if (sent.tooLarge.length)
      log.error({
        title: 'vendor-central-connector: VCC_OUTBOX_ENTRY_TOO_LARGE',
        details: `not sent, too large for one outbox entry: ${sent.tooLarge.join(', ')}`,
      });

    // One work item per PO with a decision and a sales order record; an object's keys become the
    // map stage's keys.
    const items = {};
    result.decisions.forEach((d) => {
      if (d.status === 'skipped') return;
      const n = d.purchaseOrderNumber;
      if (!sales.records[n]) return; // not created: its exceptions say why
      if (!items[n]) {
        const submission = sent.byPurchaseOrder[n];
        items[n] = {
          purchaseOrderNumber: n,
          ackState: ackStateOf(n, pending, inRequest, sent),
          proposal: pending[n] || null,
          outboxId: submission ? submission.id : null,
          record: sales.records[n],
          decided: {},
          readBack: readBackByPo[n] || [],
        };
      }
      items[n].decided[d.itemSequenceNumber] = { accepted: d.accepted, backordered: d.backordered };
    });
    return items;
  }

  function map(context) {
    const work = JSON.parse(context.value);
    const written = store.upsertSalesOrder(work);
    if (written.unknownSkus.length) {
      log.error({
        title: 'vendor-central-connector: items not found',
        details: `${work.purchaseOrderNumber}: ${written.unknownSkus.join(', ')}`,
      });
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
    let confirmed = { confirmed: [], deferred: 0 };
    if (cfg.autoSubmit) confirmed = outbox.confirmSent(spapi.createClient(cfg.connection), CONFIRM_FLOOR);
    log.audit({
      title: 'vendor-central-connector: summary',
      details: JSON.stringify({
        salesOrders: counts,
        failures: capped(failures, 5),
        inputError: summary.inputSummary.error || null,
        confirmed: countBy(confirmed.confirmed, (c) => (c.state === 'settled' ? c.status : c.state === 'sent' ? 'Processing' : c.state)),
        confirmationsDeferred: confirmed.deferred,
        usage: { getInputData: summary.inputSummary.usage, map: summary.mapSummary.usage, untilSummarize: summary.usage },
      }),
    });
  }

  return { getInputData, map, summarize };
});
