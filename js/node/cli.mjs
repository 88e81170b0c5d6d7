#!/usr/bin/env node
// vendor-central-connector: the administrators' command line. Reads JSON and CSV files, calls the
// WASM core, prints a table (or --json), and — with --submit or `run` — talks to SP-API through
// the outbox. Commands, options and exit codes are tables in cli-options.mjs (the parser and
// --help read the same table). Exit codes (stable, for scripts):
//   0  done, nothing needs attention
//   1  done, but something needs a person: exceptions (error/warning), POs held for approval,
//      POs the core refused as input, ASN issues, …
//   2  bad input: usage, unreadable or malformed file, input the core refused
//   3  SP-API failure: HTTP error, submission rejected, transaction Failure
//   4  a submission is in doubt (sent, outcome unknown): run again to resolve it, never resend by hand
//   5  nothing was sent: the LWA token exchange or the connection failed before the submission
//      left (refused connection, DNS, TLS, HTTP status — named in the message)
//   70 internal error (a bug: please report it)
//   75 another run holds the state directory's lock (pid and since when printed): nothing was done
// Credentials come only from the environment (VCC_LWA_CLIENT_ID, VCC_LWA_CLIENT_SECRET,
// VCC_LWA_REFRESH_TOKEN): command-line arguments are visible to every user of the machine.
// Everything written to the terminal is made printable (control characters as escapes) and has
// every encoding of the credentials redacted.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCore } from './core.mjs';
import { ENGINE_COMMANDS } from './commands.mjs';
import { EXIT, commandHelp, overview, parseByteSize, parserOptions } from './cli-options.mjs';
import { InputFileError, readInventory, readJson, readList, readOrders, readSkuMap } from './inputs.mjs';
import { SpApiClient, SpApiError } from './spapi-client.mjs';
import { Outbox, JsonlOutboxStore, LockHeldError } from './outbox.mjs';
import { FileStateStore } from './state-store.mjs';
import { runOnce } from './runner.mjs';
import { formatTable, printable } from './table.mjs';
import { Redactor } from './redact.mjs';

export { EXIT } from './cli-options.mjs';

class UsageError extends Error {}

const DEFAULT_STATE_DIR = '.vendor-central-connector';

/** A stream whose text is redacted and, for a terminal, made printable (newlines and tabs kept). */
function guarded(stream, redactor, { terminal }) {
  return {
    write(text) {
      const clean = redactor.text(text);
      return stream.write(terminal ? printable(clean) : clean);
    },
  };
}

/**
 * Runs the CLI. Returns the exit code; never calls process.exit (so tests can call it).
 * @param {string[]} argv  arguments after the program name
 * @param {{stdout?, stderr?, env?, cwd?, pkgDir?}} [io]
 */
export async function main(argv, io = {}) {
  const env = io.env ?? process.env;
  const redactor = new Redactor([env.VCC_LWA_CLIENT_SECRET, env.VCC_LWA_REFRESH_TOKEN, env.VCC_LWA_CLIENT_ID]);
  const rawStdout = io.stdout ?? process.stdout;
  const stderr = guarded(io.stderr ?? process.stderr, redactor, { terminal: true });
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      rawStdout.write(overview());
      return command ? EXIT.OK : EXIT.BAD_INPUT;
    }
    // SP-API answers pass through stdout of ack and run: redacted there too (tables are printable
    // already; engine commands' large outputs are written as they are).
    const stdout = command === 'ack' || command === 'run' ? guarded(rawStdout, redactor, { terminal: false }) : rawStdout;
    const ctx = { stdout, stderr, env, pkgDir: io.pkgDir };
    switch (command) {
      case 'ack':
        return await ack(rest, ctx);
      case 'run':
        return await run(rest, ctx);
      case 'call':
        return await call(rest, ctx);
      case 'version':
        return await version(rest, ctx);
      default:
        if (ENGINE_COMMANDS[command]) return await engineCommand(command, rest, ctx);
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    return reportError(err, stderr);
  }
}

