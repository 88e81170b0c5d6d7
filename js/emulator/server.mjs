// A local emulator of the SP-API endpoints the host adapters use (LWA token, getPurchaseOrders,
// getPurchaseOrder, submitAcknowledgement, SubmitShipmentConfirmations, submitInvoices, Direct
// Fulfillment submitInventoryUpdate, the DF shipping (2021-12-28: shipment confirmations, status
// updates, shipping label requests) and payments (submitInvoice) submissions, getTransaction for
// retail and DF), so the Node adapter's real HTTP path can be tested end to end without Amazon. Request bodies are checked against Amazon's
// models; faults (429 with rate-limit headers, 5xx, slow responses, hung requests, dropped
// sockets) can be injected.
//
// Deliberate differences from Amazon, documented so nobody mistakes them for Amazon's behaviour:
// - Amazon's sandbox answers only the exact example requests in the model; the emulator answers
//   any request from the orders it holds. With no date filter it returns every loaded PO (Amazon
//   requires a window).
// - `poItemState=Cancelled` selects POs with at least one line whose ordered amount is 0 (how the
//   sandbox shows a cancelled line).
// - Created/changed filters are after-inclusive, before-exclusive; POs lacking the date are left
//   out when that filter is used.
import http from 'node:http';
import crypto from 'node:crypto';
import { sandboxOrders, validatorFor } from '../lib/models.mjs';

export const EMULATOR_CREDENTIALS = Object.freeze({
  clientId: 'amzn1.application-oa2-client.emulator',
  clientSecret: 'emulator-client-secret-0123456789',
  refreshToken: 'Atzr|emulator-refresh-token-0123456789',
});

const ORDERS_MODEL = 'vendor-orders-api-model/vendorOrders.json';
const DF_SHIPPING_MODEL = 'vendor-direct-fulfillment-shipping-api-model/vendorDirectFulfillmentShipping_2021-12-28.json';
// Submissions other than acknowledgements: the model and definition their body must match.
const SUBMISSIONS = {
  submitShipmentConfirmations: {
    model: 'vendor-shipments-api-model/vendorShipments.json',
    definition: 'SubmitShipmentConfirmationsRequest',
    list: 'shipmentConfirmations',
  },
  submitInvoices: { model: 'vendor-invoices-api-model/vendorInvoices.json', definition: 'SubmitInvoicesRequest', list: 'invoices' },
  submitInventoryUpdate: {
    model: 'vendor-direct-fulfillment-inventory-api-model/vendorDirectFulfillmentInventoryV1.json',
    definition: 'SubmitInventoryUpdateRequest',
    list: null,
  },
  // Direct Fulfillment after the acknowledgement. The 2021-12-28 shipping operations answer
  // 202 with a bare TransactionReference; payments v1 wraps it in `payload`.
  submitDfAcknowledgement: {
    model: 'vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json',
    definition: 'SubmitAcknowledgementRequest',
    list: 'orderAcknowledgements',
    bare: true,
  },
  submitDfShipmentConfirmations: {
    model: DF_SHIPPING_MODEL,
    definition: 'SubmitShipmentConfirmationsRequest',
    list: 'shipmentConfirmations',
    bare: true,
  },
  submitDfShipmentStatusUpdates: {
    model: DF_SHIPPING_MODEL,
    definition: 'SubmitShipmentStatusUpdatesRequest',
    list: 'shipmentStatusUpdates',
    bare: true,
  },
  submitShippingLabelRequest: {
    model: DF_SHIPPING_MODEL,
    definition: 'SubmitShippingLabelsRequest',
    list: 'shippingLabelRequests',
    bare: true,
  },
  submitDfInvoice: {
    model: 'vendor-direct-fulfillment-payments-api-model/vendorDirectFulfillmentPaymentsV1.json',
    definition: 'SubmitInvoiceRequest',
    list: 'invoices',
  },
};
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TOKEN_TTL_SECONDS = 3600;

