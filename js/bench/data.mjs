// Generated, realistic benchmark inputs, identical on every run (fixed seeds). One copy, shared
// by the benchmark command (run.mjs) and the single-workload scripts (ack.mjs, reconcile.mjs,
// asn-validate.mjs).

/** mulberry32: a small deterministic PRNG, so every run benchmarks the same data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * decideAcknowledgements input: `lines` PO lines in POs of `linesPerPo` (the last PO takes the
 * remainder), each ordering one of `skus` SKUs by ASIN; inventory with on-hand, committed, safety
 * stock and, for one SKU in five, an inbound receipt; 30 % of lines in cases of 6.
 */
export function ackInput({ lines = 100_000, linesPerPo = 100, skus = 20_000, seed = 20261122 } = {}) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const sku = (i) => `SKU-${String(i).padStart(6, '0')}`;
  const asin = (i) => `B0${String(i).padStart(8, '0')}`;
  const inventory = [];
  const skuMap = [];
  for (let i = 0; i < skus; i++) {
    inventory.push({
      sku: sku(i),
      onHand: int(400),
      committed: int(20),
      safetyStock: int(10),
      inbound: i % 5 === 0 ? [{ quantity: int(100), expectedDate: `2026-11-${String(23 + int(6)).padStart(2, '0')}T00:00:00Z` }] : [],
    });
    skuMap.push({ sku: sku(i), asin: asin(i), vendorSku: `V${i}`, unitsPerCase: 6 });
  }
  const purchaseOrders = [];
  for (let p = 0, made = 0; made < lines; p++) {
    const items = [];
    for (let l = 0; l < linesPerPo && made < lines; l++, made++) {
      const cases = random() < 0.3;
      items.push({
        itemSequenceNumber: String(l + 1),
        amazonProductIdentifier: asin(int(skus)),
        orderedQuantity: { amount: 1 + int(cases ? 10 : 60), unitOfMeasure: cases ? 'Cases' : 'Eaches', unitSize: cases ? 6 : 1 },
        isBackOrderAllowed: random() < 0.5,
        netCost: { amount: (1 + int(50000) / 100).toFixed(2), currencyCode: 'USD' },
      });
    }
    const day = 18 + int(4);
    purchaseOrders.push({
      purchaseOrderNumber: `BENCH${String(p).padStart(5, '0')}`,
      purchaseOrderState: 'New',
      orderDetails: {
        purchaseOrderDate: `2026-11-${day}T${String(int(24)).padStart(2, '0')}:00:00Z`,
        purchaseOrderType: 'RegularOrder',
        sellingParty: { partyId: 'VEND1' },
        shipWindow: `2026-11-${day + 3}T00:00:00Z--2026-11-${day + 7}T00:00:00Z`,
        items,
      },
    });
  }
  return { purchaseOrders, inventory, skuMap, now: '2026-11-22T08:00:00Z' };
}

/**
 * reconcile input of about `rows` rows: per PO, 2 lines × (PO, acknowledgement, ASN, receipt,
 * invoice) = 10 rows, a remittance CSV row for 9 invoices in 10 and a shortage-claim row for the
 * short-received ones. A share of lines is short-received, some invoices carry a price above the
 * PO cost, some are unpaid. Returns `{ input, rows, purchaseOrders, remittanceRows }`.
 */
