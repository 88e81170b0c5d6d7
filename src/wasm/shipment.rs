//! Exports of the shipment (ASN) engines and the SSCC generator.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text, run, stringify_input, to_js, to_json};
use crate::error::{CodedError, InputError};
use crate::gs1;
use crate::shipment;

/// Builds the SubmitShipmentConfirmations body from a warehouse's packing data.
///
/// Returns `request` (absent when any issue is an error), `issues` (each with `code`,
/// `severity`, `path` into the packing data, `message`, `dueAt`), `assignedSsccs` and
/// `nextSerialReference` when SSCCs were generated from `ssccSource`.
///
/// @example
/// ```js
/// const { request, issues } = buildShipmentConfirmation({
///   shipmentIdentifier: "ASN-1122-01", shipmentStructure: "PalletizedAssortmentCase",
///   shipmentType: "LessThanTruckLoad", carrierScac: "ABFS", billOfLadingNumber: "BOL-1",
///   sellingParty: { partyId: "VEND1" }, shipFromParty: { partyId: "WH1" }, shipToParty: { partyId: "SMF3" },
///   shippedDate: "2026-11-22T09:45:00Z", estimatedDeliveryDate: "2026-11-24T08:00:00Z",
///   pallets: [{ id: "P1" }],
///   cartons: [{ pallet: "P1", sscc: "00106141411234567897",
///               contents: [{ purchaseOrderNumber: "PO-A", sku: "RED", quantity: 6 }] }],
///   skuMap: [{ sku: "RED", asin: "B0RED00001" }],
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `UNKNOWN_FIELD`, `UNKNOWN_ENUM`, `INVALID_TYPE`,
/// `DUPLICATE_SKU`; `path` points at the offending field of the input.
#[wasm_bindgen(
    js_name = buildShipmentConfirmation,
    unchecked_return_type = "BuildShipmentConfirmationOutput"
)]
pub fn build_shipment_confirmation(
    #[wasm_bindgen(unchecked_param_type = "BuildShipmentConfirmationInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    // The input borrows the ASN from this text (see `run`).
    let text = stringify_input(&input)?;
    to_js(
        &run(&text, shipment::build_shipment_confirmation)?,
        text.len(),
    )
}

/// `buildShipmentConfirmation` on JSON text.
///
/// @example
/// ```js
/// const out = JSON.parse(buildShipmentConfirmationJson(fs.readFileSync("packing.json", "utf8")));
/// ```
#[wasm_bindgen(js_name = buildShipmentConfirmationJson)]
pub fn build_shipment_confirmation_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, shipment::build_shipment_confirmation)
}

/// Validates one ASN: `{ valid, issues }`, each issue with `code`, `severity` (`error` blocks
/// submission, `warning` is a chargeback risk), `path` (JSON pointer into the
/// `shipmentConfirmation`, for showing the message next to the field), `message`, `dueAt`.
///
/// @example
/// ```js
/// const { valid, issues } = validateShipmentConfirmation({
///   shipmentConfirmation: asn,            // one element of shipmentConfirmations
///   purchaseOrders, acknowledgements,     // optional: check against what was ordered/accepted
///   previousShipments, ssccLedger,        // optional: cumulative quantities, reuse, Replace
///   now: new Date().toISOString(),
/// });
/// for (const issue of issues) showNextTo(issue.path, issue.message);
/// ```
/// @throws {ConnectorError} only for input that is not a validation request (`MISSING_FIELD`
/// for `now`, `DUPLICATE_PURCHASE_ORDER`, …); problems of the ASN are issues.
#[wasm_bindgen(
    js_name = validateShipmentConfirmation,
    unchecked_return_type = "ValidateShipmentConfirmationOutput"
)]
pub fn validate_shipment_confirmation(
    #[wasm_bindgen(unchecked_param_type = "ValidateShipmentConfirmationInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    // The input borrows the ASN from this text (see `run`).
    let text = stringify_input(&input)?;
    // The output is a list of issues, usually far smaller than the input: no size hint.
    to_js(&run(&text, shipment::validate_shipment_confirmation)?, 0)
}

