#!/usr/bin/env node
// vendor-central-connector: the administrators' command line. Reads JSON and CSV files, calls the
// WASM core, prints a table (or --json), and — with --submit or `run` — talks to SP-API through
// the outbox. Exit codes (stable, for scripts):
//   0  done, nothing needs attention
//   1  done, but something needs a person: exceptions (error/warning), POs held for approval,
//      POs the core refused as input, ASN issues, …
//   2  bad input: usage, unreadable or malformed file, input the core refused
//   3  SP-API failure: HTTP error, submission rejected, transaction Failure
//   4  a submission is in doubt (sent, outcome unknown): run again to resolve it, never resend by hand
//   70 internal error (a bug: please report it)
// Credentials come only from the environment (VCC_LWA_CLIENT_ID, VCC_LWA_CLIENT_SECRET,
// VCC_LWA_REFRESH_TOKEN): command-line arguments are visible to every user of the machine.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCore } from './core.mjs';
import { ENGINE_COMMANDS } from './commands.mjs';
import { InputFileError, readInventory, readJson, readList, readOrders, readSkuMap } from './inputs.mjs';
import { SpApiClient, SpApiError } from './spapi-client.mjs';
import { Outbox, JsonlOutboxStore } from './outbox.mjs';
import { FileStateStore } from './state-store.mjs';
import { runOnce } from './runner.mjs';
import { formatTable } from './table.mjs';

export const EXIT = Object.freeze({ OK: 0, ATTENTION: 1, BAD_INPUT: 2, SPAPI: 3, IN_DOUBT: 4, INTERNAL: 70 });

class UsageError extends Error {}

const CONNECTION_OPTIONS = {
  endpoint: { type: 'string' },
  'lwa-endpoint': { type: 'string' },
  region: { type: 'string' },
  sandbox: { type: 'boolean' },
  'state-dir': { type: 'string' },
};
const COMMON = { json: { type: 'boolean' }, progress: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

const USAGE = `vendor-central-connector <command> [options]

Commands
  ack            decide acknowledgements for POs in a file; --submit sends them
                   --orders po.json --inventory inventory.csv|json [--sku-map map.csv|json]
                   [--rules rules.json] [--history history.json] [--now ISO] [--options options.json]
                   [--submit (--endpoint URL | --region na|eu|fe [--sandbox]) [--state-dir DIR]]
  run            poll → decide → acknowledge → report against SP-API, once
                   --inventory FILE [--sku-map FILE] [--rules FILE] [--lookback-days 7]
                   (--endpoint URL | --region na|eu|fe [--sandbox]) [--state-dir DIR]
${Object.entries(ENGINE_COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}\n                   ${c.usage}`).join('\n')}
  call           any core function on a JSON input: call <function> --input input.json
  version        library version, Amazon model versions, backend (wasm or wasm2js)

