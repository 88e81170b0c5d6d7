//! Structure: every reference resolves, the containers follow the declared
//! `shipmentStructure`, contents add up to each item's `shippedQuantity`, counts match.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Context;
use crate::shipment::issue::{ShipmentIssue, codes};
use crate::shipment::view::{AsnView, ContainerItemView};
use crate::spapi::orders::UnitOfMeasure;
use crate::spapi::shipments::ShipmentStructure;

/// Which containers a structure has and what they hold.
pub(crate) struct Hierarchy {
    pub pallets: bool,
    pub cartons: bool,
    /// Pallets list their items (`pallets[].items`).
    pub pallet_items: bool,
    /// Pallets list their cartons (`cartonReferenceDetails`).
    pub pallets_reference_cartons: bool,
    /// The order is above the container: a container holds one PO.
    pub one_po_per_container: bool,
    /// Standard cases: a carton holds one item.
    pub single_item_cartons: bool,
}

pub(crate) fn hierarchy(structure: ShipmentStructure) -> Hierarchy {
    use ShipmentStructure::*;
    let has = |list: &[ShipmentStructure]| list.contains(&structure);
    Hierarchy {
        pallets: has(&[
            PalletizedAssortmentCase,
            PalletOfItems,
            PalletizedStandardCase,
            MasterPallet,
        ]),
        cartons: has(&[
            PalletizedAssortmentCase,
            LooseAssortmentCase,
            PalletizedStandardCase,
            LooseStandardCase,
            MasterCase,
        ]),
        pallet_items: has(&[PalletOfItems, PalletizedStandardCase, MasterPallet]),
        pallets_reference_cartons: has(&[PalletizedAssortmentCase, PalletizedStandardCase]),
        one_po_per_container: !has(&[MasterPallet, MasterCase]),
        single_item_cartons: has(&[PalletizedStandardCase, LooseStandardCase]),
    }
}

/// Runs the structure checks; returns the purchase order of each item (from the item, or else
/// from the cartons/pallets that hold it), for the checks against the POs.
pub(crate) fn check<'a>(
    view: &AsnView<'a>,
    context: &Context,
    issues: &mut Vec<ShipmentIssue>,
) -> Vec<Option<&'a str>> {
    let items_by_sequence = index_items(view, issues);
    let item_pos = purchase_orders_of_items(view, &items_by_sequence, issues);
    check_items(view, issues);
    let cartons_by_sequence = index_cartons(view, issues);
    check_references(view, &items_by_sequence, &cartons_by_sequence, issues);
    check_hierarchy(
        view,
        &items_by_sequence,
        &item_pos,
        &cartons_by_sequence,
        context,
        issues,
    );
    check_quantities(view, &items_by_sequence, &cartons_by_sequence, issues);
    check_counts(view, issues);
    item_pos
}

/// Positions by sequence number. Hashed, not ordered: only ever looked up (several lookups per
/// container item), never iterated, so the hasher's random order cannot reach an output.
type SequenceIndex<'a> = HashMap<&'a str, usize>;

fn index_items<'a>(view: &AsnView<'a>, issues: &mut Vec<ShipmentIssue>) -> SequenceIndex<'a> {
    let mut index = SequenceIndex::with_capacity(view.items.len());
    for (i, item) in view.items.iter().enumerate() {
        if let Some(sequence) = item.sequence_number {
            // A duplicate must not hide the first item: the first occurrence is kept.
            match index.entry(sequence) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(_) => issues.push(ShipmentIssue::error(
                    codes::DUPLICATE_ITEM_SEQUENCE_NUMBER,
                    format!("/shippedItems/{i}/itemSequenceNumber"),
                    format!("item sequence number {sequence} is used by more than one item"),
                )),
            }
        }
    }
    index
}

fn index_cartons<'a>(view: &AsnView<'a>, issues: &mut Vec<ShipmentIssue>) -> SequenceIndex<'a> {
    let mut index = SequenceIndex::with_capacity(view.cartons.len());
    for (c, carton) in view.cartons.iter().enumerate() {
        if let Some(sequence) = carton.sequence_number {
            if index.contains_key(sequence) {
                issues.push(ShipmentIssue::error(
                    codes::DUPLICATE_CARTON_SEQUENCE_NUMBER,
                    format!("/cartons/{c}/cartonSequenceNumber"),
                    format!("carton sequence number {sequence} is used by more than one carton"),
                ));
            } else {
                index.insert(sequence, c);
            }
        }
    }
    index
}

