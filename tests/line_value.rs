//! One valuation of a PO line in every engine (`crate::line_value`): sales orders,
//! acknowledgements, invoices and reconciliation agree on what a line is worth.
//!
//! Amazon's vendorOrders model: `netCost` is "The net cost of an item per each or weight unit",
//! and `Money.unitOfMeasure` is "The unit of measure for prices of items sold by weight. If this
//! field is absent, the item is sold by eaches." `orderedQuantity.unitSize` is "The case size, in
//! the event that we ordered using cases." So a line of 3 Cases of 12 at 2.00 is 36 eaches worth
//! 72.00 — everywhere.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal as D;
use rust_decimal::RoundingStrategy;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::{ack, invoice, reconcile, sales_order};

// ---- documents -----------------------------------------------------------------------------

/// A PO line: `unit_size` `None` leaves `unitSize` out (the SKU map then has `unitsPerCase`);
/// `per_pound` prices it per POUNDS.
#[derive(Debug, Clone)]
struct Line {
    cases: bool,
    amount: u64,
    unit_size: u64,
    po_has_unit_size: bool,
    cost_cents: u64,
    per_pound: bool,
    /// Shipped weight in thousandths of a pound (weight-priced lines).
    weight_milli_lb: u64,
}

impl Line {
    fn asin(&self, i: usize) -> String {
        format!("B0LINE{i:04}")
    }

    fn eaches(&self) -> u64 {
        if self.cases {
            self.amount * self.unit_size
        } else {
            self.amount
        }
    }

    fn cost(&self) -> String {
        format!("{}.{:02}", self.cost_cents / 100, self.cost_cents % 100)
    }

    fn weight(&self) -> String {
        D::new(self.weight_milli_lb as i64, 3).to_string()
    }

    fn quantity(&self) -> Value {
        if self.cases {
            let mut q = json!({ "amount": self.amount, "unitOfMeasure": "Cases" });
            if self.po_has_unit_size {
                q["unitSize"] = json!(self.unit_size);
            }
            q
        } else {
            json!({ "amount": self.amount, "unitOfMeasure": "Eaches" })
        }
    }

    fn net_cost(&self) -> Value {
        let mut cost = json!({ "amount": self.cost(), "currencyCode": "USD" });
        if self.per_pound {
            cost["unitOfMeasure"] = json!("POUNDS");
        }
        cost
    }

    /// What the line is worth, computed here from Amazon's definition, not by the crate:
    /// eaches × cost per each, or weight × cost per pound rounded to the cent.
    fn expected_value(&self) -> D {
        let cost = D::new(self.cost_cents as i64, 2);
        if self.per_pound {
            (cost * D::new(self.weight_milli_lb as i64, 3))
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        } else {
            cost * D::from(self.eaches())
        }
    }
}

fn po(lines: &[Line]) -> Value {
    let items: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({ "itemSequenceNumber": (i + 1).to_string(), "amazonProductIdentifier": l.asin(i),
                    "vendorProductIdentifier": format!("V-{i}"), "orderedQuantity": l.quantity(),
                    "isBackOrderAllowed": false, "netCost": l.net_cost() })
        })
        .collect();
    json!({
        "purchaseOrderNumber": "PO-VAL1", "purchaseOrderState": "Acknowledged",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-01T08:00:00Z", "purchaseOrderType": "RegularOrder",
            "sellingParty": { "partyId": "VEND1" }, "buyingParty": { "partyId": "AMZN-US" },
            "shipToParty": { "partyId": "SEA8" }, "billToParty": { "partyId": "AMZN-US" },
            "shipWindow": "2026-11-05T00:00:00Z--2026-11-10T00:00:00Z",
            "items": items
        }
    })
}

fn sku_map(lines: &[Line]) -> Value {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| json!({ "sku": format!("SKU-{i}"), "asin": l.asin(i), "unitsPerCase": l.unit_size }))
        .collect()
}

/// Every line accepted in full, as `decideAcknowledgements` writes it (the PO's unit and cost).
fn acknowledgement(lines: &[Line]) -> Value {
    let items: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut q = l.quantity();
            if l.cases {
                q["unitSize"] = json!(l.unit_size);
            }
            json!({ "itemSequenceNumber": (i + 1).to_string(), "amazonProductIdentifier": l.asin(i),
                    "orderedQuantity": q, "netCost": l.net_cost(),
                    "itemAcknowledgements": [{ "acknowledgementCode": "Accepted", "acknowledgedQuantity": q }] })
        })
        .collect();
    json!({ "purchaseOrderNumber": "PO-VAL1", "sellingParty": { "partyId": "VEND1" },
            "acknowledgementDate": "2026-11-01T12:00:00Z", "items": items })
}

