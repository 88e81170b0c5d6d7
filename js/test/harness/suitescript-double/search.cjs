// N/search of the double: searches over the in-memory records and the account's saved searches,
// with NetSuite's limits (getRange 1,000, each 4,000, runPaged pages of 5-1,000, at most 1,000
// pages), its operators per field type, and its usage units.
'use strict';

const { UNITS, SEARCH, OPERATORS } = require('./rules.cjs');
const { fail } = require('./account.cjs');

const Type = {
  SALES_ORDER: 'salesorder',
  ITEM: 'item',
  ITEM_FULFILLMENT: 'itemfulfillment',
  TRANSACTION: 'transaction',
  INVENTORY_ITEM: 'inventoryitem',
};
const Operator = Object.fromEntries([...new Set(Object.values(OPERATORS).flat())].map((op) => [op.toUpperCase(), op]));
const Sort = { ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' };
const LOGICAL = new Set(['and', 'or', 'not']);

function column(spec) {
  const c = typeof spec === 'string' ? { name: spec } : { ...spec };
  if (!c.name) fail('SSS_MISSING_REQD_ARGUMENT', 'search column without a name');
  c.name = String(c.name).toLowerCase();
  return c;
}

/** Normalises filters (an expression or Filter objects) into an expression tree, checking operators. */
function compileFilters(account, recordType, filters) {
  if (!filters || (Array.isArray(filters) && filters.length === 0)) return null;
  const term = (name, operator, values) => {
    const fieldId = String(name).toLowerCase();
    const op = String(operator).toLowerCase();
    if (fieldId.includes('.') || fieldId.startsWith('formula'))
      fail('VCC_DOUBLE_UNSUPPORTED', `joins and formulas are not modelled by the double (${name})`);
    const type = account.fieldType(recordType, fieldId);
    if (type) {
      const allowed = OPERATORS[type] ?? [];
      if (!allowed.includes(op)) {
        fail(
          'SSS_INVALID_SRCH_OPERATOR',
          `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${fieldId} (${type} field) takes ${allowed.join(', ')}, not ${op}.`,
        );
      }
    } else if (!Object.values(OPERATORS).flat().includes(op)) {
      fail('SSS_INVALID_SRCH_OPERATOR', `unknown operator ${op}`);
    }
    return { kind: 'term', fieldId, op, type, values: values.flat() };
  };
  // Filter objects (search.createFilter): all of them must hold.
  if (Array.isArray(filters) && filters.every((f) => f && typeof f === 'object' && !Array.isArray(f) && f.name)) {
    return { kind: 'and', parts: filters.map((f) => term(f.name, f.operator, [].concat(f.values ?? []))) };
  }
  const expression = (expr) => {
    if (!Array.isArray(expr)) fail('SSS_INVALID_SRCH_FILTER_EXPR', 'a filter expression is an array');
    if (typeof expr[0] === 'string' && !LOGICAL.has(expr[0].toLowerCase())) return term(expr[0], expr[1], expr.slice(2));
    // A list of expressions joined by and / or, with not as a prefix. AND binds tighter than OR.
    const items = [];
    for (let i = 0; i < expr.length; i += 1) {
      const item = expr[i];
      if (typeof item === 'string') {
        const word = item.toLowerCase();
        if (!LOGICAL.has(word)) fail('SSS_INVALID_SRCH_FILTER_EXPR', `unexpected ${item} in a filter expression`);
        items.push(word);
      } else {
        items.push(expression(item));
      }
    }
    const withNot = [];
    for (let i = 0; i < items.length; i += 1) {
      if (items[i] === 'not') {
        withNot.push({ kind: 'not', part: items[i + 1] });
        i += 1;
      } else {
        withNot.push(items[i]);
      }
    }
    const ors = [[]];
    let expectOperand = true;
    for (const item of withNot) {
      if (item === 'and' || item === 'or') {
        if (expectOperand) fail('SSS_INVALID_SRCH_FILTER_EXPR', 'two logical operators in a row');
        if (item === 'or') ors.push([]);
        expectOperand = true;
      } else {
        // Adjacent terms without a logical operator are joined by and (NetSuite's default).
        ors[ors.length - 1].push(item);
        expectOperand = false;
      }
    }
    return { kind: 'or', parts: ors.map((parts) => ({ kind: 'and', parts })) };
  };
  return expression(filters);
}

const norm = (v) => String(v ?? '').toLowerCase();
const isEmpty = (v) => v === null || v === undefined || v === '';

function evaluate(node, get) {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return node.parts.every((p) => evaluate(p, get));
    case 'or':
      return node.parts.some((p) => evaluate(p, get));
    case 'not':
      return !evaluate(node.part, get);
    default:
      break;
  }
  const actual = get(node.fieldId);
  const [v0, v1] = node.values;
  switch (node.op) {
    case 'is':
      if (node.type === 'CHECKBOX') return (actual === true || actual === 'T') === (v0 === true || v0 === 'T');
      return norm(actual) === norm(v0);
    case 'isnot':
      return norm(actual) !== norm(v0);
    case 'contains':
      return norm(actual).includes(norm(v0));
    case 'doesnotcontain':
      return !norm(actual).includes(norm(v0));
    case 'startswith':
      return norm(actual).startsWith(norm(v0));
    case 'doesnotstartwith':
      return !norm(actual).startsWith(norm(v0));
    case 'isempty':
      return isEmpty(actual);
    case 'isnotempty':
      return !isEmpty(actual);
    case 'any':
      return true;
    case 'anyof':
      return node.values.map(String).includes(String(actual)) || (node.values.includes('@NONE@') && isEmpty(actual));
    case 'noneof':
      return !node.values.map(String).includes(String(actual));
    case 'equalto':
      return Number(actual) === Number(v0);
    case 'notequalto':
      return Number(actual) !== Number(v0);
    case 'greaterthan':
      return Number(actual) > Number(v0);
    case 'lessthan':
      return Number(actual) < Number(v0);
    case 'greaterthanorequalto':
      return Number(actual) >= Number(v0);
    case 'lessthanorequalto':
      return Number(actual) <= Number(v0);
    case 'between':
      return Number(actual) >= Number(v0) && Number(actual) <= Number(v1);
    case 'on':
    case 'before':
    case 'after':
    case 'onorafter':
    case 'onorbefore': {
      const a = new Date(actual).getTime();
      const b = new Date(v0).getTime();
      return { on: a === b, before: a < b, after: a > b, onorafter: a >= b, onorbefore: a <= b }[node.op];
    }
    default:
      return fail('VCC_DOUBLE_UNSUPPORTED', `operator ${node.op} is valid but not evaluated by the double`);
  }
}

