//! `approveAcknowledgement`: a person's decision on a held PO, turned into the exact body.
//!
//! The approver may lower quantities, never raise them above what was ordered; may not accept
//! units rejected earlier (a rejection is final); may not accept more than stock covered when
//! the engine decided unless they give an override reason (kept in an exception for audit).
//! Lines the approver does not mention keep the engine's suggestion. Whatever is neither
//! accepted nor backordered is rejected.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::ApprovalError;
use super::history::line_key;
use super::line::entry;
use super::output::{
    Allocation, ApproveAcknowledgementOutput, BackorderSlice, DecisionCode, DecisionStatus,
    LineDecision, PendingAcknowledgement, ProposalLine,
};
use crate::exceptions::{Exception, Severity};
use crate::money::Decimal;
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Money, OrderAcknowledgement, OrderAcknowledgementItem,
    PartyIdentification, RejectionReason,
};
use crate::time::{Instant, format_instant, parse_instant};

/// The input of `approveAcknowledgement`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApproveAcknowledgementInput {
    /// A `pendingApproval` entry exactly as `decideAcknowledgements` returned it.
    pub proposal: PendingAcknowledgement,
    /// The approver's quantities; lines not listed keep the suggestion.
    #[serde(default)]
    pub approved: Vec<ApprovedLine>,
    /// The time of the approval (the core never reads the clock).
    pub now: Instant,
    /// Who approved (kept in exceptions for audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// Required to accept more than was allocatable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// The vendor code, when the proposal has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<String>,
    /// The currency of a cost when neither the PO line's cost nor its list price names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
}

/// One line as the approver decided it, in the PO's unit of measure. Quantities and cost come
/// from a form as typed: a number or a string of digits; a line left blank (`accepted` and
/// `backordered` absent, null or "") keeps the suggestion. A value that is not a whole number
/// is refused with a sentence about the line ("line 2: 0.5 is not a whole number of cases").
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApprovedLine {
    /// The PO line approved.
    pub item_sequence_number: String,
    /// Units accepted, in the PO's unit, as typed (a number or text; blank keeps the suggestion).
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "number | string | null", optional)
    )]
    pub accepted: Option<serde_json::Value>,
    /// Units backordered (0 when only `accepted` is given).
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "number | string | null", optional)
    )]
    pub backordered: Option<serde_json::Value>,
    /// Ship date of backordered units (defaults to the proposal's first backorder date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_ship_date: Option<Instant>,
    /// The agreed cost when the PO line has none (never above the PO's own cost): a decimal
    /// string or a number.
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "string | number | null", optional)
    )]
    pub net_cost: Option<serde_json::Value>,
    /// Reason for the rejected remainder (defaults to the proposal's, else TemporarilyUnavailable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
}