export function reconcileInput({ rows: targetRows = 1_000_000, seed = 42 } = {}) {
  const random = prng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const cents = (n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  let poCount = 0;
  const purchaseOrders = [];
  const acknowledgements = [];
  const shipments = [];
  const receipts = [];
  const invoices = [];
  const csv = ['Payment Number,Payment Date,Invoice Number,Transaction Description,Invoice Currency,Amount Paid'];
  let rows = 0;
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
      items.push({
        itemSequenceNumber: String(l),
        amazonProductIdentifier: asin,
        orderedQuantity: { amount: ordered, unitOfMeasure: 'Eaches', unitSize: 1 },
        isBackOrderAllowed: false,
        netCost: { amount: cents(cost), currencyCode: 'USD' },
      });
      const entries = [];
      if (accepted > 0) entries.push({ acknowledgementCode: 'Accepted', acknowledgedQuantity: { amount: accepted } });
      if (ordered > accepted) {
        entries.push({
          acknowledgementCode: 'Rejected',
          acknowledgedQuantity: { amount: ordered - accepted },
          rejectionReason: 'TemporarilyUnavailable',
        });
      }
      ackItems.push({
        itemSequenceNumber: String(l),
        amazonProductIdentifier: asin,
        orderedQuantity: { amount: ordered },
        netCost: { amount: cents(cost), currencyCode: 'USD' },
        itemAcknowledgements: entries,
      });
      shipped.push({
        itemSequenceNumber: String(l).padStart(3, '0'),
        amazonProductIdentifier: asin,
        shippedQuantity: { amount: sent, unitOfMeasure: 'Eaches' },
        itemDetails: { purchaseOrderNumber: po },
      });
      received.push({
        itemSequenceNumber: String(l),
        buyerProductIdentifier: asin,
        receivingStatus: {
          receiveStatus: got === sent ? 'RECEIVED' : 'PARTIALLY_RECEIVED',
          receivedQuantity: { amount: got, unitOfMeasure: 'Eaches' },
        },
      });
      if (sent > 0) {
        invoiced.push({
          itemSequenceNumber: invoiced.length + 1,
          amazonProductIdentifier: asin,
          invoicedQuantity: { amount: sent, unitOfMeasure: 'Eaches' },
          netCost: { amount: cents(invoicedCost), currencyCode: 'USD' },
          purchaseOrderNumber: po,
        });
        total += sent * invoicedCost;
      }
      rows += 5;
    }
    purchaseOrders.push({
      purchaseOrderNumber: po,
      purchaseOrderState: 'Acknowledged',
      orderDetails: {
        purchaseOrderDate: date,
        shipWindow: `${date}--2026-11-${String(day).padStart(2, '0')}T08:00:00Z`,
        items,
      },
    });
    acknowledgements.push({ purchaseOrderNumber: po, sellingParty: { partyId: 'VEND1' }, acknowledgementDate: date, items: ackItems });
    shipments.push({
      shipmentIdentifier: `S${p}`,
      shipmentConfirmationType: 'Original',
      shippedDate: date,
      transportationDetails: { carrierScac: 'ABFS', billOfLadingNumber: `BOL${p}` },
      shippedItems: shipped,
    });
    receipts.push({ purchaseOrderNumber: po, purchaseOrderStatus: 'OPEN', purchaseOrderDate: date, itemStatus: received });
    if (total > 0) {
      const id = `I${p}`;
      invoices.push({
        invoiceType: 'Invoice',
        id,
        date: `2026-11-${String(day).padStart(2, '0')}T08:00:00Z`,
        remitToParty: { partyId: 'VEND1' },
        paymentTerms: { netDueDays: 30 },
        invoiceTotal: { amount: cents(total), currencyCode: 'USD' },
        items: invoiced,
      });
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
  const input = {
    purchaseOrders,
    acknowledgements,
    shipments,
    receipts,
    invoices,
    remittanceCsv: { text: csv.join('\r\n') },
    now: '2027-01-15T00:00:00Z',
  };
  return { input, rows, purchaseOrders: poCount, remittanceRows: csv.length - 1 };
}

/**
 * validateShipmentConfirmation input: a 6,000-item ASN (30 pallets × 40 cartons × 5 items,
 * PalletizedAssortmentCase, one PO per pallet, 1,230 SSCCs) and the POs and acknowledgements it
 * ships against. `sscc(serial)` makes an 18-digit SSCC (the core's generateSscc).
 * Returns `{ asnOnly, withOrders }`.
 */
export function asnInput(sscc, { pallets: PALLETS = 30, cartons: CARTONS = 40, items: ITEMS = 5 } = {}) {
  let serial = 1;
  const nextSscc = () => sscc(serial++);
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
          itemSequenceNumber: seq(n),
          amazonProductIdentifier: asin,
          shippedQuantity: { amount: 2, unitOfMeasure: 'Eaches' },
          itemDetails: { purchaseOrderNumber: po },
        });
        items.push({ itemReference: seq(n), shippedQuantity: { amount: 2, unitOfMeasure: 'Eaches' } });
        lines.push({
          itemSequenceNumber: String(lines.length + 1),
          amazonProductIdentifier: asin,
          orderedQuantity: { amount: 2, unitOfMeasure: 'Eaches' },
          isBackOrderAllowed: false,
        });
      }
      cartons.push({
        cartonIdentifiers: [{ containerIdentificationType: 'SSCC', containerIdentificationNumber: nextSscc() }],
        cartonSequenceNumber: cartonNumber,
        weight: { unitOfMeasure: 'Lb', value: '20' },
        items,
      });
      refs.push(cartonNumber);
    }
    pallets.push({
      palletIdentifiers: [{ containerIdentificationType: 'SSCC', containerIdentificationNumber: nextSscc() }],
      weight: { unitOfMeasure: 'Lb', value: '850' },
      cartonReferenceDetails: { cartonCount: CARTONS, cartonReferenceNumbers: refs },
    });
    purchaseOrders.push({
      purchaseOrderNumber: po,
      purchaseOrderState: 'Acknowledged',
      orderDetails: {
        purchaseOrderDate: '2026-11-18T10:00:00Z',
        sellingParty: { partyId: 'VEND1' },
        shipToParty: { partyId: 'SMF3' },
        deliveryWindow: '2026-11-23T08:00:00Z--2026-11-27T08:00:00Z',
        items: lines,
      },
    });
    acknowledgements.push({
      purchaseOrderNumber: po,
      sellingParty: { partyId: 'VEND1' },
      acknowledgementDate: '2026-11-18T12:00:00Z',
      items: lines.map((l) => ({
        itemSequenceNumber: l.itemSequenceNumber,
        amazonProductIdentifier: l.amazonProductIdentifier,
        orderedQuantity: l.orderedQuantity,
        itemAcknowledgements: [{ acknowledgementCode: 'Accepted', acknowledgedQuantity: l.orderedQuantity }],
      })),
    });
  }
  const shipmentConfirmation = {
    shipmentIdentifier: 'ASN-BENCH',
    shipmentConfirmationType: 'Original',
    shipmentType: 'TruckLoad',
    shipmentStructure: 'PalletizedAssortmentCase',
    transportationDetails: { carrierScac: 'ABFS', carrierShipmentReferenceNumber: 'PRO-1', billOfLadingNumber: 'BOL-1' },
    shipmentConfirmationDate: '2026-11-22T10:00:00Z',
    shippedDate: '2026-11-22T09:45:00Z',
    estimatedDeliveryDate: '2026-11-24T08:00:00Z',
    sellingParty: { partyId: 'VEND1' },
    shipFromParty: { partyId: 'WH1' },
    shipToParty: { partyId: 'SMF3' },
    shipmentMeasurements: { cartonCount: cartons.length, palletCount: pallets.length },
    shippedItems,
    cartons,
    pallets,
  };
  return {
    asnOnly: { shipmentConfirmation, now: '2026-11-22T10:00:00Z' },
    withOrders: { shipmentConfirmation, purchaseOrders, acknowledgements, now: '2026-11-22T10:00:00Z' },
  };
}

