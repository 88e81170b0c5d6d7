//! `decideAcknowledgements`, first slice: exact outputs for hand-made scenarios, Amazon's
//! sandbox POs, bad input, and property tests of the invariants.
// Native only: reads the models from disk.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
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

/// Two POs compete for 15 eaches of one SKU: the one whose ship window starts first wins,
/// even though it comes second in the batch and has the later PO number.
#[test]
fn scarce_stock_goes_to_the_earliest_window_and_output_is_exact() {
    let input = json!({
        "purchaseOrders": [
            po("PO-A", "2026-11-21T10:00:00Z", "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
               json!([line("1", "B0SCARCE01", 10, "Eaches", 1, "12.50")])),
            po("PO-B", "2026-11-21T11:00:00Z", "2026-11-23T00:00:00Z--2026-11-26T00:00:00Z",
               json!([line("1", "B0SCARCE01", 12, "Eaches", 1, "12.50")])),
        ],
        "inventory": [{ "sku": "SCARCE", "onHand": 20, "committed": 3, "safetyStock": 2 }],
        "skuMap": [{ "sku": "SCARCE", "asin": "B0SCARCE01" }],
        "now": "2026-11-21T12:30:00+01:00"
    });
    let out = decide(&input);
    let request = serde_json::to_value(&out.request).unwrap();
    assert_eq!(
        request,
        json!({ "acknowledgements": [
            {
                "purchaseOrderNumber": "PO-A",
                "sellingParty": { "partyId": "VEND1" },
                "acknowledgementDate": "2026-11-21T11:30:00Z",
                "items": [{
                    "itemSequenceNumber": "1",
                    "amazonProductIdentifier": "B0SCARCE01",
                    "vendorProductIdentifier": "V-B0SCARCE01",
                    "orderedQuantity": { "amount": 10, "unitOfMeasure": "Eaches", "unitSize": 1 },
                    "netCost": { "currencyCode": "USD", "amount": "12.50" },
                    "itemAcknowledgements": [
                        { "acknowledgementCode": "Accepted",
                          "acknowledgedQuantity": { "amount": 3, "unitOfMeasure": "Eaches", "unitSize": 1 } },
                        { "acknowledgementCode": "Rejected",
                          "acknowledgedQuantity": { "amount": 7, "unitOfMeasure": "Eaches", "unitSize": 1 },
                          "rejectionReason": "TemporarilyUnavailable" }
                    ]
                }]
            },
            {
                "purchaseOrderNumber": "PO-B",
                "sellingParty": { "partyId": "VEND1" },
                "acknowledgementDate": "2026-11-21T11:30:00Z",
                "items": [{
                    "itemSequenceNumber": "1",
                    "amazonProductIdentifier": "B0SCARCE01",
                    "vendorProductIdentifier": "V-B0SCARCE01",
                    "orderedQuantity": { "amount": 12, "unitOfMeasure": "Eaches", "unitSize": 1 },
                    "netCost": { "currencyCode": "USD", "amount": "12.50" },
                    "itemAcknowledgements": [
                        { "acknowledgementCode": "Accepted",
                          "acknowledgedQuantity": { "amount": 12, "unitOfMeasure": "Eaches", "unitSize": 1 } }
                    ]
                }]
            }
        ]})
    );
    let reasons: Vec<&str> = out.decisions.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "accepted 3 of 10 eaches, rejected 7 as TemporarilyUnavailable: 3 of 15 allocatable \
             eaches of SCARCE left after earlier POs took 12",
            "accepted all 12 eaches: 15 allocatable eaches of SCARCE",
        ]
    );
    let allocations = serde_json::to_value(&out.allocations).unwrap();
    assert_eq!(
        allocations,
        json!([
            { "sku": "SCARCE", "purchaseOrderNumber": "PO-A", "itemSequenceNumber": "1",
              "quantityEaches": 3, "pending": false },
            { "sku": "SCARCE", "purchaseOrderNumber": "PO-B", "itemSequenceNumber": "1",
              "quantityEaches": 12, "pending": false }
        ])
    );
    assert!(out.exceptions.is_empty(), "{:?}", out.exceptions);
    assert!(out.pending_approval.is_empty());
}

