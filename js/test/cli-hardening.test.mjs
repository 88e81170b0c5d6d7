// The administrator's CLI under the cases issues 16 and 21 found: inventory files that would
// turn missing stock data into rejections, files that are not what they claim to be, help that
// omitted options, an input limit with no way out, failures before anything was sent reported
// as "in doubt", a second run racing the first, secrets echoed back in other encodings,
// credentials following redirects, and control characters reaching the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, requireBuilt } from './harness/artefacts.mjs';
import { startEmulator } from '../emulator/server.mjs';
import { COMMANDS, COMMON_OPTIONS, EXIT } from '../node/cli-options.mjs';
import { main } from '../node/cli.mjs';
import { JsonlOutboxStore } from '../node/outbox.mjs';
import { testDir, removeTestDir, recordProcessOutput } from './harness/outputs.mjs';
import { SECRET_SENTINELS } from './harness/sentinels.mjs';
import { json, leaks, startServer } from './harness/fake-amazon.mjs';

requireBuilt();
const here = path.dirname(fileURLToPath(import.meta.url));
const F = (name) => path.join(here, 'fixtures', 'cli', name);
const CLI = path.join(pkgDir, 'node', 'cli.mjs');
const NOW = '2019-05-23T12:00:00Z';
const SENTINEL = SECRET_SENTINELS.cli;
const ENV = {
  VCC_LWA_CLIENT_ID: SENTINEL.clientId,
  VCC_LWA_CLIENT_SECRET: SENTINEL.clientSecret,
  VCC_LWA_REFRESH_TOKEN: SENTINEL.refreshToken,
};
const ACK = ['ack', '--orders', F('orders.json'), '--sku-map', F('sku-map.csv'), '--now', NOW];

function cli(args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      recordProcessOutput('cli-hardening', { stdout, stderr });
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI in this process (help needs no core): its output and exit code. */
async function inProcess(args) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: {
      write: (t) => {
        stdout += t;
      },
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
    },
    env: {},
  });
  return { code, stdout, stderr };
}

async function withDir(fn) {
  const dir = testDir('vcc-cli-hard-');
  try {
    return await fn(dir, (name, content) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    });
  } finally {
    removeTestDir(dir);
  }
}

test("every command's --help lists every option its parser accepts (one table for both)", async () => {
  for (const [name, command] of Object.entries(COMMANDS)) {
    const r = await inProcess([name, '--help']);
    assert.equal(r.code, EXIT.OK, name);
    for (const option of Object.keys({ ...command.options, ...COMMON_OPTIONS })) {
      assert.match(r.stdout, new RegExp(`--${option}\\b`), `${name} --help omits --${option}`);
    }
    assert.match(r.stdout, /Exit codes\n\s+0 {2}done/);
    assert.match(r.stdout, /\n\s+75 {2}another run holds/);
  }
  // What issue 16 found missing from `ack --help`.
  const ackHelp = (await inProcess(['ack', '--help'])).stdout;
  for (const option of [
    '--rules',
    '--history',
    '--now',
    '--submit',
    '--endpoint',
    '--region',
    '--sandbox',
    '--lwa-endpoint',
    '--state-dir',
    '--max-input-bytes',
  ]) {
    assert.ok(ackHelp.includes(option), `ack --help: ${option}`);
  }
  assert.equal((await inProcess(['ack', '--bogus'])).code, EXIT.BAD_INPUT);
});