/// Turns an approved proposal into the acknowledgement body.
pub fn approve_acknowledgement(
    input: ApproveAcknowledgementInput,
) -> Result<ApproveAcknowledgementOutput, ApprovalError> {
    let now = input.now.0;
    let proposal = &input.proposal;
    let number = proposal.purchase_order_number.as_str();
    let override_reason = input
        .override_reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());

    let mut approved_by_line: BTreeMap<String, (usize, &ApprovedLine)> = BTreeMap::new();
    for (i, line) in input.approved.iter().enumerate() {
        let key = line_key(Some(&line.item_sequence_number), None, None);
        let path = format!("/approved/{i}/itemSequenceNumber");
        let known = proposal
            .lines
            .iter()
            .any(|p| line_key(Some(&p.item_sequence_number), None, None) == key);
        if !known {
            return Err(ApprovalError::UnknownLine {
                path,
                sequence: line.item_sequence_number.clone(),
            });
        }
        if approved_by_line.insert(key, (i, line)).is_some() {
            return Err(ApprovalError::DuplicateLine {
                path,
                sequence: line.item_sequence_number.clone(),
            });
        }
    }
    let party_id = input
        .selling_party
        .clone()
        .or_else(|| proposal.selling_party.clone())
        .filter(|p| !p.is_empty())
        .ok_or(ApprovalError::MissingSellingParty {
            path: "/sellingParty".to_string(),
        })?;

    let approver = input.approver.as_deref().unwrap_or("the approver");
    let due = parse_instant(&proposal.due_at).ok();
    let mut output = ApproveAcknowledgementOutput::default();
    let mut items = Vec::new();
    for (j, line) in proposal.lines.iter().enumerate() {
        let key = line_key(Some(&line.item_sequence_number), None, None);
        let approved = approved_by_line.get(&key).copied();
        let decided = decide_approved_line(
            j,
            line,
            approved,
            now,
            override_reason,
            input.currency_code.as_deref(),
        )?;
        if decided.overridden {
            output.exceptions.push(
                Exception::for_po(
                    "APPROVAL_OVERRIDE",
                    Severity::Info,
                    number,
                    format!(
                        "PO {number} line {}: {approver} accepted {} with only {} allocatable: {}",
                        line.item_sequence_number,
                        decided.accepted,
                        line.allocatable_units,
                        override_reason.unwrap_or_default()
                    ),
                )
                .line(&line.item_sequence_number)
                .sku(line.sku.as_deref()),
            );
        }
        let quantity = |amount| ItemQuantity {
            amount,
            ..line.ordered_quantity
        };
        let mut entries = Vec::new();
        if decided.accepted > 0 {
            entries.push(entry(
                AcknowledgementCode::Accepted,
                quantity(decided.accepted),
            ));
        }
        for slice in &decided.backorders {
            let mut backorder = entry(AcknowledgementCode::Backordered, quantity(slice.units));
            backorder.scheduled_ship_date = Some(slice.scheduled_ship_date.clone());
            backorder
                .scheduled_delivery_date
                .clone_from(&slice.scheduled_delivery_date);
            entries.push(backorder);
        }
        if decided.rejected > 0 {
            let mut rejected = entry(AcknowledgementCode::Rejected, quantity(decided.rejected));
            rejected.rejection_reason = Some(decided.rejection_reason);
            entries.push(rejected);
        }
        items.push(OrderAcknowledgementItem {
            item_sequence_number: Some(line.item_sequence_number.clone()),
            amazon_product_identifier: line.amazon_product_identifier.clone(),
            vendor_product_identifier: line.vendor_product_identifier.clone(),
            ordered_quantity: line.ordered_quantity,
            net_cost: Some(decided.net_cost.clone()),
            list_price: line.list_price.clone(),
            discount_multiplier: None,
            item_acknowledgements: entries,
        });
        let backordered: u64 = decided.backorders.iter().map(|s| s.units).sum();
        if let (Some(sku), Some(per_unit)) = (&line.sku, line.eaches_per_unit) {
            if decided.accepted > 0 || backordered > 0 {
                output.allocations.push(Allocation {
                    sku: sku.clone(),
                    purchase_order_number: number.to_string(),
                    item_sequence_number: line.item_sequence_number.clone(),
                    quantity_eaches: decided.accepted.saturating_mul(per_unit),
                    inbound_eaches: backordered.saturating_mul(per_unit),
                    pending: false,
                });
            }
        }
        output.decisions.push(LineDecision {
            purchase_order_number: number.to_string(),
            item_sequence_number: line.item_sequence_number.clone(),
            sku: line.sku.clone(),
            amazon_product_identifier: line.amazon_product_identifier.clone(),
            vendor_product_identifier: line.vendor_product_identifier.clone(),
            ordered_quantity: line.ordered_quantity,
            ordered_eaches: line
                .eaches_per_unit
                .and_then(|per| line.ordered_quantity.amount.checked_mul(per)),
            accepted: decided.accepted,
            backordered,
            rejected: decided.rejected,
            status: DecisionStatus::Acknowledged,
            code: DecisionCode::Approved,
            rejection_reason: (decided.rejected > 0).then_some(decided.rejection_reason),
            backorder_ship_date: decided
                .backorders
                .first()
                .map(|s| s.scheduled_ship_date.clone()),
            reason: format!(
                "approved by {approver}: {} accepted, {backordered} backordered, {} rejected of {} \
                 ordered (suggested {} / {} / {})",
                decided.accepted,
                decided.rejected,
                line.ordered_quantity.amount,
                line.suggested_accepted,
                line.suggested_backorders
                    .iter()
                    .map(|s| s.units)
                    .sum::<u64>(),
                line.suggested_rejected
            ),
        });
    }
    if due.is_some_and(|due| now > due) {
        output.exceptions.push(
            Exception::for_po(
                "ACKNOWLEDGEMENT_LATE",
                Severity::Warning,
                number,
                format!(
                    "PO {number}: approved after the acknowledgement was due ({}): Amazon may \
                     already treat its lines as rejected; check the PO state after submitting",
                    proposal.due_at
                ),
            )
            .due(Some(proposal.due_at.clone())),
        );
    }
    output.request.acknowledgements.push(OrderAcknowledgement {
        purchase_order_number: number.to_string(),
        selling_party: PartyIdentification {
            party_id,
            address: None,
            tax_info: None,
        },
        acknowledgement_date: format_instant(&now),
        items,
    });
    Ok(output)
}