/// Everything shipped on one ASN, with the weight of the weight-priced lines.
fn asn(lines: &[Line]) -> Value {
    let items: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut q = json!({ "amount": l.eaches(), "unitOfMeasure": "Eaches", "unitSize": 1 });
            if l.per_pound {
                q["totalWeight"] = json!({ "unitOfMeasure": "POUNDS", "amount": l.weight() });
            }
            json!({ "itemSequenceNumber": format!("{:03}", i + 1), "amazonProductIdentifier": l.asin(i),
                    "shippedQuantity": q, "itemDetails": { "purchaseOrderNumber": "PO-VAL1" } })
        })
        .collect();
    json!({ "shipmentIdentifier": "ASN-VAL1", "shipmentConfirmationType": "Original",
            "shipmentConfirmationDate": "2026-11-06T09:00:00Z", "shippedDate": "2026-11-06T08:30:00Z",
            "shippedItems": items })
}

fn invoice_input(lines: &[Line], options: Value) -> Value {
    json!({
        "purchaseOrders": [po(lines)], "acknowledgements": [acknowledgement(lines)],
        "shipments": [asn(lines)], "skuMap": sku_map(lines),
        "remitToParty": { "partyId": "VEND1" },
        "invoices": [{ "id": "INV-VAL1", "date": "2026-11-12T10:00:00Z" }],
        "options": options, "now": "2026-11-12T12:00:00Z"
    })
}

fn sales_order_input(lines: &[Line]) -> Value {
    let mut order = po(lines);
    order["purchaseOrderState"] = json!("New");
    json!({
        "purchaseOrders": [order], "skuMap": sku_map(lines),
        "locations": [{ "fulfillmentCenter": "SEA8", "location": "7" }],
        "customers": [{ "vendorCode": "VEND1", "customer": "311", "currencies": ["USD"] }],
        "autoAcknowledge": true
    })
}

fn reconcile_input(lines: &[Line], invoices: Value) -> Value {
    let received: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({ "itemSequenceNumber": (i + 1).to_string(), "buyerProductIdentifier": l.asin(i),
                    "receivingStatus": { "receiveStatus": "RECEIVED",
                        "receivedQuantity": { "amount": l.eaches(), "unitOfMeasure": "Eaches" } } })
        })
        .collect();
    json!({
        "purchaseOrders": [po(lines)], "acknowledgements": [acknowledgement(lines)],
        "shipments": [asn(lines)], "skuMap": sku_map(lines),
        "receipts": [{ "purchaseOrderNumber": "PO-VAL1", "purchaseOrderStatus": "CLOSED",
                       "purchaseOrderDate": "2026-11-01T08:00:00Z", "itemStatus": received }],
        "invoices": invoices, "now": "2026-11-20T00:00:00Z"
    })
}

fn run_sales_orders(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string()).unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    serde_json::to_value(sales_order::to_sales_orders(parsed).expect("converts")).unwrap()
}

fn run_invoice(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string()).unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    serde_json::to_value(invoice::build_invoice(parsed).expect("builds")).unwrap()
}

fn run_reconcile(input: &Value) -> Value {
    let parsed = reconcile::parse_reconcile_input(&input.to_string())
        .unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    serde_json::to_value(reconcile::reconcile(parsed).expect("reconciles")).unwrap()
}

fn run_ack(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string()).unwrap_or_else(|e| panic!("{e} at {}", e.path()));
    serde_json::to_value(ack::decide_acknowledgements(parsed).expect("decides")).unwrap()
}

fn dec(value: &Value) -> D {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a decimal string: {value}"))
        .parse()
        .unwrap()
}

/// What an invoice item bills, read from the body as Amazon reads it: `amount × netCost`, or
/// `totalWeight × netCost` when `netCostUnitOfMeasure` says the cost is per weight unit.
fn billed(item: &Value) -> D {
    let cost = dec(&item["netCost"]["amount"]);
    if item.get("netCostUnitOfMeasure").is_some() {
        (cost * dec(&item["invoicedQuantity"]["totalWeight"]["amount"]))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    } else {
        cost * D::from(item["invoicedQuantity"]["amount"].as_u64().unwrap())
    }
}

