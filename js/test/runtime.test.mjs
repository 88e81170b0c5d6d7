// Unit tests of the bundles' own runtime pieces (they run where the host offers no decoders).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { decodeZ85, encodeZ85 } from '../build/runtime/z85.mjs';
import { inflateWasm } from '../build/runtime/compressed-wasm.mjs';

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

test('inflateWasm reverses deflate + zero padding + Z85', () => {
  const original = new Uint8Array(crypto.randomBytes(5000)).map((b, i) => (i % 3 ? b : 0));
  const deflated = zlib.deflateRawSync(original, { level: 9 });
  const padded = new Uint8Array(Math.ceil(deflated.length / 4) * 4);
  padded.set(deflated);
  assert.deepEqual(inflateWasm(encodeZ85(padded)), original);
});
