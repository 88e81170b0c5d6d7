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
        /// The purchase order is newly created and needs to be acknowledged by vendor.
        New = "New",
        /// The purchase order has been acknowledged by vendor.
        Acknowledged = "Acknowledged",
        /// The purchase order is closed and no further action is required from the vendor. PO can
        /// be in closed state for many reasons such as order is rejected by vendor, order is
        /// cancelled by Amazon or order is fully received by Amazon.
        Closed = "Closed",
    }
}

wire_enum! {
    /// `OrderDetails.purchaseOrderType`.
    PurchaseOrderType {
        /// A regular purchase order is a method for placing orders for a one-time purchase and
        /// payment for line item goods that have a specific quantity and unit price.
        RegularOrder = "RegularOrder",
        /// A consignment purchase order is an agreement with a vendor that allows the product to be
        /// received, but the inventory still belong to the vendor until the product is used.
        ConsignedOrder = "ConsignedOrder",
        /// A purchase order where a new product is introduced.
        NewProductIntroduction = "NewProductIntroduction",
        /// Rush orders are purchases of goods that need to be processed and delivered by a certain
        /// date that is much sooner than the standard arrival date.
        RushOrder = "RushOrder",
    }
}

wire_enum! {
    /// `OrderDetails.paymentMethod`.
    PaymentMethod {
        /// An invoice payment is submitted by a business to pay for products and services purchased
        /// from vendors.
        Invoice = "Invoice",
        /// A retail merchandiser acts as a consignor for goods supplied by the consignee. The
        /// consignor pays the consignee after the sale and keeps a percentage of the proceeds.
        Consignment = "Consignment",
        /// Payment is made using a credit card.
        CreditCard = "CreditCard",
        /// Payment is prepaid.
        Prepaid = "Prepaid",
    }
}

wire_enum! {
    /// `ImportDetails.methodOfPayment`.
    MethodOfPayment {
        /// Buyer pays for shipping.
        PaidByBuyer = "PaidByBuyer",
        /// Buyer pays for shipping on delivery.
        CollectOnDelivery = "CollectOnDelivery",
        /// Shipping costs paid as agreed upon between buyer and seller.
        DefinedByBuyerAndSeller = "DefinedByBuyerAndSeller",
        /// Seller pays for transportation including loading and shipping.
        FobPortOfCall = "FOBPortOfCall",
        /// Seller prepays for shipping.
        PrepaidBySeller = "PrepaidBySeller",
        /// Seller pays for shipping.
        PaidBySeller = "PaidBySeller",
    }
}

