//! The boundary of `toSalesOrders`, `diffPurchaseOrder`, `inventoryFeed`, `exceptionsReport`,
//! `chargebackExposure` and `vendorScorecard`
//! as JavaScript sees it: plain objects in and out, JSON twins, thrown `Error`s with
//! `code`/`path`/`details`, and an instance that keeps answering after an error.

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
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use vendor_central_connector::wasm::{
    chargeback_exposure, chargeback_exposure_json, diff_purchase_order, diff_purchase_order_json,
    exceptions_report, exceptions_report_json, inventory_feed, inventory_feed_json,
    to_sales_orders, to_sales_orders_json, vendor_scorecard, vendor_scorecard_json,
};

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).unwrap()
}

fn rust(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// (code, path, is a real Error) of a thrown value.
fn thrown(err: JsValue) -> (String, String, bool) {
    let is_error = err.dyn_ref::<js_sys::Error>().is_some();
    let code = get(&err, "code").as_string().unwrap_or_default();
    let path = get(&err, "path").as_string().unwrap_or_default();
    (code, path, is_error)
}

fn order() -> Value {
    json!({
        "purchaseOrderNumber": "PO-W1",
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-21T10:00:00Z",
            "sellingParty": { "partyId": "VEND1" },
            "shipToParty": { "partyId": "SEA8" },
            "items": [{
                "itemSequenceNumber": "1",
                "amazonProductIdentifier": "B0WASM0001",
                "orderedQuantity": { "amount": 3, "unitOfMeasure": "CASES", "unitSize": 4 },
                "isBackOrderAllowed": false,
                "netCost": { "amount": "9.99", "currencyCode": "EUR" }
            }]
        }
    })
}

fn sales_input() -> Value {
    json!({
        "purchaseOrders": [order()],
        "skuMap": [{ "sku": "W", "asin": "B0WASM0001" }],
        "locations": [{ "fulfillmentCenter": "SEA8", "location": "7" }],
        "customers": [{ "vendorCode": "VEND1", "customer": "311", "currencies": ["EUR"] }],
        "autoAcknowledge": true,
        "preset": "netsuite"
    })
}

#[wasm_bindgen_test]
fn to_sales_orders_objects_in_and_out_and_errors() {
    let out = rust(&to_sales_orders(js(&sales_input())).unwrap());
    assert_eq!(out["salesOrders"][0]["lines"][0]["quantityEaches"], 12);
    assert_eq!(out["salesOrders"][0]["lines"][0]["amount"], "119.88");
    assert_eq!(out["salesOrders"][0]["status"], "pendingFulfillment");
    assert_eq!(out["records"][0]["fields"]["orderstatus"], "B");
    let mut bad = sales_input();
    bad["locations"][0]["fulfilmentCenter"] = json!("SEA8");
    assert_eq!(
        thrown(to_sales_orders(js(&bad)).unwrap_err()),
        (
            "UNKNOWN_FIELD".into(),
            "/locations/0/fulfilmentCenter".into(),
            true
        )
    );
    assert_eq!(
        thrown(to_sales_orders(JsValue::from_str("x")).unwrap_err()),
        ("INVALID_TYPE".into(), "".into(), true)
    );
    // Still answering after errors; the JSON twin gives the same result.
    let text = to_sales_orders_json(sales_input().to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}

#[wasm_bindgen_test]
fn diff_purchase_order_objects_in_and_out_and_errors() {
    let mut current = order();
    current["orderDetails"]["items"][0]["orderedQuantity"]["amount"] = json!(2);
    let input = json!({ "previous": order(), "current": current });
    let out = rust(&diff_purchase_order(js(&input)).unwrap());
    assert_eq!(out["changes"][0]["kind"], "quantityChanged");
    assert_eq!(
        out["reacknowledgement"]["lines"][0]["reasons"],
        json!(["quantityChanged"])
    );
    let mut other = current.clone();
    other["purchaseOrderNumber"] = json!("PO-W2");
    let bad = json!({ "previous": order(), "current": other });
    assert_eq!(
        thrown(diff_purchase_order(js(&bad)).unwrap_err()),
        (
            "PURCHASE_ORDER_MISMATCH".into(),
            "/current/purchaseOrderNumber".into(),
            true
        )
    );
    let text = diff_purchase_order_json(input.to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}

fn feed_input() -> Value {
    json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "W", "onHand": 10, "committed": 12 },
            { "warehouseId": "ABCD", "sku": "V", "onHand": 10 }
        ],
        "skuMap": [{ "sku": "W", "asin": "B0WASM0001" }, { "sku": "V", "asin": "B0WASM0002" }],
        "rules": [{ "sku": "W", "critical": true }],
        "lastSent": [{ "warehouseId": "ABCD", "sku": "W", "quantity": 4 }]
    })
}

