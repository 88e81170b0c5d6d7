//! Reconciliation (`reconcile`): purchase orders, acknowledgements, ASNs, Amazon's receipts,
//! invoices and remittances joined on PO number (and line, by sequence number, ASIN or vendor
//! SKU), with every gap priced: shortages with the evidence to dispute them, overages, price
//! variances, unpaid and short-paid invoices with the deduction classified, payments without an
//! invoice, data drift between the ERP and the ASNs, accepted lines never shipped, partly
//! fulfilled POs left open — each with its money at risk and its deadline.
//!
//! Amounts in different currencies are never compared: a mismatch is an error.
//!
#![doc = include_str!("README.md")]

mod classify;
pub mod csv;
mod engine;
mod error;
mod evidence;
mod facts;
mod forecast;
mod input;
mod output;
mod packs;
pub mod remittance;
mod totals;
mod valuation;

pub use engine::reconcile;
pub use error::ReconcileError;
pub use forecast::match_forecast;
pub use input::{
    RECONCILE_MAX_INPUT_BYTES, ReconcileInput, ReconcileOptions, parse_reconcile_input,
};
pub use output::{
    CartonEvidence, CloseStep, CurrencyTotal, DeductionAmount, Dispute, ExceptionTotal,
    InvoiceReconciliation, InvoiceStatus, LineQuantities, LineReconciliation, MissingStep,
    PalletEvidence, PoReconciliation, PriceEvidence, ReconcileMoney, ReconcileOutput,
    ReconcilePoStatus, ReconcileTotals, ShipmentEvidence, ValueUnknown,
};
pub use packs::{DISPUTE_PACK_CSV_HEADER, dispute_pack_csv};
pub use remittance::{
    CsvMapping, CsvPreset, DateOrder, DeductionType, RemittanceCsv, RemittanceIssue, RemittanceRow,
};
