//! Errors of `chargebackExposure`.

use serde_json::Value;

use crate::error::{CodedError, InputError};

/// Why `chargebackExposure` refused its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChargebackError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// An amount beyond the decimal range.
    #[error("an amount overflows (at {path})")]
    AmountOverflow {
        /// JSON pointer to the amount in the input.
        path: String,
    },
}

impl CodedError for ChargebackError {
    fn code(&self) -> &'static str {
        match self {
            ChargebackError::Input(e) => e.code(),
            ChargebackError::AmountOverflow { .. } => "AMOUNT_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            ChargebackError::Input(e) => e.path(),
            ChargebackError::AmountOverflow { path } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            ChargebackError::Input(e) => e.details(),
            ChargebackError::AmountOverflow { .. } => Value::Null,
        }
    }
}
