//! FBA stock: `fbaInventory.json` (FBA Inventory API v1), the `getInventorySummaries` response.
//!
//! What can ship from FBA now is `inventoryDetails.fulfillableQuantity`, which Amazon returns
//! only when the call asks for `details=true`; `totalQuantity` also counts inbound, reserved
//! and unfulfillable units and is not a substitute. Quantities are the model's `integer` (i64).

use serde::{Deserialize, Serialize};

use crate::time::Instant;

wire_enum! {
    /// `ResearchingQuantityEntry.name`: how long the units have been under research.
    ResearchingDuration {
        ShortTerm = "researchingQuantityInShortTerm",
        MidTerm = "researchingQuantityInMidTerm",
        LongTerm = "researchingQuantityInLongTerm",
    }
}

/// This model's `Error`: unlike the other models, `message` is optional here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryApiError {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// `GetInventorySummariesResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetInventorySummariesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetInventorySummariesResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<InventoryPagination>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<InventoryApiError>>,
}

/// `GetInventorySummariesResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetInventorySummariesResult {
    /// Required by the model; an absent object is read as empty.
    #[serde(default)]
    pub granularity: Granularity,
    pub inventory_summaries: Vec<InventorySummary>,
}

/// `Granularity`: `Marketplace` and the marketplace id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Granularity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity_id: Option<String>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename = "InventoryPagination", rename_all = "camelCase")]
pub struct InventoryPagination {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `InventorySummary`: one seller SKU's FBA stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventorySummary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fn_sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_details: Option<InventoryDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated_time: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stores: Option<Vec<String>>,
}

/// `InventoryDetails` (only with `details=true`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillable_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_working_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_shipped_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_receiving_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved_quantity: Option<ReservedQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub researching_quantity: Option<ResearchingQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfulfillable_quantity: Option<UnfulfillableQuantity>,
}

/// `ReservedQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReservedQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_reserved_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_customer_order_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_transshipment_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fc_processing_quantity: Option<i64>,
}

/// `ResearchingQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResearchingQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_researching_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub researching_quantity_breakdown: Option<Vec<ResearchingQuantityEntry>>,
}

/// `ResearchingQuantityEntry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResearchingQuantityEntry {
    pub name: ResearchingDuration,
    pub quantity: i64,
}

/// `UnfulfillableQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UnfulfillableQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_unfulfillable_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_damaged_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_damaged_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distributor_damaged_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_damaged_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defective_quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_quantity: Option<i64>,
}
