//! Exact-output scenarios of `decideDirectFulfillmentAcknowledgements`: each file in
//! tests/fixtures/df_ack/ holds an input written by hand and the exact expected output.
//! With `DF_ACK_BLESS=1` the expected outputs are rewritten from the engine (review the diff!).

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

use serde_json::Value;
use vendor_central_connector::df_ack::decide_df_acknowledgements;
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/df_ack")
}

fn decide(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string())
        .unwrap_or_else(|e| panic!("{} at {}", e, CodedError::path(&e)));
    serde_json::to_value(decide_df_acknowledgements(parsed).unwrap()).unwrap()
}

fn fixtures() -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn every_fixture_produces_exactly_its_expected_output() {
    let bless = std::env::var_os("DF_ACK_BLESS").is_some();
    let found = fixtures();
    assert!(found.len() >= 5, "fixtures missing");
    for (name, mut fixture) in found {
        let actual = decide(&fixture["input"]);
        if bless {
            fixture["expected"] = actual;
            let path = fixture_dir().join(format!("{name}.json"));
            let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
            std::fs::write(path, text).unwrap();
            continue;
        }
        let diffs = common::differences(&fixture["expected"], &actual);
        assert!(
            diffs.is_empty(),
            "{name}: output differs at {diffs:?}\nactual:\n{}",
            serde_json::to_string_pretty(&actual).unwrap()
        );
    }
}

/// The status codes each fixture must send, so a blessed fixture cannot silently change them.
#[test]
fn fixtures_send_the_guide_codes_they_are_named_for() {
    let codes = |name: &str| -> Vec<(String, String)> {
        let (_, fixture) = fixtures().into_iter().find(|(n, _)| n == name).unwrap();
        fixture["expected"]["request"]["orderAcknowledgements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["purchaseOrderNumber"].as_str().unwrap().to_string(),
                    a["acknowledgementStatus"]["code"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(codes("accept"), pairs(&[("2JK3S9VC", "00")]));
    assert_eq!(
        codes("out_of_stock"),
        pairs(&[
            ("DF-NEWEST", "00"),
            ("DF-SECOND", "03"),
            ("DF-OLDEST", "00")
        ])
    );
    assert_eq!(codes("unknown_sku"), pairs(&[("DF-UNKNOWN", "02")]));
    assert_eq!(codes("discontinued"), pairs(&[("DF-DISC", "71")]));
    assert_eq!(
        codes("invalid_fields"),
        pairs(&[
            ("DF-METHOD", "13"),
            ("DF-PRICE", "20"),
            ("DF-NAME", "07"),
            ("DF-LINE2", "21"),
            ("DF-NOCUST", "55"),
        ])
    );
}
