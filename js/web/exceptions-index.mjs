// The exceptions page's view model over a report's entries: which entries a set of filters
// keeps, in which order a column sorts them. Built once per report (in the page's worker), so a
// filter or a sort over 100,000 entries is one pass over a prepared order, not a sort.
//
// Presentation only: the entries, their ranks, owners, due times and money are the core's; this
// file orders and selects what is displayed. Entries are in the core's order (rank 1, 2, 3, …,
// which `readExceptionsReport` guarantees), so an entry's index is its rank order.

export const SEVERITY_ORDER = ['error', 'warning', 'info'];
/** The columns a person can sort by (the table's columns). */
export const SORTABLE = [
  'rank',
  'severity',
  'dueAt',
  'owner',
  'code',
  'purchaseOrderNumber',
  'itemSequenceNumber',
  'sku',
  'moneyAtRisk',
  'message',
];
/**
 * The fields free text is searched in: those with a value of their own per entry go into one
 * text; those shared by many entries (an action per code, four owners, a few sources) are
 * searched once per distinct value.
 */
const SEARCHED_TEXT = ['message', 'purchaseOrderNumber', 'itemSequenceNumber', 'sku', 'transactionId'];
const SEARCHED_SHARED = ['code', 'action', 'owner', 'source'];

/** Exact comparison of two decimal strings ("-12.50", "3"), without floating point. */
export function compareDecimal(a, b) {
  const parse = (text) => {
    const negative = text.trim().startsWith('-');
    const [whole, fraction = ''] = text.trim().replace(/^[-+]/, '').split('.');
    return { negative, whole: whole.replace(/^0+(?=\d)/, ''), fraction };
  };
  const x = parse(a);
  const y = parse(b);
  const magnitude = () => {
    if (x.whole.length !== y.whole.length) return x.whole.length - y.whole.length;
    if (x.whole !== y.whole) return x.whole < y.whole ? -1 : 1;
    const width = Math.max(x.fraction.length, y.fraction.length);
    const fx = x.fraction.padEnd(width, '0');
    const fy = y.fraction.padEnd(width, '0');
    return fx === fy ? 0 : fx < fy ? -1 : 1;
  };
  const zero = (n) => /^0*$/.test(n.whole) && /^0*$/.test(n.fraction);
  if (x.negative !== y.negative && !(zero(x) && zero(y))) return x.negative ? -1 : 1;
  return x.negative ? -magnitude() : magnitude();
}

/**
 * A text's sort key for "natural" order: case ignored, runs of digits compared as numbers
 * ("line 9" before "line 10"). Plain code-unit comparison of the keys gives that order, the same
 * in every browser and locale (a locale-aware collator is five times slower on 100,000 texts).
 */
export function naturalKey(text) {
  return String(text)
    .toLowerCase()
    .replace(/\d+/g, (digits) => {
      const value = digits.replace(/^0+(?=\d)/, '');
      return `${String(value.length).padStart(5, '0')}${value}`;
    });
}

const present = (value) => value !== undefined && value !== null && value !== '';

/**
 * Per column: the value an entry is sorted by (undefined: none; such entries stay last whichever
 * the direction), and how two distinct values compare (0: same place, ties then keep the core's
 * order). Comparisons run on the distinct values only: 100,000 entries have a few thousand SKUs.
 */
const COLUMNS = {
  severity: { value: (e) => e.severity, compare: (a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b) },
  dueAt: { value: (e) => (present(e.dueAt) ? e.dueAt : undefined), key: (v) => Date.parse(v), compare: (a, b) => a - b },
  moneyAtRisk: {
    value: (e) => (e.moneyAtRisk ? `${e.moneyAtRisk.amount} ${e.moneyAtRisk.currencyCode}` : undefined),
    // A double orders amounts except where two differ beyond its precision; those go exactly.
    key: (v) => {
      const [amount, currency] = v.split(' ');
      return { approx: Number(amount), amount, currency };
    },
    compare: (a, b) =>
      a.approx - b.approx || compareDecimal(a.amount, b.amount) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0),
  },
};
const textColumn = (field) => ({
  value: (e) => (present(e[field]) ? String(e[field]) : undefined),
  key: naturalKey,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
});

