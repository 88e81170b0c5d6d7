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
export const dist = (suffix) => path.join(distDir, `${BASENAME}.${suffix}`);

/** Throws a clear instruction when the artefacts were not built (the tests never build). */
export function requireBuilt() {
  const needed = [
    path.join(pkgDir, 'index.mjs'), path.join(pkgDir, 'index.cjs'), path.join(pkgDir, 'index.d.ts'),
    dist('iife.js'), dist('wasm2js.iife.js'), dist('amd.js'), dist('esm.js'),
  ];
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(`built artefacts missing (${missing.map((f) => path.relative(repoRoot, f)).join(', ')}): ` +
      'run the build first: node js/build/build.mjs');
  }
}

/** An API record: the module's exports, the realm's Error, and where it came from. */
function api(name, mod, ErrorCtor, expectBackend) {
  return { name, mod, ErrorCtor, expectBackend };
}

export async function loadPkgImport() {
  const mod = await import(pathToFileURL(path.join(pkgDir, 'index.mjs')).href);
  return api('pkg via import', mod, Error, 'wasm');
}

export function loadPkgRequire() {
  const require = createRequire(import.meta.url);
  return api('pkg via require', require(path.join(pkgDir, 'index.cjs')), Error, 'wasm');
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
      .filter(function (n) { return typeof globalThis[n] !== 'undefined'; })`, ctx);
  if (leaks.length) throw new Error(`bare context is not bare: ${leaks.join(', ')}`);
  return ctx;
}

/**
 * The IIFE bundle in a bare context. Without WebAssembly it is the fallback IIFE
 * (`wasm2js.iife.js`): the main IIFE carries only the wasm, to fit a 1 MB code field.
 */
export function loadIife({ withoutWebAssembly = false } = {}) {
  const ctx = bareContext({ withoutWebAssembly });
  const file = dist(withoutWebAssembly ? 'wasm2js.iife.js' : 'iife.js');
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  const mod = ctx.VendorCentralConnector;
  if (!mod) throw new Error(`${path.basename(file)} did not set globalThis.VendorCentralConnector`);
  return api(withoutWebAssembly ? 'wasm2js IIFE in a bare vm context without WebAssembly' : 'IIFE in a bare vm context',
    mod, vm.runInContext('Error', ctx), withoutWebAssembly ? 'wasm2js' : 'wasm');
}

/**
 * The AMD bundle through a SuiteScript-style loader: `define` records the dependency list and
 * factory, and the "script" (here: the test) gets the factory's return value.
 */
export function loadAmd({ withoutWebAssembly = false } = {}) {
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
  vm.runInContext(fs.readFileSync(dist('amd.js'), 'utf8'), ctx, { filename: dist('amd.js') });
  if (defined.length !== 1) throw new Error(`the AMD bundle called define ${defined.length} times`);
  if (typeof ctx.VendorCentralConnector !== 'undefined') throw new Error('the AMD bundle leaked a global');
  return api(`AMD in a SuiteScript-style define harness${withoutWebAssembly ? ' without WebAssembly' : ''}`, defined[0],
    vm.runInContext('Error', ctx), withoutWebAssembly ? 'wasm2js' : 'wasm');
}

/**
 * Every host shape the connector ships to, as `[name, load]` pairs: each engine's test file runs
 * its suite once per shape (`for (const [name, load] of HOST_SHAPES) test(name, …)`).
 */
export const HOST_SHAPES = [
  ['pkg/ via import', () => loadPkgImport()],
  ['pkg/ via require', () => loadPkgRequire()],
  ['IIFE bundle, bare vm context', () => loadIife()],
  ['wasm2js IIFE bundle, bare vm context without WebAssembly', () => loadIife({ withoutWebAssembly: true })],
  ['AMD bundle, SuiteScript-style define, bare vm context', () => loadAmd()],
  ['AMD bundle, SuiteScript-style define, without WebAssembly (wasm2js)', () => loadAmd({ withoutWebAssembly: true })],
];
