// Unit tests of the bundles' own runtime pieces (they run where the host offers no decoders).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { decodeZ85, encodeZ85 } from '../build/runtime/z85.mjs';
import { unpackWasm } from '../build/runtime/compressed-wasm.mjs';
import { decodeLzma } from '../build/runtime/lzma.mjs';

// The build's compressor (LZMA-JS, a devDependency): .lzma streams with a 13-byte header.
const lzma = createRequire(import.meta.url)('lzma');
const compress = (bytes, mode) => Uint8Array.from(lzma.compress(bytes, mode), (b) => b & 0xff);

test('Z85: the RFC 32 test vector', () => {
  const bytes = Uint8Array.from([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
  assert.equal(encodeZ85(bytes), 'HelloWorld');
  assert.deepEqual(decodeZ85('HelloWorld'), bytes);
});

test('Z85: random bytes round-trip, and the text needs no escaping in a JS string', () => {
  for (const size of [0, 4, 8, 1024, 65536]) {
    const bytes = new Uint8Array(crypto.randomBytes(size));
    const text = encodeZ85(bytes);
    assert.equal(text.length, size * 1.25);
    assert.doesNotMatch(text, /["'\\`]/);
    assert.deepEqual(decodeZ85(text), bytes);
  }
  assert.throws(() => encodeZ85(new Uint8Array(3)), RangeError);
  assert.throws(() => decodeZ85('abc'), RangeError);
});

test('unpackWasm reverses LZMA (header dropped) + zero padding + Z85', () => {
  const original = new Uint8Array(crypto.randomBytes(5000)).map((b, i) => (i % 3 ? b : 0));
  const stream = compress(original, 9);
  const body = stream.subarray(13);
  const padded = new Uint8Array(Math.ceil(body.length / 4) * 4);
  padded.set(body);
  assert.deepEqual(unpackWasm(encodeZ85(padded), original.length, stream[0]), original);
});

test('LZMA decoder: every mode, long repeats, empty input, and the other literal/position settings', () => {
  // Repeats at many distances and lengths exercise every match and rep path of the decoder.
  const words = ['(local.get 0)', 'i32.const 1048576', 'call $serde_json::de::Deserializer', '\u0000\u0001'];
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += words[(i * 7919) % words.length] + String(i % 977).repeat(1 + (i % 5));
  const samples = [
    new Uint8Array(0),
    Uint8Array.of(7),
    new TextEncoder().encode(text),
    new Uint8Array(70_000).fill(42),
    new Uint8Array(crypto.randomBytes(20_000)),
  ];
  for (const original of samples) {
    for (const mode of [1, 5, 9]) {
      const stream = compress(original, mode);
      assert.deepEqual(decodeLzma(stream.subarray(13), original.length, stream[0]), original, `mode ${mode}, ${original.length} bytes`);
    }
  }
  // A stream with an end marker and other lc/lp/pb, from another encoder (xz 5:
  // `xz --format=raw --lzma1=preset=6,lc=1,lp=2,pb=0` on the bytes 0..9 twice): the decoder
  // reads the properties byte ((pb × 5 + lp) × 9 + lc = 19) rather than assuming the defaults.
  const xz = Uint8Array.of(0, 0, 0, 66, 68, 69, 129, 149, 15, 66, 115, 197, 122, 190, 146, 44, 211, 255, 255, 84, 48, 0, 0);
  const tens = Uint8Array.from({ length: 20 }, (_, i) => i % 10);
  assert.deepEqual(decodeLzma(xz, 20, 19), tens);
  assert.throws(() => decodeLzma(Uint8Array.of(0), 1, 250), RangeError);
});
