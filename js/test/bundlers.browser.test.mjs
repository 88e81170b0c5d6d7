// The npm package in front-end bundlers (issue 16): `npm pack` of pkg/ is installed into two
// small apps (js/test/fixtures/bundlers/: one that only validates an ASN, one that uses every
// export, one that validates an ASN through `vendor-central-connector/init` without top-level
// await), each built with Vite and with webpack 5 as a front-end team would (default production
// settings, no plugin, no alias; the init app for ES2020), then run in headless Chromium. Fails on any warning about Node
// built-ins (and on any other warning not explained below), on any page error or console
// warning, and when an answer differs from the Node entry's answer to the same input.
// Writes the bundle sizes to target/test-artifacts/bundle-sizes.json.
// Skipped when /usr/bin/chromium is absent, unless CI is set (then it fails).
// Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { pkgDir, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { recordProcessOutput, removeTestDir, testDir } from './harness/outputs.mjs';
import { fixture as ackFixture } from './harness/suite.mjs';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures', 'bundlers');
const SHIPMENT_FIXTURES = path.join(repoRoot, 'tests', 'fixtures', 'shipment');
const SIZES_FILE = path.join(repoRoot, 'target', 'test-artifacts', 'bundle-sizes.json');
const PACKAGE = 'vendor-central-connector';

