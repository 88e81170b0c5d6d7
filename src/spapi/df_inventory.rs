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
    pub selling_party: InventoryPartyIdentification,
    /// True: every item of the warehouse not listed is set to zero at Amazon.
    pub is_full_update: bool,
    pub items: Vec<InventoryItemDetails>,
}

/// `ItemDetails`. The model asks for either identifier; Amazon matches reliably only by ASIN
/// (`buyerProductIdentifier`), so both are sent where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryItemDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub available_quantity: InventoryItemQuantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_obsolete: Option<bool>,
}

/// `PartyIdentification` (this model has only `partyId`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryPartyIdentification {
    pub party_id: String,
}

/// `ItemQuantity`: `unitOfMeasure` is a free string in this model (`"Each"` in every example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryItemQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    pub unit_of_measure: String,
}

/// `SubmitInventoryUpdateResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInventoryUpdateResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<InventoryTransactionReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionReference`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryTransactionReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}
