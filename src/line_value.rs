//! What a quantity of a PO line is worth, and in which unit: the one valuation every engine uses
//! (sales orders, acknowledgements, invoices, reconciliation, every exception's `moneyAtRisk`).
//!
//! Amazon's vendorOrders model: `netCost` is "The net cost of an item per each or weight unit",
//! and `Money.unitOfMeasure` is "The unit of measure for prices of items sold by weight. If this
//! field is absent, the item is sold by eaches." So:
//!
//! - a line priced per each is worth `eaches × netCost`, whatever unit it was ordered in: 3 Cases
//!   of 12 at 2.00 are 36 eaches, worth 72.00 (never 3 × 2.00);
//! - a Cases quantity is `amount × unitSize` eaches ("unitSize: The case size, in the event that
//!   we ordered using cases"); a Cases line without `unitSize` takes the SKU map's
//!   `unitsPerCase` where the engine has one, and otherwise its value is
//!   [`Unvalued::UnitSizeMissing`], never a silent 1;
//! - a line priced per weight unit (`netCost.unitOfMeasure` POUNDS, OUNCES, GRAMS, KILOGRAMS) is
//!   worth `weight × netCost`; the PO carries no weight, so without one the answer is
//!   [`Unvalued::WeightNeeded`], never a guess.
//!
//! Values per each are exact (no rounding: `0.125 × 8 = 1.000`). A weight is converted into the
//! price's unit exactly (1 lb = 453.59237 g, 1 oz = 28.349523125 g by definition) and carried to
//! [`WEIGHT_SCALE`] decimals; a weight-priced value is then rounded half away from zero to the
//! currency's minor unit, the only rounding here.

use rust_decimal::Decimal as Exact;
use serde::Serialize;

use crate::invoice::amounts::{currency_scale, round_to};
use crate::money::{CurrencyAmount, Decimal};
use crate::spapi::orders::{ItemQuantity, Money, OrderItem, UnitOfMeasure, WeightUnit};

/// Decimals a converted weight is carried to (a microgram of a gram, a millionth of a pound).
pub const WEIGHT_SCALE: u32 = 6;

/// How a line is priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pricing {
    /// `netCost` per each (no `unitOfMeasure` on the money).
    PerEach,
    /// `netCost` per weight unit ("items sold by weight").
    PerWeight(WeightUnit),
}

/// Where a line's eaches per ordered unit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CaseSizeSource {
    /// An Eaches line: one each per unit.
    Eaches,
    /// The PO's `orderedQuantity.unitSize`.
    PurchaseOrder,
    /// The SKU map's `unitsPerCase` (the PO omitted `unitSize`).
    SkuMap,
}

/// Why a quantity of a line has no value: what is missing, said plainly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unvalued {
    /// No `netCost.amount` on the line (nor an acknowledged cost).
    NoCost,
    /// A cost without `currencyCode`.
    NoCurrency,
    /// A Cases line without `unitSize`, and no `unitsPerCase` to take it from.
    UnitSizeMissing,
    /// Priced per weight unit, and the weight of the quantity is not known.
    WeightNeeded(WeightUnit),
    /// A figure too large to compute exactly.
    Overflow,
}

impl Unvalued {
    /// A stable code, for outputs that say why a figure is missing.
    pub fn code(&self) -> &'static str {
        match self {
            Unvalued::NoCost => "MISSING_NET_COST",
            Unvalued::NoCurrency => "MISSING_CURRENCY",
            Unvalued::UnitSizeMissing => "UNIT_SIZE_MISSING",
            Unvalued::WeightNeeded(_) => "WEIGHT_NEEDED",
            Unvalued::Overflow => "AMOUNT_OVERFLOW",
        }
    }

    /// What is missing, in words a person can act on.
    pub fn describe(&self) -> String {
        match self {
            Unvalued::NoCost => "the line has no netCost".to_string(),
            Unvalued::NoCurrency => "the line's netCost has no currencyCode".to_string(),
            Unvalued::UnitSizeMissing => {
                "the line is in Cases without a unitSize, and the SKU map has no unitsPerCase"
                    .to_string()
            }
            Unvalued::WeightNeeded(unit) => {
                format!("the line is priced per {unit} and the weight of the quantity is not known")
            }
            Unvalued::Overflow => "the amount is too large to compute exactly".to_string(),
        }
    }
}

