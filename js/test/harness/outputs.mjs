// Where the tests write: every temporary directory and every child process's output go under one
// root, so that the whole suite's outputs can be searched for leaked secrets and personal data
// after it ran (js/tasks/scan-outputs.mjs, called by js/tasks/test.sh). With
// VCC_TEST_OUTPUT_DIR set (test.sh sets it), directories are kept for that scan and child
// outputs are recorded; without it (a single test file run by hand), directories go to the OS
// temporary directory and are removed as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.env.VCC_TEST_OUTPUT_DIR ? path.resolve(process.env.VCC_TEST_OUTPUT_DIR) : null;

/** A fresh directory for one test's files (journals, state, CLI output). */
export function testDir(prefix) {
  const parent = root ? path.join(root, 'dirs') : os.tmpdir();
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, prefix));
}

/** Removes a test's directory, unless the suite-wide scan still has to read it. */
export function removeTestDir(dir) {
  if (!root) fs.rmSync(dir, { recursive: true, force: true });
}

/** Records a child process's stdout and stderr for the suite-wide scan (no-op without a root). */
export function recordProcessOutput(label, { stdout = '', stderr = '' }) {
  if (!root) return;
  const dir = path.join(root, 'processes');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `${label}.log`), `--- stdout\n${stdout}\n--- stderr\n${stderr}\n`);
}
