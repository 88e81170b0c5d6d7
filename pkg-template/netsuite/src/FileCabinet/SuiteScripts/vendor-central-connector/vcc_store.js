/**
 * NetSuite state of the connector other than the outbox (vcc_outbox.js): configuration (script
 * parameters), inventory (a saved search chosen by the administrator, read page by page), item
 * internal ids, and the sales order written for each PO. Host I/O only: every decision comes
 * from the core.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/record', 'N/search', 'N/runtime', './vcc_search'], (record, search, runtime, searches) => {
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
      } catch (_e) {
        throw Object.assign(new Error(`script parameter ${id} is not valid JSON`), { name: 'VCC_CONFIGURATION' });
      }
    };
    // A check box reads as true/false; 'T'/'F' is accepted too (SuiteScript 1.0 style).
    const autoSubmit = p('custscript_vcc_auto_submit');
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
      autoSubmit: autoSubmit !== false && autoSubmit !== 'F',
      lookbackDays: Math.min(7, Math.max(1, Number(p('custscript_vcc_lookback_days')) || 7)),
      rules: json('custscript_vcc_rules', undefined),
      skuMap: json('custscript_vcc_sku_map', []),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Inventory: a saved search whose columns are labelled sku, onHand, committed, safetyStock,
  // available (any subset) and, optionally, asin, vendorSku, ean, unitsPerCase (SKU map entries
  // for accounts whose map is too large for the parameter). The administrator decides what "on
  // hand" means per location. Every row is read, a page of 1,000 at a time.
  // ---------------------------------------------------------------------------------------------
  const STOCK = ['onHand', 'committed', 'safetyStock', 'available'];
  const MAPPING = ['asin', 'vendorSku', 'ean'];

  function inventory(savedSearchId) {
    const out = { positions: [], skuMap: [], rows: 0, pages: 0, sorted: true };
    if (!savedSearchId) return out;
    const s = search.load({ id: savedSearchId });
    // Oracle: runPaged needs a sort order, or rows may repeat or go missing between pages.
    out.sorted = s.columns.some((c) => c.sort && String(c.sort).toUpperCase() !== 'NONE');
    const read = searches.eachRow(s, (row) => {
      const position = {};
      const mapping = {};
      s.columns.forEach((col) => {
        const label = col.label;
        const value = row.getValue(col);
        if (label === 'sku') position.sku = String(value);
        else if (STOCK.indexOf(label) >= 0 && value !== '' && value !== null) position[label] = Math.max(0, Math.floor(Number(value)));
        else if (MAPPING.indexOf(label) >= 0 && value !== '' && value !== null) mapping[label] = String(value);
        else if (label === 'unitsPerCase' && value !== '' && value !== null) mapping.unitsPerCase = Math.floor(Number(value));
      });
      if (!position.sku) return;
      out.positions.push(position);
      if (Object.keys(mapping).some((k) => k !== 'unitsPerCase')) out.skuMap.push(Object.assign({ sku: position.sku }, mapping));
    });
    out.rows = read.rows;
    out.pages = read.pages;
    return out;
  }

  /**
   * The SKU map: the parameter's entries, then the saved search's for SKUs the parameter does not
   * name (the parameter wins, so an administrator can correct a single entry).
   */
  function skuMap(fromParameter, fromSearch) {
    const named = {};
    fromParameter.forEach((m) => {
      named[m.sku] = true;
    });
    return fromParameter.concat(fromSearch.filter((m) => !named[m.sku]));
  }

  /** Item internal ids by item name (the SKU map's sku): one search per 100 names. */
  function itemIds(skus) {
    const ids = {};
    const found = searches.rowsForValues(skus, (chunk) =>
      search.create({
        type: search.Type.ITEM,
        filters: searches.anyOfText('itemid', 'is', chunk),
        columns: searches.columnsSortedById(['itemid']),
      }),
    );
    const wanted = {};
    skus.forEach((s) => {
      wanted[s.toLowerCase()] = s;
    });
    // Text `is` ignores case: the row's own name says which SKU it is.
    found.rows.forEach((row) => {
      const sku = wanted[String(row.getValue({ name: 'itemid' })).toLowerCase()];
      if (sku && !ids[sku]) ids[sku] = String(row.id);
    });
    return ids;
  }

  // ---------------------------------------------------------------------------------------------
  // Sales orders: one per PO, keyed by custbody_vcc_po_number.
  // ---------------------------------------------------------------------------------------------
  function findSalesOrder(purchaseOrderNumber) {
    const found = search
      .create({
        type: search.Type.SALES_ORDER,
        filters: [['custbody_vcc_po_number', 'is', purchaseOrderNumber], 'and', ['mainline', 'is', 'T']],
        columns: ['internalid'],
      })
      .run()
      .getRange({ start: 0, end: 1 });
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
   * sku) to internal ids by item name, in one search for the PO. The acknowledgement state, the
   * proposal for approvers and the decided quantities are written beside it. Usage: about 50
   * units (search 10, items 10, load or create 10, save 20). Returns {id, created, unknownSkus}.
   */
  function upsertSalesOrder(work) {
    const lines = (work.record.sublists && work.record.sublists.item) || [];
    const skus = lines.map((l) => String(l.item)).filter((s, i, all) => all.indexOf(s) === i);
    const items = itemIds(skus);
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
    lines.forEach((line) => {
      const sequence = line[ITEM_SEQUENCE_FIELD];
      const item = items[String(line.item)];
      if (!item) {
        unknownSkus.push(line.item);
        return;
      }
      const index = existing ? rec.findSublistLineWithValue({ sublistId: 'item', fieldId: ITEM_SEQUENCE_FIELD, value: sequence }) : -1;
      if (index >= 0) rec.selectLine({ sublistId: 'item', line: index });
      else rec.selectNewLine({ sublistId: 'item' });
      Object.keys(line).forEach((fieldId) => {
        rec.setCurrentSublistValue({
          sublistId: 'item',
          fieldId,
          value: fieldId === 'item' ? item : netSuiteValue(fieldId, line[fieldId]),
        });
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

  return { config, inventory, skuMap, itemIds, upsertSalesOrder, findSalesOrder, salesOrderFieldIds, ITEM_SEQUENCE_FIELD };
});