/**
 * A column's ascending order: entries with a value by value (ties in the core's order), then
 * those without; `starts` marks where each value begins, so the descending order keeps ties in
 * the core's order too. Also each entry's value number (`group`, -1 for none) and the value →
 * number map, which the equality filters use. A counting sort over the distinct values' ranks:
 * linear in the entries.
 */
function columnOrder(entries, name) {
  const column = COLUMNS[name] ?? textColumn(name);
  const n = entries.length;
  const group = new Int32Array(n);
  const values = [];
  const ids = new Map();
  for (let i = 0; i < n; i++) {
    const value = column.value(entries[i]);
    if (value === undefined) {
      group[i] = -1;
      continue;
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = values.length;
      ids.set(value, id);
      values.push(value);
    }
    group[i] = id;
  }
  const keys = column.key ? values.map(column.key) : values;
  const byValue = Array.from(values.keys()).sort((a, b) => column.compare(keys[a], keys[b]) || a - b);
  // Values that compare equal ("1.0 USD" and "1.00 USD") share a place.
  const place = new Int32Array(values.length);
  let places = 0;
  byValue.forEach((id, k) => {
    if (k > 0 && column.compare(keys[byValue[k - 1]], keys[id]) !== 0) places++;
    place[id] = places;
  });
  if (values.length) places++;
  const starts = new Uint32Array(places + 1);
  let without = 0;
  for (let i = 0; i < n; i++) {
    if (group[i] < 0) without++;
    else starts[place[group[i]] + 1]++;
  }
  for (let p = 0; p < places; p++) starts[p + 1] += starts[p];
  const ascending = new Uint32Array(n);
  const next = starts.slice(0, places);
  let last = n - without;
  for (let i = 0; i < n; i++) {
    if (group[i] < 0) ascending[last++] = i;
    else ascending[next[place[group[i]]]++] = i;
  }
  return { ascending, starts, withValue: n - without, descending: null, group, ids };
}

function descendingOf(column) {
  const { ascending, starts, withValue } = column;
  const out = new Uint32Array(ascending.length);
  let n = 0;
  for (let p = starts.length - 2; p >= 0; p--) {
    out.set(ascending.subarray(starts[p], starts[p + 1]), n);
    n += starts[p + 1] - starts[p];
  }
  out.set(ascending.subarray(withValue), n);
  return out;
}

/** The core's order (rank 1, 2, 3, … is list order) and its reverse. */
function rankOrder(n) {
  const ascending = new Uint32Array(n);
  for (let i = 0; i < n; i++) ascending[i] = i;
  return { ascending, descending: ascending.slice().reverse() };
}

/**
 * Prepares a report's entries for filtering and sorting. The search texts and each column's
 * order are built on first use (`prepare()` builds them all, one step per call, for a worker's
 * idle time).
 */
