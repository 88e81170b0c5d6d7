//! Exact money arithmetic for invoices and reconciliation: currency scales, rounding, and the
//! value of a quantity of eaches at a cost per ordered unit.
//!
//! Nothing here uses binary floating point. Rounding happens in one place only (a value of a
//! part of a case, a tax amount), half away from zero, at the currency's minor unit; every total
//! is then the exact sum of the rounded parts, so no cent appears or vanishes between a line
//! and the totals.

use rust_decimal::RoundingStrategy;

use crate::money::{CurrencyAmount, Decimal};

/// Digits after the decimal point of a currency's minor unit (ISO 4217). Most currencies have
/// two; the exceptions that occur in Amazon marketplaces or their neighbours are listed.
pub fn currency_scale(currency_code: &str) -> u32 {
    match currency_code.trim().to_ascii_uppercase().as_str() {
        "JPY" | "KRW" | "CLP" | "VND" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

/// Rounds half away from zero to `scale` digits (commercial rounding).
pub fn round_to(value: Decimal, scale: u32) -> Decimal {
    Decimal(
        value
            .0
            .round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero),
    )
}

/// `a + b`, `None` on overflow.
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.0.checked_add(b.0).map(Decimal)
}

/// `a − b`, `None` on overflow.
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.0.checked_sub(b.0).map(Decimal)
}

/// `a × b`, `None` on overflow.
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.0.checked_mul(b.0).map(Decimal)
}

/// Σ of the values, `None` on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// The value of `eaches` at `cost` per ordered unit of `unit_size` eaches.
///
/// Whole units are valued exactly (`cost × units`, no rounding even when the cost has more
/// digits than the currency); a part of a case is valued pro rata and rounded to `scale`.
///
/// ```
/// use vendor_central_connector::invoice::amounts::value_of;
/// use vendor_central_connector::money::Decimal;
/// let cost = Decimal::parse("94.97").unwrap();
/// assert_eq!(value_of(cost, 20, 10, 2).unwrap().to_string(), "189.94"); // 2 cases
/// assert_eq!(value_of(cost, 3, 10, 2).unwrap().to_string(), "28.49"); // 0.3 case, rounded
/// ```
pub fn value_of(cost: Decimal, eaches: u64, unit_size: u64, scale: u32) -> Option<Decimal> {
    let unit_size = unit_size.max(1);
    if eaches.checked_rem(unit_size) == Some(0) {
        return cost.checked_mul_quantity(eaches.checked_div(unit_size)?);
    }
    let exact = cost
        .0
        .checked_mul(rust_decimal::Decimal::from(eaches))?
        .checked_div(rust_decimal::Decimal::from(unit_size))?;
    Some(round_to(Decimal(exact), scale))
}

/// `amount × rate / 100`, rounded to `scale`: a tax amount from a percentage.
pub fn percent_of(amount: Decimal, rate: Decimal, scale: u32) -> Option<Decimal> {
    let product = amount.0.checked_mul(rate.0)?;
    let tax = product.checked_div(rust_decimal::Decimal::ONE_HUNDRED)?;
    Some(round_to(Decimal(tax), scale))
}

/// A [`CurrencyAmount`] with the amount normalised (no trailing zeros beyond the currency
/// scale are removed: `12.50` stays `12.50`).
pub fn currency_amount(amount: Decimal, currency_code: &str) -> CurrencyAmount {
    CurrencyAmount {
        amount,
        currency_code: currency_code.to_string(),
    }
}

/// The amount written with at least the currency's number of decimals (`12.5` → `12.50`,
/// `7` → `7.00`), so totals read as money. Never drops digits.
pub fn at_scale(value: Decimal, scale: u32) -> Decimal {
    let mut inner = value.0;
    if inner.scale() < scale {
        inner.rescale(scale);
    }
    Decimal(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn whole_units_are_exact_and_parts_are_rounded_half_away_from_zero() {
        assert_eq!(value_of(d("0.125"), 8, 1, 2).unwrap().to_string(), "1.000");
        assert_eq!(value_of(d("10.00"), 5, 10, 2).unwrap().to_string(), "5.00");
        assert_eq!(value_of(d("0.05"), 1, 2, 2).unwrap().to_string(), "0.03");
        assert_eq!(value_of(d("1000"), 1, 3, 0).unwrap().to_string(), "333");
    }

    #[test]
    fn tax_is_rounded_at_the_currency_scale() {
        assert_eq!(
            percent_of(d("21060.34"), d("9"), 2).unwrap().to_string(),
            "1895.43"
        );
        assert_eq!(
            percent_of(d("1950"), d("5"), 2).unwrap().to_string(),
            "97.50"
        );
        assert_eq!(percent_of(d("999"), d("10"), 0).unwrap().to_string(), "100");
    }

    #[test]
    fn scales_and_padding() {
        assert_eq!(currency_scale("jpy"), 0);
        assert_eq!(currency_scale("USD"), 2);
        assert_eq!(currency_scale("KWD"), 3);
        assert_eq!(at_scale(d("12.5"), 2).to_string(), "12.50");
        assert_eq!(at_scale(d("12.505"), 2).to_string(), "12.505");
    }

    #[test]
    fn overflow_is_none() {
        let big = d("79228162514264337593543950335");
        assert!(add(big, big).is_none());
        assert!(value_of(big, 3, 1, 2).is_none());
        assert!(sum([big, big]).is_none());
    }
}
