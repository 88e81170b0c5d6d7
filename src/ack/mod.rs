//! Purchase order acknowledgements: which PO lines to accept, from what stock, and why.
//!
//! This first slice accepts what allocatable stock covers (in eaches, converting
//! Cases × unitSize) and rejects the rest as `TemporarilyUnavailable`; every line of a PO it
//! decides is acknowledged, no entry has quantity zero, and the PO's `netCost` is echoed.
//! Lines it cannot decide safely (unknown product, no cost, no case size) hold their PO for
//! approval instead of guessing: a rejection is final at Amazon.

mod engine;
mod error;
mod input;
mod output;

pub use engine::decide_acknowledgements;
pub use error::AckError;
pub use input::DecideAcknowledgementsInput;
pub use output::{
    Allocation, DecideAcknowledgementsOutput, DecisionStatus, LineDecision, PendingAcknowledgement,
};
