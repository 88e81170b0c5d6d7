// Small HTTP servers that misbehave the way the hardening tests need (the emulator answers like
// Amazon; these do not): an LWA endpoint that echoes the form it was sent, SP-API errors that
// quote the access token in nested details, redirects to another origin. Each records every
// request it received, so a test can prove that nothing reached a server.
import http from 'node:http';

/**
 * @param {(req: {method, path, headers, body}, res: http.ServerResponse, server) => void} handle
 * @returns {Promise<{url: string, requests: object[], close(): Promise<void>}>}
 */
export function startServer(handle) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const record = { method: req.method, path: req.url, headers: req.headers, body };
      requests.push(record);
      handle(record, res);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

export function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/** A port nothing listens on (a server opened and closed). */
export async function closedPort() {
  const s = await startServer(() => {});
  await s.close();
  return Number(new URL(s.url).port);
}

/** Every form a secret can leak in: raw, URL-encoded (both ways), JSON-escaped, base64 (each alignment). */
export function leakForms(secret) {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]);
  for (const pad of ['', 'a', 'ab']) {
    const b64 = Buffer.from(pad + secret).toString('base64');
    // The part of the encoding that depends on the secret only.
    const core = b64.slice(Math.ceil((pad.length * 8) / 6), Math.floor(((pad.length + secret.length) * 8) / 6));
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/** The forms of `secrets` found in `text` (described, never the value). */
export function leaks(text, secrets) {
  const found = [];
  for (const secret of secrets) {
    for (const form of leakForms(secret))
      if (text.includes(form)) found.push(`${secret.slice(0, 6)}… as ${JSON.stringify(form.slice(0, 6))}…`);
  }
  return found;
}
