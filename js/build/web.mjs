// The browser folders, each self-contained: the page(s), their script and style, and the ESM
// bundle (wasm inlined), so they work offline when served by any static file server (browsers
// refuse ES modules from file:// URLs; serve.mjs is one).
//   dist/asn-form/         the web forms: the ASN form (a sample configuration), and the
//                          acknowledgement preview module with its embed example
//   dist/exceptions-page/  the exceptions page (open an exceptionsReport or the engines' outputs)
// Called by build.mjs after the bundles are built; also runnable alone: node js/build/web.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const FORM_FILES = ['asn-form.html', 'asn-form.mjs', 'asn-form.css', 'asn-form.config.json', 'ack-preview.mjs', 'ack-preview.example.html', 'serve.mjs'];
const EXCEPTIONS_FILES = ['exceptions-page.html', 'exceptions-page.mjs', 'exceptions-page.css', 'exceptions-cells.mjs',
  'exceptions-index.mjs', 'exceptions-worker.mjs', 'virtual-table.mjs', 'chargeback-view.mjs', 'serve.mjs'];
export const ESM_BUNDLE_NAME = 'vendor-central-connector.esm.js';

function buildFolder(name, files, distDir, esmBundle) {
  if (!fs.existsSync(esmBundle)) throw new Error(`${esmBundle} is missing: build the bundles first`);
  const out = path.join(distDir, name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const file of files) fs.copyFileSync(path.join(repoRoot, 'js', 'web', file), path.join(out, file));
  fs.copyFileSync(esmBundle, path.join(out, ESM_BUNDLE_NAME));
  return out;
}

/** Copies the web forms and the ESM bundle into `<distDir>/asn-form/`; returns that folder. */
export function buildWebForm({
  distDir = path.join(repoRoot, 'dist'),
  esmBundle = path.join(distDir, ESM_BUNDLE_NAME),
} = {}) {
  return buildFolder('asn-form', FORM_FILES, distDir, esmBundle);
}

/** Copies the exceptions page and the ESM bundle into `<distDir>/exceptions-page/`; returns that folder. */
export function buildExceptionsPage({
  distDir = path.join(repoRoot, 'dist'),
  esmBundle = path.join(distDir, ESM_BUNDLE_NAME),
} = {}) {
  return buildFolder('exceptions-page', EXCEPTIONS_FILES, distDir, esmBundle);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`[web] ${path.relative(repoRoot, buildWebForm())}`);
  console.log(`[web] ${path.relative(repoRoot, buildExceptionsPage())}`);
}
