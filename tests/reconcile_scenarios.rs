//! `reconcile`: the scenarios of the issue with exact expectations, remittance CSV reading,
//! bad input, and property tests (conservation, order independence, no money lost).

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
use vendor_central_connector::invoice::build_invoice;
use vendor_central_connector::reconcile::{
    ReconcileError, ReconcileOutput, dispute_pack_csv, parse_reconcile_input, reconcile,
};

fn invoice_base() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invoice/base.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The invoice fixture's PO, acknowledgement and ASN; the invoice `buildInvoice` makes of them
/// (INV-1001: 8 cases of 6 = 48 eaches × 60.00 + 20 × 4.25 + freight 25.00 − discount 10.00 =
/// 2980.00, net 60 days, due 2027-01-11T10:00:00Z); Amazon's receipt status with `received`
/// eaches per line.
///
/// Every money figure below values eaches at the PO's `netCost`, which vendorOrders defines as
/// "The net cost of an item per each or weight unit": line 1's 48 eaches are 2880.00, where this
/// file expected 8 × 60.00 = 480.00 before (a case valued at the cost of one each).
fn scenario(received: [u64; 2], now: &str) -> Value {
    let base = invoice_base();
    let built = build_invoice(parse_input(&base.to_string()).unwrap()).unwrap();
    let receipt_line = |seq: &str, asin: &str, amount: u64| {
        json!({ "itemSequenceNumber": seq, "buyerProductIdentifier": asin,
                "receivingStatus": { "receiveStatus": "RECEIVED",
                                     "receivedQuantity": { "amount": amount, "unitOfMeasure": "Eaches", "unitSize": 1 },
                                     "lastReceiveDate": "2026-11-09T08:00:00Z" } })
    };
    json!({
        "purchaseOrders": base["purchaseOrders"],
        "acknowledgements": base["acknowledgements"],
        "shipments": base["shipments"],
        "receipts": [{
            "purchaseOrderNumber": "PO-INV1", "purchaseOrderStatus": "OPEN",
            "purchaseOrderDate": "2026-11-01T08:00:00Z", "lastUpdatedDate": "2026-11-09T08:00:00Z",
            "itemStatus": [receipt_line("1", "B0CASE0001", received[0]), receipt_line("2", "B0EACH0002", received[1])]
        }],
        "invoices": serde_json::to_value(&built.request.invoices).unwrap(),
        "now": now
    })
}

fn run(input: &Value) -> ReconcileOutput {
    let parsed =
        parse_reconcile_input(&input.to_string()).unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    reconcile(parsed).unwrap_or_else(|e| panic!("{e} at {}", e.path()))
}

fn run_err(input: &Value) -> ReconcileError {
    parse_reconcile_input(&input.to_string())
        .map_err(ReconcileError::from)
        .and_then(reconcile)
        .expect_err("should fail")
}

fn codes(out: &ReconcileOutput) -> Vec<(String, Option<String>)> {
    out.exceptions
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.money_at_risk.as_ref().map(|m| m.amount.to_string()),
            )
        })
        .collect()
}

fn code_list(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(c, m)| (c.to_string(), m.map(str::to_string)))
        .collect()
}

fn pay(rows: Value) -> Value {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut row = r.clone();
            row["currencyCode"] = json!("USD");
            row["paymentDate"] = json!("2027-01-11T00:00:00Z");
            row
        })
        .collect()
}

