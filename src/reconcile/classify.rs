//! What a remittance line is: a payment of an invoice, a credit note applied, or a deduction of
//! some type, from the document number Vendor Central writes and the line's description.
//!
//! Rules, first match wins (document numbers compared case-insensitively):
//! 1. The number of a known invoice: a payment of it (a negative amount with an explicit
//!    `deductionType` is a deduction from it instead).
//! 2. The number of a known credit note: the credit applied to the invoice it references.
//! 3. A known invoice number followed by a suffix (optionally after `-`, `_` or a space):
//!    `SCRSC` revised shortage claim, `SCR` shortage claim reversal, `SC` shortage claim,
//!    `PCR` price claim reversal, `PC` price claim. A suffix only counts when the rest is a
//!    known invoice, so an invoice that merely ends in "SC" is never misread.
//! 4. `…VCBSINV…`: a chargeback debit note. `IPAPUS…`: a price protection debit note (co-op).
//!    `…PROVISION FOR RECEIVABLES…`: a provision (other). `NNNN-NNNNNNNN`: an agreement
//!    (co-op) invoice.
//! 5. The description: "shortage", "price", "co-op"/"coop"/"agreement"/"marketing",
//!    "chargeback"/"charge back".
//! 6. Otherwise a negative amount is a deduction of type other, a positive one a payment with
//!    no matching invoice.
//!
//! An explicit `deductionType` on the row replaces the inferred type of a deduction.

use std::collections::BTreeMap;

use super::remittance::{DeductionType, RemittanceRow};

/// What a remittance line does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Application {
    /// Cash for the invoice (index into the invoice list).
    Payment { invoice: usize },
    /// A credit note applied; `invoice` is the invoice it references, if known.
    Credit {
        credit_note: usize,
        invoice: Option<usize>,
    },
    /// A deduction (negative) or its reversal (positive), tied to an invoice when known.
    Deduction {
        invoice: Option<usize>,
        deduction_type: DeductionType,
    },
    /// Cash for a document that is not among the invoices.
    Unmatched,
}

/// Invoice and credit note numbers, upper-cased, to their index.
#[derive(Debug, Default)]
pub struct DocumentIndex {
    pub invoices: BTreeMap<String, usize>,
    /// Credit note number → (its index, the referenced invoice's index).
    pub credit_notes: BTreeMap<String, (usize, Option<usize>)>,
}

const CLAIM_SUFFIXES: [(&str, DeductionType); 5] = [
    ("SCRSC", DeductionType::Shortage),
    ("SCR", DeductionType::Shortage),
    ("SC", DeductionType::Shortage),
    ("PCR", DeductionType::Price),
    ("PC", DeductionType::Price),
];

/// Classifies one remittance line. See the module documentation for the rules.
pub fn classify(row: &RemittanceRow, index: &DocumentIndex) -> Application {
    let number = row.invoice_number.trim().to_uppercase();
    if let Some(&invoice) = index.invoices.get(&number) {
        return match row.deduction_type {
            Some(deduction_type) if row.amount_paid.is_negative() => Application::Deduction {
                invoice: Some(invoice),
                deduction_type,
            },
            _ => Application::Payment { invoice },
        };
    }
    if let Some(&(credit_note, invoice)) = index.credit_notes.get(&number) {
        return Application::Credit {
            credit_note,
            invoice,
        };
    }
    let explicit = row.deduction_type;
    for (suffix, deduction_type) in CLAIM_SUFFIXES {
        let Some(base) = number.strip_suffix(suffix) else {
            continue;
        };
        let base = base.trim_end_matches(['-', '_', ' ']);
        if let Some(&invoice) = index.invoices.get(base) {
            return Application::Deduction {
                invoice: Some(invoice),
                deduction_type: explicit.unwrap_or(deduction_type),
            };
        }
    }
    let by_number = if number.contains("VCBSINV") {
        Some(DeductionType::Chargeback)
    } else if number.starts_with("IPAPUS") {
        Some(DeductionType::Coop)
    } else if number.contains("PROVISION FOR RECEIVABLES") {
        Some(DeductionType::Other)
    } else if is_agreement_number(&number) {
        Some(DeductionType::Coop)
    } else {
        None
    };
    let inferred = explicit
        .or(by_number)
        .or_else(|| row.description.as_deref().and_then(by_description));
    match inferred {
        Some(deduction_type) => Application::Deduction {
            invoice: None,
            deduction_type,
        },
        None if row.amount_paid.is_negative() => Application::Deduction {
            invoice: None,
            deduction_type: DeductionType::Other,
        },
        None => Application::Unmatched,
    }
}

