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
        /// Standard shipping method.
        Standard = "Standard",
        /// Expedited shipping method.
        Expedited = "Expedited",
        /// Priority shipping method.
        Priority = "Priority",
        /// Scheduled Delivery shipping method. This is only available in the JP marketplace.
        ScheduledDelivery = "ScheduledDelivery",
    }
}

wire_enum! {
    /// `FulfillmentAction`: ship now or put the order on hold.
    FulfillmentAction {
        /// The fulfillment order ships now.
        Ship = "Ship",
        /// An order hold is put on the fulfillment order.
        Hold = "Hold",
    }
}

wire_enum! {
    /// `FulfillmentPolicy`: what Amazon does with items it cannot fulfil.
    FulfillmentPolicy {
        /// If an item in a fulfillment order is determined to be unfulfillable before any shipment
        /// in the order has acquired the status of Pending (the process of picking units from
        /// inventory has begun), then the entire order is considered unfulfillable. However, if an
        /// item in a fulfillment order is determined to be unfulfillable after a shipment in the
        /// order has acquired the status of Pending, Amazon cancels as much of the fulfillment
        /// order as possible. Refer to the `FulfillmentShipment` object for shipment status
        /// definitions.
        FillOrKill = "FillOrKill",
        /// All fulfillable items in the fulfillment order are shipped. The fulfillment order
        /// remains in a processing state until all items are either shipped by Amazon or cancelled
        /// by the seller. **Note:** The `Hold` state overrides the `FillAll` fulfillment policy.
        /// `Hold` orders are automatically canceled after 14 days. If you use the `FillAll` policy
        /// with the `Ship` state, and there are unshipped items, then the order becomes
        /// `Unfulfillable` or `CompletePartialled` after 24 hours.
        FillAll = "FillAll",
        /// All fulfillable items in the fulfillment order are shipped. All unfulfillable items in
        /// the order are cancelled.
        FillAllAvailable = "FillAllAvailable",
    }
}

wire_enum! {
    /// `FulfillmentOrderStatus`. The sandbox sends `"PROCESSING"`: read tolerantly.
    FulfillmentOrderStatus {
        /// The fulfillment order was received but not yet validated.
        New = "New",
        /// The fulfillment order was received and validated. Validation includes determining that
        /// the destination address is valid and that Amazon's records indicate that the seller has
        /// enough sellable (undamaged) inventory to fulfill the order. The seller can cancel a
        /// fulfillment order that has a status of Received.
        Received = "Received",
        /// The fulfillment order has been sent to Amazon's fulfillment network to begin shipment
        /// planning, but no unit in any shipment has been picked from inventory yet. The seller can
        /// cancel a fulfillment order that has a status of Planning.
        Planning = "Planning",
        /// The process of picking units from inventory has begun on at least one shipment in the
        /// fulfillment order. The seller cannot cancel a fulfillment order that has a status of
        /// Processing.
        Processing = "Processing",
        /// The fulfillment order has been cancelled by the seller.
        Cancelled = "Cancelled",
        /// All item quantities in the fulfillment order have been fulfilled.
        Complete = "Complete",
        /// Some item quantities in the fulfillment order were fulfilled; the rest were either
        /// cancelled or unfulfillable.
        CompletePartialled = "CompletePartialled",
        /// No item quantities in the fulfillment order could be fulfilled because the Amazon
        /// fulfillment center workers found no inventory for those items or found no inventory that
        /// was in sellable (undamaged) condition.
        Unfulfillable = "Unfulfillable",
        /// The fulfillment order was received but could not be validated. The reasons for this
        /// include an invalid destination address or Amazon's records indicating that the seller
        /// does not have enough sellable inventory to fulfill the order. When this happens, the
        /// fulfillment order is invalid and no items in the order will ship.
        Invalid = "Invalid",
    }
}

wire_enum! {
    /// `FulfillmentShipment.fulfillmentShipmentStatus`.
    FulfillmentShipmentStatus {
        /// The process of picking units from inventory has begun.
        Pending = "PENDING",
        /// All packages in the shipment have left the fulfillment center.
        Shipped = "SHIPPED",
        /// The Amazon fulfillment center could not fulfill the shipment as planned. This might be
        /// because the inventory was not at the expected location in the fulfillment center. After
        /// cancelling the fulfillment order, Amazon immediately creates a new fulfillment shipment
        /// and again attempts to fulfill the order.
        CancelledByFulfiller = "CANCELLED_BY_FULFILLER",
        /// The shipment was cancelled using the CancelFulfillmentOrder request.
        CancelledBySeller = "CANCELLED_BY_SELLER",
    }
}

