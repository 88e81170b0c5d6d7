//! What `buildInvoice` returns.

use serde::Serialize;

use crate::exceptions::Severity;
use crate::money::Decimal;
use crate::spapi::invoices::{InvoiceType, SubmitInvoicesRequest};

/// The output of `buildInvoice`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BuildInvoiceOutput {
    /// The exact body to POST to submitInvoices: every document that passed every check.
    pub request: SubmitInvoicesRequest,
    /// One summary per requested document, in input order, built or refused.
    pub documents: Vec<InvoiceDocumentSummary>,
    /// Why a document was refused (`error`) or what was left out of it (`warning`).
    pub issues: Vec<InvoiceIssue>,
}

wire_enum! {
    /// Whether a document is in `request`.
    InvoiceDocumentStatus {
        Built = "built",
        Refused = "refused",
    }
}

/// How a document's total is made up: `total = items + itemTax + charges + chargeTax −
/// allowances − allowanceTax`, every term exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDocumentSummary {
    pub id: String,
    pub invoice_type: InvoiceType,
    pub status: InvoiceDocumentStatus,
    pub purchase_order_numbers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    pub items: Decimal,
    pub item_tax: Decimal,
    pub charges: Decimal,
    pub charge_tax: Decimal,
    pub allowances: Decimal,
    pub allowance_tax: Decimal,
    pub total: Decimal,
    /// Σ invoiced quantities, in each line's unit of measure (the guide: "total quantity should
    /// match the sum of the quantity of all items").
    pub total_quantity: u64,
}

/// A problem with a document. `error` refuses the document; `warning` means it was built but
/// something was left out (e.g. shipped quantities that were never acknowledged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceIssue {
    /// Stable SCREAMING_SNAKE_CASE code.
    pub code: String,
    pub severity: Severity,
    /// JSON pointer into the input.
    pub path: String,
    pub invoice_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    pub message: String,
}
