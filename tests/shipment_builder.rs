//! `buildShipmentConfirmation`: exact output for each of the seven shipment structures (fixtures
//! under tests/fixtures/shipment/), issues mapped onto the packing data, bad input.
//!
//! Set `BLESS=1` to rewrite the expected files after a deliberate change, then review the diff.
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
    let parsed: BuildShipmentConfirmationInput = parse_input(&input.to_string())?;
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
