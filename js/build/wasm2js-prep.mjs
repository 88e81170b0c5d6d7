// Text transforms that make wasm-bindgen's module acceptable to wasm2js, and turn wasm2js's
// output into a factory the shim (runtime/wasm2js-shim.mjs) can call. Kept apart from build.mjs
// because they are the fragile part: every rewrite asserts the shape it expects and fails the
// build with a clear message when binaryen or wasm-bindgen change that shape.

/** Fails the build with a message naming the wasm2js step. */
function fail(message) {
  throw new Error(`wasm2js preparation: ${message}`);
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites the text form (binaryen `wasm-dis` output) of the optimised module:
 * 1. wasm2js supports one table; wasm-bindgen adds an externref table next to the funcref one.
 *    Its table.get/set/grow/size become calls to imports `__vcc_xref.{get,set,grow,size}`, and the
 *    table (and its export) go; the shim holds the references in a JS array instead.
 * 2. wasm2js has no multi-value returns; wasm-bindgen's exports return tuples. Each function
 *    returning N>1 values now returns the first, and `tuple.make` becomes a call to a helper that
 *    stashes values 2..N in globals, readable through exported getters `__vcc_r<i>_<type>`.
 * Returns the new text and `meta` (what the shim must rebuild).
 */
export function prepareWat(wat) {
  const lines = wat.split('\n');
  const exportsOfFunc = new Map();
  for (const line of lines) {
    const m = line.match(/^ \(export "([^"]+)" \(func \$(\S+)\)\)$/);
    if (m) exportsOfFunc.set(m[2], [...(exportsOfFunc.get(m[2]) || []), m[1]]);
  }

  let table = null; // { name, initial }
  let tableExport = null;
  const multiValue = {};
  const helpers = new Map(); // signature → result types
  let inMulti = null;
  let lastImport = -1;
  const out = [];
  for (let line of lines) {
    let m = line.match(/^ \(table \$(\S+) (\d+)(?: \d+)? externref\)$/);
    if (m) {
      if (table) fail('more than one externref table; the shim handles one');
      table = { name: m[1], initial: Number(m[2]) };
      continue;
    }
    // biome-ignore lint/suspicious/noAssignInExpressions: match and keep the match in one test
    if (table && (m = line.match(new RegExp(`^ \\(export "([^"]+)" \\(table \\$${escapeRe(table.name)}\\)\\)$`)))) {
      tableExport = m[1];
      continue;
    }
    if (/^ \(func /.test(line)) {
      inMulti = null;
      const r = line.match(/\(result ((?:\w+ )+\w+)\)$/);
      if (r) {
        const types = r[1].split(' ');
        if (!types.every((t) => ['i32', 'i64', 'f32', 'f64'].includes(t))) {
          fail(`multi-value function with non-numeric results (${types}) is not supported: ${line.trim()}`);
        }
        inMulti = types;
        const name = line.match(/^ \(func \$(\S+)/)[1];
        for (const e of exportsOfFunc.get(name) || []) multiValue[e] = types;
        line = line.replace(/\(result [^)]*\)$/, `(result ${types[0]})`);
      }
    }
    if (line.includes('(tuple.make ')) {
      if (!inMulti) fail(`tuple.make outside a multi-value function: ${line.trim()}`);
      const sig = inMulti.join('_');
      helpers.set(sig, inMulti);
      line = line.replace(/\(tuple\.make \d+/, `(call $__vcc_tuple_${sig}`);
    }
    if (table) {
      line = line.replace(
        new RegExp(`\\((table\\.(?:get|set|grow|size|fill|copy|init)) \\$${escapeRe(table.name)}(?=[\\s)]|$)`),
        (_all, op) => {
          const short = op.slice('table.'.length);
          if (!['get', 'set', 'grow', 'size'].includes(short)) fail(`${op} on the externref table is not supported`);
          return `(call $__vcc_xref_${short}`;
        },
      );
    }
    out.push(line);
    if (/^ \(import /.test(line)) lastImport = out.length - 1;
  }
  if (/\btuple\./.test(out.join('\n'))) fail('a tuple instruction is left after rewriting (a new multi-value shape?)');
  if (!table) fail('no externref table found (did wasm-bindgen stop using reference types?)');

  const imports = [
    ` (import "__vcc_xref" "get" (func $__vcc_xref_get (param i32) (result externref)))`,
    ` (import "__vcc_xref" "set" (func $__vcc_xref_set (param i32 externref)))`,
    ` (import "__vcc_xref" "grow" (func $__vcc_xref_grow (param externref i32) (result i32)))`,
    ` (import "__vcc_xref" "size" (func $__vcc_xref_size (result i32)))`,
  ];
  const tail = [];
  const globals = new Map(); // `${i}_${type}` → type
  for (const [sig, types] of helpers) {
    const sets = types
      .slice(1)
      .map((t, i) => `(global.set $__vcc_r${i + 1}_${t} (local.get ${i + 1}))`)
      .join(' ');
    tail.push(` (func $__vcc_tuple_${sig} (param ${types.join(' ')}) (result ${types[0]}) ${sets} (local.get 0))`);
    types.slice(1).forEach((t, i) => globals.set(`${i + 1}_${t}`, t));
  }
  for (const [key, t] of globals) {
    imports.push(` (global $__vcc_r${key} (mut ${t}) (${t}.const 0))`);
    tail.push(` (func $__vcc_get_r${key} (result ${t}) (global.get $__vcc_r${key}))`);
    tail.push(` (export "__vcc_r${key}" (func $__vcc_get_r${key}))`);
  }
  out.splice(lastImport + 1, 0, ...imports);
  let end = out.length - 1;
  while (end > 0 && out[end].trim() === '') end--;
  if (out[end].trim() !== ')') fail('unexpected end of module text');
  out.splice(end, 0, ...tail);
  return { wat: out.join('\n'), meta: { tableExport, tableInitial: table.initial, multiValue } };
}

/**
 * Turns wasm2js's ES module (top-level imports, `asmFunc(imports)` called at load, `export var`s)
 * into `export function instantiate(imports)` + `export const meta`, so nothing runs until the
 * loader decides the fallback is needed, and replaces wasm2js's memory growth:
 * wasm2js grows memory by allocating a new ArrayBuffer of exactly the new size; here the
 * capacity at least doubles (each growth copies the whole memory, so exact steps made large
 * inputs quadratic), the logical page count stays what wasm's memory.size would say, and the
 * old buffer is detached where the engine can (ArrayBuffer.prototype.transfer or
 * structuredClone) to free it at once. The glue's memory views follow the new buffer either
 * way (build.mjs patches its refresh test), so growth works in engines that cannot detach.
 */
export function prepareWasm2jsModule(js, meta) {
  let body = js;
  body = body.replace(/^import \* as \S+ from '[^']+';\n/gm, '');
  const tailAt = body.indexOf('\nvar retasmFunc = asmFunc(');
  if (tailAt < 0) fail('wasm2js output has no `var retasmFunc = asmFunc(` (binaryen changed its output)');
  body = body.slice(0, tailAt);
  if (/^\s*(import|export)\s/m.test(body)) fail('wasm2js output has an import/export left inside the module body');

  const bufferDecl = /\n var buffer = new ArrayBuffer\((\d+)\);\n/;
  const initial = body.match(bufferDecl);
  if (!initial) fail('wasm2js output has no `var buffer = new ArrayBuffer(N);`');
  body = body.replace(bufferDecl, `\n var __vcc_pages = ${Number(initial[1]) / 65536};\n var buffer = new ArrayBuffer(${initial[1]});\n`);

  const growRe =
    / function __wasm_memory_size\(\) \{[\s\S]*?\n \}\n \n function __wasm_memory_grow\(pagesToAdd\) \{[\s\S]*?return oldPages;\n \}\n/;
  if (!growRe.test(body)) fail('wasm2js output has no __wasm_memory_size/__wasm_memory_grow of the expected shape');
  const heaps = [
    'HEAP8:Int8Array',
    'HEAP16:Int16Array',
    'HEAP32:Int32Array',
    'HEAPU8:Uint8Array',
    'HEAPU16:Uint16Array',
    'HEAPU32:Uint32Array',
    'HEAPF32:Float32Array',
    'HEAPF64:Float64Array',
  ];
  for (const h of heaps) if (!body.includes(` var ${h.split(':')[0]} = new ${h.split(':')[1]}(buffer);`)) fail(`wasm2js output lacks ${h}`);
  body = body.replace(
    growRe,
    ` function __wasm_memory_size() {
  return __vcc_pages;
 }

 function __wasm_memory_grow(pagesToAdd) {
  pagesToAdd = pagesToAdd | 0;
  var oldPages = __vcc_pages;
  var newPages = oldPages + pagesToAdd;
  if (pagesToAdd < 0 || newPages > 65535) return -1;
  if (newPages * 65536 > buffer.byteLength) {
   var capacityPages = Math.min(65535, Math.max(newPages, 2 * (buffer.byteLength / 65536)));
   var oldBuffer = buffer;
   var newBuffer;
   try {
    newBuffer = new ArrayBuffer(capacityPages * 65536);
   } catch (e) {
    try {
     newBuffer = new ArrayBuffer(newPages * 65536);
    } catch (e2) {
     return -1;
    }
   }
   new Uint8Array(newBuffer).set(HEAPU8);
${heaps.map((h) => `   ${h.split(':')[0]} = new ${h.split(':')[1]}(newBuffer);`).join('\n')}
   buffer = newBuffer;
   bufferView = HEAPU8;
   if (__vcc_canDetach) __vcc_detach(oldBuffer);
  }
  __vcc_pages = newPages;
  return oldPages;
 }
`,
  );

  return `// Generated by js/build/build.mjs from the optimised module with binaryen's wasm2js.
// The fallback for engines without WebAssembly; see js/build/runtime/wasm2js-shim.mjs.
export const meta = ${JSON.stringify(meta)};

export function instantiate(imports) {
  var __vcc_global = typeof globalThis === 'object' && globalThis ? globalThis : Function('return this')();
  var __vcc_canDetach = typeof ArrayBuffer.prototype.transfer === 'function' || typeof __vcc_global.structuredClone === 'function';
  function __vcc_detach(old) {
    if (typeof old.transfer === 'function') old.transfer(0);
    else __vcc_global.structuredClone(old, { transfer: [old] });
  }
${body}
  return asmFunc(imports);
}
`;
}
