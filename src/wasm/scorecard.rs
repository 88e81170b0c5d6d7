//! Exports of the vendor scorecard: `vendorScorecard`.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::scorecard;

/// The figures of Amazon's vendor scorecards over a period (fill rate, confirmation rate and
/// timeliness, on-time shipment, ASN accuracy and timeliness, rejected units), each with its
/// numerator, denominator, the POs behind them and the trend per week.
///
/// @example
/// ```js
/// const { figures } = vendorScorecard({
///   purchaseOrders, acknowledgements, shipments, receipts,
///   from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD` (`from`), `INVALID_DATE` (a PO date),
/// and `reconcile`'s codes for the documents.
#[wasm_bindgen(js_name = vendorScorecard, unchecked_return_type = "VendorScorecardOutput")]
pub fn vendor_scorecard(
    #[wasm_bindgen(unchecked_param_type = "VendorScorecardInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, scorecard::vendor_scorecard)
}

/// `vendorScorecard` on JSON text.
///
/// @example
/// ```js
/// const scorecard = JSON.parse(vendorScorecardJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = vendorScorecardJson)]
pub fn vendor_scorecard_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, scorecard::vendor_scorecard)
}
