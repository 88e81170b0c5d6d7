// One measurement of the benchmark command, in a process of its own (run.mjs starts one per
// measurement, so each starts cold, memory peaks belong to one workload, and a crash or an
// out-of-memory stays contained). Prints one JSON line on stdout.
//
//   node --expose-gc js/bench/worker.mjs <task> '<json options>'
//
// Tasks:
//   generate  {workload, scale, file}        write the generated input as JSON text to `file`
//   time      {workload, file, runs, styles, shape, backend}
//             median of `runs` calls per style: `object` (the JS object in, object out),
//             `json` (the …Json twin, text in, text out), `baseline` (JSON.parse(JSON.stringify(
//             input)) + JSON.stringify(result): the least any host pays to hand the data across)
//   memory    {workload, file, style}        peak resident memory added by one call
//   cold      {shape, backend}               load the artefact, then the first answer
//   quickjs   {file}                         load a bundle in QuickJS (the wasm2js IIFE: the
//             shape of engines without WebAssembly), then the first answer
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ackInput, asnInput, reconcileInput, ssccFrom } from './data.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = path.join(repo, 'pkg');
const distFile = (suffix) => path.join(repo, 'dist', `vendor-central-connector.${suffix}`);
const [task, optionsText = '{}'] = parseArgs({ allowPositionals: true, strict: true }).positionals;
const options = JSON.parse(optionsText);

/** The functions each workload calls: object API and its JSON-text twin. */
const WORKLOADS = {
  ack: { object: 'decideAcknowledgements', json: 'decideAcknowledgementsJson' },
  reconcile: { object: 'reconcile', json: 'reconcileJson' },
  asn: { object: 'validateShipmentConfirmation', json: 'validateShipmentConfirmationJson' },
};
/** Headline sizes; `scale` 1/16, 1/4, 1 gives the 1×, 4×, 16× of the linearity budget. */
const ACK_LINES = 100_000;
const ACK_SKUS = 20_000;
const RECONCILE_ROWS = 1_000_000;

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const kib = (name) => Number(fs.readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? NaN);

/**
 * The API as a host gets it: `pkg-import` / `pkg-require` (the npm package), or `iife-vm` (the
 * single-file bundle in a bare context with only ECMAScript globals, as an integration platform
 * or SuiteScript runs it; a separate wasm2js bundle is used when the build has one). With
 * `backend: 'wasm2js'` WebAssembly is removed first, so the fallback runs.
 */
async function loadApi(shape, backend) {
  if (shape === 'pkg-import' || shape === 'pkg-require') {
    if (backend === 'wasm2js') delete globalThis.WebAssembly;
    return shape === 'pkg-import'
      ? import(pathToFileURL(path.join(pkgDir, 'index.mjs')).href)
      : createRequire(import.meta.url)(path.join(pkgDir, 'index.cjs'));
  }
  if (shape === 'iife-vm') {
    const separate = distFile('wasm2js.iife.js');
    const file = backend === 'wasm2js' && fs.existsSync(separate) ? separate : distFile('iife.js');
    const ctx = vm.createContext({});
    if (backend === 'wasm2js') vm.runInContext('delete globalThis.WebAssembly;', ctx);
    vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
    return ctx.VendorCentralConnector;
  }
  throw new Error(`unknown shape ${shape}`);
}

/** The API configured for benchmark inputs, which exceed the 16 MiB default on purpose. */
async function loadConfigured(shape = 'pkg-import', backend = 'wasm') {
  const core = await loadApi(shape, backend);
  if (core.backend !== backend) throw new Error(`expected backend ${backend}, got ${core.backend}`);
  core.configure({ maxInputBytes: 1024 * 1024 * 1024 });
  return core;
}

function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function generate({ workload, scale, file }) {
  let input;
  let facts;
  if (workload === 'ack') {
    input = ackInput({ lines: Math.round(ACK_LINES * scale), skus: Math.round(ACK_SKUS * scale) });
    facts = { lines: Math.round(ACK_LINES * scale), skus: Math.round(ACK_SKUS * scale), purchaseOrders: input.purchaseOrders.length };
  } else if (workload === 'reconcile') {
    const generated = reconcileInput({ rows: Math.round(RECONCILE_ROWS * scale) });
    input = generated.input;
    facts = { rows: generated.rows, purchaseOrders: generated.purchaseOrders, remittanceRows: generated.remittanceRows };
  } else if (workload === 'asn') {
    const core = await loadConfigured();
    input = asnInput(ssccFrom(core)).withOrders;
    const check = core.validateShipmentConfirmation(input);
    if (!check.valid || check.issues.length) throw new Error(`benchmark ASN is not valid: ${JSON.stringify(check.issues.slice(0, 3))}`);
    facts = {
      items: input.shipmentConfirmation.shippedItems.length,
      cartons: input.shipmentConfirmation.cartons.length,
      pallets: input.shipmentConfirmation.pallets.length,
    };
  } else {
    throw new Error(`unknown workload ${workload}`);
  }
  const text = JSON.stringify(input);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  emit({ ...facts, inputBytes: Buffer.byteLength(text) });
}

