//! Property tests of the FBA routing invariants:
//! - every unit of every order line ends in exactly one place (FBA package, own-warehouse
//!   package, nothing to do, held); without splitting, every line sits whole in one of them;
//! - FBA quantities never exceed FBA stock, nor Amazon's per-order limits;
//! - the request matches the FBA package and validates against Amazon's model;
//! - the carrier export never lists an FBA package;
//! - channel rules hold; output and ids are deterministic; ids respect the model's limits;
//! - applying the same Amazon answer twice changes nothing more and propagates nothing again.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fba_schema;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::fba::{
    self, FbaError, FulfilledBy, OrderShipmentStatus, PackageStatus, RouteFulfillmentOutput,
};
use vendor_central_connector::input::parse_input;

use fba_schema::{OUTBOUND_MODEL, violations};

const SKUS: &[&str] = &["A", "B", "C", "D", "NOT-IN-FBA"];
const CHANNELS: &[&str] = &["webstore", "eBay", "Amazon.com", "otto"];

#[derive(Debug, Clone)]
struct Case {
    channel: &'static str,
    order_id: String,
    lines: Vec<(&'static str, u64)>,
    /// Fulfillable per SKU; SKUs absent are not stocked in FBA.
    stock: BTreeMap<&'static str, u64>,
    split: bool,
    fallback: bool,
    complete_address: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(CHANNELS),
        "[A-Za-z0-9#/ -]{1,60}",
        prop::collection::vec((prop::sample::select(SKUS), 0u64..140), 0..12),
        prop::collection::btree_map(prop::sample::select(&SKUS[..4]), 0u64..300, 0..4),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.85),
    )
        .prop_map(
            |(channel, order_id, lines, stock, split, fallback, complete_address)| Case {
                channel,
                order_id: if order_id.trim().is_empty() {
                    "X".to_string()
                } else {
                    order_id
                },
                lines,
                stock,
                split,
                fallback,
                complete_address,
            },
        )
}

fn input_of(case: &Case) -> Value {
    let lines: Vec<Value> = case
        .lines
        .iter()
        .map(|(sku, quantity)| json!({ "sku": sku, "quantity": quantity }))
        .collect();
    let stock: Vec<Value> = case
        .stock
        .iter()
        .map(|(sku, quantity)| json!({ "sku": sku, "fulfillableQuantity": quantity }))
        .collect();
    json!({
        "order": {
            "channel": case.channel, "orderId": case.order_id,
            "orderDate": "2026-11-20T10:00:00Z", "shippingSpeed": "express", "lines": lines,
            "shipTo": { "name": "Test Buyer", "addressLine1": "1 Main St", "city": "Troy",
                "postalCode": if case.complete_address { "48084" } else { "" }, "countryCode": "US" }
        },
        "fbaStock": stock,
        "channelRules": { "forbidFba": ["ebay"], "amazonFulfilled": ["amazon.com"] },
        "options": { "splitPartialQuantities": case.split, "fallbackToOwnStock": case.fallback,
            "speedMapping": { "express": "Expedited" }, "sellerFulfillmentOrderIdPrefix": "MCF-" }
    })
}

