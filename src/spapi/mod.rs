//! Amazon SP-API wire types, field for field as in the models under `sp-api-models/`.
//!
//! Field names are Amazon's (serde `camelCase`), optional fields are skipped when absent, and
//! enums are written in Amazon's exact spelling. Reading is tolerant where the sandbox itself
//! deviates from the model: enum spellings are matched case-insensitively (`"CASES"`), fields the
//! model marks required but the sandbox omits are optional here, and unknown fields are ignored.
//! Engines check what they actually need and report it with a JSON pointer.
//!
#![doc = include_str!("README.md")]

#[macro_use]
pub(crate) mod wire_enum;
pub mod df_inventory;
pub mod df_orders;
pub mod df_payments;
pub mod df_shipping;
pub mod fba_inventory;
pub mod fulfillment_outbound;
pub mod invoices;
pub mod orders;
pub mod orders_status;
pub mod shipments;
pub mod transactions;

use serde::{Deserialize, Serialize};

/// Amazon's `Error` object, shared by every model: `{code, message, details?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    /// An error code that identifies the type of error that occurred.
    pub code: String,
    /// A message that describes the error condition.
    pub message: String,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}