wire_enum! {
    /// `DropOffLocation.type`.
    DropOffLocationType {
        /// Front door location.
        FrontDoor = "FRONT_DOOR",
        /// Delivery box location.
        DeliveryBox = "DELIVERY_BOX",
        /// Gas meter box location.
        GasMeterBox = "GAS_METER_BOX",
        /// Bicycle basket location.
        BicycleBasket = "BICYCLE_BASKET",
        /// Garage location.
        Garage = "GARAGE",
        /// Delivery to or via receptionist.
        Receptionist = "RECEPTIONIST",
        /// Delivery to a designated neighbor when the recipient is not available at the destination
        /// address.
        FallbackNeighborDelivery = "FALLBACK_NEIGHBOR_DELIVERY",
        /// Attended delivery (package not left unattended).
        DoNotLeaveUnattended = "DO_NOT_LEAVE_UNATTENDED",
    }
}

wire_enum! {
    /// `FeatureSettings.featureFulfillmentPolicy`.
    FeatureFulfillmentPolicy {
        /// If the offer can't be shipped with the selected feature, reject the order.
        Required = "Required",
        /// The feature is not required for shipping.
        NotRequired = "NotRequired",
    }
}

wire_enum! {
    /// `FulfillmentReturnItemStatus`.
    FulfillmentReturnItemStatus {
        /// The return item has not yet been processed by a fulfillment center.
        New = "New",
        /// The return item has been processed by a fulfillment center.
        Processed = "Processed",
    }
}

wire_enum! {
    /// `ReturnItemDisposition`.
    ReturnItemDisposition {
        /// Item is in sellable condition.
        Sellable = "Sellable",
        /// Item is defective.
        Defective = "Defective",
        /// Item was damaged by the buyer or the seller.
        CustomerDamaged = "CustomerDamaged",
        /// Item was damaged by the carrier.
        CarrierDamaged = "CarrierDamaged",
        /// Item was damaged by Amazon.
        FulfillerDamaged = "FulfillerDamaged",
    }
}

wire_enum! {
    /// `CurrentStatus` of a package in `getPackageTrackingDetails`.
    CurrentStatus {
        /// In transit to the destination address.
        InTransit = "IN_TRANSIT",
        /// Delivered to the destination address.
        Delivered = "DELIVERED",
        /// In the process of being returned to Amazon's fulfillment network.
        Returning = "RETURNING",
        /// Returned to Amazon's fulfillment network.
        Returned = "RETURNED",
        /// Undeliverable because package was lost or destroyed.
        Undeliverable = "UNDELIVERABLE",
        /// Delayed.
        Delayed = "DELAYED",
        /// Available for pickup.
        AvailableForPickup = "AVAILABLE_FOR_PICKUP",
        /// Requires customer action.
        CustomerAction = "CUSTOMER_ACTION",
        /// Unknown Status Code was returned.
        Unknown = "UNKNOWN",
        /// Out for Delivery.
        OutForDelivery = "OUT_FOR_DELIVERY",
        /// Delivery Attempted.
        DeliveryAttempted = "DELIVERY_ATTEMPTED",
        /// Pickup Successful.
        PickupSuccessful = "PICKUP_SUCCESSFUL",
        /// Pickup Cancelled.
        PickupCancelled = "PICKUP_CANCELLED",
        /// Pickup Attempted.
        PickupAttempted = "PICKUP_ATTEMPTED",
        /// Pickup Scheduled.
        PickupScheduled = "PICKUP_SCHEDULED",
        /// Return Request Accepted.
        ReturnRequestAccepted = "RETURN_REQUEST_ACCEPTED",
        /// Refund Issued.
        RefundIssued = "REFUND_ISSUED",
        /// Return Received In FC.
        ReturnReceivedInFc = "RETURN_RECEIVED_IN_FC",
    }
}