// Amazon's documented default rates (requests per second) per operation.
const RATE_LIMITS = {
  token: '1.0',
  getPurchaseOrders: '10.0',
  getPurchaseOrder: '10.0',
  getPurchaseOrdersStatus: '10.0',
  submitAcknowledgement: '10.0',
  submitShipmentConfirmations: '10.0',
  submitInvoices: '10.0',
  submitInventoryUpdate: '10.0',
  submitDfAcknowledgement: '10.0',
  submitDfShipmentConfirmations: '10.0',
  submitDfShipmentStatusUpdates: '10.0',
  submitShippingLabelRequest: '10.0',
  submitDfInvoice: '10.0',
  getTransaction: '10.0',
  getDfTransactionStatus: '10.0',
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Start the emulator. Resolves to a handle:
 * { url, port, close(), loadOrders(orders, {replace}), injectFault(spec), revokeTokens(),
 *   recordStatus(po, seq, acknowledgementStatus),
 *   requests, acknowledgements, transactions }
 * `requests` is an array of {method, path, query, status[, fault]} (never bodies or secrets),
 * `acknowledgements` the accepted submitAcknowledgement bodies, `transactions` a Map by id.
 */
export async function startEmulator(options = {}) {
  const {
    host = '127.0.0.1',
    port = 0,
    orders = sandboxOrders(),
    credentials = EMULATOR_CREDENTIALS,
    processingPolls = 1,
    // When set, a transaction also settles this many ms after submission, whether or not anyone
    // polls it (as Amazon's do): a crashed client that never polled finds the PO acknowledged.
    settleAfterMs = null,
    maxWindowDays = 7,
    faults = [],
  } = options;

  const state = {
    orders: new Map(),
    tokens: new Map(), // access token → expiry (ms since epoch)
    transactions: new Map(),
    faults: [],
    held: new Set(), // responses held open by 'timeout' faults
    requests: [],
    acknowledgements: [],
    submissions: [], // every accepted body: {operation, body, transactionId}
    statusOverrides: new Map(), // "PO seq" → acknowledgementStatus (recordStatus)
    counter: 0,
  };

  const handle = {
    url: '',
    port: 0,
    requests: state.requests,
    acknowledgements: state.acknowledgements,
    submissions: state.submissions,
    transactions: state.transactions,
    loadOrders(list, { replace = false } = {}) {
      if (replace) state.orders.clear();
      for (const o of list) state.orders.set(o.purchaseOrderNumber, structuredClone(o));
    },
    injectFault(spec) {
      state.faults.push(normaliseFault(spec));
    },
    // Makes every issued access token look expired: exercises the client's refresh-on-403.
    /** What getPurchaseOrdersStatus shows for one line instead of what was acknowledged. */
    recordStatus(purchaseOrderNumber, itemSequenceNumber, acknowledgementStatus) {
      state.statusOverrides.set(`${purchaseOrderNumber} ${Number(itemSequenceNumber)}`, structuredClone(acknowledgementStatus));
    },
    revokeTokens() {
      for (const token of state.tokens.keys()) state.tokens.set(token, 0);
    },
    close,
  };
  handle.loadOrders(orders);
  for (const f of faults) handle.injectFault(f);

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((err) => {
      // A bug in the emulator must be visible in tests, not a hang.
      if (!res.headersSent) send(res, 500, { errors: [{ code: 'InternalFailure', message: String(err?.message) }] });
    });
  });

  async function handleRequest(req, res) {
    const url = new URL(req.url, 'http://emulator');
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const entry = { method: req.method, path, query, status: null };
    state.requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    settleDue();
    const route = matchRoute(req.method, path);
    const fault = takeFault(`${req.method} ${path}`);
    if (fault && fault.kind === 'slow') {
      entry.fault = 'slow';
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    } else if (fault) {
      if (fault.kind === 'drop') {
        entry.fault = 'drop';
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'timeout') {
        entry.fault = 'timeout';
        state.held.add(res);
        res.on('close', () => state.held.delete(res));
        return;
      }
      entry.fault = 'status';
      const headers = fault.retryAfter != null ? { 'retry-after': String(fault.retryAfter) } : {};
      if (fault.rateLimit != null) headers['x-amzn-RateLimit-Limit'] = String(fault.rateLimit);
      // A 'status' fault on a submission can also take the body first (the server accepted the
      // work, then failed to answer): the client must not assume it was not processed.
      if (fault.afterProcessing && route && SUBMISSION_OPERATIONS.has(route.operation)) {
        return processSubmission(req, route, () => send(res, fault.status, faultBody(fault.status), headers, route.operation));
      }
      send(res, fault.status, faultBody(fault.status), headers, route?.operation);
      return;
    }

    if (req.method === 'POST' && path === '/auth/o2/token') return tokenExchange(req, res);

    if (!route) return send(res, 404, apiErrors('NotFound', 'Resource not found.'));
    if (!authorised(req, res, route.operation)) return;

    switch (route.operation) {
      case 'getPurchaseOrders':
        return listOrders(res, url.searchParams);
      case 'getPurchaseOrder':
        return oneOrder(res, route.params[0]);
      case 'getPurchaseOrdersStatus':
        return ordersStatus(res, url.searchParams);
      case 'submitAcknowledgement':
      case 'submitShipmentConfirmations':
      case 'submitInvoices':
      case 'submitInventoryUpdate':
      case 'submitDfAcknowledgement':
      case 'submitDfShipmentConfirmations':
      case 'submitDfShipmentStatusUpdates':
      case 'submitShippingLabelRequest':
      case 'submitDfInvoice':
        return processSubmission(req, route, (status, body) => send(res, status, body, {}, route.operation));
      case 'getTransaction':
        return transaction(res, route.params[0]);
      case 'getDfTransactionStatus':
        return transaction(res, route.params[0], true);
    }
  }

  function settleDue() {
    if (settleAfterMs === null) return;
    const now = Date.now();
    for (const tx of state.transactions.values()) {
      if (tx.status === 'Processing' && now - tx.submittedAt >= settleAfterMs) settle(tx);
    }
  }

  function takeFault(key) {
    const i = state.faults.findIndex((f) => f.times > 0 && routeMatches(f.route, key));
    if (i < 0) return null;
    const f = state.faults[i];
    f.times -= 1;
    if (f.times === 0) state.faults.splice(i, 1);
    return f;
  }

  async function tokenExchange(req, res) {
    const raw = await readBody(req);
    if (raw === null) return send(res, 413, apiErrors('RequestTooLarge', 'The request body is too large.'));
    const form = new URLSearchParams(raw);
    const lwaError = (error, description) => send(res, 400, { error, error_description: description }, {}, 'token');
    if (form.get('grant_type') !== 'refresh_token') {
      return lwaError('unsupported_grant_type', 'The authorization grant type is not supported.');
    }
    if (form.get('client_id') !== credentials.clientId || form.get('client_secret') !== credentials.clientSecret) {
      return lwaError('invalid_client', 'Client authentication failed');
    }
    if (form.get('refresh_token') !== credentials.refreshToken) {
      return lwaError('invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    }
    const accessToken = `Atza|emu-${crypto.randomBytes(24).toString('hex')}`;
    state.tokens.set(accessToken, Date.now() + TOKEN_TTL_SECONDS * 1000);
    send(
      res,
      200,
      {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: TOKEN_TTL_SECONDS,
        refresh_token: credentials.refreshToken,
      },
      {},
      'token',
    );
  }

  function authorised(req, res, operation) {
    const token = req.headers['x-amz-access-token'];
    const expiry = token ? state.tokens.get(token) : undefined;
    if (expiry === undefined) {
      send(res, 403, apiErrors('Unauthorized', 'Access to requested resource is denied.'), {}, operation);
      return false;
    }
    if (expiry <= Date.now()) {
      send(res, 403, apiErrors('Unauthorized', 'The security token included in the request is expired'), {}, operation);
      return false;
    }
    return true;
  }

  // getPurchaseOrdersStatus: what Amazon recorded of each line, from the acknowledgements this
  // emulator accepted (the latest of a line wins; a line never acknowledged is UNCONFIRMED).
  // Filters: purchaseOrderNumber; createdAfter/createdBefore on the PO date. One page.
  function ordersStatus(res, params) {
    const op = 'getPurchaseOrdersStatus';
    const wanted = params.get('purchaseOrderNumber');
    const after = params.has('createdAfter') ? parseDateTime(params.get('createdAfter')) : null;
    const before = params.has('createdBefore') ? parseDateTime(params.get('createdBefore')) : null;
    const latest = new Map();
    for (const body of state.acknowledgements) {
      for (const ack of body.acknowledgements ?? []) {
        for (const item of ack.items ?? []) latest.set(`${ack.purchaseOrderNumber} ${Number(item.itemSequenceNumber)}`, item);
      }
    }
    const list = [];
    for (const order of state.orders.values()) {
      if (wanted && order.purchaseOrderNumber !== wanted) continue;
      const details = order.orderDetails ?? {};
      const created = parseDateTime(details.purchaseOrderDate ?? '');
      if (after !== null && (created === null || created < after)) continue;
      if (before !== null && (created === null || created > before)) continue;
      const itemStatus = (details.items ?? []).map((item) => {
        const key = `${order.purchaseOrderNumber} ${Number(item.itemSequenceNumber)}`;
        const sent = latest.get(key);
        const status = { itemSequenceNumber: item.itemSequenceNumber };
        if (item.amazonProductIdentifier) status.buyerProductIdentifier = item.amazonProductIdentifier;
        if (item.netCost) status.netCost = item.netCost;
        if (state.statusOverrides.has(key)) return { ...status, acknowledgementStatus: state.statusOverrides.get(key) };
        if (!sent) return { ...status, acknowledgementStatus: { confirmationStatus: 'UNCONFIRMED' } };
        const sum = (codes) =>
          sent.itemAcknowledgements
            .filter((e) => codes.includes(e.acknowledgementCode))
            .reduce((n, e) => n + e.acknowledgedQuantity.amount, 0);
        const accepted = sum(['Accepted', 'Backordered']);
        const rejected = sum(['Rejected']);
        const unit = { unitOfMeasure: sent.orderedQuantity.unitOfMeasure };
        if (sent.orderedQuantity.unitSize !== undefined) unit.unitSize = sent.orderedQuantity.unitSize;
        return {
          ...status,
          acknowledgementStatus: {
            confirmationStatus: rejected === 0 ? 'ACCEPTED' : accepted === 0 ? 'REJECTED' : 'PARTIALLY_ACCEPTED',
            acceptedQuantity: { amount: accepted, ...unit },
            rejectedQuantity: { amount: rejected, ...unit },
          },
        };
      });
      list.push({
        purchaseOrderNumber: order.purchaseOrderNumber,
        purchaseOrderStatus: order.purchaseOrderState === 'Closed' ? 'CLOSED' : 'OPEN',
        purchaseOrderDate: details.purchaseOrderDate,
        itemStatus,
      });
    }
    send(res, 200, { payload: { ordersStatus: list } }, {}, op);
  }

  function listOrders(res, params) {
    const op = 'getPurchaseOrders';
    const bad = (message, details = '') => send(res, 400, apiErrors('InvalidInput', message, details), {}, op);

    let limit = 100;
    if (params.has('limit')) {
      const raw = params.get('limit');
      limit = Number(raw);
      if (!/^\d+$/.test(raw) || limit < 1 || limit > 100) {
        return bad('Invalid limit: must be an integer from 1 to 100.', `limit=${raw}`);
      }
    }
    const dates = {};
    for (const name of ['createdAfter', 'createdBefore', 'changedAfter', 'changedBefore']) {
      if (!params.has(name)) continue;
      const ms = parseDateTime(params.get(name));
      if (ms === null) return bad(`Invalid ${name}: not an ISO-8601 date-time.`, `${name}=${params.get(name)}`);
      dates[name] = ms;
    }
    for (const [after, before] of [
      ['createdAfter', 'createdBefore'],
      ['changedAfter', 'changedBefore'],
    ]) {
      if (dates[after] === undefined || dates[before] === undefined) continue;
      if (dates[after] > dates[before]) return bad(`${after} must be before ${before}.`);
      if (dates[before] - dates[after] > maxWindowDays * 86400000) {
        return bad(
          `The ${after}/${before} window must not exceed ${maxWindowDays} days.`,
          `${after}=${params.get(after)}, ${before}=${params.get(before)}`,
        );
      }
    }
    const enums = {
      sortOrder: ['ASC', 'DESC'],
      purchaseOrderState: ['New', 'Acknowledged', 'Closed'],
      poItemState: ['Cancelled'],
      includeDetails: ['true', 'false'],
      isPOChanged: ['true', 'false'],
    };
    for (const [name, allowed] of Object.entries(enums)) {
      if (params.has(name) && !allowed.includes(params.get(name))) {
        return bad(`Invalid ${name}: must be one of ${allowed.join(', ')}.`, `${name}=${params.get(name)}`);
      }
    }

    // The token binds a page offset to the filters it was issued for: reusing it with other
    // filters is an error, as it would silently skip or repeat POs.
    const filterHash = hashFilters(params);
    let offset = 0;
    if (params.has('nextToken')) {
      offset = decodeNextToken(params.get('nextToken'), filterHash);
      if (offset === null) return bad('Invalid nextToken.', 'The token is malformed or does not match the request filters.');
    }

    const selected = [...state.orders.values()].filter((o) => orderMatches(o, params, dates));
    sortOrders(selected, params.get('sortOrder') || 'ASC');
    const page = selected.slice(offset, offset + limit);
    const includeDetails = params.get('includeDetails') !== 'false';
    const payload = {};
    if (offset + limit < selected.length) {
      payload.pagination = { nextToken: encodeNextToken(offset + limit, filterHash) };
    }
    payload.orders = page.map((o) => (includeDetails ? structuredClone(o) : summary(o)));
    send(res, 200, { payload }, {}, op);
  }

  function oneOrder(res, number) {
    const order = state.orders.get(number);
    if (!order) {
      return send(
        res,
        404,
        apiErrors('NotFound', 'The requested purchase order was not found.', `purchaseOrderNumber=${number}`),
        {},
        'getPurchaseOrder',
      );
    }
    send(res, 200, { payload: structuredClone(order) }, {}, 'getPurchaseOrder');
  }

  /**
   * Reads and validates a submission body; a valid one becomes a Processing transaction. `reply`
   * gets (status, body); a fault may replace the reply after the work was taken.
   */
  async function processSubmission(req, route, reply) {
    const op = route.operation;
    const raw = await readBody(req);
    if (raw === null) return reply(413, apiErrors('RequestTooLarge', 'The request body is too large.'));
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return reply(400, apiErrors('InvalidInput', 'The request body is not valid JSON.'));
    }
    const spec =
      op === 'submitAcknowledgement'
        ? { model: ORDERS_MODEL, definition: 'SubmitAcknowledgementRequest', list: 'acknowledgements' }
        : SUBMISSIONS[op];
    const { valid, errors } = validatorFor(spec.model, spec.definition)(body);
    const problems = valid ? [] : errors.slice();
    if (valid && spec.list && (!Array.isArray(body?.[spec.list]) || body[spec.list].length === 0)) {
      problems.push({ path: `/${spec.list}`, message: 'must be a non-empty array' });
    }
    if (problems.length) {
      const first = problems[0];
      return reply(
        400,
        apiErrors(
          'InvalidInput',
          `Invalid request body: ${first.path || '/'} ${first.message}`,
          problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; '),
        ),
      );
    }

    state.counter += 1;
    const transactionId = `${compactTimestamp(new Date())}-${state.counter}-${crypto.randomBytes(8).toString('hex')}`;
    const numbers = op === 'submitAcknowledgement' ? body.acknowledgements.map((a) => a.purchaseOrderNumber) : [];
    if (op === 'submitAcknowledgement') state.acknowledgements.push(structuredClone(body));
    state.submissions.push({ operation: op, body: structuredClone(body), transactionId, params: route.params });
    state.transactions.set(transactionId, {
      transactionId,
      operation: op,
      status: 'Processing',
      polls: 0,
      submittedAt: Date.now(),
      purchaseOrderNumbers: numbers,
      errors: undefined,
    });
    return reply(202, spec.bare ? { transactionId } : { payload: { transactionId } });
  }

  // `bare`: the DF 2021-12-28 shape, `{transactionStatus}` without `payload`, errors as an
  // ErrorList object `{errors: [...]}`.
  function transaction(res, id, bare = false) {
    const op = bare ? 'getDfTransactionStatus' : 'getTransaction';
    const tx = state.transactions.get(id);
    if (!tx) return send(res, 404, apiErrors('NotFound', 'Transaction not found.', `transactionId=${id}`), {}, op);
    if (tx.status === 'Processing') {
      if (tx.polls < processingPolls) {
        tx.polls += 1;
      } else {
        settle(tx);
      }
    }
    const transactionStatus = { transactionId: tx.transactionId, status: tx.status };
    if (tx.errors) transactionStatus.errors = bare ? { errors: structuredClone(tx.errors) } : structuredClone(tx.errors);
    send(res, 200, bare ? { transactionStatus } : { payload: { transactionStatus } }, {}, op);
  }

  // Amazon processes a transaction as a whole: one unknown PO fails it and nothing changes.
  function settle(tx) {
    const unknown = tx.purchaseOrderNumbers.filter((n) => !state.orders.has(n));
    if (unknown.length) {
      tx.status = 'Failure';
      tx.errors = unknown.map((n) => ({ code: 'INVALID_ORDER_ID', message: `Invalid order ID: ${n}` }));
      return;
    }
    tx.status = 'Success';
    for (const n of tx.purchaseOrderNumbers) state.orders.get(n).purchaseOrderState = 'Acknowledged';
  }

  // Resolves to the body text, or null when it is over MAX_BODY_BYTES (drained, not kept) or the
  // connection failed.
  function readBody(req) {
    return new Promise((resolve) => {
      const chunks = [];
      let size = 0;
      req.on('data', (c) => {
        size += c.length;
        if (size <= MAX_BODY_BYTES) chunks.push(c);
      });
      req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => resolve(null));
    });
  }

  function close() {
    for (const res of state.held) res.destroy();
    state.held.clear();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  handle.port = server.address().port;
  handle.url = `http://${host}:${handle.port}`;
  return handle;
}

