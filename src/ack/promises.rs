//! Promises kept current: what earlier acknowledgements promised (unchanged lines), re-checked
//! every run against today's stock and inbound receipts.
//!
//! - Accepted units are charged against stock first. Units no longer covered are
//!   `OVERCOMMITTED`.
//! - Each backordered entry promised a ship date. Receipts are assigned to the open promises
//!   earliest promise first; a promise whose receipt now lands later has *slipped*, one whose
//!   receipt vanished (and stock does not cover it) is *uncovered*.
//!
//! What the engine does about it (`settle`): a slipped date is re-acknowledged with the new date
//! (the RP guide: "After 48 hours, we only expect to receive updates to ship dates or delivery
//! dates"), unless `options.promiseDateUpdates` is `review`; a shortfall is down-confirmed
//! (proposed for approval, or sent when `options.downConfirm` is `auto`) while the 48-hour
//! change window is open, and only reported after it.

use chrono::{DateTime, Utc};

use super::history::LineHistory;
use super::line::LineIssue;
use super::output::{BackorderSlice, DecisionCode};
use crate::exceptions::Severity;
use crate::spapi::orders::{AcknowledgementCode, RejectionReason};
use crate::stock::StockLedger;
use crate::time::{format_instant, parse_instant};

/// One backordered entry of an earlier acknowledgement, as re-checked this run.
#[derive(Debug, Clone)]
pub struct EntryCheck {
    pub units: u64,
    /// The promised ship date as sent, and parsed (absent or unreadable: never "slipped").
    pub promised: Option<String>,
    pub promised_at: Option<DateTime<Utc>>,
    pub promised_delivery: Option<String>,
    /// Units covered by inbound receipts, and by stock on hand (a receipt already booked in).
    pub from_inbound: u64,
    pub from_stock: u64,
    /// The ship date the receipts now give, when later than promised.
    pub slipped_to: Option<DateTime<Utc>>,
}

impl EntryCheck {
    pub fn uncovered(&self) -> u64 {
        self.units
            .saturating_sub(self.from_inbound)
            .saturating_sub(self.from_stock)
    }
}

/// A line's earlier promise, re-checked.
#[derive(Debug, Clone)]
pub struct PromiseCheck {
    pub accepted: u64,
    /// Accepted units no longer covered by allocatable stock (whole units, rounded up).
    pub short_accepted: u64,
    pub backorders: Vec<EntryCheck>,
    pub rejected: u64,
    pub rejection_reason: Option<RejectionReason>,
}

impl PromiseCheck {
    /// Charges the accepted units of `history` against stock and lists its backordered entries.
    pub fn charge(
        history: &LineHistory,
        sku: &str,
        per_unit: u64,
        stock: &mut StockLedger,
    ) -> PromiseCheck {
        let accepted = history.units(AcknowledgementCode::Accepted);
        let uncovered = stock.charge(sku, accepted.saturating_mul(per_unit));
        let short_accepted = uncovered.div_ceil(per_unit.max(1)).min(accepted);
        let backorders = history
            .latest
            .item_acknowledgements
            .iter()
            .filter(|e| e.acknowledgement_code == AcknowledgementCode::Backordered)
            .filter(|e| e.acknowledged_quantity.amount > 0)
            .map(|e| EntryCheck {
                units: e.acknowledged_quantity.amount,
                promised: e.scheduled_ship_date.clone(),
                promised_at: e
                    .scheduled_ship_date
                    .as_deref()
                    .and_then(|d| parse_instant(d).ok()),
                promised_delivery: e.scheduled_delivery_date.clone(),
                from_inbound: 0,
                from_stock: 0,
                slipped_to: None,
            })
            .collect();
        let rejection_reason = history
            .latest
            .item_acknowledgements
            .iter()
            .find(|e| e.acknowledgement_code == AcknowledgementCode::Rejected)
            .and_then(|e| e.rejection_reason);
        PromiseCheck {
            accepted,
            short_accepted,
            backorders,
            rejected: history.units(AcknowledgementCode::Rejected),
            rejection_reason,
        }
    }

