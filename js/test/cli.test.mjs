// The CLI (js/node/cli.mjs, shipped as pkg/node/cli.mjs with the `vendor-central-connector` bin)
// on real CSV/JSON files under js/test/fixtures/cli: tables, --json, exit codes, submission
// through the emulator with a sentinel secret that must never be printed or written; and the
// RFC 4180 reader on its edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPkgImport, pkgDir, requireBuilt } from './harness/artefacts.mjs';
import { startEmulator } from '../emulator/server.mjs';
import { parseCsv, parseCsvRows, CsvError } from '../node/csv.mjs';
import { readInventory, readSkuMap } from '../node/inputs.mjs';
import { validatorFor } from '../lib/models.mjs';

import { testDir, removeTestDir, recordProcessOutput } from './harness/outputs.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';

requireBuilt();
const here = path.dirname(fileURLToPath(import.meta.url));
const F = (name) => path.join(here, 'fixtures', 'cli', name);
// The CLI as shipped in the package, so the test covers what users install.
const CLI = path.join(pkgDir, 'node', 'cli.mjs');
const NOW = '2019-05-23T12:00:00Z';
const ASN_NOW = JSON.parse(
  fs.readFileSync(path.join(here, '..', '..', 'tests', 'fixtures', 'shipment', 'build-LooseAssortmentCase.input.json'), 'utf8'),
).now;
const SENTINEL = SECRET_SENTINELS.cli;

function cli(args, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => {
      stdout += c;
    });
    proc.stderr.on('data', (c) => {
      stderr += c;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      recordProcessOutput('cli', { stdout, stderr });
      resolve({ code, stdout, stderr });
    });
  });
}

const ACK = ['ack', '--orders', F('orders.json'), '--inventory', F('inventory.csv'), '--sku-map', F('sku-map.csv'), '--now', NOW];

test('package.json declares the bin and the ./node export; pkg/node ships the adapter', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['vendor-central-connector'], './node/cli.mjs');
  assert.deepEqual(pkg.exports['./node'], { types: './node/index.d.ts', default: './node/index.mjs' });
  assert.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node'));
  assert.ok(fs.statSync(CLI).mode & 0o100, 'the bin is executable');
});

