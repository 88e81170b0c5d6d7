//! The facts reconciliation joins, each read once and keyed by PO number and line: Amazon's
//! receipts (getPurchaseOrdersStatus), the invoices, and the remittance lines applied to them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::classify::{Application, DocumentIndex, classify};
use super::error::ReconcileError;
use super::input::Settings;
use super::remittance::{DeductionType, RemittanceRow};
use crate::error::InputError;
use crate::invoice::amounts::add;
use crate::invoice::po_book::{PoBook, PoLine, eaches_of, supersedes};
use crate::line_value::{Pricing, Weight, billed};
use crate::money::Decimal;
use crate::spapi::invoices::{Invoice, InvoiceType};
use crate::spapi::orders;
use crate::spapi::orders_status::{OrderStatus, PurchaseOrderStatus, ReceiveStatus};
use crate::time::parse_instant;

/// What Amazon received on one line.
#[derive(Debug, Clone, Default)]
pub struct LineReceipt {
    pub received_eaches: u64,
    pub status: Option<ReceiveStatus>,
    pub last_receive_date: Option<DateTime<Utc>>,
}

/// Amazon's receipt status of one PO.
#[derive(Debug, Clone, Default)]
pub struct PoReceipt {
    pub status: Option<PurchaseOrderStatus>,
    /// By PO line index.
    pub lines: BTreeMap<usize, LineReceipt>,
}

/// A receipt status entry that matches no PO or line.
#[derive(Debug, Clone)]
pub struct UnmatchedReceipt {
    pub purchase_order_number: String,
    pub item_sequence_number: Option<String>,
}

/// Latest status per PO (by `lastUpdatedDate`, ties broken by content), resolved onto lines.
pub fn read_receipts(
    book: &PoBook<'_>,
    statuses: &[OrderStatus],
) -> Result<(BTreeMap<String, PoReceipt>, Vec<UnmatchedReceipt>), ReconcileError> {
    let mut latest: BTreeMap<&str, (Option<DateTime<Utc>>, usize)> = BTreeMap::new();
    for (i, status) in statuses.iter().enumerate() {
        let date = optional_date(
            status.last_updated_date.as_deref(),
            &format!("/receipts/{i}/lastUpdatedDate"),
        )?;
        let replaces = match latest.get(status.purchase_order_number.as_str()) {
            None => true,
            Some((other_date, other)) => statuses
                .get(*other)
                .is_some_and(|o| supersedes(&date, status, other_date, o)),
        };
        if replaces {
            latest.insert(status.purchase_order_number.as_str(), (date, i));
        }
    }
    let mut receipts = BTreeMap::new();
    let mut unmatched = Vec::new();
    for (number, (_, i)) in latest {
        let Some(status) = statuses.get(i) else {
            continue;
        };
        let Some(entry) = book.get(number) else {
            unmatched.push(UnmatchedReceipt {
                purchase_order_number: number.to_string(),
                item_sequence_number: None,
            });
            continue;
        };
        let mut receipt = PoReceipt {
            status: Some(status.purchase_order_status),
            lines: BTreeMap::new(),
        };
        for (k, item) in status.item_status.iter().enumerate() {
            let Some(line_index) = entry.find_line(
                Some(&item.item_sequence_number),
                item.buyer_product_identifier.as_deref(),
                item.vendor_product_identifier.as_deref(),
            ) else {
                unmatched.push(UnmatchedReceipt {
                    purchase_order_number: number.to_string(),
                    item_sequence_number: Some(item.item_sequence_number.clone()),
                });
                continue;
            };
            let Some(line) = entry.lines.get(line_index) else {
                continue;
            };
            let path = format!("/receipts/{i}/itemStatus/{k}/receivingStatus");
            let receiving = item.receiving_status.as_ref();
            let received_eaches = match receiving.and_then(|r| r.received_quantity.as_ref()) {
                Some(quantity) => eaches_of(
                    quantity,
                    line.unit_of_measure,
                    line.unit_size,
                    &format!("{path}/receivedQuantity"),
                )?,
                None => 0,
            };
            receipt.lines.insert(
                line_index,
                LineReceipt {
                    received_eaches,
                    status: receiving.and_then(|r| r.receive_status),
                    last_receive_date: optional_date(
                        receiving.and_then(|r| r.last_receive_date.as_deref()),
                        &format!("{path}/lastReceiveDate"),
                    )?,
                },
            );
        }
        receipts.insert(number.to_string(), receipt);
    }
    Ok((receipts, unmatched))
}

