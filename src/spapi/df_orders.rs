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
        /// Status for newly created orders.
        New = "NEW",
        /// Status for orders that are already shipped.
        Shipped = "SHIPPED",
        /// Status for orders accepted by vendors.
        Accepted = "ACCEPTED",
        /// Status for cancelled orders.
        Cancelled = "CANCELLED",
    }
}

wire_enum! {
    /// `TaxRegistrationDetails.taxRegistrationType`.
    DfTaxRegistrationType {
        /// Value-added tax.
        Vat = "VAT",
        /// Goods and Services tax.
        Gst = "GST",
    }
}

wire_enum! {
    /// `ItemQuantity.unitOfMeasure`: DF orders are always in eaches. The sandbox sends `"EACH"`.
    DfUnitOfMeasure {
        /// Unit of measure to represent individual piece.
        Each = "Each",
    }
}

wire_enum! {
    /// `TaxDetails.type`.
    DfTaxType {
        /// Tax levied on consumption spending on goods and services.
        Consumption = "CONSUMPTION",
        /// Tax levied on most goods and services sold for domestic consumption.
        Gst = "GST",
        /// Mehrwertsteuer, MwSt, is German for value-added tax.
        MwSt = "MwSt.",
        /// A provincial sales tax (PST) is imposed on consumers of goods and particular services in
        /// many Canadian provinces.
        Pst = "PST",
        /// Combined total of all the applicable taxes.
        Total = "TOTAL",
        /// Taxe sur la Valeur Ajout&#233;e (TVA) is French for value-added tax.
        Tva = "TVA",
        /// Value-added tax.
        Vat = "VAT",
    }
}

/// `ErrorList` (2021-12-28): `{errors: [Error]}`. In V1 the same name is a bare array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfErrorList {
    /// An array of Error objects representing individual errors encountered during the request.
    pub errors: Vec<ApiError>,
}

/// `OrderList`: the 2021-12-28 getOrders response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderList {
    /// The pagination elements required to retrieve the remaining data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<DfPagination>,
    /// Represents a purchase order within the OrderList.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<DfOrder>>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPagination {
    /// A generated string used to pass information to your next request. If NextToken is returned,
    /// pass the value of NextToken to the next request. If NextToken is not returned, there are no
    /// more order items to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// V1 `GetOrdersResponse`: `{payload: OrderList, errors: [Error]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGetOrdersResponse {
    /// The orders of this page, and the token of the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfOrderList>,
    /// Amazon's errors, when the call failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// V1 `GetOrderResponse`: `{payload: Order, errors: [Error]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGetOrderResponse {
    /// The order asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfOrder>,
    /// Amazon's errors, when the call failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `Order`. Without `orderDetails` when getOrders was called with `includeDetails=false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrder {
    /// The purchase order number for this order. Formatting Notes: alpha-numeric code.
    pub purchase_order_number: String,
    /// Purchase order details.
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
    /// The date the order was placed. This field is expected to be in ISO-8601 date/time format,
    /// for example:2018-07-16T23:00:00Z/ 2018-07-16T23:00:00-05:00 /2018-07-16T23:00:00-08:00. If
    /// no time zone is specified, UTC should be assumed.
    pub order_date: String,
    /// Current status of the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<DfOrderStatus>,
    /// Shipment details required for the shipment.
    pub shipment_details: DfShipmentDetails,
    /// Total tax details for the line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_total: Option<DfTaxItemDetails>,
    /// PartyID of vendor code.
    pub selling_party: DfPartyIdentification,
    /// PartyID of vendor's warehouse.
    pub ship_from_party: DfPartyIdentification,
    /// The customer's name and address: personal data. Absent reads as an empty address.
    #[serde(default)]
    pub ship_to_party: DfAddress,
    /// Name/Address and tax details of the bill to party.
    pub bill_to_party: DfPartyIdentification,
    /// When `true`, the order contains customizable items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_customizable_items: Option<bool>,
    /// A list of items in this purchase order.
    #[serde(default)]
    pub items: Vec<DfOrderItem>,
}

