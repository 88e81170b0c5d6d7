// Direct Fulfillment from intake to invoice through every artefact: a DF order becomes a sales
// order, its packed packages a shipping label request, then (shipped) a shipment confirmation
// and a status update, then an invoice. Every request body is validated with ajv against
// Amazon's DF models (2021-12-28 shipping, payments v1) and accepted by the emulator, which
// refuses a body the model refuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_SHAPES, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { startEmulator, EMULATOR_CREDENTIALS } from '../emulator/server.mjs';
import { validatorFor } from '../lib/models.mjs';

requireBuilt();

const SHIPPING = 'vendor-direct-fulfillment-shipping-api-model/vendorDirectFulfillmentShipping_2021-12-28.json';
const PAYMENTS = 'vendor-direct-fulfillment-payments-api-model/vendorDirectFulfillmentPaymentsV1.json';
const fixture = (dir, name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', dir, `${name}.json`), 'utf8'));

function assertValid(model, definition, body, what) {
  const { valid, errors } = validatorFor(model, definition)(body);
  assert.ok(valid, `${what}: ${JSON.stringify(errors)}`);
}

/** The whole flow for one order; returns every request body with where it goes. */
function flow(mod) {
  const sales = mod.toDirectFulfillmentSalesOrders(fixture('df_sales_order', 'accepted_netsuite').input);
  assert.equal(sales.salesOrders.length, 1);
  const shippedInput = fixture('df_shipment', 'shipped').input;
  const packed = structuredClone(shippedInput);
  delete packed.shipments[0].shippedDate;
  packed.statusUpdates = [];
  packed.now = '2026-03-02T10:00:00Z';
  const labels = mod.buildDirectFulfillmentShipmentConfirmations(packed);
  const shipped = mod.buildDirectFulfillmentShipmentConfirmations(shippedInput);
  const invoiceInput = fixture('df_invoice', 'invoice').input;
  const invoices = mod.buildDirectFulfillmentInvoices({ ...invoiceInput, shipmentConfirmations: shipped.request.shipmentConfirmations });
  return [
    ['/vendor/directFulfillment/shipping/2021-12-28/shippingLabels', SHIPPING, 'SubmitShippingLabelsRequest', labels.labelRequest],
    [
      '/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations',
      SHIPPING,
      'SubmitShipmentConfirmationsRequest',
      shipped.request,
    ],
    [
      '/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates',
      SHIPPING,
      'SubmitShipmentStatusUpdatesRequest',
      shipped.statusUpdateRequest,
    ],
    ['/vendor/directFulfillment/payments/v1/invoices', PAYMENTS, 'SubmitInvoiceRequest', invoices.request],
  ];
}

for (const [shape, load] of HOST_SHAPES) {
  test(`DF intake to invoice, every body valid against its model: ${shape}`, async () => {
    const { mod } = await load();
    const bodies = flow(mod);
    for (const [route, model, definition, body] of bodies) {
      assert.ok(body, `${route}: built`);
      assertValid(model, definition, body, route);
    }
    // The fixtures' exact outputs, through this artefact.
    for (const [dir, name, fn] of [
      ['df_sales_order', 'accepted_netsuite', 'toDirectFulfillmentSalesOrders'],
      ['df_sales_order', 'held', 'toDirectFulfillmentSalesOrders'],
      ['df_shipment', 'shipped', 'buildDirectFulfillmentShipmentConfirmations'],
      ['df_shipment', 'checks', 'buildDirectFulfillmentShipmentConfirmations'],
      ['df_invoice', 'invoice', 'buildDirectFulfillmentInvoices'],
    ]) {
      const { input, expected } = fixture(dir, name);
      assert.deepEqual(JSON.parse(JSON.stringify(mod[fn](input))), expected, `${dir}/${name}`);
      assert.deepEqual(JSON.parse(mod[`${fn}Json`](JSON.stringify(input))), expected, `${dir}/${name} (JSON)`);
    }
  });
}

let emu;
let token;
before(async () => {
  emu = await startEmulator();
  const res = await fetch(`${emu.url}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: EMULATOR_CREDENTIALS.refreshToken,
      client_id: EMULATOR_CREDENTIALS.clientId,
      client_secret: EMULATOR_CREDENTIALS.clientSecret,
    }),
  });
  token = (await res.json()).access_token;
});
after(() => emu.close());

// One retry when the connection fails: the emulator closes a keep-alive connection idle for 5 s
// (Node's default) while the artefact tests above run, and fetch may pick it up just then.
async function post(route, body) {
  const send = () =>
    fetch(emu.url + route, {
      method: 'POST',
      headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    return await send();
  } catch (err) {
    if (err?.message !== 'fetch failed') throw err;
    return send();
  }
}

test('the emulator takes every DF body the library builds, and refuses what the model refuses', async () => {
  const { mod } = await HOST_SHAPES[0][1]();
  for (const [route, , , body] of flow(mod)) {
    const res = await post(route, body);
    const answer = await res.json();
    assert.equal(res.status, 202, `${route}: ${JSON.stringify(answer)}`);
    // 2021-12-28 shipping answers a bare TransactionReference; payments v1 wraps it.
    const id = route.includes('/payments/') ? answer.payload.transactionId : answer.transactionId;
    assert.match(id, /.+/);
  }
  const [, [route, , , confirmations]] = flow(mod);
  const broken = structuredClone(confirmations);
  delete broken.shipmentConfirmations[0].containers[0].weight;
  const res = await post(route, broken);
  assert.equal(res.status, 400);
  assert.match((await res.json()).errors[0].message, /weight/);
  // Fault injection works on the DF routes as on the others.
  emu.injectFault({ route: 'shipmentStatusUpdates', status: 503 });
  assert.equal((await post('/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates', {})).status, 503);
});

test('the outbox sends DF bodies and resolves them with the DF transaction status (2021-12-28)', async () => {
  const { SpApiClient } = await import('../node/spapi-client.mjs');
  const { Outbox, MemoryOutboxStore } = await import('../node/outbox.mjs');
  const { mod } = await HOST_SHAPES[0][1]();
  const client = new SpApiClient({ endpoint: emu.url, lwaEndpoint: `${emu.url}/auth/o2/token`, credentials: EMULATOR_CREDENTIALS });
  const outbox = new Outbox({ store: new MemoryOutboxStore(), client });
  const operations = {
    shippingLabels: 'submitShippingLabelRequest',
    shipmentConfirmations: 'submitDfShipmentConfirmations',
    shipmentStatusUpdates: 'submitDfShipmentStatusUpdates',
    invoices: 'submitDfInvoice',
  };
  for (const [route, , , body] of flow(mod)) {
    const operation = operations[route.split('/').at(-1)];
    const sent = await outbox.submit({ operation, body, keys: ['2JK3S9VC'] });
    assert.equal(sent.state, 'sent', `${operation}: ${JSON.stringify(sent.lastError ?? sent.error ?? {})}`);
    const settled = await outbox.confirm(sent.id, { intervalMs: 1, timeoutMs: 1000 });
    assert.deepEqual([settled.state, settled.status], ['settled', 'Success'], operation);
  }
  const polled = emu.requests.filter((r) => r.path.startsWith('/vendor/directFulfillment/transactions/2021-12-28/transactions/'));
  assert.ok(polled.length >= 4, 'resolved with the DF transaction status');
  assert.ok(polled.every((r) => r.status === 200));
});
