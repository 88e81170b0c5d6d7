// A small SP-API client for the Node host: the vendor operations the adapters use (orders,
// acknowledgements, shipments, invoices, Direct Fulfillment inventory, transaction status), with
// Login with Amazon (LWA) token exchange, per-operation rate limits, retries with backoff,
// timeouts, and errors that never carry credentials or tokens. It does I/O only; every business
// decision is the WASM core's.
//
// Retries. Reads (GET) are idempotent: retried on 429, 5xx, timeouts and dropped connections.
// Submissions (POST) are not: a 5xx, a timeout or a dropped connection may come after Amazon
// accepted the body, and a blind resend could acknowledge a PO twice. A POST is retried only when
// Amazon certainly did not process it (429 throttling, connection refused); otherwise the error is
// thrown with `deliveryUnknown: true`, and the caller (the outbox, js/node/outbox.mjs) resolves it
// by asking Amazon what it holds before anything is sent again. An error that proves the request
// never left (the LWA token exchange failed, the connection was refused, DNS or TLS failed
// before a byte was sent) carries `notSent: true` and names that cause.
//
// Redirects are handled here, never by fetch: a request carries credentials (the LWA form holds
// the client secret and refresh token, an SP-API call the access token), so a redirect to
// another origin is refused (REDIRECT_REFUSED), and only a 307/308 (or a GET's redirect) to the
// same origin is followed, at most MAX_REDIRECTS times.
import { inspect } from 'node:util';
import { Redactor } from './redact.mjs';

const REGIONS = { na: 'na', eu: 'eu', fe: 'fe' };
// Amazon's documented default usage plans (requests per second, burst) per operation. The rate is
// replaced by the `x-amzn-RateLimit-Limit` header of the operation's latest response, because a
// selling partner's real plan can differ from the documented default.
export const DEFAULT_RATE_LIMITS = Object.freeze({
  getPurchaseOrders: { rate: 10, burst: 10 },
  getPurchaseOrder: { rate: 10, burst: 10 },
  submitAcknowledgement: { rate: 10, burst: 10 },
  getPurchaseOrdersStatus: { rate: 10, burst: 10 },
  submitShipmentConfirmations: { rate: 10, burst: 10 },
  submitInvoices: { rate: 10, burst: 10 },
  submitInventoryUpdate: { rate: 10, burst: 10 },
  getTransaction: { rate: 10, burst: 20 },
  submitDfAcknowledgement: { rate: 10, burst: 10 },
  submitShippingLabelRequest: { rate: 10, burst: 10 },
  submitDfShipmentConfirmations: { rate: 10, burst: 10 },
  submitDfShipmentStatusUpdates: { rate: 10, burst: 10 },
  submitDfInvoice: { rate: 10, burst: 10 },
  getDfTransactionStatus: { rate: 10, burst: 10 },
});
// The 2021-12-28 DF operations answer without the `payload` wrapper; the client adds it, so every
// submission reads `{payload:{transactionId}}`.
const wrapped = (response) => (response && typeof response === 'object' && 'payload' in response ? response : { payload: response });
const FALLBACK_RATE_LIMIT = { rate: 1, burst: 1 };
// Connection errors that prove the request never reached the server: safe to resend a POST.
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET_BEFORE_SEND']);
// What a network error code means, in words an administrator can act on.
const NETWORK_CAUSES = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'DNS lookup failed: no such host',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
};
// TLS failures during the handshake: nothing of the request was sent.
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY|DECRYPT)|HOSTNAME_MISMATCH|EPROTO$)/;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const DEFAULT_LWA_ENDPOINT = 'https://api.amazon.com/auth/o2/token';
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
// Refresh the cached access token this long before Amazon says it expires, so a request never
// leaves with a token that dies in flight.
const TOKEN_EXPIRY_MARGIN_MS = 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;
// RP guide: a retail transaction still Processing after 15 minutes has succeeded.
const PROCESSING_ASSUMED_SUCCESS_MS = 15 * 60_000;

export class SpApiError extends Error {
  /**
   * @param {string} message  never contains credentials or tokens (the client redacts them)
   * @param {{code, status?, operation, errors?, requestId?, retryable?, deliveryUnknown?, notSent?}} info
   *   `deliveryUnknown`: a submission whose fate is unknown (5xx, timeout, dropped connection
   *   after sending); Amazon may hold it, so it must not be resent before checking.
   *   `notSent`: the request provably never left (token exchange failed, connection refused,
   *   DNS or TLS failure): nothing reached Amazon.
   */
  constructor(
    message,
    { code, status = null, operation, errors = [], requestId = null, retryable = false, deliveryUnknown = false, notSent = false } = {},
  ) {
    super(message);
    this.name = 'SpApiError';
    this.code = code;
    this.status = status;
    this.operation = operation;
    this.errors = errors;
    this.requestId = requestId;
    this.retryable = retryable;
    this.deliveryUnknown = deliveryUnknown;
    this.notSent = notSent;
  }