wire_enum! {
    /// `AdditionalLocationInfo`: where a delivered package was left.
    AdditionalLocationInfo {
        /// As instructed.
        AsInstructed = "AS_INSTRUCTED",
        /// Carport.
        Carport = "CARPORT",
        /// Picked up by customer.
        CustomerPickup = "CUSTOMER_PICKUP",
        /// Deck.
        Deck = "DECK",
        /// Resident.
        DoorPerson = "DOOR_PERSON",
        /// Front desk.
        FrontDesk = "FRONT_DESK",
        /// Front door.
        FrontDoor = "FRONT_DOOR",
        /// Garage.
        Garage = "GARAGE",
        /// Residential guard.
        Guard = "GUARD",
        /// Mail room.
        MailRoom = "MAIL_ROOM",
        /// Mail slot.
        MailSlot = "MAIL_SLOT",
        /// Mailbox.
        Mailbox = "MAILBOX",
        /// Delivered to male child.
        McBoy = "MC_BOY",
        /// Delivered to female child.
        McGirl = "MC_GIRL",
        /// Delivered to male adult.
        McMan = "MC_MAN",
        /// Delivered to female adult.
        McWoman = "MC_WOMAN",
        /// Delivered to neighbor.
        Neighbor = "NEIGHBOR",
        /// Office.
        Office = "OFFICE",
        /// Outbuilding.
        Outbuilding = "OUTBUILDING",
        /// Patio.
        Patio = "PATIO",
        /// Porch.
        Porch = "PORCH",
        /// Rear door.
        RearDoor = "REAR_DOOR",
        /// Receptionist.
        Receptionist = "RECEPTIONIST",
        /// Resident.
        Receiver = "RECEIVER",
        /// Secure location.
        SecureLocation = "SECURE_LOCATION",
        /// Side door.
        SideDoor = "SIDE_DOOR",
    }
}

wire_enum! {
    /// `EventCode` of a tracking event.
    EventCode {
        /// Carrier notified to pick up package.
        Event101 = "EVENT_101",
        /// Shipment picked up from seller's facility.
        Event102 = "EVENT_102",
        /// Arrival scan.
        Event201 = "EVENT_201",
        /// Departure scan.
        Event202 = "EVENT_202",
        /// Arrived at destination country.
        Event203 = "EVENT_203",
        /// Initiated customs clearance process.
        Event204 = "EVENT_204",
        /// Completed customs clearance process.
        Event205 = "EVENT_205",
        /// In transit to pickup location.
        Event206 = "EVENT_206",
        /// Delivered.
        Event301 = "EVENT_301",
        /// Out for delivery.
        Event302 = "EVENT_302",
        /// Delivery attempted.
        Event304 = "EVENT_304",
        /// Customer contacted to arrange delivery.
        Event306 = "EVENT_306",
        /// Delivery appointment scheduled.
        Event307 = "EVENT_307",
        /// Available for pickup.
        Event308 = "EVENT_308",
        /// Returned to seller.
        Event309 = "EVENT_309",
        /// Held by carrier - incorrect address.
        Event401 = "EVENT_401",
        /// Customs clearance delay.
        Event402 = "EVENT_402",
        /// Customer moved.
        Event403 = "EVENT_403",
        /// Delay in delivery due to external factors.
        Event404 = "EVENT_404",
        /// Shipment damaged.
        Event405 = "EVENT_405",
        /// Held by carrier.
        Event406 = "EVENT_406",
        /// Customer refused delivery.
        Event407 = "EVENT_407",
        /// Returning to seller.
        Event408 = "EVENT_408",
        /// Lost by carrier.
        Event409 = "EVENT_409",
        /// Paperwork received - did not receive shipment.
        Event411 = "EVENT_411",
        /// Shipment received - did not receive paperwork.
        Event412 = "EVENT_412",
        /// Held by carrier - customer refused shipment due to customs charges.
        Event413 = "EVENT_413",
        /// Missorted by carrier.
        Event414 = "EVENT_414",
        /// Received from prior carrier.
        Event415 = "EVENT_415",
        /// Undeliverable.
        Event416 = "EVENT_416",
        /// Shipment missorted.
        Event417 = "EVENT_417",
        /// Shipment delayed.
        Event418 = "EVENT_418",
        /// Address corrected - delivery rescheduled.
        Event419 = "EVENT_419",
        /// Package delivered to locker.
        Event801 = "EVENT_801",
        /// Package picked up from locker.
        Event804 = "EVENT_804",
    }
}