const SUBMISSION_OPERATIONS = new Set([
  'submitAcknowledgement',
  'submitShipmentConfirmations',
  'submitInvoices',
  'submitInventoryUpdate',
  'submitDfAcknowledgement',
  'submitDfShipmentConfirmations',
  'submitDfShipmentStatusUpdates',
  'submitShippingLabelRequest',
  'submitDfInvoice',
]);

function matchRoute(method, path) {
  const routes = [
    ['GET', /^\/vendor\/orders\/v1\/purchaseOrders$/, 'getPurchaseOrders'],
    ['GET', /^\/vendor\/orders\/v1\/purchaseOrdersStatus$/, 'getPurchaseOrdersStatus'],
    ['GET', /^\/vendor\/orders\/v1\/purchaseOrders\/([^/]+)$/, 'getPurchaseOrder'],
    ['POST', /^\/vendor\/orders\/v1\/acknowledgements$/, 'submitAcknowledgement'],
    ['POST', /^\/vendor\/shipping\/v1\/shipmentConfirmations$/, 'submitShipmentConfirmations'],
    ['POST', /^\/vendor\/payments\/v1\/invoices$/, 'submitInvoices'],
    ['POST', /^\/vendor\/directFulfillment\/inventory\/v1\/warehouses\/([^/]+)\/items$/, 'submitInventoryUpdate'],
    ['POST', /^\/vendor\/directFulfillment\/orders\/2021-12-28\/acknowledgements$/, 'submitDfAcknowledgement'],
    ['POST', /^\/vendor\/directFulfillment\/shipping\/2021-12-28\/shipmentConfirmations$/, 'submitDfShipmentConfirmations'],
    ['POST', /^\/vendor\/directFulfillment\/shipping\/2021-12-28\/shipmentStatusUpdates$/, 'submitDfShipmentStatusUpdates'],
    ['POST', /^\/vendor\/directFulfillment\/shipping\/2021-12-28\/shippingLabels$/, 'submitShippingLabelRequest'],
    ['POST', /^\/vendor\/directFulfillment\/payments\/v1\/invoices$/, 'submitDfInvoice'],
    ['GET', /^\/vendor\/transactions\/v1\/transactions\/([^/]+)$/, 'getTransaction'],
    ['GET', /^\/vendor\/directFulfillment\/transactions\/2021-12-28\/transactions\/([^/]+)$/, 'getDfTransactionStatus'],
    ['GET', /^\/vendor\/directFulfillment\/transactions\/v1\/transactions\/([^/]+)$/, 'getTransaction'],
  ];
  for (const [m, re, operation] of routes) {
    const hit = method === m && re.exec(path);
    if (hit) return { operation, params: hit.slice(1).map(decodeURIComponent) };
  }
  return null;
}

