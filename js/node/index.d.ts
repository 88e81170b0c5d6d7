// Types of the Node adapter (`import … from 'vendor-central-connector/node'`), written by hand
// beside the code they describe (js/node/*.mjs); shipped as pkg/node/index.d.ts. The core's types
// (inputs and outputs of every engine) are the package's own, generated from the Rust types.
// js/types/node-consumer.ts type-checks a consumer against this file, and a test checks that it
// declares every export of index.mjs.
import type {
  DecideAcknowledgementsInput,
  DecideAcknowledgementsOutput,
  ApproveAcknowledgementOutput,
  CheckAcknowledgementStatusOutput,
  InventoryPosition,
  Order,
  OrderAcknowledgement,
  OrderStatus,
  PendingAcknowledgement,
  SkuMapping,
} from '../index.js';

/** The core module, as `import * as core from 'vendor-central-connector'` gives it. */
export type Core = typeof import('../index.js');

// ---- SP-API client (spapi-client.mjs) ------------------------------------------------------

export interface RateLimit {
  /** Requests per second. */
  rate: number;
  burst: number;
}

/** Amazon's documented default usage plans per operation. */
export declare const DEFAULT_RATE_LIMITS: Readonly<
  Record<
    | 'getPurchaseOrders'
    | 'getPurchaseOrder'
    | 'submitAcknowledgement'
    | 'getPurchaseOrdersStatus'
    | 'submitShipmentConfirmations'
    | 'submitInvoices'
    | 'submitInventoryUpdate'
    | 'getTransaction'
    | 'submitDfAcknowledgement'
    | 'submitShippingLabelRequest'
    | 'submitDfShipmentConfirmations'
    | 'submitDfShipmentStatusUpdates'
    | 'submitDfInvoice'
    | 'getDfTransactionStatus',
    RateLimit
  >
>;

export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface SpApiClientOptions {
  credentials: LwaCredentials;
  /** Overrides region/sandbox (e.g. the emulator's URL). */
  endpoint?: string;
  region?: 'na' | 'eu' | 'fe';
  sandbox?: boolean;
  lwaEndpoint?: string;
  fetch?: typeof globalThis.fetch;
  maxRetries?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
  /** Overrides of DEFAULT_RATE_LIMITS, per operation. */
  rateLimits?: Record<string, RateLimit>;
  clock?: () => number;
}

/** Amazon's `{payload}` answer, parsed. */
export interface SpApiResponse<P = any> {
  payload?: P;
  errors?: SpApiErrorDetail[];
  [key: string]: unknown;
}

export interface SpApiErrorDetail {
  code: string;
  message?: string;
  details?: string;
}

export interface TransactionOutcome {
  transactionId: string;
  status: 'Success' | 'Failure' | 'Processing' | string;
  errors?: SpApiErrorDetail[];
  /** Still Processing after 15 minutes: Amazon's guide says to treat it as Success. */
  assumedSuccess?: boolean;
  polls: number;
}

export declare class SpApiError extends Error {
  constructor(
    message: string,
    info?: {
      code?: string;
      status?: number | null;
      operation?: string;
      errors?: SpApiErrorDetail[];
      requestId?: string | null;
      retryable?: boolean;
      deliveryUnknown?: boolean;
      notSent?: boolean;
    },
  );
  name: 'SpApiError';
  code: string;
  status: number | null;
  operation: string;
  errors: SpApiErrorDetail[];
  requestId: string | null;
  retryable: boolean;
  /** A submission whose fate is unknown: Amazon may hold it, so it must not be resent before checking. */
  deliveryUnknown: boolean;
  /** Proven never sent (the failure came before the request left: DNS, refused connection, TLS,
   * the LWA token exchange): nothing is at Amazon, the submission may be decided again. */
  notSent: boolean;
  toJSON(): Record<string, unknown>;
}

