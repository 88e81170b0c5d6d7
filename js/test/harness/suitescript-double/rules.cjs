// NetSuite's documented rules that the SuiteScript double enforces, each with the Oracle help
// topic it comes from (checked with the search tool against docs.oracle.com; where a page and
// shared/reference/netsuite-limits.md disagree, the page wins and the README's NetSuite section
// says so). A rule the pages do not state is not invented here; where the double is stricter
// than NetSuite on purpose, the error name starts with VCC_DOUBLE_ so nobody mistakes it for
// NetSuite's.
'use strict';

/**
 * Usage units per API call. "SuiteScript 2.x API Governance" and each method's own page
 * (Search.runPaged: 5; PagedData.fetch: 5; ResultSet.getRange / each: 10; search.load: 5;
 * search.lookupFields: 1; https.*: 10; record.* by record category: transaction / custom / other).
 * Oracle's own stubs (@oracle/suitecloud-unit-testing) carry the same figures as @governance
 * tags, except Search.runPaged, tagged "none" there and 5 on its help page: the page wins.
 */
const UNITS = {
  'search.create': 0,
  'search.load': 5,
  'search.lookupFields': 1,
  'search.global': 10,
  'search.duplicates': 10,
  'Search.save': 5,
  'search.delete': 5,
  'Search.run': 0,
  'Search.runPaged': 5,
  'PagedData.fetch': 5,
  'Page.next': 5,
  'Page.prev': 5,
  'ResultSet.getRange': 10,
  'ResultSet.each': 10,
  'https.get': 10,
  'https.post': 10,
  'https.put': 10,
  'https.delete': 10,
  'https.request': 10,
};

/** record.create / load / copy / transform / submitFields; Record.save and record.delete cost twice that. */
const RECORD_UNITS = { transaction: 10, custom: 2, other: 5 };

/** Record types of the transaction category this project touches (the rest of the standard types are "other"). */
const TRANSACTION_TYPES = new Set([
  'salesorder',
  'itemfulfillment',
  'purchaseorder',
  'invoice',
  'cashsale',
  'returnauthorization',
  'transferorder',
  'estimate',
]);

function recordCategory(type) {
  const t = String(type).toLowerCase();
  if (t.startsWith('customrecord')) return 'custom';
  return TRANSACTION_TYPES.has(t) ? 'transaction' : 'other';
}

/**
 * Usage units per invocation, by script type ("Script Type Usage Unit Limits"; map/reduce per
 * stage from "Map/Reduce Governance" and "Map/Reduce Script Best Practices": getInputData
 * 10,000, each map 1,000, each reduce 5,000, summarize 10,000).
 */
const SCRIPT_UNITS = {
  mapreducescript: { getInputData: 10000, map: 1000, reduce: 5000, summarize: 10000 },
  scheduledscript: { execute: 10000 },
  usereventscript: { beforeLoad: 1000, beforeSubmit: 1000, afterSubmit: 1000 },
  workflowactionscript: { onAction: 1000 },
  suitelet: { onRequest: 1000 },
  restlet: { get: 5000, post: 5000, put: 5000, delete: 5000 },
};

/** Seconds per invocation ("Script Execution Time Limits"): reported beside the run, not enforced. */
const SCRIPT_SECONDS = {
  mapreducescript: { getInputData: 3600, map: 300, reduce: 900, summarize: 3600 },
};

/** Search result limits (ResultSet.getRange: 1,000 per call; ResultSet.each: 4,000 in all; Search.runPaged: page size 5-1,000, at most 1,000 pages). */
const SEARCH = { getRangeMax: 1000, eachMax: 4000, pageSizeMin: 5, pageSizeMax: 1000, pageSizeDefault: 50, maxPages: 1000 };

/**
 * Search operators per field type ("SuiteScript 2.x Search Operators": anyof / noneof only on
 * List/Record and Multi Select; text fields take is, isnot, contains, doesnotcontain,
 * startswith, doesnotstartwith, haskeywords, isempty, isnotempty, any). Field types are the SDF
 * `fieldtype` values of Objects/*.xml.
 */
const TEXT_OPS = [
  'any',
  'contains',
  'doesnotcontain',
  'doesnotstartwith',
  'haskeywords',
  'is',
  'isempty',
  'isnot',
  'isnotempty',
  'startswith',
];
const NUMBER_OPS = [
  'any',
  'between',
  'equalto',
  'greaterthan',
  'greaterthanorequalto',
  'isempty',
  'isnotempty',
  'lessthan',
  'lessthanorequalto',
  'notbetween',
  'notequalto',
  'notgreaterthan',
  'notgreaterthanorequalto',
  'notlessthan',
  'notlessthanorequalto',
];
const DATE_OPS = [
  'after',
  'before',
  'isempty',
  'isnotempty',
  'notafter',
  'notbefore',
  'noton',
  'notonorafter',
  'notonorbefore',
  'notwithin',
  'on',
  'onorafter',
  'onorbefore',
  'within',
];
const OPERATORS = {
  TEXT: TEXT_OPS,
  TEXTAREA: TEXT_OPS,
  CLOBTEXT: TEXT_OPS,
  RICHTEXT: TEXT_OPS,
  EMAIL: TEXT_OPS,
  PHONE: TEXT_OPS,
  PASSWORD: TEXT_OPS,
  URL: TEXT_OPS,
  SELECT: ['anyof', 'noneof'],
  MULTISELECT: ['allof', 'anyof', 'noneof', 'notallof'],
  CHECKBOX: ['is'],
  INTEGER: NUMBER_OPS,
  FLOAT: NUMBER_OPS,
  CURRENCY: NUMBER_OPS,
  PERCENT: NUMBER_OPS,
  DATE: DATE_OPS,
  DATETIME: DATE_OPS,
  DATETIMETZ: DATE_OPS,
};

/**
 * Custom field lengths ("Field Type Descriptions for Custom Fields": Free-Form Text 300, Text
 * Area 4,000, Long Text 1,000,000). The page counts one-byte (English) characters and warns
 * that other characters take up to four bytes, so the double measures UTF-8 bytes. A longer
 * value is refused with INVALID_FLD_VALUE.
 */
const FIELD_BYTES = { TEXT: 300, TEXTAREA: 4000, CLOBTEXT: 1000000, RICHTEXT: 1000000, EMAIL: 300, PHONE: 300, URL: 300, PASSWORD: 300 };

/** Map/reduce keys and values ("SuiteScript Governance and Limits"): a key up to 3,000 characters, a value up to 10 MB. */
const MAP_REDUCE = { keyChars: 3000, valueBytes: 10 * 1024 * 1024 };

function utf8Bytes(text) {
  return Buffer.byteLength(String(text), 'utf8');
}

module.exports = {
  UNITS,
  RECORD_UNITS,
  recordCategory,
  SCRIPT_UNITS,
  SCRIPT_SECONDS,
  SEARCH,
  OPERATORS,
  FIELD_BYTES,
  MAP_REDUCE,
  utf8Bytes,
};
