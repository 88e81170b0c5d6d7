//! What `exceptionsReport` reads.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::output::OwnerRole;
use crate::exceptions::Exception;
use crate::spapi::ApiError;
use crate::spapi::transactions::TransactionState;
use crate::time::Instant;

/// Minutes after which a retail transaction still `Processing` has succeeded (RP guide); also
/// how long a transaction may go without any status before it counts as stuck.
pub const DEFAULT_PROCESSING_GRACE_MINUTES: u32 = 15;

/// The input of `exceptionsReport`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExceptionsReportInput {
    /// Exceptions from any engine, as they returned them, optionally tagged with `source`.
    #[serde(default)]
    pub exceptions: Vec<ReportedException>,
    /// Submitted transactions and their last known status.
    #[serde(default)]
    pub transactions: Vec<TrackedTransaction>,
    /// Direct Fulfillment orders with what has happened to them: each open obligation (acknowledge,
    /// ship, confirm, invoice) becomes an entry with its due time.
    #[serde(default)]
    pub df_orders: Vec<DfCalendarOrder>,
    /// The moment of the report (ISO-8601): what is overdue is judged against it.
    pub now: Instant,
    /// Processing grace period and per-code owner overrides.
    #[serde(default)]
    pub options: ReportOptions,
}

/// An exception as an engine returned it, plus where it came from. Fields an engine adds later
/// are ignored rather than refused, so older reports keep reading newer engines' output.
///
/// The fields of [`Exception`] are repeated here rather than `#[serde(flatten)]`ed: flatten
/// buffers the object first, and an error inside it (an unknown `severity`, a bad amount) would
/// then point at the whole exception instead of the field. `From<ReportedException> for
/// Exception` lists every field, so a field added to `Exception` must be added here too.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReportedException {
    /// The exception code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: crate::exceptions::Severity,
    /// The purchase order concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The ERP SKU concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// What happened, in words.
    pub message: String,
    /// ISO-8601 instant by which the matter must be settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// What is lost if nobody acts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_at_risk: Option<crate::money::CurrencyAmount>,
    /// The engine or run it came from, e.g. `decideAcknowledgements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl From<ReportedException> for Exception {
    fn from(reported: ReportedException) -> Self {
        Exception {
            code: reported.code,
            severity: reported.severity,
            purchase_order_number: reported.purchase_order_number,
            item_sequence_number: reported.item_sequence_number,
            sku: reported.sku,
            message: reported.message,
            due_at: reported.due_at,
            money_at_risk: reported.money_at_risk,
        }
    }
}

/// A transaction the host submitted (acknowledgement, ASN, invoice, inventory update, …).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrackedTransaction {
    /// Amazon's transaction id.
    pub transaction_id: String,
    /// The last status getTransaction returned; absent when none was obtained yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TransactionState>,
    /// When the host submitted it.
    pub submitted_at: Instant,
    /// What was submitted, in words: `acknowledgement`, `shipmentConfirmation`, `invoice`, …
    pub kind: String,
    /// The purchase order concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// When the submission had to be through (e.g. the acknowledgement deadline); a failure
    /// is due now when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<Instant>,
    /// Amazon's errors from getTransaction (only their codes reach the report: messages may
    /// quote submitted data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// One DF order on the calendar: its dates from getOrder and the host's record of each step.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfCalendarOrder {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// When Amazon placed the order (`orderDate`); the acknowledgement is due 24 hours later.
    pub order_date: Instant,
    /// The ship-by deadline (`shipmentDetails.shipmentDates.requiredShipDate`).
    pub required_ship_date: Instant,
    /// Cancelled (by Amazon or by the acknowledgement): no obligation is left.
    #[serde(default)]
    pub cancelled: bool,
    /// When the order was acknowledged; absent: not acknowledged yet (the acknowledgement is the
    /// next obligation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_at: Option<Instant>,
    /// When the order left the warehouse; absent: not shipped yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<Instant>,
    /// When its shipment confirmation was accepted; absent: not confirmed yet (due 4 hours after
    /// shipping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<Instant>,
    /// When it was invoiced; present: no obligation is left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced_at: Option<Instant>,
}

/// Report settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportOptions {
    /// Default 15 (RP guide); the DF guide allows 30 for DF transactions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_grace_minutes: Option<u32>,
    /// Per-code owner (and optionally action) overriding the built-in table.
    #[serde(default)]
    pub owners: BTreeMap<String, OwnerOverride>,
    /// Hours after a DF shipment confirmation by which its invoice is due. Amazon's documents
    /// set no figure: the default, 24, is this connector's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub df_invoice_due_hours: Option<u32>,
}

/// Who handles a code in this organisation.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OwnerOverride {
    /// Who acts on this code instead.
    pub owner: OwnerRole,
    /// What to do instead of the table's action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}