fn route(input: &Value) -> RouteFulfillmentOutput {
    parse_input(&input.to_string())
        .map_err(FbaError::from)
        .and_then(fba::route_fulfillment)
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_unit_of_every_line_ends_in_exactly_one_place(case in case()) {
        let out = route(&input_of(&case));
        prop_assert_eq!(out.lines.len(), case.lines.len());
        for (routing, (sku, quantity)) in out.lines.iter().zip(&case.lines) {
            prop_assert_eq!(&routing.sku, sku);
            prop_assert_eq!(routing.quantity, *quantity);
            let total = routing.fba + routing.own_warehouse + routing.nothing_to_do + routing.held;
            prop_assert_eq!(total, *quantity);
            let in_packages = |kind: FulfilledBy| -> (u64, usize) {
                let found: Vec<u64> = out.packages.iter()
                    .filter(|p| p.fulfilled_by == kind)
                    .flat_map(|p| p.lines.iter())
                    .filter(|l| l.line_id == routing.line_id)
                    .map(|l| l.quantity)
                    .collect();
                (found.iter().sum(), found.len())
            };
            let (fba_units, fba_entries) = in_packages(FulfilledBy::Fba);
            let (own_units, own_entries) = in_packages(FulfilledBy::OwnWarehouse);
            prop_assert_eq!(fba_units, routing.fba);
            prop_assert_eq!(own_units, routing.own_warehouse);
            prop_assert!(fba_entries <= 1 && own_entries <= 1);
            if !case.split {
                // Unsplit: the whole line sits in one place.
                let places = [routing.fba, routing.own_warehouse, routing.nothing_to_do, routing.held]
                    .iter().filter(|&&q| q > 0).count();
                prop_assert!(places <= 1, "{:?}", routing);
                prop_assert_eq!(places == 0, *quantity == 0);
            }
            if routing.held > 0 {
                prop_assert!(!case.fallback);
                prop_assert!(out.exceptions.iter().any(|e| e.code == "FULFILLMENT_HELD"
                    && e.item_sequence_number.as_deref() == Some(routing.line_id.as_str())));
            }
        }
        prop_assert!(out.packages.iter().all(|p| !p.lines.is_empty()));
        prop_assert!(out.packages.iter().flat_map(|p| &p.lines).all(|l| l.quantity > 0));
        prop_assert_eq!(out.notes.len() >= case.lines.len(), true);
    }

    #[test]
    fn fba_never_gets_more_than_its_stock_or_amazons_limits(case in case()) {
        let out = route(&input_of(&case));
        let mut sent: BTreeMap<String, u64> = BTreeMap::new();
        for package in out.packages.iter().filter(|p| p.fulfilled_by == FulfilledBy::Fba) {
            for line in &package.lines {
                *sent.entry(line.sku.clone()).or_default() += line.quantity;
            }
        }
        for (sku, units) in &sent {
            let stock = case.stock.get(sku.as_str()).copied().unwrap_or(0);
            prop_assert!(*units <= stock, "{} got {} of {}", sku, units, stock);
        }
        prop_assert!(sent.values().sum::<u64>() <= fba::MAX_FBA_UNITS_PER_ORDER);
        let fba_packages: Vec<_> = out.packages.iter().filter(|p| p.fulfilled_by == FulfilledBy::Fba).collect();
        prop_assert!(fba_packages.len() <= 1);
        match (&out.request, fba_packages.first()) {
            (Some(request), Some(package)) => {
                prop_assert!(request.items.len() <= fba::MAX_FBA_ITEMS_PER_ORDER);
                prop_assert_eq!(request.items.len(), package.lines.len());
                for (item, line) in request.items.iter().zip(&package.lines) {
                    prop_assert_eq!(&item.seller_sku, &line.sku);
                    prop_assert_eq!(u64::try_from(item.quantity).unwrap(), line.quantity);
                    prop_assert_eq!(Some(&item.seller_fulfillment_order_item_id),
                        line.seller_fulfillment_order_item_id.as_ref());
                }
                prop_assert_eq!(Some(&request.seller_fulfillment_order_id),
                    package.seller_fulfillment_order_id.as_ref());
                let body = serde_json::to_value(request).unwrap();
                let found = violations(OUTBOUND_MODEL, "CreateFulfillmentOrderRequest", &body);
                prop_assert!(found.is_empty(), "{:?}", found);
            }
            (None, None) => {}
            other => prop_assert!(false, "request and FBA package disagree: {:?}", other),
        }
    }

    #[test]
    fn channel_rules_and_the_carrier_export_hold(case in case()) {
        let out = route(&input_of(&case));
        let channel = case.channel.to_lowercase();
        if channel == "ebay" || channel == "amazon.com" {
            prop_assert!(out.request.is_none());
            prop_assert!(out.packages.iter().all(|p| p.fulfilled_by == FulfilledBy::OwnWarehouse));
        }
        for routing in &out.lines {
            let in_fba = case.stock.contains_key(routing.sku.as_str());
            if channel == "amazon.com" && in_fba {
                prop_assert_eq!(routing.nothing_to_do, routing.quantity);
            } else {
                prop_assert_eq!(routing.nothing_to_do, 0);
            }
            if !in_fba {
                prop_assert_eq!(routing.own_warehouse, routing.quantity);
            }
        }
        if !case.complete_address {
            prop_assert!(out.request.is_none());
        }
        let own: Vec<String> = out.packages.iter()
            .filter(|p| p.fulfilled_by == FulfilledBy::OwnWarehouse)
            .map(|p| p.package_id.clone())
            .collect();
        prop_assert_eq!(&out.carrier_export, &own);
        prop_assert_eq!(fba::carrier_export(&out.packages), own);
    }

    #[test]
    fn output_and_ids_are_deterministic(case in case(), other_lines in prop::collection::vec((prop::sample::select(SKUS), 1u64..5), 1..4)) {
        let input = input_of(&case);
        let first = serde_json::to_string(&route(&input)).unwrap();
        prop_assert_eq!(&first, &serde_json::to_string(&route(&input)).unwrap());
        // The fulfillment order id depends on the order, not on its lines or the stock.
        let expected = fba::seller_fulfillment_order_id("MCF-", case.channel, &case.order_id);
        let mut changed = case.clone();
        changed.channel = "webstore";
        changed.lines = other_lines;
        changed.stock = SKUS[..4].iter().map(|s| (*s, 1000)).collect();
        changed.complete_address = true;
        let out = route(&input_of(&changed));
        let id = &out.request.as_ref().map(|r| r.seller_fulfillment_order_id.clone());
        if let Some(id) = id {
            prop_assert_eq!(id, &fba::seller_fulfillment_order_id("MCF-", "webstore", &case.order_id));
        }
        prop_assert!(expected.len() <= fba::SELLER_FULFILLMENT_ORDER_ID_MAX);
    }

    #[test]
    fn ids_respect_the_models_limits_for_any_text(prefix in "[A-Za-z0-9_-]{0,20}", channel in "\\PC{1,30}", order_id in "\\PC{1,80}") {
        let id = fba::seller_fulfillment_order_id(&prefix, &channel, &order_id);
        prop_assert!(id.len() <= fba::SELLER_FULFILLMENT_ORDER_ID_MAX, "{}", id);
        prop_assert!(id.chars().all(fba::is_id_char), "{}", id);
        prop_assert!(id.starts_with(&prefix));
        prop_assert_eq!(&id, &fba::seller_fulfillment_order_id(&prefix, &channel, &order_id));
        let item = fba::seller_fulfillment_order_item_id(&order_id);
        prop_assert!(item.len() <= fba::ITEM_ID_MAX && item.chars().all(fba::is_id_char));
        if let Some(shown) = fba::displayable_order_id(&order_id) {
            prop_assert!(shown.chars().count() <= fba::DISPLAYABLE_ORDER_ID_MAX);
            prop_assert!(!shown.contains("  ") && shown.trim() == shown);
        }
    }

    #[test]
    fn the_same_amazon_answer_applied_twice_changes_nothing_more(
        shipped_per_line in prop::collection::vec(0u64..4, 1..5),
        status in prop::sample::select(&["Processing", "Complete", "CompletePartialled", "Unfulfillable"][..]),
    ) {
        // An order whose lines all go to FBA.
        let case = Case {
            channel: "webstore", order_id: "W-1".to_string(),
            lines: shipped_per_line.iter().enumerate().map(|(i, _)| (SKUS[i % 4], 3)).collect(),
            stock: SKUS[..4].iter().map(|s| (*s, 100)).collect(),
            split: false, fallback: true, complete_address: true,
        };
        let routed = route(&input_of(&case));
        let package = routed.packages[0].clone();
        prop_assert_eq!(package.fulfilled_by, FulfilledBy::Fba);
        let answer = fulfillment_order_answer(&package, &shipped_per_line, status);
        let event = json!({ "package": package, "event": { "fulfillmentOrder": answer } });
        let once = apply(&event);
        let again = apply(&json!({ "package": once["package"], "event": event["event"] }));
        prop_assert_eq!(&once["package"], &again["package"]);
        prop_assert_eq!(&again["trackingToPropagate"], &json!([]));
        let shipped_any = shipped_per_line.iter().any(|&q| q > 0);
        let state = once["package"]["status"].as_str().unwrap();
        if state == "shipped" {
            prop_assert!(shipped_any);
        }
        if !shipped_any && status != "Processing" {
            prop_assert_eq!(state, "fbaFailed");
            prop_assert!(once["exceptions"][0]["code"] == "FBA_FULFILLMENT_FAILED");
        }
        let parcels = once["trackingToPropagate"].as_array().unwrap().len();
        prop_assert_eq!(parcels, shipped_per_line.iter().filter(|&&q| q > 0).count());
        let fully = once["orderFullyShipped"].as_bool().unwrap();
        prop_assert_eq!(fully, state == "shipped");
    }
}