    /// Covers one backordered entry: inbound receipts first (earliest first, any date), then
    /// stock on hand; records a later ship date than promised.
    pub fn cover_entry(
        entry: &mut EntryCheck,
        sku: &str,
        per_unit: u64,
        stock: &mut StockLedger,
        now: DateTime<Utc>,
        lead: chrono::Duration,
    ) {
        let granted = stock.take_inbound(sku, entry.units, per_unit, DateTime::<Utc>::MAX_UTC);
        entry.from_inbound = granted.iter().map(|(_, units)| units).sum();
        let rest = entry.units.saturating_sub(entry.from_inbound);
        entry.from_stock = stock.take_units(sku, rest, per_unit);
        let ship = granted
            .last()
            .map(|(date, _)| crate::time::saturating_add((*date).max(now), lead));
        entry.slipped_to = match (ship, entry.promised_at) {
            (Some(ship), Some(promised)) if ship > promised => Some(ship),
            _ => None,
        };
    }

    pub fn slipped(&self) -> bool {
        self.backorders.iter().any(|e| e.slipped_to.is_some())
    }

    pub fn uncovered_backorders(&self) -> u64 {
        self.backorders.iter().map(EntryCheck::uncovered).sum()
    }

    pub fn needs_attention(&self) -> bool {
        self.short_accepted > 0 || self.uncovered_backorders() > 0 || self.slipped()
    }

    /// Eaches this promise takes from stock on hand and from inbound receipts.
    pub fn eaches(&self, per_unit: u64) -> (u64, u64) {
        let from_stock: u64 = self.backorders.iter().map(|e| e.from_stock).sum();
        let from_inbound: u64 = self.backorders.iter().map(|e| e.from_inbound).sum();
        (
            self.accepted
                .saturating_add(from_stock)
                .saturating_mul(per_unit),
            from_inbound.saturating_mul(per_unit),
        )
    }
}

/// How a promise is brought up to date.
pub struct Settlement {
    pub accepted: u64,
    pub backorders: Vec<BackorderSlice>,
    pub rejected: u64,
    pub rejection_reason: Option<RejectionReason>,
    pub code: DecisionCode,
    pub reason: String,
    pub issues: Vec<LineIssue>,
    /// Why a person must approve it first.
    pub hold: Option<String>,
    /// False when only exceptions are raised (nothing to send).
    pub send: bool,
}

/// The settings `settle` reads.
pub struct SettleContext {
    pub change_window_open: bool,
    pub auto_down_confirm: bool,
    pub send_date_updates: bool,
    /// Days from ship to delivery on a delivery-window PO.
    pub transit: Option<chrono::Duration>,
}

