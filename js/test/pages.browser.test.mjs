// Issue 21, "pages stay strict": the bundled static server (js/web/serve.mjs) survives malformed
// requests, and every page ships a Content-Security-Policy — a <meta> tag and the same policy
// in serve.mjs's header — that forbids inline script except the page's own, by hash. In
// headless Chromium each page runs clean under it, and a script injected into the page (an
// element, an event-handler attribute, eval) is refused, by the header alone and by the meta
// tag alone. Skipped without /usr/bin/chromium (unless CI is set); the server tests run anyway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { distDir, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { skipWithoutChromium, withPage } from './harness/browser.mjs';

const WEB = path.join(repoRoot, 'js', 'web');
const { serveFolder, contentSecurityPolicy, inlineScriptHashes } = await import(path.join(WEB, 'serve.mjs'));

/** Sends raw bytes (so nothing on the way fixes the request line) and returns the status. */
function raw(port, text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(text.slice(0, 60))}`));
    });
  });
}
const get = (port, target, method = 'GET') => raw(port, `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

test('pages: serve.mjs answers malformed requests and keeps serving', async () => {
  const server = await serveFolder(WEB);
  const { port } = server.address();
  try {
    // The request of issue 21 that stopped the server, and its relatives.
    assert.equal(await get(port, '/%E0%A4%A'), 400);
    assert.equal(await get(port, '/%'), 400);
    assert.equal(await get(port, '/%zz/asn-form.html'), 400);
    assert.equal(await get(port, '/asn-form.html%00.txt'), 400);
    assert.equal(await get(port, '/%C0%AF'), 400); // an overlong UTF-8 "/"
    // Out of the folder, or not a file: not found.
    assert.equal(await get(port, '/..%2f..%2f..%2fCargo.toml'), 404);
    assert.equal(await get(port, '/../../Cargo.toml'), 404);
    assert.equal(await get(port, `/${'a'.repeat(5000)}`), 404);
    assert.equal(await get(port, '/asn-form.html/'), 404);
    // Methods other than GET and HEAD.
    assert.equal(await get(port, '/', 'POST'), 405);
    assert.equal(await get(port, '/', 'DELETE'), 405);
    // Still serving, with the policy in the header.
    assert.equal(await get(port, '/asn-form.html', 'HEAD'), 200);
    const page = await fetch(`http://127.0.0.1:${port}/exceptions-page.html`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(page.headers.get('content-security-policy'), contentSecurityPolicy(html, { header: true }));
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const script = await fetch(`http://127.0.0.1:${port}/exceptions-worker.mjs`);
    assert.equal(script.status, 200);
    assert.match(
      script.headers.get('content-security-policy'),
      /script-src 'self' 'wasm-unsafe-eval';/,
      'the worker runs under the policy too',
    );
  } finally {
    server.close();
  }
});

test('pages: every page declares the policy serve.mjs sends, inline script allowed only by its hash', () => {
  const pages = fs.readdirSync(WEB).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 3);
  for (const file of pages) {
    const html = fs.readFileSync(path.join(WEB, file), 'utf8');
    const policy = contentSecurityPolicy(html);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, `${file}: no unsafe-inline, unsafe-eval or wildcard`);
    assert.match(policy, /default-src 'none'/);
    const hashes = inlineScriptHashes(html);
    assert.ok(hashes.length >= 1, `${file} has its inline script`);
    for (const hash of hashes) assert.ok(policy.includes(`'${hash}'`));
    if (file.endsWith('.example.html')) continue; // an embed snippet: the host page's <head> holds the policy; the header serves it here
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, `${file} has a Content-Security-Policy <meta> tag`);
    assert.equal(
      meta[1],
      policy,
      `${file}: the <meta> policy is the one serve.mjs computes (run node -e to refresh the hash after editing the inline script)`,
    );
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), `${file}: the policy comes before any script`);
  }
});

/**
 * Tries three ways of running injected script; returns what ran. The eval runs from a timer:
 * code evaluated through DevTools (page.evaluate itself) is exempt from the page's policy.
 */
const inject = (page) =>
  page.evaluate(async () => {
    window.__ran = [];
    const s = document.createElement('script');
    s.textContent = 'window.__ran.push("element")';
    document.body.append(s);
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__ran.push("attribute")');
    document.body.append(div);
    div.click();
    await new Promise((resolve) =>
      setTimeout(() => {
        try {
          // biome-ignore lint/security/noGlobalEval: the test checks that the page's CSP refuses eval
          eval('window.__ran.push("eval")');
        } catch {
          /* refused */
        }
        resolve();
      }, 0),
    );
    await new Promise((r) => setTimeout(r, 50));
    return window.__ran;
  });

const PAGES = [
  ['ASN form', 'asn-form', 'asn-form.html', () => document.querySelector('.asn-form') !== null],
  ['exceptions page', 'exceptions-page', 'exceptions-page.html', () => document.querySelector('#drop-zone') !== null],
  ['acknowledgement preview example', 'asn-form', 'ack-preview.example.html', () => document.querySelector('#ack-decisions') !== null],
];

for (const [label, folder, file, rendered] of PAGES) {
  test(`pages: the ${label} runs clean under its policy and refuses injected script (header alone, meta alone)`, async (t) => {
    if (skipWithoutChromium(t)) return;
    requireBuilt();
    const dir = path.join(distDir, folder);
    const overrides = {
      '/open-orders.json': ['application/json', JSON.stringify({ purchaseOrders: [], inventory: [], now: '2026-11-22T12:00:00Z' })],
    };
    // As served: meta and header. No violation while the page starts and works.
    await withPage(dir, { overrides, index: file }, async (page, origin) => {
      await page.goto(`${origin}/`);
      await page.waitForFunction(rendered, null, { timeout: 30000 });
    });
    // Each delivery alone still refuses injected script.
    for (const strip of ['meta', 'header']) {
      await withPage(dir, { overrides, index: file, expectViolations: true }, async (page, origin, watch) => {
        await page.route(`${origin}/`, async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          let body = await response.text();
          if (strip === 'header') delete headers['content-security-policy'];
          else body = body.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
          await route.fulfill({ status: response.status(), headers, body });
        });
        await page.goto(`${origin}/`);
        await page.waitForFunction(rendered, null, { timeout: 30000 });
        assert.deepEqual(await watch.violations(), [], `${strip} stripped: the page itself causes no violation`);
        if (strip === 'header' && file.endsWith('.example.html')) return; // the snippet has no meta: its host page's is the one
        assert.deepEqual(await inject(page), [], `${strip} stripped: no injected script ran`);
        const directives = (await watch.violations()).map((v) => v.directive).sort();
        assert.deepEqual(directives, ['script-src', 'script-src-attr', 'script-src-elem'], `${strip} stripped: each injection refused`);
      });
    }
  });
}
