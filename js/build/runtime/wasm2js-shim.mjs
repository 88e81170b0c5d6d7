// A minimal `WebAssembly` look-alike over the wasm2js build, for engines without WebAssembly.
// It implements exactly what wasm-bindgen's `initSync` uses: `new Module(bytes)` (the bytes are
// not needed: the wasm2js code IS the module) and `new Instance(module, imports)` whose
// `exports` look like the real instance's. Two things wasm2js cannot express are rebuilt here
// (build.mjs rewrote them out of the module before wasm2js, and recorded them in `meta`):
// - the exported externref table (`meta.tableExport`): held in a JS array; the module's
//   table.get/set/grow/size became imports `__vcc_xref.*` operating on the same array;
// - multi-value returns (`meta.multiValue[name] = [types]`): the first value is returned, the
//   rest are read back from exported getters `__vcc_r<i>_<type>`, and the glue gets the array
//   it expects.

export function createWasm2jsWebAssembly(factory) {
  const meta = factory.meta;

  function Module() {
    this.wasm2js = true;
  }

  function Instance(_module, imports) {
    const refs = [];
    for (let i = 0; i < meta.tableInitial; i++) refs.push(null);
    const xref = {
      get: (i) => refs[i],
      set: (i, v) => {
        refs[i] = v;
      },
      grow: (init, delta) => {
        const old = refs.length;
        for (let i = 0; i < delta; i++) refs.push(init);
        return old;
      },
      size: () => refs.length,
    };
    const all = {};
    for (const key of Object.keys(imports)) all[key] = imports[key];
    all.__vcc_xref = xref;
    const raw = factory.instantiate(all);

    const exports = {};
    for (const name of Object.keys(raw)) {
      if (name.indexOf('__vcc_r') === 0) continue;
      const results = meta.multiValue[name];
      exports[name] = results ? multiValue(raw, raw[name], results) : raw[name];
    }
    if (meta.tableExport) {
      exports[meta.tableExport] = {
        get: xref.get,
        set: xref.set,
        grow: (delta, init) => xref.grow(init === undefined ? null : init, delta),
        get length() {
          return refs.length;
        },
      };
    }
    this.exports = exports;
  }

  return { Module, Instance };
}

function multiValue(raw, fn, results) {
  const getters = [];
  for (let i = 1; i < results.length; i++) getters.push(raw[`__vcc_r${i}_${results[i]}`]);
  return function () {
    const out = [fn.apply(null, arguments)];
    for (let i = 0; i < getters.length; i++) out.push(getters[i]());
    return out;
  };
}
