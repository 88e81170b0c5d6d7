//! Errors of the shipment functions: input that cannot be worked on at all. Everything a person
//! can fix in the ASN or the packing data is a [`super::ShipmentIssue`] instead.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};

/// An error of the shipment engines: input that cannot be worked on at all (problems of the ASN are
/// issues).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShipmentError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The same PO twice in `purchaseOrders`: which one is current cannot be known.
    #[error("purchase order {number} appears more than once (again at {path})")]
    DuplicatePurchaseOrder {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The purchase order number.
        number: String,
    },
    /// A date in the context (not in the ASN) that does not parse.
    #[error("invalid date-time at {path}: {message}")]
    InvalidDate {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
}

impl CodedError for ShipmentError {
    fn code(&self) -> &'static str {
        match self {
            ShipmentError::Input(e) => e.code(),
            ShipmentError::Catalog(e) => e.code(),
            ShipmentError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            ShipmentError::InvalidDate { .. } => "INVALID_DATE",
        }
    }

    fn path(&self) -> String {
        match self {
            ShipmentError::Input(e) => e.path(),
            ShipmentError::Catalog(e) => e.path(),
            ShipmentError::DuplicatePurchaseOrder { path, .. }
            | ShipmentError::InvalidDate { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            ShipmentError::Input(e) => e.details(),
            ShipmentError::Catalog(e) => e.details(),
            ShipmentError::DuplicatePurchaseOrder { number, .. } => {
                json!({ "purchaseOrderNumber": number })
            }
            ShipmentError::InvalidDate { message, .. } => json!({ "message": message }),
        }
    }
}
