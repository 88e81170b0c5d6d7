//! `buildDirectFulfillmentShipmentConfirmations`: exact outputs (tests/fixtures/df_shipment/,
//! `DF_BLESS=1` rewrites them: review the diff), every request body checked against the DF
//! shipping model (2021-12-28), the DF guide's rules one by one, bad input, and properties.
// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fba_schema;

use fba_schema::{DF_SHIPPING_MODEL, violations};
use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::df::{DfError, build_df_shipments};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

fn build(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string())
        .unwrap_or_else(|e| panic!("{} at {}", e, CodedError::path(&e)));
    let out = serde_json::to_value(build_df_shipments(parsed).expect("builds")).unwrap();
    assert_bodies_valid(&out);
    out
}

fn build_err(input: &Value) -> DfError {
    parse_input(&input.to_string())
        .map_err(DfError::from)
        .and_then(build_df_shipments)
        .expect_err("should fail")
}

/// Every request body of the output meets the DF shipping model.
fn assert_bodies_valid(out: &Value) {
    for (field, definition) in [
        ("request", "SubmitShipmentConfirmationsRequest"),
        ("labelRequest", "SubmitShippingLabelsRequest"),
        ("statusUpdateRequest", "SubmitShipmentStatusUpdatesRequest"),
    ] {
        if let Some(body) = out.get(field) {
            let found = violations(DF_SHIPPING_MODEL, definition, body);
            assert!(found.is_empty(), "{field}: {found:?}");
        }
    }
}

fn fixture(name: &str) -> Value {
    common::input_expected_fixture("df_shipment", name)
}

#[test]
fn every_fixture_produces_exactly_its_expected_output() {
    for name in ["shipped", "checks"] {
        let actual = build(&fixture(name)["input"]);
        common::assert_expected_output("df_shipment", name, "DF_BLESS", actual);
    }
}

#[test]
fn shipped_order_becomes_one_confirmation_with_its_containers() {
    let out = build(&fixture("shipped")["input"]);
    assert_eq!(out["issues"], json!([]));
    let confirmation = &out["request"]["shipmentConfirmations"][0];
    // "The itemSequenceNumber for an item should be the same as was received in the order
    // message": "00002" in the order, the integer 2 in the shipping model.
    assert_eq!(confirmation["items"][1]["itemSequenceNumber"], 2);
    assert_eq!(
        confirmation["items"][1]["shippedQuantity"],
        json!({ "amount": 2, "unitOfMeasure": "Each" })
    );
    assert_eq!(
        confirmation["shipmentDetails"]["shippedDate"],
        "2026-03-02T16:30:00Z"
    );
    let containers = &confirmation["containers"];
    // The container's shipMethod "is required when calling the submitShipmentConfirmations
    // operation": the order's UPS_2ND.
    assert_eq!(containers[0]["shipMethod"], "UPS_2ND");
    // "containerSequenceNumber … must be submitted for multi-box shipments only".
    assert_eq!(containers[1]["containerSequenceNumber"], 2);
    // "pieceNumber … required when the item is split across different containers".
    assert_eq!(containers[0]["packedItems"][1]["pieceNumber"], 1);
    assert_eq!(containers[1]["packedItems"][0]["pieceNumber"], 2);
    assert!(containers[0]["packedItems"][0].get("pieceNumber").is_none());
    let update = &out["statusUpdateRequest"]["shipmentStatusUpdates"][0]["statusUpdateDetails"];
    // DF guide X12 table: O1 / NS "Shipment arrived at a carrier facility" (IN_TRANSIT).
    assert_eq!(
        (&update["statusCode"], &update["reasonCode"]),
        (&json!("O1"), &json!("NS"))
    );
    assert!(out.get("labelRequest").is_none());
}