function normaliseFault(spec = {}) {
  const kind = spec.kind || 'status';
  if (!['status', 'timeout', 'drop', 'slow'].includes(kind)) throw new Error(`unknown fault kind ${kind}`);
  const status = spec.status ?? (kind === 'status' ? 503 : undefined);
  if (kind === 'status' && ![429, 500, 502, 503, 504].includes(status)) throw new Error(`unsupported fault status ${status}`);
  return {
    route: spec.route,
    kind,
    status,
    times: spec.times ?? 1,
    retryAfter: spec.retryAfter,
    rateLimit: spec.rateLimit,
    afterProcessing: spec.afterProcessing === true,
    delayMs: spec.delayMs ?? 1000,
  };
}

// A string route matches when it is contained in "METHOD /path" (so 'POST /vendor/orders' or a
// bare path both work); a RegExp is tested against it; no route matches everything.
function routeMatches(route, key) {
  if (route === undefined || route === null) return true;
  if (route instanceof RegExp) return route.test(key);
  return key.includes(route);
}

function faultBody(status) {
  if (status === 429) return apiErrors('QuotaExceeded', 'You exceeded your quota for the requested resource.');
  if (status === 503 || status === 502 || status === 504)
    return apiErrors('ServiceUnavailable', 'Service temporarily unavailable. Please try again.');
  return apiErrors('InternalFailure', 'We encountered an internal error. Please try again.');
}

