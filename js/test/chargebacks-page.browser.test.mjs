// Issue 20 point 4 in real headless Chromium: the exceptions page's chargeback view. Engine
// outputs dropped on the page are reported by the core, and the chargebacks they lead to are
// forecast by the core (the same `chargebackExposure` answer as in Node, on the same entries);
// money at risk by landing week and by type are SVG bar charts whose bars are keyboard buttons
// (Tab reaches a chart, arrows move, Enter shows the list behind the bar); a scorecard's trends
// are line charts whose points do the same; every list exports as CSV with formula-injection-safe
// cells. Screenshot: target/test-artifacts/chargebacks-page.png. Build first: node js/build/build.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, loadPkgImport, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { skipWithoutChromium, withPage } from './harness/browser.mjs';

const PAGE_DIR = path.join(distDir, 'exceptions-page');
const SCREENSHOT = path.join(repoRoot, 'target', 'test-artifacts', 'chargebacks-page.png');
const NOW = '2026-11-22T12:00:00Z';
const usd = (amount) => ({ amount, currencyCode: 'USD' });

// Exceptions as engines return them: an acknowledgement held past nothing yet, accepted lines
// never shipped, an overage, a unit-size conflict; one whose PO number is a spreadsheet formula.
const ACK_OUTPUT = {
  exceptions: [
    {
      code: 'APPROVAL_REQUIRED',
      severity: 'warning',
      purchaseOrderNumber: 'PO-1',
      message: 'PO PO-1 needs approval',
      dueAt: '2026-11-22T18:00:00Z',
      moneyAtRisk: usd('720.00'),
    },
    {
      code: 'UNIT_SIZE_MISMATCH',
      severity: 'error',
      purchaseOrderNumber: '=HYPERLINK("http://x")',
      itemSequenceNumber: '2',
      message: 'unit size',
      moneyAtRisk: usd('33.33'),
    },
  ],
};
const RECONCILE_OUTPUT = {
  exceptions: [
    {
      code: 'ACCEPTED_NOT_SHIPPED',
      severity: 'error',
      purchaseOrderNumber: 'PO-2',
      itemSequenceNumber: '1',
      message: 'not shipped',
      dueAt: '2026-11-20T00:00:00Z',
      moneyAtRisk: usd('250.00'),
    },
    {
      code: 'ACCEPTED_NOT_SHIPPED',
      severity: 'error',
      purchaseOrderNumber: 'PO-2',
      itemSequenceNumber: '2',
      message: 'not shipped',
      dueAt: '2026-11-20T00:00:00Z',
      moneyAtRisk: usd('99.99'),
    },
    {
      code: 'OVERAGE',
      severity: 'warning',
      purchaseOrderNumber: 'PO-3',
      itemSequenceNumber: '1',
      message: 'over',
      moneyAtRisk: usd('40.00'),
    },
    {
      code: 'SHORTAGE',
      severity: 'error',
      purchaseOrderNumber: 'PO-4',
      itemSequenceNumber: '1',
      message: 'short',
      moneyAtRisk: usd('12.00'),
    },
  ],
};

function dropFiles(page, files) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const [name, text] of list) transfer.items.add(new File([text], name, { type: 'application/json' }));
    document.querySelector('#exceptions').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const marks = (page, chart) =>
  page.locator(`#${chart} [role="button"]`).evaluateAll((gs) =>
    gs.map((g) => ({
      key: g.dataset.key,
      label: g.getAttribute('aria-label'),
      tabindex: g.getAttribute('tabindex'),
      pressed: g.getAttribute('aria-pressed'),
    })),
  );

