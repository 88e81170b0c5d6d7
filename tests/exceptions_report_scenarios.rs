//! `exceptionsReport`: an exact merged calendar (engines' exceptions, failed and stuck
//! transactions, the 15-minute rule), owner overrides, bad input, and property tests of the
//! order (total, deterministic, independent of input order).

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cmp::Ordering;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::exceptions_report::{
    ExceptionsReportOutput, OwnerRole, ReportError, compare_entries, exceptions_report, owners,
};
use vendor_central_connector::input::parse_input;

/// Compares with `tests/fixtures/exceptions_report/<name>` (see `common::assert_fixture`).
fn assert_fixture(name: &str, actual: &Value) {
    common::assert_fixture("exceptions_report", name, actual);
}

fn report(input: &Value) -> ExceptionsReportOutput {
    let parsed = parse_input(&input.to_string()).expect("input parses");
    exceptions_report(parsed).expect("reports")
}

fn report_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(ReportError::from)
        .and_then(exceptions_report)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

const NOW: &str = "2026-11-22T12:00:00Z";

/// Exceptions from three engines (one overdue, two due later with different money, one
/// without a deadline, one of an unknown code), a failed transaction, one with no status for 20
/// minutes (stuck), one Processing for 20 minutes (succeeded per the 15-minute rule, so not
/// reported) and one Processing for 5 minutes (still in flight).
#[test]
fn merged_calendar_is_exact() {
    let input = json!({
        "now": NOW,
        "exceptions": [
            { "code": "ZERO_HELD", "severity": "warning", "sku": "TV-55", "message": "TV-55 would go to zero", "source": "inventoryFeed" },
            { "code": "APPROVAL_REQUIRED", "severity": "warning", "purchaseOrderNumber": "PO-2", "message": "PO PO-2 needs approval", "dueAt": "2026-11-22T18:00:00+02:00", "source": "decideAcknowledgements" },
            { "code": "UNKNOWN_PRODUCT", "severity": "error", "purchaseOrderNumber": "PO-1", "itemSequenceNumber": "3", "message": "no ERP item matches ASIN B0X", "dueAt": "2026-11-22T10:00:00Z", "moneyAtRisk": { "amount": "19.98", "currencyCode": "USD" } },
            { "code": "MISSING_NET_COST", "severity": "error", "purchaseOrderNumber": "PO-3", "itemSequenceNumber": "1", "message": "no cost", "dueAt": "2026-11-22T16:00:00Z", "moneyAtRisk": { "amount": "5.00", "currencyCode": "USD" } },
            { "code": "CURRENCY_NOT_USED_BY_CUSTOMER", "severity": "error", "purchaseOrderNumber": "PO-4", "itemSequenceNumber": "2", "message": "EUR not used", "dueAt": "2026-11-22T16:00:00Z", "moneyAtRisk": { "amount": "150.00", "currencyCode": "EUR" } },
            { "code": "INVOICE_UNPAID", "severity": "warning", "message": "invoice INV-9 unpaid", "source": "reconcile", "futureField": 1 }
        ],
        "transactions": [
            { "transactionId": "T-FAIL", "status": "Failure", "submittedAt": "2026-11-22T11:00:00Z", "kind": "acknowledgement", "purchaseOrderNumber": "PO-5", "errors": [{ "code": "InvalidInput", "message": "quoted data" }] },
            { "transactionId": "T-NOSTATUS", "submittedAt": "2026-11-22T11:40:00Z", "kind": "shipmentConfirmation", "dueAt": "2026-11-22T11:30:00Z" },
            { "transactionId": "T-DONE", "status": "Processing", "submittedAt": "2026-11-22T11:40:00Z", "kind": "acknowledgement" },
            { "transactionId": "T-FRESH", "status": "PROCESSING", "submittedAt": "2026-11-22T11:55:00Z", "kind": "invoice" },
            { "transactionId": "T-YOUNG", "submittedAt": "2026-11-22T11:50:00Z", "kind": "inventoryUpdate" }
        ]
    });
    let out = serde_json::to_value(report(&input)).unwrap();
    assert_fixture("merged.json", &out);
    let codes: Vec<&str> = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "UNKNOWN_PRODUCT",               // overdue since 10:00
            "TRANSACTION_STATUS_UNKNOWN",    // overdue since 11:30
            "TRANSACTION_FAILED",            // due now
            "CURRENCY_NOT_USED_BY_CUSTOMER", // 16:00, error, 150 EUR
            "MISSING_NET_COST",              // 16:00, error, 5 USD
            "APPROVAL_REQUIRED",             // 16:00 UTC, warning
            "INVOICE_UNPAID",                // no deadline: warning before…
            "ZERO_HELD",                     // …warning, code order
        ]
    );
    // Amazon's error messages may quote submitted data: only codes reach the report.
    assert!(!out.to_string().contains("quoted data"));
}

