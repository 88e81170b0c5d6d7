//! `decideAcknowledgements` and `approveAcknowledgement`: Amazon's sandbox POs, bad input, and
//! property tests of the invariants. Hand-written scenarios with exact outputs are the
//! fixtures in tests/fixtures/ack/ (tests/ack_fixtures.rs).

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
// Native only: reads the models from disk.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{Value, json};
use vendor_central_connector::ack::{DecideAcknowledgementsOutput, decide_acknowledgements};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input as parse_json;

fn decide(input: &Value) -> DecideAcknowledgementsOutput {
    let parsed = parse_json(&input.to_string()).expect("input parses");
    decide_acknowledgements(parsed).expect("decides")
}

fn decide_err(input: &Value) -> (String, String) {
    let result = parse_json(&input.to_string())
        .map_err(vendor_central_connector::ack::AckError::from)
        .and_then(decide_acknowledgements);
    let err = result.expect_err("should fail");
    (err.code().to_string(), err.path())
}

fn po(number: &str, date: &str, window: &str, items: Value) -> Value {
    json!({
        "purchaseOrderNumber": number,
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": date,
            "purchaseOrderStateChangedDate": date,
            "purchaseOrderType": "RegularOrder",
            "sellingParty": { "partyId": "VEND1" },
            "shipToParty": { "partyId": "SEA8" },
            "shipWindow": window,
            "items": items
        }
    })
}

fn line(seq: &str, asin: &str, amount: u64, unit: &str, size: u64, cost: &str) -> Value {
    json!({
        "itemSequenceNumber": seq,
        "amazonProductIdentifier": asin,
        "vendorProductIdentifier": format!("V-{asin}"),
        "orderedQuantity": { "amount": amount, "unitOfMeasure": unit, "unitSize": size },
        "isBackOrderAllowed": false,
        "netCost": { "amount": cost, "currencyCode": "USD" }
    })
}

#[test]
fn a_po_without_details_or_items_is_an_exception_not_an_error() {
    let out = decide(&json!({
        "purchaseOrders": [
            { "purchaseOrderNumber": "PO-H", "purchaseOrderState": "New" },
            { "purchaseOrderNumber": "PO-I", "purchaseOrderState": "New",
              "orderDetails": { "purchaseOrderDate": "2026-11-21T10:00:00Z", "items": [] } }
        ],
        "now": "2026-11-21T12:00:00Z"
    }));
    let codes: Vec<&str> = out.exceptions.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["PO_DETAILS_MISSING", "PO_WITHOUT_ITEMS"]);
    assert_eq!(
        out.exceptions[1].due_at.as_deref(),
        Some("2026-11-22T10:00:00Z")
    );
}

#[test]
fn amazon_sandbox_orders_are_all_decided() {
    let orders = common::sandbox_orders();
    let out = decide(&json!({
        "purchaseOrders": orders,
        "inventory": [
            { "sku": "TV-55", "onHand": 3 },
            { "sku": "SOUNDBAR", "onHand": 100 },
            { "sku": "CABLE", "onHand": 40, "committed": 10, "safetyStock": 5 },
            { "sku": "B01LNRIIAB", "available": 120 }
        ],
        "skuMap": [
            { "sku": "TV-55", "asin": "B07DFVDRAB", "ean": "8806098286500" },
            { "sku": "SOUNDBAR", "asin": "B07DFYF5AB" },
            { "sku": "CABLE", "asin": "B07MC84QAB" }
        ],
        "now": "2019-08-20T18:00:00Z"
    }));
    // Every line of every PO acknowledged sums to its ordered amount, with no zero entries.
    for ack in &out.request.acknowledgements {
        for item in &ack.items {
            let total: u64 = item
                .item_acknowledgements
                .iter()
                .map(|e| e.acknowledged_quantity.amount)
                .sum();
            assert_eq!(
                total, item.ordered_quantity.amount,
                "{}",
                ack.purchase_order_number
            );
            assert!(
                item.item_acknowledgements
                    .iter()
                    .all(|e| e.acknowledged_quantity.amount > 0)
            );
            assert!(item.net_cost.is_some());
        }
    }
    let numbers: Vec<&str> = out
        .request
        .acknowledgements
        .iter()
        .map(|a| a.purchase_order_number.as_str())
        .collect();
    assert!(numbers.contains(&"2JK3S9VC"), "{numbers:?}");
    // 3TRD2IAB: "CASES" of 10, 5 ordered, 120 eaches available via the SKU-named inventory.
    let cases = out
        .decisions
        .iter()
        .find(|d| d.purchase_order_number == "3TRD2IAB")
        .unwrap();
    assert_eq!(
        (cases.accepted, cases.rejected, cases.ordered_eaches),
        (5, 0, Some(50))
    );
    // The mock POs have no netCost: held for approval, never sent without a cost.
    let held: Vec<&str> = out
        .pending_approval
        .iter()
        .map(|p| p.purchase_order_number.as_str())
        .collect();
    assert!(held.contains(&"mock-purchaseOrderNumber1"), "{held:?}");
    let body = serde_json::to_value(&out.request).unwrap().to_string();
    assert!(!body.contains("CASES") && body.contains("\"Cases\""));
}

