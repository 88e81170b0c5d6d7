//! `exceptionsReport`: merge, classify, order.
//!
//! Order (a total order, so the result does not depend on input order): overdue first; then
//! `dueAt` ascending (entries without one after those with one); then severity (error, warning,
//! info); then money at risk descending (amounts compared as numbers whatever their currency —
//! the core has no exchange rates — then by currency code; entries without money last); then
//! code, PO, line, SKU, transaction, source, message, owner and action. Identical entries are
//! reported once.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::error::ReportError;
use super::input::{
    DEFAULT_PROCESSING_GRACE_MINUTES, DfCalendarOrder, ExceptionsReportInput, TrackedTransaction,
};
use super::output::{ExceptionsReportOutput, ReportEntry, ReportSummary};
use super::owners::owner_of;
use crate::error::InputError;
use crate::exceptions::Severity;
use crate::money::CurrencyAmount;
use crate::spapi::transactions::TransactionState;
use crate::time::{format_instant, hours, parse_instant, saturating_add};

/// Builds the report.
pub fn exceptions_report(
    input: ExceptionsReportInput,
) -> Result<ExceptionsReportOutput, ReportError> {
    let now = input.now.0;
    let grace = Duration::minutes(i64::from(
        input
            .options
            .processing_grace_minutes
            .unwrap_or(DEFAULT_PROCESSING_GRACE_MINUTES),
    ));
    let owner_and_action = |code: &str| match input.options.owners.get(code) {
        Some(custom) => (
            custom.owner,
            custom.action.clone().unwrap_or_else(|| owner_of(code).1),
        ),
        None => owner_of(code),
    };

    let invoice_hours = i64::from(input.options.df_invoice_due_hours.unwrap_or(24));
    let mut entries = Vec::new();
    for (i, reported) in input.exceptions.iter().enumerate() {
        let exception = reported;
        let due = exception
            .due_at
            .as_deref()
            .map(|text| {
                parse_instant(text).map_err(|message| InputError::InvalidDate {
                    path: format!("/exceptions/{i}/dueAt"),
                    message,
                })
            })
            .transpose()?;
        let (owner, action) = owner_and_action(&exception.code);
        entries.push(ReportEntry {
            rank: 0,
            code: exception.code.clone(),
            severity: exception.severity,
            source: reported.source.clone(),
            purchase_order_number: exception.purchase_order_number.clone(),
            item_sequence_number: exception.item_sequence_number.clone(),
            sku: exception.sku.clone(),
            transaction_id: None,
            message: exception.message.clone(),
            due_at: due.map(|d| format_instant(&d)),
            overdue: due.is_some_and(|d| d < now),
            money_at_risk: exception.money_at_risk.clone(),
            owner,
            action,
        });
    }
    for transaction in &input.transactions {
        if let Some((code, severity, message)) = transaction_problem(transaction, now, grace) {
            let due = transaction.due_at.map_or(now, |d| d.0);
            let (owner, action) = owner_and_action(code);
            entries.push(ReportEntry {
                rank: 0,
                code: code.to_string(),
                severity,
                source: Some("transactions".to_string()),
                purchase_order_number: transaction.purchase_order_number.clone(),
                item_sequence_number: None,
                sku: None,
                transaction_id: Some(transaction.transaction_id.clone()),
                message,
                due_at: Some(format_instant(&due)),
                overdue: due < now,
                money_at_risk: None,
                owner,
                action,
            });
        }
    }

    for order in &input.df_orders {
        if let Some((code, due, message)) = df_obligation(order, invoice_hours) {
            let (owner, action) = owner_and_action(code);
            let overdue = due < now;
            entries.push(ReportEntry {
                rank: 0,
                code: code.to_string(),
                severity: if overdue {
                    Severity::Error
                } else {
                    Severity::Info
                },
                source: Some("dfCalendar".to_string()),
                purchase_order_number: Some(order.purchase_order_number.clone()),
                item_sequence_number: None,
                sku: None,
                transaction_id: None,
                message: message.to_string(),
                due_at: Some(format_instant(&due)),
                overdue,
                money_at_risk: None,
                owner,
                action,
            });
        }
    }

    // Each due time parsed once, not at every comparison: a report of 100,000 exceptions makes
    // about 1.7 million comparisons.
    let mut keyed: Vec<(Option<DateTime<Utc>>, ReportEntry)> = entries
        .into_iter()
        .map(|entry| (parsed_due(&entry), entry))
        .collect();
    keyed.sort_by(|(da, a), (db, b)| compare_parsed(a, *da, b, *db));
    let mut entries: Vec<ReportEntry> = keyed.into_iter().map(|(_, entry)| entry).collect();
    entries.dedup();
    for (i, entry) in entries.iter_mut().enumerate() {
        entry.rank = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
    }
    let summary = summarise(&entries, "/exceptions")?;
    Ok(ExceptionsReportOutput { entries, summary })
}

