// The Node runner: poll → decide → acknowledge → report, once per call.
//
//   1. recover: the outbox resolves whatever a previous run left in doubt (without sending);
//      settled acknowledgements are folded into the history (idempotently, by entry id).
//   2. poll:    getPurchaseOrders for New POs created in the look-back window and POs changed in
//               it (Amazon allows windows of at most 7 days), paging through nextToken.
//   3. decide:  the WASM core's decideAcknowledgements, with the history plus every
//               acknowledgement still in doubt (so nothing in flight is decided again, and its
//               stock stays charged).
//   4. acknowledge: each batch through the outbox (journal → POST → journal), then its
//               transaction polled to the end.
//   5. read back: getPurchaseOrdersStatus for every PO acknowledged in the look-back window, and
//               the core's checkAcknowledgementStatus over it (lines still UNCONFIRMED near the
//               deadline, and any line Amazon recorded differently from what was sent).
//   6. report:  what was fetched, decided, sent, held for approval, and every exception.
//
// Everything here is host I/O and bookkeeping; every accept/backorder/reject is the core's.

const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 7;

/**
 * @param {object} o
 * @param {object} o.core     the WASM core module (loadCore())
 * @param {import('./spapi-client.mjs').SpApiClient} o.client
 * @param {import('./outbox.mjs').Outbox} o.outbox
 * @param {{load():Promise<object>, save(s:object):Promise<void>}} o.state  see state-store.mjs
 * @param {object[]|(()=>Promise<object[]>)} o.inventory  the core's `inventory` input
 * @param {object[]} [o.skuMap]  @param {object} [o.rules]  @param {object} [o.options]  core inputs
 * @param {string} [o.sellingParty]
 * @param {()=>Date} [o.now]
 * @param {number} [o.lookbackDays=7]
 * @param {number} [o.batchSize=100]  POs per submitAcknowledgement
 * @param {{intervalMs?:number, timeoutMs?:number}} [o.wait]  transaction polling
 * @param {(event:object)=>void} [o.progress]
 */
