//! Every example in Amazon's Direct Fulfillment orders models (2021-12-28 and V1) parses into
//! the wire types and serialises back to the same JSON, except for the sandbox's known quirks,
//! which are listed here one by one.

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

use common::{ExampleKind, differences, examples, load_model};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_json;
use vendor_central_connector::spapi::df_orders::{
    DfGetOrderResponse, DfGetOrdersResponse, DfOrder, DfOrderList, DfSubmitAcknowledgementRequest,
    DfSubmitAcknowledgementResponseV1, DfTaxType, DfUnitOfMeasure,
};

const DF_MODEL: &str =
    "vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json";
const DF_MODEL_V1: &str =
    "vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrdersV1.json";

/// Parses, re-serialises, and returns the pointers where the output differs from the input.
/// Also checks that a second round trip is byte-identical (the output is canonical).
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

/// The 2021-12-28 model's 200 examples: getOrders keys its example directly (no media type),
/// getOrder under `application/json`.
fn examples_2021(model: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, methods) in model["paths"].as_object().unwrap() {
        for (method, operation) in methods.as_object().unwrap() {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let Some(example) = operation.pointer("/responses/200/examples") else {
                continue;
            };
            let value = example.get("application/json").unwrap_or(example).clone();
            out.push((format!("{method} {path} 200"), id.to_string(), value));
        }
    }
    out
}

#[test]
fn every_2021_12_28_example_round_trips_except_the_known_quirks() {
    let model = load_model(DF_MODEL);
    let mut quirks = Vec::new();
    let found = examples_2021(&model);
    assert_eq!(found.len(), 2, "getOrders and getOrder examples");
    for (location, operation, value) in found {
        let diffs = match operation.as_str() {
            "getOrders" => round_trip::<DfOrderList>(&location, &value),
            "getOrder" => round_trip::<DfOrder>(&location, &value),
            other => panic!("unexpected example for {other}"),
        };
        quirks.extend(diffs.into_iter().map(|d| format!("{operation}: {d}")));
    }
    quirks.sort();
    // "EACH" is read as Each and written in the model's spelling.
    let expected = [
        "getOrder: /orderDetails/items/0/orderedQuantity/unitOfMeasure",
        "getOrder: /orderDetails/items/1/orderedQuantity/unitOfMeasure",
        "getOrders: /orders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure",
        "getOrders: /orders/0/orderDetails/items/1/orderedQuantity/unitOfMeasure",
    ];
    assert_eq!(quirks, expected);
}

#[test]
fn every_v1_example_round_trips_except_the_each_spelling() {
    let model = load_model(DF_MODEL_V1);
    let mut checked = 0;
    let mut quirks = Vec::new();
    for example in examples(&model) {
        // The sandbox's own invalid request (sellingParty without partyId) must be refused.
        if example.kind == ExampleKind::RequestBody && example.status == "400" {
            let err = parse_json::<DfSubmitAcknowledgementRequest>(&example.value.to_string())
                .unwrap_err();
            assert_eq!(err.code(), "MISSING_FIELD");
            assert_eq!(err.path(), "/orderAcknowledgements/0/sellingParty/partyId");
            continue;
        }
        let location = example.location.as_str();
        let value = &example.value;
        let diffs = match (example.operation.as_str(), example.kind) {
            ("getOrders", ExampleKind::Response) => {
                round_trip::<DfGetOrdersResponse>(location, value)
            }
            ("getOrder", ExampleKind::Response) => {
                round_trip::<DfGetOrderResponse>(location, value)
            }
            ("submitAcknowledgement", ExampleKind::Response) => {
                round_trip::<DfSubmitAcknowledgementResponseV1>(location, value)
            }
            ("submitAcknowledgement", ExampleKind::RequestBody) => {
                round_trip::<DfSubmitAcknowledgementRequest>(location, value)
            }
            (other, kind) => panic!("unexpected example {other} {kind:?}"),
        };
        checked += 1;
        quirks.extend(diffs.into_iter().map(|d| format!("{location}: {d}")));
    }
    assert!(checked >= 10, "only {checked} V1 examples found");
    // The V1 sandbox writes "EACH" too; nothing else differs.
    assert!(!quirks.is_empty());
    for quirk in &quirks {
        assert!(
            quirk.ends_with("/orderedQuantity/unitOfMeasure"),
            "unexpected difference {quirk}"
        );
    }
}

#[test]
fn sandbox_values_are_read_as_the_model_means_them() {
    let model = load_model(DF_MODEL);
    let (_, _, value) = examples_2021(&model)
        .into_iter()
        .find(|(_, op, _)| op == "getOrder")
        .unwrap();
    let order: DfOrder = serde_json::from_value(value).unwrap();
    let details = order.order_details.unwrap();
    assert_eq!(details.customer_order_number, "123-ABC");
    let item = &details.items[0];
    assert_eq!(
        item.ordered_quantity.unit_of_measure,
        Some(DfUnitOfMeasure::Each)
    );
    assert_eq!(
        item.net_price.as_ref().unwrap().amount.unwrap().to_string(),
        "500"
    );
    let tax = details.tax_total.unwrap().tax_line_item.unwrap();
    assert_eq!(tax[0].tax_type, Some(DfTaxType::Total));
    // `MwSt.` keeps its dot on the way out.
    let mwst: DfTaxType = serde_json::from_str("\"MWST.\"").unwrap();
    assert_eq!(serde_json::to_string(&mwst).unwrap(), "\"MwSt.\"");
}

#[test]
fn absent_identifiers_read_as_blank_so_the_order_can_be_cancelled() {
    let text = r#"{"purchaseOrderNumber":"X1","orderDetails":{"orderDate":"2026-01-01T00:00:00Z",
      "shipmentDetails":{"isPriorityShipment":false,"isPslipRequired":false,
        "shipmentDates":{"requiredShipDate":"2026-01-02T00:00:00Z"}},
      "sellingParty":{"partyId":"V"},"shipFromParty":{"partyId":"W"},"billToParty":{"partyId":"B"},
      "items":[{"orderedQuantity":{"amount":1}}]}}"#;
    let order: DfOrder = parse_json(text).unwrap();
    let details = order.order_details.unwrap();
    assert_eq!(details.customer_order_number, "");
    assert_eq!(details.items[0].item_sequence_number, "");
    assert_eq!(details.ship_to_party.name, "");
    assert_eq!(details.shipment_details.ship_method, "");
    assert!(details.items[0].net_price.is_none());
}