  toJSON() {
    const { name, message, code, status, operation, errors, requestId, retryable, deliveryUnknown, notSent } = this;
    return { name, message, code, status, operation, errors, requestId, retryable, deliveryUnknown, notSent };
  }
}

export class SpApiClient {
  // Private fields: invisible to util.inspect, JSON.stringify and Object.keys.
  #credentials;
  #redactor;
  #accessToken = null;
  #accessTokenExpiresAt = 0;
  #tokenPromise = null;
  // Per operation: {rate, burst, tat} (GCRA's theoretical arrival time, ms).
  #limits = new Map();

  /**
   * @param {object} options
   * @param {string} [options.endpoint]  overrides region/sandbox (e.g. the emulator's url)
   * @param {'na'|'eu'|'fe'} [options.region='na']
   * @param {boolean} [options.sandbox=false]
   * @param {string} [options.lwaEndpoint]
   * @param {{clientId, clientSecret, refreshToken}} options.credentials
   * @param {Function} [options.fetch=globalThis.fetch]
   * @param {number} [options.maxRetries=4]
   * @param {number} [options.timeoutMs=30000]
   * @param {(ms:number)=>Promise<void>} [options.sleep]
   * @param {string} [options.userAgent]
   * @param {Record<string,{rate:number,burst:number}>} [options.rateLimits]  overrides of DEFAULT_RATE_LIMITS
   * @param {()=>number} [options.clock=Date.now]
   */
  constructor(options = {}) {
    const {
      endpoint,
      region = 'na',
      sandbox = false,
      lwaEndpoint = DEFAULT_LWA_ENDPOINT,
      credentials,
      fetch = globalThis.fetch,
      maxRetries = 4,
      timeoutMs = 30_000,
      sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      userAgent = `vendor-central-connector-node/0.1 (Language=JavaScript; Platform=Node.js/${process.version})`,
      rateLimits = {},
      clock = Date.now,
    } = options;
    if (!credentials?.clientId || !credentials.clientSecret || !credentials.refreshToken) {
      throw new TypeError('SpApiClient needs credentials {clientId, clientSecret, refreshToken}');
    }
    if (!endpoint && !REGIONS[region]) throw new TypeError(`unknown region ${region}: use na, eu or fe`);
    if (typeof fetch !== 'function') throw new TypeError('no fetch implementation available');
    this.endpoint = (endpoint || `https://${sandbox ? 'sandbox.' : ''}sellingpartnerapi-${region}.amazon.com`).replace(/\/+$/, '');
    this.lwaEndpoint = lwaEndpoint;
    this.maxRetries = maxRetries;
    this.timeoutMs = timeoutMs;
    this.userAgent = userAgent;
    this.#credentials = { ...credentials };
    this.#redactor = new Redactor([credentials.clientSecret, credentials.refreshToken, credentials.clientId]);
    // Non-enumerable so logging the client prints neither the functions nor anything they close over.
    Object.defineProperty(this, 'fetch', { value: fetch, enumerable: false });
    Object.defineProperty(this, 'sleep', { value: sleep, enumerable: false });
    Object.defineProperty(this, 'clock', { value: clock, enumerable: false });
    for (const [operation, plan] of Object.entries({ ...DEFAULT_RATE_LIMITS, ...rateLimits })) {
      this.#limits.set(operation, { rate: plan.rate, burst: plan.burst, tat: 0 });
    }
  }

  /** The rate (requests/s) and burst the client currently applies to `operation`. */
  rateLimit(operation) {
    const plan = this.#limits.get(operation) ?? FALLBACK_RATE_LIMIT;
    return { rate: plan.rate, burst: plan.burst };
  }

  /** One page of getPurchaseOrders: the parsed response `{payload:{pagination?, orders}}`. */
  getPurchaseOrders(params = {}) {
    return this.#call('getPurchaseOrders', 'GET', '/vendor/orders/v1/purchaseOrders', { query: params });
  }