struct ApprovedQuantities {
    accepted: u64,
    backorders: Vec<BackorderSlice>,
    rejected: u64,
    rejection_reason: RejectionReason,
    net_cost: Money,
    overridden: bool,
}

/// What an approver typed, as a blank, a whole number, or something else (kept as written).
enum Typed {
    Blank,
    Whole(u64),
    Invalid(String),
}

fn typed_quantity(value: Option<&serde_json::Value>) -> Typed {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => Typed::Blank,
        Some(Value::Number(n)) => n
            .as_u64()
            .map_or_else(|| Typed::Invalid(n.to_string()), Typed::Whole),
        Some(Value::String(text)) => {
            let text = text.trim();
            if text.is_empty() {
                Typed::Blank
            } else {
                text.parse::<u64>()
                    .map_or_else(|_| Typed::Invalid(format!("\"{text}\"")), Typed::Whole)
            }
        }
        Some(other) => Typed::Invalid(other.to_string()),
    }
}

/// "cases" or "eaches": the unit an approver counts in.
fn unit_words(line: &ProposalLine) -> &'static str {
    match line.ordered_quantity.unit_of_measure {
        Some(crate::spapi::orders::UnitOfMeasure::Cases) => "cases",
        _ => "eaches",
    }
}

fn whole_or_blank(
    value: Option<&serde_json::Value>,
    path: String,
    line: &ProposalLine,
) -> Result<Option<u64>, ApprovalError> {
    match typed_quantity(value) {
        Typed::Blank => Ok(None),
        Typed::Whole(n) => Ok(Some(n)),
        Typed::Invalid(value) => Err(ApprovalError::InvalidQuantity {
            path,
            sequence: line.item_sequence_number.clone(),
            negative: value.starts_with('-'),
            value,
            unit: unit_words(line),
        }),
    }
}

/// The approver's cost: blank, or a positive decimal (number or string).
fn typed_cost(
    value: Option<&serde_json::Value>,
    path: String,
    sequence: &str,
) -> Result<Option<Decimal>, ApprovalError> {
    use serde_json::Value;
    let text = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(None),
        Some(Value::String(text)) => text.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => other.to_string(),
    };
    Decimal::parse(&text)
        .map(Some)
        .map_err(|_| ApprovalError::InvalidNetCost {
            path,
            sequence: sequence.to_string(),
            cost: text,
        })
}

