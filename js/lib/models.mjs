// Access to Amazon's SP-API models (the contract) for the emulator, the tests and the demo:
// load a model, validate a value against one of its definitions, and collect the sandbox
// purchase orders.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
// js/lib/ → two levels up is the repository root.
const repoRoot = path.resolve(here, '..', '..');

/** Directory holding sp-api-models/ (overridable so CI can point elsewhere). */
export function sharedDir() {
  return process.env.VCC_SHARED_DIR || path.resolve(repoRoot, '../shared');
}

const modelCache = new Map();

/** Parsed model JSON, e.g. loadModel('vendor-orders-api-model/vendorOrders.json'). Cached. */
export function loadModel(relPath) {
  let model = modelCache.get(relPath);
  if (!model) {
    const file = path.join(sharedDir(), 'sp-api-models', relPath);
    model = JSON.parse(fs.readFileSync(file, 'utf8'));
    modelCache.set(relPath, model);
  }
  return model;
}

// One Ajv instance per model: the definitions are added once, every validator reuses them.
// strict:false because Swagger 2.0 schemas carry `example`, `discriminator` and x- keywords
// that are not JSON Schema.
const ajvCache = new Map();
const validatorCache = new Map();

function ajvFor(relPath) {
  let ajv = ajvCache.get(relPath);
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajvCache.set(relPath, ajv);
  }
  return ajv;
}

/**
 * A validator for one definition of a model: `(value) => { valid, errors: [{path, message}] }`,
 * where `path` is a JSON pointer into `value`.
 */
export function validatorFor(relPath, definitionName) {
  const key = `${relPath}#${definitionName}`;
  let validate = validatorCache.get(key);
  if (validate) return validate;
  const model = loadModel(relPath);
  if (!model.definitions?.[definitionName]) {
    throw new Error(`${relPath} has no definition ${definitionName}`);
  }
  const compiled = ajvFor(relPath).compile({
    definitions: model.definitions,
    $ref: `#/definitions/${definitionName}`,
  });
  validate = (value) => {
    const valid = compiled(value);
    return {
      valid,
      errors: valid ? [] : compiled.errors.map(formatAjvError),
    };
  };
  validatorCache.set(key, validate);
  return validate;
}

function formatAjvError(e) {
  let message = e.message || 'is invalid';
  if (e.keyword === 'enum' && e.params && e.params.allowedValues) {
    message += `: ${e.params.allowedValues.join(', ')}`;
  }
  return { path: e.instancePath || '', message };
}

const ORDERS_MODEL = 'vendor-orders-api-model/vendorOrders.json';

/**
 * Every distinct Order in vendorOrders.json's examples, deep-copied, in this order of sources:
 * getPurchaseOrders 200 `examples`, its `x-amzn-api-sandbox` static responses, then
 * getPurchaseOrder 200 `examples` and its sandbox static responses. Deduplicated by
 * purchaseOrderNumber: the FIRST occurrence wins (TestPO1 and TestPO2 appear several times with
 * different dates in the model; we keep the earliest-listed variant so the set is stable).
 * Amazon's quirks are kept as they are ("CASES", "00001", missing purchaseOrderState, no netCost,
 * items outside orderDetails) because the point is to exercise code against what Amazon sends.
 */
export function sandboxOrders() {
  const model = loadModel(ORDERS_MODEL);
  const list = model.paths['/vendor/orders/v1/purchaseOrders'].get.responses['200'];
  const one = model.paths['/vendor/orders/v1/purchaseOrders/{purchaseOrderNumber}'].get.responses['200'];

  const found = [];
  for (const body of exampleBodies(list)) found.push(...(body?.payload?.orders ?? []));
  for (const body of sandboxBodies(list)) found.push(...(body?.payload?.orders ?? []));
  for (const body of exampleBodies(one)) if (body?.payload) found.push(body.payload);
  for (const body of sandboxBodies(one)) if (body?.payload) found.push(body.payload);

  const seen = new Set();
  const orders = [];
  for (const order of found) {
    if (!order || typeof order.purchaseOrderNumber !== 'string') continue;
    if (seen.has(order.purchaseOrderNumber)) continue;
    seen.add(order.purchaseOrderNumber);
    orders.push(structuredClone(order));
  }
  return orders;
}

// Swagger `examples` are keyed by MIME type, but vendorOrders' getPurchaseOrders example is the
// bare body; accept both.
function exampleBodies(response) {
  const ex = response.examples;
  if (!ex) return [];
  if (ex.payload || ex.errors) return [ex];
  return Object.values(ex);
}

function sandboxBodies(response) {
  return (response['x-amzn-api-sandbox']?.static ?? []).map((s) => s.response);
}