/// A weight in one of the models' weight units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weight {
    /// The weight, in `unit`.
    pub amount: Decimal,
    /// The weight's unit.
    pub unit: WeightUnit,
}

/// Grams in one unit, exactly (the international pound and ounce).
fn grams_per(unit: WeightUnit) -> Exact {
    match unit {
        WeightUnit::Grams => Exact::ONE,
        WeightUnit::Kilograms => Exact::from(1000),
        WeightUnit::Pounds => Exact::new(45_359_237, 5),
        WeightUnit::Ounces => Exact::new(28_349_523_125, 9),
    }
}

impl Weight {
    /// The weight in `unit`, carried to [`WEIGHT_SCALE`] decimals (exact when the units agree).
    ///
    /// ```
    /// use vendor_central_connector::line_value::Weight;
    /// use vendor_central_connector::money::Decimal;
    /// use vendor_central_connector::spapi::orders::WeightUnit;
    /// let w = Weight { amount: Decimal::parse("2").unwrap(), unit: WeightUnit::Pounds };
    /// assert_eq!(w.in_unit(WeightUnit::Ounces).unwrap().to_string(), "32");
    /// assert_eq!(w.in_unit(WeightUnit::Kilograms).unwrap().to_string(), "0.907185");
    /// ```
    pub fn in_unit(&self, unit: WeightUnit) -> Option<Decimal> {
        if unit == self.unit {
            return Some(self.amount);
        }
        let grams = self.amount.0.checked_mul(grams_per(self.unit))?;
        let converted = grams.checked_div(grams_per(unit))?;
        Some(Decimal(
            round_to(Decimal(converted), WEIGHT_SCALE).0.normalize(),
        ))
    }

    /// `self + other` in `self`'s unit, `None` on overflow.
    pub fn checked_add(&self, other: &Weight) -> Option<Weight> {
        let other = other.in_unit(self.unit)?;
        Some(Weight {
            amount: self.amount.checked_add(other)?,
            unit: self.unit,
        })
    }
}

impl From<&crate::spapi::invoices::InvoiceTotalWeight> for Weight {
    fn from(weight: &crate::spapi::invoices::InvoiceTotalWeight) -> Self {
        Weight {
            amount: weight.amount,
            unit: weight.unit_of_measure,
        }
    }
}

impl From<&Weight> for crate::spapi::invoices::InvoiceTotalWeight {
    fn from(weight: &Weight) -> Self {
        crate::spapi::invoices::InvoiceTotalWeight {
            unit_of_measure: weight.unit,
            amount: weight.amount,
        }
    }
}

/// `weight` (converted into `unit`) × `cost` per `unit`, rounded to the currency's minor unit.
fn weight_value(
    cost: Decimal,
    unit: WeightUnit,
    weight: &Weight,
    currency: &str,
) -> Result<Decimal, Unvalued> {
    let in_price_unit = weight.in_unit(unit).ok_or(Unvalued::Overflow)?;
    let exact = cost
        .0
        .checked_mul(in_price_unit.0)
        .ok_or(Unvalued::Overflow)?;
    Ok(round_to(Decimal(exact), currency_scale(currency)))
}

