// The browser folders of issue 7 in real headless Chromium, driven by playwright-core:
// - dist/exceptions-page/: an exceptionsReport JSON opened with the file picker shows every entry
//   in the core's order, with due times, overdue rows highlighted and money at risk; severity,
//   owner, code and free-text filters; column sort; engine outputs dropped on the page are
//   reported by the core (same entries as exceptionsReport in Node);
// - dist/asn-form/ack-preview.example.html: the README's ten-line embed of the acknowledgement
//   preview shows the core's decisions and the exact request body.
// Skipped when /usr/bin/chromium is absent, unless CI is set (then it fails).
// Build first: node js/build/build.mjs. Screenshot: target/test-artifacts/exceptions-page.png
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, loadPkgImport, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { fixture } from './harness/suite.mjs';

const CHROMIUM = '/usr/bin/chromium';
const PAGE_DIR = path.join(distDir, 'exceptions-page');
const FORMS_DIR = path.join(distDir, 'asn-form');
const SCREENSHOT = path.join(repoRoot, 'target', 'test-artifacts', 'exceptions-page.png');
const REPORT = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'exceptions_report', 'merged.json'), 'utf8'));
// The fixture report was made at 2026-11-22T12:00:00Z; the page counts relative times from here.
const PAGE_NOW = '2026-11-22T12:00:00Z';

function skipWithoutChromium(t) {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.CI) assert.fail(`${CHROMIUM} is missing (CI is set, so this is a failure): bash js/tasks/setup.sh --browser`);
  t.skip(`${CHROMIUM} not installed (install: bash js/tasks/setup.sh --browser)`);
  return true;
}

