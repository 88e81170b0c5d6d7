//! The batch loop of `decideAcknowledgements`.
//!
//! 1. Every line is classified against the PO state and `history`: closed, nothing ordered,
//!    unchanged since it was acknowledged, acknowledged elsewhere, or needing a decision (new,
//!    or changed by Amazon).
//! 2. Lines acknowledged earlier and unchanged are promises: their accepted and backordered
//!    eaches are charged against stock first, in allocation order.
//! 3. Lines needing a decision are decided in allocation order: POs by the start of their ship
//!    or delivery window, then PO date, then PO number (or as `options.allocationPriority`
//!    says); lines by item sequence number. Scarce stock goes to the PO Amazon needs first.
//!
//! Output is in input order whatever the allocation order, and only lines needing a decision
//! are acknowledged: a re-run with its own output as history sends nothing.

use chrono::{DateTime, Duration, Utc};

use super::error::AckError;
use super::history::{HistoryIndex, LineHistory};
use super::input::DecideAcknowledgementsInput;
use super::line::{LineContext, LineFacts, LineIssue, LineResult, decide_line};
use super::output::{
    Allocation, DecideAcknowledgementsOutput, DecisionCode, DecisionStatus, LineDecision,
    PendingAcknowledgement, ProposalLine,
};
use super::promises::{PromiseCheck, SettleContext, settle};
use super::rules::{
    AckOptions, AckRules, AllocationPriority, DownConfirmAction, MissingStockRowAction,
    PromiseDateUpdates, UnknownProductAction,
};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::exceptions::{Exception, Severity};
use crate::invoice::amounts::{at_scale, currency_scale};
use crate::line_value::{LineValue, Unvalued, sum_values};
use crate::money::CurrencyAmount;
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Order, OrderAcknowledgement, OrderAcknowledgementItem,
    OrderItem, PartyIdentification, PurchaseOrderState, PurchaseOrderType, UnitOfMeasure,
};
use crate::stock::StockLedger;
use crate::time::{format_instant, parse_instant, parse_interval};

/// Hours Amazon allows between a PO (or its change) and the acknowledgement.
pub const ACKNOWLEDGEMENT_WINDOW_HOURS: i64 = 24;
/// Hours after the PO (or its change) during which quantities and prices may still change.
pub const CHANGE_WINDOW_HOURS: i64 = 48;

/// Decides every PO of the batch. See the module documentation for the order of work.
pub fn decide_acknowledgements(
    input: DecideAcknowledgementsInput,
) -> Result<DecideAcknowledgementsOutput, AckError> {
    let mut stock = StockLedger::from_positions(&input.inventory)?;
    let catalog = Catalog::new(&input.sku_map)?;
    let history = HistoryIndex::new(&input.history)?;
    let plans = input
        .purchase_orders
        .iter()
        .enumerate()
        .map(|(index, order)| PoPlan::read(index, order))
        .collect::<Result<Vec<_>, _>>()?;
    check_unique_numbers(&plans)?;

    let context = Context {
        now: input.now.0,
        selling_party: input.selling_party.as_deref(),
        catalog: &catalog,
        history: &history,
        rules: &input.rules,
        options: &input.options,
    };
    let mut work: Vec<PoWork> = plans
        .iter()
        .map(|plan| PoWork::classify(plan, &context, &stock))
        .collect::<Result<_, _>>()?;

    let batch_hold = incomplete_inventory(&work, input.inventory.len(), &stock, &input.options);

    let mut order: Vec<usize> = (0..work.len()).collect();
    let priority = input
        .options
        .allocation_priority
        .unwrap_or(AllocationPriority::WindowStart);
    order.sort_by(|&a, &b| match (plans.get(a), plans.get(b)) {
        (Some(a), Some(b)) => a.priority_key(priority).cmp(&b.priority_key(priority)),
        _ => std::cmp::Ordering::Equal,
    });

    for &i in &order {
        if let Some(po) = work.get_mut(i) {
            po.charge_promises(&mut stock);
        }
    }
    recheck_backorders(&mut work, &order, &mut stock, &context);
    for po in &mut work {
        po.settle_promises(&context, &stock, batch_hold.is_some());
    }
    for &i in &order {
        if let Some(po) = work.get_mut(i) {
            po.decide(&context, &mut stock);
        }
    }

    let mut output = DecideAcknowledgementsOutput::default();
    if let Some(reason) = &batch_hold {
        output.exceptions.push(Exception {
            code: "INVENTORY_INCOMPLETE".to_string(),
            severity: Severity::Error,
            purchase_order_number: None,
            item_sequence_number: None,
            sku: None,
            message: format!("every PO of this batch is held: {reason}"),
            due_at: None,
            money_at_risk: None,
        });
    }
    for po in work {
        po.finish(&context, batch_hold.as_deref(), &mut output);
    }
    Ok(output)
}

