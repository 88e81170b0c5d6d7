// End-to-end demo of the retail acknowledgement flow on a laptop:
//   local SP-API emulator (sandbox POs + a generated batch) → SpApiClient fetches every PO →
//   the WASM core decides → the acknowledgement is submitted and its transaction polled →
//   a table of what was decided per line.
// Run from the repository root after the build has produced pkg/:  node js/demo/run.mjs
// The JS here only moves data; every accept/backorder/reject decision comes from the core.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEmulator, EMULATOR_CREDENTIALS } from '../emulator/server.mjs';
import { sandboxOrders } from '../lib/models.mjs';
import { SpApiClient } from '../node/spapi-client.mjs';
import { generateOrders, loadDemoInventory } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** The demo's fixed clock, so every run prints the same thing. */
export const DEMO_NOW = '2026-11-22T08:00:00Z';

/**
 * Run the demo. Throws on a hard failure (no pkg/, HTTP error, core error); returns a summary
 * whose `ok` is false when the acknowledgement transaction did not succeed.
 * @param {{ out?: {write(s:string):void}, now?: string, pkgDir?: string }} [options]
 */
export async function runDemo({ out = process.stdout, now = DEMO_NOW, pkgDir } = {}) {
  const core = await loadCore(pkgDir);
  const { inventory, skuMap } = loadDemoInventory();
  const emulator = await startEmulator({ orders: [...sandboxOrders(), ...generateOrders({ now, skuMap })] });
  try {
    const client = new SpApiClient({
      endpoint: emulator.url,
      lwaEndpoint: `${emulator.url}/auth/o2/token`,
      credentials: EMULATOR_CREDENTIALS,
    });

    const purchaseOrders = [];
    for await (const order of client.listPurchaseOrders({ limit: 25 })) purchaseOrders.push(order);
    out.write(`Fetched ${purchaseOrders.length} purchase orders from the emulator at ${emulator.url}\n\n`);

    const { result, setAside } = decide(core, { purchaseOrders, inventory, skuMap, now });

    let submission = null;
    let transaction = null;
    const acknowledgements = result.request?.acknowledgements ?? [];
    if (acknowledgements.length > 0) {
      const { payload } = await client.submitAcknowledgement(result.request);
      const logged = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/vendor/orders/v1/acknowledgements').at(-1);
      submission = { transactionId: payload.transactionId, httpStatus: logged?.status ?? null, acknowledgements: acknowledgements.length };
      transaction = await client.waitForTransaction(payload.transactionId, { intervalMs: 100, timeoutMs: 10_000 });
    }

    const summary = summarise({ now, purchaseOrders, result, setAside, submission, transaction });
    printTable(out, purchaseOrders, result, setAside);
    printSummary(out, summary);
    return summary;
  } finally {
    await emulator.close();
  }
}

async function loadCore(pkgDir) {
  const dir = pkgDir || process.env.VCC_PKG_DIR || path.join(repoRoot, 'pkg');
  const entry = path.join(dir, 'index.mjs');
  if (!fs.existsSync(entry)) {
    throw new Error(`${entry} not found: build the package first (cd js && npm run build)`);
  }
  const core = await import(pathToFileURL(entry).href);
  if (typeof core.decideAcknowledgements !== 'function') {
    throw new Error(`${entry} does not export decideAcknowledgements`);
  }
  return core;
}

/**
 * Call the core. Amazon's own examples include a PO the core may refuse as input (its items sit
 * outside orderDetails); when the core's error points into one PO (`/purchaseOrders/<i>…`), that
 * PO is set aside and reported, and the rest are decided. Any other error is fatal.
 */