/**
 * Ids that can match: for `field is value` terms (and or-lists of them) an index of the table by
 * that field narrows the scan; null when the whole table must be read. Only a speed-up of the
 * double: the full filter is still evaluated on every candidate.
 */
function candidateIds(account, searchType, table, node) {
  if (!node) return null;
  if (node.kind === 'term') {
    if (node.op !== 'is' || node.type === 'CHECKBOX' || node.fieldId === 'internalid') return null;
    const index = account.index(searchType, node.fieldId, table);
    return new Set(index.get(norm(node.values[0])) ?? []);
  }
  if (node.kind === 'and') {
    for (const part of node.parts) {
      const ids = candidateIds(account, searchType, table, part);
      if (ids) return ids;
    }
    return null;
  }
  if (node.kind === 'or') {
    const out = new Set();
    for (const part of node.parts) {
      const ids = candidateIds(account, searchType, table, part);
      if (!ids) return null;
      for (const id of ids) out.add(id);
    }
    return out;
  }
  return null;
}

function createSearchModule(account) {
  const resultRow = (id, recordType, columns, get) => {
    const values = {};
    for (const c of columns) values[c.name] = c.name === 'internalid' ? id : get(c.name);
    return {
      id,
      recordType,
      columns,
      getValue(spec) {
        const name = String(typeof spec === 'string' ? spec : spec?.name).toLowerCase();
        if (!(name in values)) return null; // NetSuite: a column the search does not have reads as null
        const v = values[name];
        return v === undefined || v === null ? '' : v instanceof Date ? v : typeof v === 'boolean' ? v : String(v);
      },
      getText(spec) {
        return this.getValue(spec);
      },
    };
  };

  /** The rows a search matches, in internal id order. */
  const rowsOf = (definition) => {
    if (definition.saved) {
      return definition.saved.rows.map((row, i) =>
        resultRow(String(row.id ?? i + 1), definition.searchType, definition.columns, (n) => row[n]),
      );
    }
    const table = account.table(definition.searchType);
    const out = [];
    const narrowed = candidateIds(account, definition.searchType, table, definition.filterTree);
    const ids = [...(narrowed ?? table.keys())].sort((a, b) => Number(a) - Number(b));
    for (const id of ids) {
      const data = table.get(id);
      const get = (fieldId) => (fieldId === 'internalid' ? id : fieldId === 'mainline' ? true : data.fields[fieldId]);
      if (evaluate(definition.filterTree, get)) out.push(resultRow(id, definition.searchType, definition.columns, get));
    }
    return out;
  };

  const makeSearch = (definition) => {
    const s = {
      searchType: definition.searchType,
      id: definition.id ?? null,
      columns: definition.columns,
      filterExpression: definition.filters,
      run() {
        account.charge(UNITS['Search.run'], 'Search.run');
        let rows = null;
        const all = () => (rows ??= rowsOf(definition));
        return {
          columns: definition.columns,
          getRange({ start, end }) {
            account.charge(UNITS['ResultSet.getRange'], 'ResultSet.getRange');
            if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start)
              fail('SSS_INVALID_SRCH_RANGE', `invalid range ${start}-${end}`);
            if (end - start > SEARCH.getRangeMax)
              fail(
                'SSS_INVALID_SRCH_RANGE',
                `ResultSet.getRange returns at most ${SEARCH.getRangeMax} results per call (asked ${end - start})`,
              );
            return all().slice(start, end);
          },
          each(callback) {
            account.charge(UNITS['ResultSet.each'], 'ResultSet.each');
            // NetSuite stops after 4,000 results, silently: the callback is not called again.
            for (const row of all().slice(0, SEARCH.eachMax)) if (callback(row) === false) return;
            if (all().length > SEARCH.eachMax)
              account.advisories.push(`ResultSet.each stopped at ${SEARCH.eachMax} of ${all().length} results`);
          },
        };
      },
      runPaged(options = {}) {
        account.charge(UNITS['Search.runPaged'], 'Search.runPaged');
        const pageSize = options.pageSize ?? SEARCH.pageSizeDefault;
        if (!Number.isInteger(pageSize) || pageSize < SEARCH.pageSizeMin || pageSize > SEARCH.pageSizeMax) {
          fail('SSS_INVALID_SRCH_PAGE_SIZE', `page size must be ${SEARCH.pageSizeMin}-${SEARCH.pageSizeMax}, not ${pageSize}`);
        }
        // Oracle: "You must specify a sorting order ... to avoid duplicate or missing results."
        if (!definition.columns.some((c) => c.sort && c.sort !== Sort.NONE)) {
          account.advisories.push(
            `runPaged on ${definition.searchType} without a sorted column (Oracle: results may repeat or go missing)`,
          );
        }
        const rows = rowsOf(definition);
        const pages = Math.min(Math.ceil(rows.length / pageSize), SEARCH.maxPages);
        const pageRanges = Array.from({ length: pages }, (_, index) => ({
          index,
          compoundLabel: `${index * pageSize + 1} - ${Math.min(rows.length, (index + 1) * pageSize)}`,
        }));
        return {
          count: rows.length,
          pageSize,
          pageRanges,
          searchDefinition: s,
          fetch(arg) {
            account.charge(UNITS['PagedData.fetch'], 'PagedData.fetch');
            const index = typeof arg === 'number' ? arg : arg?.index;
            if (!Number.isInteger(index) || index < 0 || index >= pages) fail('INVALID_PAGE_RANGE', 'Invalid page range.');
            return {
              data: rows.slice(index * pageSize, (index + 1) * pageSize),
              isFirst: index === 0,
              isLast: index === pages - 1,
              pageRange: pageRanges[index],
            };
          },
        };
      },
    };
    return s;
  };

  return {
    Type,
    Operator,
    Sort,
    create({ type, filters = [], columns = [] }) {
      account.charge(UNITS['search.create'], 'search.create');
      const searchType = String(type).toLowerCase();
      const cols = columns.map(column);
      for (const c of cols) account.fieldType(searchType, c.name); // an undeclared custom column fails here, as in NetSuite
      return makeSearch({ searchType, filters, filterTree: compileFilters(account, searchType, filters), columns: cols });
    },
    load({ id }) {
      account.charge(UNITS['search.load'], 'search.load');
      const saved = account.savedSearches[id];
      if (!saved) fail('INVALID_SEARCH', `That search or mass update does not exist: ${id}`);
      const cols = saved.columns.map(column);
      return makeSearch({ id, searchType: saved.searchType ?? 'item', saved: { rows: saved.rows }, columns: cols, filters: [] });
    },
    createColumn(options) {
      return column(options);
    },
    createFilter({ name, operator, values }) {
      return { name, operator, values };
    },
    lookupFields({ type, id, columns }) {
      account.charge(UNITS['search.lookupFields'], 'search.lookupFields');
      const data = account.table(type).get(String(id));
      if (!data) fail('SSS_INVALID_RECORD_ID', `no ${type} ${id}`);
      return Object.fromEntries([].concat(columns).map((c) => [c, data.fields[c] ?? '']));
    },
  };
}

module.exports = { createSearchModule, compileFilters, evaluate };
