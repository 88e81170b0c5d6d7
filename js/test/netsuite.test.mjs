// The NetSuite SDF project as built (dist/netsuite): structure (XML well-formed, every referenced
// file and object present, script deployments as Oracle's SDF reference shapes them, the shipped
// approval workflow), the NetSuite guide inside it, and the Jest set-up it ships for customers
// (the library mapped, never sent through Babel). The entry points themselves run under Jest
// against the NetSuite double: js/test/netsuite-*.jest.cjs (bash js/tasks/test.sh runs both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { checkSdfProject, parseXml, SCRIPTS_FOLDER } from '../build/netsuite.mjs';
import { recordProcessOutput, removeTestDir, testDir } from './harness/outputs.mjs';

requireBuilt();
const project = path.join(distDir, 'netsuite');
const scriptsDir = path.join(project, SCRIPTS_FOLDER);

test('dist/netsuite is a complete SDF project: XML well-formed, every reference resolves', () => {
  assert.deepEqual(checkSdfProject(project), []);
  const objects = fs.readdirSync(path.join(project, 'src', 'Objects'));
  for (const id of [
    'customscript_vcc_poll_mr',
    'customscript_vcc_approve_wa',
    'customscript_vcc_asn_ue',
    'customscript_vcc_probe_sl',
    'customrecord_vcc_outbox',
    'customworkflow_vcc_ack_approval',
  ]) {
    assert.ok(objects.includes(`${id}.xml`), id);
  }
  const mr = parseXml(fs.readFileSync(path.join(project, 'src', 'Objects', 'customscript_vcc_poll_mr.xml'), 'utf8'));
  assert.equal(mr.name, 'mapreducescript');
  // Script parameter ids are account-wide: no two scripts may declare the same one.
  const seen = new Map();
  for (const f of objects) {
    const text = fs.readFileSync(path.join(project, 'src', 'Objects', f), 'utf8');
    for (const m of text.matchAll(/<scriptcustomfield scriptid="([^"]+)"/g)) {
      assert.ok(!seen.has(m[1]), `${m[1]} declared in ${seen.get(m[1])} and ${f}`);
      seen.set(m[1], f);
    }
  }
  for (const f of fs.readdirSync(scriptsDir).filter((x) => x.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(scriptsDir, f), 'utf8');
    if (f.startsWith('vcc_') && f.endsWith(['_mr.js', '_wa.js', '_ue.js', '_sl.js'].find((s) => f.endsWith(s)) ?? '-'))
      assert.match(text, /@NScriptType \w+/, f);
  }
});

