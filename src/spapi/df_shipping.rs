//! Direct Fulfillment shipping: `vendorDirectFulfillmentShipping_2021-12-28.json`, the request
//! bodies the connector sends (shipment confirmations, status updates, shipping label requests)
//! and the shipping label answer it reads.
//!
//! Parties are [`DfPartyIdentification`] sent by code only (`{partyId}`), valid in both the
//! orders and the shipping models. Quantities are [`DfItemQuantity`] in `Each`. Here, unlike
//! in orders, `itemSequenceNumber` is an integer.

use serde::{Deserialize, Serialize};

use super::df_orders::{DfAddress, DfItemQuantity, DfPartyIdentification};
use crate::money::Decimal;

wire_enum! {
    /// `ShipmentDetails.shipmentStatus`.
    DfShipmentStatus {
        /// "Orders that have left the warehouse".
        Shipped = "SHIPPED",
        /// "Orders rejected due to quality issues with products on the floor, or the physical
        /// and virtual inventory do not match."
        FloorDenial = "FLOOR_DENIAL",
    }
}

wire_enum! {
    /// `Container.containerType`.
    DfContainerType {
        Carton = "Carton",
        Pallet = "Pallet",
    }
}

wire_enum! {
    /// `Weight.unitOfMeasure`.
    DfWeightUnit {
        Kg = "KG",
        Lb = "LB",
    }
}

wire_enum! {
    /// `Dimensions.unitOfMeasure`.
    DfDimensionUnit {
        In = "IN",
        Cm = "CM",
    }
}

wire_enum! {
    /// `ShippingLabel.labelFormat`.
    DfLabelFormat {
        Png = "PNG",
        Zpl = "ZPL",
    }
}

/// `SubmitShipmentConfirmationsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitShipmentConfirmationsRequest {
    pub shipment_confirmations: Vec<DfShipmentConfirmation>,
}

/// `ShipmentConfirmation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentConfirmation {
    pub purchase_order_number: String,
    pub shipment_details: DfShippedDetails,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    pub items: Vec<DfShippedItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Vec<DfContainer>>,
}

/// The shipping model's `ShipmentDetails` (named apart from the orders model's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShippedDetails {
    /// ISO-8601 UTC; "cannot be in the future".
    pub shipped_date: String,
    pub shipment_status: DfShipmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_priority_shipment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_order_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_delivery_date: Option<String>,
}

/// The shipping model's `Item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShippedItem {
    pub item_sequence_number: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub shipped_quantity: DfItemQuantity,
}

/// `Container`: one package (carton) or pallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfContainer {
    pub container_type: DfContainerType,
    pub container_identifier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_date: Option<String>,
    /// "Required when calling the `submitShipmentConfirmations` operation".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scac_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_sequence_number: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<DfDimensions>,
    pub weight: DfWeight,
    pub packed_items: Vec<DfPackedItem>,
}

/// `Dimensions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfDimensions {
    pub length: Decimal,
    pub width: Decimal,
    pub height: Decimal,
    pub unit_of_measure: DfDimensionUnit,
}

/// `Weight`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfWeight {
    pub unit_of_measure: DfWeightUnit,
    pub value: Decimal,
}

/// `PackedItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPackedItem {
    pub item_sequence_number: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub piece_number: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub packed_quantity: DfItemQuantity,
}

/// `SubmitShipmentStatusUpdatesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitShipmentStatusUpdatesRequest {
    pub shipment_status_updates: Vec<DfShipmentStatusUpdate>,
}

/// `ShipmentStatusUpdate`: one physical package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentStatusUpdate {
    pub purchase_order_number: String,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    pub status_update_details: DfStatusUpdateDetails,
}

/// `StatusUpdateDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfStatusUpdateDetails {
    pub tracking_number: String,
    pub status_code: String,
    pub reason_code: String,
    /// ISO-8601 UTC.
    pub status_date_time: String,
    /// Where the package is (a carrier facility), not the customer's address.
    pub status_location_address: DfAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_schedule: Option<DfShipmentSchedule>,
}

/// `ShipmentSchedule` (scheduled-delivery orders).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentSchedule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_delivery_date_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appt_window_start_date_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appt_window_end_date_time: Option<String>,
}

/// `SubmitShippingLabelsRequest`: the submitShippingLabelRequest body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitShippingLabelsRequest {
    pub shipping_label_requests: Vec<DfShippingLabelRequest>,
}

/// `ShippingLabelRequest`: the packages of one order that need labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShippingLabelRequest {
    pub purchase_order_number: String,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Vec<DfContainer>>,
}

/// `ShippingLabel`: Amazon's answer (getShippingLabel / createShippingLabels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShippingLabel {
    pub purchase_order_number: String,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    pub label_format: DfLabelFormat,
    pub label_data: Vec<DfLabelData>,
}

/// `LabelData`: one package's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfLabelData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_method_name: Option<String>,
    /// The label itself, base64 (PNG) or ZPL text.
    pub content: String,
}
