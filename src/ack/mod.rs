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