wire_enum! {
    /// `ImportDetails.internationalCommercialTerms` (Incoterms).
    InternationalCommercialTerms {
        /// Places the maximum obligation on the buyer and minimum obligations on the seller. The
        /// seller makes the goods available at its premises. The buyer is responsible for all costs
        /// of the transportation of the shipment and bears all the risks for bringing the goods to
        /// their final destination.
        ExWorks = "ExWorks",
        /// The seller hands over the goods, cleared for export, into the disposal of the carrier
        /// (named by the buyer). The buyer pays for all the additional costs of transportation and
        /// risk passes when the goods are handed over to the carrier.
        FreeCarrier = "FreeCarrier",
        /// Ocean shipments only. The seller must deliver the goods alongside the ship at the named
        /// port, and clear the goods for export. The buyer pays for all the additional costs of
        /// transportation and risk passes when the goods are alongside the ship.
        FreeOnBoard = "FreeOnBoard",
        /// Ocean shipments only. The seller must load the goods on board the vessel, cleared for
        /// export. The buyer pays for all the additional costs of transportation and risk passes
        /// when the goods are loaded on the ship.
        FreeAlongSideShip = "FreeAlongSideShip",
        /// The seller pays for transportation to the named port of destination, but risk transfers
        /// to the buyer upon handing goods over to the first carrier. The buyer pays for all
        /// destination charges.
        CarriagePaidTo = "CarriagePaidTo",
        /// Ocean shipments only. Seller pays for transportation to the named port of destination,
        /// but risk transfers to the buyer once the goods are loaded on the vessel. The buyer pays
        /// for all destination charges.
        CostAndFreight = "CostAndFreight",
        /// Seller pays for transportation and insurance to the named port of destination, but risk
        /// transfers to the buyer upon handing goods over to the first carrier. The buyer pays for
        /// all destination charges.
        CarriageAndInsurancePaidTo = "CarriageAndInsurancePaidTo",
        /// Ocean shipments only. Seller pays for transportation and insurance to the named port of
        /// destination, but risk transfers to the buyer once the goods are loaded on the vessel.
        /// The buyer pays for all destination charges.
        CostInsuranceAndFreight = "CostInsuranceAndFreight",
        /// Seller pays for transportation up to the destination terminal, and risks up to the point
        /// that the goods are unloaded at the terminal. The buyer pays for import clearance, duties
        /// & taxes and delivery costs.
        DeliveredAtTerminal = "DeliveredAtTerminal",
        /// Seller pays for transportation to the named destination, and risk transfers at the point
        /// that the goods are ready for unloading by the buyer. The buyer pays for import
        /// clearance, duties & taxes and delivery costs.
        DeliveredAtPlace = "DeliveredAtPlace",
        /// Seller is responsible for delivering the goods to the named place in the country of the
        /// buyer, and pays all costs in bringing the goods to the destination including import
        /// duties and taxes. This term places the maximum obligations on the seller and minimum
        /// obligations on the buyer.
        DeliverDutyPaid = "DeliverDutyPaid",
    }
}

wire_enum! {
    /// `TaxRegistrationDetails.taxRegistrationType`.
    TaxRegistrationType {
        /// Value-added tax.
        Vat = "VAT",
        /// Goods and Services tax.
        Gst = "GST",
    }
}

wire_enum! {
    /// `ItemQuantity.unitOfMeasure`. The sandbox also sends `"CASES"`, read as `Cases`.
    UnitOfMeasure {
        /// Packing of individual items into a case.
        Cases = "Cases",
        /// Individual items.
        Eaches = "Eaches",
    }
}

wire_enum! {
    /// `Money.unitOfMeasure`: present when an item is priced by weight.
    WeightUnit {
        /// Priced per Pound.
        Pounds = "POUNDS",
        /// Priced per Ounce.
        Ounces = "OUNCES",
        /// Priced per Gram.
        Grams = "GRAMS",
        /// Priced per Kilogram.
        Kilograms = "KILOGRAMS",
    }
}

wire_enum! {
    /// `OrderItemAcknowledgement.acknowledgementCode`.
    AcknowledgementCode {
        /// Vendor accepts to fulfill the order item(s).
        Accepted = "Accepted",
        /// Vendor placed a backorder to fulfill the original order and provides a scheduledShipDate
        /// or scheduledDeliveryDate which is different than the expectedShipDate or
        /// expectedDeliveryDate provided in the purchase order.
        Backordered = "Backordered",
        /// Vendor rejects to fulfill the order item(s).
        Rejected = "Rejected",
    }
}

wire_enum! {
    /// `OrderItemAcknowledgement.rejectionReason`.
    RejectionReason {
        /// Items are currently not available.
        TemporarilyUnavailable = "TemporarilyUnavailable",
        /// Item cannot be found with the provided identifier.
        InvalidProductIdentifier = "InvalidProductIdentifier",
        /// Item is no longer sold.
        ObsoleteProduct = "ObsoleteProduct",
    }
}

/// `GetPurchaseOrdersResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrdersResponse {
    /// A list of orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderList>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `OrderList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderList {
    /// The pagination elements required to retrieve the remaining data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// Represents an individual order within the OrderList.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<Order>>,
}

