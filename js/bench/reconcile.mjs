// Benchmark (not a test): reconcile about 1,000,000 rows through the Node package (pkg/).
//
//   node js/build/build.mjs            # once
//   node --max-old-space-size=8192 js/bench/reconcile.mjs [--rows 1000000] [--seed 42]
//
// Rows are PO lines + acknowledgement lines + ASN lines + receipt lines + invoice lines +
// remittance rows (CSV), generated from a fixed seed: the same run every time. A share of the
// lines is short-received, some invoices carry a price above the PO cost, some are unpaid, some
// are paid with a shortage claim (`…SC`) line. Prints the row counts, the time of `reconcile`
// (object in, object out: stringify, parse, reconcile, serialise) on a cold instance and again
// warm, of `reconcileJson` (text in, text out) warm, and the peak memory of the process.
//
// Cold vs warm: V8 first runs WebAssembly with its baseline compiler (Liftoff) and swaps in
// optimised code for a function on a later call, never in the middle of one; a single huge call
// on a fresh instance therefore runs baseline code throughout. `--no-wasm-dynamic-tiering`
// compiles optimised code up front instead (see the README).
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { scriptOptions } from '../lib/options.mjs';
import { reconcileInput } from './data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..', '..', 'pkg', 'index.mjs');
const { reconcile, reconcileJson } = await import(pathToFileURL(pkg).href);

const { rows: targetRows, seed } = scriptOptions(
  { rows: 1_000_000, seed: 42 },
  { usage: 'node js/bench/reconcile.mjs [--rows 1000000] [--seed 42]' },
);

const started = performance.now();
const { input, rows, purchaseOrders: poCount, remittanceRows } = reconcileInput({ rows: targetRows, seed });
const generatedMs = performance.now() - started;

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
let peakHeap = 0;
let peakExternal = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
}, 50);

const t0 = performance.now();
reconcile(input);
const coldObjectMs = performance.now() - t0;

const t1 = performance.now();
const out = reconcile(input);
const warmObjectMs = performance.now() - t1;

const text = JSON.stringify(input);
const t2 = performance.now();
const outText = reconcileJson(text);
const jsonMs = performance.now() - t2;
clearInterval(sampler);
const m = process.memoryUsage();
peakHeap = Math.max(peakHeap, m.heapUsed);
peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);

const byCode = Object.fromEntries(out.totals.byException.map((t) => [t.code, t.count]));
console.log(
  JSON.stringify(
    {
      rows,
      purchaseOrders: poCount,
      remittanceRows,
      inputJson: mib(text.length),
      outputJson: mib(outText.length),
      generateMs: Math.round(generatedMs),
      reconcileColdMs: Math.round(coldObjectMs),
      reconcileWarmMs: Math.round(warmObjectMs),
      reconcileJsonWarmMs: Math.round(jsonMs),
      peakRss: mib(process.resourceUsage().maxRSS * 1024),
      peakHeapUsed: mib(peakHeap),
      peakExternal: mib(peakExternal),
      exceptions: out.exceptions.length,
      exceptionsByCode: byCode,
      moneyAtRisk: out.totals.byCurrency.map((c) => `${c.moneyAtRisk} ${c.currencyCode}`),
    },
    null,
    2,
  ),
);
