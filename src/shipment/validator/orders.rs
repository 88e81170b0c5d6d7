//! Against the purchase orders and acknowledgements: only acknowledged lines ship, never more
//! than confirmed (cumulatively over earlier ASNs), in the PO's unit of measure, to the PO's
//! fulfilment centre.

use std::collections::{BTreeMap, BTreeSet};

use super::Context;
use super::context::normalise_sequence;
use crate::shipment::issue::{ShipmentIssue, codes};
use crate::shipment::view::{AsnView, ItemView};
use crate::spapi::orders::{OrderItem, UnitOfMeasure};

/// Where one ASN item's quantity counts: a PO line (by sequence number when known).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct LineKey {
    po: String,
    line: String,
}

/// What the quantity of a line may not exceed, and why.
struct Limit {
    eaches: u64,
    what: &'static str,
}

pub(crate) fn check(
    view: &AsnView,
    item_pos: &[Option<&str>],
    context: &Context,
    previous: &[AsnView],
    issues: &mut Vec<ShipmentIssue>,
) {
    if context.orders.is_none() && context.acknowledgements.is_none() {
        return;
    }
    check_parties(view, item_pos, context, issues);

    // Quantities of earlier ASNs (other identifiers: a Replace supersedes its own original).
    let mut shipped_before: BTreeMap<LineKey, u64> = BTreeMap::new();
    for asn in previous.iter().filter(|p| p.identifier != view.identifier) {
        for item in &asn.items {
            let Some(po) = item.purchase_order else {
                continue;
            };
            let key = resolve(po, item, context).key;
            let po_unit_size = context
                .po_line(po, item.asin, item.vendor_id)
                .and_then(|l| l.ordered_quantity.unit_size);
            if let Some(eaches) = item.quantity.and_then(|q| q.eaches(po_unit_size)) {
                let sum = shipped_before.entry(key).or_insert(0);
                *sum = sum.saturating_add(eaches);
            }
        }
    }

    let mut groups: BTreeMap<LineKey, (usize, u64, Option<Limit>)> = BTreeMap::new();
    for (i, item) in view.items.iter().enumerate() {
        let Some(po) = item_pos.get(i).copied().flatten() else {
            continue;
        };
        let item_path = format!("/shippedItems/{i}");
        if let Some(orders) = &context.orders {
            if !orders.contains_key(po) {
                issues.push(
                    ShipmentIssue::error(
                        codes::UNKNOWN_PURCHASE_ORDER,
                        format!("{item_path}/itemDetails/purchaseOrderNumber"),
                        format!("purchase order {po} is not among the purchase orders given"),
                    )
                    .po(Some(po)),
                );
                continue;
            }
        }
        let Resolution {
            key,
            po_line,
            limit,
            acknowledged,
        } = resolve(po, item, context);
        if context.orders.is_some() && po_line.is_none() {
            issues.push(
                ShipmentIssue::error(
                    codes::ITEM_NOT_ON_PURCHASE_ORDER,
                    identifier_path(&item_path, item),
                    format!("purchase order {po} has no line for this product"),
                )
                .po(Some(po)),
            );
            continue;
        }
        if acknowledged == Some(false) {
            issues.push(
                ShipmentIssue::error(
                    codes::NOT_ACKNOWLEDGED,
                    identifier_path(&item_path, item),
                    format!("this line of purchase order {po} was not accepted or backordered in any acknowledgement; it must not ship"),
                )
                .po(Some(po)),
            );
            continue;
        }
        if let (Some(line), Some(quantity)) = (po_line, item.quantity) {
            check_unit_of_measure(line, quantity, &item_path, po, issues);
        }
        let unit_size = po_line.and_then(|l| l.ordered_quantity.unit_size);
        let Some(eaches) = item.quantity.and_then(|q| q.eaches(unit_size)) else {
            continue;
        };
        let group = groups.entry(key).or_insert((i, 0, limit));
        group.1 = group.1.saturating_add(eaches);
    }

    for (key, (first_item, shipped_now, limit)) in groups {
        let Some(limit) = limit else { continue };
        let before = shipped_before.get(&key).copied().unwrap_or(0);
        let total = shipped_now.saturating_add(before);
        if total > limit.eaches {
            let history = if before > 0 {
                format!(" (with {before} shipped in earlier ASNs)")
            } else {
                String::new()
            };
            issues.push(
                ShipmentIssue::error(
                    codes::OVERAGE,
                    format!("/shippedItems/{first_item}/shippedQuantity/amount"),
                    format!(
                        "{total} eaches shipped{history} but {} {} on purchase order {}: {} too many",
                        limit.eaches,
                        limit.what,
                        key.po,
                        total.saturating_sub(limit.eaches)
                    ),
                )
                .po(Some(&key.po)),
            );
        }
    }
}

fn identifier_path(item_path: &str, item: &ItemView) -> String {
    if item.asin.is_some() {
        format!("{item_path}/amazonProductIdentifier")
    } else {
        format!("{item_path}/vendorProductIdentifier")
    }
}

/// The line an ASN item ships against.
struct Resolution<'c> {
    key: LineKey,
    po_line: Option<&'c OrderItem>,
    /// Accepted + Backordered when acknowledgements were given, else the ordered quantity.
    limit: Option<Limit>,
    /// With acknowledgements: whether the line has any accepted or backordered quantity.
    acknowledged: Option<bool>,
}