function apiErrors(code, message, details = '') {
  return { errors: [{ code, message, details }] };
}

function send(res, status, body, headers = {}, operation) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-RequestId': crypto.randomUUID(),
    'x-amzn-RateLimit-Limit': RATE_LIMITS[operation] || '10.0',
    ...headers,
  });
  res.end(text);
}

// ISO-8601 date-time as Amazon accepts it; without an offset the instant is taken as UTC (the
// sandbox's own examples send '2019-09-21T00:00:00').
function parseDateTime(text) {
  if (!DATE_TIME.test(text)) return null;
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.slice(10));
  const ms = Date.parse(hasOffset ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function orderMatches(order, params, dates) {
  const details = order.orderDetails || {};
  const created = details.purchaseOrderDate ? Date.parse(details.purchaseOrderDate) : NaN;
  const changed = details.purchaseOrderChangedDate ? Date.parse(details.purchaseOrderChangedDate) : NaN;
  const inWindow = (ms, after, before) => {
    if (after === undefined && before === undefined) return true;
    if (Number.isNaN(ms)) return false;
    return (after === undefined || ms >= after) && (before === undefined || ms < before);
  };
  if (!inWindow(created, dates.createdAfter, dates.createdBefore)) return false;
  if (!inWindow(changed, dates.changedAfter, dates.changedBefore)) return false;
  if (params.has('purchaseOrderState') && order.purchaseOrderState !== params.get('purchaseOrderState')) return false;
  if (params.has('isPOChanged') && (params.get('isPOChanged') === 'true') !== Boolean(details.purchaseOrderChangedDate)) return false;
  if (params.has('orderingVendorCode') && details.sellingParty?.partyId !== params.get('orderingVendorCode')) return false;
  if (params.get('poItemState') === 'Cancelled' && !(details.items || []).some((i) => i?.orderedQuantity?.amount === 0)) return false;
  return true;
}

// By purchaseOrderDate; POs without one go last either way so paging stays stable.
function sortOrders(list, sortOrder) {
  const sign = sortOrder === 'DESC' ? -1 : 1;
  const key = (o) => {
    const ms = Date.parse(o.orderDetails?.purchaseOrderDate ?? '');
    return Number.isNaN(ms) ? null : ms;
  };
  list.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return (ka - kb) * sign;
  });
}

function summary(order) {
  const out = { purchaseOrderNumber: order.purchaseOrderNumber };
  if (order.purchaseOrderState !== undefined) out.purchaseOrderState = order.purchaseOrderState;
  return out;
}

// Parameters that select or order POs; limit and includeDetails only shape the page.
function hashFilters(params) {
  const keys = [
    'createdAfter',
    'createdBefore',
    'changedAfter',
    'changedBefore',
    'sortOrder',
    'purchaseOrderState',
    'isPOChanged',
    'orderingVendorCode',
    'poItemState',
  ];
  const canonical = keys.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  return crypto.createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function encodeNextToken(offset, filterHash) {
  return Buffer.from(JSON.stringify({ o: offset, h: filterHash })).toString('base64');
}

function decodeNextToken(token, filterHash) {
  try {
    const { o, h } = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(o) || o < 0 || h !== filterHash) return null;
    return o;
  } catch {
    return null;
  }
}

function compactTimestamp(date) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');
}