/// The summary of a report's entries: counts, overdue, per owner, and money at risk per currency
/// (currencies never added together). One computation for the engine and for a report read back
/// (`read_exceptions_report`), so a saved report's summary is checked by the rule that made it.
/// `overflow_path`: where a total beyond the decimal range is reported.
pub(crate) fn summarise(
    entries: &[ReportEntry],
    overflow_path: &str,
) -> Result<ReportSummary, ReportError> {
    let mut summary = ReportSummary::default();
    let mut money: BTreeMap<String, CurrencyAmount> = BTreeMap::new();
    for entry in entries {
        summary.total = summary.total.saturating_add(1);
        if entry.overdue {
            summary.overdue = summary.overdue.saturating_add(1);
        }
        let count = summary.by_owner.entry(entry.owner).or_insert(0);
        *count = count.saturating_add(1);
        if let Some(at_risk) = &entry.money_at_risk {
            let total = money
                .entry(at_risk.currency_code.clone())
                .or_insert_with(|| CurrencyAmount {
                    amount: crate::money::Decimal::ZERO,
                    currency_code: at_risk.currency_code.clone(),
                });
            total.amount = total.amount.checked_add(at_risk.amount).ok_or_else(|| {
                ReportError::AmountOverflow {
                    path: overflow_path.to_string(),
                }
            })?;
        }
    }
    summary.money_at_risk = money.into_values().collect();
    Ok(summary)
}

/// A failed transaction, or one with no status long after it was submitted. A transaction
/// still `Processing` after the grace period has succeeded (RP guide: "If transaction status is
/// Processing and not updated to Failure after 15 minutes, that indicates transaction has
/// successfully processed"), so it is not reported.
fn transaction_problem(
    transaction: &TrackedTransaction,
    now: DateTime<Utc>,
    grace: Duration,
) -> Option<(&'static str, Severity, String)> {
    let id = &transaction.transaction_id;
    let kind = &transaction.kind;
    let po = transaction
        .purchase_order_number
        .as_deref()
        .map(|n| format!(" for PO {n}"))
        .unwrap_or_default();
    match transaction.status {
        Some(TransactionState::Failure) => {
            let codes: Vec<&str> = transaction
                .errors
                .iter()
                .flatten()
                .map(|e| e.code.as_str())
                .collect();
            let codes = if codes.is_empty() {
                String::new()
            } else {
                format!(" (Amazon error codes: {})", codes.join(", "))
            };
            Some((
                "TRANSACTION_FAILED",
                Severity::Error,
                format!(
                    "{kind} transaction {id}{po} failed at Amazon{codes}: nothing of it was \
                     accepted; correct it and submit again"
                ),
            ))
        }
        None if now.signed_duration_since(transaction.submitted_at.0) >= grace => Some((
            "TRANSACTION_STATUS_UNKNOWN",
            Severity::Warning,
            format!(
                "{kind} transaction {id}{po} was submitted at {} and has no status {} minutes \
                 later: whether Amazon received it is unknown",
                format_instant(&transaction.submitted_at.0),
                now.signed_duration_since(transaction.submitted_at.0)
                    .num_minutes()
            ),
        )),
        None | Some(TransactionState::Processing) | Some(TransactionState::Success) => None,
    }
}

