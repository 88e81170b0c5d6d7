// The CLI's engine commands, one entry per core function: how its input is read from files and
// flags, how its result is printed, and when it needs a person. Adding an engine to the CLI is one
// entry here (the command appears in --help; `call <function>` works for every function anyway).
//
// Entry: {
//   fn: 'coreFunctionName',
//   summary: 'one line for --help',
//   positionals?: 'FILE…',          // what the arguments are, for --help
//   options: { flag: { type: 'string' | 'boolean', arg?, help, required? } },  // the one table:
//                                    // node:util parseArgs reads it, --help prints it (cli-options.mjs)
//   input({ values, positionals, now, UsageError, progress }) → the core's input object (files read here)
//   print(out, result, { formatTable, printExceptions })           // the readable output
//   attention(result) → boolean                                     // exit code 1 when true
//   size?(input) → { … }            // counts reported with --progress before the core runs
//   jsonText?: true                  // --json writes the core's `…Json` answer as is (large outputs)
// }
import {
  fileSize,
  readFulfilments,
  readJson,
  readList,
  readListAt,
  readOrders,
  readPositions,
  readRecords,
  readRemittance,
  readSkuMap,
} from './inputs.mjs';

const needsPerson = (exceptions = []) => exceptions.some((e) => e.severity === 'error' || e.severity === 'warning');
const money = (m) => (m ? `${m.amount} ${m.currencyCode}` : '');
const ISO = /^\d{4}-\d{2}-\d{2}T/;

/** Reads a file through `read`, reporting its name and size with --progress first. */
function reading(progress, flag, file, read) {
  progress({ phase: 'read', [flag]: file, bytes: fileSize(file) });
  return read(file);
}

