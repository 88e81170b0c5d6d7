#!/usr/bin/env node
// The pages of dist/ in headless Debian Chromium (playwright-core, the flags of the browser
// tests), each served by its folder's own serve.mjs, under its Content-Security-Policy:
//
// - the ASN form with 1,000 cartons (two content lines each, no SSCC yet: thousands of issues):
//   per keystroke, the time from the input event to the form updated and laid out, minus the
//   core's own time (the form's User Timing measure `asn-form:core`) = the page's work;
// - the exceptions page with a 100,000-entry report: from the file chosen to the rows on screen
//   and to every filter and sort prepared; then each filter and sort, from the event to the new
//   rows drawn and laid out.
//
// Called by run.mjs (the benchmark command); alone: node js/bench/pages.mjs [--entries 100000]
// [--cartons 1000] (after node js/build/build.mjs). Prints the figures as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { asnFormConfig, exceptionsInput } from './data.mjs';
import { scriptOptions } from '../lib/options.mjs';
import { CHROMIUM } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

async function withPage(dir, overrides, body) {
  const { chromium } = await import('playwright-core');
  const { serveFolder } = await import(pathToFileURL(path.join(dir, 'serve.mjs')).href);
  const server = await serveFolder(dir, { overrides });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    const result = await body(page, `http://127.0.0.1:${server.address().port}`);
    return { ...result, version: context.browser()?.version() ?? null, errors };
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Keystrokes on a 1,000-carton ASN form: page work = keystroke to laid out, minus the core. */
export async function measureAsnForm({ cartons = 1_000, keystrokes = 30 } = {}) {
  const packing = JSON.parse(
    fs.readFileSync(path.join(repo, 'tests', 'fixtures', 'shipment', 'build-LooseAssortmentCase.input.json'), 'utf8'),
  );
  const config = asnFormConfig(packing, { cartons });
  return withPage(
    path.join(repo, 'dist', 'asn-form'),
    { '/asn-form.config.json': ['application/json', JSON.stringify(config)] },
    async (page, origin) => {
      const opened = Date.now();
      await page.goto(`${origin}/`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 600_000 });
      const mountMs = Date.now() - opened;
      const samples = await page.evaluate(
        async ({ count }) => {
          const form = window.asnForm;
          const issues = form.check().issues.length;
          // Fields across the form: a label (its issue changes as it is typed), a quantity, a lot.
          const fields = [
            '/cartons/500/sscc',
            '/cartons/10/contents/0/quantity',
            '/cartons/999/contents/1/lotNumber',
            '/shipmentIdentifier',
          ].map((p) => document.querySelector(`[data-path="${p}"]`));
          const keys = '1061414100000500';
          const out = [];
          for (let i = 0; i < count; i++) {
            const control = fields[i % fields.length];
            const key = keys[Math.floor(i / fields.length) % keys.length];
            // Between keystrokes the browser paints and settles, as between a person's keys.
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            const start = performance.now();
            control.value += key;
            control.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
            document.body.getBoundingClientRect(); // style and layout of what changed
            const total = performance.now() - start;
            const core = performance.getEntriesByName('asn-form:core').at(-1)?.duration ?? NaN;
            out.push({ total, core, page: total - core });
          }
          return { issues, samples: out };
        },
        { count: keystrokes },
      );
      const page_ = samples.samples.map((s) => s.page);
      return {
        cartons,
        issues: samples.issues,
        keystrokes,
        mountMs,
        pageMs: { median: median(page_), p95: percentile(page_, 0.95), max: Math.max(...page_) },
        coreMs: { median: median(samples.samples.map((s) => s.core)) },
        totalMs: { median: median(samples.samples.map((s) => s.total)) },
      };
    },
  );
}