struct Context<'a> {
    now: DateTime<Utc>,
    selling_party: Option<&'a str>,
    catalog: &'a Catalog<'a>,
    history: &'a HistoryIndex,
    rules: &'a AckRules,
    options: &'a AckOptions,
}

impl Context<'_> {
    /// The settings of a line decision on a PO of `po_type`. An unknown product on a
    /// NewProductIntroduction PO is always held: the item is new, so it is most likely not yet
    /// set up in the ERP, and InvalidProductIdentifier is final.
    fn line_context(&self, order: &Order) -> LineContext {
        let details = order.order_details.as_ref();
        let po_type = details.and_then(|d| d.purchase_order_type);
        // A delivery window (and no ship window) means the vendor pays freight and promises
        // delivery dates.
        let delivers =
            details.is_some_and(|d| d.delivery_window.is_some() && d.ship_window.is_none());
        LineContext {
            now: self.now,
            lead_time_days: self.options.lead_time_days(),
            unknown_product: if po_type == Some(PurchaseOrderType::NewProductIntroduction) {
                UnknownProductAction::Review
            } else {
                self.options
                    .unknown_product
                    .unwrap_or(UnknownProductAction::Reject)
            },
            missing_stock_row: self.options.missing_stock_row(),
            transit_days: delivers
                .then(|| crate::time::days(i64::from(self.options.transit_days.unwrap_or(2)))),
        }
    }
}

/// Covers every backordered entry of the earlier promises with inbound receipts (then stock),
/// earliest promised date first, so each promise gets the receipts it was made on whatever the
/// allocation order; records the entries whose receipts now land later.
fn recheck_backorders(
    work: &mut [PoWork],
    order: &[usize],
    stock: &mut StockLedger,
    context: &Context,
) {
    let lead = crate::time::days(context.options.lead_time_days());
    // Sort keys (promised date, acknowledgement second << 32 | position in allocation order):
    // the element type of the stock ledger's receipt sort, so no new sort is compiled in.
    let mut places: Vec<(usize, usize, usize)> = Vec::new();
    let mut keys: Vec<(DateTime<Utc>, u64)> = Vec::new();
    for &i in order {
        let Some(po) = work.get(i) else {
            continue;
        };
        for (j, line) in po.lines.iter().enumerate() {
            let (Some(check), Some(history)) = (&line.promise, line.facts.history) else {
                continue;
            };
            let acked = u64::try_from(history.acknowledged_at.timestamp())
                .unwrap_or(0)
                .min(u64::from(u32::MAX));
            for (k, entry) in check.backorders.iter().enumerate() {
                let place = u64::try_from(places.len()).unwrap_or(u64::MAX) & u64::from(u32::MAX);
                keys.push((
                    entry.promised_at.unwrap_or(DateTime::<Utc>::MAX_UTC),
                    (acked << 32) | place,
                ));
                places.push((i, j, k));
            }
        }
    }
    keys.sort();
    for (_, packed) in keys {
        let place = usize::try_from(packed & u64::from(u32::MAX)).unwrap_or(usize::MAX);
        let Some(&(i, j, k)) = places.get(place) else {
            continue;
        };
        let Some(line) = work.get_mut(i).and_then(|po| po.lines.get_mut(j)) else {
            continue;
        };
        let (Some(sku), Some(per_unit)) = (line.facts.sku.as_deref(), line.facts.eaches_per_unit)
        else {
            continue;
        };
        if let Some(entry) = line
            .promise
            .as_mut()
            .and_then(|check| check.backorders.get_mut(k))
        {
            PromiseCheck::cover_entry(entry, sku, per_unit, stock, context.now, lead);
        }
    }
}

/// Why the whole batch must wait for a person: an inventory export that is empty, or that
/// looks cut short (most of the PO SKUs missing, or a row count on a paging boundary). `None`
/// when nothing is to be decided or the export looks whole.
fn incomplete_inventory(
    work: &[PoWork],
    inventory_rows: usize,
    stock: &StockLedger,
    options: &AckOptions,
) -> Option<String> {
    // The lines to decide, and the promises to re-check: both read the stock.
    let deciding = work
        .iter()
        .flat_map(|po| po.lines.iter())
        .filter(|line| matches!(line.situation, Situation::Decide | Situation::Unchanged(_)));
    let mut skus = std::collections::BTreeSet::new();
    let mut any = false;
    for line in deciding {
        any = true;
        if let Some(sku) = line.facts.sku.as_deref() {
            skus.insert(sku);
        }
    }
    if !any {
        return None;
    }
    if inventory_rows == 0 {
        return Some(
            "the inventory export is empty: no line can be decided on it (nothing was \
             allocated); check the export and run again"
                .to_string(),
        );
    }
    if options.missing_stock_row() == MissingStockRowAction::Zero {
        return None;
    }
    let missing = skus.iter().filter(|sku| !stock.contains(sku)).count();
    if skus.len() >= 2 && missing.saturating_mul(2) > skus.len() {
        return Some(format!(
            "{missing} of the {} SKUs on these POs have no row in the inventory export of \
             {inventory_rows} rows: the export looks incomplete; check it and run again, or set \
             missingStockRow to \"zero\" if it lists every SKU",
            skus.len()
        ));
    }
    if options.on_page_boundary(inventory_rows) {
        return Some(format!(
            "the inventory export has exactly {inventory_rows} rows, a whole number of pages: \
             it may have been cut at a paging limit; check it and run again, or set \
             missingStockRow to \"zero\" if it lists every SKU"
        ));
    }
    None
}

