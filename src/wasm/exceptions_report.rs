//! Exports of the exceptions calendar: `exceptionsReport`, and `readExceptionsReport` for a saved
//! report.

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

/// Reads a saved report back (an `exceptionsReport` output from a file) and checks it before
/// anything shows it: each field of its type, due times ISO-8601 instants, ranks 1, 2, 3, … in
/// list order, a summary that adds up to the entries. Returns the report as `exceptionsReport`
/// writes it (due times in UTC); fields it does not define are ignored.
///
/// @example
/// ```js
/// const report = readExceptionsReport(JSON.parse(fs.readFileSync("report.json", "utf8")));
/// ```
/// @throws {ConnectorError} `code` e.g. `INVALID_DATE` (path `/entries/17/dueAt`),
/// `UNKNOWN_ENUM` (a severity or owner), `INVALID_VALUE` (a rank out of sequence, a summary
/// figure the entries do not add up to), `MISSING_FIELD`.
#[wasm_bindgen(js_name = readExceptionsReport, unchecked_return_type = "ExceptionsReportOutput")]
pub fn read_exceptions_report(
    #[wasm_bindgen(unchecked_param_type = "ExceptionsReportOutput")] report: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&report, exceptions_report::read_exceptions_report)
}

/// `readExceptionsReport` on JSON text (a report file as read).
///
/// @example
/// ```js
/// const report = JSON.parse(readExceptionsReportJson(await file.text()));
/// ```
#[wasm_bindgen(js_name = readExceptionsReportJson)]
pub fn read_exceptions_report_json(
    #[wasm_bindgen(unchecked_param_type = "string")] report: JsValue,
) -> Result<String, JsValue> {
    let report = &json_text(&report)?;
    call_json(report, exceptions_report::read_exceptions_report)
}
