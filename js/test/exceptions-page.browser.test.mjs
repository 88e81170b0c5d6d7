// The browser folders of issue 7 in real headless Chromium, driven by playwright-core:
// - dist/exceptions-page/: an exceptionsReport JSON opened with the file picker shows every entry
//   in the core's order, with due times, overdue rows highlighted and money at risk; severity,
//   owner, code and free-text filters; column sort; engine outputs dropped on the page are
//   reported by the core (same entries as exceptionsReport in Node);
// - issue 21: a 20,000-entry report keeps a bounded number of rows in the page (a virtual grid
//   with aria-rowcount / aria-rowindex, keyboard navigation), filters and sorts like the core's
//   order says; a malformed report is refused naming the file and the field, the rows before it
//   are cleared, and the page keeps working;
// - dist/asn-form/ack-preview.example.html: js/web/README.md's ten-line embed of the acknowledgement
//   preview shows the core's decisions and the exact request body.
// Every page runs under its Content-Security-Policy; a violation fails the test.
// Skipped when /usr/bin/chromium is absent, unless CI is set (then it fails).
// Build first: node js/build/build.mjs. Screenshot: target/test-artifacts/exceptions-page.png
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exceptionsInput } from '../bench/data.mjs';
import { distDir, loadPkgImport, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { skipWithoutChromium, withPage } from './harness/browser.mjs';
import { fixture } from './harness/suite.mjs';

const PAGE_DIR = path.join(distDir, 'exceptions-page');
const FORMS_DIR = path.join(distDir, 'asn-form');
const SCREENSHOT = path.join(repoRoot, 'target', 'test-artifacts', 'exceptions-page.png');
const REPORT = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'exceptions_report', 'merged.json'), 'utf8'));
// The fixture report was made at 2026-11-22T12:00:00Z; the page counts relative times from here.
const PAGE_NOW = '2026-11-22T12:00:00Z';

const rowsOf = (page) =>
  page.locator('#entries tbody tr[data-rank]').evaluateAll((rows) =>
    rows.map((r) => ({
      rank: Number(r.dataset.rank),
      code: r.dataset.code,
      owner: r.dataset.owner,
      severity: r.dataset.severity,
      overdue: r.dataset.overdue === 'true',
      due: r.querySelector('.xp-due')?.innerText.replace(/\s+/g, ' ').trim(),
      money: r.querySelector('.xp-money')?.innerText.trim(),
      highlighted: r.classList.contains('xp-overdue'),
      rowIndex: Number(r.getAttribute('aria-rowindex')),
    })),
  );

/** Waits until the page shows a report and no view is on its way (filters and sorts are async). */
const settled = (page, states = ['shown', 'ready']) =>
  page.waitForFunction(
    (wanted) => {
      const root = document.querySelector('#exceptions');
      return wanted.includes(root.dataset.state) && document.querySelector('#entries').getAttribute('aria-busy') === 'false';
    },
    states,
    { timeout: 30000 },
  );

function dropFiles(page, files) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const [name, text] of list) transfer.items.add(new File([text], name, { type: 'application/json' }));
    document.querySelector('#exceptions').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

