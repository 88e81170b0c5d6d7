//! The decision loop of `decideAcknowledgements`.
//!
//! Allocation order (deterministic, documented in the README): POs by the start of their ship or
//! delivery window, then PO date, then PO number; lines by item sequence number. Scarce stock
//! therefore goes to the PO Amazon needs first. Output is in input order whatever the
//! allocation order.

use chrono::{DateTime, Duration, Utc};

use super::error::AckError;
use super::input::DecideAcknowledgementsInput;
use super::output::{
    Allocation, DecideAcknowledgementsOutput, DecisionStatus, LineDecision, PendingAcknowledgement,
};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::exceptions::{Exception, Severity};
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Order, OrderAcknowledgement, OrderAcknowledgementItem,
    OrderItem, OrderItemAcknowledgement, PartyIdentification, PurchaseOrderState, RejectionReason,
    UnitOfMeasure,
};
use crate::stock::StockLedger;
use crate::time::{format_instant, parse_instant, parse_interval};

/// Hours Amazon allows between a PO and its acknowledgement.
const ACKNOWLEDGEMENT_WINDOW_HOURS: i64 = 24;

/// Decides every PO of the batch. See the module documentation for the allocation order.
pub fn decide_acknowledgements(
    input: DecideAcknowledgementsInput,
) -> Result<DecideAcknowledgementsOutput, AckError> {
    let mut stock = StockLedger::from_positions(&input.inventory)?;
    let catalog = Catalog::new(&input.sku_map)?;
    let plans = input
        .purchase_orders
        .iter()
        .enumerate()
        .map(|(index, order)| PoPlan::read(index, order))
        .collect::<Result<Vec<_>, _>>()?;
    check_unique_numbers(&plans)?;

    let mut allocation_order: Vec<&PoPlan> = plans.iter().collect();
    allocation_order.sort_by(|a, b| a.priority_key().cmp(&b.priority_key()));

    let context = Context {
        now: input.now.0,
        selling_party: input.selling_party.as_deref(),
        catalog: &catalog,
    };
    let mut outcomes: Vec<Option<PoOutcome>> = plans.iter().map(|_| None).collect();
    for plan in allocation_order {
        let outcome = decide_po(plan, &context, &mut stock)?;
        if let Some(slot) = outcomes.get_mut(plan.index) {
            *slot = Some(outcome);
        }
    }

    let mut output = DecideAcknowledgementsOutput::default();
    for outcome in outcomes.into_iter().flatten() {
        output.decisions.extend(outcome.decisions);
        output.allocations.extend(outcome.allocations);
        output.exceptions.extend(outcome.exceptions);
        match outcome.result {
            PoResult::Send(ack) => output.request.acknowledgements.push(ack),
            PoResult::Hold(pending) => output.pending_approval.push(pending),
            PoResult::Nothing => {}
        }
    }
    Ok(output)
}

struct Context<'a> {
    now: DateTime<Utc>,
    selling_party: Option<&'a str>,
    catalog: &'a Catalog<'a>,
}

/// A PO with its dates parsed (errors carry the JSON pointer of the bad field).
struct PoPlan<'a> {
    index: usize,
    order: &'a Order,
    purchase_order_date: Option<DateTime<Utc>>,
    window_start: Option<DateTime<Utc>>,
}

