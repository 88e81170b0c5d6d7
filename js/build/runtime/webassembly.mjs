// The `WebAssembly` the wasm-bindgen glue sees. esbuild's `inject` replaces the glue's free
// `WebAssembly` identifier with this export, so the glue runs UNCHANGED on either backend: the
// loader selects the real WebAssembly or the wasm2js shim before calling `initSync`, and the
// glue's `new WebAssembly.Module(bytes)` / `new WebAssembly.Instance(module, imports)` are
// forwarded to it (a constructor returning an object yields that object).
let selected = null;

export function selectWebAssembly(api) {
  selected = api;
}

function current() {
  if (!selected) throw new Error('vendor-central-connector: no WebAssembly backend selected (loader bug)');
  return selected;
}

// The browser entry compiles asynchronously and hands the glue a compiled module, which the
// glue (not knowing this stand-in) passes to `new WebAssembly.Module` again: used as it is.
function Module(bytes) {
  const api = current();
  return bytes instanceof api.Module ? bytes : new api.Module(bytes);
}

function Instance(module, imports) {
  return new (current().Instance)(module, imports);
}

export const WebAssembly = { Module, Instance };
