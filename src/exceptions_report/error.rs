//! Errors of `exceptionsReport`.

use serde_json::Value;

use crate::error::{CodedError, InputError};

/// An error of `exceptionsReport` / `readExceptionsReport`, with a stable code and a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// A money-at-risk total beyond the decimal range.
    #[error("money at risk overflows when totalled (at {path})")]
    AmountOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl CodedError for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::Input(e) => e.code(),
            ReportError::AmountOverflow { .. } => "AMOUNT_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            ReportError::Input(e) => e.path(),
            ReportError::AmountOverflow { path } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            ReportError::Input(e) => e.details(),
            ReportError::AmountOverflow { .. } => Value::Null,
        }
    }
}