function decide(core, input) {
  const setAside = [];
  let remaining = input.purchaseOrders;
  for (;;) {
    try {
      return { result: core.decideAcknowledgements({ ...input, purchaseOrders: remaining }), setAside };
    } catch (err) {
      const hit = /^\/purchaseOrders\/(\d+)(?:\/|$)/.exec(err?.path ?? '');
      const index = hit ? Number(hit[1]) : -1;
      if (index < 0 || index >= remaining.length) {
        const where = err?.path ? ` at ${err.path}` : '';
        throw new Error(`the core refused the input${where}: ${err?.code ?? ''} ${err?.message ?? err}`);
      }
      setAside.push({
        purchaseOrderNumber: remaining[index].purchaseOrderNumber,
        code: err.code,
        path: err.path.replace(/^\/purchaseOrders\/\d+/, ''),
        message: err.message,
      });
      remaining = remaining.filter((_, i) => i !== index);
    }
  }
}

function summarise({ now, purchaseOrders, result, setAside, submission, transaction }) {
  const decisions = result.decisions ?? [];
  const exceptions = result.exceptions ?? [];
  const acknowledged = new Set((result.request?.acknowledgements ?? []).map((a) => a.purchaseOrderNumber));
  const pending = new Set([
    ...(result.pendingApproval ?? []).map((p) => p?.purchaseOrderNumber).filter(Boolean),
    ...decisions.filter((d) => d.status === 'pendingApproval').map((d) => d.purchaseOrderNumber),
  ]);
  const succeeded = transaction?.status === 'Success' || transaction?.assumedSuccess === true;

  // Where each fetched PO ended up. A PO the core sent no acknowledgement for and did not put up
  // for approval counts as skipped (the core's own reason is in its decisions, if any).
  const poOutcomes = {};
  for (const po of purchaseOrders) {
    const n = po.purchaseOrderNumber;
    if (acknowledged.has(n)) poOutcomes[n] = succeeded ? 'acknowledged' : 'notAcknowledged';
    else if (pending.has(n)) poOutcomes[n] = 'pendingApproval';
    else poOutcomes[n] = 'skipped';
  }
  const count = (pred) => decisions.filter(pred).length;
  const outcomes = { acknowledged: 0, pendingApproval: 0, skipped: 0, notAcknowledged: 0 };
  for (const o of Object.values(poOutcomes)) outcomes[o] += 1;

  return {
    ok: !submission || succeeded,
    now,
    purchaseOrders: purchaseOrders.length,
    lines: {
      total: decisions.length,
      accepted: count((d) => d.accepted > 0),
      backordered: count((d) => d.backordered > 0),
      rejected: count((d) => d.rejected > 0),
      pendingApproval: count((d) => d.status === 'pendingApproval'),
      skipped: count((d) => d.status === 'skipped'),
    },
    outcomes,
    poOutcomes,
    setAside,
    exceptions: { count: exceptions.length, first: exceptions.slice(0, 5).map(describeException) },
    submission,
    transaction,
  };
}

function describeException(e) {
  const where = [e.purchaseOrderNumber, e.itemSequenceNumber && `line ${e.itemSequenceNumber}`, e.sku].filter(Boolean).join(' ');
  return `[${e.severity ?? '?'}] ${e.code}${where ? ` (${where})` : ''}: ${e.message}`;
}

// The PO column is sized to the data at print time (sandbox numbers reach 25 characters).
const COLUMNS = [
  ['PO', 12],
  ['line', 5],
  ['SKU / ASIN', 26],
  ['ordered', 16],
  ['accepted', 8],
  ['backordered', 11],
  ['rejected', 8],
  ['reason', 0],
];

function row(cells) {
  return COLUMNS.map(([, width], i) => {
    const text = String(cells[i] ?? '');
    if (!width) return text;
    const fitted = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    return i >= 4 && i <= 6 ? fitted.padStart(width) : fitted.padEnd(width);
  })
    .join(' | ')
    .trimEnd();
}