const listRows = (page) =>
  page.locator('#chargebacks .cb-selection tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

test("browser: the chargeback view shows the core's forecast as keyboard-usable SVG charts, the list behind each bar, and safe CSV", async (t) => {
  if (skipWithoutChromium(t)) return;
  requireBuilt();
  assert.ok(
    fs.existsSync(path.join(PAGE_DIR, 'chargeback-view.mjs')),
    'dist/exceptions-page/ lacks the chargeback view: run node js/build/build.mjs',
  );
  const { mod: core } = await loadPkgImport();
  // What the page must show: the core's report of the two outputs, then the core's forecast.
  const report = JSON.parse(
    JSON.stringify(core.exceptionsReport({ exceptions: [...ACK_OUTPUT.exceptions, ...RECONCILE_OUTPUT.exceptions], now: NOW })),
  );
  const expected = JSON.parse(JSON.stringify(core.chargebackExposure({ exceptions: report.entries, now: NOW })));
  assert.equal(expected.chargebacks.length, 5);

  await withPage(PAGE_DIR, {}, async (page, origin) => {
    await page.goto(`${origin}/?now=${NOW}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await dropFiles(page, [
      ['ack.json', JSON.stringify(ACK_OUTPUT)],
      ['reconcile.json', JSON.stringify(RECONCILE_OUTPUT)],
    ]);
    await page.waitForSelector('#chargebacks:not([hidden]) #cb-week-USD', { timeout: 30000 });

    // The same data the core computed in Node.
    assert.deepEqual(await page.evaluate(() => window.exceptionsPage.state.exposure), expected);

    // One bar per landing week and per type, each saying its figures in words.
    const weeks = await marks(page, 'cb-week-USD');
    assert.deepEqual(
      weeks.map((w) => w.key),
      expected.byWeek.filter((w) => w.currencyCode === 'USD').map((w) => w.weekStart),
    );
    for (const [bar, w] of weeks.map((b, i) => [b, expected.byWeek.filter((x) => x.currencyCode === 'USD')[i]])) {
      assert.equal(bar.label, `${w.weekStart}: ${w.amount} USD, ${w.count} chargeback(s), ${w.avoidable} avoidable`);
    }
    const types = await marks(page, 'cb-type-USD');
    assert.deepEqual(
      types.map((b) => b.key),
      expected.byType.filter((x) => x.currencyCode === 'USD').map((x) => x.chargebackType),
    );
    // One tab stop per chart (roving focus).
    assert.deepEqual(
      weeks.map((w) => w.tabindex),
      weeks.map((_, i) => (i === 0 ? '0' : '-1')),
    );

    // Keyboard: focus the first week bar, arrow to the next, Enter: the list behind it.
    await page.locator('#cb-week-USD [role="button"]').first().focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.dataset.key);
    assert.equal(focused, weeks[1].key);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chargebacks .cb-selection table');
    const behind = expected.chargebacks.filter((c) => c.weekStart === weeks[1].key && c.amount?.currencyCode === 'USD');
    const rows = await listRows(page);
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[5]]),
      behind.map((c) => [c.chargebackType, c.purchaseOrderNumber ?? '', c.amount.amount]),
    );
    assert.equal((await marks(page, 'cb-week-USD'))[1].pressed, 'true');
    // A type bar by click.
    await page.locator('#cb-type-USD [data-key="notFilled"]').click();
    assert.deepEqual(
      (await listRows(page)).map((r) => [r[1], r[2], r[5]]),
      [
        ['PO-2', '1', '25.00'],
        ['PO-2', '2', '10.00'],
      ],
    );

    // CSV: every chargeback, the formula-looking PO number neutralised, quotes doubled.
    const csv = await page.evaluate(() => window.exceptionsPage.state.chargebackView.csv('cb-all'));
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      'chargebackType,purchaseOrderNumber,itemSequenceNumber,shipmentIdentifier,carton,amount,currencyCode,landsAt,weekStart,avoidable,avoidBy,action,evidence',
    );
    assert.equal(lines.length, expected.chargebacks.length + 2); // header + rows + the final CRLF
    const formula = lines.find((l) => l.startsWith('unitOfMeasure,'));
    assert.ok(formula.startsWith('unitOfMeasure,"\'=HYPERLINK(""http://x"")",2,'), formula);
    assert.ok(!lines.some((l) => /(^|,)[=+@]/.test(l)), 'no cell starts with a formula character');

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#chargebacks').screenshot({ path: SCREENSHOT });

    // Scorecard trends: a vendorScorecard answer computed in Node, shown by the same view.
    const inv = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'invoice', 'base.json'), 'utf8'));
    const scorecard = JSON.parse(
      JSON.stringify(
        core.vendorScorecard({
          purchaseOrders: inv.purchaseOrders,
          acknowledgements: inv.acknowledgements,
          shipments: inv.shipments,
          from: '2026-11-01T00:00:00Z',
          to: '2026-12-01T00:00:00Z',
          now: '2026-12-15T00:00:00Z',
        }),
      ),
    );
    await page.evaluate(async (sc) => {
      const { mountChargebackView } = await import('./chargeback-view.mjs');
      const section = document.createElement('section');
      section.id = 'scorecard-view';
      document.body.append(section);
      window.scorecardView = mountChargebackView(section, { scorecard: sc });
    }, scorecard);
    const fill = scorecard.figures.find((f) => f.figure === 'fillRate');
    const points = await marks(page, 'sc-fillRate');
    assert.deepEqual(
      points.map((p) => p.label),
      fill.weeks.map((w) => `${w.weekStart}: ${w.rate} (${w.numerator} / ${w.denominator})`),
    );
    await page.locator('#sc-fillRate [role="button"]').first().focus();
    await page.keyboard.press(' ');
    const contributions = await page
      .locator('#scorecard-view .cb-selection tbody tr')
      .evaluateAll((rs) => rs.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(
      contributions,
      fill.contributions.map((c) => ['fillRate', c.weekStart, c.purchaseOrderNumber, '', String(c.numerator), String(c.denominator)]),
    );
  });
});