#[wasm_bindgen_test]
fn inventory_feed_objects_in_and_out_and_errors() {
    let out = rust(&inventory_feed(js(&feed_input())).unwrap());
    let items = out["requests"][0]["body"]["inventory"]["items"]
        .as_array()
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["buyerProductIdentifier"], "B0WASM0002");
    assert_eq!(out["heldZeros"][0]["sku"], "W");
    let mut confirmed = feed_input();
    confirmed["confirmZeros"] = json!(["W"]);
    let out_confirmed = rust(&inventory_feed(js(&confirmed)).unwrap());
    assert_eq!(
        out_confirmed["requests"][0]["body"]["inventory"]["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let mut bad = feed_input();
    bad["batchSize"] = json!(0);
    assert_eq!(
        thrown(inventory_feed(js(&bad)).unwrap_err()),
        ("INVALID_VALUE".into(), "/batchSize".into(), true)
    );
    let text = inventory_feed_json(feed_input().to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}

#[wasm_bindgen_test]
fn exceptions_report_objects_in_and_out_and_errors() {
    let input = json!({
        "now": "2026-11-22T12:00:00Z",
        "exceptions": [
            { "code": "ZERO_HELD", "severity": "warning", "sku": "W", "message": "m" },
            { "code": "UNKNOWN_PRODUCT", "severity": "error", "message": "n", "dueAt": "2026-11-22T10:00:00Z" }
        ],
        "transactions": [{ "transactionId": "T", "status": "Failure", "submittedAt": "2026-11-22T11:00:00Z", "kind": "acknowledgement" }]
    });
    let out = rust(&exceptions_report(js(&input)).unwrap());
    let codes: Vec<&str> = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["UNKNOWN_PRODUCT", "TRANSACTION_FAILED", "ZERO_HELD"]
    );
    assert_eq!(out["entries"][0]["owner"], "administrator");
    let mut bad = input.clone();
    bad["exceptions"][1]["dueAt"] = json!("soon");
    assert_eq!(
        thrown(exceptions_report(js(&bad)).unwrap_err()),
        ("INVALID_DATE".into(), "/exceptions/1/dueAt".into(), true)
    );
    let text = exceptions_report_json(input.to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}

#[wasm_bindgen_test]
fn chargeback_exposure_objects_in_and_out_and_errors() {
    let input = json!({
        "now": "2026-11-22T12:00:00Z",
        "exceptions": [
            { "code": "OVERAGE", "severity": "warning", "purchaseOrderNumber": "PO-3", "itemSequenceNumber": "1", "message": "m", "moneyAtRisk": { "amount": "40.00", "currencyCode": "USD" } },
            { "code": "ZERO_HELD", "severity": "warning", "sku": "W", "message": "n" }
        ]
    });
    let out = rust(&chargeback_exposure(js(&input)).unwrap());
    assert_eq!(out["chargebacks"][0]["chargebackType"], "overage");
    assert_eq!(out["chargebacks"][0]["amount"]["amount"], "4.00");
    assert_eq!(out["notChargebacks"], 1);
    let mut bad = input.clone();
    bad["rates"] =
        json!({ "overage": { "percentOfCost": "3", "fee": "1", "currencyCode": "USD" } });
    assert_eq!(
        thrown(chargeback_exposure(js(&bad)).unwrap_err()),
        ("INVALID_VALUE".into(), "/rates/overage/fee".into(), true)
    );
    let text = chargeback_exposure_json(input.to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}

#[wasm_bindgen_test]
fn vendor_scorecard_objects_in_and_out_and_errors() {
    let input = json!({
        "purchaseOrders": [order()],
        "from": "2026-11-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "now": "2026-12-15T00:00:00Z"
    });
    let out = rust(&vendor_scorecard(js(&input)).unwrap());
    assert_eq!(out["figures"][0]["figure"], "fillRate");
    let mut bad = input.clone();
    bad["to"] = json!("soon");
    assert_eq!(
        thrown(vendor_scorecard(js(&bad)).unwrap_err()),
        ("INVALID_DATE".into(), "/to".into(), true)
    );
    let text = vendor_scorecard_json(input.to_string().into()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out);
}
