//! `readExceptionsReport`: a saved report reads back exactly as the engine wrote it, and a
//! malformed one is refused at the field that is wrong (issue 21: "entries/17/dueAt: not an
//! ISO-8601 instant"), with a property test that every report the engine makes reads back.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::exceptions_report::{
    ReportError, exceptions_report, read_exceptions_report,
};
use vendor_central_connector::input::parse_input;

const NOW: &str = "2026-11-22T12:00:00Z";

fn merged() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/exceptions_report/merged.json"
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn read(report: &Value) -> Result<Value, (String, String)> {
    parse_input(&report.to_string())
        .map_err(ReportError::from)
        .and_then(read_exceptions_report)
        .map(|out| serde_json::to_value(out).expect("serialises"))
        .map_err(|e| (e.code().to_string(), e.path()))
}

fn refused(report: &Value) -> (String, String) {
    read(report).expect_err("should be refused")
}

#[test]
fn the_engines_report_reads_back_unchanged() {
    let report = merged();
    assert_eq!(read(&report).expect("reads"), report);
}

#[test]
fn due_times_read_back_in_utc_and_unknown_fields_are_ignored() {
    let mut report = merged();
    report["entries"][0]["dueAt"] = json!("2026-11-22T12:00:00+02:00");
    report["entries"][0]["addedLater"] = json!(true);
    report["generatedBy"] = json!("a newer core");
    let out = read(&report).expect("reads");
    assert_eq!(out["entries"][0]["dueAt"], "2026-11-22T10:00:00Z");
    assert_eq!(out, merged());
}

#[test]
fn a_bad_due_time_is_refused_at_its_entry() {
    let mut report = merged();
    report["entries"][5]["dueAt"] = json!("next Tuesday");
    assert_eq!(
        refused(&report),
        ("INVALID_DATE".into(), "/entries/5/dueAt".into())
    );
    report["entries"][5]["dueAt"] = json!(17);
    assert_eq!(
        refused(&report),
        ("INVALID_TYPE".into(), "/entries/5/dueAt".into())
    );
}

#[test]
fn fields_of_the_wrong_type_or_spelling_are_refused_where_they_are() {
    let cases: &[(&str, Value, &str, &str)] = &[
        (
            "/entries/2/severity",
            json!("urgent"),
            "UNKNOWN_ENUM",
            "/entries/2/severity",
        ),
        (
            "/entries/3/owner",
            json!("ceo"),
            "UNKNOWN_ENUM",
            "/entries/3/owner",
        ),
        (
            "/entries/0/overdue",
            json!("yes"),
            "INVALID_TYPE",
            "/entries/0/overdue",
        ),
        (
            "/entries/0/moneyAtRisk/amount",
            json!("12,50"),
            "INVALID_DECIMAL",
            "/entries/0/moneyAtRisk/amount",
        ),
        (
            "/entries/1/message",
            json!(["a"]),
            "INVALID_TYPE",
            "/entries/1/message",
        ),
        ("/entries", json!({}), "INVALID_TYPE", "/entries"),
        (
            "/summary/total",
            json!(-1),
            "INVALID_VALUE",
            "/summary/total",
        ),
    ];
    for (at, value, code, path) in cases {
        let mut report = merged();
        *report.pointer_mut(at).expect("pointer") = value.clone();
        assert_eq!(
            refused(&report),
            (code.to_string(), path.to_string()),
            "{at}"
        );
    }
    let mut report = merged();
    report["entries"][4]
        .as_object_mut()
        .expect("object")
        .remove("code");
    assert_eq!(
        refused(&report),
        ("MISSING_FIELD".into(), "/entries/4/code".into())
    );
    let mut report = merged();
    report.as_object_mut().expect("object").remove("summary");
    assert_eq!(
        refused(&report),
        ("MISSING_FIELD".into(), "/summary".into())
    );
}

#[test]
fn ranks_must_be_the_list_order() {
    let mut report = merged();
    report["entries"][3]["rank"] = json!(9);
    assert_eq!(
        refused(&report),
        ("INVALID_VALUE".into(), "/entries/3/rank".into())
    );
    let mut report = merged();
    let entries = report["entries"].as_array_mut().expect("array");
    entries.swap(1, 2);
    assert_eq!(
        refused(&report),
        ("INVALID_VALUE".into(), "/entries/1/rank".into())
    );
}

