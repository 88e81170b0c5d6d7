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
        Open = "OPEN",
        Closed = "CLOSED",
    }
}

wire_enum! {
    /// `OrderItemStatus.acknowledgementStatus.confirmationStatus`.
    ConfirmationStatus {
        Accepted = "ACCEPTED",
        PartiallyAccepted = "PARTIALLY_ACCEPTED",
        Rejected = "REJECTED",
        Unconfirmed = "UNCONFIRMED",
    }
}

wire_enum! {
    /// `OrderItemStatus.receivingStatus.receiveStatus`.
    ReceiveStatus {
        NotReceived = "NOT_RECEIVED",
        PartiallyReceived = "PARTIALLY_RECEIVED",
        Received = "RECEIVED",
    }
}

/// `GetPurchaseOrdersStatusResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrdersStatusResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderListStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `OrderListStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderListStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
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
    pub purchase_order_number: String,
    pub purchase_order_status: PurchaseOrderStatus,
    pub purchase_order_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<PartyIdentification>,
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
    pub item_sequence_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<OrderItemStatusOrderedQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_status: Option<OrderItemStatusAcknowledgementStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_status: Option<OrderItemStatusReceivingStatus>,
}

/// `OrderItemStatus.orderedQuantity` (inline in the model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusOrderedQuantity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity_details: Option<Vec<OrderedQuantityDetails>>,
}

/// `OrderedQuantityDetails`: one change of the ordered quantity (a cancellation, an addition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderedQuantityDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_quantity: Option<ItemQuantity>,
}

/// `OrderItemStatus.acknowledgementStatus` (inline in the model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusAcknowledgementStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_status: Option<ConfirmationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_status_details: Option<Vec<AcknowledgementStatusDetails>>,
}

/// `AcknowledgementStatusDetails`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgementStatusDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_quantity: Option<ItemQuantity>,
}

/// `OrderItemStatus.receivingStatus` (inline in the model): what Amazon's fulfilment centre
/// has received of the line so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemStatusReceivingStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_status: Option<ReceiveStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_quantity: Option<ItemQuantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_receive_date: Option<String>,
}
