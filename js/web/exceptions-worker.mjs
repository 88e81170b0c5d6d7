// The exceptions page's worker: reads the opened files, has the core check or compute the
// report, and answers the page's filter and sort requests, so that neither reading 100,000
// entries nor ordering them ever blocks the page.
//
// Messages in:  { type: 'load', id, files?: File[], documents?: [{ name, json }], now? }
//               { type: 'view', id, load, filters, sort }
// Messages out: { type: 'loaded', id, text, computed }  the report as the core wrote it (JSON)
//               { type: 'refused', id, message, file?, code?, path? }
//               { type: 'prepared', id }                every filter and sort is ready
//               { type: 'exposure', id, text }          the chargebacks the entries lead to (chargebackExposure)
//               { type: 'view', id, order }             entry indices to show (Uint32Array)
//
// Which files are a finished report and which are engine outputs is decided by shape; what a
// report may contain is the core's rule (readExceptionsReport), as is every report computed
// here (exceptionsReport). Nothing else is checked in this file.
import { chargebackExposureJson, configure, exceptionsReportJson, readExceptionsReportJson } from './vendor-central-connector.esm.js';
import { indexEntries } from './exceptions-index.mjs';

// A person's report of 100,000 entries is about 52 MB of JSON; the library's default limit
// (16 MiB) is for ERP calls. The page reads what the browser can hold.
const MAX_REPORT_BYTES = 512 * 1024 * 1024;
configure({ maxInputBytes: MAX_REPORT_BYTES });

let current = { id: 0, index: null };

const isReport = (json) =>
  json !== null && typeof json === 'object' && !Array.isArray(json) && Array.isArray(json.entries) && json.summary !== undefined;

class Refusal extends Error {
  constructor(message, { file, code, path } = {}) {
    super(message);
    Object.assign(this, { file, code, path });
  }
}

/** "report.json: entries/17/dueAt: invalid date-time: `soon` is not an ISO-8601 date-time (INVALID_DATE)" */
function refusalFromCore(error, file, pointer) {
  if (!error?.code) return new Refusal(`${file}: ${error?.message ?? error}`, { file });
  const where = pointer ?? error.path ?? '';
  // The core's message often names the pointer already; said once, in front, it reads better.
  const message = error.path ? error.message.replace(` at ${error.path}`, '') : error.message;
  return new Refusal(`${file}: ${where ? `${where.slice(1)}: ` : ''}${message} (${error.code})`, { file, code: error.code, path: where });
}

/** Files → [{ name, text }]. */
async function readTexts(files) {
  const out = [];
  for (const file of files) {
    try {
      out.push({ name: file.name, text: await file.text() });
    } catch (e) {
      throw new Refusal(`${file.name}: could not be read (${e.message})`, { file: file.name });
    }
  }
  return out;
}

/** A document's JSON (parsed once); a file that is not JSON is refused by name. */
function parsed(document) {
  if (document.json === undefined) {
    try {
      document.json = JSON.parse(document.text);
    } catch (e) {
      throw new Refusal(`${document.name}: not valid JSON (${e.message})`, { file: document.name });
    }
  }
  return document.json;
}

/** A finished report read back by the core: { text, computed: false }. */
function readReport(document) {
  try {
    return { text: readExceptionsReportJson(document.text ?? JSON.stringify(document.json)), computed: false };
  } catch (e) {
    throw refusalFromCore(e, document.name);
  }
}

/** Whether the core's refusal of a text as a report says it is not one at all (not its shape). */
const notAReport = (error) =>
  (error?.code === 'MISSING_FIELD' && ['/entries', '/summary'].includes(error.path)) ||
  (error?.code === 'INVALID_TYPE' && error.path === '');

/**
 * The report to show: a finished report read back by the core, or the engines' outputs merged
 * and reported by the core as of `now`. `documents`: [{ name, text } | { name, json }].
 * Returns { text, computed }.
 */
