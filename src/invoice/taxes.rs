//! Taxes of a document: per line, per charge and per allowance from percentage rates, and the
//! header totals as the exact sums of the line taxes (so "line taxes add up to the header"
//! holds by construction, with no second rounding).

use super::amounts::{add, at_scale, percent_of};
use super::input::{InvoiceTaxRate, ItemTaxBasis};
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

/// An item's taxes: the `taxDetails` written on the item, and the line's tax totals (the tax of
/// the whole line, what the header and the invoice total add up). The line's tax is always the
/// tax on the line amount. Per line, the item carries it too; per unit, the item carries the tax
/// on one unit (`taxableAmount` = `netCost`), as Amazon's examples write it. `None` on overflow.
///
/// Per unit reproduces both of the retail guide's examples exactly: items 1.00 on 4 × 20.00 at
/// 5 % with a header of 97.5; items 1895.43 (2 × 21060.34) and 5302.37 (3 × 58915.25) at 9 % with
/// a header of 19697.98, the tax of the line amounts (Σ unit tax × quantity would be 19697.97).
pub fn item_taxes(
    basis: ItemTaxBasis,
    net_cost: Decimal,
    line_amount: Decimal,
    rates: &[InvoiceTaxRate],
    currency_code: &str,
    scale: u32,
) -> Option<(Vec<TaxDetails>, Vec<TaxDetails>)> {
    let line_taxes = taxes_on(line_amount, rates, currency_code, scale)?;
    let written = match basis {
        ItemTaxBasis::PerLine => line_taxes.clone(),
        ItemTaxBasis::PerUnit => taxes_on(net_cost, rates, currency_code, scale)?,
    };
    Some((written, line_taxes))
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
