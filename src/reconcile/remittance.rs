//! Remittances: Amazon's payments, which have no SP-API. They arrive as JSON rows (already
//! mapped by the host) or as CSV text: a Vendor Central payments export, or an EDI 820 flattened
//! to one row per RMR segment. Both end as [`RemittanceRow`]s; a CSV row that cannot be read is
//! reported with its line and column and left out, never dropped silently.
//!
//! Default CSV column mapping (header names compared case-insensitively, ignoring spaces and
//! punctuation; the first header found wins):
//!
//! | field | `vendorCentral` preset (default) | `edi820` preset |
//! |---|---|---|
//! | `invoiceNumber` (required) | Invoice Number, Invoice #, Invoice No | RMR02 |
//! | `amountPaid` (required) | Amount Paid, Paid Amount, Net Amount Paid | RMR04 |
//! | `currencyCode` | Invoice Currency, Currency | CUR02 |
//! | `paymentNumber` | Payment Number, Remittance Number | TRN02 |
//! | `paymentDate` | Payment Date, Remittance Date | BPR16 |
//! | `invoiceDate` | Invoice Date | DTM02 |
//! | `invoiceAmount` | Invoice Amount | RMR05 |
//! | `discountTaken` | Terms Discount Taken, Discount Taken | RMR06 |
//! | `description` | Transaction Description, Description | NTE02 |
//! | `purchaseOrderNumber` | PO Number, Purchase Order Number, Purchase Order, PO # | REF02 |
//! | `deductionType` | Deduction Type | ADX02 |
//!
//! `mapping` overrides any field with the exact header to use.

use serde::Deserialize;

use super::csv;
use crate::money::Decimal;
use crate::time::{Instant, parse_instant};

/// One line of a remittance: an amount applied to one document number. Negative amounts are
/// deductions (a shortage claim `…SC`, a chargeback, a co-op invoice, …).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemittanceRow {
    /// The document the amount is applied to: an invoice number, `INV123SC`, `…VCBSINV…`, ….
    pub invoice_number: String,
    /// Signed: negative for a deduction.
    pub amount_paid: Decimal,
    /// ISO 4217. Required: a payment is never assumed to be in the invoice's currency.
    pub currency_code: String,
    /// The payment (remittance) number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_number: Option<String>,
    /// When the payment was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<Instant>,
    /// The invoice date Amazon quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_date: Option<Instant>,
    /// The invoice amount Amazon quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_amount: Option<Decimal>,
    /// Terms discount Amazon took (agreed early-payment discount): reduces what is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_taken: Option<Decimal>,
    /// The remittance line's description (used to classify a deduction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The purchase order Amazon quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// Overrides the classification inferred from the document number and description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction_type: Option<DeductionType>,
}

wire_enum! {
    /// What a deduction is for.
    DeductionType {
        /// Received less than invoiced (`…SC` shortage claims).
        Shortage = "shortage",
        /// Invoiced cost above the PO cost (price claims).
        Price = "price",
        /// Co-op and agreement invoices, price protection (`IPAPUS…`).
        Coop = "coop",
        /// Chargebacks (`…VCBSINV…` debit notes).
        Chargeback = "chargeback",
        /// Anything else (provisions, unexplained short payments).
        Other = "other",
    }
}

wire_enum! {
    /// A built-in column mapping.
    CsvPreset {
        /// Vendor Central › Payments › Remittance › "Export to a spreadsheet".
        VendorCentral = "vendorCentral",
        /// An EDI 820 flattened to one row per RMR segment, columns named by segment element.
        Edi820 = "edi820",
    }
}

wire_enum! {
    /// How to read `12/01/2026`.
    DateOrder {
        /// `MM/DD/YYYY` (US exports).
        MonthFirst = "monthFirst",
        /// `DD/MM/YYYY` (EU exports).
        DayFirst = "dayFirst",
    }
}

/// Remittance CSV text and how to read it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemittanceCsv {
    /// The CSV text, as exported.
    pub text: String,
    /// Default `vendorCentral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<CsvPreset>,
    /// Exact header per field, overriding the preset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<CsvMapping>,
    /// Default `,`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// `.` (default: `1,234.56`) or `,` (`1.234,56`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimal_separator: Option<char>,
    /// For dates written with slashes. Default `monthFirst`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// The currency of every row when the file has no currency column (stated, not guessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
}

