// The outbox: no lost and no duplicated submission to SP-API, across crashes.
//
// Every submission (an acknowledgement, a shipment confirmation, an invoice, an inventory update)
// is journaled before it is sent and again when Amazon answers, so after a crash the host knows,
// for each one, whether it may still be at Amazon:
//
//   intent   written (durably) before the POST leaves
//   sent     Amazon answered 202 with a transaction id
//   unknown  the POST failed in a way that does not prove Amazon did not take it (5xx, timeout,
//            dropped connection): informational, the entry stays in doubt
//   rejected Amazon refused the body (4xx), or the request provably never left (the LWA token
//            exchange failed, the connection was refused: `error.notSent`): nothing is held
//            there, the entry is closed
//   settled  the transaction ended (Success / Failure, or Processing after 15 minutes, which
//            Amazon's guide says to treat as Success), or recovery proved the outcome
//   released recovery proved Amazon never took it: the work may be decided and sent again
//
// On start (`recover()`): an entry with a transaction id is resolved with getTransaction; one
// without (the process died between the POST and journaling its answer, or the answer was lost)
// is resolved by asking Amazon for the state of what it concerns — for an acknowledgement, each
// PO's `purchaseOrderState` — before anything is sent again. While Amazon might still be
// processing it (younger than `settleGraceMs`), the entry stays in doubt and its POs are not
// decided again. Nothing in this file decides business outcomes; it only records and asks.
//
// Store interface (a host may implement its own, e.g. on a database table or NetSuite records):
//   load(): Promise<object[]>   every event appended so far, in order
//   append(event): Promise<void> durably append one event (resolve only once it is on disk)
//   close?(): Promise<void>
// Events are plain JSON objects `{type, id, at, …}`; the store never interprets them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
 * operation: `(entry, client) → 'received' | 'notReceived' | 'unknown'`. Hosts can add their own.
 */
