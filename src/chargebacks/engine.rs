//! `chargebackExposure`: exceptions and ASN issues → the chargebacks they lead to, priced.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::error::ChargebackError;
use super::input::ChargebackExposureInput;
use super::output::{
    ChargebackEvidence, ChargebackExposureOutput, ExposureTotal, ForecastChargeback,
};
use super::rates::{ChargebackType, DEFAULT_LANDING_DAYS, Rate, default_rate};
use crate::error::{InputError, pointer_child};
use crate::invoice::amounts::{currency_scale, round_to};
use crate::money::{CurrencyAmount, Decimal};
use crate::time::{days, format_instant, parse_instant, saturating_add, week_start};

use ChargebackType::{
    AsnAccuracy, AsnLate, CartonLabel, DownConfirmed, NotFilled, NotOnTime, Overage, Prep,
    UnitOfMeasure,
};

/// Built-in mapping: (exception or ASN issue code, chargeback type, whether the defect has
/// already happened — a receipt, a shipment — so only a dispute remains). Sorted by code.
pub const CODE_TYPES: &[(&str, ChargebackType, bool)] = &[
    ("ACCEPTED_NOT_SHIPPED", NotFilled, false),
    ("ACKNOWLEDGEMENT_DUE_SOON", DownConfirmed, false),
    ("ACKNOWLEDGEMENT_LATE", DownConfirmed, false),
    ("ACKNOWLEDGEMENT_OVERDUE", DownConfirmed, false),
    ("APPROVAL_REQUIRED", DownConfirmed, false),
    ("ASN_LATE", AsnLate, false),
    ("ASN_WITHOUT_ERP_FULFILMENT", AsnAccuracy, false),
    ("CARTON_NOT_ON_PALLET", AsnAccuracy, false),
    ("CARTON_ON_SEVERAL_PALLETS", AsnAccuracy, false),
    ("COUNT_MISMATCH", AsnAccuracy, false),
    ("DUPLICATE_SSCC", CartonLabel, false),
    ("HIERARCHY_MISMATCH", AsnAccuracy, false),
    ("INVALID_SSCC", CartonLabel, false),
    ("INVALID_SSCC_CHECK_DIGIT", CartonLabel, false),
    ("ITEM_NOT_ON_PURCHASE_ORDER", AsnAccuracy, false),
    ("MISSING_CARTON_SSCC", CartonLabel, false),
    ("NOT_WHOLE_CASES", UnitOfMeasure, false),
    ("OVERAGE", Overage, false),
    ("PALLET_OVERWEIGHT", Prep, false),
    ("PARTIALLY_FULFILLED_OPEN", NotFilled, false),
    ("QUANTITY_MISMATCH", AsnAccuracy, false),
    ("RECEIVED_MORE_THAN_SHIPPED", AsnAccuracy, true),
    ("SHIPPED_DATE_OUT_OF_WINDOW", NotOnTime, false),
    ("SHIPPED_WITHOUT_ASN", AsnAccuracy, false),
    ("SSCC_REUSED", CartonLabel, false),
    ("UNIT_OF_MEASURE_MISMATCH", UnitOfMeasure, false),
    ("UNIT_SIZE_MISMATCH", UnitOfMeasure, false),
    ("UNRESOLVED_CARTON_REFERENCE", AsnAccuracy, false),
    ("UNRESOLVED_ITEM_REFERENCE", AsnAccuracy, false),
];