fn codes(out: &Value) -> Vec<(String, String)> {
    out["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["severity"] == "error")
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                i["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn broken_order_is_held_and_packed_order_asks_for_labels() {
    let out = build(&fixture("checks")["input"]);
    let found = codes(&out);
    for expected in [
        ("SHIPPED_DATE_IN_FUTURE", "/shipments/0/shippedDate"),
        (
            "MISSING_TRACKING_NUMBER",
            "/shipments/0/packages/0/trackingNumber",
        ),
        ("INVALID_SCAC", "/shipments/0/packages/0/scacCode"),
        ("INCOMPLETE_SHIPMENT", "/shipments/0/packages"),
        (
            "TRACKING_NUMBER_NOT_CONFIRMED",
            "/statusUpdates/0/trackingNumber",
        ),
        ("STATUS_DATE_IN_FUTURE", "/statusUpdates/0/statusDateTime"),
    ] {
        assert!(
            found.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} not in {found:?}"
        );
    }
    assert!(out.get("request").is_none());
    assert!(out.get("statusUpdateRequest").is_none());
    let label = &out["labelRequest"]["shippingLabelRequests"][0];
    assert_eq!(label["purchaseOrderNumber"], "3XK4T0WD");
    assert!(label["containers"][0].get("trackingNumber").is_none());
}

#[test]
fn rules_of_the_guide_one_by_one() {
    let base = fixture("shipped")["input"].clone();
    let with = |pointer: &str, value: Value| {
        let mut input = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match input.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            other => *other.get_mut(key.parse::<usize>().unwrap()).unwrap() = value,
        }
        input
    };
    let cases = [
        // "For vendor own carriers, sending scacCode is mandatory."
        (
            with("/options", json!({ "vendorOwnCarrier": true })),
            "MISSING_SCAC",
            "/shipments/0/packages/1/scacCode",
        ),
        // The model requires every container's weight.
        (
            with("/shipments/0/packages/1/weight/value", json!("0")),
            "INVALID_WEIGHT",
            "/shipments/0/packages/1/weight/value",
        ),
        (
            with("/shipments/0/packages/0/dimensions/height", json!("-1")),
            "INVALID_DIMENSIONS",
            "/shipments/0/packages/0/dimensions",
        ),
        (
            with("/shipments/0/packages/1/items/0/quantity", json!(2)),
            "OVERAGE",
            "/shipments/0/packages",
        ),
        (
            with(
                "/shipments/0/packages/1/items/0/itemSequenceNumber",
                json!("00009"),
            ),
            "ITEM_NOT_ON_PURCHASE_ORDER",
            "/shipments/0/packages/1/items/0/itemSequenceNumber",
        ),
        (
            with(
                "/shipments/0/packages/1/containerIdentifier",
                json!("PKG-1"),
            ),
            "DUPLICATE_CONTAINER",
            "/shipments/0/packages/1/containerIdentifier",
        ),
        (
            with("/shipments/0/purchaseOrderNumber", json!("2JK-3S9VC")),
            "MISSING_PURCHASE_ORDER_NUMBER",
            "/shipments/0/purchaseOrderNumber",
        ),
        (
            with("/shipments/0/shippedDate", json!("soon")),
            "INVALID_DATE",
            "/shipments/0/shippedDate",
        ),
        (
            with("/orders/0/orderDetails/orderStatus", json!("CANCELLED")),
            "ORDER_CANCELLED",
            "/shipments/0/purchaseOrderNumber",
        ),
        (
            with(
                "/orders/0/orderDetails/items/0/itemSequenceNumber",
                json!("A1"),
            ),
            "INVALID_ITEM_SEQUENCE_NUMBER",
            "/orders/0/orderDetails/items/0/itemSequenceNumber",
        ),
        (
            with("/statusUpdates/0/location/countryCode", json!("")),
            "MISSING_REQUIRED_FIELD",
            "/statusUpdates/0/location/countryCode",
        ),
    ];
    for (input, code, path) in cases {
        let out = build(&input);
        let found = codes(&out);
        assert!(
            found.contains(&(code.to_string(), path.to_string())),
            "{code} {path} not in {found:?}"
        );
        let held = if path.starts_with("/statusUpdates") {
            "statusUpdateRequest"
        } else {
            "request"
        };
        assert!(out.get(held).is_none(), "{code}: held");
    }
}

#[test]
fn late_shipments_and_confirmations_carry_their_deadlines() {
    let mut input = fixture("shipped")["input"].clone();
    // The order must ship by 2026-03-02T23:00Z: ship the next morning and confirm 5 hours later.
    input["shipments"][0]["shippedDate"] = json!("2026-03-03T10:00:00Z");
    input["now"] = json!("2026-03-03T15:00:00Z");
    input["statusUpdates"] = json!([]);
    let out = build(&input);
    let warnings: Vec<(&str, Option<&str>)> = out["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["code"].as_str().unwrap(), i["dueAt"].as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            ("SHIPPED_LATE", None),
            // "confirm shipment of an order within 4 hours after the order has shipped".
            ("CONFIRMATION_LATE", Some("2026-03-03T14:00:00Z")),
        ]
    );
    assert!(
        out.get("request").is_some(),
        "warnings do not hold the order"
    );
    // Not shipped at all, past the ship-by date.
    let mut input = fixture("shipped")["input"].clone();
    input["shipments"][0]
        .as_object_mut()
        .unwrap()
        .remove("shippedDate");
    input["statusUpdates"] = json!([]);
    input["now"] = json!("2026-03-03T00:00:00Z");
    let out = build(&input);
    assert_eq!(out["exceptions"][0]["code"], "SHIP_BY_MISSED");
    assert_eq!(out["exceptions"][0]["dueAt"], "2026-03-02T23:00:00Z");
}