impl<'a> PoPlan<'a> {
    fn read(index: usize, order: &'a Order) -> Result<Self, AckError> {
        let base = format!("/purchaseOrders/{index}/orderDetails");
        let mut plan = PoPlan {
            index,
            order,
            purchase_order_date: None,
            window_start: None,
        };
        if let Some(details) = &order.order_details {
            plan.purchase_order_date = Some(parse_instant(&details.purchase_order_date).map_err(
                |message| InputError::InvalidDate {
                    path: format!("{base}/purchaseOrderDate"),
                    message,
                },
            )?);
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

    /// Earliest window first, then oldest PO, then PO number: see the module documentation.
    fn priority_key(&self) -> (DateTime<Utc>, DateTime<Utc>, &str) {
        (
            self.window_start.unwrap_or(DateTime::<Utc>::MAX_UTC),
            self.purchase_order_date.unwrap_or(DateTime::<Utc>::MAX_UTC),
            &self.order.purchase_order_number,
        )
    }

    fn number(&self) -> &'a str {
        &self.order.purchase_order_number
    }

    fn due_at(&self) -> Option<DateTime<Utc>> {
        self.purchase_order_date
            .map(|date| date + Duration::hours(ACKNOWLEDGEMENT_WINDOW_HOURS))
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

enum PoResult {
    Send(OrderAcknowledgement),
    Hold(PendingAcknowledgement),
    Nothing,
}

struct PoOutcome {
    decisions: Vec<LineDecision>,
    allocations: Vec<Allocation>,
    exceptions: Vec<Exception>,
    result: PoResult,
}

impl PoOutcome {
    fn nothing(exceptions: Vec<Exception>, decisions: Vec<LineDecision>) -> Self {
        PoOutcome {
            decisions,
            allocations: Vec::new(),
            exceptions,
            result: PoResult::Nothing,
        }
    }
}

fn decide_po(
    plan: &PoPlan,
    context: &Context,
    stock: &mut StockLedger,
) -> Result<PoOutcome, AckError> {
    let number = plan.number();
    let Some(details) = &plan.order.order_details else {
        let message = format!(
            "PO {number} came without orderDetails (getPurchaseOrders with includeDetails=false?): \
             fetch it with getPurchaseOrder so its lines can be acknowledged"
        );
        let exception = Exception::for_po("PO_DETAILS_MISSING", Severity::Error, number, message);
        return Ok(PoOutcome::nothing(vec![exception], Vec::new()));
    };
    match plan.order.purchase_order_state {
        Some(state @ (PurchaseOrderState::Acknowledged | PurchaseOrderState::Closed)) => {
            let reason = match state {
                PurchaseOrderState::Closed => "PO is Closed: nothing to acknowledge".to_string(),
                _ => "PO is already Acknowledged: nothing to send".to_string(),
            };
            let decisions = details
                .items
                .iter()
                .map(|item| skipped_decision(number, item, reason.clone()))
                .collect();
            return Ok(PoOutcome::nothing(Vec::new(), decisions));
        }
        Some(PurchaseOrderState::New) | None => {}
    }

    let due_at = plan.due_at().map(|d| format_instant(&d));
    if details.items.is_empty() {
        let message = format!(
            "PO {number} has no items: nothing can be acknowledged; fetch it again with \
             getPurchaseOrder, and ask Amazon vendor support if it stays empty"
        );
        let exception =
            Exception::for_po("PO_WITHOUT_ITEMS", Severity::Error, number, message).due(due_at);
        return Ok(PoOutcome::nothing(vec![exception], Vec::new()));
    }
    let mut lines = Vec::with_capacity(details.items.len());
    let mut line_order: Vec<usize> = (0..details.items.len()).collect();
    line_order.sort_by_cached_key(|&j| {
        details
            .items
            .get(j)
            .map(|item| sequence_key(&item.item_sequence_number))
    });
    let mut decided: Vec<Option<LineOutcome>> = details.items.iter().map(|_| None).collect();
    for j in line_order {
        let Some(item) = details.items.get(j) else {
            continue;
        };
        let path = format!("/purchaseOrders/{}/orderDetails/items/{j}", plan.index);
        let outcome = decide_line(number, item, &path, context, stock, due_at.as_deref())?;
        if let Some(slot) = decided.get_mut(j) {
            *slot = Some(outcome);
        }
    }
    lines.extend(decided.into_iter().flatten());

    let mut hold_reasons: Vec<String> = lines.iter().filter_map(|l| l.hold.clone()).collect();
    let selling_party = context.selling_party.map(str::to_string).or_else(|| {
        details
            .selling_party
            .as_ref()
            .map(|party| party.party_id.clone())
    });
    let mut exceptions: Vec<Exception> = lines.iter().flat_map(|l| l.exceptions.clone()).collect();
    if selling_party.is_none() {
        let message = format!(
            "PO {number} has no sellingParty and no vendor code was given: pass `sellingParty`"
        );
        hold_reasons.push(message.clone());
        exceptions.push(
            Exception::for_po("MISSING_SELLING_PARTY", Severity::Error, number, message)
                .due(due_at.clone()),
        );
    }

    let acknowledgement = OrderAcknowledgement {
        purchase_order_number: number.to_string(),
        selling_party: PartyIdentification {
            party_id: selling_party.unwrap_or_default(),
            address: None,
            tax_info: None,
        },
        acknowledgement_date: format_instant(&context.now),
        items: lines.iter().filter_map(|l| l.item.clone()).collect(),
    };
    let overdue = plan.due_at().is_some_and(|due| context.now > due);
    let held = !hold_reasons.is_empty();
    let status = if held {
        DecisionStatus::PendingApproval
    } else {
        DecisionStatus::Acknowledged
    };
    let mut decisions = Vec::with_capacity(lines.len());
    let mut allocations = Vec::new();
    for line in lines {
        let mut decision = line.decision;
        if decision.status != DecisionStatus::Skipped {
            decision.status = status;
        }
        decisions.push(decision);
        if let Some(mut allocation) = line.allocation {
            allocation.pending = held;
            allocations.push(allocation);
        }
    }

    let result = if acknowledgement.items.is_empty() {
        PoResult::Nothing
    } else if held {
        let message = format!(
            "PO {number} needs approval before it can be acknowledged: {}",
            hold_reasons.join("; ")
        );
        let severity = if overdue {
            Severity::Error
        } else {
            Severity::Warning
        };
        exceptions.push(
            Exception::for_po("APPROVAL_REQUIRED", severity, number, message).due(due_at.clone()),
        );
        PoResult::Hold(PendingAcknowledgement {
            purchase_order_number: number.to_string(),
            reasons: hold_reasons,
            proposal: acknowledgement,
            due_at: due_at.clone().unwrap_or_default(),
        })
    } else {
        if overdue {
            let message = format!(
                "PO {number} is acknowledged after its 24-hour window: Amazon may already treat \
                 its lines as rejected; check the PO state after submitting"
            );
            exceptions.push(
                Exception::for_po("ACKNOWLEDGEMENT_LATE", Severity::Warning, number, message)
                    .due(due_at.clone()),
            );
        }
        PoResult::Send(acknowledgement)
    };
    Ok(PoOutcome {
        decisions,
        allocations,
        exceptions,
        result,
    })
}

/// Numeric order of item sequence numbers ("2" before "10", "00001" = "1"); non-numeric last.
fn sequence_key(sequence: &str) -> (u64, String) {
    let number = sequence.trim().parse::<u64>().unwrap_or(u64::MAX);
    (number, sequence.to_string())
}

struct LineOutcome {
    decision: LineDecision,
    item: Option<OrderAcknowledgementItem>,
    allocation: Option<Allocation>,
    exceptions: Vec<Exception>,
    /// Why this line stops the PO from being sent without a person, if it does.
    hold: Option<String>,
}

fn skipped_decision(number: &str, item: &OrderItem, reason: String) -> LineDecision {
    LineDecision {
        purchase_order_number: number.to_string(),
        item_sequence_number: item.item_sequence_number.clone(),
        sku: None,
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: item.ordered_quantity,
        ordered_eaches: None,
        accepted: 0,
        backordered: 0,
        rejected: 0,
        status: DecisionStatus::Skipped,
        rejection_reason: None,
        reason,
    }
}

fn describe_item(item: &OrderItem) -> String {
    match (
        item.amazon_product_identifier.as_deref(),
        item.vendor_product_identifier.as_deref(),
    ) {
        (Some(asin), Some(vendor)) => format!("ASIN {asin} / vendor id {vendor}"),
        (Some(asin), None) => format!("ASIN {asin}"),
        (None, Some(vendor)) => format!("vendor id {vendor}"),
        (None, None) => "a line with no product identifier".to_string(),
    }
}

fn unit_name(unit: UnitOfMeasure, amount: u64) -> &'static str {
    match (unit, amount) {
        (UnitOfMeasure::Cases, 1) => "case",
        (UnitOfMeasure::Cases, _) => "cases",
        (UnitOfMeasure::Eaches, 1) => "each",
        (UnitOfMeasure::Eaches, _) => "eaches",
    }
}

fn decide_line(
    number: &str,
    item: &OrderItem,
    path: &str,
    context: &Context,
    stock: &mut StockLedger,
    due_at: Option<&str>,
) -> Result<LineOutcome, AckError> {
    let sequence = item.item_sequence_number.as_str();
    let amount = item.ordered_quantity.amount;
    if amount == 0 {
        let reason = "nothing ordered (quantity 0): no acknowledgement needed".to_string();
        return Ok(LineOutcome {
            decision: skipped_decision(number, item, reason),
            item: None,
            allocation: None,
            exceptions: Vec::new(),
            hold: None,
        });
    }
    let unit = item
        .ordered_quantity
        .unit_of_measure
        .unwrap_or(UnitOfMeasure::Eaches);
    let line_exception = |code: &str, severity: Severity, sku: Option<&str>, message: String| {
        Exception::for_po(code, severity, number, message)
            .line(sequence)
            .sku(sku)
            .due(due_at.map(str::to_string))
    };

    // Which ERP SKU is this line? The SKU map first; else an inventory SKU spelled like the
    // vendor product identifier or the ASIN (small vendors often use one of them as the SKU).
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

    let mut exceptions = Vec::new();
    let mut hold = Vec::new();

    // How many eaches is one ordered unit?
    let mapped_case_size = mapping.and_then(|m| m.units_per_case).filter(|&n| n > 0);
    let eaches_per_unit = match unit {
        UnitOfMeasure::Eaches => Some(1),
        UnitOfMeasure::Cases => item
            .ordered_quantity
            .unit_size
            .filter(|&n| n > 0)
            .or(mapped_case_size),
    };
    if let (UnitOfMeasure::Cases, Some(po_size), Some(map_size)) =
        (unit, item.ordered_quantity.unit_size, mapped_case_size)
    {
        if po_size != map_size {
            exceptions.push(line_exception(
                "UNIT_SIZE_MISMATCH",
                Severity::Warning,
                sku.as_deref(),
                format!(
                    "PO {number} line {sequence} orders cases of {po_size}, but the SKU map says \
                     {map_size} per case: decided with Amazon's {po_size}; fix the item master \
                     before shipping, a unit-of-measure mismatch is charged back"
                ),
            ));
        }
    }
    let ordered_eaches = match eaches_per_unit {
        Some(per) => Some(
            amount
                .checked_mul(per)
                .ok_or_else(|| AckError::QuantityOverflow {
                    path: format!("{path}/orderedQuantity"),
                })?,
        ),
        None => None,
    };

    let net_cost_ok = item
        .net_cost
        .as_ref()
        .and_then(|money| money.amount)
        .is_some_and(|cost| !cost.is_zero() && !cost.is_negative());
    if !net_cost_ok {
        let message = format!(
            "PO {number} line {sequence} has no positive netCost: Amazon rejects an \
             acknowledgement without one; enter the agreed cost when approving"
        );
        hold.push(message.clone());
        exceptions.push(line_exception(
            "MISSING_NET_COST",
            Severity::Error,
            sku.as_deref(),
            message,
        ));
    }

    let mut accepted = 0;
    let mut rejection_reason = None;
    let mut allocation = None;
    let reason;
    match (&sku, eaches_per_unit) {
        (None, _) => {
            rejection_reason = Some(RejectionReason::InvalidProductIdentifier);
            let message = format!(
                "PO {number} line {sequence}: no ERP item matches {}; add it to the SKU map, or \
                 approve the rejection (InvalidProductIdentifier, final)",
                describe_item(item)
            );
            reason = format!("no ERP item matches {}", describe_item(item));
            hold.push(message.clone());
            exceptions.push(line_exception(
                "UNKNOWN_PRODUCT",
                Severity::Error,
                None,
                message,
            ));
        }
        (Some(sku), None) => {
            rejection_reason = Some(RejectionReason::TemporarilyUnavailable);
            let message = format!(
                "PO {number} line {sequence} orders {amount} cases of {sku} without a unitSize, \
                 and the SKU map has no unitsPerCase: cannot tell how many eaches that is"
            );
            reason = "case size unknown: cannot allocate".to_string();
            hold.push(message.clone());
            exceptions.push(line_exception(
                "UNIT_SIZE_MISSING",
                Severity::Error,
                Some(sku),
                message,
            ));
        }
        (Some(sku), Some(per_unit)) => {
            let before = stock.get(sku);
            accepted = stock.take_units(sku, amount, per_unit);
            let rejected = amount - accepted;
            if rejected > 0 {
                rejection_reason = Some(RejectionReason::TemporarilyUnavailable);
            }
            if accepted > 0 {
                allocation = Some(Allocation {
                    sku: sku.clone(),
                    purchase_order_number: number.to_string(),
                    item_sequence_number: sequence.to_string(),
                    quantity_eaches: accepted * per_unit,
                    pending: false,
                });
            }
            reason = explain_allocation(sku, unit, amount, accepted, per_unit, before);
        }
    }

    let rejected = amount - accepted;
    let mut entries = Vec::with_capacity(2);
    let quantity = |amount: u64| ItemQuantity {
        amount,
        unit_of_measure: Some(unit),
        unit_size: item.ordered_quantity.unit_size.or(match unit {
            UnitOfMeasure::Cases => eaches_per_unit,
            UnitOfMeasure::Eaches => None,
        }),
    };
    if accepted > 0 {
        entries.push(OrderItemAcknowledgement {
            acknowledgement_code: AcknowledgementCode::Accepted,
            acknowledged_quantity: quantity(accepted),
            scheduled_ship_date: None,
            scheduled_delivery_date: None,
            rejection_reason: None,
        });
    }
    if rejected > 0 {
        entries.push(OrderItemAcknowledgement {
            acknowledgement_code: AcknowledgementCode::Rejected,
            acknowledged_quantity: quantity(rejected),
            scheduled_ship_date: None,
            scheduled_delivery_date: None,
            rejection_reason,
        });
    }
    let ack_item = OrderAcknowledgementItem {
        item_sequence_number: Some(item.item_sequence_number.clone()),
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: quantity(amount),
        net_cost: item.net_cost.clone(),
        list_price: item.list_price.clone(),
        discount_multiplier: None,
        item_acknowledgements: entries,
    };
    let decision = LineDecision {
        purchase_order_number: number.to_string(),
        item_sequence_number: sequence.to_string(),
        sku: sku.clone(),
        amazon_product_identifier: item.amazon_product_identifier.clone(),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: item.ordered_quantity,
        ordered_eaches,
        accepted,
        backordered: 0,
        rejected,
        status: DecisionStatus::Acknowledged,
        rejection_reason,
        reason,
    };
    Ok(LineOutcome {
        decision,
        item: Some(ack_item),
        allocation,
        exceptions,
        hold: if hold.is_empty() {
            None
        } else {
            Some(hold.join("; "))
        },
    })
}

/// The sentence a person reads next to an allocated line.
fn explain_allocation(
    sku: &str,
    unit: UnitOfMeasure,
    amount: u64,
    accepted: u64,
    per_unit: u64,
    before: crate::stock::SkuStock,
) -> String {
    let stock_words = if before.taken > 0 {
        format!(
            "{} of {} allocatable eaches of {sku} left after earlier POs took {}",
            before.remaining(),
            before.allocatable,
            before.taken
        )
    } else {
        format!("{} allocatable eaches of {sku}", before.allocatable)
    };
    let per_unit_words = match unit {
        UnitOfMeasure::Cases => format!(" ({per_unit} per case)"),
        UnitOfMeasure::Eaches => String::new(),
    };
    if accepted == amount {
        format!(
            "accepted all {amount} {}{per_unit_words}: {stock_words}",
            unit_name(unit, amount)
        )
    } else if accepted == 0 {
        format!(
            "rejected {amount} {}{per_unit_words} as TemporarilyUnavailable: {stock_words}",
            unit_name(unit, amount)
        )
    } else {
        format!(
            "accepted {accepted} of {amount} {}{per_unit_words}, rejected {} as \
             TemporarilyUnavailable: {stock_words}",
            unit_name(unit, amount),
            amount - accepted
        )
    }
}
