// Secrets never leave: the LWA client secret, refresh token and access tokens are replaced by
// "[redacted]" wherever they could reappear in text the Node host writes (console output, error
// messages, the outbox journal). A server may echo what it was sent in any encoding, so each
// secret is searched for as is and in every form it takes on the way there and back:
//   raw · URL-encoded (encodeURIComponent, the form encoding of the LWA body, twice encoded,
//   upper- or lower-case hex) · JSON-escaped (also with "\/") · base64 and base64url (at each of
//   the three alignments a secret can have inside a longer base64 text, e.g. a Basic
//   Authorization header of "id:secret")
// and inside nested objects and arrays (an SP-API error's `details`, however deep), keys included.

const REDACTED = '[redacted]';
// Shorter forms could match ordinary text; every credential and token is far longer.
const MIN_FORM_LENGTH = 8;

/** Every form `secret` can take in text a server echoes or a log line holds (longest first). */
export function secretForms(secret) {
  const raw = String(secret ?? '');
  if (raw.length < MIN_FORM_LENGTH) return raw ? [raw] : [];
  const forms = new Set([raw]);
  const uri = encodeURIComponent(raw);
  const form = new URLSearchParams({ v: raw }).toString().slice(2);
  for (const encoded of [uri, form, encodeURIComponent(uri), encodeURIComponent(form)]) {
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  }
  const json = JSON.stringify(raw).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/\//g, '\\/'));
  for (const core of base64Cores(Buffer.from(raw, 'utf8'))) {
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    forms.add(core.replace(/\//g, '\\/'));
  }
  return [...forms].filter((f) => f.length >= MIN_FORM_LENGTH || f === raw).sort((a, b) => b.length - a.length);
}

/**
 * The base64 characters that depend only on `bytes`, for each alignment (0, 1, 2 bytes before
 * it in a longer text): a character encodes 6 bits, so at alignment k the characters from
 * ceil(8k/6) to floor(8(k+n)/6) are the secret's alone, whatever surrounds it.
 */
function base64Cores(bytes) {
  const cores = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    cores.push(encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)));
  }
  return cores;
}

/** Replaces every form of every secret it was given, in text and in nested values. */
export class Redactor {
  #fixed = [];
  #volatile = [];
  #forms = [];

  /** @param {Array<string|undefined|null>} secrets  the credentials (empty ones are ignored) */
  constructor(secrets = []) {
    this.#fixed = secrets.filter((s) => typeof s === 'string' && s !== '');
    this.#rebuild();
  }

  /** Secrets that change (access tokens): the latest few are kept, older ones dropped. */
  addVolatile(secret) {
    if (typeof secret !== 'string' || secret === '' || this.#volatile.includes(secret)) return;
    this.#volatile = [...this.#volatile.slice(-2), secret];
    this.#rebuild();
  }

  #rebuild() {
    const all = new Set([...this.#fixed, ...this.#volatile].flatMap(secretForms));
    this.#forms = [...all].sort((a, b) => b.length - a.length);
  }

  /** `value` as text with every form of every secret replaced by "[redacted]". */
  text(value) {
    let out = typeof value === 'string' ? value : String(value ?? '');
    for (const form of this.#forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  }

  /** A copy of `value` with every string in it (and every key) redacted, however deep. */
  deep(value, depth = 0) {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 64) return REDACTED; // a hostile depth is not worth walking
    if (Array.isArray(value)) return value.map((v) => this.deep(v, depth + 1));
    const out = {};
    for (const [key, v] of Object.entries(value)) {
      Object.defineProperty(out, this.text(key), { value: this.deep(v, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
}
