//! What `exceptionsReport` returns.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::exceptions::Severity;
use crate::money::CurrencyAmount;

wire_enum! {
    /// Who acts on an exception.
    OwnerRole {
        /// Warehouse, order desk: acknowledgements, shipments, stock.
        Operations = "operations",
        /// Costs, invoices, claims, remittances.
        Finance = "finance",
        /// Item master, listings, case packs.
        Merchandising = "merchandising",
        /// The connector's configuration and mappings.
        Administrator = "administrator",
    }
}

/// The output of `exceptionsReport`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionsReportOutput {
    /// Most urgent first: overdue, then by `dueAt`, then severity, then money at risk.
    pub entries: Vec<ReportEntry>,
    /// Totals: entries, overdue, per owner, money at risk per currency.
    pub summary: ReportSummary,
}

/// One exception with its owner and the action to take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReportEntry {
    /// 1-based position in the list.
    pub rank: u64,
    /// The exception code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The engine that reported it, if tagged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The purchase order concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The ERP SKU concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// The SP-API transaction concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// What happened, in words.
    pub message: String,
    /// ISO-8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// `dueAt` is before `now`.
    pub overdue: bool,
    /// The money at risk, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money_at_risk: Option<CurrencyAmount>,
    /// Who acts: administrator, finance, merchandising or operations.
    pub owner: OwnerRole,
    /// What to do.
    pub action: String,
}

/// Counts and totals of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    /// Number of entries.
    pub total: u64,
    /// Number of overdue entries.
    pub overdue: u64,
    /// Entries per owner role (roles with none are left out).
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Partial<Record<OwnerRole, number>>")
    )]
    pub by_owner: BTreeMap<OwnerRole, u64>,
    /// Σ money at risk per currency (currencies are never added together).
    pub money_at_risk: Vec<CurrencyAmount>,
}
