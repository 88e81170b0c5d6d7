//! Quantities in eaches and weights in grams: the common units every comparison is made in.

use rust_decimal::Decimal as Exact;

use crate::money::Decimal;
use crate::spapi::orders::UnitOfMeasure;
use crate::spapi::shipments::ShipmentWeightUnit;

/// A quantity as an ASN, a PO or an acknowledgement states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub amount: u64,
    pub unit_of_measure: Option<UnitOfMeasure>,
    pub unit_size: Option<u64>,
}

impl Quantity {
    /// Eaches: `amount` for Eaches (or no unit), `amount × unitSize` for Cases, using
    /// `fallback_unit_size` when the quantity has none. `None` when a case size is unknown or the
    /// product overflows.
    pub fn eaches(&self, fallback_unit_size: Option<u64>) -> Option<u64> {
        match self.unit_of_measure {
            Some(UnitOfMeasure::Cases) => self
                .unit_size
                .or(fallback_unit_size)
                .and_then(|size| self.amount.checked_mul(size)),
            _ => Some(self.amount),
        }
    }

    /// The case size that applies: `unitSize` for Cases, 1 for Eaches.
    pub fn effective_unit_size(&self, fallback_unit_size: Option<u64>) -> Option<u64> {
        match self.unit_of_measure {
            Some(UnitOfMeasure::Cases) => self.unit_size.or(fallback_unit_size),
            _ => Some(1),
        }
    }
}

/// A weight in grams, exactly (1 lb = 453.59237 g and 1 oz = 28.349523125 g by definition).
pub fn grams(value: Decimal, unit: ShipmentWeightUnit) -> Option<Exact> {
    let factor = match unit {
        ShipmentWeightUnit::G => Exact::ONE,
        ShipmentWeightUnit::Kg => Exact::from(1000),
        ShipmentWeightUnit::Lb => Exact::new(45_359_237, 5),
        ShipmentWeightUnit::Oz => Exact::new(28_349_523_125, 9),
    };
    value.0.checked_mul(factor)
}

/// `"001"`, `"002"`, … : the local numbering Amazon's examples use, wider when needed.
pub fn sequence_number(one_based: usize, total: usize) -> String {
    let width = total.to_string().len().max(3);
    format!("{one_based:0width$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_convert_with_their_own_or_the_fallback_size() {
        let q = Quantity {
            amount: 2,
            unit_of_measure: Some(UnitOfMeasure::Cases),
            unit_size: Some(8),
        };
        assert_eq!(q.eaches(None), Some(16));
        let q = Quantity {
            unit_size: None,
            ..q
        };
        assert_eq!(q.eaches(Some(6)), Some(12));
        assert_eq!(q.eaches(None), None);
        let q = Quantity {
            amount: u64::MAX,
            unit_of_measure: Some(UnitOfMeasure::Cases),
            unit_size: Some(2),
        };
        assert_eq!(q.eaches(None), None);
    }

    #[test]
    fn weights_compare_in_grams() {
        let lb = grams(Decimal::parse("1500").unwrap(), ShipmentWeightUnit::Lb).unwrap();
        let kg = grams(Decimal::parse("680.4").unwrap(), ShipmentWeightUnit::Kg).unwrap();
        assert!(kg > lb);
        let kg = grams(Decimal::parse("680.3").unwrap(), ShipmentWeightUnit::Kg).unwrap();
        assert!(kg < lb);
    }

    #[test]
    fn sequence_numbers_are_three_digits_or_wider() {
        assert_eq!(sequence_number(1, 9), "001");
        assert_eq!(sequence_number(42, 1200), "0042");
    }
}
