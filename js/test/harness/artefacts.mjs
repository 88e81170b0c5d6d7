// Loads the built artefacts (pkg/ and dist/) in each host shape the connector ships to, and
// returns the same API object for every shape, so one suite runs against all of them.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');
export const pkgDir = path.join(repoRoot, 'pkg');
export const distDir = path.join(repoRoot, 'dist');
export const BASENAME = 'vendor-central-connector';
export const dist = (suffix, dir = distDir) => path.join(dir, `${BASENAME}.${suffix}`);
// The test-only build (js/build/build.mjs): every host shape again, plus `__testPanic`, which the
// published artefacts do not have.
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR) : path.join(repoRoot, 'target');
export const testBuildDir = path.join(targetDir, 'vcc-test-build');
const testPkgDir = path.join(testBuildDir, 'pkg');
const testDistDir = path.join(testBuildDir, 'dist');

/** Throws a clear instruction when the artefacts were not built (the tests never build). */
export function requireBuilt() {
  const needed = [
    path.join(pkgDir, 'index.mjs'),
    path.join(pkgDir, 'index.cjs'),
    path.join(pkgDir, 'browser.mjs'),
    path.join(pkgDir, 'index.d.ts'),
    dist('iife.js'),
    dist('wasm2js.iife.js'),
    dist('amd.js'),
    dist('esm.js'),
    path.join(testPkgDir, 'browser.mjs'),
    dist('amd.js', testDistDir),
  ];
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(
      `built artefacts missing (${missing.map((f) => path.relative(repoRoot, f)).join(', ')}): ` +
        'run the build first: node js/build/build.mjs',
    );
  }
}

/** An API record: the module's exports, the realm's Error, and where it came from. */
function api(name, mod, ErrorCtor, expectBackend) {
  return { name, mod, ErrorCtor, expectBackend };
}

export async function loadPkgImport(dir = pkgDir) {
  const mod = await import(pathToFileURL(path.join(dir, 'index.mjs')).href);
  return api('pkg via import', mod, Error, 'wasm');
}

export function loadPkgRequire(dir = pkgDir) {
  const require = createRequire(import.meta.url);
  return api('pkg via require', require(path.join(dir, 'index.cjs')), Error, 'wasm');
}

/**
 * The package's browser entry (package.json exports "browser"), in Node. It fetches
 * `new URL('./vendor-central-connector.wasm', import.meta.url)`, a file: URL here, which Node's
 * fetch refuses; while it loads, fetch answers file: URLs the way a static web server answers
 * the bundled app's URL (200 with application/wasm, or 404). Its bundlers and Chromium are tested
 * in bundlers.browser.test.mjs.
 */
