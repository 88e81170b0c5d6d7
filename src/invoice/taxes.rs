//! Taxes of a document: per line, per charge and per allowance from percentage rates, and the
//! header totals as the exact sums of the line taxes (so "line taxes add up to the header"
//! holds by construction, with no second rounding).

use super::amounts::{add, at_scale, percent_of};
use super::input::InvoiceTaxRate;
use crate::money::Decimal;
use crate::spapi::invoices::{InvoiceMoney, TaxDetails, TaxType};

/// The taxes on `amount`, one entry per rate, each rounded to `scale`. `None` on overflow.
pub fn taxes_on(
    amount: Decimal,
    rates: &[InvoiceTaxRate],
    currency_code: &str,
    scale: u32,
) -> Option<Vec<TaxDetails>> {
    rates
        .iter()
        .map(|rate| {
            let tax = percent_of(amount, rate.tax_rate, scale)?;
            Some(TaxDetails {
                tax_type: rate.tax_type,
                tax_rate: Some(rate.tax_rate),
                tax_amount: InvoiceMoney::of(at_scale(tax, scale), currency_code),
                taxable_amount: Some(InvoiceMoney::of(amount, currency_code)),
            })
        })
        .collect()
}

/// Σ of the tax amounts of `details`.
pub fn total_tax(details: &[TaxDetails]) -> Option<Decimal> {
    details.iter().try_fold(Decimal::ZERO, |sum, d| {
        add(sum, d.tax_amount.amount.unwrap_or(Decimal::ZERO))
    })
}

/// Header tax details: the line taxes grouped by (type, rate) in first-seen order, amounts and
/// taxable amounts summed exactly. `None` on overflow.
pub fn header_taxes<'a, I>(lines: I, currency_code: &str, scale: u32) -> Option<Vec<TaxDetails>>
where
    I: IntoIterator<Item = &'a TaxDetails>,
{
    let mut groups: Vec<(TaxType, Option<Decimal>, Decimal, Decimal)> = Vec::new();
    for detail in lines {
        let tax = detail.tax_amount.amount.unwrap_or(Decimal::ZERO);
        let taxable = detail
            .taxable_amount
            .as_ref()
            .and_then(|m| m.amount)
            .unwrap_or(Decimal::ZERO);
        match groups
            .iter_mut()
            .find(|(kind, rate, _, _)| *kind == detail.tax_type && *rate == detail.tax_rate)
        {
            Some(group) => {
                group.2 = add(group.2, tax)?;
                group.3 = add(group.3, taxable)?;
            }
            None => groups.push((detail.tax_type, detail.tax_rate, tax, taxable)),
        }
    }
    Some(
        groups
            .into_iter()
            .map(|(tax_type, tax_rate, tax, taxable)| TaxDetails {
                tax_type,
                tax_rate,
                tax_amount: InvoiceMoney::of(at_scale(tax, scale), currency_code),
                taxable_amount: Some(InvoiceMoney::of(at_scale(taxable, scale), currency_code)),
            })
            .collect(),
    )
}
