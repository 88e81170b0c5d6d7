//! Exports of the acknowledgement engine.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object};
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
pub fn decide_acknowledgements_json(input: &str) -> Result<String, JsValue> {
    call_json(input, ack::decide_acknowledgements)
}