  /** Every PO matching `params`, following nextToken across pages. */
  async *listPurchaseOrders(params = {}) {
    let nextToken;
    do {
      const query = nextToken ? { ...params, nextToken } : { ...params };
      const response = await this.getPurchaseOrders(query);
      for (const order of response?.payload?.orders ?? []) yield order;
      nextToken = response?.payload?.pagination?.nextToken;
    } while (nextToken);
  }

  /** One page of getPurchaseOrdersStatus: `{payload:{pagination?, ordersStatus}}`. */
  getPurchaseOrdersStatus(params = {}) {
    return this.#call('getPurchaseOrdersStatus', 'GET', '/vendor/orders/v1/purchaseOrdersStatus', { query: params });
  }

  /** Every OrderStatus matching `params`, following nextToken across pages. */
  async *listPurchaseOrdersStatus(params = {}) {
    let nextToken;
    do {
      const query = nextToken ? { ...params, nextToken } : { ...params };
      const response = await this.getPurchaseOrdersStatus(query);
      for (const status of response?.payload?.ordersStatus ?? []) yield status;
      nextToken = response?.payload?.pagination?.nextToken;
    } while (nextToken);
  }

  /** getPurchaseOrder: the parsed response `{payload: order}`. */
  getPurchaseOrder(purchaseOrderNumber) {
    return this.#call('getPurchaseOrder', 'GET', `/vendor/orders/v1/purchaseOrders/${encodeURIComponent(purchaseOrderNumber)}`);
  }

  /** submitAcknowledgement: the parsed response `{payload:{transactionId}}`. */
  submitAcknowledgement(body) {
    return this.#call('submitAcknowledgement', 'POST', '/vendor/orders/v1/acknowledgements', { body });
  }

  /** submitShipmentConfirmations (vendor shipments v1): `{payload:{transactionId}}`. */
  submitShipmentConfirmations(body) {
    return this.#call('submitShipmentConfirmations', 'POST', '/vendor/shipping/v1/shipmentConfirmations', { body });
  }

  /** submitInvoices (vendor invoices v1): `{payload:{transactionId}}`. */
  submitInvoices(body) {
    return this.#call('submitInvoices', 'POST', '/vendor/payments/v1/invoices', { body });
  }