/// The next open obligation of a DF order, with its due time (DF guide): acknowledge within 24
/// hours of the order; ship by the required ship date ("the latest date the order should be
/// shipped"); confirm "within 4 hours after the order has shipped"; invoice after confirmation
/// (`dfInvoiceDueHours`, default 24).
fn df_obligation(
    order: &DfCalendarOrder,
    invoice_hours: i64,
) -> Option<(&'static str, DateTime<Utc>, &'static str)> {
    if order.cancelled || order.invoiced_at.is_some() {
        return None;
    }
    Some(
        match (order.acknowledged_at, order.shipped_at, order.confirmed_at) {
            (_, _, Some(confirmed)) => (
                "DF_INVOICE_DUE",
                saturating_add(confirmed.0, hours(invoice_hours)),
                "the order is confirmed as shipped and not yet invoiced",
            ),
            (_, Some(shipped), None) => (
                "DF_CONFIRMATION_DUE",
                saturating_add(shipped.0, hours(4)),
                "the order has shipped; its shipment confirmation is due within 4 hours",
            ),
            (Some(_), None, None) => (
                "DF_SHIP_BY",
                order.required_ship_date.0,
                "the order is acknowledged and must ship by its required ship date",
            ),
            (None, None, None) => (
                "DF_ACKNOWLEDGEMENT_DUE",
                saturating_add(order.order_date.0, hours(24)),
                "the order is not acknowledged; the acknowledgement is due 24 hours after the order",
            ),
        },
    )
}

/// The report's order on entries (see the module documentation). Total: two entries compare
/// equal only when every field but `rank` is equal.
pub fn compare_entries(a: &ReportEntry, b: &ReportEntry) -> Ordering {
    compare_parsed(a, parsed_due(a), b, parsed_due(b))
}

fn parsed_due(entry: &ReportEntry) -> Option<DateTime<Utc>> {
    entry.due_at.as_deref().and_then(|d| parse_instant(d).ok())
}

/// [`compare_entries`] with each entry's due time already parsed.
fn compare_parsed(
    a: &ReportEntry,
    due_a: Option<DateTime<Utc>>,
    b: &ReportEntry,
    due_b: Option<DateTime<Utc>>,
) -> Ordering {
    b.overdue
        .cmp(&a.overdue)
        .then_with(|| match (due_a, due_b) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        // The raw strings too: two spellings of one instant must still order deterministically.
        .then_with(|| a.due_at.cmp(&b.due_at))
        .then_with(|| a.severity.cmp(&b.severity))
        .then_with(|| match (&a.money_at_risk, &b.money_at_risk) {
            (Some(x), Some(y)) => y
                .amount
                .cmp(&x.amount)
                .then_with(|| x.currency_code.cmp(&y.currency_code))
                .then_with(|| x.amount.to_string().cmp(&y.amount.to_string())),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| a.code.cmp(&b.code))
        .then_with(|| a.purchase_order_number.cmp(&b.purchase_order_number))
        .then_with(|| a.item_sequence_number.cmp(&b.item_sequence_number))
        .then_with(|| a.sku.cmp(&b.sku))
        .then_with(|| a.transaction_id.cmp(&b.transaction_id))
        .then_with(|| a.source.cmp(&b.source))
        .then_with(|| a.message.cmp(&b.message))
        .then_with(|| a.owner.cmp(&b.owner))
        .then_with(|| a.action.cmp(&b.action))
        .then_with(|| a.rank.cmp(&b.rank))
}
