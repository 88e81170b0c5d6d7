//! Errors of `nextOutboxAction`: an entry and an observation that cannot belong together.

use serde_json::{Value, json};

use crate::error::{CodedError, InputError};

/// Why `nextOutboxAction` refused its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The observation cannot happen to an entry in this state (an answer to a POST for an
    /// entry already sent, a transaction status for an entry without a transaction id, PO
    /// states for an operation that is not an acknowledgement).
    #[error("{observation} does not apply to an entry in state {state} (at {path})")]
    ObservationNotApplicable {
        /// JSON pointer to the observation in the input.
        path: String,
        /// The kind of observation given (`sendFailed`, `transactionStatus`, …).
        observation: &'static str,
        /// The entry's state.
        state: &'static str,
    },
    /// A `sent` entry without its transaction id: the journal lost the one fact it must hold.
    #[error("a sent entry needs its transactionId (at {path})")]
    MissingTransactionId {
        /// JSON pointer to the entry's missing transaction id.
        path: String,
    },
    /// Amazon's transaction status names another transaction than the entry's.
    #[error(
        "the transaction status at {path} is about transaction {found}, the entry was sent as {expected}"
    )]
    TransactionMismatch {
        /// JSON pointer to the transaction id in the observation.
        path: String,
        /// The entry's transaction id.
        expected: String,
        /// The transaction id Amazon's answer names.
        found: String,
    },
}

impl CodedError for OutboxError {
    fn code(&self) -> &'static str {
        match self {
            OutboxError::Input(e) => e.code(),
            OutboxError::ObservationNotApplicable { .. } => "OBSERVATION_NOT_APPLICABLE",
            OutboxError::MissingTransactionId { .. } => "MISSING_TRANSACTION_ID",
            OutboxError::TransactionMismatch { .. } => "TRANSACTION_MISMATCH",
        }
    }

    fn path(&self) -> String {
        match self {
            OutboxError::Input(e) => e.path(),
            OutboxError::ObservationNotApplicable { path, .. }
            | OutboxError::MissingTransactionId { path }
            | OutboxError::TransactionMismatch { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            OutboxError::Input(e) => e.details(),
            OutboxError::ObservationNotApplicable {
                observation, state, ..
            } => json!({ "observation": observation, "state": state }),
            OutboxError::MissingTransactionId { .. } => Value::Null,
            OutboxError::TransactionMismatch {
                expected, found, ..
            } => json!({ "expected": expected, "found": found }),
        }
    }
}
