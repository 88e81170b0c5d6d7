//! Reading a finished report back (`readExceptionsReport`): a report saved to a file (the CLI's
//! `exceptions --json`, a host's own `exceptionsReport` call) is checked before anything shows
//! it, so a page or a host never displays what the core could not have made: every field of
//! its type and spelling, due times ISO-8601 instants, ranks 1, 2, 3, … in list order, and a
//! summary that adds up to the entries (by the very computation that made it, see
//! [`super::engine::summarise`]).
//!
//! Fields the report does not define are ignored rather than refused, as for the exceptions
//! `exceptionsReport` reads: a report of a newer core still opens. What is returned is the
//! report as the engine writes it (due times in UTC with a `Z`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::engine::summarise;
use super::error::ReportError;
use super::output::{ExceptionsReportOutput, OwnerRole, ReportEntry, ReportSummary};
use crate::error::InputError;
use crate::exceptions::Severity;
use crate::money::CurrencyAmount;
use crate::time::{Instant, format_instant};

/// A finished report as a file holds it: the output of `exceptionsReport`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportFile {
    /// The entries, in rank order.
    pub entries: Vec<ReportFileEntry>,
    /// The totals the entries must add up to.
    pub summary: ReportFileSummary,
}

/// One entry of a saved report (the fields of [`ReportEntry`]; `dueAt` read as an instant, so
/// a bad one is refused at its own pointer).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportFileEntry {
    /// Position in the report: 1, 2, 3, … in list order.
    pub rank: u64,
    /// The exception code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The engine that reported it, if tagged.
    #[serde(default)]
    pub source: Option<String>,
    /// The purchase order concerned, if any.
    #[serde(default)]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, if any.
    #[serde(default)]
    pub item_sequence_number: Option<String>,
    /// The ERP SKU concerned, if any.
    #[serde(default)]
    pub sku: Option<String>,
    /// The SP-API transaction concerned, if any.
    #[serde(default)]
    pub transaction_id: Option<String>,
    /// What happened, in words.
    pub message: String,
    /// When it must be dealt with.
    #[serde(default)]
    pub due_at: Option<Instant>,
    /// Whether `dueAt` had passed when the report was made.
    pub overdue: bool,
    /// The money at risk, if any.
    #[serde(default)]
    pub money_at_risk: Option<CurrencyAmount>,
    /// Who acts: administrator, finance, merchandising or operations.
    pub owner: OwnerRole,
    /// What to do.
    pub action: String,
}

/// The summary of a saved report.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportFileSummary {
    /// Number of entries.
    pub total: u64,
    /// Number of overdue entries.
    pub overdue: u64,
    /// Number of entries per owner.
    #[serde(default)]
    pub by_owner: BTreeMap<OwnerRole, u64>,
    /// Money at risk per currency (never added across currencies).
    #[serde(default)]
    pub money_at_risk: Vec<CurrencyAmount>,
}

/// Checks a saved report and returns it as the engine writes it.
///
/// Errors (each with the JSON pointer of the field): the reader's own (`MISSING_FIELD`,
/// `INVALID_TYPE`, `UNKNOWN_ENUM` for a severity or owner, `INVALID_DATE` for a `dueAt`,
/// `INVALID_DECIMAL` for an amount); `INVALID_VALUE` for a rank out of sequence or a summary
/// figure that the entries do not add up to; `AMOUNT_OVERFLOW` when the entries' money cannot
/// be totalled.
pub fn read_exceptions_report(file: ReportFile) -> Result<ExceptionsReportOutput, ReportError> {
    let mut entries = Vec::with_capacity(file.entries.len());
    for (i, entry) in file.entries.into_iter().enumerate() {
        let position = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
        if entry.rank != position {
            return Err(InputError::InvalidValue {
                path: format!("/entries/{i}/rank"),
                message: format!(
                    "entry {position} has rank {}: a report ranks its entries 1, 2, 3, … in list order",
                    entry.rank
                ),
            }
            .into());
        }
        entries.push(ReportEntry {
            rank: entry.rank,
            code: entry.code,
            severity: entry.severity,
            source: entry.source,
            purchase_order_number: entry.purchase_order_number,
            item_sequence_number: entry.item_sequence_number,
            sku: entry.sku,
            transaction_id: entry.transaction_id,
            message: entry.message,
            due_at: entry.due_at.map(|d| format_instant(&d.0)),
            overdue: entry.overdue,
            money_at_risk: entry.money_at_risk,
            owner: entry.owner,
            action: entry.action,
        });
    }
    let summary = summarise(&entries, "/entries")?;
    check_summary(&file.summary, &summary)?;
    Ok(ExceptionsReportOutput { entries, summary })
}

fn mismatch(path: String, message: String) -> ReportError {
    InputError::InvalidValue { path, message }.into()
}

/// The saved summary against the one its entries give; the first difference is the error.
fn check_summary(saved: &ReportFileSummary, actual: &ReportSummary) -> Result<(), ReportError> {
    if saved.total != actual.total {
        return Err(mismatch(
            "/summary/total".to_string(),
            format!(
                "the summary counts {} entries but the report has {}",
                saved.total, actual.total
            ),
        ));
    }
    if saved.overdue != actual.overdue {
        return Err(mismatch(
            "/summary/overdue".to_string(),
            format!(
                "the summary counts {} overdue but {} entries are overdue",
                saved.overdue, actual.overdue
            ),
        ));
    }
    for owner in OwnerRole::ALL {
        let said = saved.by_owner.get(owner).copied().unwrap_or(0);
        let counted = actual.by_owner.get(owner).copied().unwrap_or(0);
        if said != counted {
            return Err(mismatch(
                format!("/summary/byOwner/{owner}"),
                format!("the summary counts {said} for {owner} but {counted} entries are theirs"),
            ));
        }
    }
    for (i, total) in saved.money_at_risk.iter().enumerate() {
        let counted = actual
            .money_at_risk
            .iter()
            .find(|t| t.currency_code == total.currency_code);
        let first = saved
            .money_at_risk
            .iter()
            .position(|t| t.currency_code == total.currency_code);
        match counted {
            _ if first != Some(i) => {
                return Err(mismatch(
                    format!("/summary/moneyAtRisk/{i}/currencyCode"),
                    format!("{} is totalled twice", total.currency_code),
                ));
            }
            Some(counted) if counted.amount == total.amount => {}
            Some(counted) => {
                return Err(mismatch(
                    format!("/summary/moneyAtRisk/{i}/amount"),
                    format!(
                        "the summary totals {} {} but the entries' money at risk adds up to {} {}",
                        total.amount, total.currency_code, counted.amount, counted.currency_code
                    ),
                ));
            }
            None => {
                return Err(mismatch(
                    format!("/summary/moneyAtRisk/{i}"),
                    format!(
                        "the summary totals {} {} but no entry has money at risk in {}",
                        total.amount, total.currency_code, total.currency_code
                    ),
                ));
            }
        }
    }
    if let Some(missing) = actual.money_at_risk.iter().find(|t| {
        !saved
            .money_at_risk
            .iter()
            .any(|s| s.currency_code == t.currency_code)
    }) {
        return Err(mismatch(
            "/summary/moneyAtRisk".to_string(),
            format!(
                "no total for {} although the entries have {} {} at risk in it",
                missing.currency_code, missing.amount, missing.currency_code
            ),
        ));
    }
    Ok(())
}