/// `Pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    /// A generated string used to pass information to your next request. If NextToken is returned,
    /// pass the value of NextToken to the next request. If NextToken is not returned, there are no
    /// more purchase order items to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `GetPurchaseOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetPurchaseOrderResponse {
    /// The details of the requested order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Order>,
    /// A list of error responses returned when a request is unsuccessful.
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
    /// The purchase order number for this order. Formatting Notes: 8-character alpha-numeric code.
    pub purchase_order_number: String,
    /// This field will contain the current state of the purchase order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_state: Option<PurchaseOrderState>,
    /// Details of an order.
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
    /// The date the purchase order was placed. Must be in ISO-8601 date/time format.
    pub purchase_order_date: String,
    /// The date when purchase order was last changed by Amazon after the order was placed. This
    /// date will be greater than 'purchaseOrderDate'. This means the PO data was changed on that
    /// date and vendors are required to fulfill the updated PO. The PO changes can be related to
    /// Item Quantity, Ship to Location, Ship Window etc. This field will not be present in orders
    /// that have not changed after creation. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_changed_date: Option<String>,
    /// The date when current purchase order state was changed. Current purchase order state is
    /// available in the field 'purchaseOrderState'. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_state_changed_date: Option<String>,
    /// Type of purchase order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_type: Option<PurchaseOrderType>,
    /// If the purchase order is an import order, the details for the import order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_details: Option<ImportDetails>,
    /// If requested by the recipient, this field will contain a promotional/deal number. The
    /// discount code line is optional. It is used to obtain a price discount on items on the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_code: Option<String>,
    /// Payment method used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<PaymentMethod>,
    /// Name/Address and tax details of the buying party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_party: Option<PartyIdentification>,
    /// Name/Address and tax details of the selling party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<PartyIdentification>,
    /// Name/Address and tax details of the ship to party. Find a list of fulfillment center
    /// addresses for a region on the [Resources page of Amazon Vendor
    /// Central](https://vendorcentral.amazon.com/hz/vendor/members/support/help/node/GPZ88XH8HQM97ZV6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_party: Option<PartyIdentification>,
    /// Name/Address and tax details of the bill to party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<PartyIdentification>,
    /// `DateTimeInterval`: `START--END`, used when Amazon collects the freight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_window: Option<String>,
    /// `DateTimeInterval`: `START--END`, used when the vendor pays the freight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<String>,
    /// A list of items in this purchase order.
    #[serde(default)]
    pub items: Vec<OrderItem>,
}

/// `ImportDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportDetails {
    /// If the recipient requests, contains the shipment method of payment. This is for import PO's
    /// only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_of_payment: Option<MethodOfPayment>,
    /// Incoterms (International Commercial Terms) are used to divide transaction costs and
    /// responsibilities between buyer and seller and reflect state-of-the-art transportation
    /// practices. This is for import purchase orders only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_commercial_terms: Option<InternationalCommercialTerms>,
    /// The port where goods on an import purchase order must be delivered by the vendor. This
    /// should only be specified when the internationalCommercialTerms is FOB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_of_delivery: Option<String>,
    /// Types and numbers of container(s) for import purchase orders. Can be a comma-separated list
    /// if the shipment has multiple containers. HC signifies a high-capacity container. Free-text
    /// field, limited to 64 characters. The format will be a comma-delimited list containing values
    /// of the type: $NUMBER_OF_CONTAINERS_OF_THIS_TYPE-$CONTAINER_TYPE. The list of values for the
    /// container type is: 40'(40-foot container), 40'HC (40-foot high-capacity container), 45',
    /// 45'HC, 30', 30'HC, 20', 20'HC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_containers: Option<String>,
    /// Special instructions regarding the shipment. This field is for import purchase orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_instructions: Option<String>,
}

/// `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PartyIdentification {
    /// Assigned identification for the party. For example, warehouse code or vendor code. Please
    /// refer to specific party for more details.
    pub party_id: String,
    /// Identification of the party by address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Tax registration details of the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_info: Option<TaxRegistrationDetails>,
}

/// `TaxRegistrationDetails`. One sandbox example spells the type field `taxType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TaxRegistrationDetails {
    /// Tax registration type for the entity.
    #[serde(default, alias = "taxType", skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<TaxRegistrationType>,
    /// Tax registration number for the entity. For example, VAT ID.
    pub tax_registration_number: String,
}

