//! Errors of `buildInvoice`: input that cannot be read at all. A document that cannot be built
//! as asked is refused with issues instead, and the rest of the batch is still built.

use serde_json::Value;

use super::po_book::BookError;
use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};

/// An error of `buildInvoice`: input that cannot be read at all (a document that cannot be built is
/// refused with issues instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The purchase orders or acknowledgements are inconsistent.
    #[error(transparent)]
    Book(#[from] BookError),
}

impl CodedError for InvoiceError {
    fn code(&self) -> &'static str {
        match self {
            InvoiceError::Input(e) => e.code(),
            InvoiceError::Catalog(e) => e.code(),
            InvoiceError::Book(e) => e.code(),
        }
    }

    fn path(&self) -> String {
        match self {
            InvoiceError::Input(e) => e.path(),
            InvoiceError::Catalog(e) => e.path(),
            InvoiceError::Book(e) => e.path(),
        }
    }

    fn details(&self) -> Value {
        match self {
            InvoiceError::Input(e) => e.details(),
            InvoiceError::Catalog(e) => e.details(),
            InvoiceError::Book(e) => e.details(),
        }
    }
}
