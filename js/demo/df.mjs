// End-to-end demo of one Direct Fulfillment order, from intake to invoice, against the local
// SP-API emulator (which validates every body against Amazon's DF models):
//   acknowledge (decideDirectFulfillmentAcknowledgements) → sales order
//   (toDirectFulfillmentSalesOrders) → packed: shipping label request → shipped: shipment
//   confirmation and a status update (buildDirectFulfillmentShipmentConfirmations) → invoice
//   (buildDirectFulfillmentInvoices).
// Run from the repository root after the build has produced pkg/:  node js/demo/df.mjs
// The JS here only moves data; every decision comes from the core. The customer's address and
// gift message stay in the sales order: nothing printed here contains them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEmulator, EMULATOR_CREDENTIALS } from '../emulator/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const fixture = (dir, name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', dir, `${name}.json`), 'utf8')).input;

/** The demo's fixed clock: the order arrives at 07:30, is acknowledged at 09:00. */
export const DF_DEMO_NOW = '2026-03-02T09:00:00Z';

/**
 * Runs the DF flow for one order. Returns a summary: one step per document, each with the HTTP
 * status the emulator answered; `ok` when every submission was accepted (202).
 * @param {{ out?: {write(s:string):void}, pkgDir?: string }} [options]
 */
export async function runDfDemo({ out = process.stdout, pkgDir } = {}) {
  const dir = pkgDir || process.env.VCC_PKG_DIR || path.join(repoRoot, 'pkg');
  const entry = path.join(dir, 'index.mjs');
  if (!fs.existsSync(entry)) throw new Error(`${entry} not found: build the package first (cd js && npm run build)`);
  const core = await import(pathToFileURL(entry).href);
  const emulator = await startEmulator();
  try {
    const token = await accessToken(emulator.url);
    const post = async (route, body) => {
      const res = await fetch(emulator.url + route, {
        method: 'POST',
        headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await res.json();
      return { status: res.status, transactionId: answer.transactionId ?? answer.payload?.transactionId ?? null };
    };
    const steps = [];
    const step = (name, detail, sent) => steps.push({ name, detail, ...sent });

    // Intake and acknowledgement.
    const intake = fixture('df_ack', 'accept');
    const [order] = intake.orders;
    const number = order.purchaseOrderNumber;
    const ack = core.decideDirectFulfillmentAcknowledgements(intake);
    step(
      'acknowledge',
      `${ack.decisions[0].code} (${ack.decisions[0].acknowledgementStatus?.code})`,
      await post('/vendor/directFulfillment/orders/2021-12-28/acknowledgements', ack.request),
    );

    // Sales order (an accepted order now).
    const accepted = structuredClone(order);
    accepted.orderDetails.orderStatus = 'ACCEPTED';
    const sales = core.toDirectFulfillmentSalesOrders({
      orders: [accepted],
      skuMap: intake.skuMap,
      locations: { 'WH-EAST': '7' },
      customers: [{ vendorCode: 'VEND1', customer: '311', currencies: ['USD'] }],
      preset: 'netsuite',
    });
    const so = sales.salesOrders[0];
    step(
      'sales order',
      `${so.externalId}: ${so.lines.length} lines, total ${so.total} ${so.currencyCode}, ship by ${so.requiredShipDate} via ${so.shipMethod}`,
      {},
    );

    // Packed: ask Amazon for labels. Shipped: confirm, then a carrier event.
    const packages = [
      {
        containerIdentifier: 'PKG-1',
        weight: { unitOfMeasure: 'LB', value: '21.5' },
        dimensions: { length: '24', width: '18', height: '30', unitOfMeasure: 'IN' },
        items: [
          { itemSequenceNumber: '00001', quantity: 1 },
          { itemSequenceNumber: '00002', quantity: 1 },
        ],
      },
      { containerIdentifier: 'PKG-2', weight: { unitOfMeasure: 'LB', value: '19' }, items: [{ itemSequenceNumber: '00002', quantity: 1 }] },
    ];
    const packed = core.buildDirectFulfillmentShipmentConfirmations({
      orders: [accepted],
      shipments: [{ purchaseOrderNumber: number, packages }],
      now: '2026-03-02T12:00:00Z',
    });
    step(
      'label request',
      `${packed.labelRequest.shippingLabelRequests[0].containers.length} packages`,
      await post('/vendor/directFulfillment/shipping/2021-12-28/shippingLabels', packed.labelRequest),
    );
    const labels = [
      {
        purchaseOrderNumber: number,
        sellingParty: { partyId: 'VEND1' },
        shipFromParty: { partyId: 'WH-EAST' },
        labelFormat: 'ZPL',
        labelData: [
          { packageIdentifier: 'PKG-1', trackingNumber: '1Z999AA10123456784', shipMethod: 'UPS_2ND', content: '^XA^FDPKG-1^XZ' },
          { packageIdentifier: 'PKG-2', trackingNumber: '1Z999AA10123456795', shipMethod: 'UPS_2ND', content: '^XA^FDPKG-2^XZ' },
        ],
      },
    ];
    const shipped = core.buildDirectFulfillmentShipmentConfirmations({
      orders: [accepted],
      labels,
      now: '2026-03-02T17:00:00Z',
      shipments: [{ purchaseOrderNumber: number, shippedDate: '2026-03-02T16:30:00Z', packages }],
      statusUpdates: [
        {
          purchaseOrderNumber: number,
          trackingNumber: '1Z999AA10123456795',
          event: 'DEPARTED_FROM_FC',
          statusDateTime: '2026-03-02T16:45:00Z',
          location: { city: 'Springfield', stateOrRegion: 'OR', countryCode: 'US' },
        },
      ],
    });
    step('labels printed', `${shipped.printableLabels.length} ${shipped.printableLabels[0].format} labels`, {});
    step(
      'shipment confirmation',
      `${shipped.issues.length} issues`,
      await post('/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations', shipped.request),
    );
    step(
      'status update',
      shipped.statusUpdateRequest.shipmentStatusUpdates[0].statusUpdateDetails.statusCode,
      await post('/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates', shipped.statusUpdateRequest),
    );

    // Invoice.
    const invoiced = core.buildDirectFulfillmentInvoices({
      orders: [accepted],
      shipmentConfirmations: shipped.request.shipmentConfirmations,
      invoiceNumbers: { [number]: 'INV-0001' },
      remitToParty: { partyId: 'VEND1' },
      now: '2026-03-03T09:00:00Z',
    });
    const invoice = invoiced.request.invoices[0];
    step(
      'invoice',
      `${invoice.invoiceNumber}: ${invoice.invoiceTotal.amount} ${invoice.invoiceTotal.currencyCode}`,
      await post('/vendor/directFulfillment/payments/v1/invoices', invoiced.request),
    );
    const again = core.buildDirectFulfillmentInvoices({
      orders: [accepted],
      shipmentConfirmations: shipped.request.shipmentConfirmations,
      invoiced: invoiced.invoiced,
      invoiceNumbers: { [number]: 'INV-0002' },
      remitToParty: { partyId: 'VEND1' },
      now: '2026-03-04T09:00:00Z',
    });
    step('invoice again', again.request ? 'INVOICED TWICE' : 'nothing to invoice (already invoiced)', {});

    const ok = steps.every((s) => s.status === undefined || s.status === 202) && !again.request;
    out.write(`Direct Fulfillment order ${number}, intake to invoice (emulator at ${emulator.url})\n\n`);
    for (const s of steps) {
      const sent = s.status === undefined ? '' : `  HTTP ${s.status}${s.transactionId ? `, transaction ${s.transactionId}` : ''}`;
      out.write(`  ${s.name.padEnd(22)} ${s.detail}${sent}\n`);
    }
    return { ok, purchaseOrderNumber: number, steps };
  } finally {
    await emulator.close();
  }
}

async function accessToken(url) {
  const res = await fetch(`${url}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: EMULATOR_CREDENTIALS.refreshToken,
      client_id: EMULATOR_CREDENTIALS.clientId,
      client_secret: EMULATOR_CREDENTIALS.clientSecret,
    }),
  });
  return (await res.json()).access_token;
}

const invokedAsScript = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  runDfDemo().then(
    (summary) => {
      if (!summary.ok) {
        process.stderr.write('DF demo failed: a submission was refused\n');
        process.exitCode = 1;
      }
    },
    (err) => {
      process.stderr.write(`DF demo failed: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