export const ENGINE_COMMANDS = {
  'inventory-feed': {
    fn: 'inventoryFeed',
    summary: 'Direct Fulfillment inventory update bodies, with the zero-stock guard',
    options: {
      positions: {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: 'stock per warehouse and SKU, CSV (warehouseId,sku,onHand,committed,safetyStock,openAmazonAllocations,available) or JSON',
      },
      'selling-party': { type: 'string', arg: 'ID', required: true, help: 'the vendor code the updates are sent for' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      rules: { type: 'string', arg: 'FILE', help: 'per-SKU rules: caps, critical SKUs (JSON)' },
      'last-sent': { type: 'string', arg: 'FILE', help: 'the quantities sent last time (JSON)' },
      'full-update': { type: 'boolean', help: 'send every SKU (isFullUpdate), not only the changed ones' },
      'confirm-zeros': { type: 'string', arg: 'SKU,…|all', help: 'release held zeros for these SKUs (or all)' },
    },
    input({ values, UsageError }) {
      if (!values.positions) throw new UsageError('--positions is required');
      if (!values['selling-party']) throw new UsageError('--selling-party is required');
      const input = { sellingParty: values['selling-party'], positions: readPositions(values.positions) };
      if (values['sku-map']) input.skuMap = readSkuMap(values['sku-map']);
      if (values.rules) input.rules = readList(values.rules, 'rules');
      if (values['last-sent']) input.lastSent = readList(values['last-sent'], 'lastSent');
      if (values['full-update']) input.fullUpdate = true;
      if (values['confirm-zeros'])
        input.confirmZeros =
          values['confirm-zeros'] === 'all'
            ? true
            : values['confirm-zeros']
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean);
      return input;
    },
    print(out, result, { formatTable, printExceptions }) {
      out.write(
        formatTable(
          result.requests.map((r) => ({
            warehouse: r.warehouseId,
            batch: `${r.batch}/${r.batches}`,
            items: r.body.inventory.items.length,
            full: r.body.inventory.isFullUpdate ? 'yes' : 'no',
          })),
          { numeric: ['items'], empty: 'nothing to send: no quantity changed' },
        ),
      );
      if (result.heldZeros.length) {
        out.write(
          `\nHeld zeros (confirm with --confirm-zeros)\n${formatTable(result.heldZeros.map((h) => ({ warehouse: h.warehouseId, sku: h.sku, reasons: (h.reasons ?? []).join(', ') })))}`,
        );
      }
      printExceptions(out, result.exceptions);
    },
    attention: (result) => result.heldZeros.length > 0 || needsPerson(result.exceptions),
  },

  'df-sales-orders': {
    fn: 'toDirectFulfillmentSalesOrders',
    summary: "Direct Fulfillment orders as ERP sales orders (the printed table never shows the customer's address)",
    options: {
      orders: { type: 'string', arg: 'FILE', required: true, help: 'DF orders: a getOrders response (2021-12-28) or an array of Orders' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      locations: { type: 'string', arg: 'FILE', help: 'warehouse code → ERP location (JSON object)' },
      customers: { type: 'string', arg: 'FILE', help: 'customer rows: vendorCode, buyingParty (bill-to), customer, currencies (JSON)' },
      'auto-acknowledge': { type: 'boolean', help: 'NEW orders go straight to fulfilment' },
      preset: { type: 'string', arg: 'netsuite', help: 'also emit ERP records in this preset' },
    },
    input({ values, UsageError, progress }) {
      if (!values.orders) throw new UsageError('--orders is required');
      const input = { orders: reading(progress, 'orders', values.orders, readOrders) };
      if (values['sku-map']) input.skuMap = reading(progress, 'skuMap', values['sku-map'], readSkuMap);
      if (values.locations) input.locations = readJson(values.locations);
      if (values.customers) input.customers = readList(values.customers, 'customers');
      if (values['auto-acknowledge']) input.autoAcknowledge = true;
      if (values.preset) input.preset = values.preset;
      return input;
    },
    print(out, result, { formatTable, printExceptions }) {
      out.write(
        formatTable(
          result.salesOrders.map((o) => ({
            PO: o.purchaseOrderNumber,
            status: o.status,
            lines: o.lines.length,
            total: `${o.total} ${o.currencyCode}`,
            'ship by': o.requiredShipDate,
            method: o.shipMethod,
          })),
          { numeric: ['lines'], empty: 'no sales orders' },
        ),
      );
      if (result.notCreated.length) {
        out.write(
          `\nNot created (${result.notCreated.length})\n${formatTable(result.notCreated.map((n) => ({ PO: n.purchaseOrderNumber, held: n.blocked ? 'yes' : 'no', reasons: n.reasons.join('; ') })))}`,
        );
      }
      printExceptions(out, result.exceptions);
    },
    attention: (result) => needsPerson(result.exceptions),
  },

  'df-ship': {
    fn: 'buildDirectFulfillmentShipmentConfirmations',
    summary: 'Direct Fulfillment label requests, shipment confirmations and status updates from packed packages (exit 1 on any issue)',
    options: {
      orders: { type: 'string', arg: 'FILE', required: true, help: 'the DF orders: a getOrders response or an array of Orders' },
      shipments: {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: 'per order: packages and shippedDate (JSON array or {"shipments": [...]})',
      },
      labels: { type: 'string', arg: 'FILE', help: 'Amazon\'s shipping labels (JSON array or {"shippingLabels": [...]})' },
      'status-updates': { type: 'string', arg: 'FILE', help: 'package events of your own carrier (JSON)' },
      options: { type: 'string', arg: 'FILE', help: 'vendorOwnCarrier, amazonLabels, statusCodeSet (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the time dues are measured from (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      if (!values.orders) throw new UsageError('--orders is required');
      if (!values.shipments) throw new UsageError('--shipments is required');
      const input = {
        orders: reading(progress, 'orders', values.orders, readOrders),
        shipments: readList(values.shipments, 'shipments'),
        now: now(),
      };
      if (values.labels) input.labels = readListAt(values.labels, ['shippingLabels'], 'shipping labels');
      if (values['status-updates']) input.statusUpdates = readList(values['status-updates'], 'statusUpdates');
      if (values.options) input.options = readJson(values.options);
      return input;
    },
    print(out, result, { formatTable, printExceptions }) {
      const sent = (body, list) => (body ? body[list].length : 0);
      out.write(
        `labels to request ${sent(result.labelRequest, 'shippingLabelRequests')}, confirmations ${sent(result.request, 'shipmentConfirmations')}, status updates ${sent(result.statusUpdateRequest, 'shipmentStatusUpdates')}, printable labels ${result.printableLabels.length}\n\n`,
      );
      out.write(
        formatTable(
          result.issues.map((i) => ({
            severity: i.severity,
            code: i.code,
            PO: i.purchaseOrderNumber ?? '',
            path: i.path || '/',
            due: i.dueAt ?? '',
            message: i.message,
          })),
          { empty: 'no issues' },
        ),
      );
      printExceptions(out, result.exceptions);
    },
    attention: (result) => result.issues.length > 0 || needsPerson(result.exceptions),
  },

  'df-invoice': {
    fn: 'buildDirectFulfillmentInvoices',
    summary: 'Direct Fulfillment invoices for shipped orders, each order invoiced once',
    options: {
      orders: { type: 'string', arg: 'FILE', required: true, help: 'the DF orders: a getOrders response or an array of Orders' },
      confirmations: {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: 'the shipment confirmations sent (a submitShipmentConfirmations body or df-ship output)',
      },
      'invoice-numbers': { type: 'string', arg: 'FILE', required: true, help: 'ERP invoice number per PO number (JSON object)' },
      'remit-to': {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: 'the remit-to party: partyId, address, taxRegistrationDetails (JSON)',
      },
      invoiced: { type: 'string', arg: 'FILE', help: 'PO numbers already invoiced (JSON array)' },
      now: { type: 'string', arg: 'ISO', help: 'the invoice date (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      for (const flag of ['orders', 'confirmations', 'invoice-numbers', 'remit-to']) {
        if (!values[flag]) throw new UsageError(`--${flag} is required`);
      }
      const input = {
        orders: reading(progress, 'orders', values.orders, readOrders),
        shipmentConfirmations: readListAt(
          values.confirmations,
          ['shipmentConfirmations', 'request.shipmentConfirmations'],
          'shipment confirmations',
        ),
        invoiceNumbers: readJson(values['invoice-numbers']),
        remitToParty: readJson(values['remit-to']),
        now: now(),
      };
      if (values.invoiced) input.invoiced = readList(values.invoiced, 'invoiced');
      return input;
    },
    print(out, result, { formatTable, printExceptions }) {
      out.write(
        formatTable(
          (result.request?.invoices ?? []).map((i) => ({
            invoice: i.invoiceNumber,
            PO: i.items[0]?.purchaseOrderNumber ?? '',
            items: i.items.length,
            total: `${i.invoiceTotal.amount} ${i.invoiceTotal.currencyCode}`,
          })),
          { numeric: ['items'], empty: 'nothing to invoice' },
        ),
      );
      printExceptions(out, result.exceptions);
    },
    attention: (result) => needsPerson(result.exceptions),
  },

  exceptions: {
    fn: 'exceptionsReport',
    summary: "every engine's exceptions as one list, most urgent first, with owners and actions",
    positionals: 'FILE… (engine outputs with "exceptions", or arrays of exceptions)',
    options: {
      transactions: {
        type: 'string',
        arg: 'FILE',
        help: 'the transactions submitted, with their status (JSON): failures and overdue ones are listed',
      },
      now: { type: 'string', arg: 'ISO', help: 'the time dues are measured from (default: now)' },
    },
    input({ values, positionals, now, UsageError }) {
      if (!positionals.length) throw new UsageError('exceptions needs at least one file of exceptions');
      const exceptions = positionals.flatMap((file) => readList(file, 'exceptions'));
      const input = { exceptions, now: now() };
      if (values.transactions) input.transactions = readList(values.transactions, 'transactions');
      return input;
    },
    print(out, result, { formatTable }) {
      out.write(
        formatTable(
          result.entries.map((e) => ({
            '#': e.rank,
            severity: e.severity,
            due: e.dueAt ? `${e.dueAt}${e.overdue ? ' OVERDUE' : ''}` : '',
            owner: e.owner,
            code: e.code,
            PO: e.purchaseOrderNumber ?? '',
            'at risk': e.moneyAtRisk ? `${e.moneyAtRisk.amount} ${e.moneyAtRisk.currencyCode}` : '',
            message: `${e.message}${e.action ? ` → ${e.action}` : ''}`,
          })),
          { numeric: ['#'], empty: 'no exceptions' },
        ),
      );
      const s = result.summary;
      out.write(
        `\n${s.total} exception(s), ${s.overdue} overdue; by owner: ${
          Object.entries(s.byOwner)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || '-'
        }\n`,
      );
    },
    attention: (result) => result.entries.some((e) => e.severity !== 'info'),
  },

  'validate-asn': {
    fn: 'validateShipmentConfirmation',
    summary: 'check an ASN before it is sent: every issue with its JSON pointer (exit 1 on any issue)',
    positionals: 'asn.json',
    options: {
      index: { type: 'string', arg: 'N', help: 'which confirmation of a SubmitShipmentConfirmations body to check' },
      orders: { type: 'string', arg: 'FILE', help: 'the POs shipped against (JSON)' },
      acknowledgements: { type: 'string', arg: 'FILE', help: 'the acknowledgements sent for them (JSON)' },
      'previous-shipments': { type: 'string', arg: 'FILE', help: 'ASNs already sent (JSON): cumulative quantities, Replace' },
      'sscc-ledger': { type: 'string', arg: 'FILE', help: 'SSCCs used before, CSV (sscc,usedAt,shipmentIdentifier) or JSON' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      appointment: { type: 'string', arg: 'ISO', help: 'the carrier appointment (the ASN is due before it)' },
      options: { type: 'string', arg: 'FILE', help: 'validation options (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the time dues are measured from (default: now)' },
    },
    input({ values, positionals, now, UsageError, progress }) {
      if (positionals.length !== 1) throw new UsageError('validate-asn needs exactly one ASN file: validate-asn asn.json');
      // One ShipmentConfirmation, or a SubmitShipmentConfirmations body (then --index picks one).
      const file = positionals[0];
      const json = reading(progress, 'asn', file, readJson);
      let shipmentConfirmation = json;
      if (Array.isArray(json?.shipmentConfirmations)) {
        const list = json.shipmentConfirmations;
        if (values.index === undefined && list.length !== 1) {
          throw new UsageError(
            `${file} holds ${list.length} shipment confirmations: choose one with --index 0…${Math.max(0, list.length - 1)}`,
          );
        }
        const index = values.index === undefined ? 0 : Number(values.index);
        if (!Number.isInteger(index) || index < 0 || index >= list.length) {
          throw new UsageError(`--index must be a whole number from 0 to ${list.length - 1}, got "${values.index}"`);
        }
        shipmentConfirmation = list[index];
      } else if (values.index !== undefined) {
        throw new UsageError(`--index applies to a file with "shipmentConfirmations"; ${file} holds one ASN`);
      }
      const input = { shipmentConfirmation, now: now() };
      if (values.orders) input.purchaseOrders = reading(progress, 'orders', values.orders, readOrders);
      if (values.acknowledgements)
        input.acknowledgements = reading(progress, 'acknowledgements', values.acknowledgements, (f) => readList(f, 'acknowledgements'));
      if (values['previous-shipments'])
        input.previousShipments = reading(progress, 'previousShipments', values['previous-shipments'], (f) =>
          readList(f, 'shipmentConfirmations'),
        );
      if (values['sscc-ledger']) input.ssccLedger = reading(progress, 'ssccLedger', values['sscc-ledger'], readRecords);
      if (values['sku-map']) input.skuMap = reading(progress, 'skuMap', values['sku-map'], readSkuMap);
      if (values.options) input.options = readJson(values.options);
      if (values.appointment !== undefined) {
        if (!ISO.test(values.appointment)) throw new UsageError(`--appointment must be an ISO-8601 date-time, got "${values.appointment}"`);
        input.appointmentAt = values.appointment;
      }
      return input;
    },
    size: (input) => ({ items: input.shipmentConfirmation?.shippedItems?.length ?? 0 }),
    print(out, result, { formatTable }) {
      out.write(
        formatTable(
          result.issues.map((i) => ({
            severity: i.severity,
            code: i.code,
            path: i.path || '/',
            due: i.dueAt ?? '',
            message: i.message,
          })),
          { empty: 'no issues' },
        ),
      );
      const errors = result.issues.filter((i) => i.severity === 'error').length;
      const warnings = result.issues.length - errors;
      out.write(
        `\n${result.valid ? 'valid' : 'NOT valid'}: ${errors} error(s), ${warnings} warning(s)${result.valid && warnings ? ' (may be sent; warnings are chargeback risks)' : ''}\n`,
      );
    },
    attention: (result) => !result.valid || result.issues.length > 0,
  },

  reconcile: {
    fn: 'reconcile',
    summary: 'order-to-cash reconciliation per PO and invoice: shortages, deductions, disputes, money at risk',
    options: {
      orders: {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: 'the POs to reconcile: a getPurchaseOrders response or an array of Orders',
      },
      acknowledgements: { type: 'string', arg: 'FILE', help: 'a submitAcknowledgement body (or an array)' },
      shipments: { type: 'string', arg: 'FILE', help: 'a SubmitShipmentConfirmations body (or an array)' },
      fulfilments: { type: 'string', arg: 'FILE', help: 'ERP fulfilment rows, CSV or JSON' },
      receipts: { type: 'string', arg: 'FILE', help: 'a getPurchaseOrdersStatus response (or an array)' },
      invoices: { type: 'string', arg: 'FILE', help: 'a submitInvoices body or buildInvoice output (or an array)' },
      remittance: { type: 'string', arg: 'FILE', help: 'payments: a Vendor Central / EDI 820 CSV, or JSON rows' },
      'remittance-preset': { type: 'string', arg: 'vendorCentral|edi820', help: "the remittance CSV's layout" },
      'remittance-currency': { type: 'string', arg: 'CUR', help: 'the currency of a remittance CSV without one' },
      'remittance-day-first': { type: 'boolean', help: 'remittance CSV dates are day/month/year' },
      'remittance-decimal-comma': { type: 'boolean', help: 'remittance CSV amounts use a decimal comma' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      options: { type: 'string', arg: 'FILE', help: 'reconciliation options (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the time dues are measured from (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      if (!values.orders)
        throw new UsageError('--orders is required (the POs to reconcile: a getPurchaseOrders response or an array of Orders)');
      const input = { purchaseOrders: reading(progress, 'orders', values.orders, readOrders), now: now() };
      // Each flag takes Amazon's response or request body as saved, or a bare array.
      if (values.acknowledgements)
        input.acknowledgements = reading(progress, 'acknowledgements', values.acknowledgements, (f) =>
          readListAt(f, ['acknowledgements', 'request.acknowledgements'], 'acknowledgements'),
        );
      if (values.shipments)
        input.shipments = reading(progress, 'shipments', values.shipments, (f) =>
          readListAt(f, ['shipmentConfirmations', 'request.shipmentConfirmations'], 'ASNs'),
        );
      if (values.fulfilments) input.fulfilments = reading(progress, 'fulfilments', values.fulfilments, readFulfilments);
      if (values.receipts)
        input.receipts = reading(progress, 'receipts', values.receipts, (f) =>
          readListAt(f, ['payload.ordersStatus', 'ordersStatus', 'receipts'], 'purchase order statuses (getPurchaseOrdersStatus)'),
        );
      if (values.invoices)
        input.invoices = reading(progress, 'invoices', values.invoices, (f) =>
          readListAt(f, ['invoices', 'request.invoices'], 'invoices (a submitInvoices body or buildInvoice output)'),
        );
      const csvFlags = ['remittance-preset', 'remittance-currency', 'remittance-day-first', 'remittance-decimal-comma'].filter(
        (k) => values[k] !== undefined,
      );
      if (values.remittance) {
        const remittance = reading(progress, 'remittance', values.remittance, readRemittance);
        if (remittance.rows) {
          if (csvFlags.length) throw new UsageError(`--${csvFlags[0]} applies to a remittance CSV; ${values.remittance} is JSON`);
          input.remittances = remittance.rows;
        } else {
          const csv = { text: remittance.csvText };
          if (values['remittance-preset']) csv.preset = values['remittance-preset'];
          if (values['remittance-currency']) csv.currencyCode = values['remittance-currency'];
          if (values['remittance-day-first']) csv.dateOrder = 'dayFirst';
          if (values['remittance-decimal-comma']) csv.decimalSeparator = ',';
          input.remittanceCsv = csv;
        }
      } else if (csvFlags.length) {
        throw new UsageError(`--${csvFlags[0]} needs --remittance pay.csv`);
      }
      if (values['sku-map']) input.skuMap = reading(progress, 'skuMap', values['sku-map'], readSkuMap);
      if (values.options) input.options = readJson(values.options);
      return input;
    },
    size: (input) => ({
      purchaseOrders: input.purchaseOrders.length,
      rows: ['acknowledgements', 'shipments', 'fulfilments', 'receipts', 'invoices', 'remittances'].reduce(
        (n, k) => n + (input[k]?.length ?? 0),
        0,
      ),
      remittanceCsvBytes: input.remittanceCsv ? Buffer.byteLength(input.remittanceCsv.text) : 0,
    }),
    jsonText: true,
    print(out, result, { formatTable }) {
      out.write(
        formatTable(
          result.purchaseOrders.map((po) => ({
            PO: po.purchaseOrderNumber,
            status: po.status,
            invoices: po.invoiceNumbers.join(' '),
            'to close': po.missingToClose
              .map((m) => `${m.step}${m.itemSequenceNumber ? ` line ${m.itemSequenceNumber}` : ''}${m.amount ? ` ${money(m.amount)}` : ''}`)
              .join('; '),
          })),
          { empty: 'no purchase orders' },
        ),
      );
      if (result.invoices.length) {
        out.write(`\nInvoices (${result.invoices.length})\n`);
        out.write(
          formatTable(
            result.invoices.map((i) => ({
              invoice: i.id,
              status: i.status,
              currency: i.currencyCode,
              total: i.total,
              paid: i.paid,
              credited: i.credited,
              balance: i.balance,
              due: i.dueAt ?? '',
              deductions: i.deductions.map((d) => `${d.deductionType} ${d.amount}${d.inferred ? ' (inferred)' : ''}`).join(', '),
            })),
            { numeric: ['total', 'paid', 'credited', 'balance'] },
          ),
        );
      }
      if (result.exceptions.length) {
        out.write(`\nExceptions (${result.exceptions.length})\n`);
        out.write(
          formatTable(
            result.exceptions.map((e) => ({
              severity: e.severity,
              code: e.code,
              PO: e.purchaseOrderNumber ?? '',
              'at risk': money(e.moneyAtRisk),
              due: e.dueAt ?? '',
              message: e.message,
            })),
          ),
        );
      }
      if (result.remittanceIssues.length) {
        out.write(`\nRemittance rows left out (${result.remittanceIssues.length})\n`);
        out.write(
          formatTable(
            result.remittanceIssues.map((i) => ({ row: i.row, column: i.column ?? '', code: i.code, message: i.message ?? '' })),
            { numeric: ['row'] },
          ),
        );
      }
      out.write(
        `\nTotals per currency\n${formatTable(
          result.totals.byCurrency.map((c) => ({
            currency: c.currencyCode,
            ordered: c.ordered,
            shipped: c.shipped,
            received: c.received,
            invoiced: c.invoiced,
            paid: c.paid,
            deducted: c.deducted,
            'at risk': c.moneyAtRisk,
            disputable: c.disputable,
          })),
          { numeric: ['ordered', 'shipped', 'received', 'invoiced', 'paid', 'deducted', 'at risk', 'disputable'], empty: 'no money' },
        )}`,
      );
      out.write(
        `\n${result.purchaseOrders.length} PO(s), ${result.exceptions.length} exception(s), ${result.disputes.length} dispute(s), ${result.totals.remittanceRows} remittance row(s) read, ${result.totals.remittanceRowsRejected} left out\n`,
      );
    },
    attention: (result) => needsPerson(result.exceptions) || result.remittanceIssues.length > 0,
  },

  exposure: {
    fn: 'chargebackExposure',
    summary: 'chargebacks Amazon is likely to raise, by type, with amount, landing date and the action that avoids each',
    options: {
      exceptions: {
        type: 'string',
        arg: 'FILE',
        required: true,
        help: "exceptions: an engine's output, an exceptionsReport, or an array (JSON)",
      },
      'shipment-issues': { type: 'string', arg: 'FILE', help: 'ASN issues per ASN: [{shipmentIdentifier, value?, issues}] (JSON)' },
      rates: { type: 'string', arg: 'FILE', help: 'rates replacing the defaults, per type: {"notFilled": {"percentOfCost": "5"}} (JSON)' },
      'code-types': {
        type: 'string',
        arg: 'FILE',
        help: 'more exception codes → chargeback types: {"WMS_SHORT_PICK": "downConfirmed"} (JSON)',
      },
      now: { type: 'string', arg: 'ISO', help: 'the forecast time (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      if (!values.exceptions)
        throw new UsageError("--exceptions is required (an engine's output, an exceptionsReport, or an array of exceptions)");
      const input = {
        exceptions: reading(progress, 'exceptions', values.exceptions, (f) => readListAt(f, ['exceptions', 'entries'], 'exceptions')),
        now: now(),
      };
      if (values['shipment-issues'])
        input.shipmentIssues = reading(progress, 'shipmentIssues', values['shipment-issues'], (f) => readList(f, 'shipmentIssues'));
      if (values.rates) input.rates = readJson(values.rates);
      if (values['code-types']) input.codeTypes = readJson(values['code-types']);
      return input;
    },
    size: (input) => ({ exceptions: input.exceptions.length, asns: input.shipmentIssues?.length ?? 0 }),
    print(out, result, { formatTable }) {
      out.write(
        formatTable(
          result.chargebacks.map((c) => ({
            type: c.chargebackType,
            PO: c.purchaseOrderNumber ?? '',
            line: c.itemSequenceNumber ?? '',
            ASN: c.shipmentIdentifier ?? '',
            carton: c.carton ?? '',
            amount: c.amount ? money(c.amount) : 'unknown',
            lands: c.landsAt.slice(0, 10),
            'avoid by': c.avoidable ? (c.avoidBy ?? 'now') : 'too late',
            action: c.action,
          })),
          { numeric: ['amount'], empty: 'no chargeback expected' },
        ),
      );
      if (result.byType.length) {
        out.write(
          `\nBy type\n${formatTable(
            result.byType.map((t) => ({
              type: t.chargebackType,
              currency: t.currencyCode || '(unknown)',
              count: t.count,
              amount: t.amount,
              avoidable: t.avoidable,
            })),
            { numeric: ['count', 'amount', 'avoidable'] },
          )}`,
        );
      }
      out.write(
        `\n${result.chargebacks.length} chargeback(s) expected, ${result.unvalued} with the amount unknown; ${result.notChargebacks} exception(s) lead to none\n`,
      );
    },
    attention: (result) => result.chargebacks.length > 0,
  },

  scorecard: {
    fn: 'vendorScorecard',
    summary:
      'vendor scorecard over a period: fill rate, confirmation, on-time shipment, ASN accuracy and timeliness, rejected units, per week',
    options: {
      orders: { type: 'string', arg: 'FILE', required: true, help: 'the POs: a getPurchaseOrders response or an array of Orders' },
      from: { type: 'string', arg: 'ISO', required: true, help: 'start of the period (PO dates from, inclusive)' },
      to: { type: 'string', arg: 'ISO', required: true, help: 'end of the period (exclusive)' },
      acknowledgements: { type: 'string', arg: 'FILE', help: 'a submitAcknowledgement body (or an array)' },
      shipments: { type: 'string', arg: 'FILE', help: 'a SubmitShipmentConfirmations body (or an array)' },
      receipts: { type: 'string', arg: 'FILE', help: 'a getPurchaseOrdersStatus response (or an array)' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      options: { type: 'string', arg: 'FILE', help: 'scorecard options: {"acknowledgementHours": 24, "asnMinutes": 30} (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the scorecard time (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      for (const flag of ['orders', 'from', 'to']) if (!values[flag]) throw new UsageError(`--${flag} is required`);
      const input = {
        purchaseOrders: reading(progress, 'orders', values.orders, readOrders),
        from: values.from,
        to: values.to,
        now: now(),
      };
      if (values.acknowledgements)
        input.acknowledgements = reading(progress, 'acknowledgements', values.acknowledgements, (f) =>
          readListAt(f, ['acknowledgements', 'request.acknowledgements'], 'acknowledgements'),
        );
      if (values.shipments)
        input.shipments = reading(progress, 'shipments', values.shipments, (f) =>
          readListAt(f, ['shipmentConfirmations', 'request.shipmentConfirmations'], 'ASNs'),
        );
      if (values.receipts)
        input.receipts = reading(progress, 'receipts', values.receipts, (f) =>
          readListAt(f, ['payload.ordersStatus', 'ordersStatus', 'receipts'], 'purchase order statuses (getPurchaseOrdersStatus)'),
        );
      if (values['sku-map']) input.skuMap = reading(progress, 'skuMap', values['sku-map'], readSkuMap);
      if (values.options) input.options = readJson(values.options);
      return input;
    },
    size: (input) => ({ purchaseOrders: input.purchaseOrders.length }),
    print(out, result, { formatTable }) {
      out.write(
        formatTable(
          result.figures.map((f) => ({
            figure: f.figure,
            numerator: f.numerator,
            denominator: f.denominator,
            rate: f.rate ?? 'not measured',
            POs: f.contributions.length,
          })),
          { numeric: ['numerator', 'denominator', 'rate', 'POs'] },
        ),
      );
      const weeks = [...new Set(result.figures.flatMap((f) => f.weeks.map((w) => w.weekStart)))].sort();
      if (weeks.length) {
        out.write(
          `\nPer week (rate; week starting Sunday)\n${formatTable(
            weeks.map((week) => ({
              week,
              ...Object.fromEntries(result.figures.map((f) => [f.figure, f.weeks.find((w) => w.weekStart === week)?.rate ?? ''])),
            })),
            { numeric: result.figures.map((f) => f.figure) },
          )}`,
        );
      }
      out.write(`\n${result.purchaseOrders} PO(s) scored\n`);
    },
    attention: () => false,
  },
};
