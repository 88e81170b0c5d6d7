// The .wasm inside the single-file bundles is stored deflated, then as Z85 text: about 37 % of
// its raw size, where plain base64 of the raw module would be 133 %. That is what lets the
// IIFE bundle fit an integration platform's 1 MB code field. fflate's inflate (a few KB
// minified) runs without any host API, like the rest of the runtime; it costs milliseconds
// once, at load.
import { inflateSync } from 'fflate';
import { decodeZ85 } from './z85.mjs';

/**
 * The module's bytes from Z85 text of its raw-deflate stream, padded with zero bytes to a
 * multiple of 4 (inflate stops at the end of the stream, so the padding is never read).
 */
export function inflateWasm(deflatedZ85) {
  return inflateSync(decodeZ85(deflatedZ85));
}
