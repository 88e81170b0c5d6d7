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
import { HOST_SHAPES, dist, distDir, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();


for (const [name, load] of HOST_SHAPES) {
  test(name, async (t) => {
    await runSuite(t, await load());
  });
}

test('dist bundles are ES2019-parseable single files with the wasm inlined', () => {
  for (const suffix of ['iife.js', 'amd.js', 'esm.js']) {
    const text = fs.readFileSync(dist(suffix), 'utf8');
    assert.doesNotMatch(text, /\?\?|\?\.[^\d]/, `${suffix}: no ES2020 operators`);
    assert.doesNotMatch(text, /\bimport\s*\(|require\(/, `${suffix}: loads nothing else`);
    assert.ok(text.length > fs.statSync(dist('wasm')).size, `${suffix}: contains the inlined module`);
  }
  assert.match(fs.readFileSync(dist('amd.js'), 'utf8'), /define\(\[\], function \(\) \{/);
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