/// Happy path to paid: everything accepted shipped, received, invoiced and paid; Amazon closed
/// the PO. The whole output is exact.
#[test]
fn happy_path_to_paid_is_exact() {
    let mut input = scenario([48, 24], "2027-01-15T00:00:00Z");
    // Line 2 accepted in full (no backorder) and shipped in full.
    input["acknowledgements"][0]["items"][1]["itemAcknowledgements"] = json!([
        { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 24, "unitOfMeasure": "Eaches" } }]);
    input["shipments"][0]["shippedItems"][1]["shippedQuantity"]["amount"] = json!(24);
    input["invoices"][0]["items"][1]["invoicedQuantity"]["amount"] = json!(24);
    input["invoices"][0]["invoiceTotal"]["amount"] = json!("2997.00");
    input["receipts"][0]["purchaseOrderStatus"] = json!("CLOSED");
    input["remittances"] = pay(json!([{ "invoiceNumber": "INV-1001", "amountPaid": "2997.00" }]));
    let out = run(&input);
    let expected = json!({
        "purchaseOrders": [{
            "purchaseOrderNumber": "PO-INV1", "status": "closed", "amazonStatus": "CLOSED", "currencyCode": "USD",
            "quantities": { "ordered": 84, "accepted": 72, "backordered": 0, "rejected": 12, "shipped": 72,
                            "received": 72, "inTransit": 0, "shortage": 0, "overage": 0, "invoiced": 72 },
            "money": { "ordered": "3702.00", "accepted": "2982.00", "shipped": "2982.00", "received": "2982.00",
                       "invoiced": "2982.00", "paid": "2982.00" },
            "invoiceNumbers": ["INV-1001"],
            "missingToClose": [],
            "lines": [
                { "itemSequenceNumber": "1", "amazonProductIdentifier": "B0CASE0001", "vendorProductIdentifier": "V-CASE",
                  "unitOfMeasure": "Cases", "unitSize": 6, "netCost": "60.00", "receiveStatus": "RECEIVED",
                  "quantities": { "ordered": 60, "accepted": 48, "backordered": 0, "rejected": 12, "shipped": 48,
                                  "received": 48, "inTransit": 0, "shortage": 0, "overage": 0, "invoiced": 48 },
                  "money": { "ordered": "3600.00", "accepted": "2880.00", "shipped": "2880.00", "received": "2880.00",
                             "invoiced": "2880.00", "paid": "2880.00" } },
                { "itemSequenceNumber": "2", "amazonProductIdentifier": "B0EACH0002", "vendorProductIdentifier": "V-EACH",
                  "unitOfMeasure": "Eaches", "unitSize": 1, "netCost": "4.25", "receiveStatus": "RECEIVED",
                  "quantities": { "ordered": 24, "accepted": 24, "backordered": 0, "rejected": 0, "shipped": 24,
                                  "received": 24, "inTransit": 0, "shortage": 0, "overage": 0, "invoiced": 24 },
                  "money": { "ordered": "102.00", "accepted": "102.00", "shipped": "102.00", "received": "102.00",
                             "invoiced": "102.00", "paid": "102.00" } }
            ]
        }],
        "invoices": [{
            "id": "INV-1001", "invoiceType": "Invoice", "date": "2026-11-12T10:00:00Z", "dueAt": "2027-01-11T10:00:00Z",
            "currencyCode": "USD", "purchaseOrderNumbers": ["PO-INV1"], "total": "2997.00", "discountTaken": "0.00",
            "paid": "2997.00", "credited": "0.00", "deductions": [], "balance": "0.00", "status": "paid"
        }],
        "exceptions": [],
        "disputes": [],
        "totals": {
            "byException": [],
            "byCurrency": [{ "currencyCode": "USD", "ordered": "3702.00", "shipped": "2982.00", "received": "2982.00",
                             "invoiced": "2982.00", "paid": "2997.00", "deducted": "0.00", "moneyAtRisk": "0.00",
                             "disputable": "0.00" }],
            "remittanceRows": 1, "remittanceRowsRejected": 0
        },
        "remittanceIssues": []
    });
    assert_eq!(serde_json::to_value(&out).unwrap(), expected);
}

/// Received 42 of 48 eaches on line 1 (Amazon's receipt is final): a shortage of one case,
/// 6 eaches × 60.00 = 360.00 at risk, due 30 days after the expected claim (5 days before the invoice's due date),
/// with the ASN evidence to dispute it.
#[test]
fn shortage_claim_with_evidence() {
    let out = run(&scenario([42, 20], "2026-12-01T00:00:00Z"));
    assert_eq!(
        codes(&out),
        code_list(&[
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00")),
            ("SHORTAGE", Some("360.00"))
        ])
    );
    let shortage = &out.exceptions[1];
    assert_eq!(shortage.item_sequence_number.as_deref(), Some("1"));
    assert_eq!(shortage.due_at.as_deref(), Some("2027-02-05T10:00:00Z"));
    assert_eq!(
        shortage.message,
        "PO PO-INV1 line 1: shipped 48 eaches, Amazon received 42; 6 short. Likely shortage claim (-SC); dispute before 2027-02-05T10:00:00Z with ASN ASN-1, BOL BOL-1001, PRO PRO-7788, 1 carton(s)."
    );
    assert_eq!(
        serde_json::to_value(&out.disputes).unwrap(),
        json!([{
            "code": "SHORTAGE", "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "invoiceNumber": "INV-1001",
            "amount": { "amount": "360.00", "currencyCode": "USD" }, "dueAt": "2027-02-05T10:00:00Z",
            "shipments": [{
                "shipmentIdentifier": "ASN-1", "shippedDate": "2026-11-06T08:30:00Z", "billOfLadingNumber": "BOL-1001",
                "proNumber": "PRO-7788", "carrierScac": "ABFS", "shippedEaches": 48,
                "cartons": [{ "cartonSequenceNumber": "1", "eaches": 48,
                              "identifiers": [{ "containerIdentificationType": "SSCC", "containerIdentificationNumber": "001234560000000018" }] }],
                "pallets": []
            }]
        }])
    );
    let po = &out.purchase_orders[0];
    assert_eq!(po.status.to_string(), "disputed");
    assert_eq!(
        (
            po.lines[0].quantities.shortage,
            po.lines[0].quantities.in_transit
        ),
        (6, 0)
    );
    assert_eq!(out.totals.by_currency[0].disputable.to_string(), "360.00");

    // Once Amazon deducts it (INV-1001SC), the money sits on the deduction, with the evidence.
    let mut input = scenario([42, 20], "2027-01-15T00:00:00Z");
    input["remittances"] = pay(json!([
        { "invoiceNumber": "INV-1001", "amountPaid": "2980.00" },
        { "invoiceNumber": "INV-1001SC", "amountPaid": "-360.00" }]));
    let out = run(&input);
    assert_eq!(
        codes(&out),
        code_list(&[
            ("DEDUCTION_SHORTAGE", Some("360.00")),
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00"))
        ])
    );
    assert_eq!(
        out.exceptions[0].due_at.as_deref(),
        Some("2027-02-10T00:00:00Z")
    );
    assert_eq!(
        out.disputes[0].shipments[0]
            .bill_of_lading_number
            .as_deref(),
        Some("BOL-1001")
    );
    assert_eq!(out.invoices[0].status.to_string(), "shortPaid");
    // 2980.00 − 360.00 applied to the lines in order: all to line 1 (2880.00 invoiced).
    assert_eq!(out.purchase_orders[0].money.paid.to_string(), "2620.00");
}