/// A PO with its dates parsed (errors carry the JSON pointer of the bad field).
struct PoPlan<'a> {
    index: usize,
    order: &'a Order,
    purchase_order_date: Option<DateTime<Utc>>,
    changed_date: Option<DateTime<Utc>>,
    window_start: Option<DateTime<Utc>>,
}

impl<'a> PoPlan<'a> {
    fn read(index: usize, order: &'a Order) -> Result<Self, AckError> {
        let base = format!("/purchaseOrders/{index}/orderDetails");
        let date = |field: &str, text: &str| {
            parse_instant(text).map_err(|message| InputError::InvalidDate {
                path: format!("{base}/{field}"),
                message,
            })
        };
        let mut plan = PoPlan {
            index,
            order,
            purchase_order_date: None,
            changed_date: None,
            window_start: None,
        };
        if let Some(details) = &order.order_details {
            plan.purchase_order_date =
                Some(date("purchaseOrderDate", &details.purchase_order_date)?);
            if let Some(changed) = &details.purchase_order_changed_date {
                plan.changed_date = Some(date("purchaseOrderChangedDate", changed)?);
            }
            for (field, window) in [
                ("shipWindow", &details.ship_window),
                ("deliveryWindow", &details.delivery_window),
            ] {
                if let Some(window) = window {
                    let (start, _) =
                        parse_interval(window).map_err(|message| InputError::InvalidDate {
                            path: format!("{base}/{field}"),
                            message,
                        })?;
                    plan.window_start = Some(plan.window_start.map_or(start, |s| s.min(start)));
                }
            }
        }
        Ok(plan)
    }

    fn priority_key(
        &self,
        priority: AllocationPriority,
    ) -> (DateTime<Utc>, DateTime<Utc>, usize, &str) {
        let latest = DateTime::<Utc>::MAX_UTC;
        let date = self.purchase_order_date.unwrap_or(latest);
        let number = self.order.purchase_order_number.as_str();
        match priority {
            AllocationPriority::WindowStart => {
                (self.window_start.unwrap_or(latest), date, 0, number)
            }
            AllocationPriority::PurchaseOrderDate => (date, latest, 0, number),
            AllocationPriority::InputOrder => (latest, latest, self.index, number),
        }
    }

    fn number(&self) -> &'a str {
        &self.order.purchase_order_number
    }
}

fn check_unique_numbers(plans: &[PoPlan]) -> Result<(), AckError> {
    let mut seen = std::collections::BTreeSet::new();
    for plan in plans {
        if !seen.insert(plan.number()) {
            return Err(AckError::DuplicatePurchaseOrder {
                path: format!("/purchaseOrders/{}/purchaseOrderNumber", plan.index),
                number: plan.number().to_string(),
            });
        }
    }
    Ok(())
}

/// Where a line stands before stock is allocated.
enum Situation<'h> {
    /// Nothing to send, with the decision code and the reason.
    Skip(DecisionCode, String),
    /// Acknowledged earlier and unchanged: a promise to charge against stock.
    Unchanged(&'h LineHistory),
    /// Needs a decision now (new line, or changed by Amazon).
    Decide,
}

struct LineWork<'a> {
    facts: LineFacts<'a>,
    situation: Situation<'a>,
    result: Option<LineResult>,
    promise_allocation: Option<Allocation>,
    issues: Vec<LineIssue>,
    /// An earlier promise (an unchanged line), re-checked against stock and receipts.
    promise: Option<PromiseCheck>,
    /// The result re-acknowledges a promise (a date update or a down-confirmation), not a
    /// first decision: no acknowledgement deadline applies to it.
    update: bool,
}

struct PoWork<'a> {
    plan: &'a PoPlan<'a>,
    lines: Vec<LineWork<'a>>,
    po_issues: Vec<Exception>,
    /// Amazon changed the PO after the last acknowledgement.
    reacknowledgement: bool,
}