export async function loadPkgBrowser(dir = pkgDir) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const u = new URL(String(url));
    if (u.protocol !== 'file:') return realFetch(url, init);
    if (!fs.existsSync(u)) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(fs.readFileSync(u), {
      status: 200,
      headers: { 'content-type': u.pathname.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' },
    });
  };
  try {
    const mod = await import(pathToFileURL(path.join(dir, 'browser.mjs')).href);
    return api('pkg browser entry', mod, Error, 'wasm');
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * A context with only ECMAScript globals (plus WebAssembly unless `withoutWebAssembly`): no
 * TextDecoder/TextEncoder, atob, Buffer, require, fetch, console. `console` only for debugging
 * (VCC_TEST_CONSOLE=1).
 */
export function bareContext({ withoutWebAssembly = false } = {}) {
  const ctx = vm.createContext(process.env.VCC_TEST_CONSOLE ? { console } : {});
  if (withoutWebAssembly) vm.runInContext('delete globalThis.WebAssembly;', ctx);
  const leaks = vm.runInContext(
    `['TextDecoder','TextEncoder','atob','btoa','Buffer','require','process','fetch','structuredClone','performance']
      .filter(function (n) { return typeof globalThis[n] !== 'undefined'; })`,
    ctx,
  );
  if (leaks.length) throw new Error(`bare context is not bare: ${leaks.join(', ')}`);
  return ctx;
}

/**
 * The IIFE bundle in a bare context. Without WebAssembly it is the fallback IIFE
 * (`wasm2js.iife.js`): the main IIFE carries only the wasm, to fit a 1 MB code field.
 */
export function loadIife({ withoutWebAssembly = false, dir = distDir, flow = null } = {}) {
  const ctx = bareContext({ withoutWebAssembly });
  const file = dist(`${flow ? `${flow}.` : ''}${withoutWebAssembly ? 'wasm2js.iife.js' : 'iife.js'}`, dir);
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  const mod = ctx.VendorCentralConnector;
  if (!mod) throw new Error(`${path.basename(file)} did not set globalThis.VendorCentralConnector`);
  return api(
    withoutWebAssembly ? 'wasm2js IIFE in a bare vm context without WebAssembly' : 'IIFE in a bare vm context',
    mod,
    vm.runInContext('Error', ctx),
    withoutWebAssembly ? 'wasm2js' : 'wasm',
  );
}

/**
 * The AMD bundle through a SuiteScript-style loader: `define` records the dependency list and
 * factory, and the "script" (here: the test) gets the factory's return value.
 */
export function loadAmd({ withoutWebAssembly = false, dir = distDir, flow = null } = {}) {
  const file = dist(`${flow ? `${flow}.` : ''}amd.js`, dir);
  const ctx = bareContext({ withoutWebAssembly });
  const defined = [];
  ctx.define = function define(deps, factory) {
    if (typeof deps === 'function') {
      factory = deps;
      deps = [];
    }
    if (!Array.isArray(deps) || typeof factory !== 'function') throw new TypeError('define(deps, factory) expected');
    if (deps.length) throw new Error(`unexpected AMD dependencies: ${deps.join(', ')}`);
    defined.push(factory());
  };
  ctx.define.amd = {};
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  if (defined.length !== 1) throw new Error(`the AMD bundle called define ${defined.length} times`);
  if (typeof ctx.VendorCentralConnector !== 'undefined') throw new Error('the AMD bundle leaked a global');
  return api(
    `AMD in a SuiteScript-style define harness${withoutWebAssembly ? ' without WebAssembly' : ''}`,
    defined[0],
    vm.runInContext('Error', ctx),
    withoutWebAssembly ? 'wasm2js' : 'wasm',
  );
}

/**
 * A host shape: loads the published artefact; the API it returns also has `testBuild()`, which
 * loads the same shape from the test-only build (with `__testPanic`).
 */
function shape(name, loadFrom) {
  return [
    name,
    async () => {
      const a = await loadFrom(pkgDir, distDir);
      return { ...a, testBuild: async () => loadFrom(testPkgDir, testDistDir) };
    },
  ];
}

/**
 * Every host shape the connector ships to, as `[name, load]` pairs: each engine's test file runs
 * its suite once per shape (`for (const [name, load] of HOST_SHAPES) test(name, …)`).
 */
export const HOST_SHAPES = [
  shape('pkg/ via import', (p) => loadPkgImport(p)),
  shape('pkg/ via require', (p) => loadPkgRequire(p)),
  shape('pkg/ browser entry (fetch + top-level await)', (p) => loadPkgBrowser(p)),
  shape('IIFE bundle, bare vm context', (_p, d) => loadIife({ dir: d })),
  shape('wasm2js IIFE bundle, bare vm context without WebAssembly', (_p, d) => loadIife({ withoutWebAssembly: true, dir: d })),
  shape('AMD bundle, SuiteScript-style define, bare vm context', (_p, d) => loadAmd({ dir: d })),
  shape('AMD bundle, SuiteScript-style define, without WebAssembly (wasm2js)', (_p, d) => loadAmd({ withoutWebAssembly: true, dir: d })),
];

/**
 * The per-flow bundles (dist/flows/vendor-central-connector.<flow>.*.js, js/build/build.mjs):
 * each flow's module carries only that flow's functions plus version and configure. The flows,
 * each with the functions its bundles export.
 */
export const FLOWS = {
  ack: ['approveAcknowledgement', 'checkAcknowledgementStatus', 'decideAcknowledgements'],
  shipment: ['buildShipmentConfirmation', 'generateSscc', 'validateShipmentConfirmation'],
  invoice: ['buildInvoice', 'reconcile'],
  df: [
    'buildDirectFulfillmentInvoices',
    'buildDirectFulfillmentShipmentConfirmations',
    'decideDirectFulfillmentAcknowledgements',
    'inventoryFeed',
    'toDirectFulfillmentSalesOrders',
  ],
  fba: ['applyFulfillmentEvent', 'routeFulfillment'],
  'sales-order': ['diffPurchaseOrder', 'toSalesOrders'],
  exceptions: ['chargebackExposure', 'exceptionsReport', 'readExceptionsReport', 'vendorScorecard'],
};
export const flowsDir = path.join(distDir, 'flows');
const testFlowsDir = path.join(testDistDir, 'flows');

/** The ESM bundle (the web form's shape), imported by Node from its file. */
async function loadEsm(dir, flow) {
  const mod = await import(pathToFileURL(dist(`${flow ? `${flow}.` : ''}esm.js`, dir)).href);
  return api('ESM bundle', mod, Error, 'wasm');
}

/** Host shapes of one flow's bundles, as HOST_SHAPES has them for the full build. */
export function flowShapes(flow) {
  if (!FLOWS[flow]) throw new Error(`no flow ${flow}`);
  const flowShape = (name, loadFrom) => [
    `flow ${flow}: ${name}`,
    async () => {
      const a = await loadFrom(flowsDir);
      return { ...a, flow, testBuild: async () => loadFrom(testFlowsDir) };
    },
  ];
  return [
    flowShape('ESM bundle', (d) => loadEsm(d, flow)),
    flowShape('IIFE bundle, bare vm context', (d) => loadIife({ dir: d, flow })),
    flowShape('wasm2js IIFE bundle, bare vm context without WebAssembly', (d) => loadIife({ withoutWebAssembly: true, dir: d, flow })),
    flowShape('AMD bundle, SuiteScript-style define, bare vm context', (d) => loadAmd({ dir: d, flow })),
    flowShape('AMD bundle, SuiteScript-style define, without WebAssembly (wasm2js)', (d) =>
      loadAmd({ withoutWebAssembly: true, dir: d, flow }),
    ),
  ];
}

/** Every flow's shapes: the suites that cover every function run over these too, each call
 * only where the flow has the function. */
export const FLOW_SHAPES = Object.keys(FLOWS).flatMap(flowShapes);