// ---- the example --------------------------------------------------------------------

fn three_cases_of_twelve() -> Vec<Line> {
    vec![Line {
        cases: true,
        amount: 3,
        unit_size: 12,
        po_has_unit_size: true,
        cost_cents: 200,
        per_pound: false,
        weight_milli_lb: 0,
    }]
}

/// 3 Cases of 12 at 2.00: 72.00 in the sales order, the invoice (36 eaches at the PO's 2.00: the
/// item `netCost` "should match the cost on the order"), and every figure of the reconciliation,
/// with no price variance on the correct invoice.
#[test]
fn three_cases_of_twelve_at_two_are_worth_72_everywhere() {
    let lines = three_cases_of_twelve();
    let sales = run_sales_orders(&sales_order_input(&lines));
    let line = &sales["salesOrders"][0]["lines"][0];
    assert_eq!(
        (&line["quantityEaches"], &line["rate"], &line["amount"]),
        (&json!(36), &json!("2.00"), &json!("72.00"))
    );

    let built = run_invoice(&invoice_input(&lines, json!({})));
    let invoice = &built["request"]["invoices"][0];
    assert_eq!(
        invoice["items"][0],
        json!({ "itemSequenceNumber": 1, "amazonProductIdentifier": "B0LINE0000", "vendorProductIdentifier": "V-0",
                "invoicedQuantity": { "amount": 36, "unitOfMeasure": "Eaches" },
                "netCost": { "currencyCode": "USD", "amount": "2.00" }, "purchaseOrderNumber": "PO-VAL1" })
    );
    assert_eq!(invoice["invoiceTotal"]["amount"], "72.00");

    let out = run_reconcile(&reconcile_input(
        &lines,
        built["request"]["invoices"].clone(),
    ));
    assert_eq!(
        out["purchaseOrders"][0]["lines"][0]["money"],
        json!({ "ordered": "72.00", "accepted": "72.00", "shipped": "72.00", "received": "72.00",
                "invoiced": "72.00", "paid": "0.00" })
    );
    assert_eq!(out["purchaseOrders"][0]["lines"][0]["netCost"], "2.00");
    assert!(
        !out["exceptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "PRICE_VARIANCE"),
        "{}",
        out["exceptions"]
    );
}

/// The acknowledgement's exceptions carry the same value as money at risk: a line exception
/// (the SKU map's case size disagrees: `UNIT_SIZE_MISMATCH`) and the PO's `APPROVAL_REQUIRED`.
#[test]
fn acknowledgement_exceptions_put_the_line_value_at_risk() {
    let lines = three_cases_of_twelve();
    let mut map = sku_map(&lines);
    map[0]["unitsPerCase"] = json!(10);
    let mut order = po(&lines);
    order["purchaseOrderState"] = json!("New");
    let out = run_ack(&json!({
        "purchaseOrders": [order], "skuMap": map,
        "inventory": [{ "sku": "SKU-0", "onHand": 100 }],
        "rules": { "defaults": { "autoAcknowledge": false } },
        "now": "2026-11-01T09:00:00Z"
    }));
    let at_risk: Vec<(String, Value)> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["moneyAtRisk"].clone(),
            )
        })
        .collect();
    let usd72 = json!({ "amount": "72.00", "currencyCode": "USD" });
    assert!(
        at_risk.contains(&("UNIT_SIZE_MISMATCH".to_string(), usd72.clone())),
        "{at_risk:?}"
    );
    assert!(
        at_risk.contains(&("APPROVAL_REQUIRED".to_string(), usd72)),
        "{at_risk:?}"
    );
}

/// `casesInvoicedIn: "Cases"`: the line is written as the retail guide's Cases invoice example
/// writes one ("invoicedQuantity": 2 Cases of "unitSize" "10" at "netCost" 140, in an invoice
/// whose total 1295 is 2 × 140 + 5 × 125 + 3 × 130: the cost is per case): 3 Cases of 12 at 24.00.
#[test]
fn in_cases_the_cost_is_per_case() {
    let lines = three_cases_of_twelve();
    let built = run_invoice(&invoice_input(
        &lines,
        json!({ "casesInvoicedIn": "Cases" }),
    ));
    let item = &built["request"]["invoices"][0]["items"][0];
    assert_eq!(
        (&item["invoicedQuantity"], &item["netCost"]["amount"]),
        (
            &json!({ "amount": 3, "unitOfMeasure": "Cases", "unitSize": 12 }),
            &json!("24.00")
        )
    );
    assert_eq!(billed(item), D::new(7200, 2));
}

