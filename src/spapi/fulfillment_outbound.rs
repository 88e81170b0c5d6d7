//! Multi-Channel Fulfillment: `fulfillmentOutbound_2020-07-01.json` (Fulfillment Outbound API).
//!
//! Only what the FBA routing engine sends and reads: the `createFulfillmentOrder` request and
//! response, and the answers that report a fulfillment order's shipments, packages and tracking
//! (`getFulfillmentOrder`, `getPackageTrackingDetails`). Definitions keep the model's names; the
//! few generic ones (`Address`, `Money`, `DeliveryWindow`, `DateRange`) carry an `Mcf` prefix
//! (`McfAddress`, …), because the TypeScript declarations are generated from the Rust names and
//! must not clash with other models' types of the same name.
//!
//! Timestamps are [`Instant`]s: any ISO-8601 spelling in, UTC with `Z` out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::money::Decimal;
use crate::time::Instant;

wire_enum! {
    /// `ShippingSpeedCategory`. `ScheduledDelivery` exists only in the JP marketplace and needs a
    /// `deliveryWindow`.
    ShippingSpeedCategory {
        Standard = "Standard",
        Expedited = "Expedited",
        Priority = "Priority",
        ScheduledDelivery = "ScheduledDelivery",
    }
}

wire_enum! {
    /// `FulfillmentAction`: ship now or put the order on hold.
    FulfillmentAction {
        Ship = "Ship",
        Hold = "Hold",
    }
}

wire_enum! {
    /// `FulfillmentPolicy`: what Amazon does with items it cannot fulfil.
    FulfillmentPolicy {
        FillOrKill = "FillOrKill",
        FillAll = "FillAll",
        FillAllAvailable = "FillAllAvailable",
    }
}

wire_enum! {
    /// `FulfillmentOrderStatus`. The sandbox sends `"PROCESSING"`: read tolerantly.
    FulfillmentOrderStatus {
        New = "New",
        Received = "Received",
        Planning = "Planning",
        Processing = "Processing",
        Cancelled = "Cancelled",
        Complete = "Complete",
        CompletePartialled = "CompletePartialled",
        Unfulfillable = "Unfulfillable",
        Invalid = "Invalid",
    }
}

wire_enum! {
    /// `FulfillmentShipment.fulfillmentShipmentStatus`.
    FulfillmentShipmentStatus {
        Pending = "PENDING",
        Shipped = "SHIPPED",
        CancelledByFulfiller = "CANCELLED_BY_FULFILLER",
        CancelledBySeller = "CANCELLED_BY_SELLER",
    }
}

wire_enum! {
    /// `DropOffLocation.type`.
    DropOffLocationType {
        FrontDoor = "FRONT_DOOR",
        DeliveryBox = "DELIVERY_BOX",
        GasMeterBox = "GAS_METER_BOX",
        BicycleBasket = "BICYCLE_BASKET",
        Garage = "GARAGE",
        Receptionist = "RECEPTIONIST",
        FallbackNeighborDelivery = "FALLBACK_NEIGHBOR_DELIVERY",
        DoNotLeaveUnattended = "DO_NOT_LEAVE_UNATTENDED",
    }
}

wire_enum! {
    /// `FeatureSettings.featureFulfillmentPolicy`.
    FeatureFulfillmentPolicy {
        Required = "Required",
        NotRequired = "NotRequired",
    }
}

wire_enum! {
    /// `FulfillmentReturnItemStatus`.
    FulfillmentReturnItemStatus {
        New = "New",
        Processed = "Processed",
    }
}

wire_enum! {
    /// `ReturnItemDisposition`.
    ReturnItemDisposition {
        Sellable = "Sellable",
        Defective = "Defective",
        CustomerDamaged = "CustomerDamaged",
        CarrierDamaged = "CarrierDamaged",
        FulfillerDamaged = "FulfillerDamaged",
    }
}

wire_enum! {
    /// `CurrentStatus` of a package in `getPackageTrackingDetails`.
    CurrentStatus {
        InTransit = "IN_TRANSIT",
        Delivered = "DELIVERED",
        Returning = "RETURNING",
        Returned = "RETURNED",
        Undeliverable = "UNDELIVERABLE",
        Delayed = "DELAYED",
        AvailableForPickup = "AVAILABLE_FOR_PICKUP",
        CustomerAction = "CUSTOMER_ACTION",
        Unknown = "UNKNOWN",
        OutForDelivery = "OUT_FOR_DELIVERY",
        DeliveryAttempted = "DELIVERY_ATTEMPTED",
        PickupSuccessful = "PICKUP_SUCCESSFUL",
        PickupCancelled = "PICKUP_CANCELLED",
        PickupAttempted = "PICKUP_ATTEMPTED",
        PickupScheduled = "PICKUP_SCHEDULED",
        ReturnRequestAccepted = "RETURN_REQUEST_ACCEPTED",
        RefundIssued = "REFUND_ISSUED",
        ReturnReceivedInFc = "RETURN_RECEIVED_IN_FC",
    }
}

