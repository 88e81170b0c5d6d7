//! Every SubmitShipmentConfirmations example in Amazon's vendorShipments model parses into the
//! wire types and serialises back to the same JSON; the one that cannot is listed.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ExampleKind, SHIPMENTS_MODEL, differences, examples, load_model};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_json;
use vendor_central_connector::spapi::orders::UnitOfMeasure;
use vendor_central_connector::spapi::shipments::{
    SubmitShipmentConfirmationsRequest, SubmitShipmentConfirmationsResponse,
};

#[test]
fn shipment_confirmation_examples_round_trip() {
    let model = load_model(SHIPMENTS_MODEL);
    let mut checked = Vec::new();
    for example in examples(&model) {
        if example.operation != "SubmitShipmentConfirmations" {
            continue;
        }
        let text = example.value.to_string();
        let again = match example.kind {
            ExampleKind::RequestBody => {
                match parse_json::<SubmitShipmentConfirmationsRequest>(&text) {
                    Ok(parsed) => serde_json::to_value(parsed).unwrap(),
                    Err(error) => {
                        // Quirk: the 400 example is deliberately incomplete (an identifier only).
                        assert_eq!(example.status, "400", "{}: {error}", example.location);
                        assert_eq!(error.code(), "MISSING_FIELD");
                        assert_eq!(
                            error.path(),
                            "/shipmentConfirmations/0/shipmentConfirmationType"
                        );
                        checked.push(format!("{} (quirk)", example.status));
                        continue;
                    }
                }
            }
            ExampleKind::Response => {
                match parse_json::<SubmitShipmentConfirmationsResponse>(&text) {
                    Ok(parsed) => serde_json::to_value(parsed).unwrap(),
                    Err(error) => {
                        // Quirk: the 202 `examples` entry is a schema fragment, not an example:
                        // its `transactionId` is `{description, type}` instead of a string.
                        assert!(
                            example.location.contains("examples/"),
                            "{}: {error}",
                            example.location
                        );
                        assert_eq!(error.code(), "INVALID_TYPE");
                        assert_eq!(error.path(), "/payload/transactionId");
                        checked.push(format!("{} (quirk)", example.status));
                        continue;
                    }
                }
            }
        };
        assert_eq!(
            differences(&example.value, &again),
            Vec::<String>::new(),
            "{}",
            example.location
        );
        checked.push(example.status.clone());
    }
    assert_eq!(
        checked,
        ["202 (quirk)", "202", "202", "202", "400", "400 (quirk)"]
    );
}

#[test]
fn enum_spellings_are_read_tolerantly_and_written_exactly() {
    let text = r#"{"shipmentConfirmations":[{"shipmentIdentifier":"S","shipmentConfirmationType":"ORIGINAL",
        "shipmentConfirmationDate":"2021-03-11T12:38:23Z","sellingParty":{"partyId":"A"},
        "shipFromParty":{"partyId":"B"},"shipToParty":{"partyId":"C"},"shipmentStructure":"master_case",
        "shippedItems":[{"itemSequenceNumber":"001","shippedQuantity":{"amount":1,"unitOfMeasure":"CASES","unitSize":4}}]}]}"#;
    let parsed: SubmitShipmentConfirmationsRequest = parse_json(text).unwrap();
    let asn = &parsed.shipment_confirmations.as_ref().unwrap()[0];
    assert_eq!(
        asn.shipped_items[0].shipped_quantity.unit_of_measure,
        UnitOfMeasure::Cases
    );
    let out = serde_json::to_value(&parsed).unwrap();
    assert_eq!(
        out["shipmentConfirmations"][0]["shipmentConfirmationType"],
        "Original"
    );
    assert_eq!(
        out["shipmentConfirmations"][0]["shipmentStructure"],
        "MasterCase"
    );
    let bad = text.replace("master_case", "Master Pallets");
    let error = parse_json::<SubmitShipmentConfirmationsRequest>(&bad).unwrap_err();
    assert_eq!(error.code(), "UNKNOWN_ENUM");
    assert_eq!(error.path(), "/shipmentConfirmations/0/shipmentStructure");
}
