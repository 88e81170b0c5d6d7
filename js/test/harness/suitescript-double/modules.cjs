// N/runtime, N/https, N/log and N/error of the double, and the registry the Jest stubs (n/*.cjs)
// read: each N/ module a script requires is a view of the account whose entry point is running.
'use strict';

const { UNITS, FIELD_BYTES } = require('./rules.cjs');
const { SuiteScriptError, fail } = require('./account.cjs');
const { createSearchModule } = require('./search.cjs');
const { createRecordModule } = require('./record.cjs');

// The text of each SecureString lives outside the object, so nothing a script can reach (its
// properties, toString, JSON) holds it; NetSuite fills in {custsecret_…} placeholders only when
// the request is sent.
const secureText = new WeakMap();
class SecureString {
  constructor(text) {
    secureText.set(this, text);
  }

  appendString({ input }) {
    return new SecureString(secureText.get(this) + String(input));
  }

  appendSecureString({ secureString }) {
    return new SecureString(secureText.get(this) + secureText.get(secureString));
  }

  replaceString({ pattern, replacement }) {
    return new SecureString(secureText.get(this).split(pattern).join(replacement));
  }

  toString() {
    return '[object SecureString]';
  }

  toJSON() {
    return {};
  }
}
const SECRET_PLACEHOLDER = /\{(custsecret[a-zA-Z0-9_]{1,89})\}/gi;

function createHttpsModule(account) {
  const resolve = (value) => {
    if (!(value instanceof SecureString)) return value;
    return secureText.get(value).replace(SECRET_PLACEHOLDER, (_, id) => {
      const secret = account.secrets[id.toLowerCase()];
      if (secret === undefined) fail('SECRET_NOT_AVAILABLE', `The secret ${id} does not exist or is not allowed for this script.`);
      return secret;
    });
  };
  const call = (method, options) => {
    account.charge(
      UNITS[`https.${method === 'GET' ? 'get' : method === 'POST' ? 'post' : method.toLowerCase()}`] ?? UNITS['https.request'],
      `https.${method.toLowerCase()}`,
    );
    const url = String(resolve(options.url));
    if (!url.startsWith('https://')) fail('SSS_INVALID_URL', `N/https sends https:// requests only (${url.slice(0, 40)})`);
    if (!account.transport) fail('VCC_DOUBLE_NO_TRANSPORT', 'the test gave the account no HTTP transport');
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, resolve(v)]));
    const body = options.body === undefined ? undefined : resolve(options.body);
    const answer = account.transport({ method, url, headers, body });
    account.http.push({
      method,
      url: options.url instanceof SecureString ? '[SecureString]' : String(options.url),
      code: answer.networkError ? null : answer.code,
      stage: account.invocation?.label,
    });
    if (answer.networkError) fail('SSS_REQUEST_TIME_EXCEEDED', 'An unexpected error occurred');
    return { code: answer.code, body: answer.body, headers: answer.headers ?? {} };
  };
  return {
    get: (o) => call('GET', o),
    post: (o) => call('POST', o),
    put: (o) => call('PUT', o),
    delete: (o) => call('DELETE', o),
    request: (o) => call(String(o.method ?? 'GET').toUpperCase(), o),
    createSecureString: ({ input }) => new SecureString(String(input)),
    Method: { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' },
  };
}

function createRuntimeModule(account) {
  const ContextType = {
    MAP_REDUCE: 'MAPREDUCE',
    USER_EVENT: 'USEREVENT',
    SUITELET: 'SUITELET',
    WORKFLOW: 'WORKFLOW',
    USER_INTERFACE: 'USERINTERFACE',
    SCHEDULED: 'SCHEDULED',
  };
  const runtime = {
    ContextType,
    version: '2026.1',
    accountId: 'TSTDRV0000',
    envType: 'SANDBOX',
    get executionContext() {
      return account.invocation?.executionContext ?? 'USERINTERFACE';
    },
    getCurrentScript() {
      const inv = account.invocation;
      if (!inv) fail('VCC_DOUBLE_NO_INVOCATION', 'runtime.getCurrentScript outside an entry point');
      const script = account.meta.scripts[inv.scriptId];
      const values = account.params[inv.scriptId] ?? {};
      return {
        id: inv.scriptId,
        deploymentId: script.deployments[0]?.id ?? null,
        logLevel: 'AUDIT',
        getParameter({ name }) {
          const declared = script.params[name];
          if (!declared) return null; // NetSuite: an undeclared parameter reads as null
          if (name in values) return values[name];
          return declared.type === 'CHECKBOX' ? declared.defaultChecked : null;
        },
        getRemainingUsage: () => inv.meter.remaining(),
      };
    },
    getCurrentUser: () => ({ ...account.user, getPreference: () => null }),
  };
  return runtime;
}

function createLogModule(account) {
  const write = (level) => (options, detailsArg) => {
    const o = typeof options === 'string' ? { title: options, details: detailsArg } : (options ?? {});
    const details = typeof o.details === 'string' ? o.details : o.details === undefined ? '' : JSON.stringify(o.details);
    // The Script Execution Log keeps the first 3,999 characters of details; the double keeps all of
    // it for the tests and notes the cut.
    if (details.length > 3999)
      account.advisories.push(`log details of "${o.title}" are ${details.length} characters; NetSuite shows 3,999`);
    account.logs.push({ level, title: String(o.title ?? ''), details, stage: account.invocation?.label });
  };
  return { debug: write('debug'), audit: write('audit'), error: write('error'), emergency: write('emergency') };
}

const errorModule = {
  create: ({ name, message }) => new SuiteScriptError(name, message),
  Type: {},
  SuiteScriptError,
};

/** All N/ modules of one account. */
function createModules(account) {
  return {
    'N/search': createSearchModule(account),
    'N/record': createRecordModule(account),
    'N/runtime': createRuntimeModule(account),
    'N/https': createHttpsModule(account),
    'N/log': createLogModule(account),
    'N/error': errorModule,
  };
}

// The account whose entry point runs now; the Jest stubs delegate every access to it.
let active = null;
function activate(account) {
  active = account;
  account.modules ??= createModules(account);
  return account.modules;
}

/** A module object whose members are the active account's (what `require('N/search')` returns under Jest). */
function moduleView(name) {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key === 'symbol' || key === '__esModule' || key === 'then') return active?.modules[name][key];
        if (!active) throw new Error(`${name}.${String(key)} used with no NetSuite double active (call activate(account) first)`);
        return active.modules[name][key];
      },
      has(_, key) {
        return Boolean(active) && key in active.modules[name];
      },
    },
  );
}

module.exports = { createModules, activate, moduleView, SecureString, FIELD_BYTES };