#[test]
fn owners_and_actions_come_from_one_table_and_can_be_overridden() {
    let input = json!({
        "now": NOW,
        "exceptions": [
            { "code": "UNIT_SIZE_MISMATCH", "severity": "warning", "message": "m" },
            { "code": "OVERCOMMITTED", "severity": "warning", "message": "m" },
            { "code": "BRAND_NEW_CODE", "severity": "info", "message": "m" }
        ],
        "options": { "owners": { "OVERCOMMITTED": { "owner": "merchandising" }, "BRAND_NEW_CODE": { "owner": "finance", "action": "Call Bob." } } }
    });
    let out = report(&input);
    let by_code = |code: &str| out.entries.iter().find(|e| e.code == code).unwrap();
    assert_eq!(
        by_code("UNIT_SIZE_MISMATCH").owner,
        OwnerRole::Merchandising
    );
    assert_eq!(by_code("OVERCOMMITTED").owner, OwnerRole::Merchandising);
    assert_eq!(
        by_code("OVERCOMMITTED").action,
        owners::owner_of("OVERCOMMITTED").1
    );
    assert_eq!(by_code("BRAND_NEW_CODE").owner, OwnerRole::Finance);
    assert_eq!(by_code("BRAND_NEW_CODE").action, "Call Bob.");
    assert_eq!(
        out.summary.by_owner.get(&OwnerRole::Merchandising),
        Some(&2)
    );
}

