//! GS1 identifiers: SSCC (the carton/pallet label of an ASN) and GTIN-8/12/13/14, with the
//! GS1 mod-10 check digit, and an SSCC generator for hosts that print labels.
//!
//! The check digit (GS1 General Specifications, "Check digit calculation"): starting from the
//! digit next to the check digit and moving left, multiply the digits alternately by 3 and 1,
//! add the products, and take the amount needed to reach the next multiple of ten.
//!
//! ```
//! use vendor_central_connector::gs1::{check_digit, normalise_sscc, generate_sscc};
//! assert_eq!(check_digit("629104150021"), Some(3));
//! assert_eq!(normalise_sscc("00106141411234567897").unwrap(), "106141411234567897");
//! assert_eq!(generate_sscc(1, "0614141", 123456789).unwrap(), "106141411234567897");
//! ```

use serde::{Deserialize, Serialize};

/// Digits of an SSCC without its application identifier.
pub const SSCC_LENGTH: usize = 18;
/// The GS1-128 application identifier that prefixes an SSCC on a label ("(00)").
pub const SSCC_APPLICATION_IDENTIFIER: &str = "00";
/// The lengths a GTIN may have: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14.
pub const GTIN_LENGTHS: [usize; 4] = [8, 12, 13, 14];

/// Why a GS1 identifier is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Gs1Error {
    /// Characters other than the digits 0–9.
    #[error("`{value}` contains characters other than digits")]
    NotDigits {
        /// The value read.
        value: String,
    },
    /// The wrong number of digits for the identifier.
    #[error("`{value}` has {actual} digits; {expected}")]
    WrongLength {
        /// The value read.
        value: String,
        /// The count found.
        actual: usize,
        /// What was expected.
        expected: &'static str,
    },
    /// The last digit is not the GS1 mod-10 check digit of the others.
    #[error("`{value}` has check digit {actual}, but the GS1 check digit is {expected}")]
    CheckDigit {
        /// The value read.
        value: String,
        /// The value found.
        actual: u8,
        /// What was expected.
        expected: u8,
    },
    /// An SSCC generator argument out of range.
    #[error("{message}")]
    InvalidGeneratorInput {
        /// The field's name.
        field: &'static str,
        /// What is wrong, in words.
        message: String,
    },
}

/// The GS1 mod-10 check digit of `data` (the digits before the check digit), or `None` when
/// `data` is empty or holds anything but ASCII digits.
pub fn check_digit(data: &str) -> Option<u8> {
    if data.is_empty() {
        return None;
    }
    // The sum is kept modulo 10 as it goes (only its last digit matters), so no length of
    // input can overflow it.
    let mut sum: u8 = 0;
    for (position_from_right, c) in data.bytes().rev().enumerate() {
        let digit = c.checked_sub(b'0').filter(|d| *d <= 9)?;
        let weight = if position_from_right % 2 == 0 { 3 } else { 1 };
        // At most 9 + 9 × 3 = 36 before the remainder: no overflow.
        sum = sum.wrapping_add(digit.wrapping_mul(weight)) % 10;
    }
    // `sum` is 0..=9, so the result is 0..=9.
    Some(10u8.wrapping_sub(sum) % 10)
}

/// Checks digits-only, then the check digit of a complete identifier.
fn verify_check_digit(value: &str) -> Result<(), Gs1Error> {
    // Callers check that `value` is ASCII digits, so every byte is a character boundary.
    let split = value.len().saturating_sub(1);
    let data = value.get(..split).unwrap_or("");
    let actual = value
        .get(split..)
        .and_then(|last| last.bytes().next())
        .map(|b| b.saturating_sub(b'0'));
    match (check_digit(data), actual) {
        (Some(expected), Some(actual)) if expected == actual => Ok(()),
        (Some(expected), Some(actual)) => Err(Gs1Error::CheckDigit {
            value: value.to_string(),
            actual,
            expected,
        }),
        _ => Err(Gs1Error::NotDigits {
            value: value.to_string(),
        }),
    }
}

fn require_digits(value: &str) -> Result<(), Gs1Error> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Gs1Error::NotDigits {
            value: value.to_string(),
        });
    }
    Ok(())
}

/// The 18-digit SSCC of a label value: spaces and the parentheses of a human-readable
/// "(00)" are ignored, and a leading "00" application identifier (20 digits) is removed.
/// Errors on anything else, or when the check digit is wrong.
pub fn normalise_sscc(value: &str) -> Result<String, Gs1Error> {
    let compact: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '(' | ')'))
        .collect();
    require_digits(&compact)?;
    let digits = match compact.len() {
        SSCC_LENGTH => compact,
        20 if compact.starts_with(SSCC_APPLICATION_IDENTIFIER) => compact
            .get(SSCC_APPLICATION_IDENTIFIER.len()..)
            .unwrap_or_default()
            .to_string(),
        actual => {
            return Err(Gs1Error::WrongLength {
                value: value.to_string(),
                actual,
                expected: "an SSCC has 18 digits (20 with the \"00\" application identifier)",
            });
        }
    };
    verify_check_digit(&digits)?;
    Ok(digits)
}

/// Checks a GTIN-8, -12, -13 or -14 (digits only, no spaces).
pub fn validate_gtin(value: &str) -> Result<(), Gs1Error> {
    require_digits(value)?;
    if !GTIN_LENGTHS.contains(&value.len()) {
        return Err(Gs1Error::WrongLength {
            value: value.to_string(),
            actual: value.len(),
            expected: "a GTIN has 8, 12, 13 or 14 digits",
        });
    }
    verify_check_digit(value)
}