async function withPage(dir, { overrides = {}, index } = {}, body) {
  const { chromium } = await import('playwright-core');
  const { serveFolder } = await import(path.join(dir, 'serve.mjs'));
  const server = await serveFolder(dir, { overrides, index });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-chromium-'));
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
    const origin = `http://127.0.0.1:${server.address().port}`;
    const offsite = [];
    page.on('request', (r) => { if (!r.url().startsWith(`${origin}/`)) offsite.push(r.url()); });
    await body(page, origin);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(offsite, [], 'nothing is loaded from outside the folder');
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

const rowsOf = (page) => page.locator('#entries tbody tr[data-rank]').evaluateAll((rows) => rows.map((r) => ({
  rank: Number(r.dataset.rank), code: r.dataset.code, owner: r.dataset.owner, severity: r.dataset.severity, overdue: r.dataset.overdue === 'true',
  due: r.querySelector('.xp-due')?.innerText.replace(/\s+/g, ' ').trim(), money: r.querySelector('.xp-money')?.innerText.trim(),
  highlighted: r.classList.contains('xp-overdue'),
})));

test('browser: the exceptions page opens a report, keeps the core\'s order, filters, sorts, and reports dropped engine outputs', async (t) => {
  if (skipWithoutChromium(t)) return;
  requireBuilt();
  assert.ok(fs.existsSync(path.join(PAGE_DIR, 'exceptions-page.html')), 'dist/exceptions-page/ missing: run node js/build/build.mjs');
  for (const file of fs.readdirSync(PAGE_DIR).filter((f) => f.endsWith('.mjs') || f.endsWith('.html'))) {
    const text = fs.readFileSync(path.join(PAGE_DIR, file), 'utf8');
    assert.doesNotMatch(text, /(from|import)\s*\(?\s*['"](https?:|\/\/|\.\.\/)/, `${file} loads nothing outside its folder`);
  }
  const { mod: core } = await loadPkgImport();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-xp-'));
  try {
    const reportFile = path.join(dir, 'report.json');
    fs.writeFileSync(reportFile, JSON.stringify(REPORT));

    await withPage(PAGE_DIR, {}, async (page, origin) => {
      await page.goto(`${origin}/?now=${PAGE_NOW}`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });

      // File picker: the report as the core ordered it, every entry.
      await page.locator('#file-input').setInputFiles(reportFile);
      await page.locator('#entries tbody tr[data-rank]').first().waitFor({ timeout: 5000 });
      let rows = await rowsOf(page);
      assert.deepEqual(rows.map((r) => [r.rank, r.code]), REPORT.entries.map((e) => [e.rank, e.code]));
      // Due times absolute (UTC) and relative to now; overdue rows highlighted; money at risk.
      const first = REPORT.entries[0];
      assert.equal(rows[0].overdue, true);
      assert.equal(rows[0].highlighted, true);
      assert.match(rows[0].due, /^2026-11-22 10:00 UTC 2 hours ago overdue$/);
      assert.equal(rows[0].money, `${first.moneyAtRisk.amount} ${first.moneyAtRisk.currencyCode}`);
      const future = rows.find((r) => r.code === 'CURRENCY_NOT_USED_BY_CUSTOMER');
      assert.equal(future.highlighted, false);
      assert.match(future.due, /^2026-11-22 16:00 UTC in 4 hours$/);
      for (const [row, entry] of rows.map((r, i) => [r, REPORT.entries[i]])) {
        assert.equal(row.money, entry.moneyAtRisk ? `${entry.moneyAtRisk.amount} ${entry.moneyAtRisk.currencyCode}` : '');
        if (!entry.dueAt) assert.equal(row.due, '—');
      }
      const summary = await page.locator('#summary').innerText();
      assert.match(summary, new RegExp(`${REPORT.summary.total} exception\\(s\\), ${REPORT.summary.overdue} overdue`));
      for (const m of REPORT.summary.moneyAtRisk) assert.ok(summary.includes(`${m.amount} ${m.currencyCode}`));

      // Filters: owner, severity, code, free text; "showing n of m".
      await page.locator('#filter-owner').selectOption('finance');
      rows = await rowsOf(page);
      assert.deepEqual(rows.map((r) => r.rank), REPORT.entries.filter((e) => e.owner === 'finance').map((e) => e.rank));
      assert.match(await page.locator('#showing').innerText(), new RegExp(`showing ${rows.length} of ${REPORT.entries.length}`));
      await page.locator('#filter-owner').selectOption('');
      await page.locator('#filter-severity').selectOption('warning');
      assert.deepEqual((await rowsOf(page)).map((r) => r.rank), REPORT.entries.filter((e) => e.severity === 'warning').map((e) => e.rank));
      await page.locator('#filter-severity').selectOption('');
      await page.locator('#filter-code').selectOption('TRANSACTION_FAILED');
      assert.deepEqual((await rowsOf(page)).map((r) => r.code), ['TRANSACTION_FAILED']);
      await page.locator('#filter-code').selectOption('');
      await page.locator('#filter-text').fill('po-4');
      assert.deepEqual((await rowsOf(page)).map((r) => r.rank), REPORT.entries.filter((e) => JSON.stringify(e).toLowerCase().includes('po-4')).map((e) => e.rank));
      await page.locator('#filter-text').fill('');

      // Column sort (presentation): money at risk, largest first, then back to the core's order.
      await page.locator('button[data-sort="moneyAtRisk"]').click();
      rows = await rowsOf(page);
      const withMoney = REPORT.entries.filter((e) => e.moneyAtRisk);
      assert.deepEqual(rows.slice(0, withMoney.length).map((r) => r.rank),
        [...withMoney].sort((a, b) => Number(b.moneyAtRisk.amount) - Number(a.moneyAtRisk.amount) || a.rank - b.rank).map((e) => e.rank));
      assert.ok(rows.slice(withMoney.length).every((r) => r.money === ''), 'entries without money last');
      assert.equal(await page.locator('th:has(button[data-sort="moneyAtRisk"])').getAttribute('aria-sort'), 'descending');
      await page.locator('button[data-sort="rank"]').click();
      assert.deepEqual((await rowsOf(page)).map((r) => r.rank), REPORT.entries.map((e) => e.rank));

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Drag and drop engine outputs: the page calls the core's exceptionsReport (ESM bundle).
      const ack = core.decideAcknowledgements(fixture());
      const transactions = { transactions: [{ transactionId: 'T-9', status: 'Failure', submittedAt: '2026-11-22T11:00:00Z', kind: 'acknowledgement', purchaseOrderNumber: 'PO-9', errors: [{ code: 'InvalidInput', message: 'bad' }] }] };
      const expected = core.exceptionsReport({ exceptions: ack.exceptions, transactions: transactions.transactions, now: PAGE_NOW });
      await page.evaluate(([ackText, txText]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([ackText], 'ack-output.json', { type: 'application/json' }));
        transfer.items.add(new File([txText], 'transactions.json', { type: 'application/json' }));
        document.querySelector('#exceptions').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, [JSON.stringify(ack), JSON.stringify(transactions)]);
      await page.waitForFunction(() => document.querySelector('#showing')?.textContent.includes('reported in this page'), null, { timeout: 5000 });
      rows = await rowsOf(page);
      assert.deepEqual(rows.map((r) => [r.rank, r.code, r.owner]), expected.entries.map((e) => [e.rank, e.code, e.owner]));
      assert.ok(rows.some((r) => r.code === 'TRANSACTION_FAILED'));

      // A file that is neither: a clear message, the table left as it was.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['{"hello": 1}'], 'other.json', { type: 'application/json' }));
        document.querySelector('#exceptions').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await page.locator('#load-error').waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await page.locator('#load-error').innerText(), /other\.json: neither an exceptionsReport output nor an engine output/);
      assert.equal((await rowsOf(page)).length, expected.entries.length);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('browser: the README\'s ten-line acknowledgement preview embed shows the core\'s decisions and request', async (t) => {
  if (skipWithoutChromium(t)) return;
  requireBuilt();
  const example = fs.readFileSync(path.join(FORMS_DIR, 'ack-preview.example.html'), 'utf8');
  assert.ok(example.trim().split('\n').length <= 10, 'ten lines');
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  assert.ok(readme.includes(example.trim()), 'the README shows the tested example verbatim');

  const { mod: core } = await loadPkgImport();
  const input = fixture();
  const expected = core.decideAcknowledgements({ ...input, rules: { defaults: { minInventory: 2 } } });
  const erp = { purchaseOrders: input.purchaseOrders, inventory: input.inventory, skuMap: input.skuMap, now: input.now };
  await withPage(FORMS_DIR, {
    index: 'ack-preview.example.html',
    overrides: { '/open-orders.json': ['application/json', JSON.stringify(erp)] },
  }, async (page, origin) => {
    const logged = [];
    page.on('console', (m) => logged.push(m.text()));
    await page.goto(`${origin}/`);
    await page.locator('#ack-decisions tbody tr').first().waitFor({ timeout: 30000 });
    const rows = await page.locator('#ack-decisions tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.po, tr.dataset.line, tr.dataset.code,
      ...[...tr.cells].slice(4, 7).map((c) => Number(c.textContent))]));
    assert.deepEqual(rows, expected.decisions.map((d) => [d.purchaseOrderNumber, d.itemSequenceNumber, d.code, d.accepted, d.backordered, d.rejected]));
    assert.deepEqual(JSON.parse(await page.locator('#ack-request-body').textContent()), JSON.parse(JSON.stringify(expected.request)));
    // Stock edited on the page: the preview follows.
    const noStock = input.inventory.map((p) => ({ sku: p.sku, available: 0 }));
    const changed = await page.evaluate((inventory) => window.ackPreview.update({ inventory }).decisions.map((d) => d.accepted), noStock);
    assert.deepEqual(changed, core.decideAcknowledgements({ ...input, inventory: noStock, rules: { defaults: { minInventory: 2 } } }).decisions.map((d) => d.accepted));
    assert.ok(logged.length >= 1, 'onChange received the result');
  });
});
