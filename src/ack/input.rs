//! What `decideAcknowledgements` reads.

use serde::Deserialize;

use super::rules::{AckOptions, AckRules};
use crate::catalog::SkuMapping;
use crate::spapi::orders::{Order, OrderAcknowledgement};
use crate::stock::InventoryPosition;
use crate::time::Instant;

/// The input of `decideAcknowledgements`. Unknown top-level fields are refused, so a typo in a
/// field name is an error rather than a silently ignored rule.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecideAcknowledgementsInput {
    /// Amazon `Order` objects exactly as getPurchaseOrders / getPurchaseOrder return them.
    pub purchase_orders: Vec<Order>,
    /// Stock positions per ERP SKU. A SKU that is absent has nothing allocatable.
    #[serde(default)]
    pub inventory: Vec<InventoryPosition>,
    /// ERP SKU ↔ Amazon identifiers. A PO line whose identifiers match no mapping falls back to
    /// an inventory SKU equal to its vendor product identifier or ASIN.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// The moment of the decision (ISO-8601). The core never reads the clock.
    pub now: Instant,
    /// The vendor code to acknowledge as. Defaults to each PO's `sellingParty.partyId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<String>,
    /// Defaults, per-PO-type and per-SKU overrides.
    #[serde(default)]
    pub rules: AckRules,
    /// Acknowledgements sent earlier and accepted by Amazon (earlier `request.acknowledgements`
    /// entries, as they were). Pass the open POs together with their history: their accepted
    /// quantities are charged against stock before new POs are allocated.
    #[serde(default)]
    pub history: Vec<OrderAcknowledgement>,
    /// Lead time, deadlines, allocation order and unknown-product handling.
    #[serde(default)]
    pub options: AckOptions,
}