// A warning that names a Node built-in: what Vite printed ("Module "node:fs" has been externalized
// for browser compatibility") and webpack failed with (UnhandledSchemeError) before the package
// had a browser entry. Never allowed.
const NODE_BUILTIN_WARNING =
  /node:|externali[sz]ed for browser compatibility|UnhandledSchemeError|createRequire|\b(fs|module|path|url|crypto|child_process)\b['"]?\s*(?:is|has|could)/i;
// Warnings that are explained and allowed: webpack's performance hints name any asset over 244 KiB,
// and the WebAssembly module is 2 MB (the sizes are reported below instead).
const EXPLAINED_WARNINGS = [
  /asset size limit: The following asset\(s\) exceed the recommended size limit \(244 KiB\)[\s\S]*\.wasm/,
  /^warn: webpack performance recommendations: \nYou can limit the size of your bundles by using import\(\) or require\.ensure/,
];

const fromJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function run(cmd, args, cwd, label) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  recordProcessOutput(label, res);
  assert.equal(res.status, 0, `${cmd} ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** The package as npm publishes it, installed into `appsDir/node_modules`. */
function installPackedPackage(workDir, appsDir) {
  const packed = JSON.parse(
    run('npm', ['pack', pkgDir, '--pack-destination', workDir, '--json', '--silent'], workDir, 'bundlers-npm-pack'),
  );
  const tarball = path.join(workDir, packed[0].filename);
  fs.mkdirSync(appsDir, { recursive: true });
  fs.writeFileSync(path.join(appsDir, 'package.json'), `${JSON.stringify({ name: 'bundler-apps', private: true }, null, 2)}\n`);
  run(
    'npm',
    ['install', tarball, '--offline', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'],
    appsDir,
    'bundlers-npm-install',
  );
  return { tarball, files: packed[0].files.map((f) => f.path) };
}

/** Inputs each app's page fetches, and the answers the Node entry gives to them. */
function pageInputs(core) {
  const asn = fromJson(path.join(SHIPMENT_FIXTURES, 'build-PalletOfItems.input.json'));
  const built = core.buildShipmentConfirmation(asn);
  const check = {
    shipmentConfirmation: built.request.shipmentConfirmations[0],
    purchaseOrders: asn.purchaseOrders,
    acknowledgements: asn.acknowledgements,
    skuMap: asn.skuMap,
    now: asn.now,
  };
  // The same ASN with one line shipping more than was acknowledged, and one without its identifier.
  const overShipped = structuredClone(check);
  overShipped.shipmentConfirmation.shippedItems[0].shippedQuantity.amount += 1000;
  const unidentified = structuredClone(check);
  delete unidentified.shipmentConfirmation.shipmentIdentifier;
  const asnInputs = [check, overShipped, unidentified];
  const calls = [
    { fn: 'version' },
    { fn: 'decideAcknowledgements', input: ackFixture() },
    { fn: 'decideAcknowledgementsJson', input: JSON.stringify(ackFixture()) },
    { fn: 'buildShipmentConfirmation', input: asn },
    ...asnInputs.map((input) => ({ fn: 'validateShipmentConfirmation', input })),
    { fn: 'decideAcknowledgements', input: { purchaseOrders: [{}], now: '2019-05-23T12:00:00Z' } },
  ];
  const answer = ({ fn, input }) => {
    try {
      return { ok: core[fn](input) };
    } catch (error) {
      return { error: { isError: error instanceof Error, name: error.name, code: error.code, path: error.path } };
    }
  };
  return {
    'asn-only': { inputs: asnInputs, expected: { outputs: asnInputs.map((i) => core.validateShipmentConfirmation(i)) } },
    // Called once before init(): refused with NOT_INITIALISED, then every answer as Node's.
    'asn-init': {
      inputs: asnInputs,
      expected: { early: 'NOT_INITIALISED', outputs: asnInputs.map((i) => core.validateShipmentConfirmation(i)) },
    },
    everything: {
      inputs: calls,
      expected: { exports: Object.keys(core).sort(), backend: 'wasm', outputs: calls.map(answer) },
    },
  };
}

/** Every warning a Vite build logs, through its own logger (Rolldown's warnings go there too). */
// Build targets below Vite's default, per app: the init app proves it needs no top-level await.
const VITE_TARGET = { 'asn-init': 'es2020' };

async function buildWithVite(appDir, outDir, app) {
  const vite = await import('vite');
  const warnings = [];
  const logger = vite.createLogger('warn');
  const keep = (kind) => (msg, options) => {
    warnings.push(`${kind}: ${msg}`);
    if (kind === 'error') logger.error(msg, options);
  };
  const customLogger = { ...logger, warn: keep('warn'), warnOnce: keep('warn'), error: keep('error') };
  await vite.build({
    root: appDir,
    base: './',
    configFile: false,
    logLevel: 'warn',
    customLogger,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, ...(VITE_TARGET[app] ? { target: VITE_TARGET[app] } : {}) },
  });
  return warnings;
}

/** webpack 5 in production mode, its defaults otherwise (target web, asset modules, TLA). */
async function buildWithWebpack(appDir, outDir) {
  const require = createRequire(import.meta.url);
  const webpack = require('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: appDir,
        entry: './main.jsx',
        output: { path: outDir, filename: 'main.js', clean: true },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual(
    json.errors.map((e) => e.message),
    [],
    'webpack errors',
  );
  fs.writeFileSync(
    path.join(outDir, 'index.html'),
    '<!doctype html>\n<meta charset="utf-8">\n<title>vendor-central-connector in webpack</title>\n<script src="./main.js"></script>\n',
  );
  return json.warnings.map((w) => `warn: ${w.message}`);
}

const BUILDERS = { vite: buildWithVite, webpack: buildWithWebpack };

function listFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());
}

/** Raw and gzip -9 bytes of the built app: its JavaScript and its WebAssembly. */
function sizes(outDir) {
  const total = { js: { raw: 0, gzip: 0 }, wasm: { raw: 0, gzip: 0 }, files: {} };
  for (const file of listFiles(outDir)) {
    const kind = file.endsWith('.wasm') ? 'wasm' : file.endsWith('.js') ? 'js' : null;
    if (!kind) continue;
    const buf = fs.readFileSync(file);
    const size = { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    total[kind].raw += size.raw;
    total[kind].gzip += size.gzip;
    total.files[path.relative(outDir, file).split(path.sep).join('/')] = size;
  }
  return total;
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** A static server over `dir` (what the app's host does), plus the page's inputs. */
async function serve(dir, inputs) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (pathname === '/inputs.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(inputs));
      return;
    }
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function runInChromium(browser, outDir, inputs, devUrl) {
  const server = devUrl ? null : await serve(outDir, inputs);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  try {
    await page.goto(devUrl || `http://127.0.0.1:${server.address().port}/`);
    await page
      .waitForFunction(() => window.result !== undefined, null, { timeout: 30000 })
      .catch(() => {
        assert.fail(`the page produced no result; ${problems.join(' | ') || 'no page error'}`);
      });
    return { result: await page.evaluate(() => JSON.parse(JSON.stringify(window.result))), problems };
  } finally {
    await page.close();
    if (server) server.close();
  }
}

/**
 * Vite's dev server over the app (what a front-end team runs all day): the package goes through
 * its dependency optimizer, which moves the module away from the package folder.
 */
