//! The one issue shape of the shipment engines: `code`, `severity`, a JSON-pointer `path` to
//! the field a person must fix (so a form can show the message next to it), `message`, and
//! `dueAt` where a deadline applies.

use serde::{Deserialize, Serialize};

wire_enum! {
    /// `error` blocks submission (Amazon rejects the ASN or it cannot match the shipment);
    /// `warning` is a chargeback risk the shipper may accept knowingly.
    IssueSeverity {
        /// Blocks submission.
        Error = "error",
        /// A chargeback risk; the ASN may still be sent.
        Warning = "warning",
    }
}

/// One problem found in an ASN (validator: `path` points into the `shipmentConfirmation`) or in
/// packing data (builder: `path` points into the builder's input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ShipmentIssue {
    /// Stable SCREAMING_SNAKE_CASE code; see [`codes`].
    pub code: String,
    /// `error` blocks submission; `warning` is a chargeback risk.
    pub severity: IssueSeverity,
    /// JSON pointer (RFC 6901) to the field concerned; `""` for the whole shipment.
    pub path: String,
    /// What is wrong and what to do, for the person at the form.
    pub message: String,
    /// ISO-8601 UTC deadline, where one applies (ASN timing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// The purchase order concerned, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
}

impl ShipmentIssue {
    /// An issue of severity `error`.
    pub fn error(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, IssueSeverity::Error, path.into(), message.into())
    }

    /// An issue of severity `warning`.
    pub fn warning(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, IssueSeverity::Warning, path.into(), message.into())
    }

    fn new(code: &str, severity: IssueSeverity, path: String, message: String) -> Self {
        ShipmentIssue {
            code: code.to_string(),
            severity,
            path,
            message,
            due_at: None,
            purchase_order_number: None,
        }
    }

    /// Adds the purchase order concerned.
    pub fn po(mut self, purchase_order_number: Option<&str>) -> Self {
        self.purchase_order_number = purchase_order_number.map(str::to_string);
        self
    }

    /// Adds the deadline.
    pub fn due(mut self, due_at: String) -> Self {
        self.due_at = Some(due_at);
        self
    }

    /// Whether the issue blocks submission.
    pub fn is_error(&self) -> bool {
        self.severity == IssueSeverity::Error
    }
}