/// (how to avoid it, what to do once it cannot be avoided), per type.
fn actions(chargeback_type: ChargebackType) -> (&'static str, &'static str) {
    match chargeback_type {
        NotOnTime => (
            "Ship (or deliver) the confirmed units inside the PO window, or update the scheduled date while Amazon still accepts it.",
            "Keep the carrier's pickup and delivery proof: dispute if the goods were tendered within the window.",
        ),
        DownConfirmed => (
            "Acknowledge every line in full before the deadline (accept, or backorder with a date); do not lower confirmed units once the window has started.",
            "Dispute only if the acknowledgement reached Amazon in time: attach its transaction id and status.",
        ),
        NotFilled => (
            "Ship the confirmed units before Amazon cancels the PO, or lower the confirmation while that is still allowed.",
            "If the units did ship, attach the ASN and the carrier's proof of delivery.",
        ),
        Overage => (
            "Ship no more than the accepted units: reduce the shipment, or have the buyer raise the PO first.",
            "Compare Amazon's receipt with the ASN and packing list; dispute with them if Amazon miscounted.",
        ),
        AsnAccuracy => (
            "Make the ASN match the physical shipment: send a missing ASN now, or a Replace within 7 days and before arrival.",
            "Attach the ASN with its cartons, contents and SSCCs showing it matched what shipped.",
        ),
        AsnLate => (
            "Send the ASN within 30 minutes of departure, and at least 6 hours before the appointment.",
            "Attach the ASN's submission time and the carrier's departure time.",
        ),
        CartonLabel => (
            "Label every carton with a valid, unique SSCC that is on the ASN before it leaves.",
            "Attach the ASN's SSCC list and photos of the labels.",
        ),
        UnitOfMeasure => (
            "Confirm and ship in the PO's unit of measure and case size.",
            "Attach the PO's unit and case size against the ASN's.",
        ),
        Prep => (
            "Prepare and pack the goods to Amazon's requirements before they ship.",
            "Attach photos of the prepared goods and the packing list.",
        ),
    }
}

