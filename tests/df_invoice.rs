//! `buildDirectFulfillmentInvoices`: the exact output of a hand-made batch
//! (tests/fixtures/df_invoice/, `DF_BLESS=1` rewrites it: review the diff), Amazon's payments
//! sandbox body, every body checked against the payments model, never twice, bad input, and
//! property tests of the totals.
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

use fba_schema::{DF_PAYMENTS_MODEL, violations};
use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::df::{DfError, build_df_invoices};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::spapi::df_payments::DfSubmitInvoiceRequest;

fn build(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string())
        .unwrap_or_else(|e| panic!("{} at {}", e, CodedError::path(&e)));
    let out = serde_json::to_value(build_df_invoices(parsed).expect("builds")).unwrap();
    if let Some(body) = out.get("request") {
        let found = violations(DF_PAYMENTS_MODEL, "SubmitInvoiceRequest", body);
        assert!(found.is_empty(), "{found:?}");
    }
    out
}

fn fixture() -> Value {
    common::input_expected_fixture("df_invoice", "invoice")
}

#[test]
fn the_fixture_produces_exactly_its_expected_output() {
    let actual = build(&fixture()["input"]);
    common::assert_expected_output("df_invoice", "invoice", "DF_BLESS", actual);
}

#[test]
fn figures_of_the_fixture() {
    let out = build(&fixture()["input"]);
    assert_eq!(out["invoiced"], json!(["2JK3S9VC"]));
    let invoice = &out["request"]["invoices"][0];
    // netPrice is "Net price (before tax)": 500.00 × 1 + 700.00 × 2 = 1900.00; tax 35 + 98.
    assert_eq!(
        invoice["invoiceTotal"],
        json!({ "currencyCode": "USD", "amount": "2033.00" })
    );
    assert_eq!(invoice["taxTotals"][0]["taxAmount"]["amount"], "133.00");
    assert_eq!(
        invoice["taxTotals"][0]["taxableAmount"]["amount"],
        "1900.00"
    );
    assert_eq!(invoice["taxTotals"][0]["taxType"], "Consumption");
    // "The first item will be 1, the second 2, and so on."
    assert_eq!(invoice["items"][1]["itemSequenceNumber"], "2");
    assert_eq!(invoice["items"][1]["netCost"]["amount"], "700.00");
    let held: Vec<(&str, &str)> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["purchaseOrderNumber"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        held,
        [
            ("5ZM6V2YF", "TAX_TYPE_UNMAPPED"),
            ("6AN7W3ZG", "UNKNOWN_ORDER")
        ]
    );
}

#[test]
fn an_order_is_never_invoiced_twice() {
    let mut input = fixture()["input"].clone();
    let first = build(&input);
    input["invoiced"] = json!(["3XK4T0WD", "2JK3S9VC"]);
    let again = build(&input);
    assert!(first.get("request").is_some());
    assert!(again.get("request").is_none());
    assert_eq!(again["invoiced"], json!([]));
}

/// Amazon's payments sandbox body parses into the wire types, round-trips, and its figures
/// agree with the rule the engine applies: total = net + tax (1200.00 + 228.00 = 1428.00).
#[test]
fn the_sandbox_invoice_round_trips_and_adds_up() {
    let model = common::load_model(fba_schema::DF_PAYMENTS_MODEL);
    let body = model.pointer(
        "/paths/~1vendor~1directFulfillment~1payments~1v1~1invoices/post/responses/202/x-amzn-api-sandbox/static/0/request/parameters/body/value",
    ).expect("sandbox body").clone();
    let parsed: DfSubmitInvoiceRequest = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), body);
    assert!(violations(DF_PAYMENTS_MODEL, "SubmitInvoiceRequest", &body).is_empty());
    let invoice = &body["invoices"][0];
    assert_eq!(invoice["items"][0]["netCost"]["amount"], "1200.00");
    assert_eq!(invoice["taxTotals"][0]["taxAmount"]["amount"], "228.00");
    assert_eq!(invoice["invoiceTotal"]["amount"], "1428.00");
}

