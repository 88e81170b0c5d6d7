// Compile-only check that the Node adapter's types (`vendor-central-connector/node`, shipped as
// pkg/node/index.d.ts from js/node/index.d.ts) serve a TypeScript consumer writing a runner.
// Run: node js/build/check-types.mjs   (tsc --noEmit -p js/types)
import * as core from 'vendor-central-connector';
import {
  FileStateStore,
  InputFileError,
  JsonlOutboxStore,
  MemoryOutboxStore,
  MemoryStateStore,
  Outbox,
  SETTLE_GRACE_MS,
  SpApiClient,
  SpApiError,
  DEFAULT_RATE_LIMITS,
  approveAndSubmit,
  decideWithSetAside,
  emptyState,
  loadCore,
  parseCsv,
  readInventory,
  readSkuMap,
  runOnce,
} from 'vendor-central-connector/node';
import type { OutboxEntry, OutboxStore, RunReport, RunnerState, StateStore } from 'vendor-central-connector/node';

const client = new SpApiClient({
  region: 'eu',
  credentials: { clientId: 'id', clientSecret: 'secret', refreshToken: 'token' },
  rateLimits: { getPurchaseOrders: { rate: 5, burst: 5 } },
});
// @ts-expect-error: credentials are required
new SpApiClient({ region: 'na' });
// @ts-expect-error: there is no region "us"
new SpApiClient({ region: 'us', credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } });

const store: OutboxStore = new JsonlOutboxStore('outbox.jsonl');
const outbox = new Outbox({ store, client, settleGraceMs: SETTLE_GRACE_MS });
const state: StateStore = new FileStateStore('state.json');
const memory: RunnerState = emptyState();
const burst: number = DEFAULT_RATE_LIMITS.getPurchaseOrders.burst;

async function run(): Promise<RunReport> {
  const loaded = await loadCore();
  const version: string = loaded.version().library;
  const report = await runOnce({
    core,
    client,
    outbox,
    state,
    inventory: readInventory('inventory.csv'),
    skuMap: readSkuMap('sku-map.csv'),
    now: () => new Date(),
    progress: (event) => console.log(event.phase, version),
  });
  const inDoubt: OutboxEntry[] = await outbox.inDoubt();
  const recovered = await new Outbox({ store: new MemoryOutboxStore(), client }).recover();
  const held: string[] = report.pendingApproval;
  const { setAside } = decideWithSetAside(core, { purchaseOrders: [], inventory: [], now: new Date().toISOString() });
  const approval = await approveAndSubmit({ core, outbox, state: new MemoryStateStore(memory), purchaseOrderNumber: held[0] ?? '', approved: [] });
  for await (const order of client.listPurchaseOrders({ limit: 100 })) console.log(order.purchaseOrderNumber);
  console.log(inDoubt.length, recovered.settled.length, setAside.length, approval.submission?.state, burst);
  return report;
}

function explain(error: unknown): string {
  if (error instanceof SpApiError) return `${error.code} ${error.status ?? ''} unknown delivery: ${error.deliveryUnknown}`;
  if (error instanceof InputFileError) return error.message;
  return String(error);
}

const rows: number = parseCsv('sku,onHand\nA,1\n').map((r) => r.line).length;

export const usedNode = [run, explain, rows];
