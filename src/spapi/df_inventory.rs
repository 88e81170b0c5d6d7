//! Direct Fulfillment inventory: `vendorDirectFulfillmentInventoryV1.json` (submitInventoryUpdate).
//!
//! The request body POSTed to `/vendor/directFulfillment/inventory/v1/warehouses/{warehouseId}/items`
//! and its response. Definitions keep the model's names, except that those another model also
//! defines (`PartyIdentification`, `ItemQuantity`, `ItemDetails`, `TransactionReference`) are
//! prefixed `Inventory`: the generated TypeScript declarations share one namespace.

use serde::{Deserialize, Serialize};

use super::ApiError;

/// The only unit the DF guide uses for available quantities.
pub const UNIT_EACH: &str = "Each";

/// `SubmitInventoryUpdateRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInventoryUpdateRequest {
    /// Optional in the model; every body this crate produces has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory: Option<InventoryUpdate>,
}

/// `InventoryUpdate`: one warehouse's feed, full or partial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryUpdate {
    /// ID of the selling party or vendor.
    pub selling_party: InventoryPartyIdentification,
    /// True: every item of the warehouse not listed is set to zero at Amazon.
    pub is_full_update: bool,
    /// A list of inventory items with updated details, including quantity available.
    pub items: Vec<InventoryItemDetails>,
}

/// `ItemDetails`. The model asks for either identifier; Amazon matches reliably only by ASIN
/// (`buyerProductIdentifier`), so both are sent where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryItemDetails {
    /// The buyer selected product identification of the item. Either buyerProductIdentifier or
    /// vendorProductIdentifier should be submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The vendor selected product identification of the item. Either buyerProductIdentifier or
    /// vendorProductIdentifier should be submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Total item quantity available in the warehouse.
    pub available_quantity: InventoryItemQuantity,
    /// When true, the item is permanently unavailable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_obsolete: Option<bool>,
}

/// `PartyIdentification` (this model has only `partyId`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryPartyIdentification {
    /// Assigned identification for the party.
    pub party_id: String,
}

/// `ItemQuantity`: `unitOfMeasure` is a free string in this model (`"Each"` in every example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryItemQuantity {
    /// Quantity of units available for a specific item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// Unit of measure for the available quantity.
    pub unit_of_measure: String,
}

/// `SubmitInventoryUpdateResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInventoryUpdateResponse {
    /// The response payload for the submitInventoryUpdate operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<InventoryTransactionReference>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionReference`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryTransactionReference {
    /// GUID to identify this transaction. This value can be used with the Transaction Status API to
    /// return the status of this transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}