impl<'a> PoWork<'a> {
    fn classify(
        plan: &'a PoPlan<'a>,
        context: &Context<'a>,
        stock: &StockLedger,
    ) -> Result<Self, AckError> {
        let number = plan.number();
        let mut work = PoWork {
            plan,
            lines: Vec::new(),
            po_issues: Vec::new(),
            reacknowledgement: false,
        };
        let Some(details) = &plan.order.order_details else {
            work.po_issues.push(Exception::for_po(
                "PO_DETAILS_MISSING",
                Severity::Error,
                number,
                format!(
                    "PO {number} came without orderDetails (getPurchaseOrders with \
                     includeDetails=false?): fetch it with getPurchaseOrder so its lines can be \
                     acknowledged"
                ),
            ));
            return Ok(work);
        };
        let due = work.due_at().map(|d| format_instant(&d));
        if details.items.is_empty() {
            work.po_issues.push(
                Exception::for_po(
                    "PO_WITHOUT_ITEMS",
                    Severity::Error,
                    number,
                    format!(
                        "PO {number} has no items: nothing can be acknowledged; fetch it again \
                         with getPurchaseOrder, and ask Amazon vendor support if it stays empty"
                    ),
                )
                .due(due),
            );
            return Ok(work);
        }
        let state = plan.order.purchase_order_state;
        let last_acknowledged = context.history.last_acknowledged(number);
        work.reacknowledgement = matches!(
            (last_acknowledged, plan.changed_date),
            (Some(acked), Some(changed)) if changed > acked
        );

        let mut positions: Vec<usize> = (0..details.items.len()).collect();
        positions.sort_by_cached_key(|&j| {
            details
                .items
                .get(j)
                .map(|item| crate::spapi::orders::sequence_key(&item.item_sequence_number))
        });
        let mut acknowledged_elsewhere = false;
        for j in positions {
            let Some(item) = details.items.get(j) else {
                continue;
            };
            // The line's JSON pointer, formatted only if an error needs it (not for every line).
            let path = || format!("/purchaseOrders/{}/orderDetails/items/{j}", plan.index);
            let (facts, mut issues) = line_facts(
                number,
                item,
                path,
                details.purchase_order_type,
                context,
                stock,
            )?;
            let line_history = facts.history;
            let situation = if state == Some(PurchaseOrderState::Closed) {
                Situation::Skip(
                    DecisionCode::PoClosed,
                    "PO is Closed: nothing to acknowledge".to_string(),
                )
            } else if item.ordered_quantity.amount == 0 {
                Situation::Skip(
                    DecisionCode::NothingOrdered,
                    "nothing ordered (quantity 0, a cancelled line): nothing to acknowledge"
                        .to_string(),
                )
            } else {
                match line_history {
                    Some(h) if h.matches(item, facts.eaches_per_unit, plan.changed_date) => {
                        Situation::Unchanged(h)
                    }
                    Some(_) => Situation::Decide,
                    None if state == Some(PurchaseOrderState::Acknowledged)
                        && last_acknowledged.is_none() =>
                    {
                        acknowledged_elsewhere = true;
                        Situation::Skip(
                            DecisionCode::AcknowledgedElsewhere,
                            "PO is Acknowledged but has no history here: acknowledged outside \
                             this connector"
                                .to_string(),
                        )
                    }
                    None => Situation::Decide,
                }
            };
            if !matches!(situation, Situation::Decide) {
                issues.retain(|issue| issue.code != "UNIT_SIZE_MISMATCH");
            }
            work.lines.push(LineWork {
                facts,
                situation,
                result: None,
                promise_allocation: None,
                issues,
                promise: None,
                update: false,
            });
        }
        // Output follows the PO's own line order.
        work.lines.sort_by_key(|line| {
            details
                .items
                .iter()
                .position(|item| std::ptr::eq(item, line.facts.item))
        });
        if acknowledged_elsewhere {
            work.po_issues.push(Exception::for_po(
                "ACKNOWLEDGED_ELSEWHERE",
                Severity::Warning,
                number,
                format!(
                    "PO {number} is Acknowledged at Amazon but this connector has no record of \
                     it: its stock is not reserved by this run; add what was sent to `history`"
                ),
            ));
        }
        Ok(work)
    }

    /// When the acknowledgement is due: 24 hours after the PO, or after Amazon's change.
    fn due_at(&self) -> Option<DateTime<Utc>> {
        self.window_origin().map(|origin| {
            crate::time::saturating_add(origin, Duration::hours(ACKNOWLEDGEMENT_WINDOW_HOURS))
        })
    }

    fn change_window_ends(&self) -> Option<DateTime<Utc>> {
        self.window_origin()
            .map(|origin| crate::time::saturating_add(origin, Duration::hours(CHANGE_WINDOW_HOURS)))
    }

    fn window_origin(&self) -> Option<DateTime<Utc>> {
        if self.reacknowledgement {
            self.plan.changed_date.or(self.plan.purchase_order_date)
        } else {
            self.plan.purchase_order_date
        }
    }

    /// Charges the accepted units of what earlier acknowledgements promised (unchanged lines)
    /// against stock; their backordered entries are covered by [`recheck_backorders`].
    fn charge_promises(&mut self, stock: &mut StockLedger) {
        for line in &mut self.lines {
            let Situation::Unchanged(history) = line.situation else {
                continue;
            };
            if let (Some(sku), Some(per_unit)) =
                (line.facts.sku.as_deref(), line.facts.eaches_per_unit)
            {
                line.promise = Some(PromiseCheck::charge(history, sku, per_unit, stock));
            }
        }
    }

