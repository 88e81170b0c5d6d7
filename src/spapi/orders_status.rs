//! Purchase order status: the `getPurchaseOrdersStatus` part of `vendorOrders.json`
//! (`GET /vendor/orders/v1/purchaseOrdersStatus`). This is where Amazon says what it
//! *received* per line (`receivingStatus.receivedQuantity`), the fact reconciliation needs.
//!
//! The model declares three objects inline inside `OrderItemStatus`; they are named here as
//! Amazon's generated SDKs name them (`OrderItemStatusOrderedQuantity`, …). Shared pieces
//! (parties, money, quantities, pagination) are those of [`super::orders`].

use serde::{Deserialize, Serialize};

use super::ApiError;
use super::orders::{ItemQuantity, Money, Pagination, PartyIdentification};

wire_enum! {
    /// `OrderStatus.purchaseOrderStatus`.
    PurchaseOrderStatus {
        /// Buyer has not yet received all of the items in the purchase order.
        Open = "OPEN",
        /// Buyer has received all of the items in the purchase order.
        Closed = "CLOSED",
    }
}

wire_enum! {
    /// `OrderItemStatus.acknowledgementStatus.confirmationStatus`.
    ConfirmationStatus {
        /// `ACCEPTED`.
        Accepted = "ACCEPTED",
        /// `PARTIALLY_ACCEPTED`.
        PartiallyAccepted = "PARTIALLY_ACCEPTED",
        /// `REJECTED`.
        Rejected = "REJECTED",
        /// `UNCONFIRMED`.
        Unconfirmed = "UNCONFIRMED",
    }
}

wire_enum! {
    /// `OrderItemStatus.receivingStatus.receiveStatus`.
    ReceiveStatus {
        /// `NOT_RECEIVED`.
        NotReceived = "NOT_RECEIVED",
        /// `PARTIALLY_RECEIVED`.
        PartiallyReceived = "PARTIALLY_RECEIVED",
        /// `RECEIVED`.
        Received = "RECEIVED",
    }
}

/// `GetPurchaseOrdersStatusResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrdersStatusResponse {
    /// Current status of list of purchase orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderListStatus>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `OrderListStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderListStatus {
    /// The pagination elements required to retrieve the remaining data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// Represents an order status within the OrderListStatus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders_status: Option<Vec<OrderStatus>>,
}

/// `OrderStatus`. Dates stay as Amazon wrote them (`"2020-08-17T20:35:00.00Z"`); engines parse
/// them with a path. `sellingParty` and `shipToParty` are required by the model but nothing in
/// reconciliation depends on them, so a host may pass status rows without them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderStatus {
    /// The buyer's purchase order number for this order. Formatting Notes: 8-character
    /// alpha-numeric code.
    pub purchase_order_number: String,
    /// The status of the buyer's purchase order for this order.
    pub purchase_order_status: PurchaseOrderStatus,
    /// The date the purchase order was placed. Must be in ISO-8601 date/time format.
    pub purchase_order_date: String,
    /// The date when the purchase order was last updated. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated_date: Option<String>,
    /// Name/Address and tax details of the selling party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<PartyIdentification>,
    /// Name/Address and tax details of the ship to party. Find a list of fulfillment center
    /// addresses for a region on the [Resources page of Amazon Vendor
    /// Central](https://vendorcentral.amazon.com/hz/vendor/members/support/help/node/GPZ88XH8HQM97ZV6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_party: Option<PartyIdentification>,
    /// `ItemStatus`: the model's array of [`OrderItemStatus`] (spelled out, not through the
    /// [`ItemStatus`] alias, so the generated TypeScript names a declared type).
    pub item_status: Vec<OrderItemStatus>,
}

/// `ItemStatus`: the model defines it as an array of `OrderItemStatus`.
pub type ItemStatus = Vec<OrderItemStatus>;

/// `OrderItemStatus`. `buyerProductIdentifier` is the ASIN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatus {
    /// Numbering of the item on the purchase order. The first item will be 1, the second 2, and so
    /// on.
    pub item_sequence_number: String,
    /// Buyer's Standard Identification Number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The vendor selected product identification of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// The net cost of an item per each or weight unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    /// The list price of an item per each or weight unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
    /// Ordered quantity information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<OrderItemStatusOrderedQuantity>,
    /// Acknowledgement status information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_status: Option<OrderItemStatusAcknowledgementStatus>,
    /// Item receive status at the buyer's warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_status: Option<OrderItemStatusReceivingStatus>,
}

/// `OrderItemStatus.orderedQuantity` (inline in the model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusOrderedQuantity {
    /// Item quantity ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<ItemQuantity>,
    /// Details of item quantity ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity_details: Option<Vec<OrderedQuantityDetails>>,
}

/// `OrderedQuantityDetails`: one change of the ordered quantity (a cancellation, an addition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderedQuantityDetails {
    /// The date when the line item quantity was updated by buyer. Must be in ISO-8601 date/time
    /// format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_date: Option<String>,
    /// Item quantity ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<ItemQuantity>,
    /// Item quantity ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_quantity: Option<ItemQuantity>,
}

/// `OrderItemStatus.acknowledgementStatus` (inline in the model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusAcknowledgementStatus {
    /// Confirmation status of line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_status: Option<ConfirmationStatus>,
    /// Item quantities accepted by vendor to be shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_quantity: Option<ItemQuantity>,
    /// Item quantities rejected by vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_quantity: Option<ItemQuantity>,
    /// Details of item quantity confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_status_details: Option<Vec<AcknowledgementStatusDetails>>,
}

/// `AcknowledgementStatusDetails`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgementStatusDetails {
    /// The date when the line item was confirmed by vendor. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_date: Option<String>,
    /// Item quantity accepted by vendor to be shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_quantity: Option<ItemQuantity>,
    /// Item quantity rejected by vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_quantity: Option<ItemQuantity>,
}

/// `OrderItemStatus.receivingStatus` (inline in the model): what Amazon's fulfilment centre
/// has received of the line so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusReceivingStatus {
    /// Receive status of the line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_status: Option<ReceiveStatus>,
    /// The total item quantity received by the buyer so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_quantity: Option<ItemQuantity>,
    /// The date when the most recent item was received at the buyer's warehouse. Must be in
    /// ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_receive_date: Option<String>,
}