wire_enum! {
    /// `AdditionalLocationInfo`: where a delivered package was left.
    AdditionalLocationInfo {
        AsInstructed = "AS_INSTRUCTED",
        Carport = "CARPORT",
        CustomerPickup = "CUSTOMER_PICKUP",
        Deck = "DECK",
        DoorPerson = "DOOR_PERSON",
        FrontDesk = "FRONT_DESK",
        FrontDoor = "FRONT_DOOR",
        Garage = "GARAGE",
        Guard = "GUARD",
        MailRoom = "MAIL_ROOM",
        MailSlot = "MAIL_SLOT",
        Mailbox = "MAILBOX",
        McBoy = "MC_BOY",
        McGirl = "MC_GIRL",
        McMan = "MC_MAN",
        McWoman = "MC_WOMAN",
        Neighbor = "NEIGHBOR",
        Office = "OFFICE",
        Outbuilding = "OUTBUILDING",
        Patio = "PATIO",
        Porch = "PORCH",
        RearDoor = "REAR_DOOR",
        Receptionist = "RECEPTIONIST",
        Receiver = "RECEIVER",
        SecureLocation = "SECURE_LOCATION",
        SideDoor = "SIDE_DOOR",
    }
}

wire_enum! {
    /// `EventCode` of a tracking event.
    EventCode {
        Event101 = "EVENT_101",
        Event102 = "EVENT_102",
        Event201 = "EVENT_201",
        Event202 = "EVENT_202",
        Event203 = "EVENT_203",
        Event204 = "EVENT_204",
        Event205 = "EVENT_205",
        Event206 = "EVENT_206",
        Event301 = "EVENT_301",
        Event302 = "EVENT_302",
        Event304 = "EVENT_304",
        Event306 = "EVENT_306",
        Event307 = "EVENT_307",
        Event308 = "EVENT_308",
        Event309 = "EVENT_309",
        Event401 = "EVENT_401",
        Event402 = "EVENT_402",
        Event403 = "EVENT_403",
        Event404 = "EVENT_404",
        Event405 = "EVENT_405",
        Event406 = "EVENT_406",
        Event407 = "EVENT_407",
        Event408 = "EVENT_408",
        Event409 = "EVENT_409",
        Event411 = "EVENT_411",
        Event412 = "EVENT_412",
        Event413 = "EVENT_413",
        Event414 = "EVENT_414",
        Event415 = "EVENT_415",
        Event416 = "EVENT_416",
        Event417 = "EVENT_417",
        Event418 = "EVENT_418",
        Event419 = "EVENT_419",
        Event801 = "EVENT_801",
        Event804 = "EVENT_804",
    }
}

/// `Address`: a physical address. Personal data: never echoed in errors or messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfAddress {
    pub name: String,
    pub address_line1: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// Required in every country except Japan, where it must not be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_or_county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `Money`: `value` is Amazon's `Decimal` string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfMoney {
    pub currency_code: String,
    pub value: Decimal,
}

/// `CODSettings`: cash-on-delivery charges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CodSettings {
    pub is_cod_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_charge: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_charge_tax: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_charge: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_charge_tax: Option<McfMoney>,
}

/// `DeliveryWindow` of a Scheduled Delivery order (JP only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfDeliveryWindow {
    pub start_date: Instant,
    pub end_date: Instant,
}

/// `DropOffLocation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DropOffLocation {
    #[serde(rename = "type")]
    pub location_type: DropOffLocationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, string>", optional)
    )]
    pub attributes: Option<BTreeMap<String, String>>,
}

/// `DeliveryPreferences` (JP only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryPreferences {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_instructions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

/// `FeatureSettings`, e.g. `BLANK_BOX` / `Required`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FeatureSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_fulfillment_policy: Option<FeatureFulfillmentPolicy>,
}

/// `PaymentInformation` (required for India orders).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PaymentInformation {
    pub payment_transaction_id: String,
    pub payment_mode: String,
    pub payment_date: Instant,
}

/// `CreateFulfillmentOrderItem`. `sellerSku` and `sellerFulfillmentOrderItemId` are at most 50
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderItem {
    pub seller_sku: String,
    pub seller_fulfillment_order_item_id: String,
    pub quantity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displayable_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_network_sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_declared_value: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<McfMoney>,
}

/// `CreateFulfillmentOrderRequest`: the body POSTed to
/// `/fba/outbound/2020-07-01/fulfillmentOrders`. At most 100 items and 250 units per order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<String>,
    /// Unique per fulfillment order the seller creates; at most 40 characters.
    pub seller_fulfillment_order_id: String,
    /// Shown on the packing slip; 1–40 ISO 8859-1 characters, no two spaces in a row.
    pub displayable_order_id: String,
    pub displayable_order_date: Instant,
    /// Shown on the packing slip; at most 750 characters.
    pub displayable_order_comment: String,
    pub shipping_speed_category: ShippingSpeedCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDeliveryWindow>,
    pub destination_address: McfAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_preferences: Option<DeliveryPreferences>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_action: Option<FulfillmentAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CodSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_emails: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
    pub items: Vec<CreateFulfillmentOrderItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

