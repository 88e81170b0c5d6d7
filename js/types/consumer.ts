// Compile-only check that the published types serve a TypeScript consumer: the package's
// .d.ts (pkg/index.d.ts, mapped by tsconfig `paths`) must describe what callers really write.
// Run: node js/build/check-types.mjs   (tsc --noEmit -p js/types)
import {
  backend,
  decideAcknowledgements,
  decideAcknowledgementsJson,
  instantiationMs,
  version,
} from 'vendor-central-connector';
import type {
  ConnectorError,
  DecideAcknowledgementsInput,
  DecideAcknowledgementsOutput,
  LineDecision,
  Order,
  SubmitAcknowledgementRequest,
  VersionInfo,
} from 'vendor-central-connector';

const info: VersionInfo = version();
const library: string = info.library;
// At runtime `models` is a plain object (JSON), e.g. { vendorOrders: "v1" }: index it like one.
const models: string | undefined = info.models.vendorOrders;

const order: Order = {
  purchaseOrderNumber: 'TestPO3',
  purchaseOrderState: 'New',
  orderDetails: {
    purchaseOrderDate: '2019-05-23T10:00:00Z',
    items: [
      {
        itemSequenceNumber: '1',
        amazonProductIdentifier: 'B01XYZ3Z02',
        vendorProductIdentifier: '8806093095125',
        orderedQuantity: { amount: 10, unitOfMeasure: 'Eaches', unitSize: 1 },
        netCost: { currencyCode: 'USD', amount: '50' },
        isBackOrderAllowed: true,
      },
    ],
  },
};

const input: DecideAcknowledgementsInput = {
  purchaseOrders: [order],
  inventory: [{ sku: 'B01XYZ3Z02', onHand: 40, committed: 5, safetyStock: 5 }],
  skuMap: [{ sku: 'B01XYZ3Z02', asin: 'B01XYZ3Z02' }],
  now: new Date(0).toISOString(),
};

const output: DecideAcknowledgementsOutput = decideAcknowledgements(input);
const request: SubmitAcknowledgementRequest = output.request;
const firstPo: string | undefined = request.acknowledgements[0]?.purchaseOrderNumber;
const decisions: LineDecision[] = output.decisions;
const accepted: number = decisions.reduce((sum, d) => sum + d.accepted + d.backordered + d.rejected, 0);
const status: 'acknowledged' | 'pendingApproval' | 'skipped' | undefined = decisions[0]?.status;
const reserved: number[] = output.allocations.map((a) => a.quantityEaches);
const pending: string[] = output.pendingApproval.map((p) => p.purchaseOrderNumber);
const text: string = decideAcknowledgementsJson(JSON.stringify(input));

function describe(error: unknown): string {
  const e = error as ConnectorError;
  const code: string = e.code;
  const path: string = e.path;
  const details: unknown = e.details;
  return `${e.name} ${code} at ${path}: ${e.message} ${JSON.stringify(details)}`;
}

try {
  // @ts-expect-error: orderedQuantity.amount is a number, not a string
  decideAcknowledgements({ ...input, purchaseOrders: [{ ...order, orderDetails: { ...order.orderDetails!, items: [{ ...order.orderDetails!.items[0]!, orderedQuantity: { amount: '2' } }] } }] });
} catch (error) {
  describe(error);
}

// @ts-expect-error: unitOfMeasure is "Cases" | "Eaches"
const badUnit: Order['orderDetails'] = { ...order.orderDetails!, items: [{ ...order.orderDetails!.items[0]!, orderedQuantity: { amount: 1, unitOfMeasure: 'Pallets' } }] };

// @ts-expect-error: initSync is internal to the package
import { initSync } from 'vendor-central-connector';

const which: 'wasm' | 'wasm2js' = backend;
const ms: number = instantiationMs;

export const used = [library, models, firstPo, accepted, status, reserved, pending, text, which, ms, badUnit, initSync];
