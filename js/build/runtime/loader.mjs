// Instantiates the module once, at load, synchronously: the real WebAssembly when the host has
// it (`typeof WebAssembly === 'object'`), otherwise the wasm2js build. Records which backend ran
// and how long instantiation took, so an administrator's probe can report it.
import { G } from './global.mjs';
import { selectWebAssembly } from './webassembly.mjs';
import { createWasm2jsWebAssembly } from './wasm2js-shim.mjs';

function now() {
  const perf = G.performance;
  return perf && typeof perf.now === 'function' ? perf.now() : Date.now();
}

/**
 * @param {object} o
 * @param {(input: {module: unknown}) => unknown} o.initSync   the glue's initSync
 * @param {(() => Uint8Array) | null} o.wasmBytes              the .wasm, read only on the wasm path
 *                                                            (null in the wasm2js-only bundle)
 * @param {(() => {instantiate: Function, meta: object}) | null} o.wasm2js  the fallback, loaded only when needed
 *                                                            (null in the wasm-only bundles)
 */
export function load({ initSync, wasmBytes, wasm2js }) {
  const start = now();
  let backend;
  let wasmError = null;
  const native = G.WebAssembly;
  if (wasmBytes && typeof native === 'object' && native !== null) {
    try {
      selectWebAssembly(native);
      initSync({ module: wasmBytes() });
      backend = 'wasm';
    } catch (e) {
      // WebAssembly present but unusable (a CSP without 'wasm-unsafe-eval', an engine's size cap
      // on synchronous compilation): fall back rather than fail, when a fallback is shipped.
      if (!wasm2js) throw e;
      wasmError = e;
    }
  }
  if (!backend) {
    if (!wasm2js) {
      throw new Error('vendor-central-connector: this engine has no WebAssembly; load the fallback bundle ' +
        'vendor-central-connector.wasm2js.iife.js (or the AMD bundle, which carries both) instead');
    }
    selectWebAssembly(createWasm2jsWebAssembly(wasm2js()));
    initSync({ module: new Uint8Array(0) });
    backend = 'wasm2js';
  }
  return { backend, instantiationMs: now() - start, wasmError };
}