/// The dispute pack of the shortage: one CSV row with the PO, line, invoice, amount, deadline,
/// ASN, bill of lading, PRO number, SSCC, and the line's facts: ordered 10 cases of 6 (60 eaches),
/// acknowledged 48, received 42, 6 short.
#[test]
fn shortage_dispute_pack_csv() {
    let out = run(&scenario([42, 20], "2026-12-01T00:00:00Z"));
    assert_eq!(
        dispute_pack_csv(&out.disputes, &out.purchase_orders),
        "code,purchaseOrderNumber,itemSequenceNumber,invoiceNumber,amount,currencyCode,dueAt,\
         chargebackType,shipmentIdentifiers,billOfLadingNumbers,proNumbers,ssccs,shippedEaches,\
         orderedEaches,acknowledgedEaches,receivedEaches,shortageEaches\r\n\
         SHORTAGE,PO-INV1,1,INV-1001,360.00,USD,2027-02-05T10:00:00Z,,ASN-1,BOL-1001,PRO-7788,\
         001234560000000018,48,60,48,42,6\r\n"
    );
}

/// Invoiced at 62.00 an each against a PO (and acknowledged) cost of 60.00 per each: a price
/// variance of 48 × 2.00; once Amazon deducts the price claim (INV-1001PC), the money moves to the
/// deduction. Written in cases (8 of 6 at 372.00 against 6 × 60.00), it is the same variance.
#[test]
fn price_claim() {
    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["invoices"][0]["items"][0]["netCost"]["amount"] = json!("62.00");
    input["invoices"][0]["invoiceTotal"]["amount"] = json!("3076.00");
    let out = run(&input);
    assert_eq!(
        codes(&out),
        code_list(&[
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00")),
            ("PRICE_VARIANCE", Some("96.00"))
        ])
    );
    let dispute = serde_json::to_value(&out.disputes[0]).unwrap();
    assert_eq!(
        dispute["price"],
        json!({ "purchaseOrderCost": "60.00", "acknowledgedCost": "60.00", "invoicedCost": "62.00", "invoicedUnits": 48 })
    );
    assert_eq!(dispute["dueAt"], "2027-02-05T10:00:00Z");

    let mut in_cases = input.clone();
    in_cases["invoices"][0]["items"][0]["invoicedQuantity"] =
        json!({ "amount": 8, "unitOfMeasure": "Cases", "unitSize": 6 });
    in_cases["invoices"][0]["items"][0]["netCost"]["amount"] = json!("372.00");
    let out = run(&in_cases);
    assert_eq!(out.exceptions[1].code, "PRICE_VARIANCE");
    assert_eq!(
        out.exceptions[1]
            .money_at_risk
            .as_ref()
            .unwrap()
            .amount
            .to_string(),
        "96.00"
    );
    let dispute = serde_json::to_value(&out.disputes[0]).unwrap();
    assert_eq!(
        dispute["price"],
        json!({ "purchaseOrderCost": "360.00", "acknowledgedCost": "360.00", "invoicedCost": "372.00", "invoicedUnits": 8 })
    );
    // At the PO's cost in cases (6 × 60.00 = 360.00 a case) there is no variance at all: the
    // false variance a per-case reading of `netCost` raised is gone.
    in_cases["invoices"][0]["items"][0]["netCost"]["amount"] = json!("360.00");
    in_cases["invoices"][0]["invoiceTotal"]["amount"] = json!("2980.00");
    assert!(
        !run(&in_cases)
            .exceptions
            .iter()
            .any(|e| e.code == "PRICE_VARIANCE")
    );

    input["now"] = json!("2027-01-15T00:00:00Z");
    input["remittances"] = pay(json!([
        { "invoiceNumber": "INV-1001", "amountPaid": "3076.00" },
        { "invoiceNumber": "INV-1001PC", "amountPaid": "-96.00" }]));
    let out = run(&input);
    assert_eq!(
        codes(&out),
        code_list(&[
            ("DEDUCTION_PRICE", Some("96.00")),
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00")),
            ("PRICE_VARIANCE", Some("0.00")),
        ])
    );
}