function reportOf(documents, now) {
  if (documents.length === 1 && documents[0].text !== undefined) {
    // One file, most often a finished report (100,000 entries are 50 MB): the core reads it
    // straight from its text; the page parses only what the core says is no report at all.
    try {
      return { text: readExceptionsReportJson(documents[0].text), computed: false };
    } catch (e) {
      if (e?.code === 'INVALID_JSON') parsed(documents[0]); // refused by name as not JSON
      if (!notAReport(e)) throw refusalFromCore(e, documents[0].name);
    }
  }
  const reports = documents.filter((d) => isReport(parsed(d)));
  if (reports.length) {
    if (documents.length > 1) {
      throw new Refusal(
        `${reports.map((d) => d.name).join(', ')}: a finished report is shown on its own; open it alone, or open the engines' outputs instead`,
      );
    }
    return readReport(reports[0]);
  }
  // Engine outputs: remember which file gave which exceptions, to name it in a refusal.
  const input = { exceptions: [], transactions: [], now: now ?? new Date().toISOString() };
  const origins = [];
  for (const document of documents) {
    const { name } = document;
    const json = parsed(document);
    const lists = Array.isArray(json)
      ? { exceptions: json }
      : json !== null && typeof json === 'object' && (Array.isArray(json.exceptions) || Array.isArray(json.transactions))
        ? json
        : null;
    if (!lists)
      throw new Refusal(
        `${name}: neither an exceptionsReport output nor an engine output with "exceptions" (or a list of "transactions")`,
        { file: name },
      );
    for (const list of ['exceptions', 'transactions']) {
      if (!Array.isArray(lists[list])) continue;
      origins.push({ name, list, start: input[list].length, count: lists[list].length, bare: Array.isArray(json) });
      input[list].push(...lists[list]);
    }
  }
  if (!input.transactions.length) delete input.transactions;
  const text = JSON.stringify(input);
  // Nothing parsed stays alive during the core's call: each time the WebAssembly memory grows,
  // the engine collects garbage over the whole JS heap, and 100,000 parsed exceptions make each
  // of those collections slow (measured in Node: 25 s instead of 2 s for the first call).
  input.exceptions = null;
  input.transactions = null;
  for (const document of documents) Object.assign(document, { json: undefined, text: undefined });
  try {
    return { text: exceptionsReportJson(text), computed: true };
  } catch (e) {
    const [, list, position, rest = ''] = /^\/(exceptions|transactions)\/(\d+)(\/.*)?$/.exec(e.path ?? '') ?? [];
    const origin = list && origins.find((o) => o.list === list && Number(position) >= o.start && Number(position) < o.start + o.count);
    if (!origin) throw refusalFromCore(e, e.path === '/now' ? 'the moment to report as of (?now=)' : 'the opened files');
    const local = `${origin.bare ? '' : `/${list}`}/${Number(position) - origin.start}${rest}`;
    throw refusalFromCore(e, origin.name, local);
  }
}

/** Builds the filter and sort index one piece per task, so view requests are answered between. */
function prepareInBackground(id, then) {
  const step = () => {
    if (current.id !== id) return;
    if (current.index.prepare()) {
      setTimeout(step, 0);
    } else {
      postMessage({ type: 'prepared', id });
      setTimeout(then, 0);
    }
  };
  setTimeout(step, 0);
}

async function load({ id, files, documents, now }) {
  current = { id, index: null };
  try {
    const { text, computed } = reportOf(
      [...(await readTexts(files ?? [])), ...(documents ?? []).map(({ name, json }) => ({ name, json }))],
      now,
    );
    if (current.id !== id) return;
    postMessage({ type: 'loaded', id, text, computed });
    const entries = JSON.parse(text).entries;
    current.index = indexEntries(entries);
    // The chargeback forecast comes after every filter and sort is ready (it is not in the
    // page's loading budget).
    prepareInBackground(id, () => postExposure(id, entries, now));
  } catch (e) {
    if (current.id !== id) return;
    postMessage({ type: 'refused', id, message: e.message, file: e.file, code: e.code, path: e.path });
  }
}

/**
 * The chargebacks the report's entries lead to, as the core forecasts them (its rates, its
 * types): the entries carry every field an exception has. A refusal only leaves the view out.
 */
function postExposure(id, entries, now) {
  try {
    const text = chargebackExposureJson(JSON.stringify({ exceptions: entries, now: now ?? new Date().toISOString() }));
    if (current.id === id) postMessage({ type: 'exposure', id, text });
  } catch (e) {
    if (current.id === id) postMessage({ type: 'exposure', id, text: null, message: e.message });
  }
}

function view({ id, load: loadId, filters, sort }) {
  // Always an answer, so the page knows its request is done (null: a report no longer shown).
  if (loadId !== current.id || !current.index) {
    postMessage({ type: 'view', id, order: null });
    return;
  }
  const order = current.index.view({ filters, sort });
  postMessage({ type: 'view', id, order }, [order.buffer]);
}

self.onmessage = ({ data }) => {
  if (data?.type === 'load') load(data);
  else if (data?.type === 'view') view(data);
};