/// One invoice item resolved onto a PO line.
#[derive(Debug, Clone)]
pub struct InvoiceLine {
    pub purchase_order_number: Option<String>,
    /// PO line index, when the PO and the line are known.
    pub line: Option<usize>,
    pub po_known: bool,
    pub eaches: u64,
    pub units: u64,
    pub cost: Decimal,
    /// What the item bills (before tax), as Amazon reads it: `units × cost`, or `totalWeight ×
    /// cost` for an item priced by weight ([`crate::line_value::billed`]).
    pub amount: Decimal,
    /// The PO line's pricing units in one unit `cost` is per: eaches per invoiced unit (1 for
    /// Eaches, the case size for Cases), or the PO's weight unit in one invoiced weight unit.
    /// `None` when the two do not compare (one priced by weight, the other not).
    pub unit_factor: Option<Decimal>,
    /// How many units `cost` is charged for: `units`, or the weight of a weight-priced item.
    pub priced_quantity: Decimal,
}

impl InvoiceLine {
    /// A PO cost (per each or per the PO's weight unit) per unit of this item's `cost`.
    pub fn in_invoice_unit(&self, po_cost: Decimal) -> Option<Decimal> {
        crate::invoice::amounts::mul(po_cost, self.unit_factor?)
    }
}

/// PO pricing units in one invoiced pricing unit (see [`InvoiceLine::unit_factor`]).
fn unit_factor(
    line: &PoLine<'_>,
    eaches_per_unit: u64,
    invoiced_per: Option<crate::spapi::orders::WeightUnit>,
) -> Option<Decimal> {
    match (line.value.pricing, invoiced_per) {
        (Pricing::PerEach, None) => Some(Decimal(rust_decimal::Decimal::from(eaches_per_unit))),
        (Pricing::PerWeight(po_unit), Some(invoiced)) => Weight {
            amount: Decimal(rust_decimal::Decimal::ONE),
            unit: invoiced,
        }
        .in_unit(po_unit),
        _ => None,
    }
}

/// One invoice or credit note (the current version of its id).
#[derive(Debug, Clone)]
pub struct InvoiceFacts<'a> {
    pub invoice: &'a Invoice,
    pub index: usize,
    pub date: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub currency: String,
    pub total: Decimal,
    pub lines: Vec<InvoiceLine>,
    pub purchase_order_numbers: BTreeSet<String>,
    /// Credit notes: the invoice they reference (item `creditNoteDetails`).
    pub reference_invoice: Option<String>,
}