export const DEFAULT_RESOLVERS = {
  // Amazon marks a PO Acknowledged (or Closed) once an acknowledgement for it was processed.
  async submitAcknowledgement(entry, client) {
    let allDone = true;
    for (const number of entry.keys) {
      const { payload } = await client.getPurchaseOrder(number);
      if (!payload || payload.purchaseOrderState === 'New' || payload.purchaseOrderState === undefined) allDone = false;
    }
    return allDone ? 'received' : 'notReceived';
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
const DF_OPERATIONS = new Set(['submitDfAcknowledgement', 'submitShippingLabelRequest', 'submitDfShipmentConfirmations', 'submitDfShipmentStatusUpdates', 'submitDfInvoice']);

const OPEN_STATES = new Set(['pending', 'sent']);

export class Outbox {
  #entries = new Map();

  /**
   * @param {object} options
   * @param {object} options.store  see the store interface above
   * @param {import('./spapi-client.mjs').SpApiClient} options.client
   * @param {()=>number} [options.clock=Date.now]
   * @param {number} [options.settleGraceMs=SETTLE_GRACE_MS]
   * @param {object} [options.resolvers]  extra per-operation resolvers (see DEFAULT_RESOLVERS)
   * @param {{afterSend?, afterJournalSent?}} [options.hooks]  test hooks around the crash windows
   */
  constructor({ store, client, clock = Date.now, settleGraceMs = SETTLE_GRACE_MS, resolvers = {}, hooks = {} }) {
    if (!store || typeof store.load !== 'function' || typeof store.append !== 'function') {
      throw new TypeError('Outbox needs a store with load() and append(event)');
    }
    this.store = store;
    this.client = client;
    this.clock = clock;
    this.settleGraceMs = settleGraceMs;
    this.resolvers = { ...DEFAULT_RESOLVERS, ...resolvers };
    this.hooks = hooks;
    this.opened = false;
  }

  /** Replays the journal into entries. Called by every other method on first use. */
  async open() {
    if (this.opened) return this;
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
    return (await this.entries()).filter((e) => OPEN_STATES.has(e.state));
  }

  /**
   * Journal, then send one submission. Returns the entry: `sent` (with transactionId),
   * `rejected` (Amazon refused the body) or still `pending` with `lastError` when the outcome is
   * unknown. Throws only for store failures (then nothing was sent).
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
      // Never sent (notSent) closes the entry like a refusal; otherwise a retryable failure may
      // have reached Amazon and stays in doubt.
      if (!err?.notSent && (err?.deliveryUnknown || err?.retryable)) {
        await this.#record({ type: 'unknown', id, error: errorSummary(err, this.client) });
      } else {
        await this.#record({ type: 'rejected', id, error: errorSummary(err, this.client) });
      }
      return structuredClone(this.#entries.get(id));
    }
    const transactionId = response?.payload?.transactionId;
    await this.hooks.afterSend?.(this.#entries.get(id), transactionId);
    if (!transactionId) {
      await this.#record({ type: 'unknown', id, error: { code: 'NO_TRANSACTION_ID', message: `${operation} answered without a transactionId` } });
    } else {
      await this.#record({ type: 'sent', id, transactionId });
      await this.hooks.afterJournalSent?.(this.#entries.get(id));
    }
    return structuredClone(this.#entries.get(id));
  }

  /**
   * Polls a sent entry's transaction until it ends, and journals the outcome.
   * `waitOptions` go to SpApiClient.waitForTransaction ({intervalMs, timeoutMs}). An entry still
   * Processing at the timeout (and not yet 15 minutes old) stays `sent`.
   */
  async confirm(id, waitOptions = {}) {
    await this.open();
    const entry = this.#entries.get(id);
    if (!entry || entry.state !== 'sent') return entry ? structuredClone(entry) : null;
    const status = await this.client.waitForTransaction(entry.transactionId, { ...waitOptions, directFulfillment: DF_OPERATIONS.has(entry.operation) });
    const old = this.clock() - entry.sentAt >= this.settleGraceMs;
    if (status.status === 'Success' || status.status === 'Failure') {
      await this.#record({ type: 'settled', id, status: status.status, errors: status.errors ?? [], resolvedBy: 'getTransaction' });
    } else if (status.assumedSuccess || old) {
      await this.#record({ type: 'settled', id, status: 'Success', assumedSuccess: true, errors: [], resolvedBy: 'processingFor15Minutes' });
    }
    return structuredClone(this.#entries.get(id));
  }

  /**
   * Resolves every entry in doubt, without sending anything: entries with a transaction id via
   * getTransaction (one poll), the others via the operation's resolver once they are older than
   * the grace period. Returns `{settled, released, stillInDoubt}` lists of entries.
   */
  async recover() {
    await this.open();
    const result = { settled: [], released: [], stillInDoubt: [] };
    for (const entry of await this.inDoubt()) {
      if (entry.state === 'sent') {
        const after = await this.confirm(entry.id, { intervalMs: 1, timeoutMs: 0 });
        (after.state === 'settled' ? result.settled : result.stillInDoubt).push(after);
        continue;
      }
      const resolver = this.resolvers[entry.operation];
      const answer = resolver ? await resolver(entry, this.client) : 'unknown';
      if (answer === 'received') {
        await this.#record({ type: 'settled', id: entry.id, status: 'Success', errors: [], resolvedBy: 'stateAtAmazon' });
        result.settled.push(structuredClone(this.#entries.get(entry.id)));
      } else if (answer === 'notReceived' && this.clock() - entry.createdAt >= this.settleGraceMs) {
        // Old enough that Amazon would have processed it: it never arrived.
        await this.#record({ type: 'released', id: entry.id, resolvedBy: 'stateAtAmazon' });
        result.released.push(structuredClone(this.#entries.get(entry.id)));
      } else {
        result.stillInDoubt.push(entry);
      }
    }
    return result;
  }

  async #record(event) {
    const full = { ...event, at: new Date(this.clock()).toISOString() };
    await this.store.append(full);
    this.#apply(full);
  }

  #apply(event) {
    const at = Date.parse(event.at);
    if (event.type === 'intent') {
      this.#entries.set(event.id, {
        id: event.id, operation: event.operation, keys: event.keys ?? [], params: event.params ?? {},
        body: event.body, state: 'pending', createdAt: at,
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
        entry.lastError = event.error;
        break;
      case 'rejected':
        Object.assign(entry, { state: 'rejected', error: event.error });
        break;
      case 'settled':
        Object.assign(entry, {
          state: 'settled', status: event.status, errors: event.errors ?? [], resolvedBy: event.resolvedBy,
          assumedSuccess: event.assumedSuccess === true, settledAt: at,
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
