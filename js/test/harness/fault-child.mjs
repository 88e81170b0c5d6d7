// One host process of the fault campaign (fault-campaign.mjs), which the campaign kills at
// random points. Arguments (JSON in argv[2]):
//   { mode: 'ack' | 'documents', endpoint, stateDir, now, timeoutMs, settleGraceMs,
//     crashAt?: 'afterSend' | 'afterJournalSent', inventory?, skuMap?, documents? }
// 'ack': one runner pass (js/node/runner.mjs): recover, poll, decide, acknowledge through the
// outbox. 'documents': recover, then every ASN / invoice not yet in the outbox journal is
// submitted through it and confirmed. Credentials come from the environment, as in production.
// On crashAt the process SIGKILLs itself between two journal writes.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadCore } from '../../node/core.mjs';
import { SpApiClient } from '../../node/spapi-client.mjs';
import { Outbox, JsonlOutboxStore } from '../../node/outbox.mjs';
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
  timeoutMs: args.timeoutMs,
  maxRetries: 3,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
});
const hooks = {};
if (args.crashAt === 'afterSend') hooks.afterSend = crash;
if (args.crashAt === 'afterJournalSent') hooks.afterJournalSent = crash;
const outbox = new Outbox({
  store: new JsonlOutboxStore(path.join(args.stateDir, `outbox-${args.mode}.jsonl`)),
  client,
  hooks,
  settleGraceMs: args.settleGraceMs,
});

let report;
if (args.mode === 'ack') {
  report = await runOnce({
    core: await loadCore(),
    client,
    outbox,
    state: new FileStateStore(path.join(args.stateDir, 'state.json')),
    inventory: args.inventory,
    skuMap: args.skuMap,
    now: () => new Date(args.now),
    wait: { intervalMs: 10, timeoutMs: 2_000 },
  });
} else {
  const recovered = await outbox.recover();
  const known = new Map();
  for (const entry of await outbox.entries()) for (const key of entry.keys) known.set(`${entry.operation}:${key}`, entry.state);
  const submitted = [];
  for (const doc of args.documents) {
    const state = known.get(`${doc.operation}:${doc.key}`);
    // Released or rejected entries may be sent again; anything else is at Amazon or in doubt.
    if (state && state !== 'released' && state !== 'rejected') continue;
    let entry = await outbox.submit({ operation: doc.operation, body: doc.body, keys: [doc.key] });
    if (entry.state === 'sent') entry = await outbox.confirm(entry.id, { intervalMs: 10, timeoutMs: 2_000 });
    submitted.push({ key: doc.key, state: entry.state });
  }
  const inDoubt = (await outbox.inDoubt()).map((e) => ({ operation: e.operation, keys: e.keys, state: e.state }));
  report = {
    recovered: { settled: recovered.settled.length, released: recovered.released.length, stillInDoubt: recovered.stillInDoubt.length },
    submitted,
    inDoubt,
  };
}
await outbox.close();
process.stdout.write(JSON.stringify(report));
