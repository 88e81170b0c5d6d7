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

// The shipment flow's module (dist/flows/, build.mjs): all the ASN form loads.
export const SHIPMENT_BUNDLE_NAME = 'vendor-central-connector.shipment.esm.js';
const flowBundle = (distDir, flow) => path.join(distDir, 'flows', `vendor-central-connector.${flow}.esm.js`);

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

/** `bundles`: file name in the folder → the bundle copied there. */
function buildFolder(name, files, distDir, bundles) {
  for (const bundle of Object.values(bundles)) if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: build the bundles first`);
  const out = path.join(distDir, name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const file of files) fs.copyFileSync(path.join(webDir, file), path.join(out, file));
  for (const [file, bundle] of Object.entries(bundles)) fs.copyFileSync(bundle, path.join(out, file));
  return out;
}

/**
 * Copies the web forms into `<distDir>/asn-form/` with the shipment flow's module (the ASN
 * form's) and the full ESM bundle (the acknowledgement preview's); returns that folder.
 */
export function buildWebForm({
  distDir = path.join(repoRoot, 'dist'),
  esmBundle = path.join(distDir, ESM_BUNDLE_NAME),
  shipmentBundle = flowBundle(distDir, 'shipment'),
} = {}) {
  return buildFolder('asn-form', FORM_FILES, distDir, { [ESM_BUNDLE_NAME]: esmBundle, [SHIPMENT_BUNDLE_NAME]: shipmentBundle });
}

/**
 * Copies the exceptions page into `<distDir>/exceptions-page/` with the exceptions flow's
 * module, under the ESM bundle's name (it is all the page calls); returns that folder.
 */
export function buildExceptionsPage({ distDir = path.join(repoRoot, 'dist'), esmBundle = flowBundle(distDir, 'exceptions') } = {}) {
  return buildFolder('exceptions-page', EXCEPTIONS_FILES, distDir, { [ESM_BUNDLE_NAME]: esmBundle });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`[web] ${path.relative(repoRoot, buildWebForm())}`);
  console.log(`[web] ${path.relative(repoRoot, buildExceptionsPage())}`);
}