/// The current version of every document id (latest date, ties by content), in id order.
pub fn read_invoices<'a>(
    book: &PoBook<'_>,
    invoices: &'a [Invoice],
    settings: &Settings,
) -> Result<Vec<InvoiceFacts<'a>>, ReconcileError> {
    let mut current: BTreeMap<&str, (DateTime<Utc>, usize)> = BTreeMap::new();
    let mut dates = Vec::with_capacity(invoices.len());
    for (i, invoice) in invoices.iter().enumerate() {
        let date = parse_instant(&invoice.date).map_err(|message| InputError::InvalidDate {
            path: format!("/invoices/{i}/date"),
            message,
        })?;
        dates.push(date);
        let replaces = match current.get(invoice.id.trim()) {
            None => true,
            Some((other_date, other)) => invoices
                .get(*other)
                .is_some_and(|o| supersedes(&date, invoice, other_date, o)),
        };
        if replaces {
            current.insert(invoice.id.trim(), (date, i));
        }
    }
    let mut facts = Vec::with_capacity(current.len());
    for (_, (_, i)) in current {
        let (Some(invoice), Some(&date)) = (invoices.get(i), dates.get(i)) else {
            continue;
        };
        let base = format!("/invoices/{i}");
        let currency = invoice.invoice_total.currency_code.clone().ok_or_else(|| {
            InputError::MissingField {
                path: format!("{base}/invoiceTotal"),
                field: "currencyCode".to_string(),
            }
        })?;
        let total = invoice
            .invoice_total
            .amount
            .ok_or_else(|| InputError::MissingField {
                path: format!("{base}/invoiceTotal"),
                field: "amount".to_string(),
            })?;
        let net_due_days = invoice
            .payment_terms
            .as_ref()
            .and_then(|t| t.net_due_days)
            .map_or(settings.default_net_due_days, i64::from);
        let mut fact = InvoiceFacts {
            invoice,
            index: i,
            date,
            due_at: super::engine::shift(date, net_due_days),
            currency: currency.clone(),
            total,
            lines: Vec::new(),
            purchase_order_numbers: BTreeSet::new(),
            reference_invoice: None,
        };
        for (k, item) in invoice.items.iter().flatten().enumerate() {
            let path = format!("{base}/items/{k}");
            if let Some(item_currency) = &item.net_cost.currency_code {
                if item_currency != &currency {
                    return Err(ReconcileError::CurrencyMismatch {
                        path: format!("{path}/netCost/currencyCode"),
                        expected: currency,
                        found: item_currency.clone(),
                        against: format!("invoice {} total", invoice.id),
                        row: None,
                    });
                }
            }
            if fact.reference_invoice.is_none() {
                fact.reference_invoice = item
                    .credit_note_details
                    .as_ref()
                    .and_then(|c| c.reference_invoice_number.clone());
            }
            let cost = item.net_cost.amount.unwrap_or(Decimal::ZERO);
            let weight = item
                .invoiced_quantity
                .total_weight
                .as_ref()
                .map(Weight::from);
            let priced_per = item.net_cost_unit_of_measure;
            let amount = billed(
                item.invoiced_quantity.amount,
                cost,
                priced_per,
                weight.as_ref(),
                &currency,
            )
            .map_err(|why| match why {
                crate::line_value::Unvalued::WeightNeeded(_) => {
                    ReconcileError::Input(InputError::MissingField {
                        path: format!("{path}/invoicedQuantity"),
                        field: "totalWeight".to_string(),
                    })
                }
                _ => ReconcileError::AmountOverflow { path: path.clone() },
            })?;
            let priced_quantity = match (priced_per, &weight) {
                (Some(_), Some(weight)) => weight.amount,
                _ => Decimal(rust_decimal::Decimal::from(item.invoiced_quantity.amount)),
            };
            let mut factor = None;
            let po_number = item.purchase_order_number.clone();
            let entry = po_number.as_deref().and_then(|po| book.get(po));
            let line_index = entry.and_then(|e| {
                e.find_line(
                    None,
                    item.amazon_product_identifier.as_deref(),
                    item.vendor_product_identifier.as_deref(),
                )
            });
            let mut eaches = item.invoiced_quantity.amount;
            if let (Some(entry), Some(line_index)) = (entry, line_index) {
                if let Some(line) = entry.lines.get(line_index) {
                    if let Some(line_currency) = line.currency() {
                        if line_currency != currency {
                            return Err(ReconcileError::CurrencyMismatch {
                                path: format!("{base}/invoiceTotal/currencyCode"),
                                expected: line_currency.to_string(),
                                found: currency,
                                against: format!("PO {} line {}", entry.number(), line.sequence()),
                                row: None,
                            });
                        }
                    }
                    let quantity = orders::ItemQuantity {
                        amount: item.invoiced_quantity.amount,
                        unit_of_measure: Some(item.invoiced_quantity.unit_of_measure),
                        unit_size: item.invoiced_quantity.unit_size,
                    };
                    eaches = eaches_of(
                        &quantity,
                        line.unit_of_measure,
                        line.unit_size,
                        &format!("{path}/invoicedQuantity"),
                    )?;
                    let per_unit = eaches
                        .checked_div(item.invoiced_quantity.amount)
                        .unwrap_or(1);
                    factor = unit_factor(line, per_unit, priced_per);
                }
            }
            if invoice.invoice_type == InvoiceType::Invoice {
                if let Some(po) = &po_number {
                    fact.purchase_order_numbers.insert(po.clone());
                }
            }
            fact.lines.push(InvoiceLine {
                po_known: entry.is_some(),
                purchase_order_number: po_number,
                line: line_index,
                eaches,
                units: item.invoiced_quantity.amount,
                cost,
                amount,
                unit_factor: factor,
                priced_quantity,
            });
        }
        facts.push(fact);
    }
    Ok(facts)
}

