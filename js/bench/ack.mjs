// Benchmark (not a test): decideAcknowledgements on 1,000 POs × 100 lines (100,000 lines)
// against 20,000 SKUs, through the Node package (pkg/), generated with a fixed seed.
// Prints the median of several runs for the object API and the JSON-text API, the cost of
// JSON.parse(JSON.stringify(input)) + JSON.stringify(result) on the same data (the least any
// host pays to hand data across), and their ratio, all measured in one run.
//   node js/bench/ack.mjs [--pos 1000] [--lines 100] [--skus 20000] [--runs 5]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptOptions } from '../lib/options.mjs';
import { ackInput } from './data.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const {
  pos: POS,
  lines: LINES,
  skus: SKUS,
  runs: RUNS,
} = scriptOptions(
  { pos: 1000, lines: 100, skus: 20000, runs: 5 },
  { usage: 'node js/bench/ack.mjs [--pos 1000] [--lines 100] [--skus 20000] [--runs 5]' },
);

const generate = () => ackInput({ lines: POS * LINES, linesPerPo: LINES, skus: SKUS });

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
const baseline = time(() => {
  JSON.parse(JSON.stringify(input));
  JSON.stringify(object.result);
});

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
console.log(
  JSON.stringify({
    lines,
    skus: SKUS,
    objectMs: object.ms,
    jsonMs: text.ms,
    baselineMs: baseline.ms,
    decisions: object.result.decisions.length,
    acknowledged: object.result.request.acknowledgements.length,
  }),
);
