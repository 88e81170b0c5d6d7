// Serves this folder on 127.0.0.1 (no network access needed): node serve.mjs [port]
// Browsers refuse ES modules from file:// URLs, so the pages need any static server; this is one.
// Every answer carries the pages' Content-Security-Policy (the same policy the pages declare in
// their <meta> tag, plus what only a header can say), and no request, however malformed, stops
// the server: a bad one is answered 400, a failure inside 500.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * The pages' policy: scripts and styles from this folder only, inline script only by the hash of
 * the page's own inline scripts, WebAssembly compilation allowed (the core), no plugins, no
 * <base>, no form posts, nothing fetched from elsewhere.
 */
const DIRECTIVES = [
  ['default-src', "'none'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];
/** What a <meta> policy cannot carry (browsers ignore it there), so only the header says it. */
const HEADER_ONLY = [['frame-ancestors', "'none'"]];

const INLINE_SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

/** `sha256-…` of each inline script (a <script> without `src`) of an HTML text, in order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes, body] of String(html).matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(`sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/**
 * The Content-Security-Policy of a page: `html` (its text) gives the hashes of its inline
 * scripts. `{ header: true }` adds the directives only a header can carry. A page's <meta> tag
 * holds exactly `contentSecurityPolicy(html)` (tested), so both agree.
 */
export function contentSecurityPolicy(html = '', { header = false } = {}) {
  const hashes = [...new Set(inlineScriptHashes(html))].map((h) => `'${h}'`);
  return [...DIRECTIVES, ...(header ? HEADER_ONLY : [])]
    .map(([name, value]) => `${name} ${name === 'script-src' && hashes.length ? `${value} ${hashes.join(' ')}` : value}`)
    .join('; ');
}

/** The page served at `/`: the folder's HTML file (examples, `*.example.html`, aside). */
function defaultIndex(root) {
  return (
    fs
      .readdirSync(root)
      .filter((f) => f.endsWith('.html') && !f.endsWith('.example.html'))
      .sort()[0] ?? 'index.html'
  );
}

function send(req, res, status, type, body) {
  const html = type.startsWith('text/html');
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy(html ? body : '', { header: true }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The URL's path, decoded; `null` when it cannot be (a malformed escape such as `%E0%A4%A`). */
function decodedPath(url) {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://local').pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

/** Whether `file` is a regular file; false for anything stat refuses (too long a name, …). */
function isFile(file) {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * Starts a server for `dir`; `overrides` maps URL paths to [content type, body]; `index` is the
 * page at `/`. Resolves to the server.
 */
export function serveFolder(dir, { port = 0, overrides = {}, index } = {}) {
  const root = path.resolve(dir);
  const indexFile = index ?? defaultIndex(root);
  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(req, res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    const urlPath = decodedPath(req.url);
    if (urlPath === null) {
      send(req, res, 400, 'text/plain; charset=utf-8', 'bad request: the address is not a valid URL path');
      return;
    }
    if (Object.hasOwn(overrides, urlPath)) {
      send(req, res, 200, overrides[urlPath][0], overrides[urlPath][1]);
      return;
    }
    const file = path.join(root, urlPath === '/' ? indexFile : urlPath);
    if (!file.startsWith(root + path.sep) || !isFile(file)) {
      send(req, res, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      // Read whole (pages are small): its inline scripts' hashes go into the header.
      send(req, res, 200, type, fs.readFileSync(file, 'utf8'));
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy('', { header: true }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port = '8080'] = parseArgs({ allowPositionals: true, strict: true }).positionals;
  const server = await serveFolder(path.dirname(fileURLToPath(import.meta.url)), { port: Number(port) });
  console.log(`http://127.0.0.1:${server.address().port}/`);
}
