//! Exact decimal amounts, as Amazon's models define `Decimal`: a string such as `"346.27"`.
//!
//! Amounts are read tolerantly (a JSON number is accepted too, and exponent notation) and always
//! written as a plain decimal string that keeps the scale it was given (`"10.20"` stays `"10.20"`).
//! Arithmetic is done with `rust_decimal`, never with binary floating point.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// Prefix of deserialisation errors raised here, so [`crate::input`] can classify them.
pub(crate) const DECIMAL_ERROR_TAG: &str = "invalid decimal: ";

/// An exact decimal number (up to 28 significant digits), serialised as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal(pub rust_decimal::Decimal);

impl Decimal {
    /// Zero, with scale 0.
    pub const ZERO: Decimal = Decimal(rust_decimal::Decimal::ZERO);

    /// Parses a decimal string: plain (`"12.50"`, `"-3"`) or with an exponent (`"1.2e3"`).
    ///
    /// ```
    /// use vendor_central_connector::money::Decimal;
    /// assert_eq!(Decimal::parse("94.97").unwrap().to_string(), "94.97");
    /// assert_eq!(Decimal::parse("1.5e2").unwrap().to_string(), "150");
    /// assert!(Decimal::parse("12,50").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Decimal, String> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err("empty string".to_string());
        }
        let valid_chars = trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
        if !valid_chars {
            return Err(format!("`{trimmed}` is not a decimal number"));
        }
        let parsed = if trimmed.contains(['e', 'E']) {
            rust_decimal::Decimal::from_scientific(trimmed)
        } else {
            rust_decimal::Decimal::from_str(trimmed)
        };
        parsed
            .map(Decimal)
            .map_err(|e| format!("`{trimmed}` is not a decimal number ({e})"))
    }

    /// True when the amount is exactly zero (whatever its scale).
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// True when the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// `self × quantity`, or `None` on overflow.
    pub fn checked_mul_quantity(&self, quantity: u64) -> Option<Decimal> {
        self.0
            .checked_mul(rust_decimal::Decimal::from(quantity))
            .map(Decimal)
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(&self, other: Decimal) -> Option<Decimal> {
        self.0.checked_add(other.0).map(Decimal)
    }

    /// `-self`. A decimal's sign is a flag beside its magnitude, so negation cannot overflow;
    /// flipping the flag is what `rust_decimal`'s `-` does, without the arithmetic operator.
    ///
    /// ```
    /// use vendor_central_connector::money::Decimal;
    /// assert_eq!(Decimal::parse("12.50").unwrap().negated().to_string(), "-12.50");
    /// assert_eq!(Decimal::parse("-3").unwrap().negated().to_string(), "3");
    /// ```
    pub fn negated(&self) -> Decimal {
        let mut value = self.0;
        value.set_sign_negative(self.0.is_sign_positive());
        Decimal(value)
    }
}

/// An amount in a currency, e.g. money at risk on an exception: `{ amount: "12.50",
/// currencyCode: "USD" }`. Amounts of different currencies are never added together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CurrencyAmount {
    /// The amount.
    pub amount: Decimal,
    /// ISO 4217, e.g. `USD`.
    pub currency_code: String,
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Decimal {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Decimal::parse(s)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;

        impl<'de> de::Visitor<'de> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string such as \"12.34\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                Decimal::parse(v).map_err(|m| E::custom(format!("{DECIMAL_ERROR_TAG}{m}")))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal(rust_decimal::Decimal::from(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal(rust_decimal::Decimal::from(v)))
            }

            // A JSON number with a fraction: its shortest round-trip text is what the sender
            // wrote (serde_json parses `10.2` to the f64 nearest 10.2, which prints as "10.2").
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                if !v.is_finite() {
                    return Err(E::custom(format!("{DECIMAL_ERROR_TAG}not a finite number")));
                }
                self.visit_str(&v.to_string())
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Decimal, A::Error> {
                crate::json_pointer::reject_seq(seq, &self)
            }

            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Decimal, A::Error> {
                crate::json_pointer::reject_map(map, &self)
            }
        }

        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_scale_it_was_given() {
        for text in ["1800", "94.97", "10.20", "0.001", "-3.5", "0"] {
            assert_eq!(Decimal::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn serialises_as_a_string_and_reads_numbers_too() {
        let d: Decimal = serde_json::from_str("10.2").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"10.2\"");
        let d: Decimal = serde_json::from_str("\"346.27\"").unwrap();
        assert_eq!(d.to_string(), "346.27");
        let d: Decimal = serde_json::from_str("7").unwrap();
        assert_eq!(d.to_string(), "7");
    }

    #[test]
    fn money_arithmetic_is_exact() {
        let a = Decimal::parse("0.1").unwrap();
        let b = Decimal::parse("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.3");
        let cost = Decimal::parse("229.47").unwrap();
        assert_eq!(cost.checked_mul_quantity(3).unwrap().to_string(), "688.41");
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for bad in ["", "abc", "12,50", "1.2.3", "$5", "NaN", "1e999"] {
            assert!(Decimal::parse(bad).is_err(), "{bad} should not parse");
        }
        let err = serde_json::from_str::<Decimal>("\"12,50\"").unwrap_err();
        assert!(err.to_string().starts_with(DECIMAL_ERROR_TAG));
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        let big = Decimal::parse("79228162514264337593543950335").unwrap();
        assert!(big.checked_mul_quantity(2).is_none());
        assert!(big.checked_add(big).is_none());
    }

    #[test]
    fn zero_and_sign() {
        assert!(Decimal::parse("0.00").unwrap().is_zero());
        assert!(Decimal::parse("-0.01").unwrap().is_negative());
        assert!(!Decimal::parse("-0").unwrap().is_negative());
    }
}
