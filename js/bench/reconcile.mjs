// Benchmark (not a test): reconcile about 1,000,000 rows through the Node package (pkg/).
//
//   node js/build/build.mjs            # once
//   node --max-old-space-size=8192 js/bench/reconcile.mjs [--rows 1000000] [--seed 42]
//
// Rows are PO lines + acknowledgement lines + ASN lines + receipt lines + invoice lines +
// remittance rows (CSV), generated from a fixed seed: the same run every time. A share of the
// lines is short-received, some invoices carry a price above the PO cost, some are unpaid, some
// are paid with a shortage claim (`…SC`) line. Prints the row counts, the time of `reconcile`
// (object in, object out: stringify, parse, reconcile, serialise) on a cold instance and again
// warm, of `reconcileJson` (text in, text out) warm, and the peak memory of the process.
//
// Cold vs warm: V8 first runs WebAssembly with its baseline compiler (Liftoff) and swaps in
// optimised code for a function on a later call, never in the middle of one; a single huge call
// on a fresh instance therefore runs baseline code throughout. `--no-wasm-dynamic-tiering`
// compiles optimised code up front instead (see the README).
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..', '..', 'pkg', 'index.mjs');
const { reconcile, reconcileJson } = await import(pathToFileURL(pkg).href);

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetRows = arg('rows', 1_000_000);
const seed = arg('seed', 42);

/** mulberry32: a small, fixed PRNG, so the data is identical on every run. */
function prng(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const cents = (n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

// Per PO: 2 lines × (PO, ack, ASN, receipt, invoice) = 10 rows, plus a remittance row for 9
// invoices in 10 and a shortage-claim row for the short-received ones: POs are generated until
// the row count reaches the target.
let poCount = 0;
const purchaseOrders = [];
const acknowledgements = [];
const shipments = [];
const receipts = [];
const invoices = [];
const csv = ['Payment Number,Payment Date,Invoice Number,Transaction Description,Invoice Currency,Amount Paid'];
let rows = 0;

const started = performance.now();
for (let p = 0; rows < targetRows; p += 1) {
  poCount = p + 1;
  const po = `P${String(p).padStart(7, '0')}`;
  const day = 1 + (p % 20);
  const date = `2026-10-${String(day).padStart(2, '0')}T08:00:00Z`;
  const items = [];
  const ackItems = [];
  const shipped = [];
  const received = [];
  const invoiced = [];
  let total = 0;
  let short = false;
  for (let l = 1; l <= 2; l += 1) {
    const asin = `B${String(p * 2 + l).padStart(9, '0')}`;
    const ordered = int(1, 40);
    const cost = int(100, 50_000);
    const accepted = random() < 0.9 ? ordered : int(0, ordered);
    const sent = random() < 0.95 ? accepted : int(0, accepted);
    const got = random() < 0.05 ? int(0, sent) : sent;
    if (got < sent) short = true;
    const invoicedCost = random() < 0.03 ? cost + int(1, 500) : cost;
    items.push({ itemSequenceNumber: String(l), amazonProductIdentifier: asin,
      orderedQuantity: { amount: ordered, unitOfMeasure: 'Eaches', unitSize: 1 }, isBackOrderAllowed: false,
      netCost: { amount: cents(cost), currencyCode: 'USD' } });
    const entries = [];
    if (accepted > 0) entries.push({ acknowledgementCode: 'Accepted', acknowledgedQuantity: { amount: accepted } });
    if (ordered > accepted) {
      entries.push({ acknowledgementCode: 'Rejected', acknowledgedQuantity: { amount: ordered - accepted },
        rejectionReason: 'TemporarilyUnavailable' });
    }
    ackItems.push({ itemSequenceNumber: String(l), amazonProductIdentifier: asin,
      orderedQuantity: { amount: ordered }, netCost: { amount: cents(cost), currencyCode: 'USD' },
      itemAcknowledgements: entries });
    shipped.push({ itemSequenceNumber: String(l).padStart(3, '0'), amazonProductIdentifier: asin,
      shippedQuantity: { amount: sent, unitOfMeasure: 'Eaches' }, itemDetails: { purchaseOrderNumber: po } });
    received.push({ itemSequenceNumber: String(l), buyerProductIdentifier: asin,
      receivingStatus: { receiveStatus: got === sent ? 'RECEIVED' : 'PARTIALLY_RECEIVED',
        receivedQuantity: { amount: got, unitOfMeasure: 'Eaches' } } });
    if (sent > 0) {
      invoiced.push({ itemSequenceNumber: invoiced.length + 1, amazonProductIdentifier: asin,
        invoicedQuantity: { amount: sent, unitOfMeasure: 'Eaches' }, netCost: { amount: cents(invoicedCost), currencyCode: 'USD' },
        purchaseOrderNumber: po });
      total += sent * invoicedCost;
    }
    rows += 5;
  }
  purchaseOrders.push({ purchaseOrderNumber: po, purchaseOrderState: 'Acknowledged', orderDetails: {
    purchaseOrderDate: date, shipWindow: `${date}--2026-11-${String(day).padStart(2, '0')}T08:00:00Z`, items } });
  acknowledgements.push({ purchaseOrderNumber: po, sellingParty: { partyId: 'VEND1' }, acknowledgementDate: date, items: ackItems });
  shipments.push({ shipmentIdentifier: `S${p}`, shipmentConfirmationType: 'Original', shippedDate: date,
    transportationDetails: { carrierScac: 'ABFS', billOfLadingNumber: `BOL${p}` }, shippedItems: shipped });
  receipts.push({ purchaseOrderNumber: po, purchaseOrderStatus: 'OPEN', purchaseOrderDate: date, itemStatus: received });
  if (total > 0) {
    const id = `I${p}`;
    invoices.push({ invoiceType: 'Invoice', id, date: `2026-11-${String(day).padStart(2, '0')}T08:00:00Z`,
      remitToParty: { partyId: 'VEND1' }, paymentTerms: { netDueDays: 30 },
      invoiceTotal: { amount: cents(total), currencyCode: 'USD' }, items: invoiced });
    if (random() < 0.9) {
      csv.push(`R${p % 500},12/20/2026,${id},Payment,USD,${cents(total)}`);
      rows += 1;
      if (short) {
        csv.push(`R${p % 500},12/20/2026,${id}SC,Shortage claim,USD,-${cents(int(100, 5_000))}`);
        rows += 1;
      }
    }
  }
}
const input = { purchaseOrders, acknowledgements, shipments, receipts, invoices,
  remittanceCsv: { text: csv.join('\r\n') }, now: '2027-01-15T00:00:00Z' };
const generatedMs = performance.now() - started;

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
let peakHeap = 0;
let peakExternal = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
}, 50);

