//! Count limits through `configure`, as JavaScript sees them (wasm-bindgen-test under Node):
//! the settings in force come back, a list over its limit throws `TOO_MANY_ITEMS` with the
//! list's pointer and `{limit, actual, setting}`, a zero limit changes nothing.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(target_arch = "wasm32")]

use js_sys::{JSON, Reflect};
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use vendor_central_connector::limits::{
    DEFAULT_MAX_LINES, DEFAULT_MAX_PURCHASE_ORDERS, DEFAULT_MAX_RECONCILE_ROWS,
    DEFAULT_MAX_SHIPMENT_ITEMS,
};
use vendor_central_connector::wasm::{
    configure, decide_acknowledgements, decide_acknowledgements_json, reconcile_json,
};

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).unwrap()
}

fn rust(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

fn field(value: &JsValue, key: &str) -> Value {
    rust(&Reflect::get(value, &JsValue::from_str(key)).unwrap())
}

fn order(number: &str, lines: usize) -> Value {
    let items: Vec<Value> = (1..=lines)
        .map(|i| {
            json!({
                "itemSequenceNumber": i.to_string(),
                "amazonProductIdentifier": "B0WASM0001",
                "orderedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" },
                "isBackOrderAllowed": false,
                "netCost": { "amount": "9.99", "currencyCode": "EUR" }
            })
        })
        .collect();
    json!({
        "purchaseOrderNumber": number,
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-21T10:00:00Z",
            "sellingParty": { "partyId": "VEND1" },
            "items": items
        }
    })
}

fn batch(pos: usize, lines: usize) -> Value {
    let orders: Vec<Value> = (0..pos).map(|p| order(&format!("PO-{p}"), lines)).collect();
    json!({
        "purchaseOrders": orders,
        "inventory": [{ "sku": "W", "onHand": 10 }],
        "skuMap": [{ "sku": "W", "asin": "B0WASM0001" }],
        "now": "2026-11-21T12:00:00Z"
    })
}

/// Back to the defaults, so the other tests of this binary see a fresh instance.
fn reset() {
    configure(js(&json!({
        "maxPurchaseOrders": DEFAULT_MAX_PURCHASE_ORDERS,
        "maxLines": DEFAULT_MAX_LINES,
        "maxShipmentItems": DEFAULT_MAX_SHIPMENT_ITEMS,
        "maxReconcileRows": DEFAULT_MAX_RECONCILE_ROWS,
    })))
    .unwrap();
}

#[wasm_bindgen_test]
fn configure_returns_every_limit_in_force() {
    let settings = rust(&configure(js(&json!({}))).unwrap());
    assert_eq!(settings["maxPurchaseOrders"], DEFAULT_MAX_PURCHASE_ORDERS);
    assert_eq!(settings["maxLines"], DEFAULT_MAX_LINES);
    assert_eq!(settings["maxShipmentItems"], DEFAULT_MAX_SHIPMENT_ITEMS);
    assert_eq!(settings["maxReconcileRows"], DEFAULT_MAX_RECONCILE_ROWS);
    assert_eq!(settings["maxInputBytes"], 16 * 1024 * 1024);
}

#[wasm_bindgen_test]
fn a_purchase_order_limit_refuses_a_bigger_batch_and_the_instance_stays_usable() {
    let settings = rust(&configure(js(&json!({ "maxPurchaseOrders": 1 }))).unwrap());
    assert_eq!(settings["maxPurchaseOrders"], 1);
    // The other limits keep their values.
    assert_eq!(settings["maxLines"], DEFAULT_MAX_LINES);

    let err = decide_acknowledgements(js(&batch(2, 1))).unwrap_err();
    assert_eq!(field(&err, "code"), "TOO_MANY_ITEMS");
    assert_eq!(field(&err, "path"), "/purchaseOrders");
    assert_eq!(
        field(&err, "details"),
        json!({ "limit": 1, "actual": 2, "setting": "maxPurchaseOrders" })
    );
    // The JSON twin enforces the same limit.
    let err = decide_acknowledgements_json(batch(2, 1).to_string().into()).unwrap_err();
    assert_eq!(field(&err, "code"), "TOO_MANY_ITEMS");
    // Within the limit it decides.
    assert!(decide_acknowledgements(js(&batch(1, 1))).is_ok());
    reset();
    assert!(decide_acknowledgements(js(&batch(2, 1))).is_ok());
}

#[wasm_bindgen_test]
fn a_line_limit_counts_lines_over_the_whole_batch() {
    configure(js(&json!({ "maxLines": 3 }))).unwrap();
    let err = decide_acknowledgements(js(&batch(2, 2))).unwrap_err();
    assert_eq!(field(&err, "code"), "TOO_MANY_ITEMS");
    assert_eq!(field(&err, "path"), "/purchaseOrders");
    assert_eq!(field(&err, "details")["actual"], 4);
    reset();
}

#[wasm_bindgen_test]
fn a_reconcile_row_limit_counts_remittance_csv_lines() {
    configure(js(&json!({ "maxReconcileRows": 2 }))).unwrap();
    let input = json!({
        "purchaseOrders": [],
        "remittanceCsv": { "text": "a,b\n1,2\n3,4\n" },
        "now": "2026-11-21T12:00:00Z"
    });
    let err = reconcile_json(input.to_string().into()).unwrap_err();
    assert_eq!(field(&err, "code"), "TOO_MANY_ITEMS");
    assert_eq!(field(&err, "path"), "");
    assert_eq!(
        field(&err, "details"),
        json!({ "limit": 2, "actual": 3, "setting": "maxReconcileRows" })
    );
    reset();
}

#[wasm_bindgen_test]
fn a_zero_limit_is_refused_and_changes_nothing() {
    let err = configure(js(&json!({ "maxPurchaseOrders": 5, "maxLines": 0 }))).unwrap_err();
    assert_eq!(field(&err, "code"), "INVALID_VALUE");
    assert_eq!(field(&err, "path"), "/maxLines");
    let settings = rust(&configure(js(&json!({}))).unwrap());
    assert_eq!(settings["maxPurchaseOrders"], DEFAULT_MAX_PURCHASE_ORDERS);
    let err = configure(js(&json!({ "maxLines": -1 }))).unwrap_err();
    assert_eq!(field(&err, "path"), "/maxLines");
}