#[test]
fn bad_input_is_refused_with_a_code_and_a_pointer() {
    let good_po = po(
        "PO-1",
        "2026-11-21T10:00:00Z",
        "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
        json!([line("1", "B0KNOWN001", 4, "Eaches", 1, "3.00")]),
    );
    let base = json!({ "purchaseOrders": [good_po.clone()], "inventory": [], "now": "2026-11-21T12:00:00Z" });
    let with = |pointer: &str, value: Value| {
        let mut v = base.clone();
        *v.pointer_mut(pointer).unwrap() = value;
        v
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!(null), "INVALID_TYPE", ""),
        (json!([1, 2]), "INVALID_TYPE", ""),
        (
            json!({ "inventory": [], "now": "2026-11-21T12:00:00Z" }),
            "MISSING_FIELD",
            "/purchaseOrders",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
                json!("4"),
            ),
            "INVALID_TYPE",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
                json!(-4),
            ),
            "INVALID_VALUE",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
                json!(2.5),
            ),
            "INVALID_TYPE",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure",
                json!("Pallets"),
            ),
            "UNKNOWN_ENUM",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/netCost/amount",
                json!("12,50"),
            ),
            "INVALID_DECIMAL",
            "/purchaseOrders/0/orderDetails/items/0/netCost/amount",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/purchaseOrderDate",
                json!("2019-09-2100:00:00"),
            ),
            "INVALID_DATE",
            "/purchaseOrders/0/orderDetails/purchaseOrderDate",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/shipWindow",
                json!("2026-11-25T00:00:00Z"),
            ),
            "INVALID_DATE",
            "/purchaseOrders/0/orderDetails/shipWindow",
        ),
        (with("/now", json!("tomorrow")), "INVALID_DATE", "/now"),
        (
            with("/purchaseOrders", json!([good_po.clone(), good_po.clone()])),
            "DUPLICATE_PURCHASE_ORDER",
            "/purchaseOrders/1/purchaseOrderNumber",
        ),
        (
            with(
                "/inventory",
                json!([{ "sku": "A", "onHand": 1 }, { "sku": "A", "onHand": 2 }]),
            ),
            "DUPLICATE_SKU",
            "/inventory/1/sku",
        ),
        (
            with("/inventory", json!([{ "sku": "A" }])),
            "MISSING_STOCK_QUANTITY",
            "/inventory/0",
        ),
        (
            with("/inventory", json!([{ "sku": "A", "onhand": 1 }])),
            "UNKNOWN_FIELD",
            "/inventory/0/onhand",
        ),
        (
            {
                let mut v = base.clone();
                v["skuMap"] = json!([{ "sku": "A", "asin": "X" }, { "sku": "B", "asin": "X" }]);
                v
            },
            "AMBIGUOUS_SKU_MAPPING",
            "/skuMap/1/asin",
        ),
        (
            {
                let mut v = base.clone();
                v["rulez"] = json!({});
                v
            },
            "UNKNOWN_FIELD",
            "/rulez",
        ),
        (
            with(
                "/purchaseOrders/0/orderDetails/items/0/orderedQuantity",
                json!({ "amount": u64::MAX, "unitOfMeasure": "Cases", "unitSize": 3 }),
            ),
            "QUANTITY_OVERFLOW",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity",
        ),
    ];
    for (input, code, path) in cases {
        let got = decide_err(&input);
        assert_eq!(got, (code.to_string(), path.to_string()), "input: {input}");
    }
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let input = json!({
        "purchaseOrders": common::sandbox_orders(),
        "inventory": [{ "sku": "B01LNRIIAB", "available": 7 }],
        "now": "2026-11-21T12:00:00Z"
    });
    let a = serde_json::to_string(&decide(&input)).unwrap();
    let b = serde_json::to_string(&decide(&input)).unwrap();
    assert_eq!(a, b);
}

