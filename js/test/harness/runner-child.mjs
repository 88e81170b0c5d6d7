// A runner process the crash tests can kill at a chosen point. Arguments (JSON in argv[2]):
//   { endpoint, stateDir, now, crashAt?: 'afterSend' | 'afterJournalSent', settleGraceMs?, inventory, skuMap }
// Credentials come from the environment, as in production. On crashAt the process SIGKILLs
// itself: no finally blocks, no flushing — a real crash between two journal writes.
import path from 'node:path';
import { loadCore } from '../../node/core.mjs';
import { SpApiClient } from '../../node/spapi-client.mjs';
import { Outbox, JsonlOutboxStore } from '../../node/outbox.mjs';
import { FileStateStore } from '../../node/state-store.mjs';
import { runOnce } from '../../node/runner.mjs';

// `node --test test/` also loads this file; without arguments it does nothing.
if (!process.argv[2]) process.exit(0);
const args = JSON.parse(process.argv[2]);
const crash = () => process.kill(process.pid, 'SIGKILL');
const client = new SpApiClient({
  endpoint: args.endpoint,
  lwaEndpoint: `${args.endpoint}/auth/o2/token`,
  credentials: { clientId: process.env.VCC_LWA_CLIENT_ID, clientSecret: process.env.VCC_LWA_CLIENT_SECRET, refreshToken: process.env.VCC_LWA_REFRESH_TOKEN },
});
const hooks = {};
if (args.crashAt === 'afterSend') hooks.afterSend = crash;
if (args.crashAt === 'afterJournalSent') hooks.afterJournalSent = crash;
const outbox = new Outbox({
  store: new JsonlOutboxStore(path.join(args.stateDir, 'outbox.jsonl')),
  client,
  hooks,
  ...(args.settleGraceMs !== undefined ? { settleGraceMs: args.settleGraceMs } : {}),
});
const report = await runOnce({
  core: await loadCore(),
  client,
  outbox,
  state: new FileStateStore(path.join(args.stateDir, 'state.json')),
  inventory: args.inventory,
  skuMap: args.skuMap,
  now: () => new Date(args.now),
  wait: { intervalMs: 20, timeoutMs: 5_000 },
  progress: (e) => process.stderr.write(`${JSON.stringify(e)}\n`),
});
await outbox.close();
process.stdout.write(JSON.stringify(report));
