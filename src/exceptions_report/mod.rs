//! One calendar of exceptions (`exceptionsReport`): the exceptions of every engine, plus failed
//! or stuck transactions, in one list ordered by urgency and money at risk, each with its owner
//! role and the action to take; and a saved report read back and checked
//! (`readExceptionsReport`).
//!
#![doc = include_str!("README.md")]

mod engine;
mod error;
mod input;
mod output;
pub mod owners;
mod read;

pub use engine::{compare_entries, exceptions_report};
pub use error::ReportError;
pub use input::{
    DEFAULT_PROCESSING_GRACE_MINUTES, DfCalendarOrder, ExceptionsReportInput, OwnerOverride,
    ReportOptions, ReportedException, TrackedTransaction,
};
pub use output::{ExceptionsReportOutput, OwnerRole, ReportEntry, ReportSummary};
pub use read::{ReportFile, ReportFileEntry, ReportFileSummary, read_exceptions_report};
