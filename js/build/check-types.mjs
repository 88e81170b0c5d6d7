#!/usr/bin/env node
// Type-checks js/types/consumer.ts against the BUILT package types (pkg/index.d.ts):
// `tsc --noEmit -p js/types`. Exits non-zero, with tsc's diagnostics, on any type error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const jsDir = path.resolve(here, '..');
const dts = path.resolve(jsDir, '..', 'pkg', 'index.d.ts');
if (!fs.existsSync(dts)) {
  console.error('check-types: pkg/index.d.ts is missing: run the build first: node js/build/build.mjs');
  process.exit(1);
}
const tsc = path.join(jsDir, 'node_modules', 'typescript', 'bin', 'tsc');
const res = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(jsDir, 'types')], { stdio: 'inherit' });
if (res.status !== 0) {
  console.error('check-types: type errors (see above)');
  process.exit(res.status ?? 1);
}
console.log('check-types: js/types/consumer.ts type-checks against pkg/index.d.ts and pkg/node/index.d.ts');
