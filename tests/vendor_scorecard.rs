//! `vendorScorecard`: an exact scorecard over four POs (one outside the period), bad input, and
//! a property test (every ratio, overall and per week, recomputed from its own contributions).
// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::reconcile::ReconcileError;
use vendor_central_connector::scorecard::{VendorScorecardOutput, vendor_scorecard};

fn base() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invoice/base.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn receipt(po: &str, received: [u64; 2]) -> Value {
    let line = |seq: &str, asin: &str, amount: u64| {
        json!({ "itemSequenceNumber": seq, "buyerProductIdentifier": asin,
                "receivingStatus": { "receiveStatus": "RECEIVED",
                                     "receivedQuantity": { "amount": amount, "unitOfMeasure": "Eaches", "unitSize": 1 } } })
    };
    json!({ "purchaseOrderNumber": po, "purchaseOrderStatus": "OPEN", "purchaseOrderDate": "2026-11-01T08:00:00Z",
            "itemStatus": [line("1", "B0CASE0001", received[0]), line("2", "B0EACH0002", received[1])] })
}

/// PO-INV1 (the invoice fixture: ordered 60 + 24 eaches, accepted 48 + 20, rejected 12,
/// backordered 4; acknowledged 4 h after the PO; ASN-1 left 2026-11-06 inside the window ending
/// 2026-11-10 and was confirmed 30 min after departure; received 48 + 18). PO-2: the same
/// lines, dated 2026-11-09, acknowledged 26 h later, ASN-2 left 2026-11-20 after its window
/// (ending 2026-11-18) and was confirmed 2 h after departure; received exactly. PO-NOACK: dated
/// 2026-11-20, never acknowledged. PO-OUT: dated 2026-12-05, outside the period.
fn scenario(received: [[u64; 2]; 2], ack_hours_po2: i64) -> Value {
    let b = base();
    let po1 = b["purchaseOrders"][0].clone();
    let mut po2 = po1.clone();
    po2["purchaseOrderNumber"] = json!("PO-2");
    po2["orderDetails"]["purchaseOrderDate"] = json!("2026-11-09T10:00:00Z");
    po2["orderDetails"]["shipWindow"] = json!("2026-11-12T00:00:00Z--2026-11-18T00:00:00Z");
    let mut no_ack = po1.clone();
    no_ack["purchaseOrderNumber"] = json!("PO-NOACK");
    no_ack["orderDetails"]["purchaseOrderDate"] = json!("2026-11-20T10:00:00Z");
    let mut out = po1.clone();
    out["purchaseOrderNumber"] = json!("PO-OUT");
    out["orderDetails"]["purchaseOrderDate"] = json!("2026-12-05T10:00:00Z");
    let ack1 = b["acknowledgements"][0].clone();
    let mut ack2 = ack1.clone();
    ack2["purchaseOrderNumber"] = json!("PO-2");
    let acked = chrono::DateTime::parse_from_rfc3339("2026-11-09T10:00:00Z").unwrap()
        + chrono::Duration::hours(ack_hours_po2);
    ack2["acknowledgementDate"] = json!(acked.to_rfc3339());
    let asn1 = b["shipments"][0].clone();
    let mut asn2 = asn1.clone();
    asn2["shipmentIdentifier"] = json!("ASN-2");
    asn2["shippedDate"] = json!("2026-11-20T08:00:00Z");
    asn2["shipmentConfirmationDate"] = json!("2026-11-20T10:00:00Z");
    for item in asn2["shippedItems"].as_array_mut().unwrap() {
        item["itemDetails"]["purchaseOrderNumber"] = json!("PO-2");
    }
    json!({
        "purchaseOrders": [po1, po2, no_ack, out],
        "acknowledgements": [ack1, ack2],
        "shipments": [asn1, asn2],
        "receipts": [receipt("PO-INV1", received[0]), receipt("PO-2", received[1])],
        "from": "2026-11-01T00:00:00Z",
        "to": "2026-12-01T00:00:00Z",
        "now": "2026-12-15T00:00:00Z"
    })
}

fn scorecard(input: &Value) -> VendorScorecardOutput {
    let parsed = parse_input(&input.to_string()).expect("parses");
    vendor_scorecard(parsed).unwrap_or_else(|e| panic!("{e} at {}", e.path()))
}

fn scorecard_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(ReconcileError::from)
        .and_then(vendor_scorecard)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