    /// Brings re-checked promises up to date: a slipped date or a shortfall becomes a
    /// re-acknowledgement of the line (or exceptions only); a kept promise is reserved.
    ///
    /// Missing stock data settles nothing: with the batch held (`unreadable`), or a SKU without
    /// a stock row, the promise stays as it was sent (and is reserved).
    fn settle_promises(&mut self, context: &Context, stock: &StockLedger, unreadable: bool) {
        let number = self.plan.number();
        let settle_context = SettleContext {
            change_window_open: self
                .change_window_ends()
                .is_none_or(|end| context.now <= end),
            auto_down_confirm: context.options.down_confirm == Some(DownConfirmAction::Auto),
            send_date_updates: context.options.promise_date_updates
                != Some(PromiseDateUpdates::Review),
            transit: context.line_context(self.plan.order).transit_days,
        };
        for line in &mut self.lines {
            let (Some(check), Some(sku), Some(per_unit)) = (
                line.promise.take(),
                line.facts.sku.as_deref(),
                line.facts.eaches_per_unit,
            ) else {
                continue;
            };
            let (mut stock_eaches, mut inbound_eaches) = check.eaches(per_unit);
            let row_missing = context.options.missing_stock_row() == MissingStockRowAction::Review
                && !stock.contains(sku);
            if row_missing && !unreadable {
                line.issues.push(LineIssue {
                    code: "STOCK_ROW_MISSING",
                    severity: Severity::Warning,
                    message: format!(
                        "{sku} has no row in the inventory export: the promise made for this \
                         line cannot be re-checked (it stands as sent); is the export complete?"
                    ),
                });
            }
            if row_missing || unreadable {
                // Not re-checked: reserved as promised.
                let backordered: u64 = check.backorders.iter().map(|e| e.units).sum();
                stock_eaches = check.accepted.saturating_mul(per_unit);
                inbound_eaches = backordered.saturating_mul(per_unit);
            }
            if check.needs_attention() && !row_missing && !unreadable {
                let settled = settle(&check, sku, &settle_context);
                if settled.send {
                    stock_eaches = stock_eaches.saturating_sub(
                        check
                            .accepted
                            .saturating_sub(settled.accepted)
                            .saturating_mul(per_unit),
                    );
                    let previously_rejected = line.facts.history.map_or(0, |h| h.rejected_units);
                    line.result = Some(LineResult {
                        accepted: settled.accepted,
                        backorders: settled.backorders,
                        rejected: settled.rejected,
                        rejection_reason: settled.rejection_reason,
                        previously_rejected,
                        allocatable_units: settled.accepted,
                        code: settled.code,
                        reason: settled.reason,
                        issues: settled.issues,
                        hold: settled.hold,
                        stock_eaches,
                        inbound_eaches,
                    });
                    line.update = true;
                    continue;
                }
                line.issues.extend(settled.issues);
            }
            if stock_eaches > 0 || inbound_eaches > 0 {
                line.promise_allocation = Some(Allocation {
                    sku: sku.to_string(),
                    purchase_order_number: number.to_string(),
                    item_sequence_number: line.facts.item.item_sequence_number.clone(),
                    quantity_eaches: stock_eaches,
                    inbound_eaches,
                    pending: false,
                });
            }
        }
    }

    /// Decides every line that needs a decision.
    fn decide(&mut self, context: &Context, stock: &mut StockLedger) {
        let line_context = context.line_context(self.plan.order);
        let window_closed = self
            .change_window_ends()
            .is_some_and(|end| context.now > end);
        for line in &mut self.lines {
            if !matches!(line.situation, Situation::Decide) {
                continue;
            }
            let mut result = decide_line(&line.facts, &line_context, stock);
            if line.facts.history.is_some() && window_closed {
                let message = format!(
                    "Amazon changed line {} after the 48-hour window had closed: only dates can \
                     be changed now; check the change with the Amazon buyer before acknowledging",
                    line.facts.item.item_sequence_number
                );
                result.issues.push(LineIssue {
                    code: "CHANGE_WINDOW_CLOSED",
                    severity: Severity::Error,
                    message: message.clone(),
                });
                result.code = DecisionCode::ChangeWindowClosed;
                result.hold = Some(match result.hold.take() {
                    Some(other) => format!("{other}; {message}"),
                    None => message,
                });
            }
            line.result = Some(result);
        }
    }

