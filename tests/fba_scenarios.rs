//! Exact-output scenarios of `routeFulfillment` and `applyFulfillmentEvent`: each fixture in
//! tests/fixtures/fba/ holds an `input` and the `expected` output, byte for byte as JSON values.
//! Every produced createFulfillmentOrder body is also checked against Amazon's model.
//!
//! `route_*.json` run `routeFulfillment`, `event_*.json` run `applyFulfillmentEvent`.
//! After a deliberate change of behaviour, `VCC_BLESS=1 cargo test --test fba_scenarios`
//! rewrites `expected`; review the diff before committing it.

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

use std::path::{Path, PathBuf};

use serde_json::Value;
use vendor_central_connector::fba::{self, FbaError};
use vendor_central_connector::input::parse_input;

use fba_schema::{OUTBOUND_MODEL, violations};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fba");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn run(name: &str, input: &Value) -> Value {
    let text = input.to_string();
    let output = if name.starts_with("route_") {
        parse_input(&text)
            .map_err(FbaError::from)
            .and_then(fba::route_fulfillment)
            .map(|o| serde_json::to_value(o).unwrap())
    } else {
        parse_input(&text)
            .map_err(FbaError::from)
            .and_then(fba::apply_fulfillment_event)
            .map(|o| serde_json::to_value(o).unwrap())
    };
    output.unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_fixture_gives_exactly_the_expected_output() {
    let bless = std::env::var_os("VCC_BLESS").is_some();
    let files = fixtures();
    assert!(files.len() >= 16, "only {} fixtures", files.len());
    let mut failures = Vec::new();
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let mut fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let actual = run(&name, &fixture["input"]);
        if let Some(request) = actual.get("request").filter(|r| !r.is_null()) {
            let found = violations(OUTBOUND_MODEL, "CreateFulfillmentOrderRequest", request);
            assert!(
                found.is_empty(),
                "{name}: request violates the model: {found:?}"
            );
        }
        // Deterministic: the same input gives the same output.
        assert_eq!(actual, run(&name, &fixture["input"]), "{name}");
        if bless {
            fixture["expected"] = actual;
            let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
            std::fs::write(&file, text).unwrap();
        } else if fixture.get("expected") != Some(&actual) {
            let diff = common::differences(&fixture["expected"], &actual);
            failures.push(format!(
                "{name}: differs at {diff:?}\nactual: {}",
                serde_json::to_string_pretty(&actual).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn no_output_repeats_the_ship_to_address_outside_the_request() {
    let personal = [
        "Jane Buyer",
        "1234 Example Way",
        "Suite 5",
        "48084",
        "+1 555 0100",
    ];
    for file in fixtures() {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut expected = fixture["expected"].clone();
        if let Some(object) = expected.as_object_mut() {
            object.remove("request");
        }
        let text = expected.to_string();
        for value in personal {
            assert!(
                !text.contains(value),
                "{}: output contains {value}",
                file.display()
            );
        }
    }
}