/// Where a container item is: `(container list, container index, item index)`; the pointer is
/// only formatted when an issue needs it (a 6,000-item ASN is validated on every keystroke).
#[derive(Clone, Copy)]
struct At(&'static str, usize, usize);

impl At {
    fn path(self) -> String {
        format!("/{}/{}/items/{}", self.0, self.1, self.2)
    }
}

/// Every container item of the ASN with its position.
fn container_items<'v, 'a>(
    view: &'v AsnView<'a>,
) -> impl Iterator<Item = (At, &'v ContainerItemView<'a>)> {
    let in_cartons = view.cartons.iter().enumerate().flat_map(|(c, carton)| {
        carton
            .items
            .iter()
            .enumerate()
            .map(move |(k, item)| (At("cartons", c, k), item))
    });
    let on_pallets = view.pallets.iter().enumerate().flat_map(|(p, pallet)| {
        pallet
            .items
            .iter()
            .flatten()
            .enumerate()
            .map(move |(k, item)| (At("pallets", p, k), item))
    });
    in_cartons.chain(on_pallets)
}

fn purchase_orders_of_items<'a>(
    view: &AsnView<'a>,
    items_by_sequence: &SequenceIndex<'a>,
    issues: &mut Vec<ShipmentIssue>,
) -> Vec<Option<&'a str>> {
    let mut pos: Vec<Option<&'a str>> = view.items.iter().map(|i| i.purchase_order).collect();
    for (_, container_item) in container_items(view) {
        let (Some(reference), Some(po)) = (container_item.reference, container_item.purchase_order)
        else {
            continue;
        };
        if let Some(slot) = items_by_sequence
            .get(reference)
            .and_then(|&i| pos.get_mut(i))
        {
            slot.get_or_insert(po);
        }
    }
    for (i, po) in pos.iter().enumerate() {
        if po.is_none() {
            issues.push(ShipmentIssue::error(
                codes::MISSING_PURCHASE_ORDER_NUMBER,
                format!("/shippedItems/{i}/itemDetails/purchaseOrderNumber"),
                "every item needs the purchase order number it ships against",
            ));
        }
    }
    pos
}

fn check_items(view: &AsnView, issues: &mut Vec<ShipmentIssue>) {
    if view.items.is_empty() {
        issues.push(ShipmentIssue::error(
            codes::EMPTY_SHIPMENT,
            "/shippedItems",
            "the shipment lists no items",
        ));
    }
    for (i, item) in view.items.iter().enumerate() {
        if item.asin.is_none() && item.vendor_id.is_none() {
            issues.push(ShipmentIssue::error(
                codes::MISSING_PRODUCT_IDENTIFIER,
                format!("/shippedItems/{i}/amazonProductIdentifier"),
                "give the ASIN (amazonProductIdentifier) or the vendorProductIdentifier of the PO line",
            ));
        }
        quantity_checks(
            item.quantity.as_ref(),
            &format!("/shippedItems/{i}"),
            issues,
        );
    }
    for (at, container_item) in container_items(view) {
        if let Some(quantity) = container_item.quantity.as_ref() {
            if quantity.amount == 0 || quantity.unit_of_measure == Some(UnitOfMeasure::Cases) {
                quantity_checks(Some(quantity), &at.path(), issues);
            }
        }
    }
}

fn quantity_checks(
    quantity: Option<&crate::shipment::units::Quantity>,
    owner: &str,
    issues: &mut Vec<ShipmentIssue>,
) {
    let Some(quantity) = quantity else { return };
    if quantity.amount == 0 {
        issues.push(ShipmentIssue::error(
            codes::INVALID_QUANTITY,
            format!("{owner}/shippedQuantity/amount"),
            "the shipped quantity must be at least 1",
        ));
    }
    if quantity.unit_of_measure == Some(UnitOfMeasure::Cases) {
        match quantity.unit_size {
            None => issues.push(ShipmentIssue::error(
                codes::UNIT_SIZE_MISSING,
                format!("{owner}/shippedQuantity/unitSize"),
                "a quantity in Cases needs unitSize (eaches per case)",
            )),
            Some(0) => issues.push(ShipmentIssue::error(
                codes::INVALID_QUANTITY,
                format!("{owner}/shippedQuantity/unitSize"),
                "unitSize must be at least 1",
            )),
            Some(_) => {}
        }
    }
}

