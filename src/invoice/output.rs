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
        /// Built: the document is in `request`.
        Built = "built",
        /// Refused: see the document's `issues`.
        Refused = "refused",
    }
}

/// How a document's total is made up: `total = items + itemTax + charges + chargeTax −
/// allowances − allowanceTax`, every term exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDocumentSummary {
    /// The invoice (or credit note) number.
    pub id: String,
    /// Invoice or credit note.
    pub invoice_type: InvoiceType,
    /// Built (in `request`) or refused (see `issues`).
    pub status: InvoiceDocumentStatus,
    /// The POs it bills.
    pub purchase_order_numbers: Vec<String>,
    /// Its currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Sum of the items (quantity × net cost).
    pub items: Decimal,
    /// Sum of the item taxes.
    pub item_tax: Decimal,
    /// Sum of the charges.
    pub charges: Decimal,
    /// Sum of the charges' taxes.
    pub charge_tax: Decimal,
    /// Sum of the allowances.
    pub allowances: Decimal,
    /// Sum of the allowances' taxes.
    pub allowance_tax: Decimal,
    /// `items + itemTax + charges + chargeTax − allowances − allowanceTax`.
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
    /// `error` refuses the document; `warning` says what was left out.
    pub severity: Severity,
    /// JSON pointer into the input.
    pub path: String,
    /// The document concerned.
    pub invoice_id: String,
    /// The purchase order concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// What is wrong and what to do, in words.
    pub message: String,
}
