//! Transaction status: `vendorTransactionStatus.json` (getTransaction).

use serde::{Deserialize, Serialize};

use super::ApiError;

wire_enum! {
    /// `Transaction.status`.
    TransactionState {
        /// Transaction has failed.
        Failure = "Failure",
        /// Transaction is in process.
        Processing = "Processing",
        /// Transaction has completed successfully.
        Success = "Success",
    }
}

/// `GetTransactionResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionResponse {
    /// The response payload for the getTransaction operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionStatus>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `TransactionStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TransactionStatus {
    /// The transaction status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_status: Option<Transaction>,
}

/// `Transaction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// The unique identifier returned in the 'transactionId' field in response to the post request
    /// of a specific transaction.
    pub transaction_id: String,
    /// Current processing status of the transaction.
    pub status: TransactionState,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}
