// Benchmark (not a test): validateShipmentConfirmation on a 6,000-item ASN — 30 pallets × 40
// cartons × 5 items (PalletizedAssortmentCase, one PO per pallet, 6,000 shipped items, 1,230
// SSCCs) — through pkg/ in Node, then through the ESM bundle in headless Chromium when
// /usr/bin/chromium exists. Prints median and p99 per call.
//   node js/bench/asn-validate.mjs [--runs 100] [--no-browser]
// Build first: node js/build/build.mjs
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dist, pkgDir, requireBuilt } from '../test/harness/artefacts.mjs';

requireBuilt();
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 100;
const WARMUP = 5;
const CHROMIUM = '/usr/bin/chromium';

const m = await import(pathToFileURL(path.join(pkgDir, 'index.mjs')).href);

/** The ASN, with the POs and acknowledgements it ships against. */
function scenario() {
  const PALLETS = 30;
  const CARTONS = 40;
  const ITEMS = 5;
  let serial = 1;
  const sscc = () => `00${m.generateSscc({ companyPrefix: '0614141', extensionDigit: 1, serialReference: serial++ }).sscc}`;
  const seq = (n) => String(n).padStart(4, '0');
  const shippedItems = [];
  const cartons = [];
  const pallets = [];
  const purchaseOrders = [];
  const acknowledgements = [];
  for (let p = 0; p < PALLETS; p++) {
    const po = `PO-${p}`;
    const lines = [];
    const refs = [];
    for (let c = 0; c < CARTONS; c++) {
      const cartonNumber = seq(p * CARTONS + c + 1);
      const items = [];
      for (let i = 0; i < ITEMS; i++) {
        const n = shippedItems.length + 1;
        const asin = `B0${String(n).padStart(8, '0')}`;
        shippedItems.push({
          itemSequenceNumber: seq(n), amazonProductIdentifier: asin,
          shippedQuantity: { amount: 2, unitOfMeasure: 'Eaches' }, itemDetails: { purchaseOrderNumber: po },
        });
        items.push({ itemReference: seq(n), shippedQuantity: { amount: 2, unitOfMeasure: 'Eaches' } });
        lines.push({ itemSequenceNumber: String(lines.length + 1), amazonProductIdentifier: asin,
          orderedQuantity: { amount: 2, unitOfMeasure: 'Eaches' }, isBackOrderAllowed: false });
      }
      cartons.push({ cartonIdentifiers: [{ containerIdentificationType: 'SSCC', containerIdentificationNumber: sscc() }],
        cartonSequenceNumber: cartonNumber, weight: { unitOfMeasure: 'Lb', value: '20' }, items });
      refs.push(cartonNumber);
    }
    pallets.push({ palletIdentifiers: [{ containerIdentificationType: 'SSCC', containerIdentificationNumber: sscc() }],
      weight: { unitOfMeasure: 'Lb', value: '850' }, cartonReferenceDetails: { cartonCount: CARTONS, cartonReferenceNumbers: refs } });
    purchaseOrders.push({ purchaseOrderNumber: po, purchaseOrderState: 'Acknowledged', orderDetails: {
      purchaseOrderDate: '2026-11-18T10:00:00Z', sellingParty: { partyId: 'VEND1' }, shipToParty: { partyId: 'SMF3' },
      deliveryWindow: '2026-11-23T08:00:00Z--2026-11-27T08:00:00Z', items: lines } });
    acknowledgements.push({ purchaseOrderNumber: po, sellingParty: { partyId: 'VEND1' }, acknowledgementDate: '2026-11-18T12:00:00Z',
      items: lines.map((l) => ({ itemSequenceNumber: l.itemSequenceNumber, amazonProductIdentifier: l.amazonProductIdentifier,
        orderedQuantity: l.orderedQuantity, itemAcknowledgements: [{ acknowledgementCode: 'Accepted', acknowledgedQuantity: l.orderedQuantity }] })) });
  }
  const shipmentConfirmation = {
    shipmentIdentifier: 'ASN-BENCH', shipmentConfirmationType: 'Original', shipmentType: 'TruckLoad',
    shipmentStructure: 'PalletizedAssortmentCase',
    transportationDetails: { carrierScac: 'ABFS', carrierShipmentReferenceNumber: 'PRO-1', billOfLadingNumber: 'BOL-1' },
    shipmentConfirmationDate: '2026-11-22T10:00:00Z', shippedDate: '2026-11-22T09:45:00Z', estimatedDeliveryDate: '2026-11-24T08:00:00Z',
    sellingParty: { partyId: 'VEND1' }, shipFromParty: { partyId: 'WH1' }, shipToParty: { partyId: 'SMF3' },
    shipmentMeasurements: { cartonCount: cartons.length, palletCount: pallets.length },
    shippedItems, cartons, pallets,
  };
  return {
    asnOnly: { shipmentConfirmation, now: '2026-11-22T10:00:00Z' },
    withOrders: { shipmentConfirmation, purchaseOrders, acknowledgements, now: '2026-11-22T10:00:00Z' },
  };
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p99: at(0.99), runs: sorted.length };
}