/** A 100,000-entry report: load, then filters and sorts. */
export async function measureExceptionsPage({ entries = 100_000, rounds = 3, file } = {}) {
  const core = await import(pathToFileURL(path.join(repo, 'pkg', 'index.mjs')).href);
  const reportFile = file ?? path.join(repo, 'target', 'bench', `exceptions-${entries}.json`);
  if (!fs.existsSync(reportFile)) {
    core.configure({ maxInputBytes: 512 * 1024 * 1024 });
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    fs.writeFileSync(reportFile, core.exceptionsReportJson(JSON.stringify(exceptionsInput({ count: entries }))));
  }
  const bytes = fs.statSync(reportFile).size;
  return withPage(path.join(repo, 'dist', 'exceptions-page'), {}, async (page, origin) => {
    await page.goto(`${origin}/?now=2026-11-22T12:00:00Z`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    // Load: from the file input's change event to the rows on screen, and to every filter and
    // sort prepared (the page's data-state).
    await page.evaluate(() => {
      const root = document.querySelector('#exceptions');
      window.__marks = {};
      document.querySelector('#file-input').addEventListener(
        'change',
        () => {
          window.__marks.chosen = performance.now();
        },
        { capture: true },
      );
      new MutationObserver(() => {
        const state = root.dataset.state;
        if (!(state in window.__marks)) {
          window.__marks[state] = performance.now();
          if (state === 'shown') document.body.getBoundingClientRect();
        }
      }).observe(root, { attributes: true, attributeFilter: ['data-state'] });
    });
    await page.locator('#file-input').setInputFiles(reportFile);
    await page.waitForFunction(() => ['ready', 'refused'].includes(document.querySelector('#exceptions').dataset.state), null, {
      timeout: 600_000,
    });
    const marks = await page.evaluate(() => window.__marks);
    if (!marks.ready) throw new Error(`the report was refused: ${await page.locator('#load-error').innerText()}`);
    const rowsInPage = await page.locator('#entries tbody tr[data-rank]').count();

    // Filters and sorts: each from its event to the new rows drawn and laid out.
    const operations = await page.evaluate(
      async ({ rounds: n }) => {
        const root = document.querySelector('#exceptions');
        const viewed = () => new Promise((resolve) => root.addEventListener('exceptions-view', resolve, { once: true }));
        const click = (key) => () => document.querySelector(`button[data-sort="${key}"]`).click();
        const choose = (id, value) => () => {
          const control = document.querySelector(id);
          control.value = value;
          control.dispatchEvent(new Event('input', { bubbles: true }));
        };
        const steps = [
          ['sort by money at risk', click('moneyAtRisk')],
          ['reverse the sort', click('moneyAtRisk')],
          ['sort by due time', click('dueAt')],
          ['sort by message', click('message')],
          ['sort by PO', click('purchaseOrderNumber')],
          ['sort by code', click('code')],
          ['filter by owner', choose('#filter-owner', 'finance')],
          ['filter by severity', choose('#filter-severity', 'error')],
          ['type a search (1st key)', choose('#filter-text', 'p')],
          ['type a search (4th key)', choose('#filter-text', 'po-0')],
          ['type a search (8th key)', choose('#filter-text', 'po-00123')],
          [
            'clear the filters',
            () => {
              for (const id of ['#filter-owner', '#filter-severity', '#filter-text']) choose(id, '')();
            },
          ],
          ["back to the core's order", click('rank')],
        ];
        const times = Object.fromEntries(steps.map(([name]) => [name, []]));
        const shown = {};
        for (let round = 0; round < n; round++) {
          for (const [name, act] of steps) {
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            const done = viewed();
            const start = performance.now();
            act();
            const { detail } = await done;
            document.body.getBoundingClientRect();
            times[name].push(performance.now() - start);
            shown[name] = detail.shown;
          }
        }
        return { times, shown };
      },
      { rounds },
    );
    const ops = Object.entries(operations.times).map(([name, samples]) => ({
      name,
      medianMs: median(samples),
      maxMs: Math.max(...samples),
      shown: operations.shown[name],
    }));
    return {
      entries,
      bytes,
      rowsInPage,
      loadMs: { shown: marks.shown - marks.chosen, ready: marks.ready - marks.chosen },
      operations: ops,
      slowest: ops.reduce((a, b) => (b.medianMs > a.medianMs ? b : a)),
    };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = scriptOptions(
    { cartons: 1_000, entries: 100_000 },
    { usage: 'node js/bench/pages.mjs [--cartons 1000] [--entries 100000]' },
  );
  const asn = await measureAsnForm({ cartons: option.cartons });
  const exceptions = await measureExceptionsPage({ entries: option.entries });
  console.log(JSON.stringify({ asn, exceptions }, null, 2));
}