/// (figure, numerator, denominator, rate).
fn summary(out: &VendorScorecardOutput) -> Vec<(String, u64, u64, String)> {
    let v = serde_json::to_value(out).unwrap();
    v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["figure"].as_str().unwrap().to_string(),
                f["numerator"].as_u64().unwrap(),
                f["denominator"].as_u64().unwrap(),
                f["rate"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn scorecard_is_exact() {
    let out = scorecard(&scenario([[48, 18], [48, 20]], 26));
    assert_eq!(out.purchase_orders, 3);
    let s = |f: &str, n: u64, d: u64, r: &str| (f.to_string(), n, d, r.to_string());
    assert_eq!(
        summary(&out),
        vec![
            // accepted 48 + 20 per acknowledged PO, ordered 84 each: 136 / 252.
            s("fillRate", 136, 252, "0.5397"),
            // 4 of 6 lines acknowledged (PO-NOACK's two are not).
            s("confirmationRate", 4, 6, "0.6667"),
            // PO-INV1 4 h after the PO (on time), PO-2 26 h (late).
            s("confirmationTimeliness", 1, 2, "0.5000"),
            // ASN-1 left inside PO-INV1's window, ASN-2 after PO-2's.
            s("onTimeShipment", 1, 2, "0.5000"),
            // PO-INV1 line 2: 20 shipped, 18 received (a shortage); the other three exact.
            s("asnAccuracy", 3, 4, "0.7500"),
            // ASN-1 confirmed 30 min after departure (on time), ASN-2 2 h.
            s("asnTimeliness", 1, 2, "0.5000"),
            // 12 rejected per acknowledged PO.
            s("rejectedUnits", 24, 252, "0.0952"),
        ]
    );
    let v = serde_json::to_value(&out).unwrap();
    assert_eq!(
        v["figures"][0]["weeks"],
        json!([
            { "weekStart": "2026-11-01", "numerator": 68, "denominator": 84, "rate": "0.8095" },
            { "weekStart": "2026-11-08", "numerator": 68, "denominator": 84, "rate": "0.8095" },
            { "weekStart": "2026-11-15", "numerator": 0, "denominator": 84, "rate": "0.0000" }
        ])
    );
    assert_eq!(
        v["figures"][5]["contributions"],
        json!([
            { "purchaseOrderNumber": "PO-INV1", "shipmentIdentifier": "ASN-1", "weekStart": "2026-11-01", "numerator": 1, "denominator": 1 },
            { "purchaseOrderNumber": "PO-2", "shipmentIdentifier": "ASN-2", "weekStart": "2026-11-15", "numerator": 0, "denominator": 1 }
        ])
    );
    common::assert_fixture("scorecard", "scorecard.json", &v);
}

#[test]
fn nothing_measured_is_no_rate() {
    let mut input = scenario([[48, 18], [48, 20]], 26);
    input["from"] = json!("2027-01-01T00:00:00Z");
    input["to"] = json!("2027-02-01T00:00:00Z");
    let out = scorecard(&input);
    assert_eq!(out.purchase_orders, 0);
    assert!(
        summary(&out)
            .iter()
            .all(|(_, n, d, r)| *n == 0 && *d == 0 && r == "-")
    );
}

#[test]
fn bad_inputs_have_codes_and_paths() {
    let input = scenario([[48, 18], [48, 20]], 26);
    let mut missing = input.clone();
    missing.as_object_mut().unwrap().remove("from");
    assert_eq!(
        scorecard_err(&missing),
        ("MISSING_FIELD".into(), "/from".into())
    );
    let mut bad_date = input.clone();
    bad_date["purchaseOrders"][1]["orderDetails"]["purchaseOrderDate"] = json!("yesterday");
    assert_eq!(
        scorecard_err(&bad_date),
        (
            "INVALID_DATE".into(),
            "/purchaseOrders/1/orderDetails/purchaseOrderDate".into()
        )
    );
    let mut bad_ack = input.clone();
    bad_ack["acknowledgements"][0]["acknowledgementDate"] = json!("2026-11-31T00:00:00Z");
    assert_eq!(
        scorecard_err(&bad_ack),
        (
            "INVALID_DATE".into(),
            "/acknowledgements/0/acknowledgementDate".into()
        )
    );
    let mut bad_asn = input.clone();
    bad_asn["shipments"][1]["shippedDate"] = json!("soon");
    assert_eq!(
        scorecard_err(&bad_asn),
        ("INVALID_DATE".into(), "/shipments/1/shippedDate".into())
    );
    let mut extra = input.clone();
    extra["period"] = json!({});
    assert_eq!(scorecard_err(&extra).0, "UNKNOWN_FIELD");
}

fn ratio(n: u64, d: u64) -> Option<String> {
    (d > 0).then(|| {
        let mut r = (rust_decimal::Decimal::from(n) / rust_decimal::Decimal::from(d))
            .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        r.rescale(4);
        r.to_string()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every figure's numerator and denominator are the sums of its contributions, and so are
    /// each week's; every rate is its numerator ÷ denominator; weeks partition the
    /// contributions.
    #[test]
    fn ratios_recompute_from_their_own_lists(
        r1 in 0u64..60, r2 in 0u64..30, r3 in 0u64..60, r4 in 0u64..30, hours in 0i64..72,
    ) {
        let out = scorecard(&scenario([[r1, r2], [r3, r4]], hours));
        let v = serde_json::to_value(&out).unwrap();
        for f in v["figures"].as_array().unwrap() {
            let (mut n, mut d) = (0u64, 0u64);
            let mut by_week = std::collections::BTreeMap::<String, (u64, u64)>::new();
            for c in f["contributions"].as_array().unwrap() {
                let (cn, cd) = (c["numerator"].as_u64().unwrap(), c["denominator"].as_u64().unwrap());
                prop_assert!(cd > 0 && cn <= cd, "a contribution is a part: {}", c);
                n += cn;
                d += cd;
                let w = by_week.entry(c["weekStart"].as_str().unwrap().to_string()).or_default();
                w.0 += cn;
                w.1 += cd;
            }
            prop_assert_eq!(f["numerator"].as_u64().unwrap(), n);
            prop_assert_eq!(f["denominator"].as_u64().unwrap(), d);
            prop_assert_eq!(f["rate"].as_str().map(str::to_string), ratio(n, d));
            let weeks = f["weeks"].as_array().unwrap();
            prop_assert_eq!(weeks.len(), by_week.len());
            for w in weeks {
                let (wn, wd) = by_week[w["weekStart"].as_str().unwrap()];
                prop_assert_eq!(w["numerator"].as_u64().unwrap(), wn);
                prop_assert_eq!(w["denominator"].as_u64().unwrap(), wd);
                prop_assert_eq!(w["rate"].as_str().map(str::to_string), ratio(wn, wd));
            }
        }
    }
}
