//! The WebAssembly boundary: the only module with `#[wasm_bindgen]`.
//!
//! Each exported function takes one plain JS object and returns one. Inputs cross as JSON text
//! (`JSON.stringify` on the JS side of the call, `serde_json` here), which gives every error a
//! JSON pointer into the caller's object and a size check before any parsing. Every failure is
//! thrown as a real JS `Error` with `code`, `path` and `details`; nothing panics on bad input.
//!
//! Each function also has a `…Json` twin taking and returning JSON text, for hosts that
//! already hold the text (a file, an HTTP body) and would otherwise parse it only to hand it over.
//!
//! One file per engine (`ack.rs`, …) holds that engine's exports; this file holds what they
//! share: input conversion, output conversion and the error mapping.

mod ack;
mod chargebacks;
mod df;
mod df_ack;
mod exceptions_report;
mod fba;
mod inventory_feed;
mod invoice;
mod outbox;
mod sales_order;
mod scorecard;
mod shipment;

pub use ack::{
    approve_acknowledgement, approve_acknowledgement_json, decide_acknowledgements,
    decide_acknowledgements_json,
};
pub use chargebacks::{chargeback_exposure, chargeback_exposure_json};
pub use df::{
    build_direct_fulfillment_invoices, build_direct_fulfillment_invoices_json,
    build_direct_fulfillment_shipment_confirmations,
    build_direct_fulfillment_shipment_confirmations_json, to_direct_fulfillment_sales_orders,
    to_direct_fulfillment_sales_orders_json,
};
pub use df_ack::{
    decide_direct_fulfillment_acknowledgements, decide_direct_fulfillment_acknowledgements_json,
};
pub use exceptions_report::{
    exceptions_report, exceptions_report_json, read_exceptions_report, read_exceptions_report_json,
};
pub use fba::{
    apply_fulfillment_event, apply_fulfillment_event_json, route_fulfillment,
    route_fulfillment_json,
};
pub use inventory_feed::{inventory_feed, inventory_feed_json};
pub use invoice::{build_invoice, build_invoice_json, reconcile, reconcile_json};
use js_sys::{JSON, Reflect};
pub use outbox::{next_outbox_action, next_outbox_action_json};
pub use sales_order::{
    diff_purchase_order, diff_purchase_order_json, to_sales_orders, to_sales_orders_json,
};
pub use scorecard::{vendor_scorecard, vendor_scorecard_json};
use serde::Deserialize;
use serde::Serialize;
pub use shipment::{
    build_shipment_confirmation, build_shipment_confirmation_json, generate_sscc,
    validate_shipment_confirmation, validate_shipment_confirmation_json,
};
use wasm_bindgen::prelude::*;

use crate::error::{CodedError, InputError, cap_details, cap_message};
use crate::input::{DEFAULT_MAX_INPUT_BYTES, parse_input_with_limit};
use crate::limits::{CountLimits, CountedInput};

thread_local! {
    /// The input size limit set by `configure` (host configuration, not business state).
    static MAX_INPUT_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(DEFAULT_MAX_INPUT_BYTES) };
    /// The count limits set by `configure` (host configuration, not business state).
    static COUNT_LIMITS: std::cell::Cell<CountLimits> = std::cell::Cell::new(CountLimits::default());
}

/// The count limits in force for this instance.
pub(crate) fn count_limits() -> CountLimits {
    COUNT_LIMITS.with(std::cell::Cell::get)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_SCALARS: &str = r#"
/** An exact decimal number as a string, e.g. "346.27" (Amazon's `Decimal`). */
export type Decimal = string;
/** An ISO-8601 date-time string. Offsets are accepted on input; output is UTC with a `Z`. */
export type Instant = string;
/** The error every function throws: a real `Error` with a stable `code`, a JSON pointer
 * `path` into the input (`""` for the whole input) and machine-readable `details`. */
export interface ConnectorError extends Error {
  code: string;
  path: string;
  details: unknown;
}
"#;

/// What `version()` returns.
#[derive(Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    /// This library's version.
    pub library: String,
    /// Amazon SP-API models targeted, by model name.
    #[tsify(type = "Record<string, string>")]
    pub models: std::collections::BTreeMap<String, String>,
}