fn resolve<'c>(po: &str, item: &ItemView, context: &Context<'c>) -> Resolution<'c> {
    let po_line = context.po_line(po, item.asin, item.vendor_id);
    let sequence = po_line.map(|l| normalise_sequence(&l.item_sequence_number));
    let ack_line = context.acknowledgements.as_ref().and_then(|acks| {
        let po_lines = acks.get(po)?;
        if let Some(&i) = sequence.as_ref().and_then(|s| po_lines.by_sequence.get(s)) {
            return po_lines.lines.get(i);
        }
        po_lines
            .lines
            .iter()
            .find(|line| match (&sequence, &line.sequence_number) {
                (Some(a), Some(b)) => a == b,
                _ => context.same_product((item.asin, item.vendor_id), (line.asin, line.vendor_id)),
            })
    });
    let line = sequence
        .clone()
        .or_else(|| ack_line.and_then(|l| l.sequence_number.clone()))
        .unwrap_or_else(|| {
            let product = context
                .catalog
                .resolve_ids(item.asin, item.vendor_id)
                .map(|m| m.sku.as_str())
                .or(item.asin)
                .or(item.vendor_id)
                .unwrap_or("");
            format!("product {product}")
        });
    let limit = match ack_line {
        Some(ack) => ack.confirmed_eaches.map(|eaches| Limit {
            eaches,
            what: "were accepted or backordered",
        }),
        None => po_line
            .and_then(|l| {
                let ordered = crate::shipment::units::Quantity {
                    amount: l.ordered_quantity.amount,
                    unit_of_measure: l.ordered_quantity.unit_of_measure,
                    unit_size: l.ordered_quantity.unit_size,
                };
                ordered.eaches(None)
            })
            .map(|eaches| Limit {
                eaches,
                what: "ordered",
            }),
    };
    let acknowledged = context
        .acknowledgements
        .as_ref()
        .map(|_| ack_line.is_some_and(|ack| ack.confirmed_eaches != Some(0)));
    Resolution {
        key: LineKey {
            po: po.to_string(),
            line,
        },
        po_line,
        limit,
        acknowledged,
    }
}

/// The ASN states quantities in the PO's unit: "2 Cases of 8" must not become "16 Eaches".
fn check_unit_of_measure(
    line: &OrderItem,
    quantity: crate::shipment::units::Quantity,
    item_path: &str,
    po: &str,
    issues: &mut Vec<ShipmentIssue>,
) {
    let ordered_unit = line
        .ordered_quantity
        .unit_of_measure
        .unwrap_or(UnitOfMeasure::Eaches);
    let shipped_unit = quantity.unit_of_measure.unwrap_or(UnitOfMeasure::Eaches);
    let describe = |unit: UnitOfMeasure, size: Option<u64>| match (unit, size) {
        (UnitOfMeasure::Cases, Some(size)) => format!("Cases of {size}"),
        (unit, _) => unit.as_str().to_string(),
    };
    let ordered = describe(ordered_unit, line.ordered_quantity.unit_size);
    let shipped = describe(shipped_unit, quantity.unit_size);
    let unit_differs = ordered_unit != shipped_unit;
    let size_differs = ordered_unit == UnitOfMeasure::Cases
        && matches!((line.ordered_quantity.unit_size, quantity.unit_size), (Some(a), Some(b)) if a != b);
    if unit_differs || size_differs {
        let field = if unit_differs {
            "unitOfMeasure"
        } else {
            "unitSize"
        };
        issues.push(
            ShipmentIssue::error(
                codes::UNIT_OF_MEASURE_MISMATCH,
                format!("{item_path}/shippedQuantity/{field}"),
                format!("purchase order {po} ordered in {ordered}; state the shipped quantity in {ordered}, not {shipped}"),
            )
            .po(Some(po)),
        );
    }
}

/// One fulfilment centre per ASN, the PO's; the vendor code of the PO; the Amazon reference
/// number when Amazon collects the freight (a PO with a ship window and no delivery window).
fn check_parties(
    view: &AsnView,
    item_pos: &[Option<&str>],
    context: &Context,
    issues: &mut Vec<ShipmentIssue>,
) {
    let Some(orders) = &context.orders else {
        return;
    };
    let pos: BTreeSet<&str> = item_pos.iter().flatten().copied().collect();
    let mut amazon_collects = None;
    for po in pos {
        let Some(details) = orders.get(po).and_then(|o| o.order_details.as_ref()) else {
            continue;
        };
        let po_ship_to = details.ship_to_party.as_ref().map(|p| p.party_id.trim());
        if let (Some(expected), Some(actual)) = (po_ship_to, view.ship_to_party) {
            if expected != actual {
                issues.push(
                    ShipmentIssue::error(
                        codes::SHIP_TO_MISMATCH,
                        "/shipToParty/partyId",
                        format!("purchase order {po} ships to {expected}, not {actual}: one ASN goes to one fulfilment centre, the PO's"),
                    )
                    .po(Some(po)),
                );
            }
        }
        let po_vendor = details.selling_party.as_ref().map(|p| p.party_id.trim());
        if let (Some(expected), Some(actual)) = (po_vendor, view.selling_party) {
            if expected != actual {
                issues.push(
                    ShipmentIssue::warning(
                        codes::SELLING_PARTY_MISMATCH,
                        "/sellingParty/partyId",
                        format!("purchase order {po} was placed with vendor code {expected}, not {actual}"),
                    )
                    .po(Some(po)),
                );
            }
        }
        if details.ship_window.is_some() && details.delivery_window.is_none() {
            amazon_collects.get_or_insert(po);
        }
    }
    if let (Some(po), None) = (amazon_collects, view.amazon_reference_number) {
        issues.push(
            ShipmentIssue::error(
                codes::MISSING_AMAZON_REFERENCE_NUMBER,
                "/amazonReferenceNumber",
                format!("Amazon collects purchase order {po} (it has a ship window): give the Amazon reference number from the routing request"),
            )
            .po(Some(po)),
        );
    }
}
