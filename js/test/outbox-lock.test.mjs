// The outbox lock is exclusive (issue 21): processes that try to take it at the same instant —
// on a fresh state directory and on one whose holder died — end with exactly one holder, every
// time; the others get LockHeldError naming the holder's pid and since when. Then whole runners
// started at the same instant on one state directory: one run acknowledges, the others exit 75,
// no PO is acknowledged twice and no state update is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { JsonlOutboxStore, LockHeldError } from '../node/outbox.mjs';
import { startEmulator } from '../emulator/server.mjs';
import { generateOrders, loadDemoInventory } from '../demo/generate.mjs';
import { requireBuilt } from './harness/artefacts.mjs';
import { testDir, removeTestDir, recordProcessOutput } from './harness/outputs.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOCK_CHILD = path.join(here, 'harness', 'lock-child.mjs');
const RUNNER_CHILD = path.join(here, 'harness', 'runner-child.mjs');
const HELD = /^another run holds the lock \(pid (\d+), since (\d{4}-\d{2}-\d{2}T[\d:.]+Z)\): /;

/** A pid that ran and is gone: a stale holder. */
function deadPid() {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

/** A lock record as a holder that died would have left it. */
function plantStaleLock(journal, pid) {
  const dir = `${journal}.lock.d`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, '000000000001.json'),
    JSON.stringify({ state: 'held', pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token: 'dead' }),
  );
}

