// Faults end to end (js/test/harness/fault-campaign.mjs): the Node host against the emulator
// with 429/5xx/timeouts/dropped connections injected and the host process SIGKILLed at random
// points, restarted until done. Every New PO is acknowledged exactly once (or held for a person),
// every ASN and invoice received at most once and never silently lost; the report is printed
// and, under js/tasks/test.sh, written to target/test-outputs/fault-campaign.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { requireBuilt } from './harness/artefacts.mjs';
import { runFaultCampaign } from './harness/fault-campaign.mjs';

requireBuilt();

test('fault campaign: zero lost, zero duplicated', async (t) => {
  const report = await runFaultCampaign({ runs: 6, seed: 1 });
  const { results, ...summary } = report;
  if (process.env.VCC_TEST_OUTPUT_DIR) {
    fs.writeFileSync(path.join(process.env.VCC_TEST_OUTPUT_DIR, 'fault-campaign.json'), `${JSON.stringify(report, null, 2)}\n`);
  }
  t.diagnostic(JSON.stringify(summary));
  assert.ok(report.allConverged, `a run did not converge: ${JSON.stringify(results.filter((r) => !r.converged))}`);
  assert.equal(report.acknowledgementsLost, 0, JSON.stringify(results.map((r) => r.acknowledgementsLost)));
  assert.equal(report.acknowledgementsDuplicated, 0, JSON.stringify(results.map((r) => r.acknowledgementsDuplicated)));
  assert.equal(report.acknowledgedOnce + report.heldForApproval, report.purchaseOrders);
  assert.equal(report.documentsLost, 0, JSON.stringify(results.map((r) => r.documentsLost)));
  assert.equal(report.documentsDuplicated, 0, JSON.stringify(results.map((r) => r.documentsDuplicated)));
  // Every document arrived exactly once, or is held in doubt for a person (Amazon offers no way
  // to ask whether an ASN or invoice whose answer was lost arrived): none silently missing.
  for (const r of results) assert.ok(r.documentsReceivedOnce + r.documentsHeldInDoubt.length >= r.documents, JSON.stringify(r));
  const faults = Object.values(report.faultsInjected).reduce((s, n) => s + n, 0);
  const kills = Object.values(report.kills).reduce((s, n) => s + n, 0);
  assert.ok(faults >= 10, `only ${faults} faults were hit`);
  assert.ok(kills >= 3, `only ${kills} kills`);
});
