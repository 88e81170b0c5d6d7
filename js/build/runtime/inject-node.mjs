// Injected into the npm package's bundles: only `WebAssembly` is redirected (Node always has
// TextEncoder/TextDecoder), so `node --jitless` (no WebAssembly) can use the wasm2js fallback.
export { WebAssembly } from './webassembly.mjs';
