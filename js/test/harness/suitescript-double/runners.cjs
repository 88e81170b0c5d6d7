// How NetSuite calls each entry point: one invocation per call, each with its own usage-unit
// meter (per script type and, for map/reduce, per stage), map/reduce keys and values passed as
// strings between stages, workflows initiated on their event and trigger.
'use strict';

const { SCRIPT_UNITS, SCRIPT_SECONDS, MAP_REDUCE, utf8Bytes } = require('./rules.cjs');
const { Meter, SuiteScriptError } = require('./account.cjs');
const { activate } = require('./modules.cjs');
const { text, child, childrenNamed } = require('./metadata.cjs');

function stageStats() {
  return { invocations: 0, units: 0, maxUnits: 0, ms: 0, calls: {}, limit: 0 };
}

/** Runs `fn` as one invocation of `scriptId`'s `entry` and adds its cost to `stats`. */
function invoke(account, { scriptId, entry, executionContext }, stats, fn) {
  const script = account.meta.scripts[scriptId];
  if (!script) throw new Error(`no script ${scriptId} in src/Objects`);
  const limit = SCRIPT_UNITS[script.type]?.[entry];
  if (!limit) throw new Error(`no usage limit known for ${script.type}.${entry}`);
  const meter = new Meter(limit, `${scriptId} ${entry}`);
  const previous = account.invocation;
  account.invocation = { meter, scriptId, scriptType: script.type, label: entry, executionContext };
  activate(account);
  const started = process.hrtime.bigint();
  try {
    const value = fn();
    if (meter.exceeded) throw meter.exceeded; // caught by the script, but NetSuite stops it anyway
    return value;
  } finally {
    account.invocation = previous;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (stats) {
      stats.invocations += 1;
      stats.units += meter.used;
      stats.maxUnits = Math.max(stats.maxUnits, meter.used);
      stats.ms += ms;
      stats.limit = limit;
      stats.seconds = SCRIPT_SECONDS[script.type]?.[entry] ?? null;
      for (const [api, n] of Object.entries(meter.calls)) stats.calls[api] = (stats.calls[api] ?? 0) + n;
    }
  }
}

const errorText = (e) => JSON.stringify({ type: 'error.SuiteScriptError', name: e?.name ?? 'Error', message: e?.message ?? String(e) });
const outcome = (e) => ({ name: e?.name, message: e?.message, code: e?.code, path: e?.path });

function iterator(pairs) {
  return {
    iterator: () => ({
      each(callback) {
        // NetSuite goes on only while the callback returns true.
        for (const [k, v] of pairs) if (callback(k, v) !== true) return;
      },
    }),
  };
}

function checkKeyValue(key, value) {
  if (String(key).length > MAP_REDUCE.keyChars)
    throw new SuiteScriptError('KEY_LENGTH_IS_OVER_3000_BYTES', `key of ${String(key).length} characters`);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (utf8Bytes(text) > MAP_REDUCE.valueBytes)
    throw new SuiteScriptError('VALUE_LENGTH_IS_OVER_10_MB', `value of ${utf8Bytes(text)} bytes`);
  return [String(key), text];
}

/** A map/reduce deployment run end to end: getInputData, map for every pair, reduce when defined, summarize. */
function runMapReduce(account, script, { scriptId }) {
  const ctx = { scriptId, executionContext: 'MAPREDUCE' };
  const stages = { getInputData: stageStats(), map: stageStats(), reduce: stageStats(), summarize: stageStats() };
  const result = { ok: true, stages, mapErrors: [], reduceErrors: [], inputError: null, output: [] };
  let pairs = [];
  try {
    const input = invoke(account, { ...ctx, entry: 'getInputData' }, stages.getInputData, () =>
      script.getInputData({ isRestarted: false }),
    );
    const entries = Array.isArray(input) ? input.map((v, i) => [i, v]) : Object.entries(input ?? {});
    pairs = entries.map(([k, v]) => checkKeyValue(k, v));
  } catch (e) {
    result.inputError = outcome(e);
  }
  const mapped = [];
  for (const [key, value] of pairs) {
    try {
      invoke(account, { ...ctx, entry: 'map' }, stages.map, () =>
        script.map({
          key,
          value,
          isRestarted: false,
          executionNo: 1,
          write(k, v) {
            const o = typeof k === 'object' && k !== null && 'key' in k ? k : { key: k, value: v };
            mapped.push(checkKeyValue(o.key, o.value));
          },
        }),
      );
    } catch (e) {
      result.mapErrors.push([key, errorText(e)]);
    }
  }
  let output = mapped;
  if (typeof script.reduce === 'function') {
    const groups = new Map();
    for (const [k, v] of mapped) groups.set(k, [...(groups.get(k) ?? []), v]);
    output = [];
    for (const [key, values] of groups) {
      try {
        invoke(account, { ...ctx, entry: 'reduce' }, stages.reduce, () =>
          script.reduce({
            key,
            values,
            write: (k, v) => output.push(checkKeyValue(typeof k === 'object' ? k.key : k, typeof k === 'object' ? k.value : v)),
          }),
        );
      } catch (e) {
        result.reduceErrors.push([key, errorText(e)]);
      }
    }
  }
  result.output = output;
  const summary = {
    inputSummary: { error: result.inputError ? errorText(result.inputError) : null, usage: stages.getInputData.units },
    mapSummary: { errors: iterator(result.mapErrors), keys: iterator(pairs.map(([k]) => [k, null])), usage: stages.map.units },
    reduceSummary: { errors: iterator(result.reduceErrors), usage: stages.reduce.units },
    output: iterator(output),
    // Units spent by every stage before summarize (Oracle: the script's total usage).
    usage: stages.getInputData.units + stages.map.units + stages.reduce.units,
  };
  try {
    invoke(account, { ...ctx, entry: 'summarize' }, stages.summarize, () => script.summarize(summary));
  } catch (e) {
    result.ok = false;
    result.error = outcome(e);
  }
  if (result.inputError) {
    result.ok = false;
    result.error ??= result.inputError;
  }
  return result;
}