/// Where a remittance row came from, for messages and errors.
#[derive(Debug, Clone)]
pub enum RowOrigin {
    /// Index in `remittances`.
    Json(usize),
    /// Line of the CSV file.
    Csv(usize),
}

impl RowOrigin {
    fn currency_path(&self) -> String {
        match self {
            RowOrigin::Json(i) => format!("/remittances/{i}/currencyCode"),
            RowOrigin::Csv(_) => "/remittanceCsv/text".to_string(),
        }
    }

    fn csv_line(&self) -> Option<usize> {
        match self {
            RowOrigin::Json(_) => None,
            RowOrigin::Csv(line) => Some(*line),
        }
    }
}

/// Payments applied to one invoice.
#[derive(Debug, Clone, Default)]
pub struct Settlement {
    /// Cash applied to the invoice number itself.
    pub paid: Decimal,
    pub discount_taken: Decimal,
    /// Credit notes applied against it (positive).
    pub credited: Decimal,
    /// Deductions tied to it by type (positive = deducted).
    pub deductions: BTreeMap<DeductionType, Decimal>,
    /// Latest date of a row deducting each type.
    pub deduction_dates: BTreeMap<DeductionType, DateTime<Utc>>,
    pub has_payment: bool,
    pub last_payment_date: Option<DateTime<Utc>>,
}

/// A remittance line tied to no invoice.
#[derive(Debug, Clone)]
pub struct LooseRow {
    pub row: RemittanceRow,
    /// `None`: a payment without an invoice; `Some`: a deduction of that type.
    pub deduction_type: Option<DeductionType>,
}

/// Every remittance line applied.
#[derive(Debug, Default)]
pub struct Remittances {
    /// By index into the invoice facts.
    pub settlements: BTreeMap<usize, Settlement>,
    pub loose: Vec<LooseRow>,
    /// Cash per currency (all rows, signed) and deductions per currency (positive).
    pub cash: BTreeMap<String, Decimal>,
    pub deducted: BTreeMap<String, Decimal>,
    pub rows: u64,
}