const t0 = performance.now();
reconcile(input);
const coldObjectMs = performance.now() - t0;

const t1 = performance.now();
const out = reconcile(input);
const warmObjectMs = performance.now() - t1;

const text = JSON.stringify(input);
const t2 = performance.now();
const outText = reconcileJson(text);
const jsonMs = performance.now() - t2;
clearInterval(sampler);
const m = process.memoryUsage();
peakHeap = Math.max(peakHeap, m.heapUsed);
peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);

const byCode = Object.fromEntries(out.totals.byException.map((t) => [t.code, t.count]));
console.log(JSON.stringify({
  rows,
  purchaseOrders: poCount,
  remittanceRows: csv.length - 1,
  inputJson: mib(text.length),
  outputJson: mib(outText.length),
  generateMs: Math.round(generatedMs),
  reconcileColdMs: Math.round(coldObjectMs),
  reconcileWarmMs: Math.round(warmObjectMs),
  reconcileJsonWarmMs: Math.round(jsonMs),
  peakRss: mib(process.resourceUsage().maxRSS * 1024),
  peakHeapUsed: mib(peakHeap),
  peakExternal: mib(peakExternal),
  exceptions: out.exceptions.length,
  exceptionsByCode: byCode,
  moneyAtRisk: out.totals.byCurrency.map((c) => `${c.moneyAtRisk} ${c.currencyCode}`),
}, null, 2));