// ---- property tests -------------------------------------------------------------------------

/// A random batch: up to 8 POs of up to 5 lines over 4 SKUs, Eaches or Cases, backorders
/// allowed or not, stock with inbound receipts, a random minimum inventory per SKU.
fn arbitrary_batch() -> impl Strategy<Value = Value> {
    let line_strategy = (
        1u64..40,
        prop::bool::ANY,
        1u64..13,
        0usize..4,
        prop::bool::ANY,
    );
    let po_strategy = (
        prop::collection::vec(line_strategy, 1..6),
        0i64..72,
        0i64..200,
    );
    let stock_strategy = (0u64..120, 0u64..60, 0i64..30, 0u64..10);
    (
        prop::collection::vec(po_strategy, 1..8),
        prop::collection::vec(stock_strategy, 4),
    )
        .prop_map(|(pos, stock)| {
            let skus = ["S0", "S1", "S2", "S3"];
            let orders: Vec<Value> = pos
                .iter()
                .enumerate()
                .map(|(i, (lines, hours, window))| {
                    let date = format!("2026-11-{:02}T{:02}:00:00Z", 18 + hours / 24, hours % 24);
                    let start = 24 + window;
                    let window = format!(
                        "2026-12-{:02}T{:02}:00:00Z--2026-12-28T00:00:00Z",
                        1 + start / 24 % 20,
                        start % 24
                    );
                    let items: Vec<Value> = lines
                        .iter()
                        .enumerate()
                        .map(|(j, (amount, cases, size, sku, backorder))| {
                            let unit = if *cases { "Cases" } else { "Eaches" };
                            let size = if *cases { *size } else { 1 };
                            let mut item = line(&(j + 1).to_string(), &format!("ASIN-{}", skus[*sku]), *amount, unit, size, "2.00");
                            item["isBackOrderAllowed"] = json!(backorder);
                            item
                        })
                        .collect();
                    po(&format!("PO{i:03}"), &date, &window, json!(items))
                })
                .collect();
            let inventory: Vec<Value> = skus
                .iter()
                .zip(&stock)
                .map(|(sku, (available, inbound, days, _))| json!({
                    "sku": sku, "available": available,
                    "inbound": [{ "quantity": inbound, "expectedDate": format!("2026-11-{:02}T00:00:00Z", 22 + days % 8) }]
                }))
                .collect();
            let rules: serde_json::Map<String, Value> = skus
                .iter()
                .zip(&stock)
                .map(|(sku, (_, _, _, minimum))| (sku.to_string(), json!({ "minInventory": minimum })))
                .collect();
            let sku_map: Vec<Value> = skus
                .iter()
                .map(|sku| json!({ "sku": sku, "asin": format!("ASIN-{sku}") }))
                .collect();
            json!({ "purchaseOrders": orders, "inventory": inventory, "skuMap": sku_map,
                    "rules": { "skus": rules }, "now": "2026-11-21T12:00:00Z" })
        })
}