/// Versions of the library and of the Amazon models it targets.
///
/// @example
/// ```js
/// import { version } from "vendor-central-connector";
/// version(); // { library: "0.1.0", models: { vendorOrders: "v1", vendorTransactionStatus: "v1",
///            //   vendorDirectFulfillmentOrders: "2021-12-28", …, vendorInvoices: "v1" } }
/// ```
#[wasm_bindgen(unchecked_return_type = "VersionInfo")]
pub fn version() -> Result<JsValue, JsValue> {
    let info = VersionInfo {
        library: crate::LIBRARY_VERSION.to_string(),
        models: crate::MODEL_VERSIONS
            .iter()
            .map(|(model, version)| (model.to_string(), version.to_string()))
            .collect(),
    };
    to_js(&info, 0)
}

/// Settings of this instance of the library, as `configure` takes and returns them.
#[derive(serde::Deserialize, Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    /// Inputs larger than this many bytes of JSON are refused before parsing (default 16 MiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_input_bytes: Option<usize>,
    /// Most purchase orders (retail or DF) in one call, and most documents in any one list
    /// (acknowledgements, ASNs, invoices, exceptions, packages); default 200,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_purchase_orders: Option<usize>,
    /// Most lines in one call, summed over its documents (PO lines over all POs), and most
    /// entries in any one list of master data (inventory, SKU map, positions); default 2,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_lines: Option<usize>,
    /// Most items, cartons and pallets in one shipment confirmation; default 1,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_shipment_items: Option<usize>,
    /// Most rows in one `reconcile` call, all sources together (PO, acknowledgement, ASN,
    /// fulfilment, receipt and invoice lines, remittance rows and CSV lines); default 5,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_reconcile_rows: Option<usize>,
}

/// Changes this instance's settings and returns the settings now in force. Call it once at
/// start-up; it is host configuration, not part of any decision.
///
/// @example
/// ```js
/// import { configure } from "vendor-central-connector";
/// configure({ maxInputBytes: 64 * 1024 * 1024 }); // a 100,000-line batch is about 25 MB
/// configure({ maxPurchaseOrders: 5000, maxLines: 250000 }); // fail fast on a runaway export
/// ```
/// Count limits are checked after parsing and before any engine work; a list over its limit
/// throws `TOO_MANY_ITEMS` with `path` at the list and `details` `{ limit, actual, setting }`.
/// @throws {ConnectorError} `UNKNOWN_FIELD`, `INVALID_TYPE`, `INVALID_VALUE` (a limit of 0).
#[wasm_bindgen(unchecked_return_type = "Settings")]
pub fn configure(
    #[wasm_bindgen(unchecked_param_type = "Settings")] settings: JsValue,
) -> Result<JsValue, JsValue> {
    let text = stringify_input(&settings)?;
    let wanted: Settings = crate::input::parse_input(&text).map_err(|e| to_js_error(&e))?;
    let mut counts = count_limits();
    let requested = [
        ("maxInputBytes", wanted.max_input_bytes),
        ("maxPurchaseOrders", wanted.max_purchase_orders),
        ("maxLines", wanted.max_lines),
        ("maxShipmentItems", wanted.max_shipment_items),
        ("maxReconcileRows", wanted.max_reconcile_rows),
    ];
    // All or nothing: a zero anywhere changes no setting.
    if let Some((name, _)) = requested.iter().find(|(_, limit)| *limit == Some(0)) {
        return Err(to_js_error(&InputError::InvalidValue {
            path: format!("/{name}"),
            message: "a limit must be at least 1".to_string(),
        }));
    }
    if let Some(limit) = wanted.max_input_bytes {
        MAX_INPUT_BYTES.with(|cell| cell.set(limit));
    }
    counts.max_purchase_orders = wanted
        .max_purchase_orders
        .unwrap_or(counts.max_purchase_orders);
    counts.max_lines = wanted.max_lines.unwrap_or(counts.max_lines);
    counts.max_shipment_items = wanted
        .max_shipment_items
        .unwrap_or(counts.max_shipment_items);
    counts.max_reconcile_rows = wanted
        .max_reconcile_rows
        .unwrap_or(counts.max_reconcile_rows);
    COUNT_LIMITS.with(|cell| cell.set(counts));
    to_js(
        &Settings {
            max_input_bytes: Some(MAX_INPUT_BYTES.with(std::cell::Cell::get)),
            max_purchase_orders: Some(counts.max_purchase_orders),
            max_lines: Some(counts.max_lines),
            max_shipment_items: Some(counts.max_shipment_items),
            max_reconcile_rows: Some(counts.max_reconcile_rows),
        },
        0,
    )
}

/// Runs an engine on a JS object: the shape of every object-taking export.
pub(crate) fn call_object<I, O, E>(
    input: &JsValue,
    engine: impl FnOnce(I) -> Result<O, E>,
) -> Result<JsValue, JsValue>
where
    I: serde::de::DeserializeOwned + CountedInput,
    O: Serialize,
    E: CodedError + From<InputError>,
{
    let text = stringify_input(input)?;
    to_js(&run(&text, engine)?, text.len())
}

