// Synchronous HTTP for the SuiteScript double: N/https is synchronous in SuiteScript, so the
// double's transport posts each request to a worker thread that runs the SP-API emulator
// (suitescript-http-worker.mjs) and blocks until the answer is in shared memory. Any https://
// URL goes to the emulator (the scripts keep Amazon's real endpoints in their parameters).
'use strict';

const path = require('node:path');
const { Worker } = require('node:worker_threads');

const SHARED_BYTES = 64 * 1024 * 1024;

/**
 * Starts the emulator thread. Resolves to {transport, acknowledgements(), requests(),
 * injectFault(spec), transactions(), close()}; `transport` is the double's sync HTTP function.
 */
function startEmulatorThread(options = {}) {
  const shared = new SharedArrayBuffer(8 + SHARED_BYTES);
  const signal = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  const worker = new Worker(path.join(__dirname, 'suitescript-http-worker.mjs'), { workerData: { shared, options } });
  const pending = new Map();
  let nextId = 1;
  const call = (method, ...args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, args });
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          url: message.url,
          transport(request) {
            Atomics.store(signal, 0, 0);
            worker.postMessage({ type: 'fetch', request });
            const waited = Atomics.wait(signal, 0, 0, 120000);
            if (waited === 'timed-out') throw new Error('the emulator thread did not answer within 120 s');
            return JSON.parse(Buffer.from(bytes.slice(0, signal[1])).toString('utf8'));
          },
          acknowledgements: () => call('acknowledgements'),
          orders: () => call('orders'),
          served: () => call('served'),
          sentinels: () => call('sentinels'),
          demoInventory: () => call('demoInventory'),
          invalidAcknowledgements: () => call('invalidAcknowledgements'),
          loadOrders: (list, opts) => call('loadOrders', list, opts),
          requests: () => call('requests'),
          injectFault: (spec) => call('injectFault', spec),
          recordStatus: (po, seq, status) => call('recordStatus', po, seq, status),
          transactions: () => call('transactions'),
          async close() {
            await call('close');
            await worker.terminate();
          },
        });
      } else if (message.type === 'result') {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p.reject(new Error(message.error));
        else p.resolve(message.value);
      }
    });
  });
}

module.exports = { startEmulatorThread };
