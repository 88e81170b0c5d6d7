#!/usr/bin/env node
// Builds the shipped artefacts from the Rust crate:
//   pkg/   the npm package (ESM + CommonJS + .d.ts + .wasm, wasm2js fallback for `node --jitless`)
//   dist/  single-file bundles with the wasm inlined (deflated): IIFE for integration platforms
//          and ESM for browsers (wasm only), AMD for SuiteScript (wasm + wasm2js fallback), the
//          wasm2js-only IIFE for engines without WebAssembly; plus the .wasm, the wasm2js module
//          and size-report.json.
//
// Usage (from the repository root, or `cd js && npm run build`):
//   node js/build/build.mjs [--measure-opt-level] [--force]
//     --measure-opt-level  also build with opt-level "z" (separate CARGO_TARGET_DIR) and report s vs z
//     --force              ignore the step cache
//
// Intermediate files go to $CARGO_TARGET_DIR/vcc-build (default target/vcc-build). Each expensive
// step records a hash of its inputs there and is skipped when they have not changed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { prepareWasm2jsModule, prepareWat } from './wasm2js-prep.mjs';
import { assembleNodeAdapter } from './node-adapter.mjs';
import { assembleNetSuite, NETSUITE_TEMPLATE } from './netsuite.mjs';
import { buildExceptionsPage, buildWebForm } from './web.mjs';
import { encodeZ85 } from './runtime/z85.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const jsDir = path.resolve(here, '..');
const repoRoot = path.resolve(jsDir, '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR) : path.join(repoRoot, 'target');
const stageDir = path.join(targetDir, 'vcc-build');
const pkgDir = path.join(repoRoot, 'pkg');
const distDir = path.join(repoRoot, 'dist');
const templateDir = path.join(repoRoot, 'pkg-template');
const runtimeDir = path.join(here, 'runtime');
const bin = (name) => path.join(jsDir, 'node_modules', '.bin', name);

const CRATE_FILE = 'vendor_central_connector'; // cargo's artefact name (lib name)
const BASENAME = 'vendor-central-connector'; // name of every shipped file
const GLOBAL_NAME = 'VendorCentralConnector'; // IIFE global / AMD module value
// Glue exports that are wasm-bindgen internals, not the library's API. Every other function the
// glue exports is public and flows into pkg/ and dist/ without touching this file.
const GLUE_INTERNALS = new Set(['initSync', 'default', '__wbg_reset_state']);

// Old embedded engines (SuiteScript 2.1's, integration platforms') parse ES2019 reliably.
const ES_TARGET = 'es2019';

let args;
try {
  ({ values: args } = parseArgs({
    options: { 'measure-opt-level': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
    strict: true,
  }));
} catch (err) {
  die(`${err.message} (usage: node js/build/build.mjs [--measure-opt-level] [--force])`);
}
const force = args.force;

function die(message) {
  console.error(`\nbuild failed: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`[build] ${message}`);
}

/** Runs a command, streaming its output; any failure stops the build with the command shown. */
function run(cmd, argv, opts = {}) {
  const res = spawnSync(cmd, argv, { stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8', ...opts });
  if (res.error) die(`could not run ${cmd}: ${res.error.message}${res.error.code === 'ENOENT' ? ' (not installed / not on PATH?)' : ''}`);
  if (res.status !== 0) {
    die(`${cmd} ${argv.join(' ')} exited with ${res.status}${opts.capture ? `\n${res.stdout}${res.stderr}` : ''}`);
  }
  return res;
}

const sha = (...parts) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' || Buffer.isBuffer(p) ? p : JSON.stringify(p)).update('\0');
  return h.digest('hex');
};
const fileHash = (file) => sha(fs.readFileSync(file));

/**
 * Runs `fn` unless the stamp for `name` matches the hash of `inputs` and every output exists:
 * the wasm-opt/wasm2js steps take tens of seconds and most builds change nothing they read.
 */
function cached(name, inputs, outputs, fn) {
  const stamp = path.join(stageDir, `${name}.stamp`);
  const key = sha(...inputs);
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key && outputs.every((o) => fs.existsSync(o))) {
    log(`${name}: unchanged, skipped`);
    return false;
  }
  fs.rmSync(stamp, { force: true });
  fn();
  fs.writeFileSync(stamp, key);
  return true;
}

/** `cached` for a step that awaits. */
async function cachedAsync(name, inputs, outputs, fn) {
  const stamp = path.join(stageDir, `${name}.stamp`);
  const key = sha(...inputs);
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key && outputs.every((o) => fs.existsSync(o))) {
    log(`${name}: unchanged, skipped`);
    return;
  }
  fs.rmSync(stamp, { force: true });
  await fn();
  fs.writeFileSync(stamp, key);
}

// Cache keys hold what each step reads: its input's hash, the tool's version and the step's own
// arguments (not this whole script, so editing the bundling below does not redo minutes of
// wasm-opt/wasm2js). Tool versions take part: a different binaryen must redo its steps.
// --experimental-reset-state-function: `__wbg_reset_state`, with which runtime/recover.mjs
// replaces an instance that trapped (a panic) by a fresh one.
const BINDGEN_ARGS = ['--target', 'web', '--omit-default-module-path', '--experimental-reset-state-function'];
const WASM_OPT_ARGS = ['-Oz', '--strip-debug', '--strip-producers', '--strip-target-features'];
const WASM2JS_LOWERING_ARGS = ['--llvm-memory-copy-fill-lowering', '--signext-lowering', '--llvm-nontrapping-fptoint-lowering', '-Oz'];
const WASM2JS_ARGS = ['-Os'];
const wasm2jsPrepHash = fileHash(path.join(here, 'wasm2js-prep.mjs'));

fs.mkdirSync(stageDir, { recursive: true });

// ---------------------------------------------------------------------------------------------
// 1. Compile the crate to wasm32. Cargo has its own up-to-date check, so it always runs.
// ---------------------------------------------------------------------------------------------
function cargoBuild(env = {}, dir = targetDir) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown'], {
    cwd: repoRoot,
    env: { ...process.env, CARGO_TARGET_DIR: dir, ...env },
  });
  const wasm = path.join(dir, 'wasm32-unknown-unknown', 'release', `${CRATE_FILE}.wasm`);
  if (!fs.existsSync(wasm)) die(`cargo succeeded but ${wasm} is missing`);
  return wasm;
}
log('cargo build --release --target wasm32-unknown-unknown');
const cargoWasm = cargoBuild();

// ---------------------------------------------------------------------------------------------
// 2. wasm-bindgen: the JS glue, the .d.ts (tsify's types from the Rust structs) and _bg.wasm.
//    `--target web` gives an ES module with `initSync`, which every host shape can call
//    synchronously; `--omit-default-module-path` drops its `new URL(..., import.meta.url)`,
//    which would not survive bundling and is never used (we always pass the bytes).
// ---------------------------------------------------------------------------------------------
const cargoToml = fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
const crateVersion = cargoToml.match(/^\[package\][\s\S]*?^version\s*=\s*"([^"]+)"/m)?.[1] || die('no package version in Cargo.toml');
const pinnedBindgen = cargoToml.match(/^wasm-bindgen\s*=\s*"=([^"]+)"/m)?.[1] || die('Cargo.toml must pin wasm-bindgen exactly ("=x.y.z")');
const cliBindgen = run('wasm-bindgen', ['--version'], { capture: true }).stdout.trim().split(/\s+/)[1];
// The CLI and the crate share a private ABI: a mismatch produces glue that fails at runtime.
if (cliBindgen !== pinnedBindgen)
  die(
    `wasm-bindgen CLI is ${cliBindgen} but Cargo.toml pins =${pinnedBindgen}; install: cargo install wasm-bindgen-cli --version ${pinnedBindgen} --locked`,
  );

const bindgenDir = path.join(stageDir, 'bindgen');
const glueJs = path.join(bindgenDir, `${CRATE_FILE}.js`);
const glueDts = path.join(bindgenDir, `${CRATE_FILE}.d.ts`);
const bgWasm = path.join(bindgenDir, `${CRATE_FILE}_bg.wasm`);
// One edit to the glue: its cached views of the memory are refreshed when the memory's buffer
// is a different object, not only when the old one was detached (the test wasm-bindgen already
// uses for its DataView). Real wasm memory behaves the same either way; the wasm2js memory can
// then grow on engines that cannot detach an ArrayBuffer (SuiteScript's), instead of being
// limited to a buffer reserved up front.
const GLUE_VIEW_REFRESH = /(cached\w+Memory0)\.byteLength === 0/g;
function refreshViewsOnNewBuffer(text) {
  const patched = text.replace(GLUE_VIEW_REFRESH, '$1.buffer !== wasm.memory.buffer');
  if (patched === text || !/cachedUint8ArrayMemory0\.buffer !== wasm\.memory\.buffer/.test(patched)) {
    die('wasm-bindgen glue: no `cachedUint8ArrayMemory0.byteLength === 0` check to patch (wasm-bindgen changed its output)');
  }
  return patched;
}
// A second edit: the glue copies a string into wasm memory with a JavaScript loop, one
// character at a time, as long as the characters are ASCII, and only then calls the engine's
// `TextEncoder.encodeInto`. Profiled under Node, that loop was 8 % of a `reconcileJson` call on
// 16 MB of JSON (every input crosses this way, the object API's `JSON.stringify` text too).
// The edit hands the whole string to `encodeInto` at once; it writes the longest prefix that
// fits the ASCII-sized buffer, and the glue's own slow path finishes any non-ASCII remainder.
const GLUE_ASCII_LOOP =
  /let offset = 0;\s*for \(; offset < len; offset\+\+\) \{[\s\S]*?\n {4}\}\n {4}if \(offset !== len\) \{\n {8}if \(offset !== 0\) \{\n {12}arg = arg\.slice\(offset\);\n {8}\}\n/;
function encodeStringsNatively(text) {
  const patched = text.replace(
    GLUE_ASCII_LOOP,
    [
      'const head = cachedTextEncoder.encodeInto(arg, mem.subarray(ptr, ptr + len));',
      '    let offset = head.written;',
      '    if (head.read !== len) {',
      '        arg = arg.slice(head.read);',
      '',
    ].join('\n'),
  );
  if (patched === text) die('wasm-bindgen glue: no ASCII copy loop in passStringToWasm0 to patch (wasm-bindgen changed its output)');
  return patched;
}
const patchGlue = (text) => encodeStringsNatively(refreshViewsOnNewBuffer(text));
cached(
  'wasm-bindgen',
  [
    fileHash(cargoWasm),
    cliBindgen,
    ...BINDGEN_ARGS,
    String(refreshViewsOnNewBuffer),
    String(encodeStringsNatively),
    GLUE_ASCII_LOOP.source,
  ],
  [glueJs, glueDts, bgWasm],
  () => {
    log(`wasm-bindgen ${BINDGEN_ARGS.join(' ')}`);
    fs.rmSync(bindgenDir, { recursive: true, force: true });
    run('wasm-bindgen', [...BINDGEN_ARGS, '--out-dir', bindgenDir, cargoWasm]);
    fs.writeFileSync(glueJs, patchGlue(fs.readFileSync(glueJs, 'utf8')));
  },
);

// The features the module really uses, from its target_features section (written by rustc,
// kept by wasm-bindgen). Passed explicitly to binaryen from here on, because the optimised
// module has that section stripped, and `--all-features` would both write every feature into
// the output and make the lowering passes refuse to run.
const binaryenVersion = run(bin('wasm-opt'), ['--version'], { capture: true }).stdout.trim();
const features = run(bin('wasm-opt'), [bgWasm, '--print-features', '-o', os_null()], { capture: true })
  .stdout.split('\n')
  .map((s) => s.trim())
  .filter(Boolean);
function os_null() {
  return process.platform === 'win32' ? 'NUL' : '/dev/null';
}

// ---------------------------------------------------------------------------------------------
// 3. wasm-opt -Oz: the size of the .wasm is what ships (base64 in every bundle). Debug info,
//    producers and target_features sections are of no use to a host.
// ---------------------------------------------------------------------------------------------
const optWasm = path.join(stageDir, `${BASENAME}.wasm`);
function wasmOpt(input, output) {
  run(bin('wasm-opt'), [input, ...features, ...WASM_OPT_ARGS, '-o', output]);
}
cached('wasm-opt', [fileHash(bgWasm), binaryenVersion, features, ...WASM_OPT_ARGS], [optWasm], () => {
  log(`wasm-opt ${WASM_OPT_ARGS.join(' ')}`);
  wasmOpt(bgWasm, optWasm);
});

// ---------------------------------------------------------------------------------------------
// 4. wasm2js fallback of the SAME optimised module, for engines without WebAssembly.
//    wasm2js cannot express: the second (externref) table, multi-value returns, bulk memory,
//    sign-extension and non-trapping float-to-int ops. The first two are rewritten in the text
//    form (wasm2js-prep.mjs; the shim rebuilds them in JS), the rest lowered by wasm-opt passes.
//    wasm2js runs at -Os: its -Oz pipeline fails validation on this module (binaryen 132).
// ---------------------------------------------------------------------------------------------
/** The wasm2js module of `wasm` (an optimised .wasm), built in `dir` (cached). */
function wasm2jsOf(wasm, dir, name) {
  const out = path.join(dir, `${BASENAME}.wasm2js.mjs`);
  cached(name, [fileHash(wasm), binaryenVersion, features, wasm2jsPrepHash, ...WASM2JS_LOWERING_ARGS, ...WASM2JS_ARGS], [out], () => {
    log(`${name} (rewrite externref table + multi-value, lower, translate)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const wat = path.join(dir, 'opt.wat');
    run(bin('wasm-dis'), [wasm, ...features, '-o', wat]);
    const prepared = prepareWat(fs.readFileSync(wat, 'utf8'));
    fs.writeFileSync(path.join(dir, 'prepared.wat'), prepared.wat);
    const lowered = path.join(dir, 'lowered.wasm');
    run(bin('wasm-opt'), [path.join(dir, 'prepared.wat'), ...features, ...WASM2JS_LOWERING_ARGS, '-o', lowered]);
    const raw = path.join(dir, 'raw.mjs');
    run(bin('wasm2js'), [lowered, ...features, ...WASM2JS_ARGS, '-o', raw]);
    fs.writeFileSync(out, prepareWasm2jsModule(fs.readFileSync(raw, 'utf8'), prepared.meta));
  });
  return out;
}
const w2jModule = wasm2jsOf(optWasm, path.join(stageDir, 'wasm2js'), 'wasm2js');

// ---------------------------------------------------------------------------------------------
// Public API: read from the glue's own exports, so new #[wasm_bindgen] functions need no edit here.
// ---------------------------------------------------------------------------------------------
const glueText = fs.readFileSync(glueJs, 'utf8');
const publicFunctions = [...glueText.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).filter((n) => !GLUE_INTERNALS.has(n));
for (const m of glueText.matchAll(/^export \{([^}]*)\}/gm)) {
  for (const spec of m[1].split(',')) {
    const name = spec
      .trim()
      .split(/\s+as\s+/)
      .pop();
    if (name && !GLUE_INTERNALS.has(name)) publicFunctions.push(name);
  }
}
if (!publicFunctions.length) die('the wasm-bindgen glue exports no public function');
for (const n of ['initSync', '__wbg_reset_state']) if (!new RegExp(`\\b${n}\\b`).test(glueText)) die(`the glue has no ${n}`);
log(`public functions: ${publicFunctions.join(', ')}`);

