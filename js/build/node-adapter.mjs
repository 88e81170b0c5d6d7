// Build step: the Node adapter (js/node/) into pkg/node/, so `npm install vendor-central-connector`
// brings the SP-API client, outbox, runner and the `vendor-central-connector` CLI (package.json
// "bin"). Every module of js/node/ is shipped (the folder is the list); each is checked to import
// nothing but Node built-ins and its siblings, so no dev dependency can slip in.
import fs from 'node:fs';
import path from 'node:path';

export const NODE_ADAPTER_TYPES = 'index.d.ts';

/** The adapter's modules: every .mjs file of js/node/, sorted. */
export function nodeAdapterFiles(jsDir) {
  return fs
    .readdirSync(path.join(jsDir, 'node'))
    .filter((f) => f.endsWith('.mjs'))
    .sort();
}

/** Copies the adapter into `<pkgDir>/node`; throws when a file imports something not shipped. */
export function assembleNodeAdapter({ jsDir, pkgDir }) {
  const from = path.join(jsDir, 'node');
  const to = path.join(pkgDir, 'node');
  const NODE_ADAPTER_FILES = nodeAdapterFiles(jsDir);
  fs.mkdirSync(to, { recursive: true });
  for (const file of NODE_ADAPTER_FILES) {
    const text = fs.readFileSync(path.join(from, file), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1];
      const ok = spec.startsWith('node:') || (spec.startsWith('./') && NODE_ADAPTER_FILES.includes(spec.slice(2)));
      if (!ok) throw new Error(`js/node/${file} imports ${spec}, which pkg/node/ does not ship`);
    }
    fs.writeFileSync(path.join(to, file), text);
    if (file === 'cli.mjs') fs.chmodSync(path.join(to, file), 0o755);
  }
  // Its types (package.json exports "./node" → "types"), written by hand beside the code; they
  // import the core's types from the package root (../index.js → ../index.d.ts).
  fs.copyFileSync(path.join(from, NODE_ADAPTER_TYPES), path.join(to, NODE_ADAPTER_TYPES));
  return NODE_ADAPTER_FILES.map((f) => path.join(to, f));
}