function reportError(err, stderr) {
  if (
    err instanceof UsageError ||
    err?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
    err?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
    err?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
  ) {
    stderr.write(`error: ${err.message}\nRun "vendor-central-connector --help" for usage.\n`);
    return EXIT.BAD_INPUT;
  }
  if (err instanceof InputFileError) {
    stderr.write(`error: ${err.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (err instanceof LockHeldError) {
    stderr.write(
      `error: ${err.message}\nNothing was done. Run again when that run has finished (a run whose process is gone is taken over by the next one).\n`,
    );
    return EXIT.LOCKED;
  }
  if (err?.name === 'ConnectorError') {
    // The core refused the input: its code and the JSON pointer say where.
    stderr.write(`error: the input was refused: ${err.code}${err.path ? ` at ${err.path}` : ''}: ${err.message}\n`);
    if (err.code === 'INPUT_TOO_LARGE') {
      const actual = Number(err.details?.actual);
      stderr.write(
        `The input is larger than the core accepts; raise the limit with --max-input-bytes${Number.isFinite(actual) ? ` (e.g. --max-input-bytes ${Math.ceil(actual / 2 ** 20) + 1}MiB)` : ''}.\n`,
      );
    }
    return EXIT.BAD_INPUT;
  }
  if (err instanceof SpApiError) {
    const request = err.requestId ? ` (request id ${err.requestId})` : '';
    if (err.notSent) {
      stderr.write(`error: nothing was sent: ${err.message}${request}\n`);
      return EXIT.NOT_SENT;
    }
    stderr.write(`error: SP-API: ${err.message}${request}\n`);
    return EXIT.SPAPI;
  }
  stderr.write(`internal error: ${err?.stack ?? err}\n`);
  return EXIT.INTERNAL;
}

function parse(command, args, { positionals = false } = {}) {
  const { values, positionals: pos } = parseArgs({ args, options: parserOptions(command), allowPositionals: positionals, strict: true });
  return { values, positionals: pos };
}

function required(values, name) {
  if (values[name] === undefined) throw new UsageError(`--${name} is required`);
  return values[name];
}

function progressWriter(values, stderr) {
  if (!values.progress) return () => {};
  return (event) => {
    const parts = Object.entries(event)
      .filter(([k]) => k !== 'phase')
      .map(([k, v]) => `${k}=${v}`);
    stderr.write(`[progress] ${event.phase}${parts.length ? ` ${parts.join(' ')}` : ''}\n`);
  };
}

/** The core, with the input limit of --max-input-bytes when given. */
async function coreFor(values, ctx) {
  let limit = null;
  if (values['max-input-bytes'] !== undefined) {
    limit = parseByteSize(values['max-input-bytes']);
    if (limit === null)
      throw new UsageError(`--max-input-bytes must be a size such as 67108864, 64MiB or 1GiB, got "${values['max-input-bytes']}"`);
  }
  const core = await loadCore(ctx.pkgDir);
  if (limit !== null) core.configure({ maxInputBytes: limit });
  return core;
}

function clientFrom(values, env) {
  const credentials = {
    clientId: env.VCC_LWA_CLIENT_ID,
    clientSecret: env.VCC_LWA_CLIENT_SECRET,
    refreshToken: env.VCC_LWA_REFRESH_TOKEN,
  };
  const missing = Object.entries({
    VCC_LWA_CLIENT_ID: credentials.clientId,
    VCC_LWA_CLIENT_SECRET: credentials.clientSecret,
    VCC_LWA_REFRESH_TOKEN: credentials.refreshToken,
  })
    .filter(([, v]) => !v)
    .map(([k]) => k);
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

/**
 * The outbox and state of --state-dir, its lock taken before anything of the run is read (so
 * two runs never both decide, send or save state). A file where the directory belongs, or a
 * directory that cannot be created, is an input error.
 */
function stores(values, client) {
  const dir = path.resolve(values['state-dir'] ?? DEFAULT_STATE_DIR);
  let stat = null;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    if (err.code !== 'ENOENT') throw new InputFileError(`--state-dir ${dir}: cannot read it (${err.code})`);
  }
  if (stat && !stat.isDirectory())
    throw new InputFileError(`--state-dir ${dir} is a file, not a directory: give a directory (it is created when missing)`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new InputFileError(`--state-dir ${dir}: cannot create it (${err.code})`);
  }
  const journal = new JsonlOutboxStore(path.join(dir, 'outbox.jsonl'));
  journal.lock();
  const outbox = new Outbox({ store: journal, client });
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
  const { values } = parse('ack', args);
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

  const core = await coreFor(values, ctx);
  // With --submit, the lock first: another run deciding the same POs now would send them twice.
  const outbox = values.submit ? stores(values, client).outbox : null;
  let submission = null;
  let result;
  try {
    progress({ phase: 'decide', purchaseOrders: input.purchaseOrders.length });
    result = core.decideAcknowledgements(input);
    if (outbox && result.request.acknowledgements.length) {
      progress({ phase: 'submit', purchaseOrders: result.request.acknowledgements.length });
      let entry = await outbox.submit({
        operation: 'submitAcknowledgement',
        body: result.request,
        keys: result.request.acknowledgements.map((a) => a.purchaseOrderNumber),
      });
      if (entry.state === 'sent') {
        progress({ phase: 'confirm', transactionId: entry.transactionId });
        try {
          entry = await outbox.confirm(entry.id, { intervalMs: 1000, timeoutMs: 60_000 });
        } catch (err) {
          // Sent, but its outcome could not be read: in doubt, not a failure.
          if (!(err instanceof SpApiError)) throw err;
          entry = { ...entry, confirmError: err.message };
        }
      }
      submission = entry;
    }
  } finally {
    await outbox?.close();
  }

  if (values.json) {
    ctx.stdout.write(`${JSON.stringify(submission ? { ...result, submission: publicEntry(submission) } : result, null, 2)}\n`);
  } else {
    printDecisions(ctx.stdout, result.decisions);
    printExceptions(ctx.stdout, result.exceptions);
    const sent = result.request.acknowledgements.length;
    ctx.stdout.write(
      `\n${sent} PO(s) to acknowledge, ${result.pendingApproval.length} held for approval, ${result.exceptions.length} exception(s)\n`,
    );
    if (submission) ctx.stdout.write(`${printable(describeSubmission(submission))}\n`);
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
  if (entry.state === 'rejected') return entry.error?.notSent ? EXIT.NOT_SENT : EXIT.SPAPI;
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
      return entry.error?.notSent
        ? `nothing was sent: ${entry.error.message}; fix the cause and run again`
        : `SP-API rejected the acknowledgement: ${entry.error?.message}`;
    case 'sent':
      return `submitted ${pos} PO(s): transaction ${entry.transactionId} still Processing${entry.confirmError ? ` (its status could not be read: ${entry.confirmError})` : ''}; run again to confirm`;
    default:
      return `the submission's outcome is unknown (${entry.lastError?.message ?? 'no answer'}); run again: it is checked with Amazon before anything is resent`;
  }
}

// ----------------------------------------------------------------------------------------------
// run
// ----------------------------------------------------------------------------------------------
async function run(args, ctx) {
  const { values } = parse('run', args);
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
  const core = await coreFor(values, ctx);
  const { outbox, state } = stores(values, client);
  let report;
  try {
    report = await runOnce({
      core,
      client,
      outbox,
      state,
      inventory,
      ...options,
      now: () => new Date(now),
      progress: progressWriter(values, ctx.stderr),
      wait: { intervalMs: 1000, timeoutMs: 60_000 },
    });
  } catch (err) {
    // A read failed (recovery, polling, a transaction's status): if anything is in doubt now,
    // that is what a person must know; otherwise the error says what happened.
    const inDoubt = err instanceof SpApiError ? await outbox.inDoubt().catch(() => []) : [];
    if (!inDoubt.length) throw err;
    ctx.stderr.write(
      `error: SP-API: ${err.message}\n${inDoubt.length} submission(s) in doubt (${inDoubt.flatMap((e) => e.keys).join(', ')}): run again; they are checked with Amazon before anything is resent\n`,
    );
    return EXIT.IN_DOUBT;
  } finally {
    await outbox.close();
  }
  if (values.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    printDecisions(
      ctx.stdout,
      report.decisions.filter((d) => d.status !== 'skipped'),
    );
    printExceptions(ctx.stdout, report.exceptions);
    const r = report.recovered;
    ctx.stdout.write(
      `\nfetched ${report.fetched} PO(s); recovered ${r.settled.length} settled, ${r.released.length} released, ${r.stillInDoubt.length} still in doubt\n`,
    );
    for (const s of report.submissions) ctx.stdout.write(`${printable(describeSubmission({ ...s, keys: s.purchaseOrderNumbers }))}\n`);
    if (report.pendingApproval.length) ctx.stdout.write(`held for approval: ${printable(report.pendingApproval.join(', '))}\n`);
    if (report.setAside.length)
      ctx.stdout.write(
        `set aside (refused as input): ${printable(report.setAside.map((s) => `${s.purchaseOrderNumber} ${s.code} at ${s.path || '/'}`).join('; '))}\n`,
      );
  }
  const codes = report.submissions.map((s) => submissionExit({ ...s }));
  if (codes.includes(EXIT.SPAPI)) return EXIT.SPAPI;
  if (codes.includes(EXIT.IN_DOUBT) || report.inDoubt.length) return EXIT.IN_DOUBT;
  if (codes.includes(EXIT.NOT_SENT)) return EXIT.NOT_SENT;
  return needsAttention(report.exceptions) || report.pendingApproval.length || report.setAside.length ? EXIT.ATTENTION : EXIT.OK;
}

// ----------------------------------------------------------------------------------------------
// engine commands (table-driven: see commands.mjs), call, version
// ----------------------------------------------------------------------------------------------
async function engineCommand(name, args, ctx) {
  const spec = ENGINE_COMMANDS[name];
  const { values, positionals } = parse(name, args, { positionals: true });
  if (values.help) return help(ctx, name);
  const core = await coreFor(values, ctx);
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
  const { values, positionals } = parse('call', args, { positionals: true });
  if (values.help || positionals.length !== 1) {
    if (!values.help) throw new UsageError('call needs exactly one function name: call <function> --input input.json');
    return help(ctx, 'call');
  }
  const core = await coreFor(values, ctx);
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
  const { values } = parse('version', args);
  if (values.help) return help(ctx, 'version');
  const core = await loadCore(ctx.pkgDir);
  const info = { ...core.version(), backend: core.backend, instantiationMs: core.instantiationMs };
  if (values.json) ctx.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  else {
    ctx.stdout.write(`vendor-central-connector ${info.library} (${info.backend}, instantiated in ${info.instantiationMs.toFixed(1)} ms)\n`);
    for (const [model, v] of Object.entries(info.models)) ctx.stdout.write(`  ${model} ${v}\n`);
  }
  return EXIT.OK;
}

/** The command's help, printed from the option table its parser reads. */
function help(ctx, command) {
  ctx.stdout.write(commandHelp(command));
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
  out.write(
    formatTable(
      exceptions.map((e) => ({
        severity: e.severity,
        code: e.code,
        PO: e.purchaseOrderNumber ?? '',
        line: e.itemSequenceNumber ?? '',
        due: e.dueAt ?? '',
        message: e.message,
      })),
    ),
  );
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
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
