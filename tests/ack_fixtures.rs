//! The acknowledgement fixtures in tests/fixtures/ack/: hand-written inputs with the exact
//! expected outputs. The same files run through every built artefact in
//! js/test/ack.test.mjs, so native and WASM builds are held to one set of answers.
//!
//! A fixture has `input` (for decideAcknowledgements), optionally `approve` (the rest of an
//! approveAcknowledgement input; the proposal is `pendingApproval[0]` of the decision), and
//! either `expect` or `expectError: {code, path}` for the last call. In `expect`:
//! `request` and `allocations` must match exactly; `decisions` element by element on the
//! fields given; `exceptions` are the codes in order; `pendingApproval` the PO numbers;
//! `pending` the fields given of `pendingApproval[0]`; `acknowledgedPurchaseOrders` the PO
//! numbers in `request`.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{Value, json};
use vendor_central_connector::ack::{
    AckError, ApprovalError, approve_acknowledgement, decide_acknowledgements,
};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

fn decide(input: &Value) -> Result<Value, AckError> {
    let parsed = parse_input(&input.to_string())?;
    Ok(serde_json::to_value(decide_acknowledgements(parsed)?).unwrap())
}

fn approve(input: &Value) -> Result<Value, ApprovalError> {
    let parsed = parse_input(&input.to_string())?;
    Ok(serde_json::to_value(approve_acknowledgement(parsed)?).unwrap())
}

/// Every key of `expected` equals the same key of `actual` (recursively for objects).
fn assert_subset(expected: &Value, actual: &Value, context: &str) {
    match expected {
        Value::Object(fields) => {
            for (key, value) in fields {
                assert_subset(value, &actual[key], &format!("{context}.{key}"));
            }
        }
        Value::Array(items) if items.iter().all(Value::is_object) => {
            let actual_items = actual
                .as_array()
                .unwrap_or_else(|| panic!("{context}: not an array: {actual}"));
            assert_eq!(
                items.len(),
                actual_items.len(),
                "{context}: length; actual {actual}"
            );
            for (i, (e, a)) in items.iter().zip(actual_items).enumerate() {
                assert_subset(e, a, &format!("{context}[{i}]"));
            }
        }
        _ => assert_eq!(expected, actual, "{context}"),
    }
}

fn check(expect: &Value, out: &Value, name: &str) {
    for exact in ["request", "allocations"] {
        if let Some(want) = expect.get(exact) {
            assert_eq!(want, &out[exact], "{name}: {exact}");
        }
    }
    if let Some(want) = expect.get("decisions") {
        assert_subset(want, &out["decisions"], &format!("{name}: decisions"));
    }
    if let Some(want) = expect.get("exceptions") {
        let codes: Vec<&Value> = out["exceptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["code"])
            .collect();
        let want: Vec<&Value> = want.as_array().unwrap().iter().collect();
        assert_eq!(
            codes, want,
            "{name}: exception codes; exceptions: {}",
            out["exceptions"]
        );
    }
    if let Some(want) = expect.get("pendingApproval") {
        let numbers: Vec<&Value> = out["pendingApproval"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["purchaseOrderNumber"])
            .collect();
        assert_eq!(
            numbers,
            want.as_array().unwrap().iter().collect::<Vec<_>>(),
            "{name}: pendingApproval"
        );
    }
    if let Some(want) = expect.get("pending") {
        assert_subset(
            want,
            &out["pendingApproval"][0],
            &format!("{name}: pending"),
        );
    }
    if let Some(want) = expect.get("acknowledgedPurchaseOrders") {
        let numbers: Vec<&Value> = out["request"]["acknowledgements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["purchaseOrderNumber"])
            .collect();
        assert_eq!(
            numbers,
            want.as_array().unwrap().iter().collect::<Vec<_>>(),
            "{name}: acknowledged POs"
        );
    }
}

fn fixtures() -> Vec<(String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ack");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            (
                name,
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            )
        })
        .collect()
}

#[test]
fn every_fixture_gives_its_expected_answer() {
    let all = fixtures();
    assert!(all.len() >= 25, "fixtures missing: {}", all.len());
    for (name, fixture) in all {
        let decided = decide(&fixture["input"]);
        let result: Result<Value, (String, String)> = match (&fixture.get("approve"), decided) {
            (None, decided) => decided.map_err(|e| (e.code().to_string(), e.path())),
            (Some(approval), Ok(out)) => {
                let mut input = (*approval).clone();
                input["proposal"] = out["pendingApproval"][0].clone();
                approve(&input).map_err(|e| (e.code().to_string(), e.path()))
            }
            (Some(_), Err(e)) => panic!("{name}: decide failed before approval: {e}"),
        };
        match (fixture.get("expectError"), result) {
            (Some(want), Err((code, path))) => {
                assert_eq!(json!({"code": code, "path": path}), *want, "{name}");
            }
            (Some(want), Ok(out)) => panic!("{name}: expected error {want}, got {out}"),
            (None, Err(e)) => panic!("{name}: unexpected error {e:?}"),
            (None, Ok(out)) => check(&fixture["expect"], &out, &name),
        }
    }
}

/// Re-running any fixture with its own request as history sends nothing more.
#[test]
fn a_rerun_with_its_own_output_as_history_sends_nothing() {
    for (name, fixture) in fixtures() {
        if fixture.get("approve").is_some() || fixture.get("expectError").is_some() {
            continue;
        }
        let first = decide(&fixture["input"]).unwrap();
        let mut again = fixture["input"].clone();
        let mut history = again.get("history").cloned().unwrap_or(json!([]));
        history.as_array_mut().unwrap().extend(
            first["request"]["acknowledgements"]
                .as_array()
                .unwrap()
                .iter()
                .cloned(),
        );
        again["history"] = history;
        let second = decide(&again).unwrap();
        assert_eq!(second["request"]["acknowledgements"], json!([]), "{name}");
        // Held POs stay held with the same suggestion (the wording may mention the promises
        // now charged first).
        let held = |out: &Value| -> Vec<(Value, Vec<Value>)> {
            out["pendingApproval"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let lines = p["lines"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|l| {
                            json!([
                                l["suggestedAccepted"],
                                l["suggestedBackorders"],
                                l["suggestedRejected"]
                            ])
                        })
                        .collect();
                    (p["purchaseOrderNumber"].clone(), lines)
                })
                .collect()
        };
        assert_eq!(held(&second), held(&first), "{name}: held POs stay held");
    }
}