fn check_references(
    view: &AsnView,
    items_by_sequence: &SequenceIndex,
    cartons_by_sequence: &SequenceIndex,
    issues: &mut Vec<ShipmentIssue>,
) {
    for (at, container_item) in container_items(view) {
        if let Some(reference) = container_item.reference {
            if !items_by_sequence.contains_key(reference) {
                issues.push(ShipmentIssue::error(
                    codes::UNRESOLVED_ITEM_REFERENCE,
                    format!("{}/itemReference", at.path()),
                    format!("no shipped item has itemSequenceNumber {reference}"),
                ));
            }
        }
    }
    let mut pallet_of_carton: SequenceIndex = SequenceIndex::new();
    for (p, pallet) in view.pallets.iter().enumerate() {
        let Some(references) = &pallet.carton_references else {
            continue;
        };
        for (k, reference) in references.iter().enumerate() {
            let Some(reference) = reference else { continue };
            let path = format!("/pallets/{p}/cartonReferenceDetails/cartonReferenceNumbers/{k}");
            if !cartons_by_sequence.contains_key(reference) {
                issues.push(ShipmentIssue::error(
                    codes::UNRESOLVED_CARTON_REFERENCE,
                    path,
                    format!("no carton has cartonSequenceNumber {reference}"),
                ));
            } else if let Some(&other) = pallet_of_carton.get(reference) {
                issues.push(ShipmentIssue::error(
                    codes::CARTON_ON_SEVERAL_PALLETS,
                    path,
                    format!(
                        "carton {reference} is already on pallet {}",
                        other.saturating_add(1)
                    ),
                ));
            } else {
                pallet_of_carton.insert(reference, p);
            }
        }
        if let Some(count) = pallet.carton_count {
            if count != references.len() as u64 {
                issues.push(ShipmentIssue::error(
                    codes::COUNT_MISMATCH,
                    format!("/pallets/{p}/cartonReferenceDetails/cartonCount"),
                    format!(
                        "cartonCount says {count} but the pallet lists {} cartons",
                        references.len()
                    ),
                ));
            }
        }
    }
}

fn structure_name(structure: Option<ShipmentStructure>) -> &'static str {
    structure.map(|s| s.as_str()).unwrap_or("the shipment")
}

