//! Direct Fulfillment orders: `vendorDirectFulfillmentOrders_2021-12-28.json`, with the two
//! response wrappers of the older `vendorDirectFulfillmentOrdersV1.json`.
//!
//! getOrders / getOrder responses, and the submitAcknowledgement request and response.
//! Each type is the model definition of the same name with a `Df` prefix (`Order` → `DfOrder`):
//! the TypeScript declarations of every model share one namespace, and the retail orders model
//! defines `Order`, `Address`, `ItemQuantity`… too. Fields are the model's, one for one.
//! In 2021-12-28 the responses are not wrapped: getOrders
//! returns a [`DfOrderList`], getOrder an [`DfOrder`], submitAcknowledgement a [`DfTransactionId`];
//! V1 wraps them in `{payload, errors}` ([`DfGetOrdersResponse`], [`DfGetOrderResponse`],
//! [`DfSubmitAcknowledgementResponseV1`]). Every other definition is the same in both models
//! (V1 lacks `hasCustomizableItems` and `buyerCustomizedInfo`, which are optional here).
//!
//! DF orders carry the customer's name and address (`shipToParty`), gift messages and
//! customisation links: personal data. These types hold them only so an order round-trips;
//! engines never copy them into messages.
//!
//! Tolerance: the sandbox writes `"EACH"` for `Each` (read as `Each`, written exactly);
//! `customerOrderNumber`, `itemSequenceNumber` and the required `Address` fields read as `""`
//! when absent, so one broken order is cancelled with the guide's code (55, 56, 07–12) instead
//! of failing the whole batch.

use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::money::Decimal;

wire_enum! {
    /// `OrderDetails.orderStatus`.
    DfOrderStatus {
        New = "NEW",
        Shipped = "SHIPPED",
        Accepted = "ACCEPTED",
        Cancelled = "CANCELLED",
    }
}

wire_enum! {
    /// `TaxRegistrationDetails.taxRegistrationType`.
    DfTaxRegistrationType {
        Vat = "VAT",
        Gst = "GST",
    }
}

wire_enum! {
    /// `ItemQuantity.unitOfMeasure`: DF orders are always in eaches. The sandbox sends `"EACH"`.
    DfUnitOfMeasure {
        Each = "Each",
    }
}

wire_enum! {
    /// `TaxDetails.type`.
    DfTaxType {
        Consumption = "CONSUMPTION",
        Gst = "GST",
        MwSt = "MwSt.",
        Pst = "PST",
        Total = "TOTAL",
        Tva = "TVA",
        Vat = "VAT",
    }
}

/// `ErrorList` (2021-12-28): `{errors: [Error]}`. In V1 the same name is a bare array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfErrorList {
    pub errors: Vec<ApiError>,
}

/// `OrderList`: the 2021-12-28 getOrders response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderList {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<DfPagination>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<DfOrder>>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPagination {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// V1 `GetOrdersResponse`: `{payload: OrderList, errors: [Error]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGetOrdersResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfOrderList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// V1 `GetOrderResponse`: `{payload: Order, errors: [Error]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGetOrderResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfOrder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `Order`. Without `orderDetails` when getOrders was called with `includeDetails=false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrder {
    pub purchase_order_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_details: Option<DfOrderDetails>,
}

/// `OrderDetails`. Dates stay as Amazon wrote them; engines parse them with a path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderDetails {
    /// Amazon's customer order number (the guide's "AmazonOrderID"); `""` when absent.
    #[serde(default)]
    pub customer_order_number: String,
    pub order_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<DfOrderStatus>,
    pub shipment_details: DfShipmentDetails,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_total: Option<DfTaxItemDetails>,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    /// The customer's name and address: personal data. Absent reads as an empty address.
    #[serde(default)]
    pub ship_to_party: DfAddress,
    pub bill_to_party: DfPartyIdentification,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_customizable_items: Option<bool>,
    #[serde(default)]
    pub items: Vec<DfOrderItem>,
}

/// `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPartyIdentification {
    pub party_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DfAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_info: Option<DfTaxRegistrationDetails>,
}

