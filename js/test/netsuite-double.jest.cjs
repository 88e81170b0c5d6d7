// `node --test test/` loads every file under test/: this one is a Jest suite (js/jest.config.cjs).
if (typeof jest === 'undefined') return;
// The NetSuite double refuses what NetSuite refuses (each rule from Oracle's help pages, see
// harness/suitescript-double/rules.cjs), so a script that passes here does not fail on the first
// real run for a reason the double hid: the three faults of issue 16 among them (anyof on a text
// field, a single getRange of 1,000, 441 PO numbers in a Text Area field).
const fs = require('node:fs');
const path = require('node:path');
const ns = require('./harness/suitescript-double/index.cjs');
const setup = require('./harness/suitescript-setup.cjs');

const UE = 'customscript_vcc_asn_ue';
const MR = 'customscript_vcc_poll_mr';
const OUTBOX = 'customrecord_vcc_outbox';

/** Runs fn inside a user event invocation (1,000 units) of a fresh account; returns {ok, error, stats, returned}. */
function inUserEvent(fn, records = {}) {
  const acct = ns.createAccount({ srcDir: setup.SRC_DIR, records });
  const N = ns.activate(acct);
  return { acct, N, run: ns.runUserEvent(acct, { beforeSubmit: () => fn(N, acct) }, { scriptId: UE, newRecord: null }) };
}

const outboxRows = (n, state = 'settled') => ({ [OUTBOX]: Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), { fields: { custrecord_vcc_ob_state: state, custrecord_vcc_ob_keys: `PO${i}` } }])) });

describe('search operators per field type (SuiteScript 2.x Search Operators)', () => {
  test('anyof on the outbox state, a text field, throws SSS_INVALID_SRCH_OPERATOR: the store\'s old filter', () => {
    const { run } = inUserEvent((N) => N['N/search'].create({ type: OUTBOX, filters: [['custrecord_vcc_ob_state', 'anyof', ['pending', 'sent']]], columns: ['custrecord_vcc_ob_state'] }));
    expect(run.error.name).toBe('SSS_INVALID_SRCH_OPERATOR');
    expect(run.error.message).toMatch(/custrecord_vcc_ob_state \(TEXT field\)/);
  });

  test('is / contains on text, anyof on a List/Record field, is on a check box are accepted', () => {
    const { run } = inUserEvent((N) => {
      const s = N['N/search'];
      s.create({ type: OUTBOX, filters: [['custrecord_vcc_ob_state', 'is', 'sent'], 'or', ['custrecord_vcc_ob_keys', 'contains', 'PO1']], columns: ['internalid'] });
      s.create({ type: 'salesorder', filters: [['custbody_vcc_outbox', 'anyof', ['1', '2']], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] });
      expect(() => s.create({ type: 'salesorder', filters: [['custbody_vcc_outbox', 'is', '1']] })).toThrow(/SELECT field/);
      expect(() => s.create({ type: 'salesorder', filters: [['custbody_vcc_nope', 'is', '1']] })).toThrow(/not declared/);
    });
    expect(run.error).toBeUndefined();
  });
});

describe('result limits (ResultSet.getRange, ResultSet.each, Search.runPaged)', () => {
  test('getRange returns at most 1,000 rows per call; each stops at 4,000; runPaged pages are 5-1,000 and cover every row', () => {
    const { run, acct } = inUserEvent((N) => {
      const s = N['N/search'].create({ type: OUTBOX, filters: [['custrecord_vcc_ob_state', 'is', 'settled']], columns: [N['N/search'].createColumn({ name: 'internalid', sort: 'ASC' })] });
      expect(() => s.run().getRange({ start: 0, end: 1001 })).toThrow(/at most 1000/);
      expect(s.run().getRange({ start: 0, end: 1000 })).toHaveLength(1000);
      let seen = 0;
      s.run().each(() => { seen += 1; return true; });
      expect(seen).toBe(4000);
      expect(() => s.runPaged({ pageSize: 4 })).toThrow(/page size must be 5-1000/);
      expect(() => s.runPaged({ pageSize: 1001 })).toThrow(/page size/);
      const paged = s.runPaged({ pageSize: 1000 });
      expect([paged.count, paged.pageRanges.length]).toEqual([4500, 5]);
      expect(paged.pageRanges.reduce((n, r) => n + paged.fetch({ index: r.index }).data.length, 0)).toBe(4500);
    }, outboxRows(4500));
    expect(run.error).toBeUndefined();
    expect(acct.advisories).toEqual(['ResultSet.each stopped at 4000 of 4500 results']);
    // getRange 10 + 10 + each 10 + runPaged 5 + 5 pages × 5 (the refused calls were charged too, as in NetSuite).
    expect(run.stats.units).toBe(10 + 10 + 10 + 10 + 5 + 25);
  });

  test('runPaged without a sorted column is noted (Oracle: rows may repeat or go missing)', () => {
    const { acct } = inUserEvent((N) => N['N/search'].create({ type: OUTBOX, columns: ['internalid'] }).runPaged({ pageSize: 5 }), outboxRows(3));
    expect(acct.advisories).toEqual([expect.stringMatching(/without a sorted column/)]);
  });
});