/// `Address`: a physical address. Personal data: never echoed in errors or messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfAddress {
    /// The name of the person, business or institution at the address.
    pub name: String,
    /// The first line of the address.
    pub address_line1: String,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// Required in every country except Japan, where it must not be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The district or county where the person, business, or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_or_county: Option<String>,
    /// The state or region where the person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The postal code of the address.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// The phone number of the person, business, or institution located at the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `Money`: `value` is Amazon's `Decimal` string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfMoney {
    /// Three digit currency code in ISO 4217 format.
    pub currency_code: String,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation.
    pub value: Decimal,
}

/// `CODSettings`: cash-on-delivery charges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CodSettings {
    /// When true, this fulfillment order requires a COD (Cash On Delivery) payment.
    pub is_cod_required: bool,
    /// The amount of the COD charge to be collected from the recipient for a COD order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_charge: Option<McfMoney>,
    /// The amount of the tax on the COD charge to be collected from the recipient for a COD order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_charge_tax: Option<McfMoney>,
    /// The amount of the tax on the COD charge to be collected from the recipient for a COD order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_charge: Option<McfMoney>,
    /// The amount of the tax on the shipping charge to be collected from the recipient for a COD
    /// order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_charge_tax: Option<McfMoney>,
}

/// `DeliveryWindow` of a Scheduled Delivery order (JP only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfDeliveryWindow {
    /// The date and time of the start of the Scheduled Delivery window, in ISO 8601 date time
    /// format.
    pub start_date: Instant,
    /// The date and time of the end of the Scheduled Delivery window, in ISO 8601 date time format.
    pub end_date: Instant,
}

/// `DropOffLocation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DropOffLocation {
    /// The drop-off location type at the destination address.
    #[serde(rename = "type")]
    pub location_type: DropOffLocationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, string>", optional)
    )]
    /// Additional information about the drop-off location. This information can vary depending on
    /// the type of drop-off location specified in the `type` field. If the `type` is set to
    /// `FALLBACK_NEIGHBOR_DELIVERY`, the `attributes` object must include the keys `neighborName`
    /// and `houseNumber` to provide the name and house number of the designated neighbor. For
    /// `RECEPTIONIST` type, the `attributes` object may include a `recipientName` field that
    /// contains the name of the person who received or will receive the package.
    pub attributes: Option<BTreeMap<String, String>>,
}

/// `DeliveryPreferences` (JP only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryPreferences {
    /// Additional delivery instructions. For example, this could be instructions on how to enter a
    /// building, nearby landmark or navigation instructions, or `Beware of dogs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_instructions: Option<String>,
    /// The preferred location to leave packages at the destination address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

/// `FeatureSettings`, e.g. `BLANK_BOX` / `Required`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FeatureSettings {
    /// The name of the feature. Valid feature names are: - `BLOCK_AMZL`: Blocks orders from being
    /// shipped using Amazon Logistics (AMZL). - Note: Using this feature will incur additional fee
    /// surcharges on MCF orders and may increase the risk of unfulfilled or delayed deliveries if
    /// alternative carriers are unavailable. Using `BLOCK_AMZL` in an order request will take
    /// precedence over your Seller Central account setting. - `BLANK_BOX`: Ships orders in
    /// non-Amazon branded packaging (blank boxes). - `OVERBOX`: Requires items to be shipped in an
    /// overbox rather than in their original product packaging. - `PACKING_SLIP`: Requires a
    /// packing slip to be included with the order. - `SIGNATURE_CONFIRMATION`: Requires a signature
    /// from the recipient upon delivery. - Note: Using signature confirmation features will incur
    /// additional fees on MCF orders and are currently supported only in the US marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_name: Option<String>,
    /// Specifies the policy to use when fulfilling an order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_fulfillment_policy: Option<FeatureFulfillmentPolicy>,
}