/// Paid 40.00 short with a co-op deduction line; and a short payment with no deduction line,
/// classified from the facts (a shortage on the invoice's lines, else other).
#[test]
fn short_payment_with_co_op_deduction_and_inferred_ones() {
    let mut input = scenario([48, 20], "2027-01-15T00:00:00Z");
    input["remittanceCsv"] = json!({ "text": "Invoice Number,Amount Paid,Invoice Currency,Deduction Type,Payment Date\nINV-1001,2980.00,USD,,01/11/2027\nINV-1001,-40.00,USD,coop,01/11/2027\n" });
    let out = run(&input);
    assert_eq!(
        codes(&out),
        code_list(&[
            ("DEDUCTION_COOP", Some("40.00")),
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00"))
        ])
    );
    assert_eq!(
        serde_json::to_value(&out.invoices[0].deductions).unwrap(),
        json!([{ "deductionType": "coop", "amount": "40.00", "inferred": false }])
    );
    assert_eq!(out.exceptions[0].severity.to_string(), "warning");

    let mut input = scenario([48, 20], "2027-01-15T00:00:00Z");
    input["remittances"] = pay(json!([{ "invoiceNumber": "INV-1001", "amountPaid": "2955.00" }]));
    let out = run(&input);
    assert_eq!(out.exceptions[0].code, "DEDUCTION_OTHER");
    assert_eq!(
        serde_json::to_value(&out.invoices[0].deductions).unwrap(),
        json!([{ "deductionType": "other", "amount": "25.00", "inferred": true }])
    );

    let mut input = scenario([42, 20], "2027-01-15T00:00:00Z");
    input["remittances"] = pay(json!([{ "invoiceNumber": "INV-1001", "amountPaid": "2620.00" }]));
    let out = run(&input);
    assert_eq!(
        codes(&out),
        code_list(&[
            ("DEDUCTION_SHORTAGE", Some("360.00")),
            ("PARTIALLY_FULFILLED_OPEN", Some("17.00"))
        ])
    );
    assert!(
        out.exceptions[0]
            .message
            .contains("paid short with no deduction line")
    );
}

/// An invoice for a PO that does not exist, and a remittance for an invoice that does not.
#[test]
fn unknown_po_on_an_invoice_and_unknown_invoice_on_a_remittance() {
    let mut input = scenario([48, 20], "2026-11-20T00:00:00Z");
    let mut stray = input["invoices"][0].clone();
    stray["id"] = json!("INV-STRAY");
    stray["items"][0]["purchaseOrderNumber"] = json!("PO-GHOST");
    stray["items"].as_array_mut().unwrap().truncate(1);
    input["invoices"].as_array_mut().unwrap().push(stray);
    input["remittances"] = pay(json!([{ "invoiceNumber": "INV-9999", "amountPaid": "45.00" }]));
    let out = run(&input);
    let found: Vec<(String, Option<String>, Option<String>)> = out
        .exceptions
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.purchase_order_number.clone(),
                e.money_at_risk.as_ref().map(|m| m.amount.to_string()),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("PAYMENT_WITHOUT_INVOICE".into(), None, Some("45.00".into())),
            (
                "INVOICE_FOR_UNKNOWN_PO".into(),
                Some("PO-GHOST".into()),
                Some("2880.00".into())
            ),
            (
                "PARTIALLY_FULFILLED_OPEN".into(),
                Some("PO-INV1".into()),
                Some("17.00".into())
            ),
        ]
    );
}

/// One invoice for two POs: each PO sees its own invoiced money; the payment is applied to the
/// invoice's lines in order, and no cent is lost between invoice, lines and totals.
#[test]
fn multi_po_invoice() {
    let base = invoice_base();
    let mut build_input = base.clone();
    let mut po2 = base["purchaseOrders"][0].clone();
    po2["purchaseOrderNumber"] = json!("PO-INV2");
    build_input["purchaseOrders"]
        .as_array_mut()
        .unwrap()
        .push(po2.clone());
    let mut ack2 = base["acknowledgements"][0].clone();
    ack2["purchaseOrderNumber"] = json!("PO-INV2");
    build_input["acknowledgements"]
        .as_array_mut()
        .unwrap()
        .push(ack2);
    let mut asn2 = base["shipments"][0].clone();
    asn2["shipmentIdentifier"] = json!("ASN-2");
    for item in asn2["shippedItems"].as_array_mut().unwrap() {
        item["itemDetails"]["purchaseOrderNumber"] = json!("PO-INV2");
    }
    build_input["shipments"].as_array_mut().unwrap().push(asn2);
    let built = build_invoice(parse_input(&build_input.to_string()).unwrap()).unwrap();
    // Two POs of 48 eaches × 60.00 + 20 × 4.25, freight 25.00, discount 10.00.
    assert_eq!(built.documents[0].total.to_string(), "5945.00");
    let input = json!({
        "purchaseOrders": build_input["purchaseOrders"],
        "acknowledgements": build_input["acknowledgements"],
        "shipments": build_input["shipments"],
        "invoices": serde_json::to_value(&built.request.invoices).unwrap(),
        "remittances": pay(json!([{ "invoiceNumber": "INV-1001", "amountPaid": "4000.00" }])),
        "now": "2026-11-20T00:00:00Z"
    });
    let out = run(&input);
    let per_po: Vec<(String, String, String)> = out
        .purchase_orders
        .iter()
        .map(|p| {
            (
                p.purchase_order_number.clone(),
                p.money.invoiced.to_string(),
                p.money.paid.to_string(),
            )
        })
        .collect();
    assert_eq!(
        per_po,
        vec![
            ("PO-INV1".into(), "2965.00".into(), "2965.00".into()),
            ("PO-INV2".into(), "2965.00".into(), "1035.00".into()),
        ]
    );
    assert_eq!(
        out.invoices[0].purchase_order_numbers,
        vec!["PO-INV1", "PO-INV2"]
    );
    assert_eq!(out.invoices[0].status.to_string(), "shortPaid");
}