/// A Cases line without `unitSize` takes the SKU map's `unitsPerCase` in every engine; without
/// it the value is refused, never computed from a case of 1.
#[test]
fn a_missing_unit_size_comes_from_the_sku_map_or_is_refused() {
    let mut lines = three_cases_of_twelve();
    lines[0].po_has_unit_size = false;
    let sales = run_sales_orders(&sales_order_input(&lines));
    assert_eq!(sales["salesOrders"][0]["lines"][0]["amount"], "72.00");
    let built = run_invoice(&invoice_input(&lines, json!({})));
    assert_eq!(
        built["request"]["invoices"][0]["invoiceTotal"]["amount"],
        "72.00"
    );
    let out = run_reconcile(&reconcile_input(
        &lines,
        built["request"]["invoices"].clone(),
    ));
    assert_eq!(
        out["purchaseOrders"][0]["lines"][0]["money"]["ordered"],
        "72.00"
    );
    assert_eq!(out["purchaseOrders"][0]["lines"][0]["unitSize"], 12);

    let mut input = sales_order_input(&lines);
    input["skuMap"][0]
        .as_object_mut()
        .unwrap()
        .remove("unitsPerCase");
    let sales = run_sales_orders(&input);
    assert_eq!(sales["exceptions"][0]["code"], "UNIT_SIZE_MISSING");
    let mut input = invoice_input(&lines, json!({}));
    input["skuMap"][0]
        .as_object_mut()
        .unwrap()
        .remove("unitsPerCase");
    let err = parse_input::<invoice::BuildInvoiceInput>(&input.to_string())
        .map_err(invoice::InvoiceError::from)
        .and_then(invoice::build_invoice)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        (
            "MISSING_UNIT_SIZE",
            "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/unitSize"
        )
    );
}

// ---- weight ------------------------------------------------------------------------------------

fn four_by_the_pound() -> Vec<Line> {
    vec![Line {
        cases: false,
        amount: 4,
        unit_size: 1,
        po_has_unit_size: true,
        cost_cents: 500,
        per_pound: true,
        weight_milli_lb: 10_500,
    }]
}