test('ack on CSV inventory and SKU map: a readable table; exit 1 because a PO needs a person', async () => {
  const r = await cli([...ACK, '--rules', F('rules.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^PO\s+line\s+SKU \/ ASIN\s+ordered\s+accepted\s+backordered\s+rejected\s+status\s+reason/m);
  assert.match(r.stdout, /3TRD2IAB\s+1\s+RICE-25KG\s+5 Cases\s+5\s+0\s+0\s+acknowledged/);
  // The quoted CSV value with a comma is one SKU.
  assert.match(r.stdout, /2JK3S9VC\s+2\s+SOUNDBAR, 300\s+2 Eaches\s+1\s+0\s+1/);
  assert.match(r.stdout, /TestPO3\s+1\s+KETTLE .*pendingApproval/);
  assert.match(r.stdout, /Exceptions \(\d+\)/);
  assert.match(r.stdout, /not sent \(add --submit to send\)/);
});

test("ack --json: the core's output, request valid against the model; CSV rows became the core's input", async () => {
  const r = await cli([...ACK, '--json']);
  const out = JSON.parse(r.stdout);
  assert.ok(validatorFor('vendor-orders-api-model/vendorOrders.json', 'SubmitAcknowledgementRequest')(out.request).valid);
  assert.equal(out.decisions.find((d) => d.sku === 'RICE-25KG').accepted, 5);
  assert.deepEqual(readInventory(F('inventory.csv')), [
    { sku: 'TV-55', onHand: 10, committed: 2, safetyStock: 3 },
    { sku: 'SOUNDBAR, 300', available: 1 },
    { sku: 'RICE-25KG', onHand: 500, committed: 0, safetyStock: 0 },
    {
      sku: 'CABLE-2M',
      onHand: 0,
      committed: 0,
      safetyStock: 0,
      inbound: [
        { quantity: 20, expectedDate: '2019-05-25T00:00:00Z' },
        { quantity: 10, expectedDate: '2019-05-27T00:00:00Z' },
      ],
    },
  ]);
  assert.deepEqual(readSkuMap(F('sku-map.csv'))[2], { sku: 'RICE-25KG', asin: 'B01LNRIIAB', unitsPerCase: 10 });
  assert.equal(r.code, out.exceptions.some((e) => e.severity !== 'info') ? 1 : 0);
});

test("exit 2 on bad input, with file and line; usage errors; the core's refusal with its path", async () => {
  const bad = await cli(['ack', '--orders', F('orders.json'), '--inventory', F('bad-inventory.csv'), '--now', NOW]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad-inventory\.csv:2: column onHand \(2\) must be a whole number ≥ 0, got "ten"/);
  const unknown = await cli(['ack', '--orders', F('orders.json'), '--inventory', F('unknown-column.csv')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown column "colour"/);
  const missing = await cli(['ack', '--inventory', F('inventory.csv')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--orders is required/);
  assert.equal((await cli(['frobnicate'])).code, 2);
  assert.equal((await cli(['ack', '--bogus'])).code, 2);
  const refused = await cli(['ack', '--orders', F('orders.json'), '--inventory', F('inventory.csv'), '--now', 'yesterday']);
  assert.equal(refused.code, 2);
  const dir = testDir('vcc-cli-');
  try {
    fs.writeFileSync(
      path.join(dir, 'po.json'),
      JSON.stringify([
        { purchaseOrderNumber: 'X1', orderDetails: { items: [{ itemSequenceNumber: '1', orderedQuantity: { amount: 'two' } }] } },
      ]),
    );
    const core = await cli(['ack', '--orders', path.join(dir, 'po.json'), '--inventory', F('inventory.csv'), '--now', NOW]);
    assert.equal(core.code, 2);
    assert.match(core.stderr, /refused: \w+ at \/purchaseOrders\/0\//);
  } finally {
    removeTestDir(dir);
  }
});

test('ack --submit through the emulator: transaction Success, journal written; no secret in any output or file', async () => {
  const emu = await startEmulator({ credentials: SENTINEL, processingPolls: 0 });
  const dir = testDir('vcc-cli-');
  try {
    const env = {
      VCC_LWA_CLIENT_ID: SENTINEL.clientId,
      VCC_LWA_CLIENT_SECRET: SENTINEL.clientSecret,
      VCC_LWA_REFRESH_TOKEN: SENTINEL.refreshToken,
    };
    const conn = ['--endpoint', emu.url, '--lwa-endpoint', `${emu.url}/auth/o2/token`, '--state-dir', dir];
    const noCreds = await cli([...ACK, '--submit', ...conn]);
    assert.equal(noCreds.code, 2);
    assert.match(noCreds.stderr, /VCC_LWA_CLIENT_ID, VCC_LWA_CLIENT_SECRET, VCC_LWA_REFRESH_TOKEN/);

    const r = await cli([...ACK, '--submit', '--progress', ...conn], { env });
    assert.ok([0, 1].includes(r.code), r.stderr);
    assert.match(r.stdout, /transaction \S+ Success/);
    assert.match(r.stderr, /\[progress\] submit/);
    assert.equal(emu.acknowledgements.length, 1);
    const journal = fs
      .readFileSync(path.join(dir, 'outbox.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      journal.map((e) => e.type),
      ['intent', 'sent', 'settled'],
    );

    // LWA refuses the credentials (revoked): nothing was sent, exit 5 — not "in doubt".
    const wrong = await cli([...ACK, '--submit', ...conn], { env: { ...env, VCC_LWA_CLIENT_SECRET: `${SENTINEL.clientSecret}-x` } });
    assert.equal(wrong.code, 5);
    assert.match(wrong.stdout, /nothing was sent: LWA token exchange failed: HTTP 400 invalid_client/);

    const texts = [noCreds, r, wrong].flatMap((x) => [x.stdout, x.stderr]);
    // Every file, the lock's records included.
    for (const f of fs.readdirSync(dir, { recursive: true }))
      if (fs.statSync(path.join(dir, f)).isFile()) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    const all = texts.join('\n');
    for (const secret of Object.values(SENTINEL)) assert.ok(!all.includes(secret), `leaked ${secret.slice(0, 12)}…`);
  } finally {
    await emu.close();
    removeTestDir(dir);
  }
});

test('run: poll → decide → acknowledge against the emulator; second run sends nothing; version and call', async () => {
  const orders = JSON.parse(fs.readFileSync(F('orders.json'), 'utf8')).payload.orders;
  const emu = await startEmulator({ orders, credentials: SENTINEL, processingPolls: 0 });
  const dir = testDir('vcc-cli-');
  try {
    const env = {
      VCC_LWA_CLIENT_ID: SENTINEL.clientId,
      VCC_LWA_CLIENT_SECRET: SENTINEL.clientSecret,
      VCC_LWA_REFRESH_TOKEN: SENTINEL.refreshToken,
    };
    // The window (7 days back) holds the two POs of 2019-08-20; TestPO3 (2020) is outside it.
    const args = [
      'run',
      '--inventory',
      F('inventory.csv'),
      '--sku-map',
      F('sku-map.csv'),
      '--now',
      '2019-08-21T00:00:00Z',
      '--endpoint',
      emu.url,
      '--lwa-endpoint',
      `${emu.url}/auth/o2/token`,
      '--state-dir',
      dir,
      '--json',
    ];
    const first = await cli(args, { env });
    const report = JSON.parse(first.stdout);
    assert.equal(report.fetched, 2, first.stderr);
    assert.equal(report.submissions.length, 1);
    assert.equal(report.submissions[0].status, 'Success');
    const second = JSON.parse((await cli(args, { env })).stdout);
    assert.equal(second.submissions.length, 0);
    assert.equal(emu.acknowledgements.length, 1);

    const v = await cli(['version', '--json']);
    assert.equal(v.code, 0);
    assert.equal(JSON.parse(v.stdout).backend, 'wasm');
    const call = await cli(['call', 'version']);
    assert.equal(call.code, 0);
    assert.ok(JSON.parse(call.stdout).library);
    assert.equal((await cli(['call', 'nope'])).code, 2);
  } finally {
    await emu.close();
    removeTestDir(dir);
  }
});

test('CSV reader: RFC 4180 quoting, CRLF, BOM, embedded newlines; errors with line and column', () => {
  const rows = parseCsvRows('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n\n');
  assert.deepEqual(
    rows.map((r) => [...r]),
    [
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
    ],
  );
  assert.deepEqual(
    rows.map((r) => r.line),
    [1, 2, 3],
  );
  assert.deepEqual(
    parseCsv('sku,qty\nA,1\nB,\n').map((r) => ({ ...r })),
    [
      { sku: 'A', qty: '1' },
      { sku: 'B', qty: '' },
    ],
  );
  assert.throws(
    () => parseCsvRows('a,"b'),
    (e) => e instanceof CsvError && /unterminated/.test(e.message),
  );
  assert.throws(
    () => parseCsvRows('a,b"c"\n'),
    (e) => e instanceof CsvError && e.line === 1 && e.column === 4,
  );
  assert.throws(() => parseCsvRows('"a"b\n'), /closing quote/);
  assert.throws(() => parseCsv('a,a\n1,2\n'), /duplicate column/);
  assert.throws(
    () => parseCsv('a\n1,2\n'),
    (e) => e.line === 2,
  );
});

test('inventory-feed on a positions CSV: bodies per warehouse, a critical zero held (exit 1), then confirmed (exit 0)', async () => {
  const args = [
    'inventory-feed',
    '--positions',
    F('positions.csv'),
    '--selling-party',
    'VENDORID',
    '--sku-map',
    F('sku-map.csv'),
    '--rules',
    F('feed-rules.json'),
    '--last-sent',
    F('last-sent.json'),
  ];
  const held = await cli(args);
  assert.equal(held.code, 1, held.stderr);
  assert.match(held.stdout, /Held zeros/);
  assert.match(held.stdout, /ABCD\s+TV-55/);
  const json = JSON.parse((await cli([...args, '--json'])).stdout);
  const validate = validatorFor(
    'vendor-direct-fulfillment-inventory-api-model/vendorDirectFulfillmentInventoryV1.json',
    'SubmitInventoryUpdateRequest',
  );
  for (const r of json.requests) assert.ok(validate(r.body).valid);
  assert.deepEqual(json.requests.map((r) => r.warehouseId).sort(), ['ABCD', 'EFGH']);
  const rice = json.requests
    .find((r) => r.warehouseId === 'ABCD')
    .body.inventory.items.find((i) => i.buyerProductIdentifier === 'B01LNRIIAB');
  assert.equal(rice.availableQuantity.amount, 85, 'on hand 120 − committed 20 − safety 10 − open allocations 5, computed by the core');
  const confirmed = await cli([...args, '--confirm-zeros', 'TV-55', '--json']);
  assert.equal(JSON.parse(confirmed.stdout).heldZeros.length, 0);
});

test("exceptions: engine outputs merged into one urgent-first table; --json is the core's report", async () => {
  const dir = testDir('vcc-cli-');
  try {
    const ackOut = path.join(dir, 'ack.json');
    fs.writeFileSync(ackOut, (await cli([...ACK, '--rules', F('rules.json'), '--json'])).stdout);
    const r = await cli(['exceptions', ackOut, '--now', NOW]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^#\s+severity\s+due\s+owner\s+code/m);
    assert.match(r.stdout, /exception\(s\), \d+ overdue; by owner:/);
    const report = JSON.parse((await cli(['exceptions', ackOut, '--now', NOW, '--json'])).stdout);
    assert.deepEqual(
      report.entries.map((e) => e.rank),
      report.entries.map((_, i) => i + 1),
    );
    assert.equal((await cli(['exceptions'])).code, 2);
  } finally {
    removeTestDir(dir);
  }
});

test("validate-asn: a valid ASN exits 0; a wrong check digit and a carrier name exit 1 with each issue's pointer; --index, usage errors exit 2", async () => {
  const context = ['--orders', F('asn-orders.json'), '--acknowledgements', F('asn-acks.json'), '--now', ASN_NOW];
  const ok = await cli(['validate-asn', F('asn.json'), ...context]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /no issues\n\nvalid: 0 error\(s\), 0 warning\(s\)/);

  const bad = await cli(['validate-asn', F('asn-bad.json'), ...context, '--progress']);
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stdout, /^severity\s+code\s+path\s+due\s+message/m);
  assert.match(
    bad.stdout,
    /error\s+INVALID_SSCC_CHECK_DIGIT\s+\/cartons\/0\/cartonIdentifiers\/0\/containerIdentificationNumber\s+.*check digit is 8 but should be 7/,
  );
  assert.match(bad.stdout, /error\s+INVALID_SCAC\s+\/transportationDetails\/carrierScac/);
  assert.match(bad.stdout, /NOT valid: 2 error\(s\)/);
  assert.match(bad.stderr, /\[progress\] read asn=.*asn-bad\.json bytes=\d+/);
  assert.match(bad.stderr, /\[progress\] validateShipmentConfirmation items=3/);
  assert.match(bad.stderr, /\[progress\] done ms=\d+/);
  const json = JSON.parse((await cli(['validate-asn', F('asn-bad.json'), ...context, '--json'])).stdout);
  assert.equal(json.valid, false);
  assert.deepEqual(json.issues.map((i) => i.code).sort(), ['INVALID_SCAC', 'INVALID_SSCC_CHECK_DIGIT']);

  // A SubmitShipmentConfirmations body: one confirmation is taken as is, --index out of range is a usage error.
  assert.equal((await cli(['validate-asn', F('asn.json'), ...context, '--index', '0'])).code, 0);
  const outOfRange = await cli(['validate-asn', F('asn.json'), ...context, '--index', '3']);
  assert.equal(outOfRange.code, 2);
  assert.match(outOfRange.stderr, /--index must be a whole number from 0 to 0/);
  assert.equal((await cli(['validate-asn'])).code, 2);
  const unreadable = await cli(['validate-asn', F('positions.csv')]);
  assert.equal(unreadable.code, 2);
  assert.match(unreadable.stderr, /positions\.csv: not valid JSON/);
  // The core refuses input it cannot read at all: its code and pointer.
  const refused = await cli(['validate-asn', F('asn.json'), '--now', 'soon']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--now must be an ISO-8601 date-time/);
});

test("reconcile on the finance walkthrough files: remittance CSV + ERP fulfilments CSV + Amazon documents → table, exceptions, exit 1; --json is the core's output", async () => {
  const args = [
    'reconcile',
    '--orders',
    F('recon-orders.json'),
    '--acknowledgements',
    F('recon-acks.json'),
    '--shipments',
    F('recon-asns.json'),
    '--fulfilments',
    F('recon-fulfilments.csv'),
    '--receipts',
    F('recon-status.json'),
    '--invoices',
    F('recon-invoices.json'),
    '--remittance',
    F('remittance.csv'),
    '--now',
    '2027-01-15T00:00:00Z',
  ];
  const r = await cli([...args, '--progress']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^PO\s+status\s+invoices\s+to close/m);
  assert.match(r.stdout, /PO-INV1\s+disputed\s+INV-1001\s+/);
  assert.match(r.stdout, /Exceptions \(3\)/);
  assert.match(r.stdout, /DEDUCTION_CHARGEBACK\s+12\.50 USD/);
  assert.match(r.stdout, /DEDUCTION_SHORTAGE\s+PO-INV1\s+360\.00 USD/);
  assert.match(r.stdout, /PARTIALLY_FULFILLED_OPEN\s+PO-INV1\s+17\.00 USD/);
  assert.match(r.stdout, /Remittance rows left out \(1\)\n.*\n.*\n\s*5\s+Amount Paid\s+INVALID_AMOUNT/);
  assert.match(r.stdout, /INV-1001\s+shortPaid\s+USD/);
  assert.match(r.stdout, /USD\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+2607\.50\s+372\.50/);
  for (const phase of ['read orders=', 'read remittance=', 'read fulfilments=', 'reconcile purchaseOrders=1', 'done ms=']) {
    assert.ok(r.stderr.includes(`[progress] ${phase}`), `progress ${phase}`);
  }

  const json = JSON.parse((await cli([...args, '--json'])).stdout);
  assert.deepEqual(
    json.exceptions.map((e) => [e.code, e.moneyAtRisk?.amount]),
    [
      ['DEDUCTION_CHARGEBACK', '12.50'],
      ['DEDUCTION_SHORTAGE', '360.00'],
      ['PARTIALLY_FULFILLED_OPEN', '17.00'],
    ],
  );
  assert.deepEqual(
    json.remittanceIssues.map((i) => [i.row, i.column, i.code]),
    [[5, 'Amount Paid', 'INVALID_AMOUNT']],
  );
  // The same answer as the core on the same documents (the files were only read, not interpreted).
  const { mod: core } = await loadPkgImport();
  const input = {
    purchaseOrders: JSON.parse(fs.readFileSync(F('recon-orders.json'), 'utf8')).payload.orders,
    acknowledgements: JSON.parse(fs.readFileSync(F('recon-acks.json'), 'utf8')).acknowledgements,
    shipments: JSON.parse(fs.readFileSync(F('recon-asns.json'), 'utf8')).shipmentConfirmations,
    fulfilments: [
      {
        purchaseOrderNumber: 'PO-INV1',
        itemSequenceNumber: '1',
        quantity: 8,
        unitOfMeasure: 'Cases',
        unitSize: 6,
        shipmentIdentifier: 'ASN-1',
        shippedDate: '2026-11-06T08:30:00Z',
        reference: 'IF-5001',
      },
      {
        purchaseOrderNumber: 'PO-INV1',
        itemSequenceNumber: '2',
        quantity: 20,
        unitOfMeasure: 'Eaches',
        shipmentIdentifier: 'ASN-1',
        shippedDate: '2026-11-06T08:30:00Z',
        reference: 'IF-5001',
      },
    ],
    receipts: JSON.parse(fs.readFileSync(F('recon-status.json'), 'utf8')).payload.ordersStatus,
    invoices: JSON.parse(fs.readFileSync(F('recon-invoices.json'), 'utf8')).invoices,
    remittanceCsv: { text: fs.readFileSync(F('remittance.csv'), 'utf8') },
    now: '2027-01-15T00:00:00Z',
  };
  assert.deepEqual(json, JSON.parse(JSON.stringify(core.reconcile(input))));

  // Usage and input errors: exit 2 with the reason.
  const noOrders = await cli(['reconcile', '--remittance', F('remittance.csv')]);
  assert.equal(noOrders.code, 2);
  assert.match(noOrders.stderr, /--orders is required/);
  const badFulfilment = await cli(['reconcile', '--orders', F('recon-orders.json'), '--fulfilments', F('bad-inventory.csv')]);
  assert.equal(badFulfilment.code, 2);
  assert.match(badFulfilment.stderr, /bad-inventory\.csv:1: unknown column/);
  // A remittance in another currency than its invoice: the core refuses, with its code and pointer.
  const dir = testDir('vcc-cli-');
  try {
    fs.writeFileSync(path.join(dir, 'eur.csv'), 'Invoice Number,Amount Paid,Invoice Currency\nINV-1001,2980.00,EUR\n');
    const mismatch = await cli([...args.slice(0, -4), '--remittance', path.join(dir, 'eur.csv'), '--now', '2027-01-15T00:00:00Z']);
    assert.equal(mismatch.code, 2, mismatch.stdout);
    assert.match(mismatch.stderr, /refused: CURRENCY_MISMATCH at \/remittanceCsv\/text/);

    // Remittance rows as JSON: the core's `remittances`; CSV-only flags are refused with it.
    fs.writeFileSync(
      path.join(dir, 'paid.json'),
      JSON.stringify({ remittances: [{ invoiceNumber: 'INV-1001', amountPaid: '2980.00', currencyCode: 'USD' }] }),
    );
    const rows = JSON.parse(
      (await cli([...args.slice(0, -4), '--remittance', path.join(dir, 'paid.json'), '--now', '2027-01-15T00:00:00Z', '--json'])).stdout,
    );
    assert.equal(rows.invoices.find((i) => i.id === 'INV-1001').status, 'paid');
    const csvFlagOnJson = await cli([...args.slice(0, -4), '--remittance', path.join(dir, 'paid.json'), '--remittance-day-first']);
    assert.equal(csvFlagOnJson.code, 2);
    assert.match(csvFlagOnJson.stderr, /--remittance-day-first applies to a remittance CSV/);
  } finally {
    removeTestDir(dir);
  }
});

test("exposure: exceptions + ASN issues → chargebacks by type with amount, landing date and action; exit 1; --json is the core's output", async () => {
  const args = [
    'exposure',
    '--exceptions',
    F('exposure-exceptions.json'),
    '--shipment-issues',
    F('exposure-asn-issues.json'),
    '--now',
    '2026-11-22T12:00:00Z',
  ];
  const r = await cli(args);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^type\s+PO\s+line\s+ASN\s+carton\s+amount\s+lands\s+avoid by\s+action/m);
  // 10 % of 250.00 (not filled), the window ended 2026-11-20: lands 14 days later, too late to avoid.
  assert.match(r.stdout, /notFilled\s+PO-2\s+1\s+25\.00 USD\s+2026-12-04\s+too late/);
  // 3 % of 720.00 (down-confirmed), still avoidable by the acknowledgement deadline.
  assert.match(r.stdout, /downConfirmed\s+PO-1\s+21\.60 USD\s+2026-12-06\s+2026-11-22T18:00:00Z\s+Acknowledge every line/);
  assert.match(r.stdout, /cartonLabel\s+PO-2\s+ASN-1\s+\/cartons\/0\s+5 USD/);
  assert.match(r.stdout, /4 chargeback\(s\) expected, 0 with the amount unknown; 1 exception\(s\) lead to none/);
  const json = JSON.parse((await cli([...args, '--json'])).stdout);
  const { mod: core } = await loadPkgImport();
  assert.deepEqual(
    json,
    JSON.parse(
      JSON.stringify(
        core.chargebackExposure({
          exceptions: JSON.parse(fs.readFileSync(F('exposure-exceptions.json'), 'utf8')).exceptions,
          shipmentIssues: JSON.parse(fs.readFileSync(F('exposure-asn-issues.json'), 'utf8')),
          now: '2026-11-22T12:00:00Z',
        }),
      ),
    ),
  );
  const missing = await cli(['exposure']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--exceptions is required/);
  const badRates = testDir('vcc-cli-');
  try {
    fs.writeFileSync(path.join(badRates, 'rates.json'), '{"overage": {"percentOfCost": "3", "fee": "1", "currencyCode": "USD"}}');
    const refused = await cli([...args, '--rates', path.join(badRates, 'rates.json')]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /INVALID_VALUE/);
    assert.match(refused.stderr, /\/rates\/overage\/fee/);
  } finally {
    removeTestDir(badRates);
  }
});

test("scorecard on the finance walkthrough files: figures with numerator, denominator and rate, a weekly trend; --json is the core's output", async () => {
  const args = [
    'scorecard',
    '--orders',
    F('recon-orders.json'),
    '--acknowledgements',
    F('recon-acks.json'),
    '--shipments',
    F('recon-asns.json'),
    '--receipts',
    F('recon-status.json'),
    '--from',
    '2026-11-01T00:00:00Z',
    '--to',
    '2026-12-01T00:00:00Z',
    '--now',
    '2027-01-15T00:00:00Z',
  ];
  const r = await cli(args);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^figure\s+numerator\s+denominator\s+rate\s+POs/m);
  const { mod: core } = await loadPkgImport();
  const expected = JSON.parse(
    JSON.stringify(
      core.vendorScorecard({
        purchaseOrders: JSON.parse(fs.readFileSync(F('recon-orders.json'), 'utf8')).payload.orders,
        acknowledgements: JSON.parse(fs.readFileSync(F('recon-acks.json'), 'utf8')).acknowledgements,
        shipments: JSON.parse(fs.readFileSync(F('recon-asns.json'), 'utf8')).shipmentConfirmations,
        receipts: JSON.parse(fs.readFileSync(F('recon-status.json'), 'utf8')).payload.ordersStatus,
        from: '2026-11-01T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
        now: '2027-01-15T00:00:00Z',
      }),
    ),
  );
  // Every figure's line says the core's numbers.
  for (const f of expected.figures) {
    assert.match(
      r.stdout,
      new RegExp(
        `${f.figure}\\s+${f.numerator}\\s+${f.denominator}\\s+${(f.rate ?? 'not measured').replace('.', '\\.')}\\s+${f.contributions.length}`,
      ),
    );
  }
  assert.match(r.stdout, /Per week \(rate; week starting Sunday\)/);
  assert.match(r.stdout, new RegExp(`${expected.purchaseOrders} PO\\(s\\) scored`));
  assert.deepEqual(JSON.parse((await cli([...args, '--json'])).stdout), expected);
  const missing = await cli(['scorecard', '--orders', F('recon-orders.json'), '--from', '2026-11-01T00:00:00Z']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--to is required/);
  const badDate = await cli([
    ...args.slice(0, -6),
    '--from',
    'last month',
    '--to',
    '2026-12-01T00:00:00Z',
    '--now',
    '2027-01-15T00:00:00Z',
  ]);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /INVALID_DATE at \/from/);
});

test('df-sales-orders, df-ship, df-invoice: a DF order to its invoice; the tables show no address', async () => {
  const dir = testDir('vcc-cli-df-');
  try {
    const fixture = (d, name) =>
      JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'tests', 'fixtures', d, `${name}.json`), 'utf8')).input;
    const write = (name, value) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(value));
      return file;
    };
    const sales = fixture('df_sales_order', 'accepted_netsuite');
    const so = await cli([
      'df-sales-orders',
      '--orders',
      write('orders.json', { orders: sales.orders }),
      '--sku-map',
      write('sku-map.json', sales.skuMap),
      '--locations',
      write('locations.json', sales.locations),
      '--customers',
      write('customers.json', sales.customers),
      '--auto-acknowledge',
    ]);
    assert.equal(so.code, 0, so.stderr);
    assert.match(so.stdout, /2JK3S9VC\s+pendingFulfillment\s+2\s+1900\.00 USD\s+2026-03-02T23:00:00Z\s+UPS_2ND/);
    assert.doesNotMatch(so.stdout, /Evergreen|Jane/);

    const ship = fixture('df_shipment', 'shipped');
    const shipArgs = [
      'df-ship',
      '--orders',
      write('ship-orders.json', ship.orders),
      '--shipments',
      write('shipments.json', ship.shipments),
      '--status-updates',
      write('updates.json', ship.statusUpdates),
      '--now',
      ship.now,
    ];
    const shipped = await cli(shipArgs);
    assert.equal(shipped.code, 0, shipped.stderr);
    assert.match(shipped.stdout, /confirmations 1, status updates 1/);
    const body = JSON.parse((await cli([...shipArgs, '--json'])).stdout).request;
    const validate = validatorFor(
      'vendor-direct-fulfillment-shipping-api-model/vendorDirectFulfillmentShipping_2021-12-28.json',
      'SubmitShipmentConfirmationsRequest',
    );
    assert.ok(validate(body).valid);

    const invoice = fixture('df_invoice', 'invoice');
    const args = [
      'df-invoice',
      '--orders',
      write('inv-orders.json', invoice.orders),
      '--confirmations',
      write('confirmations.json', body),
      '--invoice-numbers',
      write('numbers.json', invoice.invoiceNumbers),
      '--remit-to',
      write('remit.json', invoice.remitToParty),
      '--now',
      invoice.now,
    ];
    const first = await cli(args);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /INV-0001\s+2JK3S9VC\s+2\s+2033\.00 USD/);
    const again = await cli([...args, '--invoiced', write('invoiced.json', ['2JK3S9VC'])]);
    assert.match(again.stdout, /nothing to invoice/);
  } finally {
    removeTestDir(dir);
  }
});