/// Every issue code, with its severity. Stable once released.
pub mod codes {
    // Structure (the model's schema).
    /// A field the model requires is absent.
    pub const MISSING_REQUIRED_FIELD: &str = "MISSING_REQUIRED_FIELD";
    /// A field has the wrong JSON type for the model.
    pub const INVALID_TYPE: &str = "INVALID_TYPE";
    /// An enum value spelt otherwise than the model (`"CASES"` for `"Cases"`): Amazon ignores other
    /// spellings.
    pub const ENUM_SPELLING: &str = "ENUM_SPELLING";
    /// A value that is not one of the model's enum values.
    pub const UNKNOWN_ENUM_VALUE: &str = "UNKNOWN_ENUM_VALUE";
    /// A decimal that is not a plain decimal string.
    pub const INVALID_DECIMAL: &str = "INVALID_DECIMAL";
    /// A date-time that is not ISO-8601.
    pub const INVALID_DATE: &str = "INVALID_DATE";
    /// A value that does not have the format the model gives (pattern, length).
    pub const INVALID_FORMAT: &str = "INVALID_FORMAT";
    /// Warning: a field the model does not define.
    pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
    // Structure (references, hierarchy, quantities, counts).
    /// The shipment lists no items.
    pub const EMPTY_SHIPMENT: &str = "EMPTY_SHIPMENT";
    /// A quantity that is not a positive whole number.
    pub const INVALID_QUANTITY: &str = "INVALID_QUANTITY";
    /// A Cases quantity without `unitSize`.
    pub const UNIT_SIZE_MISSING: &str = "UNIT_SIZE_MISSING";
    /// Two shipped items with one `itemSequenceNumber`.
    pub const DUPLICATE_ITEM_SEQUENCE_NUMBER: &str = "DUPLICATE_ITEM_SEQUENCE_NUMBER";
    /// Two cartons with one `cartonSequenceNumber`.
    pub const DUPLICATE_CARTON_SEQUENCE_NUMBER: &str = "DUPLICATE_CARTON_SEQUENCE_NUMBER";
    /// A container lists an item sequence number no shipped item has.
    pub const UNRESOLVED_ITEM_REFERENCE: &str = "UNRESOLVED_ITEM_REFERENCE";
    /// A pallet lists a carton that is not in the shipment.
    pub const UNRESOLVED_CARTON_REFERENCE: &str = "UNRESOLVED_CARTON_REFERENCE";
    /// One carton is listed on more than one pallet.
    pub const CARTON_ON_SEVERAL_PALLETS: &str = "CARTON_ON_SEVERAL_PALLETS";
    /// A palletised shipment has a carton on no pallet.
    pub const CARTON_NOT_ON_PALLET: &str = "CARTON_NOT_ON_PALLET";
    /// The containers' contents do not add up to the shipped item, in eaches.
    pub const QUANTITY_MISMATCH: &str = "QUANTITY_MISMATCH";
    /// The containers do not follow the declared `shipmentStructure`.
    pub const HIERARCHY_MISMATCH: &str = "HIERARCHY_MISMATCH";
    /// Warning: no `shipmentStructure`, so the hierarchy cannot be checked.
    pub const MISSING_SHIPMENT_STRUCTURE: &str = "MISSING_SHIPMENT_STRUCTURE";
    /// A declared count (cartons, pallets) differs from the containers listed.
    pub const COUNT_MISMATCH: &str = "COUNT_MISMATCH";
    /// Warning: `shipmentMeasurements` does not give a count.
    pub const MISSING_COUNT: &str = "MISSING_COUNT";
    /// A shipped item without its purchase order number.
    pub const MISSING_PURCHASE_ORDER_NUMBER: &str = "MISSING_PURCHASE_ORDER_NUMBER";
    /// A shipped item with neither ASIN nor vendor product identifier.
    pub const MISSING_PRODUCT_IDENTIFIER: &str = "MISSING_PRODUCT_IDENTIFIER";
    /// A carton holds items of more POs than allowed (5 by default).
    pub const TOO_MANY_PURCHASE_ORDERS_IN_CARTON: &str = "TOO_MANY_PURCHASE_ORDERS_IN_CARTON";
    // Identifiers.
    /// An SSCC that is not 18 digits (with or without the "00" application identifier).
    pub const INVALID_SSCC: &str = "INVALID_SSCC";
    /// An SSCC whose GS1 mod-10 check digit is wrong.
    pub const INVALID_SSCC_CHECK_DIGIT: &str = "INVALID_SSCC_CHECK_DIGIT";
    /// A GTIN that is not 8, 12, 13 or 14 digits.
    pub const INVALID_GTIN: &str = "INVALID_GTIN";
    /// A GTIN whose check digit is wrong.
    pub const INVALID_GTIN_CHECK_DIGIT: &str = "INVALID_GTIN_CHECK_DIGIT";
    /// A carton without an SSCC (or AMZNCC).
    pub const MISSING_CARTON_SSCC: &str = "MISSING_CARTON_SSCC";
    /// One SSCC on two containers of the shipment.
    pub const DUPLICATE_SSCC: &str = "DUPLICATE_SSCC";
    /// An SSCC used in the last 365 days (ledger or earlier ASNs).
    pub const SSCC_REUSED: &str = "SSCC_REUSED";
    /// A shipment identifier already used by an earlier ASN.
    pub const SHIPMENT_IDENTIFIER_REUSED: &str = "SHIPMENT_IDENTIFIER_REUSED";
    // Against purchase orders and acknowledgements.
    /// A purchase order number not among the POs given.
    pub const UNKNOWN_PURCHASE_ORDER: &str = "UNKNOWN_PURCHASE_ORDER";
    /// An item its purchase order does not order.
    pub const ITEM_NOT_ON_PURCHASE_ORDER: &str = "ITEM_NOT_ON_PURCHASE_ORDER";
    /// An item rejected, or never acknowledged, on its PO.
    pub const NOT_ACKNOWLEDGED: &str = "NOT_ACKNOWLEDGED";
    /// More shipped (over this and earlier ASNs) than accepted, or than ordered without
    /// acknowledgements.
    pub const OVERAGE: &str = "OVERAGE";
    /// An item shipped in another unit (or case size) than its PO line.
    pub const UNIT_OF_MEASURE_MISMATCH: &str = "UNIT_OF_MEASURE_MISMATCH";
    /// A ship-to that is not the fulfilment centre of the PO.
    pub const SHIP_TO_MISMATCH: &str = "SHIP_TO_MISMATCH";
    /// Warning: a selling party other than the PO's.
    pub const SELLING_PARTY_MISMATCH: &str = "SELLING_PARTY_MISMATCH";
    /// Amazon collects (a PO with a ship window only) but the ASN has no Amazon reference number.
    pub const MISSING_AMAZON_REFERENCE_NUMBER: &str = "MISSING_AMAZON_REFERENCE_NUMBER";
    // Transport and time.
    /// A carrier SCAC that is not 2-4 capital letters (a carrier name is an error).
    pub const INVALID_SCAC: &str = "INVALID_SCAC";
    /// No carrier SCAC where ship-from and ship-to are in the US, CA or MX.
    pub const MISSING_SCAC: &str = "MISSING_SCAC";
    /// No PRO number where ship-from and ship-to are in the US, CA or MX.
    pub const MISSING_PRO_NUMBER: &str = "MISSING_PRO_NUMBER";
    /// No bill of lading number on a truckload or LTL shipment.
    pub const MISSING_BILL_OF_LADING: &str = "MISSING_BILL_OF_LADING";
    /// A bill of lading number that is a date or one character.
    pub const INVALID_BILL_OF_LADING: &str = "INVALID_BILL_OF_LADING";
    /// Warning: more ASNs for one bill of lading than allowed (100 by default).
    pub const TOO_MANY_ASNS_FOR_BILL_OF_LADING: &str = "TOO_MANY_ASNS_FOR_BILL_OF_LADING";
    /// A small-parcel carton without a tracking number.
    pub const MISSING_TRACKING_NUMBER: &str = "MISSING_TRACKING_NUMBER";
    /// Warning: no `shipmentType`.
    pub const MISSING_SHIPMENT_TYPE: &str = "MISSING_SHIPMENT_TYPE";
    /// No `shippedDate`.
    pub const MISSING_SHIPPED_DATE: &str = "MISSING_SHIPPED_DATE";
    /// Warning: a shipped date further ahead of `now` than allowed (2 days by default).
    pub const SHIPPED_DATE_IN_FUTURE: &str = "SHIPPED_DATE_IN_FUTURE";
    /// A shipped date outside the allowed window around `now` (7 days back by default).
    pub const SHIPPED_DATE_OUT_OF_WINDOW: &str = "SHIPPED_DATE_OUT_OF_WINDOW";
    /// No `estimatedDeliveryDate`.
    pub const MISSING_ESTIMATED_DELIVERY_DATE: &str = "MISSING_ESTIMATED_DELIVERY_DATE";
    /// An estimated delivery before the shipped date.
    pub const DELIVERY_BEFORE_SHIPMENT: &str = "DELIVERY_BEFORE_SHIPMENT";
    /// Warning: the ASN is due (30 minutes after departure, or 6 hours before the appointment), see
    /// `dueAt`.
    pub const ASN_LATE: &str = "ASN_LATE";
    /// Warning: a pallet heavier than allowed (1,500 lb by default).
    pub const PALLET_OVERWEIGHT: &str = "PALLET_OVERWEIGHT";
    // Replace.
    /// A Replace ASN whose original is not among the earlier ASNs.
    pub const REPLACE_WITHOUT_ORIGINAL: &str = "REPLACE_WITHOUT_ORIGINAL";
    /// A Replace ASN with another selling party than its original.
    pub const REPLACE_SELLING_PARTY_CHANGED: &str = "REPLACE_SELLING_PARTY_CHANGED";
    /// A Replace ASN after the replace window (7 days by default).
    pub const REPLACE_WINDOW_EXPIRED: &str = "REPLACE_WINDOW_EXPIRED";
    /// A Replace ASN with more pallets, cartons or units than its original.
    pub const REPLACE_INCREASES_QUANTITY: &str = "REPLACE_INCREASES_QUANTITY";
    // Builder only (paths into the packing data).
    /// Builder: a SKU the SKU map cannot turn into an ASIN or vendor SKU.
    pub const UNKNOWN_PRODUCT: &str = "UNKNOWN_PRODUCT";
    /// Builder: a carton on a pallet id the packing data does not list.
    pub const UNKNOWN_PALLET: &str = "UNKNOWN_PALLET";
    /// Builder: two pallets with one id.
    pub const DUPLICATE_PALLET_ID: &str = "DUPLICATE_PALLET_ID";
    /// Builder: a quantity that is not whole cases of the PO line's case size.
    pub const NOT_WHOLE_CASES: &str = "NOT_WHOLE_CASES";
    /// A container with no contents.
    pub const EMPTY_CONTAINER: &str = "EMPTY_CONTAINER";
    /// Builder: an SSCC could not be generated from `ssccSource`.
    pub const SSCC_GENERATION_FAILED: &str = "SSCC_GENERATION_FAILED";