function runEntry(account, scriptId, entry, executionContext, fn) {
  const stats = stageStats();
  try {
    const returned = invoke(account, { scriptId, entry, executionContext }, stats, fn);
    return { ok: true, returned, stats };
  } catch (e) {
    return { ok: false, error: outcome(e), stats };
  }
}

const USER_EVENT_TYPES = {
  CREATE: 'create',
  EDIT: 'edit',
  DELETE: 'delete',
  XEDIT: 'xedit',
  APPROVE: 'approve',
  COPY: 'copy',
  VIEW: 'view',
};

/** A user event entry point on a record in hand (`newRecord`: a Record of the double's N/record). */
function runUserEvent(account, script, { scriptId, entry = 'beforeSubmit', type = 'create', newRecord, oldRecord = null }) {
  return runEntry(account, scriptId, entry, 'USERINTERFACE', () =>
    script[entry]({ type, UserEventType: USER_EVENT_TYPES, newRecord, oldRecord }),
  );
}

/** A Suitelet GET: the body written and the headers set. */
function runSuitelet(account, script, { scriptId, parameters = {}, method = 'GET' }) {
  const written = [];
  const headers = {};
  const run = runEntry(account, scriptId, 'onRequest', 'SUITELET', () =>
    script.onRequest({
      request: { method, parameters, headers: {} },
      response: {
        setHeader: ({ name, value }) => {
          headers[name] = value;
        },
        write: (s) => written.push(typeof s === 'object' ? s.output : s),
      },
    }),
  );
  return { ...run, body: written.join(''), headers };
}

/** A workflow action script called on a record (`newRecord` is the record being saved). */
function runWorkflowAction(account, script, { scriptId, newRecord, workflowId = null, type = 'approve' }) {
  return runEntry(account, scriptId, 'onAction', 'WORKFLOW', () => script.onAction({ newRecord, oldRecord: null, workflowId, type }));
}

/**
 * The shipped workflows (src/Objects/customworkflow_*.xml) on a record event: each workflow of
 * the record type that initiates on this event and trigger, and whose formula condition holds,
 * enters its first state and runs that state's actions of the trigger. A custom action runs its
 * workflow action script on the record; when every action succeeds the record is saved.
 * Conditions: formulas of the form {field} = 'value' (AND-joined) only.
 */
function runWorkflows(account, { recordType, recordId, event, trigger = 'BEFORESUBMIT', loadScript }) {
  const table = account.table(recordType);
  const stored = table.get(String(recordId));
  if (!stored) throw new Error(`no ${recordType} ${recordId}`);
  const { Record } = activate(account)['N/record'];
  const newRecord = new Record(recordType, String(recordId), stored, false);
  const ran = [];
  for (const [workflowId, wf] of Object.entries(account.meta.workflows)) {
    const types = (text(wf, 'recordtypes') ?? '').split('|').map((t) => t.toLowerCase());
    if (!types.includes(String(recordType).toLowerCase())) continue;
    if (text(wf, 'initonvieworupdate') !== 'T') continue;
    if ((text(wf, 'inittriggertype') ?? '') !== trigger) continue;
    const events = (text(wf, 'initeventtypes') ?? '')
      .split('|')
      .filter(Boolean)
      .map((e) => e.toLowerCase());
    if (events.length && !events.includes(event)) continue;
    if (text(wf, 'releasestatus') !== 'RELEASED') continue;
    const condition = child(wf, 'initcondition');
    if (condition && !formulaHolds(text(condition, 'formula') ?? '', newRecord)) continue;
    const state = childrenNamed(child(wf, 'workflowstates'), 'workflowstate')[0];
    for (const group of childrenNamed(state, 'workflowactions').filter((g) => g.attributes.triggertype === trigger)) {
      for (const action of childrenNamed(group, 'customaction')) {
        const scriptId = /\[(.+)\]/.exec(text(action, 'scripttype') ?? '')?.[1];
        const file = account.meta.scripts[scriptId]?.file;
        if (!file) throw new Error(`${workflowId}: custom action runs ${scriptId}, which no object defines`);
        const run = runWorkflowAction(account, loadScript(file), { scriptId, newRecord, workflowId, type: event });
        ran.push({ workflowId, action: action.attributes.scriptid, scriptId, ...run });
        if (!run.ok) return { ok: false, error: run.error, ran, saved: false };
      }
    }
  }
  // The record the workflow ran on is saved by the operation that triggered it (not by a script).
  table.set(String(recordId), { fields: { ...newRecord.data.fields }, sublists: newRecord.data.sublists });
  account.wrote(recordType, String(recordId), stored.fields, newRecord.data.fields);
  return { ok: true, ran, saved: true };
}

function formulaHolds(formula, rec) {
  const clauses = formula
    .split(/\s+AND\s+/i)
    .map((c) => c.trim())
    .filter(Boolean);
  return clauses.every((clause) => {
    const m = /^\{([a-z0-9_]+)\}\s*=\s*'([^']*)'$/i.exec(clause);
    if (!m) throw new Error(`the double evaluates {field} = 'value' conditions only, not ${clause}`);
    return String(rec.getValue({ fieldId: m[1] })) === m[2];
  });
}

module.exports = { runMapReduce, runUserEvent, runSuitelet, runWorkflowAction, runWorkflows, invoke };