fn check_hierarchy(
    view: &AsnView,
    items_by_sequence: &SequenceIndex,
    item_pos: &[Option<&str>],
    cartons_by_sequence: &SequenceIndex,
    context: &Context,
    issues: &mut Vec<ShipmentIssue>,
) {
    let po_of = |reference: Option<&str>| {
        reference
            .and_then(|r| items_by_sequence.get(r))
            .and_then(|&i| item_pos.get(i).copied().flatten())
    };
    let max_pos = context.options.max_purchase_orders_per_carton as usize;
    for (c, carton) in view.cartons.iter().enumerate() {
        let pos: BTreeSet<&str> = carton
            .items
            .iter()
            .filter_map(|ci| po_of(ci.reference))
            .collect();
        if pos.len() > max_pos {
            issues.push(ShipmentIssue::error(
                codes::TOO_MANY_PURCHASE_ORDERS_IN_CARTON,
                format!("/cartons/{c}/items"),
                format!(
                    "the carton holds {} purchase orders; at most {max_pos} are allowed",
                    pos.len()
                ),
            ));
        }
    }

    let Some(structure) = view.structure else {
        if view.has("shipmentStructure") {
            return;
        }
        issues.push(ShipmentIssue::warning(
            codes::MISSING_SHIPMENT_STRUCTURE,
            "/shipmentStructure",
            "without shipmentStructure the hierarchy of pallets and cartons cannot be checked",
        ));
        return;
    };
    let rules = hierarchy(structure);
    let name = structure_name(Some(structure));
    let mismatch = |path: String, message: String| {
        ShipmentIssue::error(codes::HIERARCHY_MISMATCH, path, message)
    };
    match (rules.cartons, view.cartons.is_empty()) {
        (false, false) => issues.push(mismatch(
            "/cartons".into(),
            format!("{name} has no cartons; remove them or choose another shipmentStructure"),
        )),
        (true, true) => issues.push(mismatch(
            "/cartons".into(),
            format!("{name} needs the cartons of the shipment"),
        )),
        _ => {}
    }
    match (rules.pallets, view.pallets.is_empty()) {
        (false, false) => issues.push(mismatch(
            "/pallets".into(),
            format!("{name} has no pallets; remove them or choose another shipmentStructure"),
        )),
        (true, true) => issues.push(mismatch(
            "/pallets".into(),
            format!("{name} needs the pallets of the shipment"),
        )),
        _ => {}
    }
    for (p, pallet) in view.pallets.iter().enumerate() {
        let has_items = pallet.items.as_ref().is_some_and(|items| !items.is_empty());
        if rules.pallet_items && !has_items {
            issues.push(mismatch(
                format!("/pallets/{p}/items"),
                format!("in {name} each pallet lists the items it holds"),
            ));
        } else if !rules.pallet_items && has_items {
            issues.push(mismatch(
                format!("/pallets/{p}/items"),
                format!("in {name} items are listed in the cartons, not on the pallet"),
            ));
        }
        if rules.pallets_reference_cartons && pallet.carton_references.is_none() {
            issues.push(mismatch(
                format!("/pallets/{p}/cartonReferenceDetails"),
                format!("in {name} each pallet lists its cartons in cartonReferenceDetails"),
            ));
        }
        if rules.one_po_per_container {
            let mut pos: BTreeSet<&str> = pallet
                .items
                .iter()
                .flatten()
                .filter_map(|ci| po_of(ci.reference))
                .collect();
            for reference in pallet.carton_references.iter().flatten().flatten() {
                if let Some(carton) = cartons_by_sequence
                    .get(reference)
                    .and_then(|&c| view.cartons.get(c))
                {
                    pos.extend(carton.items.iter().filter_map(|ci| po_of(ci.reference)));
                }
            }
            if pos.len() > 1 {
                issues.push(mismatch(
                    format!("/pallets/{p}"),
                    format!(
                        "in {name} a pallet holds one purchase order, this one holds {}; use MasterPallet for mixed pallets",
                        pos.len()
                    ),
                ));
            }
        }
    }
    if rules.pallets_reference_cartons {
        let on_pallets: BTreeSet<&str> = view
            .pallets
            .iter()
            .flat_map(|p| p.carton_references.iter().flatten().flatten().copied())
            .collect();
        for (c, carton) in view.cartons.iter().enumerate() {
            if carton
                .sequence_number
                .is_some_and(|s| !on_pallets.contains(s))
            {
                issues.push(ShipmentIssue::error(
                    codes::CARTON_NOT_ON_PALLET,
                    format!("/cartons/{c}"),
                    format!("in {name} every carton is on a pallet; no pallet lists this one"),
                ));
            }
        }
    }
    for (c, carton) in view.cartons.iter().enumerate() {
        if rules.cartons && carton.items.is_empty() {
            issues.push(ShipmentIssue::error(
                codes::EMPTY_CONTAINER,
                format!("/cartons/{c}/items"),
                "the carton lists no items",
            ));
        }
        if rules.one_po_per_container {
            let pos: BTreeSet<&str> = carton
                .items
                .iter()
                .filter_map(|ci| po_of(ci.reference))
                .collect();
            if pos.len() > 1 {
                issues.push(mismatch(
                    format!("/cartons/{c}/items"),
                    format!("in {name} a carton holds one purchase order; use MasterCase for cartons with several"),
                ));
            }
        }
        if rules.single_item_cartons {
            let references: BTreeSet<&str> =
                carton.items.iter().filter_map(|ci| ci.reference).collect();
            if references.len() > 1 {
                issues.push(mismatch(
                    format!("/cartons/{c}/items"),
                    format!("in {name} a carton (standard case) holds one item; use an assortment structure for mixed cartons"),
                ));
            }
        }
    }
}