/// `PaymentInformation` (required for India orders).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PaymentInformation {
    /// The transaction identifier of this payment.
    pub payment_transaction_id: String,
    /// The transaction mode of this payment.
    pub payment_mode: String,
    /// The transaction date of this payment.
    pub payment_date: Instant,
}

/// `CreateFulfillmentOrderItem`. `sellerSku` and `sellerFulfillmentOrderItemId` are at most 50
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderItem {
    /// The seller SKU of the item.
    pub seller_sku: String,
    /// A fulfillment order item identifier that the seller creates to track fulfillment order
    /// items. Used to disambiguate multiple fulfillment items that have the same `sellerSku` value.
    /// For example, the seller might assign different `sellerFulfillmentOrderItemId` values to two
    /// items in a fulfillment order that share the same `sellerSku` value but have different
    /// `giftMessage` values.
    pub seller_fulfillment_order_item_id: String,
    /// The item quantity.
    pub quantity: i32,
    /// A message to the gift recipient, if applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    /// Item-specific text that displays in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displayable_comment: Option<String>,
    /// Amazon's fulfillment network SKU of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_network_sku: Option<String>,
    /// The monetary value assigned by the seller to this item. This is a required field for India
    /// MCF orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_declared_value: Option<McfMoney>,
    /// The amount to be collected from the recipient for this item in a COD (Cash On Delivery)
    /// order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<McfMoney>,
    /// The tax on the amount to be collected from the recipient for this item in a COD (Cash On
    /// Delivery) order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<McfMoney>,
}

/// `CreateFulfillmentOrderRequest`: the body POSTed to
/// `/fba/outbound/2020-07-01/fulfillmentOrders`. At most 100 items and 250 units per order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderRequest {
    /// The marketplace the fulfillment order is placed against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<String>,
    /// Unique per fulfillment order the seller creates; at most 40 characters.
    pub seller_fulfillment_order_id: String,
    /// Shown on the packing slip; 1–40 ISO 8859-1 characters, no two spaces in a row.
    pub displayable_order_id: String,
    /// The date and time of the fulfillment order. Displays as the order date in recipient-facing
    /// materials such as the outbound shipment packing slip.
    pub displayable_order_date: Instant,
    /// Shown on the packing slip; at most 750 characters.
    pub displayable_order_comment: String,
    /// The shipping method for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose Ship for the `fulfillmentAction`. Hold is not a valid `fulfillmentAction` value when
    /// the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service
    /// level agreements vary by marketplace. Sellers can refer to [Seller Central](
    /// https://developer-docs.amazon.com/sp-api/docs/seller-central-urls) for shipping method
    /// service-level agreements and multi-channel fulfillment fees.
    pub shipping_speed_category: ShippingSpeedCategory,
    /// The time range within which a Scheduled Delivery fulfillment order should be delivered. This
    /// is only available in the JP marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDeliveryWindow>,
    /// The destination address for the fulfillment order.
    pub destination_address: McfAddress,
    /// The delivery preferences applied to the destination address. These preferences are applied
    /// when possible and are best effort. For eligible orders, the default delivery preference is
    /// to leave the package unattended at the front door. This feature is currently supported only
    /// in the JP marketplace and not applicable for other marketplaces. For eligible orders, the
    /// default delivery preference will be to deliver the package unattended at the front door,
    /// unless you specify otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_preferences: Option<DeliveryPreferences>,
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder`
    /// operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    /// The COD (Cash On Delivery) charges that you associate with a COD fulfillment order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CodSettings>,
    /// The two-character country code for the country from which the fulfillment order ships. Must
    /// be in ISO 3166-1 alpha-2 format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_country_code: Option<String>,
    /// A list of email addresses that the seller provides that are used by Amazon to send
    /// ship-complete notifications to recipients on behalf of the seller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_emails: Option<Vec<String>>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
    /// A list of items to include in the fulfillment order preview, including quantity. Maximum of
    /// 100 line items with a maximum of 250 units per order.
    pub items: Vec<CreateFulfillmentOrderItem>,
    /// An array of various payment attributes related to this fulfillment order. This property is
    /// required if the order is placed against the India marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

/// `CreateFulfillmentOrderResponse`: empty on success, `errors` otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateFulfillmentOrderResponse {
    /// One or more unexpected errors occurred during the `createFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `GetFulfillmentOrderResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetFulfillmentOrderResponse {
    /// The payload for the `getFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFulfillmentOrderResult>,
    /// One or more unexpected errors occurred during the `getFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `GetFulfillmentOrderResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetFulfillmentOrderResult {
    /// General information about a fulfillment order, including its status.
    pub fulfillment_order: FulfillmentOrder,
    /// An array of fulfillment order item information.
    pub fulfillment_order_items: Vec<FulfillmentOrderItem>,
    /// An array of fulfillment shipment information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_shipments: Option<Vec<FulfillmentShipment>>,
    /// Required by the model; an absent list is read as empty.
    #[serde(default)]
    pub return_items: Vec<ReturnItem>,
    /// Required by the model; an absent list is read as empty.
    #[serde(default)]
    pub return_authorizations: Vec<ReturnAuthorization>,
    /// An array of various payment attributes related to this fulfillment order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

