// The ASN web form (dist/asn-form/, built by js/build/web.mjs) in real headless Chromium, driven
// by playwright-core: a wrong SSCC check digit shows a message on that field, fixing it removes
// the message, and submitting shows exactly the request body the Rust fixture expects.
// Skipped when /usr/bin/chromium is absent, unless CI is set (then it fails).
// Build first: node js/build/build.mjs. Screenshot: target/test-artifacts/asn-form.png
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validatorFor } from '../lib/models.mjs';
import { distDir, repoRoot, requireBuilt } from './harness/artefacts.mjs';

const CHROMIUM = '/usr/bin/chromium';
const FORM_DIR = path.join(distDir, 'asn-form');
const FIXTURES = path.join(repoRoot, 'tests', 'fixtures', 'shipment');
const SCREENSHOT = path.join(repoRoot, 'target', 'test-artifacts', 'asn-form.png');
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

/** The loose-assortment fixture as a form configuration, with the carton SSCCs left to type. */
function formConfig() {
  const packing = fixture('build-LooseAssortmentCase.input.json');
  const { skuMap, purchaseOrders, acknowledgements, now } = packing;
  const initial = structuredClone(packing);
  for (const key of ['skuMap', 'purchaseOrders', 'acknowledgements', 'now', 'ssccSource']) delete initial[key];
  for (const carton of initial.cartons) delete carton.sscc;
  return { skuMap, purchaseOrders, acknowledgements, now, initial };
}

test('browser: the ASN form shows issues at their fields and submits the exact body', async (t) => {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing (CI is set, so this is a failure): bash js/tasks/setup.sh --browser`);
    t.skip(`${CHROMIUM} not installed; skipping the ASN form test (install: bash js/tasks/setup.sh --browser)`);
    return;
  }
  requireBuilt();
  assert.ok(fs.existsSync(path.join(FORM_DIR, 'asn-form.html')), 'dist/asn-form/ missing: run node js/build/build.mjs');
  for (const file of fs.readdirSync(FORM_DIR)) {
    if (file.endsWith('.mjs') || file.endsWith('.html')) {
      const text = fs.readFileSync(path.join(FORM_DIR, file), 'utf8');
      assert.doesNotMatch(text, /(from|import)\s*\(?\s*['"](https?:|\/\/|\.\.\/)/, `${file} loads nothing outside its folder`);
    }
  }

  const { chromium } = await import('playwright-core');
  const { serveFolder } = await import(path.join(FORM_DIR, 'serve.mjs'));
  const server = await serveFolder(FORM_DIR, {
    overrides: { '/asn-form.config.json': ['application/json', JSON.stringify(formConfig())] },
  });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asn-form-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const offsite = [];
    page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${server.address().port}/`)) offsite.push(r.url()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });

    const sscc = page.locator('[data-path="/cartons/0/sscc"]');
    const slot = page.locator('[data-issue-for="/cartons/0/sscc"]');
    // Before anything is typed, the missing label is already reported on the field.
    await assert.doesNotReject(slot.locator('[data-code="MISSING_CARTON_SSCC"]').waitFor({ timeout: 5000 }));

    // A wrong check digit (…8 instead of …7), typed key by key.
    await sscc.pressSequentially('106141410000050008');
    await slot.locator('[data-code="INVALID_SSCC_CHECK_DIGIT"]').waitFor({ timeout: 5000 });
    assert.match(await slot.innerText(), /check digit is 8 but should be 7/);
    assert.equal(await sscc.getAttribute('aria-invalid'), 'true');

    // Fixed: the message goes.
    await sscc.press('Backspace');
    await sscc.pressSequentially('7');
    await page.waitForFunction(() => document.querySelector('[data-issue-for="/cartons/0/sscc"]').childElementCount === 0);
    assert.equal(await sscc.getAttribute('aria-invalid'), null);

    // The other labels, then submit.
    await page.locator('[data-path="/cartons/1/sscc"]').fill('106141410000050014');
    await page.locator('[data-path="/cartons/2/sscc"]').fill('106141410000050021');
    assert.equal(await page.locator('.asn-message.asn-error').count(), 0, 'no error left on the page');
    await page.locator('#submit-asn').click();
    await page.locator('#request-body').waitFor({ state: 'visible', timeout: 5000 });
    const shown = JSON.parse(await page.locator('#request-body').innerText());
    const expected = fixture('build-LooseAssortmentCase.expected.json').request;
    assert.deepEqual(shown, expected);
    const { valid, errors } = validatorFor('vendor-shipments-api-model/vendorShipments.json', 'SubmitShipmentConfirmationsRequest')(shown);
    assert.ok(valid, JSON.stringify(errors));

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(offsite, [], 'the form works offline: no request leaves the folder');
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});
