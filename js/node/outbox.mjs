// The outbox: no lost and no duplicated submission to SP-API, across crashes.
//
// Every submission (an acknowledgement, a shipment confirmation, an invoice, an inventory update)
// is journaled before it is sent and again whenever something is learnt about it, so after a
// crash the host knows, for each one, whether it may still be at Amazon. What each answer means
// (the states pending, sent, unknown, rejected, settled, released; what may be sent again and
// when; Amazon's 15-minute rule) is the core's `nextOutboxAction` (src/outbox/README.md): this
// file journals, sends and asks Amazon what the core says to ask, and decides nothing itself.
//
// On start (`recover()`): each entry in doubt is shown to the core, which says to confirm it
// (getTransaction, for an entry with a transaction id), resolve it (ask Amazon for the state of
// what it concerns: for an acknowledgement, each PO's `purchaseOrderState`), or wait; what Amazon
// answers goes back to the core, whose event is journaled. While an entry is in doubt, its keys
// are busy: nothing about them is decided or sent again.
//
// Store interface (a host may implement its own, e.g. on a database table or NetSuite records):
//   load(): Promise<object[]>   every event appended so far, in order
//   append(event): Promise<void> durably append one event (resolve only once it is on disk)
//   close?(): Promise<void>
// Events are plain JSON objects `{type, id, at, …}`; the store never interprets them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from './core.mjs';
import { DirectoryLock } from './lock.mjs';

export { LockHeldError } from './lock.mjs';

/** Amazon's rule: a transaction still Processing 15 minutes after submission has succeeded. */
export const SETTLE_GRACE_MS = 15 * 60_000;

/**
 * Append-only JSONL journal on the local disk. Each append is fsynced before it resolves. A last
 * line torn by a crash mid-write is ignored on load (its submission never left: the intent is
 * written before the POST). One writer at a time: an exclusive lock (`<file>.lock.d`, see
 * lock.mjs) is taken on first use and held until close(); a second process gets LockHeldError
 * naming the holder's pid and since when, and a dead holder's lock is taken over atomically.
 */
export class JsonlOutboxStore {
  #fd = null;
  #lock;

  constructor(file) {
    this.file = path.resolve(file);
    this.lockDir = `${this.file}.lock.d`;
    this.#lock = new DirectoryLock(this.lockDir);
    this.tornLines = 0;
  }

  /** Takes the lock now (a host takes it before reading any other state of the run). */
  lock() {
    this.#lock.acquire();
  }

  get locked() {
    return this.#lock.held;
  }

