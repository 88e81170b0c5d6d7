// Size attribution (not a test): how many bytes of the release wasm's code section each crate
// accounts for, from the function names in the module's `name` section (the release build keeps
// it; wasm-opt strips it later). Run after `cargo build --release --target wasm32-unknown-unknown`.
//   node js/bench/wasm-size-by-crate.mjs [path/to/module.wasm]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from '../lib/options.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { positionals } = scriptOptions({}, { positionals: true, usage: 'node js/bench/wasm-size-by-crate.mjs [file.wasm]' });
const file = positionals[0] ?? path.join(repo, 'target/wasm32-unknown-unknown/release/vendor_central_connector.wasm');
const bytes = fs.readFileSync(file);

let offset = 8; // magic + version
const leb = () => {
  let result = 0,
    shift = 0,
    byte;
  do {
    byte = bytes[offset++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = leb();
  const end = offset + size;
  if (id === 2) {
    // imports: count function imports, they precede defined functions in the index space
    for (let n = leb(); n > 0; n--) {
      offset += leb();
      offset += leb(); // module, field
      const kind = bytes[offset++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        offset++;
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 2) {
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 3) {
        offset += 2;
      }
    }
  } else if (id === 10) {
    // code
    for (let n = leb(); n > 0; n--) {
      const body = leb();
      bodySizes.push(body);
      offset += body;
    }
  } else if (id === 0) {
    // custom: look for "name"
    const nameLen = leb();
    const sectionName = bytes.subarray(offset, offset + nameLen).toString();
    offset += nameLen;
    if (sectionName === 'name') {
      while (offset < end) {
        const sub = bytes[offset++];
        const subSize = leb();
        const subEnd = offset + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const len = leb();
            names.set(index, bytes.subarray(offset, offset + len).toString());
            offset += len;
          }
        }
        offset = subEnd;
      }
    }
  }
  offset = end;
}
if (!names.size) throw new Error(`${file} has no name section (was it stripped?)`);

/** The crate a (possibly demangled or generic) function name belongs to. */
function crateOf(name) {
  const candidates = [
    'vendor_central_connector',
    'serde_json',
    'serde_path_to_error',
    'serde',
    'rust_decimal',
    'chrono',
    'wasm_bindgen',
    'js_sys',
    'tsify',
    'core',
    'alloc',
    'std',
    'dlmalloc',
    'compiler_builtins',
    'itoa',
    'ryu',
    'memchr',
  ];
  // Generic instantiations are named after the caller's crate too; take the first crate named.
  let best = null,
    at = Infinity;
  for (const c of candidates) {
    const i = name.indexOf(c);
    if (i >= 0 && i < at) {
      best = c;
      at = i;
    }
  }
  return best ?? 'other';
}
const byCrate = new Map();
let total = 0;
bodySizes.forEach((size, i) => {
  const crate = crateOf(names.get(i + importedFunctions) ?? '');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  total += size;
});
console.log(`${path.relative(repo, file)}: ${bytes.length} bytes, code section ${total} bytes in ${bodySizes.length} functions`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1])) {
  console.log(`${crate.padEnd(28)} ${String(size).padStart(9)}  ${((100 * size) / total).toFixed(1).padStart(5)} %`);
}
