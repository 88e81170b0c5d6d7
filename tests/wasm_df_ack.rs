//! `decideDirectFulfillmentAcknowledgements` across the WebAssembly boundary (wasm-bindgen-test,
//! run under Node): plain objects in and out, thrown errors with `code`/`path` that never
//! carry the customer's address, and an instance that keeps answering after an error.

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
    decide_direct_fulfillment_acknowledgements, decide_direct_fulfillment_acknowledgements_json,
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
        "orders": [{
            "purchaseOrderNumber": "DF-W1",
            "orderDetails": {
                "customerOrderNumber": "112-0000000-0000009",
                "orderDate": "2026-03-02T06:00:00Z",
                "orderStatus": "NEW",
                "shipmentDetails": {
                    "isPriorityShipment": false, "isPslipRequired": false,
                    "shipMethod": "UPS_2ND",
                    "shipmentDates": { "requiredShipDate": "2026-03-03T23:00:00Z" },
                    "messageToCustomer": ""
                },
                "sellingParty": { "partyId": "VEND1" },
                "shipFromParty": { "partyId": "WH-EAST" },
                "shipToParty": {
                    "name": "Jane Q. Customer", "addressLine1": "742 Evergreen Terrace",
                    "stateOrRegion": "OR", "postalCode": "97403", "countryCode": "US"
                },
                "billToParty": { "partyId": "AMZN-US" },
                "items": [{
                    "itemSequenceNumber": "00001",
                    "buyerProductIdentifier": "B07DFVDRAB",
                    "orderedQuantity": { "amount": 2, "unitOfMeasure": "EACH" },
                    "netPrice": { "currencyCode": "USD", "amount": "250.00" }
                }]
            }
        }],
        "inventory": [{ "sku": "WASHER-8KG", "available": 1 }],
        "skuMap": [{ "sku": "WASHER-8KG", "asin": "B07DFVDRAB" }],
        "now": "2026-03-02T09:00:00Z"
    })
}

#[wasm_bindgen_test]
fn decides_from_a_plain_object_into_a_plain_object() {
    let out = rust(&decide_direct_fulfillment_acknowledgements(js(&valid_input())).unwrap());
    let ack = &out["request"]["orderAcknowledgements"][0];
    assert_eq!(ack["acknowledgementStatus"]["code"], "03");
    assert_eq!(
        ack["itemAcknowledgements"][0]["acknowledgedQuantity"],
        json!({ "amount": 2, "unitOfMeasure": "Each" })
    );
    assert_eq!(out["decisions"][0]["code"], "OUT_OF_STOCK");

    let mut stocked = valid_input();
    stocked["inventory"][0]["available"] = json!(2);
    let text = decide_direct_fulfillment_acknowledgements_json(stocked.to_string().into()).unwrap();
    let out: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        out["request"]["orderAcknowledgements"][0]["acknowledgementStatus"]["code"],
        "00"
    );
    assert_eq!(out["allocations"][0]["quantityEaches"], 2);
}

#[wasm_bindgen_test]
fn errors_carry_code_and_path_but_not_the_customers_address() {
    let mut input = valid_input();
    input["orders"][0]["orderDetails"]["shipToParty"]["postalCode"] = json!(97403);
    let err = decide_direct_fulfillment_acknowledgements(js(&input)).expect_err("must throw");
    assert!(err.dyn_ref::<js_sys::Error>().is_some());
    assert_eq!(get(&err, "code").as_string().unwrap(), "INVALID_TYPE");
    assert_eq!(
        get(&err, "path").as_string().unwrap(),
        "/orders/0/orderDetails/shipToParty/postalCode"
    );
    let texts = format!(
        "{} {}",
        get(&err, "message").as_string().unwrap(),
        String::from(JSON::stringify(&get(&err, "details")).unwrap())
    );
    assert!(!texts.contains("97403"), "{texts}");

    let err =
        decide_direct_fulfillment_acknowledgements_json("{\"orders\": []}".into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "MISSING_FIELD");
    assert_eq!(get(&err, "path").as_string().unwrap(), "/now");

    let err = decide_direct_fulfillment_acknowledgements(JsValue::from_str("x")).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "INVALID_TYPE");

    // The instance still answers after the errors.
    let out = rust(&decide_direct_fulfillment_acknowledgements(js(&valid_input())).unwrap());
    assert_eq!(out["decisions"].as_array().unwrap().len(), 1);
}