/// Header overrides, one exact header per field.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvMapping {
    /// The header of the invoice number column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// The header of the amount paid column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_paid: Option<String>,
    /// The header of the currency column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The header of the payment number column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_number: Option<String>,
    /// The header of the payment date column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<String>,
    /// The header of the invoice date column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_date: Option<String>,
    /// The header of the invoice amount column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_amount: Option<String>,
    /// The header of the discount taken column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_taken: Option<String>,
    /// The header of the description column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The header of the purchase order column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The header of the deduction type column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction_type: Option<String>,
}

/// A CSV row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RemittanceIssue {
    /// 1-based line of the file (the header is line 1).
    pub row: usize,
    /// The header of the offending column (empty when the whole row is concerned).
    pub column: String,
    /// `UNREADABLE_ROW`, `WRONG_FIELD_COUNT`, `MISSING_VALUE`, `INVALID_AMOUNT`,
    /// `INVALID_DATE`, `UNKNOWN_DEDUCTION_TYPE`.
    pub code: String,
    /// What is wrong with the row, in words.
    pub message: String,
}

/// A row read from CSV, with its line for later messages.
#[derive(Debug, Clone)]
pub struct CsvRow {
    /// The line of the CSV text the row starts on (1-based).
    pub line: usize,
    /// The row as read.
    pub row: RemittanceRow,
}

/// The CSV cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A required field has no column.
    MissingColumn {
        /// The field no column was found for.
        field: &'static str,
        /// The headers tried for it.
        tried: Vec<String>,
    },
    /// No header row.
    Empty,
}

/// The fields and their preset headers, in the order of the table above.
const FIELDS: [&str; 11] = [
    "invoiceNumber",
    "amountPaid",
    "currencyCode",
    "paymentNumber",
    "paymentDate",
    "invoiceDate",
    "invoiceAmount",
    "discountTaken",
    "description",
    "purchaseOrderNumber",
    "deductionType",
];

fn preset_headers(preset: CsvPreset, field: &str) -> &'static [&'static str] {
    match (preset, field) {
        (CsvPreset::VendorCentral, "invoiceNumber") => {
            &["Invoice Number", "Invoice #", "Invoice No"]
        }
        (CsvPreset::VendorCentral, "amountPaid") => {
            &["Amount Paid", "Paid Amount", "Net Amount Paid"]
        }
        (CsvPreset::VendorCentral, "currencyCode") => &["Invoice Currency", "Currency"],
        (CsvPreset::VendorCentral, "paymentNumber") => &["Payment Number", "Remittance Number"],
        (CsvPreset::VendorCentral, "paymentDate") => &["Payment Date", "Remittance Date"],
        (CsvPreset::VendorCentral, "invoiceDate") => &["Invoice Date"],
        (CsvPreset::VendorCentral, "invoiceAmount") => &["Invoice Amount"],
        (CsvPreset::VendorCentral, "discountTaken") => &["Terms Discount Taken", "Discount Taken"],
        (CsvPreset::VendorCentral, "description") => &["Transaction Description", "Description"],
        (CsvPreset::VendorCentral, "purchaseOrderNumber") => &[
            "PO Number",
            "Purchase Order Number",
            "Purchase Order",
            "PO #",
        ],
        (CsvPreset::VendorCentral, "deductionType") => &["Deduction Type"],
        (CsvPreset::Edi820, "invoiceNumber") => &["RMR02"],
        (CsvPreset::Edi820, "amountPaid") => &["RMR04"],
        (CsvPreset::Edi820, "currencyCode") => &["CUR02"],
        (CsvPreset::Edi820, "paymentNumber") => &["TRN02"],
        (CsvPreset::Edi820, "paymentDate") => &["BPR16"],
        (CsvPreset::Edi820, "invoiceDate") => &["DTM02"],
        (CsvPreset::Edi820, "invoiceAmount") => &["RMR05"],
        (CsvPreset::Edi820, "discountTaken") => &["RMR06"],
        (CsvPreset::Edi820, "description") => &["NTE02"],
        (CsvPreset::Edi820, "purchaseOrderNumber") => &["REF02"],
        (CsvPreset::Edi820, "deductionType") => &["ADX02"],
        _ => &[],
    }
}