/// A line shipped on two ASNs, part received, the rest still within the receipt grace period:
/// in transit, not short; both ASNs are the evidence once it becomes short.
#[test]
fn partial_shipments_across_two_asns() {
    let mut input = scenario([30, 20], "2026-11-12T00:00:00Z");
    let mut second = input["shipments"][0].clone();
    input["shipments"][0]["shippedItems"][0]["shippedQuantity"]["amount"] = json!(5);
    input["shipments"][0]["cartons"][0]["items"][0]["shippedQuantity"]["amount"] = json!(5);
    second["shipmentIdentifier"] = json!("ASN-2");
    second["shippedDate"] = json!("2026-11-08T08:30:00Z");
    second["transportationDetails"]["billOfLadingNumber"] = json!("BOL-1002");
    second["shippedItems"][0]["shippedQuantity"]["amount"] = json!(3);
    second["shippedItems"].as_array_mut().unwrap().truncate(1);
    second["cartons"][0]["items"][0]["shippedQuantity"]["amount"] = json!(3);
    second["cartons"][0]["cartonIdentifiers"][0]["containerIdentificationNumber"] =
        json!("001234560000000032");
    second["cartons"].as_array_mut().unwrap().truncate(1);
    input["shipments"].as_array_mut().unwrap().push(second);
    input["receipts"][0]["itemStatus"][0]["receivingStatus"]["receiveStatus"] =
        json!("PARTIALLY_RECEIVED");
    let out = run(&input);
    let line = &out.purchase_orders[0].lines[0].quantities;
    assert_eq!(
        (line.shipped, line.received, line.in_transit, line.shortage),
        (48, 30, 18, 0)
    );
    assert!(!out.exceptions.iter().any(|e| e.code == "SHORTAGE"));

    input["now"] = json!("2026-11-30T00:00:00Z");
    let out = run(&input);
    let line = &out.purchase_orders[0].lines[0].quantities;
    assert_eq!((line.in_transit, line.shortage), (0, 18));
    let evidence: Vec<(String, Option<String>, u64)> = out.disputes[0]
        .shipments
        .iter()
        .map(|s| {
            (
                s.shipment_identifier.clone(),
                s.bill_of_lading_number.clone(),
                s.shipped_eaches,
            )
        })
        .collect();
    assert_eq!(
        evidence,
        vec![
            ("ASN-1".into(), Some("BOL-1001".into()), 30),
            ("ASN-2".into(), Some("BOL-1002".into()), 18)
        ]
    );
}

/// A remittance in another currency than its invoice, or an invoice in another currency than
/// its PO, is an error that names the field: amounts are never converted by guess.
#[test]
fn currency_mismatch_is_an_error() {
    let mut input = scenario([48, 20], "2027-01-15T00:00:00Z");
    input["remittances"] =
        json!([{ "invoiceNumber": "INV-1001", "amountPaid": "580.00", "currencyCode": "EUR" }]);
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("CURRENCY_MISMATCH", "/remittances/0/currencyCode")
    );
    assert_eq!(err.details()["expected"], "USD");

    input.as_object_mut().unwrap().remove("remittances");
    input["remittanceCsv"] =
        json!({ "text": "Invoice Number,Amount Paid,Invoice Currency\nINV-1001,580.00,GBP\n" });
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("CURRENCY_MISMATCH", "/remittanceCsv/text")
    );
    assert_eq!(err.details()["row"], 2);
    assert_eq!(err.details()["column"], "currencyCode");

    let mut input = scenario([48, 20], "2027-01-15T00:00:00Z");
    input["invoices"][0]["invoiceTotal"]["currencyCode"] = json!("CAD");
    for item in input["invoices"][0]["items"].as_array_mut().unwrap() {
        item["netCost"]["currencyCode"] = json!("CAD");
    }
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("CURRENCY_MISMATCH", "/invoices/0/invoiceTotal/currencyCode")
    );
}

