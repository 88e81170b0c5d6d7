// A runner process the crash tests can kill at a chosen point. Arguments (JSON in argv[2]):
//   { endpoint, stateDir, now, crashAt?: 'afterSend' | 'afterJournalSent', settleGraceMs?, inventory, skuMap,
//     waitForGo? }
// Credentials come from the environment, as in production. On crashAt the process SIGKILLs
// itself: no finally blocks, no flushing — a real crash between two journal writes.
// With waitForGo, the child prints "READY" once loaded, reads a start instant (epoch ms) from
// stdin and spins until then, so several children start their runs at the same instant. A run
// that finds the lock held exits 75 with the lock's message on stderr.
import { parseArgs } from 'node:util';
import path from 'node:path';
import readline from 'node:readline';
import { loadCore } from '../../node/core.mjs';
import { SpApiClient } from '../../node/spapi-client.mjs';
import { Outbox, JsonlOutboxStore, LockHeldError } from '../../node/outbox.mjs';
import { FileStateStore } from '../../node/state-store.mjs';
import { runOnce } from '../../node/runner.mjs';

// `node --test test/` also loads this file; without arguments it does nothing.
const { positionals } = parseArgs({ allowPositionals: true, strict: true });
if (!positionals[0]) process.exit(0);
const args = JSON.parse(positionals[0]);
const crash = () => process.kill(process.pid, 'SIGKILL');
const client = new SpApiClient({
  endpoint: args.endpoint,
  lwaEndpoint: `${args.endpoint}/auth/o2/token`,
  credentials: {
    clientId: process.env.VCC_LWA_CLIENT_ID,
    clientSecret: process.env.VCC_LWA_CLIENT_SECRET,
    refreshToken: process.env.VCC_LWA_REFRESH_TOKEN,
  },
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
const core = await loadCore();
if (args.waitForGo) {
  process.stdout.write('READY\n');
  const lines = readline.createInterface({ input: process.stdin });
  const { value } = await lines[Symbol.asyncIterator]().next();
  lines.close();
  const at = Number(value);
  while (Date.now() < at) {
    /* spin to the common start instant */
  }
}
let report;
try {
  report = await runOnce({
    core,
    client,
    outbox,
    state: new FileStateStore(path.join(args.stateDir, 'state.json')),
    inventory: args.inventory,
    skuMap: args.skuMap,
    now: () => new Date(args.now),
    wait: { intervalMs: 20, timeoutMs: 5_000 },
    progress: (e) => process.stderr.write(`${JSON.stringify(e)}\n`),
  });
} catch (err) {
  if (!(err instanceof LockHeldError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(75);
}
await outbox.close();
process.stdout.write(JSON.stringify(report));
