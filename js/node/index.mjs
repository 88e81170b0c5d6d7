// The Node adapter's public API (`import … from 'vendor-central-connector/node'`): the SP-API
// client, the outbox and its stores, the runner and its state stores, and the CSV/JSON readers.
// The core itself is the package's main entry (`import … from 'vendor-central-connector'`).
export { SpApiClient, SpApiError, DEFAULT_RATE_LIMITS } from './spapi-client.mjs';
export { Outbox, JsonlOutboxStore, MemoryOutboxStore, LockHeldError, DEFAULT_RESOLVERS, SETTLE_GRACE_MS } from './outbox.mjs';
export { FileStateStore, MemoryStateStore, emptyState } from './state-store.mjs';
export { runOnce, approveAndSubmit, decideWithSetAside } from './runner.mjs';
export { parseCsv, parseCsvRows, CsvError } from './csv.mjs';
export { readInventory, readSkuMap, readOrders, readRecords, InputFileError } from './inputs.mjs';
export { loadCore } from './core.mjs';