/// `CreateFulfillmentOrderResponse`: empty on success, `errors` otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `GetFulfillmentOrderResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetFulfillmentOrderResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFulfillmentOrderResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `GetFulfillmentOrderResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetFulfillmentOrderResult {
    pub fulfillment_order: FulfillmentOrder,
    pub fulfillment_order_items: Vec<FulfillmentOrderItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_shipments: Option<Vec<FulfillmentShipment>>,
    /// Required by the model; an absent list is read as empty.
    #[serde(default)]
    pub return_items: Vec<ReturnItem>,
    /// Required by the model; an absent list is read as empty.
    #[serde(default)]
    pub return_authorizations: Vec<ReturnAuthorization>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

/// `FulfillmentOrder`: the order as Amazon holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentOrder {
    pub seller_fulfillment_order_id: String,
    pub marketplace_id: String,
    pub displayable_order_id: String,
    pub displayable_order_date: Instant,
    pub displayable_order_comment: String,
    pub shipping_speed_category: ShippingSpeedCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDeliveryWindow>,
    pub destination_address: McfAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_action: Option<FulfillmentAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CodSettings>,
    pub received_date: Instant,
    pub fulfillment_order_status: FulfillmentOrderStatus,
    pub status_updated_date: Instant,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_emails: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
}

/// `FulfillmentOrderItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentOrderItem {
    pub seller_sku: String,
    pub seller_fulfillment_order_item_id: String,
    pub quantity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displayable_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_network_sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_item_disposition: Option<String>,
    pub cancelled_quantity: i32,
    pub unfulfillable_quantity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_ship_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<McfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_declared_value: Option<McfMoney>,
}

/// `FulfillmentShipment`: one shipment of a fulfillment order, from one fulfilment centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipment {
    pub amazon_shipment_id: String,
    pub fulfillment_center_id: String,
    pub fulfillment_shipment_status: FulfillmentShipmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_notes: Option<Vec<String>>,
    pub fulfillment_shipment_item: Vec<FulfillmentShipmentItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_shipment_package: Option<Vec<FulfillmentShipmentPackage>>,
}

/// `FulfillmentShipmentItem`: which order item went into which package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipmentItem {
    pub seller_sku: String,
    pub seller_fulfillment_order_item_id: String,
    pub quantity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_number: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer_lot_codes: Option<Vec<String>>,
}

/// `FulfillmentShipmentPackage`: a physical package with its carrier and tracking number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipmentPackage {
    pub package_number: i32,
    pub carrier_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_fulfillment_tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_details: Option<LockerDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_information: Option<DeliveryInformation>,
}

/// `LockerDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LockerDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_access_code: Option<String>,
}

/// `DeliveryInformation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryInformation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_document_list: Option<Vec<DeliveryDocument>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

/// `DeliveryDocument`, e.g. a proof-of-delivery photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryDocument {
    pub document_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `ReturnItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReturnItem {
    pub seller_return_item_id: String,
    pub seller_fulfillment_order_item_id: String,
    pub amazon_shipment_id: String,
    pub seller_return_reason_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_return_reason_code: Option<String>,
    pub status: FulfillmentReturnItemStatus,
    pub status_changed_date: Instant,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_authorization_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_received_condition: Option<ReturnItemDisposition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_center_id: Option<String>,
}

/// `ReturnAuthorization`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReturnAuthorization {
    pub return_authorization_id: String,
    pub fulfillment_center_id: String,
    pub return_to_address: McfAddress,
    pub amazon_rma_id: String,
    #[serde(rename = "rmaPageURL")]
    pub rma_page_url: String,
}

/// `GetPackageTrackingDetailsResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPackageTrackingDetailsResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<PackageTrackingDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `PackageTrackingDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PackageTrackingDetails {
    pub package_number: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_tracking_link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_phone_number: Option<String>,
    #[serde(
        default,
        rename = "carrierURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub carrier_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<TrackingAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status: Option<CurrentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDateRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_for_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_location_info: Option<AdditionalLocationInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_events: Option<Vec<TrackingEvent>>,
}

/// `TrackingAddress`: city, state and country only. The sandbox sends a full `Address` here
/// (`stateOrRegion`, `countryCode`, street lines): its state and country are read as `state`
/// and `country`, the rest is not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrackingAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(
        default,
        alias = "stateOrRegion",
        skip_serializing_if = "Option::is_none"
    )]
    pub state: Option<String>,
    #[serde(
        default,
        alias = "countryCode",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
}

/// `DateRange`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfDateRange {
    pub earliest: Instant,
    pub latest: Instant,
}

/// `TrackingEvent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrackingEvent {
    pub event_date: Instant,
    pub event_address: TrackingAddress,
    pub event_code: EventCode,
    pub event_description: String,
}