async function startViteDevServer(appDir, inputs) {
  const vite = await import('vite');
  const warnings = [];
  const logger = vite.createLogger('warn');
  const customLogger = {
    ...logger,
    warn: (msg) => warnings.push(msg),
    warnOnce: (msg) => warnings.push(msg),
    error: (msg) => warnings.push(msg),
  };
  const server = await vite.createServer({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    customLogger,
    cacheDir: path.join(appDir, '.vite-cache'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    plugins: [
      {
        name: 'page-inputs',
        configureServer(dev) {
          dev.middlewares.use((req, res, next) => {
            if (req.url === '/favicon.ico') return res.writeHead(204).end();
            if (!req.url.startsWith('/inputs.json')) return next();
            res.setHeader('content-type', 'application/json');
            return res.end(JSON.stringify(inputs));
          });
        },
      },
    ],
  });
  await server.listen();
  return { server, url: server.resolvedUrls.local[0], warnings };
}

test('bundlers: the packed package in Vite and webpack 5 apps, run in headless Chromium', async (t) => {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing (CI is set, so this is a failure): apt-get install chromium`);
    t.skip(`${CHROMIUM} not installed; skipping the bundler tests`);
    return;
  }
  requireBuilt();
  const workDir = testDir('vcc-bundlers-');
  const appsDir = path.join(workDir, 'apps');
  const { files } = installPackedPackage(workDir, appsDir);
  // The Node entry of the same installed package (CommonJS resolution) gives the expected answers.
  const core = createRequire(path.join(appsDir, 'package.json'))(PACKAGE);
  const apps = pageInputs(core);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const report = { package: `${PACKAGE}@${core.version().library}`, note: 'bytes of the built app; gzip -9', builds: {} };
  try {
    await t.test('the packed package: browser entry shipped, no test hook', () => {
      for (const f of [
        'browser.mjs',
        'init.mjs',
        'init.node.mjs',
        'init.d.ts',
        'index.mjs',
        'index.cjs',
        'index.d.ts',
        'node/index.d.ts',
        `${PACKAGE}.wasm`,
      ]) {
        assert.ok(files.includes(f), `${f} is in the tarball`);
      }
      const initEntry = fs.readFileSync(path.join(appsDir, 'node_modules', PACKAGE, 'init.mjs'), 'utf8');
      assert.doesNotMatch(
        initEntry,
        /from\s*['"]node:|require\(|^\S.*\bawait\b/m,
        'the init entry has no Node built-in and no top-level await',
      );
      const browserEntry = fs.readFileSync(path.join(appsDir, 'node_modules', PACKAGE, 'browser.mjs'), 'utf8');
      assert.doesNotMatch(browserEntry, /from\s*['"]node:|require\(/, 'the browser entry imports no Node built-in');
      assert.match(
        browserEntry,
        /new URL\("\.\/vendor-central-connector\.wasm", import\.meta\.url\)/,
        'the wasm URL is written the way bundlers recognise',
      );
    });
    await t.test('Node resolves the installed package to its synchronous entries (ESM and CommonJS), with the adapter', () => {
      const script = `import * as core from '${PACKAGE}'; import * as node from '${PACKAGE}/node';
        import * as later from '${PACKAGE}/init';
        import { createRequire } from 'node:module';
        const cjs = createRequire(process.cwd() + '/')('${PACKAGE}');
        const before = later.backend;
        await later.init();
        console.log(JSON.stringify([core.backend, cjs.backend, typeof core.validateShipmentConfirmation, typeof node.SpApiClient,
          before, later.validateShipmentConfirmation === core.validateShipmentConfirmation]));`;
      const out = run(process.execPath, ['--input-type=module', '-e', script], appsDir, 'bundlers-node-resolution');
      assert.deepEqual(JSON.parse(out), ['wasm', 'wasm', 'function', 'function', 'wasm', true]);
    });
    await t.test("TypeScript resolves the types through the exports (bundler and nodenext resolution), the adapter's too", () => {
      fs.writeFileSync(
        path.join(appsDir, 'consumer.mts'),
        `import { validateShipmentConfirmation, backend } from '${PACKAGE}';
import type { ValidateShipmentConfirmationOutput } from '${PACKAGE}';
import { SpApiClient, type RunReport } from '${PACKAGE}/node';
import { init, backend as laterBackend } from '${PACKAGE}/init';
const ready: Promise<void> = init();
const maybe: 'wasm' | 'wasm2js' | null = laterBackend;
declare const input: Parameters<typeof validateShipmentConfirmation>[0];
const checked: ValidateShipmentConfirmationOutput = validateShipmentConfirmation(input);
const which: 'wasm' | 'wasm2js' = backend;
const client = new SpApiClient({ credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } });
declare const report: RunReport;
export const used = [checked.valid, which, client.endpoint, report.ok, ready, maybe];
`,
      );
      const tsc = path.join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
      for (const resolution of ['bundler', 'nodenext']) {
        const compilerOptions = {
          noEmit: true,
          strict: true,
          skipLibCheck: false,
          types: [],
          lib: ['es2022', 'dom'],
          target: 'es2022',
          module: resolution === 'bundler' ? 'esnext' : 'nodenext',
          moduleResolution: resolution,
        };
        fs.writeFileSync(path.join(appsDir, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions, files: ['consumer.mts'] }));
        run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], appsDir, `bundlers-tsc-${resolution}`);
      }
    });
    for (const [bundler, build] of Object.entries(BUILDERS)) {
      for (const [app, { inputs, expected }] of Object.entries(apps)) {
        await t.test(`${bundler}: ${app}`, async () => {
          const appDir = path.join(appsDir, app);
          fs.cpSync(path.join(FIXTURES, app), appDir, { recursive: true });
          const outDir = path.join(workDir, 'out', `${bundler}-${app}`);
          const started = Date.now();
          const warnings = await build(appDir, outDir, app);
          const buildMs = Date.now() - started;
          const builtins = warnings.filter((w) => NODE_BUILTIN_WARNING.test(w));
          assert.deepEqual(builtins, [], `${bundler} warned about Node built-ins`);
          const unexplained = warnings.filter((w) => !EXPLAINED_WARNINGS.some((re) => re.test(w)));
          assert.deepEqual(unexplained, [], `${bundler} printed warnings`);
          const built = listFiles(outDir);
          assert.equal(built.filter((f) => f.endsWith('.wasm')).length, 1, `${bundler} emitted the .wasm once: ${built.join(', ')}`);
          for (const file of built.filter((f) => f.endsWith('.js'))) {
            const text = fs.readFileSync(file, 'utf8');
            assert.doesNotMatch(
              text,
              /node:(fs|module|path)|createRequire|__testPanic/,
              `${path.basename(file)}: nothing of the Node entry or the test build`,
            );
          }
          const { result, problems } = await runInChromium(browser, outDir, inputs);
          assert.deepEqual(problems, [], 'page errors or console warnings');
          assert.equal(result.error, undefined, `the app failed: ${result.error}`);
          if (app === 'everything') {
            assert.equal(typeof result.instantiationMs, 'number');
            delete result.instantiationMs;
          }
          assert.deepEqual(result, JSON.parse(JSON.stringify(expected)), 'the browser answers exactly as Node does');
          const size = sizes(outDir);
          report.builds[`${bundler}/${app}`] = { buildMs, warnings, ...size };
          t.diagnostic(
            `${bundler}/${app}: built in ${buildMs} ms; JS ${size.js.raw} B (gzip ${size.js.gzip} B), wasm ${size.wasm.raw} B (gzip ${size.wasm.gzip} B)`,
          );
        });
      }
    }
    await t.test('vite dev server: asn-only', async () => {
      const { inputs, expected } = apps['asn-only'];
      const appDir = path.join(appsDir, 'asn-only-dev');
      fs.cpSync(path.join(FIXTURES, 'asn-only'), appDir, { recursive: true });
      const dev = await startViteDevServer(appDir, inputs);
      try {
        const { result, problems } = await runInChromium(browser, null, inputs, dev.url);
        assert.deepEqual(problems, [], 'page errors or console warnings');
        assert.deepEqual(dev.warnings, [], 'vite dev server warnings');
        assert.deepEqual(result, JSON.parse(JSON.stringify(expected)), 'the browser answers exactly as Node does');
      } finally {
        await dev.server.close();
      }
    });
  } finally {
    await browser.close();
    fs.mkdirSync(path.dirname(SIZES_FILE), { recursive: true });
    fs.writeFileSync(SIZES_FILE, `${JSON.stringify(report, null, 2)}\n`);
    removeTestDir(workDir);
  }
});
