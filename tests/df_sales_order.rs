//! `toDirectFulfillmentSalesOrders`: exact outputs (tests/fixtures/df_sales_order/, with
//! `DF_BLESS=1` to rewrite them from the engine: review the diff), Amazon's DF sandbox orders,
//! bad input with codes and pointers, personal data kept out of everything but the ERP fields,
//! and property tests of the invariants.
// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::df::{DfError, to_df_sales_orders};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

const DF_MODEL: &str =
    "vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json";

fn convert(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string())
        .unwrap_or_else(|e| panic!("{} at {}", e, CodedError::path(&e)));
    serde_json::to_value(to_df_sales_orders(parsed).expect("converts")).unwrap()
}

fn convert_err(input: &Value) -> DfError {
    parse_input(&input.to_string())
        .map_err(DfError::from)
        .and_then(to_df_sales_orders)
        .expect_err("should fail")
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/df_sales_order")
}

fn fixture(name: &str) -> Value {
    common::input_expected_fixture("df_sales_order", name)
}

#[test]
fn every_fixture_produces_exactly_its_expected_output() {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 2);
    for name in names {
        let actual = convert(&fixture(&name)["input"]);
        common::assert_expected_output("df_sales_order", &name, "DF_BLESS", actual);
    }
}

/// The figures of the accepted fixture, stated independently of the engine.
#[test]
fn accepted_order_carries_what_the_warehouse_needs() {
    let out = convert(&fixture("accepted_netsuite")["input"]);
    let order = &out["salesOrders"][0];
    assert_eq!(order["externalId"], "2JK3S9VC");
    // netPrice 500.00 × 1 + 700.00 × 2.
    assert_eq!(order["total"], "1900.00");
    assert_eq!(order["lines"][1]["amount"], "1400.00");
    // DF guide: "requiredShipDate … is the latest date the order should be shipped".
    assert_eq!(order["requiredShipDate"], "2026-03-02T23:00:00Z");
    assert_eq!(order["promisedDeliveryDate"], "2026-03-06T04:00:00Z");
    assert_eq!(order["shipMethod"], "UPS_2ND");
    assert_eq!(order["status"], "pendingFulfillment");
    assert_eq!(order["lines"][0]["giftMessage"], "Happy birthday, Jane!");
    let record = &out["records"][0];
    assert_eq!(record["fields"]["shipdate"], "2026-03-02");
    assert_eq!(record["fields"]["custbody_vcc_ship_method"], "UPS_2ND");
    assert_eq!(
        record["subrecords"]["shippingaddress"]["addr1"],
        "742 Evergreen Terrace"
    );
    assert_eq!(record["sublists"]["item"][0]["rate"], "500.00");
    assert_eq!(out["exceptions"], json!([]));
}

#[test]
fn one_bad_line_holds_the_whole_order() {
    // DF guide: "Partial shipments are not allowed. Vendors need to either confirm or reject
    // the full order (fill or kill model)."
    let out = convert(&fixture("held")["input"]);
    let created: Vec<&str> = out["salesOrders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["purchaseOrderNumber"].as_str().unwrap())
        .collect();
    assert_eq!(created, ["2JK3S9VC"]);
    let codes: Vec<(&str, &str)> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["purchaseOrderNumber"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("3XK4T0WD", "UNKNOWN_PRODUCT"),
            ("5ZM6V2YF", "UNKNOWN_WAREHOUSE"),
            ("5ZM6V2YF", "MISSING_NET_PRICE"),
        ]
    );
    // ACCEPTED: due when it must ship; NEW: due when it must be acknowledged (24 h).
    assert_eq!(out["exceptions"][0]["dueAt"], "2026-03-02T23:00:00Z");
    assert_eq!(out["exceptions"][1]["dueAt"], "2026-03-03T07:30:00Z");
    assert_eq!(out["notCreated"][1]["blocked"], false);
}