/// An invoice past its due date with no payment; accepted lines never shipped; the ERP shipped
/// what no ASN announced.
#[test]
fn overdue_unshipped_and_data_drift() {
    let mut input = scenario([48, 20], "2027-01-20T00:00:00Z");
    input["fulfilments"] = json!([
        { "purchaseOrderNumber": "PO-INV1", "itemSequenceNumber": "1", "quantity": 48 },
        { "purchaseOrderNumber": "PO-INV1", "sku": "ERP-EACH", "quantity": 24 }]);
    input["skuMap"] = json!([{ "sku": "ERP-EACH", "asin": "B0EACH0002" }]);
    let mut second = input["purchaseOrders"][0].clone();
    second["purchaseOrderNumber"] = json!("PO-IDLE");
    input["purchaseOrders"].as_array_mut().unwrap().push(second);
    let mut ack = input["acknowledgements"][0].clone();
    ack["purchaseOrderNumber"] = json!("PO-IDLE");
    input["acknowledgements"].as_array_mut().unwrap().push(ack);
    let out = run(&input);
    type Found = (String, Option<String>, Option<String>, Option<String>);
    let found: Vec<Found> = out
        .exceptions
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.purchase_order_number.clone(),
                e.item_sequence_number.clone(),
                e.money_at_risk.as_ref().map(|m| m.amount.to_string()),
            )
        })
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        found,
        vec![
            (
                "ACCEPTED_NOT_SHIPPED".into(),
                s("PO-IDLE"),
                s("1"),
                s("2880.00")
            ),
            (
                "ACCEPTED_NOT_SHIPPED".into(),
                s("PO-IDLE"),
                s("2"),
                s("102.00")
            ),
            ("INVOICE_OVERDUE".into(), s("PO-INV1"), None, s("2980.00")),
            (
                "PARTIALLY_FULFILLED_OPEN".into(),
                s("PO-INV1"),
                None,
                s("17.00")
            ),
            (
                "SHIPPED_WITHOUT_ASN".into(),
                s("PO-INV1"),
                s("2"),
                s("17.00")
            ),
        ]
    );
    assert_eq!(out.invoices[0].status.to_string(), "overdue");
    let idle = &out.purchase_orders[0];
    assert_eq!(
        (
            idle.purchase_order_number.as_str(),
            idle.status.to_string().as_str()
        ),
        ("PO-IDLE", "open")
    );
}

/// CSV rows that cannot be read are reported with line and column, never dropped silently;
/// the EDI 820 preset reads segment-named columns; a missing required column is an error.
#[test]
fn remittance_csv_rows_and_presets() {
    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["remittanceCsv"] = json!({ "text": concat!(
        "Payment Number,Payment Date,Invoice Number,Transaction Description,Invoice Currency,Amount Paid\r\n",
        "P1,01/11/2027,INV-1001,\"Payment, thank you\",USD,\"1,000.00\"\r\n",
        "P1,13/45/2027,INV-1001SC,Shortage,USD,-60.00\r\n",
        "P1,01/11/2027,,Missing number,USD,5.00\r\n",
        "P1,01/11/2027,INV-1001,Bad amount,USD,twelve\r\n",
        "P1,01/11/2027,\"INV\"x,Bad quote,USD,1\r\n",
        "P1,01/11/2027,INV-1001,Too many,USD,1,extra\r\n") });
    let out = run(&input);
    let issues: Vec<(usize, String, String)> = out
        .remittance_issues
        .iter()
        .map(|i| (i.row, i.column.clone(), i.code.clone()))
        .collect();
    assert_eq!(
        issues,
        vec![
            (3, "Payment Date".into(), "INVALID_DATE".into()),
            (4, "Invoice Number".into(), "MISSING_VALUE".into()),
            (5, "Amount Paid".into(), "INVALID_AMOUNT".into()),
            (6, "".into(), "UNREADABLE_ROW".into()),
            (7, "".into(), "WRONG_FIELD_COUNT".into()),
        ]
    );
    assert_eq!(
        (
            out.totals.remittance_rows,
            out.totals.remittance_rows_rejected
        ),
        (1, 5)
    );
    assert_eq!(out.invoices[0].paid.to_string(), "1000.00");

    input["remittanceCsv"] = json!({ "preset": "edi820", "text": "TRN02,BPR16,CUR02,RMR02,RMR04,RMR05\nEFT1,20270111,USD,INV-1001,2980.00,2980.00\n" });
    let out = run(&input);
    assert_eq!(out.invoices[0].status.to_string(), "paid");

    input["remittanceCsv"] = json!({ "text": "Inv,Paid\nINV-1001,2980.00\n", "currencyCode": "USD",
                                     "mapping": { "invoiceNumber": "Inv", "amountPaid": "Paid" } });
    assert_eq!(run(&input).invoices[0].status.to_string(), "paid");

    input["remittanceCsv"] = json!({ "text": "Number,Amount Paid\nINV-1001,580.00\n" });
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("INVALID_REMITTANCE_CSV", "/remittanceCsv/text")
    );
    assert!(err.to_string().contains("invoiceNumber"), "{err}");
}

