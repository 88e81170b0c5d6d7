#![doc = include_str!("README.md")]

mod engine;
mod error;
mod types;

pub use engine::{
    DEFAULT_ASK_PERSON_AFTER_SECONDS, DEFAULT_SETTLE_GRACE_SECONDS, next_outbox_action,
};
pub use error::OutboxError;
pub use types::{
    AmazonHolds, NextOutboxActionInput, NextOutboxActionOutput, Observation, OutboxAction,
    OutboxEntry, OutboxEvent, OutboxEventType, OutboxRules, OutboxState, ResolvedBy, SendAnswer,
    SendFailure, SettledStatus, TransactionObserved,
};