Options for every command: --json (machine-readable output), --progress (progress on stderr), -h
Exit codes: 0 ok, 1 needs attention, 2 bad input, 3 SP-API failure, 4 submission in doubt, 70 bug
Credentials: VCC_LWA_CLIENT_ID, VCC_LWA_CLIENT_SECRET, VCC_LWA_REFRESH_TOKEN (environment only)
`;

/**
 * Runs the CLI. Returns the exit code; never calls process.exit (so tests can call it).
 * @param {string[]} argv  arguments after the program name
 * @param {{stdout?, stderr?, env?, cwd?, pkgDir?}} [io]
 */
export async function main(argv, io = {}) {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      stdout.write(USAGE);
      return command ? EXIT.OK : EXIT.BAD_INPUT;
    }
    const ctx = { stdout, stderr, env, pkgDir: io.pkgDir };
    switch (command) {
      case 'ack': return await ack(rest, ctx);
      case 'run': return await run(rest, ctx);
      case 'call': return await call(rest, ctx);
      case 'version': return await version(rest, ctx);
      default:
        if (ENGINE_COMMANDS[command]) return await engineCommand(command, rest, ctx);
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    return reportError(err, stderr);
  }
}

function reportError(err, stderr) {
  if (err instanceof UsageError || err?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || err?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    stderr.write(`error: ${err.message}\nRun "vendor-central-connector --help" for usage.\n`);
    return EXIT.BAD_INPUT;
  }
  if (err instanceof InputFileError) {
    stderr.write(`error: ${err.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (err?.name === 'ConnectorError') {
    // The core refused the input: its code and the JSON pointer say where.
    stderr.write(`error: the input was refused: ${err.code}${err.path ? ` at ${err.path}` : ''}: ${err.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (err instanceof SpApiError) {
    stderr.write(`error: SP-API: ${err.message}${err.requestId ? ` (request id ${err.requestId})` : ''}\n`);
    return EXIT.SPAPI;
  }
  stderr.write(`internal error: ${err?.stack ?? err}\n`);
  return EXIT.INTERNAL;
}

function parse(args, options, { positionals = false } = {}) {
  const { values, positionals: pos } = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: positionals, strict: true });
  return { values, positionals: pos };
}

function required(values, name) {
  if (values[name] === undefined) throw new UsageError(`--${name} is required`);
  return values[name];
}

function progressWriter(values, stderr) {
  if (!values.progress) return () => {};
  return (event) => {
    const parts = Object.entries(event).filter(([k]) => k !== 'phase').map(([k, v]) => `${k}=${v}`);
    stderr.write(`[progress] ${event.phase}${parts.length ? ` ${parts.join(' ')}` : ''}\n`);
  };
}

function clientFrom(values, env) {
  const credentials = {
    clientId: env.VCC_LWA_CLIENT_ID,
    clientSecret: env.VCC_LWA_CLIENT_SECRET,
    refreshToken: env.VCC_LWA_REFRESH_TOKEN,
  };
  const missing = Object.entries({ VCC_LWA_CLIENT_ID: credentials.clientId, VCC_LWA_CLIENT_SECRET: credentials.clientSecret, VCC_LWA_REFRESH_TOKEN: credentials.refreshToken })
    .filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) throw new UsageError(`SP-API credentials missing from the environment: ${missing.join(', ')}`);
  if (!values.endpoint && !values.region) throw new UsageError('--endpoint URL or --region na|eu|fe is required to reach SP-API');
  const options = { credentials };
  if (values.endpoint) options.endpoint = values.endpoint;
  if (values.region) options.region = values.region;
  if (values.sandbox) options.sandbox = true;
  if (values['lwa-endpoint']) options.lwaEndpoint = values['lwa-endpoint'];
  try {
    return new SpApiClient(options);
  } catch (err) {
    throw new UsageError(err.message);
  }
}

function stores(values, client) {
  const dir = path.resolve(values['state-dir'] ?? '.vendor-central-connector');
  const outbox = new Outbox({ store: new JsonlOutboxStore(path.join(dir, 'outbox.jsonl')), client });
  const state = new FileStateStore(path.join(dir, 'state.json'));
  return { outbox, state, dir };
}

function isoNow(values) {
  if (values.now === undefined) return new Date().toISOString();
  if (Number.isNaN(Date.parse(values.now))) throw new UsageError(`--now must be an ISO-8601 date-time, got "${values.now}"`);
  return values.now;
}

/** Exceptions a person must look at: errors and warnings (info is for the record). */
const needsAttention = (exceptions = []) => exceptions.some((e) => e.severity === 'error' || e.severity === 'warning');

// ----------------------------------------------------------------------------------------------
// ack
// ----------------------------------------------------------------------------------------------
async function ack(args, ctx) {
  const { values } = parse(args, {
    orders: { type: 'string' }, inventory: { type: 'string' }, 'sku-map': { type: 'string' },
    rules: { type: 'string' }, history: { type: 'string' }, options: { type: 'string' },
    now: { type: 'string' }, 'selling-party': { type: 'string' }, submit: { type: 'boolean' },
    ...CONNECTION_OPTIONS,
  });
  if (values.help) return help(ctx, 'ack');
  const progress = progressWriter(values, ctx.stderr);
  const input = {
    purchaseOrders: readOrders(required(values, 'orders')),
    inventory: readInventory(required(values, 'inventory')),
    now: isoNow(values),
  };
  if (values['sku-map']) input.skuMap = readSkuMap(values['sku-map']);
  if (values.rules) input.rules = readJson(values.rules);
  if (values.history) input.history = readList(values.history, 'acknowledgements');
  if (values.options) input.options = readJson(values.options);
  if (values['selling-party']) input.sellingParty = values['selling-party'];
  const client = values.submit ? clientFrom(values, ctx.env) : null; // credentials checked before deciding

  const core = await loadCore(ctx.pkgDir);
  progress({ phase: 'decide', purchaseOrders: input.purchaseOrders.length });
  const result = core.decideAcknowledgements(input);
  let submission = null;
  if (values.submit && result.request.acknowledgements.length) {
    const { outbox } = stores(values, client);
    try {
      progress({ phase: 'submit', purchaseOrders: result.request.acknowledgements.length });
      let entry = await outbox.submit({ operation: 'submitAcknowledgement', body: result.request, keys: result.request.acknowledgements.map((a) => a.purchaseOrderNumber) });
      if (entry.state === 'sent') {
        progress({ phase: 'confirm', transactionId: entry.transactionId });
        entry = await outbox.confirm(entry.id, { intervalMs: 1000, timeoutMs: 60_000 });
      }
      submission = entry;
    } finally {
      await outbox.close();
    }
  }

  if (values.json) {
    ctx.stdout.write(`${JSON.stringify(submission ? { ...result, submission: publicEntry(submission) } : result, null, 2)}\n`);
  } else {
    printDecisions(ctx.stdout, result.decisions);
    printExceptions(ctx.stdout, result.exceptions);
    const sent = result.request.acknowledgements.length;
    ctx.stdout.write(`\n${sent} PO(s) to acknowledge, ${result.pendingApproval.length} held for approval, ${result.exceptions.length} exception(s)\n`);
    if (submission) ctx.stdout.write(`${describeSubmission(submission)}\n`);
    else if (sent && !values.submit) ctx.stdout.write('not sent (add --submit to send)\n');
  }
  if (submission) {
    const code = submissionExit(submission);
    if (code !== EXIT.OK) return code;
  }
  return needsAttention(result.exceptions) || result.pendingApproval.length ? EXIT.ATTENTION : EXIT.OK;
}

function submissionExit(entry) {
  if (entry.state === 'settled') return entry.status === 'Success' ? EXIT.OK : EXIT.SPAPI;
  if (entry.state === 'rejected') return EXIT.SPAPI;
  return EXIT.IN_DOUBT;
}

function publicEntry(entry) {
  const { body, ...rest } = entry; // the body is in the output already
  return rest;
}

function describeSubmission(entry) {
  const pos = entry.keys?.length ?? entry.purchaseOrderNumbers?.length ?? 0;
  switch (entry.state) {
    case 'settled':
      return `submitted ${pos} PO(s): transaction ${entry.transactionId ?? '(resolved from PO state)'} ${entry.status}${entry.assumedSuccess ? ' (assumed: Processing for 15 minutes)' : ''}${(entry.errors ?? []).map((e) => `\n  ${e.code}: ${e.message}`).join('')}`;
    case 'rejected':
      return `SP-API rejected the acknowledgement: ${entry.error?.message}`;
    case 'sent':
      return `submitted ${pos} PO(s): transaction ${entry.transactionId} still Processing; run again to confirm`;
    default:
      return `the submission's outcome is unknown (${entry.lastError?.message ?? 'no answer'}); run again: it is checked with Amazon before anything is resent`;
  }
}

// ----------------------------------------------------------------------------------------------
// run
// ----------------------------------------------------------------------------------------------
async function run(args, ctx) {
  const { values } = parse(args, {
    inventory: { type: 'string' }, 'sku-map': { type: 'string' }, rules: { type: 'string' },
    options: { type: 'string' }, 'lookback-days': { type: 'string' }, now: { type: 'string' },
    'selling-party': { type: 'string' }, ...CONNECTION_OPTIONS,
  });
  if (values.help) return help(ctx, 'run');
  const inventory = readInventory(required(values, 'inventory'));
  const client = clientFrom(values, ctx.env);
  const options = {};
  if (values['sku-map']) options.skuMap = readSkuMap(values['sku-map']);
  if (values.rules) options.rules = readJson(values.rules);
  if (values.options) options.options = readJson(values.options);
  if (values['selling-party']) options.sellingParty = values['selling-party'];
  if (values['lookback-days'] !== undefined) {
    const days = Number(values['lookback-days']);
    if (!Number.isInteger(days) || days < 1 || days > 7) throw new UsageError('--lookback-days must be a whole number from 1 to 7');
    options.lookbackDays = days;
  }
  const now = isoNow(values);
  const core = await loadCore(ctx.pkgDir);
  const { outbox, state } = stores(values, client);
  let report;
  try {
    report = await runOnce({
      core, client, outbox, state, inventory, ...options,
      now: () => new Date(now), progress: progressWriter(values, ctx.stderr), wait: { intervalMs: 1000, timeoutMs: 60_000 },
    });
  } finally {
    await outbox.close();
  }
  if (values.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    printDecisions(ctx.stdout, report.decisions.filter((d) => d.status !== 'skipped'));
    printExceptions(ctx.stdout, report.exceptions);
    const r = report.recovered;
    ctx.stdout.write(`\nfetched ${report.fetched} PO(s); recovered ${r.settled.length} settled, ${r.released.length} released, ${r.stillInDoubt.length} still in doubt\n`);
    for (const s of report.submissions) ctx.stdout.write(`${describeSubmission({ ...s, keys: s.purchaseOrderNumbers })}\n`);
    if (report.pendingApproval.length) ctx.stdout.write(`held for approval: ${report.pendingApproval.join(', ')}\n`);
    if (report.setAside.length) ctx.stdout.write(`set aside (refused as input): ${report.setAside.map((s) => `${s.purchaseOrderNumber} ${s.code} at ${s.path || '/'}`).join('; ')}\n`);
  }
  const codes = report.submissions.map((s) => submissionExit({ ...s }));
  if (codes.includes(EXIT.SPAPI)) return EXIT.SPAPI;
  if (codes.includes(EXIT.IN_DOUBT) || report.inDoubt.length) return EXIT.IN_DOUBT;
  return needsAttention(report.exceptions) || report.pendingApproval.length || report.setAside.length ? EXIT.ATTENTION : EXIT.OK;
}

// ----------------------------------------------------------------------------------------------
// engine commands (table-driven: see commands.mjs), call, version
// ----------------------------------------------------------------------------------------------
async function engineCommand(name, args, ctx) {
  const spec = ENGINE_COMMANDS[name];
  const { values, positionals } = parse(args, spec.options ?? {}, { positionals: true });
  if (values.help) return help(ctx, name);
  const core = await loadCore(ctx.pkgDir);
  if (typeof core[spec.fn] !== 'function') {
    throw new UsageError(`this build of the core has no ${spec.fn} (command "${name}" needs it)`);
  }
  const progress = progressWriter(values, ctx.stderr);
  const input = spec.input({ values, positionals, now: () => isoNow(values), UsageError, progress });
  progress({ phase: spec.fn, ...(spec.size ? spec.size(input) : {}) });
  const started = performance.now();
  let result;
  let text;
  if (values.json && spec.jsonText) {
    // Large outputs: the core's JSON text goes straight to stdout (no parse + stringify here).
    text = core[`${spec.fn}Json`](JSON.stringify(input));
    result = JSON.parse(text);
  } else {
    result = core[spec.fn](input);
  }
  progress({ phase: 'done', ms: Math.round(performance.now() - started) });
  if (values.json) ctx.stdout.write(text !== undefined ? `${text}\n` : `${JSON.stringify(result, null, 2)}\n`);
  else spec.print(ctx.stdout, result, { formatTable, printExceptions });
  return spec.attention(result) ? EXIT.ATTENTION : EXIT.OK;
}

async function call(args, ctx) {
  const { values, positionals } = parse(args, { input: { type: 'string' } }, { positionals: true });
  if (values.help || positionals.length !== 1) {
    if (!values.help) throw new UsageError('call needs exactly one function name: call <function> --input input.json');
    return help(ctx, 'call');
  }
  const core = await loadCore(ctx.pkgDir);
  const fn = positionals[0];
  if (typeof core[fn] !== 'function' || fn.endsWith('Json')) {
    const names = Object.keys(core).filter((k) => typeof core[k] === 'function' && !k.endsWith('Json'));
    throw new UsageError(`"${fn}" is not a function of the core (available: ${names.join(', ')})`);
  }
  const result = core[fn](values.input ? readJson(values.input) : undefined);
  ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return needsAttention(result?.exceptions) ? EXIT.ATTENTION : EXIT.OK;
}

async function version(args, ctx) {
  const { values } = parse(args, {});
  const core = await loadCore(ctx.pkgDir);
  const info = { ...core.version(), backend: core.backend, instantiationMs: core.instantiationMs };
  if (values.json) ctx.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  else {
    ctx.stdout.write(`vendor-central-connector ${info.library} (${info.backend}, instantiated in ${info.instantiationMs.toFixed(1)} ms)\n`);
    for (const [model, v] of Object.entries(info.models)) ctx.stdout.write(`  ${model} ${v}\n`);
  }
  return EXIT.OK;
}

function help(ctx, command) {
  ctx.stdout.write(USAGE.split('\n').filter((l, i, all) => i < 2 || l.includes(`  ${command} `) || (all[i - 1]?.includes(`  ${command} `) && l.startsWith('                 '))).join('\n'));
  ctx.stdout.write('\n');
  return EXIT.OK;
}

// ----------------------------------------------------------------------------------------------
// printing
// ----------------------------------------------------------------------------------------------
function printDecisions(out, decisions = []) {
  const rows = decisions.map((d) => ({
    PO: d.purchaseOrderNumber,
    line: d.itemSequenceNumber,
    'SKU / ASIN': d.sku || d.amazonProductIdentifier || d.vendorProductIdentifier || '?',
    ordered: `${d.orderedQuantity?.amount ?? '?'} ${d.orderedQuantity?.unitOfMeasure ?? ''}`.trim(),
    accepted: d.accepted,
    backordered: d.backordered,
    rejected: d.rejected,
    status: d.status,
    reason: d.reason,
  }));
  out.write(formatTable(rows, { numeric: ['accepted', 'backordered', 'rejected'], empty: 'no lines decided' }));
}

function printExceptions(out, exceptions = []) {
  if (!exceptions.length) return;
  out.write(`\nExceptions (${exceptions.length})\n`);
  out.write(formatTable(exceptions.map((e) => ({
    severity: e.severity,
    code: e.code,
    PO: e.purchaseOrderNumber ?? '',
    line: e.itemSequenceNumber ?? '',
    due: e.dueAt ?? '',
    message: e.message,
  }))));
}

// npm installs the bin as a symlink: compare real paths.
const invokedAsScript = process.argv[1] && realpath(process.argv[1]) === realpath(fileURLToPath(import.meta.url));
function realpath(file) {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
if (invokedAsScript) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