impl DfPartyIdentification {
    /// A party known only by its code, as acknowledgements send it.
    pub fn code(party_id: &str) -> Self {
        DfPartyIdentification {
            party_id: party_id.to_string(),
            address: None,
            tax_info: None,
        }
    }
}

/// `TaxRegistrationDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTaxRegistrationDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<DfTaxRegistrationType>,
    pub tax_registration_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_address: Option<DfAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_messages: Option<String>,
}

/// `Address`. The model requires `name`, `addressLine1`, `stateOrRegion` and `countryCode`;
/// they read as `""` when absent so the order can be cancelled with codes 07–12. For "Amazon
/// label only" vendors Amazon masks most fields as `xxxxx`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfAddress {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attention: Option<String>,
    #[serde(default)]
    pub address_line1: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default)]
    pub state_or_region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub country_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `OrderItem`. `itemSequenceNumber` is a string ("00001") kept verbatim; `""` when absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderItem {
    #[serde(default)]
    pub item_sequence_number: String,
    /// The ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub ordered_quantity: DfItemQuantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_shipment: Option<DfScheduledDeliveryShipment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_details: Option<DfGiftDetails>,
    /// Required by the model; absent reads as `None` and cancels the order with code 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_price: Option<DfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<DfTaxItemDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_price: Option<DfMoney>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_customized_info: Option<DfBuyerCustomizedInfoDetail>,
}

/// `ItemQuantity`: eaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfItemQuantity {
    pub amount: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<DfUnitOfMeasure>,
}

/// `Money`: `amount` is Amazon's `Decimal` string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfMoney {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
}

/// `buyerCustomizedInfoDetail`: a base64 link to the customer's customisation (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfBuyerCustomizedInfoDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customized_url: Option<String>,
}

/// `ShipmentDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentDetails {
    pub is_priority_shipment: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_scheduled_delivery_shipment: Option<bool>,
    pub is_pslip_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_gift: Option<bool>,
    /// Amazon's ship-method code (carrier and service level), e.g. `UPS_2ND`.
    #[serde(default)]
    pub ship_method: String,
    pub shipment_dates: DfShipmentDates,
    #[serde(default)]
    pub message_to_customer: String,
}

/// `ShipmentDates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentDates {
    pub required_ship_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised_delivery_date: Option<String>,
}

/// `ScheduledDeliveryShipment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfScheduledDeliveryShipment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_service_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_nominated_delivery_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_nominated_delivery_date: Option<String>,
}

/// `GiftDetails`: the gift message is the customer's own text (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGiftDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_id: Option<String>,
}

/// `TaxItemDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTaxItemDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_line_item: Option<Vec<DfTaxDetails>>,
}

/// `TaxDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTaxDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    pub tax_amount: DfMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxable_amount: Option<DfMoney>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub tax_type: Option<DfTaxType>,
}

/// `SubmitAcknowledgementRequest`: the body POSTed to
/// `/vendor/directFulfillment/orders/2021-12-28/acknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementRequest {
    pub order_acknowledgements: Vec<DfOrderAcknowledgementItem>,
}

/// `OrderAcknowledgementItem`: the acknowledgement of one whole order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderAcknowledgementItem {
    pub purchase_order_number: String,
    pub vendor_order_number: String,
    /// ISO-8601, UTC.
    pub acknowledgement_date: String,
    pub acknowledgement_status: DfAcknowledgementStatus,
    pub selling_party: DfPartyIdentification,
    pub ship_from_party: DfPartyIdentification,
    pub item_acknowledgements: Vec<DfOrderItemAcknowledgement>,
}

/// `AcknowledgementStatus`: a two-digit code from the DF guide and its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfAcknowledgementStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `OrderItemAcknowledgement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderItemAcknowledgement {
    pub item_sequence_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub acknowledged_quantity: DfItemQuantity,
}

/// `TransactionId`: the 2021-12-28 submitAcknowledgement response (202).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTransactionId {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}

/// `SubmitAcknowledgementResponse` of 2021-12-28 (defined by the model, though its operation
/// answers with a bare [`DfTransactionId`]): `errors` is a [`DfErrorList`] object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfTransactionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<DfErrorList>,
}

/// V1 `SubmitAcknowledgementResponse`: `errors` is a bare array there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementResponseV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfTransactionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}
