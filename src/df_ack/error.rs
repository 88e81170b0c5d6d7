//! Errors of `decideDirectFulfillmentAcknowledgements`: input that cannot be decided on at all.
//!
//! A problem with one order that Amazon's codes cover cancels that order; one a person must fix
//! blocks it with an [`crate::exceptions::Exception`]; the rest of the batch is still decided.
//!
//! Personal data: serde's messages quote the offending value ("invalid type: integer `94086`,
//! expected a string"). When the value sits in the customer's address, a gift message or a
//! customisation link, the message is replaced before it can reach a log.

use serde_json::Value;

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};
use crate::stock::StockError;

/// An error of `decideDirectFulfillmentAcknowledgements`, with a stable code and a JSON pointer
/// (never a personal value).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DfAckError {
    /// Built only through `From<InputError>`, which withholds personal values.
    #[error(transparent)]
    Input(InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The inventory is inconsistent.
    #[error(transparent)]
    Stock(#[from] StockError),
    /// A date the decision depends on (order date, required ship date) does not parse.
    #[error("invalid date-time at {path}: {message}")]
    InvalidDate {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
}

/// JSON-pointer segments under which an order holds the customer's personal data.
const PERSONAL_SEGMENTS: &[&str] = &[
    "/shipToParty",
    "/billToParty",
    "/giftDetails",
    "/buyerCustomizedInfo",
    "/messageToCustomer",
];

/// True when `path` points into personal data of a DF order.
pub(crate) fn is_personal_path(path: &str) -> bool {
    PERSONAL_SEGMENTS.iter().any(|segment| {
        path.match_indices(segment).any(|(i, _)| {
            let rest = path
                .get(i..)
                .and_then(|from| from.get(segment.len()..))
                .unwrap_or("");
            rest.is_empty() || rest.starts_with('/')
        })
    })
}

const WITHHELD: &str = "the value is withheld because it is the customer's personal data";

impl From<InputError> for DfAckError {
    fn from(error: InputError) -> Self {
        DfAckError::Input(withhold_personal(error))
    }
}

/// `error` with its message replaced when it points into personal data of a DF order (serde
/// quotes the offending value). Shared by every DF engine.
pub(crate) fn withhold_personal(error: InputError) -> InputError {
    if !is_personal_path(&error.path()) {
        return error;
    }
    let message = WITHHELD.to_string();
    match error {
        InputError::InvalidType { path, .. } => InputError::InvalidType { path, message },
        InputError::UnknownEnum { path, .. } => InputError::UnknownEnum { path, message },
        InputError::InvalidDecimal { path, .. } => InputError::InvalidDecimal { path, message },
        InputError::InvalidDate { path, .. } => InputError::InvalidDate { path, message },
        InputError::InvalidValue { path, .. } => InputError::InvalidValue { path, message },
        other => other,
    }
}

impl CodedError for DfAckError {
    fn code(&self) -> &'static str {
        match self {
            DfAckError::Input(e) => e.code(),
            DfAckError::Catalog(e) => e.code(),
            DfAckError::Stock(e) => e.code(),
            DfAckError::InvalidDate { .. } => "INVALID_DATE",
        }
    }

    fn path(&self) -> String {
        match self {
            DfAckError::Input(e) => e.path(),
            DfAckError::Catalog(e) => e.path(),
            DfAckError::Stock(e) => e.path(),
            DfAckError::InvalidDate { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            DfAckError::Input(e) => e.details(),
            DfAckError::Catalog(e) => e.details(),
            DfAckError::Stock(e) => e.details(),
            DfAckError::InvalidDate { message, .. } => serde_json::json!({ "message": message }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_paths_are_recognised_by_whole_segment() {
        assert!(is_personal_path(
            "/orders/0/orderDetails/shipToParty/postalCode"
        ));
        assert!(is_personal_path("/orders/3/orderDetails/shipToParty"));
        assert!(is_personal_path(
            "/orders/0/orderDetails/items/1/giftDetails/giftMessage"
        ));
        assert!(!is_personal_path("/orders/0/orderDetails/shipToPartyX"));
        assert!(!is_personal_path("/orders/0/orderDetails/orderDate"));
    }

    #[test]
    fn personal_values_are_withheld_from_messages() {
        let error = InputError::InvalidType {
            path: "/orders/0/orderDetails/shipToParty/postalCode".to_string(),
            message: "invalid type: integer `94086`, expected a string".to_string(),
        };
        let error = DfAckError::from(error);
        assert_eq!(error.code(), "INVALID_TYPE");
        assert!(!error.to_string().contains("94086"));
        assert!(!error.details().to_string().contains("94086"));
    }
}