/// Every order of Amazon's DF sandbox converts, with one line per ordered item.
#[test]
fn every_sandbox_order_converts() {
    let model = common::load_model(DF_MODEL);
    let mut orders = Vec::new();
    for methods in model["paths"].as_object().unwrap().values() {
        for operation in methods.as_object().unwrap().values() {
            let Some(example) = operation.pointer("/responses/200/examples") else {
                continue;
            };
            let value = example.get("application/json").unwrap_or(example);
            if let Some(list) = value.get("orders").and_then(Value::as_array) {
                orders.extend(list.iter().cloned());
            } else if value.get("purchaseOrderNumber").is_some() {
                orders.push(value.clone());
            }
        }
    }
    assert!(!orders.is_empty());
    let mut sku_map = Vec::new();
    let mut locations = serde_json::Map::new();
    let mut customers = Vec::new();
    for order in &orders {
        let d = &order["orderDetails"];
        locations.insert(
            d["shipFromParty"]["partyId"].as_str().unwrap().into(),
            json!("1"),
        );
        customers.push(d["sellingParty"]["partyId"].as_str().unwrap().to_string());
        for item in d["items"].as_array().unwrap() {
            sku_map.push(json!({ "sku": item["buyerProductIdentifier"], "asin": item["buyerProductIdentifier"] }));
        }
    }
    sku_map.sort_by_key(|v| v["sku"].to_string());
    sku_map.dedup();
    customers.sort();
    customers.dedup();
    let customers: Vec<Value> = customers
        .iter()
        .map(|c| json!({ "vendorCode": c, "customer": "1", "currencies": ["USD"] }))
        .collect();
    for order in orders {
        let items = order["orderDetails"]["items"].as_array().unwrap().len();
        let input = json!({ "orders": [order], "skuMap": sku_map, "locations": locations,
            "customers": customers, "autoAcknowledge": true, "preset": "netsuite" });
        let out = convert(&input);
        assert_eq!(
            out["exceptions"],
            json!([]),
            "{}",
            order["purchaseOrderNumber"]
        );
        assert_eq!(
            out["salesOrders"][0]["lines"].as_array().unwrap().len(),
            items
        );
    }
}

#[test]
fn bad_input_is_refused_with_a_code_and_a_pointer() {
    let base = fixture("accepted_netsuite")["input"].clone();
    let with = |pointer: &str, value: Value| {
        let mut input = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match input.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            other => *other.get_mut(key.parse::<usize>().unwrap()).unwrap() = value,
        }
        input
    };
    let cases = [
        (
            with("/orders/0/orderDetails/orderDate", json!("yesterday")),
            "INVALID_DATE",
            "/orders/0/orderDetails/orderDate",
        ),
        (
            with(
                "/orders/0/orderDetails/shipmentDetails/shipmentDates/requiredShipDate",
                json!("2026-13-01T00:00:00Z"),
            ),
            "INVALID_DATE",
            "/orders/0/orderDetails/shipmentDetails/shipmentDates/requiredShipDate",
        ),
        (
            with(
                "/orders/0/orderDetails/items/1/itemSequenceNumber",
                json!("00001"),
            ),
            "DUPLICATE_LINE",
            "/orders/0/orderDetails/items/1/itemSequenceNumber",
        ),
        (
            with("/presetFieldIds", json!({ "custcol_nope": "x" })),
            "UNKNOWN_PRESET_FIELD",
            "/presetFieldIds/custcol_nope",
        ),
        (with("/locations", json!([])), "INVALID_TYPE", "/locations"),
        (
            with(
                "/orders/0/orderDetails/items/0/netPrice/amount",
                json!("5,00"),
            ),
            "INVALID_DECIMAL",
            "/orders/0/orderDetails/items/0/netPrice/amount",
        ),
    ];
    for (input, code, path) in cases {
        let err = convert_err(&input);
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{err}");
    }
    // Two different orders with one number.
    let mut input = base.clone();
    let mut second = input["orders"][0].clone();
    second["orderDetails"]["customerOrderNumber"] = json!("other");
    input["orders"].as_array_mut().unwrap().push(second);
    let err = convert_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("DUPLICATE_PURCHASE_ORDER", "/orders/1/purchaseOrderNumber")
    );
    // An identical copy is converted once.
    let mut input = base.clone();
    let copy = input["orders"][0].clone();
    input["orders"].as_array_mut().unwrap().push(copy);
    assert_eq!(convert(&input)["salesOrders"].as_array().unwrap().len(), 1);
}

