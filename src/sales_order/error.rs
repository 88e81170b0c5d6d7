//! Errors of `toSalesOrders` and `diffPurchaseOrder`: input that cannot be turned into sales
//! orders or a diff at all. A PO or line a person can fix is an exception instead.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};

/// An error of `toSalesOrders` / `diffPurchaseOrder`, with a stable code and a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SalesOrderError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The same PO twice in one batch: which one is current cannot be known.
    #[error("purchase order {number} appears more than once in the batch (again at {path})")]
    DuplicatePurchaseOrder {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The purchase order number.
        number: String,
    },
    /// The same fulfilment centre mapped twice.
    #[error("fulfilment centre {fulfillment_center} is mapped more than once (again at {path})")]
    DuplicateLocationMapping {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The fulfilment centre mapped twice.
        fulfillment_center: String,
    },
    /// Two customer rows with the same vendor code and buying party.
    #[error("two customer rows match the same vendor code and buying party (again at {path})")]
    DuplicateCustomerMapping {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// A customer row with neither `vendorCode` nor `buyingParty` would match every PO.
    #[error("customer row at {path} has neither vendorCode nor buyingParty")]
    CustomerMappingWithoutKey {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// The same SKU twice in `skuRules`.
    #[error("SKU {sku} has more than one rule (again at {path})")]
    DuplicateSkuRule {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// A `presetFieldIds` key that is not one of the preset's custom fields.
    #[error("`{field}` is not a custom field of the preset (at {path})")]
    UnknownPresetField {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The field's name.
        field: String,
    },
    /// A quantity whose eaches do not fit in 64 bits.
    #[error("quantity at {path} overflows when converted to eaches")]
    QuantityOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// A line amount or total beyond the decimal range.
    #[error("amount at {path} overflows")]
    AmountOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// `previous` and `current` are different POs.
    #[error("previous is PO {previous} but current is PO {current}")]
    PurchaseOrderMismatch {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The previous PO's number.
        previous: String,
        /// The current PO's number.
        current: String,
    },
    /// A PO without `orderDetails` (fetched with includeDetails=false) cannot be compared.
    #[error("PO at {path} has no orderDetails: fetch it with getPurchaseOrder")]
    OrderDetailsMissing {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// Two lines with the same `itemSequenceNumber` in one PO: lines are matched by it.
    #[error("item sequence number {sequence} appears twice in one PO (again at {path})")]
    DuplicateLine {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// A change list that cannot be applied to the given PO.
    #[error("change at {path} cannot be applied: {message}")]
    InvalidChange {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
}

impl CodedError for SalesOrderError {
    fn code(&self) -> &'static str {
        match self {
            SalesOrderError::Input(e) => e.code(),
            SalesOrderError::Catalog(e) => e.code(),
            SalesOrderError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            SalesOrderError::DuplicateLocationMapping { .. } => "DUPLICATE_LOCATION_MAPPING",
            SalesOrderError::DuplicateCustomerMapping { .. } => "DUPLICATE_CUSTOMER_MAPPING",
            SalesOrderError::CustomerMappingWithoutKey { .. } => "CUSTOMER_MAPPING_WITHOUT_KEY",
            SalesOrderError::DuplicateSkuRule { .. } => "DUPLICATE_SKU_RULE",
            SalesOrderError::UnknownPresetField { .. } => "UNKNOWN_PRESET_FIELD",
            SalesOrderError::QuantityOverflow { .. } => "QUANTITY_OVERFLOW",
            SalesOrderError::AmountOverflow { .. } => "AMOUNT_OVERFLOW",
            SalesOrderError::PurchaseOrderMismatch { .. } => "PURCHASE_ORDER_MISMATCH",
            SalesOrderError::OrderDetailsMissing { .. } => "ORDER_DETAILS_MISSING",
            SalesOrderError::DuplicateLine { .. } => "DUPLICATE_LINE",
            SalesOrderError::InvalidChange { .. } => "INVALID_CHANGE",
        }
    }

    fn path(&self) -> String {
        match self {
            SalesOrderError::Input(e) => e.path(),
            SalesOrderError::Catalog(e) => e.path(),
            SalesOrderError::DuplicatePurchaseOrder { path, .. }
            | SalesOrderError::DuplicateLocationMapping { path, .. }
            | SalesOrderError::DuplicateCustomerMapping { path }
            | SalesOrderError::CustomerMappingWithoutKey { path }
            | SalesOrderError::DuplicateSkuRule { path, .. }
            | SalesOrderError::UnknownPresetField { path, .. }
            | SalesOrderError::QuantityOverflow { path }
            | SalesOrderError::AmountOverflow { path }
            | SalesOrderError::PurchaseOrderMismatch { path, .. }
            | SalesOrderError::OrderDetailsMissing { path }
            | SalesOrderError::DuplicateLine { path, .. }
            | SalesOrderError::InvalidChange { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            SalesOrderError::Input(e) => e.details(),
            SalesOrderError::Catalog(e) => e.details(),
            SalesOrderError::DuplicatePurchaseOrder { number, .. } => {
                json!({ "purchaseOrderNumber": number })
            }
            SalesOrderError::DuplicateLocationMapping {
                fulfillment_center, ..
            } => json!({ "fulfillmentCenter": fulfillment_center }),
            SalesOrderError::DuplicateSkuRule { sku, .. } => json!({ "sku": sku }),
            SalesOrderError::UnknownPresetField { field, .. } => json!({ "field": field }),
            SalesOrderError::PurchaseOrderMismatch {
                previous, current, ..
            } => json!({ "previous": previous, "current": current }),
            SalesOrderError::DuplicateLine { sequence, .. } => {
                json!({ "itemSequenceNumber": sequence })
            }
            SalesOrderError::InvalidChange { message, .. } => json!({ "message": message }),
            SalesOrderError::DuplicateCustomerMapping { .. }
            | SalesOrderError::CustomerMappingWithoutKey { .. }
            | SalesOrderError::QuantityOverflow { .. }
            | SalesOrderError::AmountOverflow { .. }
            | SalesOrderError::OrderDetailsMissing { .. } => Value::Null,
        }
    }
}
