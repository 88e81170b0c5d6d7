//! `diffPurchaseOrder`: what Amazon changed between two versions of a PO, as a list of
//! absolute, keyed changes (applying it twice equals applying it once) and the
//! re-acknowledgement the change requires.
//!
//! Fields are compared through their wire form (Amazon's field names and spellings), so every
//! field of the model is covered, including ones no rule here interprets; applying the changes
//! to `previous` gives back `current` exactly ([`apply_changes`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::error::SalesOrderError;
use super::input::DiffPurchaseOrderInput;
use super::output::{
    CancelledLine, ChangeKind, DiffPurchaseOrderOutput, PoChange, Reacknowledgement,
    ReacknowledgementLine, ReacknowledgementReason,
};
use crate::spapi::orders::{ItemQuantity, Order, OrderDetails, OrderItem, PurchaseOrderState};
use crate::time::parse_interval;

/// The pseudo-field of a whole line (added or removed).
const WHOLE_LINE: &str = "item";
/// The pseudo-field of the line order.
const LINE_ORDER: &str = "items";
/// The one header field that lives on `Order` rather than `OrderDetails`.
const STATE: &str = "purchaseOrderState";

/// Compares two versions of one PO.
pub fn diff_purchase_order(
    input: DiffPurchaseOrderInput,
) -> Result<DiffPurchaseOrderOutput, SalesOrderError> {
    let previous = &input.previous;
    let current = &input.current;
    if previous.purchase_order_number != current.purchase_order_number {
        return Err(SalesOrderError::PurchaseOrderMismatch {
            path: "/current/purchaseOrderNumber".to_string(),
            previous: previous.purchase_order_number.clone(),
            current: current.purchase_order_number.clone(),
        });
    }
    let previous_details = details_of(previous, "/previous")?;
    let current_details = details_of(current, "/current")?;
    let previous_lines = index_lines(previous_details, "/previous")?;
    let current_lines = index_lines(current_details, "/current")?;

    let mut changes = header_changes(previous, current)?;
    changes.extend(line_changes(
        previous_details,
        current_details,
        &previous_lines,
        &current_lines,
    )?);
    let reacknowledgement = reacknowledgement(
        current,
        previous_details,
        current_details,
        &previous_lines,
        &changes,
    );
    Ok(DiffPurchaseOrderOutput {
        purchase_order_number: current.purchase_order_number.clone(),
        changed: !changes.is_empty(),
        changes,
        reacknowledgement,
    })
}

fn details_of<'a>(order: &'a Order, base: &str) -> Result<&'a OrderDetails, SalesOrderError> {
    order
        .order_details
        .as_ref()
        .ok_or_else(|| SalesOrderError::OrderDetailsMissing {
            path: format!("{base}/orderDetails"),
        })
}

/// Lines by sequence number, refusing duplicates (lines are matched by it).
fn index_lines<'a>(
    details: &'a OrderDetails,
    base: &str,
) -> Result<BTreeMap<&'a str, &'a OrderItem>, SalesOrderError> {
    let mut lines = BTreeMap::new();
    for (j, item) in details.items.iter().enumerate() {
        if lines
            .insert(item.item_sequence_number.as_str(), item)
            .is_some()
        {
            return Err(SalesOrderError::DuplicateLine {
                path: format!("{base}/orderDetails/items/{j}/itemSequenceNumber"),
                sequence: item.item_sequence_number.clone(),
            });
        }
    }
    Ok(lines)
}

/// The wire form of a value as a JSON object (empty if it is not one).
fn object_of<T: serde::Serialize>(value: &T) -> Result<Map<String, Value>, SalesOrderError> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Ok(Map::new()),
        Err(e) => Err(SalesOrderError::InvalidChange {
            path: String::new(),
            message: e.to_string(),
        }),
    }
}