/// Runs an engine on JSON text: the shape of every `…Json` export.
pub(crate) fn call_json<'t, I, O, E>(
    input: &'t str,
    engine: impl FnOnce(I) -> Result<O, E>,
) -> Result<String, JsValue>
where
    I: Deserialize<'t> + CountedInput,
    O: Serialize,
    E: CodedError + From<InputError>,
{
    to_json(&run(input, engine)?, input.len())
}

/// Parses `text` into the engine's input type, runs the engine, maps every error to JS.
///
/// An input that borrows from the text (the ASN read in place, see `json_tree`) cannot go
/// through [`call_object`], whose input type cannot name its local text: such exports call
/// `stringify_input`, `run` and `to_js` themselves.
pub(crate) fn run<'t, I, O, E>(
    text: &'t str,
    engine: impl FnOnce(I) -> Result<O, E>,
) -> Result<O, JsValue>
where
    I: Deserialize<'t> + CountedInput,
    E: CodedError + From<InputError>,
{
    let limit = MAX_INPUT_BYTES.with(std::cell::Cell::get);
    let input: I = parse_input_with_limit(text, limit).map_err(|e| to_js_error(&E::from(e)))?;
    count_limits()
        .check(&input)
        .map_err(|e| to_js_error(&E::from(e)))?;
    engine(input).map_err(|e| to_js_error(&e))
}

/// The text a `…Json` export was given: anything but a string is `INVALID_TYPE` at `""` (a
/// `ConnectorError` like every other refusal, not the glue's raw `TypeError`). The exports take
/// a `JsValue` typed `string` in the .d.ts so that this check runs before any conversion.
pub(crate) fn json_text(input: &JsValue) -> Result<String, JsValue> {
    input.as_string().ok_or_else(|| {
        let kind = if input.is_null() {
            "null".to_string()
        } else {
            input.js_typeof().as_string().unwrap_or_default()
        };
        to_js_error(&InputError::InvalidType {
            path: String::new(),
            message: format!("invalid type: {kind}, expected JSON text (a string)"),
        })
    })
}

/// JSON text of a JS value. `undefined`, functions, cycles and BigInts are input errors.
pub(crate) fn stringify_input(input: &JsValue) -> Result<String, JsValue> {
    if !input.is_object() {
        let kind = if input.is_null() {
            "null".to_string()
        } else {
            input.js_typeof().as_string().unwrap_or_default()
        };
        return Err(to_js_error(&InputError::InvalidType {
            path: String::new(),
            message: format!("invalid type: {kind}, expected an object"),
        }));
    }
    let text = JSON::stringify(input).map_err(|e| {
        let message = Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "JSON.stringify failed".to_string());
        to_js_error(&InputError::InvalidJson { message })
    })?;
    Ok(String::from(text))
}

/// `capacity_hint`: the expected length of the text; the input's length is a fair guess (an
/// engine's output is of the same order as its input), 0 for small outputs.
pub(crate) fn to_json<T: Serialize>(value: &T, capacity_hint: usize) -> Result<String, JsValue> {
    crate::output::to_json_text(value, capacity_hint).map_err(|e| internal_error(&e.to_string()))
}

pub(crate) fn to_js<T: Serialize>(value: &T, capacity_hint: usize) -> Result<JsValue, JsValue> {
    let text = to_json(value, capacity_hint)?;
    JSON::parse(&text).map_err(|_| internal_error("JSON.parse of the output failed"))
}

/// A JS `Error` carrying the three fields every host relies on. Whatever the engine put in
/// its message and details, the values they quote are capped here (`error::cap_message`).
fn to_js_error(error: &dyn CodedError) -> JsValue {
    let details = crate::output::to_json_text(&cap_details(error.details()), 0)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL);
    make_error(
        &cap_message(&error.to_string()),
        error.code(),
        &error.path(),
        &details,
    )
}

fn internal_error(message: &str) -> JsValue {
    make_error(message, "INTERNAL", "", &JsValue::NULL)
}

fn make_error(message: &str, code: &str, path: &str, details: &JsValue) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("ConnectorError");
    // Reflect::set on a fresh Error cannot fail (it is extensible); ignore the Result.
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    let _ = Reflect::set(&error, &"path".into(), &path.into());
    let _ = Reflect::set(&error, &"details".into(), details);
    error.into()
}
