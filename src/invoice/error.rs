//! Errors of `buildInvoice`: input that cannot be read at all. A document that cannot be built
//! as asked is refused with issues instead, and the rest of the batch is still built.

use serde_json::Value;

use super::po_book::BookError;
use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
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
