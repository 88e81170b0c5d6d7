/**
 * NetSuite state of the connector: configuration (script parameters), the submission outbox
 * (custom record customrecord_vcc_outbox), the acknowledgement history derived from it, inventory
 * (a saved search chosen by the administrator) and the sales orders written for each PO. Host I/O
 * only: every decision comes from the core.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/record', 'N/search', 'N/runtime'], (record, search, runtime) => {
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
  /** Amazon's rule: Processing for 15 minutes counts as Success; also the outbox's grace period. */
  const SETTLE_GRACE_MS = 15 * 60000;

  /**
   * Script parameters of the current deployment. Parameter ids are unique per account, so each
   * script has its own prefix: custscript_vcc_ (map/reduce), custscript_vcc_wa_ (workflow action),
   * custscript_vcc_ue_ (user event). Credentials are read here and passed on, never logged; a
   * credential parameter may hold an API secret's placeholder ({custsecret_…}) instead of the
   * value (vcc_spapi.js sends it as a SecureString).
   */
  function config(prefix) {
    const script = runtime.getCurrentScript();
    const own = prefix || 'custscript_vcc_';
    const p = (id) => script.getParameter({ name: id.replace(/^custscript_vcc_/, own) });
    const json = (id, fallback) => {
      const text = p(id);
      if (!text) return fallback;
      try {
        return JSON.parse(text);
      } catch (e) {
        throw Object.assign(new Error(`script parameter ${id} is not valid JSON`), { name: 'VCC_CONFIGURATION' });
      }
    };
    return {
      connection: {
        endpoint: p('custscript_vcc_endpoint'),
        lwaEndpoint: p('custscript_vcc_lwa_endpoint') || undefined,
        credentials: {
          clientId: p('custscript_vcc_client_id'),
          clientSecret: p('custscript_vcc_client_secret'),
          refreshToken: p('custscript_vcc_refresh_token'),
        },
      },
      // toSalesOrders' tables: customers by vendor code / buying party (with their currencies),
      // fulfilment centres to locations, and renames of the preset's custom field ids.
      customers: json('custscript_vcc_customers', []),
      locations: json('custscript_vcc_locations', []),
      fieldIds: json('custscript_vcc_field_ids', {}),
      inventorySearchId: p('custscript_vcc_inventory_search'),
      autoSubmit: p('custscript_vcc_auto_submit') !== false && p('custscript_vcc_auto_submit') !== 'F',
      lookbackDays: Math.min(7, Math.max(1, Number(p('custscript_vcc_lookback_days')) || 7)),
      rules: json('custscript_vcc_rules', undefined),
      skuMap: json('custscript_vcc_sku_map', []),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Outbox: journal before sending, record the answer after; resolve what is in doubt on start.
  // ---------------------------------------------------------------------------------------------
  function readEntry(result) {
    const get = (f) => result.getValue({ name: f });
    return {
      id: String(result.id),
      operation: get(F.operation),
      keys: String(get(F.keys) || '').split(',').filter(Boolean),
      body: JSON.parse(get(F.body) || '{}'),
      state: get(F.state),
      transactionId: get(F.transactionId) || null,
      status: get(F.status) || null,
      createdAt: get(F.createdAt),
    };
  }

  function entries(states) {
    const columns = Object.keys(F).map((k) => F[k]);
    const found = search.create({ type: OUTBOX, filters: [[F.state, 'anyof', states]], columns }).run().getRange({ start: 0, end: 1000 });
    return found.map(readEntry);
  }

  function update(id, values) {
    record.submitFields({ type: OUTBOX, id, values });
  }

  /** Journal, then send. Returns {id, state, transactionId?, error?}. */
  function submit(client, operation, body, keys, send) {
    const rec = record.create({ type: OUTBOX });
    rec.setValue({ fieldId: 'name', value: `${operation} ${keys.join(' ')}`.slice(0, 300) });
    rec.setValue({ fieldId: F.operation, value: operation });
    rec.setValue({ fieldId: F.keys, value: keys.join(',') });
    rec.setValue({ fieldId: F.body, value: JSON.stringify(body) });
    rec.setValue({ fieldId: F.state, value: 'pending' });
    rec.setValue({ fieldId: F.createdAt, value: new Date().toISOString() });
    const id = String(rec.save());
    let response;
    try {
      response = send(body);
    } catch (e) {
      if (e.deliveryUnknown || e.retryable) {
        update(id, { [F.errors]: JSON.stringify({ code: e.code, message: e.message }) });
        return { id, state: 'pending', error: { code: e.code, message: e.message } };
      }
      update(id, { [F.state]: 'rejected', [F.errors]: JSON.stringify({ code: e.code, message: e.message, errors: e.errors || [] }) });
      return { id, state: 'rejected', error: { code: e.code, message: e.message } };
    }
    const transactionId = response && response.payload && response.payload.transactionId;
    if (!transactionId) return { id, state: 'pending', error: { code: 'NO_TRANSACTION_ID', message: `${operation} answered without a transactionId` } };
    update(id, { [F.state]: 'sent', [F.transactionId]: transactionId });
    return { id, state: 'sent', transactionId };
  }

  /** One getTransaction per sent entry; Success/Failure (or 15 minutes Processing) settles it. */
  function confirm(client, entry) {
    const answer = client.getTransaction(entry.transactionId);
    const status = answer && answer.payload && answer.payload.transactionStatus ? answer.payload.transactionStatus : { status: 'Processing' };
    const old = Date.now() - Date.parse(entry.createdAt) >= SETTLE_GRACE_MS;
    if (status.status === 'Success' || status.status === 'Failure' || old) {
      const final = status.status === 'Failure' ? 'Failure' : 'Success';
      update(entry.id, { [F.state]: 'settled', [F.status]: final, [F.errors]: JSON.stringify(status.errors || []), [F.resolvedBy]: status.status === 'Processing' ? 'processingFor15Minutes' : 'getTransaction' });
      return { id: entry.id, state: 'settled', status: final, errors: status.errors || [] };
    }
    return { id: entry.id, state: 'sent', status: 'Processing' };
  }

  /**
   * Resolves entries in doubt without sending: sent → getTransaction; pending (no transaction id)
   * → each PO's purchaseOrderState at Amazon (Acknowledged/Closed = received; still New after the
   * grace period = never arrived, released so the PO is decided again).
   */
  function recover(client) {
    const out = { settled: 0, released: 0, stillInDoubt: 0 };
    entries(['pending', 'sent']).forEach((entry) => {
      if (entry.state === 'sent') {
        out[confirm(client, entry).state === 'settled' ? 'settled' : 'stillInDoubt'] += 1;
        return;
      }
      if (entry.operation !== 'submitAcknowledgement') {
        out.stillInDoubt += 1;
        return;
      }
      const received = entry.keys.every((n) => {
        const po = client.getPurchaseOrder(n);
        const state = po && po.payload && po.payload.purchaseOrderState;
        return state === 'Acknowledged' || state === 'Closed';
      });
      if (received) {
        update(entry.id, { [F.state]: 'settled', [F.status]: 'Success', [F.resolvedBy]: 'stateAtAmazon' });
        out.settled += 1;
      } else if (Date.now() - Date.parse(entry.createdAt) >= SETTLE_GRACE_MS) {
        update(entry.id, { [F.state]: 'released', [F.resolvedBy]: 'stateAtAmazon' });
        out.released += 1;
      } else {
        out.stillInDoubt += 1;
      }
    });
    return out;
  }

  /** The core's `history`: acknowledgements Amazon accepted, plus those still in doubt. */
  function history() {
    const acks = [];
    entries(['settled', 'pending', 'sent']).forEach((e) => {
      if (e.operation !== 'submitAcknowledgement') return;
      if (e.state === 'settled' && e.status !== 'Success') return;
      (e.body.acknowledgements || []).forEach((a) => acks.push(a));
    });
    return acks;
  }

  // ---------------------------------------------------------------------------------------------
  // Inventory: a saved search whose columns are labelled sku, onHand, committed, safetyStock,
  // available (any subset). The administrator decides what "on hand" means per location.
  // ---------------------------------------------------------------------------------------------
  function inventory(savedSearchId) {
    if (!savedSearchId) return [];
    const s = search.load({ id: savedSearchId });
    const positions = [];
    s.run().getRange({ start: 0, end: 1000 }).forEach((row) => {
      const position = {};
      s.columns.forEach((col) => {
        const label = col.label;
        const value = row.getValue(col);
        if (label === 'sku') position.sku = String(value);
        else if (['onHand', 'committed', 'safetyStock', 'available'].indexOf(label) >= 0 && value !== '' && value !== null) {
          position[label] = Math.max(0, Math.floor(Number(value)));
        }
      });
      if (position.sku) positions.push(position);
    });
    return positions;
  }

  // ---------------------------------------------------------------------------------------------
  // Sales orders: one per PO, keyed by custbody_vcc_po_number.
  // ---------------------------------------------------------------------------------------------
  function findSalesOrder(purchaseOrderNumber) {
    const found = search.create({ type: search.Type.SALES_ORDER, filters: [['custbody_vcc_po_number', 'is', purchaseOrderNumber], 'and', ['mainline', 'is', 'T']], columns: ['internalid'] })
      .run().getRange({ start: 0, end: 1 });
    return found.length ? String(found[0].id) : null;
  }

  function itemId(sku) {
    const found = search.create({ type: search.Type.ITEM, filters: [['itemid', 'is', sku]], columns: ['internalid'] }).run().getRange({ start: 0, end: 1 });
    return found.length ? String(found[0].id) : null;
  }

  /**
   * The preset's custom field ids with the account's renames. The item sequence number is the
   * project's own column (custcol_vcc_item_seq), which the approval workflow action reads.
   */
  const ITEM_SEQUENCE_FIELD = 'custcol_vcc_item_seq';
  function salesOrderFieldIds(cfg) {
    return Object.assign({}, cfg.fieldIds || {}, { custcol_vcc_item_sequence_number: ITEM_SEQUENCE_FIELD });
  }
  /** Set when the sales order is created, never changed by a later run (identity, approval state). */
  const CREATE_ONLY_FIELDS = ['externalid', 'entity', 'otherrefnum', 'orderstatus', 'trandate'];
  /** The core writes dates as YYYY-MM-DD and rates as exact decimal strings; NetSuite wants Date and number. */
  function netSuiteValue(fieldId, value) {
    if ((fieldId === 'trandate' || fieldId === 'shipdate') && typeof value === 'string') {
      const parts = value.split('-').map(Number);
      return new Date(parts[0], parts[1] - 1, parts[2]);
    }
    if (fieldId === 'rate' && typeof value === 'string') return Number(value);
    return value;
  }

  /**
   * Creates or updates the PO's sales order from the core's NetSuite record (toSalesOrders with
   * preset "netsuite"): header fields, then each line, matched on an update by its item sequence
   * number (a new line is added). Items are resolved from the record's `item` (the SKU map's
   * sku) to internal ids by item name. The acknowledgement state, the proposal for approvers and
   * the decided quantities are written beside it. Returns {id, created, unknownSkus}.
   */
  function upsertSalesOrder(work) {
    const existing = findSalesOrder(work.purchaseOrderNumber);
    const rec = existing
      ? record.load({ type: record.Type.SALES_ORDER, id: existing, isDynamic: true })
      : record.create({ type: record.Type.SALES_ORDER, isDynamic: true });
    const unknownSkus = [];
    const fields = work.record.fields;
    Object.keys(fields).forEach((fieldId) => {
      if (existing && CREATE_ONLY_FIELDS.indexOf(fieldId) >= 0) return;
      rec.setValue({ fieldId, value: netSuiteValue(fieldId, fields[fieldId]) });
    });
    rec.setValue({ fieldId: 'custbody_vcc_po_number', value: work.purchaseOrderNumber });
    ((work.record.sublists && work.record.sublists.item) || []).forEach((line) => {
      const sequence = line[ITEM_SEQUENCE_FIELD];
      const item = itemId(line.item);
      if (!item) {
        unknownSkus.push(line.item);
        return;
      }
      const index = existing ? rec.findSublistLineWithValue({ sublistId: 'item', fieldId: ITEM_SEQUENCE_FIELD, value: sequence }) : -1;
      if (index >= 0) rec.selectLine({ sublistId: 'item', line: index });
      else rec.selectNewLine({ sublistId: 'item' });
      Object.keys(line).forEach((fieldId) => {
        rec.setCurrentSublistValue({ sublistId: 'item', fieldId, value: fieldId === 'item' ? item : netSuiteValue(fieldId, line[fieldId]) });
      });
      const decided = work.decided && work.decided[sequence];
      if (decided) {
        rec.setCurrentSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_accepted_qty', value: decided.accepted });
        rec.setCurrentSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_backordered_qty', value: decided.backordered });
      }
      rec.commitLine({ sublistId: 'item' });
    });
    rec.setValue({ fieldId: 'custbody_vcc_ack_state', value: work.ackState });
    rec.setValue({ fieldId: 'custbody_vcc_proposal', value: work.proposal ? JSON.stringify(work.proposal) : '' });
    if (work.outboxId) rec.setValue({ fieldId: 'custbody_vcc_outbox', value: work.outboxId });
    const id = String(rec.save());
    return { id, created: !existing, unknownSkus };
  }

  return { config, submit, confirm, recover, history, entries, inventory, upsertSalesOrder, findSalesOrder, salesOrderFieldIds, ITEM_SEQUENCE_FIELD, SETTLE_GRACE_MS };
});
