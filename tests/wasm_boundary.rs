//! The WebAssembly boundary as JavaScript sees it (wasm-bindgen-test, run under Node):
//! plain objects in and out, thrown errors that are real `Error`s with `code`/`path`/`details`,
//! and an instance that keeps answering after an error.

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
    decide_acknowledgements, decide_acknowledgements_json, version,
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

fn valid_input() -> Value {
    json!({
        "purchaseOrders": [{
            "purchaseOrderNumber": "PO-W1",
            "purchaseOrderState": "New",
            "orderDetails": {
                "purchaseOrderDate": "2026-11-21T10:00:00Z",
                "sellingParty": { "partyId": "VEND1" },
                "items": [{
                    "itemSequenceNumber": "1",
                    "amazonProductIdentifier": "B0WASM0001",
                    "orderedQuantity": { "amount": 3, "unitOfMeasure": "Cases", "unitSize": 4 },
                    "isBackOrderAllowed": false,
                    "netCost": { "amount": "9.99", "currencyCode": "EUR" }
                }]
            }
        }],
        "inventory": [{ "sku": "W", "onHand": 10 }],
        "skuMap": [{ "sku": "W", "asin": "B0WASM0001" }],
        "now": "2026-11-21T12:00:00Z"
    })
}

/// Calls the export and returns the thrown error's (code, path, is a real Error).
fn thrown(input: JsValue) -> (String, String, bool) {
    let err = decide_acknowledgements(input).expect_err("must throw");
    let is_error = err.dyn_ref::<js_sys::Error>().is_some();
    let code = get(&err, "code").as_string().unwrap_or_default();
    let path = get(&err, "path").as_string().unwrap_or_default();
    (code, path, is_error)
}

#[wasm_bindgen_test]
fn version_reports_library_and_models() {
    let v = rust(&version().unwrap());
    assert_eq!(v["library"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["models"]["vendorOrders"], "v1");
}

#[wasm_bindgen_test]
fn decides_from_a_plain_object_into_a_plain_object() {
    let out = rust(&decide_acknowledgements(js(&valid_input())).unwrap());
    let entries = &out["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"];
    assert_eq!(entries[0]["acknowledgementCode"], "Accepted");
    assert_eq!(entries[0]["acknowledgedQuantity"]["amount"], 2);
    assert_eq!(entries[1]["rejectionReason"], "TemporarilyUnavailable");
    assert_eq!(out["decisions"][0]["orderedEaches"], 12);
}

#[wasm_bindgen_test]
fn errors_are_real_errors_with_code_path_and_details() {
    let mut input = valid_input();
    input["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["amount"] =
        json!("3");
    let err = decide_acknowledgements(js(&input)).unwrap_err();
    let error: &js_sys::Error = err.dyn_ref().expect("an Error instance");
    assert_eq!(String::from(error.name()), "ConnectorError");
    assert_eq!(get(&err, "code").as_string().unwrap(), "INVALID_TYPE");
    assert_eq!(
        get(&err, "path").as_string().unwrap(),
        "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount"
    );
    assert!(
        rust(&get(&err, "details"))["message"]
            .as_str()
            .unwrap()
            .contains("string")
    );
}

#[wasm_bindgen_test]
fn non_objects_are_refused_at_the_root() {
    for input in [
        JsValue::from_f64(42.0),
        JsValue::from_str("x"),
        JsValue::NULL,
        JsValue::UNDEFINED,
        js(&json!([1, 2])),
    ] {
        assert_eq!(thrown(input), ("INVALID_TYPE".into(), String::new(), true));
    }
}

#[wasm_bindgen_test]
fn a_cyclic_object_is_refused_not_a_crash() {
    let input = js(&valid_input());
    Reflect::set(&input, &"self".into(), &input).unwrap();
    assert_eq!(thrown(input).0, "INVALID_JSON");
}

#[wasm_bindgen_test]
fn an_oversized_input_is_refused_before_parsing() {
    let mut input = valid_input();
    input["purchaseOrders"][0]["purchaseOrderNumber"] = json!("x".repeat(17 * 1024 * 1024));
    assert_eq!(thrown(js(&input)).0, "INPUT_TOO_LARGE");
}

#[wasm_bindgen_test]
fn the_instance_keeps_answering_after_errors() {
    for _ in 0..3 {
        assert_eq!(thrown(JsValue::NULL).0, "INVALID_TYPE");
        let mut bad = valid_input();
        bad["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["unitOfMeasure"] =
            json!("Pallets");
        assert_eq!(thrown(js(&bad)).0, "UNKNOWN_ENUM");
        let out = rust(&decide_acknowledgements(js(&valid_input())).unwrap());
        assert_eq!(out["decisions"][0]["accepted"], 2);
    }
}

#[wasm_bindgen_test]
fn the_json_twin_gives_the_same_answer() {
    let text = decide_acknowledgements_json(valid_input().to_string().into()).unwrap();
    let from_object = rust(&decide_acknowledgements(js(&valid_input())).unwrap());
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), from_object);
}

#[wasm_bindgen_test]
fn approval_round_trips_a_held_proposal_and_refuses_raised_quantities() {
    use vendor_central_connector::wasm::approve_acknowledgement;
    let mut input = valid_input();
    input["rules"] = json!({ "defaults": { "autoAcknowledge": false } });
    let out = rust(&decide_acknowledgements(js(&input)).unwrap());
    let proposal = out["pendingApproval"][0].clone();
    assert_eq!(proposal["lines"][0]["suggestedAccepted"], 2);

    let raised = json!({ "proposal": proposal, "now": "2026-11-21T13:00:00Z",
        "approved": [{ "itemSequenceNumber": "1", "accepted": 4 }] });
    let err = approve_acknowledgement(js(&raised)).unwrap_err();
    assert_eq!(
        get(&err, "code").as_string().unwrap(),
        "APPROVED_ABOVE_ORDERED"
    );
    assert_eq!(
        get(&err, "path").as_string().unwrap(),
        "/approved/0/accepted"
    );

    let lowered = json!({ "proposal": proposal, "now": "2026-11-21T13:00:00Z",
        "approved": [{ "itemSequenceNumber": "1", "accepted": 1 }] });
    let approved = rust(&approve_acknowledgement(js(&lowered)).unwrap());
    let entries = &approved["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"];
    assert_eq!(entries[0]["acknowledgedQuantity"]["amount"], 1);
    assert_eq!(entries[1]["acknowledgedQuantity"]["amount"], 2);
}

#[wasm_bindgen_test]
fn configure_changes_the_input_limit_and_refuses_nonsense() {
    use vendor_central_connector::wasm::configure;
    let small = rust(&configure(js(&json!({ "maxInputBytes": 64 }))).unwrap());
    assert_eq!(small["maxInputBytes"], 64);
    assert_eq!(thrown(js(&valid_input())).0, "INPUT_TOO_LARGE");
    let err = configure(js(&json!({ "maxInputBytes": 0 }))).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "INVALID_VALUE");
    let err = configure(js(&json!({ "maxInputBites": 10 }))).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "UNKNOWN_FIELD");
    let restored = rust(&configure(js(&json!({ "maxInputBytes": 16 * 1024 * 1024 }))).unwrap());
    assert_eq!(restored["maxInputBytes"], 16 * 1024 * 1024);
    assert!(decide_acknowledgements(js(&valid_input())).is_ok());
}
