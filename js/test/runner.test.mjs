// The Node runner end to end against the emulator, with faults injected and real crashes
// (a child process SIGKILLed between "sent" and "confirmed"): every PO acknowledged exactly once,
// nothing lost or sent twice; tokens refreshed on expiry; a sentinel secret never in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.mjs';
import { generateOrders, loadDemoInventory } from '../demo/generate.mjs';
import { SpApiClient } from '../node/spapi-client.mjs';
import { Outbox, MemoryOutboxStore, JsonlOutboxStore } from '../node/outbox.mjs';
import { MemoryStateStore } from '../node/state-store.mjs';
import { runOnce } from '../node/runner.mjs';
import { loadCore } from '../node/core.mjs';
import { requireBuilt } from './harness/artefacts.mjs';

import { testDir, removeTestDir, recordProcessOutput } from './harness/outputs.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';

requireBuilt();
const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(here, 'harness', 'runner-child.mjs');
const NOW = '2026-11-22T08:00:00Z';
const SENTINEL = SECRET_SENTINELS.runner;
const { inventory, skuMap } = loadDemoInventory();
const core = await loadCore();

function orders(count = 30, seed = 7) {
  return generateOrders({ now: NOW, count, seed, skuMap });
}

/** PO number → how many times the emulator accepted an acknowledgement for it. */
function ackCounts(emu) {
  const counts = new Map();
  for (const body of emu.acknowledgements) {
    for (const a of body.acknowledgements) counts.set(a.purchaseOrderNumber, (counts.get(a.purchaseOrderNumber) ?? 0) + 1);
  }
  return counts;
}

function inProcess(emu, { outboxStore = new MemoryOutboxStore(), state = new MemoryStateStore(), settleGraceMs } = {}) {
  const client = new SpApiClient({ endpoint: emu.url, lwaEndpoint: `${emu.url}/auth/o2/token`, credentials: SENTINEL });
  const outbox = new Outbox({ store: outboxStore, client, ...(settleGraceMs !== undefined ? { settleGraceMs } : {}) });
  const run = () =>
    runOnce({ core, client, outbox, state, inventory, skuMap, now: () => new Date(NOW), wait: { intervalMs: 10, timeoutMs: 5000 } });
  return { client, outbox, state, outboxStore, run };
}

// Asynchronous: the emulator runs in this process and must keep answering while the child runs.
function child(emu, stateDir, extra = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD, JSON.stringify({ endpoint: emu.url, stateDir, now: NOW, inventory, skuMap, ...extra })], {
      env: {
        ...process.env,
        VCC_LWA_CLIENT_ID: SENTINEL.clientId,
        VCC_LWA_CLIENT_SECRET: SENTINEL.clientSecret,
        VCC_LWA_REFRESH_TOKEN: SENTINEL.refreshToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => {
      stdout += c;
    });
    proc.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => proc.kill('SIGTERM'), 60_000);
    proc.on('error', reject);
    proc.on('close', (status, signal) => {
      clearTimeout(timer);
      recordProcessOutput('runner-child', { stdout, stderr });
      resolve({ status, signal, stdout, stderr, report: status === 0 && stdout ? JSON.parse(stdout) : null });
    });
  });
}

/** Every output and every file written must be free of the sentinel credentials. */
function assertNoSecrets(texts, dir) {
  const all = [...texts];
  // Every file, the lock's records included.
  for (const f of fs.readdirSync(dir, { recursive: true }))
    if (fs.statSync(path.join(dir, f)).isFile()) all.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  const joined = all.join('\n');
  for (const secret of Object.values(SENTINEL)) assert.ok(!joined.includes(secret), `a credential leaked (${secret.slice(0, 14)}…)`);
}

function tmpDir() {
  return testDir('vcc-runner-');
}