/// Every code the engines of this branch emit, and those on main, has a row.
#[test]
fn the_table_covers_every_known_code() {
    let codes = [
        // decideAcknowledgements (main)
        "UNKNOWN_PRODUCT",
        "MISSING_NET_COST",
        "UNIT_SIZE_MISSING",
        "UNIT_SIZE_MISMATCH",
        "MISSING_SELLING_PARTY",
        "APPROVAL_REQUIRED",
        "ACKNOWLEDGEMENT_LATE",
        "PO_DETAILS_MISSING",
        "PO_WITHOUT_ITEMS",
        // decideAcknowledgements / approveAcknowledgement as extended on main since
        // (OVERCOMMITTED is shared with inventoryFeed)
        "OBSOLETE_HARD_REJECT",
        "COST_BELOW_MINIMUM",
        "COST_MISMATCH",
        "CHANGE_WINDOW_CLOSED",
        "ACKNOWLEDGEMENT_DUE_SOON",
        "ACKNOWLEDGEMENT_OVERDUE",
        "ACKNOWLEDGED_ELSEWHERE",
        "APPROVAL_OVERRIDE",
        // toSalesOrders
        "UNKNOWN_CUSTOMER",
        "UNKNOWN_FULFILLMENT_CENTER",
        "MISSING_SHIP_TO",
        "CURRENCY_NOT_USED_BY_CUSTOMER",
        "MIXED_CURRENCIES",
        "MISSING_CURRENCY",
        "PRICED_BY_WEIGHT",
        // inventoryFeed
        "ZERO_HELD",
        "MASS_ZERO_HELD",
        "FULL_UPDATE_HELD",
        "ASIN_UNKNOWN",
        "OVERCOMMITTED",
        // exceptionsReport
        "TRANSACTION_FAILED",
        "TRANSACTION_STATUS_UNKNOWN",
        // decideDirectFulfillmentAcknowledgements, routeFulfillment / applyFulfillmentEvent
        "OUT_OF_STOCK",
        "DUPLICATE_SHIP_ID",
        "INVALID_BILL_TO_LOCATION",
        "INVALID_SHIP_FROM_LOCATION",
        "MISSING_SHIP_TO_NAME",
        "INVALID_SHIP_TO_ADDRESS_LINE1",
        "MISSING_SHIP_TO_CITY",
        "MISSING_SHIP_TO_STATE",
        "MISSING_SHIP_TO_POSTAL_CODE",
        "MISSING_SHIP_TO_COUNTRY_CODE",
        "INVALID_SHIP_METHOD",
        "INVALID_UNIT_PRICE",
        "INVALID_SHIP_TO_ADDRESS_LINE2",
        "INVALID_SHIP_TO_ADDRESS_LINE3",
        "NO_TAX_NEXUS",
        "RESTRICTED_PRODUCT",
        "USPS_VALUE_LIMIT",
        "MISSING_CUSTOMER_ORDER_NUMBER",
        "MISSING_LINE_ID",
        "DISCONTINUED",
        "NOT_NEW",
        "DUPLICATE_COPY",
        "DUPLICATE_PURCHASE_ORDER",
        "DETAILS_MISSING",
        "MISSING_PURCHASE_ORDER_NUMBER",
        "MISSING_SHIP_FROM_PARTY",
        "NO_ITEMS",
        "ZERO_QUANTITY",
        "REQUIRED_SHIP_DATE_PASSED",
        "FULFILLMENT_HELD",
        "SHIP_TO_INCOMPLETE",
        "SHIPPING_SPEED_UNMAPPED",
        "FBA_STOCK_WITHOUT_DETAILS",
        "FBA_FULFILLMENT_FAILED",
        "FBA_PARTIALLY_FULFILLED",
        "FBA_DELIVERY_PROBLEM",
        "FBA_ORDER_TO_CANCEL",
        "PACKAGE_ALREADY_SHIPPED",
        "FBA_SHIPPED_REPLACED_PACKAGE",
        // reconcile
        "SHORTAGE",
        "RECEIVED_MORE_THAN_SHIPPED",
        "OVERAGE",
        "INVOICED_MORE_THAN_SHIPPED",
        "PRICE_VARIANCE",
        "INVOICE_OVERDUE",
        "PAYMENT_WITHOUT_INVOICE",
        "DEDUCTION_SHORTAGE",
        "DEDUCTION_PRICE",
        "DEDUCTION_COOP",
        "DEDUCTION_CHARGEBACK",
        "DEDUCTION_OTHER",
        "INVOICE_FOR_UNKNOWN_PO",
        "INVOICE_LINE_UNMATCHED",
        "SHIPPED_WITHOUT_ASN",
        "ASN_WITHOUT_ERP_FULFILMENT",
        "ACCEPTED_NOT_SHIPPED",
        "PARTIALLY_FULFILLED_OPEN",
        "SHIPPED_NOT_INVOICED",
        "ASN_LINE_UNMATCHED",
        "FULFILMENT_UNMATCHED",
        "RECEIPT_UNMATCHED",
        "ACKNOWLEDGEMENT_UNMATCHED",
        // DF sales orders, shipments, invoices
        "UNKNOWN_WAREHOUSE",
        "MISSING_NET_PRICE",
        "SHIP_BY_MISSED",
        "CONFIRMATION_LATE",
        "MISSING_INVOICE_NUMBER",
        "UNKNOWN_ORDER",
        "ITEM_NOT_ON_ORDER",
        "TAX_TYPE_UNMAPPED",
        "MISSING_TAX_AMOUNT",
        "ZERO_TOTAL",
        "AMOUNT_OVERFLOW",
        "NOTHING_SHIPPED",
        // the DF calendar
        "DF_ACKNOWLEDGEMENT_DUE",
        "DF_SHIP_BY",
        "DF_CONFIRMATION_DUE",
        "DF_INVOICE_DUE",
    ];
    let table: Vec<&str> = owners::OWNER_TABLE.iter().map(|(c, _, _)| *c).collect();
    for code in codes {
        assert!(table.contains(&code), "{code} has no owner row");
    }
    assert_eq!(table.len(), codes.len(), "a row without a known emitter");
}

