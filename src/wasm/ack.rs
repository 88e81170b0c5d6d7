//! Exports of the acknowledgement engine.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::ack;

/// Decides the acknowledgement of every PO in a batch from allocatable stock.
///
/// Returns `request` (the exact submitAcknowledgement body), `decisions` (one per PO line,
/// with the reason in words), `allocations` (eaches to reserve), `pendingApproval` (POs a
/// person must approve) and `exceptions`.
///
/// @example
/// ```js
/// const { request, decisions } = decideAcknowledgements({
///   purchaseOrders: orders,             // from getPurchaseOrders
///   inventory: [{ sku: "TV-55", onHand: 40, committed: 5, safetyStock: 5 }],
///   skuMap: [{ sku: "TV-55", asin: "B07DFVDRAB" }],
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_TYPE`, `UNKNOWN_ENUM`,
/// `DUPLICATE_PURCHASE_ORDER`, `INPUT_TOO_LARGE`; `path` points at the offending field.
#[wasm_bindgen(
    js_name = decideAcknowledgements,
    unchecked_return_type = "DecideAcknowledgementsOutput"
)]
pub fn decide_acknowledgements(
    #[wasm_bindgen(unchecked_param_type = "DecideAcknowledgementsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, ack::decide_acknowledgements)
}

/// `decideAcknowledgements` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(decideAcknowledgementsJson(fs.readFileSync("batch.json", "utf8")));
/// ```
#[wasm_bindgen(js_name = decideAcknowledgementsJson)]
pub fn decide_acknowledgements_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, ack::decide_acknowledgements)
}

/// Turns a held PO (a `pendingApproval` entry) and an approver's quantities into the exact
/// submitAcknowledgement body.
///
/// Approved quantities may be lowered, never raised above what was ordered; units rejected
/// earlier stay rejected; accepting more than was allocatable needs an `overrideReason`.
/// Lines not listed keep the engine's suggestion; whatever is neither accepted nor
/// backordered is rejected.
///
/// @example
/// ```js
/// const [held] = decideAcknowledgements(batch).pendingApproval;
/// const { request } = approveAcknowledgement({
///   proposal: held,
///   approved: [{ itemSequenceNumber: "1", accepted: 6, backordered: 4 }],
///   approver: "jane@vendor.example",
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} e.g. `APPROVED_ABOVE_ORDERED`, `APPROVED_ABOVE_ALLOCATABLE`,
/// `PREVIOUSLY_REJECTED`, `BACKORDER_NOT_ALLOWED`, `MISSING_NET_COST`, `UNKNOWN_LINE`.
#[wasm_bindgen(
    js_name = approveAcknowledgement,
    unchecked_return_type = "ApproveAcknowledgementOutput"
)]
pub fn approve_acknowledgement(
    #[wasm_bindgen(unchecked_param_type = "ApproveAcknowledgementInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, ack::approve_acknowledgement)
}

/// `approveAcknowledgement` on JSON text.
///
/// @example
/// ```js
/// const out = JSON.parse(approveAcknowledgementJson(JSON.stringify(approval)));
/// ```
#[wasm_bindgen(js_name = approveAcknowledgementJson)]
pub fn approve_acknowledgement_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, ack::approve_acknowledgement)
}

/// Reads back what Amazon recorded: the acknowledgements sent, compared line by line with the
/// getPurchaseOrdersStatus rows (`itemStatus[].acknowledgementStatus`).
///
/// Returns `lines` (each sent line: `confirmed`, `pending` within 30 minutes of sending,
/// `unconfirmed`, `mismatch` or `missing`) and `exceptions` (`ACKNOWLEDGEMENT_UNCONFIRMED` near
/// or past the 24-hour deadline, `ACKNOWLEDGEMENT_MISMATCH`, `ACKNOWLEDGEMENT_STATUS_MISSING`).
///
/// @example
/// ```js
/// const { exceptions } = checkAcknowledgementStatus({
///   sent: request.acknowledgements,         // what submitAcknowledgement was given
///   ordersStatus: status.payload.ordersStatus, // from getPurchaseOrdersStatus
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_DATE`; `path` points at the
/// offending field.
#[wasm_bindgen(
    js_name = checkAcknowledgementStatus,
    unchecked_return_type = "CheckAcknowledgementStatusOutput"
)]
pub fn check_acknowledgement_status(
    #[wasm_bindgen(unchecked_param_type = "CheckAcknowledgementStatusInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, ack::check_acknowledgement_status)
}

/// `checkAcknowledgementStatus` on JSON text.
///
/// @example
/// ```js
/// const out = JSON.parse(checkAcknowledgementStatusJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = checkAcknowledgementStatusJson)]
pub fn check_acknowledgement_status_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, ack::check_acknowledgement_status)
}
