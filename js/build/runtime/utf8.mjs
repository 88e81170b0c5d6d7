// UTF-8 TextEncoder / TextDecoder for engines without them (they are Web APIs, not ECMAScript).
// Only what wasm-bindgen's glue uses: `new TextDecoder('utf-8', { ignoreBOM, fatal })`,
// `decode(Uint8Array | undefined)`, `new TextEncoder()`, `encode(string)`, `encodeInto(string, view)`.
// The bundles use these only when the host lacks the globals (see inject-dist.mjs).

const CHUNK = 8192; // String.fromCharCode.apply argument count kept well below engine limits

export class Utf8TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    const str = String(input);
    const out = new Uint8Array(str.length * 3);
    const { written } = this.encodeInto(str, out);
    return out.slice(0, written);
  }

  /** Writes as many whole characters as fit into `dest`; returns UTF-16 units read and bytes written. */
  encodeInto(input, dest) {
    const str = String(input);
    const cap = dest.length;
    let read = 0;
    let written = 0;
    while (read < str.length) {
      let cp = str.charCodeAt(read);
      let units = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && read + 1 < str.length) {
        const lo = str.charCodeAt(read + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          units = 2;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate → U+FFFD, as the spec says
      if (cp < 0x80) {
        if (written + 1 > cap) break;
        dest[written++] = cp;
      } else if (cp < 0x800) {
        if (written + 2 > cap) break;
        dest[written++] = 0xc0 | (cp >> 6);
        dest[written++] = 0x80 | (cp & 63);
      } else if (cp < 0x10000) {
        if (written + 3 > cap) break;
        dest[written++] = 0xe0 | (cp >> 12);
        dest[written++] = 0x80 | ((cp >> 6) & 63);
        dest[written++] = 0x80 | (cp & 63);
      } else {
        if (written + 4 > cap) break;
        dest[written++] = 0xf0 | (cp >> 18);
        dest[written++] = 0x80 | ((cp >> 12) & 63);
        dest[written++] = 0x80 | ((cp >> 6) & 63);
        dest[written++] = 0x80 | (cp & 63);
      }
      read += units;
    }
    return { read, written };
  }
}

export class Utf8TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    const name = String(label).trim().toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && name !== 'unicode-1-1-utf-8') {
      throw new RangeError(`TextDecoder polyfill supports only utf-8, not ${label}`);
    }
    this.fatal = Boolean(options && options.fatal);
    this.ignoreBOM = Boolean(options && options.ignoreBOM);
  }

  get encoding() {
    return 'utf-8';
  }

  decode(input, options) {
    if (options && options.stream) throw new TypeError('TextDecoder polyfill: streaming is not supported');
    if (input === undefined || input === null) return '';
    let bytes;
    if (input instanceof Uint8Array) bytes = input;
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else bytes = new Uint8Array(input); // ArrayBuffer
    let i = 0;
    const end = bytes.length;
    if (!this.ignoreBOM && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    const parts = [];
    let units = [];
    const bad = () => {
      if (this.fatal) throw new TypeError('The encoded data was not valid UTF-8');
      units.push(0xfffd);
    };
    while (i < end) {
      const b = bytes[i];
      let cp;
      let need;
      let min;
      if (b < 0x80) {
        units.push(b);
        i++;
      } else {
        if (b >= 0xc2 && b <= 0xdf) {
          need = 1;
          cp = b & 0x1f;
          min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          cp = b & 0x0f;
          min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          cp = b & 0x07;
          min = 0x10000;
        } else {
          bad();
          i++;
          need = 0;
        }
        if (need) {
          let k = 1;
          for (; k <= need; k++) {
            const c = bytes[i + k];
            if (i + k >= end || (c & 0xc0) !== 0x80) break;
            cp = (cp << 6) | (c & 63);
            // Reject overlong/surrogate/out-of-range forms as soon as the second byte shows them.
            if (
              k === 1 &&
              ((need === 2 && cp < 0x20) || (need === 2 && cp >= 0x360 && cp <= 0x37f) || (need === 3 && (cp < 0x10 || cp > 0x10f)))
            )
              break;
          }
          if (k <= need) {
            bad();
            i += k; // maximal subpart replaced by one U+FFFD
          } else if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            bad();
            i += need + 1;
          } else {
            if (cp >= 0x10000) {
              cp -= 0x10000;
              units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
            } else {
              units.push(cp);
            }
            i += need + 1;
          }
        }
      }
      if (units.length >= CHUNK) {
        parts.push(String.fromCharCode.apply(null, units));
        units = [];
      }
    }
    if (units.length) parts.push(String.fromCharCode.apply(null, units));
    return parts.join('');
  }
}