  /** Direct Fulfillment submitInventoryUpdate for one warehouse: `{payload:{transactionId}}`. */
  submitInventoryUpdate(warehouseId, body) {
    return this.#call(
      'submitInventoryUpdate',
      'POST',
      `/vendor/directFulfillment/inventory/v1/warehouses/${encodeURIComponent(warehouseId)}/items`,
      { body },
    );
  }

  /** DF submitAcknowledgement (orders 2021-12-28): `{payload:{transactionId}}`. */
  async submitDfAcknowledgement(body) {
    return wrapped(
      await this.#call('submitDfAcknowledgement', 'POST', '/vendor/directFulfillment/orders/2021-12-28/acknowledgements', { body }),
    );
  }

  /** DF submitShippingLabelRequest (shipping 2021-12-28): `{payload:{transactionId}}`. */
  async submitShippingLabelRequest(body) {
    return wrapped(
      await this.#call('submitShippingLabelRequest', 'POST', '/vendor/directFulfillment/shipping/2021-12-28/shippingLabels', { body }),
    );
  }

  /** DF submitShipmentConfirmations (shipping 2021-12-28): `{payload:{transactionId}}`. */
  async submitDfShipmentConfirmations(body) {
    return wrapped(
      await this.#call('submitDfShipmentConfirmations', 'POST', '/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations', {
        body,
      }),
    );
  }

  /** DF submitShipmentStatusUpdates (shipping 2021-12-28): `{payload:{transactionId}}`. */
  async submitDfShipmentStatusUpdates(body) {
    return wrapped(
      await this.#call('submitDfShipmentStatusUpdates', 'POST', '/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates', {
        body,
      }),
    );
  }

  /** DF submitInvoice (payments v1): `{payload:{transactionId}}`. */
  submitDfInvoice(body) {
    return this.#call('submitDfInvoice', 'POST', '/vendor/directFulfillment/payments/v1/invoices', { body });
  }

  /**
   * DF getTransactionStatus (transactions 2021-12-28), shaped as getTransaction answers:
   * `{payload:{transactionStatus:{transactionId, status, errors?}}}` (the model's `errors`
   * object `{errors:[…]}` becomes the array).
   */
  async getDfTransactionStatus(transactionId) {
    const response = await this.#call(
      'getDfTransactionStatus',
      'GET',
      `/vendor/directFulfillment/transactions/2021-12-28/transactions/${encodeURIComponent(transactionId)}`,
    );
    const status = response?.transactionStatus;
    if (!status) return wrapped(response);
    const { errors, ...rest } = status;
    const list = Array.isArray(errors) ? errors : errors?.errors;
    return { payload: { transactionStatus: list ? { ...rest, errors: list } : rest } };
  }

  /** getTransaction: the parsed response `{payload:{transactionStatus}}`. */
  getTransaction(transactionId) {
    return this.#call('getTransaction', 'GET', `/vendor/transactions/v1/transactions/${encodeURIComponent(transactionId)}`);
  }

  /**
   * Poll a transaction until Success or Failure. After `timeoutMs` returns the last status as is,
   * except that when the caller waited at least 15 minutes a transaction still Processing is
   * reported `{status:'Processing', assumedSuccess:true}` (Amazon's RP guide rule).
   * Elapsed time counts both the clock and the intervals slept, so an injected sleep works.
   * @returns {Promise<{transactionId, status, errors?, assumedSuccess?, polls}>}
   */
  async waitForTransaction(
    transactionId,
    { intervalMs = 5_000, timeoutMs = PROCESSING_ASSUMED_SUCCESS_MS, directFulfillment = false } = {},
  ) {
    const started = Date.now();
    let slept = 0;
    let polls = 0;
    for (;;) {
      const response = directFulfillment ? await this.getDfTransactionStatus(transactionId) : await this.getTransaction(transactionId);
      polls += 1;
      const status = response?.payload?.transactionStatus ?? { transactionId, status: 'Processing' };
      if (status.status === 'Success' || status.status === 'Failure') return { ...status, polls };
      const elapsed = Math.max(Date.now() - started, slept);
      if (elapsed + intervalMs > timeoutMs) {
        const result = { ...status, polls };
        if (timeoutMs >= PROCESSING_ASSUMED_SUCCESS_MS) result.assumedSuccess = true;
        return result;
      }
      await this.sleep(intervalMs);
      slept += intervalMs;
    }
  }

  // Keeps util.inspect(client) short and free of anything sensitive.
  [inspect.custom]() {
    return `SpApiClient { endpoint: '${this.endpoint}', lwaEndpoint: '${this.lwaEndpoint}' }`;
  }

  toJSON() {
    return { endpoint: this.endpoint, lwaEndpoint: this.lwaEndpoint };
  }

  /**
   * A copy of `value` (text, or any JSON value however nested) with every credential and
   * recent access token replaced by "[redacted]", in every encoding (see redact.mjs). Hosts
   * use it for anything they write that came from Amazon or from an error.
   */
  redact(value) {
    return this.#redactor.deep(value);
  }

  #redact(text) {
    return this.#redactor.text(text);
  }

  #redactErrors(errors) {
    if (!Array.isArray(errors)) return [];
    return errors.map((e) => (e !== null && typeof e === 'object' ? this.#redactor.deep(e) : { message: this.#redact(e) }));
  }

  /** Every SpApiError leaves through here: its message and errors redacted once more. */
  #error(message, info) {
    return new SpApiError(this.#redact(message), { ...info, errors: this.#redactErrors(info.errors ?? []) });
  }

  async #call(operation, method, path, { query, body } = {}) {
    const url = new URL(this.endpoint + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null) continue;
      url.searchParams.set(k, v instanceof Date ? v.toISOString() : String(v));
    }
    const idempotent = method === 'GET';
    let refreshedAfter403 = false;
    for (let attempt = 0; ; attempt += 1) {
      // A failed token exchange throws an error with notSent: the request never left.
      const token = await this.#getAccessToken(operation);
      await this.#throttle(operation);
      const headers = {
        'x-amz-access-token': token,
        'user-agent': this.userAgent,
        accept: 'application/json',
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const outcome = await this.#send(operation, url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

      if (outcome.rateLimit) this.#learnRate(operation, outcome.rateLimit);
      if (outcome.ok) return outcome.json;
      const error = outcome.error;
      // Throttled or never delivered: Amazon did not take it (the last such error says so).
      if (error.status === 429 || error.notDelivered) error.notSent = true;
      // A submission is resent only when Amazon certainly did not take it.
      if (!idempotent && error.retryable && !error.notSent) {
        error.retryable = false;
        error.deliveryUnknown = true;
        throw error;
      }
      // One refresh for an expired or revoked token, then the 403 stands.
      if (error.status === 403 && !refreshedAfter403) {
        refreshedAfter403 = true;
        this.#accessToken = null;
        this.#accessTokenExpiresAt = 0;
        attempt -= 1;
        continue;
      }
      if (!error.retryable || attempt >= this.maxRetries) throw error;
      await this.sleep(outcome.retryAfterMs ?? backoff(attempt));
    }
  }

  /**
   * Waits until `operation` may be called under its plan (GCRA: `burst` calls at once, then one
   * per 1/rate s). The slot is reserved before sleeping, so concurrent callers queue in order.
   */
  async #throttle(operation) {
    let plan = this.#limits.get(operation);
    if (!plan) {
      plan = { ...FALLBACK_RATE_LIMIT, tat: 0 };
      this.#limits.set(operation, plan);
    }
    const now = this.clock();
    const interval = 1000 / plan.rate;
    const tat = Math.max(plan.tat, now);
    const wait = tat - now - (plan.burst - 1) * interval;
    plan.tat = tat + interval;
    if (wait > 0) await this.sleep(Math.ceil(wait));
  }

  #learnRate(operation, rate) {
    const plan = this.#limits.get(operation);
    if (plan && rate > 0 && Number.isFinite(rate)) plan.rate = rate;
  }

  /**
   * One HTTP exchange (redirects handled by hand, see the top of this file) with a timeout.
   * Resolves to {ok, response, text} or {ok:false, error, notDelivered}; never rejects.
   * `label` starts every message ("getPurchaseOrders failed", "LWA token exchange failed").
   */
  async #exchange(label, operation, url, init) {
    let target = new URL(url);
    const current = init;
    for (let hop = 0; ; hop += 1) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      let response;
      let text;
      try {
        response = await this.fetch(target, { ...current, redirect: 'manual', signal: controller.signal });
        if (!REDIRECT_STATUS.has(response.status)) text = await response.text();
      } catch (cause) {
        const timedOut = controller.signal.aborted;
        const { reason, code, notDelivered } = timedOut
          ? { reason: `no response within ${this.timeoutMs} ms`, code: 'TIMEOUT', notDelivered: false }
          : describeNetworkError(cause, target);
        const error = this.#error(`${label}: ${reason}`, {
          code,
          status: response?.status ?? null,
          operation,
          requestId: requestIdOf(response),
          retryable: true,
        });
        // Not enumerable: an internal hint for #call, not part of the error's public shape.
        Object.defineProperty(error, 'notDelivered', { value: notDelivered, enumerable: false, writable: true });
        return { ok: false, error };
      } finally {
        clearTimeout(timer);
      }
      if (!REDIRECT_STATUS.has(response.status)) return { ok: true, response, text };
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      let next = null;
      try {
        next = location ? new URL(location, target) : null;
      } catch {
        next = null;
      }
      const sameOrigin = next !== null && next.origin === target.origin;
      const followable =
        sameOrigin && hop < MAX_REDIRECTS && (response.status === 307 || response.status === 308 || current.method === 'GET');
      if (!followable) {
        const where = next
          ? sameOrigin
            ? `${next.origin} (too many redirects or a method change)`
            : `another origin (${next.origin})`
          : 'nowhere (no valid Location)';
        const error = this.#error(
          `${label}: HTTP ${response.status} redirect to ${where} not followed: credentials are sent only to ${target.origin}`,
          {
            code: 'REDIRECT_REFUSED',
            status: response.status,
            operation,
            requestId: requestIdOf(response),
            retryable: false,
          },
        );
        return { ok: false, error };
      }
      target = next;
    }
  }

  /**
   * One SP-API call. Resolves to {ok:true, json} or {ok:false, error: SpApiError, retryAfterMs?};
   * never rejects.
   */
  async #send(operation, url, init) {
    const exchanged = await this.#exchange(`${operation} failed`, operation, url, init);
    if (!exchanged.ok) return exchanged;
    const { response, text } = exchanged;
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const rateLimit = Number(response.headers.get('x-amzn-ratelimit-limit'));
    if (response.ok) return { ok: true, json, rateLimit };

    const errors = this.#redactErrors(json?.errors);
    const first = errors[0];
    const code = typeof first?.code === 'string' && first.code ? first.code : `HTTP_${response.status}`;
    const message = `${operation} failed: HTTP ${response.status} ${code}${typeof first?.message === 'string' && first.message ? `: ${first.message}` : ''}`;
    const retryable = RETRYABLE_STATUS.has(response.status);
    return {
      ok: false,
      rateLimit,
      retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after')) : undefined,
      error: this.#error(message, {
        code,
        status: response.status,
        operation,
        errors,
        requestId: requestIdOf(response),
        retryable,
      }),
    };
  }

  // Concurrent callers share one in-flight exchange.
  async #getAccessToken(operation) {
    if (this.#accessToken && Date.now() < this.#accessTokenExpiresAt - TOKEN_EXPIRY_MARGIN_MS) {
      return this.#accessToken;
    }
    if (!this.#tokenPromise) {
      this.#tokenPromise = this.#exchangeRefreshToken(operation).finally(() => {
        this.#tokenPromise = null;
      });
    }
    return this.#tokenPromise;
  }

  async #exchangeRefreshToken(operation) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.#credentials.refreshToken,
      client_id: this.#credentials.clientId,
      client_secret: this.#credentials.clientSecret,
    });
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.#sendLwa(operation, form);
      if (outcome.ok) {
        this.#accessToken = outcome.json.access_token;
        this.#redactor.addVolatile(this.#accessToken);
        this.#accessTokenExpiresAt = Date.now() + Number(outcome.json.expires_in ?? 3600) * 1000;
        return this.#accessToken;
      }
      // Whatever went wrong, no SP-API request has left yet: the caller's submission was not sent.
      if (!outcome.error.retryable || attempt >= this.maxRetries) {
        outcome.error.notSent = true;
        throw outcome.error;
      }
      await this.sleep(outcome.retryAfterMs ?? backoff(attempt));
    }
  }

  async #sendLwa(operation, form) {
    const label = 'LWA token exchange failed';
    const exchanged = await this.#exchange(label, operation, this.lwaEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'user-agent': this.userAgent },
      body: form.toString(),
    });
    if (!exchanged.ok) return exchanged;
    const { response, text } = exchanged;
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.ok && typeof json?.access_token === 'string' && json.access_token) return { ok: true, json };
    const retryable = RETRYABLE_STATUS.has(response.status);
    // LWA's own error code (invalid_grant, invalid_client…) is safe to show; its description is
    // redacted because a server could echo what it was sent.
    const lwaCode = typeof json?.error === 'string' ? json.error : `HTTP_${response.status}`;
    const description =
      typeof json?.error_description === 'string' && json.error_description ? `: ${this.#redact(json.error_description)}` : '';
    const what = response.ok ? `HTTP ${response.status} without an access token` : `HTTP ${response.status} ${this.#redact(lwaCode)}`;
    return {
      ok: false,
      retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after')) : undefined,
      error: this.#error(`${label}: ${what}${description}`, {
        code: 'LWA_ERROR',
        status: response.status,
        operation,
        errors: [{ code: this.#redact(lwaCode), message: description.slice(2) }],
        requestId: requestIdOf(response),
        retryable,
      }),
    };
  }
}

