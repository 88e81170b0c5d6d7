// Serves this folder on 127.0.0.1 (no network access needed): node serve.mjs [port]
// Browsers refuse ES modules from file:// URLs, so the pages need any static server; this is one.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** The page served at `/`: the folder's HTML file (examples, `*.example.html`, aside). */
function defaultIndex(root) {
  return fs.readdirSync(root).filter((f) => f.endsWith('.html') && !f.endsWith('.example.html')).sort()[0] ?? 'index.html';
}

/**
 * Starts a server for `dir`; `overrides` maps URL paths to [content type, body]; `index` is the
 * page at `/`. Resolves to the server.
 */
export function serveFolder(dir, { port = 0, overrides = {}, index } = {}) {
  const root = path.resolve(dir);
  const indexFile = index ?? defaultIndex(root);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://local').pathname);
    if (overrides[urlPath]) {
      res.writeHead(200, { 'content-type': overrides[urlPath][0] });
      res.end(overrides[urlPath][1]);
      return;
    }
    const file = path.join(root, urlPath === '/' ? indexFile : urlPath);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await serveFolder(path.dirname(fileURLToPath(import.meta.url)), { port: Number(process.argv[2] ?? 8080) });
  console.log(`http://127.0.0.1:${server.address().port}/`);
}