fn override_for<'m>(mapping: &'m CsvMapping, field: &str) -> Option<&'m str> {
    match field {
        "invoiceNumber" => mapping.invoice_number.as_deref(),
        "amountPaid" => mapping.amount_paid.as_deref(),
        "currencyCode" => mapping.currency_code.as_deref(),
        "paymentNumber" => mapping.payment_number.as_deref(),
        "paymentDate" => mapping.payment_date.as_deref(),
        "invoiceDate" => mapping.invoice_date.as_deref(),
        "invoiceAmount" => mapping.invoice_amount.as_deref(),
        "discountTaken" => mapping.discount_taken.as_deref(),
        "description" => mapping.description.as_deref(),
        "purchaseOrderNumber" => mapping.purchase_order_number.as_deref(),
        "deductionType" => mapping.deduction_type.as_deref(),
        _ => None,
    }
}

/// Header comparison key: lower case, letters and digits only (`"Invoice #"` → `"invoice"`).
fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Column index per field (in [`FIELDS`] order).
fn resolve_columns(csv: &RemittanceCsv, header: &[String]) -> Result<Vec<Option<usize>>, CsvError> {
    let preset = csv.preset.unwrap_or(CsvPreset::VendorCentral);
    let mapping = csv.mapping.clone().unwrap_or_default();
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let mut columns = Vec::with_capacity(FIELDS.len());
    for field in FIELDS {
        let tried: Vec<String> = match override_for(&mapping, field) {
            Some(exact) => vec![exact.to_string()],
            None => preset_headers(preset, field)
                .iter()
                .map(|h| h.to_string())
                .collect(),
        };
        let found = tried
            .iter()
            .find_map(|name| keys.iter().position(|k| *k == header_key(name)));
        if found.is_none() && matches!(field, "invoiceNumber" | "amountPaid") {
            return Err(CsvError::MissingColumn { field, tried });
        }
        columns.push(found);
    }
    Ok(columns)
}

/// Reads remittance CSV text into rows; unreadable rows become issues.
pub fn read_csv(csv: &RemittanceCsv) -> Result<(Vec<CsvRow>, Vec<RemittanceIssue>), CsvError> {
    let (records, problems) = csv::read(&csv.text, csv.delimiter.unwrap_or(','));
    let mut issues: Vec<RemittanceIssue> = problems
        .into_iter()
        .map(|p| RemittanceIssue {
            row: p.line,
            column: String::new(),
            code: "UNREADABLE_ROW".to_string(),
            message: format!("field {}: {}", p.field, p.message),
        })
        .collect();
    let mut records = records.into_iter();
    let header = records.next().ok_or(CsvError::Empty)?;
    let columns = resolve_columns(csv, &header.fields)?;
    let column_name = |field_index: usize| -> String {
        columns
            .get(field_index)
            .copied()
            .flatten()
            .and_then(|c| header.fields.get(c))
            .cloned()
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for record in records {
        if record.fields.len() != header.fields.len() {
            issues.push(RemittanceIssue {
                row: record.line,
                column: String::new(),
                code: "WRONG_FIELD_COUNT".to_string(),
                message: format!(
                    "{} fields where the header has {}",
                    record.fields.len(),
                    header.fields.len()
                ),
            });
            continue;
        }
        match read_row(csv, &columns, &record) {
            Ok(row) => rows.push(CsvRow {
                line: record.line,
                row,
            }),
            Err((field_index, code, message)) => issues.push(RemittanceIssue {
                row: record.line,
                column: column_name(field_index),
                code: code.to_string(),
                message,
            }),
        }
    }
    issues.sort_by_key(|issue| issue.row);
    Ok((rows, issues))
}

type RowError = (usize, &'static str, String);

fn read_row(
    csv: &RemittanceCsv,
    columns: &[Option<usize>],
    record: &csv::Record,
) -> Result<RemittanceRow, RowError> {
    let value = |field_index: usize| -> Option<&str> {
        columns
            .get(field_index)
            .copied()
            .flatten()
            .and_then(|c| record.fields.get(c))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let decimal_separator = csv.decimal_separator.unwrap_or('.');
    let date_order = csv.date_order.unwrap_or(DateOrder::MonthFirst);
    let amount = |field_index: usize| -> Result<Option<Decimal>, RowError> {
        value(field_index)
            .map(|v| {
                parse_amount(v, decimal_separator).ok_or_else(|| {
                    (
                        field_index,
                        "INVALID_AMOUNT",
                        format!("`{v}` is not an amount"),
                    )
                })
            })
            .transpose()
    };
    let date = |field_index: usize| -> Result<Option<Instant>, RowError> {
        value(field_index)
            .map(|v| {
                parse_date(v, date_order)
                    .map(Instant)
                    .ok_or_else(|| (field_index, "INVALID_DATE", format!("`{v}` is not a date")))
            })
            .transpose()
    };
    let invoice_number = value(0)
        .ok_or((0, "MISSING_VALUE", "no invoice number".to_string()))?
        .to_string();
    let amount_paid = amount(1)?.ok_or((1, "MISSING_VALUE", "no amount paid".to_string()))?;
    let currency_code = value(2)
        .map(|c| c.to_ascii_uppercase())
        .or(csv.currency_code.clone())
        .ok_or((
            2,
            "MISSING_VALUE",
            "no currency: the file has no currency column value here and no `currencyCode` was given".to_string(),
        ))?;
    let deduction_type = value(10)
        .map(|v| {
            DeductionType::parse_tolerant(v).ok_or_else(|| {
                (
                    10,
                    "UNKNOWN_DEDUCTION_TYPE",
                    format!("`{v}` is not one of shortage, price, coop, chargeback, other"),
                )
            })
        })
        .transpose()?;
    Ok(RemittanceRow {
        invoice_number,
        amount_paid,
        currency_code,
        payment_number: value(3).map(str::to_string),
        payment_date: date(4)?,
        invoice_date: date(5)?,
        invoice_amount: amount(6)?,
        discount_taken: amount(7)?,
        description: value(8).map(str::to_string),
        purchase_order_number: value(9).map(str::to_string),
        deduction_type,
    })
}

/// An amount as exports write it: `1,234.56`, `-12.00`, `(12.00)`, `$1,234.56`, `12.00-`,
/// or with `,` as the decimal separator `1.234,56`.
pub fn parse_amount(text: &str, decimal_separator: char) -> Option<Decimal> {
    let mut t = text.trim().to_string();
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') {
        negative = true;
        t = t.trim_start_matches('(').trim_end_matches(')').to_string();
    }
    if let Some(rest) = t.strip_suffix('-') {
        negative = !negative;
        t = rest.to_string();
    }
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '$' | '€' | '£' | '¥' | '₹' | ' ' | '\u{a0}'))
        .collect();
    let thousands = if decimal_separator == ',' { '.' } else { ',' };
    let normalised: String = t
        .chars()
        .filter(|c| *c != thousands)
        .map(|c| if c == decimal_separator { '.' } else { c })
        .collect();
    let value = Decimal::parse(&normalised).ok()?;
    Some(if negative { value.negated() } else { value })
}