/**
 * A failed fetch in words, with its code, and whether it proves nothing was delivered. Node's
 * fetch throws `TypeError: fetch failed` with the system error as `cause` (sometimes nested,
 * or an AggregateError of one per address).
 */
function describeNetworkError(error, url) {
  let cause = error;
  for (let depth = 0; depth < 4 && cause?.cause; depth += 1) cause = cause.cause;
  if (Array.isArray(cause?.errors) && cause.errors.length) cause = cause.errors[0];
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const where = `${url.hostname}${url.port ? `:${url.port}` : ''}`;
  if (TLS_CODE.test(code)) {
    return { reason: `TLS handshake with ${where} failed: ${cause.message || code} (${code})`, code: 'TLS_ERROR', notDelivered: true };
  }
  const words = NETWORK_CAUSES[code];
  if (words) {
    return { reason: `${words} (${code}) to ${where}`, code: 'NETWORK_ERROR', notDelivered: NOT_DELIVERED_CODES.has(code) };
  }
  const detail = code || cause?.message || error?.message || 'network error';
  return { reason: `network error to ${where}: ${detail}`, code: 'NETWORK_ERROR', notDelivered: false };
}

function requestIdOf(response) {
  return response?.headers?.get?.('x-amzn-requestid') ?? null;
}

// Exponential backoff with jitter: a random delay in [half, full] of base·2^attempt, capped, so
// many clients retrying at once spread out.
function backoff(attempt) {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(full / 2 + Math.random() * (full / 2));
}

// Retry-After is either seconds or an HTTP date.
function retryAfterMs(value) {
  if (value == null || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, BACKOFF_MAX_MS * 4);
  const at = Date.parse(value);
  if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  return undefined;
}