fn decide_approved_line(
    j: usize,
    line: &ProposalLine,
    approved: Option<(usize, &ApprovedLine)>,
    now: chrono::DateTime<chrono::Utc>,
    override_reason: Option<&str>,
    currency_code: Option<&str>,
) -> Result<ApprovedQuantities, ApprovalError> {
    let sequence = line.item_sequence_number.clone();
    let ordered = line.ordered_quantity.amount;
    let base = approved.map_or(format!("/proposal/lines/{j}"), |(i, _)| {
        format!("/approved/{i}")
    });

    // Quantities: the approver's, else (a blank line) the suggestion.
    let typed = match approved {
        Some((_, a)) => {
            let accepted = whole_or_blank(a.accepted.as_ref(), format!("{base}/accepted"), line)?;
            let backordered =
                whole_or_blank(a.backordered.as_ref(), format!("{base}/backordered"), line)?;
            match (accepted, backordered) {
                (None, None) => None,
                (accepted, backordered) => {
                    Some((a, accepted.unwrap_or(0), backordered.unwrap_or(0)))
                }
            }
        }
        None => None,
    };
    let (accepted, backorders) = match typed {
        Some((a, accepted, backordered)) => {
            let backorders = if backordered == 0 {
                Vec::new()
            } else {
                let suggested = line.suggested_backorders.first();
                let slice = match (&a.scheduled_ship_date, suggested) {
                    (Some(date), _) => {
                        if date.0 < now {
                            return Err(ApprovalError::ScheduledDateInPast {
                                path: format!("{base}/scheduledShipDate"),
                                sequence,
                            });
                        }
                        // A delivery date keeps the suggestion's transit time.
                        let transit = suggested.and_then(|s| {
                            let ship = parse_instant(&s.scheduled_ship_date).ok()?;
                            let delivery =
                                parse_instant(s.scheduled_delivery_date.as_ref()?).ok()?;
                            Some(delivery.signed_duration_since(ship))
                        });
                        BackorderSlice {
                            units: backordered,
                            scheduled_ship_date: format_instant(&date.0),
                            scheduled_delivery_date: transit
                                .map(|t| format_instant(&crate::time::saturating_add(date.0, t))),
                        }
                    }
                    (None, Some(slice)) => BackorderSlice {
                        units: backordered,
                        ..slice.clone()
                    },
                    (None, None) => {
                        return Err(ApprovalError::MissingScheduledDate {
                            path: format!("{base}/scheduledShipDate"),
                            sequence,
                        });
                    }
                };
                vec![slice]
            };
            (accepted, backorders)
        }
        None => (line.suggested_accepted, line.suggested_backorders.clone()),
    };
    let backordered: u64 = backorders.iter().map(|s| s.units).sum();
    let total = accepted.saturating_add(backordered);
    if total > ordered {
        return Err(ApprovalError::AboveOrdered {
            path: format!("{base}/accepted"),
            sequence,
            ordered,
            approved: total,
        });
    }
    if total > ordered.saturating_sub(line.previously_rejected) {
        return Err(ApprovalError::PreviouslyRejected {
            path: format!("{base}/accepted"),
            sequence,
            ordered,
            previously_rejected: line.previously_rejected,
            approved: total,
        });
    }
    if backordered > 0 && !line.is_back_order_allowed {
        return Err(ApprovalError::BackorderNotAllowed {
            path: format!("{base}/backordered"),
            sequence,
        });
    }
    let overridden = accepted > line.allocatable_units;
    if overridden && override_reason.is_none() {
        return Err(ApprovalError::AboveAllocatable {
            path: format!("{base}/accepted"),
            sequence,
            allocatable: line.allocatable_units,
            approved: accepted,
        });
    }

    // Cost: the approver's, else the suggestion (the PO's, or a cost approved before); never
    // above the PO's.
    let po_cost = line.net_cost.as_ref().and_then(|m| m.amount);
    let approved_cost = match approved {
        Some((_, a)) => typed_cost(a.net_cost.as_ref(), format!("{base}/netCost"), &sequence)?,
        None => None,
    };
    let suggested = line.suggested_net_cost.as_ref().or(line.net_cost.as_ref());
    let suggested_cost = suggested
        .and_then(|m| m.amount)
        .filter(|c| !c.is_zero() && !c.is_negative());
    let cost = match (approved_cost, suggested_cost) {
        (Some(cost), _) => {
            if cost.is_zero() || cost.is_negative() || po_cost.is_some_and(|po| cost > po) {
                return Err(ApprovalError::InvalidNetCost {
                    path: format!("{base}/netCost"),
                    sequence,
                    cost: cost.to_string(),
                });
            }
            cost
        }
        (None, Some(cost)) => cost,
        (None, None) => {
            return Err(ApprovalError::MissingNetCost {
                path: format!("{base}/netCost"),
                sequence,
            });
        }
    };
    // The currency (and weight unit) of the PO cost, else of the list price, else the one
    // given with the approval: every cost sent names its currency.
    let template = [suggested, line.net_cost.as_ref(), line.list_price.as_ref()]
        .into_iter()
        .flatten()
        .find(|m| m.currency_code.is_some());
    let currency = template
        .and_then(|m| m.currency_code.clone())
        .or_else(|| currency_code.map(str::to_string))
        .ok_or_else(|| ApprovalError::MissingCurrency {
            path: "/currencyCode".to_string(),
            sequence: sequence.clone(),
        })?;
    let net_cost = Money {
        currency_code: Some(currency),
        amount: Some(cost),
        unit_of_measure: suggested
            .or(line.net_cost.as_ref())
            .and_then(|m| m.unit_of_measure)
            .or(template.and_then(|m| m.unit_of_measure)),
    };
    let rejection_reason = approved
        .and_then(|(_, a)| a.rejection_reason)
        .or(line.rejection_reason)
        .unwrap_or(RejectionReason::TemporarilyUnavailable);
    Ok(ApprovedQuantities {
        accepted,
        backorders,
        rejected: ordered.saturating_sub(total),
        rejection_reason,
        net_cost,
        overridden,
    })
}
