//! Retail purchase order acknowledgements: which PO lines to accept, backorder or reject,
//! from what stock, under which rules, and why — and the approval of held POs.
//!
//! - [`decide_acknowledgements`]: a batch of POs → the submitAcknowledgement body, one decision
//!   per line, the allocations to reserve, proposals for approval, exceptions.
//! - [`approve_acknowledgement`]: a held proposal + an approver's quantities → the body.
//!
//! The rules follow (`README.md` beside this file).
//!
#![doc = include_str!("README.md")]

mod approve;
mod engine;
mod error;
mod history;
mod input;
mod line;
mod output;
mod promises;
mod readback;
mod rules;

pub use approve::{ApproveAcknowledgementInput, ApprovedLine, approve_acknowledgement};
pub use engine::{ACKNOWLEDGEMENT_WINDOW_HOURS, CHANGE_WINDOW_HOURS, decide_acknowledgements};
pub use error::{AckError, ApprovalError};
pub use input::DecideAcknowledgementsInput;
pub use output::{
    Allocation, ApproveAcknowledgementOutput, BackorderSlice, DecideAcknowledgementsOutput,
    DecisionCode, DecisionStatus, LineDecision, PendingAcknowledgement, ProposalLine,
};
pub use readback::{
    CheckAcknowledgementStatusInput, CheckAcknowledgementStatusOutput, ReadBackLine,
    ReadBackStatus, check_acknowledgement_status,
};
pub use rules::{
    AckOptions, AckRules, AllocationPriority, CostAction, DownConfirmAction, LineRules,
    MissingStockRowAction, PoTypeRules, PromiseDateUpdates, UnknownProductAction,
};
