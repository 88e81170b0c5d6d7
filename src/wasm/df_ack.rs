//! Exports of the Direct Fulfillment acknowledgement engine.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::df_ack;

/// Decides the acknowledgement of every Direct Fulfillment order in a batch: accepted in full
/// (`00`) from allocatable stock, or cancelled as a whole with the DF guide's status code
/// (fill or kill).
///
/// Returns `request` (the exact DF submitAcknowledgement body, 2021-12-28), `decisions` (one
/// per order, with its lines and the reason in words), `allocations` (eaches to reserve) and
/// `exceptions`. The customer's name and address never appear in decisions, exceptions or
/// errors.
///
/// @example
/// ```js
/// const { request, decisions } = decideDirectFulfillmentAcknowledgements({
///   orders,                              // from getOrders (2021-12-28), includeDetails=true
///   inventory: [{ sku: "WASHER-8KG", onHand: 12, safetyStock: 2 }],
///   skuMap: [{ sku: "WASHER-8KG", asin: "B07DFVDRAB" }],
///   rules: { discontinued: ["WASHER-OLD"] },
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_DATE`,
/// `DUPLICATE_SKU`, `INPUT_TOO_LARGE`; `path` points at the offending field.
#[wasm_bindgen(
    js_name = decideDirectFulfillmentAcknowledgements,
    unchecked_return_type = "DecideDfAcknowledgementsOutput"
)]
pub fn decide_direct_fulfillment_acknowledgements(
    #[wasm_bindgen(unchecked_param_type = "DecideDfAcknowledgementsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, df_ack::decide_df_acknowledgements)
}

/// `decideDirectFulfillmentAcknowledgements` on JSON text: input and output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(decideDirectFulfillmentAcknowledgementsJson(fs.readFileSync("df.json", "utf8")));
/// ```
#[wasm_bindgen(js_name = decideDirectFulfillmentAcknowledgementsJson)]
pub fn decide_direct_fulfillment_acknowledgements_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, df_ack::decide_df_acknowledgements)
}