// ---------------------------------------------------------------------------------------------
// 4b. Per-flow modules: the same compiled crate with only one flow's exports, so a host that
//    calls one flow loads only its code (the ASN web form: shipment; a NetSuite script: the flow
//    it calls). One compile serves every flow: the exports of the other flows are removed from
//    the module and wasm-opt's dead-code elimination drops whatever only they reached, before
//    the usual -Oz. Each flow is a list of the boundary's files (src/wasm/<file>.rs); the
//    exports of src/wasm/mod.rs (version, configure) are in every flow, and a boundary file no
//    flow names (a new engine) is in the full build only, until it is named here.
// ---------------------------------------------------------------------------------------------
const FLOWS = {
  ack: ['ack'], // acknowledgements and approval
  shipment: ['shipment'], // build + validate the ASN, SSCC
  invoice: ['invoice'], // invoices and reconciliation
  df: ['df_ack', 'df', 'inventory_feed'], // Direct Fulfillment: acknowledgements, orders to invoices, inventory
  fba: ['fba'], // Multi-Channel Fulfillment through FBA
  'sales-order': ['sales_order'], // sales orders and PO diffs
  exceptions: ['exceptions_report', 'chargebacks', 'scorecard'], // the exceptions page: report, chargebacks, scorecard
};
const boundaryDir = path.join(repoRoot, 'src', 'wasm');
const exportsOfFile = Object.fromEntries(
  fs
    .readdirSync(boundaryDir)
    .filter((f) => f.endsWith('.rs') && f !== 'mod.rs')
    .map((f) => {
      const text = fs.readFileSync(path.join(boundaryDir, f), 'utf8');
      return [f.slice(0, -3), [...text.matchAll(/js_name\s*=\s*"?(\w+)/g)].map((m) => m[1]).filter((n) => publicFunctions.includes(n))];
    }),
);
for (const [flow, files] of Object.entries(FLOWS)) {
  for (const f of files) if (!exportsOfFile[f]?.length) die(`flow ${flow}: src/wasm/${f}.rs has no exported function`);
}
const engineFunctions = new Set(Object.values(exportsOfFile).flat());
const sharedFunctions = publicFunctions.filter((n) => !engineFunctions.has(n));
let binaryen = null;
/** The optimised module, glue and wasm2js of one flow (each step cached). */
async function flowBuild(flow) {
  const dir = path.join(stageDir, 'flows', flow);
  fs.mkdirSync(dir, { recursive: true });
  const keep = new Set([...sharedFunctions, ...FLOWS[flow].flatMap((f) => exportsOfFile[f])]);
  const drop = publicFunctions.filter((n) => !keep.has(n));
  const wasm = path.join(dir, `${BASENAME}.wasm`);
  await cachedAsync(`flow-${flow}-wasm-opt`, [fileHash(bgWasm), binaryenVersion, features, ...WASM_OPT_ARGS, drop], [wasm], async () => {
    log(`flow ${flow}: remove ${drop.length} exports, wasm-opt ${WASM_OPT_ARGS.join(' ')}`);
    binaryen ??= (await import(pathToFileURL(path.join(jsDir, 'node_modules', 'binaryen', 'index.js')).href)).default;
    const module = binaryen.readBinary(fs.readFileSync(bgWasm));
    for (const name of drop) {
      if (!module.getExport(name)) die(`flow ${flow}: the module has no export ${name}`);
      module.removeExport(name);
    }
    const pruned = path.join(dir, 'pruned.wasm');
    fs.writeFileSync(pruned, module.emitBinary());
    module.dispose();
    wasmOpt(pruned, wasm);
  });
  return {
    glue: glueJs,
    functions: publicFunctions.filter((n) => keep.has(n)),
    wasm,
    wasm2js: wasm2jsOf(wasm, path.join(dir, 'wasm2js'), `flow-${flow}-wasm2js`),
  };
}

// ---------------------------------------------------------------------------------------------
// 5 + 6. Bundle with esbuild. One generated entry per output shape: it imports the glue, runs
//    the loader at load, re-exports the public functions plus `backend` and `instantiationMs`.
//    esbuild `inject` points the glue's free `WebAssembly` (and, in dist, `TextEncoder`/
//    `TextDecoder`) at runtime/*, leaving the glue itself unchanged.
//    The same functions build the published artefacts (pkg/, dist/) and the test-only build
//    (below), which differ only in the glue they import.
// ---------------------------------------------------------------------------------------------
const esbuild = await import(pathToFileURL(path.join(jsDir, 'node_modules', 'esbuild', 'lib', 'main.js')).href).catch((e) =>
  die(`esbuild is not installed (cd js && npm ci): ${e.message}`),
);
// LZMA-JS (CommonJS): the compressor of the inlined .wasm (packWasm, below).
const lzmaPackage = path.join(jsDir, 'node_modules', 'lzma');
if (!fs.existsSync(path.join(lzmaPackage, 'package.json'))) die('lzma is not installed (cd js && npm ci)');
const lzma = createRequire(import.meta.url)(lzmaPackage);
const lzmaVersion = JSON.parse(fs.readFileSync(path.join(lzmaPackage, 'package.json'), 'utf8')).version;
// Mode 9: a 32 MiB dictionary (larger than the module) and the longest match search.
const LZMA_MODE = 9;
const rel = (from, to) => {
  const r = path.relative(from, to).split(path.sep).join('/');
  return r.startsWith('.') ? r : `./${r}`;
};

// pkg: the .wasm beside the entry; the wasm2js fallback required only when needed.
const PKG_WASM = `${BASENAME}.wasm`;
const PKG_W2J = `${BASENAME}.wasm2js.cjs`;
const PKG_BROWSER = 'browser.mjs';
// `vendor-central-connector/init`: the browser entry without top-level await, for toolchains that
// cannot bundle it (a build target below ES2022, Angular's Zone.js): `await init()` once, then call.
const PKG_INIT = 'init.mjs';
const PKG_INIT_NODE = 'init.node.mjs';
// Said when a Node entry cannot read the .wasm: the usual cause is a bundler for the browser
// that picked the Node entry (node:fs replaced by an empty stub).
const NODE_READ_HINT =
  "This is the package's Node.js entry, which reads the file with node:fs; " +
  'a bundle for the browser must resolve the package\'s "browser" export instead (package.json "exports")';

/**
 * What the packaging works from: one compiled module (a build of the crate). The published
 * artefacts and the test-only build differ only here; so would a build of a subset of the flows.
 * @typedef {object} ModuleBuild
 * @property {string} glue         the wasm-bindgen glue (ES module)
 * @property {string[]} functions  the public functions it exports (each guarded)
 * @property {string} wasm         the optimised .wasm
 * @property {string} wasm2js      the wasm2js module of the same .wasm
 */

/**
 * The .wasm as the single-file bundles inline it (runtime/compressed-wasm.mjs): an LZMA stream
 * (LZMA-JS at its strongest mode, the 7-Zip SDK's encoder: deterministic, pure JavaScript),
 * without its 13-byte header (properties byte, dictionary size, length), padded with zero bytes
 * to whole 4-byte groups and written as Z85 text. Compressing 2 MB takes about half a minute,
 * so the result is cached beside the module, keyed by its hash.
 * Measured on the whole library (2,223,254 B of wasm): LZMA 542,351 B, zlib's best deflate
 * 782,854 B, Zopfli's 739,905 B.
 * @param {string} wasm  the optimised .wasm
 * @returns {{z85: string, size: number, props: number}}
 */
function packWasm(wasm) {
  const bytes = fs.readFileSync(wasm);
  const key = sha(bytes, LZMA_MODE, lzmaVersion);
  const cache = `${wasm}.lzma.json`;
  if (fs.existsSync(cache)) {
    const hit = JSON.parse(fs.readFileSync(cache, 'utf8'));
    if (hit.key === key) return hit;
  }
  log(`lzma (mode ${LZMA_MODE}): ${path.relative(repoRoot, wasm)}`);
  const stream = Uint8Array.from(lzma.compress(bytes, LZMA_MODE), (b) => b & 0xff);
  // .lzma header: properties byte, dictionary size (4 bytes LE), decoded size (8 bytes LE).
  const size = stream[5] + stream[6] * 2 ** 8 + stream[7] * 2 ** 16 + stream[8] * 2 ** 24;
  if (size !== bytes.length) die(`lzma: the stream's header says ${size} bytes, the module has ${bytes.length}`);
  const body = stream.subarray(13);
  const padded = new Uint8Array(Math.ceil(body.length / 4) * 4);
  padded.set(body);
  const packed = { key, z85: encodeZ85(padded), size, props: stream[0] };
  fs.writeFileSync(cache, JSON.stringify(packed));
  return packed;
}

/**
 * Writes one entry module per output shape into `dir`, each importing the build's glue and
 * guarding its functions (runtime/recover.mjs: a trap becomes an INTERNAL_PANIC error for that
 * call and a fresh instance for the next). Returns the entry files by shape.
 * @param {string} dir
 * @param {ModuleBuild} build
 */
async function writeEntries(dir, { glue: glueFile, functions, wasm, wasm2js: wasm2jsModule }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const imp = (file) => JSON.stringify(rel(dir, file));
  // Named imports, not a namespace: a flow's bundle imports the full glue, and esbuild drops
  // the functions it does not name. Recovery (recover.mjs) calls __wbg_reset_state and configure.
  const imported = [...new Set([...functions, '__wbg_reset_state', 'configure'])];
  const exportLines = (loadedLater) => `import { ${imported.map((n) => `${n} as glue_${n}`).join(', ')} } from ${imp(glueFile)};
import { guardExports } from ${imp(path.join(runtimeDir, 'recover.mjs'))};
const guarded = guardExports({ ${imported.map((n) => `${n}: glue_${n}`).join(', ')} }, ${JSON.stringify(functions)}, loaded);
export const ${functions.map((n) => `${n} = guarded.${n}`).join(', ')};
${loadedLater ? 'export let backend = null;\nexport let instantiationMs = null;' : 'export const backend = loaded.backend;\nexport const instantiationMs = loaded.instantiationMs;'}
`;
  // `loadedLater`: the module is loaded by the entry's init(), which sets backend/instantiationMs.
  const entry = (name, body, loadedLater = false) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `// Generated by js/build/build.mjs.\n${body}${exportLines(loadedLater)}`);
    return file;
  };
  // dist: the wasm inlined as LZMA, as Z85 text (runtime/compressed-wasm.mjs); the wasm2js
  // factory imported as a module whose top level only declares functions, so its code is
  // evaluated only when `instantiate` is called. Three entries: wasm only (the ESM and IIFE
  // bundles: every browser and integration platform has WebAssembly, and the IIFE must fit a
  // 1 MB code field), wasm2js only (the fallback IIFE for engines without WebAssembly), and both
  // (the AMD bundle: NetSuite's engine is not known in advance, and its File Cabinet takes the
  // larger file).
  const wasmZ85 = path.join(dir, 'wasm-lzma-z85.mjs');
  const packed = packWasm(wasm);
  fs.writeFileSync(
    wasmZ85,
    `export const data = ${JSON.stringify(packed.z85)};\nexport const size = ${packed.size};\nexport const props = ${packed.props};\n`,
  );
  const syncImports = `import { load } from ${imp(path.join(runtimeDir, 'loader.mjs'))};
import { initSync } from ${imp(glueFile)};
`;
  const inlinedWasm = `import { unpackWasm } from ${imp(path.join(runtimeDir, 'compressed-wasm.mjs'))};
import { data, size, props } from ${imp(wasmZ85)};
`;
  const inlinedWasm2js = `import * as wasm2js from ${imp(wasm2jsModule)};
`;
  return {
    distWasm: entry(
      'dist-wasm.mjs',
      `${syncImports}${inlinedWasm}
const loaded = load({ initSync, wasmBytes: () => unpackWasm(data, size, props), wasm2js: null });
`,
    ),
    distWasm2js: entry(
      'dist-wasm2js.mjs',
      `${syncImports}${inlinedWasm2js}
const loaded = load({ initSync, wasmBytes: null, wasm2js: () => wasm2js });
`,
    ),
    distBoth: entry(
      'dist-both.mjs',
      `${syncImports}${inlinedWasm}${inlinedWasm2js}
const loaded = load({ initSync, wasmBytes: () => unpackWasm(data, size, props), wasm2js: () => wasm2js });
`,
    ),
    // Node, ESM and CommonJS: synchronous, usable right after import/require.
    pkgEsm: entry(
      'pkg-esm.mjs',
      `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
${syncImports}const loaded = load({
  initSync,
  wasmBytes: () => readFileSync(new URL('./${PKG_WASM}', import.meta.url)),
  wasm2js: () => createRequire(import.meta.url)('./${PKG_W2J}'),
  readHint: ${JSON.stringify(NODE_READ_HINT)},
});
`,
    ),
    pkgCjs: entry(
      'pkg-cjs.mjs',
      `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
${syncImports}const loaded = load({
  initSync,
  wasmBytes: () => readFileSync(join(__dirname, '${PKG_WASM}')),
  wasm2js: () => require('./${PKG_W2J}'),
  readHint: ${JSON.stringify(NODE_READ_HINT)},
});
`,
    ),
    // Browsers (and bundlers for them): no Node built-in. The URL is written the way bundlers
    // recognise (Vite, webpack 5: tested in js/test/bundlers.browser.test.mjs): they emit the
    // .wasm as an asset and rewrite the URL to it; served unbundled, it is the file beside this one. Top-level await: the functions are usable right after
    // import, as in Node; the module is fetched and compiled asynchronously meanwhile.
    pkgBrowser: entry(
      'pkg-browser.mjs',
      `import { loadAsync } from ${imp(path.join(runtimeDir, 'loader.mjs'))};
import { initSync } from ${imp(glueFile)};
const loaded = await loadAsync({ initSync, wasmUrl: new URL('./${PKG_WASM}', import.meta.url) });
`,
    ),
    // The same without top-level await: init() loads the module once (again after a failure);
    // a function called before it resolves throws NOT_INITIALISED (runtime/recover.mjs).
    pkgBrowserInit: entry(
      'pkg-browser-init.mjs',
      `import { loadAsync } from ${imp(path.join(runtimeDir, 'loader.mjs'))};
import { initSync } from ${imp(glueFile)};
const loaded = { backend: null, instantiationMs: null };
let loading = null;
/** Fetches and compiles the WebAssembly module, once; every function can be called when it resolves. */
export function init() {
  if (!loading) {
    loading = loadAsync({ initSync, wasmUrl: new URL('./${PKG_WASM}', import.meta.url) }).then((done) => {
      backend = loaded.backend = done.backend;
      instantiationMs = loaded.instantiationMs = done.instantiationMs;
    }, (error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}
`,
      true,
    ),
  };
}

const banner = `/*! ${BASENAME} ${crateVersion} | Apache-2.0 | generated by js/build/build.mjs; do not edit */`;
async function bundle(options) {
  try {
    await esbuild.build({
      bundle: true,
      target: ES_TARGET,
      legalComments: 'none',
      logLevel: 'warning',
      charset: 'utf8',
      banner: { js: banner },
      ...options,
    });
  } catch (e) {
    die(`esbuild failed for ${options.outfile}: ${e.message}`);
  }
}

const distFiles = (dir, flow) => {
  const name = flow ? `${BASENAME}.${flow}` : BASENAME;
  return {
    esm: path.join(dir, `${name}.esm.js`),
    iife: path.join(dir, `${name}.iife.js`),
    iifeWasm2js: path.join(dir, `${name}.wasm2js.iife.js`),
    amd: path.join(dir, `${name}.amd.js`),
  };
};

/** The single-file bundles (ESM, IIFE, wasm2js IIFE, AMD) from `entries` into `dir`; `flow` names a flow's. */
async function bundleDist(entries, dir, flow = null) {
  const out = distFiles(dir, flow);
  const common = { inject: [path.join(runtimeDir, 'inject-dist.mjs')], platform: 'neutral', minify: true };
  // Classic script: `var VendorCentralConnector` is only a global at a script's top level, and
  // integration platforms often wrap pasted code in a function, so the global is set explicitly.
  const setGlobal = `(typeof globalThis==="object"&&globalThis?globalThis:Function("return this")()).${GLOBAL_NAME}=${GLOBAL_NAME};`;
  await bundle({ ...common, entryPoints: [entries.distWasm], format: 'esm', outfile: out.esm });
  await bundle({
    ...common,
    entryPoints: [entries.distWasm],
    format: 'iife',
    globalName: GLOBAL_NAME,
    outfile: out.iife,
    footer: { js: setGlobal },
  });
  await bundle({
    ...common,
    entryPoints: [entries.distWasm2js],
    format: 'iife',
    globalName: GLOBAL_NAME,
    outfile: out.iifeWasm2js,
    footer: { js: setGlobal },
  });
  // AMD (SuiteScript 2.x `define`): esbuild has no AMD format; the IIFE's value is the module.
  await bundle({
    ...common,
    entryPoints: [entries.distBoth],
    format: 'iife',
    globalName: GLOBAL_NAME,
    outfile: out.amd,
    // NetSuite reads its JSDoc tags from the file's first comment, so they lead.
    banner: { js: `/**\n * @NApiVersion 2.1\n * @NModuleScope Public\n */\n${banner}\ndefine([], function () {` },
    footer: { js: `return ${GLOBAL_NAME};\n});` },
  });
  return out;
}

/**
 * The npm package's entries (Node ESM + CJS, browser ESM with and without top-level await) with
 * the build's .wasm and wasm2js fallback beside them.
 * @param {ReturnType<typeof writeEntries>} entries
 * @param {string} dir
 * @param {ModuleBuild} build
 */
async function bundlePkg(entries, dir, { wasm, wasm2js: wasm2jsModule }) {
  // Node 18+ only (engines): no need to lower syntax, and import.meta must survive.
  const node = { inject: [path.join(runtimeDir, 'inject-node.mjs')], platform: 'node', target: ['node18'], external: [`./${PKG_W2J}`] };
  await bundle({ ...node, entryPoints: [entries.pkgEsm], format: 'esm', outfile: path.join(dir, 'index.mjs') });
  await bundle({ ...node, entryPoints: [entries.pkgCjs], format: 'cjs', outfile: path.join(dir, 'index.cjs') });
  // Not minified: the app's bundler minifies, and must find `new URL('./….wasm', import.meta.url)`
  // as written. ES2022: top-level await (every browser with it runs WebAssembly too).
  await bundle({
    entryPoints: [entries.pkgBrowser],
    inject: [path.join(runtimeDir, 'inject-node.mjs')],
    platform: 'browser',
    target: ['es2022'],
    format: 'esm',
    outfile: path.join(dir, PKG_BROWSER),
  });
  // ES2020: no top-level await here, and nothing newer than the apps that need this entry build for.
  await bundle({
    entryPoints: [entries.pkgBrowserInit],
    inject: [path.join(runtimeDir, 'inject-node.mjs')],
    platform: 'browser',
    target: ['es2020'],
    format: 'esm',
    outfile: path.join(dir, PKG_INIT),
  });
  // Node's `vendor-central-connector/init` (e.g. the server side of an app): the synchronous entry,
  // already loaded, so that code written for the browser's init() runs unchanged.
  fs.writeFileSync(
    path.join(dir, PKG_INIT_NODE),
    `${banner}
// Node's \`vendor-central-connector/init\`: the package's synchronous Node entry, already loaded.
export * from './index.mjs';
/** Resolves at once: in Node the module was loaded with the package. */
export function init() {
  return Promise.resolve();
}
`,
  );
  await bundle({
    entryPoints: [wasm2jsModule],
    format: 'cjs',
    platform: 'node',
    target: ['node18'],
    minify: true,
    outfile: path.join(dir, PKG_W2J),
  });
  fs.copyFileSync(wasm, path.join(dir, PKG_WASM));
}

// Published artefacts: dist/ first (the pkg step reads the AMD bundle for dist/netsuite/).
/** @type {ModuleBuild} */
const publishedBuild = { glue: glueJs, functions: publicFunctions, wasm: optWasm, wasm2js: w2jModule };
const publishedEntries = await writeEntries(path.join(stageDir, 'entries'), publishedBuild);
fs.rmSync(distDir, { recursive: true, force: true });
fs.mkdirSync(distDir, { recursive: true });
log('esbuild: dist bundles (esm, iife, wasm2js iife, amd)');
const DIST = await bundleDist(publishedEntries, distDir);
fs.copyFileSync(optWasm, path.join(distDir, `${BASENAME}.wasm`));
// The wasm2js module alone (ESM, minified like the bundles), for hosts that load it themselves.
await bundle({
  entryPoints: [w2jModule],
  format: 'esm',
  platform: 'neutral',
  minify: true,
  outfile: path.join(distDir, `${BASENAME}.wasm2js.mjs`),
});

// The per-flow bundles: dist/flows/vendor-central-connector.<flow>.{esm,iife,wasm2js.iife,amd}.js.
const FLOW_DIST = {};
const FLOW_BUILDS = {};
for (const flow of Object.keys(FLOWS)) {
  const build = await flowBuild(flow);
  FLOW_BUILDS[flow] = build;
  log(`esbuild: flow ${flow} (${build.functions.join(', ')})`);
  FLOW_DIST[flow] = await bundleDist(
    await writeEntries(path.join(stageDir, 'flows', flow, 'entries'), build),
    path.join(distDir, 'flows'),
    flow,
  );
}
// Which functions each flow's bundles export (for hosts choosing a bundle, and for the tests).
fs.writeFileSync(
  path.join(distDir, 'flows', 'flows.json'),
  `${JSON.stringify(Object.fromEntries(Object.entries(FLOW_BUILDS).map(([f, b]) => [f, b.functions])), null, 2)}\n`,
);

// ---------------------------------------------------------------------------------------------
// 5. pkg/: template files, package.json with the crate's version, bundles, .wasm, .d.ts.
// ---------------------------------------------------------------------------------------------
log('assembling pkg/');
if (!fs.existsSync(path.join(templateDir, 'package.json'))) die(`missing ${templateDir}/package.json`);
fs.rmSync(pkgDir, { recursive: true, force: true });
fs.mkdirSync(pkgDir, { recursive: true });
for (const f of fs.readdirSync(templateDir)) {
  // The SDF project template becomes dist/netsuite/ (js/build/netsuite.mjs), not part of npm's package.
  if (f !== 'package.json' && f !== NETSUITE_TEMPLATE) fs.cpSync(path.join(templateDir, f), path.join(pkgDir, f), { recursive: true });
}
const licence = path.join(repoRoot, 'LICENSE');
if (fs.existsSync(licence)) fs.copyFileSync(licence, path.join(pkgDir, 'LICENSE'));
const pkgJson = JSON.parse(fs.readFileSync(path.join(templateDir, 'package.json'), 'utf8'));
pkgJson.version = crateVersion;
fs.writeFileSync(path.join(pkgDir, 'package.json'), `${JSON.stringify(pkgJson, null, 2)}\n`);
await bundlePkg(publishedEntries, pkgDir, publishedBuild);

// The .d.ts: wasm-bindgen's, minus init/initSync/InitInput/InitOutput (the package initialises
// itself), plus the loader's two exports. The same file serves every entry (Node and browser).
const dts = fs.readFileSync(glueDts, 'utf8');
const cut = dts.indexOf('export type InitInput');
if (cut < 0) die('the wasm-bindgen .d.ts has no `export type InitInput` (its layout changed)');
const internals = dts.slice(cut);
for (const name of publicFunctions) {
  if (new RegExp(`export function ${name}\\b`).test(internals)) die(`public function ${name} is declared after InitInput in the .d.ts`);
}
const indexDts = `${dts.slice(0, cut).trimEnd()}

/** Which implementation runs: WebAssembly, or the wasm2js build on engines without it. */
export declare const backend: 'wasm' | 'wasm2js';
/** Milliseconds spent instantiating the module at load. */
export declare const instantiationMs: number;
`;
fs.writeFileSync(path.join(pkgDir, 'index.d.ts'), indexDts);
fs.writeFileSync(
  path.join(pkgDir, 'init.d.ts'),
  `// Types of \`vendor-central-connector/init\`: the package's API, loaded by init().
export * from './index.js';
/** Fetches and compiles the WebAssembly module (once; again after a failure). Call every function after it resolves. */
export declare function init(): Promise<void>;
/** \`null\` until init() has resolved. */
export declare const backend: 'wasm' | 'wasm2js' | null;
/** \`null\` until init() has resolved. */
export declare const instantiationMs: number | null;
`,
);
fs.writeFileSync(path.join(distDir, `${BASENAME}.d.ts`), indexDts);

// The Node adapter (client, outbox, runner, CLI) into pkg/node/; the NetSuite SDF project into dist/netsuite/.
log('pkg/node/: Node adapter and CLI');
try {
  assembleNodeAdapter({ jsDir, pkgDir });
} catch (e) {
  die(e.message);
}
log('dist/netsuite/: SDF project');
try {
  assembleNetSuite({
    templateDir: path.join(templateDir, NETSUITE_TEMPLATE),
    outDir: path.join(distDir, 'netsuite'),
    amdBundle: DIST.amd,
    version: crateVersion,
  });
} catch (e) {
  die(e.message);
}

// Every file named in the package's `files` must exist, or npm would silently ship less.
for (const f of pkgJson.files || [])
  if (!fs.existsSync(path.join(pkgDir, f))) die(`pkg-template lists ${f} in "files" but the build did not produce it`);

// ---------------------------------------------------------------------------------------------
// 6b. The test-only build: every host shape again, from the same module, the same runtime and
//    the same bundling, plus one guarded function, `__testPanic`, that traps the instance. It
//    lets the tests prove the recovery from a trap (runtime/recover.mjs) in every shape without
//    shipping a way to cause one: it goes to $CARGO_TARGET_DIR/vcc-test-build, never to pkg/
//    or dist/. The trap comes from the shipped module's own code: under panic = "abort" a panic
//    ends in the module's abort (`unreachable`), and wasm-bindgen's allocator takes that same
//    path for a layout it cannot serve (an alignment that is not a power of two).
// ---------------------------------------------------------------------------------------------
const TEST_BUILD_DIR = path.join(targetDir, 'vcc-test-build');
const TEST_HOOKS = `
// Test-only (js/build/build.mjs, the test build): traps the instance, as a panic would.
export function __testPanic() {
    __wbg_call_guard();
    wasm.__wbindgen_malloc(1, 3);
}
`;
async function buildTestOnlyArtefacts() {
  if (!/^function __wbg_call_guard\(\)/m.test(glueText) || !/\bwasm\.__wbindgen_malloc\b/.test(glueText)) {
    die("wasm-bindgen glue: no __wbg_call_guard / __wbindgen_malloc for the test build's __testPanic (wasm-bindgen changed its output)");
  }
  fs.rmSync(TEST_BUILD_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_BUILD_DIR, { recursive: true });
  const glue = path.join(TEST_BUILD_DIR, 'glue-with-test-hooks.mjs');
  fs.writeFileSync(glue, `${glueText}${TEST_HOOKS}`);
  const testBuild = { ...publishedBuild, glue, functions: [...publicFunctions, '__testPanic'] };
  const entries = await writeEntries(path.join(TEST_BUILD_DIR, 'entries'), testBuild);
  await bundleDist(entries, path.join(TEST_BUILD_DIR, 'dist'));
  await bundlePkg(entries, path.join(TEST_BUILD_DIR, 'pkg'), testBuild);
  for (const [flow, build] of Object.entries(FLOW_BUILDS)) {
    const flowTest = { ...build, glue, functions: [...build.functions, '__testPanic'] };
    await bundleDist(
      await writeEntries(path.join(TEST_BUILD_DIR, 'entries', flow), flowTest),
      path.join(TEST_BUILD_DIR, 'dist', 'flows'),
      flow,
    );
  }
}
log(`test-only build (with __testPanic): ${path.relative(repoRoot, TEST_BUILD_DIR)}`);
await buildTestOnlyArtefacts();

// ---------------------------------------------------------------------------------------------
// 7. Size report: what each artefact costs on disk and over the wire (gzip -9).
// ---------------------------------------------------------------------------------------------
const sizeOf = (file) => {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
};
const report = { version: crateVersion, generatedBy: 'js/build/build.mjs', files: {} };
const reportFiles = [
  path.join(distDir, `${BASENAME}.wasm`),
  path.join(distDir, `${BASENAME}.wasm2js.mjs`),
  DIST.amd,
  DIST.iife,
  DIST.iifeWasm2js,
  DIST.esm,
  ...Object.values(FLOW_DIST).flatMap((f) => [f.esm, f.iife, f.iifeWasm2js, f.amd]),
  ...['index.mjs', 'index.cjs', PKG_BROWSER, PKG_INIT, 'index.d.ts', PKG_WASM, PKG_W2J].map((f) => path.join(pkgDir, f)),
];
for (const f of reportFiles) report.files[path.relative(repoRoot, f).split(path.sep).join('/')] = sizeOf(f);

if (args['measure-opt-level']) {
  // Rebuild with opt-level "z" into its own target dir (so the normal build's cache is kept),
  // through the same wasm-bindgen + wasm-opt steps, and compare the final .wasm sizes.
  log('--measure-opt-level: cargo build with CARGO_PROFILE_RELEASE_OPT_LEVEL=z');
  const zDir = path.join(targetDir, 'opt-level-z');
  const zWasm = cargoBuild({ CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z' }, zDir);
  const zBindgen = path.join(stageDir, 'opt-level-z');
  fs.rmSync(zBindgen, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--omit-default-module-path', '--out-dir', zBindgen, zWasm]);
  const zOpt = path.join(zBindgen, 'opt.wasm');
  wasmOpt(path.join(zBindgen, `${CRATE_FILE}_bg.wasm`), zOpt);
  report.optLevel = {
    s: sizeOf(optWasm),
    z: sizeOf(zOpt),
    profile: cargoToml.match(/^\[profile\.release\][\s\S]*?^opt-level\s*=\s*"?(\w+)"?/m)?.[1],
  };
}
fs.writeFileSync(path.join(distDir, 'size-report.json'), `${JSON.stringify(report, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = Object.entries(report.files).map(([f, s]) => [f, kb(s.raw), kb(s.gzip)]);
if (report.optLevel) {
  rows.push([`wasm, opt-level "s" (release profile: ${report.optLevel.profile})`, kb(report.optLevel.s.raw), kb(report.optLevel.s.gzip)]);
  rows.push(['wasm, opt-level "z"', kb(report.optLevel.z.raw), kb(report.optLevel.z.gzip)]);
}
const widths = [0, 1, 2].map((i) => Math.max(...[['file', 'raw', 'gzip -9'], ...rows].map((r) => r[i].length)));
const line = (r) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}`;
console.log(`\n${line(['file', 'raw', 'gzip -9'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
// 8. The ASN web form: js/web/ + the ESM bundle copied into dist/asn-form/, one folder that works
//    offline. A separate step (js/build/web.mjs) so that the form never touches the bundles.
//    The ASN form loads the shipment flow's module, the exceptions page the exceptions flow's.
log(`web form: ${path.relative(repoRoot, buildWebForm({ distDir, esmBundle: DIST.esm, shipmentBundle: FLOW_DIST.shipment.esm }))}`);
log(`exceptions page: ${path.relative(repoRoot, buildExceptionsPage({ distDir, esmBundle: FLOW_DIST.exceptions.esm }))}`);

log(`done: pkg/ and dist/ (size report in dist/size-report.json)`);
