// The account behind the double: records in memory, the project's metadata, script parameters,
// and the governance meter of the invocation that is running.
'use strict';

const { loadMetadata, isCustomFieldId } = require('./metadata.cjs');
const { FIELD_BYTES, utf8Bytes } = require('./rules.cjs');

/** An error shaped like NetSuite's SuiteScriptError (`name` is the code). */
class SuiteScriptError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
    this.type = 'error.SuiteScriptError';
    this.id = '';
  }

  toJSON() {
    return { type: this.type, name: this.name, message: this.message };
  }
}

const fail = (name, message) => {
  throw new SuiteScriptError(name, message);
};

/**
 * Usage units of one invocation. Going over the limit throws SSS_USAGE_LIMIT_EXCEEDED, and the
 * invocation fails even when the script catches it (NetSuite's limit cannot be caught).
 */
class Meter {
  constructor(limit, label) {
    this.limit = limit;
    this.label = label;
    this.used = 0;
    this.calls = {};
    this.exceeded = null;
  }

  charge(units, api) {
    this.calls[api] = (this.calls[api] ?? 0) + 1;
    if (!units) return;
    this.used += units;
    if (this.used > this.limit) {
      this.exceeded ??= new SuiteScriptError(
        'SSS_USAGE_LIMIT_EXCEEDED',
        `Script Execution Usage Limit Exceeded: ${this.label} used ${this.used} of ${this.limit} units (last call ${api})`,
      );
      throw this.exceeded;
    }
  }

  remaining() {
    return Math.max(0, this.limit - this.used);
  }
}

/** Field value rules by SDF field type; throws INVALID_FLD_VALUE like NetSuite. */
function checkFieldValue(recordType, fieldId, type, value) {
  if (value === null || value === undefined || value === '') return;
  const bad = (why) =>
    fail(
      'INVALID_FLD_VALUE',
      `You have entered an Invalid Field Value ${String(value).slice(0, 60)} for the following field: ${fieldId} (${recordType}, ${type}: ${why})`,
    );
  const limit = FIELD_BYTES[type];
  if (limit !== undefined) {
    if (typeof value === 'object') bad('text expected');
    const bytes = utf8Bytes(value);
    if (bytes > limit) bad(`${bytes} bytes, at most ${limit}`);
    return;
  }
  switch (type) {
    case 'INTEGER':
      if (typeof value !== 'number' || !Number.isInteger(value)) bad('integer expected');
      break;
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      if (typeof value !== 'number' || !Number.isFinite(value)) bad('number expected');
      break;
    case 'CHECKBOX':
      if (typeof value !== 'boolean') bad('true or false expected');
      break;
    case 'DATE':
    case 'DATETIME':
    case 'DATETIMETZ':
      if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') bad('a Date object expected');
      break;
    case 'SELECT':
      if (!(typeof value === 'string' || typeof value === 'number') || String(value).trim() === '') bad('an internal id expected');
      break;
    default:
      break;
  }
}

function createAccount({
  srcDir,
  records = {},
  savedSearches = {},
  secrets = {},
  user = { id: 7, email: 'approver@vendor.example', role: 3 },
  transport = null,
}) {
  const meta = loadMetadata(srcDir);
  const db = new Map();
  let nextId = 1000;
  const account = {
    meta,
    db,
    savedSearches,
    secrets,
    user,
    transport,
    params: {},
    logs: [],
    http: [],
    /** The running invocation: {meter, scriptId, scriptType, executionContext}. */
    invocation: null,
    advisories: [],
    nextId: () => String(nextId++),
    table(type) {
      const key = String(type).toLowerCase();
      if (!db.has(key)) db.set(key, new Map());
      return db.get(key);
    },
    /**
     * Ids by lower-cased field value per table and field, kept up to date on every write through
     * N/record (a speed-up of the double's searches; a test that edits a table by hand calls
     * wrote(type) and the table's indexes are rebuilt).
     */
    indexes: new Map(),
    wrote(type, id, before, after) {
      const key = String(type).toLowerCase();
      for (const [k, entry] of account.indexes) {
        if (entry.type !== key) continue;
        if (id === undefined) {
          account.indexes.delete(k);
          continue;
        }
        const drop = before ? String(before[entry.fieldId] ?? '').toLowerCase() : null;
        if (drop !== null)
          entry.map.set(
            drop,
            (entry.map.get(drop) ?? []).filter((x) => x !== id),
          );
        if (after) {
          const add = String(after[entry.fieldId] ?? '').toLowerCase();
          if (!entry.map.has(add)) entry.map.set(add, []);
          entry.map.get(add).push(id);
        }
      }
    },
    index(type, fieldId, table) {
      const key = `${type}\u0000${fieldId}`;
      const cached = account.indexes.get(key);
      if (cached) return cached.map;
      const map = new Map();
      for (const [id, data] of table) {
        const v = String(data.fields[fieldId] ?? '').toLowerCase();
        if (!map.has(v)) map.set(v, []);
        map.get(v).push(id);
      }
      account.indexes.set(key, { type, fieldId, map });
      return map;
    },
    /** The type of a field on a record type (or sublist), null when the double knows nothing of it. */
    fieldType(recordType, fieldId, sublistId) {
      const rt = meta.recordTypes[String(recordType).toLowerCase()];
      const fields = sublistId ? rt?.sublists?.[sublistId] : rt?.fields;
      const type = fields?.[fieldId];
      if (type) return type;
      if (isCustomFieldId(fieldId)) {
        fail(
          'VCC_DOUBLE_UNDECLARED_FIELD',
          `${fieldId} is not declared for ${recordType}${sublistId ? ` sublist ${sublistId}` : ''} by any object in src/Objects (the double refuses what an account without the object could not store)`,
        );
      }
      if (rt && !rt.standard) fail('VCC_DOUBLE_UNDECLARED_FIELD', `${fieldId} is not a field of custom record ${recordType}`);
      return null;
    },
    checkFieldValue,
    charge(units, api) {
      if (!account.invocation) fail('VCC_DOUBLE_NO_INVOCATION', `${api} called outside an entry point`);
      account.invocation.meter.charge(units, api);
    },
    /** Script parameters for a script, checked against its XML declaration and field type. */
    setParameters(scriptId, values) {
      const script = meta.scripts[scriptId];
      if (!script) throw new Error(`no script ${scriptId} in src/Objects`);
      const typed = {};
      for (const [name, value] of Object.entries(values)) {
        const declared = script.params[name];
        if (!declared) throw new Error(`${scriptId} declares no parameter ${name}`);
        if (value === null || value === undefined) continue;
        // What an administrator can save in the parameter field: the field's own rules.
        if (declared.type === 'CHECKBOX') {
          if (typeof value !== 'boolean') throw new Error(`${name} is a check box: true or false`);
        } else if (declared.type === 'INTEGER') {
          if (!Number.isInteger(value)) throw new Error(`${name} is an integer parameter`);
        } else {
          checkFieldValue(scriptId, name, declared.type, String(value));
        }
        typed[name] = value;
      }
      account.params[scriptId] = typed;
    },
  };
  for (const [type, rows] of Object.entries(records)) {
    const table = account.table(type);
    for (const [id, data] of Object.entries(rows)) {
      table.set(String(id), { fields: { ...data.fields }, sublists: JSON.parse(JSON.stringify(data.sublists ?? {})) });
      nextId = Math.max(nextId, Number(id) + 1 || nextId);
    }
  }
  return account;
}

module.exports = { createAccount, SuiteScriptError, Meter, fail, checkFieldValue };