/// `NNNN-NNNNNNNN`: digits, one dash, digits (Vendor Central agreement invoices).
fn is_agreement_number(number: &str) -> bool {
    match number.split_once('-') {
        Some((left, right)) => {
            left.len() >= 3
                && right.len() >= 5
                && left.bytes().all(|b| b.is_ascii_digit())
                && right.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn by_description(description: &str) -> Option<DeductionType> {
    let text = description.to_lowercase();
    if text.contains("shortage") {
        Some(DeductionType::Shortage)
    } else if text.contains("chargeback") || text.contains("charge back") {
        Some(DeductionType::Chargeback)
    } else if text.contains("co-op")
        || text.contains("coop")
        || text.contains("agreement")
        || text.contains("marketing")
    {
        Some(DeductionType::Coop)
    } else if text.contains("price") {
        Some(DeductionType::Price)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Decimal;

    fn row(number: &str, amount: &str) -> RemittanceRow {
        RemittanceRow {
            invoice_number: number.to_string(),
            amount_paid: Decimal::parse(amount).unwrap(),
            currency_code: "USD".to_string(),
            payment_number: None,
            payment_date: None,
            invoice_date: None,
            invoice_amount: None,
            discount_taken: None,
            description: None,
            purchase_order_number: None,
            deduction_type: None,
        }
    }

    fn index() -> DocumentIndex {
        let mut index = DocumentIndex::default();
        index.invoices.insert("INV100".to_string(), 0);
        index.invoices.insert("DISC".to_string(), 1);
        index.credit_notes.insert("CN1".to_string(), (2, Some(0)));
        index
    }

    fn deduction(invoice: Option<usize>, deduction_type: DeductionType) -> Application {
        Application::Deduction {
            invoice,
            deduction_type,
        }
    }

    #[test]
    fn numbers_and_suffixes() {
        let index = index();
        assert_eq!(
            classify(&row("inv100", "10"), &index),
            Application::Payment { invoice: 0 }
        );
        assert_eq!(
            classify(&row("INV100SC", "-5"), &index),
            deduction(Some(0), DeductionType::Shortage)
        );
        assert_eq!(
            classify(&row("INV100-SCR", "5"), &index),
            deduction(Some(0), DeductionType::Shortage)
        );
        assert_eq!(
            classify(&row("INV100SCRSC", "-2"), &index),
            deduction(Some(0), DeductionType::Shortage)
        );
        assert_eq!(
            classify(&row("INV100PC", "-1"), &index),
            deduction(Some(0), DeductionType::Price)
        );
        // "DISC" is a known invoice: a payment, not "DI" + shortage claim suffix.
        assert_eq!(
            classify(&row("DISC", "3"), &index),
            Application::Payment { invoice: 1 }
        );
        assert_eq!(
            classify(&row("CN1", "-4"), &index),
            Application::Credit {
                credit_note: 2,
                invoice: Some(0)
            }
        );
    }

    #[test]
    fn amazon_document_patterns_and_descriptions() {
        let index = index();
        assert_eq!(
            classify(&row("123456VCBSINV", "-50"), &index),
            deduction(None, DeductionType::Chargeback)
        );
        assert_eq!(
            classify(&row("IPAPUS1234567", "-50"), &index),
            deduction(None, DeductionType::Coop)
        );
        assert_eq!(
            classify(&row("1234-56789012", "-50"), &index),
            deduction(None, DeductionType::Coop)
        );
        let mut described = row("X9", "-3");
        described.description = Some("Shortage claim".to_string());
        assert_eq!(
            classify(&described, &index),
            deduction(None, DeductionType::Shortage)
        );
        assert_eq!(
            classify(&row("X9", "-3"), &index),
            deduction(None, DeductionType::Other)
        );
        assert_eq!(classify(&row("X9", "3"), &index), Application::Unmatched);
        let mut explicit = row("INV100", "-3");
        explicit.deduction_type = Some(DeductionType::Coop);
        assert_eq!(
            classify(&explicit, &index),
            deduction(Some(0), DeductionType::Coop)
        );
    }
}