test('the project check catches broken XML, missing files and dangling object references', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-sdf-'));
  try {
    fs.cpSync(project, copy, { recursive: true });
    const obj = (f) => path.join(copy, 'src', 'Objects', f);
    fs.writeFileSync(
      obj('custbody_vcc_asn.xml'),
      '<transactionbodycustomfield scriptid="custbody_vcc_asn"><label>x</labl></transactionbodycustomfield>',
    );
    fs.rmSync(path.join(copy, SCRIPTS_FOLDER, 'vcc_probe_sl.js'));
    fs.rmSync(obj('customrecord_vcc_outbox.xml'));
    // Deployments as Oracle's SDF reference shapes them: a record-bound one has no title, a
    // Suitelet's has one; allpartners needs the CRM feature; a custom action runs a workflow action script.
    const ue = obj('customscript_vcc_asn_ue.xml');
    fs.writeFileSync(
      ue,
      fs
        .readFileSync(ue, 'utf8')
        .replace('<status>RELEASED</status>', '<status>RELEASED</status><title>x</title><allpartners>F</allpartners>'),
    );
    const sl = obj('customscript_vcc_probe_sl.xml');
    fs.writeFileSync(sl, fs.readFileSync(sl, 'utf8').replace(/<title>[^<]*<\/title>/, ''));
    const wf = obj('customworkflow_vcc_ack_approval.xml');
    fs.writeFileSync(wf, fs.readFileSync(wf, 'utf8').replace('[customscript_vcc_approve_wa]', '[customscript_vcc_asn_ue]'));
    fs.rmSync(path.join(copy, 'README.md'));
    const problems = checkSdfProject(copy).join('\n');
    assert.match(problems, /deployment customdeploy_vcc_asn_ue of a usereventscript takes no <title>/);
    assert.match(problems, /allpartners, which needs the CRM feature/);
    assert.match(problems, /deployment customdeploy_vcc_probe_sl of a suitelet needs a <title>/);
    assert.match(problems, /custom action workflowaction_vcc_approve must run a workflowactionscript/);
    assert.match(problems, /missing README\.md/);
    assert.match(problems, /custbody_vcc_asn\.xml: not well-formed XML/);
    assert.match(problems, /references \/SuiteScripts\/vendor-central-connector\/vcc_probe_sl\.js/);
    assert.match(problems, /references \[customrecord_vcc_outbox\]/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('the approval workflow ships as an SDF object: on Approve of a sales order whose acknowledgement waits, before submit, it runs the approval action', () => {
  const wf = parseXml(fs.readFileSync(path.join(project, 'src', 'Objects', 'customworkflow_vcc_ack_approval.xml'), 'utf8'));
  const text = (node, name) =>
    node.children
      .find((c) => typeof c !== 'string' && c.name === name)
      ?.children.join('')
      .trim();
  const child = (node, name) => node.children.find((c) => typeof c !== 'string' && c.name === name);
  assert.equal(wf.name, 'workflow');
  assert.deepEqual(
    ['recordtypes', 'initonvieworupdate', 'inittriggertype', 'initeventtypes', 'releasestatus'].map((n) => text(wf, n)),
    ['SALESORDER', 'T', 'BEFORESUBMIT', 'APPROVE', 'RELEASED'],
  );
  assert.equal(text(child(wf, 'initcondition'), 'formula'), "{custbody_vcc_ack_state} = 'pendingApproval'");
  const state = child(child(wf, 'workflowstates'), 'workflowstate');
  const actions = child(state, 'workflowactions');
  assert.equal(actions.attributes.triggertype, 'BEFORESUBMIT');
  assert.equal(text(child(actions, 'customaction'), 'scripttype'), '[customscript_vcc_approve_wa]');
  // The workflow needs the Workflow feature, which the manifest requires.
  assert.match(fs.readFileSync(path.join(project, 'src', 'manifest.xml'), 'utf8'), /<feature required="true">WORKFLOW<\/feature>/);
});

test('the NetSuite guide ships inside the SDF project and names every script, parameter and object it deploys', () => {
  const guide = fs.readFileSync(path.join(project, 'README.md'), 'utf8');
  const objects = fs.readdirSync(path.join(project, 'src', 'Objects')).map((f) => f.replace(/\.xml$/, ''));
  for (const id of objects.filter((o) => /^(customscript|customrecord|customworkflow)_/.test(o)))
    assert.ok(guide.includes(id), `the guide does not mention ${id}`);
  for (const f of fs.readdirSync(path.join(project, 'src', 'Objects'))) {
    for (const m of fs.readFileSync(path.join(project, 'src', 'Objects', f), 'utf8').matchAll(/<scriptcustomfield scriptid="([^"]+)"/g)) {
      assert.ok(guide.includes(m[1]), `the guide does not mention parameter ${m[1]}`);
    }
  }
  assert.match(guide, /suitecloud project:deploy/);
  assert.match(guide, /moduleNameMapper/);
});

test("a customer's Jest run over the shipped project maps the library instead of transforming it: the sample test passes and no transformed copy of the 5 MB bundle is cached", () => {
  const jsDir = path.join(repoRoot, 'js');
  const copy = testDir('vcc-sdf-jest-');
  try {
    fs.cpSync(project, copy, { recursive: true });
    // As after `npm install` in the project: the same two packages, from js/node_modules.
    fs.symlinkSync(path.join(jsDir, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    // Why the mapping is needed: Oracle's configuration alone sends the bundle through Babel.
    const require = createRequire(path.join(jsDir, 'package.json'));
    const oracle = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');
    const base = oracle.build({
      projectFolder: path.relative(process.cwd(), path.join(copy, 'src')),
      projectType: oracle.ProjectType.ACP,
      rootDir: copy,
    });
    const library = path.join(
      copy,
      'src',
      'FileCabinet',
      'SuiteScripts',
      'vendor-central-connector',
      'lib',
      'vendor-central-connector.amd.js',
    );
    assert.ok(
      Object.keys(base.transform).some((re) => new RegExp(re).test(library)),
      "Oracle's transform covers the bundle",
    );
    assert.ok(!base.transformIgnorePatterns.some((re) => new RegExp(re).test(library)), 'and does not ignore it');
    const cache = path.join(copy, '.jest-cache');
    const run = spawnSync(
      process.execPath,
      [path.join(jsDir, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--colors=false', `--cacheDirectory=${cache}`],
      { cwd: copy, encoding: 'utf8', timeout: 240000 },
    );
    recordProcessOutput('netsuite-customer-jest', run);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /Tests:\s+1 passed, 1 total/);
    const cached = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        e.isDirectory() ? walk(path.join(dir, e.name)) : cached.push(fs.statSync(path.join(dir, e.name)).size);
    };
    walk(cache);
    assert.ok(cached.length > 0, 'Jest cached the transformed scripts');
    assert.ok(Math.max(...cached) < 1_000_000, `a cached transform of ${Math.max(...cached)} bytes: the bundle went through Babel`);
  } finally {
    removeTestDir(copy);
  }
});