/// `FulfillmentOrder`: the order as Amazon holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentOrder {
    /// The fulfillment order identifier submitted with the `createFulfillmentOrder` operation.
    pub seller_fulfillment_order_id: String,
    /// The identifier for the marketplace the fulfillment order is placed against.
    pub marketplace_id: String,
    /// A fulfillment order identifier submitted with the `createFulfillmentOrder` operation.
    /// Displays as the order identifier in recipient-facing materials such as the packing slip.
    pub displayable_order_id: String,
    /// A date and time submitted with the `createFulfillmentOrder` operation. Displays as the order
    /// date in recipient-facing materials such as the packing slip.
    pub displayable_order_date: Instant,
    /// A text block submitted with the `createFulfillmentOrder` operation. Displays in
    /// recipient-facing materials such as the packing slip.
    pub displayable_order_comment: String,
    /// The shipping method used for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose `Ship` for the `fulfillmentAction`. `Hold` is not a valid `fulfillmentAction` value
    /// when the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service
    /// level agreements vary by marketplace. Sellers should refer to the [Seller
    /// Central](https://developer-docs.amazon.com/sp-api/docs/seller-central-urls) website in their
    /// marketplace for shipping method service level agreements and fulfillment fees.
    pub shipping_speed_category: ShippingSpeedCategory,
    /// The time range within which a Scheduled Delivery fulfillment order should be delivered. This
    /// is only available in the JP marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDeliveryWindow>,
    /// The destination address submitted with the `createFulfillmentOrder` operation.
    pub destination_address: McfAddress,
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder`
    /// operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    /// The COD (Cash On Delivery) charges that you associate with a COD fulfillment order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CodSettings>,
    /// The date and time that the fulfillment order was received by an Amazon fulfillment center.
    pub received_date: Instant,
    /// The current status of the fulfillment order.
    pub fulfillment_order_status: FulfillmentOrderStatus,
    /// The date and time that the status of the fulfillment order last changed, in ISO 8601 date
    /// time format.
    pub status_updated_date: Instant,
    /// A list of email addresses that the seller provides that are used by Amazon to send
    /// ship-complete notifications to recipients on behalf of the seller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_emails: Option<Vec<String>>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
}

/// `FulfillmentOrderItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentOrderItem {
    /// The seller SKU of the item.
    pub seller_sku: String,
    /// A fulfillment order item identifier submitted with a call to the `createFulfillmentOrder`
    /// operation.
    pub seller_fulfillment_order_item_id: String,
    /// The item quantity.
    pub quantity: i32,
    /// A message to the gift recipient, if applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    /// Item-specific text that displays in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displayable_comment: Option<String>,
    /// Amazon's fulfillment network SKU of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_network_sku: Option<String>,
    /// Indicates whether the item is sellable or unsellable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_item_disposition: Option<String>,
    /// The item quantity that was cancelled by the seller.
    pub cancelled_quantity: i32,
    /// The item quantity that is unfulfillable.
    pub unfulfillable_quantity: i32,
    /// The estimated date and time that the item quantity is scheduled to ship from the fulfillment
    /// center. Note that this value can change over time. If the shipment that contains the item
    /// quantity is cancelled, `estimatedShipDate` is not returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_ship_date: Option<Instant>,
    /// The estimated arrival date and time of the item quantity. Note that this value can change
    /// over time. If the shipment that contains the item quantity is cancelled,
    /// `estimatedArrivalDate` is not returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    /// The amount to be collected from the recipient for this item in a COD (Cash On Delivery)
    /// order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<McfMoney>,
    /// The tax on the amount to be collected from the recipient for this item in a COD (Cash On
    /// Delivery) order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<McfMoney>,
    /// The monetary value assigned by the seller to this item. This is a required field for India
    /// MCF orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit_declared_value: Option<McfMoney>,
}

