//! The shipment exports as JavaScript sees them (wasm-bindgen-test under Node): objects in and
//! out, issues with paths, thrown errors with code/path, the instance usable after an error.

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
    build_shipment_confirmation, build_shipment_confirmation_json, generate_sscc,
    validate_shipment_confirmation, validate_shipment_confirmation_json,
};

const PACKING: &str = include_str!("fixtures/shipment/build-PalletizedAssortmentCase.input.json");
const EXPECTED: &str =
    include_str!("fixtures/shipment/build-PalletizedAssortmentCase.expected.json");

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).unwrap()
}

fn rust(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

fn get(value: &JsValue, key: &str) -> String {
    Reflect::get(value, &JsValue::from_str(key))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn packing() -> Value {
    serde_json::from_str(PACKING).unwrap()
}

#[wasm_bindgen_test]
fn builds_the_expected_request_from_a_plain_object() {
    let out = rust(&build_shipment_confirmation(js(&packing())).unwrap());
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(out, expected);
}

#[wasm_bindgen_test]
fn json_twins_give_the_same_answers() {
    let text = build_shipment_confirmation_json(packing().to_string().into()).unwrap();
    let out: Value = serde_json::from_str(&text).unwrap();
    let asn = out["request"]["shipmentConfirmations"][0].clone();
    let input = json!({ "shipmentConfirmation": asn, "now": "2026-11-22T10:00:00Z" });
    let valid: Value = serde_json::from_str(
        &validate_shipment_confirmation_json(input.to_string().into()).unwrap(),
    )
    .unwrap();
    assert_eq!(valid, json!({ "valid": true, "issues": [] }));
}

#[wasm_bindgen_test]
fn validation_issues_carry_the_field_path() {
    let mut input = json!({
        "shipmentConfirmation": serde_json::from_str::<Value>(EXPECTED).unwrap()["request"]["shipmentConfirmations"][0].clone(),
        "now": "2026-11-22T10:00:00Z"
    });
    input["shipmentConfirmation"]["cartons"][0]["cartonIdentifiers"][0]["containerIdentificationNumber"] =
        json!("00106141410000050008");
    let out = rust(&validate_shipment_confirmation(js(&input)).unwrap());
    assert_eq!(out["valid"], false);
    assert_eq!(out["issues"][0]["code"], "INVALID_SSCC_CHECK_DIGIT");
    assert_eq!(
        out["issues"][0]["path"],
        "/cartons/0/cartonIdentifiers/0/containerIdentificationNumber"
    );
    assert_eq!(out["issues"][0]["severity"], "error");
}

#[wasm_bindgen_test]
fn errors_are_thrown_with_code_and_path_and_the_instance_keeps_working() {
    let mut bad = packing();
    bad["cartons"][0]["contents"][0]["quantity"] = json!("six");
    let error = build_shipment_confirmation(js(&bad)).expect_err("must throw");
    assert!(error.dyn_ref::<js_sys::Error>().is_some());
    assert_eq!(get(&error, "code"), "INVALID_TYPE");
    assert_eq!(get(&error, "path"), "/cartons/0/contents/0/quantity");

    let error = validate_shipment_confirmation(JsValue::from_str("asn")).expect_err("must throw");
    assert_eq!(get(&error, "code"), "INVALID_TYPE");
    let error = validate_shipment_confirmation_json("{".into()).expect_err("must throw");
    assert_eq!(get(&error, "code"), "INVALID_JSON");

    let out = rust(&build_shipment_confirmation(js(&packing())).unwrap());
    assert!(out["request"].is_object());
}

#[wasm_bindgen_test]
fn generates_labelled_ssccs() {
    let out = rust(
        &generate_sscc(js(&json!({
            "companyPrefix": "0614141", "extensionDigit": 1, "serialReference": 123456789
        })))
        .unwrap(),
    );
    assert_eq!(
        out,
        json!({
            "sscc": "106141411234567897",
            "elementString": "00106141411234567897",
            "humanReadable": "(00) 1 0614141 123456789 7"
        })
    );
    let error = generate_sscc(js(&json!({ "companyPrefix": "06", "serialReference": 1 })))
        .expect_err("must throw");
    assert_eq!(get(&error, "code"), "INVALID_VALUE");
    assert_eq!(get(&error, "path"), "/companyPrefix");
}
