//! `buildInvoice` and `reconcile` across the WebAssembly boundary (wasm-bindgen-test, under
//! Node): plain objects in and out, thrown errors with `code`/`path`/`details`, and an instance
//! that keeps answering after an error.

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
    build_invoice, build_invoice_json, reconcile, reconcile_json,
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

fn po() -> Value {
    json!({
        "purchaseOrderNumber": "PO-W1",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-01T00:00:00Z",
            "items": [{ "itemSequenceNumber": "1", "amazonProductIdentifier": "B0W",
                        "orderedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" }, "isBackOrderAllowed": false,
                        "netCost": { "amount": "2.50", "currencyCode": "EUR" } }]
        }
    })
}

fn invoice_input() -> Value {
    json!({
        "invoices": [{ "id": "W-1", "date": "2026-11-05T00:00:00Z" }],
        "purchaseOrders": [po()],
        "acknowledgements": [{ "purchaseOrderNumber": "PO-W1", "sellingParty": { "partyId": "V" },
            "acknowledgementDate": "2026-11-01T01:00:00Z",
            "items": [{ "itemSequenceNumber": "1", "orderedQuantity": { "amount": 4 },
                        "itemAcknowledgements": [{ "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 4 } }] }] }],
        "fulfilments": [{ "purchaseOrderNumber": "PO-W1", "itemSequenceNumber": "1", "quantity": 4 }],
        "remitToParty": { "partyId": "V", "taxInfo": { "taxRegistrationType": "VAT", "taxRegistrationNumber": "DE1" } },
        "taxes": [{ "taxType": "VAT", "taxRate": "19" }],
        "now": "2026-11-06T00:00:00Z"
    })
}

/// (code, path, is a real Error) of a thrown value.
fn thrown(err: JsValue) -> (String, String, bool) {
    let is_error = err.dyn_ref::<js_sys::Error>().is_some();
    (
        get(&err, "code").as_string().unwrap_or_default(),
        get(&err, "path").as_string().unwrap_or_default(),
        is_error,
    )
}

#[wasm_bindgen_test]
fn build_invoice_from_a_plain_object() {
    let out = rust(&build_invoice(js(&invoice_input())).unwrap());
    let invoice = &out["request"]["invoices"][0];
    assert_eq!(
        invoice["invoiceTotal"],
        json!({ "currencyCode": "EUR", "amount": "11.90" })
    );
    assert_eq!(
        invoice["remitToParty"]["taxRegistrationDetails"][0]["taxRegistrationNumber"],
        "DE1"
    );
    assert_eq!(invoice["items"][0]["itemSequenceNumber"], 1);
    assert_eq!(out["documents"][0]["status"], "built");
}

#[wasm_bindgen_test]
fn build_invoice_errors_are_thrown_and_the_instance_survives() {
    let mut input = invoice_input();
    input["invoices"][0]["date"] = json!(20261105);
    assert_eq!(
        thrown(build_invoice(js(&input)).unwrap_err()),
        (
            "INVALID_TYPE".to_string(),
            "/invoices/0/date".to_string(),
            true
        )
    );
    assert_eq!(
        thrown(build_invoice(JsValue::from_str("nope")).unwrap_err()).0,
        "INVALID_TYPE"
    );
    let text = build_invoice_json(invoice_input().to_string().into()).unwrap();
    let out: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(out["request"]["invoices"][0]["id"], "W-1");
}

fn reconcile_input() -> Value {
    let built = rust(&build_invoice(js(&invoice_input())).unwrap());
    json!({
        "purchaseOrders": [po()],
        "invoices": built["request"]["invoices"],
        "remittanceCsv": { "text": "Invoice Number,Amount Paid,Invoice Currency\r\nW-1,11.90,EUR\r\nW-1SC,-2.98,EUR\r\n" },
        "now": "2027-01-20T00:00:00Z"
    })
}

#[wasm_bindgen_test]
fn reconcile_from_a_plain_object_and_json_text() {
    let out = rust(&reconcile(js(&reconcile_input())).unwrap());
    assert_eq!(out["invoices"][0]["status"], "shortPaid");
    assert_eq!(out["exceptions"][0]["code"], "DEDUCTION_SHORTAGE");
    assert_eq!(
        out["exceptions"][0]["moneyAtRisk"],
        json!({ "amount": "2.98", "currencyCode": "EUR" })
    );
    let text = reconcile_json(reconcile_input().to_string().into()).unwrap();
    let again: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(again, out);
}

#[wasm_bindgen_test]
fn reconcile_currency_mismatch_is_thrown_with_row_and_column() {
    let mut input = reconcile_input();
    input["remittanceCsv"]["text"] =
        json!("Invoice Number,Amount Paid,Invoice Currency\nW-1,11.90,USD\n");
    let err = reconcile(js(&input)).unwrap_err();
    assert_eq!(
        thrown(err.clone()),
        (
            "CURRENCY_MISMATCH".to_string(),
            "/remittanceCsv/text".to_string(),
            true
        )
    );
    let details = rust(&get(&err, "details"));
    assert_eq!(details["row"], 2);
    assert_eq!(details["expected"], "EUR");
    // Still answering.
    assert!(reconcile(js(&reconcile_input())).is_ok());
    assert_eq!(
        thrown(reconcile_json("[1]".into()).unwrap_err()).0,
        "INVALID_TYPE"
    );
}
