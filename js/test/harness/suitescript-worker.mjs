// Runs SuiteScript 2.1 entry points in a worker thread, with stubs of the N/ modules shaped like
// Oracle's @oracle/suitecloud-unit-testing stubs (N/https, N/record, N/search, N/runtime, N/log,
// N/error). API secrets: N/https createSecureString returns an opaque SecureString whose
// {custsecret_…} placeholders are filled in from the harness's `secrets` only when a request is
// sent, as NetSuite does; the script never sees the values. N/https is synchronous in SuiteScript; here each request is handed to the parent
// thread (which runs the SP-API emulator) and the worker blocks on Atomics.wait until the answer
// is written into shared memory, so the scripts run unchanged against real HTTP.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

// `node --test test/` also loads this file outside a worker: then it does nothing.
if (!parentPort) process.exit(0);
const { scriptsDir, shared, params, db, savedSearches, withoutWebAssembly, user, secrets = {} } = workerData;
const signal = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);
const logs = [];
const httpLog = [];

// The text of each SecureString, kept outside the object so nothing the script can reach (its
// properties, toString, JSON) holds it.
const secureText = new WeakMap();
class SecureString {
  constructor(text) { secureText.set(this, text); }
  appendString({ input }) { return new SecureString(secureText.get(this) + String(input)); }
  appendSecureString({ secureString }) { return new SecureString(secureText.get(this) + secureText.get(secureString)); }
  replaceString({ pattern, replacement }) { return new SecureString(secureText.get(this).split(pattern).join(replacement)); }
  toString() { return '[object SecureString]'; }
  toJSON() { return {}; }
}
const SECRET_PLACEHOLDER = /\{(custsecret[a-zA-Z0-9_]{1,89})\}/gi;

/** What NetSuite sends for a value: a SecureString's text with its secrets filled in. */
function resolveSecure(value) {
  if (!(value instanceof SecureString)) return value;
  return secureText.get(value).replace(SECRET_PLACEHOLDER, (_, id) => {
    const secret = secrets[id.toLowerCase()];
    if (secret === undefined) throw Object.assign(new Error(`The secret ${id} does not exist or is not allowed for this script.`), { name: 'SECRET_NOT_AVAILABLE' });
    return secret;
  });
}

function httpCall(method, options) {
  const headers = Object.fromEntries(Object.entries(options.headers || {}).map(([k, v]) => [k, resolveSecure(v)]));
  parentPort.postMessage({ type: 'http', request: { method, url: resolveSecure(options.url), headers, body: resolveSecure(options.body) } });
  Atomics.wait(signal, 0, 0);
  const length = signal[1];
  const response = JSON.parse(Buffer.from(bytes.slice(0, length)).toString('utf8'));
  Atomics.store(signal, 0, 0);
  if (response.networkError) {
    const e = new Error('An unexpected error occurred');
    e.name = 'SSS_REQUEST_TIME_EXCEEDED';
    throw e;
  }
  httpLog.push({ method, url: options.url, code: response.code });
  return { code: response.code, body: response.body, headers: response.headers };
}

let nextId = 1000;
class StubRecord {
  constructor(type, id = null, data = { fields: {}, sublists: {} }) {
    this.type = type;
    this.id = id;
    this.data = structuredClone(data);
    this.current = {};
  }
  setValue({ fieldId, value }) { this.data.fields[fieldId] = value; return this; }
  getValue({ fieldId }) { return this.data.fields[fieldId] ?? ''; }
  getLineCount({ sublistId }) { return (this.data.sublists[sublistId] ?? []).length; }
  getSublistValue({ sublistId, fieldId, line }) { return this.data.sublists[sublistId]?.[line]?.[fieldId] ?? ''; }
  setSublistValue({ sublistId, fieldId, line, value }) { ((this.data.sublists[sublistId] ??= [])[line] ??= {})[fieldId] = value; return this; }
  selectNewLine({ sublistId }) { this.current[sublistId] = { line: -1, values: {} }; return this; }
  selectLine({ sublistId, line }) {
    const existing = this.data.sublists[sublistId]?.[line];
    if (!existing) throw Object.assign(new Error(`no line ${line} on ${sublistId}`), { name: 'SSS_INVALID_SUBLIST_OPERATION' });
    this.current[sublistId] = { line, values: { ...existing } };
    return this;
  }
  findSublistLineWithValue({ sublistId, fieldId, value }) {
    return (this.data.sublists[sublistId] ?? []).findIndex((l) => String(l[fieldId]) === String(value));
  }
  setCurrentSublistValue({ sublistId, fieldId, value }) { this.current[sublistId].values[fieldId] = value; return this; }
  commitLine({ sublistId }) {
    const { line, values } = this.current[sublistId];
    const lines = (this.data.sublists[sublistId] ??= []);
    if (line < 0) lines.push(values);
    else lines[line] = values;
    delete this.current[sublistId];
    return this;
  }
  save() {
    if (!this.id) this.id = String(nextId++);
    db.records[this.type] ??= {};
    db.records[this.type][this.id] = structuredClone(this.data);
    return this.id;
  }
}