    /// Turns the PO's work into decisions, allocations, the request or a pending proposal.
    fn finish(
        self,
        context: &Context,
        batch_hold: Option<&str>,
        output: &mut DecideAcknowledgementsOutput,
    ) {
        let number = self.plan.number();
        let now = context.now;
        let due_at = self.due_at();
        let due_text = due_at.map(|d| format_instant(&d));
        let change_window_ends = self.change_window_ends().map(|d| format_instant(&d));
        output.exceptions.extend(self.po_issues);
        let Some(details) = &self.plan.order.order_details else {
            return;
        };

        let deciding: Vec<&LineWork> = self
            .lines
            .iter()
            .filter(|line| line.result.is_some())
            .collect();
        // Re-acknowledged promises (date updates, down-confirmations) have no 24-hour deadline.
        let only_updates = deciding.iter().all(|line| line.update);
        // The lines this run decides are what a late or held acknowledgement puts at risk.
        let at_risk = sum_values(deciding.iter().map(|line| line_value(&line.facts)));
        let mut hold_reasons: Vec<String> = Vec::new();
        if let (Some(reason), false) = (batch_hold, deciding.is_empty()) {
            hold_reasons.push(reason.to_string());
        }
        for line in &deciding {
            let seq = &line.facts.item.item_sequence_number;
            if let Some(reason) = line.result.as_ref().and_then(|r| r.hold.as_ref()) {
                hold_reasons.push(format!("line {seq}: {reason}"));
            }
            if !line.facts.rules.auto_acknowledge {
                hold_reasons.push(format!(
                    "line {seq}: auto-acknowledge is off for this PO/SKU"
                ));
            } else if line.facts.rules.review {
                hold_reasons.push(format!("line {seq}: the SKU is marked for review"));
            }
        }
        let selling_party = context.selling_party.map(str::to_string).or_else(|| {
            details
                .selling_party
                .as_ref()
                .map(|party| party.party_id.clone())
        });
        if selling_party.is_none() && !deciding.is_empty() {
            let message = "no sellingParty on the PO and no vendor code given: pass `sellingParty`"
                .to_string();
            hold_reasons.push(message.clone());
            output.exceptions.push(
                Exception::for_po("MISSING_SELLING_PARTY", Severity::Error, number, message)
                    .due(due_text.clone())
                    .money_at_risk(at_risk.clone()),
            );
        }
        let held = !hold_reasons.is_empty();

        let mut items = Vec::new();
        let mut proposal_lines = Vec::new();
        // The lines are consumed: their reasons and allocations move into the output.
        for line in self.lines {
            let facts = &line.facts;
            let item = facts.item;
            let seq = item.item_sequence_number.as_str();
            for issue in &line.issues {
                output
                    .exceptions
                    .push(line_exception(number, facts, issue, due_text.clone()));
            }
            if let Some(allocation) = line.promise_allocation {
                output.allocations.push(allocation);
            }
            let decision = match (line.situation, line.result) {
                (_, Some(result)) => {
                    for issue in &result.issues {
                        output.exceptions.push(line_exception(
                            number,
                            facts,
                            issue,
                            due_text.clone(),
                        ));
                    }
                    if let Some(sku) = &facts.sku {
                        if result.stock_eaches > 0 || result.inbound_eaches > 0 {
                            output.allocations.push(Allocation {
                                sku: sku.clone(),
                                purchase_order_number: number.to_string(),
                                item_sequence_number: seq.to_string(),
                                quantity_eaches: result.stock_eaches,
                                inbound_eaches: result.inbound_eaches,
                                pending: held,
                            });
                        }
                    }
                    let quantity = quantity_in_po_unit(facts);
                    items.push(OrderAcknowledgementItem {
                        item_sequence_number: Some(item.item_sequence_number.clone()),
                        amazon_product_identifier: item.amazon_product_identifier.clone(),
                        vendor_product_identifier: item.vendor_product_identifier.clone(),
                        ordered_quantity: quantity(item.ordered_quantity.amount),
                        net_cost: facts.net_cost.clone(),
                        list_price: item.list_price.clone(),
                        discount_multiplier: None,
                        item_acknowledgements: result.entries(&quantity),
                    });
                    if held {
                        proposal_lines.push(proposal_line(facts, &result));
                    }
                    let status = if held {
                        DecisionStatus::PendingApproval
                    } else {
                        DecisionStatus::Acknowledged
                    };
                    decided(number, facts, result, status)
                }
                (Situation::Unchanged(history), None) => {
                    let accepted = history.units(AcknowledgementCode::Accepted);
                    let backordered = history.units(AcknowledgementCode::Backordered);
                    let rejected = history.units(AcknowledgementCode::Rejected);
                    let mut decision = skipped(
                        number,
                        facts,
                        DecisionCode::Unchanged,
                        format!(
                            "acknowledged {} and unchanged since: nothing to send",
                            format_instant(&history.acknowledged_at)
                        ),
                    );
                    decision.accepted = accepted;
                    decision.backordered = backordered;
                    decision.rejected = rejected;
                    decision
                }
                (Situation::Skip(code, reason), None) => skipped(number, facts, code, reason),
                (Situation::Decide, None) => continue,
            };
            output.decisions.push(decision);
        }
        if items.is_empty() {
            return;
        }
        let acknowledgement = OrderAcknowledgement {
            purchase_order_number: number.to_string(),
            selling_party: PartyIdentification {
                party_id: selling_party.clone().unwrap_or_default(),
                address: None,
                tax_info: None,
            },
            acknowledgement_date: format_instant(&now),
            items,
        };
        let overdue = !only_updates && due_at.is_some_and(|due| now > due);
        let what = if only_updates {
            "update of earlier promises"
        } else if self.reacknowledgement {
            "re-acknowledgement of Amazon's change"
        } else {
            "acknowledgement"
        };
        if held {
            output.exceptions.push(
                Exception::for_po(
                    "APPROVAL_REQUIRED",
                    Severity::Warning,
                    number,
                    format!(
                        "PO {number} needs approval before its {what} is sent: {}",
                        hold_reasons.join("; ")
                    ),
                )
                .due(due_text.clone())
                .money_at_risk(at_risk.clone()),
            );
            let soon = crate::time::hours(context.options.due_soon_hours());
            if overdue {
                output.exceptions.push(
                    Exception::for_po(
                        "ACKNOWLEDGEMENT_OVERDUE",
                        Severity::Error,
                        number,
                        format!(
                            "PO {number}: the {what} was due {} and is still waiting for \
                             approval; Amazon treats unacknowledged lines as rejected",
                            due_text.clone().unwrap_or_default()
                        ),
                    )
                    .due(due_text.clone())
                    .money_at_risk(at_risk.clone()),
                );
            } else if !only_updates
                && due_at.is_some_and(|due| crate::time::saturating_add(now, soon) >= due)
            {
                output.exceptions.push(
                    Exception::for_po(
                        "ACKNOWLEDGEMENT_DUE_SOON",
                        Severity::Warning,
                        number,
                        format!(
                            "PO {number}: the {what} is due {}: approve it before then",
                            due_text.clone().unwrap_or_default()
                        ),
                    )
                    .due(due_text.clone())
                    .money_at_risk(at_risk.clone()),
                );
            }
            output.pending_approval.push(PendingAcknowledgement {
                purchase_order_number: number.to_string(),
                selling_party,
                reasons: hold_reasons,
                lines: proposal_lines,
                proposal: acknowledgement,
                due_at: due_text.unwrap_or_default(),
                change_window_ends_at: change_window_ends.unwrap_or_default(),
            });
        } else {
            if overdue {
                output.exceptions.push(
                    Exception::for_po(
                        "ACKNOWLEDGEMENT_LATE",
                        Severity::Warning,
                        number,
                        format!(
                            "PO {number}: the {what} is sent after its 24-hour window (due {}): \
                             Amazon may already treat its lines as rejected; check the PO state \
                             after submitting",
                            due_text.clone().unwrap_or_default()
                        ),
                    )
                    .due(due_text)
                    .money_at_risk(at_risk.clone()),
                );
            }
            output.request.acknowledgements.push(acknowledgement);
        }
    }
}