#[test]
fn bad_input_is_an_error_with_a_pointer() {
    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["options"] = json!({ "disputeWindow": 30 });
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("UNKNOWN_FIELD", "/options/disputeWindow")
    );

    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["receipts"][0]["purchaseOrderStatus"] = json!("SHIPPED");
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("UNKNOWN_ENUM", "/receipts/0/purchaseOrderStatus")
    );

    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["invoices"][0]["date"] = json!("soon");
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("INVALID_DATE", "/invoices/0/date")
    );

    let mut input = scenario([48, 20], "2026-12-01T00:00:00Z");
    input["remittances"] = json!([{ "invoiceNumber": "INV-1001", "amountPaid": "580.00" }]);
    let err = run_err(&input);
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("MISSING_FIELD", "/remittances/0/currencyCode")
    );

    // Absurd windows saturate instead of overflowing the calendar.
    let mut input = scenario([42, 20], "2026-12-01T00:00:00Z");
    input["options"] = json!({ "disputeWindowDays": u32::MAX, "receiptGraceDays": u32::MAX,
                               "claimLeadDays": u32::MAX, "defaultNetDueDays": u32::MAX });
    input["invoices"][0]
        .as_object_mut()
        .unwrap()
        .remove("paymentTerms");
    assert!(!run(&input).purchase_orders.is_empty());

    let err = parse_reconcile_input("[]").unwrap_err();
    assert_eq!((err.code(), err.path().as_str()), ("INVALID_TYPE", ""));
}

// ---- properties ----------------------------------------------------------------------------

/// A generated month: `n` POs of one line (Eaches, cost in cents), each acknowledged, shipped on
/// an ASN, received in part, invoiced and paid in part.
fn generated(lines: &[(u64, u64, u64, u32, u32)], now_day: u32) -> Value {
    let mut pos = Vec::new();
    let mut acks = Vec::new();
    let mut asns = Vec::new();
    let mut receipts = Vec::new();
    let mut invoices = Vec::new();
    let mut remittances = Vec::new();
    for (i, &(ordered, shipped, received, cost_cents, paid_percent)) in lines.iter().enumerate() {
        let po = format!("PO{i:04}");
        let cost = format!("{}.{:02}", cost_cents / 100, cost_cents % 100);
        let shipped = shipped.min(ordered);
        pos.push(json!({ "purchaseOrderNumber": po, "orderDetails": {
            "purchaseOrderDate": "2026-11-01T00:00:00Z", "shipWindow": "2026-11-02T00:00:00Z--2026-11-05T00:00:00Z",
            "items": [{ "itemSequenceNumber": "1", "amazonProductIdentifier": format!("B{i:09}"),
                        "orderedQuantity": { "amount": ordered, "unitOfMeasure": "Eaches" }, "isBackOrderAllowed": false,
                        "netCost": { "amount": cost, "currencyCode": "EUR" } }] } }));
        acks.push(json!({ "purchaseOrderNumber": po, "sellingParty": { "partyId": "V" }, "acknowledgementDate": "2026-11-01T06:00:00Z",
            "items": [{ "itemSequenceNumber": "1", "orderedQuantity": { "amount": ordered }, "netCost": { "amount": cost, "currencyCode": "EUR" },
                        "itemAcknowledgements": [{ "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": ordered } }] }] }));
        if shipped > 0 {
            asns.push(json!({ "shipmentIdentifier": format!("S{i}"), "shippedDate": "2026-11-03T00:00:00Z",
                "shippedItems": [{ "itemSequenceNumber": "001", "amazonProductIdentifier": format!("B{i:09}"),
                                   "shippedQuantity": { "amount": shipped, "unitOfMeasure": "Eaches" },
                                   "itemDetails": { "purchaseOrderNumber": po } }] }));
            let id = format!("I{i}");
            let total = rust_decimal::Decimal::new(i64::from(cost_cents), 2)
                * rust_decimal::Decimal::from(shipped);
            invoices.push(json!({ "invoiceType": "Invoice", "id": id, "date": "2026-11-04T00:00:00Z",
                "remitToParty": { "partyId": "V" }, "invoiceTotal": { "amount": total.to_string(), "currencyCode": "EUR" },
                "items": [{ "itemSequenceNumber": 1, "amazonProductIdentifier": format!("B{i:09}"),
                            "invoicedQuantity": { "amount": shipped, "unitOfMeasure": "Eaches" },
                            "netCost": { "amount": cost, "currencyCode": "EUR" }, "purchaseOrderNumber": po }] }));
            let paid = (total * rust_decimal::Decimal::from(paid_percent)
                / rust_decimal::Decimal::from(100))
            .round_dp(2);
            remittances.push(
                json!({ "invoiceNumber": id, "amountPaid": paid.to_string(), "currencyCode": "EUR",
                                     "paymentDate": "2026-12-20T00:00:00Z" }),
            );
        }
        receipts.push(json!({ "purchaseOrderNumber": po, "purchaseOrderStatus": "OPEN", "purchaseOrderDate": "2026-11-01T00:00:00Z",
            "itemStatus": [{ "itemSequenceNumber": "1", "receivingStatus": {
                "receivedQuantity": { "amount": received, "unitOfMeasure": "Eaches" } } }] }));
    }
    json!({ "purchaseOrders": pos, "acknowledgements": acks, "shipments": asns, "receipts": receipts,
            "invoices": invoices, "remittances": remittances, "now": format!("2026-11-{now_day:02}T00:00:00Z") })
}