#[test]
fn grace_period_is_configurable() {
    let input = json!({
        "now": NOW,
        "transactions": [{ "transactionId": "T", "submittedAt": "2026-11-22T11:40:00Z", "kind": "dfAcknowledgement" }],
        "options": { "processingGraceMinutes": 30 }
    });
    assert!(report(&input).entries.is_empty());
}

#[test]
fn money_totals_are_per_currency_and_duplicates_collapse() {
    let entry = json!({ "code": "MISSING_NET_COST", "severity": "error", "message": "m", "moneyAtRisk": { "amount": "1.10", "currencyCode": "USD" } });
    let input = json!({
        "now": NOW,
        "exceptions": [entry, entry, { "code": "X", "severity": "error", "message": "n", "moneyAtRisk": { "amount": "2", "currencyCode": "EUR" } },
                       { "code": "Y", "severity": "error", "message": "o", "moneyAtRisk": { "amount": "0.90", "currencyCode": "USD" } }]
    });
    let out = serde_json::to_value(report(&input)).unwrap();
    assert_eq!(out["summary"]["total"], 3);
    assert_eq!(
        out["summary"]["moneyAtRisk"],
        json!([{ "amount": "2", "currencyCode": "EUR" }, { "amount": "2.00", "currencyCode": "USD" }])
    );
    let ranks: Vec<u64> = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3]);
}

#[test]
fn bad_input_names_code_and_path() {
    let e = json!({ "code": "X", "severity": "error", "message": "m" });
    assert_eq!(
        report_err(&json!({ "exceptions": [e] })),
        ("MISSING_FIELD".into(), "/now".into())
    );
    let mut bad = e.clone();
    bad["dueAt"] = json!("tomorrow");
    assert_eq!(
        report_err(&json!({ "now": NOW, "exceptions": [e, bad] })),
        ("INVALID_DATE".into(), "/exceptions/1/dueAt".into())
    );
    assert_eq!(
        report_err(&json!({ "now": NOW, "options": { "owners": { "X": { "owner": "ceo" } } } })),
        ("UNKNOWN_ENUM".into(), "/options/owners/X/owner".into())
    );
    assert_eq!(
        report_err(
            &json!({ "now": NOW, "transactions": [{ "transactionId": "T", "status": "Done", "submittedAt": NOW, "kind": "k" }] })
        ),
        ("UNKNOWN_ENUM".into(), "/transactions/0/status".into())
    );
    assert_eq!(
        report_err(&json!({ "now": NOW, "exception": [] })),
        ("UNKNOWN_FIELD".into(), "/exception".into())
    );
    assert_eq!(
        report_err(
            &json!({ "now": NOW, "dfOrders": [{ "purchaseOrderNumber": "A",
            "orderDate": "yesterday", "requiredShipDate": NOW }] })
        ),
        ("INVALID_DATE".into(), "/dfOrders/0/orderDate".into())
    );
    assert_eq!(
        report_err(
            &json!({ "now": NOW, "dfOrders": [{ "purchaseOrderNumber": "A",
            "orderDate": NOW, "requiredShipDate": NOW, "shipped": true }] })
        ),
        ("UNKNOWN_FIELD".into(), "/dfOrders/0/shipped".into())
    );
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
            "2026-11-22T12:00:00Z",
            "2026-11-22T14:00:00+02:00",
            "2026-11-22T12:00:00.000Z",
            "2026-11-23T00:00:00Z",
        ])),
        prop::option::of((
            prop::sample::select(vec!["1", "1.0", "250.5", "3"]),
            prop::sample::select(vec!["USD", "EUR"]),
        )),
        prop::option::of(prop::sample::select(vec!["a", "b"])),
        prop::sample::select(vec!["m1", "m2"]),
    )
        .prop_map(|(code, severity, po, due, money, source, message)| {
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
            if let Some(source) = source {
                e["source"] = json!(source);
            }
            e
        })
}