function printTable(out, purchaseOrders, result, setAside) {
  COLUMNS[0][1] = Math.min(26, Math.max(8, ...purchaseOrders.map((p) => String(p.purchaseOrderNumber).length)));
  const header = row(COLUMNS.map(([name]) => name));
  out.write(`${header}\n${'-'.repeat(Math.max(header.length, 120))}\n`);
  const byPo = new Map();
  for (const d of result.decisions ?? []) {
    if (!byPo.has(d.purchaseOrderNumber)) byPo.set(d.purchaseOrderNumber, []);
    byPo.get(d.purchaseOrderNumber).push(d);
  }
  const asideByPo = new Map(setAside.map((s) => [s.purchaseOrderNumber, s]));
  for (const po of purchaseOrders) {
    const n = po.purchaseOrderNumber;
    const lines = byPo.get(n);
    if (asideByPo.has(n)) {
      const s = asideByPo.get(n);
      out.write(`${row([n, '-', '', '', '', '', '', `not decided: core refused input ${s.code ?? ''} at ${s.path || '/'}`])}\n`);
    } else if (!lines || lines.length === 0) {
      out.write(`${row([n, '-', '', '', '', '', '', `no lines decided (state ${po.purchaseOrderState ?? 'missing'})`])}\n`);
    } else {
      for (const d of lines) {
        out.write(
          `${row([
            n,
            d.itemSequenceNumber,
            d.sku || d.amazonProductIdentifier || d.vendorProductIdentifier || '?',
            orderedText(d.orderedQuantity),
            d.accepted,
            d.backordered,
            d.rejected,
            reasonText(d),
          ])}\n`,
        );
      }
    }
  }
  out.write('\n');
}

function orderedText(q = {}) {
  const unit = q.unitOfMeasure ?? '';
  const size = unit.toLowerCase() === 'cases' && q.unitSize ? ` of ${q.unitSize}` : '';
  return `${q.amount ?? '?'} ${unit}${size}`.trim();
}

function reasonText(d) {
  const parts = [];
  if (d.status && d.status !== 'acknowledged') parts.push(`[${d.status}]`);
  // The core's reason already names the rejection code when there is one.
  if (d.reason) parts.push(d.reason);
  else if (d.rejectionReason) parts.push(d.rejectionReason);
  return parts.join(' ');
}

function printSummary(out, s) {
  const l = s.lines;
  const lines = [
    'Summary',
    `  purchase orders  ${s.purchaseOrders} (acknowledged ${s.outcomes.acknowledged}, pending approval ${s.outcomes.pendingApproval}, skipped ${s.outcomes.skipped}${s.outcomes.notAcknowledged ? `, NOT acknowledged ${s.outcomes.notAcknowledged}` : ''})`,
    `  lines            ${l.total} (with accepted ${l.accepted}, backordered ${l.backordered}, rejected ${l.rejected}; pending ${l.pendingApproval}, skipped ${l.skipped})`,
    `  exceptions       ${s.exceptions.count}`,
    ...s.exceptions.first.map((m) => `    - ${m}`),
  ];
  if (s.setAside.length) {
    lines.push(
      `  set aside        ${s.setAside.length} PO(s) the core refused as input: ${s.setAside.map((a) => a.purchaseOrderNumber).join(', ')}`,
    );
  }
  if (s.submission) {
    lines.push(
      `  acknowledgement  ${s.submission.acknowledgements} PO(s) submitted, HTTP ${s.submission.httpStatus}, transaction ${s.submission.transactionId}`,
    );
    const errors = (s.transaction?.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ');
    lines.push(
      `  final status     ${s.transaction?.status}${s.transaction?.assumedSuccess ? ' (assumed success)' : ''}${errors ? ` — ${errors}` : ''}`,
    );
  } else {
    lines.push('  acknowledgement  nothing to submit');
  }
  out.write(`${lines.join('\n')}\n`);
}

const invokedAsScript = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  runDemo().then(
    (summary) => {
      if (!summary.ok) {
        process.stderr.write(`demo failed: the acknowledgement transaction ended ${summary.transaction?.status}\n`);
        process.exitCode = 1;
      }
    },
    (err) => {
      process.stderr.write(`demo failed: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