#[test]
fn personal_values_stay_out_of_errors() {
    let mut input = fixture("accepted_netsuite")["input"].clone();
    input["orders"][0]["orderDetails"]["shipToParty"]["postalCode"] = json!(9740377);
    let err = convert_err(&input);
    assert_eq!(err.code(), "INVALID_TYPE");
    let shown = format!("{err} {}", err.details());
    assert!(!shown.contains("9740377"), "{shown}");
}

/// Strings no engine would invent: if one shows up outside the ERP fields, it leaked.
const NAME: &str = "Zebedee Q. Privatename";
const STREET: &str = "99 Sentinel Lane";
const GIFT: &str = "Secret gift words";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Invariants: every order is either a sales order or in notCreated, never both; a created
    /// order has every line (fill or kill) and total = Σ quantity × rate; the customer's data
    /// appears in no reason and no exception; the output is deterministic.
    #[test]
    fn invariants(
        specs in prop::collection::vec(
            (0u8..4, prop::collection::vec((1u64..50, 0u32..100_000, any::<bool>()), 1..4)),
            1..6,
        ),
        auto in any::<bool>(),
    ) {
        let orders: Vec<Value> = specs.iter().enumerate().map(|(i, (status, items))| {
            let status = ["NEW", "ACCEPTED", "SHIPPED", "CANCELLED"][usize::from(*status)];
            let items: Vec<Value> = items.iter().enumerate().map(|(j, (qty, cents, known))| json!({
                "itemSequenceNumber": format!("{:05}", j + 1),
                "buyerProductIdentifier": if *known { format!("B0KNOWN{j:03}") } else { format!("B0OTHER{j:03}") },
                "orderedQuantity": { "amount": qty, "unitOfMeasure": "Each" },
                "netPrice": { "currencyCode": "USD", "amount": format!("{}.{:02}", cents / 100, cents % 100) },
                "giftDetails": { "giftMessage": GIFT }
            })).collect();
            json!({ "purchaseOrderNumber": format!("PO{i}"), "orderDetails": {
                "customerOrderNumber": "111-1", "orderDate": "2026-03-02T07:30:00Z", "orderStatus": status,
                "shipmentDetails": { "isPriorityShipment": false, "isPslipRequired": false, "shipMethod": "UPS_2ND",
                    "shipmentDates": { "requiredShipDate": "2026-03-03T23:00:00Z" }, "messageToCustomer": "" },
                "sellingParty": { "partyId": "VEND1" }, "shipFromParty": { "partyId": "WH-EAST" },
                "shipToParty": { "name": NAME, "addressLine1": STREET, "stateOrRegion": "OR", "countryCode": "US" },
                "billToParty": { "partyId": "AMZN" }, "items": items } })
        }).collect();
        let sku_map: Vec<Value> = (0..4).map(|j| json!({ "sku": format!("S{j}"), "asin": format!("B0KNOWN{j:03}") })).collect();
        let input = json!({ "orders": orders, "skuMap": sku_map, "locations": { "WH-EAST": "7" },
            "customers": [{ "vendorCode": "VEND1", "customer": "311", "currencies": ["USD"] }],
            "autoAcknowledge": auto, "preset": "netsuite" });
        let out = convert(&input);
        prop_assert_eq!(&out, &convert(&input));
        let created: Vec<&Value> = out["salesOrders"].as_array().unwrap().iter().collect();
        let not_created = out["notCreated"].as_array().unwrap();
        prop_assert_eq!(created.len() + not_created.len(), specs.len());
        for order in created {
            let i: usize = order["purchaseOrderNumber"].as_str().unwrap()[2..].parse().unwrap();
            let (_, items) = &specs[i];
            prop_assert_eq!(order["lines"].as_array().unwrap().len(), items.len());
            let expected: u64 = items.iter().map(|(q, c, _)| q * u64::from(*c)).sum();
            let expected = format!("{}.{:02}", expected / 100, expected % 100);
            prop_assert_eq!(order["total"].as_str().unwrap(), expected.as_str());
        }
        let outside = json!([out["notCreated"], out["exceptions"]]).to_string();
        for secret in [NAME, STREET, GIFT] {
            prop_assert!(!outside.contains(secret));
        }
    }
}
