// Deterministic demo purchase orders: the same seed and `now` always give the same POs, so the
// demo's output is reproducible. Every PO is valid per the model's `Order` definition.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const DEFAULT_SEED = 20261122;

/** The demo's sample ERP data: `{ inventory, skuMap }` from inventory.json. */
export function loadDemoInventory() {
  const { inventory, skuMap } = JSON.parse(fs.readFileSync(path.join(here, 'inventory.json'), 'utf8'));
  return { inventory, skuMap };
}

// mulberry32: a tiny seeded PRNG; Math.random cannot be seeded.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Products Amazon may order that the ERP does not know: they exercise the unknown-item path.
const UNKNOWN_PRODUCTS = [{ asin: 'B0UNKNOWN1', vendorSku: 'XX-000001' }, { asin: 'B0UNKNOWN2' }, { vendorSku: 'XX-000003' }];

const VENDOR_CODES = ['DEMO1', 'DEMO2', 'DEMO3'];
const FULFILMENT_CENTRES = ['SEA8', 'PHX6', 'ONT8', 'BFI4'];

/**
 * @param {{ now: string|Date, count?: number, seed?: number, skuMap?: Array }} options
 * @returns {Array} purchase orders (Order objects)
 */
export function generateOrders({ now, count = 40, seed = DEFAULT_SEED, skuMap = loadDemoInventory().skuMap } = {}) {
  if (!now) throw new TypeError('generateOrders needs a fixed `now`');
  const nowMs = new Date(now).getTime();
  if (Number.isNaN(nowMs)) throw new TypeError(`invalid now: ${now}`);
  const random = prng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const HOUR = 3600_000;

  const known = skuMap.filter((m) => m.asin || m.vendorSku);
  const orders = [];
  for (let n = 1; n <= count; n += 1) {
    // Placed in the last 30 hours: most still within the 24-hour acknowledgement window.
    const placed = nowMs - int(1, 30) * HOUR - int(0, 59) * 60_000;
    const changed = random() < 0.15 ? placed + int(1, 6) * HOUR : null;
    const windowStart = placed + int(2, 5) * 24 * HOUR;
    const fc = pick(FULFILMENT_CENTRES);
    const lineCount = int(1, 8);
    const used = new Set();
    const items = [];
    for (let line = 1; line <= lineCount; line += 1) {
      let product;
      if (random() < 0.06) {
        product = pick(UNKNOWN_PRODUCTS);
      } else {
        // Avoid the same product twice on one PO.
        do product = pick(known);
        while (used.has(product.sku) && used.size < known.length);
        used.add(product.sku);
      }
      const caseSize = product.unitsPerCase;
      const inCases = caseSize > 1 && random() < 0.5;
      const cost = (int(150, 9000) / 100).toFixed(2);
      const item = { itemSequenceNumber: String(line) };
      if (product.asin) item.amazonProductIdentifier = product.asin;
      if (product.vendorSku) item.vendorProductIdentifier = product.vendorSku;
      item.orderedQuantity = inCases
        ? { amount: int(1, 4), unitOfMeasure: 'Cases', unitSize: caseSize }
        : { amount: int(1, 12), unitOfMeasure: 'Eaches', unitSize: 1 };
      item.isBackOrderAllowed = random() < 0.35;
      item.netCost = { amount: cost, currencyCode: 'USD' };
      item.listPrice = { amount: (Number(cost) * 1.3).toFixed(2), currencyCode: 'USD' };
      items.push(item);
    }
    const details = {
      purchaseOrderDate: iso(placed),
      ...(changed ? { purchaseOrderChangedDate: iso(changed) } : {}),
      purchaseOrderStateChangedDate: iso(placed),
      purchaseOrderType: random() < 0.9 ? 'RegularOrder' : 'RushOrder',
      paymentMethod: 'Invoice',
      buyingParty: { partyId: fc },
      sellingParty: { partyId: pick(VENDOR_CODES) },
      shipToParty: { partyId: fc },
      billToParty: { partyId: 'AMZN_US' },
      shipWindow: `${iso(windowStart)}--${iso(windowStart + 7 * 24 * HOUR)}`,
      items,
    };
    orders.push({
      purchaseOrderNumber: `DM${String(n).padStart(6, '0')}`,
      // A few already acknowledged or closed ones: the core should leave them alone.
      purchaseOrderState: n % 19 === 0 ? 'Acknowledged' : n % 23 === 0 ? 'Closed' : 'New',
      orderDetails: details,
    });
  }
  return orders;
}
