// Benchmark (not a test): validateShipmentConfirmation on a 6,000-item ASN — 30 pallets × 40
// cartons × 5 items (PalletizedAssortmentCase, one PO per pallet, 6,000 shipped items, 1,230
// SSCCs) — through pkg/ in Node, then through the ESM bundle in headless Chromium when
// /usr/bin/chromium exists. Prints median and p99 per call.
//   node js/bench/asn-validate.mjs [--runs 100] [--no-browser]
// Build first: node js/build/build.mjs
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dist, pkgDir, requireBuilt } from '../test/harness/artefacts.mjs';
import { scriptOptions } from '../lib/options.mjs';
import { timeInChromium } from './browser.mjs';
import { asnInput, ssccFrom } from './data.mjs';

requireBuilt();
const options = scriptOptions(
  { runs: 100 },
  { flags: ['no-browser'], usage: 'node js/bench/asn-validate.mjs [--runs 100] [--no-browser]' },
);
const RUNS = options.runs;
const WARMUP = 5;

const m = await import(pathToFileURL(path.join(pkgDir, 'index.mjs')).href);

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p99: at(0.99), runs: sorted.length };
}

function measure(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return stats(times);
}

const { asnOnly, withOrders } = asnInput(ssccFrom(m));
if (process.env.DUMP_BENCH_INPUT) {
  fs.writeFileSync(process.env.DUMP_BENCH_INPUT, JSON.stringify(withOrders));
  process.exit(0);
}
const check = m.validateShipmentConfirmation(withOrders);
if (!check.valid || check.issues.length) throw new Error(`benchmark ASN is not valid: ${JSON.stringify(check.issues.slice(0, 3))}`);
const asnText = JSON.stringify(asnOnly);
const fullText = JSON.stringify(withOrders);

const rows = [];
const row = (where, what, s) => rows.push({ where, what, ...s });
row(
  'node (pkg/)',
  'validateShipmentConfirmation(object), ASN only',
  measure(() => m.validateShipmentConfirmation(asnOnly)),
);
row(
  'node (pkg/)',
  'validateShipmentConfirmationJson(text), ASN only',
  measure(() => m.validateShipmentConfirmationJson(asnText)),
);
row(
  'node (pkg/)',
  'validateShipmentConfirmation(object) + 30 POs/acks',
  measure(() => m.validateShipmentConfirmation(withOrders)),
);
row(
  'node (pkg/)',
  'validateShipmentConfirmationJson(text) + 30 POs/acks',
  measure(() => m.validateShipmentConfirmationJson(fullText)),
);

const browser = options['no-browser']
  ? null
  : await timeInChromium(
      dist('esm.js'),
      'validateShipmentConfirmation',
      [
        { name: 'ASN only', input: asnOnly },
        { name: '+ 30 POs/acks', input: withOrders },
      ],
      { runs: RUNS, warmup: WARMUP },
    );
if (browser) {
  for (const [what, times] of Object.entries(browser.times)) {
    row(`chromium ${browser.version} (ESM bundle)`, `validateShipmentConfirmation(object), ${what}`, stats(times));
  }
} else {
  console.log('(headless Chromium skipped: /usr/bin/chromium missing or --no-browser)');
}

console.log(
  `6,000-item ASN (${withOrders.shipmentConfirmation.shippedItems.length} items, ${withOrders.shipmentConfirmation.cartons.length} cartons, ` +
    `${withOrders.shipmentConfirmation.pallets.length} pallets; ${(asnText.length / 1024 / 1024).toFixed(2)} MiB JSON, ` +
    `${(fullText.length / 1024 / 1024).toFixed(2)} MiB with POs/acks); ${RUNS} runs after ${WARMUP} warm-up`,
);
for (const r of rows) {
  console.log(
    `${r.where.padEnd(32)} ${r.what.padEnd(56)} median ${r.median.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`,
  );
}
