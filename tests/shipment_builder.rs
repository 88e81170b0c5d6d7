//! `buildShipmentConfirmation`: exact output for each of the seven shipment structures (fixtures
//! under tests/fixtures/shipment/), issues mapped onto the packing data, bad input.
//!
//! Set `BLESS=1` to rewrite the expected files after a deliberate change, then review the diff.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::shipment::{
    BuildShipmentConfirmationInput, ShipmentError, build_shipment_confirmation,
};

const STRUCTURES: [&str; 7] = [
    "PalletizedAssortmentCase",
    "LooseAssortmentCase",
    "PalletOfItems",
    "PalletizedStandardCase",
    "LooseStandardCase",
    "MasterPallet",
    "MasterCase",
];

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shipment")
}

fn fixture(name: &str) -> Value {
    let path = fixture_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn build(input: &Value) -> Result<Value, ShipmentError> {
    let text = input.to_string();
    let parsed: BuildShipmentConfirmationInput = parse_input(&text)?;
    let output = build_shipment_confirmation(parsed)?;
    Ok(serde_json::to_value(output).unwrap())
}

fn issues(output: &Value) -> Vec<(String, String)> {
    output["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                i["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn each_structure_builds_exactly_the_expected_request() {
    for structure in STRUCTURES {
        let input = fixture(&format!("build-{structure}.input.json"));
        let output = build(&input).unwrap();
        let expected_name = format!("build-{structure}.expected.json");
        if std::env::var_os("BLESS").is_some() {
            let text = serde_json::to_string_pretty(&output).unwrap() + "\n";
            std::fs::write(fixture_dir().join(&expected_name), text).unwrap();
            continue;
        }
        let expected = fixture(&expected_name);
        let differences = common::differences(&expected, &output);
        assert!(
            differences.is_empty(),
            "{structure}: output differs at {differences:?}\n{}",
            serde_json::to_string_pretty(&output).unwrap()
        );
        assert!(output["request"].is_object(), "{structure}: no request");
        assert_eq!(
            output["request"]["shipmentConfirmations"][0]["shipmentStructure"],
            structure
        );
    }
}

fn base() -> Value {
    fixture("build-PalletizedAssortmentCase.input.json")
}

#[test]
fn issues_point_at_the_packing_data() {
    type Mutation = fn(&mut Value);
    type Expected = &'static [(&'static str, &'static str)];
    let cases: [(&str, Mutation, Expected); 9] = [
        (
            "wrong SSCC check digit",
            |i| i["cartons"][1]["sscc"] = json!("106141411234567898"),
            &[("INVALID_SSCC_CHECK_DIGIT", "/cartons/1/sscc")],
        ),
        (
            "SKU not in the map",
            |i| i["cartons"][0]["contents"][1]["sku"] = json!("PURPLE"),
            &[("UNKNOWN_PRODUCT", "/cartons/0/contents/1/sku")],
        ),
        (
            "pallet id unknown",
            |i| i["cartons"][2]["pallet"] = json!("P9"),
            &[
                ("UNKNOWN_PALLET", "/cartons/2/pallet"),
                ("CARTON_NOT_ON_PALLET", "/cartons/2"),
            ],
        ),
        (
            "pallet id twice",
            |i| i["pallets"][1]["id"] = json!("P1"),
            &[
                ("DUPLICATE_PALLET_ID", "/pallets/1/id"),
                ("UNKNOWN_PALLET", "/cartons/2/pallet"),
                ("CARTON_NOT_ON_PALLET", "/cartons/2"),
            ],
        ),
        (
            "not whole cases",
            |i| {
                i["cartons"][0]["contents"][0]["quantity"] = json!(5);
                i["cartons"][1]["contents"][0] =
                    json!({ "purchaseOrderNumber": "PO-A", "sku": "RED", "quantity": 7 });
            },
            &[
                ("NOT_WHOLE_CASES", "/cartons/0/contents/0/quantity"),
                ("NOT_WHOLE_CASES", "/cartons/1/contents/0/quantity"),
                ("INVALID_QUANTITY", "/cartons/0/contents/0/quantity"),
            ],
        ),
        (
            "SSCC generator misconfigured",
            |i| i["ssccSource"]["companyPrefix"] = json!("12"),
            &[
                ("SSCC_GENERATION_FAILED", "/ssccSource/companyPrefix"),
                ("MISSING_CARTON_SSCC", "/cartons/0/sscc"),
                ("MISSING_CARTON_SSCC", "/cartons/1/sscc"),
                ("MISSING_CARTON_SSCC", "/cartons/2/sscc"),
            ],
        ),
        (
            "carrier name instead of SCAC, another FC",
            |i| {
                i["carrierScac"] = json!("ABF Freight");
                i["shipToParty"]["partyId"] = json!("LAS1");
            },
            &[
                ("SHIP_TO_MISMATCH", "/shipToParty/partyId"),
                ("SHIP_TO_MISMATCH", "/shipToParty/partyId"),
                ("INVALID_SCAC", "/carrierScac"),
            ],
        ),
        (
            "more than accepted",
            |i| i["cartons"][1]["contents"][1]["quantity"] = json!(6),
            &[("OVERAGE", "/cartons/0/contents/1/quantity")],
        ),
        (
            "half-typed date and an empty carton",
            |i| {
                i["shippedDate"] = json!("2026-11-2x");
                i["cartons"][2]["contents"] = json!([]);
            },
            &[
                ("INVALID_DATE", "/shippedDate"),
                ("EMPTY_CONTAINER", "/cartons/2/contents"),
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (name, mutate, expected) in cases {
        let mut input = base();
        mutate(&mut input);
        let output = build(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(c, p)| (c.to_string(), p.to_string()))
            .collect();
        let actual = issues(&output);
        if actual != expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  actual   {actual:?}"
            ));
        }
        assert!(
            output.get("request").is_none(),
            "{name}: request despite errors"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn warnings_do_not_hold_the_request_back() {
    let mut input = base();
    input["now"] = json!("2026-11-22T11:00:00Z");
    let output = build(&input).unwrap();
    assert_eq!(
        issues(&output),
        [("ASN_LATE".to_string(), "/shippedDate".to_string())]
    );
    assert_eq!(output["issues"][0]["dueAt"], "2026-11-22T10:15:00Z");
    assert!(output["request"].is_object());
}

#[test]
fn without_pos_items_take_the_sku_map_and_the_counted_unit() {
    let input = json!({
        "shipmentIdentifier": "ASN-NOPO",
        "shipmentStructure": "LooseStandardCase",
        "shipmentType": "SmallParcel",
        "sellingParty": { "partyId": "VEND1" },
        "shipFromParty": { "partyId": "WH" },
        "shipToParty": { "partyId": "SMF3" },
        "shippedDate": "2026-11-22T09:50:00+01:00",
        "estimatedDeliveryDate": "2026-11-24",
        "sscc_with_application_identifier": null,
        "cartons": [
            { "sscc": "106141411234567897", "trackingNumber": "1Z1", "contents": [
                { "purchaseOrderNumber": "PO-X", "sku": "RED", "quantity": 2, "unitOfMeasure": "Cases" } ] }
        ],
        "skuMap": [{ "sku": "RED", "asin": "B0RED00001", "unitsPerCase": 6 }],
        "now": "2026-11-22T09:00:00Z"
    });
    // A typo-like field at the top level is refused, naming the field.
    let error = build(&input).unwrap_err();
    assert_eq!(
        (error.code(), error.path().as_str()),
        ("UNKNOWN_FIELD", "/sscc_with_application_identifier")
    );
    let mut input = input;
    input
        .as_object_mut()
        .unwrap()
        .remove("sscc_with_application_identifier");
    input["ssccWithApplicationIdentifier"] = json!(false);
    let output = build(&input).unwrap();
    assert_eq!(issues(&output), Vec::<(String, String)>::new());
    let asn = &output["request"]["shipmentConfirmations"][0];
    assert_eq!(asn["shippedDate"], "2026-11-22T08:50:00Z");
    assert_eq!(asn["estimatedDeliveryDate"], "2026-11-24T00:00:00Z");
    assert_eq!(
        asn["shippedItems"][0],
        json!({
            "itemSequenceNumber": "001",
            "amazonProductIdentifier": "B0RED00001",
            "shippedQuantity": { "amount": 2, "unitOfMeasure": "Cases", "unitSize": 6 },
            "itemDetails": { "purchaseOrderNumber": "PO-X" }
        })
    );
    assert_eq!(
        asn["cartons"][0]["cartonIdentifiers"][0]["containerIdentificationNumber"],
        "106141411234567897"
    );
    assert!(output.get("nextSerialReference").is_none());
}

#[test]
fn bad_packing_data_is_an_error_with_code_and_path() {
    let mut typo = base();
    typo["cartons"][0]["contents"][0]["lotNumer"] = json!("L1");
    let mut structure = base();
    structure["shipmentStructure"] = json!("Pallet");
    let mut quantity = base();
    quantity["cartons"][0]["contents"][0]["quantity"] = json!(-1);
    let mut no_now = base();
    no_now.as_object_mut().unwrap().remove("now");
    let cases = [
        (typo, "UNKNOWN_FIELD", "/cartons/0/contents/0/lotNumer"),
        (structure, "UNKNOWN_ENUM", "/shipmentStructure"),
        (quantity, "INVALID_VALUE", "/cartons/0/contents/0/quantity"),
        (no_now, "MISSING_FIELD", "/now"),
    ];
    for (input, code, path) in cases {
        let error = build(&input).unwrap_err();
        assert_eq!((error.code(), error.path().as_str()), (code, path));
    }
}
