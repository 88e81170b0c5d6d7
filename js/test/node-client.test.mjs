// SpApiClient against the local emulator: the real HTTP path, retries, errors and redaction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { startEmulator, EMULATOR_CREDENTIALS } from '../emulator/server.mjs';
import { SpApiClient, SpApiError } from '../node/spapi-client.mjs';
import { sandboxOrders } from '../lib/models.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';
import fs from 'node:fs';
import https from 'node:https';
import { Outbox, MemoryOutboxStore } from '../node/outbox.mjs';
import { closedPort, json, leaks, startServer } from './harness/fake-amazon.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.close());

// A client with a recording sleep, so retry tests take no wall-clock time.
function makeClient(overrides = {}) {
  const sleeps = [];
  const client = new SpApiClient({
    endpoint: emu.url,
    lwaEndpoint: `${emu.url}/auth/o2/token`,
    credentials: EMULATOR_CREDENTIALS,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, sleeps };
}

function attempts(method, path, from) {
  return emu.requests.slice(from).filter((r) => r.method === method && r.path === path);
}

function ackBody(purchaseOrderNumber) {
  return {
    acknowledgements: [
      {
        purchaseOrderNumber,
        sellingParty: { partyId: 'API01' },
        acknowledgementDate: '2026-11-22T08:00:00Z',
        items: [
          {
            itemSequenceNumber: '1',
            amazonProductIdentifier: 'B01XYZ3Z02',
            orderedQuantity: { amount: 10, unitOfMeasure: 'Eaches', unitSize: 1 },
            netCost: { amount: '50', currencyCode: 'USD' },
            itemAcknowledgements: [
              { acknowledgementCode: 'Accepted', acknowledgedQuantity: { amount: 10, unitOfMeasure: 'Eaches', unitSize: 1 } },
            ],
          },
        ],
      },
    ],
  };
}

test('endpoints: region, sandbox and explicit endpoint', () => {
  const c = (o) => new SpApiClient({ credentials: EMULATOR_CREDENTIALS, ...o });
  assert.equal(c({}).endpoint, 'https://sellingpartnerapi-na.amazon.com');
  assert.equal(c({ region: 'eu' }).endpoint, 'https://sellingpartnerapi-eu.amazon.com');
  assert.equal(c({ region: 'fe', sandbox: true }).endpoint, 'https://sandbox.sellingpartnerapi-fe.amazon.com');
  assert.equal(c({}).lwaEndpoint, 'https://api.amazon.com/auth/o2/token');
  assert.equal(c({ endpoint: 'http://127.0.0.1:1/' }).endpoint, 'http://127.0.0.1:1');
  assert.throws(() => c({ region: 'mars' }), TypeError);
  assert.throws(() => new SpApiClient({}), TypeError);
});

test('token exchange once, cached across calls; user-agent sent', async () => {
  let userAgent;
  const from = emu.requests.length;
  const { client } = makeClient({
    fetch: (url, init) => {
      userAgent = init.headers['user-agent'];
      return fetch(url, init);
    },
  });
  await client.getPurchaseOrder('2JK3S9VC');
  await client.getPurchaseOrder('3TRD2IAB');
  assert.equal(attempts('POST', '/auth/o2/token', from).length, 1);
  assert.match(userAgent, /vendor-central-connector-node/);
});

test('bad credentials → SpApiError LWA_ERROR, not retried', async () => {
  const { client, sleeps } = makeClient({ credentials: { ...EMULATOR_CREDENTIALS, clientSecret: 'nope-secret' } });
  await assert.rejects(client.getPurchaseOrders({ limit: 1 }), (err) => {
    assert.ok(err instanceof SpApiError);
    assert.equal(err.code, 'LWA_ERROR');
    assert.equal(err.status, 400);
    assert.equal(err.errors[0].code, 'invalid_client');
    assert.equal(err.retryable, false);
    return true;
  });
  assert.equal(sleeps.length, 0);
});

test('an expired token is refreshed once on 403', async () => {
  const { client } = makeClient();
  await client.getPurchaseOrder('2JK3S9VC');
  emu.revokeTokens();
  const from = emu.requests.length;
  const res = await client.getPurchaseOrder('2JK3S9VC');
  assert.equal(res.payload.purchaseOrderNumber, '2JK3S9VC');
  assert.deepEqual(
    emu.requests.slice(from).map((r) => r.status),
    [403, 200, 200],
  );
});

test('a 403 that persists after one refresh is thrown as Unauthorized', async () => {
  let calls = 0;
  // A fetch that forges the token: every SP-API call is refused.
  const { client } = makeClient({
    fetch: (url, init) => {
      calls += 1;
      if (init.headers['x-amz-access-token']) init.headers['x-amz-access-token'] = 'Atza|forged';
      return fetch(url, init);
    },
  });
  await assert.rejects(client.getPurchaseOrders(), (err) => err.code === 'Unauthorized' && err.status === 403);
  assert.equal(calls, 4); // token, 403, token, 403
});

test('listPurchaseOrders follows nextToken across pages', async () => {
  const from = emu.requests.length;
  const { client } = makeClient();
  const numbers = [];
  for await (const order of client.listPurchaseOrders({ limit: 4 })) numbers.push(order.purchaseOrderNumber);
  assert.deepEqual(
    numbers.sort(),
    sandboxOrders()
      .map((o) => o.purchaseOrderNumber)
      .sort(),
  );
  const pages = attempts('GET', '/vendor/orders/v1/purchaseOrders', from);
  assert.equal(pages.length, 3);
  assert.ok(pages[1].query.nextToken && pages[1].query.limit === '4');
});

test('filters: created window (Date objects accepted), state, includeDetails=false', async () => {
  const { client } = makeClient();
  let res = await client.getPurchaseOrders({
    createdAfter: new Date('2020-05-25T13:00:00Z'),
    createdBefore: '2020-05-27T13:00:00Z',
    sortOrder: 'ASC',
  });
  assert.deepEqual(
    res.payload.orders.map((o) => o.purchaseOrderNumber),
    ['TestPO2', 'TestPO3', 'TestPO1'],
  );
  res = await client.getPurchaseOrders({ purchaseOrderState: 'Closed', includeDetails: false });
  assert.deepEqual(res.payload.orders, [{ purchaseOrderNumber: '4Z32PABC', purchaseOrderState: 'Closed' }]);
});

test('a window over 7 days → SpApiError InvalidInput 400, not retried', async () => {
  const from = emu.requests.length;
  const { client, sleeps } = makeClient();
  await assert.rejects(client.getPurchaseOrders({ createdAfter: '2019-08-01T00:00:00Z', createdBefore: '2019-08-21T00:00:00Z' }), (err) => {
    assert.equal(err.code, 'InvalidInput');
    assert.equal(err.status, 400);
    assert.equal(err.operation, 'getPurchaseOrders');
    assert.equal(err.retryable, false);
    assert.ok(err.requestId);
    return true;
  });
  assert.equal(attempts('GET', '/vendor/orders/v1/purchaseOrders', from).length, 1);
  assert.equal(sleeps.length, 0);
});

test('getPurchaseOrder of an unknown PO → NotFound 404', async () => {
  const { client } = makeClient();
  await assert.rejects(client.getPurchaseOrder('NOPE0000'), (err) => err.code === 'NotFound' && err.status === 404);
});

test('acknowledgement accepted, then waitForTransaction sees Processing → Success', async () => {
  const { client, sleeps } = makeClient();
  const res = await client.submitAcknowledgement(ackBody('TestPO3'));
  const { transactionId } = res.payload;
  const status = await client.waitForTransaction(transactionId, { intervalMs: 1000, timeoutMs: 60_000 });
  assert.equal(status.status, 'Success');
  assert.equal(status.polls, 2);
  assert.deepEqual(sleeps, [1000]);
  assert.equal((await client.getPurchaseOrder('TestPO3')).payload.purchaseOrderState, 'Acknowledged');
});

test('invalid acknowledgement bodies → InvalidInput 400', async () => {
  const { client } = makeClient();
  const upper = ackBody('TestPO2');
  upper.acknowledgements[0].items[0].itemAcknowledgements[0].acknowledgementCode = 'REJECTED';
  const noParty = ackBody('TestPO2');
  delete noParty.acknowledgements[0].sellingParty;
  for (const body of [upper, noParty]) {
    await assert.rejects(client.submitAcknowledgement(body), (err) => {
      assert.equal(err.code, 'InvalidInput');
      assert.equal(err.status, 400);
      assert.match(err.message, /acknowledgementCode|sellingParty/);
      return true;
    });
  }
});

test('acknowledging an unknown PO → transaction Failure with INVALID_ORDER_ID', async () => {
  const { client } = makeClient();
  const { transactionId } = (await client.submitAcknowledgement(ackBody('UNKNOWN1'))).payload;
  const status = await client.waitForTransaction(transactionId, { intervalMs: 10, timeoutMs: 10_000 });
  assert.equal(status.status, 'Failure');
  assert.equal(status.errors[0].code, 'INVALID_ORDER_ID');
});

test('waitForTransaction: still Processing at the timeout; assumedSuccess only from 15 minutes', async () => {
  const slow = await startEmulator({ processingPolls: 1000 });
  try {
    const { client } = makeClient({ endpoint: slow.url, lwaEndpoint: `${slow.url}/auth/o2/token` });
    const { transactionId } = (await client.submitAcknowledgement(ackBody('TestPO3'))).payload;
    const short = await client.waitForTransaction(transactionId, { intervalMs: 1000, timeoutMs: 5000 });
    assert.equal(short.status, 'Processing');
    assert.equal(short.assumedSuccess, undefined);
    const long = await client.waitForTransaction(transactionId, { intervalMs: 60_000, timeoutMs: 15 * 60_000 });
    assert.equal(long.status, 'Processing');
    assert.equal(long.assumedSuccess, true);
  } finally {
    await slow.close();
  }
});

test('429 (with Retry-After) and 503 are retried, then succeed', async () => {
  const { client, sleeps } = makeClient();
  await client.getPurchaseOrder('2JK3S9VC'); // fetch the token first
  const from = emu.requests.length;
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/2JK3S9VC', status: 429, times: 2, retryAfter: 3 });
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/2JK3S9VC', status: 503, times: 1 });
  const res = await client.getPurchaseOrder('2JK3S9VC');
  assert.equal(res.payload.purchaseOrderNumber, '2JK3S9VC');
  assert.deepEqual(
    attempts('GET', '/vendor/orders/v1/purchaseOrders/2JK3S9VC', from).map((r) => r.status),
    [429, 429, 503, 200],
  );
  assert.equal(sleeps.length, 3);
  assert.deepEqual(sleeps.slice(0, 2), [3000, 3000]);
  assert.ok(sleeps[2] >= 1000 && sleeps[2] <= 2000, `backoff ${sleeps[2]}`); // attempt 2: 2000 ms, jittered
});

test('retries give up after maxRetries with the last error (retryable)', async () => {
  const { client, sleeps } = makeClient({ maxRetries: 2 });
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/3TRD2IAB', status: 500, times: 3 });
  await assert.rejects(client.getPurchaseOrder('3TRD2IAB'), (err) => {
    assert.equal(err.status, 500);
    assert.equal(err.code, 'InternalFailure');
    assert.equal(err.retryable, true);
    return true;
  });
  assert.equal(sleeps.length, 2);
});

test('a timeout and a dropped connection are retried', async () => {
  const { client, sleeps } = makeClient({ timeoutMs: 200 });
  await client.getTransaction('x').catch(() => {}); // token first
  const from = emu.requests.length;
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/TestPO2', kind: 'timeout', times: 1 });
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/TestPO2', kind: 'drop', times: 1 });
  const res = await client.getPurchaseOrder('TestPO2');
  assert.equal(res.payload.purchaseOrderNumber, 'TestPO2');
  assert.deepEqual(
    attempts('GET', '/vendor/orders/v1/purchaseOrders/TestPO2', from).map((r) => r.fault ?? r.status),
    ['timeout', 'drop', 200],
  );
  assert.equal(sleeps.length, 2);
});

test('TIMEOUT and NETWORK_ERROR codes when retries run out', async () => {
  const { client } = makeClient({ timeoutMs: 100, maxRetries: 0 });
  await client.getTransaction('x').catch(() => {});
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/TestPO1', kind: 'timeout', times: 1 });
  await assert.rejects(client.getPurchaseOrder('TestPO1'), (err) => err.code === 'TIMEOUT' && err.retryable);
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders/TestPO1', kind: 'drop', times: 1 });
  await assert.rejects(client.getPurchaseOrder('TestPO1'), (err) => err.code === 'NETWORK_ERROR' && err.retryable);
});

test('credentials and tokens never appear in errors, the client, or the emulator log', async () => {
  const secrets = { ...SECRET_SENTINELS.nodeClient };
  const local = await startEmulator({ credentials: secrets, orders: sandboxOrders() });
  let accessToken;
  // A server that echoes what it was sent, to prove the client redacts what comes back.
  const echoing = async (url, init) => {
    const res = await fetch(url, init);
    if (String(url).endsWith('/auth/o2/token')) {
      const body = await res
        .clone()
        .json()
        .catch(() => ({}));
      if (body.access_token) accessToken = body.access_token;
      return res;
    }
    if (String(url).includes('ECHO')) {
      return new Response(
        JSON.stringify({
          errors: [
            {
              code: 'InvalidInput',
              message: `bad token ${init.headers['x-amz-access-token']} for ${secrets.clientSecret}`,
              details: secrets.refreshToken,
            },
          ],
        }),
        { status: 400 },
      );
    }
    return res;
  };
  try {
    const errors = [];
    const collect = (p) =>
      p.then(
        () => assert.fail('expected an error'),
        (e) => errors.push(e),
      );
    const ok = new SpApiClient({
      endpoint: local.url,
      lwaEndpoint: `${local.url}/auth/o2/token`,
      credentials: secrets,
      fetch: echoing,
      sleep: async () => {},
      timeoutMs: 100,
      maxRetries: 0,
    });
    await collect(ok.getPurchaseOrder('ECHO'));
    await collect(ok.getPurchaseOrders({ createdAfter: '2019-01-01T00:00:00Z', createdBefore: '2019-02-01T00:00:00Z' }));
    local.injectFault({ kind: 'drop', route: 'purchaseOrders/TestPO1' });
    await collect(ok.getPurchaseOrder('TestPO1'));
    local.injectFault({ kind: 'timeout', route: 'purchaseOrders/TestPO1' });
    await collect(ok.getPurchaseOrder('TestPO1'));
    for (const wrong of [
      { ...secrets, clientSecret: `${secrets.clientSecret}x` },
      { ...secrets, refreshToken: `${secrets.refreshToken}x` },
    ]) {
      const bad = new SpApiClient({
        endpoint: local.url,
        lwaEndpoint: `${local.url}/auth/o2/token`,
        credentials: wrong,
        sleep: async () => {},
      });
      await collect(bad.getPurchaseOrders());
      errors.push(bad);
    }
    assert.ok(accessToken);
    assert.equal(errors.filter((e) => e instanceof SpApiError).length, 6);
    const texts = [JSON.stringify(local.requests), inspect(ok, { depth: null, showHidden: true }), JSON.stringify(ok)];
    for (const e of errors) {
      texts.push(JSON.stringify(e), inspect(e, { depth: null, showHidden: true }), String(e), e.stack ?? '');
    }
    const all = texts.join('\n');
    for (const secret of [...Object.values(secrets), accessToken]) {
      assert.ok(!all.includes(secret), `leaked ${secret.slice(0, 12)}…`);
    }
    assert.match(all, /\[redacted\]/);
  } finally {
    await local.close();
  }
});

// ------------------------------------------------------------------------------------------
// Issue 21 / 16: causes named, "never sent" told apart, redirects, redaction in every encoding.
// ------------------------------------------------------------------------------------------

test('a token exchange that fails names the real cause and says nothing was sent: refused, DNS, TLS, HTTP status', async () => {
  const port = await closedPort();
  const tlsServer = https.createServer(
    {
      key: fs.readFileSync(new URL('./fixtures/tls/key.pem', import.meta.url)),
      cert: fs.readFileSync(new URL('./fixtures/tls/cert.pem', import.meta.url)),
    },
    (_req, res) => res.end('{}'),
  );
  await new Promise((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  const lwa503 = await startServer((_req, res) => json(res, 503, { error: 'server_error' }));
  try {
    const cases = [
      [
        `http://127.0.0.1:${port}/auth/o2/token`,
        'NETWORK_ERROR',
        new RegExp(`^LWA token exchange failed: connection refused \\(ECONNREFUSED\\) to 127\\.0\\.0\\.1:${port}$`),
      ],
      [
        'http://no-such-host.invalid/auth/o2/token',
        'NETWORK_ERROR',
        /^LWA token exchange failed: DNS lookup failed(: no such host \(ENOTFOUND\)| \(temporary\) \(EAI_AGAIN\)) to no-such-host\.invalid$/,
      ],
      [
        `https://127.0.0.1:${tlsServer.address().port}/auth/o2/token`,
        'TLS_ERROR',
        /^LWA token exchange failed: TLS handshake with 127\.0\.0\.1:\d+ failed: self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
      ],
      [`${lwa503.url}/auth/o2/token`, 'LWA_ERROR', /^LWA token exchange failed: HTTP 503 server_error$/],
    ];
    for (const [lwaEndpoint, code, message] of cases) {
      const { client, sleeps } = makeClient({ lwaEndpoint, credentials: SECRET_SENTINELS.nodeClient, maxRetries: 2 });
      const from = emu.requests.length;
      await assert.rejects(client.submitAcknowledgement(ackBody('TestPO1')), (err) => {
        assert.equal(err.code, code, err.message);
        assert.match(err.message, message);
        assert.equal(err.notSent, true, 'the submission never left');
        assert.equal(err.deliveryUnknown, false);
        assert.equal(JSON.parse(JSON.stringify(err)).notSent, true);
        return true;
      });
      assert.equal(sleeps.length, 2, 'retried like any exchange');
      assert.equal(attempts('POST', '/vendor/orders/v1/acknowledgements', from).length, 0);
    }
  } finally {
    tlsServer.close();
    await lwa503.close();
  }
});

test('the outbox closes a submission that never left (notSent) instead of keeping it in doubt', async () => {
  const port = await closedPort();
  const { client } = makeClient({ lwaEndpoint: `http://127.0.0.1:${port}/auth/o2/token`, maxRetries: 0 });
  const outbox = new Outbox({ store: new MemoryOutboxStore(), client });
  const entry = await outbox.submit({ operation: 'submitAcknowledgement', body: ackBody('TestPO2'), keys: ['TestPO2'] });
  assert.equal(entry.state, 'rejected');
  assert.equal(entry.error.notSent, true);
  assert.deepEqual(await outbox.inDoubt(), []);
  // The SP-API endpoint itself refusing the connection: the same (the POST never left).
  const { client: direct } = makeClient({ endpoint: `http://127.0.0.1:${port}`, maxRetries: 0 });
  await direct.getTransaction('x').catch(() => {});
  const again = await new Outbox({ store: new MemoryOutboxStore(), client: direct }).submit({
    operation: 'submitAcknowledgement',
    body: ackBody('TestPO2'),
    keys: ['TestPO2'],
  });
  assert.deepEqual([again.state, again.error.notSent, again.error.code], ['rejected', true, 'NETWORK_ERROR']);
});

test('redirects: same-origin 307 followed; to another origin refused for LWA and SP-API, nothing reaches it', async () => {
  const elsewhere = await startServer((_req, res) => json(res, 200, { access_token: 'Atza|stolen-token-1', payload: {} }));
  const local = await startServer((req, res) => {
    if (req.path === '/old/token') {
      res.writeHead(307, { location: '/auth/o2/token' });
      return res.end();
    }
    if (req.path === '/auth/o2/token') return json(res, 200, { access_token: 'Atza|fine-token-1', expires_in: 3600 });
    if (req.path === '/away/token') {
      res.writeHead(307, { location: `${elsewhere.url}/auth/o2/token` });
      return res.end();
    }
    if (req.path.startsWith('/vendor/orders/v1/purchaseOrders/SAME')) {
      res.writeHead(308, { location: '/vendor/orders/v1/purchaseOrders/HERE' });
      return res.end();
    }
    if (req.path.startsWith('/vendor/orders/v1/purchaseOrders/HERE')) return json(res, 200, { payload: { purchaseOrderNumber: 'HERE' } });
    res.writeHead(307, { location: `${elsewhere.url}${req.path}` });
    return res.end();
  });
  try {
    const client = (lwaPath) =>
      new SpApiClient({
        endpoint: local.url,
        lwaEndpoint: `${local.url}${lwaPath}`,
        credentials: SECRET_SENTINELS.nodeClient,
        sleep: async () => {},
      });
    const ok = client('/old/token');
    assert.equal((await ok.getPurchaseOrder('SAME')).payload.purchaseOrderNumber, 'HERE', 'same-origin redirects followed');
    await assert.rejects(ok.submitAcknowledgement(ackBody('TestPO1')), (err) => {
      assert.equal(err.code, 'REDIRECT_REFUSED');
      assert.equal(err.status, 307);
      assert.match(
        err.message,
        /^submitAcknowledgement failed: HTTP 307 redirect to another origin \(http:\/\/127\.0\.0\.1:\d+\) not followed: credentials are sent only to http:\/\/127\.0\.0\.1:\d+$/,
      );
      assert.equal(err.retryable, false);
      return true;
    });
    await assert.rejects(
      client('/away/token').getPurchaseOrders(),
      (err) =>
        err.code === 'REDIRECT_REFUSED' &&
        err.notSent &&
        /^LWA token exchange failed: HTTP 307 redirect to another origin/.test(err.message),
    );
    assert.deepEqual(elsewhere.requests, []);
  } finally {
    await elsewhere.close();
    await local.close();
  }
});

test('secrets echoed back in any encoding, however nested, are redacted from errors', async () => {
  const secrets = SECRET_SENTINELS.nodeClient;
  const token = 'Atza|LEAKCHECK-access/token+0003=';
  const OTHER_REFRESH = 'Rtzr|LEAKCHECK-other-refresh-0004';
  const b64 = (s) => Buffer.from(s).toString('base64');
  const server = await startServer((req, res) => {
    if (req.path === '/auth/o2/token') {
      if (req.body.includes('refresh_token=Atzr'))
        return json(res, 400, { error: 'invalid_request', error_description: `could not parse ${req.body} (${b64(req.body)})` });
      return json(res, 200, { access_token: token, expires_in: 3600 });
    }
    return json(res, 400, {
      errors: [
        {
          code: 'InvalidInput',
          message: `bad ${encodeURIComponent(req.headers['x-amz-access-token'])}`,
          details: {
            a: [
              {
                b: [
                  token,
                  JSON.stringify(token),
                  b64(`user:${token}`),
                  b64(`xy${secrets.clientSecret}`),
                  encodeURIComponent(OTHER_REFRESH).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
                ],
              },
            ],
          },
        },
      ],
    });
  });
  try {
    const errors = [];
    const echoForm = new SpApiClient({
      endpoint: server.url,
      lwaEndpoint: `${server.url}/auth/o2/token`,
      credentials: secrets,
      sleep: async () => {},
      maxRetries: 0,
    });
    await echoForm.getPurchaseOrders().catch((e) => errors.push(e));
    // A refresh token the server does not recognise by prefix: it gets an access token, then an
    // SP-API error quoting it nested in details.
    const echoToken = new SpApiClient({
      endpoint: server.url,
      lwaEndpoint: `${server.url}/auth/o2/token`,
      credentials: { ...secrets, refreshToken: OTHER_REFRESH },
      sleep: async () => {},
      maxRetries: 0,
    });
    await echoToken.getPurchaseOrders().catch((e) => errors.push(e));
    assert.equal(errors.length, 2);
    assert.match(
      errors[0].message,
      /could not parse grant_type=refresh_token&refresh_token=\[redacted\]&client_id=\[redacted\]&client_secret=\[redacted\]/,
    );
    const text = errors.map((e) => `${JSON.stringify(e)}\n${inspect(e, { depth: null })}\n${e.stack}`).join('\n');
    assert.deepEqual(leaks(text, [secrets.clientSecret, secrets.refreshToken, OTHER_REFRESH, token]), []);
    assert.ok(JSON.stringify(errors[1].errors).includes('[redacted]'));
    // The client's own redact() is what the outbox journals through.
    assert.deepEqual(echoToken.redact({ nested: [[`Bearer ${token}`]], [token]: 1 }), { nested: [['Bearer [redacted]']], '[redacted]': 1 });
  } finally {
    await server.close();
  }
});
