//! `chargebackExposure`: an exact forecast over exceptions of three engines and two ASNs'
//! issues, rate overrides, bad input, and property tests (money never counted twice, every
//! input behind exactly one chargeback or none, totals that add up).
// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::chargebacks::{
    ChargebackError, ChargebackExposureOutput, chargeback_exposure,
};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

const NOW: &str = "2026-11-22T12:00:00Z"; // a Sunday

fn exposure(input: &Value) -> ChargebackExposureOutput {
    let parsed = parse_input(&input.to_string()).expect("input parses");
    chargeback_exposure(parsed).expect("forecasts")
}

fn exposure_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(ChargebackError::from)
        .and_then(chargeback_exposure)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

fn usd(amount: &str) -> Value {
    json!({ "amount": amount, "currencyCode": "USD" })
}

fn scenario() -> Value {
    json!({
        "now": NOW,
        "exceptions": [
            // 0, 1: two exceptions about one unacknowledged PO, each carrying the PO's value.
            { "code": "APPROVAL_REQUIRED", "severity": "warning", "purchaseOrderNumber": "PO-1", "message": "PO PO-1 needs approval", "dueAt": "2026-11-22T18:00:00Z", "moneyAtRisk": usd("720.00"), "source": "decideAcknowledgements" },
            { "code": "ACKNOWLEDGEMENT_DUE_SOON", "severity": "warning", "purchaseOrderNumber": "PO-1", "message": "PO PO-1 due soon", "dueAt": "2026-11-22T20:00:00+02:00", "moneyAtRisk": usd("720.00"), "source": "decideAcknowledgements" },
            // 2, 3: accepted, window over, nothing shipped.
            { "code": "ACCEPTED_NOT_SHIPPED", "severity": "error", "purchaseOrderNumber": "PO-2", "itemSequenceNumber": "1", "message": "not shipped", "dueAt": "2026-11-20T00:00:00Z", "moneyAtRisk": usd("250.00"), "source": "reconcile" },
            { "code": "ACCEPTED_NOT_SHIPPED", "severity": "error", "purchaseOrderNumber": "PO-2", "itemSequenceNumber": "2", "message": "not shipped", "dueAt": "2026-11-20T00:00:00Z", "moneyAtRisk": usd("99.99"), "source": "reconcile" },
            // 4: shipped over the accepted quantity; 5: received more than the ASN said.
            { "code": "OVERAGE", "severity": "warning", "purchaseOrderNumber": "PO-3", "itemSequenceNumber": "1", "message": "over", "moneyAtRisk": usd("40.00") },
            { "code": "RECEIVED_MORE_THAN_SHIPPED", "severity": "warning", "purchaseOrderNumber": "PO-3", "itemSequenceNumber": "1", "message": "received more", "moneyAtRisk": usd("40.00") },
            // 6: a shortage is a deduction, not a chargeback.
            { "code": "SHORTAGE", "severity": "error", "purchaseOrderNumber": "PO-4", "itemSequenceNumber": "1", "message": "short", "moneyAtRisk": usd("12.00") },
            // 7: a unit-size conflict on a EUR PO.
            { "code": "UNIT_SIZE_MISMATCH", "severity": "error", "purchaseOrderNumber": "PO-5", "itemSequenceNumber": "2", "message": "unit size", "moneyAtRisk": { "amount": "33.33", "currencyCode": "EUR" } },
            // 8-10: an overdue PO (100.00 held) and two of its lines mapped by codeTypes.
            { "code": "ACKNOWLEDGEMENT_OVERDUE", "severity": "error", "purchaseOrderNumber": "PO-6", "message": "overdue", "dueAt": "2026-11-21T00:00:00Z", "moneyAtRisk": usd("100.00") },
            { "code": "WMS_SHORT_PICK", "severity": "warning", "purchaseOrderNumber": "PO-6", "itemSequenceNumber": "1", "message": "short pick", "moneyAtRisk": usd("60.00") },
            { "code": "WMS_SHORT_PICK", "severity": "warning", "purchaseOrderNumber": "PO-6", "itemSequenceNumber": "2", "message": "short pick", "moneyAtRisk": usd("70.00") }
        ],
        "shipmentIssues": [
            {
                "shipmentIdentifier": "ASN-1",
                "value": usd("500.00"),
                "issues": [
                    { "code": "MISSING_CARTON_SSCC", "severity": "error", "path": "/cartons/0/containerIdentifiers", "message": "no SSCC", "purchaseOrderNumber": "PO-2" },
                    { "code": "INVALID_SSCC_CHECK_DIGIT", "severity": "error", "path": "/cartons/1/containerIdentifiers/0/containerIdentifier", "message": "check digit", "purchaseOrderNumber": "PO-2" },
                    { "code": "DUPLICATE_SSCC", "severity": "error", "path": "/cartons/1/containerIdentifiers/0/containerIdentifier", "message": "duplicate", "purchaseOrderNumber": "PO-2" },
                    { "code": "QUANTITY_MISMATCH", "severity": "error", "path": "/items/0/shippedQuantity", "message": "quantity", "purchaseOrderNumber": "PO-2" },
                    { "code": "COUNT_MISMATCH", "severity": "error", "path": "/cartons/0/items/0", "message": "count", "purchaseOrderNumber": "PO-2" },
                    { "code": "ASN_LATE", "severity": "warning", "path": "/shipmentConfirmationDate", "message": "late", "dueAt": "2026-11-22T11:30:00Z", "purchaseOrderNumber": "PO-2" },
                    { "code": "INVALID_SCAC", "severity": "error", "path": "/transportationDetails/carrierScac", "message": "scac" }
                ]
            },
            {
                "shipmentIdentifier": "ASN-2",
                "issues": [
                    { "code": "QUANTITY_MISMATCH", "severity": "error", "path": "/items/0/shippedQuantity", "message": "quantity", "purchaseOrderNumber": "PO-7" }
                ]
            }
        ],
        "codeTypes": { "WMS_SHORT_PICK": "downConfirmed" }
    })
}

