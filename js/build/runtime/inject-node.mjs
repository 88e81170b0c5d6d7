// Injected into the npm package's entries (Node's and the browser's): only `WebAssembly` is
// redirected (both hosts have TextEncoder/TextDecoder), so `node --jitless` (no WebAssembly) can
// use the wasm2js fallback and the browser entry can hand the glue a module compiled asynchronously.
export { WebAssembly } from './webassembly.mjs';
