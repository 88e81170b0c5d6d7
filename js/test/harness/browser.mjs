// Headless Debian Chromium for the page tests (playwright-core, never a downloaded browser), with
// what every page test checks: no uncaught error, no request leaving the folder, and no
// Content-Security-Policy violation (each one is recorded in the page by a listener installed
// before any page script runs, and Chromium's console reports of refusals are collected too).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Skips the test without Chromium, unless CI is set (then it fails). True when skipped. */
export function skipWithoutChromium(t) {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.CI) assert.fail(`${CHROMIUM} is missing (CI is set, so this is a failure): bash js/tasks/setup.sh --browser`);
  t.skip(`${CHROMIUM} not installed (install: bash js/tasks/setup.sh --browser)`);
  return true;
}

/** Runs in every page before its scripts: records each CSP violation the page sees. */
const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
  });
};

/**
 * Serves `dir` with its own serve.mjs (the one the folder ships), opens Chromium and runs
 * `body(page, origin, watch)`; then asserts no page error, no off-folder request and no CSP
 * violation. `watch.violations(page)` reads the violations so far (for tests that provoke one:
 * they pass `{ expectViolations: true }` and check them themselves).
 */
export async function withPage(dir, { overrides = {}, index, expectViolations = false } = {}, body) {
  const { chromium } = await import('playwright-core');
  const { serveFolder } = await import(path.join(dir, 'serve.mjs'));
  const server = await serveFolder(dir, { overrides, index });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    await context.addInitScript(RECORD_VIOLATIONS);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    const consoleRefusals = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleRefusals.push(m.text());
    });
    const origin = `http://127.0.0.1:${server.address().port}`;
    const offsite = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(`${origin}/`)) offsite.push(r.url());
    });
    const watch = {
      violations: (p = page) => p.evaluate(() => window.__cspViolations ?? []),
      consoleRefusals,
    };
    await body(page, origin, watch);
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
    assert.deepEqual(offsite, [], 'nothing is loaded from outside the folder');
    if (!expectViolations) {
      for (const p of context.pages())
        assert.deepEqual(await watch.violations(p).catch(() => []), [], 'no Content-Security-Policy violation');
      assert.deepEqual(consoleRefusals, [], 'no Content-Security-Policy refusal in the console');
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
