/**
 * User event on the item fulfilment: before it is saved, the ASN it carries
 * (custbody_vcc_asn, the SubmitShipmentConfirmations shipment JSON) is validated by the core's
 * validateShipmentConfirmation, with the acknowledgements this account sent for its POs. Blocking
 * issues stop the save with every issue's path and message; warnings are logged.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/log', './lib/vendor-central-connector.amd', './vcc_store', './vcc_outbox'], (error, log, vcc, store, outbox) => {
  /** Units kept for the core call, the log and the error (all free): a margin. */
  const HISTORY_FLOOR = 50;

  function beforeSubmit(context) {
    if (context.type === context.UserEventType.DELETE) return;
    const text = context.newRecord.getValue({ fieldId: 'custbody_vcc_asn' });
    if (!text) return;
    if (typeof vcc.validateShipmentConfirmation !== 'function') {
      log.audit({
        title: 'vendor-central-connector',
        details: 'this build of the library has no validateShipmentConfirmation; the ASN was not validated',
      });
      return;
    }
    let shipmentConfirmation;
    try {
      shipmentConfirmation = JSON.parse(text);
    } catch (_e) {
      throw error.create({ name: 'VCC_ASN_NOT_JSON', message: 'The ASN field does not hold valid JSON.', notifyOff: true });
    }
    const cfg = store.config('custscript_vcc_ue_');
    // The acknowledgements this account sent for the ASN's POs (the outbox). A PO acknowledged
    // outside the connector has none here: then none are passed, and the core checks the ASN
    // without them rather than calling every line unacknowledged.
    const named = {};
    (Array.isArray(shipmentConfirmation && shipmentConfirmation.shippedItems) ? shipmentConfirmation.shippedItems : []).forEach((item) => {
      const n = item && item.itemDetails && item.itemDetails.purchaseOrderNumber;
      if (n) named[n] = true;
    });
    // Read with a search per 100 PO numbers and one record.load per outbox entry found: a few
    // units of the user event's 1,000. History that could not be read is not passed as "none".
    const past = outbox.history(Object.keys(named), HISTORY_FLOOR);
    if (past.unread.length) {
      throw error.create({
        name: 'VCC_HISTORY_NOT_READ',
        message: `The acknowledgements of ${past.unread.join(', ')} could not be read within this script's usage limit; the ASN was not checked. Save again, or split the shipment.`,
        notifyOff: true,
      });
    }
    const acknowledgements = past.acknowledgements;
    const input = { shipmentConfirmation, skuMap: cfg.skuMap, now: new Date().toISOString() }; // the core never reads the clock
    if (acknowledgements.length) input.acknowledgements = acknowledgements;
    let result;
    try {
      result = vcc.validateShipmentConfirmation(input);
    } catch (e) {
      // Input the core cannot read at all (e.g. a misspelt SKU map): its code and JSON pointer.
      throw error.create({
        name: `VCC_${e.code || 'ERROR'}`,
        message: `The ASN could not be checked: ${e.code || 'ERROR'}${e.path ? ` at ${e.path}` : ''}: ${e.message}`,
        notifyOff: true,
      });
    }
    const blocking = result.issues.filter((i) => i.severity === 'error');
    result.issues
      .filter((i) => i.severity !== 'error')
      .forEach((i) => log.audit({ title: `ASN ${i.code}`, details: `${i.path}: ${i.message}` }));
    if (!result.valid || blocking.length) {
      throw error.create({
        name: 'VCC_ASN_INVALID',
        message: `The ASN does not match the shipment:\n${blocking.map((i) => `${i.code} at ${i.path}: ${i.message}`).join('\n')}`,
        notifyOff: true,
      });
    }
  }

  return { beforeSubmit };
});
