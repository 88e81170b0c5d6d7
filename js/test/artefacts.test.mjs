// JS tests over the BUILT artefacts (testing layer 3 in DESIGN.md): the npm package via import
// and require, and the single-file bundles in bare vm contexts (with and without WebAssembly,
// IIFE and SuiteScript-style AMD). Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSuite } from './harness/suite.mjs';
import vm from 'node:vm';
import { FLOWS, FLOW_SHAPES, HOST_SHAPES, bareContext, dist, distDir, flowsDir, requireBuilt } from './harness/artefacts.mjs';
import zlib from 'node:zlib';

requireBuilt();

for (const [name, load] of HOST_SHAPES) {
  test(name, async (t) => {
    await runSuite(t, await load());
  });
}

test('dist bundles are ES2019-parseable single files', () => {
  const flowFiles = Object.keys(FLOWS).flatMap((flow) =>
    ['iife.js', 'wasm2js.iife.js', 'amd.js', 'esm.js'].map((s) => dist(`${flow}.${s}`, flowsDir)),
  );
  for (const suffix of ['iife.js', 'wasm2js.iife.js', 'amd.js', 'esm.js', ...flowFiles]) {
    // The inlined module (a long Z85 string literal, whose alphabet has `?` and `.`) is data.
    const text = fs
      .readFileSync(path.isAbsolute(suffix) ? suffix : dist(suffix), 'utf8')
      .replace(/"[\w.\-:+=^!/*?&<>()[\]{}@%$#]{4096,}"/g, '""');
    assert.doesNotMatch(text, /\?\?|\?\.[^\d]/, `${suffix}: no ES2020 operators`);
    assert.doesNotMatch(text, /\bimport\s*\(|require\(/, `${suffix}: loads nothing else`);
  }
  assert.match(fs.readFileSync(dist('amd.js'), 'utf8'), /define\(\[\], function \(\) \{/);
});

// Integration platforms' code fields take 1,000,000 bytes: a larger IIFE cannot be pasted at all,
// so this is a hard limit here. The 700,000-byte target that leaves room for the next engines
// (issue 18) is a row of the benchmark (`js/tasks/bench.sh`, PASS/FAIL in its results file).
const IIFE_BUDGET_BYTES = 1_000_000;
test(`the IIFE bundle fits a ${IIFE_BUDGET_BYTES.toLocaleString('en-US')}-byte code field`, () => {
  const size = fs.statSync(dist('iife.js')).size;
  assert.ok(size <= IIFE_BUDGET_BYTES, `iife.js is ${size} bytes`);
});

// The ASN web form loads the shipment flow's module alone. Issue 18's target is 150,000 bytes
// gzip (the benchmark's row); this guards what is reached today (about 229,000) from regressing.
const SHIPMENT_MODULE_GZIP_BUDGET = 240_000;
test(`the shipment flow's browser module is at most ${SHIPMENT_MODULE_GZIP_BUDGET.toLocaleString('en-US')} bytes gzip`, () => {
  const gzip = zlib.gzipSync(fs.readFileSync(dist('shipment.esm.js', flowsDir)), { level: 9 }).length;
  assert.ok(gzip <= SHIPMENT_MODULE_GZIP_BUDGET, `shipment.esm.js is ${gzip} bytes gzip`);
});

// Each flow's bundles: only that flow's functions (and their …Json twins, version, configure),
// every one smaller than the full bundle of its format.
for (const [name, load] of FLOW_SHAPES) {
  test(name, async (t) => {
    const a = await load();
    const m = a.mod;
    assert.equal(m.backend, a.expectBackend);
    const functions = Object.keys(m)
      .filter((k) => typeof m[k] === 'function')
      .sort();
    // Exactly what the build says the flow carries (dist/flows/flows.json), which holds at least
    // the flow's known functions and never another flow's.
    const manifest = JSON.parse(fs.readFileSync(path.join(flowsDir, 'flows.json'), 'utf8'))[a.flow];
    assert.deepEqual(functions, [...manifest].sort());
    for (const f of ['configure', 'version', ...FLOWS[a.flow].flatMap((n) => (n === 'generateSscc' ? [n] : [n, `${n}Json`]))]) {
      assert.ok(functions.includes(f), `${a.flow} carries ${f}`);
    }
    for (const [other, names] of Object.entries(FLOWS)) {
      if (other !== a.flow) for (const f of names) assert.ok(!functions.includes(f), `${a.flow} does not carry ${other}'s ${f}`);
    }
    assert.equal(typeof m.version(), 'object');
    await t.test('a trap is an INTERNAL_PANIC error and a fresh instance answers next', async () => {
      const tm = (await a.testBuild()).mod;
      assert.throws(
        () => tm.__testPanic(),
        (e) => e.code === 'INTERNAL_PANIC' && e.details.recovered === true,
      );
      assert.equal(typeof tm.version().library, 'string');
    });
  });
}
test('every flow bundle is smaller than the full bundle of its format', () => {
  for (const flow of Object.keys(FLOWS)) {
    for (const suffix of ['esm.js', 'iife.js', 'wasm2js.iife.js', 'amd.js']) {
      assert.ok(fs.statSync(dist(`${flow}.${suffix}`, flowsDir)).size < fs.statSync(dist(suffix)).size, `${flow}.${suffix}`);
    }
  }
});

test('each bundle carries the backends it is for', () => {
  // The wasm-only IIFE, without WebAssembly, says which bundle to load instead.
  const ctx = bareContext({ withoutWebAssembly: true });
  assert.throws(
    () => vm.runInContext(fs.readFileSync(dist('iife.js'), 'utf8'), ctx),
    /no WebAssembly; load the fallback bundle vendor-central-connector\.wasm2js\.iife\.js/,
  );
  // The fallback IIFE uses wasm2js even where WebAssembly exists (it carries no wasm).
  const withWasm = bareContext();
  vm.runInContext(fs.readFileSync(dist('wasm2js.iife.js'), 'utf8'), withWasm);
  assert.equal(withWasm.VendorCentralConnector.backend, 'wasm2js');
  // The wasm-only bundles are far smaller than the fallback, which is JavaScript throughout.
  assert.ok(fs.statSync(dist('iife.js')).size * 2 < fs.statSync(dist('wasm2js.iife.js')).size);
});

test('size report lists every artefact', () => {
  const report = JSON.parse(fs.readFileSync(path.join(distDir, 'size-report.json'), 'utf8'));
  for (const [file, size] of Object.entries(report.files)) {
    assert.ok(size.raw > 0 && size.gzip > 0 && size.gzip <= size.raw + 64, file);
  }
  assert.ok(Object.keys(report.files).some((f) => f.endsWith('.wasm')));
});

test('TypeScript: a consumer type-checks against pkg/index.d.ts (tsc --noEmit -p js/types)', () => {
  const script = fileURLToPath(new URL('../build/check-types.mjs', import.meta.url));
  const res = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(res.status, 0, `type check failed:\n${res.stdout}${res.stderr}`);
});