fn line_strategy() -> impl Strategy<Value = Vec<(u64, u64, u64, u32, u32)>> {
    proptest::collection::vec(
        (1u64..40, 0u64..45, 0u64..50, 1u32..20_000, 0u32..=110),
        1..6,
    )
}

fn shuffled(mut input: Value, seed: usize) -> Value {
    for key in [
        "purchaseOrders",
        "acknowledgements",
        "shipments",
        "receipts",
        "invoices",
        "remittances",
    ] {
        if let Some(list) = input[key].as_array_mut() {
            if !list.is_empty() {
                let len = list.len();
                list.rotate_left(seed % len);
                list.reverse();
            }
        }
    }
    input
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Per line: shipped + overage = received + shortage + in transit; invoiced money per PO is
    /// the sum of its lines'; each invoice total equals Σ its lines (no charges here).
    #[test]
    fn conservation(lines in line_strategy(), now_day in 4u32..30) {
        let out = run(&generated(&lines, now_day));
        for po in &out.purchase_orders {
            for line in &po.lines {
                let q = &line.quantities;
                prop_assert_eq!(q.shipped + q.overage, q.received + q.shortage + q.in_transit);
                prop_assert!(q.shortage == 0 || q.in_transit == 0);
            }
            let invoiced: rust_decimal::Decimal = po.lines.iter().map(|l| l.money.invoiced.0).sum();
            prop_assert_eq!(invoiced, po.money.invoiced.0);
        }
        let total_invoiced: rust_decimal::Decimal = out.invoices.iter().map(|i| i.total.0).sum();
        prop_assert_eq!(total_invoiced, out.purchase_orders.iter().map(|p| p.money.invoiced.0).sum::<rust_decimal::Decimal>());
    }

    /// The same documents in another order give byte-identical output.
    #[test]
    fn order_of_inputs_does_not_matter(lines in line_strategy(), now_day in 4u32..30, seed in 0usize..7) {
        let input = generated(&lines, now_day);
        let a = serde_json::to_string(&run(&input)).unwrap();
        let b = serde_json::to_string(&run(&shuffled(input, seed))).unwrap();
        prop_assert_eq!(a, b);
    }

    /// No money is lost to rounding: lines add up to POs, POs to the currency totals, exceptions
    /// to the per-code totals; the cash applied to lines never exceeds what was received.
    #[test]
    fn no_money_lost(lines in line_strategy(), now_day in 4u32..30) {
        let input = generated(&lines, now_day);
        let out = run(&input);
        let sum = |f: &dyn Fn(&vendor_central_connector::reconcile::PoReconciliation) -> rust_decimal::Decimal| {
            out.purchase_orders.iter().map(f).sum::<rust_decimal::Decimal>()
        };
        for po in &out.purchase_orders {
            let lines_paid: rust_decimal::Decimal = po.lines.iter().map(|l| l.money.paid.0).sum();
            prop_assert_eq!(lines_paid, po.money.paid.0);
            let lines_shipped: rust_decimal::Decimal = po.lines.iter().map(|l| l.money.shipped.0).sum();
            prop_assert_eq!(lines_shipped, po.money.shipped.0);
        }
        let totals = &out.totals.by_currency[0];
        prop_assert_eq!(sum(&|p| p.money.ordered.0), totals.ordered.0);
        prop_assert_eq!(sum(&|p| p.money.invoiced.0), totals.invoiced.0);
        let cash: rust_decimal::Decimal = input["remittances"].as_array().unwrap().iter()
            .map(|r| r["amountPaid"].as_str().unwrap().parse::<rust_decimal::Decimal>().unwrap()).sum();
        prop_assert_eq!(cash, totals.paid.0);
        prop_assert!(sum(&|p| p.money.paid.0) <= cash);
        let at_risk: rust_decimal::Decimal = out.exceptions.iter()
            .filter_map(|e| e.money_at_risk.as_ref()).map(|m| m.amount.0).sum();
        prop_assert_eq!(at_risk, totals.money_at_risk.0);
        let by_code: rust_decimal::Decimal = out.totals.by_exception.iter().map(|t| t.money_at_risk.0).sum();
        prop_assert_eq!(by_code, at_risk);
    }
}
