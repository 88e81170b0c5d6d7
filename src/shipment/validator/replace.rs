//! The shipment identifier's life: an `Original` never reuses one (365 days); a `Replace` keeps
//! the original's identifier and vendor code, comes within 7 days, and only reduces pallets,
//! cartons and quantities (RP guide, "Shipment Confirmation - Replace").

use std::collections::BTreeMap;

use super::Context;
use crate::shipment::issue::{ShipmentIssue, codes};
use crate::shipment::view::AsnView;
use crate::spapi::shipments::ShipmentConfirmationType;
use crate::time::{days, format_instant, saturating_add};

pub(crate) fn check(
    view: &AsnView,
    context: &Context,
    previous: &[AsnView],
    issues: &mut Vec<ShipmentIssue>,
) {
    if !context.previous_given {
        return;
    }
    let Some(identifier) = view.identifier else {
        return;
    };
    let mut same: Vec<&AsnView> = previous
        .iter()
        .filter(|p| p.identifier == Some(identifier))
        .collect();
    // Oldest first: the first is the original, the last is what Amazon holds now.
    same.sort_by_key(|p| p.confirmation_date);
    let path = "/shipmentIdentifier";
    match view.confirmation_type {
        Some(ShipmentConfirmationType::Original) => {
            let window = days(i64::from(context.options.identifier_reuse_days));
            let reused = same.iter().any(|p| {
                p.confirmation_date
                    .is_none_or(|d| saturating_add(d, window) >= context.now)
            });
            if reused {
                issues.push(ShipmentIssue::error(
                    codes::SHIPMENT_IDENTIFIER_REUSED,
                    path,
                    format!(
                        "shipment identifier {identifier} was already sent in the last {} days: use a new one, or send this as a Replace",
                        context.options.identifier_reuse_days
                    ),
                ));
            }
        }
        Some(ShipmentConfirmationType::Replace) => {
            let (Some(original), Some(current)) = (same.first(), same.last()) else {
                issues.push(ShipmentIssue::error(
                    codes::REPLACE_WITHOUT_ORIGINAL,
                    path,
                    format!("no earlier ASN has identifier {identifier}: a Replace keeps the identifier of the ASN it corrects"),
                ));
                return;
            };
            if let (Some(before), Some(now)) = (original.selling_party, view.selling_party) {
                if before != now {
                    issues.push(ShipmentIssue::error(
                        codes::REPLACE_SELLING_PARTY_CHANGED,
                        "/sellingParty/partyId",
                        format!("the original ASN was sent as {before}; a Replace keeps the same sellingParty"),
                    ));
                }
            }
            if let Some(sent) = original.confirmation_date {
                let deadline =
                    saturating_add(sent, days(i64::from(context.options.replace_window_days)));
                if context.now > deadline {
                    issues.push(
                        ShipmentIssue::error(
                            codes::REPLACE_WINDOW_EXPIRED,
                            "/shipmentConfirmationType",
                            format!(
                                "the original ASN was sent {}; it could be replaced until {}. Send a new ASN with a new identifier instead",
                                format_instant(&sent),
                                format_instant(&deadline)
                            ),
                        )
                        .due(format_instant(&deadline)),
                    );
                }
            }
            check_reductions(view, current, issues);
        }
        None => {}
    }
}

/// (PO number, ASIN, vendor product identifier).
type ProductOfPo<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// Pallets, cartons and each item's quantity may only go down.
fn check_reductions(view: &AsnView, current: &AsnView, issues: &mut Vec<ShipmentIssue>) {
    let counts = [
        (
            "/pallets",
            "pallets",
            view.pallets.len(),
            current.pallets.len(),
        ),
        (
            "/cartons",
            "cartons",
            view.cartons.len(),
            current.cartons.len(),
        ),
    ];
    for (path, what, now, before) in counts {
        if now > before {
            issues.push(ShipmentIssue::error(
                codes::REPLACE_INCREASES_QUANTITY,
                path,
                format!("a Replace may only reduce: {now} {what} instead of {before}; send the extra as a new ASN"),
            ));
        }
    }
    let mut before: BTreeMap<ProductOfPo, u64> = BTreeMap::new();
    for item in &current.items {
        if let Some(eaches) = item.quantity.and_then(|q| q.eaches(None)) {
            let sum = before
                .entry((item.purchase_order, item.asin, item.vendor_id))
                .or_insert(0);
            *sum = sum.saturating_add(eaches);
        }
    }
    for (i, item) in view.items.iter().enumerate() {
        let Some(eaches) = item.quantity.and_then(|q| q.eaches(None)) else {
            continue;
        };
        let key = (item.purchase_order, item.asin, item.vendor_id);
        let allowed = before.get(&key).copied().unwrap_or(0);
        if eaches > allowed {
            issues.push(
                ShipmentIssue::error(
                    codes::REPLACE_INCREASES_QUANTITY,
                    format!("/shippedItems/{i}/shippedQuantity/amount"),
                    format!("a Replace may only reduce: {eaches} eaches instead of {allowed}; send the extra as a new ASN"),
                )
                .po(item.purchase_order),
            );
        }
        // Consume what this item used so that a split item cannot double the allowance.
        if let Some(left) = before.get_mut(&key) {
            *left = left.saturating_sub(eaches);
        }
    }
}