fn decide_value(input: &Value) -> Value {
    serde_json::to_value(decide(input)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_takes_more_than_allocatable_or_inbound(batch in arbitrary_batch()) {
        let out = decide(&batch);
        for position in batch["inventory"].as_array().unwrap() {
            let sku = position["sku"].as_str().unwrap();
            let minimum = batch["rules"]["skus"][sku]["minInventory"].as_u64().unwrap();
            let from_stock: u64 = out.allocations.iter().filter(|a| a.sku == sku).map(|a| a.quantity_eaches).sum();
            let from_inbound: u64 = out.allocations.iter().filter(|a| a.sku == sku).map(|a| a.inbound_eaches).sum();
            prop_assert!(from_stock <= position["available"].as_u64().unwrap().saturating_sub(minimum));
            prop_assert!(from_inbound <= position["inbound"][0]["quantity"].as_u64().unwrap());
        }
    }

    #[test]
    fn every_line_is_fully_acknowledged_without_zero_entries(batch in arbitrary_batch()) {
        let out = decide(&batch);
        let lines: usize = batch["purchaseOrders"].as_array().unwrap().iter()
            .map(|po| po["orderDetails"]["items"].as_array().unwrap().len()).sum();
        prop_assert_eq!(out.decisions.len(), lines);
        for d in &out.decisions {
            prop_assert_eq!(d.accepted + d.backordered + d.rejected, d.ordered_quantity.amount);
        }
        for ack in &out.request.acknowledgements {
            for item in &ack.items {
                let sum: u64 = item.item_acknowledgements.iter().map(|e| e.acknowledged_quantity.amount).sum();
                prop_assert_eq!(sum, item.ordered_quantity.amount);
                prop_assert!(item.item_acknowledgements.iter().all(|e| e.acknowledged_quantity.amount > 0));
            }
        }
    }

    #[test]
    fn backorders_only_where_the_po_allows_them_and_with_a_date(batch in arbitrary_batch()) {
        let out = decide_value(&batch);
        for ack in out["request"]["acknowledgements"].as_array().unwrap() {
            let po = batch["purchaseOrders"].as_array().unwrap().iter()
                .find(|p| p["purchaseOrderNumber"] == ack["purchaseOrderNumber"]).unwrap();
            for item in ack["items"].as_array().unwrap() {
                let ordered = po["orderDetails"]["items"].as_array().unwrap().iter()
                    .find(|l| l["itemSequenceNumber"] == item["itemSequenceNumber"]).unwrap();
                for entry in item["itemAcknowledgements"].as_array().unwrap() {
                    if entry["acknowledgementCode"] == "Backordered" {
                        prop_assert_eq!(&ordered["isBackOrderAllowed"], &json!(true));
                        prop_assert!(entry["scheduledShipDate"].is_string());
                    }
                }
            }
        }
    }

    #[test]
    fn decisions_do_not_depend_on_batch_order(batch in arbitrary_batch()) {
        let mut reversed = batch.clone();
        reversed["purchaseOrders"].as_array_mut().unwrap().reverse();
        let key = |out: DecideAcknowledgementsOutput| {
            let mut v: Vec<String> = out.decisions.iter().map(|d| serde_json::to_string(d).unwrap()).collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(decide(&batch)), key(decide(&reversed)));
    }

    #[test]
    fn a_rerun_with_its_own_output_as_history_sends_nothing(batch in arbitrary_batch()) {
        let first = decide_value(&batch);
        let mut again = batch.clone();
        again["history"] = first["request"]["acknowledgements"].clone();
        let second = decide_value(&again);
        prop_assert_eq!(&second["request"]["acknowledgements"], &json!([]));
        // And the promises are charged: nothing allocated twice.
        prop_assert_eq!(&second["allocations"], &first["allocations"]);
    }
}

#[test]
fn approving_every_suggestion_as_it_stands_gives_a_complete_acknowledgement() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..100 {
        let mut batch = arbitrary_batch().new_tree(&mut runner).unwrap().current();
        batch["rules"]["defaults"] = json!({ "autoAcknowledge": false });
        let out = decide_value(&batch);
        for pending in out["pendingApproval"].as_array().unwrap() {
            let input = json!({ "proposal": pending, "now": "2026-11-21T13:00:00Z" });
            let approved = vendor_central_connector::ack::approve_acknowledgement(
                parse_json(&input.to_string()).unwrap(),
            )
            .expect("a suggestion as it stands is always approvable");
            let body = &approved.request.acknowledgements[0];
            assert_eq!(body.items, pending_items(pending));
        }
    }
}

/// The proposal's items as the engine suggested them (what approval without changes sends).
fn pending_items(
    pending: &Value,
) -> Vec<vendor_central_connector::spapi::orders::OrderAcknowledgementItem> {
    serde_json::from_value(pending["proposal"]["items"].clone()).unwrap()
}