/// `FulfillmentShipment`: one shipment of a fulfillment order, from one fulfilment centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipment {
    /// A shipment identifier assigned by Amazon.
    pub amazon_shipment_id: String,
    /// An identifier for the fulfillment center from which the shipment is sent.
    pub fulfillment_center_id: String,
    /// The current status of the shipment.
    pub fulfillment_shipment_status: FulfillmentShipmentStatus,
    /// The meaning of the `shippingDate` value depends on the current status of the shipment. If
    /// the current value of FulfillmentShipmentStatus is: * Pending - shippingDate represents the
    /// estimated time that the shipment will leave the Amazon fulfillment center. * Shipped -
    /// shippingDate represents the date that the shipment left the Amazon fulfillment center. If a
    /// shipment includes more than one package, `shippingDate` applies to all of the packages in
    /// the shipment. If the value of `FulfillmentShipmentStatus` is `CancelledByFulfiller` or
    /// `CancelledBySeller`, `shippingDate` is not returned. The value must be in ISO 8601 date time
    /// format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_date: Option<Instant>,
    /// The estimated arrival date and time of the shipment, in ISO 8601 date time format. Note that
    /// this value can change over time. If a shipment includes more than one package,
    /// `estimatedArrivalDate` applies to all of the packages in the shipment. If the shipment is
    /// cancelled, `estimatedArrivalDate` is not returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    /// Provides additional insight into shipment timeline. Primarily used to communicate that
    /// actual delivery dates aren't available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_notes: Option<Vec<String>>,
    /// An array of fulfillment shipment item information.
    pub fulfillment_shipment_item: Vec<FulfillmentShipmentItem>,
    /// An array of fulfillment shipment package information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_shipment_package: Option<Vec<FulfillmentShipmentPackage>>,
}

/// `FulfillmentShipmentItem`: which order item went into which package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipmentItem {
    /// The seller SKU of the item.
    pub seller_sku: String,
    /// The fulfillment order item identifier that the seller created and submitted with a call to
    /// the `createFulfillmentOrder` operation.
    pub seller_fulfillment_order_item_id: String,
    /// The item quantity.
    pub quantity: i32,
    /// An identifier for the package that contains the item quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_number: Option<i32>,
    /// The serial number of the shipped item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// The manufacturer lot codes of the shipped items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer_lot_codes: Option<Vec<String>>,
}

/// `FulfillmentShipmentPackage`: a physical package with its carrier and tracking number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentShipmentPackage {
    /// Identifies a package in a shipment.
    pub package_number: i32,
    /// Identifies the carrier who will deliver the shipment to the recipient.
    pub carrier_code: String,
    /// The tracking number, if provided, can be used to obtain tracking and delivery information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// The Amazon fulfillment tracking number, if provided, can be used to obtain tracking and
    /// delivery information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_fulfillment_tracking_number: Option<String>,
    /// The estimated arrival date and time of the package, in ISO 8601 date time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    /// The locker details, if provided can be used to access locker delivery box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_details: Option<LockerDetails>,
    /// The delivery information of the package, this information is only available post package
    /// delivery to its intended destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_information: Option<DeliveryInformation>,
}

/// `LockerDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LockerDetails {
    /// Indicates the locker number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_number: Option<String>,
    /// Indicates the locker access code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locker_access_code: Option<String>,
}

/// `DeliveryInformation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryInformation {
    /// All of the delivery documents for a package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_document_list: Option<Vec<DeliveryDocument>>,
    /// The drop off location for a package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