/// Applies every row to the invoices. A row in another currency than its document is an error.
pub fn apply_remittances(
    facts: &[InvoiceFacts<'_>],
    rows: Vec<(RemittanceRow, RowOrigin)>,
) -> Result<Remittances, ReconcileError> {
    let mut index = DocumentIndex::default();
    for (i, fact) in facts.iter().enumerate() {
        if fact.invoice.invoice_type == InvoiceType::Invoice {
            index
                .invoices
                .insert(fact.invoice.id.trim().to_uppercase(), i);
        }
    }
    for (i, fact) in facts.iter().enumerate() {
        if fact.invoice.invoice_type == InvoiceType::CreditNote {
            let referenced = fact
                .reference_invoice
                .as_deref()
                .and_then(|r| index.invoices.get(&r.trim().to_uppercase()).copied());
            index
                .credit_notes
                .insert(fact.invoice.id.trim().to_uppercase(), (i, referenced));
        }
    }
    let mut out = Remittances::default();
    for (row, origin) in rows {
        out.rows = out.rows.saturating_add(1);
        let overflow = || ReconcileError::AmountOverflow {
            path: origin.currency_path(),
        };
        let currency = row.currency_code.trim().to_ascii_uppercase();
        let cash = out.cash.entry(currency.clone()).or_insert(Decimal::ZERO);
        *cash = add(*cash, row.amount_paid).ok_or_else(overflow)?;
        let application = classify(&row, &index);
        let document = match &application {
            Application::Payment { invoice } => Some(*invoice),
            Application::Credit { credit_note, .. } => Some(*credit_note),
            Application::Deduction { invoice, .. } => *invoice,
            Application::Unmatched => None,
        };
        if let Some(fact) = document.and_then(|d| facts.get(d)) {
            if fact.currency.to_ascii_uppercase() != currency {
                return Err(ReconcileError::CurrencyMismatch {
                    path: origin.currency_path(),
                    expected: fact.currency.clone(),
                    found: row.currency_code.clone(),
                    against: format!("document {}", fact.invoice.id),
                    row: origin.csv_line(),
                });
            }
        }
        if let Application::Deduction { .. } = application {
            if row.amount_paid.is_negative() {
                let deducted = out
                    .deducted
                    .entry(currency.clone())
                    .or_insert(Decimal::ZERO);
                *deducted = add(*deducted, row.amount_paid.negated()).ok_or_else(overflow)?;
            }
        }
        let date = row.payment_date.map(|d| d.0);
        match application {
            Application::Payment { invoice } => {
                let s = out.settlements.entry(invoice).or_default();
                s.paid = add(s.paid, row.amount_paid).ok_or_else(overflow)?;
                s.discount_taken = add(
                    s.discount_taken,
                    row.discount_taken.unwrap_or(Decimal::ZERO),
                )
                .ok_or_else(overflow)?;
                s.has_payment = true;
                s.last_payment_date = s.last_payment_date.max(date);
            }
            Application::Credit {
                invoice: Some(invoice),
                ..
            } => {
                let s = out.settlements.entry(invoice).or_default();
                s.credited = add(s.credited, row.amount_paid.negated()).ok_or_else(overflow)?;
            }
            // A credit note whose invoice is unknown is still the vendor's own document:
            // counted as cash, no exception.
            Application::Credit { invoice: None, .. } => {}
            Application::Deduction {
                invoice: Some(invoice),
                deduction_type,
            } => {
                let s = out.settlements.entry(invoice).or_default();
                let slot = s.deductions.entry(deduction_type).or_insert(Decimal::ZERO);
                *slot = add(*slot, row.amount_paid.negated()).ok_or_else(overflow)?;
                if let Some(date) = date {
                    let latest = s.deduction_dates.entry(deduction_type).or_insert(date);
                    *latest = (*latest).max(date);
                }
            }
            Application::Deduction {
                invoice: None,
                deduction_type,
            } => out.loose.push(LooseRow {
                row,
                deduction_type: Some(deduction_type),
            }),
            Application::Unmatched => out.loose.push(LooseRow {
                row,
                deduction_type: None,
            }),
        }
    }
    Ok(out)
}

fn optional_date(text: Option<&str>, path: &str) -> Result<Option<DateTime<Utc>>, ReconcileError> {
    text.map(|t| {
        parse_instant(t).map_err(|message| {
            ReconcileError::Input(InputError::InvalidDate {
                path: path.to_string(),
                message,
            })
        })
    })
    .transpose()
}
