//! Exports of the chargeback forecast: `chargebackExposure`.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::chargebacks;

/// Forecasts the chargebacks Amazon is likely to raise from the exceptions of every engine and
/// the issues of `validateShipmentConfirmation`: by type (not on time, down-confirmed, not
/// filled, overage, ASN accuracy, late ASN, carton labels, unit of measure, prep), each with its
/// evidence, the expected amount from the rate table (defaults with sources, replaced per type
/// by `rates`), the date it would land and the action that still avoids it, by when.
///
/// @example
/// ```js
/// const { chargebacks, byType, byWeek } = chargebackExposure({
///   exceptions: [...ack.exceptions, ...reconciliation.exceptions],
///   shipmentIssues: [{ shipmentIdentifier: "ASN-1", issues: validation.issues }],
///   now: new Date().toISOString(),
///   rates: { notFilled: { percentOfCost: "5" } },
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD` (`now`), `INVALID_DATE` (a `dueAt`),
/// `UNKNOWN_ENUM` (a chargeback type), `INVALID_VALUE` (a rate with both a percentage and a fee).
#[wasm_bindgen(js_name = chargebackExposure, unchecked_return_type = "ChargebackExposureOutput")]
pub fn chargeback_exposure(
    #[wasm_bindgen(unchecked_param_type = "ChargebackExposureInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, chargebacks::chargeback_exposure)
}

/// `chargebackExposure` on JSON text.
///
/// @example
/// ```js
/// const exposure = JSON.parse(chargebackExposureJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = chargebackExposureJson)]
pub fn chargeback_exposure_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, chargebacks::chargeback_exposure)
}
