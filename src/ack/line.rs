//! Deciding one PO line that needs an acknowledgement: which units are accepted from stock,
//! backordered against inbound receipts, or rejected, and why.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};

use super::history::LineHistory;
use super::output::{BackorderSlice, DecisionCode};
use super::rules::{CostAction, EffectiveRules, MissingStockRowAction, UnknownProductAction};
use crate::exceptions::Severity;
use crate::money::Decimal;
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Money, OrderItem, OrderItemAcknowledgement, RejectionReason,
    UnitOfMeasure,
};
use crate::stock::{SkuStock, StockLedger};
use crate::time::format_instant;

/// What is known of a line before deciding it.
pub struct LineFacts<'a> {
    pub item: &'a OrderItem,
    pub sku: Option<String>,
    pub unit: UnitOfMeasure,
    /// Eaches per ordered unit, when known.
    pub eaches_per_unit: Option<u64>,
    pub rules: EffectiveRules,
    pub history: Option<&'a LineHistory>,
    /// The cost to acknowledge: an approved cost kept from `history`, else the PO's; its
    /// currency filled from the list price or `options.currencyCode` when the PO omits it.
    pub net_cost: Option<Money>,
}

/// The settings of the run a line decision needs.
pub struct LineContext {
    pub now: DateTime<Utc>,
    pub lead_time_days: i64,
    pub unknown_product: UnknownProductAction,
    pub missing_stock_row: MissingStockRowAction,
    /// Days from shipping to delivery, on POs with a delivery window (vendor-paid freight):
    /// their backordered entries carry a scheduledDeliveryDate too.
    pub transit_days: Option<chrono::Duration>,
}

/// An exception raised by a line, before the PO-level keys are attached.
pub struct LineIssue {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// The decision for one line.
pub struct LineResult {
    pub accepted: u64,
    pub backorders: Vec<BackorderSlice>,
    pub rejected: u64,
    pub rejection_reason: Option<RejectionReason>,
    pub previously_rejected: u64,
    /// Units stock could cover (the approver's ceiling without an override).
    pub allocatable_units: u64,
    pub code: DecisionCode,
    pub reason: String,
    pub issues: Vec<LineIssue>,
    /// Why the line needs a person, if it does.
    pub hold: Option<String>,
    /// Eaches taken from stock and from inbound receipts.
    pub stock_eaches: u64,
    pub inbound_eaches: u64,
}

impl LineResult {
    pub fn backordered(&self) -> u64 {
        self.backorders.iter().map(|slice| slice.units).sum()
    }

    /// The acknowledgement entries: Accepted, then Backordered per ship date, then Rejected.
    pub fn entries(&self, quantity: impl Fn(u64) -> ItemQuantity) -> Vec<OrderItemAcknowledgement> {
        let mut entries = Vec::new();
        if self.accepted > 0 {
            entries.push(entry(
                AcknowledgementCode::Accepted,
                quantity(self.accepted),
            ));
        }
        for slice in &self.backorders {
            let mut backorder = entry(AcknowledgementCode::Backordered, quantity(slice.units));
            backorder.scheduled_ship_date = Some(slice.scheduled_ship_date.clone());
            backorder
                .scheduled_delivery_date
                .clone_from(&slice.scheduled_delivery_date);
            entries.push(backorder);
        }
        if self.rejected > 0 {
            let mut rejected = entry(AcknowledgementCode::Rejected, quantity(self.rejected));
            rejected.rejection_reason = self.rejection_reason;
            entries.push(rejected);
        }
        entries
    }
}

pub(super) fn entry(code: AcknowledgementCode, quantity: ItemQuantity) -> OrderItemAcknowledgement {
    OrderItemAcknowledgement {
        acknowledgement_code: code,
        acknowledged_quantity: quantity,
        scheduled_ship_date: None,
        scheduled_delivery_date: None,
        rejection_reason: None,
    }
}

fn units_word(unit: UnitOfMeasure, amount: u64) -> &'static str {
    match (unit, amount) {
        (UnitOfMeasure::Cases, 1) => "case",
        (UnitOfMeasure::Cases, _) => "cases",
        (UnitOfMeasure::Eaches, 1) => "each",
        (UnitOfMeasure::Eaches, _) => "eaches",
    }
}

