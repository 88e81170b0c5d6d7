//! Errors of `decideAcknowledgements`: input that cannot be decided on at all.
//!
//! A problem with one PO or line that a person can settle is an [`crate::exceptions::Exception`]
//! instead, and the rest of the batch is still decided.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};
use crate::stock::StockError;

/// An error of `decideAcknowledgements`: input that cannot be worked on, with a stable code and a
/// JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AckError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The same PO twice in one batch: which one is current cannot be known.
    #[error("purchase order {number} appears more than once in the batch (again at {path})")]
    DuplicatePurchaseOrder {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The purchase order number.
        number: String,
    },
    /// The inventory is inconsistent.
    #[error(transparent)]
    Stock(#[from] StockError),
    /// A quantity whose eaches do not fit in 64 bits.
    #[error("quantity at {path} overflows when converted to eaches")]
    QuantityOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl CodedError for AckError {
    fn code(&self) -> &'static str {
        match self {
            AckError::Input(e) => e.code(),
            AckError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            AckError::Stock(e) => e.code(),
            AckError::Catalog(e) => e.code(),
            AckError::QuantityOverflow { .. } => "QUANTITY_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            AckError::Input(e) => e.path(),
            AckError::Catalog(e) => e.path(),
            AckError::Stock(e) => e.path(),
            AckError::DuplicatePurchaseOrder { path, .. } | AckError::QuantityOverflow { path } => {
                path.clone()
            }
        }
    }

    fn details(&self) -> Value {
        match self {
            AckError::Input(e) => e.details(),
            AckError::Catalog(e) => e.details(),
            AckError::Stock(e) => e.details(),
            AckError::DuplicatePurchaseOrder { number, .. } => {
                json!({ "purchaseOrderNumber": number })
            }
            AckError::QuantityOverflow { .. } => Value::Null,
        }
    }
}

