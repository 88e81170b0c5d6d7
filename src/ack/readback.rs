//! `checkAcknowledgementStatus`: read back what Amazon recorded. The acknowledgements sent
//! (the `request.acknowledgements` entries, as sent) are compared, line by line, with the
//! getPurchaseOrdersStatus rows Amazon returns (`itemStatus[].acknowledgementStatus`).
//!
//! The RP guide: "Allow the system to take up to 30 minutes to show the original or updated
//! version once submitted." A line sent less than `settleMinutes` (default 30) ago is `pending`;
//! after that, a line still `UNCONFIRMED` is raised (`ACKNOWLEDGEMENT_UNCONFIRMED`, an error once
//! the 24-hour deadline has passed, a warning when it is near), and a line whose confirmation or
//! quantities differ from what was sent is `ACKNOWLEDGEMENT_MISMATCH`.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::engine::ACKNOWLEDGEMENT_WINDOW_HOURS;
use super::history::{HistoryIndex, LineHistory, line_key};
use crate::error::InputError;
use crate::exceptions::{Exception, Severity};
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, OrderAcknowledgement, UnitOfMeasure,
};
use crate::spapi::orders_status::{ConfirmationStatus, OrderItemStatus, OrderStatus};
use crate::time::{Instant, format_instant, parse_instant};

/// The input of `checkAcknowledgementStatus`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckAcknowledgementStatusInput {
    /// The acknowledgements sent (earlier `request.acknowledgements` entries, as sent); a later
    /// one of a line replaces an earlier one.
    pub sent: Vec<OrderAcknowledgement>,
    /// `payload.ordersStatus` rows of getPurchaseOrdersStatus, as Amazon returned them.
    pub orders_status: Vec<OrderStatus>,
    /// The time of the check (the core never reads the clock).
    pub now: Instant,
    /// Minutes Amazon may take to show an acknowledgement (default 30, the RP guide).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle_minutes: Option<u32>,
    /// An unconfirmed line is raised this many hours before its deadline (default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_soon_hours: Option<u32>,
}

wire_enum! {
    /// How a sent line reads at Amazon.
    ReadBackStatus {
        /// Amazon recorded what was sent.
        Confirmed = "confirmed",
        /// Sent less than `settleMinutes` ago: Amazon may not show it yet.
        Pending = "pending",
        /// Amazon still shows the line as UNCONFIRMED.
        Unconfirmed = "unconfirmed",
        /// Amazon's confirmation or quantities differ from what was sent.
        Mismatch = "mismatch",
        /// The PO or line is not in the status rows given.
        Missing = "missing",
    }
}

/// One sent line read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReadBackLine {
    /// The PO number.
    pub purchase_order_number: String,
    /// The PO line's item sequence number.
    pub item_sequence_number: String,
    /// How the line reads at Amazon.
    pub status: ReadBackStatus,
    /// Units sent as accepted, in the line's unit.
    pub sent_accepted: u64,
    /// Units sent as backordered, in the line's unit.
    pub sent_backordered: u64,
    /// Units sent as rejected, in the line's unit.
    pub sent_rejected: u64,
    /// What Amazon shows, when it shows the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_status: Option<ConfirmationStatus>,
    /// The accepted quantity Amazon shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_quantity: Option<ItemQuantity>,
    /// The rejected quantity Amazon shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_quantity: Option<ItemQuantity>,
}

/// The output of `checkAcknowledgementStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CheckAcknowledgementStatusOutput {
    /// Every line sent (its latest acknowledgement), by PO number and line.
    pub lines: Vec<ReadBackLine>,
    /// Lines unconfirmed near or past their deadline, mismatches, lines Amazon does not show.
    pub exceptions: Vec<Exception>,
}

