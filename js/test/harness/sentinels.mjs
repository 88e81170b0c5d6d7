// Sentinel values the tests plant so that a leak can be found by exact string search: the LWA
// credentials each test file hands to the client/CLI/runner (never to be printed, journaled or
// written anywhere), and a DF customer's personal data (never in exceptions or errors).
// js/tasks/scan-outputs.mjs searches every output of the whole JS suite for all of them.

/** LWA client secrets and refresh tokens used by the tests, by test file. */
export const SECRET_SENTINELS = Object.freeze({
  runner: Object.freeze({
    clientId: 'amzn1.application-oa2-client.SENTINEL-ID-4b1d',
    clientSecret: 'SENTINEL-SECRET-do-not-print-7e22c0',
    refreshToken: 'Atzr|SENTINEL-REFRESH-do-not-print-91af',
  }),
  cli: Object.freeze({
    clientId: 'amzn1.application-oa2-client.CLI-SENTINEL',
    clientSecret: 'CLI-SENTINEL-SECRET-31f0',
    refreshToken: 'Atzr|CLI-SENTINEL-REFRESH-c2d9',
  }),
  netsuite: Object.freeze({
    clientId: 'amzn1.application-oa2-client.NS-SENTINEL-1',
    clientSecret: 'NS-SENTINEL-SECRET-5a9d',
    refreshToken: 'Atzr|NS-SENTINEL-REFRESH-77c3',
  }),
  nodeClient: Object.freeze({
    clientId: 'amzn1.application-oa2-client.LEAKCHECK',
    clientSecret: 'super-secret-LEAKCHECK-0001',
    refreshToken: 'Atzr|refresh-LEAKCHECK-0002',
  }),
});

/** A DF customer's personal data, each value distinctive enough to be searched for. */
export const PERSONAL_DATA_SENTINELS = Object.freeze({
  name: 'Zqxv Privatkunde-PII-7731',
  attention: 'Attn Qyzzle-PII-2208',
  addressLine1: '88 Wuxqolane-PII Street',
  addressLine2: 'Flat Kzyq-PII-2B',
  addressLine3: 'Block Vwqx-PII-3C',
  city: 'Plimbtown-PII',
  county: 'Xqounty-PII',
  district: 'Dzistrict-PII',
  postalCode: 'PII-97403Q',
  phone: '+1-555-PII-0199',
  billName: 'Billqux Payer-PII-51',
  billLine: '9 Invoiqe-PII Road',
  message: 'Note-PII: leave it with Zqxv next door',
  giftMessage: 'Gift-PII: happy birthday Zqxv',
  customizedUrl: 'https://custom.example/PII-URL-5f7e',
  numeric: 9740377731,
});

/** Every secret value (client ids are not secret, but the tests keep them out of outputs too). */
export const ALL_SECRET_VALUES = Object.freeze(Object.values(SECRET_SENTINELS).flatMap((s) => Object.values(s)));