/// Contents add up: per item, the container level that holds items sums to `shippedQuantity`,
/// compared in eaches (a container quantity in Cases without unitSize takes the item's).
fn check_quantities(
    view: &AsnView,
    items_by_sequence: &SequenceIndex,
    cartons_by_sequence: &SequenceIndex,
    issues: &mut Vec<ShipmentIssue>,
) {
    let item_unit_size = |reference: &str| {
        items_by_sequence
            .get(reference)
            .and_then(|&i| view.items.get(i))
            .and_then(|item| item.quantity)
            .and_then(|q| q.effective_unit_size(None))
    };
    let eaches_of = |ci: &ContainerItemView| -> Option<(usize, u64)> {
        let reference = ci.reference?;
        let &i = items_by_sequence.get(reference)?;
        Some((i, ci.quantity?.eaches(item_unit_size(reference))?))
    };
    let (check_cartons, check_pallets) = match view.structure {
        Some(structure) => {
            let rules = hierarchy(structure);
            (rules.cartons, rules.pallet_items)
        }
        None => (
            view.cartons.iter().any(|c| !c.items.is_empty()),
            view.pallets
                .iter()
                .any(|p| p.items.as_ref().is_some_and(|i| !i.is_empty())),
        ),
    };
    let mut levels: Vec<(&str, Vec<u64>)> = Vec::new();
    if check_cartons {
        let mut sums = vec![0u64; view.items.len()];
        for carton in &view.cartons {
            for (i, eaches) in carton.items.iter().filter_map(eaches_of) {
                if let Some(sum) = sums.get_mut(i) {
                    *sum = sum.saturating_add(eaches);
                }
            }
        }
        levels.push(("the cartons hold", sums));
    }
    if check_pallets {
        let mut sums = vec![0u64; view.items.len()];
        for pallet in &view.pallets {
            for (i, eaches) in pallet.items.iter().flatten().filter_map(eaches_of) {
                if let Some(sum) = sums.get_mut(i) {
                    *sum = sum.saturating_add(eaches);
                }
            }
        }
        levels.push(("the pallets hold", sums));
    }
    for (i, item) in view.items.iter().enumerate() {
        let Some(shipped) = item.quantity.and_then(|q| q.eaches(None)) else {
            continue;
        };
        for (what, sums) in &levels {
            let held = sums.get(i).copied().unwrap_or(0);
            if held != shipped {
                issues.push(
                    ShipmentIssue::error(
                        codes::QUANTITY_MISMATCH,
                        format!("/shippedItems/{i}/shippedQuantity/amount"),
                        format!("the item ships {shipped} eaches but {what} {held}"),
                    )
                    .po(item.purchase_order),
                );
            }
        }
    }
    // Standard cases on pallets: each pallet's item quantity equals its cartons' contents.
    if view.structure == Some(ShipmentStructure::PalletizedStandardCase) {
        for (p, pallet) in view.pallets.iter().enumerate() {
            let mut in_cartons: BTreeMap<usize, u64> = BTreeMap::new();
            for reference in pallet.carton_references.iter().flatten().flatten() {
                let carton = cartons_by_sequence
                    .get(reference)
                    .and_then(|&c| view.cartons.get(c));
                for (i, eaches) in carton
                    .into_iter()
                    .flat_map(|c| c.items.iter().filter_map(eaches_of))
                {
                    let sum = in_cartons.entry(i).or_insert(0);
                    *sum = sum.saturating_add(eaches);
                }
            }
            for (k, ci) in pallet.items.iter().flatten().enumerate() {
                if let Some((i, eaches)) = eaches_of(ci) {
                    let held = in_cartons.get(&i).copied().unwrap_or(0);
                    if held != eaches {
                        issues.push(ShipmentIssue::error(
                            codes::QUANTITY_MISMATCH,
                            format!("/pallets/{p}/items/{k}/shippedQuantity/amount"),
                            format!("the pallet lists {eaches} eaches of item {} but its cartons hold {held}", ci.reference.unwrap_or("?")),
                        ));
                    }
                }
            }
        }
    }
}

fn check_counts(view: &AsnView, issues: &mut Vec<ShipmentIssue>) {
    let counts = [
        (
            "cartonCount",
            "cartons",
            view.carton_count,
            view.cartons.len(),
        ),
        (
            "palletCount",
            "pallets",
            view.pallet_count,
            view.pallets.len(),
        ),
    ];
    for (field, what, declared, actual) in counts {
        if actual == 0 {
            continue;
        }
        let path = format!("/shipmentMeasurements/{field}");
        match declared {
            Some(declared) if declared != actual as u64 => issues.push(ShipmentIssue::error(
                codes::COUNT_MISMATCH,
                path,
                format!("{field} says {declared} but the shipment lists {actual} {what}"),
            )),
            Some(_) => {}
            None => issues.push(ShipmentIssue::warning(
                codes::MISSING_COUNT,
                path,
                format!("give {field} ({actual}): Amazon uses it to plan receiving"),
            )),
        }
    }
}
