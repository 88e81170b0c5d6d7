//! The join of `reconcile`: PO ↔ acknowledgement ↔ ASN ↔ receipt ↔ invoice ↔ remittance, keyed
//! by PO number and line, then the exceptions with money at risk, the disputes with evidence,
//! a status per PO and the totals for finance.
//!
//! Output order never depends on input order: POs, lines and invoices come out by key, and
//! exceptions are sorted by (PO, line, code, message).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};

use super::error::ReconcileError;
use super::evidence::shipment_evidence;
use super::facts::{
    InvoiceFacts, LooseRow, Remittances, RowOrigin, Settlement, apply_remittances, read_invoices,
    read_receipts,
};
use super::input::{ReconcileInput, Settings};
use super::output::{
    CloseStep, DeductionAmount, Dispute, InvoiceReconciliation, InvoiceStatus, LineQuantities,
    LineReconciliation, MissingStep, PoReconciliation, PriceEvidence, ReconcileMoney,
    ReconcileOutput, ReconcilePoStatus,
};
use super::remittance::{DeductionType, RemittanceIssue, RemittanceRow, read_csv};
use super::totals::totals;
use super::valuation::LineValuer;
use crate::catalog::Catalog;
use crate::chargebacks::chargeback_type_of;
use crate::exceptions::{Exception, Severity};
use crate::invoice::amounts::{add, at_scale, currency_amount, currency_scale, mul, round_to, sub};
use crate::invoice::po_book::{PoBook, PoEntry, PoLine};
use crate::invoice::shipped::{
    ShippedLine, ShippedSource, UnmatchedReason, resolve_asns, resolve_fulfilments,
};
use crate::money::Decimal;
use crate::spapi::invoices::InvoiceType;
use crate::spapi::orders_status::{PurchaseOrderStatus, ReceiveStatus};
use crate::time::format_instant;

/// Reconciles everything given. See the module documentation.
pub fn reconcile(input: ReconcileInput) -> Result<ReconcileOutput, ReconcileError> {
    let settings = Settings::from(&input.options);
    let now = input.now.0;
    let catalog = Catalog::new(&input.sku_map)?;
    let book = PoBook::new(&input.purchase_orders, &input.acknowledgements, &catalog)?;
    let asn = resolve_asns(&book, &input.shipments)?;
    let erp = resolve_fulfilments(&book, &input.fulfilments, &catalog)?;
    let (receipts, unmatched_receipts) = read_receipts(&book, &input.receipts)?;
    let facts = read_invoices(&book, &input.invoices, &settings)?;
    let (rows, remittance_issues) = gather_rows(&input)?;
    let remittances = apply_remittances(&facts, rows)?;

    let mut states = LineStates::new(&book);
    states.add_shipped(&asn.lines, false);
    let erp_pos: BTreeSet<String> = erp
        .lines
        .iter()
        .map(|l| l.purchase_order_number.clone())
        .collect();
    states.add_shipped(&erp.lines, true);
    for po in &erp_pos {
        states.mark_erp_known(po);
    }
    states.add_invoices(&facts, &remittances)?;

    let mut run = Run {
        settings,
        now,
        book: &book,
        input: &input,
        states: &states,
        facts: &facts,
        exceptions: Vec::new(),
        disputes: Vec::new(),
        dispute_codes_by_po: BTreeSet::new(),
        shortage_pools: BTreeMap::new(),
    };

    // Line quantities first: invoice outcomes classify unexplained short payments from them.
    let mut figures: BTreeMap<&str, Vec<LineQuantities>> = BTreeMap::new();
    for (number, entry) in &book.orders {
        let receipt = receipts.get(*number);
        let per_line = entry
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| run.quantities(entry, i, line, states.get(number, i), receipt))
            .collect();
        figures.insert(number, per_line);
    }

    let invoice_outcomes = run.invoices(&remittances, &figures)?;
    run.shortage_pools = invoice_outcomes
        .iter()
        .filter(|(_, o)| !o.shortage_pool.is_zero())
        .map(|(f, o)| (*f, o.shortage_pool))
        .collect();
    run.loose_rows(&remittances.loose);
    run.unmatched(&asn.unmatched, &erp.unmatched, &unmatched_receipts);

    let mut purchase_orders = Vec::with_capacity(book.orders.len());
    for (number, entry) in &book.orders {
        let empty = Vec::new();
        let quantities = figures.get(number).unwrap_or(&empty);
        purchase_orders.push(run.purchase_order(
            entry,
            quantities,
            &states,
            receipts.get(*number).and_then(|r| r.status),
            receipts.get(*number),
            &invoice_outcomes,
        )?);
    }

    let invoices: Vec<InvoiceReconciliation> =
        invoice_outcomes.into_values().map(|o| o.summary).collect();
    let Run {
        mut exceptions,
        mut disputes,
        ..
    } = run;
    exceptions.sort_by(|a, b| {
        (
            &a.purchase_order_number,
            &a.item_sequence_number,
            &a.code,
            &a.message,
        )
            .cmp(&(
                &b.purchase_order_number,
                &b.item_sequence_number,
                &b.code,
                &b.message,
            ))
    });
    disputes.sort_by(|a, b| {
        (
            &a.purchase_order_number,
            &a.item_sequence_number,
            &a.code,
            &a.invoice_number,
        )
            .cmp(&(
                &b.purchase_order_number,
                &b.item_sequence_number,
                &b.code,
                &b.invoice_number,
            ))
    });
    let rejected = u64::try_from(remittance_issues.len()).unwrap_or(u64::MAX);
    let totals = totals(
        &purchase_orders,
        &exceptions,
        &disputes,
        &remittances,
        now,
        rejected,
    )?;
    Ok(ReconcileOutput {
        purchase_orders,
        invoices,
        exceptions,
        disputes,
        totals,
        remittance_issues,
    })
}

/// JSON rows and CSV rows, with where each came from.
type GatheredRows = (Vec<(RemittanceRow, RowOrigin)>, Vec<RemittanceIssue>);

fn gather_rows(input: &ReconcileInput) -> Result<GatheredRows, ReconcileError> {
    let mut rows: Vec<(RemittanceRow, RowOrigin)> = input
        .remittances
        .iter()
        .enumerate()
        .map(|(i, r)| (r.clone(), RowOrigin::Json(i)))
        .collect();
    let mut issues = Vec::new();
    if let Some(csv) = &input.remittance_csv {
        let (csv_rows, csv_issues) = read_csv(csv).map_err(|e| ReconcileError::RemittanceCsv {
            message: e.message(),
        })?;
        rows.extend(
            csv_rows
                .into_iter()
                .map(|r| (r.row, RowOrigin::Csv(r.line))),
        );
        issues = csv_issues;
    }
    Ok((rows, issues))
}