/// Priced per POUNDS at 5.00 ("E.g.: $5/LB"), 10.5 lb shipped: 52.50. The sales order cannot
/// know the weight (no amount, `PRICED_BY_WEIGHT`); the invoice writes `totalWeight` and
/// `netCostUnitOfMeasure` ("This field represents weight unit of measure of items that are
/// ordered by cases and supporting priced by weight"); reconciliation values the quantities the
/// ASN weighed at 52.50 and says which it cannot value.
#[test]
fn a_weight_priced_line_is_worth_its_weight() {
    let lines = four_by_the_pound();
    let sales = run_sales_orders(&sales_order_input(&lines));
    let line = &sales["salesOrders"][0]["lines"][0];
    assert_eq!(
        (&line["rateUnit"], line.get("amount")),
        (&json!("POUNDS"), None)
    );
    assert_eq!(sales["exceptions"][0]["code"], "PRICED_BY_WEIGHT");

    let built = run_invoice(&invoice_input(&lines, json!({})));
    let item = &built["request"]["invoices"][0]["items"][0];
    assert_eq!(
        item,
        &json!({ "itemSequenceNumber": 1, "amazonProductIdentifier": "B0LINE0000", "vendorProductIdentifier": "V-0",
                 "invoicedQuantity": { "amount": 4, "unitOfMeasure": "Eaches",
                                       "totalWeight": { "unitOfMeasure": "POUNDS", "amount": "10.500" } },
                 "netCost": { "currencyCode": "USD", "amount": "5.00" }, "netCostUnitOfMeasure": "POUNDS",
                 "purchaseOrderNumber": "PO-VAL1" })
    );
    assert_eq!(
        built["request"]["invoices"][0]["invoiceTotal"]["amount"],
        "52.50"
    );

    let mut input = reconcile_input(&lines, built["request"]["invoices"].clone());
    let out = run_reconcile(&input);
    let line = &out["purchaseOrders"][0]["lines"][0];
    // The 4 eaches ordered, accepted, shipped and received are the 4 the ASN weighed.
    assert_eq!(
        line["money"],
        json!({ "ordered": "52.50", "accepted": "52.50", "shipped": "52.50", "received": "52.50",
                "invoiced": "52.50", "paid": "0.00" })
    );
    assert_eq!(line["netCostUnitOfMeasure"], "POUNDS");
    assert!(line.get("valueUnknown").is_none());
    // Had Amazon ordered 6, the weight of the 6 would be unknown: said, not guessed.
    input["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["amount"] = json!(6);
    let out = run_reconcile(&input);
    let line = &out["purchaseOrders"][0]["lines"][0];
    assert_eq!(line["money"]["ordered"], "0.00");
    assert_eq!(line["money"]["accepted"], "52.50");
    assert_eq!(
        line["valueUnknown"],
        json!({ "figures": ["ordered"], "reason": "WEIGHT_NEEDED",
                "message": "the line is priced per POUNDS and the weight of the quantity is not known" })
    );

    // Without a weight on the ASN the line is left out of a derived invoice, with the reason.
    let mut input = invoice_input(&lines, json!({}));
    input["shipments"][0]["shippedItems"][0]["shippedQuantity"]
        .as_object_mut()
        .unwrap()
        .remove("totalWeight");
    let built = run_invoice(&input);
    let codes: Vec<&str> = built["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["WEIGHT_REQUIRED", "NOTHING_TO_INVOICE"]);
    // An explicit line gives the weight, in any unit: 4762.72 g is 10.5 lb to six decimals
    // (1 lb = 453.59237 g exactly).
    input["invoices"][0]["lines"] = json!([{ "purchaseOrderNumber": "PO-VAL1", "itemSequenceNumber": "1",
        "quantity": 4, "totalWeight": { "unitOfMeasure": "GRAMS", "amount": "4762.72" } }]);
    let built = run_invoice(&input);
    let item = &built["request"]["invoices"][0]["items"][0];
    assert_eq!(
        item["invoicedQuantity"]["totalWeight"],
        json!({ "unitOfMeasure": "POUNDS", "amount": "10.5" })
    );
    assert_eq!(
        built["request"]["invoices"][0]["invoiceTotal"]["amount"],
        "52.50"
    );
}

// ---- Amazon's invoice examples and item taxes ---------------------------------------------------

/// PO lines in eaches, accepted and shipped in full, for reproducing Amazon's invoice examples.
fn each_lines(lines: &[(u64, &str)]) -> Vec<Line> {
    lines
        .iter()
        .map(|(amount, cost)| Line {
            cases: false,
            amount: *amount,
            unit_size: 1,
            po_has_unit_size: true,
            cost_cents: (cost.parse::<D>().unwrap() * D::from(100))
                .try_into()
                .unwrap(),
            per_pound: false,
            weight_milli_lb: 0,
        })
        .collect()
}

/// The retail guide's "Invoice with single tax on an item": 4 × 20.00, 30 × 50.00, 3 × 90,
/// 5 × 20.00 at 5 %, item `taxAmount` 1.00, 2.50, 4.50, 1.00 — the tax of one unit — and the
/// header 97.5 on 1950, the tax of the line amounts. The default (`perUnit`) writes exactly
/// that. (The example's `invoiceTotal` 1950 leaves the tax out although the model's total is
/// "including all relevant taxes"; this builder includes it: 2047.50.)
#[test]
fn item_taxes_per_unit_as_in_amazons_single_tax_example() {
    let lines = each_lines(&[(4, "20.00"), (30, "50.00"), (3, "90.00"), (5, "20.00")]);
    let mut input = invoice_input(&lines, json!({}));
    input["taxes"] = json!([{ "taxType": "GST", "taxRate": "5" }]);
    let built = run_invoice(&input);
    let invoice = &built["request"]["invoices"][0];
    let item_taxes: Vec<&Value> = invoice["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["taxDetails"][0]["taxAmount"]["amount"])
        .collect();
    assert_eq!(
        item_taxes,
        [
            &json!("1.00"),
            &json!("2.50"),
            &json!("4.50"),
            &json!("1.00")
        ]
    );
    assert_eq!(
        invoice["taxDetails"],
        json!([{ "taxType": "GST", "taxRate": "5", "taxAmount": { "currencyCode": "USD", "amount": "97.50" },
                 "taxableAmount": { "currencyCode": "USD", "amount": "1950.00" } }])
    );
    assert_eq!(invoice["invoiceTotal"]["amount"], "2047.50");
}

/// The retail guide's "Invoice with multiple taxes on an item": 2 × 21060.34 and 3 × 58915.25 at
/// SGST 9 % + CGST 9 %. Its items read per unit (`taxableAmount` 21060.34 is the unit cost; 9 % of
/// it is the item's 1895.43), and its header 19697.98 is the tax of the line amounts (3790.86 +
/// 15907.12), not Σ unit tax × quantity (19697.97). The default (`perUnit`) reproduces the example
/// exactly, items and header; `perLine` writes the line's tax on the item (the model's "Total tax
/// amount applied on invoice total or an item total"), with the same header and total.
#[test]
fn item_taxes_in_amazons_multiple_tax_example_per_unit_and_per_line() {
    let lines = each_lines(&[(2, "21060.34"), (3, "58915.25")]);
    let mut input = invoice_input(&lines, json!({}));
    input["taxes"] =
        json!([{ "taxType": "SGST", "taxRate": "9" }, { "taxType": "CGST", "taxRate": "9" }]);
    let per_unit = run_invoice(&input);
    let invoice = &per_unit["request"]["invoices"][0];
    assert_eq!(
        invoice["items"][0]["taxDetails"][0],
        json!({ "taxType": "SGST", "taxRate": "9", "taxAmount": { "currencyCode": "USD", "amount": "1895.43" },
                "taxableAmount": { "currencyCode": "USD", "amount": "21060.34" } })
    );
    assert_eq!(
        invoice["items"][1]["taxDetails"][1]["taxAmount"]["amount"],
        "5302.37"
    );
    assert_eq!(invoice["taxDetails"][0]["taxAmount"]["amount"], "19697.98");
    // 218866.43 + 2 × 19697.98 = 258262.39, the example's `invoiceTotal`.
    assert_eq!(invoice["invoiceTotal"]["amount"], "258262.39");
    assert_eq!(
        invoice["taxDetails"][0]["taxableAmount"]["amount"],
        "218866.43"
    );

    input["options"] = json!({ "itemTaxBasis": "perLine" });
    let per_line = run_invoice(&input);
    let invoice = &per_line["request"]["invoices"][0];
    assert_eq!(
        invoice["items"][0]["taxDetails"][0]["taxAmount"]["amount"],
        "3790.86"
    );
    assert_eq!(invoice["taxDetails"][0]["taxAmount"]["amount"], "19697.98");
    assert_eq!(invoice["invoiceTotal"]["amount"], "258262.39");
}

// ---- unitSize as a string -------------------------------------------------------------------

/// The retail guide's examples write `"unitSize": "5"`: read by every engine that reads a PO,
/// written back as the model's integer.
#[test]
fn unit_size_written_as_a_string_is_read_everywhere() {
    let lines = vec![Line {
        cases: true,
        amount: 2,
        unit_size: 5,
        po_has_unit_size: true,
        cost_cents: 300,
        per_pound: false,
        weight_milli_lb: 0,
    }];
    let stringly = |mut input: Value| {
        input["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["unitSize"] =
            json!("5");
        input
    };
    let sales = run_sales_orders(&stringly(sales_order_input(&lines)));
    let line = &sales["salesOrders"][0]["lines"][0];
    assert_eq!(
        (&line["orderedQuantity"], &line["amount"]),
        (
            &json!({ "amount": 2, "unitOfMeasure": "Cases", "unitSize": 5 }),
            &json!("30.00")
        )
    );
    let mut order =
        stringly(json!({ "purchaseOrders": [po(&lines)] }))["purchaseOrders"][0].clone();
    order["purchaseOrderState"] = json!("New");
    let acked = run_ack(&json!({
        "purchaseOrders": [order], "skuMap": sku_map(&lines),
        "inventory": [{ "sku": "SKU-0", "onHand": 100 }], "now": "2026-11-01T09:00:00Z"
    }));
    assert_eq!(
        acked["request"]["acknowledgements"][0]["items"][0]["orderedQuantity"],
        json!({ "amount": 2, "unitOfMeasure": "Cases", "unitSize": 5 })
    );
    let built = run_invoice(&stringly(invoice_input(&lines, json!({}))));
    assert_eq!(
        built["request"]["invoices"][0]["invoiceTotal"]["amount"],
        "30.00"
    );
    let mut recon = stringly(reconcile_input(
        &lines,
        built["request"]["invoices"].clone(),
    ));
    recon["invoices"][0]["items"][0]["invoicedQuantity"] =
        json!({ "amount": 2, "unitOfMeasure": "Cases", "unitSize": "5" });
    recon["invoices"][0]["items"][0]["netCost"]["amount"] = json!("15.00");
    let out = run_reconcile(&recon);
    assert_eq!(out["purchaseOrders"][0]["money"]["invoiced"], "30.00");
    assert_eq!(out["purchaseOrders"][0]["quantities"]["invoiced"], 10);
}

// ---- property: the same line is worth the same in every engine ------------------------------

fn line_strategy() -> impl Strategy<Value = Line> {
    prop_oneof![
        // Eaches.
        (1u64..200, 1u64..50_000).prop_map(|(amount, cost_cents)| Line {
            cases: false,
            amount,
            unit_size: 1,
            po_has_unit_size: true,
            cost_cents,
            per_pound: false,
            weight_milli_lb: 0,
        }),
        // Cases of 1–48, the case size on the PO or only in the SKU map.
        (1u64..40, 1u64..=48, any::<bool>(), 1u64..50_000).prop_map(
            |(amount, unit_size, po_has_unit_size, cost_cents)| Line {
                cases: true,
                amount,
                unit_size,
                po_has_unit_size,
                cost_cents,
                per_pound: false,
                weight_milli_lb: 0,
            }
        ),
        // Priced per pound, with the shipped weight on the ASN.
        (1u64..60, 1u64..5_000, 1u64..500_000).prop_map(|(amount, cost_cents, weight)| Line {
            cases: false,
            amount,
            unit_size: 1,
            po_has_unit_size: true,
            cost_cents,
            per_pound: true,
            weight_milli_lb: weight,
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// For a PO fully shipped, received and invoiced: each line's value in the sales order (when
    /// it can know it: not by weight), the invoice item's `amount × netCost` (or `totalWeight ×
    /// netCost`; before tax, charges and allowances) and the reconciliation's shipped, received
    /// and invoiced money are the same, and equal the value computed from Amazon's definition;
    /// with Cases lines written in eaches or in cases.
    #[test]
    fn the_same_line_is_worth_the_same_everywhere(
        lines in proptest::collection::vec(line_strategy(), 1..5),
        in_cases in any::<bool>(),
    ) {
        let expected: Vec<D> = lines.iter().map(Line::expected_value).collect();

        let sales = run_sales_orders(&sales_order_input(&lines));
        let sales_lines = sales["salesOrders"][0]["lines"].as_array().unwrap();
        prop_assert_eq!(sales_lines.len(), lines.len());
        for ((line, sold), value) in lines.iter().zip(sales_lines).zip(&expected) {
            match line.per_pound {
                false => prop_assert_eq!(dec(&sold["amount"]), *value),
                true => prop_assert!(sold.get("amount").is_none()),
            }
            prop_assert_eq!(sold["quantityEaches"].as_u64().unwrap(), line.eaches());
        }

        let options = if in_cases { json!({ "casesInvoicedIn": "Cases" }) } else { json!({}) };
        let built = run_invoice(&invoice_input(&lines, options));
        prop_assert_eq!(&built["issues"], &json!([]));
        let items = built["request"]["invoices"][0]["items"].as_array().unwrap().clone();
        prop_assert_eq!(items.len(), lines.len());
        for (item, value) in items.iter().zip(&expected) {
            prop_assert_eq!(billed(item), *value);
        }
        let total: D = expected.iter().sum();
        prop_assert_eq!(dec(&built["request"]["invoices"][0]["invoiceTotal"]["amount"]), total);

        let out = run_reconcile(&reconcile_input(&lines, built["request"]["invoices"].clone()));
        let reconciled = out["purchaseOrders"][0]["lines"].as_array().unwrap();
        for ((line, rec), value) in lines.iter().zip(reconciled).zip(&expected) {
            let money = &rec["money"];
            for figure in ["shipped", "received", "invoiced"] {
                prop_assert_eq!(dec(&money[figure]), *value, "{}", figure);
            }
            if !line.per_pound {
                prop_assert_eq!(dec(&money["ordered"]), *value);
                prop_assert!(rec.get("valueUnknown").is_none());
            }
        }
        prop_assert!(
            !out["exceptions"].as_array().unwrap().iter().any(|e| e["code"] == "PRICE_VARIANCE"),
            "{}", out["exceptions"]
        );
    }
}