/// The re-acknowledgement of a promise that needs attention, with its exceptions.
pub fn settle(check: &PromiseCheck, sku: &str, context: &SettleContext) -> Settlement {
    let mut issues = Vec::new();
    let uncovered = check.uncovered_backorders();
    let shortfall = check.short_accepted.saturating_add(uncovered);
    let down_confirm = shortfall > 0 && context.change_window_open;
    let date = |d: &str| d.get(..10).unwrap_or(d).to_string();

    if check.short_accepted > 0 {
        let action = if down_confirm {
            "down-confirmation proposed (rejected TemporarilyUnavailable) while the 48-hour \
             change window is open"
        } else {
            "the 48-hour change window is closed: ship what was promised, or agree the \
             shortfall with the Amazon buyer; a short shipment is charged back"
        };
        issues.push(LineIssue {
            code: "OVERCOMMITTED",
            severity: Severity::Error,
            message: format!(
                "{} of the {} units of {sku} accepted earlier are no longer covered by \
                 allocatable stock: {action}",
                check.short_accepted, check.accepted
            ),
        });
    }
    for entry in &check.backorders {
        let promised = entry.promised.as_deref().map(date).unwrap_or_default();
        if entry.uncovered() > 0 {
            let action = if down_confirm {
                "down-confirmation proposed (rejected TemporarilyUnavailable)"
            } else {
                "the 48-hour change window is closed: find stock, or agree the shortfall with \
                 the Amazon buyer"
            };
            issues.push(LineIssue {
                code: "BACKORDER_UNCOVERED",
                severity: Severity::Error,
                message: format!(
                    "{} of {} units of {sku} backordered to ship {promised} are no longer \
                     covered by an inbound receipt or stock (the receipt vanished): {action}",
                    entry.uncovered(),
                    entry.units
                ),
            });
        }
        if let Some(new) = entry.slipped_to {
            let action = if context.send_date_updates {
                "the date update is sent (Amazon accepts date updates after 48 hours)"
            } else {
                "update the date with Amazon (promiseDateUpdates is review)"
            };
            issues.push(LineIssue {
                code: "BACKORDER_SLIPPED",
                severity: Severity::Warning,
                message: format!(
                    "{} units of {sku} backordered to ship {promised} now ship {}: the inbound \
                     receipt slipped; {action}",
                    entry.units,
                    date(&format_instant(&new))
                ),
            });
        }
    }

    // The entries as they stand now: covered units keep (or move to) their date; uncovered
    // units are down-confirmed where the window allows, else keep their promise.
    let mut backorders = Vec::new();
    let mut moved = 0u64;
    for entry in &check.backorders {
        let units = if down_confirm {
            entry.units.saturating_sub(entry.uncovered())
        } else {
            entry.units
        };
        if units == 0 {
            continue;
        }
        let (ship, delivery) = match entry.slipped_to {
            Some(new) => {
                moved = moved.saturating_add(units);
                (
                    format_instant(&new),
                    context
                        .transit
                        .map(|t| format_instant(&crate::time::saturating_add(new, t)))
                        .or_else(|| entry.promised_delivery.clone()),
                )
            }
            None => (
                entry.promised.clone().unwrap_or_default(),
                entry.promised_delivery.clone(),
            ),
        };
        backorders.push(BackorderSlice {
            units,
            scheduled_ship_date: ship,
            scheduled_delivery_date: delivery,
        });
    }
    let (accepted, rejected) = if down_confirm {
        (
            check.accepted.saturating_sub(check.short_accepted),
            check.rejected.saturating_add(shortfall),
        )
    } else {
        (check.accepted, check.rejected)
    };
    let rejection_reason = (rejected > 0).then(|| {
        check
            .rejection_reason
            .unwrap_or(RejectionReason::TemporarilyUnavailable)
    });

    let mut parts = Vec::new();
    if down_confirm {
        parts.push(format!(
            "down-confirmed: {shortfall} promised units no longer covered move to rejected"
        ));
    }
    if moved > 0 {
        parts.push(format!(
            "{moved} backordered units moved to a later ship date (the inbound receipt slipped)"
        ));
    }
    let send_dates = moved > 0 && context.send_date_updates;
    let (code, send, hold) = if down_confirm {
        let hold = (!context.auto_down_confirm).then(|| {
            format!(
                "the promise of {shortfall} units can no longer be kept: approve the \
                 down-confirmation"
            )
        });
        (DecisionCode::DownConfirmed, true, hold)
    } else if send_dates {
        (DecisionCode::PromiseDateUpdated, true, None)
    } else {
        parts.push("reported only: nothing can be sent".to_string());
        (DecisionCode::Unchanged, false, None)
    };
    Settlement {
        accepted,
        backorders,
        rejected,
        rejection_reason,
        code,
        reason: format!("promise re-checked: {}", parts.join("; ")),
        issues,
        hold,
        send,
    }
}
