// The ASN web form (dist/asn-form/, built by js/build/web.mjs) in real headless Chromium, driven
// by playwright-core: a wrong SSCC check digit shows a message on that field, fixing it removes
// the message, and submitting shows exactly the request body the Rust fixture expects. Issue 21:
// on a form of hundreds of cartons (thousands of issues) a keystroke touches only the issue slots
// whose messages changed, and every slot still shows exactly the core's issues. The page runs
// under its Content-Security-Policy (a violation fails the test).
// Skipped when /usr/bin/chromium is absent, unless CI is set (then it fails).
// Build first: node js/build/build.mjs. Screenshot: target/test-artifacts/asn-form.png
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { validatorFor } from '../lib/models.mjs';
import { asnFormConfig } from '../bench/data.mjs';
import { distDir, loadPkgImport, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { skipWithoutChromium, withPage } from './harness/browser.mjs';
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

function checkFolder() {
  requireBuilt();
  assert.ok(fs.existsSync(path.join(FORM_DIR, 'asn-form.html')), 'dist/asn-form/ missing: run node js/build/build.mjs');
  for (const file of fs.readdirSync(FORM_DIR)) {
    if (file.endsWith('.mjs') || file.endsWith('.html')) {
      const text = fs.readFileSync(path.join(FORM_DIR, file), 'utf8');
      assert.doesNotMatch(text, /(from|import)\s*\(?\s*['"](https?:|\/\/|\.\.\/)/, `${file} loads nothing outside its folder`);
    }
  }
}

test('browser: the ASN form shows issues at their fields and submits the exact body', async (t) => {
  if (skipWithoutChromium(t)) return;
  checkFolder();
  await withPage(
    FORM_DIR,
    { overrides: { '/asn-form.config.json': ['application/json', JSON.stringify(formConfig())] } },
    async (page, origin) => {
      await page.goto(`${origin}/`);
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
      const { valid, errors } = validatorFor(
        'vendor-shipments-api-model/vendorShipments.json',
        'SubmitShipmentConfirmationsRequest',
      )(shown);
      assert.ok(valid, JSON.stringify(errors));

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    },
  );
});

/** Every issue slot's messages as [slot pointer, [code…]], as the page shows them. */
const slotsOf = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-issue-for]')]
      .filter((s) => s.childElementCount)
      .map((s) => [s.dataset.issueFor, [...s.querySelectorAll('[data-code]')].map((m) => m.dataset.code)]),
  );

test('browser: on a 300-carton form a keystroke touches only the issues that changed, and every issue is where the core says', async (t) => {
  if (skipWithoutChromium(t)) return;
  checkFolder();
  const { mod: core } = await loadPkgImport();
  const config = asnFormConfig(fixture('build-LooseAssortmentCase.input.json'), { cartons: 300 });
  await withPage(
    FORM_DIR,
    { overrides: { '/asn-form.config.json': ['application/json', JSON.stringify(config)] } },
    async (page, origin) => {
      await page.goto(`${origin}/`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
      const issues = (await page.evaluate(() => window.asnForm.check().issues)).length;
      assert.ok(issues >= 300, `${issues} issues on the form`);
      // The page's slots against the core's issues for the same input, in Node.
      const expectedSlots = async () => {
        const state = await page.evaluate(() => window.asnForm.state);
        const { issues: list } = core.buildShipmentConfirmation({
          ...state,
          skuMap: config.skuMap,
          purchaseOrders: config.purchaseOrders,
          acknowledgements: config.acknowledgements,
          now: config.now,
        });
        return list;
      };
      const shownCodes = async () => (await slotsOf(page)).flatMap(([, codes]) => codes).sort();
      assert.deepEqual(await shownCodes(), (await expectedSlots()).map((i) => i.code).sort());

      // Count the slots a keystroke changes: a MutationObserver on every issue slot.
      await page.evaluate(() => {
        window.__touched = new Set();
        new MutationObserver((records) => {
          for (const r of records) window.__touched.add(r.target.closest('[data-issue-for]')?.dataset.issueFor ?? r.target.nodeName);
        }).observe(document.querySelector('.asn-form'), { childList: true, subtree: true });
      });
      const field = page.locator('[data-path="/cartons/150/sscc"]');
      await field.scrollIntoViewIfNeeded();
      for (const key of ['1', '0', '6']) {
        await page.evaluate(() => window.__touched.clear());
        await field.press(key);
        const touched = await page.evaluate(() => [...window.__touched]);
        assert.ok(
          touched.length <= 3,
          `one keystroke on a form of ${issues} issues touched ${touched.length} slots: ${touched.slice(0, 5).join(', ')}`,
        );
        assert.ok(
          touched.every((s) => s.startsWith('/cartons/150')),
          `only carton 150's slots change: ${touched.join(', ')}`,
        );
      }
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await shownCodes(), (await expectedSlots()).map((i) => i.code).sort());
      // A valid label: that carton's message goes, every other stays.
      await field.fill('106141410000050007');
      assert.equal(await field.getAttribute('aria-invalid'), null);
      assert.equal(await page.locator('[data-issue-for="/cartons/150/sscc"]').evaluate((s) => s.childElementCount), 0);
      assert.deepEqual(await shownCodes(), (await expectedSlots()).map((i) => i.code).sort());
      // The same issue count on the other cartons: 299 missing labels left.
      assert.equal((await slotsOf(page)).filter(([p, codes]) => /\/sscc$/.test(p) && codes.includes('MISSING_CARTON_SSCC')).length, 299);
    },
  );
});
