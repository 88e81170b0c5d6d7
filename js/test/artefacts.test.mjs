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
import { HOST_SHAPES, bareContext, dist, distDir, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();


for (const [name, load] of HOST_SHAPES) {
  test(name, async (t) => {
    await runSuite(t, await load());
  });
}

test('dist bundles are ES2019-parseable single files', () => {
  for (const suffix of ['iife.js', 'wasm2js.iife.js', 'amd.js', 'esm.js']) {
    // The inlined module (a long Z85 string literal, whose alphabet has `?` and `.`) is data.
    const text = fs.readFileSync(dist(suffix), 'utf8').replace(/"[\w.\-:+=^!/*?&<>()[\]{}@%$#]{4096,}"/g, '""');
    assert.doesNotMatch(text, /\?\?|\?\.[^\d]/, `${suffix}: no ES2020 operators`);
    assert.doesNotMatch(text, /\bimport\s*\(|require\(/, `${suffix}: loads nothing else`);
  }
  assert.match(fs.readFileSync(dist('amd.js'), 'utf8'), /define\(\[\], function \(\) \{/);
});

// Integration platforms' code fields take about 1 MB: the IIFE must fit, with room to spare.
const IIFE_BUDGET_BYTES = 1_000_000;
test(`the IIFE bundle fits a ${IIFE_BUDGET_BYTES.toLocaleString('en-US')}-byte code field`, () => {
  const size = fs.statSync(dist('iife.js')).size;
  assert.ok(size <= IIFE_BUDGET_BYTES, `iife.js is ${size} bytes`);
});

test('each bundle carries the backends it is for', () => {
  // The wasm-only IIFE, without WebAssembly, says which bundle to load instead.
  const ctx = bareContext({ withoutWebAssembly: true });
  assert.throws(() => vm.runInContext(fs.readFileSync(dist('iife.js'), 'utf8'), ctx),
    /no WebAssembly; load the fallback bundle vendor-central-connector\.wasm2js\.iife\.js/);
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
