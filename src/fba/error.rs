//! Errors of `routeFulfillment` and `applyFulfillmentEvent`: input that cannot be decided on.
//!
//! A problem a person can settle (too little FBA stock, an unmapped shipping speed, Amazon
//! refusing a fulfillment order) is an [`crate::exceptions::Exception`] in the output instead.
//!
//! Ship-to addresses are personal data. serde's messages quote the offending value
//! (`invalid type: integer `48084`, expected a string`), so input errors inside an address are
//! rewritten here without the value: the path and the field name are enough to fix them.

use serde_json::{Value, json};

use crate::error::{CodedError, InputError};

/// JSON keys whose subtree holds personal data (addresses, e-mail addresses).
const PERSONAL_DATA_KEYS: &[&str] = &[
    "shipTo",
    "destinationAddress",
    "shipToAddress",
    "returnToAddress",
    "notificationEmails",
    "eventAddress",
];

/// What replaces serde's message for a value inside personal data.
const WITHHELD: &str = "the value is personal data and is not repeated here";

/// An error of `routeFulfillment` / `applyFulfillmentEvent`, with a stable code and a JSON pointer
/// (never a value from an address).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FbaError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(InputError),
    /// Two order lines with the same line id (explicit, or the 1-based position of a line
    /// without one): Amazon's item ids and the packages would be ambiguous.
    #[error("line id {line_id} appears more than once in the order (again at {path})")]
    DuplicateLineId {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The order line's id.
        line_id: String,
    },
    /// The same seller SKU twice in the FBA stock.
    #[error("SKU {sku} appears more than once in the FBA stock (again at {path})")]
    DuplicateFbaSku {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// A channel listed both as forbidding FBA and as fulfilled by Amazon.
    #[error("channel {channel} is listed both in forbidFba and in amazonFulfilled (at {path})")]
    ConflictingChannelRules {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The channel named in both lists.
        channel: String,
    },
    /// Another package of `otherPackages` belongs to a different order.
    #[error("package at {path} belongs to order {found}, not to order {expected}")]
    PackageOrderMismatch {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What was expected.
        expected: String,
        /// What was found.
        found: String,
    },
    /// The same package id twice among `package` and `otherPackages`.
    #[error("package {package_id} appears more than once (again at {path})")]
    DuplicatePackage {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The package's id.
        package_id: String,
    },
    /// An event that only applies to the other kind of package (FBA vs own warehouse).
    #[error("the event at {path} applies to {expected} packages only")]
    PackageKindMismatch {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What was expected.
        expected: &'static str,
    },
    /// Amazon's answer is about a different fulfillment order than the package's.
    #[error(
        "the answer at {path} is about fulfillment order {found}, the package was sent as {expected}"
    )]
    FulfillmentOrderMismatch {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What was expected.
        expected: String,
        /// What was found.
        found: String,
    },
    /// An Amazon answer with neither `payload` nor `errors`.
    #[error("the answer at {path} has neither a payload nor errors")]
    EventWithoutPayload {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl From<InputError> for FbaError {
    /// Wraps an input error, withholding the quoted value when it lies inside personal data.
    fn from(error: InputError) -> Self {
        FbaError::Input(redact_personal_data(error))
    }
}

/// True when a JSON pointer runs through a key that holds personal data.
pub(crate) fn is_personal_data_path(path: &str) -> bool {
    path.split('/')
        .any(|segment| PERSONAL_DATA_KEYS.contains(&segment))
}

fn redact_personal_data(error: InputError) -> InputError {
    let withheld = || WITHHELD.to_string();
    match error {
        InputError::InvalidType { path, .. } if is_personal_data_path(&path) => {
            InputError::InvalidType {
                path,
                message: withheld(),
            }
        }
        InputError::UnknownEnum { path, .. } if is_personal_data_path(&path) => {
            InputError::UnknownEnum {
                path,
                message: withheld(),
            }
        }
        InputError::InvalidDecimal { path, .. } if is_personal_data_path(&path) => {
            InputError::InvalidDecimal {
                path,
                message: withheld(),
            }
        }
        InputError::InvalidDate { path, .. } if is_personal_data_path(&path) => {
            InputError::InvalidDate {
                path,
                message: withheld(),
            }
        }
        InputError::InvalidValue { path, .. } if is_personal_data_path(&path) => {
            InputError::InvalidValue {
                path,
                message: withheld(),
            }
        }
        other => other,
    }
}

impl CodedError for FbaError {
    fn code(&self) -> &'static str {
        match self {
            FbaError::Input(e) => e.code(),
            FbaError::DuplicateLineId { .. } => "DUPLICATE_LINE_ID",
            FbaError::DuplicateFbaSku { .. } => "DUPLICATE_FBA_SKU",
            FbaError::ConflictingChannelRules { .. } => "CONFLICTING_CHANNEL_RULES",
            FbaError::PackageOrderMismatch { .. } => "PACKAGE_ORDER_MISMATCH",
            FbaError::DuplicatePackage { .. } => "DUPLICATE_PACKAGE",
            FbaError::PackageKindMismatch { .. } => "PACKAGE_KIND_MISMATCH",
            FbaError::FulfillmentOrderMismatch { .. } => "FULFILLMENT_ORDER_MISMATCH",
            FbaError::EventWithoutPayload { .. } => "EVENT_WITHOUT_PAYLOAD",
        }
    }

    fn path(&self) -> String {
        match self {
            FbaError::Input(e) => e.path(),
            FbaError::DuplicateLineId { path, .. }
            | FbaError::DuplicateFbaSku { path, .. }
            | FbaError::ConflictingChannelRules { path, .. }
            | FbaError::PackageOrderMismatch { path, .. }
            | FbaError::DuplicatePackage { path, .. }
            | FbaError::PackageKindMismatch { path, .. }
            | FbaError::FulfillmentOrderMismatch { path, .. }
            | FbaError::EventWithoutPayload { path } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            FbaError::Input(e) => e.details(),
            FbaError::DuplicateLineId { line_id, .. } => json!({ "lineId": line_id }),
            FbaError::DuplicateFbaSku { sku, .. } => json!({ "sku": sku }),
            FbaError::ConflictingChannelRules { channel, .. } => json!({ "channel": channel }),
            FbaError::PackageOrderMismatch {
                expected, found, ..
            } => json!({ "expected": expected, "found": found }),
            FbaError::DuplicatePackage { package_id, .. } => json!({ "packageId": package_id }),
            FbaError::PackageKindMismatch { expected, .. } => json!({ "expected": expected }),
            FbaError::FulfillmentOrderMismatch {
                expected, found, ..
            } => json!({ "expected": expected, "found": found }),
            FbaError::EventWithoutPayload { .. } => Value::Null,
        }
    }
}

/// An `INVALID_VALUE` input error at `path`.
pub(crate) fn invalid_value(path: &str, message: String) -> FbaError {
    FbaError::from(InputError::InvalidValue {
        path: path.to_string(),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_inside_addresses_are_withheld_but_the_path_is_kept() {
        let error = FbaError::from(InputError::InvalidType {
            path: "/order/shipTo/postalCode".to_string(),
            message: "invalid type: integer `48084`, expected a string".to_string(),
        });
        assert_eq!(error.code(), "INVALID_TYPE");
        assert_eq!(error.path(), "/order/shipTo/postalCode");
        assert!(!error.to_string().contains("48084"));
        assert!(!error.details().to_string().contains("48084"));
    }

    #[test]
    fn values_elsewhere_are_kept() {
        let error = FbaError::from(InputError::InvalidType {
            path: "/order/lines/0/quantity".to_string(),
            message: "invalid type: string \"2\", expected u64".to_string(),
        });
        assert!(error.to_string().contains("\"2\""));
    }
}
