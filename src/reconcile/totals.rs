//! ReconcileTotals for finance: per exception code and currency, and per currency. Every total is the
//! exact sum of the figures it summarises (no rounding happens here).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::error::ReconcileError;
use super::facts::Remittances;
use super::output::{CurrencyTotal, Dispute, ExceptionTotal, PoReconciliation, ReconcileTotals};
use crate::exceptions::Exception;
use crate::invoice::amounts::{add, at_scale, currency_scale};
use crate::money::Decimal;
use crate::time::parse_instant;

pub fn totals(
    purchase_orders: &[PoReconciliation],
    exceptions: &[Exception],
    disputes: &[Dispute],
    remittances: &Remittances,
    now: DateTime<Utc>,
    rejected_rows: u64,
) -> Result<ReconcileTotals, ReconcileError> {
    let overflow = || ReconcileError::AmountOverflow {
        path: String::new(),
    };
    let plus = |a: &mut Decimal, b: Decimal| -> Result<(), ReconcileError> {
        *a = add(*a, b).ok_or_else(overflow)?;
        Ok(())
    };

    let mut by_exception: BTreeMap<(String, String), (u64, Decimal)> = BTreeMap::new();
    let mut currencies: BTreeMap<String, CurrencyTotal> = BTreeMap::new();
    let currency = |code: &str| -> CurrencyTotal {
        CurrencyTotal {
            currency_code: code.to_string(),
            ordered: Decimal::ZERO,
            shipped: Decimal::ZERO,
            received: Decimal::ZERO,
            invoiced: Decimal::ZERO,
            paid: Decimal::ZERO,
            deducted: Decimal::ZERO,
            money_at_risk: Decimal::ZERO,
            disputable: Decimal::ZERO,
        }
    };
    for e in exceptions {
        let code = e
            .money_at_risk
            .as_ref()
            .map(|m| m.currency_code.clone())
            .unwrap_or_default();
        let amount = e.money_at_risk.as_ref().map_or(Decimal::ZERO, |m| m.amount);
        let slot = by_exception
            .entry((e.code.clone(), code.clone()))
            .or_insert((0, Decimal::ZERO));
        slot.0 = slot.0.saturating_add(1);
        plus(&mut slot.1, amount)?;
        if !code.is_empty() {
            let total = currencies
                .entry(code.clone())
                .or_insert_with(|| currency(&code));
            plus(&mut total.money_at_risk, amount)?;
        }
    }
    for po in purchase_orders {
        let Some(code) = &po.currency_code else {
            continue;
        };
        let total = currencies
            .entry(code.clone())
            .or_insert_with(|| currency(code));
        plus(&mut total.ordered, po.money.ordered)?;
        plus(&mut total.shipped, po.money.shipped)?;
        plus(&mut total.received, po.money.received)?;
        plus(&mut total.invoiced, po.money.invoiced)?;
    }
    for (code, cash) in &remittances.cash {
        let total = currencies
            .entry(code.clone())
            .or_insert_with(|| currency(code));
        plus(&mut total.paid, *cash)?;
    }
    for (code, deducted) in &remittances.deducted {
        let total = currencies
            .entry(code.clone())
            .or_insert_with(|| currency(code));
        plus(&mut total.deducted, *deducted)?;
    }
    for d in disputes {
        let open = d
            .due_at
            .as_deref()
            .and_then(|t| parse_instant(t).ok())
            .is_none_or(|due| due >= now);
        if !open || d.amount.currency_code.is_empty() {
            continue;
        }
        let code = d.amount.currency_code.clone();
        let total = currencies
            .entry(code.clone())
            .or_insert_with(|| currency(&code));
        plus(&mut total.disputable, d.amount.amount)?;
    }
    // Written at the currency's scale (`0` → `0.00`) so every figure reads as money.
    let scaled = |code: &str, value: Decimal| at_scale(value, currency_scale(code));
    Ok(ReconcileTotals {
        by_exception: by_exception
            .into_iter()
            .map(
                |((code, currency_code), (count, money_at_risk))| ExceptionTotal {
                    money_at_risk: if currency_code.is_empty() {
                        money_at_risk
                    } else {
                        scaled(&currency_code, money_at_risk)
                    },
                    code,
                    currency_code,
                    count,
                },
            )
            .collect(),
        by_currency: currencies
            .into_values()
            .map(|t| {
                let c = t.currency_code.clone();
                CurrencyTotal {
                    ordered: scaled(&c, t.ordered),
                    shipped: scaled(&c, t.shipped),
                    received: scaled(&c, t.received),
                    invoiced: scaled(&c, t.invoiced),
                    paid: scaled(&c, t.paid),
                    deducted: scaled(&c, t.deducted),
                    money_at_risk: scaled(&c, t.money_at_risk),
                    disputable: scaled(&c, t.disputable),
                    currency_code: c,
                }
            })
            .collect(),
        remittance_rows: remittances.rows,
        remittance_rows_rejected: rejected_rows,
    })
}
