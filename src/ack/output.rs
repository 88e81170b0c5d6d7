//! What `decideAcknowledgements` and `approveAcknowledgement` return.

use serde::{Deserialize, Serialize};

use crate::exceptions::Exception;
use crate::spapi::orders::{
    ItemQuantity, Money, OrderAcknowledgement, RejectionReason, SubmitAcknowledgementRequest,
};

/// The output of `decideAcknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DecideAcknowledgementsOutput {
    /// The exact body to POST to submitAcknowledgement (POs needing approval are not in it).
    pub request: SubmitAcknowledgementRequest,
    /// One decision per PO line, in input order, with a code and the reason in words.
    pub decisions: Vec<LineDecision>,
    /// Stock the ERP must reserve, in eaches, per SKU and PO line.
    pub allocations: Vec<Allocation>,
    /// POs held for a person, with the engine's suggestion per line.
    pub pending_approval: Vec<PendingAcknowledgement>,
    /// Problems a person should know about, with severity, PO, line, deadline and money at risk.
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// What happens to a PO line in this run.
    DecisionStatus {
        /// In `request`: acknowledged when the host submits it.
        Acknowledged = "acknowledged",
        /// In `pendingApproval`: a person must approve before anything is sent.
        PendingApproval = "pendingApproval",
        /// Nothing to send: already acknowledged as it stands, closed, or nothing ordered.
        Skipped = "skipped",
    }
}

wire_enum! {
    /// The machine-readable reason of a line decision.
    DecisionCode {
        /// Every unit accepted from stock.
        Accepted = "ACCEPTED",
        /// Accepted from stock and backordered from inbound receipts; nothing rejected.
        Backordered = "BACKORDERED",
        /// Part accepted or backordered, the rest rejected for lack of stock.
        Partial = "PARTIAL",
        /// Nothing allocatable and nothing inbound in time: rejected `TemporarilyUnavailable`.
        NoStock = "NO_STOCK",
        /// No ERP item matches the line: `InvalidProductIdentifier`.
        UnknownProduct = "UNKNOWN_PRODUCT",
        /// The SKU is obsolete: `ObsoleteProduct`.
        ObsoleteProduct = "OBSOLETE_PRODUCT",
        /// The PO cost is below the SKU's minimum.
        CostBelowMinimum = "COST_BELOW_MINIMUM",
        /// The PO cost differs from the cost the ERP expects.
        CostMismatch = "COST_MISMATCH",
        /// The PO line has no positive `netCost`: it cannot be acknowledged as it is.
        MissingNetCost = "MISSING_NET_COST",
        /// The line's ERP SKU has no row in `inventory`: held, never rejected on absent data.
        StockRowMissing = "STOCK_ROW_MISSING",
        /// A Cases line with no case size anywhere.
        CaseSizeUnknown = "CASE_SIZE_UNKNOWN",
        /// Everything left was rejected earlier, and a rejection is final.
        PreviouslyRejected = "PREVIOUSLY_REJECTED",
        /// Acknowledged before and unchanged since: nothing to send.
        Unchanged = "UNCHANGED",
        /// Amazon changed the line after the 48-hour window: only dates may change now.
        ChangeWindowClosed = "CHANGE_WINDOW_CLOSED",
        /// The PO is Closed.
        PoClosed = "PO_CLOSED",
        /// Acknowledged, but not by this connector (no history): nothing known to send.
        AcknowledgedElsewhere = "ACKNOWLEDGED_ELSEWHERE",
        /// Quantity 0 (a cancelled line): nothing to acknowledge.
        NothingOrdered = "NOTHING_ORDERED",
        /// An earlier promise re-acknowledged with later ship dates (its receipt slipped).
        PromiseDateUpdated = "PROMISE_DATE_UPDATED",
        /// An earlier promise that can no longer be kept, down-confirmed within 48 hours.
        DownConfirmed = "DOWN_CONFIRMED",
        /// Quantities set by an approver.
        Approved = "APPROVED",
    }
}

