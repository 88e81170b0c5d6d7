// The emulator over raw HTTP (fetch), and the sandbox orders against Amazon's `Order` definition.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, EMULATOR_CREDENTIALS } from '../emulator/server.mjs';
import { sandboxOrders, validatorFor, loadModel } from '../lib/models.mjs';

const ORDERS_MODEL = 'vendor-orders-api-model/vendorOrders.json';
let emu;
let token;

async function getToken(creds = EMULATOR_CREDENTIALS) {
  return fetch(`${emu.url}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: creds.refreshToken,
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    }),
  });
}

function api(path, init = {}) {
  return fetch(emu.url + path, {
    ...init,
    headers: { 'x-amz-access-token': token, 'content-type': 'application/json', ...(init.headers || {}) },
  });
}

before(async () => {
  emu = await startEmulator();
  token = (await (await getToken()).json()).access_token;
});
after(() => emu.close());

test('models: loadModel is cached and sharedDir points at the SP-API models', () => {
  assert.equal(loadModel(ORDERS_MODEL), loadModel(ORDERS_MODEL));
  assert.ok(loadModel(ORDERS_MODEL).definitions.Order);
});

test('sandbox orders: distinct, first occurrence kept, quirks preserved', () => {
  const orders = sandboxOrders();
  const numbers = orders.map((o) => o.purchaseOrderNumber);
  assert.equal(new Set(numbers).size, numbers.length);
  for (const n of ['L8266355', '2JK3S9VC', '3TRD2IAB', 'TestPO1', 'TestPO2', '4Z32PABC', 'mock-purchaseOrderNumber1']) {
    assert.ok(numbers.includes(n), n);
  }
  // TestPO1 appears twice in the model; the first one listed has the window ending on the 30th.
  assert.equal(
    orders.find((o) => o.purchaseOrderNumber === 'TestPO1').orderDetails.shipWindow,
    '2020-05-27T07:00:00Z--2020-05-30T07:00:00Z',
  );
  // Deep copies: mutating one result does not affect the next.
  orders[0].purchaseOrderNumber = 'CHANGED';
  assert.notEqual(sandboxOrders()[0].purchaseOrderNumber, 'CHANGED');
  const items = orders.flatMap((o) => o.orderDetails?.items ?? []);
  assert.ok(items.some((i) => i.orderedQuantity.unitOfMeasure === 'CASES'));
  assert.ok(items.some((i) => i.itemSequenceNumber === '00001'));
  assert.ok(items.some((i) => !i.netCost));
  assert.ok(orders.some((o) => !('purchaseOrderState' in o)));
});

test('sandbox orders validate against Order except exactly the documented quirks', () => {
  const validate = validatorFor(ORDERS_MODEL, 'Order');
  const failures = {};
  for (const order of sandboxOrders()) {
    const { valid, errors } = validate(order);
    if (!valid) failures[order.purchaseOrderNumber] = errors.map((e) => `${e.path} ${e.message}`);
  }
  assert.deepEqual(failures, {
    // getPurchaseOrders' `examples`: deliveryWindow and items sit beside orderDetails, not inside.
    L8266355: ["/orderDetails must have required property 'items'"],
    // "CASES" is not the enum spelling "Cases".
    '3TRD2IAB': ['/orderDetails/items/0/orderedQuantity/unitOfMeasure must be equal to one of the allowed values: Cases, Eaches'],
    // The mock POs lack purchaseOrderState (and purchaseOrderStateChangedDate).
    'mock-purchaseOrderNumber1': [
      " must have required property 'purchaseOrderState'",
      "/orderDetails must have required property 'purchaseOrderStateChangedDate'",
    ],
    'mock-purchaseOrderNumber2': [
      " must have required property 'purchaseOrderState'",
      "/orderDetails must have required property 'purchaseOrderStateChangedDate'",
    ],
    'mock-purchaseOrderNumber': [
      " must have required property 'purchaseOrderState'",
      "/orderDetails must have required property 'purchaseOrderStateChangedDate'",
    ],
  });
  // "00001" is only a string, which the model allows.
  const withLeadingZeros = sandboxOrders().find((o) => o.orderDetails?.items?.[0]?.itemSequenceNumber === '00001');
  assert.ok(withLeadingZeros);
});

test('LWA: good credentials give a bearer token; bad ones invalid_client / invalid_grant', async () => {
  const ok = await getToken();
  assert.equal(ok.status, 200);
  const body = await ok.json();
  assert.equal(body.token_type, 'bearer');
  assert.equal(body.expires_in, 3600);
  assert.match(body.access_token, /^Atza\|/);

  const badClient = await getToken({ ...EMULATOR_CREDENTIALS, clientSecret: 'wrong' });
  assert.equal(badClient.status, 400);
  assert.equal((await badClient.json()).error, 'invalid_client');
  const badGrant = await getToken({ ...EMULATOR_CREDENTIALS, refreshToken: 'Atzr|wrong' });
  assert.equal(badGrant.status, 400);
  assert.equal((await badGrant.json()).error, 'invalid_grant');
});

test('403 Unauthorized without or with an unknown access token; Amazon headers present', async () => {
  for (const headers of [{}, { 'x-amz-access-token': 'Atza|forged' }]) {
    const res = await fetch(`${emu.url}/vendor/orders/v1/purchaseOrders`, { headers });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), {
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }],
    });
    assert.ok(res.headers.get('x-amzn-requestid'));
    assert.ok(res.headers.get('x-amzn-ratelimit-limit'));
    assert.match(res.headers.get('content-type'), /application\/json/);
  }
});

test('getPurchaseOrders: all loaded POs without a date filter, paged with an opaque nextToken', async () => {
  const seen = [];
  let nextToken;
  let pages = 0;
  do {
    const q = new URLSearchParams({ limit: '5', ...(nextToken ? { nextToken } : {}) });
    const res = await api(`/vendor/orders/v1/purchaseOrders?${q}`);
    assert.equal(res.status, 200);
    const { payload } = await res.json();
    assert.ok(payload.orders.length <= 5);
    seen.push(...payload.orders.map((o) => o.purchaseOrderNumber));
    nextToken = payload.pagination?.nextToken;
    pages += 1;
  } while (nextToken);
  assert.equal(pages, 3);
  assert.deepEqual(
    [...seen].sort(),
    sandboxOrders()
      .map((o) => o.purchaseOrderNumber)
      .sort(),
  );

  const bad = await api('/vendor/orders/v1/purchaseOrders?nextToken=garbage');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].code, 'InvalidInput');
});

test('getPurchaseOrders: filters and includeDetails=false', async () => {
  const q = new URLSearchParams({
    createdAfter: '2019-08-20T14:00:00',
    createdBefore: '2019-08-21T00:00:00',
    sortOrder: 'DESC',
  });
  let res = await api(`/vendor/orders/v1/purchaseOrders?${q}`);
  let { payload } = await res.json();
  assert.deepEqual(
    payload.orders.map((o) => o.purchaseOrderNumber),
    ['3TRD2IAB', '2JK3S9VC'],
  );

  q.set('includeDetails', 'false');
  res = await api(`/vendor/orders/v1/purchaseOrders?${q}`);
  ({ payload } = await res.json());
  assert.deepEqual(payload.orders, [
    { purchaseOrderNumber: '3TRD2IAB', purchaseOrderState: 'New' },
    { purchaseOrderNumber: '2JK3S9VC', purchaseOrderState: 'New' },
  ]);

  res = await api('/vendor/orders/v1/purchaseOrders?purchaseOrderState=Acknowledged');
  ({ payload } = await res.json());
  assert.ok(payload.orders.length > 0);
  assert.ok(payload.orders.every((o) => o.purchaseOrderState === 'Acknowledged'));

  res = await api('/vendor/orders/v1/purchaseOrders?orderingVendorCode=API01&isPOChanged=true');
  ({ payload } = await res.json());
  assert.deepEqual(
    payload.orders.map((o) => o.purchaseOrderNumber),
    ['TestPO2'],
  );
});

test('getPurchaseOrders: window over 7 days, bad date, bad limit → 400 InvalidInput', async () => {
  for (const q of [
    'createdAfter=2019-08-01T00:00:00Z&createdBefore=2019-08-20T00:00:00Z',
    'changedAfter=2019-08-01T00:00:00Z&changedBefore=2019-08-09T00:00:01Z',
    'createdAfter=2019-08-20T14:00:00&createdBefore=2019-09-2100:00:00',
    'limit=0',
    'limit=101',
    'sortOrder=UP',
  ]) {
    const res = await api(`/vendor/orders/v1/purchaseOrders?${q}`);
    assert.equal(res.status, 400, q);
    const { errors } = await res.json();
    assert.equal(errors[0].code, 'InvalidInput', q);
    assert.ok(errors[0].message, q);
  }
});

test('getPurchaseOrder: the PO, or 404 NotFound', async () => {
  const res = await api('/vendor/orders/v1/purchaseOrders/4Z32PABC');
  assert.equal(res.status, 200);
  assert.equal((await res.json()).payload.purchaseOrderState, 'Closed');
  const missing = await api('/vendor/orders/v1/purchaseOrders/NOPE0000');
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).errors[0].code, 'NotFound');
});

function ack(purchaseOrderNumber, code = 'Accepted') {
  return {
    acknowledgements: [
      {
        purchaseOrderNumber,
        sellingParty: { partyId: '999US' },
        acknowledgementDate: '2026-11-22T08:00:00Z',
        items: [
          {
            itemSequenceNumber: '1',
            amazonProductIdentifier: 'B07DFVDRAB',
            orderedQuantity: { amount: 1, unitOfMeasure: 'Eaches', unitSize: 1 },
            netCost: { amount: '346.27', currencyCode: 'USD' },
            itemAcknowledgements: [
              { acknowledgementCode: code, acknowledgedQuantity: { amount: 1, unitOfMeasure: 'Eaches', unitSize: 1 } },
            ],
          },
        ],
      },
    ],
  };
}

async function poll(id) {
  const res = await api(`/vendor/transactions/v1/transactions/${id}`);
  assert.equal(res.status, 200);
  return (await res.json()).payload.transactionStatus;
}

test('submitAcknowledgement: 202, Processing then Success, PO becomes Acknowledged', async () => {
  const res = await api('/vendor/orders/v1/acknowledgements', { method: 'POST', body: JSON.stringify(ack('2JK3S9VC')) });
  assert.equal(res.status, 202);
  const { transactionId } = (await res.json()).payload;
  assert.match(transactionId, /^\d{8}T\d{6}-\d+-[0-9a-f]+$/);
  assert.equal(emu.acknowledgements.at(-1).acknowledgements[0].purchaseOrderNumber, '2JK3S9VC');
  assert.equal((await poll(transactionId)).status, 'Processing');
  assert.deepEqual(await poll(transactionId), { transactionId, status: 'Success' });
  const po = await (await api('/vendor/orders/v1/purchaseOrders/2JK3S9VC')).json();
  assert.equal(po.payload.purchaseOrderState, 'Acknowledged');
});

test('submitAcknowledgement: invalid bodies → 400 InvalidInput with the JSON path', async () => {
  const rejectedUpper = ack('2JK3S9VC', 'REJECTED');
  const noSellingParty = ack('2JK3S9VC');
  delete noSellingParty.acknowledgements[0].sellingParty;
  const cases = [
    [JSON.stringify(rejectedUpper), /acknowledgementCode/],
    [JSON.stringify(noSellingParty), /sellingParty/],
    [JSON.stringify({ acknowledgements: [] }), /acknowledgements/],
    [JSON.stringify({}), /acknowledgements/],
    ['{not json', /JSON/],
  ];
  const before = emu.acknowledgements.length;
  for (const [body, pattern] of cases) {
    const res = await api('/vendor/orders/v1/acknowledgements', { method: 'POST', body });
    assert.equal(res.status, 400, body);
    const { errors } = await res.json();
    assert.equal(errors[0].code, 'InvalidInput');
    assert.match(`${errors[0].message} ${errors[0].details}`, pattern);
  }
  assert.equal(emu.acknowledgements.length, before);
});

test('transaction for an unknown PO ends in Failure INVALID_ORDER_ID; unknown transaction 404', async () => {
  const res = await api('/vendor/orders/v1/acknowledgements', { method: 'POST', body: JSON.stringify(ack('ZZZZ9999')) });
  assert.equal(res.status, 202);
  const { transactionId } = (await res.json()).payload;
  await poll(transactionId);
  const final = await poll(transactionId);
  assert.equal(final.status, 'Failure');
  assert.equal(final.errors[0].code, 'INVALID_ORDER_ID');
  const missing = await api('/vendor/transactions/v1/transactions/nope');
  assert.equal(missing.status, 404);
});

test('fault injection: 429 with Retry-After and QuotaExceeded body, 500, drop', async () => {
  emu.injectFault({ route: 'GET /vendor/orders/v1/purchaseOrders', status: 429, times: 1, retryAfter: 2 });
  let res = await api('/vendor/orders/v1/purchaseOrders?limit=1');
  assert.equal(res.status, 429);
  assert.equal(res.headers.get('retry-after'), '2');
  assert.deepEqual((await res.json()).errors[0].code, 'QuotaExceeded');
  res = await api('/vendor/orders/v1/purchaseOrders?limit=1');
  assert.equal(res.status, 200);

  emu.injectFault({ route: /transactions/, status: 500, times: 1 });
  res = await api('/vendor/transactions/v1/transactions/x');
  assert.equal(res.status, 500);

  emu.injectFault({ route: 'purchaseOrders/2JK3S9VC', kind: 'drop', times: 1 });
  await assert.rejects(api('/vendor/orders/v1/purchaseOrders/2JK3S9VC'));
});

test('request log: method, path, query and status only — no tokens or secrets', () => {
  const log = JSON.stringify(emu.requests);
  assert.ok(emu.requests.length > 10);
  for (const entry of emu.requests) {
    assert.deepEqual(
      Object.keys(entry).filter((k) => k !== 'fault'),
      ['method', 'path', 'query', 'status'],
    );
  }
  assert.ok(!log.includes(token));
  for (const secret of Object.values(EMULATOR_CREDENTIALS)) assert.ok(!log.includes(secret));
});

test('a timeout fault holds the request until close()', async () => {
  const local = await startEmulator({ orders: [], faults: [{ kind: 'timeout', times: 1 }] });
  const pending = fetch(`${local.url}/auth/o2/token`, { method: 'POST', body: '' });
  const outcome = await Promise.race([
    pending.then(
      () => 'answered',
      () => 'failed',
    ),
    new Promise((r) => setTimeout(() => r('held'), 200)),
  ]);
  assert.equal(outcome, 'held');
  await local.close();
  assert.equal(
    await pending.then(
      () => 'answered',
      () => 'failed',
    ),
    'failed',
  );
});