#[test]
fn cases_are_accepted_whole_and_the_remainder_rejected() {
    let input = json!({
        "purchaseOrders": [po("PO-C", "2026-11-21T10:00:00Z",
            "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
            json!([line("00001", "B0CASE0001", 5, "CASES", 10, "94.97")]))],
        "inventory": [{ "sku": "CASED", "available": 23 }],
        "skuMap": [{ "sku": "CASED", "vendorSku": "V-B0CASE0001", "unitsPerCase": 10 }],
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    let d = &out.decisions[0];
    assert_eq!((d.accepted, d.backordered, d.rejected), (2, 0, 3));
    assert_eq!(d.ordered_eaches, Some(50));
    assert_eq!(out.allocations[0].quantity_eaches, 20);
    let entries = serde_json::to_value(&out.request.acknowledgements[0].items[0]).unwrap();
    assert_eq!(
        entries["orderedQuantity"],
        json!({"amount": 5, "unitOfMeasure": "Cases", "unitSize": 10})
    );
    assert_eq!(
        entries["itemAcknowledgements"][1]["acknowledgedQuantity"],
        json!({"amount": 3, "unitOfMeasure": "Cases", "unitSize": 10})
    );
    assert_eq!(
        d.reason,
        "accepted 2 of 5 cases (10 per case), rejected 3 as TemporarilyUnavailable: \
         23 allocatable eaches of CASED"
    );
}

#[test]
fn a_case_size_that_disagrees_with_the_item_master_is_flagged() {
    let input = json!({
        "purchaseOrders": [po("PO-D", "2026-11-21T10:00:00Z",
            "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
            json!([line("1", "B0CASE0001", 2, "Cases", 12, "5.00")]))],
        "inventory": [{ "sku": "CASED", "available": 100 }],
        "skuMap": [{ "sku": "CASED", "asin": "B0CASE0001", "unitsPerCase": 10 }],
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(out.decisions[0].accepted, 2);
    assert_eq!(out.allocations[0].quantity_eaches, 24);
    assert_eq!(out.exceptions.len(), 1);
    assert_eq!(out.exceptions[0].code, "UNIT_SIZE_MISMATCH");
    assert_eq!(
        out.request.acknowledgements.len(),
        1,
        "a warning does not hold the PO"
    );
}

#[test]
fn unknown_products_and_missing_costs_hold_the_po_for_approval() {
    let mut no_cost = line("2", "B0KNOWN001", 1, "Eaches", 1, "1");
    no_cost.as_object_mut().unwrap().remove("netCost");
    let input = json!({
        "purchaseOrders": [po("PO-E", "2026-11-21T10:00:00Z",
            "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
            json!([line("1", "B0UNKNOWN1", 4, "Eaches", 1, "3.00"), no_cost]))],
        "inventory": [{ "sku": "KNOWN", "onHand": 5 }],
        "skuMap": [{ "sku": "KNOWN", "asin": "B0KNOWN001" }],
        "now": "2026-11-22T11:00:00Z"
    });
    let out = decide(&input);
    assert!(out.request.acknowledgements.is_empty());
    assert_eq!(out.pending_approval.len(), 1);
    let pending = &out.pending_approval[0];
    assert_eq!(pending.due_at, "2026-11-22T10:00:00Z");
    assert_eq!(pending.reasons.len(), 2);
    let codes: Vec<&str> = out.exceptions.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["UNKNOWN_PRODUCT", "MISSING_NET_COST", "APPROVAL_REQUIRED"]
    );
    // Overdue (now is past the 24 hours): the approval exception is an error.
    assert_eq!(
        serde_json::to_value(out.exceptions[2].severity).unwrap(),
        "error"
    );
    assert!(
        out.decisions
            .iter()
            .all(|d| d.status.as_str() == "pendingApproval")
    );
    // The known line's stock is reserved while the PO waits.
    assert_eq!(out.allocations.len(), 1);
    assert!(out.allocations[0].pending);
    let proposal = serde_json::to_value(&pending.proposal).unwrap();
    assert_eq!(
        proposal["items"][0]["itemAcknowledgements"][0]["rejectionReason"],
        "InvalidProductIdentifier"
    );
}

#[test]
fn closed_and_acknowledged_pos_are_skipped_with_a_reason() {
    let mut closed = po(
        "PO-F",
        "2026-11-21T10:00:00Z",
        "2026-11-25T00:00:00Z--2026-11-28T00:00:00Z",
        json!([line("1", "B0KNOWN001", 4, "Eaches", 1, "3.00")]),
    );
    closed["purchaseOrderState"] = json!("Closed");
    let mut acked = closed.clone();
    acked["purchaseOrderNumber"] = json!("PO-G");
    acked["purchaseOrderState"] = json!("ACKNOWLEDGED");
    let out = decide(&json!({
        "purchaseOrders": [closed, acked],
        "inventory": [{ "sku": "KNOWN", "onHand": 5 }],
        "skuMap": [{ "sku": "KNOWN", "asin": "B0KNOWN001" }],
        "now": "2026-11-21T12:00:00Z"
    }));
    assert!(out.request.acknowledgements.is_empty());
    assert!(out.allocations.is_empty());
    let reasons: Vec<(&str, &str)> = out
        .decisions
        .iter()
        .map(|d| (d.status.as_str(), d.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("skipped", "PO is Closed: nothing to acknowledge"),
            ("skipped", "PO is already Acknowledged: nothing to send"),
        ]
    );
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
                v["rules"] = json!({});
                v
            },
            "UNKNOWN_FIELD",
            "/rules",
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

fn arbitrary_batch() -> impl Strategy<Value = Value> {
    let line_strategy = (1u64..40, prop::bool::ANY, 1u64..13, 0usize..4);
    let po_strategy = (
        prop::collection::vec(line_strategy, 1..6),
        0i64..72,
        0i64..200,
    );
    (
        prop::collection::vec(po_strategy, 1..8),
        prop::collection::vec(0u64..120, 4),
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
                        .map(|(j, (amount, cases, size, sku))| {
                            let unit = if *cases { "Cases" } else { "Eaches" };
                            let size = if *cases { *size } else { 1 };
                            line(
                                &(j + 1).to_string(),
                                &format!("ASIN-{}", skus[*sku]),
                                *amount,
                                unit,
                                size,
                                "2.00",
                            )
                        })
                        .collect();
                    po(&format!("PO{i:03}"), &date, &window, json!(items))
                })
                .collect();
            let inventory: Vec<Value> = skus
                .iter()
                .zip(&stock)
                .map(|(sku, n)| json!({ "sku": sku, "available": n }))
                .collect();
            let sku_map: Vec<Value> = skus
                .iter()
                .map(|sku| json!({ "sku": sku, "asin": format!("ASIN-{sku}") }))
                .collect();
            json!({ "purchaseOrders": orders, "inventory": inventory, "skuMap": sku_map,
                "now": "2026-11-21T12:00:00Z" })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_accepts_more_than_allocatable(batch in arbitrary_batch()) {
        let out = decide(&batch);
        for position in batch["inventory"].as_array().unwrap() {
            let sku = position["sku"].as_str().unwrap();
            let taken: u64 = out.allocations.iter().filter(|a| a.sku == sku).map(|a| a.quantity_eaches).sum();
            prop_assert!(taken <= position["available"].as_u64().unwrap());
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
}