export function indexEntries(entries) {
  const n = entries.length;
  const columns = new Map([['rank', rankOrder(n)]]);
  const column = (key) => {
    if (!columns.has(key)) columns.set(key, columnOrder(entries, key));
    return columns.get(key);
  };
  // The searched text of every entry in one string, entry i at [starts[i], starts[i + 1]): a
  // word is found by the engine's string search over all of it, not entry by entry.
  let search = null;
  const searchText = () => {
    if (!search) {
      const starts = new Uint32Array(n + 1);
      const parts = new Array(n);
      let at = 0;
      for (let i = 0; i < n; i++) {
        const e = entries[i];
        let part = '';
        for (const k of SEARCHED_TEXT) if (e[k] !== undefined && e[k] !== null) part += `${e[k]}\n`;
        parts[i] = part.toLowerCase();
        starts[i] = at;
        at += parts[i].length + 1;
      }
      starts[n] = at;
      search = { text: `${parts.join('\n')}\n`, starts };
    }
    return search;
  };
  /** A shared field's distinct values (lower case) and each entry's value number (-1: none). */
  const shared = new Map();
  const sharedValues = (field) => {
    if (!shared.has(field)) {
      const group = new Int32Array(n);
      const values = [];
      const ids = new Map();
      for (let i = 0; i < n; i++) {
        const value = entries[i][field];
        if (value === undefined || value === null) {
          group[i] = -1;
          continue;
        }
        let id = ids.get(value);
        if (id === undefined) {
          id = values.length;
          ids.set(value, id);
          values.push(String(value).toLowerCase());
        }
        group[i] = id;
      }
      shared.set(field, { group, values });
    }
    return shared.get(field);
  };
  /** The entries whose searched fields hold `word` (lower case, no white space), as a mask. */
  function holding(word) {
    const { text, starts } = searchText();
    const mask = new Uint8Array(n);
    for (let at = text.indexOf(word); at >= 0; ) {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      mask[lo] = 1;
      at = text.indexOf(word, starts[lo + 1]);
    }
    for (const field of SEARCHED_SHARED) {
      const { group, values } = sharedValues(field);
      const hit = Uint8Array.from(values, (v) => (v.includes(word) ? 1 : 0));
      if (!hit.includes(1)) continue;
      for (let i = 0; i < n; i++) if (group[i] >= 0 && hit[group[i]]) mask[i] = 1;
    }
    return mask;
  }
  /** The entries in a column's order, in `direction` (1 ascending, -1 descending). */
  function ordered(key, direction) {
    if (!SORTABLE.includes(key)) throw new Error(`not a sortable column: ${key}`);
    const c = column(key);
    if (direction > 0) return c.ascending;
    c.descending ??= descendingOf(c);
    return c.descending;
  }
  /** `filters` ({ severity, owner, code, text }; empty = any) as a mask, or null for none. */
  function kept({ severity = '', owner = '', code = '', text = '' } = {}) {
    const words = String(text).toLowerCase().split(/\s+/).filter(Boolean);
    const equal = [
      ['severity', severity],
      ['owner', owner],
      ['code', code],
    ].filter(([, v]) => v);
    if (!equal.length && !words.length) return null;
    let mask = null;
    for (const word of words) {
      const found = holding(word);
      if (mask) for (let i = 0; i < n; i++) mask[i] &= found[i];
      else mask = found;
    }
    mask ??= new Uint8Array(n).fill(1);
    for (const [key, value] of equal) {
      const { group, ids } = column(key);
      const wanted = ids.get(value) ?? -2;
      for (let i = 0; i < n; i++) if (group[i] !== wanted) mask[i] = 0;
    }
    return mask;
  }
  /** What `prepare()` builds, cheapest and most used first. */
  const steps = [
    'severity',
    'owner',
    'code',
    'dueAt',
    'moneyAtRisk',
    'itemSequenceNumber',
    'purchaseOrderNumber',
    'sku',
    'search',
    'message',
  ];
  return {
    size: n,
    /** The indices of the entries to show, in order: a new array the caller may keep. */
    view({ filters, sort = { key: 'rank', direction: 1 } } = {}) {
      const order = ordered(sort.key, sort.direction);
      const mask = kept(filters);
      if (!mask) return order.slice();
      const out = new Uint32Array(n);
      let count = 0;
      for (let i = 0; i < n; i++) if (mask[order[i]]) out[count++] = order[i];
      return out.slice(0, count);
    },
    /** Builds one missing piece (a column's order, the search text); false when all are built. */
    prepare() {
      const step = steps.find((k) => (k === 'search' ? !search : !columns.has(k)));
      if (!step) return false;
      if (step === 'search') {
        searchText();
        for (const field of SEARCHED_SHARED) sharedValues(field);
      } else column(step);
      return true;
    },
  };
}
