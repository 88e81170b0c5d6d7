/**
 * The submission outbox (custom record customrecord_vcc_outbox): every submission is journaled
 * before it is sent and updated with Amazon's answer; entries in doubt are resolved without
 * sending again. The acknowledgement history the core needs is read back from here. What each
 * answer means (states, what may be sent again and when, the 15-minute rule) is the core's
 * nextOutboxAction (src/outbox/README.md): this file stores, sends and asks what the core says.
 *
 * Sizes: one entry holds at most 100 POs, its PO numbers fit the Text Area field (4,000 bytes)
 * and its request body the Long Text field (1,000,000 bytes): a run's acknowledgements are
 * journaled and sent in as many entries as that takes. The state field is text, so it is
 * searched with `is` (never `anyof`); PO numbers are found with `contains` on the keys field and
 * matched exactly here. Bodies are read with record.load (2 units), never from a search column.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/record', 'N/search', './lib/vendor-central-connector.amd', './vcc_search'], (record, search, vcc, searches) => {
  const OUTBOX = 'customrecord_vcc_outbox';
  const F = {
    operation: 'custrecord_vcc_ob_operation',
    keys: 'custrecord_vcc_ob_keys',
    body: 'custrecord_vcc_ob_body',
    state: 'custrecord_vcc_ob_state',
    transactionId: 'custrecord_vcc_ob_txid',
    status: 'custrecord_vcc_ob_status',
    errors: 'custrecord_vcc_ob_errors',
    createdAt: 'custrecord_vcc_ob_created',
    resolvedBy: 'custrecord_vcc_ob_resolved_by',
  };
  /** Field limits in bytes (Custom Field Type Descriptions: Free-Form Text 300, Text Area 4,000, Long Text 1,000,000). */
  const LIMIT = { text: 300, textArea: 4000, longText: 1000000 };
  /** POs per submitAcknowledgement request (as the Node runner's default batch). */
  const MAX_POS_PER_ENTRY = 100;
  /** Usage units of one submission: record.create 2 + save 4 + https.post 10 + submitFields 2. */
  const UNITS_PER_SUBMISSION = 18;
  /** The core's in-doubt states (src/outbox/README.md): Amazon may hold these entries. */
  const IN_DOUBT = ['pending', 'unknown', 'sent'];
  const SMALL_COLUMNS = [F.operation, F.keys, F.state, F.transactionId, F.status, F.createdAt];

  /** UTF-8 bytes of a string (NetSuite's field limits count bytes; the engine has no TextEncoder). */
  function utf8Bytes(text) {
    let n = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i += 1;
      } else n += 3;
    }
    return n;
  }

  /** A display text cut to a field's byte limit (error lists only; bodies are never cut). */
  function clip(text, limit) {
    if (utf8Bytes(text) <= limit) return text;
    let out = text.slice(0, limit);
    while (utf8Bytes(out) > limit - 3) out = out.slice(0, -64);
    return `${out}...`;
  }

  const errorText = (value) => clip(JSON.stringify(value), LIMIT.longText);
  const keysOf = (text) =>
    String(text || '')
      .split(',')
      .filter(Boolean);

  function readEntry(row) {
    const get = (f) => row.getValue({ name: f });
    return {
      id: String(row.id),
      operation: get(F.operation),
      keys: keysOf(get(F.keys)),
      state: get(F.state),
      transactionId: get(F.transactionId) || null,
      status: get(F.status) || null,
      createdAt: get(F.createdAt),
    };
  }

  /** `is` for each state, joined by or: the state field is text. */
  function stateFilter(states) {
    return searches.anyOfText(F.state, 'is', states);
  }

  /** Entries in the given states (without bodies), oldest first, with how many rows and pages were read. */
  function entries(states) {
    const s = search.create({ type: OUTBOX, filters: stateFilter(states), columns: searches.columnsSortedById(SMALL_COLUMNS) });
    const { rows, pages } = searches.allRows(s);
    return { list: rows.map(readEntry), rows: rows.length, pages };
  }

  /** The request body of an entry (record.load: the whole Long Text value). */
  function body(id) {
    const rec = record.load({ type: OUTBOX, id });
    return JSON.parse(rec.getValue({ fieldId: F.body }) || '{}');
  }

  function update(id, values) {
    record.submitFields({ type: OUTBOX, id, values });
  }

  /** The core's next step for a stored entry, given what was just learnt (through the …Json twin). */
  function decide(entry, observed) {
    const input = {
      entry: { state: entry.state, operation: entry.operation, keys: entry.keys, createdAt: entry.createdAt },
      now: new Date().toISOString(),
    };
    if (entry.transactionId) input.entry.transactionId = entry.transactionId;
    if (entry.status === 'Success' || entry.status === 'Failure') input.entry.status = entry.status;
    if (observed) input.observed = observed;
    return JSON.parse(vcc.nextOutboxActionJson(JSON.stringify(input)));
  }

  /** The record's field values for one of the core's events (its type is the new state). */
  function fieldsOf(event, extra) {
    const values = Object.assign({ [F.state]: event.type }, extra || {});
    if (event.transactionId) values[F.transactionId] = event.transactionId;
    if (event.status) values[F.status] = event.status;
    if (event.resolvedBy) values[F.resolvedBy] = event.resolvedBy;
    return values;
  }

  /** What the core reads of a failed POST: the client's facts about it, nothing else. */
  function sendFailure(e) {
    const failure = { notSent: e.notSent === true, deliveryUnknown: e.deliveryUnknown === true, retryable: e.retryable === true };
    if (typeof e.status === 'number' && e.status % 1 === 0 && e.status >= 0 && e.status <= 65535) failure.status = e.status;
    if (typeof e.code === 'string') failure.code = e.code;
    return failure;
  }

  /** Journals an entry (pending) before anything is sent; refuses what its fields cannot hold. */
  function journal(operation, requestBody, keys, createdAt) {
    const keysText = keys.join(',');
    const bodyText = JSON.stringify(requestBody);
    if (utf8Bytes(keysText) > LIMIT.textArea || utf8Bytes(bodyText) > LIMIT.longText) {
      throw Object.assign(
        new Error(
          `${operation} for ${keys.length} POs does not fit one outbox entry (keys ${utf8Bytes(keysText)} of ${LIMIT.textArea} bytes, body ${utf8Bytes(bodyText)} of ${LIMIT.longText})`,
        ),
        { name: 'VCC_OUTBOX_ENTRY_TOO_LARGE' },
      );
    }
    const rec = record.create({ type: OUTBOX });
    rec.setValue({ fieldId: 'name', value: clip(`${operation} ${keys.join(' ')}`, LIMIT.text) });
    rec.setValue({ fieldId: F.operation, value: operation });
    rec.setValue({ fieldId: F.keys, value: keysText });
    rec.setValue({ fieldId: F.body, value: bodyText });
    rec.setValue({ fieldId: F.state, value: 'pending' });
    rec.setValue({ fieldId: F.createdAt, value: createdAt });
    return String(rec.save());
  }

  /** Journal, then send. Returns {id, state, transactionId?, error?}. */
  function submit(_client, operation, requestBody, keys, send) {
    const entry = { state: 'pending', operation, keys, createdAt: new Date().toISOString() };
    const id = journal(operation, requestBody, keys, entry.createdAt);
    let response;
    try {
      response = send(requestBody);
    } catch (e) {
      const next = decide(entry, { sendFailed: sendFailure(e) });
      update(id, fieldsOf(next.event, { [F.errors]: errorText({ code: e.code, message: e.message, errors: e.errors || [] }) }));
      return { id, state: next.state, error: { code: e.code, message: e.message } };
    }
    const transactionId = response && response.payload && response.payload.transactionId;
    const next = decide(entry, { sendAnswered: typeof transactionId === 'string' ? { transactionId } : {} });
    if (next.state === 'sent') {
      update(id, fieldsOf(next.event));
      return { id, state: 'sent', transactionId };
    }
    const error = { code: 'NO_TRANSACTION_ID', message: `${operation} answered without a transactionId` };
    update(id, fieldsOf(next.event, { [F.errors]: errorText(error) }));
    return { id, state: next.state, error };
  }

  /**
   * Splits acknowledgements into outbox entries: at most 100 POs, PO numbers within the Text Area
   * limit, body within the Long Text limit. An acknowledgement too large for an entry of its own
   * is returned in `tooLarge` (never cut).
   */
  function batches(acknowledgements) {
    const wrapper = utf8Bytes('{"acknowledgements":[]}');
    const out = [];
    const tooLarge = [];
    let current = [];
    let bodyBytes = wrapper;
    let keyBytes = 0;
    acknowledgements.forEach((ack) => {
      const size = utf8Bytes(JSON.stringify(ack));
      const key = utf8Bytes(String(ack.purchaseOrderNumber));
      if (wrapper + size > LIMIT.longText || key > LIMIT.textArea) {
        tooLarge.push(ack);
        return;
      }
      const full =
        current.length >= MAX_POS_PER_ENTRY ||
        bodyBytes + size + (current.length ? 1 : 0) > LIMIT.longText ||
        keyBytes + key + (current.length ? 1 : 0) > LIMIT.textArea;
      if (full) {
        out.push(current);
        current = [];
        bodyBytes = wrapper;
        keyBytes = 0;
      }
      bodyBytes += size + (current.length ? 1 : 0);
      keyBytes += key + (current.length ? 1 : 0);
      current.push(ack);
    });
    if (current.length) out.push(current);
    return { batches: out, tooLarge };
  }

  /**
   * Journals and sends a submitAcknowledgement request in as many entries as it takes. Stops
   * before a submission the invocation could not pay for (`reserve` units are kept back);
   * those POs are in `notSent` and are decided again on the next run.
   */
  function submitAcknowledgements(client, request, reserve) {
    const split = batches(request.acknowledgements || []);
    const out = { submissions: [], byPurchaseOrder: {}, notSent: [], tooLarge: split.tooLarge.map((a) => a.purchaseOrderNumber) };
    split.batches.forEach((acks) => {
      const numbers = acks.map((a) => a.purchaseOrderNumber);
      if (searches.remainingUsage() < UNITS_PER_SUBMISSION + (reserve || 0)) {
        numbers.forEach((n) => out.notSent.push(n));
        return;
      }
      const submission = submit(client, 'submitAcknowledgement', Object.assign({}, request, { acknowledgements: acks }), numbers, (b) =>
        client.submitAcknowledgement(b),
      );
      const entry = Object.assign({ purchaseOrderNumbers: numbers }, submission);
      out.submissions.push(entry);
      numbers.forEach((n) => {
        out.byPurchaseOrder[n] = entry;
      });
    });
    return out;
  }

  /** One getTransaction for a sent entry; the core says what the answer settles. */
  function confirm(client, entry) {
    let observed;
    let errors = [];
    try {
      const answer = client.getTransaction(entry.transactionId);
      const status = answer && answer.payload && answer.payload.transactionStatus;
      observed = { transactionStatus: status ? { transactionId: status.transactionId, status: status.status } : {} };
      errors = (status && status.errors) || [];
    } catch (e) {
      if (e.status !== 404) throw e;
      observed = { transactionNotFound: {} };
    }
    const next = decide(entry, observed);
    if (next.event) update(entry.id, fieldsOf(next.event, { [F.errors]: errorText(errors) }));
    return { id: entry.id, state: next.state, status: (next.event && next.event.status) || 'Processing', errors };
  }

  /** Confirms every sent entry while `floor` units stay in hand; the rest wait for the next run. */
  function confirmSent(client, floor) {
    const sent = entries(['sent']);
    const out = { confirmed: [], deferred: 0, rows: sent.rows };
    sent.list.forEach((entry) => {
      if (searches.remainingUsage() < floor) out.deferred += 1;
      else out.confirmed.push(confirm(client, entry));
    });
    return out;
  }

  /**
   * Resolves entries in doubt without sending, as the core says: sent → getTransaction; pending
   * or unknown (no transaction id) → each PO's purchaseOrderState at Amazon. Spends units only
   * while `floor` of them stay in hand; what is left over stays in doubt (its POs count as
   * history, so they are not decided twice) and is resolved on a later run.
   */
  function recover(client, floor) {
    const out = { settled: 0, released: 0, stillInDoubt: 0, deferred: 0, rows: 0 };
    const doubt = entries(IN_DOUBT);
    out.rows = doubt.rows;
    doubt.list.forEach((entry) => {
      const cost = entry.state === 'sent' ? 12 : entry.keys.length * 10 + 2;
      if (searches.remainingUsage() - cost < floor) {
        out.deferred += 1;
        return;
      }
      const next = decide(entry);
      let state = entry.state;
      if (next.action === 'confirm') {
        state = confirm(client, entry).state;
      } else if (next.action === 'resolve' && entry.operation === 'submitAcknowledgement') {
        const purchaseOrderStates = {};
        entry.keys.forEach((n) => {
          const po = client.getPurchaseOrder(n);
          purchaseOrderStates[n] = (po && po.payload && po.payload.purchaseOrderState) || null;
        });
        const resolved = decide(entry, { purchaseOrderStates });
        if (resolved.event) update(entry.id, fieldsOf(resolved.event));
        state = resolved.state;
      }
      if (state === 'settled' || state === 'released') out[state] += 1;
      else out.stillInDoubt += 1;
    });
    return out;
  }

  /**
   * The core's `history` for these POs: the acknowledgements Amazon accepted (settled Success)
   * and those still in doubt (pending, unknown, sent). Entries are found by PO number (`contains` on the
   * keys, then matched exactly) and their bodies loaded while `floor` units stay in hand; POs
   * whose entries could not be read are returned in `unread` (their history is unknown, so they
   * must not be decided this run).
   */
  function history(purchaseOrderNumbers, floor) {
    const wanted = {};
    purchaseOrderNumbers.forEach((n) => {
      wanted[n] = true;
    });
    const found = searches.rowsForValues(purchaseOrderNumbers, (chunk) =>
      search.create({
        type: OUTBOX,
        filters: [stateFilter(['settled'].concat(IN_DOUBT)), 'and', searches.anyOfText(F.keys, 'contains', chunk)],
        columns: searches.columnsSortedById(SMALL_COLUMNS),
      }),
    );
    const byId = {};
    found.rows.forEach((row) => {
      const entry = readEntry(row);
      if (entry.operation !== 'submitAcknowledgement') return;
      if (entry.state === 'settled' && entry.status !== 'Success') return;
      if (entry.keys.some((n) => wanted[n])) byId[entry.id] = entry;
    });
    const list = Object.keys(byId)
      .map((id) => byId[id])
      .sort((a, b) => Number(a.id) - Number(b.id));
    const out = { acknowledgements: [], entries: list.length, loaded: 0, rows: found.rows.length, searches: found.searches, unread: [] };
    const unread = {};
    list.forEach((entry) => {
      if (searches.remainingUsage() < floor) {
        entry.keys.forEach((n) => {
          if (wanted[n]) unread[n] = true;
        });
        return;
      }
      out.loaded += 1;
      (body(entry.id).acknowledgements || []).forEach((a) => {
        if (wanted[a.purchaseOrderNumber]) out.acknowledgements.push(a);
      });
    });
    out.unread = Object.keys(unread);
    return out;
  }

  return {
    OUTBOX,
    FIELDS: F,
    LIMIT,
    MAX_POS_PER_ENTRY,
    UNITS_PER_SUBMISSION,
    IN_DOUBT,
    utf8Bytes,
    batches,
    submit,
    submitAcknowledgements,
    entries,
    confirm,
    confirmSent,
    recover,
    history,
  };
});