/// Errors of `approveAcknowledgement`: an approval that cannot be turned into a valid
/// acknowledgement. Each points at the offending field of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// An approved line that is not in the proposal.
    #[error("line {sequence} is not in the proposal")]
    UnknownLine {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// The same line approved twice.
    #[error("line {sequence} is approved twice")]
    DuplicateLine {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// Accepted + backordered above what was ordered.
    #[error("line {sequence}: {approved} approved but only {ordered} ordered")]
    AboveOrdered {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
        /// Units ordered, in the PO's unit.
        ordered: u64,
        /// Units approved, in the PO's unit.
        approved: u64,
    },
    /// Units rejected earlier cannot be accepted or backordered now.
    #[error(
        "line {sequence}: {approved} approved but {previously_rejected} of {ordered} were \
         rejected earlier and a rejection is final"
    )]
    PreviouslyRejected {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
        /// Units ordered, in the PO's unit.
        ordered: u64,
        /// Units rejected earlier, in the PO's unit.
        previously_rejected: u64,
        /// Units approved, in the PO's unit.
        approved: u64,
    },
    /// More accepted than stock covers, without an override reason.
    #[error(
        "line {sequence}: {approved} accepted but only {allocatable} are allocatable; give an \
         override reason to accept more"
    )]
    AboveAllocatable {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
        /// Units allocatable, in the PO's unit.
        allocatable: u64,
        /// Units approved, in the PO's unit.
        approved: u64,
    },
    /// Backordered units on a line whose PO does not allow backorders.
    #[error("line {sequence}: the PO does not allow backorders")]
    BackorderNotAllowed {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// Backordered units need a scheduled ship date, from the approver or the proposal.
    #[error("line {sequence}: backordered units need a ship date")]
    MissingScheduledDate {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// A scheduled ship date before the approval.
    #[error("line {sequence}: the backorder ship date is in the past")]
    ScheduledDateInPast {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// The PO line has no cost and the approver gave none.
    #[error("line {sequence}: the PO has no cost; enter the agreed cost")]
    MissingNetCost {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// A quantity that is not a whole number of the line's unit: `INVALID_VALUE` when it is
    /// negative, else `INVALID_TYPE` (the codes serde gave before; the message is a sentence).
    #[error("line {sequence}: {value} is not a whole number of {unit}")]
    InvalidQuantity {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
        /// The quantity as the approver typed it.
        value: String,
        /// The line's unit, as the sentence names it ("cases", "eaches").
        unit: &'static str,
        /// True when the quantity is negative (code `INVALID_VALUE`).
        negative: bool,
    },
    /// No currency for the cost: not on the PO line, its list price, nor the approval.
    #[error(
        "line {sequence}: the PO gives no currency for its cost; pass `currencyCode` with the \
         approval"
    )]
    MissingCurrency {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
    },
    /// An approved cost that is zero, negative, or above the PO's cost.
    #[error(
        "line {sequence}: {cost} is not a cost that can be sent: it must be a positive amount, not \
         above the PO cost"
    )]
    InvalidNetCost {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The PO line's item sequence number.
        sequence: String,
        /// The cost given.
        cost: String,
    },
    /// Nobody to acknowledge as.
    #[error("no selling party: the proposal has none, pass `sellingParty`")]
    MissingSellingParty {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl CodedError for ApprovalError {
    fn code(&self) -> &'static str {
        match self {
            ApprovalError::Input(e) => e.code(),
            ApprovalError::UnknownLine { .. } => "UNKNOWN_LINE",
            ApprovalError::DuplicateLine { .. } => "DUPLICATE_LINE",
            ApprovalError::AboveOrdered { .. } => "APPROVED_ABOVE_ORDERED",
            ApprovalError::PreviouslyRejected { .. } => "PREVIOUSLY_REJECTED",
            ApprovalError::AboveAllocatable { .. } => "APPROVED_ABOVE_ALLOCATABLE",
            ApprovalError::BackorderNotAllowed { .. } => "BACKORDER_NOT_ALLOWED",
            ApprovalError::MissingScheduledDate { .. } => "MISSING_SCHEDULED_DATE",
            ApprovalError::ScheduledDateInPast { .. } => "SCHEDULED_DATE_IN_PAST",
            ApprovalError::MissingNetCost { .. } => "MISSING_NET_COST",
            ApprovalError::InvalidNetCost { .. } => "INVALID_NET_COST",
            ApprovalError::MissingSellingParty { .. } => "MISSING_SELLING_PARTY",
            ApprovalError::InvalidQuantity { negative: true, .. } => "INVALID_VALUE",
            ApprovalError::InvalidQuantity { .. } => "INVALID_TYPE",
            ApprovalError::MissingCurrency { .. } => "MISSING_CURRENCY",
        }
    }

    fn path(&self) -> String {
        match self {
            ApprovalError::Input(e) => e.path(),
            ApprovalError::UnknownLine { path, .. }
            | ApprovalError::DuplicateLine { path, .. }
            | ApprovalError::AboveOrdered { path, .. }
            | ApprovalError::PreviouslyRejected { path, .. }
            | ApprovalError::AboveAllocatable { path, .. }
            | ApprovalError::BackorderNotAllowed { path, .. }
            | ApprovalError::MissingScheduledDate { path, .. }
            | ApprovalError::ScheduledDateInPast { path, .. }
            | ApprovalError::MissingNetCost { path, .. }
            | ApprovalError::InvalidNetCost { path, .. }
            | ApprovalError::InvalidQuantity { path, .. }
            | ApprovalError::MissingCurrency { path, .. }
            | ApprovalError::MissingSellingParty { path } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            ApprovalError::Input(e) => e.details(),
            ApprovalError::AboveOrdered {
                sequence,
                ordered,
                approved,
                ..
            } => {
                json!({ "itemSequenceNumber": sequence, "ordered": ordered, "approved": approved })
            }
            ApprovalError::PreviouslyRejected {
                sequence,
                ordered,
                previously_rejected,
                approved,
                ..
            } => json!({
                "itemSequenceNumber": sequence, "ordered": ordered,
                "previouslyRejected": previously_rejected, "approved": approved
            }),
            ApprovalError::AboveAllocatable {
                sequence,
                allocatable,
                approved,
                ..
            } => json!({
                "itemSequenceNumber": sequence, "allocatable": allocatable, "approved": approved
            }),
            ApprovalError::InvalidNetCost { sequence, cost, .. } => {
                json!({ "itemSequenceNumber": sequence, "netCost": cost })
            }
            ApprovalError::InvalidQuantity {
                sequence, value, ..
            } => json!({ "itemSequenceNumber": sequence, "value": value }),
            ApprovalError::UnknownLine { sequence, .. }
            | ApprovalError::MissingCurrency { sequence, .. }
            | ApprovalError::DuplicateLine { sequence, .. }
            | ApprovalError::BackorderNotAllowed { sequence, .. }
            | ApprovalError::MissingScheduledDate { sequence, .. }
            | ApprovalError::ScheduledDateInPast { sequence, .. }
            | ApprovalError::MissingNetCost { sequence, .. } => {
                json!({ "itemSequenceNumber": sequence })
            }
            ApprovalError::MissingSellingParty { .. } => Value::Null,
        }
    }
}
