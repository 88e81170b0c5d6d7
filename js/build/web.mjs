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
const webDir = path.join(repoRoot, 'js', 'web');
export const ESM_BUNDLE_NAME = 'vendor-central-connector.esm.js';

/**
 * The files a folder needs: its pages, every file of js/web/ they reference as `./name`
 * (scripts, styles, configuration, modules those import, workers), followed to the end, and
 * serve.mjs. References to files js/web/ does not hold (the bundle, a host's own data) are left
 * to the host.
 */
export function webFiles(pages) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || !fs.existsSync(path.join(webDir, file))) return;
    files.add(file);
    const text = fs.readFileSync(path.join(webDir, file), 'utf8');
    for (const m of text.matchAll(/['"]\.\/([\w.-]+)['"]/g)) visit(m[1]);
  };
  for (const page of [...pages, 'serve.mjs']) visit(page);
  return [...files].sort();
}
const FORM_FILES = webFiles(['asn-form.html', 'ack-preview.example.html']);
const EXCEPTIONS_FILES = webFiles(['exceptions-page.html']);

function buildFolder(name, files, distDir, esmBundle) {
  if (!fs.existsSync(esmBundle)) throw new Error(`${esmBundle} is missing: build the bundles first`);
  const out = path.join(distDir, name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const file of files) fs.copyFileSync(path.join(webDir, file), path.join(out, file));
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