/** Child processes answering lock commands (see harness/lock-child.mjs). */
function lockChildren(count) {
  return Array.from({ length: count }, () => {
    const proc = spawn(process.execPath, [LOCK_CHILD, 'serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const answers = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    return {
      pid: proc.pid,
      ask: async (command) => {
        proc.stdin.write(`${JSON.stringify(command)}\n`);
        const { value, done } = await answers.next();
        if (done) throw new Error(`lock child ${proc.pid} ended`);
        return JSON.parse(value);
      },
      end: () =>
        new Promise((resolve) => {
          proc.on('close', resolve);
          proc.stdin.end();
        }),
    };
  });
}

test('processes taking the lock at the same instant: exactly one holder, fresh and stale, every trial', async (t) => {
  const children = lockChildren(4);
  const root = testDir('vcc-lock-');
  const trials = { fresh: 25, stale: 25 };
  let contenders = 0;
  const dead = deadPid();
  try {
    for (const [kind, count] of Object.entries(trials)) {
      for (let trial = 0; trial < count; trial += 1) {
        const journal = path.join(root, `${kind}-${trial}`, 'outbox.jsonl');
        if (kind === 'stale') plantStaleLock(journal, dead);
        // Every child spins to the same instant, then takes the lock.
        const at = Date.now() + 40;
        const answers = await Promise.all(children.map((c) => c.ask({ cmd: 'try', file: journal, at })));
        contenders += answers.length;
        const holders = children.filter((_, i) => answers[i].held);
        assert.equal(holders.length, 1, `${kind} trial ${trial}: ${holders.length} holders`);
        for (const refused of answers.filter((a) => !a.held)) {
          assert.equal(refused.code, 'LOCK_HELD');
          const [, pid, since] = HELD.exec(refused.message) ?? [];
          assert.equal(Number(pid), holders[0].pid, refused.message);
          assert.ok(!Number.isNaN(Date.parse(since)), refused.message);
          assert.deepEqual(refused.holder.pid, holders[0].pid);
        }
        await holders[0].ask({ cmd: 'release' });
      }
    }
  } finally {
    await Promise.all(children.map((c) => c.end()));
    removeTestDir(root);
  }
  t.diagnostic(`${trials.fresh + trials.stale} trials, ${contenders} attempts: one holder each time`);
});

test('in one process: a second store is refused; released, taken over from a dead or reused pid, kept by another host', async () => {
  const dir = testDir('vcc-lock-');
  const journal = path.join(dir, 'outbox.jsonl');
  try {
    const first = new JsonlOutboxStore(journal);
    await first.append({ type: 'intent', id: 'a', at: '2026-01-01T00:00:00Z' });
    const second = new JsonlOutboxStore(journal);
    assert.throws(
      () => second.lock(),
      (err) => err instanceof LockHeldError && Number(HELD.exec(err.message)?.[1]) === process.pid,
    );
    await assert.rejects(second.load(), LockHeldError);
    await first.close();
    assert.equal((await second.load()).length, 1, 'free once the first store closed');
    await second.close();

    // A holder that died: taken over.
    plantStaleLock(path.join(dir, 'stale', 'outbox.jsonl'), deadPid());
    const taker = new JsonlOutboxStore(path.join(dir, 'stale', 'outbox.jsonl'));
    taker.lock();
    assert.ok(taker.locked);
    await taker.close();

    // A live pid that is not the process which took the lock (the pid was reused): taken over.
    const reused = path.join(dir, 'reused', 'outbox.jsonl');
    fs.mkdirSync(`${reused}.lock.d`, { recursive: true });
    fs.writeFileSync(
      path.join(`${reused}.lock.d`, '000000000001.json'),
      JSON.stringify({ state: 'held', pid: process.pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token: 'x', started: '1' }),
    );
    const afterReuse = new JsonlOutboxStore(reused);
    afterReuse.lock();
    await afterReuse.close();

    // Another host's lock cannot be checked from here: it stands, and the message says where.
    const remote = path.join(dir, 'remote', 'outbox.jsonl');
    fs.mkdirSync(`${remote}.lock.d`, { recursive: true });
    fs.writeFileSync(
      path.join(`${remote}.lock.d`, '000000000001.json'),
      JSON.stringify({ state: 'held', pid: 1, host: 'elsewhere.example', since: '2026-01-01T00:00:00.000Z', token: 'y' }),
    );
    assert.throws(
      () => new JsonlOutboxStore(remote).lock(),
      /another run holds the lock \(pid 1 on host elsewhere\.example, since 2026-01-01T00:00:00\.000Z\)/,
    );
  } finally {
    removeTestDir(dir);
  }
});

test('runners started at the same instant on one state directory: one runs, the others exit 75; no duplicate, no lost state', async (t) => {
  requireBuilt();
  const sentinel = SECRET_SENTINELS.runner;
  const { inventory, skuMap } = loadDemoInventory();
  const now = '2026-11-22T08:00:00Z';
  const trials = 4;
  const runners = 3;
  let refusals = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    const orders = generateOrders({ now, count: 12, seed: 40 + trial, skuMap });
    const emu = await startEmulator({ orders, credentials: sentinel, processingPolls: 0 });
    const stateDir = testDir('vcc-lock-run-');
    try {
      const procs = Array.from({ length: runners }, () => {
        const proc = spawn(
          process.execPath,
          [RUNNER_CHILD, JSON.stringify({ endpoint: emu.url, stateDir, now, inventory, skuMap, waitForGo: true })],
          {
            env: {
              ...process.env,
              VCC_LWA_CLIENT_ID: sentinel.clientId,
              VCC_LWA_CLIENT_SECRET: sentinel.clientSecret,
              VCC_LWA_REFRESH_TOKEN: sentinel.refreshToken,
            },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        const ready = new Promise((resolve) => {
          proc.stdout.on('data', (c) => {
            stdout += c;
            if (stdout.startsWith('READY\n')) resolve();
          });
        });
        proc.stderr.on('data', (c) => {
          stderr += c;
        });
        const done = new Promise((resolve) =>
          proc.on('close', (status) => {
            recordProcessOutput('lock-runner-child', { stdout, stderr });
            resolve({ status, stdout: stdout.replace(/^READY\n/, ''), stderr });
          }),
        );
        return { proc, ready, done };
      });
      await Promise.all(procs.map((p) => p.ready));
      const at = Date.now() + 50;
      for (const p of procs) p.proc.stdin.end(`${at}\n`);
      const results = await Promise.all(procs.map((p) => p.done));

      const ran = results.filter((r) => r.status === 0);
      const refused = results.filter((r) => r.status === 75);
      assert.equal(ran.length + refused.length, runners, results.map((r) => `${r.status}: ${r.stderr.slice(-300)}`).join('\n'));
      assert.ok(ran.length >= 1);
      for (const r of refused) assert.match(r.stderr, /another run holds the lock \(pid \d+, since [^)]+\)/);
      refusals += refused.length;
      // Every PO acknowledged at most once, and each one the runs sent is in the saved history once.
      const counts = new Map();
      for (const body of emu.acknowledgements)
        for (const a of body.acknowledgements) counts.set(a.purchaseOrderNumber, (counts.get(a.purchaseOrderNumber) ?? 0) + 1);
      assert.ok(counts.size > 0, 'something was acknowledged');
      assert.deepEqual(
        [...counts.values()].filter((n) => n !== 1),
        [],
        'duplicate acknowledgements',
      );
      const state = JSON.parse(fs.readFileSync(path.join(stateDir, 'state.json'), 'utf8'));
      assert.deepEqual(
        state.history.map((a) => a.purchaseOrderNumber).sort(),
        [...counts.keys()].sort(),
        'the state holds every acknowledged PO once',
      );
    } finally {
      await emu.close();
      removeTestDir(stateDir);
    }
  }
  t.diagnostic(`${trials} trials × ${runners} runners: ${refusals} refused by the lock, 0 duplicates`);
});
