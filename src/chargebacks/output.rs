//! What `chargebackExposure` returns.

use std::collections::BTreeMap;

use serde::Serialize;

use super::rates::{ChargebackType, Rate};
use crate::money::{CurrencyAmount, Decimal};

/// The output of `chargebackExposure`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ChargebackExposureOutput {
    /// One per type and PO (line, ASN, carton where they apply): soonest to land first, then
    /// by type (in declaration order), PO, line, ASN and carton.
    pub chargebacks: Vec<ForecastChargeback>,
    /// Per type and currency (chargebacks with the amount unknown count, add nothing).
    pub by_type: Vec<ExposureTotal>,
    /// Per landing week (Sunday to Saturday, Amazon's week) and currency.
    pub by_week: Vec<ExposureTotal>,
    /// Chargebacks whose amount is unknown (no cost to apply a percentage to, or no rate).
    pub unvalued: u64,
    /// Input exceptions and issues that lead to no chargeback.
    pub not_chargebacks: u64,
    /// The rate of every type as applied (built-in, or the input's).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<ChargebackType, Rate>"))]
    pub rates: BTreeMap<ChargebackType, Rate>,
}

/// A chargeback Amazon is likely to raise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ForecastChargeback {
    /// The kind of chargeback (rate table key).
    pub chargeback_type: ChargebackType,
    /// The PO it concerns, when it concerns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line it concerns, for per-line chargebacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The ASN it concerns, for ASN and carton chargebacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipment_identifier: Option<String>,
    /// JSON pointer to the carton in the ASN (`/cartons/3`), for per-carton chargebacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carton: Option<String>,
    /// The cost of the goods concerned (what a percentage applies to), as the engines valued
    /// them (`moneyAtRisk`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<CurrencyAmount>,
    /// The expected chargeback; absent when it cannot be known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<CurrencyAmount>,
    /// When it would show in a remittance (ISO-8601 UTC, never before `now`).
    pub lands_at: String,
    /// The Sunday (`YYYY-MM-DD`) starting the week it lands in.
    pub week_start: String,
    /// Whether acting now can still avoid it.
    pub avoidable: bool,
    /// The deadline to act by, when avoidable and one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avoid_by: Option<String>,
    /// What to do: how to avoid it, or else how to prepare the dispute.
    pub action: String,
    /// The exceptions and issues behind it.
    pub evidence: Vec<ChargebackEvidence>,
}

/// One exception or ASN issue behind a chargeback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ChargebackEvidence {
    /// JSON pointer into the input: `/exceptions/3`, `/shipmentIssues/0/issues/2`.
    pub input: String,
    /// The exception's or issue's code.
    pub code: String,
    /// The engine that raised the exception, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The exception's or issue's message.
    pub message: String,
    /// The pointer into its ASN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The exception's deadline, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// The exception's money at risk, as its engine valued it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money_at_risk: Option<CurrencyAmount>,
}

/// Chargebacks of one type (`byType`), or landing in one week (`byWeek`), in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ExposureTotal {
    /// The Sunday starting the week (`byWeek` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week_start: Option<String>,
    /// The type (`byType` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chargeback_type: Option<ChargebackType>,
    /// Empty for chargebacks whose amount is unknown.
    pub currency_code: String,
    /// How many chargebacks.
    pub count: u64,
    /// Their expected total.
    pub amount: Decimal,
    /// Of which still avoidable.
    pub avoidable: Decimal,
}