/// Appends "18 allocatable eaches of TV (on hand 25 − committed 3 − safety stock 4), 12 already
/// taken by earlier POs, 5 kept as minimum inventory" to `reason`.
fn describe_stock(reason: &mut String, sku: &str, before: &SkuStock, min_inventory: u64) {
    // `write!` into a String cannot fail: the results are ignored.
    let _ = write!(reason, "{} allocatable eaches of {sku}", before.allocatable);
    if let Some(on_hand) = before.on_hand {
        let _ = write!(reason, " (on hand {on_hand}");
        if before.committed > 0 {
            let _ = write!(reason, " − committed {}", before.committed);
        }
        if before.safety_stock > 0 {
            let _ = write!(reason, " − safety stock {}", before.safety_stock);
        }
        reason.push(')');
    }
    if before.taken > 0 {
        let _ = write!(reason, ", {} already taken by earlier POs", before.taken);
    }
    if min_inventory > 0 {
        let _ = write!(reason, ", {min_inventory} kept as minimum inventory");
    }
}

/// A rejection of every open unit for one reason, with no stock touched.
fn reject_all(
    facts: &LineFacts,
    previously_rejected: u64,
    reason_code: RejectionReason,
    code: DecisionCode,
    reason: String,
) -> LineResult {
    LineResult {
        accepted: 0,
        backorders: Vec::new(),
        rejected: facts.item.ordered_quantity.amount,
        rejection_reason: Some(reason_code),
        previously_rejected,
        allocatable_units: 0,
        code,
        reason,
        issues: Vec::new(),
        hold: None,
        stock_eaches: 0,
        inbound_eaches: 0,
    }
}