function measure(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return stats(times);
}

const { asnOnly, withOrders } = scenario();
if (process.env.DUMP_BENCH_INPUT) { fs.writeFileSync(process.env.DUMP_BENCH_INPUT, JSON.stringify(withOrders)); process.exit(0); }
const check = m.validateShipmentConfirmation(withOrders);
if (!check.valid || check.issues.length) throw new Error(`benchmark ASN is not valid: ${JSON.stringify(check.issues.slice(0, 3))}`);
const asnText = JSON.stringify(asnOnly);
const fullText = JSON.stringify(withOrders);

const rows = [];
const row = (where, what, s) => rows.push({ where, what, ...s });
row('node (pkg/)', 'validateShipmentConfirmation(object), ASN only', measure(() => m.validateShipmentConfirmation(asnOnly)));
row('node (pkg/)', 'validateShipmentConfirmationJson(text), ASN only', measure(() => m.validateShipmentConfirmationJson(asnText)));
row('node (pkg/)', 'validateShipmentConfirmation(object) + 30 POs/acks', measure(() => m.validateShipmentConfirmation(withOrders)));
row('node (pkg/)', 'validateShipmentConfirmationJson(text) + 30 POs/acks', measure(() => m.validateShipmentConfirmationJson(fullText)));

if (!args.includes('--no-browser') && fs.existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  const files = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module">import * as vcc from "/vcc.esm.js"; window.vcc = vcc;</script>'],
    '/vcc.esm.js': ['text/javascript', fs.readFileSync(dist('esm.js'))],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? file[0] : 'text/plain' });
    res.end(file ? file[1] : '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asn-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.vcc !== undefined);
    for (const [what, input] of [['ASN only', asnOnly], ['+ 30 POs/acks', withOrders]]) {
      const result = await page.evaluate(({ input, runs, warmup }) => {
        const times = [];
        for (let i = 0; i < warmup + runs; i++) {
          const start = performance.now();
          window.vcc.validateShipmentConfirmation(input);
          if (i >= warmup) times.push(performance.now() - start);
        }
        return times;
      }, { input, runs: RUNS, warmup: WARMUP });
      row(`chromium ${context.browser()?.version() ?? ''} (ESM bundle)`.trim(), `validateShipmentConfirmation(object), ${what}`, stats(result));
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
} else {
  console.log('(headless Chromium skipped: /usr/bin/chromium missing or --no-browser)');
}

console.log(`6,000-item ASN (${withOrders.shipmentConfirmation.shippedItems.length} items, ${withOrders.shipmentConfirmation.cartons.length} cartons, ` +
  `${withOrders.shipmentConfirmation.pallets.length} pallets; ${(asnText.length / 1024 / 1024).toFixed(2)} MiB JSON, ` +
  `${(fullText.length / 1024 / 1024).toFixed(2)} MiB with POs/acks); ${RUNS} runs after ${WARMUP} warm-up`);
for (const r of rows) {
  console.log(`${r.where.padEnd(32)} ${r.what.padEnd(56)} median ${r.median.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`);
}
