#!/usr/bin/env node
// Searches everything the JS test suite wrote for leaked secrets and personal data: the suite's
// own output (test.sh tees it into the root), every child process's stdout/stderr and every file
// the tests wrote (journals, state files, CLI output) under VCC_TEST_OUTPUT_DIR — see
// js/test/harness/outputs.mjs. Each sentinel of js/test/harness/sentinels.mjs is searched for
// as is and in the encodings it would take in a log line or a request body (JSON-escaped,
// URL-encoded, form-encoded, base64). Exit 1 when any is found, with the file (never the value).
//
//   node js/tasks/scan-outputs.mjs <root>
import fs from 'node:fs';
import path from 'node:path';
import { scriptOptions } from '../lib/options.mjs';
import { ALL_SECRET_VALUES, PERSONAL_DATA_SENTINELS } from '../test/harness/sentinels.mjs';

const { positionals } = scriptOptions({}, { positionals: true, usage: 'node js/tasks/scan-outputs.mjs <directory the suite wrote into>' });
const root = positionals[0];
if (positionals.length !== 1 || !fs.existsSync(root)) {
  console.error('usage: node js/tasks/scan-outputs.mjs <directory the suite wrote into>');
  process.exit(2);
}

const sentinels = [
  ...ALL_SECRET_VALUES.map((value) => ({ kind: 'secret', value })),
  ...Object.values(PERSONAL_DATA_SENTINELS).map((value) => ({ kind: 'personal data', value: String(value) })),
];
// base64 at each of the three alignments a value can have inside a longer base64 text: only the
// characters that depend on the value alone.
const base64Forms = (value) =>
  ['', 'a', 'ab'].flatMap((pad) => {
    const b64 = Buffer.from(pad + value).toString('base64');
    const core = b64.slice(Math.ceil((pad.length * 8) / 6), Math.floor(((pad.length + Buffer.byteLength(value)) * 8) / 6));
    return [core, core.replace(/\+/g, '-').replace(/\//g, '_')];
  });
const forms = (value) =>
  [
    ...new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
      ...base64Forms(value),
    ]),
  ].map((f) => Buffer.from(f));

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

let scanned = 0;
let bytes = 0;
const hits = [];
for (const file of files(root)) {
  const content = fs.readFileSync(file);
  scanned++;
  bytes += content.length;
  for (const { kind, value } of sentinels) {
    if (forms(value).some((form) => content.includes(form))) {
      hits.push(`${path.relative(root, file)}: ${kind} (sentinel starting ${JSON.stringify(value.slice(0, 4))})`);
    }
  }
}
console.log(
  `scan-outputs: ${scanned} files, ${(bytes / 1024).toFixed(0)} KiB, ${sentinels.length} sentinels (${ALL_SECRET_VALUES.length} credentials, ${sentinels.length - ALL_SECRET_VALUES.length} personal values): ${hits.length} found`,
);
if (hits.length) {
  console.error(hits.join('\n'));
  process.exit(1);
}
