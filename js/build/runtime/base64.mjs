// Base64 → bytes without `atob` or `Buffer`: the bundles inline the .wasm as base64 and must
// decode it in engines that offer only ECMAScript globals (SuiteScript, bare integration engines).
const LOOKUP = new Uint8Array(256);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Decodes standard (padded) base64 text into a Uint8Array. */
export function decodeBase64(text) {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61 /* '=' */) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let j = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n =
      (LOOKUP[text.charCodeAt(i)] << 18) |
      (LOOKUP[text.charCodeAt(i + 1)] << 12) |
      (LOOKUP[text.charCodeAt(i + 2)] << 6) |
      LOOKUP[text.charCodeAt(i + 3)];
    out[j++] = n >> 16;
    out[j++] = (n >> 8) & 255;
    out[j++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n = (LOOKUP[text.charCodeAt(i)] << 18) | (LOOKUP[text.charCodeAt(i + 1)] << 12) |
      (rest === 3 ? LOOKUP[text.charCodeAt(i + 2)] << 6 : 0);
    out[j++] = n >> 16;
    if (rest === 3) out[j++] = (n >> 8) & 255;
  }
  return out;
}
