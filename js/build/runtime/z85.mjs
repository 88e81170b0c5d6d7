// Z85 (ZeroMQ RFC 32): 4 bytes as 5 characters from an 85-character alphabet with no quote or
// backslash, so the text sits in a JS string literal as is. It is 1.25 characters per byte
// against base64's 1.33: about 55 KB less of the inlined wasm, which the IIFE bundle's 1 MB
// budget needs. Input length must be a multiple of 4 (the encoder pads, the caller trims).
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

/** Bytes (length a multiple of 4) → Z85 text. Used at build time. */
export function encodeZ85(bytes) {
  if (bytes.length % 4 !== 0) throw new RangeError('Z85 encodes whole 4-byte groups');
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let value = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    let group = '';
    for (let k = 0; k < 5; k++) {
      group = ALPHABET[value % 85] + group;
      value = Math.floor(value / 85);
    }
    out += group;
  }
  return out;
}

/** Z85 text → bytes, without any host API (the bundles run where `atob` is missing). */
export function decodeZ85(text) {
  if (text.length % 5 !== 0) throw new RangeError('Z85 text comes in whole 5-character groups');
  const lookup = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const out = new Uint8Array((text.length / 5) * 4);
  let j = 0;
  for (let i = 0; i < text.length; i += 5) {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + lookup[text.charCodeAt(i + k) & 127];
    out[j++] = (value >>> 24) & 255;
    out[j++] = (value >>> 16) & 255;
    out[j++] = (value >>> 8) & 255;
    out[j++] = value & 255;
  }
  return out;
}
