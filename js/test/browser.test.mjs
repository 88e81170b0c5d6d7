// Browser smoke test (testing layer 4): dist/vendor-central-connector.esm.js in real headless
// Chromium, served from a local HTTP server, driven by playwright-core. Skipped when
// /usr/bin/chromium is absent, unless CI is set (then it fails). Build first: node js/build/build.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { dist, requireBuilt } from './harness/artefacts.mjs';
import { fixture } from './harness/suite.mjs';

const CHROMIUM = '/usr/bin/chromium';

const PAGE = `<!doctype html><meta charset="utf-8"><title>vendor-central-connector smoke</title>
<script type="module">
  import * as vcc from '/vendor-central-connector.esm.js';
  const input = await (await fetch('/input.json')).json();
  const out = vcc.decideAcknowledgements(input);
  let error = null;
  try { vcc.decideAcknowledgements({ purchaseOrders: [{}], now: input.now }); }
  catch (e) { error = { isError: e instanceof Error, code: e.code, path: e.path }; }
  window.result = { backend: vcc.backend, version: vcc.version(), out, error,
    json: JSON.parse(vcc.decideAcknowledgementsJson(JSON.stringify(input))) };
</script>`;

test('browser: the ESM bundle decides acknowledgements in headless Chromium', async (t) => {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing (CI is set, so this is a failure): apt-get install chromium`);
    t.skip(`${CHROMIUM} not installed; skipping the browser smoke test`);
    return;
  }
  requireBuilt();
  const { chromium } = await import('playwright-core');
  const input = fixture();
  const files = {
    '/': ['text/html', PAGE],
    '/vendor-central-connector.esm.js': ['text/javascript', fs.readFileSync(dist('esm.js'))],
    '/input.json': ['application/json', JSON.stringify(input)],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? file[0] : 'text/plain' });
    res.end(file ? file[1] : 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page
      .waitForFunction(() => window.result !== undefined || false, null, { timeout: 30000 })
      .catch(() => {
        assert.fail(`page did not produce a result; page errors: ${pageErrors.join(' | ')}`);
      });
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(pageErrors, []);
    assert.equal(result.backend, 'wasm');
    assert.match(result.version.library, /^\d+\.\d+\.\d+/);
    const d = result.out.decisions.find((x) => x.purchaseOrderNumber === '2JK3S9VC' && x.itemSequenceNumber === '1');
    assert.equal(d.accepted, 1);
    assert.ok(result.out.request.acknowledgements.length >= 4);
    assert.deepEqual(result.json, result.out);
    assert.equal(result.error.isError, true);
    assert.equal(result.error.code, 'MISSING_FIELD');
  } finally {
    await browser.close();
    server.close();
  }
});
