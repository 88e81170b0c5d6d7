// The CLI's commands and options as tables: node:util parseArgs reads each table, and --help is
// printed from the same table, so an option cannot be accepted without being documented (or the
// other way round). An option: { type: 'string'|'boolean', short?, arg? (what its value is, for
// the help), help (one line), required? }.
import { ENGINE_COMMANDS } from './commands.mjs';

/** Exit codes (stable, for scripts), with their meaning as --help prints it. */
export const EXIT = Object.freeze({ OK: 0, ATTENTION: 1, BAD_INPUT: 2, SPAPI: 3, IN_DOUBT: 4, NOT_SENT: 5, INTERNAL: 70, LOCKED: 75 });
export const EXIT_MEANINGS = [
  [EXIT.OK, 'done, nothing needs attention'],
  [EXIT.ATTENTION, 'done, but a person must look (exceptions, POs held for approval, held zeros, refused POs, ASN issues)'],
  [EXIT.BAD_INPUT, 'bad input: usage, an unreadable or malformed file, input the core refused'],
  [EXIT.SPAPI, 'SP-API failure: an HTTP error, the submission rejected, transaction Failure'],
  [EXIT.IN_DOUBT, 'a submission is in doubt (sent, outcome unknown): run again, it is checked with Amazon before anything is resent'],
  [
    EXIT.NOT_SENT,
    'nothing was sent: the token exchange or the connection failed before the submission left (the cause is printed); fix it and run again',
  ],
  [EXIT.INTERNAL, 'internal error (a bug: please report it)'],
  [EXIT.LOCKED, "another run holds the state directory's lock (its pid and since when are printed): nothing was done; run again later"],
];

export const COMMON_OPTIONS = {
  json: { type: 'boolean', help: "machine-readable output (the core's JSON)" },
  progress: { type: 'boolean', help: 'report phases and sizes on stderr' },
  'max-input-bytes': {
    type: 'string',
    arg: 'N[KiB|MiB|GiB]',
    help: 'largest input the core accepts (default 16MiB; e.g. 256MiB for a million inventory rows)',
  },
  help: { type: 'boolean', short: 'h', help: 'this help' },
};

export const CONNECTION_OPTIONS = {
  endpoint: { type: 'string', arg: 'URL', help: 'SP-API endpoint (e.g. a test server); instead of --region' },
  region: { type: 'string', arg: 'na|eu|fe', help: 'SP-API region' },
  sandbox: { type: 'boolean', help: "the region's Amazon sandbox endpoint" },
  'lwa-endpoint': { type: 'string', arg: 'URL', help: 'Login with Amazon token endpoint (default https://api.amazon.com/auth/o2/token)' },
  'state-dir': { type: 'string', arg: 'DIR', help: "outbox journal, its lock and the runner's state (default .vendor-central-connector)" },
};

const FILE = 'FILE';
export const COMMANDS = {
  ack: {
    summary: 'decide acknowledgements for POs in a file; --submit sends them',
    options: {
      orders: {
        type: 'string',
        arg: FILE,
        required: true,
        help: 'purchase orders: an array of Orders, {"orders": […]} or a getPurchaseOrders response',
      },
      inventory: {
        type: 'string',
        arg: FILE,
        required: true,
        help: 'stock per SKU, CSV (sku,onHand,committed,safetyStock,available[,inboundQuantity,inboundDate]) or JSON; an empty one is refused',
      },
      'sku-map': {
        type: 'string',
        arg: FILE,
        help: 'SKU ↔ ASIN / vendor SKU / EAN, CSV (sku,asin,vendorSku,ean,upc,gtin,unitsPerCase) or JSON',
      },
      rules: { type: 'string', arg: FILE, help: 'per-SKU rules (JSON)' },
      history: { type: 'string', arg: FILE, help: 'acknowledgements already sent (JSON array or {"acknowledgements": […]})' },
      options: { type: 'string', arg: FILE, help: 'decision options (JSON)' },
      now: { type: 'string', arg: 'ISO', help: 'the decision time (default: now)' },
      'selling-party': { type: 'string', arg: 'ID', help: 'the vendor code acknowledgements are sent for' },
      submit: {
        type: 'boolean',
        help: 'send the acknowledgements through the outbox (credentials from the environment, --endpoint or --region)',
      },
      ...CONNECTION_OPTIONS,
    },
  },
  run: {
    summary: 'poll → decide → acknowledge → report against SP-API, once',
    options: {
      inventory: { type: 'string', arg: FILE, required: true, help: 'stock per SKU, CSV or JSON (as for ack); an empty one is refused' },
      'sku-map': { type: 'string', arg: FILE, help: 'SKU ↔ ASIN / vendor SKU / EAN, CSV or JSON' },
      rules: { type: 'string', arg: FILE, help: 'per-SKU rules (JSON)' },
      options: { type: 'string', arg: FILE, help: 'decision options (JSON)' },
      'lookback-days': { type: 'string', arg: 'N', help: 'poll POs created or changed in the last N days (1–7, default 7)' },
      now: { type: 'string', arg: 'ISO', help: "the run's time (default: now)" },
      'selling-party': { type: 'string', arg: 'ID', help: 'the vendor code acknowledgements are sent for' },
      ...CONNECTION_OPTIONS,
    },
  },
  ...Object.fromEntries(
    Object.entries(ENGINE_COMMANDS).map(([name, c]) => [name, { summary: c.summary, positionals: c.positionals, options: c.options }]),
  ),
  call: {
    summary: 'any core function on a JSON input',
    positionals: '<function>',
    options: { input: { type: 'string', arg: FILE, help: "the function's input (JSON)" } },
  },
  version: { summary: 'library version, Amazon model versions, backend (wasm or wasm2js)', options: {} },
};