/// Resolves the SKU, the eaches per unit and the rules of a line; reports unit-size conflicts.
fn line_facts<'a>(
    number: &str,
    item: &'a OrderItem,
    path: impl FnOnce() -> String,
    po_type: Option<crate::spapi::orders::PurchaseOrderType>,
    context: &Context<'a>,
    stock: &StockLedger,
) -> Result<(LineFacts<'a>, Vec<LineIssue>), AckError> {
    // The SKU map first; else an inventory SKU spelled like the vendor product identifier or
    // the ASIN (small vendors often use one of them as the SKU).
    let mapping = context.catalog.resolve(item);
    let sku = match mapping {
        Some(mapping) => Some(mapping.sku.clone()),
        None => [
            &item.vendor_product_identifier,
            &item.amazon_product_identifier,
        ]
        .into_iter()
        .flatten()
        .find(|id| stock.contains(id))
        .cloned(),
    };
    let unit = item
        .ordered_quantity
        .unit_of_measure
        .unwrap_or(UnitOfMeasure::Eaches);
    let mapped_case_size = mapping.and_then(|m| m.units_per_case).filter(|&n| n > 0);
    let eaches_per_unit = LineValue::of(item, mapped_case_size).eaches_per_unit().ok();
    if let Some(per_unit) = eaches_per_unit {
        if item.ordered_quantity.amount.checked_mul(per_unit).is_none() {
            return Err(AckError::QuantityOverflow {
                path: format!("{}/orderedQuantity", path()),
            });
        }
    }
    let mut issues = Vec::new();
    if let (UnitOfMeasure::Cases, Some(po_size), Some(map_size)) =
        (unit, item.ordered_quantity.unit_size, mapped_case_size)
    {
        if po_size != map_size {
            issues.push(LineIssue {
                code: "UNIT_SIZE_MISMATCH",
                severity: Severity::Warning,
                message: format!(
                    "cases of {po_size} ordered, but the SKU map says {map_size} per case: \
                     decided with Amazon's {po_size}; fix the item master before shipping, a \
                     unit-of-measure mismatch is charged back"
                ),
            });
        }
    }
    let rules = context.rules.effective(po_type, sku.as_deref());
    let history = context.history.line(number, item);
    let mut net_cost = history
        .and_then(|h| h.approved_cost(item))
        .or(item.net_cost.as_ref())
        .cloned();
    if let Some(cost) = net_cost.as_mut().filter(|c| c.currency_code.is_none()) {
        cost.currency_code = item
            .list_price
            .as_ref()
            .and_then(|m| m.currency_code.clone())
            .or_else(|| context.options.currency_code.clone());
    }
    Ok((
        LineFacts {
            item,
            sku,
            unit,
            eaches_per_unit,
            rules,
            history,
            net_cost,
        },
        issues,
    ))
}

