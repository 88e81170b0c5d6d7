/**
 * Workflow action for the approval workflow on a sales order held for approval: reads the
 * approver's quantities from the lines (custcol_vcc_accepted_qty, custcol_vcc_backordered_qty),
 * calls the core's approveAcknowledgement with the stored proposal, journals and submits the
 * acknowledgement. A refusal by the core (e.g. APPROVED_ABOVE_ORDERED) is thrown as a workflow
 * error naming the line, so the approver sees it and nothing is sent.
 *
 * Shipped as the action of the workflow customworkflow_vcc_ack_approval (Objects/): it runs
 * before a sales order held for approval is saved as approved (event Approve), so the state
 * written here is saved with the approval, and an error cancels the approval. Usage: about 30 of
 * the 1,000 units (LWA token 10, journal 6, POST 10, outbox update 2).
 *
 * @NApiVersion 2.1
 * @NScriptType WorkflowActionScript
 * @NModuleScope SameAccount
 */
define(['N/error', 'N/runtime', 'N/log', './lib/vendor-central-connector.amd', './vcc_spapi', './vcc_store', './vcc_outbox'], (
  error,
  runtime,
  log,
  vcc,
  spapi,
  store,
  outbox,
) => {
  function onAction(context) {
    const so = context.newRecord;
    const text = so.getValue({ fieldId: 'custbody_vcc_proposal' });
    if (!text)
      throw error.create({
        name: 'VCC_NO_PROPOSAL',
        message: 'This sales order has no acknowledgement waiting for approval.',
        notifyOff: true,
      });
    const proposal = JSON.parse(text);
    const approved = [];
    const count = so.getLineCount({ sublistId: 'item' });
    for (let i = 0; i < count; i += 1) {
      const seq = so.getSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_item_seq', line: i });
      if (!seq) continue;
      const line = { itemSequenceNumber: String(seq) };
      const accepted = so.getSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_accepted_qty', line: i });
      const backordered = so.getSublistValue({ sublistId: 'item', fieldId: 'custcol_vcc_backordered_qty', line: i });
      if (accepted !== '' && accepted !== null && accepted !== undefined) line.accepted = Number(accepted);
      if (backordered !== '' && backordered !== null && backordered !== undefined) line.backordered = Number(backordered);
      approved.push(line);
    }
    const user = runtime.getCurrentUser();
    let result;
    try {
      result = vcc.approveAcknowledgement({ proposal, approved, approver: user.email || String(user.id), now: new Date().toISOString() });
    } catch (e) {
      // The core's code and JSON pointer (/approved/<i>/accepted) say which line is wrong.
      const where = /^\/approved\/(\d+)/.exec(e.path || '');
      const line = where && approved[Number(where[1])] ? ` (line ${approved[Number(where[1])].itemSequenceNumber})` : '';
      throw error.create({ name: `VCC_${e.code || 'ERROR'}`, message: `${e.message}${line}`, notifyOff: true });
    }
    const acknowledgements = result.request.acknowledgements;
    if (!acknowledgements.length) {
      so.setValue({ fieldId: 'custbody_vcc_ack_state', value: 'approvedNothingToSend' });
      return 'NOTHING_TO_SEND';
    }
    const cfg = store.config('custscript_vcc_wa_');
    const client = spapi.createClient(cfg.connection);
    const submission = outbox.submit(
      client,
      'submitAcknowledgement',
      result.request,
      acknowledgements.map((a) => a.purchaseOrderNumber),
      (body) => client.submitAcknowledgement(body),
    );
    const state = submission.state === 'sent' ? 'submitted' : submission.state === 'rejected' ? 'rejected' : 'inDoubt';
    so.setValue({ fieldId: 'custbody_vcc_ack_state', value: state });
    so.setValue({ fieldId: 'custbody_vcc_outbox', value: submission.id });
    so.setValue({ fieldId: 'custbody_vcc_proposal', value: '' });
    log.audit({
      title: 'vendor-central-connector: approved',
      details: JSON.stringify({
        purchaseOrderNumber: proposal.purchaseOrderNumber,
        state,
        transactionId: submission.transactionId,
        exceptions: result.exceptions.map((x) => x.code),
      }),
    });
    if (submission.state === 'rejected')
      throw error.create({ name: `VCC_SPAPI_${submission.error.code}`, message: submission.error.message, notifyOff: true });
    return state.toUpperCase();
  }

  return { onAction };
});