/// What a chargeback is about: its type and the documents it concerns.
type Key = (
    ChargebackType,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The chargebacks being gathered, by key. Maps are keyed by text ([`key_text`]) to an index:
/// the crate's one `BTreeMap<String, usize>` serves every lookup here (each new map type costs
/// WebAssembly bytes).
#[derive(Default)]
struct Gathering {
    index: BTreeMap<String, usize>,
    items: Vec<(Key, Gathered)>,
}

/// A key as text that orders like the key: the type's position, then each part (absent
/// before present), separated by a control character no identifier contains.
fn key_text(key: &Key) -> String {
    let (t, po, line, shipment, carton) = key;
    let mut text = String::new();
    text.push(type_mark(*t));
    for part in [po, line, shipment, carton] {
        text.push('\u{1f}');
        if let Some(part) = part {
            text.push('+');
            text.push_str(part);
        }
    }
    text
}

/// An instant as text that orders like the instant (seconds with the sign bit flipped, then
/// nanoseconds, fixed width).
fn instant_order(t: DateTime<Utc>) -> String {
    let seconds = u64::from_ne_bytes(t.timestamp().to_ne_bytes()) ^ (1u64 << 63);
    format!("{seconds:020}{:09}", t.timestamp_subsec_nanos())
}

/// A character ordering types as they are declared.
fn type_mark(t: ChargebackType) -> char {
    let position = ChargebackType::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or(0);
    char::from(b'A'.saturating_add(u8::try_from(position).unwrap_or(0)))
}

/// Chargebacks of one key being gathered.
struct Gathered {
    /// The largest basis among its own evidence (duplicates of one fact are not added up).
    own: Option<CurrencyAmount>,
    /// Σ of the bases of its lines' chargebacks folded into it (a PO-level one only).
    lines: Option<CurrencyAmount>,
    due: Option<DateTime<Utc>>,
    happened: bool,
    evidence: Vec<ChargebackEvidence>,
}

/// Forecasts the chargebacks. See the module README for the rules.
pub fn chargeback_exposure(
    input: ChargebackExposureInput,
) -> Result<ChargebackExposureOutput, ChargebackError> {
    let now = input.now.0;
    let mut rates = BTreeMap::new();
    for &chargeback_type in ChargebackType::ALL {
        let rate = match input.rates.get(&chargeback_type) {
            Some(rate) => checked_rate(rate, chargeback_type)?,
            None => default_rate(chargeback_type),
        };
        rates.insert(chargeback_type, rate);
    }
    let type_of = |code: &str| -> Option<(ChargebackType, bool)> {
        let built_in = CODE_TYPES
            .binary_search_by(|(c, _, _)| (*c).cmp(code))
            .ok()
            .and_then(|i| CODE_TYPES.get(i));
        match (input.code_types.get(code), built_in) {
            (Some(&t), Some(&(_, b, happened))) => Some((t, happened && t == b)),
            (Some(&t), None) => Some((t, false)),
            (None, Some(&(_, t, happened))) => Some((t, happened)),
            (None, None) => None,
        }
    };

    let mut gathered = Gathering::default();
    let mut not_chargebacks: u64 = 0;
    for (i, exception) in input.exceptions.iter().enumerate() {
        let Some((chargeback_type, happened)) = type_of(&exception.code) else {
            not_chargebacks = not_chargebacks.saturating_add(1);
            continue;
        };
        let at = pointer_child("/exceptions", &i.to_string());
        let due = parse_due(exception.due_at.as_deref(), &at)?;
        let key = (
            chargeback_type,
            exception.purchase_order_number.clone(),
            exception.item_sequence_number.clone(),
            None,
            None,
        );
        gather(
            &mut gathered,
            key,
            exception.money_at_risk.clone(),
            due,
            happened,
            ChargebackEvidence {
                input: at,
                code: exception.code.clone(),
                source: exception.source.clone(),
                message: exception.message.clone(),
                path: None,
                due_at: due.map(|d| format_instant(&d)),
                money_at_risk: exception.money_at_risk.clone(),
            },
        );
    }
    for (s, shipment) in input.shipment_issues.iter().enumerate() {
        let base = pointer_child("/shipmentIssues", &s.to_string());
        for (j, issue) in shipment.issues.iter().enumerate() {
            let Some((chargeback_type, happened)) = type_of(&issue.code) else {
                not_chargebacks = not_chargebacks.saturating_add(1);
                continue;
            };
            let at = pointer_child(&pointer_child(&base, "issues"), &j.to_string());
            let due = parse_due(issue.due_at.as_deref(), &at)?;
            // A fee is per occurrence (a carton); a percentage applies to the ASN's goods once.
            let per_carton = rates.get(&chargeback_type).is_some_and(|r| r.fee.is_some());
            let carton = carton_of(&issue.path).filter(|_| per_carton);
            let key = (
                chargeback_type,
                issue.purchase_order_number.clone(),
                None,
                Some(shipment.shipment_identifier.clone()),
                carton.map(str::to_string),
            );
            gather(
                &mut gathered,
                key,
                shipment.value.clone(),
                due,
                happened,
                ChargebackEvidence {
                    input: at,
                    code: issue.code.clone(),
                    source: Some("validateShipmentConfirmation".to_string()),
                    message: issue.message.clone(),
                    path: Some(issue.path.clone()),
                    due_at: due.map(|d| format_instant(&d)),
                    money_at_risk: None,
                },
            );
        }
    }
    let gathered = fold_lines_into_purchase_orders(gathered)?;

    let mut chargebacks = Vec::with_capacity(gathered.len());
    // Soonest to land first, then by type, PO, line, ASN and carton: the order of a text key
    // (no sort of its own).
    let mut order: BTreeMap<String, usize> = BTreeMap::new();
    for (key, g) in gathered {
        let key_order = key_text(&key);
        let (chargeback_type, po, line, shipment, carton) = key;
        let rate = rates
            .get(&chargeback_type)
            .cloned()
            .unwrap_or_else(|| default_rate(chargeback_type));
        let basis = larger(g.own, g.lines);
        let amount = price(&rate, basis.as_ref()).ok_or_else(|| overflow("/rates"))?;
        let landing = days(i64::from(rate.landing_days.unwrap_or(DEFAULT_LANDING_DAYS)));
        let lands_at = saturating_add(g.due.unwrap_or(now), landing).max(now);
        let avoidable = !g.happened && g.due.is_none_or(|due| due > now);
        let (avoid, dispute) = actions(chargeback_type);
        order.insert(instant_order(lands_at) + &key_order, chargebacks.len());
        chargebacks.push(ForecastChargeback {
            chargeback_type,
            purchase_order_number: po,
            item_sequence_number: line,
            shipment_identifier: shipment,
            carton,
            basis,
            amount,
            lands_at: format_instant(&lands_at),
            week_start: week_start(lands_at),
            avoidable,
            avoid_by: g.due.filter(|_| avoidable).map(|d| format_instant(&d)),
            action: if avoidable { avoid } else { dispute }.to_string(),
            evidence: g.evidence,
        });
    }
    let mut slots: Vec<Option<ForecastChargeback>> = chargebacks.into_iter().map(Some).collect();
    let chargebacks: Vec<ForecastChargeback> = order
        .into_values()
        .filter_map(|at| slots.get_mut(at).and_then(Option::take))
        .collect();

    let (by_type, by_week, unvalued) = totals(&chargebacks)?;
    Ok(ChargebackExposureOutput {
        chargebacks,
        by_type,
        by_week,
        unvalued,
        not_chargebacks,
        rates,
    })
}

/// A rate from the input, checked and with its landing days filled in.
fn checked_rate(rate: &Rate, chargeback_type: ChargebackType) -> Result<Rate, ChargebackError> {
    let at = pointer_child("/rates", chargeback_type.as_str());
    let invalid = |field: &str, message: &str| InputError::InvalidValue {
        path: pointer_child(&at, field),
        message: message.to_string(),
    };
    if rate.percent_of_cost.is_some() && rate.fee.is_some() {
        return Err(invalid("fee", "a rate is a percentOfCost or a fee, not both").into());
    }
    if rate.percent_of_cost.is_some_and(|p| p.is_negative()) {
        return Err(invalid("percentOfCost", "a rate cannot be negative").into());
    }
    if rate.fee.is_some_and(|f| f.is_negative()) {
        return Err(invalid("fee", "a fee cannot be negative").into());
    }
    if rate.fee.is_some()
        && rate
            .currency_code
            .as_deref()
            .is_none_or(|c| c.trim().is_empty())
    {
        return Err(InputError::MissingField {
            path: at,
            field: "currencyCode".to_string(),
        }
        .into());
    }
    let mut rate = rate.clone();
    rate.landing_days = Some(rate.landing_days.unwrap_or(DEFAULT_LANDING_DAYS));
    if rate.source.is_none() {
        rate.source = Some("input".to_string());
    }
    Ok(rate)
}

fn parse_due(due_at: Option<&str>, at: &str) -> Result<Option<DateTime<Utc>>, ChargebackError> {
    due_at
        .map(|text| {
            parse_instant(text).map_err(|message| InputError::InvalidDate {
                path: pointer_child(at, "dueAt"),
                message,
            })
        })
        .transpose()
        .map_err(ChargebackError::from)
}

/// `/…/cartons/N` of an issue's path, if it points into a carton.
fn carton_of(path: &str) -> Option<&str> {
    let start = path.find("/cartons/")?;
    let after = start.checked_add("/cartons/".len())?;
    let rest = path.get(after..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0)
        .then(|| path.get(..after.saturating_add(digits)))
        .flatten()
}

fn gather(
    gathered: &mut Gathering,
    key: Key,
    basis: Option<CurrencyAmount>,
    due: Option<DateTime<Utc>>,
    happened: bool,
    evidence: ChargebackEvidence,
) {
    let text = key_text(&key);
    let at = match gathered.index.get(&text) {
        Some(&at) => at,
        None => {
            gathered.index.insert(text, gathered.items.len());
            gathered.items.push((
                key,
                Gathered {
                    own: None,
                    lines: None,
                    due: None,
                    happened: false,
                    evidence: Vec::new(),
                },
            ));
            gathered.items.len().saturating_sub(1)
        }
    };
    if let Some((_, entry)) = gathered.items.get_mut(at) {
        entry.own = larger(entry.own.take(), basis);
        entry.due = earlier(entry.due, due);
        entry.happened |= happened;
        entry.evidence.push(evidence);
    }
}

/// A PO-level chargeback of a type covers the PO's lines: line-level ones of the same type
/// and PO are folded into it (their evidence joins, their bases add up), so the same units are
/// never priced twice. Its basis is then the larger of its own and its lines' sum.
fn fold_lines_into_purchase_orders(
    gathered: Gathering,
) -> Result<Vec<(Key, Gathered)>, ChargebackError> {
    let Gathering { index, mut items } = gathered;
    let mut folded = vec![false; items.len()];
    for at in 0..items.len() {
        let Some(((t, po, Some(_), None, None), _)) = items.get(at) else {
            continue;
        };
        let parent_key = key_text(&(*t, po.clone(), None, None, None));
        let Some(&parent_at) = index.get(&parent_key) else {
            continue;
        };
        let Some((_, line)) = items.get_mut(at) else {
            continue;
        };
        let own = line.own.take();
        let due = line.due;
        let happened = line.happened;
        let evidence = std::mem::take(&mut line.evidence);
        if let Some(flag) = folded.get_mut(at) {
            *flag = true;
        }
        let Some((_, parent)) = items.get_mut(parent_at) else {
            continue;
        };
        parent.lines = match (parent.lines.take(), own) {
            (None, basis) => basis,
            (Some(sum), None) => Some(sum),
            (Some(sum), Some(basis)) if sum.currency_code == basis.currency_code => {
                Some(CurrencyAmount {
                    amount: sum
                        .amount
                        .checked_add(basis.amount)
                        .ok_or_else(|| overflow("/exceptions"))?,
                    currency_code: sum.currency_code,
                })
            }
            (Some(sum), Some(_)) => Some(sum),
        };
        parent.due = earlier(parent.due, due);
        parent.happened |= happened;
        parent.evidence.extend(evidence);
    }
    Ok(items
        .into_iter()
        .zip(folded)
        .filter_map(|(item, gone)| (!gone).then_some(item))
        .collect())
}

/// The larger amount (by amount, then currency code, so the choice is deterministic).
fn larger(a: Option<CurrencyAmount>, b: Option<CurrencyAmount>) -> Option<CurrencyAmount> {
    match (a, b) {
        (Some(x), Some(y)) => {
            if (y.amount, &y.currency_code) > (x.amount, &x.currency_code) {
                Some(y)
            } else {
                Some(x)
            }
        }
        (x, None) => x,
        (None, y) => y,
    }
}

fn earlier(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The expected amount: `Some(None)` when it cannot be known, `None` on overflow.
fn price(rate: &Rate, basis: Option<&CurrencyAmount>) -> Option<Option<CurrencyAmount>> {
    if let Some(fee) = rate.fee {
        return Some(
            rate.currency_code
                .as_ref()
                .map(|currency_code| CurrencyAmount {
                    amount: fee,
                    currency_code: currency_code.clone(),
                }),
        );
    }
    let (Some(percent), Some(basis)) = (rate.percent_of_cost, basis) else {
        return Some(None);
    };
    let exact = basis
        .amount
        .0
        .checked_mul(percent.0)?
        .checked_div(rust_decimal::Decimal::ONE_HUNDRED)?;
    Some(Some(CurrencyAmount {
        amount: round_to(Decimal(exact), currency_scale(&basis.currency_code)),
        currency_code: basis.currency_code.clone(),
    }))
}

fn overflow(path: &str) -> ChargebackError {
    ChargebackError::AmountOverflow {
        path: path.to_string(),
    }
}

/// Per type and currency, per week and currency; and how many have no amount.
fn totals(
    chargebacks: &[ForecastChargeback],
) -> Result<(Vec<ExposureTotal>, Vec<ExposureTotal>, u64), ChargebackError> {
    let mut by_type = Totals::default();
    let mut by_week = Totals::default();
    let mut unvalued: u64 = 0;
    for chargeback in chargebacks {
        if chargeback.amount.is_none() {
            unvalued = unvalued.saturating_add(1);
        }
        let currency = chargeback
            .amount
            .as_ref()
            .map(|a| a.currency_code.clone())
            .unwrap_or_default();
        let amount = chargeback
            .amount
            .as_ref()
            .map_or(Decimal::ZERO, |a| a.amount);
        let avoidable = if chargeback.avoidable {
            amount
        } else {
            Decimal::ZERO
        };
        let t = chargeback.chargeback_type;
        let mut type_key = String::from(type_mark(t));
        type_key.push_str(&currency);
        by_type.add(
            type_key,
            || blank(Some(t), &currency, None),
            amount,
            avoidable,
        )?;
        let week = &chargeback.week_start;
        let week_key = week.clone() + &currency;
        by_week.add(
            week_key,
            || blank(None, &currency, Some(week)),
            amount,
            avoidable,
        )?;
    }
    Ok((by_type.into_list(), by_week.into_list(), unvalued))
}

/// Totals by a text key (see [`Gathering`] for why text).
#[derive(Default)]
struct Totals {
    index: BTreeMap<String, usize>,
    totals: Vec<ExposureTotal>,
}

impl Totals {
    fn add(
        &mut self,
        key: String,
        blank: impl FnOnce() -> ExposureTotal,
        amount: Decimal,
        avoidable: Decimal,
    ) -> Result<(), ChargebackError> {
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => {
                self.index.insert(key, self.totals.len());
                self.totals.push(blank());
                self.totals.len().saturating_sub(1)
            }
        };
        match self.totals.get_mut(at) {
            Some(total) => add_to(total, amount, avoidable),
            None => Ok(()),
        }
    }

    /// The totals in key order.
    fn into_list(self) -> Vec<ExposureTotal> {
        let mut slots: Vec<Option<ExposureTotal>> = self.totals.into_iter().map(Some).collect();
        self.index
            .into_values()
            .filter_map(|at| slots.get_mut(at).and_then(Option::take))
            .collect()
    }
}
fn add_to(
    total: &mut ExposureTotal,
    amount: Decimal,
    avoidable: Decimal,
) -> Result<(), ChargebackError> {
    total.count = total.count.saturating_add(1);
    total.amount = total
        .amount
        .checked_add(amount)
        .ok_or_else(|| overflow("/exceptions"))?;
    total.avoidable = total
        .avoidable
        .checked_add(avoidable)
        .ok_or_else(|| overflow("/exceptions"))?;
    Ok(())
}

fn blank(
    chargeback_type: Option<ChargebackType>,
    currency: &str,
    week: Option<&str>,
) -> ExposureTotal {
    ExposureTotal {
        week_start: week.map(str::to_string),
        chargeback_type,
        currency_code: currency.to_string(),
        count: 0,
        amount: Decimal::ZERO,
        avoidable: Decimal::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_table_is_sorted_and_unique() {
        assert!(CODE_TYPES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn carton_pointer() {
        assert_eq!(
            carton_of("/cartons/3/containerIdentifiers/0"),
            Some("/cartons/3")
        );
        assert_eq!(carton_of("/cartons/12"), Some("/cartons/12"));
        assert_eq!(carton_of("/cartons/x"), None);
        assert_eq!(carton_of("/pallets/0"), None);
    }
}
