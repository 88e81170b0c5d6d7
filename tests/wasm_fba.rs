//! The FBA exports as JavaScript sees them (wasm-bindgen-test under Node): plain objects in and
//! out, thrown errors that are real `Error`s with `code`/`path`/`details` (and no personal
//! data), the JSON twins, and an instance that keeps answering after an error.

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
    apply_fulfillment_event, apply_fulfillment_event_json, route_fulfillment,
    route_fulfillment_json, version,
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

fn route_input() -> Value {
    json!({
        "order": {
            "channel": "webstore", "orderId": "W-9", "orderDate": "2026-11-20T10:00:00Z",
            "shippingSpeed": "express",
            "lines": [{ "sku": "TV-55", "quantity": 2 }, { "sku": "MUG", "quantity": 1 }],
            "shipTo": { "name": "Jane Buyer", "addressLine1": "1234 Example Way", "city": "Troy",
                        "postalCode": "48084", "countryCode": "US" }
        },
        "fbaStock": [{ "sku": "TV-55", "fulfillableQuantity": 5 }],
        "options": { "speedMapping": { "express": "Priority" } }
    })
}

/// Calls `f` and returns the thrown error's (code, path, message, is a real Error).
fn thrown(result: Result<JsValue, JsValue>) -> (String, String, String, bool) {
    let err = result.expect_err("must throw");
    let is_error = err.dyn_ref::<js_sys::Error>().is_some();
    let code = get(&err, "code").as_string().unwrap_or_default();
    let path = get(&err, "path").as_string().unwrap_or_default();
    let message = get(&err, "message").as_string().unwrap_or_default();
    (code, path, message, is_error)
}

#[wasm_bindgen_test]
fn version_lists_the_fba_models() {
    let v = rust(&version().unwrap());
    assert_eq!(v["models"]["fulfillmentOutbound"], "2020-07-01");
    assert_eq!(v["models"]["fbaInventory"], "v1");
}

#[wasm_bindgen_test]
fn routes_from_a_plain_object_into_a_plain_object() {
    let out = rust(&route_fulfillment(js(&route_input())).unwrap());
    assert_eq!(out["request"]["sellerFulfillmentOrderId"], "webstore-W-9");
    assert_eq!(out["request"]["shippingSpeedCategory"], "Priority");
    assert_eq!(out["request"]["items"][0]["quantity"], 2);
    assert_eq!(out["packages"][0]["fulfilledBy"], "fba");
    assert_eq!(out["carrierExport"], json!(["W-9-OWN"]));
}

#[wasm_bindgen_test]
fn errors_are_real_errors_without_personal_data_and_the_instance_survives() {
    let mut input = route_input();
    input["order"]["shipTo"]["postalCode"] = json!(48084);
    let (code, path, message, is_error) = thrown(route_fulfillment(js(&input)));
    assert!(is_error);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("INVALID_TYPE", "/order/shipTo/postalCode")
    );
    assert!(!message.contains("48084"), "{message}");

    let (code, path, _, _) = thrown(route_fulfillment(JsValue::from_str("order")));
    assert_eq!((code.as_str(), path.as_str()), ("INVALID_TYPE", ""));

    // Still usable.
    let out = rust(&route_fulfillment(js(&route_input())).unwrap());
    assert_eq!(out["lines"][1]["decision"], "ownWarehouse");
}

#[wasm_bindgen_test]
fn applies_an_event_and_reports_the_order_status() {
    let routed = rust(&route_fulfillment(js(&route_input())).unwrap());
    let fba = routed["packages"][0].clone();
    let own = routed["packages"][1].clone();
    let refused = json!({ "package": fba, "otherPackages": [own],
        "event": { "createFulfillmentOrder": { "errors": [{ "code": "InvalidInput", "message": "bad" }] } } });
    let out = rust(&apply_fulfillment_event(js(&refused)).unwrap());
    assert_eq!(out["package"]["status"], "fbaFailed");
    assert_eq!(out["exceptions"][0]["code"], "FBA_FULFILLMENT_FAILED");
    assert_eq!(out["orderStatus"], "unshipped");

    let recreate = json!({ "package": out["package"], "otherPackages": [routed["packages"][1]],
        "event": { "recreateFromOwnStock": {} } });
    let out = rust(&apply_fulfillment_event(js(&recreate)).unwrap());
    assert_eq!(out["package"]["status"], "replaced");
    assert_eq!(out["carrierExport"], json!(["W-9-FBA-OWN"]));

    let wrong =
        json!({ "package": routed["packages"][1], "event": { "recreateFromOwnStock": {} } });
    let (code, path, _, is_error) = thrown(apply_fulfillment_event(js(&wrong)));
    assert!(is_error);
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("PACKAGE_KIND_MISMATCH", "/event/recreateFromOwnStock")
    );
}

#[wasm_bindgen_test]
fn json_twins_take_and_return_text() {
    let text = route_fulfillment_json(route_input().to_string().into()).unwrap();
    let out: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(out["packages"].as_array().unwrap().len(), 2);

    let event = json!({ "package": out["packages"][1],
        "event": { "shippedByOwnCarrier": { "carrierCode": "DHL", "trackingNumber": "JD1" } },
        "otherPackages": [out["packages"][0]] });
    let next: Value =
        serde_json::from_str(&apply_fulfillment_event_json(event.to_string().into()).unwrap())
            .unwrap();
    assert_eq!(next["package"]["status"], "shipped");
    assert_eq!(next["orderStatus"], "partiallyShipped");
    assert_eq!(
        next["trackingToPropagate"][0]["tracking"]["trackingNumber"],
        "JD1"
    );

    let err = apply_fulfillment_event_json("{\"package\":".into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "INVALID_JSON");
}
