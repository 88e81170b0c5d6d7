//! Errors of `decideAcknowledgements`: input that cannot be decided on at all.
//!
//! A problem with one PO or line that a person can settle is an [`crate::exceptions::Exception`]
//! instead, and the rest of the batch is still decided.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};
use crate::stock::StockError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AckError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The same PO twice in one batch: which one is current cannot be known.
    #[error("purchase order {number} appears more than once in the batch (again at {path})")]
    DuplicatePurchaseOrder { path: String, number: String },
    #[error(transparent)]
    Stock(#[from] StockError),
    /// A quantity whose eaches do not fit in 64 bits.
    #[error("quantity at {path} overflows when converted to eaches")]
    QuantityOverflow { path: String },
}

impl CodedError for AckError {
    fn code(&self) -> &'static str {
        match self {
            AckError::Input(e) => e.code(),
            AckError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            AckError::Stock(e) => e.code(),
            AckError::Catalog(e) => e.code(),
            AckError::QuantityOverflow { .. } => "QUANTITY_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            AckError::Input(e) => e.path(),
            AckError::Catalog(e) => e.path(),
            AckError::Stock(e) => e.path(),
            AckError::DuplicatePurchaseOrder { path, .. } | AckError::QuantityOverflow { path } => {
                path.clone()
            }
        }
    }

    fn details(&self) -> Value {
        match self {
            AckError::Input(e) => e.details(),
            AckError::Catalog(e) => e.details(),
            AckError::Stock(e) => e.details(),
            AckError::DuplicatePurchaseOrder { number, .. } => {
                json!({ "purchaseOrderNumber": number })
            }
            AckError::QuantityOverflow { .. } => Value::Null,
        }
    }
}
