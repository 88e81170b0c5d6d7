// An LZMA decoder (the LZMA1 algorithm of 7-Zip and xz, as specified by Igor Pavlov's
// LzmaSpec.cpp), written for the single-file bundles: the inlined .wasm is stored as an LZMA
// stream, about 30 % smaller than zlib's best deflate of the same bytes (the IIFE's budget is
// what needs it). It runs without any host API, like the rest of the runtime, and decodes
// straight into the output buffer, whose size the build records: that buffer is the
// dictionary, so no window is allocated and no end marker is needed.

/**
 * Decodes a raw LZMA stream (no header) into `size` bytes.
 * @param {Uint8Array} input  the range-coded stream
 * @param {number} size       the decoded size
 * @param {number} props      the properties byte: (pb * 5 + lp) * 9 + lc
 * @returns {Uint8Array}
 */
export function decodeLzma(input, size, props) {
  const lc = props % 9;
  const lp = Math.floor(props / 9) % 5;
  const pb = Math.floor(props / 45);
  if (pb > 4) throw new RangeError('LZMA: bad properties byte');
  const out = new Uint8Array(size);

  // Every probability in one array: offsets of each model.
  const IS_MATCH = 0;
  const IS_REP = IS_MATCH + 192;
  const IS_REP_G0 = IS_REP + 12;
  const IS_REP_G1 = IS_REP_G0 + 12;
  const IS_REP_G2 = IS_REP_G1 + 12;
  const IS_REP0_LONG = IS_REP_G2 + 12;
  const POS_SLOT = IS_REP0_LONG + 192; // 4 trees of 6 bits
  const SPEC_POS = POS_SLOT + 256; // 1 + 128 - 14
  const ALIGN = SPEC_POS + 115; // 4 bits
  const LEN = ALIGN + 16; // choice, choice2, low 16×8, mid 16×8, high 256
  const REP_LEN = LEN + 514;
  const LITERAL = REP_LEN + 514;
  const probs = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);

  let pos = 5; // byte 0 of the stream is always 0
  let range = 0xffffffff;
  let code = ((input[1] << 24) | (input[2] << 16) | (input[3] << 8) | input[4]) >>> 0;
  // `range` and `code` are kept as non-negative numbers below 2^32 (code < range always).
  const bit = (i) => {
    const p = probs[i];
    const bound = (range >>> 11) * p;
    let b;
    if (code < bound) {
      range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[i] = p - (p >>> 5);
      b = 1;
    }
    if (range < 16777216) {
      range *= 256;
      code = code * 256 + (input[pos++] | 0);
    }
    return b;
  };
  const tree = (base, bits) => {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | bit(base + m);
    return m - (1 << bits);
  };
  const reverse = (base, bits) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  };
  const length = (base, posState) => {
    if (!bit(base)) return tree(base + 2 + posState * 8, 3);
    if (!bit(base + 1)) return 8 + tree(base + 130 + posState * 8, 3);
    return 16 + tree(base + 258, 8);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let n = 0;
  while (n < size) {
    const posState = n & pbMask;
    if (!bit(IS_MATCH + (state << 4) + posState)) {
      const prev = n > 0 ? out[n - 1] : 0;
      const base = LITERAL + 0x300 * (((n & lpMask) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[n - rep0 - 1];
        while (symbol < 0x100) {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        }
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(base + symbol);
      out[n++] = symbol & 0xff;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (!bit(IS_REP + state)) {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(LEN, posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(POS_SLOT + Math.min(len, 3) * 64, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const direct = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) * 2 ** direct;
        if (slot < 14) {
          dist += reverse(SPEC_POS + dist - slot, direct);
        } else {
          let high = 0;
          for (let i = direct - 4; i > 0; i--) {
            range = range >>> 1;
            let b = 0;
            if (code >= range) {
              code -= range;
              b = 1;
            }
            high = high * 2 + b;
            if (range < 16777216) {
              range *= 256;
              code = code * 256 + (input[pos++] | 0);
            }
          }
          dist += high * 16 + reverse(ALIGN, 4);
        }
        rep0 = dist;
      }
      if (rep0 === 0xffffffff) break; // end marker
    } else {
      if (!bit(IS_REP_G0 + state)) {
        if (!bit(IS_REP0_LONG + (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          out[n] = out[n - rep0 - 1];
          n++;
          continue;
        }
      } else {
        let dist;
        if (!bit(IS_REP_G1 + state)) {
          dist = rep1;
        } else {
          if (!bit(IS_REP_G2 + state)) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    }
    if (rep0 >= n) throw new RangeError('LZMA: distance beyond the data');
    for (let k = len + 2; k > 0 && n < size; k--, n++) out[n] = out[n - rep0 - 1];
  }
  if (n !== size) throw new RangeError('LZMA: stream ended early');
  return out;
}