export declare class SpApiClient {
  constructor(options: SpApiClientOptions);
  readonly endpoint: string;
  readonly lwaEndpoint: string;
  maxRetries: number;
  timeoutMs: number;
  userAgent: string;
  /** The rate and burst the client currently applies to `operation`. */
  rateLimit(operation: string): RateLimit;
  getPurchaseOrders(
    params?: Record<string, string | number | boolean>,
  ): Promise<SpApiResponse<{ pagination?: { nextToken?: string }; orders: Order[] }>>;
  /** Every PO matching `params`, following nextToken across pages. */
  listPurchaseOrders(params?: Record<string, string | number | boolean>): AsyncGenerator<Order, void, undefined>;
  getPurchaseOrdersStatus(
    params?: Record<string, string | number | boolean>,
  ): Promise<SpApiResponse<{ pagination?: { nextToken?: string }; ordersStatus: OrderStatus[] }>>;
  listPurchaseOrdersStatus(params?: Record<string, string | number | boolean>): AsyncGenerator<OrderStatus, void, undefined>;
  getPurchaseOrder(purchaseOrderNumber: string): Promise<SpApiResponse<Order>>;
  submitAcknowledgement(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitShipmentConfirmations(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitInvoices(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitInventoryUpdate(warehouseId: string, body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  getTransaction(
    transactionId: string,
  ): Promise<SpApiResponse<{ transactionStatus: { transactionId: string; status: string; errors?: SpApiErrorDetail[] } }>>;
  /** Direct Fulfillment submissions (orders and shipping 2021-12-28, payments v1), each answering `{payload:{transactionId}}`. */
  submitDfAcknowledgement(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitShippingLabelRequest(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitDfShipmentConfirmations(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitDfShipmentStatusUpdates(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  submitDfInvoice(body: object): Promise<SpApiResponse<{ transactionId: string }>>;
  /** DF transaction status (2021-12-28), shaped as `getTransaction` answers. */
  getDfTransactionStatus(
    transactionId: string,
  ): Promise<SpApiResponse<{ transactionStatus: { transactionId: string; status: string; errors?: SpApiErrorDetail[] } }>>;
  /** Polls until Success or Failure, or `timeoutMs` (then the last status; `assumedSuccess` after 15 minutes). `directFulfillment`: poll the DF transaction status. */
  waitForTransaction(
    transactionId: string,
    options?: { intervalMs?: number; timeoutMs?: number; directFulfillment?: boolean },
  ): Promise<TransactionOutcome>;
  toJSON(): { endpoint: string; lwaEndpoint: string };
}

// ---- Outbox (outbox.mjs) -------------------------------------------------------------------

/** Amazon's rule: a transaction still Processing 15 minutes after submission has succeeded. */
export declare const SETTLE_GRACE_MS: number;

export type OutboxOperation =
  | 'submitAcknowledgement'
  | 'submitShipmentConfirmations'
  | 'submitInvoices'
  | 'submitInventoryUpdate'
  | 'submitDfAcknowledgement'
  | 'submitShippingLabelRequest'
  | 'submitDfShipmentConfirmations'
  | 'submitDfShipmentStatusUpdates'
  | 'submitDfInvoice';
/** The core's states (nextOutboxAction): pending, sent and unknown are in doubt. */
export type OutboxState = 'pending' | 'sent' | 'unknown' | 'rejected' | 'settled' | 'released';

/** A journal event: plain JSON `{type, id, at, …}`; a store never interprets it. */
export interface OutboxEvent {
  type: string;
  id: string;
  at?: string;
  [key: string]: unknown;
}

/** Where the outbox journals (a host may implement its own, e.g. on a database table). */
export interface OutboxStore {
  /** Every event appended so far, in order. */
  load(): Promise<OutboxEvent[]>;
  /** Durably appends one event (resolves only once it is stored). */
  append(event: OutboxEvent): Promise<void>;
  close?(): Promise<void>;
}

export interface OutboxEntry {
  id: string;
  operation: OutboxOperation;
  keys: string[];
  body: any;
  params: Record<string, unknown>;
  state: OutboxState;
  transactionId?: string;
  status?: string;
  errors?: SpApiErrorDetail[];
  resolvedBy?: string;
  assumedSuccess?: boolean;
  createdAt?: number;
  sentAt?: number;
  lastError?: { code?: string; message?: string; [key: string]: unknown };
  error?: { code?: string; message?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** What Amazon holds of a submission that has no transaction id: an observation for the core's
 * nextOutboxAction (`{ purchaseOrderStates }` or `{ atAmazon }`); a bare string is `atAmazon`. */
export type OutboxResolver = (
  entry: OutboxEntry,
  client: SpApiClient,
) => Promise<
  | { purchaseOrderStates: Record<string, string | null> }
  | { atAmazon: 'received' | 'notReceived' | 'unknown' }
  | 'received'
  | 'notReceived'
  | 'unknown'
>;

export declare const DEFAULT_RESOLVERS: { submitAcknowledgement: OutboxResolver; [operation: string]: OutboxResolver };

/** Append-only JSONL journal, fsynced on every append; one writer at a time (a lock file). */
/** Another process holds the outbox lock (CLI exit code 75). */
export declare class LockHeldError extends Error {
  constructor(holder: { pid: number; host: string; since: string }, dir: string);
  name: 'LockHeldError';
  code: 'LOCK_HELD';
  holder: { pid: number; host: string; since: string };
  lockDir: string;
}

export declare class JsonlOutboxStore implements OutboxStore {
  constructor(file: string);
  readonly file: string;
  readonly lockFile: string;
  /** Lines torn by a crash mid-write, ignored on load. */
  tornLines: number;
  load(): Promise<OutboxEvent[]>;
  append(event: OutboxEvent): Promise<void>;
  close(): Promise<void>;
}

export declare class MemoryOutboxStore implements OutboxStore {
  constructor(events?: OutboxEvent[]);
  events: OutboxEvent[];
  load(): Promise<OutboxEvent[]>;
  append(event: OutboxEvent): Promise<void>;
}

export interface OutboxOptions {
  store: OutboxStore;
  client: SpApiClient;
  /** The WASM core (loadCore()), whose nextOutboxAction decides every step; loaded on first use when absent. */
  core?: { nextOutboxAction(input: object): any };
  clock?: () => number;
  settleGraceMs?: number;
  resolvers?: Record<string, OutboxResolver>;
  hooks?: { afterSend?: (entry: OutboxEntry, transactionId?: string) => unknown; afterJournalSent?: (entry: OutboxEntry) => unknown };
}

export declare class Outbox {
  constructor(options: OutboxOptions);
  open(): Promise<this>;
  close(): Promise<void>;
  entries(): Promise<OutboxEntry[]>;
  /** Entries Amazon may hold without their outcome being known yet. */
  inDoubt(): Promise<OutboxEntry[]>;
  /** Journals, then sends one submission. Throws only for store failures (then nothing was sent). */
  submit(submission: { operation: OutboxOperation; body: object; keys?: string[]; params?: Record<string, unknown> }): Promise<OutboxEntry>;
  confirm(id: string, waitOptions?: { intervalMs?: number; timeoutMs?: number }): Promise<OutboxEntry | null>;
  /** Resolves every entry in doubt without sending anything. */
  recover(): Promise<{ settled: OutboxEntry[]; released: OutboxEntry[]; stillInDoubt: OutboxEntry[] }>;
}

// ---- Runner state (state-store.mjs) --------------------------------------------------------

export interface RunnerState {
  version: 1;
  history: OrderAcknowledgement[];
  appliedEntries: string[];
  pendingApproval: Record<string, PendingAcknowledgement>;
  lastRun?: { at: string; fetched: number; submitted: number } | null;
}

export interface StateStore {
  load(): Promise<RunnerState>;
  save(state: RunnerState): Promise<void>;
}

export declare function emptyState(): RunnerState;

/** One JSON file, replaced atomically. */
export declare class FileStateStore implements StateStore {
  constructor(file: string);
  readonly file: string;
  load(): Promise<RunnerState>;
  save(state: RunnerState): Promise<void>;
}

export declare class MemoryStateStore implements StateStore {
  constructor(state?: RunnerState);
  state: RunnerState;
  load(): Promise<RunnerState>;
  save(state: RunnerState): Promise<void>;
}

// ---- Runner (runner.mjs) -------------------------------------------------------------------

export interface SubmissionBrief {
  id: string;
  operation: OutboxOperation;
  purchaseOrderNumbers: string[];
  state: OutboxState;
  transactionId?: string;
  status?: string;
  resolvedBy?: string;
  assumedSuccess?: boolean;
  errors?: SpApiErrorDetail[];
  error?: unknown;
  lastError?: unknown;
}

export interface SetAsideOrder {
  purchaseOrderNumber: string;
  code: string;
  /** JSON pointer inside the purchase order. */
  path: string;
  message: string;
}

export interface RunOnceOptions {
  core: Core;
  client: SpApiClient;
  outbox: Outbox;
  state: StateStore;
  inventory: InventoryPosition[] | (() => Promise<InventoryPosition[]>);
  skuMap?: SkuMapping[];
  rules?: DecideAcknowledgementsInput['rules'];
  options?: DecideAcknowledgementsInput['options'];
  sellingParty?: string;
  now?: () => Date;
  lookbackDays?: number;
  /** POs per submitAcknowledgement. */
  batchSize?: number;
  wait?: { intervalMs?: number; timeoutMs?: number };
  progress?: (event: { phase: string; [key: string]: unknown }) => void;
}

export interface RunReport {
  now: string;
  recovered: { settled: SubmissionBrief[]; released: SubmissionBrief[]; stillInDoubt: SubmissionBrief[] } | null;
  fetched: number;
  setAside: SetAsideOrder[];
  decisions: DecideAcknowledgementsOutput['decisions'];
  submissions: SubmissionBrief[];
  pendingApproval: string[];
  exceptions: DecideAcknowledgementsOutput['exceptions'];
  inDoubt: SubmissionBrief[];
  /** What Amazon recorded of each line acknowledged in the look-back window (checkAcknowledgementStatus). */
  readBack: CheckAcknowledgementStatusOutput['lines'];
  /** Set when getPurchaseOrdersStatus could not be read: the check did not run. */
  readBackError?: { code?: string; message: string };
  ok: boolean;
}

/** One poll → decide → acknowledge → report cycle. */
export declare function runOnce(options: RunOnceOptions): Promise<RunReport>;

/** The held proposal + the approver's quantities → approveAcknowledgement → the outbox. */
export declare function approveAndSubmit(options: {
  core: Core;
  outbox: Outbox;
  state: StateStore;
  purchaseOrderNumber: string;
  approved: any;
  approver?: string;
  overrideReason?: string;
  now?: Date;
  wait?: { intervalMs?: number; timeoutMs?: number };
}): Promise<{ result: ApproveAcknowledgementOutput; submission: SubmissionBrief | null }>;

/** decideAcknowledgements, setting aside each PO the core refuses (its error path points into it). */
export declare function decideWithSetAside(
  core: Core,
  input: DecideAcknowledgementsInput,
): {
  result: DecideAcknowledgementsOutput;
  setAside: SetAsideOrder[];
};

// ---- Input files (csv.mjs, inputs.mjs) -----------------------------------------------------

export declare class CsvError extends Error {
  constructor(message: string, at: { line: number; column: number });
  name: 'CsvError';
  line: number;
  column: number;
}

/** Rows of strings; each row also has a non-enumerable `line` (1-based). */
export declare function parseCsvRows(text: string, options?: { delimiter?: string }): Array<string[] & { readonly line: number }>;
/** Records keyed by the header row; each has a non-enumerable `line`. */
export declare function parseCsv(text: string, options?: { delimiter?: string }): Array<Record<string, string> & { readonly line: number }>;

export declare class InputFileError extends Error {
  constructor(message: string);
  name: 'InputFileError';
}

/** Inventory positions from JSON (an array or `{inventory}`) or CSV. */
export declare function readInventory(file: string): InventoryPosition[];
/** The SKU map from JSON (an array or `{skuMap}`) or CSV. */
export declare function readSkuMap(file: string): SkuMapping[];
/** Purchase orders: a JSON array, `{orders}`, or a getPurchaseOrders response. */
export declare function readOrders(file: string): Order[];
/** A JSON array, or CSV rows as objects of strings (empty cells left out). */
export declare function readRecords(file: string): Array<Record<string, unknown>>;

// ---- The core (core.mjs) -------------------------------------------------------------------

/** The core module, found beside the adapter (or in `pkgDir`). */
export declare function loadCore(pkgDir?: string): Promise<Core>;
