//! The one issue shape of the shipment engines: `code`, `severity`, a JSON-pointer `path` to
//! the field a person must fix (so a form can show the message next to it), `message`, and
//! `dueAt` where a deadline applies.

use serde::{Deserialize, Serialize};

wire_enum! {
    /// `error` blocks submission (Amazon rejects the ASN or it cannot match the shipment);
    /// `warning` is a chargeback risk the shipper may accept knowingly.
    IssueSeverity {
        Error = "error",
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
    pub fn error(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, IssueSeverity::Error, path.into(), message.into())
    }

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

    pub fn is_error(&self) -> bool {
        self.severity == IssueSeverity::Error
    }
}

/// Every issue code, with its severity. Stable once released.
pub mod codes {
    // Structure (the model's schema).
    pub const MISSING_REQUIRED_FIELD: &str = "MISSING_REQUIRED_FIELD";
    pub const INVALID_TYPE: &str = "INVALID_TYPE";
    pub const ENUM_SPELLING: &str = "ENUM_SPELLING";
    pub const UNKNOWN_ENUM_VALUE: &str = "UNKNOWN_ENUM_VALUE";
    pub const INVALID_DECIMAL: &str = "INVALID_DECIMAL";
    pub const INVALID_DATE: &str = "INVALID_DATE";
    pub const INVALID_FORMAT: &str = "INVALID_FORMAT";
    pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
    // Structure (references, hierarchy, quantities, counts).
    pub const EMPTY_SHIPMENT: &str = "EMPTY_SHIPMENT";
    pub const INVALID_QUANTITY: &str = "INVALID_QUANTITY";
    pub const UNIT_SIZE_MISSING: &str = "UNIT_SIZE_MISSING";
    pub const DUPLICATE_ITEM_SEQUENCE_NUMBER: &str = "DUPLICATE_ITEM_SEQUENCE_NUMBER";
    pub const DUPLICATE_CARTON_SEQUENCE_NUMBER: &str = "DUPLICATE_CARTON_SEQUENCE_NUMBER";
    pub const UNRESOLVED_ITEM_REFERENCE: &str = "UNRESOLVED_ITEM_REFERENCE";
    pub const UNRESOLVED_CARTON_REFERENCE: &str = "UNRESOLVED_CARTON_REFERENCE";
    pub const CARTON_ON_SEVERAL_PALLETS: &str = "CARTON_ON_SEVERAL_PALLETS";
    pub const CARTON_NOT_ON_PALLET: &str = "CARTON_NOT_ON_PALLET";
    pub const QUANTITY_MISMATCH: &str = "QUANTITY_MISMATCH";
    pub const HIERARCHY_MISMATCH: &str = "HIERARCHY_MISMATCH";
    pub const MISSING_SHIPMENT_STRUCTURE: &str = "MISSING_SHIPMENT_STRUCTURE";
    pub const COUNT_MISMATCH: &str = "COUNT_MISMATCH";
    pub const MISSING_COUNT: &str = "MISSING_COUNT";
    pub const MISSING_PURCHASE_ORDER_NUMBER: &str = "MISSING_PURCHASE_ORDER_NUMBER";
    pub const MISSING_PRODUCT_IDENTIFIER: &str = "MISSING_PRODUCT_IDENTIFIER";
    pub const TOO_MANY_PURCHASE_ORDERS_IN_CARTON: &str = "TOO_MANY_PURCHASE_ORDERS_IN_CARTON";
    // Identifiers.
    pub const INVALID_SSCC: &str = "INVALID_SSCC";
    pub const INVALID_SSCC_CHECK_DIGIT: &str = "INVALID_SSCC_CHECK_DIGIT";
    pub const INVALID_GTIN: &str = "INVALID_GTIN";
    pub const INVALID_GTIN_CHECK_DIGIT: &str = "INVALID_GTIN_CHECK_DIGIT";
    pub const MISSING_CARTON_SSCC: &str = "MISSING_CARTON_SSCC";
    pub const DUPLICATE_SSCC: &str = "DUPLICATE_SSCC";
    pub const SSCC_REUSED: &str = "SSCC_REUSED";
    pub const SHIPMENT_IDENTIFIER_REUSED: &str = "SHIPMENT_IDENTIFIER_REUSED";
    // Against purchase orders and acknowledgements.
    pub const UNKNOWN_PURCHASE_ORDER: &str = "UNKNOWN_PURCHASE_ORDER";
    pub const ITEM_NOT_ON_PURCHASE_ORDER: &str = "ITEM_NOT_ON_PURCHASE_ORDER";
    pub const NOT_ACKNOWLEDGED: &str = "NOT_ACKNOWLEDGED";
    pub const OVERAGE: &str = "OVERAGE";
    pub const UNIT_OF_MEASURE_MISMATCH: &str = "UNIT_OF_MEASURE_MISMATCH";
    pub const SHIP_TO_MISMATCH: &str = "SHIP_TO_MISMATCH";
    pub const SELLING_PARTY_MISMATCH: &str = "SELLING_PARTY_MISMATCH";
    pub const MISSING_AMAZON_REFERENCE_NUMBER: &str = "MISSING_AMAZON_REFERENCE_NUMBER";
    // Transport and time.
    pub const INVALID_SCAC: &str = "INVALID_SCAC";
    pub const MISSING_SCAC: &str = "MISSING_SCAC";
    pub const MISSING_PRO_NUMBER: &str = "MISSING_PRO_NUMBER";
    pub const MISSING_BILL_OF_LADING: &str = "MISSING_BILL_OF_LADING";
    pub const INVALID_BILL_OF_LADING: &str = "INVALID_BILL_OF_LADING";
    pub const TOO_MANY_ASNS_FOR_BILL_OF_LADING: &str = "TOO_MANY_ASNS_FOR_BILL_OF_LADING";
    pub const MISSING_TRACKING_NUMBER: &str = "MISSING_TRACKING_NUMBER";
    pub const MISSING_SHIPMENT_TYPE: &str = "MISSING_SHIPMENT_TYPE";
    pub const MISSING_SHIPPED_DATE: &str = "MISSING_SHIPPED_DATE";
    pub const SHIPPED_DATE_IN_FUTURE: &str = "SHIPPED_DATE_IN_FUTURE";
    pub const SHIPPED_DATE_OUT_OF_WINDOW: &str = "SHIPPED_DATE_OUT_OF_WINDOW";
    pub const MISSING_ESTIMATED_DELIVERY_DATE: &str = "MISSING_ESTIMATED_DELIVERY_DATE";
    pub const DELIVERY_BEFORE_SHIPMENT: &str = "DELIVERY_BEFORE_SHIPMENT";
    pub const ASN_LATE: &str = "ASN_LATE";
    pub const PALLET_OVERWEIGHT: &str = "PALLET_OVERWEIGHT";
    // Replace.
    pub const REPLACE_WITHOUT_ORIGINAL: &str = "REPLACE_WITHOUT_ORIGINAL";
    pub const REPLACE_SELLING_PARTY_CHANGED: &str = "REPLACE_SELLING_PARTY_CHANGED";
    pub const REPLACE_WINDOW_EXPIRED: &str = "REPLACE_WINDOW_EXPIRED";
    pub const REPLACE_INCREASES_QUANTITY: &str = "REPLACE_INCREASES_QUANTITY";
    // Builder only (paths into the packing data).
    pub const UNKNOWN_PRODUCT: &str = "UNKNOWN_PRODUCT";
    pub const UNKNOWN_PALLET: &str = "UNKNOWN_PALLET";
    pub const DUPLICATE_PALLET_ID: &str = "DUPLICATE_PALLET_ID";
    pub const NOT_WHOLE_CASES: &str = "NOT_WHOLE_CASES";
    pub const EMPTY_CONTAINER: &str = "EMPTY_CONTAINER";
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