export async function runOnce(o) {
  const { core, client, outbox, state: stateStore } = o;
  const now = (o.now ?? (() => new Date()))();
  const nowIso = now.toISOString();
  const progress = o.progress ?? (() => {});
  const report = {
    now: nowIso,
    recovered: null,
    fetched: 0,
    setAside: [],
    decisions: [],
    submissions: [],
    pendingApproval: [],
    exceptions: [],
    inDoubt: [],
    readBack: [],
    ok: true,
  };

  // 1. recover (opening the outbox takes its lock first: the state below is read and saved by
  //    this run only)
  progress({ phase: 'recover' });
  const recovered = await outbox.recover();
  report.recovered = {
    settled: recovered.settled.map(brief),
    released: recovered.released.map(brief),
    stillInDoubt: recovered.stillInDoubt.map(brief),
  };
  let state = await stateStore.load();
  state = await foldSettled(state, await outbox.entries(), stateStore);

  // 2. poll
  const lookbackDays = Math.min(o.lookbackDays ?? MAX_WINDOW_DAYS, MAX_WINDOW_DAYS);
  const windowStart = new Date(now.getTime() - lookbackDays * DAY_MS).toISOString();
  const purchaseOrders = await fetchOrders(client, windowStart, nowIso, (fetched) => progress({ phase: 'poll', fetched }));
  report.fetched = purchaseOrders.length;

  // 3. decide
  const inDoubt = (await outbox.inDoubt()).filter((e) => e.operation === 'submitAcknowledgement');
  report.inDoubt = inDoubt.map(brief);
  const history = [...state.history, ...inDoubt.flatMap((e) => e.body.acknowledgements ?? [])];
  const inventory = typeof o.inventory === 'function' ? await o.inventory() : (o.inventory ?? []);
  progress({ phase: 'decide', purchaseOrders: purchaseOrders.length });
  const input = { purchaseOrders, inventory, now: nowIso, history };
  for (const key of ['skuMap', 'rules', 'options', 'sellingParty']) if (o[key] !== undefined) input[key] = o[key];
  const { result, setAside } = decideWithSetAside(core, input);
  report.setAside = setAside;
  report.decisions = result.decisions ?? [];
  report.exceptions = result.exceptions ?? [];

  // 4. acknowledge
  const acknowledgements = result.request?.acknowledgements ?? [];
  const batchSize = Math.max(1, o.batchSize ?? 100);
  const batches = Math.ceil(acknowledgements.length / batchSize);
  for (let i = 0; i < acknowledgements.length; i += batchSize) {
    const chunk = acknowledgements.slice(i, i + batchSize);
    progress({ phase: 'submit', batch: i / batchSize + 1, batches, purchaseOrders: chunk.length });
    let entry = await outbox.submit({
      operation: 'submitAcknowledgement',
      body: { acknowledgements: chunk },
      keys: chunk.map((a) => a.purchaseOrderNumber),
    });
    if (entry.state === 'sent') entry = await outbox.confirm(entry.id, o.wait ?? {});
    report.submissions.push(brief(entry));
  }
  state = await foldSettled(state, await outbox.entries(), stateStore);

  // Proposals waiting for a person: kept until a later run or an approval acknowledges the PO.
  for (const held of result.pendingApproval ?? []) state.pendingApproval[held.purchaseOrderNumber] = held;
  report.pendingApproval = (result.pendingApproval ?? []).map((p) => p.purchaseOrderNumber);
  // 5. read back what Amazon recorded of the acknowledgements of the look-back window
  progress({ phase: 'readBack' });
  try {
    const readBack = await readBackAcknowledgements(core, client, state.history, windowStart, nowIso);
    report.readBack = readBack.lines;
    report.exceptions.push(...readBack.exceptions);
  } catch (err) {
    // Reading back is a check: a failure is reported, never a reason to lose the run's state.
    report.readBackError = { code: err?.code, message: String(err?.message ?? err) };
  }
  state.lastRun = { at: nowIso, fetched: report.fetched, submitted: report.submissions.length };
  await stateStore.save(state);

  report.ok = report.submissions.every((s) => s.state === 'settled' && s.status === 'Success');
  progress({ phase: 'done', ok: report.ok });
  return report;
}

/**
 * Approval workflow in Node: the held proposal + the approver's quantities → the core's
 * approveAcknowledgement → the outbox. Returns {result, submission}.
 */
export async function approveAndSubmit({
  core,
  outbox,
  state: stateStore,
  purchaseOrderNumber,
  approved,
  approver,
  overrideReason,
  now = new Date(),
  wait = {},
}) {
  await outbox.open(); // takes the outbox's lock before the state is read: no update is lost
  const state = await stateStore.load();
  const proposal = state.pendingApproval[purchaseOrderNumber];
  if (!proposal) throw new Error(`no proposal is waiting for approval for PO ${purchaseOrderNumber}`);
  const input = { proposal, approved, now: now.toISOString() };
  if (approver !== undefined) input.approver = approver;
  if (overrideReason !== undefined) input.overrideReason = overrideReason;
  const result = core.approveAcknowledgement(input);
  const acknowledgements = result.request?.acknowledgements ?? [];
  if (!acknowledgements.length) return { result, submission: null };
  let entry = await outbox.submit({
    operation: 'submitAcknowledgement',
    body: result.request,
    keys: acknowledgements.map((a) => a.purchaseOrderNumber),
  });
  if (entry.state === 'sent') entry = await outbox.confirm(entry.id, wait);
  await foldSettled(state, await outbox.entries(), stateStore);
  return { result, submission: brief(entry) };
}

/**
 * Adds the acknowledgements of successfully settled entries to the history exactly once (by
 * entry id), drops their proposals, and saves. Replaying after a crash changes nothing.
 */
