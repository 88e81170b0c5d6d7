//! Direct Fulfillment order acknowledgements (`decideDirectFulfillmentAcknowledgements`):
//! accept each DF order in full from allocatable stock, or cancel it with the status code the
//! DF use-case guide prescribes, and say why.
//!
//! DF orders are fill or kill (the guide: "Partial shipments are not allowed. Vendors need to
//! either confirm or reject the full order"): one acknowledgement status per order, every line
//! echoed with its ordered quantity in `Each`. Stock is taken only by accepted orders, in a
//! deterministic order (rules below, from `README.md`). The customer's name and
//! address are never copied into decisions, exceptions or errors.
//!
#![doc = include_str!("README.md")]

mod engine;
mod error;
mod input;
mod output;

pub use engine::{PRECEDENCE, decide_df_acknowledgements};
pub use error::DfAckError;
pub(crate) use error::withhold_personal;
pub use input::{
    DecideDfAcknowledgementsInput, DfAllocationPriority, DfDuplicateShipIdPolicy, DfOptions,
    DfRules, DfShipToField, DfTaxRegion,
};
pub use output::{
    DecideDfAcknowledgementsOutput, DfAllocation, DfDecisionStatus, DfLineCode, DfLineDecision,
    DfOrderCode, DfOrderDecision,
};