function checkFolder() {
  requireBuilt();
  assert.ok(fs.existsSync(path.join(PAGE_DIR, 'exceptions-page.html')), 'dist/exceptions-page/ missing: run node js/build/build.mjs');
  for (const file of fs.readdirSync(PAGE_DIR).filter((f) => f.endsWith('.mjs') || f.endsWith('.html'))) {
    const text = fs.readFileSync(path.join(PAGE_DIR, file), 'utf8');
    assert.doesNotMatch(text, /(from|import)\s*\(?\s*['"](https?:|\/\/|\.\.\/)/, `${file} loads nothing outside its folder`);
  }
}

test("browser: the exceptions page opens a report, keeps the core's order, filters, sorts, and reports dropped engine outputs", async (t) => {
  if (skipWithoutChromium(t)) return;
  checkFolder();
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
      await settled(page);
      let rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => [r.rank, r.code]),
        REPORT.entries.map((e) => [e.rank, e.code]),
      );
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
      // The grid says how many rows there are in all, and where each drawn row is.
      assert.equal(await page.locator('#entries').getAttribute('role'), 'grid');
      assert.equal(await page.locator('#entries').getAttribute('aria-rowcount'), String(REPORT.entries.length + 1));
      assert.deepEqual(
        rows.map((r) => r.rowIndex),
        REPORT.entries.map((_, i) => i + 2),
      );

      // Filters: owner, severity, code, free text; "showing n of m".
      await page.locator('#filter-owner').selectOption('finance');
      await settled(page);
      rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => r.rank),
        REPORT.entries.filter((e) => e.owner === 'finance').map((e) => e.rank),
      );
      assert.match(await page.locator('#showing').innerText(), new RegExp(`showing ${rows.length} of ${REPORT.entries.length}`));
      assert.equal(await page.locator('#entries').getAttribute('aria-rowcount'), String(rows.length + 1));
      await page.locator('#filter-owner').selectOption('');
      await page.locator('#filter-severity').selectOption('warning');
      await settled(page);
      assert.deepEqual(
        (await rowsOf(page)).map((r) => r.rank),
        REPORT.entries.filter((e) => e.severity === 'warning').map((e) => e.rank),
      );
      await page.locator('#filter-severity').selectOption('');
      await page.locator('#filter-code').selectOption('TRANSACTION_FAILED');
      await settled(page);
      assert.deepEqual(
        (await rowsOf(page)).map((r) => r.code),
        ['TRANSACTION_FAILED'],
      );
      await page.locator('#filter-code').selectOption('');
      await page.locator('#filter-text').fill('po-4');
      await settled(page);
      assert.deepEqual(
        (await rowsOf(page)).map((r) => r.rank),
        REPORT.entries.filter((e) => JSON.stringify(e).toLowerCase().includes('po-4')).map((e) => e.rank),
      );
      await page.locator('#filter-text').fill('no such words');
      await settled(page);
      assert.equal((await rowsOf(page)).length, 0);
      assert.equal(await page.locator('#no-match').isVisible(), true);
      await page.locator('#filter-text').fill('');
      await settled(page);

      // Column sort (presentation): money at risk, largest first, then back to the core's order.
      await page.locator('button[data-sort="moneyAtRisk"]').click();
      await settled(page);
      rows = await rowsOf(page);
      const withMoney = REPORT.entries.filter((e) => e.moneyAtRisk);
      assert.deepEqual(
        rows.slice(0, withMoney.length).map((r) => r.rank),
        [...withMoney].sort((a, b) => Number(b.moneyAtRisk.amount) - Number(a.moneyAtRisk.amount) || a.rank - b.rank).map((e) => e.rank),
      );
      assert.ok(
        rows.slice(withMoney.length).every((r) => r.money === ''),
        'entries without money last',
      );
      assert.equal(await page.locator('th:has(button[data-sort="moneyAtRisk"])').getAttribute('aria-sort'), 'descending');
      // The sort buttons are kept (updated in place), so the keyboard focus stays on the one used.
      await page.locator('button[data-sort="code"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), 'code');
      assert.deepEqual(
        (await rowsOf(page)).map((r) => r.code),
        REPORT.entries.map((e) => e.code).sort(),
      );
      await page.locator('button[data-sort="rank"]').click();
      await settled(page);
      assert.deepEqual(
        (await rowsOf(page)).map((r) => r.rank),
        REPORT.entries.map((e) => e.rank),
      );

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Drag and drop engine outputs: the page's worker calls the core's exceptionsReport.
      const ack = core.decideAcknowledgements(fixture());
      const transactions = {
        transactions: [
          {
            transactionId: 'T-9',
            status: 'Failure',
            submittedAt: '2026-11-22T11:00:00Z',
            kind: 'acknowledgement',
            purchaseOrderNumber: 'PO-9',
            errors: [{ code: 'InvalidInput', message: 'bad' }],
          },
        ],
      };
      const expected = core.exceptionsReport({ exceptions: ack.exceptions, transactions: transactions.transactions, now: PAGE_NOW });
      await dropFiles(page, [
        ['ack-output.json', JSON.stringify(ack)],
        ['transactions.json', JSON.stringify(transactions)],
      ]);
      await page.waitForFunction(() => document.querySelector('#showing')?.textContent.includes('reported in this page'), null, {
        timeout: 10000,
      });
      await settled(page);
      rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => [r.rank, r.code, r.owner]),
        expected.entries.slice(0, rows.length).map((e) => [e.rank, e.code, e.owner]),
      );
      assert.equal(await page.locator('#entries').getAttribute('aria-rowcount'), String(expected.entries.length + 1));
      assert.ok(rows.some((r) => r.code === 'TRANSACTION_FAILED'));

      // An engine output the core refuses: the file and the field inside it are named.
      const badAck = { ...ack, exceptions: ack.exceptions.map((e, i) => (i === 1 ? { ...e, dueAt: 'tomorrow' } : e)) };
      await dropFiles(page, [
        ['transactions.json', JSON.stringify(transactions)],
        ['bad-ack.json', JSON.stringify(badAck)],
      ]);
      await page.locator('#load-error').waitFor({ state: 'visible', timeout: 10000 });
      assert.match(await page.locator('#load-error').innerText(), /^bad-ack\.json: exceptions\/1\/dueAt: .*ISO-8601.*\(INVALID_DATE\)$/);
      assert.equal((await rowsOf(page)).length, 0, 'the rows before are cleared');

      // A file that is neither: a clear message, and no rows of an earlier file left beside it.
      await page.locator('#file-input').setInputFiles(reportFile);
      await settled(page);
      await dropFiles(page, [['other.json', '{"hello": 1}']]);
      await page.locator('#load-error').waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await page.locator('#load-error').innerText(), /other\.json: neither an exceptionsReport output nor an engine output/);
      assert.equal((await rowsOf(page)).length, 0);
      assert.equal(await page.locator('#summary').innerText(), '');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('browser: a 20,000-entry report stays a bounded grid; a malformed report is refused by file and field, its predecessor cleared', async (t) => {
  if (skipWithoutChromium(t)) return;
  checkFolder();
  const { mod: core } = await loadPkgImport();
  core.configure({ maxInputBytes: 64 * 1024 * 1024 });
  const report = core.exceptionsReport(exceptionsInput({ count: 20_000 }));
  core.configure({ maxInputBytes: 16 * 1024 * 1024 });
  const entries = report.entries;
  assert.equal(entries.length, 20_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-xp-big-'));
  try {
    const good = path.join(dir, 'big.json');
    fs.writeFileSync(good, JSON.stringify(report));
    const malformed = structuredClone(report);
    malformed.entries[17].dueAt = 'soon';
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(malformed));
    const summaryOff = structuredClone(report);
    summaryOff.summary.total += 1;
    const badSummary = path.join(dir, 'bad-summary.json');
    fs.writeFileSync(badSummary, JSON.stringify(summaryOff));
    const notJson = path.join(dir, 'cut.json');
    fs.writeFileSync(notJson, JSON.stringify(report).slice(0, 5000));

    await withPage(PAGE_DIR, {}, async (page, origin) => {
      await page.goto(`${origin}/?now=${PAGE_NOW}`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
      await page.locator('#file-input').setInputFiles(good);
      await settled(page, ['ready']);

      // Bounded: only the rows in view (and a margin) are in the page; the grid tells the rest.
      const grid = page.locator('#entries');
      assert.equal(await grid.getAttribute('aria-rowcount'), '20001');
      let rows = await rowsOf(page);
      assert.ok(rows.length > 0 && rows.length <= 100, `${rows.length} rows drawn for 20,000 entries`);
      assert.deepEqual(
        rows.map((r) => r.rank),
        entries.slice(0, rows.length).map((e) => e.rank),
      );
      assert.ok(rows.every((r) => r.rowIndex === r.rank + 1));

      // Scrolling draws the rows of the new place, still a bounded number.
      await page.locator('.vt-scroller').evaluate((s) => {
        s.scrollTop = s.scrollHeight / 2;
      });
      await page.waitForFunction(() => Number(document.querySelector('#entries tbody tr[data-rank]')?.dataset.rank) > 5000, null, {
        timeout: 5000,
      });
      rows = await rowsOf(page);
      assert.ok(rows.length <= 100);
      assert.ok(
        rows.every((r, i) => r.rank === rows[0].rank + i && r.rowIndex === r.rank + 1),
        'consecutive rows, each at its aria-rowindex',
      );

      // Keyboard: the grid is one tab stop; End, Home, Page Down, arrows move the active row.
      await grid.focus();
      const active = () =>
        page.evaluate(() => {
          const id = document.querySelector('#entries').getAttribute('aria-activedescendant');
          const row = id && document.getElementById(id);
          return row ? { rank: Number(row.dataset.rank), rowIndex: Number(row.getAttribute('aria-rowindex')) } : null;
        });
      await page.keyboard.press('End');
      assert.deepEqual(await active(), { rank: 20_000, rowIndex: 20_001 });
      assert.ok((await rowsOf(page)).length <= 100);
      await page.keyboard.press('Home');
      assert.deepEqual(await active(), { rank: 1, rowIndex: 2 });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.deepEqual(await active(), { rank: 3, rowIndex: 4 });
      await page.keyboard.press('PageDown');
      const paged = await active();
      assert.ok(paged.rank > 5, `Page Down moves a page (to rank ${paged?.rank})`);
      await page.keyboard.press('ArrowUp');
      assert.equal((await active()).rank, paged.rank - 1);

      // Sort by money at risk: largest first, ties (and currencies) as the page's order says,
      // entries without money last; the first rows drawn are the expected ones.
      await page.locator('button[data-sort="moneyAtRisk"]').click();
      await settled(page, ['ready']);
      const byMoney = entries
        .filter((e) => e.moneyAtRisk)
        .sort(
          (a, b) =>
            Number(b.moneyAtRisk.amount) - Number(a.moneyAtRisk.amount) ||
            (a.moneyAtRisk.currencyCode < b.moneyAtRisk.currencyCode
              ? 1
              : a.moneyAtRisk.currencyCode > b.moneyAtRisk.currencyCode
                ? -1
                : 0) ||
            a.rank - b.rank,
        );
      rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => r.rank),
        byMoney.slice(0, rows.length).map((e) => e.rank),
      );
      // Due time ascending, entries without one last.
      await page.locator('button[data-sort="dueAt"]').click();
      await settled(page, ['ready']);
      const byDue = entries.filter((e) => e.dueAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.rank - b.rank);
      rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => r.rank),
        byDue.slice(0, rows.length).map((e) => e.rank),
      );
      // A filter on top of the sort: as many as the entries that match, in the same order.
      await page.locator('#filter-text').fill('po-0012');
      await settled(page, ['ready']);
      const searched = [
        'code',
        'message',
        'action',
        'purchaseOrderNumber',
        'itemSequenceNumber',
        'sku',
        'transactionId',
        'owner',
        'source',
      ];
      const dueOrder = [...byDue, ...entries.filter((e) => !e.dueAt)];
      const matching = dueOrder.filter((e) => searched.some((k) => e[k] !== undefined && String(e[k]).toLowerCase().includes('po-0012')));
      assert.ok(matching.length > 0);
      assert.match(await page.locator('#showing').innerText(), new RegExp(`showing ${matching.length} of 20000`));
      rows = await rowsOf(page);
      assert.deepEqual(
        rows.map((r) => r.rank),
        matching.slice(0, rows.length).map((e) => e.rank),
      );
      await page.locator('#filter-text').fill('');
      await settled(page, ['ready']);

      // A malformed report: refused with the file and the field named; the rows before it go.
      await page.locator('#file-input').setInputFiles(bad);
      await page.waitForFunction(() => document.querySelector('#exceptions').dataset.state === 'refused', null, { timeout: 30000 });
      const message = await page.locator('#load-error').innerText();
      assert.match(message, /^bad\.json: entries\/17\/dueAt: .*`soon` is not an ISO-8601 date-time.*\(INVALID_DATE\)$/);
      assert.equal((await rowsOf(page)).length, 0, 'no row of the previous report is left');
      assert.equal(await page.locator('#summary').innerText(), '');
      assert.equal(await page.locator('.xp-filters').isVisible(), false);
      assert.equal(await grid.getAttribute('aria-rowcount'), '1');
      // The page keeps working: keys on the empty grid, then other refusals, then a good file.
      await grid.focus();
      await page.keyboard.press('End');
      await page.keyboard.press('PageUp');
      await page.locator('#file-input').setInputFiles(badSummary);
      await page.waitForFunction(() => document.querySelector('#load-error').textContent.startsWith('bad-summary.json'), null, {
        timeout: 30000,
      });
      assert.match(await page.locator('#load-error').innerText(), /^bad-summary\.json: summary\/total: .*20001.*20000.*\(INVALID_VALUE\)$/);
      await page.locator('#file-input').setInputFiles(notJson);
      await page.waitForFunction(() => document.querySelector('#load-error').textContent.startsWith('cut.json'), null, { timeout: 30000 });
      assert.match(await page.locator('#load-error').innerText(), /^cut\.json: not valid JSON/);
      await page.locator('#file-input').setInputFiles(good);
      await settled(page);
      assert.equal(await page.locator('#load-error').isVisible(), false);
      assert.deepEqual(
        (await rowsOf(page)).slice(0, 3).map((r) => r.rank),
        [1, 2, 3],
      );
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("browser: js/web/README.md's ten-line acknowledgement preview embed shows the core's decisions and request", async (t) => {
  if (skipWithoutChromium(t)) return;
  requireBuilt();
  const example = fs.readFileSync(path.join(FORMS_DIR, 'ack-preview.example.html'), 'utf8');
  assert.ok(example.trim().split('\n').length <= 10, 'ten lines');
  const readme = fs.readFileSync(path.join(repoRoot, 'js', 'web', 'README.md'), 'utf8');
  assert.ok(readme.includes(example.trim()), 'js/web/README.md shows the tested example verbatim');

  const { mod: core } = await loadPkgImport();
  const input = fixture();
  const expected = core.decideAcknowledgements({ ...input, rules: { defaults: { minInventory: 2 } } });
  const erp = { purchaseOrders: input.purchaseOrders, inventory: input.inventory, skuMap: input.skuMap, now: input.now };
  await withPage(
    FORMS_DIR,
    {
      index: 'ack-preview.example.html',
      overrides: { '/open-orders.json': ['application/json', JSON.stringify(erp)] },
    },
    async (page, origin) => {
      const logged = [];
      page.on('console', (m) => logged.push(m.text()));
      await page.goto(`${origin}/`);
      await page.locator('#ack-decisions tbody tr').first().waitFor({ timeout: 30000 });
      const rows = await page
        .locator('#ack-decisions tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.dataset.po,
            tr.dataset.line,
            tr.dataset.code,
            ...[...tr.cells].slice(4, 7).map((c) => Number(c.textContent)),
          ]),
        );
      assert.deepEqual(
        rows,
        expected.decisions.map((d) => [d.purchaseOrderNumber, d.itemSequenceNumber, d.code, d.accepted, d.backordered, d.rejected]),
      );
      assert.deepEqual(JSON.parse(await page.locator('#ack-request-body').textContent()), JSON.parse(JSON.stringify(expected.request)));
      // Stock edited on the page: the preview follows.
      const noStock = input.inventory.map((p) => ({ sku: p.sku, available: 0 }));
      const changed = await page.evaluate((inventory) => window.ackPreview.update({ inventory }).decisions.map((d) => d.accepted), noStock);
      assert.deepEqual(
        changed,
        core
          .decideAcknowledgements({ ...input, inventory: noStock, rules: { defaults: { minInventory: 2 } } })
          .decisions.map((d) => d.accepted),
      );
      assert.ok(logged.length >= 1, 'onChange received the result');
    },
  );
});