/// Decides a line that needs an acknowledgement (new, or changed by Amazon).
pub fn decide_line(
    facts: &LineFacts,
    context: &LineContext,
    stock: &mut StockLedger,
) -> LineResult {
    let item = facts.item;
    let amount = item.ordered_quantity.amount;
    let previously_rejected = facts.history.map_or(0, |h| h.rejected_units).min(amount);
    let open = amount.saturating_sub(previously_rejected);

    let Some(sku) = facts.sku.as_deref() else {
        let hold = context.unknown_product == UnknownProductAction::Review;
        let message = if hold {
            format!(
                "no ERP item matches {}: map it in the SKU map, or approve the rejection \
                 (InvalidProductIdentifier, final)",
                item.describe_identifiers()
            )
        } else {
            format!(
                "no ERP item matches {}: rejected as InvalidProductIdentifier (final); if the \
                 item exists, map it before the next PO",
                item.describe_identifiers()
            )
        };
        let mut result = reject_all(
            facts,
            previously_rejected,
            RejectionReason::InvalidProductIdentifier,
            DecisionCode::UnknownProduct,
            format!("no ERP item matches {}", item.describe_identifiers()),
        );
        result.issues.push(LineIssue {
            code: "UNKNOWN_PRODUCT",
            severity: if hold {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: message.clone(),
        });
        result.hold = hold.then_some(message);
        return result;
    };

    if facts.rules.obsolete {
        let hard = facts.history.is_some_and(|h| {
            h.obsolete_rejections.first().is_some_and(|first| {
                context.now.signed_duration_since(*first) >= Duration::hours(48)
            })
        });
        let mut result = reject_all(
            facts,
            previously_rejected,
            RejectionReason::ObsoleteProduct,
            DecisionCode::ObsoleteProduct,
            format!("{sku} is marked obsolete: rejected as ObsoleteProduct"),
        );
        if hard {
            result.issues.push(LineIssue {
                code: "OBSOLETE_HARD_REJECT",
                severity: Severity::Info,
                message: format!(
                    "{sku} rejected as ObsoleteProduct again, at least 48 hours after the first \
                     time: Amazon treats this as a hard reject and stops ordering the item"
                ),
            });
        }
        return result;
    }

    let Some(per_unit) = facts.eaches_per_unit else {
        let message = format!(
            "{amount} cases of {sku} ordered without a unitSize, and the SKU map has no \
             unitsPerCase: cannot tell how many eaches that is"
        );
        let mut result = reject_all(
            facts,
            previously_rejected,
            RejectionReason::TemporarilyUnavailable,
            DecisionCode::CaseSizeUnknown,
            "case size unknown: cannot allocate".to_string(),
        );
        result.issues.push(LineIssue {
            code: "UNIT_SIZE_MISSING",
            severity: Severity::Error,
            message: message.clone(),
        });
        result.hold = Some(message);
        return result;
    };

    // Cost rules: they may reject the line, hold the PO, or only be reported.
    let mut issues = Vec::new();
    let mut holds = Vec::new();
    let mut cost_code = None;
    let po_cost = facts.net_cost.as_ref().and_then(|money| money.amount);
    if po_cost.is_some()
        && facts
            .net_cost
            .as_ref()
            .is_some_and(|m| m.currency_code.is_none())
    {
        let message = "the PO line's netCost has no currencyCode and none is configured: set \
                       options.currencyCode (Amazon needs the currency of every cost sent)"
            .to_string();
        issues.push(LineIssue {
            code: "MISSING_CURRENCY",
            severity: Severity::Error,
            message: message.clone(),
        });
        holds.push(message);
    }
    match po_cost {
        Some(cost) if !cost.is_zero() && !cost.is_negative() => {
            for (problem, action, code, message) in cost_problems(sku, cost, &facts.rules) {
                issues.push(LineIssue {
                    code,
                    severity: if action == CostAction::Accept {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    message: message.clone(),
                });
                match action {
                    CostAction::Reject => {
                        let mut result = reject_all(
                            facts,
                            previously_rejected,
                            RejectionReason::TemporarilyUnavailable,
                            problem,
                            format!("{message}: rejected by rule"),
                        );
                        result.issues = issues;
                        return result;
                    }
                    CostAction::Review => {
                        holds.push(message);
                        cost_code.get_or_insert(problem);
                    }
                    CostAction::Accept => {}
                }
            }
        }
        _ => {
            let message = "no positive netCost on the PO line: Amazon rejects an acknowledgement \
                           without one; enter the agreed cost when approving"
                .to_string();
            issues.push(LineIssue {
                code: "MISSING_NET_COST",
                severity: Severity::Error,
                message: message.clone(),
            });
            holds.push(message);
            cost_code = Some(DecisionCode::MissingNetCost);
        }
    }

    // No stock row is not zero stock: an export cut at a paging limit or filtered to non-zero
    // rows looks exactly like this, and a Rejected line is final. Held unless the host says
    // its export is complete.
    if context.missing_stock_row == MissingStockRowAction::Review && !stock.contains(sku) {
        let message = format!(
            "{sku} has no row in the inventory export: is the export complete? Enter its stock \
             and decide the line (nothing was allocated), or set missingStockRow to \"zero\" if \
             the export lists every SKU"
        );
        let mut result = reject_all(
            facts,
            previously_rejected,
            RejectionReason::TemporarilyUnavailable,
            cost_code.unwrap_or(DecisionCode::StockRowMissing),
            format!("{sku} has no inventory row: held, nothing allocated"),
        );
        issues.push(LineIssue {
            code: "STOCK_ROW_MISSING",
            severity: Severity::Error,
            message: message.clone(),
        });
        holds.push(message);
        result.issues = issues;
        result.hold = Some(holds.join("; "));
        return result;
    }

    // Stock on hand first, keeping the minimum inventory.
    let before = stock.get(sku);
    let accepted = stock.take_units_above(sku, open, per_unit, facts.rules.min_inventory);

    // Then inbound receipts, where both the PO and the rules allow backorders.
    let mut backorders = Vec::new();
    let still_open = open.saturating_sub(accepted);
    let backorder_allowed = item.is_back_order_allowed && facts.rules.allow_backorder;
    if still_open > 0 && backorder_allowed {
        // Days come from the options and rules: saturate rather than overflow the calendar.
        let lead = crate::time::days(context.lead_time_days);
        let latest_ship = crate::time::saturating_add(
            context.now,
            crate::time::days(i64::from(facts.rules.max_backorder_days)),
        );
        let latest_receipt = crate::time::saturating_sub(latest_ship, lead);
        for (receipt, units) in stock.take_inbound(sku, still_open, per_unit, latest_receipt) {
            // A receipt already in the past ships after the lead time from now.
            let ship = crate::time::saturating_add(receipt.max(context.now), lead);
            backorders.push(BackorderSlice {
                units,
                scheduled_ship_date: format_instant(&ship),
                scheduled_delivery_date: context
                    .transit_days
                    .map(|days| format_instant(&crate::time::saturating_add(ship, days))),
            });
        }
    }
    let backordered: u64 = backorders.iter().map(|s| s.units).sum();
    let rejected = amount.saturating_sub(accepted).saturating_sub(backordered);

    let code = cost_code.unwrap_or(if accepted == amount {
        DecisionCode::Accepted
    } else if rejected == 0 {
        DecisionCode::Backordered
    } else if accepted > 0 || backordered > 0 {
        DecisionCode::Partial
    } else if previously_rejected == amount {
        DecisionCode::PreviouslyRejected
    } else {
        DecisionCode::NoStock
    });

    let reason = explain(
        facts,
        sku,
        &before,
        accepted,
        &backorders,
        rejected,
        previously_rejected,
        backorder_allowed,
    );
    LineResult {
        accepted,
        backorders,
        rejected,
        rejection_reason: (rejected > 0).then_some(RejectionReason::TemporarilyUnavailable),
        previously_rejected,
        allocatable_units: accepted,
        code,
        reason,
        issues,
        hold: (!holds.is_empty()).then(|| holds.join("; ")),
        stock_eaches: accepted.saturating_mul(per_unit),
        inbound_eaches: backordered.saturating_mul(per_unit),
    }
}

/// Cost problems of a line: (decision code, action, exception code, message).
fn cost_problems(
    sku: &str,
    cost: Decimal,
    rules: &EffectiveRules,
) -> Vec<(DecisionCode, CostAction, &'static str, String)> {
    let mut problems = Vec::new();
    if let Some(minimum) = rules.min_net_cost {
        if cost < minimum {
            problems.push((
                DecisionCode::CostBelowMinimum,
                rules.below_min_net_cost,
                "COST_BELOW_MINIMUM",
                format!("PO net cost {cost} for {sku} is below the minimum {minimum}"),
            ));
        }
    }
    if let Some(expected) = rules.expected_net_cost {
        if cost != expected {
            problems.push((
                DecisionCode::CostMismatch,
                rules.cost_mismatch,
                "COST_MISMATCH",
                format!(
                    "PO net cost {cost} for {sku} differs from the expected {expected}: the \
                     acknowledged cost must equal the invoiced cost"
                ),
            ));
        }
    }
    problems
}

/// Room for a typical reason (about 150 bytes), so building it rarely reallocates.
const REASON_CAPACITY: usize = 192;

/// The reason text of a decided line: its parts joined by "; ", then ": " and the stock
/// figures. Written into one String (this runs for every decided line, and a `format!` per
/// part plus a join cost a tenth of the engine's time on large batches).
#[allow(clippy::too_many_arguments)]
fn explain(
    facts: &LineFacts,
    sku: &str,
    before: &SkuStock,
    accepted: u64,
    backorders: &[BackorderSlice],
    rejected: u64,
    previously_rejected: u64,
    backorder_allowed: bool,
) -> String {
    let amount = facts.item.ordered_quantity.amount;
    let unit = facts.unit;
    let per_case = match (unit, facts.eaches_per_unit) {
        (UnitOfMeasure::Cases, Some(n)) => Some(n),
        _ => None,
    };
    let mut reason = String::with_capacity(REASON_CAPACITY);
    // Every part is non-empty, so an empty buffer means "first part": no separator before it.
    let start_part = |reason: &mut String| {
        if !reason.is_empty() {
            reason.push_str("; ");
        }
    };
    // `write!` into a String cannot fail: the results are ignored.
    if accepted == amount || accepted > 0 {
        if accepted == amount {
            let _ = write!(reason, "accepted all {amount} {}", units_word(unit, amount));
        } else {
            let _ = write!(
                reason,
                "accepted {accepted} of {amount} {}",
                units_word(unit, amount)
            );
        }
        if let Some(n) = per_case {
            let _ = write!(reason, " ({n} per case)");
        }
    }
    for slice in backorders {
        let date = slice
            .scheduled_ship_date
            .get(..10)
            .unwrap_or(&slice.scheduled_ship_date);
        start_part(&mut reason);
        let _ = write!(
            reason,
            "{} backordered to ship {date} from inbound stock",
            slice.units
        );
    }
    let stock_rejected = rejected.saturating_sub(previously_rejected);
    if stock_rejected > 0 {
        let why = if backorder_allowed {
            "nothing inbound in time"
        } else if facts.item.is_back_order_allowed {
            "backorders off for this SKU"
        } else {
            "the PO does not allow backorders"
        };
        start_part(&mut reason);
        let _ = write!(
            reason,
            "{stock_rejected} {} rejected as TemporarilyUnavailable ({why})",
            units_word(unit, stock_rejected)
        );
    }
    if previously_rejected > 0 {
        start_part(&mut reason);
        let _ = write!(
            reason,
            "{previously_rejected} rejected earlier (a rejection is final)"
        );
    }
    reason.push_str(": ");
    describe_stock(&mut reason, sku, before, facts.rules.min_inventory);
    reason
}
