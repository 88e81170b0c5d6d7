// Parent side of the SuiteScript harness (see suitescript-worker.mjs): starts a worker for one
// entry-point run, answers its synchronous N/https calls with real HTTP (fetch, e.g. to the
// emulator), and resolves to {result, db, logs, httpLog} when the run ends.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_BYTES = 32 * 1024 * 1024;

/**
 * @param {object} o
 * @param {string} o.scriptsDir  the File Cabinet folder holding the entry points
 * @param {object} o.job  {kind: 'mapreduce'|'workflowaction'|'userevent'|'suitelet', script, …}
 * @param {object} [o.params]  script parameters   @param {object} [o.db]  {records: {type: {id: {fields, sublists}}}}
 * @param {object} [o.savedSearches]  {id: {columns: [{name, label}], rows: [{name: value}]}}
 * @param {object} [o.secrets]  the account's API secrets, {custsecret_id: value}
 */
export function runEntryPoint({ scriptsDir, job, params = {}, db = { records: {} }, savedSearches = {}, withoutWebAssembly = false, user = { id: 7, email: 'approver@vendor.example' }, secrets = {} }) {
  const shared = new SharedArrayBuffer(8 + SHARED_BYTES);
  const signal = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  const worker = new Worker(path.join(here, 'suitescript-worker.mjs'), {
    workerData: { scriptsDir, shared, params, db, savedSearches, withoutWebAssembly, user, secrets },
  });
  return new Promise((resolve, reject) => {
    worker.on('message', async (message) => {
      if (message.type === 'http') {
        const { method, url, headers, body } = message.request;
        let answer;
        try {
          const res = await fetch(url, { method, headers, body });
          answer = { code: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
        } catch {
          answer = { networkError: true };
        }
        const encoded = Buffer.from(JSON.stringify(answer));
        if (encoded.length > SHARED_BYTES) throw new Error('response larger than the harness buffer');
        bytes.set(encoded);
        signal[1] = encoded.length;
        Atomics.store(signal, 0, 1);
        Atomics.notify(signal, 0);
      } else if (message.type === 'done') {
        resolve(message);
        worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.postMessage(job);
  });
}