/// Compares what was sent with what Amazon recorded.
pub fn check_acknowledgement_status(
    input: CheckAcknowledgementStatusInput,
) -> Result<CheckAcknowledgementStatusOutput, InputError> {
    let now = input.now.0;
    let settle = Duration::minutes(i64::from(input.settle_minutes.unwrap_or(30)));
    let soon = crate::time::hours(i64::from(input.due_soon_hours.unwrap_or(4)));
    // The sent lines, the latest acknowledgement of each (same rules as `history`).
    let sent = HistoryIndex::new(&input.sent).map_err(|e| match e {
        InputError::InvalidDate { path, message } => InputError::InvalidDate {
            path: path.replacen("/history/", "/sent/", 1),
            message,
        },
        other => other,
    })?;
    // PO number → its status row (the last one given wins); lines are found within the row.
    let mut by_po: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, order) in input.orders_status.iter().enumerate() {
        by_po.insert(order.purchase_order_number.as_str(), i);
    }

    let mut output = CheckAcknowledgementStatusOutput::default();
    for (number, key, history) in sent.lines() {
        let seq = history
            .latest
            .item_sequence_number
            .clone()
            .unwrap_or_else(|| key.to_string());
        let order = by_po.get(number).and_then(|&i| input.orders_status.get(i));
        let item = order.and_then(|order| {
            order
                .item_status
                .iter()
                .find(|item| line_key(Some(&item.item_sequence_number), None, None) == key)
        });
        let line = read_back(number, &seq, history, item, now, settle);
        if let Some(exception) = line_exception(&line, history, order, now, soon) {
            output.exceptions.push(exception);
        }
        output.lines.push(line);
    }
    Ok(output)
}

/// Eaches of a quantity, when its case size is known.
fn eaches(quantity: &ItemQuantity) -> Option<u64> {
    match quantity.unit_of_measure.unwrap_or(UnitOfMeasure::Eaches) {
        UnitOfMeasure::Eaches => Some(quantity.amount),
        UnitOfMeasure::Cases => quantity
            .unit_size
            .filter(|&n| n > 0)
            .and_then(|n| quantity.amount.checked_mul(n)),
    }
}

/// True when `amount` units of `like` equal Amazon's `quantity` (in eaches when both sizes are
/// known, else as written in the same unit). An absent quantity reads as zero.
fn same_quantity(amount: u64, like: &ItemQuantity, quantity: Option<&ItemQuantity>) -> bool {
    let Some(quantity) = quantity else {
        return amount == 0;
    };
    let ours = ItemQuantity { amount, ..*like };
    match (eaches(&ours), eaches(quantity)) {
        (Some(a), Some(b)) => a == b,
        _ => amount == quantity.amount,
    }
}

fn read_back(
    number: &str,
    seq: &str,
    history: &LineHistory,
    item: Option<&OrderItemStatus>,
    now: DateTime<Utc>,
    settle: Duration,
) -> ReadBackLine {
    let accepted = history.units(AcknowledgementCode::Accepted);
    let backordered = history.units(AcknowledgementCode::Backordered);
    let rejected = history.units(AcknowledgementCode::Rejected);
    let recent = now < crate::time::saturating_add(history.acknowledged_at, settle);
    let ack = item.and_then(|item| item.acknowledgement_status.as_ref());
    let confirmation = ack.and_then(|a| a.confirmation_status);
    let expected = if rejected == 0 {
        ConfirmationStatus::Accepted
    } else if accepted == 0 && backordered == 0 {
        ConfirmationStatus::Rejected
    } else {
        ConfirmationStatus::PartiallyAccepted
    };
    let like = &history.latest.ordered_quantity;
    let status = match (item, confirmation) {
        _ if recent => ReadBackStatus::Pending,
        (None, _) => ReadBackStatus::Missing,
        (Some(_), None | Some(ConfirmationStatus::Unconfirmed)) => ReadBackStatus::Unconfirmed,
        (Some(_), Some(status)) => {
            let quantities_agree = same_quantity(
                accepted.saturating_add(backordered),
                like,
                ack.and_then(|a| a.accepted_quantity.as_ref()),
            ) && same_quantity(
                rejected,
                like,
                ack.and_then(|a| a.rejected_quantity.as_ref()),
            );
            if status == expected && quantities_agree {
                ReadBackStatus::Confirmed
            } else {
                ReadBackStatus::Mismatch
            }
        }
    };
    ReadBackLine {
        purchase_order_number: number.to_string(),
        item_sequence_number: seq.to_string(),
        status,
        sent_accepted: accepted,
        sent_backordered: backordered,
        sent_rejected: rejected,
        confirmation_status: confirmation,
        accepted_quantity: ack.and_then(|a| a.accepted_quantity),
        rejected_quantity: ack.and_then(|a| a.rejected_quantity),
    }
}

