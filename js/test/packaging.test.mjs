// The packaging of the npm package and bundles (issue 16): no test hook in anything published,
// and load failures that name their real cause — the package's browser entry when the .wasm URL
// answers 404 or an HTML page, or cannot be fetched, or a CSP refuses it; the synchronous loader
// when the file cannot be read (no silent fall back to wasm2js, whose own failure would then be
// reported instead), when WebAssembly fails and so does the fallback, and when WebAssembly is
// missing altogether. Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, pkgDir, requireBuilt, testBuildDir } from './harness/artefacts.mjs';
import { load } from '../build/runtime/loader.mjs';

requireBuilt();

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());
}

test('__testPanic is in no published file (pkg/, dist/), only in the test-only build', () => {
  const published = [...filesUnder(pkgDir), ...filesUnder(distDir)];
  assert.ok(published.length > 20, `${published.length} published files`);
  const carrying = published.filter((f) => fs.readFileSync(f).includes('__testPanic'));
  assert.deepEqual(carrying, []);
  assert.ok(fs.readFileSync(path.join(testBuildDir, 'pkg', 'index.mjs')).includes('__testPanic'), 'the test build has it');
});

test('vendor-central-connector/node: its .d.ts declares every export of the adapter, and nothing else', async () => {
  const adapter = await import(pathToFileURL(path.join(pkgDir, 'node', 'index.mjs')).href);
  const dts = fs.readFileSync(path.join(pkgDir, 'node', 'index.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export declare (?:class|function|const) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(declared)].sort(), Object.keys(adapter).sort());
});

let fresh = 0;
/** Imports a fresh instance of pkg/browser.mjs (or `entry`) while fetch answers with `answer(url)`. */
async function importBrowserEntry(answer, entry = 'browser.mjs') {
  const realFetch = globalThis.fetch;
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(String(url));
    return answer(String(url));
  };
  try {
    fresh += 1;
    return { mod: await import(`${pathToFileURL(path.join(pkgDir, entry)).href}?case=${fresh}`), asked };
  } catch (error) {
    return { error, asked };
  } finally {
    globalThis.fetch = realFetch;
  }
}

function assertLoadError(error, step, message) {
  assert.ok(error instanceof Error, `an Error (got ${error})`);
  assert.equal(error.name, 'ConnectorError');
  assert.equal(error.code, 'MODULE_LOAD_FAILED');
  assert.equal(error.path, '');
  assert.equal(error.details.step, step, error.message);
  assert.match(error.message, message);
}

test('browser entry: the .wasm URL answering 404 is reported as such, with the URL', async () => {
  const { error, asked } = await importBrowserEntry(() => new Response('not found', { status: 404 }));
  assert.equal(asked.length, 1);
  assert.ok(asked[0].endsWith('/vendor-central-connector.wasm'), asked[0]);
  assertLoadError(error, 'fetch', /answered HTTP 404.*did not emit vendor-central-connector\.wasm at that address/);
  assert.ok(error.message.includes(asked[0]), 'the message names the URL');
  assert.equal(error.details.status, 404);
});

test('browser entry: an HTML page in place of the module (a dev server fallback) is named', async () => {
  const html = '<!doctype html><html><body>app</body></html>';
  const { error } = await importBrowserEntry(() => new Response(html, { status: 200, headers: { 'content-type': 'text/html' } }));
  assertLoadError(error, 'fetch', /not a WebAssembly module \(content-type text\/html, \d+ bytes starting "<!doctype html><html><bo"\)/);
  assert.equal(error.details.contentType, 'text/html');
});

test('browser entry: a fetch that fails (network, file://) keeps its cause', async () => {
  const { error } = await importBrowserEntry(() => {
    throw new TypeError('Failed to fetch');
  });
  assertLoadError(error, 'fetch', /could not fetch the WebAssembly module from .*\(Failed to fetch\)/);
  assert.equal(error.cause.message, 'Failed to fetch');
});

test('browser entry: a compile refusal (Content-Security-Policy) says what to allow', async () => {
  const realCompile = WebAssembly.compile;
  WebAssembly.compile = async () => {
    throw new WebAssembly.CompileError(
      "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script",
    );
  };
  try {
    const bytes = fs.readFileSync(path.join(pkgDir, 'vendor-central-connector.wasm'));
    const { error } = await importBrowserEntry(() => new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
    assertLoadError(error, 'compile', /Content-Security-Policy must allow 'wasm-unsafe-eval'/);
  } finally {
    WebAssembly.compile = realCompile;
  }
});

test('browser entry: served correctly, it loads (the same URL, application/wasm)', async () => {
  const bytes = fs.readFileSync(path.join(pkgDir, 'vendor-central-connector.wasm'));
  const { mod, error } = await importBrowserEntry(() => new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
  assert.equal(error, undefined);
  assert.equal(mod.backend, 'wasm');
  assert.match(mod.version().library, /^\d+\.\d+\.\d+/);
});

test('init entry (vendor-central-connector/init): refuses calls before init(), retries after a failure, loads once', async () => {
  const bytes = fs.readFileSync(path.join(pkgDir, 'vendor-central-connector.wasm'));
  let serve = 'missing';
  const asked = [];
  const { mod, error } = await importBrowserEntry(() => null, 'init.mjs');
  assert.equal(error, undefined, 'importing it loads nothing');
  assert.equal(mod.backend, null);
  let early;
  try {
    mod.validateShipmentConfirmation({});
  } catch (e) {
    early = e;
  }
  assert.equal(early.code, 'NOT_INITIALISED');
  assert.equal(early.name, 'ConnectorError');
  assert.match(
    early.message,
    /validateShipmentConfirmation\(\) was called before the WebAssembly module was loaded: call `await init\(\)`/,
  );
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    asked.push(String(url));
    return serve === 'missing'
      ? new Response('not found', { status: 404 })
      : new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
  };
  try {
    await assert.rejects(mod.init(), (e) => e.code === 'MODULE_LOAD_FAILED' && e.details.step === 'fetch' && e.details.status === 404);
    assert.equal(mod.backend, null);
    serve = 'ok';
    const first = mod.init();
    assert.equal(mod.init(), first, 'one load at a time');
    await first;
    await mod.init();
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(asked.length, 2, 'fetched once after the failed try');
  assert.equal(mod.backend, 'wasm');
  assert.equal(typeof mod.instantiationMs, 'number');
  assert.match(mod.version().library, /^\d+\.\d+\.\d+/);
});

test('sync loader: a .wasm that cannot be read is the error, and the fallback is not tried', () => {
  let fallbackTried = false;
  let error;
  try {
    load({
      initSync: () => assert.fail('initSync must not run'),
      wasmBytes: () => {
        throw new TypeError('readFileSync is not a function');
      },
      wasm2js: () => {
        fallbackTried = true;
        throw new TypeError('createRequire is not a function');
      },
      readHint: "This is the package's Node.js entry",
    });
  } catch (e) {
    error = e;
  }
  assert.equal(fallbackTried, false);
  assertLoadError(
    error,
    'read',
    /could not read the WebAssembly module vendor-central-connector\.wasm \(readFileSync is not a function\)\. This is the package's Node\.js entry/,
  );
});

test('sync loader: WebAssembly failing and the fallback failing too are both named', () => {
  let error;
  try {
    load({
      initSync: () => {
        throw new WebAssembly.CompileError('WebAssembly.Module(): size cap');
      },
      wasmBytes: () => new Uint8Array([0, 97, 115, 109]),
      wasm2js: () => {
        throw new Error('Cannot find module ./vendor-central-connector.wasm2js.cjs');
      },
    });
  } catch (e) {
    error = e;
  }
  assertLoadError(
    error,
    'fallback',
    /WebAssembly failed \(WebAssembly\.Module\(\): size cap\), and so did the wasm2js fallback: Cannot find module/,
  );
  assert.equal(error.details.wasmError, 'WebAssembly.Module(): size cap');
});

test('sync loader: without WebAssembly and without a fallback, it says which bundle to load', () => {
  const saved = globalThis.WebAssembly;
  let error;
  try {
    delete globalThis.WebAssembly;
    load({ initSync: () => assert.fail('initSync must not run'), wasmBytes: () => new Uint8Array(0), wasm2js: null });
  } catch (e) {
    error = e;
  } finally {
    globalThis.WebAssembly = saved;
  }
  assertLoadError(error, 'fallback', /no WebAssembly; load the fallback bundle vendor-central-connector\.wasm2js\.iife\.js/);
});