/// Running facts per PO line.
#[derive(Debug, Clone, Default)]
struct LineState {
    shipped: u64,
    first_shipped_at: Option<DateTime<Utc>>,
    last_shipped_at: Option<DateTime<Utc>>,
    /// (ASN index, ASN item reference, eaches of this line).
    asn_sources: Vec<(usize, String, u64)>,
    erp_shipped: Option<u64>,
    /// The ASNs' weight of what shipped (lines priced by weight are worth it).
    shipped_weight: super::valuation::ShippedWeight,
    invoiced_eaches: u64,
    invoiced_money: Decimal,
    paid_money: Decimal,
    /// Indices into the invoice facts.
    invoices: BTreeSet<usize>,
}

struct LineStates<'b> {
    by_po: BTreeMap<&'b str, Vec<LineState>>,
}

impl<'b> LineStates<'b> {
    fn new(book: &'b PoBook<'_>) -> Self {
        LineStates {
            by_po: book
                .orders
                .iter()
                .map(|(number, entry)| (*number, vec![LineState::default(); entry.lines.len()]))
                .collect(),
        }
    }

    fn get(&self, po: &str, line: usize) -> Option<&LineState> {
        self.by_po.get(po).and_then(|lines| lines.get(line))
    }

    fn get_mut(&mut self, po: &str, line: usize) -> Option<&mut LineState> {
        self.by_po.get_mut(po).and_then(|lines| lines.get_mut(line))
    }

    fn add_shipped(&mut self, lines: &[ShippedLine], from_erp: bool) {
        for shipped in lines {
            let Some(state) = self.get_mut(&shipped.purchase_order_number, shipped.line) else {
                continue;
            };
            if from_erp {
                let erp = state.erp_shipped.get_or_insert(0);
                *erp = erp.saturating_add(shipped.eaches);
                continue;
            }
            state.shipped = state.shipped.saturating_add(shipped.eaches);
            state.shipped_weight.add(shipped.weight.as_ref());
            if let Some(at) = shipped.shipped_at {
                state.first_shipped_at = Some(state.first_shipped_at.map_or(at, |t| t.min(at)));
                state.last_shipped_at = Some(state.last_shipped_at.map_or(at, |t| t.max(at)));
            }
            if let ShippedSource::Asn {
                asn,
                item_reference,
            } = &shipped.source
            {
                state
                    .asn_sources
                    .push((*asn, item_reference.clone(), shipped.eaches));
            }
        }
    }

    /// Lines of a PO the ERP reported on but without rows shipped 0 in the ERP.
    fn mark_erp_known(&mut self, po: &str) {
        if let Some(lines) = self.by_po.get_mut(po) {
            for state in lines {
                state.erp_shipped.get_or_insert(0);
            }
        }
    }

    /// Invoiced quantities and money per line, and the cash of each invoice applied to its
    /// lines in item order (each line at most its invoiced amount; taxes and charges last).
    fn add_invoices(
        &mut self,
        facts: &[InvoiceFacts<'_>],
        remittances: &Remittances,
    ) -> Result<(), ReconcileError> {
        for (f, fact) in facts.iter().enumerate() {
            if fact.invoice.invoice_type != InvoiceType::Invoice {
                continue;
            }
            let mut cash = remittances
                .settlements
                .get(&f)
                .map(net_cash)
                .transpose()
                .map_err(|()| overflow(f))?
                .unwrap_or(Decimal::ZERO);
            for line in &fact.lines {
                let (Some(po), Some(index)) = (&line.purchase_order_number, line.line) else {
                    continue;
                };
                let Some(state) = self.get_mut(po, index) else {
                    continue;
                };
                state.invoiced_eaches = state.invoiced_eaches.saturating_add(line.eaches);
                state.invoiced_money =
                    add(state.invoiced_money, line.amount).ok_or_else(|| overflow(f))?;
                state.invoices.insert(f);
                let applied = if cash.is_negative() {
                    Decimal::ZERO
                } else {
                    cash.min(line.amount)
                };
                state.paid_money = add(state.paid_money, applied).ok_or_else(|| overflow(f))?;
                cash = sub(cash, applied).ok_or_else(|| overflow(f))?;
            }
        }
        Ok(())
    }
}

fn overflow(invoice_index: usize) -> ReconcileError {
    ReconcileError::AmountOverflow {
        path: format!("/invoices/{invoice_index}"),
    }
}

/// Cash received for an invoice: direct payments minus deductions minus credits applied.
fn net_cash(s: &Settlement) -> Result<Decimal, ()> {
    let deducted = s
        .deductions
        .values()
        .try_fold(Decimal::ZERO, |sum, d| add(sum, *d))
        .ok_or(())?;
    sub(sub(s.paid, deducted).ok_or(())?, s.credited).ok_or(())
}

/// An invoice's outcome: its summary and what reconciliation concluded about its deductions.
struct InvoiceOutcome {
    summary: InvoiceReconciliation,
    /// Shortage / price deduction amounts still to be matched against line findings.
    shortage_pool: Decimal,
    has_balance: bool,
}

struct Run<'r> {
    settings: Settings,
    now: DateTime<Utc>,
    book: &'r PoBook<'r>,
    input: &'r ReconcileInput,
    states: &'r LineStates<'r>,
    facts: &'r [InvoiceFacts<'r>],
    exceptions: Vec<Exception>,
    disputes: Vec<Dispute>,
    /// POs with an open dispute (for the status).
    dispute_codes_by_po: BTreeSet<String>,
    /// Per invoice, shortage deductions not yet matched to a line's shortage.
    shortage_pools: BTreeMap<usize, Decimal>,
}