#[test]
fn a_summary_the_entries_do_not_add_up_to_is_refused() {
    let cases: &[(&str, Value, &str)] = &[
        ("/summary/total", json!(9), "/summary/total"),
        ("/summary/overdue", json!(0), "/summary/overdue"),
        (
            "/summary/byOwner/finance",
            json!(3),
            "/summary/byOwner/finance",
        ),
        (
            "/summary/moneyAtRisk/1/amount",
            json!("24.99"),
            "/summary/moneyAtRisk/1/amount",
        ),
        (
            "/summary/moneyAtRisk/0/currencyCode",
            json!("GBP"),
            "/summary/moneyAtRisk/0",
        ),
    ];
    for (at, value, path) in cases {
        let mut report = merged();
        *report.pointer_mut(at).expect("pointer") = value.clone();
        assert_eq!(
            refused(&report),
            ("INVALID_VALUE".to_string(), path.to_string()),
            "{at}"
        );
    }
    // An owner the entries never name, a currency left out, a currency totalled twice.
    let mut report = merged();
    report["summary"]["byOwner"]
        .as_object_mut()
        .expect("object")
        .remove("operations");
    assert_eq!(
        refused(&report),
        ("INVALID_VALUE".into(), "/summary/byOwner/operations".into())
    );
    let mut report = merged();
    report["summary"]["moneyAtRisk"]
        .as_array_mut()
        .expect("array")
        .remove(0);
    assert_eq!(
        refused(&report),
        ("INVALID_VALUE".into(), "/summary/moneyAtRisk".into())
    );
    let mut report = merged();
    let first = report["summary"]["moneyAtRisk"][1].clone();
    report["summary"]["moneyAtRisk"]
        .as_array_mut()
        .expect("array")
        .push(first);
    assert_eq!(
        refused(&report),
        (
            "INVALID_VALUE".into(),
            "/summary/moneyAtRisk/2/currencyCode".into()
        )
    );
    // Amounts are compared as numbers: "24.980" totals the same as "24.98".
    let mut report = merged();
    report["summary"]["moneyAtRisk"][1]["amount"] = json!("24.980");
    assert!(read(&report).is_ok());
}

#[test]
fn an_empty_report_reads_back() {
    let report = json!({ "entries": [], "summary": { "total": 0, "overdue": 0, "byOwner": {}, "moneyAtRisk": [] } });
    assert_eq!(read(&report).expect("reads"), report);
}

fn arbitrary_exception() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "UNKNOWN_PRODUCT",
            "ZERO_HELD",
            "X_NEW",
            "MISSING_NET_COST",
        ]),
        prop::sample::select(vec!["error", "warning", "info"]),
        prop::option::of(prop::sample::select(vec!["PO-1", "PO-2"])),
        prop::option::of(prop::sample::select(vec![
            "2026-11-22T10:00:00Z",
            "2026-11-22T14:00:00+02:00",
            "2026-11-22T12:00:00.000Z",
            "2026-11-23T00:00:00Z",
        ])),
        prop::option::of((
            prop::sample::select(vec!["1", "1.0", "250.5", "0.001"]),
            prop::sample::select(vec!["USD", "EUR"]),
        )),
        prop::sample::select(vec!["m1", "m2"]),
    )
        .prop_map(|(code, severity, po, due, money, message)| {
            let mut e = json!({ "code": code, "severity": severity, "message": message });
            if let Some(po) = po {
                e["purchaseOrderNumber"] = json!(po);
            }
            if let Some(due) = due {
                e["dueAt"] = json!(due);
            }
            if let Some((amount, currency)) = money {
                e["moneyAtRisk"] = json!({ "amount": amount, "currencyCode": currency });
            }
            e
        })
}

proptest! {
    /// Every report the engine makes reads back unchanged: the reader refuses nothing the core
    /// could have written, and changes nothing of it.
    #[test]
    fn every_report_the_engine_makes_reads_back(
        exceptions in prop::collection::vec(arbitrary_exception(), 0..16),
    ) {
        let input = parse_input(&json!({ "now": NOW, "exceptions": exceptions }).to_string()).expect("parses");
        let report = serde_json::to_value(exceptions_report(input).expect("reports")).expect("serialises");
        prop_assert_eq!(read(&report).expect("reads back"), report);
    }
}