/// The decision for one PO line. Quantities are in the PO line's unit of measure, and
/// `accepted + backordered + rejected` equals the ordered amount unless the line is skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineDecision {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// The ERP SKU the line was matched to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// The line's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// What Amazon ordered, in the PO's unit.
    pub ordered_quantity: ItemQuantity,
    /// The ordered quantity in eaches (`amount × unitSize` for Cases), when it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_eaches: Option<u64>,
    /// Accepted, in the PO's unit.
    pub accepted: u64,
    /// Backordered, in the PO's unit.
    pub backordered: u64,
    /// Rejected, in the PO's unit.
    pub rejected: u64,
    /// Whether the line is sent, held for approval, or needs nothing.
    pub status: DecisionStatus,
    /// The decision's stable code (`ACCEPTED`, `PARTIAL`, `NO_STOCK`, …).
    pub code: DecisionCode,
    /// Amazon's rejection reason for the rejected units, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
    /// Earliest scheduled ship date of backordered units (ISO-8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backorder_ship_date: Option<String>,
    /// Why, in words a buyer can check against the ERP.
    pub reason: String,
}

/// Stock taken by one PO line, in eaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// The ERP SKU the stock is taken from.
    pub sku: String,
    /// The purchase order the stock is reserved for.
    pub purchase_order_number: String,
    /// The PO line the stock is reserved for.
    pub item_sequence_number: String,
    /// Eaches from stock on hand.
    pub quantity_eaches: u64,
    /// Eaches promised from inbound receipts (backorders).
    #[serde(default)]
    pub inbound_eaches: u64,
    /// True when the PO awaits approval: reserve it, but it is not yet promised to Amazon.
    pub pending: bool,
}

/// Units backordered against receipts arriving by one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BackorderSlice {
    /// Units backordered to ship on this date, in the PO's unit.
    pub units: u64,
    /// ISO-8601 UTC.
    pub scheduled_ship_date: String,
    /// On a PO with a delivery window (the vendor pays freight): when the units are promised
    /// to arrive, the ship date plus `options.transitDays` (ISO-8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_delivery_date: Option<String>,
}

/// One line of a held PO: what the engine suggests, and the limits an approver works within.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProposalLine {
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// The ERP SKU matched, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// The line's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// What Amazon ordered, in the PO's unit.
    pub ordered_quantity: ItemQuantity,
    /// Eaches in one ordered unit (1 for Eaches, the case size for Cases), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eaches_per_unit: Option<u64>,
    /// Whether the PO line allows backorders.
    pub is_back_order_allowed: bool,
    /// The PO's net cost per each (or weight unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Money>,
    /// The PO's list price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Money>,
    /// The cost the suggestion sends when it is not the PO's `netCost` as it stands: a cost
    /// approved before (kept), or the PO's with its currency filled in. A line approved without
    /// a cost sends this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_net_cost: Option<Money>,
    /// Units stock could cover when the engine decided (an approver may not accept more
    /// without an override reason).
    pub allocatable_units: u64,
    /// Units rejected earlier: they stay rejected.
    pub previously_rejected: u64,
    /// Units the engine suggests accepting.
    pub suggested_accepted: u64,
    /// Units the engine suggests backordering, per ship date.
    pub suggested_backorders: Vec<BackorderSlice>,
    /// Units the engine suggests rejecting.
    pub suggested_rejected: u64,
    /// The rejection reason of the suggested rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
    /// The code of the suggestion.
    pub code: DecisionCode,
    /// The suggestion in words.
    pub reason: String,
}

/// A PO held for approval: the suggestion per line and the acknowledgement it would send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PendingAcknowledgement {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// The vendor code to acknowledge as, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<String>,
    /// Why a person must look at it.
    pub reasons: Vec<String>,
    /// One entry per line of the PO.
    pub lines: Vec<ProposalLine>,
    /// The acknowledgement as suggested (only the lines that need one).
    pub proposal: OrderAcknowledgement,
    /// When the acknowledgement is due (24 hours after the PO, or after Amazon's change).
    pub due_at: String,
    /// After this, Amazon accepts only date changes to acknowledged lines (48 hours).
    pub change_window_ends_at: String,
}

/// The output of `approveAcknowledgement`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApproveAcknowledgementOutput {
    /// The exact body to POST to submitAcknowledgement.
    pub request: SubmitAcknowledgementRequest,
    /// One decision per line of the approved PO.
    pub decisions: Vec<LineDecision>,
    /// Stock to reserve for the approved quantities.
    pub allocations: Vec<Allocation>,
    /// Problems a person should know about (an override is recorded as `APPROVAL_OVERRIDE`).
    pub exceptions: Vec<Exception>,
}
