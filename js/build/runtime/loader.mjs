// Instantiates the module once, at load. Two ways in:
// - `load`, synchronous (Node's entries and the single-file bundles): the real WebAssembly when
//   the host has it (`typeof WebAssembly === 'object'`), otherwise the wasm2js build;
// - `loadAsync` (the package's browser entry): fetches the .wasm from the URL the app's bundler
//   gave it and compiles it off the main thread, as browsers want for a module this size.
// Both record which backend ran and how long instantiation took, so an administrator's probe can
// report it. A failure is thrown as a ConnectorError `MODULE_LOAD_FAILED` naming the step that
// failed and its own cause: reading or fetching the file, compiling it, or the fallback.
import { G } from './global.mjs';
import { selectWebAssembly } from './webassembly.mjs';
import { createWasm2jsWebAssembly } from './wasm2js-shim.mjs';

const NAME = 'vendor-central-connector';

function now() {
  const perf = G.performance;
  return perf && typeof perf.now === 'function' ? perf.now() : Date.now();
}

function messageOf(error) {
  return error && error.message ? String(error.message) : String(error);
}

/** A load failure: `step` says where (read, fetch, compile, instantiate, fallback). */
function loadError(step, message, cause, extra) {
  const error = new Error(`${NAME}: ${message}`);
  error.name = 'ConnectorError';
  error.code = 'MODULE_LOAD_FAILED';
  error.path = '';
  error.details = { step, cause: cause === undefined ? null : messageOf(cause), ...extra };
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * @param {object} o
 * @param {(input: {module: unknown}) => unknown} o.initSync   the glue's initSync
 * @param {(() => Uint8Array) | null} o.wasmBytes              the .wasm, read only on the wasm path
 *                                                            (null in the wasm2js-only bundle)
 * @param {(() => {instantiate: Function, meta: object}) | null} o.wasm2js  the fallback, loaded only when needed
 *                                                            (null in the wasm-only bundles)
 * @param {string} [o.readHint]  said when reading the .wasm fails (which entry this is, and for what host)
 */
export function load({ initSync, wasmBytes, wasm2js, readHint = '' }) {
  const start = now();
  let backend;
  let wasmError = null;
  const native = G.WebAssembly;
  if (wasmBytes && typeof native === 'object' && native !== null) {
    // Reading the file is not "WebAssembly unusable": a failure there is reported as it is,
    // never hidden behind the fallback (whose own failure would then name the wrong cause).
    let bytes;
    try {
      bytes = wasmBytes();
    } catch (e) {
      throw loadError('read', `could not read the WebAssembly module ${NAME}.wasm (${messageOf(e)})${readHint ? `. ${readHint}` : ''}`, e);
    }
    try {
      selectWebAssembly(native);
      initSync({ module: bytes });
      backend = 'wasm';
    } catch (e) {
      // WebAssembly present but unusable (a CSP without 'wasm-unsafe-eval', an engine's size cap
      // on synchronous compilation): fall back rather than fail, when a fallback is shipped.
      if (!wasm2js) throw loadError('compile', `WebAssembly could not compile or instantiate the module (${messageOf(e)})`, e);
      wasmError = e;
    }
  }
  if (!backend) {
    if (!wasm2js) {
      throw loadError(
        'fallback',
        'this engine has no WebAssembly; load the fallback bundle ' +
          'vendor-central-connector.wasm2js.iife.js (or the AMD bundle, which carries both) instead',
      );
    }
    try {
      selectWebAssembly(createWasm2jsWebAssembly(wasm2js()));
      initSync({ module: new Uint8Array(0) });
    } catch (e) {
      const why = wasmError
        ? `WebAssembly failed (${messageOf(wasmError)}), and so did the wasm2js fallback`
        : 'the wasm2js build (this engine has no WebAssembly) failed to load';
      throw loadError('fallback', `${why}: ${messageOf(e)}`, e, { wasmError: wasmError ? messageOf(wasmError) : null });
    }
    backend = 'wasm2js';
  }
  return { backend, instantiationMs: now() - start, wasmError };
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** What a response that is not a wasm module holds, for the message (e.g. an HTML fallback page). */
function describeBody(bytes, contentType) {
  let head = '';
  for (let i = 0; i < bytes.length && i < 24; i++) head += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
  return `content-type ${contentType || 'none'}, ${bytes.length} bytes starting ${JSON.stringify(head)}`;
}

/**
 * The browser entry's loader: fetches `wasmUrl` (the bundler rewrote the package's
 * `new URL('./vendor-central-connector.wasm', import.meta.url)` to where it emitted the file),
 * compiles it asynchronously, then instantiates it through the glue's initSync.
 * @param {object} o
 * @param {(input: {module: unknown}) => unknown} o.initSync
 * @param {URL | string} o.wasmUrl
 */
export async function loadAsync({ initSync, wasmUrl }) {
  const start = now();
  const native = G.WebAssembly;
  const url = String(wasmUrl);
  if (typeof native !== 'object' || native === null) {
    throw loadError(
      'compile',
      'this browser has no WebAssembly (turned off by policy, e.g. Lockdown Mode); ' +
        'load dist/vendor-central-connector.wasm2js.iife.js, the JavaScript build, instead',
      undefined,
      { url },
    );
  }
  if (typeof G.fetch !== 'function') throw loadError('fetch', `this host has no fetch() to load ${url} with`, undefined, { url });
  let response;
  try {
    response = await G.fetch(url);
  } catch (e) {
    throw loadError(
      'fetch',
      `could not fetch the WebAssembly module from ${url} (${messageOf(e)}); ` +
        'pages opened from file:// cannot fetch it: serve the app over HTTP',
      e,
      { url },
    );
  }
  if (!response.ok) {
    throw loadError(
      'fetch',
      `fetching the WebAssembly module from ${url} answered HTTP ${response.status}: ` +
        "the app's bundler did not emit vendor-central-connector.wasm at that address, or the server does not serve it",
      undefined,
      { url, status: response.status },
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers && typeof response.headers.get === 'function' ? response.headers.get('content-type') : null;
  if (WASM_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw loadError(
      'fetch',
      `${url} answered something that is not a WebAssembly module (${describeBody(bytes, contentType)}): ` +
        "the server sent another file in its place (often a dev server's index.html for a path it does not know); " +
        'see the package README, "Bundlers"',
      undefined,
      { url, contentType },
    );
  }
  let module;
  try {
    module = await native.compile(bytes);
  } catch (e) {
    const csp = /content security policy|unsafe-eval/i.test(messageOf(e));
    throw loadError(
      'compile',
      `WebAssembly could not compile ${url} (${messageOf(e)})` +
        (csp ? ": the page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src" : ''),
      e,
      { url },
    );
  }
  try {
    selectWebAssembly(native);
    initSync({ module });
  } catch (e) {
    throw loadError('instantiate', `WebAssembly could not instantiate the module from ${url} (${messageOf(e)})`, e, { url });
  }
  return { backend: 'wasm', instantiationMs: now() - start, wasmError: null };
}