proptest! {
    /// The order is total and deterministic: any permutation of the input gives the same
    /// report, consecutive entries are strictly ordered, and the comparison is antisymmetric.
    #[test]
    fn report_order_is_total_and_deterministic(
        exceptions in prop::collection::vec(arbitrary_exception(), 0..12),
        seed in any::<u64>(),
    ) {
        let input = json!({ "now": NOW, "exceptions": exceptions });
        let out = report(&input);
        let mut shuffled = exceptions.clone();
        // A deterministic permutation from the seed (rotate + reverse).
        if !shuffled.is_empty() {
            let k = usize::try_from(seed % shuffled.len() as u64).unwrap();
            shuffled.rotate_left(k);
            if seed % 2 == 0 { shuffled.reverse(); }
        }
        let again = report(&json!({ "now": NOW, "exceptions": shuffled }));
        prop_assert_eq!(&out, &again);
        for pair in out.entries.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert_eq!(compare_entries(a, b), Ordering::Less);
            prop_assert_eq!(compare_entries(b, a), Ordering::Greater);
            // Overdue entries come first.
            prop_assert!(a.overdue || !b.overdue);
        }
        for e in &out.entries {
            prop_assert_eq!(compare_entries(e, e), Ordering::Equal);
        }
    }
}

/// The DF calendar: each order's next obligation with the DF guide's due time ("within 4 hours
/// after the order has shipped"; the required ship date is "the latest date the order should
/// be shipped"; acknowledgement 24 hours after the order), nothing for cancelled or invoiced
/// orders, overdue ones first.
#[test]
fn df_calendar_lists_each_orders_next_obligation() {
    let order = |n: &str, extra: Value| {
        let mut o = json!({ "purchaseOrderNumber": n, "orderDate": "2026-11-21T08:00:00Z",
            "requiredShipDate": "2026-11-23T23:00:00Z" });
        o.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        o
    };
    let input = json!({
        "now": NOW,
        "dfOrders": [
            order("A1", json!({})),
            order("B2", json!({ "acknowledgedAt": "2026-11-21T09:00:00Z" })),
            order("C3", json!({ "acknowledgedAt": "2026-11-21T09:00:00Z", "shippedAt": "2026-11-22T06:00:00Z" })),
            order("D4", json!({ "acknowledgedAt": "2026-11-21T09:00:00Z", "shippedAt": "2026-11-22T06:00:00Z",
                                "confirmedAt": "2026-11-22T07:00:00Z" })),
            order("E5", json!({ "cancelled": true })),
            order("F6", json!({ "confirmedAt": "2026-11-22T07:00:00Z", "invoicedAt": "2026-11-22T08:00:00Z" })),
        ],
        "options": { "dfInvoiceDueHours": 48 }
    });
    let out = serde_json::to_value(report(&input)).unwrap();
    let got: Vec<(String, String, bool)> = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                format!(
                    "{} {}",
                    e["purchaseOrderNumber"].as_str().unwrap(),
                    e["code"].as_str().unwrap()
                ),
                e["dueAt"].as_str().unwrap().to_string(),
                e["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = |a: &str, b: &str, c: bool| (a.to_string(), b.to_string(), c);
    assert_eq!(
        got,
        [
            expected("A1 DF_ACKNOWLEDGEMENT_DUE", "2026-11-22T08:00:00Z", true),
            expected("C3 DF_CONFIRMATION_DUE", "2026-11-22T10:00:00Z", true),
            expected("B2 DF_SHIP_BY", "2026-11-23T23:00:00Z", false),
            expected("D4 DF_INVOICE_DUE", "2026-11-24T07:00:00Z", false),
        ]
    );
}