#[test]
fn bad_input_is_refused_with_a_code_and_a_pointer() {
    let base = fixture()["input"].clone();
    let with = |pointer: &str, value: Value| {
        let mut input = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match input.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            other => *other.get_mut(key.parse::<usize>().unwrap()).unwrap() = value,
        }
        input
    };
    for (input, code, path) in [
        (with("/now", json!("tomorrow")), "INVALID_DATE", "/now"),
        (
            with("/remitToParty/address/city", Value::Null),
            "MISSING_FIELD",
            "/remitToParty/address/city",
        ),
        (
            with(
                "/shipmentConfirmations/0/items/0/itemSequenceNumber",
                json!("00001"),
            ),
            "INVALID_TYPE",
            "/shipmentConfirmations/0/items/0/itemSequenceNumber",
        ),
        (
            with(
                "/orders/0/orderDetails/items/0/netPrice/amount",
                json!("1.2.3"),
            ),
            "INVALID_DECIMAL",
            "/orders/0/orderDetails/items/0/netPrice/amount",
        ),
    ] {
        let err = parse_input(&input.to_string())
            .map_err(DfError::from)
            .and_then(build_df_invoices)
            .expect_err("should fail");
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Invariants: total = Σ quantity × net price + Σ line taxes, exactly; the tax totals add up
    /// to the line taxes; each order at most once however often it is confirmed; deterministic.
    #[test]
    fn totals_add_up(
        lines in prop::collection::vec((1u64..20, 1u32..1_000_000, 0u32..100_000), 1..5),
        copies in 1usize..3,
    ) {
        let items: Vec<Value> = lines.iter().enumerate().map(|(j, (q, price, tax))| json!({
            "itemSequenceNumber": format!("{:05}", j + 1),
            "buyerProductIdentifier": format!("B0ITEM{j:04}"),
            "orderedQuantity": { "amount": q, "unitOfMeasure": "Each" },
            "netPrice": { "currencyCode": "EUR", "amount": format!("{}.{:02}", price / 100, price % 100) },
            "taxDetails": { "taxLineItem": [{ "type": "VAT", "taxRate": "0.19",
                "taxAmount": { "currencyCode": "EUR", "amount": format!("{}.{:02}", tax / 100, tax % 100) } }] }
        })).collect();
        let order = json!({ "purchaseOrderNumber": "PO1", "orderDetails": {
            "customerOrderNumber": "1", "orderDate": "2026-03-01T00:00:00Z", "orderStatus": "SHIPPED",
            "shipmentDetails": { "isPriorityShipment": false, "isPslipRequired": false, "shipMethod": "DHL",
                "shipmentDates": { "requiredShipDate": "2026-03-02T00:00:00Z" } },
            "sellingParty": { "partyId": "V" }, "shipFromParty": { "partyId": "W" },
            "shipToParty": { "name": "x", "addressLine1": "y", "stateOrRegion": "z", "countryCode": "DE" },
            "billToParty": { "partyId": "B" }, "items": items } });
        let confirmation = json!({ "purchaseOrderNumber": "PO1",
            "shipmentDetails": { "shippedDate": "2026-03-02T00:00:00Z", "shipmentStatus": "SHIPPED" },
            "sellingParty": { "partyId": "V" }, "shipFromParty": { "partyId": "W" },
            "items": lines.iter().enumerate().map(|(j, (q, _, _))| json!({
                "itemSequenceNumber": j + 1, "shippedQuantity": { "amount": q, "unitOfMeasure": "Each" } })).collect::<Vec<_>>() });
        let input = json!({ "orders": [order], "shipmentConfirmations": vec![confirmation; copies],
            "invoiceNumbers": { "PO1": "INV1" }, "remitToParty": { "partyId": "V" }, "now": "2026-03-03T00:00:00Z" });
        let out = build(&input);
        prop_assert_eq!(&out, &build(&input));
        prop_assert_eq!(out["request"]["invoices"].as_array().unwrap().len(), 1);
        let cents: u64 = lines.iter().map(|(q, p, t)| q * u64::from(*p) + u64::from(*t)).sum();
        let invoice = &out["request"]["invoices"][0];
        let total: rust_decimal::Decimal = invoice["invoiceTotal"]["amount"].as_str().unwrap().parse().unwrap();
        prop_assert_eq!(total, rust_decimal::Decimal::new(i64::try_from(cents).unwrap(), 2));
        let taxes: u64 = lines.iter().map(|(_, _, t)| u64::from(*t)).sum();
        let tax: rust_decimal::Decimal = invoice["taxTotals"][0]["taxAmount"]["amount"].as_str().unwrap().parse().unwrap();
        prop_assert_eq!(tax, rust_decimal::Decimal::new(i64::try_from(taxes).unwrap(), 2));
    }
}