/// Builds an SSCC: extension digit (0–9, chosen by the company), GS1 company prefix (4–12
/// digits), serial reference (zero-padded to fill 16 digits with the prefix), check digit.
/// The company must never reuse a serial reference within a year.
pub fn generate_sscc(
    extension_digit: u8,
    company_prefix: &str,
    serial_reference: u64,
) -> Result<String, Gs1Error> {
    if extension_digit > 9 {
        return Err(Gs1Error::InvalidGeneratorInput {
            field: "extensionDigit",
            message: format!("extension digit {extension_digit} is not a single digit 0–9"),
        });
    }
    if !(4..=12).contains(&company_prefix.len())
        || !company_prefix.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(Gs1Error::InvalidGeneratorInput {
            field: "companyPrefix",
            message: format!("GS1 company prefix `{company_prefix}` must be 4 to 12 digits"),
        });
    }
    // 17 data digits = extension (1) + prefix + serial reference.
    let serial_width = 16usize.saturating_sub(company_prefix.len());
    let serial = serial_reference.to_string();
    if serial.len() > serial_width {
        return Err(Gs1Error::InvalidGeneratorInput {
            field: "serialReference",
            message: format!(
                "serial reference {serial_reference} does not fit in {serial_width} digits \
                 with a {}-digit company prefix",
                company_prefix.len()
            ),
        });
    }
    let data = format!("{extension_digit}{company_prefix}{serial:0>serial_width$}");
    let check = check_digit(&data).ok_or_else(|| Gs1Error::InvalidGeneratorInput {
        field: "companyPrefix",
        message: "the SSCC data is not all digits".to_string(),
    })?;
    Ok(format!("{data}{check}"))
}

/// Where the builder takes SSCCs for containers that have none: the company's GS1 prefix, an
/// extension digit, and the next unused serial reference (the host stores what comes back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SsccSource {
    /// GS1 company prefix, 4–12 digits.
    pub company_prefix: String,
    /// 0–9, chosen by the company (often one per warehouse or label printer).
    #[serde(default)]
    pub extension_digit: u8,
    /// The first serial reference to use; each generated SSCC takes the next one.
    pub next_serial_reference: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gs1_general_specifications_check_digit_example() {
        // GS1 General Specifications, check digit calculation: GTIN-13 629104150021 → 3.
        assert_eq!(check_digit("629104150021"), Some(3));
        assert!(validate_gtin("6291041500213").is_ok());
    }

    #[test]
    fn published_sscc_examples() {
        // GS1's SSCC example (extension 1, company prefix 0614141, serial 123456789).
        assert_eq!(
            normalise_sscc("106141411234567897").unwrap(),
            "106141411234567897"
        );
        assert_eq!(
            normalise_sscc("00106141411234567897").unwrap(),
            "106141411234567897"
        );
        assert_eq!(
            normalise_sscc("(00) 1 0614141 123456789 7").unwrap(),
            "106141411234567897"
        );
        assert!(matches!(
            normalise_sscc("106141411234567898"),
            Err(Gs1Error::CheckDigit {
                actual: 8,
                expected: 7,
                ..
            })
        ));
        assert!(matches!(
            normalise_sscc("10614141123456789"),
            Err(Gs1Error::WrongLength { actual: 17, .. })
        ));
        assert!(matches!(
            normalise_sscc("01106141411234567897"),
            Err(Gs1Error::WrongLength { actual: 20, .. })
        ));
        assert!(matches!(
            normalise_sscc("1061414112345678A7"),
            Err(Gs1Error::NotDigits { .. })
        ));
    }

    #[test]
    fn published_gtin_examples() {
        // GS1 examples: GTIN-8, GTIN-12 (UPC-A), GTIN-13, GTIN-14.
        for good in [
            "96385074",
            "036000291452",
            "4006381333931",
            "10614141000415",
        ] {
            assert!(validate_gtin(good).is_ok(), "{good}");
        }
        assert!(matches!(
            validate_gtin("4006381333932"),
            Err(Gs1Error::CheckDigit { expected: 1, .. })
        ));
        assert!(matches!(
            validate_gtin("400638133393"),
            Err(Gs1Error::CheckDigit { .. })
        ));
        assert!(matches!(
            validate_gtin("12345"),
            Err(Gs1Error::WrongLength { .. })
        ));
        assert!(matches!(validate_gtin(""), Err(Gs1Error::NotDigits { .. })));
    }

    #[test]
    fn generator_matches_the_published_sscc_and_checks_its_inputs() {
        assert_eq!(
            generate_sscc(1, "0614141", 123456789).unwrap(),
            "106141411234567897"
        );
        assert_eq!(
            generate_sscc(0, "061414112345", 1).unwrap().len(),
            SSCC_LENGTH
        );
        assert!(generate_sscc(10, "0614141", 1).is_err());
        assert!(generate_sscc(0, "061", 1).is_err());
        assert!(generate_sscc(0, "06141A1", 1).is_err());
        assert!(generate_sscc(0, "0614141", 1_000_000_000).is_err());
    }

    #[test]
    fn check_digit_refuses_non_digits() {
        assert_eq!(check_digit(""), None);
        assert_eq!(check_digit("12a"), None);
    }
}