/// `Address`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The name of the person, business or institution at that address.
    pub name: String,
    /// First line of the address.
    pub address_line1: String,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city where the person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The county where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The district where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The state or region where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The postal code of that address. It conatins a series of letters or digits or both,
    /// sometimes including spaces or punctuation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The two digit country code. In ISO 3166-1 alpha-2 format.
    pub country_code: String,
    /// The phone number of the person, business or institution located at that address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `OrderItem`. `itemSequenceNumber` is a string ("1", "00001") and is kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    /// Numbering of the item on the purchase order. The first item will be 1, the second 2, and so
    /// on.
    pub item_sequence_number: String,
    /// Amazon Standard Identification Number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The vendor selected product identification of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Item quantity ordered.
    pub ordered_quantity: ItemQuantity,
    /// When true, we will accept backorder confirmations for this item.
    pub is_back_order_allowed: bool,
    /// The net cost of an item per each or weight unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    /// The list price of an item per each or weight unit.
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
    /// Acknowledged quantity. This value should not be zero.
    pub amount: u64,
    /// Unit of measure for the acknowledged quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "unit_size_tolerant"
    )]
    /// The case size, in the event that we ordered using cases.
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
    /// Three digit currency code in ISO 4217 format. String of length 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation. <br>**Pattern** :
    /// `^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    /// The unit of measure for prices of items sold by weight. If this field is absent, the item is
    /// sold by eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<WeightUnit>,
}

/// `SubmitAcknowledgementRequest`: the body POSTed to `/vendor/orders/v1/acknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitAcknowledgementRequest {
    /// An array of order acknowledgements to be submitted.
    pub acknowledgements: Vec<OrderAcknowledgement>,
}

/// `OrderAcknowledgement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderAcknowledgement {
    /// The purchase order number. Formatting Notes: 8-character alpha-numeric code.
    pub purchase_order_number: String,
    /// Name, address and tax details of the party receiving a shipment of products.
    pub selling_party: PartyIdentification,
    /// ISO-8601, UTC.
    pub acknowledgement_date: String,
    /// A list of the items being acknowledged with associated details.
    pub items: Vec<OrderAcknowledgementItem>,
}

/// `OrderAcknowledgementItem`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderAcknowledgementItem {
    /// Line item sequence number for the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// Amazon Standard Identification Number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The vendor selected product identification of the item. Should be the same as was sent in
    /// the purchase order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// The quantity of this item ordered.
    pub ordered_quantity: ItemQuantity,
    /// The net cost of an item per each or weight unit that must match the cost on the invoice.
    /// This is a required field. If left blank, Amazon systems will reject the file. Price
    /// information must not be zero or negative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    /// The list price of an item per each or weight unit. Required only if a vendor sells books at
    /// list price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
    /// The discount multiplier that should be applied to the price if a vendor sells books with a
    /// list price. This is a multiplier factor to arrive at a final discounted price. A multiplier
    /// of .90 would be the factor if a 10% discount is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_multiplier: Option<String>,
    /// This is used to indicate acknowledged quantity.
    pub item_acknowledgements: Vec<OrderItemAcknowledgement>,
}

/// `OrderItemAcknowledgement`: one entry of a possibly split line (Accepted 6 + Backordered 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemAcknowledgement {
    /// This indicates the acknowledgement code.
    pub acknowledgement_code: AcknowledgementCode,
    /// Details of quantity acknowledged with the above acknowledgement code.
    pub acknowledged_quantity: ItemQuantity,
    /// Estimated ship date per line item. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_ship_date: Option<String>,
    /// Estimated delivery date per line item. Must be in ISO-8601 date/time format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_date: Option<String>,
    /// Indicates the reason for rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
}

/// `SubmitAcknowledgementResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitAcknowledgementResponse {
    /// The payload for the submitAcknowledgement operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionId>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionId`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TransactionId {
    /// GUID assigned by Amazon to identify this transaction. This value can be used with the
    /// Transaction Status API to return the status of this transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}