test('N POs in: every actionable PO acknowledged exactly once; a second run sends nothing', async () => {
  const list = orders(30);
  const emu = await startEmulator({ orders: list, credentials: SENTINEL });
  try {
    const r = inProcess(emu);
    const first = await r.run();
    // New POs and changed ones (the generator marks a few Acknowledged or Closed).
    const expected = list.filter((o) => o.purchaseOrderState === 'New' || o.orderDetails.purchaseOrderChangedDate);
    assert.equal(first.fetched, expected.length);
    assert.ok(first.submissions.length >= 1);
    for (const s of first.submissions) assert.deepEqual([s.state, s.status], ['settled', 'Success']);
    const counts = ackCounts(emu);
    const sent = first.submissions.flatMap((s) => s.purchaseOrderNumbers);
    assert.deepEqual([...counts.keys()].sort(), [...sent].sort());
    assert.ok([...counts.values()].every((n) => n === 1));
    // Every fetched PO is either acknowledged or waiting for a person.
    for (const po of list.filter((o) => o.purchaseOrderState === 'New')) {
      assert.ok(
        counts.has(po.purchaseOrderNumber) || first.pendingApproval.includes(po.purchaseOrderNumber),
        `${po.purchaseOrderNumber} neither sent nor held`,
      );
    }
    const history = (await r.state.load()).history;
    assert.equal(history.length, sent.length);

    const again = await r.run();
    assert.equal(again.submissions.length, 0, 'nothing is sent twice');
    assert.deepEqual(ackCounts(emu), counts);
  } finally {
    await emu.close();
  }
});

test('read back: after submitting, what Amazon recorded is checked; a line recorded differently is an exception on a later run', async () => {
  const emu = await startEmulator({ orders: orders(10, 21), credentials: SENTINEL });
  try {
    const r = inProcess(emu);
    const first = await r.run();
    const sentAcks = emu.acknowledgements.flatMap((b) => b.acknowledgements);
    const lines = sentAcks.reduce((n, a) => n + a.items.length, 0);
    assert.ok(lines > 0);
    // RP guide: "Allow the system to take up to 30 minutes to show the original or updated
    // version once submitted": just sent, every line reads pending, nothing is raised.
    assert.deepEqual(
      first.readBack.map((l) => l.status),
      Array(lines).fill('pending'),
    );
    assert.ok(!first.exceptions.some((e) => e.code.startsWith('ACKNOWLEDGEMENT_MISMATCH')));
    assert.ok(emu.requests.some((q) => q.path === '/vendor/orders/v1/purchaseOrdersStatus'));

    // Amazon records one line differently: one unit more accepted than was sent.
    const [ack] = sentAcks;
    const [item] = ack.items;
    const sent = item.itemAcknowledgements
      .filter((e) => e.acknowledgementCode !== 'Rejected')
      .reduce((n, e) => n + e.acknowledgedQuantity.amount, 0);
    const unit = {
      unitOfMeasure: item.orderedQuantity.unitOfMeasure,
      ...(item.orderedQuantity.unitSize ? { unitSize: item.orderedQuantity.unitSize } : {}),
    };
    emu.recordStatus(ack.purchaseOrderNumber, item.itemSequenceNumber, {
      confirmationStatus: 'ACCEPTED',
      acceptedQuantity: { amount: sent + 1, ...unit },
    });

    const later = await runOnce({
      core,
      client: r.client,
      outbox: r.outbox,
      state: r.state,
      inventory,
      skuMap,
      now: () => new Date(Date.parse(NOW) + 40 * 60_000),
      wait: { intervalMs: 10, timeoutMs: 5000 },
    });
    assert.equal(later.submissions.length, 0);
    const mismatches = later.exceptions.filter((e) => e.code === 'ACKNOWLEDGEMENT_MISMATCH');
    assert.deepEqual(
      mismatches.map((e) => [e.purchaseOrderNumber, e.itemSequenceNumber]),
      [[ack.purchaseOrderNumber, item.itemSequenceNumber]],
    );
    assert.equal(later.readBack.filter((l) => l.status === 'confirmed').length, lines - 1);
  } finally {
    await emu.close();
  }
});

