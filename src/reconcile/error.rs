//! Errors of `reconcile`: input that cannot be reconciled at all. A currency mismatch is one:
//! amounts in two currencies are never compared or converted by guess.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};
use crate::invoice::po_book::BookError;

/// An error of `reconcile`: input that cannot be worked on, with a stable code and a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReconcileError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The purchase orders or acknowledgements are inconsistent.
    #[error(transparent)]
    Book(#[from] BookError),
    /// Two documents that must share a currency do not.
    #[error("currency {found} at {path} does not match {expected} of {against}")]
    CurrencyMismatch {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What was expected.
        expected: String,
        /// What was found.
        found: String,
        /// What it was compared with.
        against: String,
        /// CSV line, when the row came from the remittance CSV.
        row: Option<usize>,
    },
    /// The remittance CSV cannot be read at all (no header, a required column missing).
    #[error("{message}")]
    RemittanceCsv {
        /// What is wrong, in words.
        message: String,
    },
    /// An amount too large to add exactly.
    #[error("amounts overflow at {path}")]
    AmountOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl CodedError for ReconcileError {
    fn code(&self) -> &'static str {
        match self {
            ReconcileError::Input(e) => e.code(),
            ReconcileError::Catalog(e) => e.code(),
            ReconcileError::Book(e) => e.code(),
            ReconcileError::CurrencyMismatch { .. } => "CURRENCY_MISMATCH",
            ReconcileError::RemittanceCsv { .. } => "INVALID_REMITTANCE_CSV",
            ReconcileError::AmountOverflow { .. } => "AMOUNT_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            ReconcileError::Input(e) => e.path(),
            ReconcileError::Catalog(e) => e.path(),
            ReconcileError::Book(e) => e.path(),
            ReconcileError::CurrencyMismatch { path, .. }
            | ReconcileError::AmountOverflow { path } => path.clone(),
            ReconcileError::RemittanceCsv { .. } => "/remittanceCsv/text".to_string(),
        }
    }

    fn details(&self) -> Value {
        match self {
            ReconcileError::Input(e) => e.details(),
            ReconcileError::Catalog(e) => e.details(),
            ReconcileError::Book(e) => e.details(),
            ReconcileError::CurrencyMismatch {
                expected,
                found,
                against,
                row,
                ..
            } => {
                let mut details =
                    json!({ "expected": expected, "found": found, "against": against });
                if let (Some(row), Some(map)) = (row, details.as_object_mut()) {
                    map.insert("row".to_string(), json!(row));
                    map.insert("column".to_string(), json!("currencyCode"));
                }
                details
            }
            ReconcileError::RemittanceCsv { .. } | ReconcileError::AmountOverflow { .. } => {
                Value::Null
            }
        }
    }
}
