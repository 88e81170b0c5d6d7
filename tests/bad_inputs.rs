//! The bad-input corpus (tests/bad-inputs/<function>/<case>.json), natively: every case gives
//! exactly its expected error `code` and `path`, without panicking, and every function's
//! `_valid.json` (the input the cases mutate) succeeds. The same files run through every built
//! artefact in js/test/bad-inputs.test.mjs; see tests/bad-inputs/README.md for the format.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;
use vendor_central_connector::error::{CodedError, InputError};
use vendor_central_connector::input::{DEFAULT_MAX_INPUT_BYTES, parse_input_with_limit};
use vendor_central_connector::{
    ack, chargebacks, df, df_ack, exceptions_report, fba, inventory_feed, invoice, outbox,
    reconcile, sales_order, scorecard, shipment,
};

/// `generateSscc` and `configure` take input types that live in the wasm boundary (src/wasm/),
/// so only the JS runner can call them.
const BOUNDARY_ONLY: &[&str] = &["generateSscc", "configure"];

type Outcome = Result<Value, (String, String)>;

fn coded(error: &dyn CodedError) -> (String, String) {
    (error.code().to_string(), error.path())
}

/// What a `…Json` export does natively: size check, parse, engine, errors as code + path.
fn call<'t, I, O, E>(text: &'t str, limit: usize, engine: impl FnOnce(I) -> Result<O, E>) -> Outcome
where
    I: Deserialize<'t>,
    O: Serialize,
    E: CodedError + From<InputError>,
{
    let input: I = parse_input_with_limit(text, limit).map_err(|e| coded(&E::from(e)))?;
    let output = engine(input).map_err(|e| coded(&e))?;
    Ok(serde_json::to_value(output).expect("engine outputs serialise"))
}

fn dispatch(function: &str, text: &str, limit: usize) -> Option<Outcome> {
    Some(match function {
        "decideAcknowledgements" => call(text, limit, ack::decide_acknowledgements),
        "approveAcknowledgement" => call(text, limit, ack::approve_acknowledgement),
        "checkAcknowledgementStatus" => call(text, limit, ack::check_acknowledgement_status),
        "decideDirectFulfillmentAcknowledgements" => {
            call(text, limit, df_ack::decide_df_acknowledgements)
        }
        "toDirectFulfillmentSalesOrders" => call(text, limit, df::to_df_sales_orders),
        "buildDirectFulfillmentShipmentConfirmations" => call(text, limit, df::build_df_shipments),
        "buildDirectFulfillmentInvoices" => call(text, limit, df::build_df_invoices),
        "toSalesOrders" => call(text, limit, sales_order::to_sales_orders),
        "diffPurchaseOrder" => call(text, limit, sales_order::diff_purchase_order),
        "inventoryFeed" => call(text, limit, inventory_feed::inventory_feed),
        "exceptionsReport" => call(text, limit, exceptions_report::exceptions_report),
        "readExceptionsReport" => call(text, limit, exceptions_report::read_exceptions_report),
        "chargebackExposure" => call(text, limit, chargebacks::chargeback_exposure),
        "vendorScorecard" => call(text, limit, scorecard::vendor_scorecard),
        "routeFulfillment" => call(text, limit, fba::route_fulfillment),
        "applyFulfillmentEvent" => call(text, limit, fba::apply_fulfillment_event),
        "buildShipmentConfirmation" => call(text, limit, shipment::build_shipment_confirmation),
        "validateShipmentConfirmation" => {
            call(text, limit, shipment::validate_shipment_confirmation)
        }
        "buildInvoice" => call(text, limit, invoice::build_invoice),
        "nextOutboxAction" => call(text, limit, outbox::next_outbox_action),
        // Reconciliation has its own, larger limit (a month of documents), as at the boundary.
        "reconcile" => reconcile::parse_reconcile_input(text)
            .map_err(|e| coded(&reconcile::ReconcileError::from(e)))
            .and_then(|input| reconcile::reconcile(input).map_err(|e| coded(&e)))
            .map(|output| serde_json::to_value(output).expect("outputs serialise")),
        _ => return None,
    })
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    entries
}

/// The text a case hands to the function: its raw `inputJson`, or its `input` serialised.
fn case_text(case: &Value) -> String {
    match case.get("inputJson") {
        Some(Value::String(text)) => text.clone(),
        Some(other) => panic!("inputJson must be a string, got {other}"),
        None => serde_json::to_string(&case["input"]).expect("input serialises"),
    }
}

#[test]
fn every_bad_input_gives_its_code_and_path() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in sorted_entries(&corpus_dir()) {
        if !dir.is_dir() {
            continue;
        }
        let function = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 name")
            .to_string();
        if BOUNDARY_ONLY.contains(&function.as_str()) {
            continue;
        }
        for file in sorted_entries(&dir) {
            if file.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let name = file
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let case: Value = serde_json::from_str(&fs::read_to_string(&file).expect("readable"))
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let limit = case
                .pointer("/settings/maxInputBytes")
                .and_then(Value::as_u64)
                .map_or(DEFAULT_MAX_INPUT_BYTES, |n| {
                    usize::try_from(n).expect("limit fits")
                });
            let outcome = dispatch(&function, &case_text(&case), limit)
                .unwrap_or_else(|| panic!("no native entry point for {function}"));
            let label = format!("{function}/{name}");
            if name == "_valid" {
                if let Err((code, path)) = outcome {
                    failures.push(format!("{label}: the valid input failed: {code} {path:?}"));
                }
                continue;
            }
            let expected = (
                case["expected"]["code"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                case["expected"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            );
            checked += 1;
            if case["expected"]["reportedAs"] == "issue" {
                // The ASN builder and validator answer with issues, each naming the field.
                let reported = outcome.as_ref().is_ok_and(|output| {
                    output["issues"].as_array().is_some_and(|issues| {
                        issues.iter().any(|issue| {
                            issue["code"] == expected.0.as_str()
                                && issue["path"] == expected.1.as_str()
                                && issue["severity"] == "error"
                        })
                    })
                });
                if !reported {
                    failures.push(format!(
                        "{label}: no error issue {expected:?} in {outcome:?}"
                    ));
                }
                continue;
            }
            match outcome {
                Ok(_) => failures.push(format!("{label}: succeeded, expected {expected:?}")),
                Err(got) if got != expected => {
                    failures.push(format!("{label}: got {got:?}, expected {expected:?}"))
                }
                Err(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        checked >= 300,
        "only {checked} cases found: is the corpus there?"
    );
    println!("{checked} bad inputs checked natively");
}