/// A value for a sentence: strings bare, anything else as compact JSON; absent as "(none)".
fn words(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_string(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

fn quantity_words(quantity: &ItemQuantity) -> String {
    let unit = quantity
        .unit_of_measure
        .map(|u| u.as_str())
        .unwrap_or("Eaches");
    match quantity.unit_size {
        Some(size) if unit == "Cases" => format!("{} Cases of {size}", quantity.amount),
        _ => format!("{} {unit}", quantity.amount),
    }
}

fn party_id(value: Option<&Value>) -> Option<&str> {
    value.and_then(|v| v.get("partyId")).and_then(Value::as_str)
}

fn header_changes(previous: &Order, current: &Order) -> Result<Vec<PoChange>, SalesOrderError> {
    let mut changes = Vec::new();
    if previous.purchase_order_state != current.purchase_order_state {
        let from = previous.purchase_order_state.map(|s| s.as_str());
        let to = current.purchase_order_state.map(|s| s.as_str());
        changes.push(PoChange {
            kind: ChangeKind::StateChanged,
            item_sequence_number: None,
            field: STATE.to_string(),
            from: from.map(Value::from),
            to: to.map(Value::from),
            description: format!(
                "PO state {} → {}",
                from.unwrap_or("(none)"),
                to.unwrap_or("(none)")
            ),
        });
    }
    let mut before = object_of(&previous.order_details)?;
    let mut after = object_of(&current.order_details)?;
    before.remove(LINE_ORDER);
    after.remove(LINE_ORDER);
    let fields: BTreeSet<String> = before.keys().chain(after.keys()).cloned().collect();
    for field in fields {
        let (from, to) = (before.get(&field), after.get(&field));
        if from == to {
            continue;
        }
        let (kind, label) = match field.as_str() {
            "shipWindow" => (ChangeKind::ShipWindowChanged, "ship window"),
            "deliveryWindow" => (ChangeKind::DeliveryWindowChanged, "delivery window"),
            "purchaseOrderType" => (ChangeKind::PurchaseOrderTypeChanged, "PO type"),
            "shipToParty" if party_id(from) != party_id(to) => {
                (ChangeKind::FulfillmentCenterChanged, "fulfilment centre")
            }
            other => (ChangeKind::HeaderFieldChanged, other),
        };
        let description = if kind == ChangeKind::FulfillmentCenterChanged {
            format!(
                "{label} {} → {}",
                party_id(from).unwrap_or("(none)"),
                party_id(to).unwrap_or("(none)")
            )
        } else {
            format!("{label} {} → {}", words(from), words(to))
        };
        changes.push(PoChange {
            kind,
            item_sequence_number: None,
            field,
            from: from.cloned(),
            to: to.cloned(),
            description,
        });
    }
    Ok(changes)
}

fn line_changes(
    previous: &OrderDetails,
    current: &OrderDetails,
    previous_lines: &BTreeMap<&str, &OrderItem>,
    current_lines: &BTreeMap<&str, &OrderItem>,
) -> Result<Vec<PoChange>, SalesOrderError> {
    let mut changes = Vec::new();
    for item in &previous.items {
        let sequence = item.item_sequence_number.as_str();
        if !current_lines.contains_key(sequence) {
            changes.push(PoChange {
                kind: ChangeKind::LineRemoved,
                item_sequence_number: Some(sequence.to_string()),
                field: WHOLE_LINE.to_string(),
                from: Some(Value::Object(object_of(item)?)),
                to: None,
                description: format!(
                    "line {sequence} removed (was {})",
                    quantity_words(&item.ordered_quantity)
                ),
            });
        }
    }
    for item in &current.items {
        let sequence = item.item_sequence_number.as_str();
        let Some(before) = previous_lines.get(sequence) else {
            changes.push(PoChange {
                kind: ChangeKind::LineAdded,
                item_sequence_number: Some(sequence.to_string()),
                field: WHOLE_LINE.to_string(),
                from: None,
                to: Some(Value::Object(object_of(item)?)),
                description: format!(
                    "line {sequence} added: {}",
                    quantity_words(&item.ordered_quantity)
                ),
            });
            continue;
        };
        let from_fields = object_of(*before)?;
        let to_fields = object_of(item)?;
        let fields: BTreeSet<&String> = from_fields.keys().chain(to_fields.keys()).collect();
        for field in fields {
            let (from, to) = (from_fields.get(field), to_fields.get(field));
            if from == to {
                continue;
            }
            let (was, now) = (before.ordered_quantity.amount, item.ordered_quantity.amount);
            let (kind, description) = match field.as_str() {
                "orderedQuantity" => {
                    let kind = match (was, now) {
                        (1.., 0) => ChangeKind::LineCancelled,
                        (0, 1..) => ChangeKind::LineUncancelled,
                        _ => ChangeKind::QuantityChanged,
                    };
                    let text = format!(
                        "line {sequence}: ordered {} → {}",
                        quantity_words(&before.ordered_quantity),
                        quantity_words(&item.ordered_quantity)
                    );
                    (kind, text)
                }
                "netCost" => (
                    ChangeKind::CostChanged,
                    format!("line {sequence}: net cost {} → {}", words(from), words(to)),
                ),
                "listPrice" => (
                    ChangeKind::ListPriceChanged,
                    format!(
                        "line {sequence}: list price {} → {}",
                        words(from),
                        words(to)
                    ),
                ),
                other => (
                    ChangeKind::LineFieldChanged,
                    format!("line {sequence}: {other} {} → {}", words(from), words(to)),
                ),
            };
            changes.push(PoChange {
                kind,
                item_sequence_number: Some(sequence.to_string()),
                field: field.clone(),
                from: from.cloned(),
                to: to.cloned(),
                description,
            });
        }
    }
    // Removing lines and appending added ones keeps the previous order; say so when Amazon's
    // order differs from that, so the changes reproduce `current` exactly.
    let expected: Vec<&str> = previous
        .items
        .iter()
        .map(|i| i.item_sequence_number.as_str())
        .filter(|s| current_lines.contains_key(s))
        .chain(
            current
                .items
                .iter()
                .map(|i| i.item_sequence_number.as_str())
                .filter(|s| !previous_lines.contains_key(s)),
        )
        .collect();
    let actual: Vec<&str> = current
        .items
        .iter()
        .map(|i| i.item_sequence_number.as_str())
        .collect();
    if expected != actual {
        changes.push(PoChange {
            kind: ChangeKind::LinesReordered,
            item_sequence_number: None,
            field: LINE_ORDER.to_string(),
            from: Some(Value::from(
                previous
                    .items
                    .iter()
                    .map(|i| i.item_sequence_number.clone())
                    .collect::<Vec<_>>(),
            )),
            to: Some(Value::from(
                actual.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            )),
            description: format!("lines now in the order {}", actual.join(", ")),
        });
    }
    Ok(changes)
}

fn reacknowledgement(
    current: &Order,
    previous_details: &OrderDetails,
    current_details: &OrderDetails,
    previous_lines: &BTreeMap<&str, &OrderItem>,
    changes: &[PoChange],
) -> Reacknowledgement {
    // Window and fulfilment-centre changes concern every line acknowledged before. A window
    // spelled differently but covering the same instants is no change to acknowledge.
    let same_window = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => match (parse_interval(a), parse_interval(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => a == b,
        },
        _ => a == b,
    };
    let header_reasons: Vec<ReacknowledgementReason> = changes
        .iter()
        .filter_map(|change| match change.kind {
            ChangeKind::ShipWindowChanged
                if !same_window(&previous_details.ship_window, &current_details.ship_window) =>
            {
                Some(ReacknowledgementReason::ShipWindowChanged)
            }
            ChangeKind::DeliveryWindowChanged
                if !same_window(
                    &previous_details.delivery_window,
                    &current_details.delivery_window,
                ) =>
            {
                Some(ReacknowledgementReason::DeliveryWindowChanged)
            }
            ChangeKind::FulfillmentCenterChanged => {
                Some(ReacknowledgementReason::FulfillmentCenterChanged)
            }
            _ => None,
        })
        .collect();

    let mut lines = Vec::new();
    for item in &current_details.items {
        if item.ordered_quantity.amount == 0 {
            continue;
        }
        let before = previous_lines.get(item.item_sequence_number.as_str());
        let mut reasons = Vec::new();
        match before {
            None => reasons.push(ReacknowledgementReason::LineAdded),
            Some(before) => {
                if before.ordered_quantity.amount == 0 {
                    reasons.push(ReacknowledgementReason::LineUncancelled);
                } else if before.ordered_quantity != item.ordered_quantity {
                    reasons.push(ReacknowledgementReason::QuantityChanged);
                }
                if before.net_cost != item.net_cost {
                    reasons.push(ReacknowledgementReason::CostChanged);
                }
                if before.amazon_product_identifier != item.amazon_product_identifier
                    || before.vendor_product_identifier != item.vendor_product_identifier
                {
                    reasons.push(ReacknowledgementReason::ProductChanged);
                }
                if before.is_back_order_allowed != item.is_back_order_allowed {
                    reasons.push(ReacknowledgementReason::BackOrderAllowanceChanged);
                }
            }
        }
        // A line never acknowledged (new, or back from cancellation) is acknowledged for the
        // first time anyway; header changes add nothing to it.
        let first_time = reasons.iter().any(|r| {
            matches!(
                r,
                ReacknowledgementReason::LineAdded | ReacknowledgementReason::LineUncancelled
            )
        });
        if !first_time {
            reasons.extend(header_reasons.iter().copied());
        }
        if reasons.is_empty() {
            continue;
        }
        let description = describe_reasons(item, before.copied(), &reasons, changes);
        lines.push(ReacknowledgementLine {
            item_sequence_number: item.item_sequence_number.clone(),
            reasons,
            previous_ordered_quantity: before.map(|b| b.ordered_quantity),
            ordered_quantity: item.ordered_quantity,
            previous_net_cost: before.and_then(|b| b.net_cost.clone()),
            net_cost: item.net_cost.clone(),
            description,
        });
    }

    let current_by_sequence: BTreeMap<&str, &OrderItem> = current_details
        .items
        .iter()
        .map(|i| (i.item_sequence_number.as_str(), i))
        .collect();
    let cancelled_lines = previous_details
        .items
        .iter()
        .filter(|item| item.ordered_quantity.amount > 0)
        .filter_map(|item| {
            let now = current_by_sequence.get(item.item_sequence_number.as_str());
            let removed = now.is_none();
            let cancelled = now.is_some_and(|n| n.ordered_quantity.amount == 0);
            (removed || cancelled).then(|| CancelledLine {
                item_sequence_number: item.item_sequence_number.clone(),
                previous_ordered_quantity: item.ordered_quantity,
                removed,
            })
        })
        .collect();

    let closed = current.purchase_order_state == Some(PurchaseOrderState::Closed);
    let (required, lines, note) = if closed {
        (
            false,
            Vec::new(),
            "the PO is Closed: nothing to acknowledge; release any stock still reserved for it"
                .to_string(),
        )
    } else if lines.is_empty() {
        (
            false,
            lines,
            "no change affects what was acknowledged (quantities, costs, windows, fulfilment \
             centre and products are unchanged for every open line)"
                .to_string(),
        )
    } else {
        (
            true,
            lines,
            "acknowledge the listed lines again: a new acknowledgement for a line replaces the \
             earlier one; quantity and price changes are accepted within 48 hours, later only \
             date updates; a line once rejected stays rejected"
                .to_string(),
        )
    };
    Reacknowledgement {
        required,
        changed_at: current_details.purchase_order_changed_date.clone(),
        lines,
        cancelled_lines,
        note,
    }
}

fn describe_reasons(
    item: &OrderItem,
    before: Option<&OrderItem>,
    reasons: &[ReacknowledgementReason],
    changes: &[PoChange],
) -> String {
    let sequence = item.item_sequence_number.as_str();
    let header = |kind: ChangeKind| {
        changes
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| c.description.clone())
            .unwrap_or_default()
    };
    let parts: Vec<String> = reasons
        .iter()
        .map(|reason| match reason {
            ReacknowledgementReason::LineAdded => {
                format!("new line: {}", quantity_words(&item.ordered_quantity))
            }
            ReacknowledgementReason::LineUncancelled => format!(
                "line reinstated: {}",
                quantity_words(&item.ordered_quantity)
            ),
            ReacknowledgementReason::QuantityChanged => format!(
                "ordered {} → {}",
                before
                    .map(|b| quantity_words(&b.ordered_quantity))
                    .unwrap_or_default(),
                quantity_words(&item.ordered_quantity)
            ),
            ReacknowledgementReason::CostChanged => {
                let cost = |i: Option<&OrderItem>| {
                    i.and_then(|i| i.net_cost.as_ref())
                        .and_then(|m| m.amount)
                        .map(|a| a.to_string())
                        .unwrap_or_else(|| "(none)".to_string())
                };
                format!("net cost {} → {}", cost(before), cost(Some(item)))
            }
            ReacknowledgementReason::ShipWindowChanged => header(ChangeKind::ShipWindowChanged),
            ReacknowledgementReason::DeliveryWindowChanged => {
                header(ChangeKind::DeliveryWindowChanged)
            }
            ReacknowledgementReason::FulfillmentCenterChanged => {
                header(ChangeKind::FulfillmentCenterChanged)
            }
            ReacknowledgementReason::ProductChanged => "product identifier changed".to_string(),
            ReacknowledgementReason::BackOrderAllowanceChanged => format!(
                "backorders now {}",
                if item.is_back_order_allowed {
                    "allowed"
                } else {
                    "not allowed"
                }
            ),
        })
        .collect();
    format!("line {sequence}: {}", parts.join("; "))
}

/// Applies a change list to a PO: header fields set or removed, lines replaced, added, removed
/// or changed by `itemSequenceNumber`, the line order set. Every change is absolute, so applying
/// a list twice gives the same PO as applying it once; applying `diffPurchaseOrder(previous,
/// current).changes` to `previous` gives `current`.
pub fn apply_changes(previous: &Order, changes: &[PoChange]) -> Result<Order, SalesOrderError> {
    let mut order = object_of(previous)?;
    for (i, change) in changes.iter().enumerate() {
        let path = format!("/changes/{i}");
        let invalid = |message: &str| SalesOrderError::InvalidChange {
            path: path.clone(),
            message: message.to_string(),
        };
        let to = change.to.clone().filter(|v| !v.is_null());
        if change.item_sequence_number.is_none() && change.field == STATE {
            set_or_remove(&mut order, STATE, to);
            continue;
        }
        let details = order
            .get_mut("orderDetails")
            .and_then(Value::as_object_mut)
            .ok_or_else(|| invalid("the PO has no orderDetails"))?;
        let Some(sequence) = change.item_sequence_number.as_deref() else {
            if change.field == LINE_ORDER {
                let wanted: Vec<String> = to
                    .as_ref()
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect()
                    })
                    .ok_or_else(|| invalid("a line order must be a list of sequence numbers"))?;
                let items = items_of(details).ok_or_else(|| invalid("items is not a list"))?;
                reorder(items, &wanted);
            } else {
                set_or_remove(details, &change.field, to);
            }
            continue;
        };
        let items = items_of(details).ok_or_else(|| invalid("items is not a list"))?;
        let position = items.iter().position(|line| {
            line.get("itemSequenceNumber").and_then(Value::as_str) == Some(sequence)
        });
        if change.field == WHOLE_LINE {
            match (to, position) {
                (Some(line), Some(at)) => {
                    if let Some(slot) = items.get_mut(at) {
                        *slot = line;
                    }
                }
                (Some(line), None) => items.push(line),
                (None, Some(at)) => {
                    items.remove(at);
                }
                (None, None) => {}
            }
            continue;
        }
        let line = position
            .and_then(|at| items.get_mut(at))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| invalid(&format!("no line {sequence} to change")))?;
        set_or_remove(line, &change.field, to);
    }
    serde_json::from_value(Value::Object(order)).map_err(|e| SalesOrderError::InvalidChange {
        path: "/changes".to_string(),
        message: e.to_string(),
    })
}

fn set_or_remove(object: &mut Map<String, Value>, field: &str, value: Option<Value>) {
    match value {
        Some(value) => {
            object.insert(field.to_string(), value);
        }
        None => {
            object.remove(field);
        }
    }
}

/// The `items` array of `orderDetails` (created empty when absent); `None` if it is not a list.
fn items_of(details: &mut Map<String, Value>) -> Option<&mut Vec<Value>> {
    details
        .entry(LINE_ORDER.to_string())
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
}

/// Puts the listed lines first, in the listed order; unlisted lines keep their order after them.
fn reorder(items: &mut [Value], wanted: &[String]) {
    let rank = |line: &Value| {
        let sequence = line.get("itemSequenceNumber").and_then(Value::as_str);
        wanted
            .iter()
            .position(|w| Some(w.as_str()) == sequence)
            .unwrap_or(usize::MAX)
    };
    items.sort_by_key(rank);
}