#[test]
fn amazon_labels_fill_tracking_numbers_and_are_printable() {
    let mut input = fixture("shipped")["input"].clone();
    for package in input["shipments"][0]["packages"].as_array_mut().unwrap() {
        package.as_object_mut().unwrap().remove("trackingNumber");
    }
    input["labels"] = json!([{
        "purchaseOrderNumber": "2JK3S9VC",
        "sellingParty": { "partyId": "VEND1" },
        "shipFromParty": { "partyId": "WH-EAST" },
        "labelFormat": "ZPL",
        "labelData": [
            { "packageIdentifier": "PKG-1", "trackingNumber": "1Z999AA10123456784", "shipMethod": "UPS_2ND", "content": "^XA^XZ" },
            { "packageIdentifier": "PKG-2", "trackingNumber": "1Z999AA10123456795", "shipMethod": "UPS_2ND", "content": "^XA^XZ" }
        ]
    }]);
    let out = build(&input);
    assert_eq!(out["issues"], json!([]));
    assert_eq!(
        out["request"]["shipmentConfirmations"][0]["containers"][1]["trackingNumber"],
        "1Z999AA10123456795"
    );
    assert_eq!(out["printableLabels"][0]["format"], "ZPL");
    assert_eq!(
        out["printableLabels"][1]["trackingNumber"],
        "1Z999AA10123456795"
    );
}

#[test]
fn bad_input_is_refused_with_a_code_and_a_pointer() {
    let base = fixture("shipped")["input"].clone();
    let with = |pointer: &str, value: Value| {
        let mut input = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match input.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            other => *other.get_mut(key.parse::<usize>().unwrap()).unwrap() = value,
        }
        input
    };
    for (input, code, path) in [
        (with("/now", json!("later")), "INVALID_DATE", "/now"),
        (
            with(
                "/shipments/0/packages/0/weight/unitOfMeasure",
                json!("STONE"),
            ),
            "UNKNOWN_ENUM",
            "/shipments/0/packages/0/weight/unitOfMeasure",
        ),
        (
            with("/statusUpdates/0/event", json!("ARRIVED")),
            "UNKNOWN_ENUM",
            "/statusUpdates/0/event",
        ),
        (
            with("/shipments/0/packages/0/items/0/quantity", json!(-1)),
            "INVALID_VALUE",
            "/shipments/0/packages/0/items/0/quantity",
        ),
        (
            with(
                "/orders/0/orderDetails/shipmentDetails/shipmentDates/requiredShipDate",
                json!("never"),
            ),
            "INVALID_DATE",
            "/orders/0/orderDetails/shipmentDetails/shipmentDates/requiredShipDate",
        ),
    ] {
        let err = build_err(&input);
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Invariants: a confirmation is sent only when every ordered each is packed exactly once
    /// over the packages (fill or kill); its items echo the order's quantities; every body meets
    /// the model; the output is deterministic.
    #[test]
    fn complete_shipments_only(
        split in prop::collection::vec((0usize..3, 1u64..3), 1..6),
        extra in 0u64..2,
    ) {
        let mut input = fixture("shipped")["input"].clone();
        input["statusUpdates"] = json!([]);
        let ordered = [1u64, 2];
        let mut packages: Vec<Value> = Vec::new();
        let mut packed = [0u64, 0];
        for (k, (package, line)) in split.iter().enumerate() {
            let line = usize::try_from(*line).unwrap() - 1;
            let seq = format!("{:05}", line + 1);
            while packages.len() <= *package {
                let n = packages.len();
                packages.push(json!({ "containerIdentifier": format!("P{n}"), "trackingNumber": format!("T{n}"),
                    "weight": { "unitOfMeasure": "KG", "value": "1.5" }, "items": [] }));
            }
            let quantity = if k == 0 { 1 + extra } else { 1 };
            packed[line] += quantity;
            packages[*package]["items"].as_array_mut().unwrap()
                .push(json!({ "itemSequenceNumber": seq, "quantity": quantity }));
        }
        packages.retain(|p| !p["items"].as_array().unwrap().is_empty());
        input["shipments"][0]["packages"] = json!(packages);
        let out = build(&input);
        prop_assert_eq!(&out, &build(&input));
        let complete = packed == ordered;
        prop_assert_eq!(out.get("request").is_some(), complete);
        if complete {
            let items = &out["request"]["shipmentConfirmations"][0]["items"];
            prop_assert_eq!(&items[0]["shippedQuantity"]["amount"], &json!(1));
            prop_assert_eq!(&items[1]["shippedQuantity"]["amount"], &json!(2));
        }
    }
}
