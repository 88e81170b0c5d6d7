//! What `vendorScorecard` reads.

use serde::Deserialize;

use crate::catalog::SkuMapping;
use crate::invoice::shipped::AsnRecord;
use crate::spapi::orders::{Order, OrderAcknowledgement};
use crate::spapi::orders_status::OrderStatus;
use crate::time::Instant;

/// The input of `vendorScorecard`: the documents of a period, as `reconcile` reads them.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VendorScorecardInput {
    /// Amazon `Order` objects; those with a `purchaseOrderDate` in [`from`, `to`) are scored.
    pub purchase_orders: Vec<Order>,
    /// The acknowledgements sent (with their `acknowledgementDate`).
    #[serde(default)]
    pub acknowledgements: Vec<OrderAcknowledgement>,
    /// The ASNs sent.
    #[serde(default)]
    pub shipments: Vec<AsnRecord>,
    /// getPurchaseOrdersStatus entries: what Amazon received.
    #[serde(default)]
    pub receipts: Vec<OrderStatus>,
    /// ERP SKU ↔ Amazon identifiers (case sizes for lines without `unitSize`).
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// Start of the period (inclusive).
    pub from: Instant,
    /// End of the period (exclusive).
    pub to: Instant,
    /// The moment of the scorecard: receipts still within their grace period are in transit.
    pub now: Instant,
    /// Settings of the scorecard (see [`ScorecardOptions`]).
    #[serde(default)]
    pub options: ScorecardOptions,
}

/// Deadlines the timeliness figures hold documents to (Amazon's, configurable).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScorecardOptions {
    /// Hours after the PO an acknowledgement is on time. Default 24.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_hours: Option<u32>,
    /// Minutes after departure (`shippedDate`) an ASN is on time. Default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn_minutes: Option<u32>,
}
