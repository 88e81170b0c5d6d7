//! Errors of `decideAcknowledgements`: input that cannot be decided on at all.
//!
//! A problem with one PO or line that a person can settle is an [`crate::exceptions::Exception`]
//! instead, and the rest of the batch is still decided.

use serde_json::{Value, json};

use crate::error::{CodedError, InputError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AckError {
    #[error(transparent)]
    Input(#[from] InputError),
    /// The same PO twice in one batch: which one is current cannot be known.
    #[error("purchase order {number} appears more than once in the batch (again at {path})")]
    DuplicatePurchaseOrder { path: String, number: String },
    /// The same ERP SKU twice in `inventory` or `skuMap`.
    #[error("SKU {sku} appears more than once (again at {path})")]
    DuplicateSku { path: String, sku: String },
    /// One Amazon identifier mapped to two ERP SKUs: the line could be given the wrong stock.
    #[error("identifier {identifier} maps to both {first_sku} and {second_sku} (at {path})")]
    AmbiguousMapping {
        path: String,
        identifier: String,
        first_sku: String,
        second_sku: String,
    },
    /// Inventory must give either `available` or `onHand`.
    #[error("inventory position for {sku} has neither `available` nor `onHand` (at {path})")]
    MissingStockQuantity { path: String, sku: String },
    /// A quantity whose eaches do not fit in 64 bits.
    #[error("quantity at {path} overflows when converted to eaches")]
    QuantityOverflow { path: String },
}

impl CodedError for AckError {
    fn code(&self) -> &'static str {
        match self {
            AckError::Input(e) => e.code(),
            AckError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            AckError::DuplicateSku { .. } => "DUPLICATE_SKU",
            AckError::AmbiguousMapping { .. } => "AMBIGUOUS_SKU_MAPPING",
            AckError::MissingStockQuantity { .. } => "MISSING_STOCK_QUANTITY",
            AckError::QuantityOverflow { .. } => "QUANTITY_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            AckError::Input(e) => e.path(),
            AckError::DuplicatePurchaseOrder { path, .. }
            | AckError::DuplicateSku { path, .. }
            | AckError::AmbiguousMapping { path, .. }
            | AckError::MissingStockQuantity { path, .. }
            | AckError::QuantityOverflow { path } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            AckError::Input(e) => e.details(),
            AckError::DuplicatePurchaseOrder { number, .. } => {
                json!({ "purchaseOrderNumber": number })
            }
            AckError::DuplicateSku { sku, .. } | AckError::MissingStockQuantity { sku, .. } => {
                json!({ "sku": sku })
            }
            AckError::AmbiguousMapping {
                identifier,
                first_sku,
                second_sku,
                ..
            } => json!({ "identifier": identifier, "skus": [first_sku, second_sku] }),
            AckError::QuantityOverflow { .. } => Value::Null,
        }
    }
}
