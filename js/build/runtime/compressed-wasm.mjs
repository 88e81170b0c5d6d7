// The .wasm inside the single-file bundles is stored as an LZMA stream, then as Z85 text: about
// 30 % of its raw size, where plain base64 of the raw module would be 133 % (and the previous
// deflate, 42 %). That is what lets the IIFE bundle fit an integration platform's code field
// with room to grow. The decoder (runtime/lzma.mjs, about 2 KB minified) runs without any host
// API, like the rest of the runtime; it costs tens of milliseconds once, at load.
import { decodeLzma } from './lzma.mjs';
import { decodeZ85 } from './z85.mjs';

/**
 * The module's bytes from Z85 text of its raw LZMA stream (padded with zero bytes to a multiple
 * of 4; the decoder stops at `size` bytes, so the padding is never used), `props` being the
 * stream's LZMA properties byte.
 */
export function unpackWasm(z85, size, props) {
  return decodeLzma(decodeZ85(z85), size, props);
}