/// (type, PO, line, ASN, carton, amount, landsAt, avoidable) of each chargeback.
type Row = (String, String, String, String, String, String, String, bool);

fn rows(out: &ChargebackExposureOutput) -> Vec<Row> {
    let v = serde_json::to_value(out).unwrap();
    let s = |c: &Value, k: &str| c[k].as_str().unwrap_or("").to_string();
    v["chargebacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                s(c, "chargebackType"),
                s(c, "purchaseOrderNumber"),
                s(c, "itemSequenceNumber"),
                s(c, "shipmentIdentifier"),
                s(c, "carton"),
                c["amount"]["amount"].as_str().unwrap_or("?").to_string()
                    + c["amount"]["currencyCode"].as_str().unwrap_or(""),
                s(c, "landsAt"),
                c["avoidable"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn row(
    t: &str,
    po: &str,
    line: &str,
    asn: &str,
    carton: &str,
    amount: &str,
    lands: &str,
    avoidable: bool,
) -> Row {
    (
        t.into(),
        po.into(),
        line.into(),
        asn.into(),
        carton.into(),
        amount.into(),
        lands.into(),
        avoidable,
    )
}

/// Hand-computed with the default rates (README table): not filled 10 %, down-confirmed 3 %,
/// overage 10 %, ASN accuracy / late ASN / unit of measure 2 %, carton label USD 5 per carton;
/// landing 14 days after the deadline (else `now`), never before `now`.
#[test]
fn forecast_is_exact() {
    let out = exposure(&scenario());
    let expected = vec![
        // 10 % of 250.00; the window ended 2026-11-20, +14 days.
        row(
            "notFilled",
            "PO-2",
            "1",
            "",
            "",
            "25.00USD",
            "2026-12-04T00:00:00Z",
            false,
        ),
        // 10 % of 99.99 = 9.999, rounded to the cent.
        row(
            "notFilled",
            "PO-2",
            "2",
            "",
            "",
            "10.00USD",
            "2026-12-04T00:00:00Z",
            false,
        ),
        // PO-level 100.00 absorbs its lines 60.00 + 70.00 = 130.00 (the larger): 3 % = 3.90.
        row(
            "downConfirmed",
            "PO-6",
            "",
            "",
            "",
            "3.90USD",
            "2026-12-05T00:00:00Z",
            false,
        ),
        // Late ASN: 2 % of the ASN's 500.00, due 11:30 (passed).
        row(
            "asnLate",
            "PO-2",
            "",
            "ASN-1",
            "",
            "10.00USD",
            "2026-12-06T11:30:00Z",
            false,
        ),
        // The rest has no deadline: now + 14 days; by type (in the order of the README's
        // table), then PO, line, ASN, carton.
        row(
            "overage",
            "PO-3",
            "1",
            "",
            "",
            "4.00USD",
            "2026-12-06T12:00:00Z",
            true,
        ),
        // ASN accuracy: QUANTITY_MISMATCH and COUNT_MISMATCH are one chargeback of the ASN.
        row(
            "asnAccuracy",
            "PO-2",
            "",
            "ASN-1",
            "",
            "10.00USD",
            "2026-12-06T12:00:00Z",
            true,
        ),
        // Received more than shipped has happened: 2 % of 40.00, only a dispute remains.
        row(
            "asnAccuracy",
            "PO-3",
            "1",
            "",
            "",
            "0.80USD",
            "2026-12-06T12:00:00Z",
            false,
        ),
        // ASN-2 has no value: the amount is unknown, not zero.
        row(
            "asnAccuracy",
            "PO-7",
            "",
            "ASN-2",
            "",
            "?",
            "2026-12-06T12:00:00Z",
            true,
        ),
        // Carton labels: one fee per carton (carton 1 has two defects, one fee).
        row(
            "cartonLabel",
            "PO-2",
            "",
            "ASN-1",
            "/cartons/0",
            "5USD",
            "2026-12-06T12:00:00Z",
            true,
        ),
        row(
            "cartonLabel",
            "PO-2",
            "",
            "ASN-1",
            "/cartons/1",
            "5USD",
            "2026-12-06T12:00:00Z",
            true,
        ),
        // 2 % of 33.33 EUR = 0.6666.
        row(
            "unitOfMeasure",
            "PO-5",
            "2",
            "",
            "",
            "0.67EUR",
            "2026-12-06T12:00:00Z",
            true,
        ),
        // PO-1: 720.00 once although two exceptions carry it: 3 % = 21.60.
        row(
            "downConfirmed",
            "PO-1",
            "",
            "",
            "",
            "21.60USD",
            "2026-12-06T18:00:00Z",
            true,
        ),
    ];
    assert_eq!(rows(&out), expected);
    assert_eq!(out.unvalued, 1);
    assert_eq!(out.not_chargebacks, 2); // SHORTAGE, INVALID_SCAC

    let v = serde_json::to_value(&out).unwrap();
    let totals: BTreeMap<(String, String), (u64, String, String)> = v["byType"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                (
                    t["chargebackType"].as_str().unwrap().to_string(),
                    t["currencyCode"].as_str().unwrap().to_string(),
                ),
                (
                    t["count"].as_u64().unwrap(),
                    t["amount"].as_str().unwrap().to_string(),
                    t["avoidable"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let t = |k: &str, c: &str| totals[&(k.to_string(), c.to_string())].clone();
    assert_eq!(
        t("downConfirmed", "USD"),
        (2, "25.50".into(), "21.60".into())
    );
    assert_eq!(t("notFilled", "USD"), (2, "35.00".into(), "0".into()));
    assert_eq!(t("asnAccuracy", "USD"), (2, "10.80".into(), "10.00".into()));
    assert_eq!(t("asnAccuracy", ""), (1, "0".into(), "0".into()));
    assert_eq!(t("cartonLabel", "USD"), (2, "10".into(), "10".into()));
    assert_eq!(t("unitOfMeasure", "EUR"), (1, "0.67".into(), "0.67".into()));

    // PO-1's action avoids it, by the earlier of its two deadlines.
    let po1 = &v["chargebacks"][11];
    assert_eq!(po1["avoidBy"], "2026-11-22T18:00:00Z");
    assert_eq!(po1["basis"], usd("720.00"));
    assert_eq!(po1["evidence"].as_array().unwrap().len(), 2);
    assert!(
        po1["action"]
            .as_str()
            .unwrap()
            .starts_with("Acknowledge every line")
    );
    // The weeks run Sunday to Saturday.
    assert_eq!(v["chargebacks"][0]["weekStart"], "2026-11-29");
    assert_eq!(po1["weekStart"], "2026-12-06");

    common::assert_fixture("chargebacks", "exposure.json", &v);
}

#[test]
fn rates_are_configuration() {
    let mut input = scenario();
    input["rates"] = json!({
        "notFilled": { "percentOfCost": "5", "landingDays": 7, "source": "our remittances" },
        "cartonLabel": { "fee": "15", "currencyCode": "USD" },
        "prep": { "percentOfCost": "1" }
    });
    let out = exposure(&input);
    let v = serde_json::to_value(&out).unwrap();
    assert_eq!(v["rates"]["notFilled"]["percentOfCost"], "5");
    assert_eq!(v["rates"]["notFilled"]["source"], "our remittances");
    assert_eq!(v["rates"]["cartonLabel"]["source"], "input");
    assert_eq!(v["rates"]["cartonLabel"]["landingDays"], 14);
    assert_eq!(v["rates"]["overage"]["percentOfCost"], "10");
    let first = rows(&out)[0].clone();
    assert_eq!(
        first,
        row(
            "notFilled",
            "PO-2",
            "1",
            "",
            "",
            "12.50USD",
            "2026-11-27T00:00:00Z",
            false
        )
    );
    let cartons: Vec<Row> = rows(&out)
        .into_iter()
        .filter(|r| r.0 == "cartonLabel")
        .collect();
    assert_eq!(cartons.len(), 2);
    assert!(cartons.iter().all(|r| r.5 == "15USD"));
}

#[test]
fn bad_inputs_have_codes_and_paths() {
    let base = json!({ "now": NOW });
    assert_eq!(
        exposure_err(&json!({})),
        ("MISSING_FIELD".into(), "/now".into())
    );
    let mut both = base.clone();
    both["rates"] =
        json!({ "overage": { "percentOfCost": "3", "fee": "1", "currencyCode": "USD" } });
    assert_eq!(
        exposure_err(&both),
        ("INVALID_VALUE".into(), "/rates/overage/fee".into())
    );
    let mut negative = base.clone();
    negative["rates"] = json!({ "overage": { "percentOfCost": "-3" } });
    assert_eq!(
        exposure_err(&negative),
        (
            "INVALID_VALUE".into(),
            "/rates/overage/percentOfCost".into()
        )
    );
    let mut no_currency = base.clone();
    no_currency["rates"] = json!({ "cartonLabel": { "fee": "5" } });
    assert_eq!(
        exposure_err(&no_currency),
        (
            "MISSING_FIELD".into(),
            "/rates/cartonLabel/currencyCode".into()
        )
    );
    let mut unknown = base.clone();
    unknown["rates"] = json!({ "lateness": { "percentOfCost": "3" } });
    assert_eq!(exposure_err(&unknown).0, "UNKNOWN_ENUM");
    let mut bad_date = base.clone();
    bad_date["exceptions"] =
        json!([{ "code": "OVERAGE", "severity": "warning", "message": "m", "dueAt": "tomorrow" }]);
    assert_eq!(
        exposure_err(&bad_date),
        ("INVALID_DATE".into(), "/exceptions/0/dueAt".into())
    );
    let mut bad_issue_date = base.clone();
    bad_issue_date["shipmentIssues"] = json!([{ "shipmentIdentifier": "A", "issues": [{ "code": "ASN_LATE", "severity": "warning", "path": "", "message": "m", "dueAt": "2026-13-01" }] }]);
    assert_eq!(
        exposure_err(&bad_issue_date),
        (
            "INVALID_DATE".into(),
            "/shipmentIssues/0/issues/0/dueAt".into()
        )
    );
    let mut extra = base.clone();
    extra["rate"] = json!({});
    assert_eq!(exposure_err(&extra).0, "UNKNOWN_FIELD");
}

#[test]
fn nothing_in_nothing_out() {
    let out = exposure(&json!({ "now": NOW }));
    assert!(out.chargebacks.is_empty() && out.by_type.is_empty() && out.by_week.is_empty());
    assert_eq!(out.rates.len(), 9);
}

const CODES: &[&str] = &[
    "APPROVAL_REQUIRED",
    "ACKNOWLEDGEMENT_OVERDUE",
    "ACCEPTED_NOT_SHIPPED",
    "OVERAGE",
    "RECEIVED_MORE_THAN_SHIPPED",
    "UNIT_SIZE_MISMATCH",
    "SHORTAGE",
    "ZERO_HELD",
];
const ISSUE_CODES: &[&str] = &[
    "MISSING_CARTON_SSCC",
    "QUANTITY_MISMATCH",
    "ASN_LATE",
    "INVALID_SCAC",
];

fn arb_exception() -> impl Strategy<Value = Value> {
    (
        0..CODES.len(),
        0..3usize,
        0..3usize,
        proptest::option::of(0u64..1_000_000),
        proptest::option::of(-72i64..72),
    )
        .prop_map(|(code, po, line, cents, hours)| {
            let mut e = json!({
                "code": CODES[code], "severity": "warning", "message": "m",
                "purchaseOrderNumber": format!("PO-{po}"),
            });
            if line > 0 {
                e["itemSequenceNumber"] = json!(line.to_string());
            }
            if let Some(c) = cents {
                e["moneyAtRisk"] = json!({ "amount": format!("{}.{:02}", c / 100, c % 100), "currencyCode": "USD" });
            }
            if let Some(h) = hours {
                let due = chrono::DateTime::parse_from_rfc3339(NOW).unwrap() + chrono::Duration::hours(h);
                e["dueAt"] = json!(due.to_rfc3339());
            }
            e
        })
}

fn arb_shipment() -> impl Strategy<Value = Value> {
    (
        0..2usize,
        proptest::option::of(0u64..1_000_000),
        proptest::collection::vec((0..ISSUE_CODES.len(), 0..3usize), 0..5),
    )
        .prop_map(|(asn, cents, issues)| {
            let mut s = json!({
                "shipmentIdentifier": format!("ASN-{asn}"),
                "issues": issues.iter().map(|(c, carton)| json!({
                    "code": ISSUE_CODES[*c], "severity": "error",
                    "path": format!("/cartons/{carton}/containerIdentifiers"), "message": "m",
                    "purchaseOrderNumber": "PO-1",
                })).collect::<Vec<_>>(),
            });
            if let Some(c) = cents {
                s["value"] = json!({ "amount": format!("{}.{:02}", c / 100, c % 100), "currencyCode": "USD" });
            }
            s
        })
}

fn sum_amounts(v: &Value, list: &str) -> BTreeMap<String, rust_decimal::Decimal> {
    let mut sums = BTreeMap::new();
    for c in v[list].as_array().unwrap() {
        let (amount, currency) = if list == "chargebacks" {
            match c.get("amount") {
                Some(a) => (
                    a["amount"].as_str().unwrap(),
                    a["currencyCode"].as_str().unwrap(),
                ),
                None => continue,
            }
        } else {
            (
                c["amount"].as_str().unwrap(),
                c["currencyCode"].as_str().unwrap(),
            )
        };
        let d: rust_decimal::Decimal = amount.parse().unwrap();
        if !d.is_zero() {
            *sums.entry(currency.to_string()).or_default() += d;
        }
    }
    sums
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Money is never counted twice: sending every exception and issue twice changes no amount
    /// and no total (only the evidence doubles); and every input is the evidence of exactly one
    /// chargeback or counted as no chargeback.
    #[test]
    fn money_never_double_counted(
        exceptions in proptest::collection::vec(arb_exception(), 0..12),
        shipments in proptest::collection::vec(arb_shipment(), 0..3),
    ) {
        let once = json!({ "now": NOW, "exceptions": exceptions, "shipmentIssues": shipments });
        let doubled_exceptions: Vec<Value> = exceptions.iter().chain(exceptions.iter()).cloned().collect();
        let doubled_shipments: Vec<Value> = shipments.iter().chain(shipments.iter()).cloned().collect();
        let twice = json!({ "now": NOW, "exceptions": doubled_exceptions, "shipmentIssues": doubled_shipments });
        let a = serde_json::to_value(exposure(&once)).unwrap();
        let b = serde_json::to_value(exposure(&twice)).unwrap();
        prop_assert_eq!(&a["byType"], &b["byType"]);
        prop_assert_eq!(&a["byWeek"], &b["byWeek"]);
        let strip = |v: &Value| -> Vec<Value> {
            v["chargebacks"].as_array().unwrap().iter().map(|c| {
                let mut c = c.clone();
                c.as_object_mut().unwrap().remove("evidence");
                c
            }).collect()
        };
        prop_assert_eq!(strip(&a), strip(&b));

        // Every input is behind exactly one chargeback, or none.
        let inputs = exceptions.len() + shipments.iter().map(|s| s["issues"].as_array().unwrap().len()).sum::<usize>();
        let mut pointers: Vec<String> = a["chargebacks"].as_array().unwrap().iter()
            .flat_map(|c| c["evidence"].as_array().unwrap().iter().map(|e| e["input"].as_str().unwrap().to_string()))
            .collect();
        let referenced = pointers.len();
        pointers.sort();
        pointers.dedup();
        prop_assert_eq!(pointers.len(), referenced);
        prop_assert_eq!(referenced as u64 + a["notChargebacks"].as_u64().unwrap(), inputs as u64);

        // The totals add up to the chargebacks, per currency, by type and by week.
        let listed = sum_amounts(&a, "chargebacks");
        prop_assert_eq!(&sum_amounts(&a, "byType"), &listed);
        prop_assert_eq!(&sum_amounts(&a, "byWeek"), &listed);

        // A percentage chargeback is never above its rate applied to the sum of its
        // evidence's bases (nothing priced that the inputs did not carry).
        for c in a["chargebacks"].as_array().unwrap() {
            if c["chargebackType"] == "cartonLabel" || c.get("amount").is_none() { continue; }
            let amount: rust_decimal::Decimal = c["amount"]["amount"].as_str().unwrap().parse().unwrap();
            let basis: rust_decimal::Decimal = c["basis"]["amount"].as_str().unwrap().parse().unwrap();
            let evidence_sum: rust_decimal::Decimal = c["evidence"].as_array().unwrap().iter()
                .filter_map(|e| e["moneyAtRisk"]["amount"].as_str())
                .map(|s| s.parse::<rust_decimal::Decimal>().unwrap())
                .sum();
            if c.get("shipmentIdentifier").is_none() {
                prop_assert!(basis <= evidence_sum, "basis {} above the evidence's {}", basis, evidence_sum);
            }
            prop_assert!(amount <= basis * rust_decimal::Decimal::new(10, 2) + rust_decimal::Decimal::new(1, 2));
        }
    }

    /// The order of the input changes nothing but the evidence's pointers.
    #[test]
    fn input_order_does_not_matter(
        exceptions in proptest::collection::vec(arb_exception(), 0..10),
    ) {
        let mut reversed = exceptions.clone();
        reversed.reverse();
        let a = serde_json::to_value(exposure(&json!({ "now": NOW, "exceptions": exceptions }))).unwrap();
        let b = serde_json::to_value(exposure(&json!({ "now": NOW, "exceptions": reversed }))).unwrap();
        prop_assert_eq!(&a["byType"], &b["byType"]);
        prop_assert_eq!(&a["byWeek"], &b["byWeek"]);
        prop_assert_eq!(a["chargebacks"].as_array().unwrap().len(), b["chargebacks"].as_array().unwrap().len());
    }
}

/// `reconcile` classifies chargeback deductions into the forecast's types by their description,
/// and says until when each is disputable (the dispute window, default 30 days from payment).
#[test]
fn reconcile_classifies_chargeback_deductions_by_type() {
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/invoice/base.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let row = |number: &str, amount: &str, description: &str| {
        json!({ "invoiceNumber": number, "amountPaid": amount, "currencyCode": "USD",
                "paymentDate": "2027-01-11T00:00:00Z", "description": description })
    };
    let input = json!({
        "purchaseOrders": base["purchaseOrders"],
        "remittances": [
            row("1001VCBSINV", "-12.50", "PO On-Time Accuracy - Not on time"),
            row("1002VCBSINV", "-5.00", "Late ASN"),
            row("1003VCBSINV", "-15.00", "No carton content label"),
            row("1004VCBSINV", "-3.00", "Chargeback"),
            row("IPAPUS1", "-40.00", "Price protection"),
        ],
        "now": "2027-01-15T00:00:00Z"
    });
    let parsed =
        vendor_central_connector::reconcile::parse_reconcile_input(&input.to_string()).unwrap();
    let out = vendor_central_connector::reconcile::reconcile(parsed).unwrap();
    let v = serde_json::to_value(&out.disputes).unwrap();
    let got: Vec<(String, String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["invoiceNumber"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["chargebackType"].as_str().unwrap_or("-").to_string(),
                d["dueAt"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let d = |n: &str, c: &str, t: &str| {
        (
            n.to_string(),
            c.to_string(),
            t.to_string(),
            "2027-02-10T00:00:00Z".to_string(),
        )
    };
    assert_eq!(
        got,
        vec![
            d("1001VCBSINV", "DEDUCTION_CHARGEBACK", "notOnTime"),
            d("1002VCBSINV", "DEDUCTION_CHARGEBACK", "asnLate"),
            d("1003VCBSINV", "DEDUCTION_CHARGEBACK", "cartonLabel"),
            d("1004VCBSINV", "DEDUCTION_CHARGEBACK", "-"),
            d("IPAPUS1", "DEDUCTION_COOP", "-"),
        ]
    );
}