/// `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPartyIdentification {
    /// Assigned identification for the party. For example, warehouse code or vendor code. Please
    /// refer to specific party for more details.
    pub party_id: String,
    /// Address details of the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DfAddress>,
    /// Tax registration details of the entity.
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
    /// Tax registration type for the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<DfTaxRegistrationType>,
    /// Tax registration number for the party. For example, VAT ID.
    pub tax_registration_number: String,
    /// Address associated with the tax registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_address: Option<DfAddress>,
    /// Tax registration message that can be used for additional tax related details.
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
    /// The name of the person, business or institution at that address. For Amazon label only
    /// vendors, this field will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default)]
    pub name: String,
    /// The attention name of the person at that address. For Amazon label only vendors, this field
    /// will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attention: Option<String>,
    /// First line of the address. For Amazon label only vendors, this field will have the value
    /// `xxxxx` within the object `shipToParty`.
    #[serde(default)]
    pub address_line1: String,
    /// Additional address information, if required. For Amazon label only vendors, this field will
    /// have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information, if required. For Amazon label only vendors, this field will
    /// have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city where the person, business or institution is located. For Amazon label only
    /// vendors, this field will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The county where person, business or institution is located. For Amazon label only vendors,
    /// this field will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The district where person, business or institution is located. For Amazon label only
    /// vendors, this field will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The state or region where person, business or institution is located.
    #[serde(default)]
    pub state_or_region: String,
    /// The postal code of that address. It conatins a series of letters or digits or both,
    /// sometimes including spaces or punctuation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The two digit country code. In ISO 3166-1 alpha-2 format.
    #[serde(default)]
    pub country_code: String,
    /// The phone number of the person, business or institution located at that address. For Amazon
    /// label only vendors, this field will have the value `xxxxx` within the object `shipToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `OrderItem`. `itemSequenceNumber` is a string ("00001") kept verbatim; `""` when absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderItem {
    /// Numbering of the item on the purchase order. The first item will be 1, the second 2, and so
    /// on.
    #[serde(default)]
    pub item_sequence_number: String,
    /// The ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The vendor selected product identification of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Title for the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Item quantity ordered.
    pub ordered_quantity: DfItemQuantity,
    /// Details for the scheduled delivery shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_shipment: Option<DfScheduledDeliveryShipment>,
    /// Gift message and wrapId details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_details: Option<DfGiftDetails>,
    /// Required by the model; absent reads as `None` and cancels the order with code 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_price: Option<DfMoney>,
    /// Total tax details for the line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<DfTaxItemDetails>,
    /// The price to Amazon each (cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_price: Option<DfMoney>,
    /// The buyer information for products the vendor has configured as customizable, specifying the
    /// types of customizations or configurations along with types and ranges for their product.
    /// This provides the ability for buyers to customize multiple aspects of the products according
    /// to what the vendor allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_customized_info: Option<DfBuyerCustomizedInfoDetail>,
}

/// `ItemQuantity`: eaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfItemQuantity {
    /// Acknowledged quantity. This value should not be zero.
    pub amount: u64,
    /// Unit of measure for the acknowledged quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<DfUnitOfMeasure>,
}

/// `Money`: `amount` is Amazon's `Decimal` string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfMoney {
    /// Three digit currency code in ISO 4217 format. String of length 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
}

/// `buyerCustomizedInfoDetail`: a base64 link to the customer's customisation (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfBuyerCustomizedInfoDetail {
    /// A [Base 64](https://datatracker.ietf.org/doc/html/rfc4648#section-4) encoded URL using the
    /// UTF-8 character set. The URL provides the location of the zip file that specifies the types
    /// of customizations or configurations allowed by the vendor, along with types and ranges for
    /// the attributes of their products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customized_url: Option<String>,
}

/// `ShipmentDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentDetails {
    /// When true, this is a priority shipment.
    pub is_priority_shipment: bool,
    /// When true, this order is part of a scheduled delivery program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_scheduled_delivery_shipment: Option<bool>,
    /// When true, a packing slip is required to be sent to the customer.
    pub is_pslip_required: bool,
    /// When true, the order contain a gift. Include the gift message and gift wrap information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_gift: Option<bool>,
    /// Amazon's ship-method code (carrier and service level), e.g. `UPS_2ND`.
    #[serde(default)]
    pub ship_method: String,
    /// Shipment dates.
    pub shipment_dates: DfShipmentDates,
    /// Message to customer for order status.
    #[serde(default)]
    pub message_to_customer: String,
}