impl Run<'_> {
    /// `t` shifted by `days` (negative: earlier), saturating at chrono's range instead of
    /// panicking on an absurd configured window.
    fn shift(&self, t: DateTime<Utc>, days: i64) -> DateTime<Utc> {
        shift(t, days)
    }

    /// LineQuantities of one line, with in-transit vs shortage decided from the receipt.
    fn quantities(
        &self,
        entry: &PoEntry<'_>,
        index: usize,
        line: &PoLine<'_>,
        state: Option<&LineState>,
        receipt: Option<&super::facts::PoReceipt>,
    ) -> LineQuantities {
        let default_state = LineState::default();
        let state = state.unwrap_or(&default_state);
        let ack = line.ack.clone().unwrap_or_default();
        let mut q = LineQuantities {
            ordered: line.ordered_eaches,
            accepted: ack.accepted_eaches,
            backordered: ack.backordered_eaches,
            rejected: ack.rejected_eaches,
            shipped: state.shipped,
            shipped_in_erp: state.erp_shipped,
            invoiced: state.invoiced_eaches,
            ..LineQuantities::default()
        };
        let _ = entry;
        let line_receipt = receipt.and_then(|r| r.lines.get(&index));
        let Some(line_receipt) = line_receipt else {
            // Amazon's receipt status was not given: nothing can be called short yet.
            q.in_transit = q.shipped;
            return q;
        };
        q.received = line_receipt.received_eaches;
        if q.received >= q.shipped {
            q.overage = q.received.saturating_sub(q.shipped);
            return q;
        }
        let outstanding = q.shipped.saturating_sub(q.received);
        let closed = receipt.and_then(|r| r.status) == Some(PurchaseOrderStatus::Closed);
        let grace_over = state
            .last_shipped_at
            .is_some_and(|t| self.now >= self.shift(t, self.settings.receipt_grace_days));
        if line_receipt.status == Some(ReceiveStatus::Received) || closed || grace_over {
            q.shortage = outstanding;
        } else {
            q.in_transit = outstanding;
        }
        q
    }

    fn push(&mut self, exception: Exception) {
        self.exceptions.push(exception);
    }

    /// Invoice outcomes: payments, deductions (row-based or inferred), overdue invoices.
    fn invoices(
        &mut self,
        remittances: &Remittances,
        figures: &BTreeMap<&str, Vec<LineQuantities>>,
    ) -> Result<BTreeMap<usize, InvoiceOutcome>, ReconcileError> {
        let mut outcomes = BTreeMap::new();
        for (f, fact) in self.facts.iter().enumerate() {
            let settlement = remittances.settlements.get(&f).cloned().unwrap_or_default();
            let scale = currency_scale(&fact.currency);
            let id = fact.invoice.id.trim().to_string();
            let first_po = fact.purchase_order_numbers.iter().next().cloned();
            let mut summary = InvoiceReconciliation {
                id: id.clone(),
                invoice_type: fact.invoice.invoice_type,
                date: format_instant(&fact.date),
                due_at: None,
                currency_code: fact.currency.clone(),
                purchase_order_numbers: fact.purchase_order_numbers.iter().cloned().collect(),
                total: at_scale(fact.total, scale),
                discount_taken: at_scale(settlement.discount_taken, scale),
                paid: at_scale(settlement.paid, scale),
                credited: at_scale(settlement.credited, scale),
                deductions: Vec::new(),
                balance: Decimal::ZERO,
                status: InvoiceStatus::Credit,
            };
            if fact.invoice.invoice_type == InvoiceType::CreditNote {
                outcomes.insert(
                    f,
                    InvoiceOutcome {
                        summary,
                        shortage_pool: Decimal::ZERO,
                        has_balance: false,
                    },
                );
                continue;
            }
            summary.due_at = Some(format_instant(&fact.due_at));
            let ovf = || overflow(fact.index);
            let expected = sub(fact.total, settlement.discount_taken).ok_or_else(ovf)?;
            // Vendor Central pays the invoice number in full and lists claims and credit notes
            // as their own negative lines, so what is unexplained is the invoice less the cash
            // applied to its own number; deductions and credits are accounted separately.
            let rest = sub(expected, settlement.paid).ok_or_else(ovf)?;
            let mut deductions: BTreeMap<DeductionType, (Decimal, bool)> = settlement
                .deductions
                .iter()
                .map(|(t, a)| (*t, (*a, false)))
                .collect();
            let mut has_balance = false;
            let status = if rest.is_negative() {
                InvoiceStatus::Overpaid
            } else if rest.is_zero() {
                if deductions
                    .values()
                    .any(|(a, _)| !a.is_zero() && !a.is_negative())
                {
                    InvoiceStatus::ShortPaid
                } else {
                    InvoiceStatus::Paid
                }
            } else if settlement.has_payment {
                // Paid, but less than due, and no row says why: classify from the facts.
                let inferred = self.infer_deduction(fact, figures);
                let slot = deductions.entry(inferred).or_insert((Decimal::ZERO, true));
                slot.0 = add(slot.0, rest).ok_or_else(ovf)?;
                slot.1 = true;
                InvoiceStatus::ShortPaid
            } else if self.now > fact.due_at {
                has_balance = true;
                let mut e = Exception::for_po(
                    "INVOICE_OVERDUE",
                    Severity::Error,
                    first_po.as_deref().unwrap_or_default(),
                    format!(
                        "Invoice {id} ({} {}) was due {} and is unpaid: {} {} outstanding. Check it reached Amazon (Vendor Central › Payments › Invoices).",
                        summary.total,
                        fact.currency,
                        format_instant(&fact.due_at),
                        at_scale(rest, scale),
                        fact.currency
                    ),
                )
                .money_at_risk(Some(currency_amount(at_scale(rest, scale), &fact.currency)))
                .due(Some(format_instant(&fact.due_at)));
                if first_po.is_none() {
                    e.purchase_order_number = None;
                }
                self.push(e);
                InvoiceStatus::Overdue
            } else {
                has_balance = true;
                InvoiceStatus::Unpaid
            };
            summary.balance = at_scale(
                if deductions.values().any(|(_, inferred)| *inferred) {
                    Decimal::ZERO
                } else {
                    rest
                },
                scale,
            );
            summary.status = status;
            let mut shortage_pool = Decimal::ZERO;
            // Price variances already deducted as price claims are counted on the deduction.
            let price_pool = deductions
                .get(&DeductionType::Price)
                .map_or(Decimal::ZERO, |(amount, _)| *amount);
            self.invoice_lines(fact, price_pool)?;
            for (deduction_type, (amount, inferred)) in &deductions {
                summary.deductions.push(DeductionAmount {
                    deduction_type: *deduction_type,
                    amount: at_scale(*amount, scale),
                    inferred: *inferred,
                });
                if amount.is_zero() || amount.is_negative() {
                    continue;
                }
                if *deduction_type == DeductionType::Shortage {
                    shortage_pool = *amount;
                }
                let raised = settlement
                    .deduction_dates
                    .get(deduction_type)
                    .copied()
                    .or(settlement.last_payment_date);
                self.deduction_exception(
                    fact,
                    first_po.as_deref(),
                    *deduction_type,
                    *amount,
                    *inferred,
                    raised,
                    figures,
                );
            }
            outcomes.insert(
                f,
                InvoiceOutcome {
                    summary,
                    shortage_pool,
                    has_balance,
                },
            );
        }
        Ok(outcomes)
    }

    /// The likely reason of an unexplained short payment: a shortage on one of the invoice's
    /// lines, else a price above the PO's, else other.
    fn infer_deduction(
        &self,
        fact: &InvoiceFacts<'_>,
        figures: &BTreeMap<&str, Vec<LineQuantities>>,
    ) -> DeductionType {
        let line_figures = |l: &super::facts::InvoiceLine| {
            let po = l.purchase_order_number.as_deref()?;
            figures.get(po)?.get(l.line?)
        };
        if fact.lines.iter().any(|l| {
            line_figures(l).is_some_and(|q| {
                q.shortage > 0 || q.invoiced > q.received.saturating_add(q.in_transit)
            })
        }) {
            return DeductionType::Shortage;
        }
        let above_po = fact.lines.iter().any(|l| {
            let Some(line) = self.po_line(l.purchase_order_number.as_deref(), l.line) else {
                return false;
            };
            line.po_cost
                .as_ref()
                .and_then(|c| l.in_invoice_unit(c.amount))
                .is_some_and(|po_cost| l.cost > po_cost)
        });
        if above_po {
            DeductionType::Price
        } else {
            DeductionType::Other
        }
    }

    /// Shipment evidence for a PO line.
    fn evidence(&self, po: &str, index: usize) -> Vec<super::output::ShipmentEvidence> {
        match (
            self.states.get(po, index),
            self.po_line(Some(po), Some(index)),
        ) {
            (Some(state), Some(line)) => {
                shipment_evidence(&self.input.shipments, &state.asn_sources, po, line)
            }
            _ => Vec::new(),
        }
    }

    fn po_line(&self, po: Option<&str>, line: Option<usize>) -> Option<&PoLine<'_>> {
        self.book.get(po?)?.lines.get(line?)
    }

    #[allow(clippy::too_many_arguments)]
    fn deduction_exception(
        &mut self,
        fact: &InvoiceFacts<'_>,
        po: Option<&str>,
        deduction_type: DeductionType,
        amount: Decimal,
        inferred: bool,
        raised: Option<DateTime<Utc>>,
        figures: &BTreeMap<&str, Vec<LineQuantities>>,
    ) {
        let scale = currency_scale(&fact.currency);
        let id = fact.invoice.id.trim();
        let code = deduction_code(deduction_type);
        let due = raised
            .map(|d| self.shift(d, self.settings.dispute_window_days))
            .unwrap_or(self.shift(fact.due_at, self.settings.dispute_window_days));
        let how = if inferred {
            "paid short with no deduction line; classified from the facts as".to_string()
        } else {
            "deducted as".to_string()
        };
        let advice = match deduction_type {
            DeductionType::Shortage => {
                "dispute with the proof of delivery (BOL, PRO, SSCCs) if the goods were shipped in full"
            }
            DeductionType::Price => "dispute if the invoiced cost is the acknowledged cost",
            DeductionType::Coop => "check it against the co-op / price protection agreement",
            DeductionType::Chargeback => {
                "check the chargeback against the compliance rules and dispute if wrong"
            }
            DeductionType::Other => "find the reason in Vendor Central and dispute if unjustified",
        };
        let money = currency_amount(at_scale(amount, scale), &fact.currency);
        let mut exception = Exception {
            code: code.to_string(),
            severity: if matches!(
                deduction_type,
                DeductionType::Shortage | DeductionType::Price
            ) {
                Severity::Error
            } else {
                Severity::Warning
            },
            purchase_order_number: po.map(str::to_string),
            item_sequence_number: None,
            sku: None,
            message: format!(
                "Invoice {id}: {} {} {how} {deduction_type}; {advice} before {}.",
                money.amount,
                fact.currency,
                format_instant(&due)
            ),
            due_at: Some(format_instant(&due)),
            money_at_risk: Some(money.clone()),
        };
        if let Some(po) = po {
            self.dispute_codes_by_po.insert(po.to_string());
            for other in fact.purchase_order_numbers.iter().skip(1) {
                self.dispute_codes_by_po.insert(other.clone());
            }
        } else {
            exception.purchase_order_number = None;
        }
        let mut shipments = Vec::new();
        if deduction_type == DeductionType::Shortage {
            for line in &fact.lines {
                let (Some(po), Some(index)) = (line.purchase_order_number.as_deref(), line.line)
                else {
                    continue;
                };
                let short = figures
                    .get(po)
                    .and_then(|f| f.get(index))
                    .is_some_and(|q| q.shortage > 0 || q.invoiced > q.received);
                if short {
                    shipments.extend(self.evidence(po, index));
                }
            }
        }
        self.disputes.push(Dispute {
            code: code.to_string(),
            purchase_order_number: exception.purchase_order_number.clone(),
            item_sequence_number: None,
            invoice_number: Some(id.to_string()),
            amount: money,
            due_at: exception.due_at.clone(),
            shipments,
            price: None,
            chargeback_type: None,
        });
        self.push(exception);
    }

    /// Per invoice item: unknown POs and lines, and price variances.
    fn invoice_lines(
        &mut self,
        fact: &InvoiceFacts<'_>,
        mut price_pool: Decimal,
    ) -> Result<(), ReconcileError> {
        if fact.invoice.invoice_type != InvoiceType::Invoice {
            return Ok(());
        }
        let scale = currency_scale(&fact.currency);
        let id = fact.invoice.id.trim().to_string();
        let mut unknown_po: BTreeMap<String, Decimal> = BTreeMap::new();
        for line in &fact.lines {
            let po = line.purchase_order_number.clone().unwrap_or_default();
            if !line.po_known {
                let slot = unknown_po.entry(po).or_insert(Decimal::ZERO);
                *slot = add(*slot, line.amount).ok_or_else(|| overflow(fact.index))?;
                continue;
            }
            let Some(po_line) = self.po_line(Some(&po), line.line) else {
                self.push(
                    Exception::for_po(
                        "INVOICE_LINE_UNMATCHED",
                        Severity::Error,
                        &po,
                        format!(
                            "Invoice {id} has a line that matches no line of PO {po} (by ASIN or vendor SKU); Amazon will not pay it."
                        ),
                    )
                    .money_at_risk(Some(currency_amount(at_scale(line.amount, scale), &fact.currency))),
                );
                continue;
            };
            let sequence = po_line.sequence().to_string();
            // The PO's cost is per each (or weight unit): compared per unit of the invoice item.
            let po_cost = po_line
                .po_cost
                .as_ref()
                .and_then(|c| line.in_invoice_unit(c.amount));
            let ack_cost = po_line
                .ack
                .as_ref()
                .and_then(|a| a.cost.as_ref())
                .and_then(|c| line.in_invoice_unit(c.amount));
            let Some(reference) = po_cost.or(ack_cost) else {
                continue;
            };
            let tolerance = self.settings.price_tolerance;
            let beyond = |other: Option<Decimal>| {
                other.is_some_and(|o| {
                    sub(line.cost, o).is_some_and(|d| Decimal(d.0.abs()) > tolerance)
                })
            };
            if !beyond(po_cost) && !beyond(ack_cost) {
                continue;
            }
            let Some(difference) = sub(line.cost, reference) else {
                continue;
            };
            let per_unit = Decimal(difference.0.abs());
            let money = mul(per_unit, line.priced_quantity)
                // A weight carries more digits than money: its price difference is rounded.
                .map(|m| {
                    if line.priced_quantity.0.fract().is_zero() {
                        m
                    } else {
                        round_to(m, scale)
                    }
                })
                .ok_or_else(|| overflow(fact.index))?;
            let above = !difference.is_negative();
            let due = self.shift(
                fact.due_at,
                self.settings
                    .dispute_window_days
                    .saturating_sub(self.settings.claim_lead_days),
            );
            let covered = if above {
                price_pool.min(money)
            } else {
                Decimal::ZERO
            };
            price_pool = sub(price_pool, covered).ok_or_else(|| overflow(fact.index))?;
            let at_risk = sub(money, covered).ok_or_else(|| overflow(fact.index))?;
            let money = currency_amount(at_scale(money, scale), &fact.currency);
            let at_risk = currency_amount(at_scale(at_risk, scale), &fact.currency);
            let message = if above {
                format!(
                    "Invoice {id}, PO {po} line {sequence}: invoiced at {} per unit, above the PO cost {}; Amazon will likely raise a price claim of {} {}.",
                    line.cost, reference, money.amount, fact.currency
                )
            } else {
                format!(
                    "Invoice {id}, PO {po} line {sequence}: invoiced at {} per unit, below the PO cost {}; {} {} not billed.",
                    line.cost, reference, money.amount, fact.currency
                )
            };
            let exception = Exception::for_po(
                "PRICE_VARIANCE",
                if above {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                &po,
                message,
            )
            .line(&sequence)
            .money_at_risk(Some(at_risk.clone()))
            .due(above.then(|| format_instant(&due)));
            if above {
                self.dispute_codes_by_po.insert(po.clone());
                self.disputes.push(Dispute {
                    code: "PRICE_VARIANCE".to_string(),
                    purchase_order_number: Some(po.clone()),
                    item_sequence_number: Some(sequence.clone()),
                    invoice_number: Some(id.clone()),
                    amount: at_risk,
                    due_at: exception.due_at.clone(),
                    shipments: Vec::new(),
                    price: Some(PriceEvidence {
                        purchase_order_cost: po_cost,
                        acknowledged_cost: ack_cost,
                        invoiced_cost: line.cost,
                        invoiced_units: line.units,
                    }),
                    chargeback_type: None,
                });
            }
            self.push(exception);
        }
        for (po, amount) in unknown_po {
            let mut e = Exception::for_po(
                "INVOICE_FOR_UNKNOWN_PO",
                Severity::Error,
                &po,
                if po.is_empty() {
                    format!("Invoice {id} has lines without a PO number; Amazon rejects invoice lines without one.")
                } else {
                    format!("Invoice {id} bills PO {po}, which is not among the purchase orders; check the PO number (Amazon rejects invoices for unknown POs).")
                },
            )
            .money_at_risk(Some(currency_amount(at_scale(amount, scale), &fact.currency)));
            if po.is_empty() {
                e.purchase_order_number = None;
            }
            self.push(e);
        }
        Ok(())
    }

    /// Remittance lines tied to no invoice: payments for unknown documents, and deductions.
    fn loose_rows(&mut self, loose: &[LooseRow]) {
        for row in loose {
            let r = &row.row;
            let scale = currency_scale(&r.currency_code);
            let amount = at_scale(Decimal(r.amount_paid.0.abs()), scale);
            let money = currency_amount(amount, &r.currency_code.trim().to_ascii_uppercase());
            let when = r
                .payment_date
                .map(|d| format!(" paid {}", format_instant(&d.0)))
                .unwrap_or_default();
            let exception = match row.deduction_type {
                None => Exception {
                    code: "PAYMENT_WITHOUT_INVOICE".to_string(),
                    severity: Severity::Warning,
                    purchase_order_number: r.purchase_order_number.clone(),
                    item_sequence_number: None,
                    sku: None,
                    message: format!(
                        "Remittance line {}{when}: {} {} for a document that is not among the invoices; match it in the ERP or ask Amazon what it pays.",
                        r.invoice_number, money.amount, money.currency_code
                    ),
                    due_at: None,
                    money_at_risk: Some(money),
                },
                Some(_) if !r.amount_paid.is_negative() => continue,
                Some(deduction_type) => {
                    let due = r.payment_date.map(|d| {
                        format_instant(&self.shift(d.0, self.settings.dispute_window_days))
                    });
                    self.disputes.push(Dispute {
                        code: deduction_code(deduction_type).to_string(),
                        purchase_order_number: r.purchase_order_number.clone(),
                        item_sequence_number: None,
                        invoice_number: Some(r.invoice_number.clone()),
                        amount: money.clone(),
                        due_at: due.clone(),
                        shipments: Vec::new(),
                        price: None,
                        chargeback_type: (deduction_type == DeductionType::Chargeback)
                            .then(|| r.description.as_deref().and_then(chargeback_type_of))
                            .flatten(),
                    });
                    Exception {
                        code: deduction_code(deduction_type).to_string(),
                        severity: Severity::Warning,
                        purchase_order_number: r.purchase_order_number.clone(),
                        item_sequence_number: None,
                        sku: None,
                        message: format!(
                            "Remittance line {}{when}: {} {} deducted as {deduction_type}; download the document in Vendor Central and dispute it if unjustified.",
                            r.invoice_number, money.amount, money.currency_code
                        ),
                        due_at: due,
                        money_at_risk: Some(money),
                    }
                }
            };
            self.push(exception);
        }
    }

    /// Shipped quantities and receipts that matched no PO line, and acknowledgements likewise.
    fn unmatched(
        &mut self,
        asn: &[crate::invoice::shipped::UnmatchedShipped],
        erp: &[crate::invoice::shipped::UnmatchedShipped],
        receipts: &[super::facts::UnmatchedReceipt],
    ) {
        for (code, list) in [("ASN_LINE_UNMATCHED", asn), ("FULFILMENT_UNMATCHED", erp)] {
            for u in list {
                let source = u
                    .shipment_identifier
                    .as_deref()
                    .map(|s| format!("shipment {s}"))
                    .unwrap_or_else(|| "an ERP fulfilment".to_string());
                let po = u.purchase_order_number.clone().unwrap_or_default();
                let why = match u.reason {
                    UnmatchedReason::NoPurchaseOrder => "has no PO number".to_string(),
                    UnmatchedReason::UnknownPurchaseOrder => {
                        format!("names PO {po}, which is not among the purchase orders")
                    }
                    UnmatchedReason::UnknownLine => format!("matches no line of PO {po}"),
                };
                self.push(Exception {
                    code: code.to_string(),
                    severity: Severity::Warning,
                    purchase_order_number: u.purchase_order_number.clone(),
                    item_sequence_number: None,
                    sku: None,
                    message: format!(
                        "A quantity of {} on {source} {why}; it is not reconciled.",
                        u.quantity
                    ),
                    due_at: None,
                    money_at_risk: None,
                });
            }
        }
        for r in receipts {
            let what = match &r.item_sequence_number {
                Some(line) => format!(
                    "line {line} of PO {}, which the PO does not have",
                    r.purchase_order_number
                ),
                None => format!(
                    "PO {}, which is not among the purchase orders",
                    r.purchase_order_number
                ),
            };
            self.push(Exception {
                code: "RECEIPT_UNMATCHED".to_string(),
                severity: Severity::Info,
                purchase_order_number: Some(r.purchase_order_number.clone()),
                item_sequence_number: r.item_sequence_number.clone(),
                sku: None,
                message: format!("Amazon reports receipts for {what}."),
                due_at: None,
                money_at_risk: None,
            });
        }
        for a in &self.book.unmatched_acknowledgements {
            self.exceptions.push(Exception {
                code: "ACKNOWLEDGEMENT_UNMATCHED".to_string(),
                severity: Severity::Info,
                purchase_order_number: Some(a.purchase_order_number.clone()),
                item_sequence_number: a.item_sequence_number.clone(),
                sku: None,
                message: format!(
                    "An acknowledgement for PO {} matches no PO or line given; it is not reconciled.",
                    a.purchase_order_number
                ),
                due_at: None,
                money_at_risk: None,
            });
        }
    }

    /// One PO: its lines, its exceptions, its status and what is missing to close it.
    fn purchase_order(
        &mut self,
        entry: &PoEntry<'_>,
        quantities: &[LineQuantities],
        states: &LineStates<'_>,
        amazon_status: Option<PurchaseOrderStatus>,
        receipt: Option<&super::facts::PoReceipt>,
        outcomes: &BTreeMap<usize, InvoiceOutcome>,
    ) -> Result<PoReconciliation, ReconcileError> {
        let number = entry.number();
        let currency = entry
            .lines
            .iter()
            .find_map(|l| l.currency())
            .map(str::to_string);
        let scale = currency.as_deref().map_or(2, currency_scale);
        let mut po_q = LineQuantities::default();
        let mut po_money = ReconcileMoney::default();
        let mut lines = Vec::with_capacity(entry.lines.len());
        let mut missing = Vec::new();
        let mut invoice_ids: BTreeSet<usize> = BTreeSet::new();
        let window_passed = entry
            .window_end
            .is_some_and(|end| self.now > self.shift(end, self.settings.ship_grace_days));
        let closed_at_amazon = amazon_status == Some(PurchaseOrderStatus::Closed);
        let mut partial_unshipped = Decimal::ZERO;
        let default_state = LineState::default();
        let default_q = LineQuantities::default();
        for (i, line) in entry.lines.iter().enumerate() {
            let q = quantities.get(i).unwrap_or(&default_q);
            let state = states.get(number, i).unwrap_or(&default_state);
            invoice_ids.extend(state.invoices.iter().copied());
            let ovf = || ReconcileError::AmountOverflow {
                path: line.path.clone(),
            };
            let valuer = LineValuer::new(line, q.shipped, state.shipped_weight.get(), scale);
            let money = ReconcileMoney {
                ordered: valuer.figure("ordered", q.ordered)?,
                accepted: valuer.figure("accepted", q.accepted)?,
                shipped: valuer.figure("shipped", q.shipped)?,
                received: valuer.figure("received", q.received)?,
                invoiced: at_scale(state.invoiced_money, scale),
                paid: at_scale(state.paid_money, scale),
            };
            let value_unknown = valuer.unknown();
            let sequence = line.sequence().to_string();
            let money_of = |eaches: u64| valuer.money_of(eaches);
            // An unknown value counts as nothing in sums; it is named in `valueUnknown`.
            let value = |eaches: u64| -> Result<Decimal, ReconcileError> {
                Ok(valuer.value(eaches)?.unwrap_or(Decimal::ZERO))
            };
            let exception = |code: &str, severity: Severity, message: String| {
                Exception::for_po(code, severity, number, message).line(&sequence)
            };
            let shippable = line.shippable_eaches();

            if line.ack.is_none() && line.ordered_eaches > 0 {
                missing.push(step(
                    CloseStep::Acknowledge,
                    Some(&sequence),
                    Some(line.ordered_eaches),
                    None,
                    format!("Line {sequence} was never acknowledged."),
                ));
            }
            if q.shortage > 0 {
                // Money already deducted as a shortage on this line's invoices is counted there.
                let known = valuer.value(q.shortage)?.is_some();
                let full = value(q.shortage)?;
                let mut at_risk = full;
                for f in &state.invoices {
                    if let Some(pool) = self.shortage_pools.get_mut(f) {
                        let covered = (*pool).min(at_risk);
                        *pool = sub(*pool, covered).ok_or_else(ovf)?;
                        at_risk = sub(at_risk, covered).ok_or_else(ovf)?;
                    }
                }
                let claim_raised =
                    self.shortage_claim_date(state, receipt.and_then(|r| r.lines.get(&i)));
                let due = self.shift(claim_raised, self.settings.dispute_window_days);
                let evidence = self.evidence(number, i);
                let proof: Vec<String> = evidence
                    .iter()
                    .map(|e| {
                        let mut parts = vec![format!("ASN {}", e.shipment_identifier)];
                        if let Some(bol) = &e.bill_of_lading_number {
                            parts.push(format!("BOL {bol}"));
                        }
                        if let Some(pro) = &e.pro_number {
                            parts.push(format!("PRO {pro}"));
                        }
                        parts.push(format!("{} carton(s)", e.cartons.len()));
                        parts.join(", ")
                    })
                    .collect();
                let covered_note = if at_risk < full {
                    " (partly already deducted on the invoice)"
                } else {
                    ""
                };
                // Entirely deducted already: the DEDUCTION_SHORTAGE exception carries the money
                // and the evidence; only the step to resolve it remains here.
                let fully_covered = at_risk.is_zero() && !full.is_zero();
                let currency_code = line.currency().unwrap_or_default().to_string();
                let e = exception(
                    "SHORTAGE",
                    Severity::Error,
                    format!(
                        "PO {number} line {sequence}: shipped {} eaches, Amazon received {}; {} short{covered_note}. Likely shortage claim (-SC); dispute before {} with {}.",
                        q.shipped, q.received, q.shortage, format_instant(&due),
                        if proof.is_empty() { "the proof of delivery".to_string() } else { proof.join("; ") }
                    ),
                )
                .money_at_risk(line.currency().filter(|_| known).map(|c| currency_amount(at_scale(at_risk, scale), c)))
                .due(Some(format_instant(&due)));
                self.dispute_codes_by_po.insert(number.to_string());
                if !fully_covered {
                    self.disputes.push(Dispute {
                        code: "SHORTAGE".to_string(),
                        purchase_order_number: Some(number.to_string()),
                        item_sequence_number: Some(sequence.clone()),
                        invoice_number: state
                            .invoices
                            .iter()
                            .next()
                            .and_then(|f| self.facts.get(*f))
                            .map(|fact| fact.invoice.id.trim().to_string()),
                        amount: currency_amount(at_scale(at_risk, scale), &currency_code),
                        due_at: e.due_at.clone(),
                        shipments: evidence,
                        price: None,
                        chargeback_type: None,
                    });
                    self.push(e);
                }
                missing.push(step(
                    CloseStep::ResolveDispute,
                    Some(&sequence),
                    Some(q.shortage),
                    money_of(q.shortage)?,
                    format!(
                        "Dispute or accept the shortage of {} eaches on line {sequence}.",
                        q.shortage
                    ),
                ));
            }
            if q.overage > 0 {
                self.push(
                    exception(
                        "RECEIVED_MORE_THAN_SHIPPED",
                        Severity::Warning,
                        format!(
                            "PO {number} line {sequence}: Amazon received {} eaches, the ASNs say {} shipped; correct the ASN data (ASN accuracy chargebacks) and invoice what was received.",
                            q.received, q.shipped
                        ),
                    )
                    .money_at_risk(money_of(q.overage)?),
                );
            }
            if line.ack.is_some() && q.shipped > shippable {
                let excess = q.shipped.saturating_sub(shippable);
                self.push(
                    exception(
                        "OVERAGE",
                        Severity::Warning,
                        format!(
                            "PO {number} line {sequence}: {} eaches shipped against {shippable} accepted; {excess} over. Amazon may refuse them or charge an overage chargeback.",
                            q.shipped
                        ),
                    )
                    .money_at_risk(money_of(excess)?),
                );
            } else if line.ack.is_none() && q.shipped > 0 {
                self.push(
                    exception(
                        "OVERAGE",
                        Severity::Warning,
                        format!(
                            "PO {number} line {sequence}: {} eaches shipped on a line never acknowledged.",
                            q.shipped
                        ),
                    )
                    .money_at_risk(money_of(q.shipped)?),
                );
            }
            if q.invoiced > q.shipped {
                let excess = q.invoiced.saturating_sub(q.shipped);
                self.push(
                    exception(
                        "INVOICED_MORE_THAN_SHIPPED",
                        Severity::Error,
                        format!(
                            "PO {number} line {sequence}: {} eaches invoiced, {} shipped; Amazon will claim the {excess} back. Issue a credit note or correct the ASN.",
                            q.invoiced, q.shipped
                        ),
                    )
                    .money_at_risk(money_of(excess)?),
                );
            }
            if let Some(erp) = q.shipped_in_erp {
                if erp > q.shipped {
                    let gap = erp.saturating_sub(q.shipped);
                    self.push(
                        exception(
                            "SHIPPED_WITHOUT_ASN",
                            Severity::Error,
                            format!(
                                "PO {number} line {sequence}: the ERP shipped {erp} eaches, the ASNs sent cover {}; send an ASN for the other {gap} (missing ASNs cost chargebacks and slow receiving).",
                                q.shipped
                            ),
                        )
                        .money_at_risk(money_of(gap)?),
                    );
                } else if q.shipped > erp {
                    let gap = q.shipped.saturating_sub(erp);
                    self.push(
                        exception(
                            "ASN_WITHOUT_ERP_FULFILMENT",
                            Severity::Warning,
                            format!(
                                "PO {number} line {sequence}: the ASNs say {} eaches shipped, the ERP records {erp}; {gap} confirmed to Amazon without a fulfilment in the ERP.",
                                q.shipped
                            ),
                        )
                        .money_at_risk(money_of(gap)?),
                    );
                }
            }
            if q.shipped < shippable && !closed_at_amazon {
                let unshipped = shippable.saturating_sub(q.shipped);
                if q.shipped == 0 && window_passed {
                    self.push(
                        exception(
                            "ACCEPTED_NOT_SHIPPED",
                            Severity::Error,
                            format!(
                                "PO {number} line {sequence}: {shippable} eaches accepted, none shipped, and the window ended; ship or ask the buyer to cancel (fill-rate chargebacks)."
                            ),
                        )
                        .money_at_risk(money_of(unshipped)?)
                        .due(entry.window_end.as_ref().map(format_instant)),
                    );
                } else if q.shipped > 0 && window_passed {
                    partial_unshipped =
                        add(partial_unshipped, value(unshipped)?).ok_or_else(ovf)?;
                }
                missing.push(step(
                    CloseStep::Ship,
                    Some(&sequence),
                    Some(unshipped),
                    money_of(unshipped)?,
                    format!("Ship {unshipped} more eaches of line {sequence}."),
                ));
            }
            if q.in_transit > 0 {
                missing.push(step(
                    CloseStep::Receive,
                    Some(&sequence),
                    Some(q.in_transit),
                    money_of(q.in_transit)?,
                    format!(
                        "Amazon has not yet received {} eaches of line {sequence}.",
                        q.in_transit
                    ),
                ));
            }
            if q.shipped > q.invoiced {
                let uninvoiced = q.shipped.saturating_sub(q.invoiced);
                let overdue = state
                    .first_shipped_at
                    .is_some_and(|t| self.now > self.shift(t, self.settings.invoice_after_days));
                if overdue {
                    self.push(
                        exception(
                            "SHIPPED_NOT_INVOICED",
                            Severity::Warning,
                            format!(
                                "PO {number} line {sequence}: {uninvoiced} eaches shipped but not invoiced; invoice them to be paid."
                            ),
                        )
                        .money_at_risk(money_of(uninvoiced)?),
                    );
                }
                missing.push(step(
                    CloseStep::Invoice,
                    Some(&sequence),
                    Some(uninvoiced),
                    money_of(uninvoiced)?,
                    format!("Invoice {uninvoiced} shipped eaches of line {sequence}."),
                ));
            }
            accumulate(&mut po_q, q);
            po_money = add_money(&po_money, &money).ok_or_else(ovf)?;
            lines.push(LineReconciliation {
                item_sequence_number: sequence,
                amazon_product_identifier: line.item.amazon_product_identifier.clone(),
                vendor_product_identifier: line.item.vendor_product_identifier.clone(),
                unit_of_measure: line.unit_of_measure,
                unit_size: line.unit_size,
                net_cost: line.cost().map(|c| c.amount),
                net_cost_unit_of_measure: line.weight_unit(),
                receive_status: receipt.and_then(|r| r.lines.get(&i)).and_then(|r| r.status),
                quantities: *q,
                money,
                value_unknown,
            });
        }
        if !partial_unshipped.is_zero() {
            self.push(
                Exception::for_po(
                    "PARTIALLY_FULFILLED_OPEN",
                    Severity::Warning,
                    number,
                    format!(
                        "PO {number} shipped in part and its window has ended; ask the buyer to close it or cancel the rest ({} {} unshipped).",
                        at_scale(partial_unshipped, scale),
                        currency.clone().unwrap_or_default()
                    ),
                )
                .money_at_risk(currency.as_deref().map(|c| currency_amount(at_scale(partial_unshipped, scale), c)))
                .due(entry.window_end.as_ref().map(format_instant)),
            );
        }
        let mut invoice_numbers = Vec::new();
        for f in &invoice_ids {
            let Some(outcome) = outcomes.get(f) else {
                continue;
            };
            invoice_numbers.push(outcome.summary.id.clone());
            if outcome.has_balance {
                missing.push(step(
                    CloseStep::Pay,
                    None,
                    None,
                    Some(currency_amount(
                        outcome.summary.balance,
                        &outcome.summary.currency_code,
                    )),
                    format!(
                        "Amazon to pay invoice {} (due {}).",
                        outcome.summary.id,
                        outcome.summary.due_at.clone().unwrap_or_default()
                    ),
                ));
            }
        }
        let disputed = self.dispute_codes_by_po.contains(number);
        if disputed && !missing.iter().any(|m| m.step == CloseStep::ResolveDispute) {
            missing.push(step(
                CloseStep::ResolveDispute,
                None,
                None,
                None,
                format!("Resolve the claims and deductions on PO {number}'s invoices."),
            ));
        }
        if missing.is_empty() && amazon_status == Some(PurchaseOrderStatus::Open) {
            missing.push(step(
                CloseStep::CloseAtAmazon,
                None,
                None,
                None,
                "Everything is settled but Amazon still shows the PO open.".to_string(),
            ));
        }
        let has = |s: CloseStep| missing.iter().any(|m| m.step == s);
        let all_shipped = !has(CloseStep::Ship) && !has(CloseStep::Acknowledge);
        let all_received = all_shipped && !has(CloseStep::Receive);
        let all_invoiced = all_received && !has(CloseStep::Invoice);
        let all_paid = all_invoiced && !has(CloseStep::Pay);
        let status = if disputed {
            ReconcilePoStatus::Disputed
        } else if missing.is_empty() {
            ReconcilePoStatus::Closed
        } else if all_paid {
            ReconcilePoStatus::Paid
        } else if all_invoiced {
            ReconcilePoStatus::Invoiced
        } else if all_received {
            ReconcilePoStatus::FullyReceived
        } else if all_shipped {
            ReconcilePoStatus::FullyShipped
        } else {
            ReconcilePoStatus::Open
        };
        Ok(PoReconciliation {
            purchase_order_number: number.to_string(),
            status,
            amazon_status,
            currency_code: currency,
            quantities: po_q,
            money: po_money,
            invoice_numbers,
            missing_to_close: missing,
            lines,
        })
    }

    /// When a shortage claim is (or will be) raised: Amazon raises it about `claimLeadDays`
    /// before the invoice is due; before an invoice exists, from when the shortage became known.
    fn shortage_claim_date(
        &self,
        state: &LineState,
        receipt: Option<&super::facts::LineReceipt>,
    ) -> DateTime<Utc> {
        let from_invoice = state
            .invoices
            .iter()
            .filter_map(|f| self.facts.get(*f))
            .map(|fact| self.shift(fact.due_at, self.settings.claim_lead_days.saturating_neg()))
            .min();
        if let Some(date) = from_invoice {
            return date;
        }
        receipt
            .and_then(|r| r.last_receive_date)
            .or(state
                .last_shipped_at
                .map(|t| self.shift(t, self.settings.receipt_grace_days)))
            .unwrap_or(self.now)
    }
}

