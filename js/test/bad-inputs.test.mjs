// The bad-input corpus (tests/bad-inputs/<function>/<case>.json) through every built artefact in
// every host shape, in both boundary styles: the plain-object function and its `…Json` twin.
// Each case must throw a real Error of the module's realm, named ConnectorError, with exactly the
// expected `code` and `path`, and the instance must keep answering afterwards. The same files run
// natively in tests/bad_inputs.rs. Format: tests/bad-inputs/README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FLOW_SHAPES, HOST_SHAPES, repoRoot, requireBuilt } from './harness/artefacts.mjs';

requireBuilt();

const corpusDir = path.join(repoRoot, 'tests', 'bad-inputs');
const corpus = fs
  .readdirSync(corpusDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((fn) => ({
    fn,
    cases: fs
      .readdirSync(path.join(corpusDir, fn))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ name: f.slice(0, -'.json'.length), ...JSON.parse(fs.readFileSync(path.join(corpusDir, fn, f), 'utf8')) })),
  }));
const badCases = corpus.flatMap(({ fn, cases }) => cases.filter((c) => c.name !== '_valid').map((c) => ({ fn, ...c })));

/** The calls a case makes: [style, thunk] pairs for the styles the case and the function allow. */
function callsFor(mod, fn, c) {
  const json = mod[`${fn}Json`];
  const calls = [];
  if ('inputJson' in c) {
    if (json) calls.push(['json', () => json(c.inputJson)]);
    if (c.alsoAsObject) calls.push(['object', () => mod[fn](JSON.parse(c.inputJson))]);
  } else {
    calls.push(['object', () => mod[fn](c.input)]);
    // A JSON text of a non-object value is still that value: the twin must refuse it the same way.
    if (json) calls.push(['json', () => json(JSON.stringify(c.input))]);
  }
  return calls;
}

test('the corpus covers every exported function with every kind of bad input', async () => {
  const { mod } = await HOST_SHAPES[0][1]();
  const exported = Object.keys(mod).filter(
    (k) => typeof mod[k] === 'function' && !k.endsWith('Json') && !k.startsWith('__') && k !== 'version',
  );
  assert.deepEqual(
    corpus.map((c) => c.fn),
    [...exported].sort(),
    'one corpus directory per function (version() takes no input)',
  );
  for (const { fn, cases } of corpus) {
    assert.ok(
      cases.some((c) => c.name === '_valid'),
      `${fn}: a _valid.json base`,
    );
    assert.ok(cases.length >= 8, `${fn}: only ${cases.length} cases`);
  }
  for (const c of badCases) {
    assert.equal(typeof c.description, 'string', `${c.fn}/${c.name}: description`);
    assert.match(c.expected.code, /^[A-Z][A-Z0-9_]+$/, `${c.fn}/${c.name}: a stable code`);
    assert.ok([undefined, 'issue'].includes(c.expected.reportedAs), `${c.fn}/${c.name}: reportedAs`);
    assert.ok(c.expected.path === '' || c.expected.path.startsWith('/'), `${c.fn}/${c.name}: a JSON pointer`);
  }
});

// Every shape of the full build, then of each flow's bundles (there, the functions it has).
for (const [shape, load] of [...HOST_SHAPES, ...FLOW_SHAPES]) {
  test(`bad inputs: ${shape}`, async (t) => {
    const { mod, ErrorCtor } = await load();
    const defaults = JSON.parse(JSON.stringify(mod.configure({})));
    let calls = 0;
    const failures = [];
    for (const { fn, cases } of corpus) {
      if (typeof mod[fn] !== 'function') continue; // a flow's bundle without this function
      const valid = cases.find((c) => c.name === '_valid');
      const answer = fn === 'configure' ? null : JSON.stringify(mod[fn](valid.input));
      for (const c of cases) {
        if (c.name === '_valid') continue;
        if (c.settings) mod.configure(c.settings);
        try {
          for (const [style, call] of callsFor(mod, fn, c)) {
            calls++;
            let thrown = null;
            let output = null;
            try {
              output = call();
            } catch (e) {
              thrown = e;
            }
            const where = `${fn}/${c.name} (${style})`;
            if (c.expected.reportedAs === 'issue') {
              // The ASN builder and validator answer with issues, each naming the field.
              const issues = thrown ? null : (typeof output === 'string' ? JSON.parse(output) : output).issues;
              if (!issues?.some((i) => i.code === c.expected.code && i.path === c.expected.path && i.severity === 'error')) {
                failures.push(
                  `${where}: expected an error issue ${c.expected.code} ${JSON.stringify(c.expected.path)}, got ${thrown ? `a throw (${thrown.code})` : JSON.stringify(issues)}`,
                );
              }
            } else if (!thrown) {
              failures.push(`${where}: no error, expected ${c.expected.code} ${JSON.stringify(c.expected.path)}`);
            } else if (!(thrown instanceof ErrorCtor) || thrown.name !== 'ConnectorError') {
              failures.push(`${where}: threw ${Object.prototype.toString.call(thrown)} ${thrown?.name}: ${thrown?.message}`);
            } else if (thrown.code !== c.expected.code || thrown.path !== c.expected.path || !('details' in thrown)) {
              failures.push(
                `${where}: got ${thrown.code} ${JSON.stringify(thrown.path)}, expected ${c.expected.code} ${JSON.stringify(c.expected.path)} (${thrown.message.slice(0, 120)})`,
              );
            }
          }
        } finally {
          if (c.settings) mod.configure(defaults);
        }
      }
      // After every bad input the instance still gives the same answer to the valid one.
      if (answer !== null) assert.equal(JSON.stringify(mod[fn](valid.input)), answer, `${fn}: still answering`);
    }
    assert.deepEqual(failures, []);
    t.diagnostic(`${badCases.length} bad inputs, ${calls} calls`);
  });
}