/// The quantity shape of the PO line, for the acknowledgement (Cases keep their unit size).
fn quantity_in_po_unit(facts: &LineFacts) -> impl Fn(u64) -> ItemQuantity + use<> {
    let unit = facts.unit;
    let unit_size = facts.item.ordered_quantity.unit_size.or(match unit {
        UnitOfMeasure::Cases => facts.eaches_per_unit,
        UnitOfMeasure::Eaches => None,
    });
    move |amount| ItemQuantity {
        amount,
        unit_of_measure: Some(unit),
        unit_size,
    }
}

fn line_exception(
    number: &str,
    facts: &LineFacts,
    issue: &LineIssue,
    due: Option<String>,
) -> Exception {
    let seq = &facts.item.item_sequence_number;
    Exception::for_po(
        issue.code,
        issue.severity,
        number,
        format!("PO {number} line {seq}: {}", issue.message),
    )
    .line(seq)
    .sku(facts.sku.as_deref())
    .due(due)
    .money_at_risk(line_value(facts).ok())
}

/// What the line is worth (ordered eaches × each cost, [`crate::line_value`]), written at the
/// currency's minor unit: the money at risk of its exceptions.
fn line_value(facts: &LineFacts) -> Result<CurrencyAmount, Unvalued> {
    LineValue::of(facts.item, facts.eaches_per_unit)
        .ordered_value(facts.item)
        .map(|value| CurrencyAmount {
            amount: at_scale(value.amount, currency_scale(&value.currency_code)),
            currency_code: value.currency_code,
        })
}

fn decided(
    number: &str,
    facts: &LineFacts,
    result: LineResult,
    status: DecisionStatus,
) -> LineDecision {
    let item = facts.item;
    LineDecision {
        purchase_order_number: number.to_string(),
        item_sequence_number: item.item_sequence_number.clone(),
        sku: facts.sku.clone(),
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: item.ordered_quantity,
        ordered_eaches: facts
            .eaches_per_unit
            .and_then(|per| item.ordered_quantity.amount.checked_mul(per)),
        accepted: result.accepted,
        backordered: result.backordered(),
        rejected: result.rejected,
        status,
        code: result.code,
        rejection_reason: result.rejection_reason,
        backorder_ship_date: result
            .backorders
            .into_iter()
            .next()
            .map(|s| s.scheduled_ship_date),
        reason: result.reason,
    }
}

fn skipped(number: &str, facts: &LineFacts, code: DecisionCode, reason: String) -> LineDecision {
    let item = facts.item;
    LineDecision {
        purchase_order_number: number.to_string(),
        item_sequence_number: item.item_sequence_number.clone(),
        sku: facts.sku.clone(),
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: item.ordered_quantity,
        ordered_eaches: facts
            .eaches_per_unit
            .and_then(|per| item.ordered_quantity.amount.checked_mul(per)),
        accepted: 0,
        backordered: 0,
        rejected: 0,
        status: DecisionStatus::Skipped,
        code,
        rejection_reason: None,
        backorder_ship_date: None,
        reason,
    }
}

fn proposal_line(facts: &LineFacts, result: &LineResult) -> ProposalLine {
    let item = facts.item;
    ProposalLine {
        item_sequence_number: item.item_sequence_number.clone(),
        sku: facts.sku.clone(),
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: quantity_in_po_unit(facts)(item.ordered_quantity.amount),
        eaches_per_unit: facts.eaches_per_unit,
        is_back_order_allowed: item.is_back_order_allowed,
        net_cost: item.net_cost.clone(),
        list_price: item.list_price.clone(),
        suggested_net_cost: facts
            .net_cost
            .clone()
            .filter(|cost| Some(cost) != item.net_cost.as_ref()),
        allocatable_units: result.allocatable_units,
        previously_rejected: result.previously_rejected,
        suggested_accepted: result.accepted,
        suggested_backorders: result.backorders.clone(),
        suggested_rejected: result.rejected,
        rejection_reason: result.rejection_reason,
        code: result.code,
        reason: result.reason.clone(),
    }
}
