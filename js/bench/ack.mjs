// Benchmark (not a test): decideAcknowledgements on 1,000 POs × 100 lines (100,000 lines)
// against 20,000 SKUs, through the Node package (pkg/), generated with a fixed seed.
// Prints the median of several runs for the object API and the JSON-text API, the cost of
// JSON.parse(JSON.stringify(input)) + JSON.stringify(result) on the same data (the least any
// host pays to hand data across), and their ratio, all measured in one run.
//   node js/bench/ack.mjs [--pos 1000] [--lines 100] [--skus 20000] [--runs 5]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), Number(all[i + 1])]] : pairs, []));
const POS = args.pos ?? 1000;
const LINES = args.lines ?? 100;
const SKUS = args.skus ?? 20000;
const RUNS = args.runs ?? 5;

/** Mulberry32: a small deterministic PRNG, so every run benchmarks the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate() {
  const random = rng(20261122);
  const int = (n) => Math.floor(random() * n);
  const sku = (i) => `SKU-${String(i).padStart(6, '0')}`;
  const asin = (i) => `B0${String(i).padStart(8, '0')}`;
  const inventory = [];
  const skuMap = [];
  for (let i = 0; i < SKUS; i++) {
    inventory.push({ sku: sku(i), onHand: int(400), committed: int(20), safetyStock: int(10),
      inbound: i % 5 === 0 ? [{ quantity: int(100), expectedDate: `2026-11-${String(23 + int(6)).padStart(2, '0')}T00:00:00Z` }] : [] });
    skuMap.push({ sku: sku(i), asin: asin(i), vendorSku: `V${i}`, unitsPerCase: 6 });
  }
  const purchaseOrders = [];
  for (let p = 0; p < POS; p++) {
    const items = [];
    for (let l = 0; l < LINES; l++) {
      const cases = random() < 0.3;
      items.push({
        itemSequenceNumber: String(l + 1),
        amazonProductIdentifier: asin(int(SKUS)),
        orderedQuantity: { amount: 1 + int(cases ? 10 : 60), unitOfMeasure: cases ? 'Cases' : 'Eaches', unitSize: cases ? 6 : 1 },
        isBackOrderAllowed: random() < 0.5,
        netCost: { amount: (1 + int(50000) / 100).toFixed(2), currencyCode: 'USD' },
      });
    }
    const day = 18 + int(4);
    purchaseOrders.push({
      purchaseOrderNumber: `BENCH${String(p).padStart(5, '0')}`,
      purchaseOrderState: 'New',
      orderDetails: {
        purchaseOrderDate: `2026-11-${day}T${String(int(24)).padStart(2, '0')}:00:00Z`,
        purchaseOrderType: 'RegularOrder',
        sellingParty: { partyId: 'VEND1' },
        shipWindow: `2026-11-${day + 3}T00:00:00Z--2026-11-${day + 7}T00:00:00Z`,
        items,
      },
    });
  }
  return { purchaseOrders, inventory, skuMap, now: '2026-11-22T08:00:00Z' };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const samples = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(samples), result };
}

const core = await import(pathToFileURL(path.join(repo, 'pkg', 'index.mjs')).href);
core.configure({ maxInputBytes: 256 * 1024 * 1024 }); // 100,000 lines are about 25 MB of JSON
const input = generate();
const lines = input.purchaseOrders.reduce((n, po) => n + po.orderDetails.items.length, 0);
const inputText = JSON.stringify(input);

const object = time(() => core.decideAcknowledgements(input));
const text = time(() => core.decideAcknowledgementsJson(inputText));
const outputText = JSON.stringify(object.result);
const baseline = time(() => { JSON.parse(JSON.stringify(input)); JSON.stringify(object.result); });

const rows = [
  ['workload', `${POS} POs × ${LINES} lines = ${lines} lines, ${SKUS} SKUs`],
  ['input / output JSON', `${(inputText.length / 1e6).toFixed(1)} MB / ${(outputText.length / 1e6).toFixed(1)} MB`],
  ['decideAcknowledgements (object in/out)', `${object.ms.toFixed(0)} ms median of ${RUNS}`],
  ['decideAcknowledgementsJson (text in/out)', `${text.ms.toFixed(0)} ms`],
  ['JSON round trip baseline', `${baseline.ms.toFixed(0)} ms`],
  ['object API / baseline', `${(object.ms / baseline.ms).toFixed(2)}×`],
  ['lines per second (object API)', `${Math.round(lines / (object.ms / 1000)).toLocaleString('en-US')}`],
  ['backend', core.backend],
];
for (const [k, v] of rows) console.log(`${k.padEnd(42)} ${v}`);
console.log(JSON.stringify({ lines, skus: SKUS, objectMs: object.ms, jsonMs: text.ms, baselineMs: baseline.ms,
  decisions: object.result.decisions.length, acknowledged: object.result.request.acknowledgements.length }));
