//! Exports of the exceptions calendar: `exceptionsReport`.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::exceptions_report;

/// Merges the exceptions of every engine, plus failed or stuck transactions, into one list
/// ordered by urgency (overdue, due date, severity) and money at risk, each with its owner role
/// and the action to take.
///
/// @example
/// ```js
/// const { entries, summary } = exceptionsReport({
///   exceptions: [
///     ...ack.exceptions.map((e) => ({ ...e, source: "decideAcknowledgements" })),
///     ...feed.exceptions,
///   ],
///   transactions: [{ transactionId, status: "Failure", submittedAt, kind: "acknowledgement" }],
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD` (`now`), `INVALID_DATE` (a `dueAt`),
/// `UNKNOWN_ENUM` (a severity or owner).
#[wasm_bindgen(js_name = exceptionsReport, unchecked_return_type = "ExceptionsReportOutput")]
pub fn exceptions_report(
    #[wasm_bindgen(unchecked_param_type = "ExceptionsReportInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, exceptions_report::exceptions_report)
}

/// `exceptionsReport` on JSON text.
///
/// @example
/// ```js
/// const report = JSON.parse(exceptionsReportJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = exceptionsReportJson)]
pub fn exceptions_report_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, exceptions_report::exceptions_report)
}
