//! `buildInvoice`: exact bodies for hand-made scenarios, every refusal with its code and path,
//! credit notes, bad input, and property tests of the money rules.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
// Native only: proptest and fixtures on disk.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::invoice::{BuildInvoiceOutput, InvoiceError, build_invoice};
use vendor_central_connector::money::Decimal;

fn base() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invoice/base.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn build(input: &Value) -> BuildInvoiceOutput {
    let parsed = parse_input(&input.to_string()).unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    build_invoice(parsed).expect("builds")
}

fn build_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(InvoiceError::from)
        .and_then(build_invoice)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

/// (code, severity, path) of every issue.
fn issues(out: &BuildInvoiceOutput) -> Vec<(String, String, String)> {
    out.issues
        .iter()
        .map(|i| (i.code.clone(), i.severity.to_string(), i.path.clone()))
        .collect()
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// Happy path: one PO, one ASN, acknowledged cost, freight and a discount. The bill-to party is
/// taken from the PO and converted (`postalCode` → `postalOrZipCode`).
///
/// Line 1 is 10 Cases of 6 at `netCost` 60.00, and vendorOrders says `netCost` is "The net cost
/// of an item per each or weight unit": the 8 accepted and shipped cases are 48 eaches worth
/// 48 × 60.00 = 2880.00 (this fixture expected 8 × 60.00 = 480.00 before). The invoice writes
/// them in eaches at the PO's cost, because vendorInvoices item `netCost` "should match the cost
/// on the order" and "indicates net unit price": Amazon's `amount × netCost` is 2880.00.
#[test]
fn happy_path_body_is_exact() {
    let out = build(&base());
    assert_eq!(out.issues, vec![]);
    assert_eq!(
        serde_json::to_value(&out.request).unwrap(),
        json!({ "invoices": [{
            "invoiceType": "Invoice",
            "id": "INV-1001",
            "date": "2026-11-12T10:00:00Z",
            "remitToParty": {
                "partyId": "VEND1",
                "address": { "name": "Vendor One Inc", "addressLine1": "1 Main St", "city": "Springfield",
                             "stateOrRegion": "IL", "postalOrZipCode": "62701", "countryCode": "US" }
            },
            "shipToParty": { "partyId": "SEA8" },
            "billToParty": {
                "partyId": "AMZN-US",
                "address": { "name": "Amazon.com Services LLC", "addressLine1": "PO Box 80683", "city": "Seattle",
                             "stateOrRegion": "WA", "postalOrZipCode": "98108", "countryCode": "US" }
            },
            "paymentTerms": { "type": "Basic", "netDueDays": 60 },
            "invoiceTotal": { "currencyCode": "USD", "amount": "2980.00" },
            "chargeDetails": [{ "type": "Freight", "description": "Freight",
                                "chargeAmount": { "currencyCode": "USD", "amount": "25.00" } }],
            "allowanceDetails": [{ "type": "Discount", "allowanceAmount": { "currencyCode": "USD", "amount": "10.00" } }],
            "items": [
                { "itemSequenceNumber": 1, "amazonProductIdentifier": "B0CASE0001", "vendorProductIdentifier": "V-CASE",
                  "invoicedQuantity": { "amount": 48, "unitOfMeasure": "Eaches" },
                  "netCost": { "currencyCode": "USD", "amount": "60.00" }, "purchaseOrderNumber": "PO-INV1" },
                { "itemSequenceNumber": 2, "amazonProductIdentifier": "B0EACH0002", "vendorProductIdentifier": "V-EACH",
                  "invoicedQuantity": { "amount": 20, "unitOfMeasure": "Eaches", "unitSize": 1 },
                  "netCost": { "currencyCode": "USD", "amount": "4.25" }, "purchaseOrderNumber": "PO-INV1" }
            ]
        }]})
    );
    let summary = serde_json::to_value(&out.documents).unwrap();
    assert_eq!(
        summary,
        json!([{ "id": "INV-1001", "invoiceType": "Invoice", "status": "built", "purchaseOrderNumbers": ["PO-INV1"],
                 "currencyCode": "USD", "items": "2965.00", "itemTax": "0.00", "charges": "25.00", "chargeTax": "0.00",
                 "allowances": "10.00", "allowanceTax": "0.00", "total": "2980.00", "totalQuantity": 68 }])
    );
}

/// `casesInvoicedIn: "Cases"` writes the Cases line as the retail guide's Cases invoice example
/// does ("invoicedQuantity": 2 Cases of 10 at "netCost" 140, with "invoiceTotal" 1295 = 2 × 140 +
/// 5 × 125 + 3 × 130: the cost is per case): 8 Cases of 6 at 6 × 60.00 = 360.00 per case, so
/// Amazon's `amount × netCost` is the same 2880.00.
#[test]
fn a_cases_line_can_be_written_in_cases_at_the_cost_per_case() {
    let mut input = base();
    input["options"] = json!({ "casesInvoicedIn": "Cases" });
    let out = build(&input);
    assert_eq!(out.issues, vec![]);
    let invoice = serde_json::to_value(&out.request.invoices[0]).unwrap();
    assert_eq!(
        invoice["items"][0]["invoicedQuantity"],
        json!({ "amount": 8, "unitOfMeasure": "Cases", "unitSize": 6 })
    );
    assert_eq!(
        invoice["items"][0]["netCost"],
        json!({ "currencyCode": "USD", "amount": "360.00" })
    );
    assert_eq!(invoice["invoiceTotal"]["amount"], "2980.00");
    // Whole cases only: 7 eaches of cases of 6 is refused when written in cases.
    input["invoices"][0]["lines"] = json!([
        { "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 7, "unitOfMeasure": "Eaches" }]);
    let out = build(&input);
    assert_eq!(
        issues(&out),
        owned(&[("PARTIAL_CASE", "error", "/invoices/0/lines/0/quantity")])
    );
}

/// EU VAT per line (`itemTaxBasis: "perLine"`): 20 % on every line and on freight; the header
/// tax is the exact sum of the line taxes, the total includes item and charge taxes.
#[test]
fn taxes_per_line_add_up_to_the_header() {
    let mut input = base();
    input["options"] = json!({ "itemTaxBasis": "perLine" });
    input["taxes"] = json!([{ "taxType": "VAT", "taxRate": "20" }]);
    input["invoices"][0]["allowances"] = json!([]);
    input["invoices"][0]["charges"][0]["amount"] = json!("12.34");
    let out = build(&input);
    let invoice = serde_json::to_value(&out.request.invoices[0]).unwrap();
    assert_eq!(
        invoice["items"][0]["taxDetails"],
        json!([{ "taxType": "VAT", "taxRate": "20", "taxAmount": { "currencyCode": "USD", "amount": "576.00" },
                 "taxableAmount": { "currencyCode": "USD", "amount": "2880.00" } }])
    );
    assert_eq!(
        invoice["items"][1]["taxDetails"][0]["taxAmount"]["amount"],
        "17.00"
    );
    assert_eq!(
        invoice["taxDetails"],
        json!([{ "taxType": "VAT", "taxRate": "20", "taxAmount": { "currencyCode": "USD", "amount": "593.00" },
                 "taxableAmount": { "currencyCode": "USD", "amount": "2965.00" } }])
    );
    // 12.34 × 20 % = 2.468 → 2.47 (half away from zero).
    assert_eq!(
        invoice["chargeDetails"][0]["taxDetails"][0]["taxAmount"]["amount"],
        "2.47"
    );
    // 2965 + 593 + 12.34 + 2.47
    assert_eq!(invoice["invoiceTotal"]["amount"], "3572.81");

    // Per unit (the default): the item carries the tax on one unit, the header and the total the
    // tax of the whole line (576.00 and 17.00): the same money.
    input["options"] = json!({});
    let invoice = serde_json::to_value(&build(&input).request.invoices[0]).unwrap();
    assert_eq!(
        invoice["items"][0]["taxDetails"],
        json!([{ "taxType": "VAT", "taxRate": "20", "taxAmount": { "currencyCode": "USD", "amount": "12.00" },
                 "taxableAmount": { "currencyCode": "USD", "amount": "60.00" } }])
    );
    assert_eq!(
        invoice["items"][1]["taxDetails"][0]["taxAmount"]["amount"],
        "0.85"
    );
    assert_eq!(
        invoice["taxDetails"][0]["taxAmount"]["amount"],
        json!("593.00")
    );
    assert_eq!(invoice["invoiceTotal"]["amount"], "3572.81");
}

fn second_po(number: &str, currency: &str) -> Value {
    let mut po = base()["purchaseOrders"][0].clone();
    po["purchaseOrderNumber"] = json!(number);
    let items = po["orderDetails"]["items"].as_array_mut().unwrap();
    items.truncate(1);
    items[0]["netCost"]["currencyCode"] = json!(currency);
    po
}

fn second_po_ack_and_asn(input: &mut Value, number: &str, currency: &str) {
    input["purchaseOrders"]
        .as_array_mut()
        .unwrap()
        .push(second_po(number, currency));
    let mut ack = base()["acknowledgements"][0].clone();
    ack["purchaseOrderNumber"] = json!(number);
    ack["items"].as_array_mut().unwrap().truncate(1);
    ack["items"][0]["netCost"]["currencyCode"] = json!(currency);
    input["acknowledgements"].as_array_mut().unwrap().push(ack);
    let mut asn = base()["shipments"][0].clone();
    asn["shipmentIdentifier"] = json!(format!("ASN-{number}"));
    asn["shippedItems"].as_array_mut().unwrap().truncate(1);
    asn["shippedItems"][0]["itemDetails"]["purchaseOrderNumber"] = json!(number);
    asn["shippedItems"][0]["shippedQuantity"]["amount"] = json!(2);
    asn["cartons"] = json!([]);
    input["shipments"].as_array_mut().unwrap().push(asn);
}

/// Two POs on one invoice: lines ordered by PO then line, numbered 1..n, each with its PO.
/// The same batch under the India profile is refused (one PO per invoice).
#[test]
fn multi_po_invoice_and_the_one_po_profile() {
    let mut input = base();
    input["invoices"][0]["charges"] = json!([]);
    input["invoices"][0]["allowances"] = json!([]);
    second_po_ack_and_asn(&mut input, "PO-INV0", "USD");
    let out = build(&input);
    let items = serde_json::to_value(&out.request.invoices[0].items).unwrap();
    let summary: Vec<(u64, String, u64)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["itemSequenceNumber"].as_u64().unwrap(),
                i["purchaseOrderNumber"].as_str().unwrap().to_string(),
                i["invoicedQuantity"]["amount"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "PO-INV0".into(), 12),
            (2, "PO-INV1".into(), 48),
            (3, "PO-INV1".into(), 20)
        ]
    );
    assert_eq!(
        out.request.invoices[0]
            .invoice_total
            .amount
            .unwrap()
            .to_string(),
        // 2 cases of 6 and 8 cases of 6 at 60.00 per each, 20 × 4.25: 720 + 2880 + 85.
        "3685.00"
    );
    // Ship-to is the same party on both POs, so it is kept.
    assert!(out.request.invoices[0].ship_to_party.is_some());

    input["options"] = json!({ "countryProfile": "india" });
    input["taxes"] = json!([{ "taxType": "IGST", "taxRate": "18" }]);
    let out = build(&input);
    assert!(out.request.invoices.is_empty());
    let codes: Vec<String> = out.issues.iter().map(|i| i.code.clone()).collect();
    assert!(
        codes.contains(&"MULTIPLE_PURCHASE_ORDERS".to_string()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"HSN_CODE_REQUIRED".to_string()),
        "{codes:?}"
    );

    input["options"] = json!({ "countryProfile": "india", "onePurchaseOrderPerInvoice": false });
    let out = build(&input);
    assert!(
        !out.issues
            .iter()
            .any(|i| i.code == "MULTIPLE_PURCHASE_ORDERS")
    );
}

/// A line shipped in two ASNs is invoiced per ASN; a later document finds nothing left.
#[test]
fn partial_shipments_across_two_asns() {
    let mut input = base();
    let mut second = input["shipments"][0].clone();
    input["shipments"][0]["shippedItems"][0]["shippedQuantity"]["amount"] = json!(5);
    input["shipments"][0]["shippedItems"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    second["shipmentIdentifier"] = json!("ASN-2");
    second["shippedItems"][0]["shippedQuantity"]["amount"] = json!(3);
    second["shippedItems"].as_array_mut().unwrap().truncate(1);
    input["shipments"].as_array_mut().unwrap().push(second);
    input["invoices"] = json!([
        { "id": "INV-A", "date": "2026-11-12T10:00:00Z", "shipmentIdentifiers": ["ASN-1"] },
        { "id": "INV-B", "date": "2026-11-12T10:00:00Z", "shipmentIdentifiers": ["ASN-2"] },
        { "id": "INV-C", "date": "2026-11-12T10:00:00Z" }
    ]);
    let out = build(&input);
    let quantities: Vec<u64> = out
        .request
        .invoices
        .iter()
        .map(|i| i.items.as_ref().unwrap()[0].invoiced_quantity.amount)
        .collect();
    // 5 and 3 cases of 6, written in eaches.
    assert_eq!(quantities, vec![30, 18]);
    assert_eq!(
        issues(&out),
        owned(&[("NOTHING_TO_INVOICE", "error", "/invoices/2")])
    );
    let totals: Vec<String> = out.documents.iter().map(|d| d.total.to_string()).collect();
    assert_eq!(totals, vec!["1800.00", "1080.00", "0"]);

    // Already invoiced by an earlier run (6 eaches): only the rest is left.
    input["alreadyInvoiced"] =
        json!([{ "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 6 }]);
    input["invoices"] = json!([{ "id": "INV-D", "date": "2026-11-12T10:00:00Z" }]);
    let out = build(&input);
    assert_eq!(
        out.request.invoices[0].items.as_ref().unwrap()[0]
            .invoiced_quantity
            .amount,
        42
    );
}

#[test]
fn refusals_name_the_rule_and_the_field() {
    type Case = (
        Box<dyn Fn(&mut Value)>,
        Vec<(&'static str, &'static str, &'static str)>,
    );
    let cases: Vec<Case> = vec![
        (
            Box::new(|i| i["usedInvoiceIds"] = json!(["INV-1001"])),
            vec![("INVOICE_ID_REUSED", "error", "/invoices/0/id")],
        ),
        (
            Box::new(|i| i["invoices"][0]["date"] = json!("2026-10-30T00:00:00Z")),
            vec![("INVOICE_DATE_BEFORE_PO_DATE", "error", "/invoices/0/date")],
        ),
        (
            Box::new(|i| i["invoices"][0]["date"] = json!("2026-11-13T00:00:00Z")),
            vec![("INVOICE_DATE_IN_FUTURE", "error", "/invoices/0/date")],
        ),
        (
            Box::new(|i| i["invoices"][0]["allowances"][0]["amount"] = json!("2990.00")),
            vec![("INVOICE_TOTAL_ZERO", "error", "/invoices/0")],
        ),
        (
            Box::new(|i| {
                i["invoices"][0]["lines"] = json!([
            { "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 9 }])
            }),
            vec![(
                "QUANTITY_NOT_SHIPPED",
                "error",
                "/invoices/0/lines/0/quantity",
            )],
        ),
        (
            Box::new(|i| {
                i["shipments"][0]["shippedItems"][1]["shippedQuantity"]["amount"] = json!(24);
                i["acknowledgements"][0]["items"][1]["itemAcknowledgements"] = json!([
                { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 18, "unitOfMeasure": "Eaches" } },
                { "acknowledgementCode": "Rejected", "acknowledgedQuantity": { "amount": 6, "unitOfMeasure": "Eaches" } }]);
                i["invoices"][0]["lines"] = json!([
                { "purchaseOrderNumber": "PO-INV1", "amazonProductIdentifier": "B0EACH0002", "quantity": 24 }]);
            }),
            vec![(
                "QUANTITY_NOT_ACKNOWLEDGED",
                "error",
                "/invoices/0/lines/0/quantity",
            )],
        ),
        (
            Box::new(|i| {
                i["invoices"][0]["lines"] = json!([
            { "purchaseOrderNumber": "PO-NOPE", "itemSequenceNumber": "1", "quantity": 1 }])
            }),
            vec![(
                "UNKNOWN_PURCHASE_ORDER",
                "error",
                "/invoices/0/lines/0/purchaseOrderNumber",
            )],
        ),
        (
            Box::new(|i| {
                i["options"] = json!({ "casesInvoicedIn": "Cases" });
                i["invoices"][0]["lines"] = json!([
            { "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "2", "quantity": 5, "unitOfMeasure": "Eaches" },
            { "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 7, "unitOfMeasure": "Eaches" }])
            }),
            vec![("PARTIAL_CASE", "error", "/invoices/0/lines/1/quantity")],
        ),
        (
            Box::new(|i| i["invoices"][0]["charges"][0]["amount"] = json!("-1")),
            vec![(
                "INVALID_CHARGE_AMOUNT",
                "error",
                "/invoices/0/charges/0/amount",
            )],
        ),
    ];
    for (n, (mutate, expected)) in cases.into_iter().enumerate() {
        let mut input = base();
        mutate(&mut input);
        let out = build(&input);
        assert_eq!(issues(&out), owned(&expected), "case {n}");
        assert!(out.request.invoices.is_empty(), "case {n} must be refused");
        assert_eq!(out.documents[0].status.to_string(), "refused", "case {n}");
    }
}

/// Shipped but never acknowledged, or beyond the acknowledged quantity: left out with a warning,
/// the rest is invoiced.
#[test]
fn unacknowledged_quantities_are_left_out_of_derived_invoices() {
    let mut input = base();
    input["acknowledgements"][0]["items"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    input["shipments"][0]["shippedItems"][0]["shippedQuantity"]["amount"] = json!(9);
    let out = build(&input);
    assert_eq!(
        issues(&out),
        owned(&[
            (
                "QUANTITY_NOT_ACKNOWLEDGED",
                "warning",
                "/shipments/0/shippedItems/0/shippedQuantity"
            ),
            (
                "LINE_NOT_ACKNOWLEDGED",
                "warning",
                "/purchaseOrders/0/orderDetails/items/1"
            ),
        ])
    );
    let items = out.request.invoices[0].items.as_ref().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].invoiced_quantity.amount, 48);
}

#[test]
fn the_same_id_twice_in_a_batch_builds_once() {
    let mut input = base();
    let again = input["invoices"][0].clone();
    input["invoices"].as_array_mut().unwrap().push(again);
    let out = build(&input);
    assert_eq!(out.request.invoices.len(), 1);
    assert_eq!(
        issues(&out),
        owned(&[("INVOICE_ID_REUSED", "error", "/invoices/1/id")])
    );
}

/// Two POs in different currencies on one invoice: refused, never converted.
#[test]
fn currency_mismatch_on_one_invoice_is_refused() {
    let mut input = base();
    second_po_ack_and_asn(&mut input, "PO-EUR", "EUR");
    let out = build(&input);
    assert!(out.request.invoices.is_empty());
    assert_eq!(issues(&out)[0].0, "CURRENCY_MISMATCH");
}

/// Credit notes: a return with its references; the references each reason needs; the
/// NorthAmerica profile refuses them.
#[test]
fn credit_notes_carry_their_references() {
    let mut input = base();
    input["invoices"] = json!([
        { "id": "CN-1", "date": "2026-11-12T10:00:00Z", "invoiceType": "CreditNote",
          "creditNote": { "reason": "return", "returnsReferenceNumber": "RET-9", "goodsReturnDate": "2026-11-11T00:00:00+01:00",
                          "rmaId": "RMA-1", "referenceInvoiceNumber": "INV-1001" },
          "lines": [{ "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 1 }] },
        { "id": "CN-2", "date": "2026-11-12T10:00:00Z", "invoiceType": "CreditNote",
          "creditNote": { "reason": "coop", "coopReferenceNumber": "COOP-2026-11" },
          "lines": [{ "quantity": 1, "unitOfMeasure": "Eaches", "netCost": "250.00", "currencyCode": "EUR" }] },
        { "id": "CN-3", "date": "2026-11-12T10:00:00Z", "invoiceType": "CreditNote",
          "creditNote": { "reason": "return" },
          "lines": [{ "quantity": 1, "netCost": "5", "currencyCode": "EUR" }] },
        { "id": "CN-4", "date": "2026-11-12T10:00:00Z", "invoiceType": "CreditNote",
          "creditNote": { "reason": "priceProtection", "debitNoteNumber": "IPAPUS1234567" },
          "lines": [{ "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "2", "quantity": 20, "netCost": "0.50" }] }
    ]);
    let out = build(&input);
    assert_eq!(
        issues(&out),
        owned(&[
            (
                "CREDIT_NOTE_REFERENCE_MISSING",
                "error",
                "/invoices/2/creditNote/returnsReferenceNumber"
            ),
            (
                "CREDIT_NOTE_REFERENCE_MISSING",
                "error",
                "/invoices/2/creditNote/goodsReturnDate"
            ),
        ])
    );
    let built = serde_json::to_value(&out.request).unwrap();
    assert_eq!(
        built["invoices"][0]["items"][0],
        json!({ "itemSequenceNumber": 1, "amazonProductIdentifier": "B0CASE0001", "vendorProductIdentifier": "V-CASE",
                // One case of 6 at 60.00 per each, written in eaches: worth 360.00.
                "invoicedQuantity": { "amount": 6, "unitOfMeasure": "Eaches" },
                "netCost": { "currencyCode": "USD", "amount": "60.00" },
                "creditNoteDetails": { "referenceInvoiceNumber": "INV-1001", "returnsReferenceNumber": "RET-9",
                                       "goodsReturnDate": "2026-11-10T23:00:00Z", "rmaId": "RMA-1" } })
    );
    assert_eq!(built["invoices"][0]["invoiceType"], "CreditNote");
    assert_eq!(
        built["invoices"][1]["invoiceTotal"],
        json!({ "currencyCode": "EUR", "amount": "250.00" })
    );
    assert_eq!(
        built["invoices"][1]["items"][0]["creditNoteDetails"],
        json!({ "coopReferenceNumber": "COOP-2026-11" })
    );
    assert_eq!(built["invoices"][2]["invoiceTotal"]["amount"], "10.00");

    input["options"] = json!({ "countryProfile": "northAmerica" });
    let out = build(&input);
    assert!(out.request.invoices.is_empty());
    assert_eq!(out.issues[0].code, "CREDIT_NOTE_NOT_SUPPORTED");
    assert_eq!(out.issues[0].path, "/invoices/0/invoiceType");
}

#[test]
fn bad_input_is_an_error_with_a_pointer() {
    let mut input = base();
    input["invoices"][0]["idd"] = json!("x");
    assert_eq!(
        build_err(&input),
        ("UNKNOWN_FIELD".into(), "/invoices/0/idd".into())
    );

    let mut input = base();
    input.as_object_mut().unwrap().remove("remitToParty");
    assert_eq!(
        build_err(&input),
        ("MISSING_FIELD".into(), "/remitToParty".into())
    );

    let mut input = base();
    input["invoices"][0]["date"] = json!("12/11/2026");
    assert_eq!(
        build_err(&input),
        ("INVALID_DATE".into(), "/invoices/0/date".into())
    );

    let mut input = base();
    let po = input["purchaseOrders"][0].clone();
    input["purchaseOrders"].as_array_mut().unwrap().push(po);
    assert_eq!(
        build_err(&input),
        (
            "DUPLICATE_PURCHASE_ORDER".into(),
            "/purchaseOrders/1/purchaseOrderNumber".into()
        )
    );

    let mut input = base();
    input["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]
        .as_object_mut()
        .unwrap()
        .remove("unitSize");
    assert_eq!(
        build_err(&input),
        (
            "MISSING_UNIT_SIZE".into(),
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitSize".into()
        )
    );

    let mut input = base();
    input["invoices"][0]["charges"][0]["amount"] = json!("12,50");
    assert_eq!(
        build_err(&input),
        (
            "INVALID_DECIMAL".into(),
            "/invoices/0/charges/0/amount".into()
        )
    );

    let mut input = base();
    input["invoices"][0]["invoiceType"] = json!("Invoic");
    assert_eq!(
        build_err(&input),
        ("UNKNOWN_ENUM".into(), "/invoices/0/invoiceType".into())
    );
}

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

fn money(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// total = items + item tax + charges + charge tax − allowances − allowance tax, exactly;
    /// the header tax equals the sum of the line taxes; items = Σ quantity × net cost; nothing
    /// is invoiced beyond what was shipped and acknowledged.
    #[test]
    fn invoice_money_is_exact(
        costs in proptest::collection::vec(1u32..100_000, 2),
        shipped in proptest::collection::vec(0u64..12, 2),
        charge in 0u32..5_000,
        allowance in 0u32..2_000,
        rate in prop_oneof![Just(None), (0u32..2_500).prop_map(Some)],
    ) {
        let mut input = base();
        input["invoices"][0]["charges"] = if charge > 0 {
            json!([{ "type": "Freight", "amount": money(charge) }])
        } else { json!([]) };
        input["invoices"][0]["allowances"] = if allowance > 0 {
            json!([{ "type": "Discount", "amount": money(allowance) }])
        } else { json!([]) };
        if let Some(rate) = rate {
            input["taxes"] = json!([{ "taxType": "VAT", "taxRate": money(rate) }]);
        }
        for (i, cost) in costs.iter().enumerate() {
            input["acknowledgements"][0]["items"][i]["netCost"]["amount"] = json!(money(*cost));
            input["purchaseOrders"][0]["orderDetails"]["items"][i]["netCost"]["amount"] = json!(money(*cost));
        }
        input["shipments"][0]["shippedItems"][0]["shippedQuantity"]["amount"] = json!(shipped[0]);
        input["shipments"][0]["shippedItems"][1]["shippedQuantity"]["amount"] = json!(shipped[1] * 2);
        let out = build(&input);
        let doc = &out.documents[0];
        let parts = doc.items.0 + doc.item_tax.0 + doc.charges.0 + doc.charge_tax.0
            - doc.allowances.0 - doc.allowance_tax.0;
        prop_assert_eq!(parts, doc.total.0);
        if let Some(invoice) = out.request.invoices.first() {
            prop_assert_eq!(invoice.invoice_total.amount.unwrap().0, doc.total.0);
            let items = invoice.items.as_ref().unwrap();
            let item_sum: rust_decimal::Decimal = items.iter()
                .map(|i| i.net_cost.amount.unwrap().0 * rust_decimal::Decimal::from(i.invoiced_quantity.amount))
                .sum();
            prop_assert_eq!(item_sum, doc.items.0);
            // Per unit (the default): the item carries the tax of one unit; the line's tax, in the
            // header and the total, is the tax of the line amount, rounded half away from zero.
            let line_tax: rust_decimal::Decimal = items.iter()
                .flat_map(|i| i.tax_details.iter().flatten().map(move |t| (i, t)))
                .map(|(i, t)| {
                    prop_assert_eq!(t.taxable_amount.as_ref().unwrap().amount, i.net_cost.amount);
                    let line = i.net_cost.amount.unwrap().0 * rust_decimal::Decimal::from(i.invoiced_quantity.amount);
                    Ok((line * t.tax_rate.unwrap().0 / rust_decimal::Decimal::ONE_HUNDRED)
                        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
                })
                .collect::<Result<Vec<_>, TestCaseError>>()?
                .into_iter()
                .sum();
            let header_tax: rust_decimal::Decimal = invoice.tax_details.iter().flatten()
                .map(|t| t.tax_amount.amount.unwrap().0).sum();
            prop_assert_eq!(line_tax, header_tax);
            prop_assert_eq!(line_tax, doc.item_tax.0);
            // Line 1 (cases of 6, written in eaches): at most 48 accepted; line 2: at most 24
            // accepted + backordered.
            for item in items {
                let limit = if item.amazon_product_identifier.as_deref() == Some("B0CASE0001") { 48.min(shipped[0] * 6) } else { 24.min(shipped[1] * 2) };
                prop_assert!(item.invoiced_quantity.amount > 0 && item.invoiced_quantity.amount <= limit);
            }
            prop_assert!(doc.total.0 > d("0").0);
        } else {
            prop_assert!(!out.issues.is_empty());
        }
    }
}
