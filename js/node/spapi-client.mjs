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
// by asking Amazon what it holds before anything is sent again.
import { inspect } from 'node:util';

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
});
const FALLBACK_RATE_LIMIT = { rate: 1, burst: 1 };
// Connection errors that prove the request never reached the server: safe to resend a POST.
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET_BEFORE_SEND']);
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
   * @param {{code, status?, operation, errors?, requestId?, retryable?, deliveryUnknown?}} info
   *   `deliveryUnknown`: a submission whose fate is unknown (5xx, timeout, dropped connection
   *   after sending); Amazon may hold it, so it must not be resent before checking.
   */
  constructor(message, { code, status = null, operation, errors = [], requestId = null, retryable = false, deliveryUnknown = false } = {}) {
    super(message);
    this.name = 'SpApiError';
    this.code = code;
    this.status = status;
    this.operation = operation;
    this.errors = errors;
    this.requestId = requestId;
    this.retryable = retryable;
    this.deliveryUnknown = deliveryUnknown;
  }

  toJSON() {
    const { name, message, code, status, operation, errors, requestId, retryable, deliveryUnknown } = this;
    return { name, message, code, status, operation, errors, requestId, retryable, deliveryUnknown };
  }
}

export class SpApiClient {
  // Private fields: invisible to util.inspect, JSON.stringify and Object.keys.
  #credentials;
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
      endpoint, region = 'na', sandbox = false, lwaEndpoint = DEFAULT_LWA_ENDPOINT,
      credentials, fetch = globalThis.fetch, maxRetries = 4, timeoutMs = 30_000,
      sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      userAgent = `vendor-central-connector-node/0.1 (Language=JavaScript; Platform=Node.js/${process.version})`,
      rateLimits = {}, clock = Date.now,
    } = options;
    if (!credentials || !credentials.clientId || !credentials.clientSecret || !credentials.refreshToken) {
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

  /** getPurchaseOrder: the parsed response `{payload: order}`. */
  getPurchaseOrder(purchaseOrderNumber) {
    return this.#call('getPurchaseOrder', 'GET',
      `/vendor/orders/v1/purchaseOrders/${encodeURIComponent(purchaseOrderNumber)}`);
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
    return this.#call('submitInventoryUpdate', 'POST',
      `/vendor/directFulfillment/inventory/v1/warehouses/${encodeURIComponent(warehouseId)}/items`, { body });
  }

  /** getTransaction: the parsed response `{payload:{transactionStatus}}`. */
  getTransaction(transactionId) {
    return this.#call('getTransaction', 'GET',
      `/vendor/transactions/v1/transactions/${encodeURIComponent(transactionId)}`);
  }

  /**
   * Poll a transaction until Success or Failure. After `timeoutMs` returns the last status as is,
   * except that when the caller waited at least 15 minutes a transaction still Processing is
   * reported `{status:'Processing', assumedSuccess:true}` (Amazon's RP guide rule).
   * Elapsed time counts both the clock and the intervals slept, so an injected sleep works.
   * @returns {Promise<{transactionId, status, errors?, assumedSuccess?, polls}>}
   */
  async waitForTransaction(transactionId, { intervalMs = 5_000, timeoutMs = PROCESSING_ASSUMED_SUCCESS_MS } = {}) {
    const started = Date.now();
    let slept = 0;
    let polls = 0;
    for (;;) {
      const response = await this.getTransaction(transactionId);
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

  /** Replace every credential or token inside `text` (e.g. an echoed server message). */
  #redact(text) {
    let out = String(text ?? '');
    for (const secret of [this.#credentials.clientSecret, this.#credentials.refreshToken,
      this.#credentials.clientId, this.#accessToken]) {
      if (secret) out = out.split(secret).join('[redacted]');
    }
    return out;
  }

  #redactErrors(errors) {
    if (!Array.isArray(errors)) return [];
    return errors.map((e) => {
      const clean = {};
      for (const [k, v] of Object.entries(e ?? {})) clean[k] = typeof v === 'string' ? this.#redact(v) : v;
      return clean;
    });
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
      const token = await this.#getAccessToken(operation);
      await this.#throttle(operation);
      const headers = {
        'x-amz-access-token': token,
        'user-agent': this.userAgent,
        accept: 'application/json',
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const outcome = await this.#send(operation, url, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });

      if (outcome.rateLimit) this.#learnRate(operation, outcome.rateLimit);
      if (outcome.ok) return outcome.json;
      const error = outcome.error;
      // A submission is resent only when Amazon certainly did not take it.
      if (!idempotent && error.retryable && !(error.status === 429 || error.notDelivered)) {
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
   * One HTTP exchange with a timeout. Resolves to {ok:true, json} or
   * {ok:false, error: SpApiError, retryAfterMs?}; never rejects.
   */
  async #send(operation, url, init) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response;
    let text;
    try {
      response = await this.fetch(url, { ...init, signal: controller.signal });
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      const code = timedOut ? 'TIMEOUT' : 'NETWORK_ERROR';
      const reason = timedOut ? `no response within ${this.timeoutMs} ms` : this.#redact(cause?.cause?.code || cause?.message || 'network error');
      const error = new SpApiError(`${operation} failed: ${reason}`, {
        code, status: response?.status ?? null, operation, requestId: requestIdOf(response), retryable: true,
      });
      // Not enumerable: an internal hint for #call, not part of the error's public shape.
      Object.defineProperty(error, 'notDelivered', { value: !timedOut && NOT_DELIVERED_CODES.has(cause?.cause?.code), enumerable: false, writable: true });
      return { ok: false, error };
    } finally {
      clearTimeout(timer);
    }

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
    const code = first?.code || `HTTP_${response.status}`;
    const message = `${operation} failed: HTTP ${response.status} ${code}${first?.message ? `: ${first.message}` : ''}`;
    const retryable = RETRYABLE_STATUS.has(response.status);
    return {
      ok: false,
      rateLimit,
      retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after')) : undefined,
      error: new SpApiError(message, {
        code, status: response.status, operation, errors, requestId: requestIdOf(response), retryable,
      }),
    };
  }

  // Concurrent callers share one in-flight exchange.
  async #getAccessToken(operation) {
    if (this.#accessToken && Date.now() < this.#accessTokenExpiresAt - TOKEN_EXPIRY_MARGIN_MS) {
      return this.#accessToken;
    }
    if (!this.#tokenPromise) {
      this.#tokenPromise = this.#exchangeRefreshToken(operation).finally(() => { this.#tokenPromise = null; });
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
        this.#accessTokenExpiresAt = Date.now() + Number(outcome.json.expires_in ?? 3600) * 1000;
        return this.#accessToken;
      }
      if (!outcome.error.retryable || attempt >= this.maxRetries) throw outcome.error;
      await this.sleep(outcome.retryAfterMs ?? backoff(attempt));
    }
  }

  async #sendLwa(operation, form) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response;
    let text;
    try {
      response = await this.fetch(this.lwaEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'user-agent': this.userAgent },
        body: form.toString(),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      return {
        ok: false,
        error: new SpApiError(`LWA token exchange failed: ${timedOut ? 'timeout' : 'network error'}`, {
          code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', operation, retryable: true,
        }),
      };
    } finally {
      clearTimeout(timer);
    }
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.ok && json?.access_token) return { ok: true, json };
    const retryable = RETRYABLE_STATUS.has(response.status);
    // LWA's own error code (invalid_grant, invalid_client…) is safe to show; its description is
    // redacted because a server could echo what it was sent.
    const lwaCode = typeof json?.error === 'string' ? json.error : `HTTP_${response.status}`;
    const description = json?.error_description ? `: ${this.#redact(json.error_description)}` : '';
    return {
      ok: false,
      retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after')) : undefined,
      error: new SpApiError(`LWA token exchange failed: HTTP ${response.status} ${this.#redact(lwaCode)}${description}`, {
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
