// Determinism: the same input gives byte-identical output on repeated calls and across every
// artefact (pkg/ via import and require, the single-file bundles, WebAssembly and wasm2js), for
// every function, over every input in tests/fixtures/ plus each function's valid base input of the
// bad-input corpus. Refusals are compared too: the same code, path, message and details.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FLOW_SHAPES, HOST_SHAPES, repoRoot, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const REPEATS = 3;
const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const jsonFiles = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/** [label, function, input | (mod) => input] for every fixture that holds an input. */
function inputs() {
  const list = [];
  for (const f of jsonFiles(path.join(fixturesDir, 'ack'))) {
    const fx = readJson(path.join(fixturesDir, 'ack', f));
    if (!fx.approve) {
      list.push([`ack/${f}`, 'decideAcknowledgements', fx.input]);
      continue;
    }
    // An approval needs the proposal the engine held: computed by the artefact under test.
    list.push([
      `ack/${f}`,
      'approveAcknowledgement',
      (mod) => ({
        proposal: JSON.parse(mod.decideAcknowledgementsJson(JSON.stringify(fx.input))).pendingApproval[0],
        ...fx.approve,
      }),
    ]);
  }
  for (const f of jsonFiles(path.join(fixturesDir, 'df_ack'))) {
    list.push([`df_ack/${f}`, 'decideDirectFulfillmentAcknowledgements', readJson(path.join(fixturesDir, 'df_ack', f)).input]);
  }
  for (const f of jsonFiles(path.join(fixturesDir, 'fba'))) {
    list.push([
      `fba/${f}`,
      f.startsWith('route_') ? 'routeFulfillment' : 'applyFulfillmentEvent',
      readJson(path.join(fixturesDir, 'fba', f)).input,
    ]);
  }
  for (const f of jsonFiles(path.join(fixturesDir, 'shipment')).filter((n) => n.endsWith('.input.json'))) {
    list.push([`shipment/${f}`, 'buildShipmentConfirmation', readJson(path.join(fixturesDir, 'shipment', f))]);
  }
  list.push(['invoice/base.json', 'buildInvoice', readJson(path.join(fixturesDir, 'invoice', 'base.json'))]);
  const corpus = path.join(repoRoot, 'tests', 'bad-inputs');
  for (const fn of fs.readdirSync(corpus).sort()) {
    const valid = path.join(corpus, fn, '_valid.json');
    if (fn !== 'configure' && fs.existsSync(valid)) list.push([`bad-inputs/${fn}/_valid.json`, fn, readJson(valid).input]);
  }
  return list;
}

/** The exact bytes a call gives: the JSON twin's text, else the object's JSON; or the refusal. */
function answer(mod, fn, input) {
  const texts = [];
  for (const style of ['object', 'json']) {
    if (style === 'json' && !mod[`${fn}Json`]) continue;
    try {
      texts.push(style === 'json' ? mod[`${fn}Json`](JSON.stringify(input)) : JSON.stringify(mod[fn](input)));
    } catch (e) {
      texts.push(`error ${JSON.stringify({ code: e.code, path: e.path, message: e.message, details: e.details })}`);
    }
  }
  // The object and JSON boundaries must agree with each other, too.
  if (texts.length === 2 && !texts[0].startsWith('error'))
    assert.deepEqual(JSON.parse(texts[1]), JSON.parse(texts[0]), `${fn}: object and JSON twins agree`);
  return texts.join('\n');
}

test('byte-identical output across repeated calls and across every artefact', async (t) => {
  const list = inputs();
  const covered = new Set(list.map(([, fn]) => fn));
  const reference = new Map();
  let comparisons = 0;
  // Every shape of the full build, then of each flow's bundles (there, the functions it has):
  // a flow's module answers byte for byte as the full one does.
  for (const [shape, load] of [...HOST_SHAPES, ...FLOW_SHAPES]) {
    const { mod } = await load();
    for (const fn of Object.keys(mod)) {
      if (typeof mod[fn] === 'function' && !fn.endsWith('Json') && !fn.startsWith('__') && !['version', 'configure'].includes(fn)) {
        assert.ok(covered.has(fn), `${fn} has no input in tests/fixtures or the corpus`);
      }
    }
    for (const [label, fn, input] of list) {
      if (typeof mod[fn] !== 'function') continue; // a flow's bundle without this function
      const concrete = typeof input === 'function' ? input(mod) : input;
      const first = answer(mod, fn, concrete);
      for (let i = 1; i < REPEATS; i++) {
        assert.equal(answer(mod, fn, concrete), first, `${shape}: ${label}: call ${i + 1} differs from call 1`);
        comparisons++;
      }
      if (!reference.has(label)) {
        reference.set(label, { shape, text: first });
      } else {
        const ref = reference.get(label);
        assert.equal(first, ref.text, `${label}: ${shape} differs from ${ref.shape}`);
        comparisons++;
      }
    }
  }
  t.diagnostic(
    `${list.length} inputs over ${covered.size} functions, ${HOST_SHAPES.length + FLOW_SHAPES.length} artefacts × ${REPEATS} calls: ${comparisons} byte-for-byte comparisons`,
  );
});
