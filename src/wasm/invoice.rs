//! Exports of the invoice builder and of reconciliation.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::error::InputError;
use crate::invoice;
use crate::reconcile::{self, ReconcileError};

/// Builds the `submitInvoices` body from what was shipped and acknowledged.
///
/// Returns `request` (the exact body: every document that passed), `documents` (one summary
/// per requested document, built or refused, with its total broken down) and `issues`
/// (`error` refuses a document, `warning` says what was left out).
///
/// @example
/// ```js
/// const { request, issues } = buildInvoice({
///   invoices: [{ id: "INV-1001", date: "2026-11-25T10:00:00Z", purchaseOrderNumbers: ["2JK3S9VB"] }],
///   purchaseOrders: orders,             // from getPurchaseOrders
///   acknowledgements: sent.acknowledgements,
///   shipments: asns,                    // the ASNs submitted
///   usedInvoiceIds: ["INV-1000"],
///   remitToParty: { partyId: "VENDOR1" },
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `UNKNOWN_FIELD`, `INVALID_DATE`,
/// `DUPLICATE_PURCHASE_ORDER`, `MISSING_UNIT_SIZE`; `path` points at the offending field.
#[wasm_bindgen(js_name = buildInvoice, unchecked_return_type = "BuildInvoiceOutput")]
pub fn build_invoice(
    #[wasm_bindgen(unchecked_param_type = "BuildInvoiceInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, invoice::build_invoice)
}

/// `buildInvoice` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(buildInvoiceJson(fs.readFileSync("invoice-run.json", "utf8")));
/// ```
#[wasm_bindgen(js_name = buildInvoiceJson)]
pub fn build_invoice_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, invoice::build_invoice)
}

/// Reconciles POs, acknowledgements, ASNs, receipts, invoices and remittances by PO number.
///
/// Returns `purchaseOrders` (per PO and line: quantities, money, status, what is missing to
/// close), `invoices` (payments, deductions, balance), `exceptions` (money at risk, deadlines),
/// `disputes` (with BOL/PRO/SSCC evidence), `totals` and `remittanceIssues` (CSV rows left out).
/// Inputs up to 512 MiB of JSON are accepted (a month of a large vendor's documents).
///
/// @example
/// ```js
/// const { exceptions, totals } = reconcile({
///   purchaseOrders, acknowledgements, shipments,
///   receipts: status.payload.ordersStatus,        // getPurchaseOrdersStatus
///   invoices: submitted.invoices,
///   remittanceCsv: { text: fs.readFileSync("remittance.csv", "utf8") },
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `CURRENCY_MISMATCH` (never converted by guess),
/// `INVALID_REMITTANCE_CSV`, `MISSING_FIELD`, `INVALID_DATE`; `path` points at the field.
#[wasm_bindgen(js_name = reconcile, unchecked_return_type = "ReconcileOutput")]
pub fn reconcile(
    #[wasm_bindgen(unchecked_param_type = "ReconcileInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let text = super::stringify_input(&input)?;
    super::to_js(&run_reconcile(&text)?, text.len())
}

/// `reconcile` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(reconcileJson(fs.readFileSync("month.json", "utf8")));
/// ```
#[wasm_bindgen(js_name = reconcileJson)]
pub fn reconcile_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    super::to_json(&run_reconcile(input)?, input.len())
}

/// Like the shared `call_*` helpers, but with reconciliation's larger input limit.
fn run_reconcile(text: &str) -> Result<reconcile::ReconcileOutput, JsValue> {
    reserve_working_memory(text.len());
    let input = reconcile::parse_reconcile_input(text)
        .map_err(|e: InputError| super::to_js_error(&ReconcileError::from(e)))?;
    super::count_limits()
        .check(&input)
        .map_err(|e| super::to_js_error(&ReconcileError::from(e)))?;
    reconcile::reconcile(input).map_err(|e| super::to_js_error(&e))
}

/// Working memory of a reconciliation, measured: about six times its JSON input. The allocator
/// otherwise grows the WebAssembly memory a few pages at a time, and on a large first run every
/// growth costs the JS engine a memory-accounting pass (measured on 100,000 rows: 11 s cold
/// against 3 s warm). Asking for it once, then freeing it, grows the memory in one step; the
/// freed block is reused by the run. If the reservation cannot be had, nothing is lost: the run
/// grows as it goes.
fn reserve_working_memory(input_bytes: usize) {
    const WORKING_SET_PER_INPUT_BYTE: usize = 6;
    const CAP: usize = 3 * 1024 * 1024 * 1024;
    let wanted = input_bytes
        .saturating_mul(WORKING_SET_PER_INPUT_BYTE)
        .min(CAP);
    let mut block: Vec<u8> = Vec::new();
    if block.try_reserve_exact(wanted).is_ok() {
        drop(block);
    }
}