const N = {
  'N/https': {
    get: (o) => httpCall('GET', o),
    post: (o) => httpCall('POST', o),
    createSecureString: ({ input }) => new SecureString(String(input)),
  },
  'N/record': {
    Type: { SALES_ORDER: 'salesorder', ITEM_FULFILLMENT: 'itemfulfillment' },
    create: ({ type }) => new StubRecord(type),
    load: ({ type, id }) => {
      const data = db.records[type]?.[id];
      if (!data) throw Object.assign(new Error(`no ${type} ${id}`), { name: 'RCRD_DSNT_EXIST' });
      return new StubRecord(type, String(id), data);
    },
    submitFields: ({ type, id, values }) => {
      const data = db.records[type]?.[id];
      if (!data) throw Object.assign(new Error(`no ${type} ${id}`), { name: 'RCRD_DSNT_EXIST' });
      Object.assign(data.fields, values);
      return id;
    },
  },
  'N/search': {
    Type: { SALES_ORDER: 'salesorder', ITEM: 'item' },
    create: ({ type, filters = [], columns = [] }) => ({
      columns,
      run: () => ({
        getRange: ({ start, end }) => Object.entries(db.records[type] ?? {})
          .filter(([, data]) => matches(data, filters))
          .slice(start, end)
          .map(([id, data]) => ({ id, getValue: (c) => (typeof c === 'string' ? data.fields[c] : c.name === 'internalid' ? id : data.fields[c.name]) ?? '' })),
      }),
    }),
    load: ({ id }) => {
      const saved = savedSearches[id];
      if (!saved) throw Object.assign(new Error(`no saved search ${id}`), { name: 'INVALID_SEARCH' });
      return {
        columns: saved.columns,
        run: () => ({ getRange: ({ start, end }) => saved.rows.slice(start, end).map((row) => ({ getValue: (col) => row[col.name] ?? '' })) }),
      };
    },
  },
  'N/runtime': {
    getCurrentScript: () => ({ getParameter: ({ name }) => params[name] ?? null }),
    getCurrentUser: () => user,
    version: '2026.1', accountId: 'TSTDRV0000', executionContext: 'MAPREDUCE',
  },
  'N/log': Object.fromEntries(['debug', 'audit', 'error', 'emergency'].map((level) => [level, (o) => logs.push({ level, ...o })])),
  'N/error': { create: ({ name, message }) => Object.assign(new Error(message), { name }) },
};

function matches(data, filters) {
  const conditions = filters.filter((f) => Array.isArray(f));
  return conditions.every(([field, op, value]) => {
    if (field === 'mainline') return true;
    const actual = data.fields[field];
    if (op === 'is') return String(actual) === String(value);
    if (op === 'anyof') return (Array.isArray(value) ? value : [value]).map(String).includes(String(actual));
    throw new Error(`stub N/search: operator ${op} not supported`);
  });
}

// An AMD loader for the File Cabinet folder: relative ids are files next to the requiring one.
const context = vm.createContext({});
if (withoutWebAssembly) vm.runInContext('delete globalThis.WebAssembly;', context);
const modules = new Map();
function requireModule(id, fromDir) {
  if (N[id]) return N[id];
  const file = path.resolve(fromDir, `${id}.js`);
  if (modules.has(file)) return modules.get(file);
  let captured = null;
  context.define = (deps, factory) => { captured = { deps, factory }; };
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  if (!captured) throw new Error(`${file} did not call define`);
  const { deps, factory } = captured;
  const value = factory(...deps.map((d) => requireModule(d, path.dirname(file))));
  modules.set(file, value);
  return value;
}

function iterator(list) {
  return { iterator: () => ({ each: (cb) => { for (const [k, v] of list) if (cb(k, v) === false) break; } }) };
}

parentPort.on('message', (job) => {
  const result = { ok: true };
  try {
    const script = requireModule(`./${job.script}`, scriptsDir);
    if (job.kind === 'mapreduce') {
      const input = script.getInputData();
      const entries = Array.isArray(input) ? input.map((v, i) => [String(i), v]) : Object.entries(input);
      const output = [];
      const mapErrors = [];
      for (const [key, value] of entries) {
        try {
          script.map({ key, value: JSON.stringify(value), write: ({ key: k, value: v }) => output.push([k, v]) });
        } catch (e) {
          mapErrors.push([key, `${e.name}: ${e.message}`]);
        }
      }
      script.summarize({ output: iterator(output), mapSummary: { errors: iterator(mapErrors) } });
      result.mapped = entries.length;
      result.mapErrors = mapErrors;
    } else if (job.kind === 'workflowaction') {
      const rec = N['N/record'].load({ type: job.recordType, id: job.recordId });
      result.returned = script.onAction({ newRecord: rec });
      rec.save();
    } else if (job.kind === 'userevent') {
      const rec = new StubRecord(job.recordType, null, job.record);
      script.beforeSubmit({ type: 'create', UserEventType: { CREATE: 'create', EDIT: 'edit', DELETE: 'delete' }, newRecord: rec });
    } else if (job.kind === 'suitelet') {
      const written = [];
      script.onRequest({ request: { parameters: job.parameters ?? {} }, response: { setHeader: () => {}, write: (s) => written.push(s) } });
      result.body = written.join('');
    }
  } catch (e) {
    result.ok = false;
    result.error = { name: e.name, message: e.message, code: e.code, stack: e.stack };
  }
  parentPort.postMessage({ type: 'done', result, db, logs, httpLog });
});