test('batches: 3 POs per request, each batch journaled and confirmed', async () => {
  const emu = await startEmulator({ orders: orders(12, 11), credentials: SENTINEL });
  try {
    const r = inProcess(emu);
    const report = await runOnce({
      core,
      client: r.client,
      outbox: r.outbox,
      state: r.state,
      inventory,
      skuMap,
      now: () => new Date(NOW),
      batchSize: 3,
      wait: { intervalMs: 10 },
    });
    assert.ok(report.submissions.length >= 2);
    assert.ok(report.submissions.every((s) => s.purchaseOrderNumbers.length <= 3 && s.status === 'Success'));
    const events = r.outboxStore.events;
    for (const s of report.submissions) {
      assert.deepEqual(
        events.filter((e) => e.id === s.id).map((e) => e.type),
        ['intent', 'sent', 'settled'],
      );
    }
  } finally {
    await emu.close();
  }
});

test('tokens: exchanged once, refreshed when Amazon says the token expired', async () => {
  const emu = await startEmulator({ orders: orders(8, 3), credentials: SENTINEL });
  try {
    const r = inProcess(emu);
    await r.run();
    const tokenCalls = () => emu.requests.filter((q) => q.path === '/auth/o2/token').length;
    assert.equal(tokenCalls(), 1);
    emu.revokeTokens();
    emu.loadOrders(orders(4, 99));
    const second = await r.run();
    assert.equal(tokenCalls(), 2, 'one refresh after the 403');
    assert.ok(emu.requests.some((q) => q.status === 403));
    assert.ok(second.submissions.every((s) => s.status === 'Success'));
  } finally {
    await emu.close();
  }
});