describe('field lengths (Custom Field Type Descriptions), in UTF-8 bytes', () => {
  test('445 PO numbers of 8 characters overflow the Text Area keys field (4,000 bytes): the store\'s old single entry', () => {
    const keys = Array.from({ length: 445 }, (_, i) => `DM${String(i).padStart(6, '0')}`).join(',');
    expect(Buffer.byteLength(keys)).toBeGreaterThan(4000);
    const { run } = inUserEvent((N) => {
      const rec = N['N/record'].create({ type: OUTBOX });
      rec.setValue({ fieldId: 'custrecord_vcc_ob_keys', value: keys });
    });
    expect(run.error.name).toBe('INVALID_FLD_VALUE');
  });

  test('Free-Form Text 300, Text Area 4,000, Long Text 1,000,000 bytes; a character beyond ASCII counts its bytes', () => {
    const { run } = inUserEvent((N) => {
      const r = N['N/record'];
      const rec = r.create({ type: OUTBOX });
      rec.setValue({ fieldId: 'custrecord_vcc_ob_state', value: 'x'.repeat(300) });
      expect(() => rec.setValue({ fieldId: 'custrecord_vcc_ob_state', value: 'x'.repeat(301) })).toThrow(/301 bytes, at most 300/);
      expect(() => rec.setValue({ fieldId: 'custrecord_vcc_ob_state', value: 'é'.repeat(151) })).toThrow(/302 bytes/);
      rec.setValue({ fieldId: 'custrecord_vcc_ob_body', value: 'x'.repeat(1000000) });
      expect(() => rec.setValue({ fieldId: 'custrecord_vcc_ob_body', value: 'x'.repeat(1000001) })).toThrow(/INVALID|Invalid Field Value/);
      const id = rec.save();
      expect(() => r.submitFields({ type: OUTBOX, id, values: { custrecord_vcc_ob_keys: 'x'.repeat(4001) } })).toThrow(/4001 bytes, at most 4000/);
      expect(() => r.create({ type: 'salesorder' }).setValue({ fieldId: 'custcol_vcc_unit_size', value: 3 })).toThrow(/not declared/);
      const so = r.create({ type: 'salesorder', isDynamic: true });
      so.selectNewLine({ sublistId: 'item' });
      expect(() => so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_unit_size', value: '3' })).toThrow(/integer expected/);
      expect(() => so.setValue({ fieldId: 'trandate', value: '2026-01-02' })).toThrow(/Date object/);
    });
    expect(run.error).toBeUndefined();
  });

  test('the outbox splits a run into entries its fields can hold: at most 100 POs, keys ≤ 4,000 bytes, body ≤ 1,000,000 bytes', () => {
    const outbox = require('SuiteScripts/vendor-central-connector/vcc_outbox');
    const ack = (n, lines) => ({ purchaseOrderNumber: n, items: Array.from({ length: lines }, (_, i) => ({ itemSequenceNumber: String(i + 1), note: 'x'.repeat(200) })) });
    const many = outbox.batches(Array.from({ length: 5000 }, (_, i) => ack(`DM${String(i).padStart(6, '0')}`, 1))).batches;
    expect(many).toHaveLength(50);
    const long = outbox.batches(Array.from({ length: 30 }, (_, i) => ack(`${'L'.repeat(290)}${i}`, 1))).batches; // 30 keys of ~292 bytes
    expect(long.map((b) => b.length)).toEqual([13, 13, 4]);
    const big = outbox.batches(Array.from({ length: 10 }, (_, i) => ack(`B${i}`, 1500))); // ~360 KB each
    expect(big.batches.flat().map((a) => a.purchaseOrderNumber)).toEqual(Array.from({ length: 10 }, (_, i) => `B${i}`));
    expect(big.batches.length).toBeGreaterThan(3);
    for (const b of big.batches) expect(Buffer.byteLength(JSON.stringify({ acknowledgements: b }))).toBeLessThanOrEqual(1000000);
    expect(outbox.batches([ack('HUGE', 6000)]).tooLarge.map((a) => a.purchaseOrderNumber)).toEqual(['HUGE']);
  });
});

describe('governance (API Governance for SuiteScript 2.x, Script Type Usage Unit Limits)', () => {
  test('a user event stops at 1,000 units with SSS_USAGE_LIMIT_EXCEEDED, even when the script catches it', () => {
    const { run } = inUserEvent((N) => {
      const s = N['N/search'].create({ type: OUTBOX, columns: ['internalid'] });
      for (let i = 0; i < 101; i += 1) {
        try {
          s.run().getRange({ start: 0, end: 1 });
        } catch (e) {
          // swallowed, as a careless script would
        }
      }
    });
    expect(run.error.name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    expect(run.stats.units).toBe(1010);
  });

  test('units per call by record category: custom record 2 / save 4, transaction 10 / save 20, https 10', () => {
    const { run } = inUserEvent((N) => {
      N['N/record'].create({ type: OUTBOX }).save();
      N['N/record'].create({ type: 'salesorder' }).save();
    });
    expect(run.stats.units).toBe(2 + 4 + 10 + 20);
    expect(run.stats.limit).toBe(1000);
  });

  test('the double charges what Oracle\'s own stubs document (@governance), except Search.runPaged: "none" in the stub, 5 units on its help page', () => {
    const stubs = path.join(__dirname, '..', 'node_modules', '@oracle', 'suitecloud-unit-testing', 'stubs');
    const documented = {};
    for (const [file, owner] of [['search/search.js', 'search'], ['search/SearchInstance.js', 'Search'], ['search/ResultSet.js', 'ResultSet'], ['https/https.js', 'https']]) {
      const text = fs.readFileSync(path.join(stubs, file), 'utf8');
      // Each @governance tag documents the member assigned right after its comment.
      for (const chunk of text.split('@governance ').slice(1)) {
        const member = /(?:prototype\.|prototype\['|this\.)(\w+)'?\]?\s*=/.exec(chunk);
        if (member) documented[`${owner}.${member[1]}`] = /^none/.test(chunk) ? 0 : Number(/^(\d+)/.exec(chunk)[1]);
      }
    }
    const { UNITS, RECORD_UNITS } = ns.rules;
    const compared = Object.keys(documented).filter((k) => k in UNITS);
    expect(compared.length).toBeGreaterThanOrEqual(8);
    const differences = compared.filter((k) => documented[k] !== UNITS[k]).map((k) => `${k}: stub ${documented[k]}, double ${UNITS[k]}`);
    expect(differences).toEqual(['Search.runPaged: stub 0, double 5']);
    const record = fs.readFileSync(path.join(stubs, 'record', 'record.js'), 'utf8');
    expect(record).toMatch(new RegExp(`@governance ${RECORD_UNITS.transaction} units for transactions, ${RECORD_UNITS.custom} for custom records, ${RECORD_UNITS.other} for all other records`));
  });
});

describe('script parameters (typed by the script record in Objects/)', () => {
  test('values are refused when the parameter field could not hold them; reads come back typed', () => {
    const acct = ns.createAccount({ srcDir: setup.SRC_DIR });
    expect(() => acct.setParameters(MR, { custscript_vcc_endpoint: `https://${'x'.repeat(300)}` })).toThrow(/Invalid Field Value/);
    expect(() => acct.setParameters(MR, { custscript_vcc_auto_submit: 'T' })).toThrow(/check box/);
    expect(() => acct.setParameters(MR, { custscript_vcc_lookback_days: '3' })).toThrow(/integer/);
    expect(() => acct.setParameters(MR, { custscript_vcc_wa_endpoint: 'x' })).toThrow(/declares no parameter/);
    acct.setParameters(MR, { custscript_vcc_lookback_days: 3, custscript_vcc_refresh_token: 'Atzr|'.padEnd(900, 'x') });
    const read = {};
    ns.runMapReduce(acct, {
      getInputData: () => {
        const s = ns.activate(acct)['N/runtime'].getCurrentScript();
        Object.assign(read, { days: s.getParameter({ name: 'custscript_vcc_lookback_days' }), submit: s.getParameter({ name: 'custscript_vcc_auto_submit' }),
          search: s.getParameter({ name: 'custscript_vcc_inventory_search' }), undeclared: s.getParameter({ name: 'custscript_other' }), remaining: s.getRemainingUsage() });
        return [];
      },
      map: () => {},
      summarize: () => {},
    }, { scriptId: MR });
    expect(read).toEqual({ days: 3, submit: true, search: null, undeclared: null, remaining: 10000 });
  });
});
