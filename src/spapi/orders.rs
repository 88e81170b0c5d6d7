//! Retail procurement orders: `vendorOrders.json` (Vendor Orders API v1).
//!
//! getPurchaseOrders / getPurchaseOrder responses, and the submitAcknowledgement request and
//! response. Definitions keep the model's names.

use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::money::Decimal;

wire_enum! {
    /// `Order.purchaseOrderState`.
    PurchaseOrderState {
        New = "New",
        Acknowledged = "Acknowledged",
        Closed = "Closed",
    }
}

wire_enum! {
    /// `OrderDetails.purchaseOrderType`.
    PurchaseOrderType {
        RegularOrder = "RegularOrder",
        ConsignedOrder = "ConsignedOrder",
        NewProductIntroduction = "NewProductIntroduction",
        RushOrder = "RushOrder",
    }
}

wire_enum! {
    /// `OrderDetails.paymentMethod`.
    PaymentMethod {
        Invoice = "Invoice",
        Consignment = "Consignment",
        CreditCard = "CreditCard",
        Prepaid = "Prepaid",
    }
}

wire_enum! {
    /// `ImportDetails.methodOfPayment`.
    MethodOfPayment {
        PaidByBuyer = "PaidByBuyer",
        CollectOnDelivery = "CollectOnDelivery",
        DefinedByBuyerAndSeller = "DefinedByBuyerAndSeller",
        FobPortOfCall = "FOBPortOfCall",
        PrepaidBySeller = "PrepaidBySeller",
        PaidBySeller = "PaidBySeller",
    }
}

wire_enum! {
    /// `ImportDetails.internationalCommercialTerms` (Incoterms).
    InternationalCommercialTerms {
        ExWorks = "ExWorks",
        FreeCarrier = "FreeCarrier",
        FreeOnBoard = "FreeOnBoard",
        FreeAlongSideShip = "FreeAlongSideShip",
        CarriagePaidTo = "CarriagePaidTo",
        CostAndFreight = "CostAndFreight",
        CarriageAndInsurancePaidTo = "CarriageAndInsurancePaidTo",
        CostInsuranceAndFreight = "CostInsuranceAndFreight",
        DeliveredAtTerminal = "DeliveredAtTerminal",
        DeliveredAtPlace = "DeliveredAtPlace",
        DeliverDutyPaid = "DeliverDutyPaid",
    }
}

wire_enum! {
    /// `TaxRegistrationDetails.taxRegistrationType`.
    TaxRegistrationType {
        Vat = "VAT",
        Gst = "GST",
    }
}

wire_enum! {
    /// `ItemQuantity.unitOfMeasure`. The sandbox also sends `"CASES"`, read as `Cases`.
    UnitOfMeasure {
        Cases = "Cases",
        Eaches = "Eaches",
    }
}

wire_enum! {
    /// `Money.unitOfMeasure`: present when an item is priced by weight.
    WeightUnit {
        Pounds = "POUNDS",
        Ounces = "OUNCES",
        Grams = "GRAMS",
        Kilograms = "KILOGRAMS",
    }
}

wire_enum! {
    /// `OrderItemAcknowledgement.acknowledgementCode`.
    AcknowledgementCode {
        Accepted = "Accepted",
        Backordered = "Backordered",
        Rejected = "Rejected",
    }
}

wire_enum! {
    /// `OrderItemAcknowledgement.rejectionReason`.
    RejectionReason {
        TemporarilyUnavailable = "TemporarilyUnavailable",
        InvalidProductIdentifier = "InvalidProductIdentifier",
        ObsoleteProduct = "ObsoleteProduct",
    }
}

/// `GetPurchaseOrdersResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrdersResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `OrderList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderList {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<Order>>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `GetPurchaseOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrderResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Order>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `Order`. `purchaseOrderState` is required by the model but absent from one sandbox example;
/// another puts `items` and `deliveryWindow` beside `orderDetails` instead of inside it, and
/// they are moved where the model has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", from = "RawOrder")]
pub struct Order {
    pub purchase_order_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_state: Option<PurchaseOrderState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_details: Option<OrderDetails>,
}

/// `Order` as it may arrive: with fields of `OrderDetails` misplaced at the order level.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawOrder {
    purchase_order_number: String,
    #[serde(default)]
    purchase_order_state: Option<PurchaseOrderState>,
    #[serde(default)]
    order_details: Option<OrderDetails>,
    #[serde(default)]
    items: Option<Vec<OrderItem>>,
    #[serde(default)]
    ship_window: Option<String>,
    #[serde(default)]
    delivery_window: Option<String>,
}

impl From<RawOrder> for Order {
    fn from(raw: RawOrder) -> Self {
        let order_details = raw.order_details.map(|mut details| {
            if details.items.is_empty() {
                details.items = raw.items.unwrap_or_default();
            }
            details.ship_window = details.ship_window.or(raw.ship_window);
            details.delivery_window = details.delivery_window.or(raw.delivery_window);
            details
        });
        Order {
            purchase_order_number: raw.purchase_order_number,
            purchase_order_state: raw.purchase_order_state,
            order_details,
        }
    }
}

