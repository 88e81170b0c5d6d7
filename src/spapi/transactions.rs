//! Transaction status: `vendorTransactionStatus.json` (getTransaction).

use serde::{Deserialize, Serialize};

use super::ApiError;

wire_enum! {
    /// `Transaction.status`.
    TransactionState {
        Failure = "Failure",
        Processing = "Processing",
        Success = "Success",
    }
}

/// `GetTransactionResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TransactionStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_status: Option<Transaction>,
}

/// `Transaction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    pub transaction_id: String,
    pub status: TransactionState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}