fn apply(input: &Value) -> Value {
    let out = parse_input(&input.to_string())
        .map_err(FbaError::from)
        .and_then(fba::apply_fulfillment_event)
        .unwrap();
    // The order status follows the package states.
    let status = out.order_status;
    assert_eq!(
        status == OrderShipmentStatus::Shipped,
        out.package.status == PackageStatus::Shipped
    );
    serde_json::to_value(out).unwrap()
}

/// A getFulfillmentOrder answer in which line i shipped `shipped[i]` units in its own parcel.
fn fulfillment_order_answer(package: &fba::Package, shipped: &[u64], status: &str) -> Value {
    let items: Vec<Value> = package
        .lines
        .iter()
        .zip(shipped)
        .map(|(line, &units)| {
            let dropped = if status == "Processing" { 0 } else { line.quantity - units.min(line.quantity) };
            json!({ "sellerSku": line.sku, "sellerFulfillmentOrderItemId": line.seller_fulfillment_order_item_id,
                    "quantity": line.quantity, "cancelledQuantity": 0, "unfulfillableQuantity": dropped })
        })
        .collect();
    let shipments: Vec<Value> = package
        .lines
        .iter()
        .zip(shipped)
        .enumerate()
        .filter(|(_, (_, units))| **units > 0)
        .map(|(i, (line, &units))| {
            json!({ "amazonShipmentId": format!("S{i}"), "fulfillmentCenterId": "RNO1",
                    "fulfillmentShipmentStatus": "SHIPPED", "shippingDate": "2026-11-21T10:00:00Z",
                    "fulfillmentShipmentItem": [{ "sellerSku": line.sku,
                        "sellerFulfillmentOrderItemId": line.seller_fulfillment_order_item_id,
                        "quantity": units.min(line.quantity), "packageNumber": i }],
                    "fulfillmentShipmentPackage": [{ "packageNumber": i, "carrierCode": "UPS",
                        "trackingNumber": format!("1Z{i:016}") }] })
        })
        .collect();
    json!({ "payload": {
        "fulfillmentOrder": {
            "sellerFulfillmentOrderId": package.seller_fulfillment_order_id,
            "marketplaceId": "ATVPDKIKX0DER", "displayableOrderId": "W-1",
            "displayableOrderDate": "2026-11-20T10:00:00Z", "displayableOrderComment": "Thanks",
            "shippingSpeedCategory": "Standard",
            "destinationAddress": { "name": "Test Buyer", "addressLine1": "1 Main St",
                "postalCode": "48084", "countryCode": "US" },
            "receivedDate": "2026-11-20T10:05:00Z", "fulfillmentOrderStatus": status,
            "statusUpdatedDate": "2026-11-21T10:00:00Z"
        },
        "fulfillmentOrderItems": items, "fulfillmentShipments": shipments,
        "returnItems": [], "returnAuthorizations": []
    } })
}