/// `OrderDetails`. Dates stay as Amazon wrote them; engines parse them with a path.
/// `items` is required by the model; when absent it reads as empty (see [`Order`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderDetails {
    pub purchase_order_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_changed_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_state_changed_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_type: Option<PurchaseOrderType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_details: Option<ImportDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<PaymentMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_party: Option<PartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<PartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_party: Option<PartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<PartyIdentification>,
    /// `DateTimeInterval`: `START--END`, used when Amazon collects the freight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_window: Option<String>,
    /// `DateTimeInterval`: `START--END`, used when the vendor pays the freight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<String>,
    #[serde(default)]
    pub items: Vec<OrderItem>,
}

/// `ImportDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_of_payment: Option<MethodOfPayment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_commercial_terms: Option<InternationalCommercialTerms>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_of_delivery: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_containers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_instructions: Option<String>,
}

/// `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PartyIdentification {
    pub party_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_info: Option<TaxRegistrationDetails>,
}

/// `TaxRegistrationDetails`. One sandbox example spells the type field `taxType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TaxRegistrationDetails {
    #[serde(default, alias = "taxType", skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<TaxRegistrationType>,
    pub tax_registration_number: String,
}

/// `Address`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub name: String,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    pub country_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `OrderItem`. `itemSequenceNumber` is a string ("1", "00001") and is kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    pub item_sequence_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub ordered_quantity: ItemQuantity,
    pub is_back_order_allowed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
}

impl OrderItem {
    /// The line's product identifiers in words ("ASIN B07… / vendor id 880…"), for messages.
    pub fn describe_identifiers(&self) -> String {
        match (
            self.amazon_product_identifier.as_deref(),
            self.vendor_product_identifier.as_deref(),
        ) {
            (Some(asin), Some(vendor)) => format!("ASIN {asin} / vendor id {vendor}"),
            (Some(asin), None) => format!("ASIN {asin}"),
            (None, Some(vendor)) => format!("vendor id {vendor}"),
            (None, None) => "a line with no product identifier".to_string(),
        }
    }
}

/// Numeric order of item sequence numbers ("2" before "10", "00001" = "1"); non-numeric last.
pub fn sequence_key(sequence: &str) -> (u64, String) {
    let number = sequence.trim().parse::<u64>().unwrap_or(u64::MAX);
    (number, sequence.to_string())
}

/// `ItemQuantity`. `unitSize` is an integer in the model, but the retail guide's examples write it
/// as a string (`"unitSize": "5"`): both are read, and it is always written as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ItemQuantity {
    pub amount: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "unit_size_tolerant"
    )]
    pub unit_size: Option<u64>,
}

/// Reads a `unitSize`: a whole number, or a string of digits (`"5"`, as in the retail
/// procurement guide's examples); `null` is absent. Anything else is refused with serde's
/// "invalid value" / "invalid type" wording, so it gets the input codes and a pointer.
pub(crate) fn unit_size_tolerant<'de, D>(deserializer: D) -> Result<Option<u64>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::de::{self, Unexpected, Visitor};

    struct UnitSizeVisitor;

    impl<'de> Visitor<'de> for UnitSizeVisitor {
        type Value = Option<u64>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number of eaches per case (a number, or digits in a string)")
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<u64>, E> {
            Ok(Some(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<u64>, E> {
            u64::try_from(v)
                .map(Some)
                .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<u64>, E> {
            let digits = v.trim();
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(E::invalid_value(Unexpected::Str(v), &self));
            }
            digits
                .parse::<u64>()
                .map(Some)
                .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }

        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Option<u64>, D2::Error> {
            d.deserialize_any(self)
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Option<u64>, A::Error> {
            crate::json_pointer::reject_seq(seq, &self)
        }

        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Option<u64>, A::Error> {
            crate::json_pointer::reject_map(map, &self)
        }
    }

    deserializer.deserialize_any(UnitSizeVisitor)
}

/// `Money`: `amount` is Amazon's `Decimal` string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Money {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<WeightUnit>,
}

/// `SubmitAcknowledgementRequest`: the body POSTed to `/vendor/orders/v1/acknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitAcknowledgementRequest {
    pub acknowledgements: Vec<OrderAcknowledgement>,
}

/// `OrderAcknowledgement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderAcknowledgement {
    pub purchase_order_number: String,
    pub selling_party: PartyIdentification,
    /// ISO-8601, UTC.
    pub acknowledgement_date: String,
    pub items: Vec<OrderAcknowledgementItem>,
}

/// `OrderAcknowledgementItem`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderAcknowledgementItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub ordered_quantity: ItemQuantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_multiplier: Option<String>,
    pub item_acknowledgements: Vec<OrderItemAcknowledgement>,
}

/// `OrderItemAcknowledgement`: one entry of a possibly split line (Accepted 6 + Backordered 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemAcknowledgement {
    pub acknowledgement_code: AcknowledgementCode,
    pub acknowledged_quantity: ItemQuantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_ship_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
}

/// `SubmitAcknowledgementResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitAcknowledgementResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionId`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TransactionId {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}
