// Recovery from a trapped instance. A panic in the Rust core (none is expected: every bad input
// is an error, never a panic) aborts to a WebAssembly trap, which leaves that instance's memory,
// allocator and stack pointer in whatever state the trap caught them: it must not be called again.
// Each public function is wrapped so that a trap during a call is thrown to that caller as a
// ConnectorError `INTERNAL_PANIC`, and the instance is replaced by a fresh one (wasm-bindgen's
// `__wbg_reset_state`, built with --experimental-reset-state-function) with the settings of
// `configure` applied again — so the next call works as if nothing had happened.
import { G } from './global.mjs';

// wasm2js translates `unreachable` (and its other traps) into this throw.
const WASM2JS_TRAP_MESSAGE = 'abort';

/**
 * True when `error` is the instance trapping rather than the library refusing an input (the
 * library throws only ConnectorErrors carrying a string `code`):
 * - WebAssembly: a `WebAssembly.RuntimeError` (unreachable, out-of-bounds access, …), or the
 *   engine's stack overflow (a RangeError raised inside wasm frames);
 * - wasm2js: `unreachable` and the other traps are thrown as plain Errors by the translated code.
 */
function isTrap(error, backend, RuntimeError) {
  if (error === null || typeof error !== 'object') return false;
  if (error.name === 'ConnectorError' && typeof error.code === 'string') return false;
  // A stack overflow inside the module's code leaves its shadow stack pointer behind, too.
  if (error instanceof RangeError) return true;
  if (backend === 'wasm2js') return error instanceof Error && error.message === WASM2JS_TRAP_MESSAGE;
  return typeof RuntimeError === 'function' && error instanceof RuntimeError;
}

// Only the explicit-initialisation entry (`vendor-central-connector/init`) can be called before
// its module is loaded; the glue would fail on its missing instance with a TypeError.
function notLoadedError(functionName) {
  const error = new Error(
    `vendor-central-connector: ${functionName}() was called before the WebAssembly module ` +
      "was loaded: call `await init()` (from 'vendor-central-connector/init') once first",
  );
  error.name = 'ConnectorError';
  error.code = 'NOT_INITIALISED';
  error.path = '';
  error.details = { function: functionName };
  return error;
}

function panicError(functionName, cause, recovered) {
  const error = new Error(
    `internal error in ${functionName}: the WebAssembly instance trapped` +
      ` (${cause && cause.message ? cause.message : String(cause)}); ` +
      (recovered ? 'a fresh instance has replaced it, so later calls work' : 'the instance could not be re-created'),
  );
  error.name = 'ConnectorError';
  error.code = 'INTERNAL_PANIC';
  error.path = '';
  error.details = { function: functionName, trap: cause && cause.message ? String(cause.message) : String(cause), recovered };
  return error;
}

/**
 * @param {object} glue       the wasm-bindgen glue module (its exports)
 * @param {string[]} names    the public functions to wrap
 * @param {{backend: string}} loaded  what the loader instantiated
 * @returns {object} name → wrapped function
 */
export function guardExports(glue, names, loaded) {
  // The realm's own RuntimeError: the one its WebAssembly instances throw.
  const RuntimeError = G.WebAssembly && G.WebAssembly.RuntimeError;
  // The settings in force, as `configure` last returned them: re-applied to a fresh instance.
  let settings = null;
  const wrapped = {};
  names.forEach((name) => {
    const fn = glue[name];
    wrapped[name] = function () {
      if (!loaded.backend) throw notLoadedError(name);
      let result;
      try {
        result = fn.apply(undefined, arguments);
      } catch (error) {
        if (!isTrap(error, loaded.backend, RuntimeError)) throw error;
        let recovered = true;
        try {
          glue.__wbg_reset_state();
          if (settings) glue.configure(settings);
        } catch (_) {
          recovered = false;
        }
        throw panicError(name, error, recovered);
      }
      if (name === 'configure') settings = JSON.parse(JSON.stringify(result));
      return result;
    };
  });
  return wrapped;
}
