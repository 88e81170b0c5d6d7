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
        /// Short Term for 1-10 days.
        ShortTerm = "researchingQuantityInShortTerm",
        /// Mid Term for 11-20 days.
        MidTerm = "researchingQuantityInMidTerm",
        /// Long Term for 21 days or longer.
        LongTerm = "researchingQuantityInLongTerm",
    }
}

/// This model's `Error`: unlike the other models, `message` is optional here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryApiError {
    /// An error code that identifies the type of error that occurred.
    pub code: String,
    /// A message that describes the error condition in a human-readable form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Additional information that can help the caller understand or fix the issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// `GetInventorySummariesResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetInventorySummariesResponse {
    /// The payload for the getInventorySummaries operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetInventorySummariesResult>,
    /// The process of returning the results to a request in batches of a defined size called pages.
    /// This is done to exercise some control over result size and overall throughput. It's a form
    /// of traffic management.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<InventoryPagination>,
    /// One or more unexpected errors occurred during the getInventorySummaries operation.
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
    /// A list of inventory summaries.
    pub inventory_summaries: Vec<InventorySummary>,
}

/// `Granularity`: `Marketplace` and the marketplace id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Granularity {
    /// The granularity type for the inventory aggregation level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity_type: Option<String>,
    /// The granularity ID for the specified granularity type. When granularityType is Marketplace,
    /// specify the marketplaceId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity_id: Option<String>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename = "InventoryPagination", rename_all = "camelCase")]
pub struct InventoryPagination {
    /// A generated string used to retrieve the next page of the result. If nextToken is returned,
    /// pass the value of nextToken to the next request. If nextToken is not returned, there are no
    /// more items to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `InventorySummary`: one seller SKU's FBA stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventorySummary {
    /// The Amazon Standard Identification Number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// Amazon's fulfillment network SKU identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fn_sku: Option<String>,
    /// The seller SKU of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    /// The condition of the item as described by the seller (for example, New Item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Summarized inventory details. This object will not appear if the details parameter in the
    /// request is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_details: Option<InventoryDetails>,
    /// The date and time that any quantity was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated_time: Option<Instant>,
    /// The localized language product title of the item within the specific marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The total number of units in an inbound shipment or in Amazon fulfillment centers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_quantity: Option<i64>,
    /// A list of seller-enrolled stores that apply to this seller SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stores: Option<Vec<String>>,
}

/// `InventoryDetails` (only with `details=true`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryDetails {
    /// The item quantity that can be picked, packed, and shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillable_quantity: Option<i64>,
    /// The number of units in an inbound shipment for which you have notified Amazon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_working_quantity: Option<i64>,
    /// The number of units in an inbound shipment that you have notified Amazon about and have
    /// provided a tracking number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_shipped_quantity: Option<i64>,
    /// The number of units that have not yet been received at an Amazon fulfillment center for
    /// processing, but are part of an inbound shipment with some units that have already been
    /// received and processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_receiving_quantity: Option<i64>,
    /// The quantity of reserved inventory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved_quantity: Option<ReservedQuantity>,
    /// The number of misplaced or warehouse damaged units that are actively being confirmed at our
    /// fulfillment centers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub researching_quantity: Option<ResearchingQuantity>,
    /// The quantity of unfulfillable inventory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfulfillable_quantity: Option<UnfulfillableQuantity>,
}

/// `ReservedQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReservedQuantity {
    /// The total number of units in Amazon's fulfillment network that are currently being picked,
    /// packed, and shipped; or are sidelined for measurement, sampling, or other internal
    /// processes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_reserved_quantity: Option<i64>,
    /// The number of units reserved for customer orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_customer_order_quantity: Option<i64>,
    /// The number of units being transferred from one fulfillment center to another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_transshipment_quantity: Option<i64>,
    /// The number of units that have been sidelined at the fulfillment center for additional
    /// processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fc_processing_quantity: Option<i64>,
}

/// `ResearchingQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResearchingQuantity {
    /// The total number of units currently being researched in Amazon's fulfillment network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_researching_quantity: Option<i64>,
    /// A list of quantity details for items currently being researched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub researching_quantity_breakdown: Option<Vec<ResearchingQuantityEntry>>,
}

/// `ResearchingQuantityEntry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResearchingQuantityEntry {
    /// The duration of the research.
    pub name: ResearchingDuration,
    /// The number of units.
    pub quantity: i64,
}

/// `UnfulfillableQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UnfulfillableQuantity {
    /// The total number of units in Amazon's fulfillment network in unsellable condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_unfulfillable_quantity: Option<i64>,
    /// The number of units in customer damaged disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_damaged_quantity: Option<i64>,
    /// The number of units in warehouse damaged disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_damaged_quantity: Option<i64>,
    /// The number of units in distributor damaged disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distributor_damaged_quantity: Option<i64>,
    /// The number of units in carrier damaged disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_damaged_quantity: Option<i64>,
    /// The number of units in defective disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defective_quantity: Option<i64>,
    /// The number of units in expired disposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_quantity: Option<i64>,
}