/// `t` shifted by `days`, saturating at the ends of chrono's range.
pub(super) fn shift(t: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    let limit = if days < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    };
    Duration::try_days(days)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(limit)
}

fn deduction_code(deduction_type: DeductionType) -> &'static str {
    match deduction_type {
        DeductionType::Shortage => "DEDUCTION_SHORTAGE",
        DeductionType::Price => "DEDUCTION_PRICE",
        DeductionType::Coop => "DEDUCTION_COOP",
        DeductionType::Chargeback => "DEDUCTION_CHARGEBACK",
        DeductionType::Other => "DEDUCTION_OTHER",
    }
}

fn step(
    step: CloseStep,
    line: Option<&str>,
    quantity: Option<u64>,
    amount: Option<crate::money::CurrencyAmount>,
    message: String,
) -> MissingStep {
    MissingStep {
        step,
        item_sequence_number: line.map(str::to_string),
        quantity,
        amount,
        message,
    }
}

fn accumulate(total: &mut LineQuantities, q: &LineQuantities) {
    total.ordered = total.ordered.saturating_add(q.ordered);
    total.accepted = total.accepted.saturating_add(q.accepted);
    total.backordered = total.backordered.saturating_add(q.backordered);
    total.rejected = total.rejected.saturating_add(q.rejected);
    total.shipped = total.shipped.saturating_add(q.shipped);
    total.shipped_in_erp = match (total.shipped_in_erp, q.shipped_in_erp) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0).saturating_add(b.unwrap_or(0))),
    };
    total.received = total.received.saturating_add(q.received);
    total.in_transit = total.in_transit.saturating_add(q.in_transit);
    total.shortage = total.shortage.saturating_add(q.shortage);
    total.overage = total.overage.saturating_add(q.overage);
    total.invoiced = total.invoiced.saturating_add(q.invoiced);
}

fn add_money(a: &ReconcileMoney, b: &ReconcileMoney) -> Option<ReconcileMoney> {
    Some(ReconcileMoney {
        ordered: add(a.ordered, b.ordered)?,
        accepted: add(a.accepted, b.accepted)?,
        shipped: add(a.shipped, b.shipped)?,
        received: add(a.received, b.received)?,
        invoiced: add(a.invoiced, b.invoiced)?,
        paid: add(a.paid, b.paid)?,
    })
}