/// `DeliveryDocument`, e.g. a proof-of-delivery photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryDocument {
    /// The delivery document type. The only possible value is `DELIVERY_IMAGE`.
    pub document_type: String,
    /// A URL that is valid for one hour to download the document. In case of URL expiry, call the
    /// API again to get a new url. The URL will have a Content-Type header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `ReturnItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReturnItem {
    /// An identifier the seller assigns to the return item.
    pub seller_return_item_id: String,
    /// The identifier assigned to the item by the seller when the fulfillment order was created.
    pub seller_fulfillment_order_item_id: String,
    /// The identifier for the shipment that is associated with the return item.
    pub amazon_shipment_id: String,
    /// The return reason code assigned to the return item by the seller.
    pub seller_return_reason_code: String,
    /// An optional comment about the return item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_comment: Option<String>,
    /// The return reason code that the Amazon fulfillment center assigned to the return item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_return_reason_code: Option<String>,
    /// Indicates if the return item has been processed by an Amazon fulfillment center.
    pub status: FulfillmentReturnItemStatus,
    /// Indicates when the status last changed.
    pub status_changed_date: Instant,
    /// Identifies the return authorization used to return this item. Refer to
    /// `ReturnAuthorization`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_authorization_id: Option<String>,
    /// The condition of the return item when received by an Amazon fulfillment center.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_received_condition: Option<ReturnItemDisposition>,
    /// The identifier for the Amazon fulfillment center that processed the return item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_center_id: Option<String>,
}

/// `ReturnAuthorization`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReturnAuthorization {
    /// An identifier for the return authorization. This identifier associates return items with the
    /// return authorization used to return them.
    pub return_authorization_id: String,
    /// An identifier for the Amazon fulfillment center to which the return items should be sent.
    pub fulfillment_center_id: String,
    /// The address of the Amazon fulfillment center that the return items should be sent to.
    pub return_to_address: McfAddress,
    /// The return merchandise authorization (RMA) that Amazon needs to process the return.
    pub amazon_rma_id: String,
    /// A URL for a web page that contains the return authorization barcode and the mailing label.
    /// This does not include pre-paid shipping.
    #[serde(rename = "rmaPageURL")]
    pub rma_page_url: String,
}

/// `GetPackageTrackingDetailsResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPackageTrackingDetailsResponse {
    /// The payload for the `getPackageTrackingDetails` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<PackageTrackingDetails>,
    /// One or more unexpected errors occurred during the `getPackageTrackingDetails` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `PackageTrackingDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PackageTrackingDetails {
    /// The package identifier.
    pub package_number: i32,
    /// The tracking number for the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Link on swiship.com that allows customers to track the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_tracking_link: Option<String>,
    /// The name of the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_code: Option<String>,
    /// The phone number of the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_phone_number: Option<String>,
    /// The URL of the carrier's website.
    #[serde(
        default,
        rename = "carrierURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub carrier_url: Option<String>,
    /// The shipping date for the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_date: Option<Instant>,
    /// The estimated arrival date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_arrival_date: Option<Instant>,
    /// The destination city for the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<TrackingAddress>,
    /// The current delivery status of the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status: Option<CurrentStatus>,
    /// Description corresponding to the `CurrentStatus` value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status_description: Option<String>,
    /// The delivery window for the package. This is available after the package reaches its
    /// destination delivery station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<McfDateRange>,
    /// The name of the person who signed for the package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_for_by: Option<String>,
    /// Additional location information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_location_info: Option<AdditionalLocationInfo>,
    /// An array of tracking event information.
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
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(
        default,
        alias = "stateOrRegion",
        skip_serializing_if = "Option::is_none"
    )]
    /// The state.
    pub state: Option<String>,
    #[serde(
        default,
        alias = "countryCode",
        skip_serializing_if = "Option::is_none"
    )]
    /// The country.
    pub country: Option<String>,
}

/// `DateRange`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct McfDateRange {
    /// The earliest point in a date range.
    pub earliest: Instant,
    /// The latest point in a date range.
    pub latest: Instant,
}

/// `TrackingEvent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrackingEvent {
    /// The date and time that the delivery event took place, in ISO 8601 date time format.
    pub event_date: Instant,
    /// The city where the delivery event took place.
    pub event_address: TrackingAddress,
    /// The event code for the delivery event.
    pub event_code: EventCode,
    /// A description for the corresponding event code.
    pub event_description: String,
}