/// What an invoice item bills, read as Amazon reads it. vendorInvoices item `netCost`: "It
/// indicates net unit price", and the retail guide's examples total `invoicedQuantity.amount ×
/// netCost`; for an item priced by weight ("If items are priced by weight, this cost need to be
/// considered in conjunction with netCostUnitOfMeasure. E.g.: $5/LB") it is `totalWeight ×
/// netCost`, and without a weight the value is unknown.
///
/// ```
/// use vendor_central_connector::line_value::billed;
/// use vendor_central_connector::money::Decimal;
/// // The guide's Cases invoice: 2 Cases of 10 at 140 → 280.
/// let cost = Decimal::parse("140").unwrap();
/// assert_eq!(billed(2, cost, None, None, "USD").unwrap().to_string(), "280");
/// ```
pub fn billed(
    units: u64,
    net_cost: Decimal,
    priced_per: Option<WeightUnit>,
    total_weight: Option<&Weight>,
    currency: &str,
) -> Result<Decimal, Unvalued> {
    match priced_per {
        None => net_cost
            .checked_mul_quantity(units)
            .ok_or(Unvalued::Overflow),
        Some(unit) => {
            let weight = total_weight.ok_or(Unvalued::WeightNeeded(unit))?;
            weight_value(net_cost, unit, weight, currency)
        }
    }
}

/// The price and the case size of one PO line: everything needed to value a quantity of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineValue {
    /// `netCost.amount` (or the acknowledged cost that replaces it).
    pub cost: Option<Decimal>,
    /// `netCost.currencyCode`, trimmed.
    pub currency: Option<String>,
    /// Per each or per weight unit.
    pub pricing: Pricing,
    /// The unit the line was ordered in (Eaches when the PO says none).
    pub unit: UnitOfMeasure,
    /// Eaches per ordered unit: 1 for Eaches, the case size for Cases; `None` when unknown.
    pub eaches_per_unit: Option<u64>,
    /// Where the case size came from, for a Cases line.
    pub case_size_source: Option<CaseSizeSource>,
}

impl LineValue {
    /// The valuation of a PO line. `units_per_case` is the SKU map's case size, used only when a
    /// Cases line has no (or a zero) `unitSize`.
    ///
    /// ```
    /// use vendor_central_connector::line_value::LineValue;
    /// use vendor_central_connector::spapi::orders::OrderItem;
    /// let item: OrderItem = serde_json::from_value(serde_json::json!({
    ///     "itemSequenceNumber": "1", "isBackOrderAllowed": false,
    ///     "orderedQuantity": { "amount": 3, "unitOfMeasure": "Cases", "unitSize": 12 },
    ///     "netCost": { "amount": "2.00", "currencyCode": "USD" } })).unwrap();
    /// let line = LineValue::of(&item, None);
    /// // "The net cost of an item per each or weight unit": 36 eaches × 2.00.
    /// assert_eq!(line.ordered_value(&item).unwrap().amount.to_string(), "72.00");
    /// ```
    pub fn of(item: &OrderItem, units_per_case: Option<u64>) -> LineValue {
        let unit = item
            .ordered_quantity
            .unit_of_measure
            .unwrap_or(UnitOfMeasure::Eaches);
        let (eaches_per_unit, case_size_source) = match unit {
            UnitOfMeasure::Eaches => (Some(1), Some(CaseSizeSource::Eaches)),
            UnitOfMeasure::Cases => match (
                item.ordered_quantity.unit_size.filter(|&n| n > 0),
                units_per_case.filter(|&n| n > 0),
            ) {
                (Some(size), _) => (Some(size), Some(CaseSizeSource::PurchaseOrder)),
                (None, Some(size)) => (Some(size), Some(CaseSizeSource::SkuMap)),
                (None, None) => (None, None),
            },
        };
        let mut line = LineValue {
            cost: None,
            currency: None,
            pricing: Pricing::PerEach,
            unit,
            eaches_per_unit,
            case_size_source,
        };
        line.set_cost(item.net_cost.as_ref());
        line
    }