async function foldSettled(state, entries, stateStore) {
  const applied = new Set(state.appliedEntries);
  let changed = false;
  for (const e of entries) {
    if (e.operation !== 'submitAcknowledgement' || e.state !== 'settled' || applied.has(e.id)) continue;
    applied.add(e.id);
    changed = true;
    if (e.status !== 'Success') continue;
    for (const ack of e.body.acknowledgements ?? []) {
      state.history.push(ack);
      delete state.pendingApproval[ack.purchaseOrderNumber];
    }
  }
  if (!changed) return state;
  state.appliedEntries = [...applied];
  await stateStore.save(state);
  return state;
}

/**
 * getPurchaseOrdersStatus for the POs acknowledged since `since` (one paged query over the POs
 * created in the window, then one query per PO it did not return), and the core's
 * checkAcknowledgementStatus over what was sent. Returns `{lines, exceptions}`.
 */
export async function readBackAcknowledgements(core, client, history, since, nowIso) {
  const sent = history.filter((a) => a.acknowledgementDate >= since);
  if (!sent.length) return { lines: [], exceptions: [] };
  const numbers = new Set(sent.map((a) => a.purchaseOrderNumber));
  const byNumber = new Map();
  for await (const status of client.listPurchaseOrdersStatus({ createdAfter: since, createdBefore: nowIso, limit: 100 })) {
    if (numbers.has(status.purchaseOrderNumber)) byNumber.set(status.purchaseOrderNumber, status);
  }
  for (const number of numbers) {
    if (byNumber.has(number)) continue;
    for await (const status of client.listPurchaseOrdersStatus({ purchaseOrderNumber: number })) {
      if (status.purchaseOrderNumber === number) byNumber.set(number, status);
    }
  }
  return core.checkAcknowledgementStatus({ sent, ordersStatus: [...byNumber.values()], now: nowIso });
}

/** New POs created in the window and POs changed in it, each once (first seen wins). */
async function fetchOrders(client, after, before, onProgress) {
  const byNumber = new Map();
  const queries = [
    { createdAfter: after, createdBefore: before, purchaseOrderState: 'New' },
    { changedAfter: after, changedBefore: before, isPOChanged: 'true' },
  ];
  for (const query of queries) {
    for await (const order of client.listPurchaseOrders({ ...query, limit: 100 })) {
      if (!byNumber.has(order.purchaseOrderNumber)) byNumber.set(order.purchaseOrderNumber, order);
      if (byNumber.size % 100 === 0) onProgress(byNumber.size);
    }
  }
  onProgress(byNumber.size);
  return [...byNumber.values()];
}

/**
 * Calls the core; when it refuses the input because of one PO (its error `path` points into
 * `/purchaseOrders/<i>`), that PO is set aside and reported and the rest are decided. Any other
 * error is thrown. Error handling only: the core's rules decide everything else.
 */
export function decideWithSetAside(core, input) {
  const setAside = [];
  let remaining = input.purchaseOrders;
  for (;;) {
    try {
      return { result: core.decideAcknowledgements({ ...input, purchaseOrders: remaining }), setAside };
    } catch (err) {
      const hit = /^\/purchaseOrders\/(\d+)(?:\/|$)/.exec(err?.path ?? '');
      const index = hit ? Number(hit[1]) : -1;
      if (index < 0 || index >= remaining.length) throw err;
      setAside.push({
        purchaseOrderNumber: remaining[index].purchaseOrderNumber,
        code: err.code,
        path: err.path.replace(/^\/purchaseOrders\/\d+/, ''),
        message: err.message,
      });
      remaining = remaining.filter((_, i) => i !== index);
    }
  }
}

function brief(entry) {
  const out = { id: entry.id, operation: entry.operation, purchaseOrderNumbers: entry.keys, state: entry.state };
  for (const k of ['transactionId', 'status', 'resolvedBy', 'assumedSuccess'])
    if (entry[k] !== undefined && entry[k] !== false) out[k] = entry[k];
  if (entry.errors?.length) out.errors = entry.errors;
  if (entry.error) out.error = entry.error;
  if (entry.lastError) out.lastError = entry.lastError;
  return out;
}