    /// Every code, validator and builder.
    pub const ALL: &[&str] = &[
        MISSING_REQUIRED_FIELD,
        INVALID_TYPE,
        ENUM_SPELLING,
        UNKNOWN_ENUM_VALUE,
        INVALID_DECIMAL,
        INVALID_DATE,
        INVALID_FORMAT,
        UNKNOWN_FIELD,
        EMPTY_SHIPMENT,
        INVALID_QUANTITY,
        UNIT_SIZE_MISSING,
        DUPLICATE_ITEM_SEQUENCE_NUMBER,
        DUPLICATE_CARTON_SEQUENCE_NUMBER,
        UNRESOLVED_ITEM_REFERENCE,
        UNRESOLVED_CARTON_REFERENCE,
        CARTON_ON_SEVERAL_PALLETS,
        CARTON_NOT_ON_PALLET,
        QUANTITY_MISMATCH,
        HIERARCHY_MISMATCH,
        MISSING_SHIPMENT_STRUCTURE,
        COUNT_MISMATCH,
        MISSING_COUNT,
        MISSING_PURCHASE_ORDER_NUMBER,
        MISSING_PRODUCT_IDENTIFIER,
        TOO_MANY_PURCHASE_ORDERS_IN_CARTON,
        INVALID_SSCC,
        INVALID_SSCC_CHECK_DIGIT,
        INVALID_GTIN,
        INVALID_GTIN_CHECK_DIGIT,
        MISSING_CARTON_SSCC,
        DUPLICATE_SSCC,
        SSCC_REUSED,
        SHIPMENT_IDENTIFIER_REUSED,
        UNKNOWN_PURCHASE_ORDER,
        ITEM_NOT_ON_PURCHASE_ORDER,
        NOT_ACKNOWLEDGED,
        OVERAGE,
        UNIT_OF_MEASURE_MISMATCH,
        SHIP_TO_MISMATCH,
        SELLING_PARTY_MISMATCH,
        MISSING_AMAZON_REFERENCE_NUMBER,
        INVALID_SCAC,
        MISSING_SCAC,
        MISSING_PRO_NUMBER,
        MISSING_BILL_OF_LADING,
        INVALID_BILL_OF_LADING,
        TOO_MANY_ASNS_FOR_BILL_OF_LADING,
        MISSING_TRACKING_NUMBER,
        MISSING_SHIPMENT_TYPE,
        MISSING_SHIPPED_DATE,
        SHIPPED_DATE_IN_FUTURE,
        SHIPPED_DATE_OUT_OF_WINDOW,
        MISSING_ESTIMATED_DELIVERY_DATE,
        DELIVERY_BEFORE_SHIPMENT,
        ASN_LATE,
        PALLET_OVERWEIGHT,
        REPLACE_WITHOUT_ORIGINAL,
        REPLACE_SELLING_PARTY_CHANGED,
        REPLACE_WINDOW_EXPIRED,
        REPLACE_INCREASES_QUANTITY,
        UNKNOWN_PRODUCT,
        UNKNOWN_PALLET,
        DUPLICATE_PALLET_ID,
        NOT_WHOLE_CASES,
        EMPTY_CONTAINER,
        SSCC_GENERATION_FAILED,
    ];

    /// Codes the validator emits as warnings; every other code is an error.
    pub const WARNINGS: &[&str] = &[
        UNKNOWN_FIELD,
        MISSING_SHIPMENT_STRUCTURE,
        MISSING_COUNT,
        SELLING_PARTY_MISMATCH,
        TOO_MANY_ASNS_FOR_BILL_OF_LADING,
        MISSING_SHIPMENT_TYPE,
        SHIPPED_DATE_IN_FUTURE,
        ASN_LATE,
        PALLET_OVERWEIGHT,
    ];
}
