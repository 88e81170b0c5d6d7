// The ASN web form as one self-contained folder: dist/asn-form/ holds the page, its script and
// style, a sample configuration, and the ESM bundle (wasm inlined), so it works offline when the
// folder is served by any static file server (browsers refuse ES modules from file:// URLs).
// Called by build.mjs after the bundles are built; also runnable alone: node js/build/web.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const FORM_FILES = ['asn-form.html', 'asn-form.mjs', 'asn-form.css', 'asn-form.config.json', 'serve.mjs'];
export const ESM_BUNDLE_NAME = 'vendor-central-connector.esm.js';

/** Copies the form and the ESM bundle into `<distDir>/asn-form/`; returns that folder. */
export function buildWebForm({
  distDir = path.join(repoRoot, 'dist'),
  esmBundle = path.join(distDir, ESM_BUNDLE_NAME),
} = {}) {
  if (!fs.existsSync(esmBundle)) throw new Error(`${esmBundle} is missing: build the bundles first`);
  const out = path.join(distDir, 'asn-form');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const file of FORM_FILES) fs.copyFileSync(path.join(repoRoot, 'js', 'web', file), path.join(out, file));
  fs.copyFileSync(esmBundle, path.join(out, ESM_BUNDLE_NAME));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`[web] ${path.relative(repoRoot, buildWebForm())}`);
}
