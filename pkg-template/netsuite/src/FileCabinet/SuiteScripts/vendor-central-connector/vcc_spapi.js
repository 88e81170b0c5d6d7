/**
 * SP-API over N/https for SuiteScript: LWA token exchange (cached for the script's run), nextToken
 * paging, reads retried on 429/5xx, submissions never blindly resent (a 5xx or a lost answer is
 * reported as `deliveryUnknown`; the outbox in vcc_outbox.js resolves it). Credentials and tokens
 * never reach a log or an error message.
 *
 * Each LWA credential is either its value (a script parameter) or a reference to a NetSuite API
 * secret written as its placeholder, `{custsecret_…}`. A secret's value never enters this script:
 * the token request body is built as an N/https SecureString whose placeholders NetSuite fills in
 * when the request is sent (the secret must allow this script and the LWA domain).
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/https'], (https) => {
  const RETRYABLE = [429, 500, 502, 503, 504];
  const TOKEN_MARGIN_MS = 60000;
  /** An API secret placeholder, as N/https createSecureString accepts it. */
  const SECRET_PLACEHOLDER = /^\{custsecret[a-zA-Z0-9_]{1,89}\}$/i;

  /** True when a credential names an API secret rather than holding a value. */
  function isSecretReference(value) {
    return typeof value === 'string' && SECRET_PLACEHOLDER.test(value.trim());
  }

  /**
   * The LWA refresh-token request body. Plain values are form-encoded here; secret placeholders
   * are left for NetSuite to fill in (inserted as stored: a secret holding `+`, `&` or `%` must be
   * stored form-encoded). With any secret the body is an https.SecureString, else plain text.
   */
  function tokenRequestBody(credentials) {
    const pairs = [
      ['grant_type', 'refresh_token'],
      ['refresh_token', credentials.refreshToken],
      ['client_id', credentials.clientId],
      ['client_secret', credentials.clientSecret],
    ];
    let secret = false;
    const text = pairs
      .map((p) => {
        if (isSecretReference(p[1])) {
          secret = true;
          return `${p[0]}=${p[1].trim()}`;
        }
        return `${encodeURIComponent(p[0])}=${encodeURIComponent(p[1])}`;
      })
      .join('&');
    return secret ? https.createSecureString({ input: text }) : text;
  }

  function encodeQuery(params) {
    const parts = [];
    Object.keys(params || {}).forEach((k) => {
      const v = params[k];
      if (v === undefined || v === null) return;
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    });
    return parts.length ? `?${parts.join('&')}` : '';
  }

  function parseJson(text) {
    try {
      return text ? JSON.parse(text) : null;
    } catch (_e) {
      return null;
    }
  }

  /**
   * @param {{endpoint: string, lwaEndpoint: string, credentials: {clientId, clientSecret, refreshToken}, maxRetries?: number}} options
   */
  function createClient(options) {
    const endpoint = String(options.endpoint || '').replace(/\/+$/, '');
    const lwaEndpoint = options.lwaEndpoint || 'https://api.amazon.com/auth/o2/token';
    const credentials = options.credentials || {};
    const maxRetries = options.maxRetries === undefined ? 3 : options.maxRetries;
    if (!endpoint || !credentials.clientId || !credentials.clientSecret || !credentials.refreshToken) {
      throw spapiError('CONFIGURATION', 'SP-API endpoint or LWA credentials are not configured (script parameters)', {});
    }
    let accessToken = null;
    let expiresAt = 0;

    // Plain credentials are cut out of any text that could reach a message; secret references
    // are placeholders (their values are never in this script).
    function redact(text) {
      let out = String(text === undefined || text === null ? '' : text);
      [credentials.clientSecret, credentials.refreshToken, credentials.clientId, accessToken].forEach((s) => {
        if (s && !isSecretReference(s)) out = out.split(s).join('[redacted]');
      });
      return out;
    }

    function spapiError(code, message, extra) {
      const e = new Error(redact(message));
      e.name = 'SpApiError';
      e.code = code;
      Object.keys(extra || {}).forEach((k) => {
        e[k] = extra[k];
      });
      return e;
    }

    function token() {
      if (accessToken && Date.now() < expiresAt - TOKEN_MARGIN_MS) return accessToken;
      const body = tokenRequestBody(credentials);
      for (let attempt = 0; ; attempt += 1) {
        let res;
        try {
          res = https.post({ url: lwaEndpoint, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body });
        } catch (e) {
          // A lost connection is retried; a secret that is missing or not allowed for this script
          // (or the LWA domain) is not. Only the error's name is reported: its message is not ours.
          if (attempt < maxRetries && !(e && /SECRET/i.test(String(e.name)))) continue;
          throw spapiError('LWA_ERROR', `LWA token exchange failed: ${e && e.name ? e.name : 'network error'}`, {});
        }
        const json = parseJson(res.body);
        if (res.code === 200 && json && json.access_token) {
          accessToken = json.access_token;
          expiresAt = Date.now() + Number(json.expires_in || 3600) * 1000;
          return accessToken;
        }
        if (RETRYABLE.indexOf(res.code) < 0 || attempt >= maxRetries) {
          const code = json && typeof json.error === 'string' ? json.error : `HTTP_${res.code}`;
          throw spapiError('LWA_ERROR', `LWA token exchange failed: HTTP ${res.code} ${code}`, { status: res.code });
        }
      }
    }

    function call(operation, method, path, query, body) {
      const url = endpoint + path + encodeQuery(query);
      const idempotent = method === 'GET';
      let refreshed = false;
      for (let attempt = 0; ; attempt += 1) {
        const headers = { 'x-amz-access-token': token(), accept: 'application/json' };
        if (body !== undefined) headers['content-type'] = 'application/json';
        let res;
        try {
          res = idempotent ? https.get({ url, headers }) : https.post({ url, headers, body: JSON.stringify(body) });
        } catch (e) {
          // No answer: a read is retried; a submission may have arrived, so it is not.
          if (idempotent && attempt < maxRetries) continue;
          throw spapiError('NETWORK_ERROR', `${operation} failed: ${e && e.name ? e.name : 'network error'}`, {
            operation,
            deliveryUnknown: !idempotent,
            retryable: idempotent,
          });
        }
        const json = parseJson(res.body);
        if (res.code >= 200 && res.code < 300) return json;
        if (res.code === 403 && !refreshed) {
          refreshed = true;
          accessToken = null;
          attempt -= 1;
          continue;
        }
        const retryable = RETRYABLE.indexOf(res.code) >= 0;
        const first = json && json.errors && json.errors[0] ? json.errors[0] : null;
        const code = first && first.code ? first.code : `HTTP_${res.code}`;
        const err = () =>
          spapiError(code, `${operation} failed: HTTP ${res.code} ${code}${first && first.message ? `: ${first.message}` : ''}`, {
            operation,
            status: res.code,
            retryable,
            deliveryUnknown: !idempotent && retryable && res.code !== 429,
            errors: json && Array.isArray(json.errors) ? json.errors.map((x) => ({ code: x.code, message: redact(x.message) })) : [],
          });
        // 429 means Amazon did not take the request: safe to repeat, even a submission.
        if (retryable && (idempotent || res.code === 429) && attempt < maxRetries) continue;
        throw err();
      }
    }

    return {
      getPurchaseOrders: (params) => call('getPurchaseOrders', 'GET', '/vendor/orders/v1/purchaseOrders', params),
      /** Every PO matching `params`, following nextToken. */
      listPurchaseOrders(params) {
        const all = [];
        let nextToken;
        do {
          const query = Object.assign({}, params, nextToken ? { nextToken } : {});
          const page = call('getPurchaseOrders', 'GET', '/vendor/orders/v1/purchaseOrders', query);
          const payload = (page && page.payload) || {};
          (payload.orders || []).forEach((o) => all.push(o));
          nextToken = payload.pagination && payload.pagination.nextToken;
        } while (nextToken);
        return all;
      },
      /** Every OrderStatus (getPurchaseOrdersStatus) matching `params`, following nextToken. */
      listPurchaseOrdersStatus(params) {
        const all = [];
        let nextToken;
        do {
          const query = Object.assign({}, params, nextToken ? { nextToken } : {});
          const page = call('getPurchaseOrdersStatus', 'GET', '/vendor/orders/v1/purchaseOrdersStatus', query);
          const payload = (page && page.payload) || {};
          (payload.ordersStatus || []).forEach((o) => all.push(o));
          nextToken = payload.pagination && payload.pagination.nextToken;
        } while (nextToken);
        return all;
      },
      getPurchaseOrder: (n) => call('getPurchaseOrder', 'GET', `/vendor/orders/v1/purchaseOrders/${encodeURIComponent(n)}`),
      submitAcknowledgement: (body) => call('submitAcknowledgement', 'POST', '/vendor/orders/v1/acknowledgements', undefined, body),
      getTransaction: (id) => call('getTransaction', 'GET', `/vendor/transactions/v1/transactions/${encodeURIComponent(id)}`),
      toJSON: () => ({ endpoint }),
    };
  }

  return { createClient, isSecretReference };
});