async function time({ workload, file, runs, styles = ['object', 'json', 'baseline'], shape = 'pkg-import', backend = 'wasm', warmup = 1 }) {
  const core = await loadConfigured(shape, backend);
  const names = WORKLOADS[workload];
  const text = fs.readFileSync(file, 'utf8');
  const input = JSON.parse(text);
  const samples = {};
  let result;
  let outputText;
  const measure = (style, fn) => {
    for (let i = 0; i < warmup; i++) fn();
    samples[style] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      fn();
      samples[style].push(ms(start));
    }
  };
  for (const style of styles) {
    if (style === 'object')
      measure('object', () => {
        result = core[names.object](input);
      });
    if (style === 'json')
      measure('json', () => {
        outputText = core[names.json](text);
      });
    if (style === 'baseline') {
      result ??= core[names.object](input);
      measure('baseline', () => {
        JSON.parse(JSON.stringify(input));
        JSON.stringify(result);
      });
    }
  }
  outputText ??= JSON.stringify(result ?? core[names.object](input));
  const out = { workload, shape, backend, runs, inputBytes: Buffer.byteLength(text), outputBytes: Buffer.byteLength(outputText) };
  for (const [style, values] of Object.entries(samples)) {
    out[style] = { medianMs: median(values), p99Ms: percentile(values, 0.99), samplesMs: values.map((v) => Math.round(v * 10) / 10) };
  }
  emit(out);
}

/**
 * Peak resident memory one call adds: the peak is reset (Linux `clear_refs` 5) once the input is
 * in hand, as the host would hold it (the object, or the JSON text for the twin), and read after
 * the call. Includes the result, the WebAssembly memory the call touches, and every copy.
 */
async function memory({ workload, file, style }) {
  const core = await loadConfigured();
  const names = WORKLOADS[workload];
  let text = fs.readFileSync(file, 'utf8');
  const inputBytes = Buffer.byteLength(text);
  let input = null;
  if (style === 'object') {
    input = JSON.parse(text);
    text = null;
  }
  globalThis.gc?.();
  const before = kib('VmRSS');
  let resetPeak = true;
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    resetPeak = false; // the peak then includes reading the input: an overestimate
  }
  const start = process.hrtime.bigint();
  const result = style === 'object' ? core[names.object](input) : core[names.json](text);
  const callMs = ms(start);
  const peak = kib('VmHWM');
  // The answer's JSON size (measured after the peak was read): the memory budget is per byte of
  // input plus output JSON, the data a host must hold in any case.
  const outputBytes = Buffer.byteLength(typeof result === 'string' ? result : JSON.stringify(result));
  emit({
    workload,
    style,
    inputBytes,
    outputBytes,
    beforeKiB: before,
    peakKiB: peak,
    addedBytes: (peak - before) * 1024,
    resetPeak,
    callMs,
    resultKind: typeof result,
  });
}

/** A small but real first answer: 10 PO lines against 10 SKUs. */
const FIRST_INPUT = ackInput({ lines: 10, linesPerPo: 5, skus: 10 });

async function cold({ shape, backend }) {
  const start = process.hrtime.bigint();
  const api = await loadApi(shape, backend);
  const loadedMs = ms(start);
  const answer = api.decideAcknowledgements(FIRST_INPUT);
  const firstAnswerMs = ms(start);
  if (api.backend !== backend) throw new Error(`expected backend ${backend}, got ${api.backend}`);
  if (answer.decisions.length !== 10) throw new Error('the first answer is wrong');
  emit({ shape, backend, loadedMs, firstAnswerMs, instantiationMs: api.instantiationMs });
}

/**
 * Loads a single-file bundle in QuickJS (quickjs-emscripten, a devDependency: the engine of
 * embedded hosts without WebAssembly), then asks for a first answer. `loadMs` is the bundle's
 * evaluation (parse, compile, instantiate the wasm2js module), `heapBytes` QuickJS's own
 * heap after it.
 */
async function quickjs({ file, memoryLimitBytes = 1024 * 1024 * 1024 }) {
  const { getQuickJS } = await import('quickjs-emscripten');
  const QuickJS = await getQuickJS();
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(memoryLimitBytes);
  runtime.setMaxStackSize(0);
  const ctx = runtime.newContext();
  const code = fs.readFileSync(file, 'utf8');
  const started = process.hrtime.bigint();
  const loaded = ctx.evalCode(code, path.basename(file));
  const loadMs = ms(started);
  if (loaded.error) {
    const error = ctx.dump(loaded.error);
    loaded.error.dispose();
    throw new Error(`QuickJS could not load ${path.basename(file)}: ${JSON.stringify(error).slice(0, 200)}`);
  }
  loaded.value.dispose();
  const heapBytes = memoryUsed(ctx, runtime);
  const first = process.hrtime.bigint();
  const answer = ctx.unwrapResult(
    ctx.evalCode(
      `JSON.stringify([VendorCentralConnector.backend, VendorCentralConnector.decideAcknowledgements(${JSON.stringify(FIRST_INPUT)}).decisions.length])`,
    ),
  );
  const firstAnswerMs = ms(first);
  const [backend, decisions] = JSON.parse(ctx.getString(answer));
  answer.dispose();
  if (decisions !== 10) throw new Error('the first answer is wrong');
  ctx.dispose();
  runtime.dispose();
  emit({ file: path.relative(repo, file), bytes: Buffer.byteLength(code), backend, loadMs, firstAnswerMs, heapBytes });
}

/** QuickJS's heap in use (JS_ComputeMemoryUsage's `memory_used_size`). */
function memoryUsed(ctx, runtime) {
  const usage = runtime.computeMemoryUsage();
  const value = ctx.dump(usage);
  usage.dispose();
  return value.memory_used_size;
}

const tasks = { generate, time, memory, cold, quickjs };
if (!tasks[task]) {
  console.error(`unknown task ${task}: expected ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
try {
  await tasks[task](options);
} catch (e) {
  // One clean line for run.mjs (a wasm2js abort is not always an Error object).
  console.error(`${e?.name ?? 'thrown'}: ${e?.message ?? String(e)}`.split('\n')[0]);
  process.exit(1);
}
