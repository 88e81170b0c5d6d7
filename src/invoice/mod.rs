//! Invoices and credit notes (`buildInvoice`): the exact `submitInvoices` body from what was
//! shipped and acknowledged, refusing (with issues) what Amazon would reject or later claim
//! back: unshipped or unacknowledged quantities, a reused id, a zero total, a date before the
//! PO date or after `now`, several POs where the country allows one, credit notes without the
//! references their reason needs.
//!
//! Money is exact: `invoiceTotal = items + item taxes + charges + charge taxes − allowances −
//! allowance taxes`, header taxes are the exact sums of line taxes, and a tax is the only
//! rounded figure (half away from zero, at the currency's minor unit).
//!
//! [`po_book`] and [`shipped`] are shared with [`crate::reconcile`].
//!
#![doc = include_str!("README.md")]

pub mod amounts;
mod engine;
mod error;
mod input;
mod output;
mod parties;
pub mod po_book;
pub mod shipped;
mod taxes;

pub use engine::build_invoice;
pub use error::InvoiceError;
pub use input::{
    BuildInvoiceInput, BuildInvoiceOptions, CountryProfile, CreditNoteReason, CreditNoteSpec,
    InvoiceAllowanceSpec, InvoiceChargeSpec, InvoiceLineSpec, InvoiceSpec, InvoiceTaxRate,
    InvoicedQuantity, ItemTaxBasis,
};
pub use output::{BuildInvoiceOutput, InvoiceDocumentStatus, InvoiceDocumentSummary, InvoiceIssue};