test('429s and 5xx on reads are retried; a 500 on the POST is not blindly resent', async () => {
  const emu = await startEmulator({ orders: orders(10, 5), credentials: SENTINEL, settleAfterMs: 0 });
  try {
    emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders', status: 429, retryAfter: 0, rateLimit: '5.0', times: 2 });
    emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders', status: 503, times: 1 });
    // Amazon took the body, then answered 500: the outcome is unknown to the client.
    emu.injectFault({ route: 'POST /vendor/orders/v1/acknowledgements', status: 500, afterProcessing: true, times: 1 });
    const r = inProcess(emu);
    const first = await r.run();
    assert.ok(first.fetched >= 8);
    assert.equal(first.submissions.length, 1);
    assert.equal(first.submissions[0].state, 'unknown', 'in doubt, not resent');
    assert.equal(first.submissions[0].lastError.status, 500);
    assert.equal(emu.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/acknowledgements')).length, 1);
    assert.equal(
      r.client.rateLimit('getPurchaseOrders').rate,
      10,
      'rate learnt from x-amzn-RateLimit-Limit (the emulator says 10.0 on success)',
    );

    const second = await r.run();
    assert.equal(second.recovered.settled.length, 1);
    assert.equal(second.recovered.settled[0].resolvedBy, 'stateAtAmazon');
    assert.equal(second.submissions.length, 0);
    assert.ok([...ackCounts(emu).values()].every((n) => n === 1));
  } finally {
    await emu.close();
  }
});

test('a dropped POST stays in doubt until Amazon shows it never arrived, then is sent once', async () => {
  const emu = await startEmulator({ orders: orders(10, 8), credentials: SENTINEL });
  try {
    emu.injectFault({ route: 'POST /vendor/orders/v1/acknowledgements', kind: 'drop', times: 1 });
    const outboxStore = new MemoryOutboxStore();
    const state = new MemoryStateStore();
    const first = await inProcess(emu, { outboxStore, state }).run();
    assert.equal(first.submissions[0].state, 'unknown');
    assert.equal(emu.acknowledgements.length, 0);

    // Within the grace period: still in doubt, its POs not decided again.
    const second = await inProcess(emu, { outboxStore, state }).run();
    assert.equal(second.recovered.stillInDoubt.length, 1);
    assert.equal(second.submissions.length, 0);

    // Past it: Amazon shows the POs New, so the entry is released and the POs sent once.
    const third = await inProcess(emu, { outboxStore, state, settleGraceMs: 0 }).run();
    assert.equal(third.recovered.released.length, 1);
    assert.equal(third.submissions.length, 1);
    assert.equal(third.submissions[0].status, 'Success');
    assert.deepEqual(third.submissions[0].purchaseOrderNumbers.sort(), first.submissions[0].purchaseOrderNumbers.sort());
    assert.ok([...ackCounts(emu).values()].every((n) => n === 1));
  } finally {
    await emu.close();
  }
});

for (const crashAt of ['afterSend', 'afterJournalSent']) {
  test(`crash (SIGKILL) ${crashAt === 'afterSend' ? 'after Amazon answered, before the transaction id was journaled' : 'after the transaction id was journaled, before confirmation'}: restart resolves it without sending twice`, async () => {
    const list = orders(20, crashAt === 'afterSend' ? 21 : 22);
    const emu = await startEmulator({ orders: list, credentials: SENTINEL, settleAfterMs: 0 });
    const dir = tmpDir();
    try {
      const crashed = await child(emu, dir, { crashAt });
      assert.equal(crashed.signal, 'SIGKILL', `the child should have crashed: ${crashed.stderr}`);
      assert.equal(emu.acknowledgements.length, 1, 'the POST reached Amazon');
      const journal = fs
        .readFileSync(path.join(dir, 'outbox.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        journal.map((e) => e.type),
        crashAt === 'afterSend' ? ['intent'] : ['intent', 'sent'],
      );

      const restarted = await child(emu, dir);
      assert.equal(restarted.status, 0, restarted.stderr);
      const report = restarted.report;
      assert.equal(report.recovered.settled.length, 1);
      assert.equal(report.recovered.settled[0].resolvedBy, crashAt === 'afterSend' ? 'stateAtAmazon' : 'getTransaction');
      assert.equal(report.submissions.length, 0, 'nothing re-sent');
      assert.equal(emu.acknowledgements.length, 1);
      const counts = ackCounts(emu);
      assert.ok([...counts.values()].every((n) => n === 1));
      const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
      assert.deepEqual(
        state.history.map((a) => a.purchaseOrderNumber).sort(),
        [...counts.keys()].sort(),
        'the recovered acknowledgements are in the history',
      );
      // A third run after recovery still sends nothing.
      const third = await child(emu, dir);
      assert.equal(third.report.submissions.length, 0);
      assertNoSecrets([crashed.stdout, crashed.stderr, restarted.stdout, restarted.stderr, third.stdout, third.stderr], dir);
    } finally {
      await emu.close();
      removeTestDir(dir);
    }
  });
}

test('journal: a torn last line (crash mid-write) is ignored; a stale lock from a dead process is taken over', async () => {
  const dir = tmpDir();
  try {
    const file = path.join(dir, 'outbox.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ type: 'intent', id: 'a', operation: 'submitAcknowledgement', keys: ['PO1'], body: {}, at: NOW })}\n{"type":"se`,
    );
    // The lock record a process that is gone left behind (see js/node/lock.mjs).
    fs.mkdirSync(`${file}.lock.d`);
    fs.writeFileSync(
      path.join(`${file}.lock.d`, '000000000001.json'),
      JSON.stringify({ state: 'held', pid: 999999, host: os.hostname(), since: NOW, token: 'gone' }),
    );
    const store = new JsonlOutboxStore(file);
    const outbox = new Outbox({ store, client: null });
    const entries = await outbox.entries();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].state, 'pending');
    assert.equal(store.tornLines, 1);
    await store.append({ type: 'released', id: 'a', at: NOW });
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    assert.equal(JSON.parse(lines.at(-1)).type, 'released', 'the next event starts on its own line');
    // A live owner (this process, through the first store) blocks a second writer.
    const second = new JsonlOutboxStore(file);
    await assert.rejects(second.load(), new RegExp(`^LockHeldError: another run holds the lock \\(pid ${process.pid}, since `));
    await store.close();
  } finally {
    removeTestDir(dir);
  }
});
