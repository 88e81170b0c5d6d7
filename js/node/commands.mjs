// The CLI's engine commands, one entry per core function: how its input is read from files and
// flags, how its result is printed, and when it needs a person. Adding an engine to the CLI is one
// entry here (the command appears in --help; `call <function>` works for every function anyway).
//
// Entry: {
//   fn: 'coreFunctionName',
//   summary: 'one line for --help', usage: 'the flags',
//   options: { flag: { type: 'string' | 'boolean', multiple? } },  // util.parseArgs options
//   input({ values, positionals, now, UsageError }) → the core's input object (files read here)
//   print(out, result, { formatTable, printExceptions })           // the readable output
//   attention(result) → boolean                                     // exit code 1 when true
// }
import { readList, readPositions, readSkuMap } from './inputs.mjs';

const needsPerson = (exceptions = []) => exceptions.some((e) => e.severity === 'error' || e.severity === 'warning');

export const ENGINE_COMMANDS = {
  'inventory-feed': {
    fn: 'inventoryFeed',
    summary: 'Direct Fulfillment inventory update bodies, with the zero-stock guard',
    usage: '--positions positions.csv|json --selling-party ID [--sku-map FILE] [--rules rules.json] [--last-sent last.json] [--full-update] [--confirm-zeros SKU,…|all]',
    options: {
      positions: { type: 'string' }, 'selling-party': { type: 'string' }, 'sku-map': { type: 'string' },
      rules: { type: 'string' }, 'last-sent': { type: 'string' }, 'full-update': { type: 'boolean' }, 'confirm-zeros': { type: 'string' },
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
    usage: 'FILE… (engine outputs with "exceptions", or arrays of exceptions) [--transactions tx.json] [--now ISO]',
    options: { transactions: { type: 'string' }, now: { type: 'string' } },
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
};