/// `ShipmentDates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfShipmentDates {
    /// Time by which the vendor is required to ship the order.
    pub required_ship_date: String,
    /// Delivery date promised to the Amazon customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised_delivery_date: Option<String>,
}

/// `ScheduledDeliveryShipment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfScheduledDeliveryShipment {
    /// Scheduled delivery service type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_service_type: Option<String>,
    /// Earliest nominated delivery date for the scheduled delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_nominated_delivery_date: Option<String>,
    /// Latest nominated delivery date for the scheduled delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_nominated_delivery_date: Option<String>,
}

/// `GiftDetails`: the gift message is the customer's own text (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfGiftDetails {
    /// Gift message to be printed in shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    /// Gift wrap identifier for the gift wrapping, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_id: Option<String>,
}

/// `TaxItemDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTaxItemDetails {
    /// Tax details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_line_item: Option<Vec<DfTaxDetails>>,
}

/// `TaxDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTaxDetails {
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    /// An amount of money, including units in the form of currency.
    pub tax_amount: DfMoney,
    /// An amount of money, including units in the form of currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxable_amount: Option<DfMoney>,
    /// Tax type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub tax_type: Option<DfTaxType>,
}

/// `SubmitAcknowledgementRequest`: the body POSTed to
/// `/vendor/directFulfillment/orders/2021-12-28/acknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementRequest {
    /// A list of one or more purchase orders.
    pub order_acknowledgements: Vec<DfOrderAcknowledgementItem>,
}

/// `OrderAcknowledgementItem`: the acknowledgement of one whole order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderAcknowledgementItem {
    /// The purchase order number for this order. Formatting Notes: alpha-numeric code.
    pub purchase_order_number: String,
    /// The vendor's order number for this order.
    pub vendor_order_number: String,
    /// ISO-8601, UTC.
    pub acknowledgement_date: String,
    /// Status of acknowledgement.
    pub acknowledgement_status: DfAcknowledgementStatus,
    /// PartyID as vendor code.
    pub selling_party: DfPartyIdentification,
    /// PartyID as the vendor's warehouseId.
    pub ship_from_party: DfPartyIdentification,
    /// Item details including acknowledged quantity.
    pub item_acknowledgements: Vec<DfOrderItemAcknowledgement>,
}

/// `AcknowledgementStatus`: a two-digit code from the DF guide and its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfAcknowledgementStatus {
    /// Acknowledgement code is a unique two digit value which indicates the status of the
    /// acknowledgement. For a list of acknowledgement codes that Amazon supports, see the Vendor
    /// Direct Fulfillment APIs Use Case Guide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Reason for the acknowledgement code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `OrderItemAcknowledgement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderItemAcknowledgement {
    /// Line item sequence number for the item.
    pub item_sequence_number: String,
    /// Buyer's standard identification number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The vendor selected product identification of the item. Should be the same as was provided
    /// in the purchase order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Details of quantity acknowledged with the above acknowledgement code.
    pub acknowledged_quantity: DfItemQuantity,
}

/// `TransactionId`: the 2021-12-28 submitAcknowledgement response (202).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfTransactionId {
    /// GUID assigned by Amazon to identify this transaction. This value can be used with the
    /// Transaction Status API to return the status of this transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}

/// `SubmitAcknowledgementResponse` of 2021-12-28 (defined by the model, though its operation
/// answers with a bare [`DfTransactionId`]): `errors` is a [`DfErrorList`] object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementResponse {
    /// The payload for the submitAcknowledgement operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfTransactionId>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<DfErrorList>,
}

/// V1 `SubmitAcknowledgementResponse`: `errors` is a bare array there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitAcknowledgementResponseV1 {
    /// The payload for the submitAcknowledgement operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<DfTransactionId>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}