const PROGRAM = 'vendor-central-connector';
const optionName = (name, spec) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;

const widthOf = (...tables) => Math.min(34, Math.max(...tables.flatMap((t) => Object.entries(t)).map(([n, s]) => optionName(n, s).length)));

function optionLines(options, width) {
  return Object.entries(options).map(([name, spec]) => {
    const left = optionName(name, spec);
    return `  ${left.padEnd(width)}  ${spec.required ? '(required) ' : ''}${spec.help}`;
  });
}

const FOOTER = [
  '',
  `Exit codes${EXIT_MEANINGS.map(([code, meaning]) => `\n  ${String(code).padStart(2)}  ${meaning}`).join('')}`,
  'Credentials: VCC_LWA_CLIENT_ID, VCC_LWA_CLIENT_SECRET, VCC_LWA_REFRESH_TOKEN (environment only:',
  '  command-line arguments are visible to every user of the machine)',
];

/** One line per command, for the overview. */
function synopsis(name, command) {
  const parts = Object.entries(command.options).map(([opt, spec]) => {
    const text = `--${opt}${spec.arg ? ` ${spec.arg}` : ''}`;
    return spec.required ? text : `[${text}]`;
  });
  return [name, command.positionals, ...parts].filter(Boolean).join(' ');
}

/** The overview: every command with its summary. */
export function overview() {
  const lines = [`Usage: ${PROGRAM} <command> [options]   (${PROGRAM} <command> --help for its options)`, '', 'Commands'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(16)}${command.summary}`);
  lines.push('', 'Options for every command', ...optionLines(COMMON_OPTIONS, widthOf(COMMON_OPTIONS)), ...FOOTER);
  return `${lines.join('\n')}\n`;
}

/** A command's help: its synopsis and every option it accepts (the table parseArgs reads). */
export function commandHelp(name) {
  const command = COMMANDS[name];
  const own = Object.fromEntries(Object.entries(command.options).filter(([opt]) => !(opt in CONNECTION_OPTIONS)));
  const connection = Object.fromEntries(Object.entries(command.options).filter(([opt]) => opt in CONNECTION_OPTIONS));
  const lines = [`Usage: ${PROGRAM} ${synopsis(name, command)}`, '', command.summary, ''];
  const width = widthOf(command.options, COMMON_OPTIONS);
  if (Object.keys(own).length) lines.push('Options', ...optionLines(own, width), '');
  if (Object.keys(connection).length) lines.push('SP-API connection', ...optionLines(connection, width), '');
  lines.push('Options for every command', ...optionLines(COMMON_OPTIONS, width), ...FOOTER);
  return `${lines.join('\n')}\n`;
}

/** The options table parseArgs gets for `name`: its own and the common ones. */
export function parserOptions(name) {
  return { ...COMMON_OPTIONS, ...COMMANDS[name].options };
}

/** "64MiB", "1GiB", "16777216" → bytes; null when not a size. */
export function parseByteSize(text) {
  const m = /^\s*(\d+)\s*(B|KiB|MiB|GiB)?\s*$/i.exec(String(text));
  if (!m) return null;
  const unit = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase()];
  const bytes = Number(m[1]) * unit;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}
