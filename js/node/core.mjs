// Finds and loads the WASM core for the Node adapter: next to it when shipped in the npm package
// (pkg/node/ → pkg/index.mjs), the repository's built pkg/ during development, or $VCC_PKG_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function coreEntryCandidates(pkgDir = process.env.VCC_PKG_DIR) {
  const list = [];
  if (pkgDir) list.push(path.join(path.resolve(pkgDir), 'index.mjs'));
  list.push(path.join(here, '..', 'index.mjs')); // inside the package
  list.push(path.join(here, '..', '..', 'pkg', 'index.mjs')); // repository: js/node → pkg/
  return list;
}

/** The core's module (decideAcknowledgements, version, …). Throws with the places it looked. */
export async function loadCore(pkgDir) {
  const candidates = coreEntryCandidates(pkgDir);
  const entry = candidates.find((f) => fs.existsSync(f));
  if (!entry) {
    throw new Error(`the WASM core was not found (looked in ${candidates.join(', ')}); build it: node js/build/build.mjs`);
  }
  return import(pathToFileURL(entry).href);
}
