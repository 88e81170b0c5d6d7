//! `toSalesOrders` and `diffPurchaseOrder`: exact outputs (including the NetSuite preset),
//! Amazon's sandbox POs, PO change scenarios, bad input, and property tests.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::sales_order::{
    SalesOrderError, apply_changes, diff_purchase_order, to_sales_orders,
};
use vendor_central_connector::spapi::orders::Order;

/// Compares with `tests/fixtures/sales_order/<name>` (see `common::assert_fixture`).
fn assert_fixture(name: &str, actual: &Value) {
    common::assert_fixture("sales_order", name, actual);
}

fn convert(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string()).expect("input parses");
    serde_json::to_value(to_sales_orders(parsed).expect("converts")).unwrap()
}

fn convert_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(SalesOrderError::from)
        .and_then(to_sales_orders)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

fn diff(previous: &Value, current: &Value) -> Value {
    let input = json!({ "previous": previous, "current": current });
    let parsed = parse_input(&input.to_string()).expect("input parses");
    serde_json::to_value(diff_purchase_order(parsed).expect("diffs")).unwrap()
}

fn diff_err(previous: &Value, current: &Value) -> (String, String) {
    let input = json!({ "previous": previous, "current": current });
    let err = parse_input(&input.to_string())
        .map_err(SalesOrderError::from)
        .and_then(diff_purchase_order)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

fn po(number: &str, items: Value) -> Value {
    json!({
        "purchaseOrderNumber": number,
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-21T10:00:00Z",
            "purchaseOrderStateChangedDate": "2026-11-21T10:00:00Z",
            "purchaseOrderType": "RegularOrder",
            "buyingParty": { "partyId": "AMZN-US" },
            "sellingParty": { "partyId": "VEND1" },
            "shipToParty": { "partyId": "SEA8" },
            "shipWindow": "2026-11-25T07:00:00Z--2026-11-28T07:00:00-08:00",
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

fn tables() -> Value {
    json!({
        "skuMap": [
            { "sku": "1042", "asin": "B0TV000055", "unitsPerCase": 4 },
            { "sku": "2077", "asin": "B0CABLE001" }
        ],
        "locations": [{ "fulfillmentCenter": "SEA8", "location": "7" }],
        "customers": [{ "vendorCode": "VEND1", "customer": "311", "currencies": ["USD"] }]
    })
}

fn with_tables(mut input: Value) -> Value {
    for (key, value) in tables().as_object().unwrap() {
        input
            .as_object_mut()
            .unwrap()
            .entry(key.clone())
            .or_insert(value.clone());
    }
    input
}

/// Three lines: a Cases line priced per each, an Eaches line whose SKU is not auto-acknowledged
/// (so the whole order waits for approval), and an unknown ASIN that blocks only its own line.
/// Both the neutral shape and the NetSuite record are pinned.
#[test]
fn netsuite_preset_and_neutral_shape_are_exact() {
    let input = with_tables(json!({
        "purchaseOrders": [po("PO-1", json!([
            line("1", "B0TV000055", 3, "Cases", 4, "229.47"),
            line("2", "B0CABLE001", 10, "Eaches", 1, "4.10"),
            line("3", "B0UNKNOWN1", 2, "Eaches", 1, "9.99"),
        ]))],
        "autoAcknowledge": true,
        "skuRules": [{ "sku": "2077", "autoAcknowledge": false }],
        "preset": "netsuite"
    }));
    assert_fixture("netsuite_preset.json", &convert(&input));
}

#[test]
fn preset_field_ids_can_be_renamed_and_unknown_ones_are_refused() {
    let mut input = with_tables(json!({
        "purchaseOrders": [po("PO-1", json!([line("1", "B0CABLE001", 1, "Eaches", 1, "4.10")]))],
        "preset": "netsuite",
        "presetFieldIds": { "custcol_vcc_asin": "custcol_my_asin" }
    }));
    let out = convert(&input);
    let item = &out["records"][0]["sublists"]["item"][0];
    assert_eq!(item["custcol_my_asin"], "B0CABLE001");
    assert!(item.get("custcol_vcc_asin").is_none());
    input["presetFieldIds"] = json!({ "custcol_asin_typo": "x" });
    assert_eq!(
        convert_err(&input),
        (
            "UNKNOWN_PRESET_FIELD".into(),
            "/presetFieldIds/custcol_asin_typo".into()
        )
    );
    // Renames without a preset are a mistake too.
    input.as_object_mut().unwrap().remove("preset");
    input["presetFieldIds"] = json!({ "custcol_vcc_asin": "x" });
    assert_eq!(convert_err(&input).0, "UNKNOWN_PRESET_FIELD");
}

/// Line-level blocks (currency the customer does not use, no case size, no cost), a cancelled
/// line, weight pricing, case size from the SKU map, and auto-acknowledge on for everything.
#[test]
fn line_level_problems_block_only_their_line() {
    let mut eur = line("2", "B0CABLE001", 5, "Eaches", 1, "3.00");
    eur["netCost"]["currencyCode"] = json!("EUR");
    let mut no_size = line("3", "B0NOSIZE01", 2, "Cases", 0, "8.00");
    no_size["orderedQuantity"]
        .as_object_mut()
        .unwrap()
        .remove("unitSize");
    let mut no_cost = line("4", "B0CABLE001", 1, "Eaches", 1, "0");
    no_cost["netCost"] = json!({ "currencyCode": "USD" });
    let cancelled = line("5", "B0CABLE001", 0, "Eaches", 1, "4.10");
    let mut by_weight = line("6", "B0CHEESE01", 7, "Eaches", 1, "12.40");
    by_weight["netCost"]["unitOfMeasure"] = json!("POUNDS");
    let mut case_from_map = line("7", "B0TV000055", 2, "CASES", 0, "200");
    case_from_map["orderedQuantity"]
        .as_object_mut()
        .unwrap()
        .remove("unitSize");
    let input = json!({
        "purchaseOrders": [po("PO-2", json!([
            line("1", "B0TV000055", 1, "Eaches", 1, "229.47"),
            eur, no_size, no_cost, cancelled, by_weight, case_from_map
        ]))],
        "skuMap": [
            { "sku": "1042", "asin": "B0TV000055", "unitsPerCase": 4 },
            { "sku": "2077", "asin": "B0CABLE001" },
            { "sku": "3001", "asin": "B0NOSIZE01" },
            { "sku": "4400", "asin": "B0CHEESE01" }
        ],
        "locations": [{ "fulfillmentCenter": "SEA8", "location": "7" }],
        "customers": [{ "vendorCode": "VEND1", "customer": "311", "currencies": ["usd"] }],
        "autoAcknowledge": true
    });
    assert_fixture("line_blocks.json", &convert(&input));
}

/// An unknown customer or fulfilment centre blocks the whole PO; a Closed PO is skipped without
/// an exception; a PO without details and one without items are reported.
#[test]
fn po_level_problems_block_the_po() {
    let mut unknown_fc = po(
        "PO-FC",
        json!([line("1", "B0CABLE001", 2, "Eaches", 1, "4.10")]),
    );
    unknown_fc["orderDetails"]["shipToParty"]["partyId"] = json!("XYZ1");
    let mut unknown_customer = po(
        "PO-CUST",
        json!([line("1", "B0CABLE001", 2, "Eaches", 1, "4.10")]),
    );
    unknown_customer["orderDetails"]["sellingParty"]["partyId"] = json!("OTHER");
    let mut closed = po(
        "PO-CLOSED",
        json!([line("1", "B0CABLE001", 2, "Eaches", 1, "4.10")]),
    );
    closed["purchaseOrderState"] = json!("Closed");
    let no_details = json!({ "purchaseOrderNumber": "PO-BARE", "purchaseOrderState": "New" });
    let empty = po("PO-EMPTY", json!([]));
    let input = with_tables(json!({
        "purchaseOrders": [unknown_fc, unknown_customer, closed, no_details, empty]
    }));
    let out = convert(&input);
    assert!(out["salesOrders"].as_array().unwrap().is_empty());
    assert_fixture("po_blocks.json", &out);
}

/// The most specific customer row wins: vendor code + buying party over vendor code alone.
#[test]
fn customer_rows_match_most_specific_first() {
    let mut ca = po(
        "PO-CA",
        json!([line("1", "B0CABLE001", 1, "Eaches", 1, "4.10")]),
    );
    ca["orderDetails"]["buyingParty"]["partyId"] = json!("AMZN-CA");
    ca["orderDetails"]["items"][0]["netCost"]["currencyCode"] = json!("CAD");
    let us = po(
        "PO-US",
        json!([line("1", "B0CABLE001", 1, "Eaches", 1, "4.10")]),
    );
    let mut by_buyer = po(
        "PO-MX",
        json!([line("1", "B0CABLE001", 1, "Eaches", 1, "4.10")]),
    );
    by_buyer["orderDetails"]["sellingParty"]["partyId"] = json!("VEND9");
    by_buyer["orderDetails"]["buyingParty"]["partyId"] = json!("AMZN-MX");
    let input = with_tables(json!({
        "purchaseOrders": [ca, us, by_buyer],
        "customers": [
            { "vendorCode": "VEND1", "customer": "311", "currencies": ["USD"] },
            { "vendorCode": "VEND1", "buyingParty": "AMZN-CA", "customer": "312", "currencies": ["CAD"] },
            { "buyingParty": "AMZN-MX", "customer": "313", "currencies": ["USD", "MXN"] }
        ]
    }));
    let out = convert(&input);
    let customers: Vec<&str> = out["salesOrders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["customer"].as_str().unwrap())
        .collect();
    assert_eq!(customers, ["312", "311", "313"]);
    assert!(out["exceptions"].as_array().unwrap().is_empty());
}

/// Every PO in Amazon's sandbox examples converts without an error, each accounted for once.
#[test]
fn sandbox_orders_convert() {
    let orders = common::sandbox_orders();
    assert!(!orders.is_empty());
    let mut sku_map = Vec::new();
    let mut centers = std::collections::BTreeSet::new();
    let mut customers = std::collections::BTreeSet::new();
    let mut asins = std::collections::BTreeSet::new();
    for order in &orders {
        let details = &order["orderDetails"];
        if let Some(center) = details["shipToParty"]["partyId"].as_str() {
            centers.insert(center.to_string());
        }
        if let Some(vendor) = details["sellingParty"]["partyId"].as_str() {
            customers.insert(vendor.to_string());
        }
        let items = details["items"].as_array().or(order["items"].as_array());
        for item in items.into_iter().flatten() {
            if let Some(asin) = item["amazonProductIdentifier"].as_str() {
                if asins.insert(asin.to_string()) {
                    sku_map.push(
                        json!({ "sku": format!("SKU-{asin}"), "asin": asin, "unitsPerCase": 1 }),
                    );
                }
            }
        }
    }
    let input = json!({
        "purchaseOrders": orders,
        "skuMap": sku_map,
        "locations": centers.iter().map(|c| json!({ "fulfillmentCenter": c, "location": format!("LOC-{c}") })).collect::<Vec<_>>(),
        "customers": customers.iter().map(|v| json!({ "vendorCode": v, "customer": format!("CUST-{v}"), "currencies": ["USD", "EUR", "GBP", "CAD", "JPY", "INR"] })).collect::<Vec<_>>(),
        "preset": "netsuite"
    });
    let out = convert(&input);
    let created = out["salesOrders"].as_array().unwrap().len();
    let not_created = out["notCreated"].as_array().unwrap().len();
    assert_eq!(created + not_created, orders.len());
    assert!(created > 0);
    assert_eq!(out["records"].as_array().unwrap().len(), created);
    for order in out["salesOrders"].as_array().unwrap() {
        assert_eq!(order["externalId"], order["purchaseOrderNumber"]);
        assert!(!order["lines"].as_array().unwrap().is_empty());
    }
}

#[test]
fn bad_input_names_code_and_path() {
    let base = || {
        with_tables(json!({
            "purchaseOrders": [po("PO-1", json!([line("1", "B0CABLE001", 1, "Eaches", 1, "4.10")]))]
        }))
    };
    let mut input = base();
    input["purchaseOrders"] = json!([input["purchaseOrders"][0], input["purchaseOrders"][0]]);
    assert_eq!(
        convert_err(&input),
        (
            "DUPLICATE_PURCHASE_ORDER".into(),
            "/purchaseOrders/1/purchaseOrderNumber".into()
        )
    );
    let mut input = base();
    input["locations"] = json!([
        { "fulfillmentCenter": "SEA8", "location": "7" },
        { "fulfillmentCenter": "SEA8", "location": "8" }
    ]);
    assert_eq!(
        convert_err(&input),
        (
            "DUPLICATE_LOCATION_MAPPING".into(),
            "/locations/1/fulfillmentCenter".into()
        )
    );
    let mut input = base();
    input["customers"] = json!([{ "customer": "311", "currencies": ["USD"] }]);
    assert_eq!(
        convert_err(&input),
        ("CUSTOMER_MAPPING_WITHOUT_KEY".into(), "/customers/0".into())
    );
    let mut input = base();
    input["customers"][0]["currencies"] = json!([]);
    assert_eq!(
        convert_err(&input),
        ("INVALID_VALUE".into(), "/customers/0/currencies".into())
    );
    let mut input = base();
    input["customers"] = json!([input["customers"][0], input["customers"][0]]);
    assert_eq!(
        convert_err(&input),
        ("DUPLICATE_CUSTOMER_MAPPING".into(), "/customers/1".into())
    );
    let mut input = base();
    input["skuRules"] = json!([{ "sku": "2077", "autoAcknowledge": true }, { "sku": "2077", "autoAcknowledge": false }]);
    assert_eq!(
        convert_err(&input),
        ("DUPLICATE_SKU_RULE".into(), "/skuRules/1/sku".into())
    );
    let mut input = base();
    input["purchaseOrders"][0]["orderDetails"]["shipWindow"] = json!("2026-11-25T07:00:00Z");
    assert_eq!(
        convert_err(&input),
        (
            "INVALID_DATE".into(),
            "/purchaseOrders/0/orderDetails/shipWindow".into()
        )
    );
    let mut input = base();
    input["autoAcknowlege"] = json!(true);
    assert_eq!(
        convert_err(&input),
        ("UNKNOWN_FIELD".into(), "/autoAcknowlege".into())
    );
    let mut input = base();
    input["preset"] = json!("sap");
    assert_eq!(
        convert_err(&input),
        ("UNKNOWN_ENUM".into(), "/preset".into())
    );
    let mut input = base();
    input["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"] =
        json!({ "amount": u64::MAX, "unitOfMeasure": "Cases", "unitSize": 2 });
    assert_eq!(
        convert_err(&input),
        (
            "QUANTITY_OVERFLOW".into(),
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity".into()
        )
    );
}

// ---------------------------------------------------------------- diffPurchaseOrder

fn changed_po(previous: &Value) -> Value {
    let mut current = previous.clone();
    let details = &mut current["orderDetails"];
    details["purchaseOrderChangedDate"] = json!("2026-11-22T09:00:00Z");
    details["shipWindow"] = json!("2026-11-27T07:00:00Z--2026-11-30T07:00:00Z");
    details["items"][0]["orderedQuantity"]["amount"] = json!(2);
    details["items"][1]["orderedQuantity"]["amount"] = json!(0);
    details["items"]
        .as_array_mut()
        .unwrap()
        .push(line("4", "B0NEW00001", 6, "Eaches", 1, "7.25"));
    current
}

fn previous_po() -> Value {
    po(
        "PO-D",
        json!([
            line("1", "B0TV000055", 3, "Cases", 4, "229.47"),
            line("2", "B0CABLE001", 10, "Eaches", 1, "4.10"),
            line("3", "B0HDMI0001", 5, "Eaches", 1, "6.00"),
        ]),
    )
}

/// Quantity down, a line cancelled, the window moved and a new line: exact changes and the
/// re-acknowledgement (every open line, because the window moved; the cancelled one released).
#[test]
fn po_change_scenario_is_exact() {
    let previous = previous_po();
    let current = changed_po(&previous);
    let out = diff(&previous, &current);
    assert_fixture("diff_changes.json", &out);
    let parsed: Order = serde_json::from_value(previous).unwrap();
    let changes = serde_json::from_value::<Vec<_>>(out["changes"].clone()).unwrap();
    let applied = apply_changes(&parsed, &changes).unwrap();
    assert_eq!(applied, serde_json::from_value::<Order>(current).unwrap());
}

#[test]
fn cost_change_and_removed_line_require_reacknowledgement_of_that_line_only() {
    let previous = previous_po();
    let mut current = previous.clone();
    current["orderDetails"]["items"][2]["netCost"]["amount"] = json!("5.50");
    current["orderDetails"]["items"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    let out = diff(&previous, &current);
    let kinds: Vec<&str> = out["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["lineRemoved", "costChanged"]);
    let reack = &out["reacknowledgement"];
    assert_eq!(reack["required"], true);
    assert_eq!(reack["lines"].as_array().unwrap().len(), 1);
    assert_eq!(reack["lines"][0]["itemSequenceNumber"], "3");
    assert_eq!(reack["lines"][0]["reasons"], json!(["costChanged"]));
    assert_eq!(
        reack["lines"][0]["description"],
        "line 3: net cost 6.00 → 5.50"
    );
    assert_eq!(
        reack["cancelledLines"],
        json!([{ "itemSequenceNumber": "2", "previousOrderedQuantity": { "amount": 10, "unitOfMeasure": "Eaches", "unitSize": 1 }, "removed": true }])
    );
}

#[test]
fn fulfilment_centre_and_type_changes() {
    let previous = previous_po();
    let mut current = previous.clone();
    current["orderDetails"]["shipToParty"]["partyId"] = json!("LAX9");
    current["orderDetails"]["purchaseOrderType"] = json!("RushOrder");
    let out = diff(&previous, &current);
    let kinds: Vec<&str> = out["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["purchaseOrderTypeChanged", "fulfillmentCenterChanged"]
    );
    assert_eq!(
        out["changes"][1]["description"],
        "fulfilment centre SEA8 → LAX9"
    );
    let lines = out["reacknowledgement"]["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    assert!(
        lines
            .iter()
            .all(|l| l["reasons"] == json!(["fulfillmentCenterChanged"]))
    );
}

#[test]
fn unchanged_and_closed_pos_need_no_reacknowledgement() {
    let previous = previous_po();
    let out = diff(&previous, &previous);
    assert_eq!(out["changed"], false);
    assert_eq!(out["changes"], json!([]));
    assert_eq!(out["reacknowledgement"]["required"], false);
    let mut closed = changed_po(&previous);
    closed["purchaseOrderState"] = json!("Closed");
    let out = diff(&previous, &closed);
    assert_eq!(out["changed"], true);
    assert_eq!(out["changes"][0]["kind"], "stateChanged");
    assert_eq!(out["reacknowledgement"]["required"], false);
    assert_eq!(out["reacknowledgement"]["lines"], json!([]));
}

#[test]
fn reordered_lines_are_reproduced() {
    let previous = previous_po();
    let mut current = previous.clone();
    current["orderDetails"]["items"]
        .as_array_mut()
        .unwrap()
        .swap(0, 2);
    let out = diff(&previous, &current);
    assert_eq!(out["changes"].as_array().unwrap().len(), 1);
    assert_eq!(out["changes"][0]["kind"], "linesReordered");
    assert_eq!(out["changes"][0]["to"], json!(["3", "2", "1"]));
    assert_eq!(out["reacknowledgement"]["required"], false);
}

#[test]
fn diff_bad_input_names_code_and_path() {
    let previous = previous_po();
    let mut other = previous.clone();
    other["purchaseOrderNumber"] = json!("PO-X");
    assert_eq!(
        diff_err(&previous, &other),
        (
            "PURCHASE_ORDER_MISMATCH".into(),
            "/current/purchaseOrderNumber".into()
        )
    );
    let bare = json!({ "purchaseOrderNumber": "PO-D" });
    assert_eq!(
        diff_err(&bare, &previous),
        (
            "ORDER_DETAILS_MISSING".into(),
            "/previous/orderDetails".into()
        )
    );
    let mut doubled = previous.clone();
    doubled["orderDetails"]["items"][2]["itemSequenceNumber"] = json!("1");
    assert_eq!(
        diff_err(&previous, &doubled),
        (
            "DUPLICATE_LINE".into(),
            "/current/orderDetails/items/2/itemSequenceNumber".into()
        )
    );
    let err = parse_input::<vendor_central_connector::sales_order::DiffPurchaseOrderInput>(
        &json!({ "previous": previous, "curent": previous }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("UNKNOWN_FIELD", "/curent")
    );
}

#[test]
fn a_change_for_a_missing_line_is_refused() {
    let previous: Order = serde_json::from_value(previous_po()).unwrap();
    let changes = serde_json::from_value::<Vec<_>>(json!([{
        "kind": "quantityChanged", "itemSequenceNumber": "99", "field": "orderedQuantity",
        "to": { "amount": 1 }, "description": ""
    }]))
    .unwrap();
    let err = apply_changes(&previous, &changes).unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("INVALID_CHANGE", "/changes/0")
    );
}

/// A random version of a PO: every field that can change, drawn from small pools so that two
/// draws share lines and differ in some fields.
fn arbitrary_po() -> impl Strategy<Value = Value> {
    let line = (
        0u64..4,
        prop::option::of(prop::sample::select(vec!["Cases", "Eaches"])),
        prop::option::of(1u64..3),
        prop::option::of(prop::sample::select(vec!["1.00", "1.0", "2.50"])),
        prop::option::of(prop::sample::select(vec!["B0A", "B0B"])),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["3.00", "4.00"])),
    );
    let header = (
        prop::option::of(prop::sample::select(vec!["New", "Acknowledged", "Closed"])),
        prop::option::of(prop::sample::select(vec!["RegularOrder", "RushOrder"])),
        prop::option::of(prop::sample::select(vec![
            "2026-11-25T07:00:00Z--2026-11-28T07:00:00Z",
            "2026-11-26T07:00:00Z--2026-11-29T07:00:00Z",
        ])),
        prop::option::of(prop::sample::select(vec!["SEA8", "LAX9"])),
        prop::option::of(prop::sample::select(vec![
            "2026-11-22T00:00:00Z",
            "2026-11-23T00:00:00Z",
        ])),
    );
    let sequences = prop::sample::subsequence(vec!["1", "2", "3", "4", "5"], 0..=5).prop_shuffle();
    (header, sequences, prop::collection::vec(line, 5)).prop_map(|(h, seqs, lines)| {
        let items: Vec<Value> = seqs
            .iter()
            .zip(lines)
            .map(|(seq, (amount, unit, size, cost, asin, backorder, list))| {
                let mut item = json!({
                    "itemSequenceNumber": seq,
                    "orderedQuantity": { "amount": amount },
                    "isBackOrderAllowed": backorder
                });
                if let Some(unit) = unit {
                    item["orderedQuantity"]["unitOfMeasure"] = json!(unit);
                }
                if let Some(size) = size {
                    item["orderedQuantity"]["unitSize"] = json!(size);
                }
                if let Some(cost) = cost {
                    item["netCost"] = json!({ "amount": cost, "currencyCode": "USD" });
                }
                if let Some(asin) = asin {
                    item["amazonProductIdentifier"] = json!(asin);
                }
                if let Some(list) = list {
                    item["listPrice"] = json!({ "amount": list });
                }
                item
            })
            .collect();
        let mut order = json!({
            "purchaseOrderNumber": "PO-P",
            "orderDetails": { "purchaseOrderDate": "2026-11-21T10:00:00Z", "items": items }
        });
        if let Some(state) = h.0 {
            order["purchaseOrderState"] = json!(state);
        }
        let details = &mut order["orderDetails"];
        if let Some(kind) = h.1 {
            details["purchaseOrderType"] = json!(kind);
        }
        if let Some(window) = h.2 {
            details["shipWindow"] = json!(window);
        }
        if let Some(center) = h.3 {
            details["shipToParty"] = json!({ "partyId": center });
        }
        if let Some(changed) = h.4 {
            details["purchaseOrderChangedDate"] = json!(changed);
        }
        order
    })
}

proptest! {
    /// Applying the diff to the previous PO yields the current one, and applying it again
    /// changes nothing (the patch is idempotent).
    #[test]
    fn applying_the_diff_yields_the_current_po(previous in arbitrary_po(), current in arbitrary_po()) {
        let out = diff(&previous, &current);
        let changes: Vec<_> = serde_json::from_value(out["changes"].clone()).unwrap();
        let previous: Order = serde_json::from_value(previous).unwrap();
        let current: Order = serde_json::from_value(current).unwrap();
        let once = apply_changes(&previous, &changes).unwrap();
        prop_assert_eq!(&once, &current);
        let twice = apply_changes(&once, &changes).unwrap();
        prop_assert_eq!(&twice, &current);
        prop_assert_eq!(out["changed"].as_bool().unwrap(), previous != current);
        // Re-acknowledged lines are open lines of the current PO.
        for line in out["reacknowledgement"]["lines"].as_array().unwrap() {
            prop_assert!(line["orderedQuantity"]["amount"].as_u64().unwrap() > 0);
        }
    }
}

#[test]
fn a_window_spelled_differently_is_a_change_but_needs_no_reacknowledgement() {
    let previous = previous_po();
    let mut current = previous.clone();
    current["orderDetails"]["shipWindow"] = json!("2026-11-25T07:00:00Z--2026-11-28T15:00:00Z");
    let out = diff(&previous, &current);
    assert_eq!(out["changes"][0]["kind"], "shipWindowChanged");
    assert_eq!(out["reacknowledgement"]["required"], false);
}