/// A date as exports write it: ISO-8601, `YYYYMMDD` (EDI), or `MM/DD/YYYY` / `DD/MM/YYYY`.
pub fn parse_date(text: &str, order: DateOrder) -> Option<chrono::DateTime<chrono::Utc>> {
    let t = text.trim();
    if let Ok(instant) = parse_instant(t) {
        return Some(instant);
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return chrono::NaiveDate::parse_from_str(t, "%Y%m%d")
            .ok()?
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc());
    }
    let format = match order {
        DateOrder::MonthFirst => "%m/%d/%Y",
        DateOrder::DayFirst => "%d/%m/%Y",
    };
    chrono::NaiveDate::parse_from_str(t, format)
        .ok()?
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
}

impl CsvError {
    /// The error in words.
    pub fn message(&self) -> String {
        match self {
            CsvError::MissingColumn { field, tried } => format!(
                "the remittance CSV has no column for `{field}` (looked for: {}); map it in `remittanceCsv.mapping`",
                tried.join(", ")
            ),
            CsvError::Empty => "the remittance CSV has no header row".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn amounts_as_exports_write_them() {
        assert_eq!(parse_amount("1,234.56", '.'), Some(d("1234.56")));
        assert_eq!(parse_amount("(12.00)", '.'), Some(d("-12.00")));
        assert_eq!(parse_amount("$ 5.10", '.'), Some(d("5.10")));
        assert_eq!(parse_amount("7.25-", '.'), Some(d("-7.25")));
        assert_eq!(parse_amount("1.234,56", ','), Some(d("1234.56")));
        assert_eq!(parse_amount("12,5x", '.'), None);
    }

    #[test]
    fn dates_as_exports_write_them() {
        let iso = parse_date("2026-01-15", DateOrder::MonthFirst).unwrap();
        assert_eq!(parse_date("01/15/2026", DateOrder::MonthFirst), Some(iso));
        assert_eq!(parse_date("15/01/2026", DateOrder::DayFirst), Some(iso));
        assert_eq!(parse_date("20260115", DateOrder::MonthFirst), Some(iso));
        assert_eq!(parse_date("15/01/2026", DateOrder::MonthFirst), None);
    }
}