    /// Replaces the cost with `money` when it has an amount (the acknowledged cost is the cost to
    /// invoice: "the acknowledged cost must equal the later invoiced cost"). A money without its
    /// own weight unit keeps the line's pricing; without its own currency, the line's currency.
    pub fn with_cost(mut self, money: Option<&Money>) -> LineValue {
        let Some(money) = money.filter(|m| m.amount.is_some()) else {
            return self;
        };
        let (currency, pricing) = (self.currency.take(), self.pricing);
        self.set_cost(Some(money));
        self.currency = self.currency.take().or(currency);
        if money.unit_of_measure.is_none() {
            self.pricing = pricing;
        }
        self
    }

    fn set_cost(&mut self, money: Option<&Money>) {
        self.cost = money.and_then(|m| m.amount);
        self.currency = money
            .and_then(|m| m.currency_code.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        self.pricing = match money.and_then(|m| m.unit_of_measure) {
            Some(unit) => Pricing::PerWeight(unit),
            None => Pricing::PerEach,
        };
    }

    /// Eaches per ordered unit, or why it is unknown.
    pub fn eaches_per_unit(&self) -> Result<u64, Unvalued> {
        self.eaches_per_unit.ok_or(Unvalued::UnitSizeMissing)
    }

    /// Eaches of a quantity: `amount` for Eaches, `amount × unitSize` for Cases. A quantity
    /// without a unit is in the line's unit; a Cases quantity without `unitSize` uses the line's
    /// case size (when the line is in Cases).
    pub fn eaches(&self, quantity: &ItemQuantity) -> Result<u64, Unvalued> {
        let unit = quantity.unit_of_measure.unwrap_or(self.unit);
        let size = match unit {
            UnitOfMeasure::Eaches => 1,
            UnitOfMeasure::Cases => match quantity.unit_size.filter(|&n| n > 0) {
                Some(size) => size,
                None if self.unit == UnitOfMeasure::Cases => self.eaches_per_unit()?,
                None => return Err(Unvalued::UnitSizeMissing),
            },
        };
        quantity.amount.checked_mul(size).ok_or(Unvalued::Overflow)
    }

    /// Eaches the line orders.
    pub fn ordered_eaches(&self, item: &OrderItem) -> Result<u64, Unvalued> {
        self.eaches(&item.ordered_quantity)
    }

    /// The cost and currency, or what is missing.
    pub fn price(&self) -> Result<(Decimal, &str), Unvalued> {
        let cost = self.cost.ok_or(Unvalued::NoCost)?;
        let currency = self.currency.as_deref().ok_or(Unvalued::NoCurrency)?;
        Ok((cost, currency))
    }

    /// The cost of one unit of `unit`: per each, or per case of this line (each cost × case
    /// size). Weight-priced lines have no cost per each or per case.
    pub fn cost_per(&self, unit: UnitOfMeasure) -> Result<Decimal, Unvalued> {
        let (cost, _) = self.price()?;
        if let Pricing::PerWeight(weight_unit) = self.pricing {
            return Err(Unvalued::WeightNeeded(weight_unit));
        }
        match unit {
            UnitOfMeasure::Eaches => Ok(cost),
            UnitOfMeasure::Cases => cost
                .checked_mul_quantity(self.eaches_per_unit()?)
                .ok_or(Unvalued::Overflow),
        }
    }

    /// What `eaches` of the line are worth; `weight` (of exactly those eaches) is needed, and
    /// only used, when the line is priced by weight.
    pub fn value(&self, eaches: u64, weight: Option<&Weight>) -> Result<CurrencyAmount, Unvalued> {
        let (cost, currency) = self.price()?;
        let amount = match self.pricing {
            Pricing::PerEach => cost
                .checked_mul_quantity(eaches)
                .ok_or(Unvalued::Overflow)?,
            Pricing::PerWeight(unit) => weight_value(
                cost,
                unit,
                weight.ok_or(Unvalued::WeightNeeded(unit))?,
                currency,
            )?,
        };
        Ok(CurrencyAmount {
            amount,
            currency_code: currency.to_string(),
        })
    }

    /// [`LineValue::value`] of eaches alone: unknown for a weight-priced line.
    pub fn value_of_eaches(&self, eaches: u64) -> Result<CurrencyAmount, Unvalued> {
        self.value(eaches, None)
    }

    /// What the whole ordered quantity is worth.
    pub fn ordered_value(&self, item: &OrderItem) -> Result<CurrencyAmount, Unvalued> {
        self.value_of_eaches(self.ordered_eaches(item)?)
    }
}

/// Σ of values, when every value is known and in one currency; `None` otherwise (an unknown part
/// makes the sum unknown: missing data is not zero).
pub fn sum_values<I>(values: I) -> Option<CurrencyAmount>
where
    I: IntoIterator<Item = Result<CurrencyAmount, Unvalued>>,
{
    let mut total: Option<CurrencyAmount> = None;
    for value in values {
        let value = value.ok()?;
        total = Some(match total {
            None => value,
            Some(sum) if sum.currency_code.eq_ignore_ascii_case(&value.currency_code) => {
                CurrencyAmount {
                    amount: sum.amount.checked_add(value.amount)?,
                    currency_code: sum.currency_code,
                }
            }
            Some(_) => return None,
        });
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(value: serde_json::Value) -> OrderItem {
        let mut base = json!({ "itemSequenceNumber": "1", "isBackOrderAllowed": false });
        for (k, v) in value.as_object().unwrap() {
            base[k] = v.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    /// vendorOrders `netCost`: "The net cost of an item per each or weight unit."
    #[test]
    fn a_cases_line_is_worth_its_eaches_at_the_each_cost() {
        let line = item(json!({
            "orderedQuantity": { "amount": 3, "unitOfMeasure": "Cases", "unitSize": 12 },
            "netCost": { "amount": "2.00", "currencyCode": "USD" } }));
        let value = LineValue::of(&line, None);
        assert_eq!(value.ordered_eaches(&line), Ok(36));
        assert_eq!(
            value.ordered_value(&line).unwrap().amount.to_string(),
            "72.00"
        );
        assert_eq!(
            value.cost_per(UnitOfMeasure::Cases).unwrap().to_string(),
            "24.00"
        );
        assert_eq!(value.case_size_source, Some(CaseSizeSource::PurchaseOrder));
    }

    #[test]
    fn a_missing_unit_size_comes_from_the_sku_map_or_is_unknown() {
        let line = item(json!({
            "orderedQuantity": { "amount": 3, "unitOfMeasure": "Cases" },
            "netCost": { "amount": "2.00", "currencyCode": "USD" } }));
        let mapped = LineValue::of(&line, Some(8));
        assert_eq!(
            mapped.ordered_value(&line).unwrap().amount.to_string(),
            "48.00"
        );
        assert_eq!(mapped.case_size_source, Some(CaseSizeSource::SkuMap));
        let unknown = LineValue::of(&line, None);
        assert_eq!(unknown.ordered_value(&line), Err(Unvalued::UnitSizeMissing));
        // A unitSize of 0 is no case size either.
        let zero = item(json!({
            "orderedQuantity": { "amount": 3, "unitOfMeasure": "Cases", "unitSize": 0 },
            "netCost": { "amount": "2.00", "currencyCode": "USD" } }));
        assert_eq!(
            LineValue::of(&zero, None).ordered_value(&zero),
            Err(Unvalued::UnitSizeMissing)
        );
    }

    #[test]
    fn a_weight_priced_line_needs_a_weight() {
        let line = item(json!({
            "orderedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" },
            "netCost": { "amount": "5.00", "currencyCode": "USD", "unitOfMeasure": "POUNDS" } }));
        let value = LineValue::of(&line, None);
        assert_eq!(
            value.ordered_value(&line),
            Err(Unvalued::WeightNeeded(WeightUnit::Pounds))
        );
        let weight = Weight {
            amount: d("10.5"),
            unit: WeightUnit::Pounds,
        };
        // "E.g.: $5/LB": 10.5 lb × 5.00.
        assert_eq!(
            value.value(4, Some(&weight)).unwrap().amount.to_string(),
            "52.50"
        );
        // 1 kg = 2.204623 lb (to six decimals) → 11.023115 → 11.02.
        let kilos = Weight {
            amount: d("1"),
            unit: WeightUnit::Kilograms,
        };
        assert_eq!(
            value.value(4, Some(&kilos)).unwrap().amount.to_string(),
            "11.02"
        );
        assert_eq!(
            value.cost_per(UnitOfMeasure::Eaches),
            Err(Unvalued::WeightNeeded(WeightUnit::Pounds))
        );
    }

    #[test]
    fn weights_convert_exactly_where_they_can() {
        let oz = Weight {
            amount: d("8"),
            unit: WeightUnit::Ounces,
        };
        assert_eq!(oz.in_unit(WeightUnit::Pounds).unwrap().to_string(), "0.5");
        let kg = Weight {
            amount: d("1.5"),
            unit: WeightUnit::Kilograms,
        };
        assert_eq!(kg.in_unit(WeightUnit::Grams).unwrap().to_string(), "1500");
        let sum = kg
            .checked_add(&Weight {
                amount: d("250"),
                unit: WeightUnit::Grams,
            })
            .unwrap();
        assert_eq!(sum.amount.to_string(), "1.75");
    }

    #[test]
    fn no_cost_or_currency_is_said_not_zeroed() {
        let line = item(json!({ "orderedQuantity": { "amount": 3 } }));
        assert_eq!(
            LineValue::of(&line, None).ordered_value(&line),
            Err(Unvalued::NoCost)
        );
        let line =
            item(json!({ "orderedQuantity": { "amount": 3 }, "netCost": { "amount": "1" } }));
        assert_eq!(
            LineValue::of(&line, None).ordered_value(&line),
            Err(Unvalued::NoCurrency)
        );
    }

    #[test]
    fn the_acknowledged_cost_replaces_the_po_cost() {
        let line = item(json!({
            "orderedQuantity": { "amount": 2, "unitOfMeasure": "Cases", "unitSize": 5 },
            "netCost": { "amount": "3.00", "currencyCode": "EUR" } }));
        let acked = Money {
            currency_code: None,
            amount: Some(d("2.50")),
            unit_of_measure: None,
        };
        let value = LineValue::of(&line, None).with_cost(Some(&acked));
        assert_eq!(
            value.ordered_value(&line).unwrap().amount.to_string(),
            "25.00"
        );
        assert_eq!(value.currency.as_deref(), Some("EUR"));
        let no_amount = Money {
            currency_code: Some("EUR".into()),
            amount: None,
            unit_of_measure: None,
        };
        let value = LineValue::of(&line, None).with_cost(Some(&no_amount));
        assert_eq!(
            value.ordered_value(&line).unwrap().amount.to_string(),
            "30.00"
        );
    }

    #[test]
    fn sums_are_unknown_when_a_part_is() {
        let usd = |a: &str| {
            Ok(CurrencyAmount {
                amount: d(a),
                currency_code: "USD".into(),
            })
        };
        assert_eq!(
            sum_values([usd("1.50"), usd("2")])
                .unwrap()
                .amount
                .to_string(),
            "3.50"
        );
        assert_eq!(sum_values([usd("1"), Err(Unvalued::NoCost)]), None);
        assert_eq!(sum_values(Vec::new()), None);
    }

    #[test]
    fn overflow_is_said() {
        let line = item(json!({
            "orderedQuantity": { "amount": 3 },
            "netCost": { "amount": "79228162514264337593543950335", "currencyCode": "USD" } }));
        assert_eq!(
            LineValue::of(&line, None).ordered_value(&line),
            Err(Unvalued::Overflow)
        );
    }
}
