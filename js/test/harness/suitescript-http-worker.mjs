// The SP-API emulator in its own thread, for the SuiteScript double's synchronous N/https: the
// test thread posts a request and blocks on Atomics.wait; this thread sends it to the emulator
// over real HTTP and writes the answer into shared memory. It also answers the test's questions
// about the emulator (what was submitted) between entry-point runs.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../../emulator/server.mjs';
import { generateOrders, loadDemoInventory } from '../../demo/generate.mjs';
import { validatorFor } from '../../lib/models.mjs';
import { SECRET_SENTINELS } from './sentinels.mjs';

// `node --test test/` also loads this file outside a worker: then it does nothing.
if (!parentPort) process.exit(0);

const { shared, options } = workerData;
const signal = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);
// The emulator's POs: given, or generated here (the demo generator is an ES module, which the
// Jest tests, CommonJS, cannot import), with `now` the current time.
const { generate, ...emulatorOptions } = options;
const orders = generate ? generateOrders({ now: new Date().toISOString(), ...generate }) : emulatorOptions.orders;
const emu = await startEmulator({ ...emulatorOptions, ...(orders ? { orders } : {}) });
const validateAck = validatorFor('vendor-orders-api-model/vendorOrders.json', 'SubmitAcknowledgementRequest');

// PO numbers the listing served (getPurchaseOrders pages): what a run polled.
const served = new Set();

async function forward({ method, url, headers, body }) {
  const target = new URL(url);
  try {
    const res = await fetch(`${emu.url}${target.pathname}${target.search}`, { method, headers, body });
    const text = await res.text();
    if (method === 'GET' && target.pathname === '/vendor/orders/v1/purchaseOrders' && res.ok) {
      for (const o of JSON.parse(text).payload?.orders ?? []) served.add(o.purchaseOrderNumber);
    }
    return { code: res.status, body: text, headers: Object.fromEntries(res.headers) };
  } catch {
    return { networkError: true };
  }
}

const control = {
  orders: () => orders ?? [],
  served: () => [...served],
  /** Every accepted submitAcknowledgement body checked against Amazon's model: the failures. */
  invalidAcknowledgements: () =>
    emu.acknowledgements
      .map((body, i) => [i, validateAck(body)])
      .filter(([, r]) => !r.valid)
      .map(([i, r]) => ({ i, errors: r.errors })),
  sentinels: () => SECRET_SENTINELS.netsuite,
  demoInventory: () => loadDemoInventory(),
  acknowledgements: () => emu.acknowledgements,
  requests: () => emu.requests,
  injectFault: (spec) => emu.injectFault(spec),
  recordStatus: (po, seq, status) => emu.recordStatus(po, seq, status),
  loadOrders: (orders, opts) => emu.loadOrders(orders, opts),
  transactions: () => [...emu.transactions.values()],
  close: () => emu.close(),
};

parentPort.on('message', async (message) => {
  if (message.type === 'fetch') {
    const encoded = Buffer.from(JSON.stringify(await forward(message.request)));
    if (encoded.length > bytes.length) throw new Error('response larger than the shared buffer');
    bytes.set(encoded);
    signal[1] = encoded.length;
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  } else if (message.type === 'call') {
    try {
      const value = await control[message.method](...message.args);
      parentPort.postMessage({ type: 'result', id: message.id, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
    } catch (e) {
      parentPort.postMessage({ type: 'result', id: message.id, error: String(e?.message) });
    }
  }
});
parentPort.postMessage({ type: 'ready', url: emu.url });