  async load() {
    this.lock();
    if (!fs.existsSync(this.file)) return [];
    const lines = fs.readFileSync(this.file, 'utf8').split('\n');
    const events = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        events.push(JSON.parse(line));
      } catch (err) {
        // Only the last line can be torn; anything else is a damaged journal a person must see.
        if (i < lines.length - 2) throw new Error(`${this.file}:${i + 1}: unreadable journal line (${err.message})`);
        this.tornLines += 1;
      }
    });
    return events;
  }

  async append(event) {
    if (this.#fd === null) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.lock();
      this.#fd = fs.openSync(this.file, 'a');
      // A torn last line must not glue onto the next event.
      const size = fs.fstatSync(this.#fd).size;
      if (size > 0) {
        const last = Buffer.alloc(1);
        const rfd = fs.openSync(this.file, 'r');
        fs.readSync(rfd, last, 0, 1, size - 1);
        fs.closeSync(rfd);
        if (last[0] !== 0x0a) fs.writeSync(this.#fd, '\n');
      }
    }
    fs.writeSync(this.#fd, `${JSON.stringify(event)}\n`);
    fs.fsyncSync(this.#fd);
  }

  async close() {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
    this.#lock.release();
  }
}

/** In-memory store (tests, or hosts that persist the events themselves). */
export class MemoryOutboxStore {
  constructor(events = []) {
    this.events = events;
  }

  async load() {
    return this.events.map((e) => structuredClone(e));
  }

  async append(event) {
    this.events.push(structuredClone(event));
  }
}

/**
 * How recovery learns whether Amazon holds a submission that has no transaction id, per
 * operation: `(entry, client) → observation` for the core (`{ purchaseOrderStates }`, or
 * `{ atAmazon: 'received' | 'notReceived' | 'unknown' }`; a bare string is read as `atAmazon`).
 * Hosts can add their own.
 */
export const DEFAULT_RESOLVERS = {
  // Each PO's purchaseOrderState as Amazon reports it (null where it returned no PO).
  async submitAcknowledgement(entry, client) {
    const purchaseOrderStates = {};
    for (const number of entry.keys) {
      const { payload } = await client.getPurchaseOrder(number);
      purchaseOrderStates[number] = payload?.purchaseOrderState ?? null;
    }
    return { purchaseOrderStates };
  },
};

const SUBMIT = {
  submitAcknowledgement: (client, body) => client.submitAcknowledgement(body),
  submitShipmentConfirmations: (client, body) => client.submitShipmentConfirmations(body),
  submitInvoices: (client, body) => client.submitInvoices(body),
  submitInventoryUpdate: (client, body, params) => client.submitInventoryUpdate(params.warehouseId, body),
  submitDfAcknowledgement: (client, body) => client.submitDfAcknowledgement(body),
  submitShippingLabelRequest: (client, body) => client.submitShippingLabelRequest(body),
  submitDfShipmentConfirmations: (client, body) => client.submitDfShipmentConfirmations(body),
  submitDfShipmentStatusUpdates: (client, body) => client.submitDfShipmentStatusUpdates(body),
  submitDfInvoice: (client, body) => client.submitDfInvoice(body),
};
// Direct Fulfillment submissions: their transactions are read with the DF transaction status
// operation (2021-12-28), not the retail getTransaction.
const DF_OPERATIONS = new Set([
  'submitDfAcknowledgement',
  'submitShippingLabelRequest',
  'submitDfShipmentConfirmations',
  'submitDfShipmentStatusUpdates',
  'submitDfInvoice',
]);

// The core's in-doubt states (src/outbox/README.md): Amazon may hold these entries.
const IN_DOUBT_STATES = new Set(['pending', 'sent', 'unknown']);

export class Outbox {
  #entries = new Map();

  /**
   * @param {object} options
   * @param {object} options.store  see the store interface above
   * @param {import('./spapi-client.mjs').SpApiClient} options.client
   * @param {object} [options.core]  the WASM core (loadCore()); loaded on first use when absent
   * @param {()=>number} [options.clock=Date.now]
   * @param {number} [options.settleGraceMs=SETTLE_GRACE_MS]  the core's `settleGraceSeconds`
   * @param {object} [options.resolvers]  extra per-operation resolvers (see DEFAULT_RESOLVERS)
   * @param {{afterSend?, afterJournalSent?}} [options.hooks]  test hooks around the crash windows
   */
  constructor({ store, client, core, clock = Date.now, settleGraceMs = SETTLE_GRACE_MS, resolvers = {}, hooks = {} }) {
    if (!store || typeof store.load !== 'function' || typeof store.append !== 'function') {
      throw new TypeError('Outbox needs a store with load() and append(event)');
    }
    this.store = store;
    this.client = client;
    this.core = core ?? null;
    this.clock = clock;
    this.settleGraceMs = settleGraceMs;
    this.resolvers = { ...DEFAULT_RESOLVERS, ...resolvers };
    this.hooks = hooks;
    this.opened = false;
  }

  /** Replays the journal into entries. Called by every other method on first use. */
  async open() {
    if (this.opened) return this;
    this.core ??= await loadCore();
    for (const event of await this.store.load()) this.#apply(event);
    this.opened = true;
    return this;
  }

  async close() {
    await this.store.close?.();
  }

  /** Every entry: {id, operation, keys, body, params, state, transactionId?, status?, …}. */
  async entries() {
    await this.open();
    return [...this.#entries.values()].map((e) => structuredClone(e));
  }

  /** Entries Amazon may hold without their outcome being known yet (their keys are busy). */
  async inDoubt() {
    return (await this.entries()).filter((e) => IN_DOUBT_STATES.has(e.state));
  }

  /**
   * Journal, then send one submission. Returns the entry: `sent` (with transactionId),
   * `rejected` (nothing of it is at Amazon) or `unknown` with `lastError` when Amazon may hold
   * it. Throws only for store failures (then nothing was sent).
   * @param {{operation: string, body: object, keys: string[], params?: object}} submission
   */
  async submit({ operation, body, keys = [], params = {} }) {
    await this.open();
    if (!SUBMIT[operation]) throw new TypeError(`unknown operation ${operation}`);
    const busy = new Set((await this.inDoubt()).flatMap((e) => e.keys.map((k) => `${e.operation}:${k}`)));
    const clash = keys.find((k) => busy.has(`${operation}:${k}`));
    if (clash) throw new Error(`${operation} for ${clash} is already in flight; resolve it before sending again`);

    const id = crypto.randomUUID();
    await this.#record({ type: 'intent', id, operation, keys, params, body });
    let response;
    try {
      response = await SUBMIT[operation](this.client, body, params);
    } catch (err) {
      const next = this.#next(this.#entries.get(id), { sendFailed: sendFailure(err) });
      await this.#record({ ...next.event, id, error: errorSummary(err, this.client) });
      return structuredClone(this.#entries.get(id));
    }
    const transactionId = response?.payload?.transactionId;
    await this.hooks.afterSend?.(this.#entries.get(id), transactionId);
    const next = this.#next(this.#entries.get(id), { sendAnswered: typeof transactionId === 'string' ? { transactionId } : {} });
    const detail =
      next.event.type === 'sent' ? {} : { error: { code: 'NO_TRANSACTION_ID', message: `${operation} answered without a transactionId` } };
    await this.#record({ ...next.event, id, ...detail });
    if (next.event.type === 'sent') await this.hooks.afterJournalSent?.(this.#entries.get(id));
    return structuredClone(this.#entries.get(id));
  }

  /**
   * Polls a sent entry's transaction until it ends, and journals what the core makes of it.
   * `waitOptions` go to SpApiClient.waitForTransaction ({intervalMs, timeoutMs}). An entry still
   * Processing at the timeout (and not yet 15 minutes old) stays `sent`.
   */
  async confirm(id, waitOptions = {}) {
    await this.open();
    const entry = this.#entries.get(id);
    if (entry?.state !== 'sent') return entry ? structuredClone(entry) : null;
    let observed;
    let errors = [];
    try {
      const status = await this.client.waitForTransaction(entry.transactionId, {
        ...waitOptions,
        directFulfillment: DF_OPERATIONS.has(entry.operation),
      });
      observed = { transactionStatus: { transactionId: status.transactionId, status: status.status } };
      errors = status.errors ?? [];
    } catch (err) {
      if (err?.status !== 404) throw err;
      observed = { transactionNotFound: {} };
    }
    const next = this.#next(entry, observed);
    if (next.event) await this.#record({ ...next.event, id, errors });
    return structuredClone(this.#entries.get(id));
  }

  /**
   * Resolves every entry in doubt, without sending anything, as the core says: entries with a
   * transaction id via getTransaction (one poll), the others via the operation's resolver.
   * Returns `{settled, released, stillInDoubt}` lists of entries.
   */
  async recover() {
    await this.open();
    const result = { settled: [], released: [], stillInDoubt: [] };
    for (const entry of await this.inDoubt()) {
      const next = this.#next(entry);
      let after = entry;
      if (next.action === 'confirm') {
        after = await this.confirm(entry.id, { intervalMs: 1, timeoutMs: 0 });
      } else if (next.action === 'resolve' && this.resolvers[entry.operation]) {
        const answer = await this.resolvers[entry.operation](entry, this.client);
        const resolved = this.#next(entry, typeof answer === 'string' ? { atAmazon: answer } : answer);
        if (resolved.event) await this.#record({ ...resolved.event, id: entry.id });
        after = structuredClone(this.#entries.get(entry.id));
      }
      (after.state === 'settled' ? result.settled : after.state === 'released' ? result.released : result.stillInDoubt).push(after);
    }
    return result;
  }

  /** The core's next step for an entry, given what was just learnt. */
  #next(entry, observed) {
    const input = {
      entry: {
        state: entry.state,
        operation: entry.operation,
        keys: entry.keys,
        createdAt: new Date(entry.createdAt).toISOString(),
      },
      now: new Date(this.clock()).toISOString(),
      rules: { settleGraceSeconds: Math.max(0, Math.ceil(this.settleGraceMs / 1000)) },
    };
    if (entry.sentAt !== undefined) input.entry.sentAt = new Date(entry.sentAt).toISOString();
    if (entry.transactionId) input.entry.transactionId = entry.transactionId;
    if (entry.status === 'Success' || entry.status === 'Failure') input.entry.status = entry.status;
    if (observed) input.observed = observed;
    return this.core.nextOutboxAction(input);
  }

  async #record(event) {
    const full = { ...event, at: new Date(this.clock()).toISOString() };
    await this.store.append(full);
    this.#apply(full);
  }

  /** Replays one journal event onto its entry: the event's type is the entry's new state. */
  #apply(event) {
    const at = Date.parse(event.at);
    if (event.type === 'intent') {
      this.#entries.set(event.id, {
        id: event.id,
        operation: event.operation,
        keys: event.keys ?? [],
        params: event.params ?? {},
        body: event.body,
        state: 'pending',
        createdAt: at,
      });
      return;
    }
    const entry = this.#entries.get(event.id);
    if (!entry) return; // an event whose intent was compacted away
    switch (event.type) {
      case 'sent':
        Object.assign(entry, { state: 'sent', transactionId: event.transactionId, sentAt: at });
        break;
      case 'unknown':
        Object.assign(entry, { state: 'unknown', lastError: event.error });
        break;
      case 'rejected':
        Object.assign(entry, { state: 'rejected', error: event.error });
        break;
      case 'settled':
        Object.assign(entry, {
          state: 'settled',
          status: event.status,
          errors: event.errors ?? [],
          resolvedBy: event.resolvedBy,
          assumedSuccess: event.assumedSuccess === true,
          settledAt: at,
        });
        break;
      case 'released':
        Object.assign(entry, { state: 'released', resolvedBy: event.resolvedBy });
        break;
      default:
        break;
    }
  }
}

/** What the core reads of a failed POST: the client's facts about it, nothing else. */
function sendFailure(err) {
  const failure = { notSent: err?.notSent === true, deliveryUnknown: err?.deliveryUnknown === true, retryable: err?.retryable === true };
  if (Number.isInteger(err?.status) && err.status >= 0 && err.status <= 65535) failure.status = err.status;
  if (typeof err?.code === 'string') failure.code = err.code;
  return failure;
}

// What is kept of an SP-API error in the journal: codes and the message, redacted once more by
// the client (every encoding of every credential, however deep in `errors`), whatever the
// error's origin.
function errorSummary(err, client) {
  const summary = {
    code: err?.code ?? 'ERROR',
    status: err?.status ?? null,
    message: String(err?.message ?? err),
    errors: Array.isArray(err?.errors) ? err.errors : [],
  };
  if (err?.notSent) summary.notSent = true;
  return typeof client?.redact === 'function' ? client.redact(summary) : summary;
}