/** The core's generateSscc as the `sscc(serial)` asnInput wants (GS1 prefix 0614141, ext. 1). */
export const ssccFrom = (core) => (serial) =>
  `00${core.generateSscc({ companyPrefix: '0614141', extensionDigit: 1, serialReference: serial }).sscc}`;

/**
 * exceptionsReport input of `count` exceptions as the engines raise them: a realistic mix of
 * codes (each with its owner in the core's table), severities, POs, lines, SKUs, due times over
 * ten days around `now` (one in five without), money at risk on three in five (USD, some EUR),
 * and messages with numbers in them. The core turns it into a report of `count` entries.
 */
export function exceptionsInput({ count = 100_000, seed = 7 } = {}) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const codes = [
    ['UNKNOWN_PRODUCT', 'error'],
    ['MISSING_NET_COST', 'error'],
    ['PRICE_MISMATCH', 'warning'],
    ['ZERO_HELD', 'warning'],
    ['APPROVAL_REQUIRED', 'warning'],
    ['INVOICE_UNPAID', 'warning'],
    ['SHORT_RECEIPT', 'error'],
    ['CURRENCY_NOT_USED_BY_CUSTOMER', 'error'],
    ['BACKORDER_NOT_ALLOWED', 'info'],
    ['LATE_SHIPMENT', 'error'],
  ];
  const sources = ['decideAcknowledgements', 'reconcile', 'inventoryFeed', 'toSalesOrders'];
  const start = Date.UTC(2026, 10, 17);
  const exceptions = [];
  for (let i = 0; i < count; i++) {
    const [code, severity] = codes[int(codes.length)];
    const po = `PO-${String(int(20_000)).padStart(5, '0')}`;
    const line = String(1 + int(40));
    const e = {
      code,
      severity,
      purchaseOrderNumber: po,
      itemSequenceNumber: line,
      sku: `SKU-${int(5_000)}`,
      message: `PO ${po} line ${line}: item ${100_000 + int(900_000)} needs attention (${i})`,
      source: sources[int(sources.length)],
    };
    if (random() < 0.8) e.dueAt = new Date(start + int(10 * 24) * 3_600_000).toISOString().replace('.000Z', 'Z');
    if (random() < 0.6) e.moneyAtRisk = { amount: (int(5_000_000) / 100).toFixed(2), currencyCode: random() < 0.9 ? 'USD' : 'EUR' };
    exceptions.push(e);
  }
  return { exceptions, now: '2026-11-22T12:00:00Z' };
}

/**
 * The ASN form's configuration (js/web/asn-form.mjs) with `cartons` cartons typed in: the
 * loose-assortment fixture's SKU map, POs and acknowledgements, each carton with two content
 * lines and no SSCC yet, so every carton has issues (the missing label, quantities beyond
 * what was acknowledged): the form's worst case, thousands of issues.
 */
export function asnFormConfig(packing, { cartons = 1_000 } = {}) {
  const { skuMap, purchaseOrders, acknowledgements, now } = packing;
  const initial = JSON.parse(JSON.stringify(packing));
  for (const key of ['skuMap', 'purchaseOrders', 'acknowledgements', 'now', 'ssccSource']) delete initial[key];
  const template = initial.cartons[0];
  delete template.sscc;
  initial.cartons = Array.from({ length: cartons }, () => JSON.parse(JSON.stringify(template)));
  return { skuMap, purchaseOrders, acknowledgements, now, initial };
}
