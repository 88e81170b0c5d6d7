//! Every example of Amazon's vendorInvoices model and of the getPurchaseOrdersStatus operation
//! of vendorOrders parses into the wire types and serialises back to the same JSON, except for
//! the quirks listed here one by one.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
// Native only: reads the models from disk.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Example, ExampleKind, ORDERS_MODEL, differences, examples, load_model};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_json;
use vendor_central_connector::spapi::invoices::{
    InvoicePartyIdentification, InvoiceType, SubmitInvoicesRequest, SubmitInvoicesResponse,
};
use vendor_central_connector::spapi::orders_status::{
    GetPurchaseOrdersStatusResponse, ReceiveStatus,
};

const INVOICES_MODEL: &str = "vendor-invoices-api-model/vendorInvoices.json";

fn round_trip<T: DeserializeOwned + Serialize>(location: &str, value: &Value) -> Vec<String> {
    let parsed: T = parse_json(&value.to_string())
        .unwrap_or_else(|e| panic!("{location}: {e} at {}", e.path()));
    let again = serde_json::to_value(&parsed).unwrap();
    let reparsed: T = serde_json::from_value(again.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&reparsed).unwrap(),
        again,
        "{location}"
    );
    differences(value, &again)
}

#[test]
fn every_invoices_example_round_trips_and_the_invalid_one_is_refused() {
    let model = load_model(INVOICES_MODEL);
    let mut checked = 0;
    for example in examples(&model) {
        let Example {
            location,
            kind,
            status,
            value,
            ..
        } = &example;
        match (kind, status.as_str()) {
            (ExampleKind::RequestBody, "400") => {
                // The sandbox's invalid request: `invoiceType: "Invoic"`.
                let err = parse_json::<SubmitInvoicesRequest>(&value.to_string()).unwrap_err();
                assert_eq!(err.code(), "UNKNOWN_ENUM");
                assert_eq!(err.path(), "/invoices/0/invoiceType");
            }
            (ExampleKind::RequestBody, _) => {
                assert_eq!(
                    round_trip::<SubmitInvoicesRequest>(location, value),
                    Vec::<String>::new()
                );
            }
            (ExampleKind::Response, _) => {
                assert_eq!(
                    round_trip::<SubmitInvoicesResponse>(location, value),
                    Vec::<String>::new()
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} examples");
}

/// The body parameter's own `example` (not a sandbox case, so `examples()` does not collect it)
/// has two quirks: it wraps the request in `payload` (the request model has no such wrapper)
/// and writes `countryCode: "USA"` although the model allows two letters. Unwrapped, it
/// round-trips exactly (the three-letter code is kept as written: reading is tolerant).
#[test]
fn the_body_parameter_example_round_trips_once_unwrapped() {
    let model = load_model(INVOICES_MODEL);
    let parameters = model["paths"]["/vendor/payments/v1/invoices"]["post"]["parameters"]
        .as_array()
        .unwrap();
    let example = parameters
        .iter()
        .find_map(|p| p.pointer("/schema/example"))
        .expect("body example");
    assert!(
        example.get("invoices").is_none(),
        "quirk: wrapped in payload"
    );
    let body = &example["payload"];
    assert_eq!(
        round_trip::<SubmitInvoicesRequest>("body example", body),
        Vec::<String>::new()
    );
    let request: SubmitInvoicesRequest = serde_json::from_value(body.clone()).unwrap();
    let invoice = &request.invoices[0];
    assert_eq!(invoice.invoice_type, InvoiceType::Invoice);
    assert_eq!(
        invoice
            .remit_to_party
            .address
            .as_ref()
            .unwrap()
            .country_code,
        "USA"
    );
    assert_eq!(invoice.items.as_ref().unwrap()[1].item_sequence_number, 2);
    assert_eq!(
        invoice.tax_details.as_ref().unwrap()[1].tax_type.as_str(),
        "CGST"
    );
}

#[test]
fn every_purchase_orders_status_example_round_trips_exactly() {
    let model = load_model(ORDERS_MODEL);
    let mut checked = 0;
    for example in examples(&model) {
        if example.operation != "getPurchaseOrdersStatus" || example.kind != ExampleKind::Response {
            continue;
        }
        assert_eq!(
            round_trip::<GetPurchaseOrdersStatusResponse>(&example.location, &example.value),
            Vec::<String>::new(),
            "{}",
            example.location
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} examples");
}

/// Semantic quirks of the status sandbox, read as the model means them: a `receivedQuantity`
/// in `Cases` of size 1 on a line ordered in Eaches (one each), timestamps with two fractional
/// digits (`20:35:00.00Z`), an 11-character ASIN (`B01XYZ3Z123`), and a cancellation expressed
/// only as `cancelledQuantity` in `orderedQuantityDetails`.
#[test]
fn status_sandbox_quirks_are_read_as_the_model_means_them() {
    let model = load_model(ORDERS_MODEL);
    let example = examples(&model)
        .into_iter()
        .find(|e| {
            e.operation == "getPurchaseOrdersStatus"
                && e.value.pointer("/payload/pagination").is_some()
        })
        .unwrap();
    let response: GetPurchaseOrdersStatusResponse = serde_json::from_value(example.value).unwrap();
    let order = &response.payload.unwrap().orders_status.unwrap()[0];
    assert_eq!(order.purchase_order_number, "2JK3S9VB");
    let first = order.item_status[0].receiving_status.as_ref().unwrap();
    assert_eq!(first.receive_status, Some(ReceiveStatus::Received));
    let received = first.received_quantity.unwrap();
    assert_eq!((received.amount, received.unit_size), (1, Some(1)));
    assert_eq!(
        order.item_status[1]
            .receiving_status
            .as_ref()
            .unwrap()
            .receive_status,
        Some(ReceiveStatus::PartiallyReceived)
    );
}

/// Reading is tolerant where hosts copy parties from purchase orders: a lone registration object
/// (the orders model's `taxInfo`) and `postalCode` are read; writing is always the invoices
/// model's array and `postalOrZipCode`.
#[test]
fn parties_from_orders_are_read_and_written_the_invoices_way() {
    let party: InvoicePartyIdentification = serde_json::from_value(json!({
        "partyId": "AMZN",
        "address": { "name": "A", "addressLine1": "1 St", "postalCode": "98108", "countryCode": "US" },
        "taxInfo": { "taxRegistrationType": "VAT", "taxRegistrationNumber": "GB123" }
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&party).unwrap(),
        json!({
            "partyId": "AMZN",
            "address": { "name": "A", "addressLine1": "1 St", "postalOrZipCode": "98108", "countryCode": "US" },
            "taxRegistrationDetails": [{ "taxRegistrationType": "VAT", "taxRegistrationNumber": "GB123" }]
        })
    );
    let err = parse_json::<InvoicePartyIdentification>(
        r#"{"partyId":"X","taxRegistrationDetails":"VAT"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("INVALID_TYPE", "/taxRegistrationDetails")
    );
}