fn line_exception(
    line: &ReadBackLine,
    history: &LineHistory,
    order: Option<&OrderStatus>,
    now: DateTime<Utc>,
    soon: Duration,
) -> Option<Exception> {
    let number = &line.purchase_order_number;
    let seq = &line.item_sequence_number;
    let sent_at = format_instant(&history.acknowledged_at);
    let sent = format!(
        "{} accepted, {} backordered, {} rejected",
        line.sent_accepted, line.sent_backordered, line.sent_rejected
    );
    let due = order
        .and_then(|o| parse_instant(&o.purchase_order_date).ok())
        .map(|date| {
            crate::time::saturating_add(date, Duration::hours(ACKNOWLEDGEMENT_WINDOW_HOURS))
        });
    let exception = match line.status {
        ReadBackStatus::Confirmed | ReadBackStatus::Pending => return None,
        ReadBackStatus::Missing => Exception::for_po(
            "ACKNOWLEDGEMENT_STATUS_MISSING",
            Severity::Warning,
            number,
            format!(
                "PO {number} line {seq}: acknowledged {sent_at} ({sent}), but the status rows \
                 given do not show the line: query getPurchaseOrdersStatus for this PO"
            ),
        ),
        ReadBackStatus::Unconfirmed => {
            let overdue = due.is_some_and(|due| now > due);
            let near = due.is_some_and(|due| crate::time::saturating_add(now, soon) >= due);
            if !overdue && !near {
                return None;
            }
            Exception::for_po(
                "ACKNOWLEDGEMENT_UNCONFIRMED",
                if overdue {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                number,
                format!(
                    "PO {number} line {seq}: acknowledged {sent_at} ({sent}), but Amazon still \
                     shows it UNCONFIRMED{}: check the transaction status and send it again, or \
                     confirm the PO in Vendor Central; unacknowledged lines are treated as \
                     rejected",
                    due.map(|d| format!(" with the deadline {}", format_instant(&d)))
                        .unwrap_or_default()
                ),
            )
        }
        ReadBackStatus::Mismatch => Exception::for_po(
            "ACKNOWLEDGEMENT_MISMATCH",
            Severity::Error,
            number,
            format!(
                "PO {number} line {seq}: sent {sent_at} as {sent}, but Amazon recorded {} with \
                 {} accepted and {} rejected: send the acknowledgement of the line again, or \
                 open a Contact Us case in Vendor Central",
                line.confirmation_status
                    .map_or("no confirmation", |s| s.as_str()),
                line.accepted_quantity.map_or(0, |q| q.amount),
                line.rejected_quantity.map_or(0, |q| q.amount),
            ),
        ),
    };
    Some(
        exception
            .line(seq)
            .due(due.map(|d| format_instant(&d)))
            .money_at_risk(sent_value(history)),
    )
}

/// What the line sent is worth: its ordered eaches × the cost sent (per each; a weight-priced
/// line has no value without weights).
fn sent_value(history: &LineHistory) -> Option<crate::money::CurrencyAmount> {
    let cost = history.latest.net_cost.as_ref()?;
    if cost.unit_of_measure.is_some() {
        return None;
    }
    let currency = cost.currency_code.clone()?;
    let amount = cost
        .amount?
        .checked_mul_quantity(eaches(&history.latest.ordered_quantity)?)?;
    Some(crate::money::CurrencyAmount {
        amount: crate::invoice::amounts::at_scale(
            amount,
            crate::invoice::amounts::currency_scale(&currency),
        ),
        currency_code: currency,
    })
}