test('an empty or header-only inventory is refused (missing stock data is not zero); no decision is made', async () => {
  await withDir(async (_dir, write) => {
    for (const [name, content, why] of [
      ['empty.csv', '', /empty, no inventory rows: refused: missing stock data is not zero stock/],
      [
        'header.csv',
        'sku,onHand,committed,safetyStock\r\n',
        /only a header, no inventory rows: refused: missing stock data is not zero stock/,
      ],
      ['blank.csv', 'sku,onHand\n\n\n', /only a header/],
      ['empty.json', '[]', /no inventory positions: refused: missing stock data is not zero stock/],
      ['wrapped.json', '{"inventory": []}', /no inventory positions/],
    ]) {
      const r = await cli([...ACK, '--inventory', write(name, content), '--json']);
      assert.equal(r.code, EXIT.BAD_INPUT, `${name}: ${r.stderr}`);
      assert.match(r.stderr, why, name);
      assert.match(r.stderr, /a Rejected line is final/);
      assert.equal(r.stdout, '', `${name}: nothing decided`);
    }
  });
});

test('inventory CSV: duplicate SKU rows with different values, short rows, a missing column, non-UTF-8: errors with the line', async () => {
  await withDir(async (_dir, write) => {
    const cases = [
      [
        'dup.csv',
        'sku,onHand,committed,safetyStock\nTV-55,10,2,3\nRICE-25KG,500,0,0\nTV-55,7,2,3\n',
        /dup\.csv:4: SKU "TV-55" has onHand 7 here but 10 at line 2/,
      ],
      [
        'short.csv',
        'sku,onHand,committed,safetyStock\nTV-55,10,2,3\nRICE-25KG,500\n',
        /short\.csv:3: 2 field\(s\) but the header has 4: column committed is missing/,
      ],
      ['nosku.csv', 'item,onHand\nTV-55,10\n', /nosku\.csv:1: unknown column "item"/],
      ['noskucol.csv', 'onHand,committed\n10,2\n', /noskucol\.csv:1: the header has no column sku \(it has: onHand, committed\)/],
      ['nostock.csv', 'sku,committed\nTV-55,2\n', /nostock\.csv:1: the header needs one of the columns onHand or available/],
      [
        'latin1.csv',
        Buffer.concat([Buffer.from('sku,onHand\nTV-55,10\nCAF'), Buffer.from([0xc9]), Buffer.from(',4\n')]),
        /latin1\.csv:3: not UTF-8 \(byte 0xC9 at column 4/,
      ],
      ['utf16.csv', Buffer.from('\ufeffsku,onHand\nTV-55,10\n', 'utf16le'), /utf16\.csv: UTF-16 text \(byte order mark FF FE\), not UTF-8/],
      [
        'latin1.json',
        Buffer.concat([Buffer.from('[\n{"sku":"CAF'), Buffer.from([0xe9]), Buffer.from('","onHand":1}]')]),
        /latin1\.json:2: not UTF-8 \(byte 0xE9 at column 12/,
      ],
    ];
    for (const [name, content, expected] of cases) {
      const r = await cli([...ACK, '--inventory', write(name, content)]);
      assert.equal(r.code, EXIT.BAD_INPUT, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, expected, name);
    }
    // Repeating a SKU's row with the same stock values, to add inbound receipts, stays allowed.
    const inbound = write(
      'inbound.csv',
      'sku,onHand,committed,safetyStock,inboundQuantity,inboundDate\nCABLE-2M,0,0,0,20,2019-05-25T00:00:00Z\nCABLE-2M,0,0,0,10,2019-05-27T00:00:00Z\nTV-55,10,2,3,,\n',
    );
    assert.ok([0, 1].includes((await cli([...ACK, '--inventory', inbound])).code));
    // The SKU map and the fulfilments report a missing column at the header too.
    const map = await cli([...ACK, '--inventory', F('inventory.csv'), '--sku-map', write('map.csv', 'asin\nB01LNRIIAB\n')]);
    assert.match(map.stderr, /map\.csv:1: the header has no column sku/);
    const rec = await cli([
      'reconcile',
      '--orders',
      F('recon-orders.json'),
      '--fulfilments',
      write('ful.csv', 'purchaseOrderNumber,sku\nPO-INV1,A\n'),
    ]);
    assert.match(rec.stderr, /ful\.csv:1: the header has no column quantity/);
  });
});

test('CSV columns named constructor, toString, __proto__: no prototype lookups', async () => {
  await withDir(async (_dir, write) => {
    for (const column of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await cli([...ACK, '--inventory', write(`${column}.csv`, `sku,onHand,${column}\nTV-55,10,x\n`)]);
      assert.equal(r.code, EXIT.BAD_INPUT, `${column}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`:1: unknown column "${column}"`), column);
    }
    // A row-shaped CSV passes its columns to the core as they are: `__proto__` included, so the
    // core names it instead of it vanishing.
    const ledger = write('ledger.csv', 'sscc,usedAt,__proto__\n106141411234567897,2026-01-01T00:00:00Z,x\n');
    const r = await cli(['validate-asn', F('asn.json'), '--sscc-ledger', ledger, '--now', '2026-11-22T10:00:00Z']);
    assert.equal(r.code, EXIT.BAD_INPUT, r.stdout + r.stderr);
    assert.match(r.stderr, /UNKNOWN_FIELD at \/ssccLedger\/0\/__proto__/);
  });
});

test("--max-input-bytes raises the core's input limit; without it the refusal names the flag", async () => {
  await withDir(async (_dir, write) => {
    // About 17 MiB of inventory: over the default 16 MiB.
    const rows = [];
    for (let i = 0; i < 270_000; i += 1) rows.push(`{"sku":"SKU-${String(i).padStart(7, '0')}","onHand":5,"committed":0,"safetyStock":0}`);
    const inventory = write('big.json', `[${rows.join(',')}]`);
    assert.ok(fs.statSync(inventory).size > 16 * 2 ** 20);
    const refused = await cli([...ACK, '--inventory', inventory, '--json']);
    assert.equal(refused.code, EXIT.BAD_INPUT);
    assert.match(refused.stderr, /INPUT_TOO_LARGE/);
    assert.match(refused.stderr, /raise the limit with --max-input-bytes \(e\.g\. --max-input-bytes 1\dMiB\)/);
    const raised = await cli([...ACK, '--inventory', inventory, '--json', '--max-input-bytes', '64MiB']);
    assert.ok([0, 1].includes(raised.code), raised.stderr);
    assert.ok(JSON.parse(raised.stdout).decisions.length > 0);
    const wrong = await cli([...ACK, '--inventory', F('inventory.csv'), '--max-input-bytes', 'lots']);
    assert.equal(wrong.code, EXIT.BAD_INPUT);
    assert.match(wrong.stderr, /--max-input-bytes must be a size such as 67108864, 64MiB or 1GiB/);
  });
});

test('--state-dir pointing at a file: a clear input error, not a stack trace', async () => {
  await withDir(async (_dir, write) => {
    const file = write('not-a-dir', 'x');
    for (const args of [
      [...ACK, '--inventory', F('inventory.csv'), '--submit'],
      ['run', '--inventory', F('inventory.csv')],
    ]) {
      const r = await cli([...args, '--endpoint', 'http://127.0.0.1:9', '--state-dir', file], { env: ENV });
      assert.equal(r.code, EXIT.BAD_INPUT, r.stderr);
      assert.match(r.stderr, /--state-dir .*not-a-dir is a file, not a directory/);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    }
  });
});

test('a second run while the lock is held: exit 75, "another run holds the lock (pid, since)", nothing sent', async () => {
  const emu = await startEmulator({ credentials: SENTINEL, processingPolls: 0 });
  await withDir(async (dir) => {
    const held = new JsonlOutboxStore(path.join(dir, 'outbox.jsonl'));
    held.lock();
    try {
      const conn = ['--endpoint', emu.url, '--lwa-endpoint', `${emu.url}/auth/o2/token`, '--state-dir', dir];
      for (const args of [
        ['run', '--inventory', F('inventory.csv'), ...conn],
        [...ACK, '--inventory', F('inventory.csv'), '--submit', ...conn],
      ]) {
        const r = await cli(args, { env: ENV });
        assert.equal(r.code, EXIT.LOCKED, r.stderr);
        assert.match(r.stderr, new RegExp(`another run holds the lock \\(pid ${process.pid}, since \\d{4}-[\\d-]+T[\\d:.]+Z\\)`));
        assert.match(r.stderr, /Nothing was done/);
      }
      assert.equal(emu.requests.length, 0, 'nothing reached SP-API');
    } finally {
      await held.close();
    }
  });
  await emu.close();
});

test('LWA fails before anything is sent: exit 5, "nothing was sent", the real cause (HTTP status), no secret in any encoding', async () => {
  // An LWA endpoint that refuses the credentials and echoes the form it got, URL-encoded.
  const lwa = await startServer((req, res) =>
    json(res, 401, { error: 'invalid_client', error_description: `Client authentication failed for ${req.body}` }),
  );
  const spapi = await startServer((_req, res) => json(res, 500, {}));
  await withDir(async (dir) => {
    const r = await cli(
      [
        ...ACK,
        '--inventory',
        F('inventory.csv'),
        '--submit',
        '--endpoint',
        spapi.url,
        '--lwa-endpoint',
        `${lwa.url}/auth/o2/token`,
        '--state-dir',
        dir,
      ],
      { env: ENV },
    );
    assert.equal(r.code, EXIT.NOT_SENT, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /nothing was sent: LWA token exchange failed: HTTP 401 invalid_client: Client authentication failed for grant_type=refresh_token&refresh_token=\[redacted\]/,
    );
    assert.equal(spapi.requests.length, 0);
    const journal = fs.readFileSync(path.join(dir, 'outbox.jsonl'), 'utf8');
    assert.deepEqual(
      journal
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
      ['intent', 'rejected'],
    );
    assert.equal(JSON.parse(journal.trim().split('\n')[1]).error.notSent, true);
    assert.deepEqual(leaks([r.stdout, r.stderr, journal].join('\n'), [SENTINEL.clientSecret, SENTINEL.refreshToken]), []);
    // `run` reports the same way when the token exchange fails while polling.
    const run = await cli(
      ['run', '--inventory', F('inventory.csv'), '--endpoint', spapi.url, '--lwa-endpoint', `${lwa.url}/auth/o2/token`, '--state-dir', dir],
      { env: ENV },
    );
    assert.equal(run.code, EXIT.NOT_SENT, run.stderr);
    assert.match(run.stderr, /^error: nothing was sent: LWA token exchange failed: HTTP 401 invalid_client/);
    assert.deepEqual(leaks(run.stdout + run.stderr, [SENTINEL.clientSecret, SENTINEL.refreshToken]), []);
  });
  await lwa.close();
  await spapi.close();
});

test('an SP-API error quoting the access token and the secrets, nested in details: redacted in every encoding in output and journal', async () => {
  const accessToken = 'Atza|CLI-ACCESS-TOKEN-5f1e9c/+=x';
  const b64 = (s) => Buffer.from(s).toString('base64');
  const lwa = await startServer((_req, res) => json(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600 }));
  const spapi = await startServer((req, res) =>
    json(res, 400, {
      errors: [
        {
          code: 'InvalidInput',
          message: `token ${req.headers['x-amz-access-token']} rejected`,
          details: {
            echo: [
              { raw: accessToken, url: encodeURIComponent(accessToken), b64: b64(accessToken), json: JSON.stringify({ t: accessToken }) },
            ],
            nested: {
              deeper: [[`Basic ${b64(`${SENTINEL.clientId}:${SENTINEL.clientSecret}`)}`, encodeURIComponent(SENTINEL.refreshToken)]],
            },
            [accessToken]: 'as a key',
          },
        },
      ],
    }),
  );
  await withDir(async (dir) => {
    const r = await cli(
      [
        ...ACK,
        '--inventory',
        F('inventory.csv'),
        '--submit',
        '--json',
        '--endpoint',
        spapi.url,
        '--lwa-endpoint',
        `${lwa.url}/auth/o2/token`,
        '--state-dir',
        dir,
      ],
      { env: ENV },
    );
    assert.equal(r.code, EXIT.SPAPI, r.stderr);
    const journal = fs.readFileSync(path.join(dir, 'outbox.jsonl'), 'utf8');
    assert.match(journal, /"type":"rejected"/);
    assert.match(journal, /\[redacted\]/);
    assert.deepEqual(leaks([r.stdout, r.stderr, journal].join('\n'), [accessToken, SENTINEL.clientSecret, SENTINEL.refreshToken]), []);
  });
  await lwa.close();
  await spapi.close();
});

test('redirects carry no credentials to another origin: LWA 307 and SP-API 307 are refused, the other origin gets nothing', async () => {
  const elsewhere = await startServer((_req, res) => json(res, 200, { access_token: 'Atza|stolen', payload: { transactionId: 'stolen' } }));
  const lwa = await startServer((_req, res) => {
    res.writeHead(307, { location: `${elsewhere.url}/auth/o2/token` });
    res.end();
  });
  const goodLwa = await startServer((_req, res) => json(res, 200, { access_token: 'Atza|fine-token-123', expires_in: 3600 }));
  const spapi = await startServer((req, res) => {
    res.writeHead(307, { location: `${elsewhere.url}${req.path}` });
    res.end();
  });
  await withDir(async (dir) => {
    const viaLwa = await cli(
      [
        ...ACK,
        '--inventory',
        F('inventory.csv'),
        '--submit',
        '--endpoint',
        spapi.url,
        '--lwa-endpoint',
        `${lwa.url}/auth/o2/token`,
        '--state-dir',
        dir,
      ],
      { env: ENV },
    );
    assert.equal(viaLwa.code, EXIT.NOT_SENT, viaLwa.stdout + viaLwa.stderr);
    assert.match(
      viaLwa.stdout,
      /nothing was sent: LWA token exchange failed: HTTP 307 redirect to another origin \(http:\/\/127\.0\.0\.1:\d+\) not followed/,
    );
    const viaSpApi = await cli(
      [
        ...ACK,
        '--inventory',
        F('inventory.csv'),
        '--submit',
        '--endpoint',
        spapi.url,
        '--lwa-endpoint',
        `${goodLwa.url}/auth/o2/token`,
        '--state-dir',
        dir,
      ],
      { env: ENV },
    );
    assert.equal(viaSpApi.code, EXIT.SPAPI, viaSpApi.stdout + viaSpApi.stderr);
    assert.match(viaSpApi.stdout, /submitAcknowledgement failed: HTTP 307 redirect to another origin/);
    assert.equal(spapi.requests.length, 1);
    assert.deepEqual(elsewhere.requests, [], 'the other origin received nothing');
  });
  await Promise.all([elsewhere, lwa, goodLwa, spapi].map((s) => s.close()));
});

test('control characters in PO numbers, SKUs and messages are shown as escapes, never sent to the terminal', async () => {
  await withDir(async (_dir, write) => {
    const orders = JSON.parse(fs.readFileSync(F('orders.json'), 'utf8'));
    orders.payload.orders[0].purchaseOrderNumber = 'PO\u001b[2J\u001b]0;pwned\u0007\u202eX';
    const inventory = write('inv.csv', 'sku,onHand,committed,safetyStock\nTV-55\u001b[31m,1,0,0\nRICE-25KG,500,0,0\n');
    const r = await cli([
      'ack',
      '--orders',
      write('orders.json', JSON.stringify(orders)),
      '--inventory',
      inventory,
      '--sku-map',
      F('sku-map.csv'),
      '--now',
      NOW,
    ]);
    assert.ok([0, 1].includes(r.code), r.stderr);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.ok(r.stdout.includes('PO\\x1B[2J\\x1B]0;pwned\\x07\\u202EX'), r.stdout);
  });
});
