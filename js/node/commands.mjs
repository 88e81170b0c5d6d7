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
  fileSize, readFulfilments, readJson, readList, readListAt, readOrders, readPositions, readRecords, readRemittance, readSkuMap,
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
      positions: { type: 'string', arg: 'FILE', required: true, help: 'stock per warehouse and SKU, CSV (warehouseId,sku,onHand,committed,safetyStock,openAmazonAllocations,available) or JSON' },
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
      if (values['confirm-zeros']) input.confirmZeros = values['confirm-zeros'] === 'all' ? true : values['confirm-zeros'].split(',').map((x) => x.trim()).filter(Boolean);
      return input;
    },
    print(out, result, { formatTable, printExceptions }) {
      out.write(formatTable(result.requests.map((r) => ({
        warehouse: r.warehouseId, batch: `${r.batch}/${r.batches}`, items: r.body.inventory.items.length, full: r.body.inventory.isFullUpdate ? 'yes' : 'no',
      })), { numeric: ['items'], empty: 'nothing to send: no quantity changed' }));
      if (result.heldZeros.length) {
        out.write(`\nHeld zeros (confirm with --confirm-zeros)\n${formatTable(result.heldZeros.map((h) => ({ warehouse: h.warehouseId, sku: h.sku, reasons: (h.reasons ?? []).join(', ') })))}`);
      }
      printExceptions(out, result.exceptions);
    },
    attention: (result) => result.heldZeros.length > 0 || needsPerson(result.exceptions),
  },

  exceptions: {
    fn: 'exceptionsReport',
    summary: 'every engine\'s exceptions as one list, most urgent first, with owners and actions',
    positionals: 'FILE… (engine outputs with "exceptions", or arrays of exceptions)',
    options: {
      transactions: { type: 'string', arg: 'FILE', help: 'the transactions submitted, with their status (JSON): failures and overdue ones are listed' },
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
      out.write(formatTable(result.entries.map((e) => ({
        '#': e.rank, severity: e.severity, due: e.dueAt ? `${e.dueAt}${e.overdue ? ' OVERDUE' : ''}` : '',
        owner: e.owner, code: e.code, PO: e.purchaseOrderNumber ?? '', 'at risk': e.moneyAtRisk ? `${e.moneyAtRisk.amount} ${e.moneyAtRisk.currencyCode}` : '',
        message: `${e.message}${e.action ? ` → ${e.action}` : ''}`,
      })), { numeric: ['#'], empty: 'no exceptions' }));
      const s = result.summary;
      out.write(`\n${s.total} exception(s), ${s.overdue} overdue; by owner: ${Object.entries(s.byOwner).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}\n`);
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
          throw new UsageError(`${file} holds ${list.length} shipment confirmations: choose one with --index 0…${Math.max(0, list.length - 1)}`);
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
      if (values.acknowledgements) input.acknowledgements = reading(progress, 'acknowledgements', values.acknowledgements, (f) => readList(f, 'acknowledgements'));
      if (values['previous-shipments']) input.previousShipments = reading(progress, 'previousShipments', values['previous-shipments'], (f) => readList(f, 'shipmentConfirmations'));
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
      out.write(formatTable(result.issues.map((i) => ({
        severity: i.severity, code: i.code, path: i.path || '/', due: i.dueAt ?? '', message: i.message,
      })), { empty: 'no issues' }));
      const errors = result.issues.filter((i) => i.severity === 'error').length;
      const warnings = result.issues.length - errors;
      out.write(`\n${result.valid ? 'valid' : 'NOT valid'}: ${errors} error(s), ${warnings} warning(s)${result.valid && warnings ? ' (may be sent; warnings are chargeback risks)' : ''}\n`);
    },
    attention: (result) => !result.valid || result.issues.length > 0,
  },

  reconcile: {
    fn: 'reconcile',
    summary: 'order-to-cash reconciliation per PO and invoice: shortages, deductions, disputes, money at risk',
    options: {
      orders: { type: 'string', arg: 'FILE', required: true, help: 'the POs to reconcile: a getPurchaseOrders response or an array of Orders' },
      acknowledgements: { type: 'string', arg: 'FILE', help: 'a submitAcknowledgement body (or an array)' },
      shipments: { type: 'string', arg: 'FILE', help: 'a SubmitShipmentConfirmations body (or an array)' },
      fulfilments: { type: 'string', arg: 'FILE', help: 'ERP fulfilment rows, CSV or JSON' },
      receipts: { type: 'string', arg: 'FILE', help: 'a getPurchaseOrdersStatus response (or an array)' },
      invoices: { type: 'string', arg: 'FILE', help: 'a submitInvoices body or buildInvoice output (or an array)' },
      remittance: { type: 'string', arg: 'FILE', help: 'payments: a Vendor Central / EDI 820 CSV, or JSON rows' },
      'remittance-preset': { type: 'string', arg: 'vendorCentral|edi820', help: 'the remittance CSV\'s layout' },
      'remittance-currency': { type: 'string', arg: 'CUR', help: 'the currency of a remittance CSV without one' },
      'remittance-day-first': { type: 'boolean', help: 'remittance CSV dates are day/month/year' },
      'remittance-decimal-comma': { type: 'boolean', help: 'remittance CSV amounts use a decimal comma' },
      'sku-map': { type: 'string', arg: 'FILE', help: 'SKU ↔ ASIN / vendor SKU, CSV or JSON' },
      options: { type: 'string', arg: 'FILE', help: 'reconciliation options (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the time dues are measured from (default: now)' },
    },
    input({ values, now, UsageError, progress }) {
      if (!values.orders) throw new UsageError('--orders is required (the POs to reconcile: a getPurchaseOrders response or an array of Orders)');
      const input = { purchaseOrders: reading(progress, 'orders', values.orders, readOrders), now: now() };
      // Each flag takes Amazon's response or request body as saved, or a bare array.
      if (values.acknowledgements) input.acknowledgements = reading(progress, 'acknowledgements', values.acknowledgements, (f) => readListAt(f, ['acknowledgements', 'request.acknowledgements'], 'acknowledgements'));
      if (values.shipments) input.shipments = reading(progress, 'shipments', values.shipments, (f) => readListAt(f, ['shipmentConfirmations', 'request.shipmentConfirmations'], 'ASNs'));
      if (values.fulfilments) input.fulfilments = reading(progress, 'fulfilments', values.fulfilments, readFulfilments);
      if (values.receipts) input.receipts = reading(progress, 'receipts', values.receipts, (f) => readListAt(f, ['payload.ordersStatus', 'ordersStatus', 'receipts'], 'purchase order statuses (getPurchaseOrdersStatus)'));
      if (values.invoices) input.invoices = reading(progress, 'invoices', values.invoices, (f) => readListAt(f, ['invoices', 'request.invoices'], 'invoices (a submitInvoices body or buildInvoice output)'));
      const csvFlags = ['remittance-preset', 'remittance-currency', 'remittance-day-first', 'remittance-decimal-comma'].filter((k) => values[k] !== undefined);
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
      rows: ['acknowledgements', 'shipments', 'fulfilments', 'receipts', 'invoices', 'remittances'].reduce((n, k) => n + (input[k]?.length ?? 0), 0),
      remittanceCsvBytes: input.remittanceCsv ? Buffer.byteLength(input.remittanceCsv.text) : 0,
    }),
    jsonText: true,
    print(out, result, { formatTable }) {
      out.write(formatTable(result.purchaseOrders.map((po) => ({
        PO: po.purchaseOrderNumber, status: po.status, invoices: po.invoiceNumbers.join(' '),
        'to close': po.missingToClose.map((m) => `${m.step}${m.itemSequenceNumber ? ` line ${m.itemSequenceNumber}` : ''}${m.amount ? ` ${money(m.amount)}` : ''}`).join('; '),
      })), { empty: 'no purchase orders' }));
      if (result.invoices.length) {
        out.write(`\nInvoices (${result.invoices.length})\n`);
        out.write(formatTable(result.invoices.map((i) => ({
          invoice: i.id, status: i.status, currency: i.currencyCode, total: i.total, paid: i.paid, credited: i.credited, balance: i.balance, due: i.dueAt ?? '',
          deductions: i.deductions.map((d) => `${d.deductionType} ${d.amount}${d.inferred ? ' (inferred)' : ''}`).join(', '),
        })), { numeric: ['total', 'paid', 'credited', 'balance'] }));
      }
      if (result.exceptions.length) {
        out.write(`\nExceptions (${result.exceptions.length})\n`);
        out.write(formatTable(result.exceptions.map((e) => ({
          severity: e.severity, code: e.code, PO: e.purchaseOrderNumber ?? '', 'at risk': money(e.moneyAtRisk), due: e.dueAt ?? '', message: e.message,
        }))));
      }
      if (result.remittanceIssues.length) {
        out.write(`\nRemittance rows left out (${result.remittanceIssues.length})\n`);
        out.write(formatTable(result.remittanceIssues.map((i) => ({ row: i.row, column: i.column ?? '', code: i.code, message: i.message ?? '' })), { numeric: ['row'] }));
      }
      out.write(`\nTotals per currency\n${formatTable(result.totals.byCurrency.map((c) => ({
        currency: c.currencyCode, ordered: c.ordered, shipped: c.shipped, received: c.received, invoiced: c.invoiced,
        paid: c.paid, deducted: c.deducted, 'at risk': c.moneyAtRisk, disputable: c.disputable,
      })), { numeric: ['ordered', 'shipped', 'received', 'invoiced', 'paid', 'deducted', 'at risk', 'disputable'], empty: 'no money' })}`);
      out.write(`\n${result.purchaseOrders.length} PO(s), ${result.exceptions.length} exception(s), ${result.disputes.length} dispute(s), ${result.totals.remittanceRows} remittance row(s) read, ${result.totals.remittanceRowsRejected} left out\n`);
    },
    attention: (result) => needsPerson(result.exceptions) || result.remittanceIssues.length > 0,
  },
};
