//! What `decideAcknowledgements` returns.

use serde::Serialize;

use crate::exceptions::Exception;
use crate::spapi::orders::{
    ItemQuantity, OrderAcknowledgement, RejectionReason, SubmitAcknowledgementRequest,
};

/// The output of `decideAcknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DecideAcknowledgementsOutput {
    /// The exact body to POST to submitAcknowledgement (POs needing approval are not in it).
    pub request: SubmitAcknowledgementRequest,
    /// One decision per PO line, in input order, with the reason in words.
    pub decisions: Vec<LineDecision>,
    /// Stock the ERP must reserve, in eaches, per SKU and PO line.
    pub allocations: Vec<Allocation>,
    /// POs held for a person, with the acknowledgement that would be sent.
    pub pending_approval: Vec<PendingAcknowledgement>,
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// What happened to a PO line in this run.
    DecisionStatus {
        /// In `request`: will be acknowledged when the host submits it.
        Acknowledged = "acknowledged",
        /// In `pendingApproval`: a person must approve before anything is sent.
        PendingApproval = "pendingApproval",
        /// Nothing to send (PO already acknowledged or closed, or nothing ordered).
        Skipped = "skipped",
    }
}

/// The decision for one PO line. Quantities are in the PO line's unit of measure, and
/// `accepted + backordered + rejected` equals the ordered amount unless the line is skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineDecision {
    pub purchase_order_number: String,
    pub item_sequence_number: String,
    /// The ERP SKU the line was matched to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub ordered_quantity: ItemQuantity,
    /// The ordered quantity in eaches (`amount × unitSize` for Cases), when it is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordered_eaches: Option<u64>,
    pub accepted: u64,
    pub backordered: u64,
    pub rejected: u64,
    pub status: DecisionStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
    /// Why, in words a person can check against the ERP.
    pub reason: String,
}

/// Stock taken by one PO line, in eaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    pub sku: String,
    pub purchase_order_number: String,
    pub item_sequence_number: String,
    pub quantity_eaches: u64,
    /// True when the PO awaits approval: reserve it, but it is not yet promised to Amazon.
    pub pending: bool,
}

/// A PO held for approval, with the acknowledgement that would be sent as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PendingAcknowledgement {
    pub purchase_order_number: String,
    /// Why a person must look at it.
    pub reasons: Vec<String>,
    /// The acknowledgement as proposed; lines that cannot be sent as they are say so in `reasons`.
    pub proposal: OrderAcknowledgement,
    /// 24 hours after the PO date: after that the PO is late.
    pub due_at: String,
}
