// Times a core function inside headless Debian Chromium (playwright-core, the same launch flags
// as js/test/browser.test.mjs): the ESM bundle served from 127.0.0.1, each input passed in once,
// then called `warmup + runs` times inside the page so only the call itself is timed.
import fs from 'node:fs';
import http from 'node:http';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @param {string} esmBundle  path of dist/vendor-central-connector.esm.js
 * @param {string} fn         exported function to call
 * @param {{name: string, input: object}[]} cases
 * @returns {Promise<{version: string, times: Record<string, number[]>} | null>} null without Chromium
 */
export async function timeInChromium(esmBundle, fn, cases, { runs, warmup }) {
  if (!fs.existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const files = {
    '/': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><script type="module">import * as vcc from "/vcc.esm.js"; window.vcc = vcc;</script>',
    ],
    '/vcc.esm.js': ['text/javascript', fs.readFileSync(esmBundle)],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? file[0] : 'text/plain' });
    res.end(file ? file[1] : '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.vcc !== undefined);
    const times = {};
    for (const { name, input } of cases) {
      times[name] = await page.evaluate(
        ({ fn, input, runs, warmup }) => {
          const samples = [];
          for (let i = 0; i < warmup + runs; i++) {
            const start = performance.now();
            window.vcc[fn](input);
            if (i >= warmup) samples.push(performance.now() - start);
          }
          return samples;
        },
        { fn, input, runs, warmup },
      );
    }
    return { version: browser.version(), times };
  } finally {
    await browser.close();
    server.close();
  }
}