/// `validateShipmentConfirmation` on JSON text.
///
/// @example
/// ```js
/// const { valid } = JSON.parse(validateShipmentConfirmationJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = validateShipmentConfirmationJson)]
pub fn validate_shipment_confirmation_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    // The output is a list of issues, usually far smaller than the input: no size hint.
    to_json(&run(input, shipment::validate_shipment_confirmation)?, 0)
}

/// The input of `generateSscc`.
#[derive(Debug, Clone, Deserialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenerateSsccInput {
    /// GS1 company prefix, 4–12 digits.
    pub company_prefix: String,
    /// 0–9 (default 0).
    #[serde(default)]
    pub extension_digit: u8,
    /// Unique per SSCC for at least a year; zero-padded to fill 17 digits with the prefix.
    pub serial_reference: u64,
}

/// What `generateSscc` returns.
#[derive(Debug, Clone, Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GenerateSsccOutput {
    /// 18 digits, check digit included.
    pub sscc: String,
    /// The GS1-128 element string `00` + SSCC (20 digits), as encoded in the barcode.
    pub element_string: String,
    /// Human-readable label text: `(00) 1 0614141 123456789 7`.
    pub human_readable: String,
}

/// An SSCC generator argument out of range.
#[derive(Debug, thiserror::Error)]
pub enum GenerateSsccError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{0}")]
    Gs1(gs1::Gs1Error),
}

impl CodedError for GenerateSsccError {
    fn code(&self) -> &'static str {
        match self {
            GenerateSsccError::Input(e) => e.code(),
            GenerateSsccError::Gs1(_) => "INVALID_VALUE",
        }
    }

    fn path(&self) -> String {
        match self {
            GenerateSsccError::Input(e) => e.path(),
            GenerateSsccError::Gs1(gs1::Gs1Error::InvalidGeneratorInput { field, .. }) => {
                format!("/{field}")
            }
            GenerateSsccError::Gs1(_) => String::new(),
        }
    }
}

/// Three scalars: nothing to count.
impl crate::limits::CountedInput for GenerateSsccInput {
    fn counts(&self) -> Vec<crate::limits::Count> {
        Vec::new()
    }
}

fn generate(input: GenerateSsccInput) -> Result<GenerateSsccOutput, GenerateSsccError> {
    let sscc = gs1::generate_sscc(
        input.extension_digit,
        &input.company_prefix,
        input.serial_reference,
    )
    .map_err(GenerateSsccError::Gs1)?;
    let prefix_end = input.company_prefix.len().saturating_add(1);
    let human_readable = format!(
        "(00) {} {} {} {}",
        sscc.get(..1).unwrap_or(""),
        sscc.get(1..prefix_end).unwrap_or(""),
        sscc.get(prefix_end..17).unwrap_or(""),
        sscc.get(17..).unwrap_or("")
    );
    Ok(GenerateSsccOutput {
        element_string: format!("{}{sscc}", gs1::SSCC_APPLICATION_IDENTIFIER),
        human_readable,
        sscc,
    })
}

/// Generates an SSCC (GS1 mod-10 check digit included) for a carton or pallet label.
///
/// @example
/// ```js
/// generateSscc({ companyPrefix: "0614141", extensionDigit: 1, serialReference: 123456789 });
/// // { sscc: "106141411234567897", elementString: "00106141411234567897",
/// //   humanReadable: "(00) 1 0614141 123456789 7" }
/// ```
/// @throws {ConnectorError} `INVALID_VALUE` with `path` `/companyPrefix`, `/extensionDigit` or
/// `/serialReference` when an argument is out of range.
#[wasm_bindgen(js_name = generateSscc, unchecked_return_type = "GenerateSsccOutput")]
pub fn generate_sscc(
    #[wasm_bindgen(unchecked_param_type = "GenerateSsccInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, generate)
}
