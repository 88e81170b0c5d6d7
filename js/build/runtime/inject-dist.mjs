// Injected into the single-file bundles (esbuild `inject`): the glue's free identifiers
// `TextEncoder`, `TextDecoder` and `WebAssembly` resolve to these exports. The host's own
// TextEncoder/TextDecoder are used when present; the polyfills only when they are missing.
// Nothing is written to the host's global object.
import { G } from './global.mjs';
import { Utf8TextDecoder, Utf8TextEncoder } from './utf8.mjs';

export { WebAssembly } from './webassembly.mjs';
export const TextEncoder = typeof G.TextEncoder === 'function' ? G.TextEncoder : Utf8TextEncoder;
export const TextDecoder = typeof G.TextDecoder === 'function' ? G.TextDecoder : Utf8TextDecoder;
