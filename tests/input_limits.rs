//! Input limits: count limits (`TOO_MANY_ITEMS` with the list's pointer and `{limit, actual}`)
//! checked before any engine work, and huge numbers / deep nesting refused with coded errors.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/entry_points.rs"]
#[allow(dead_code)]
mod entry_points;

use entry_points::{Failure, run, run_with_limits};
use serde_json::{Value, json};
use vendor_central_connector::limits::CountLimits;

const NOW: &str = "2026-11-22T08:00:00Z";

/// A retail PO with `lines` lines of one product.
fn purchase_order(number: &str, lines: usize) -> Value {
    let items: Vec<Value> = (1..=lines)
        .map(|i| {
            json!({
                "itemSequenceNumber": i.to_string(),
                "vendorProductIdentifier": "SKU-1",
                "orderedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" },
                "netCost": { "amount": "10.00", "currencyCode": "USD" },
                "isBackOrderAllowed": false
            })
        })
        .collect();
    json!({
        "purchaseOrderNumber": number,
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-21T10:00:00Z",
            "sellingParty": { "partyId": "VEND1" },
            "items": items
        }
    })
}

fn ack_batch(pos: usize, lines_per_po: usize) -> Value {
    let orders: Vec<Value> = (0..pos)
        .map(|p| purchase_order(&format!("PO-{p}"), lines_per_po))
        .collect();
    json!({
        "purchaseOrders": orders,
        "inventory": [{ "sku": "SKU-1", "available": 100 }],
        "now": NOW
    })
}

fn too_many(failure: &Failure) -> (&str, &str, &Value, &Value, &Value) {
    (
        failure.code,
        failure.path.as_str(),
        &failure.details["limit"],
        &failure.details["actual"],
        &failure.details["setting"],
    )
}

#[test]
fn purchase_orders_over_the_limit_are_refused_before_any_decision() {
    let limits = CountLimits {
        max_purchase_orders: 2,
        ..CountLimits::default()
    };
    let input = ack_batch(3, 1).to_string();
    let err = run_with_limits("decideAcknowledgements", &input, &limits).unwrap_err();
    assert_eq!(
        too_many(&err),
        (
            "TOO_MANY_ITEMS",
            "/purchaseOrders",
            &json!(2),
            &json!(3),
            &json!("maxPurchaseOrders")
        )
    );
    // At the limit it runs.
    let at_limit = ack_batch(2, 1).to_string();
    assert!(run_with_limits("decideAcknowledgements", &at_limit, &limits).is_ok());
}

#[test]
fn lines_are_summed_over_the_batch() {
    let limits = CountLimits {
        max_lines: 3,
        ..CountLimits::default()
    };
    // 2 POs × 2 lines: each PO is within the limit, the batch is not.
    let err = run_with_limits(
        "decideAcknowledgements",
        &ack_batch(2, 2).to_string(),
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        too_many(&err),
        (
            "TOO_MANY_ITEMS",
            "/purchaseOrders",
            &json!(3),
            &json!(4),
            &json!("maxLines")
        )
    );
    // The same limit bounds sales orders built from the same POs.
    let sales = json!({ "purchaseOrders": ack_batch(2, 2)["purchaseOrders"] });
    let err = run_with_limits("toSalesOrders", &sales.to_string(), &limits).unwrap_err();
    assert_eq!(
        (err.code, err.path.as_str()),
        ("TOO_MANY_ITEMS", "/purchaseOrders")
    );
}

#[test]
fn master_data_lists_are_bounded_one_by_one() {
    let limits = CountLimits {
        max_lines: 1,
        ..CountLimits::default()
    };
    let input = json!({
        "sellingParty": "VEND1",
        "positions": [
            { "sku": "A", "warehouseId": "W1", "onHand": 1 },
            { "sku": "B", "warehouseId": "W1", "onHand": 2 }
        ]
    });
    let err = run_with_limits("inventoryFeed", &input.to_string(), &limits).unwrap_err();
    assert_eq!(
        too_many(&err),
        (
            "TOO_MANY_ITEMS",
            "/positions",
            &json!(1),
            &json!(2),
            &json!("maxLines")
        )
    );
    assert!(run("inventoryFeed", &input.to_string()).is_ok());
}

#[test]
fn reconciliation_rows_count_every_source_including_csv_lines() {
    let csv: String = "invoiceNumber,amountPaid\n".repeat(10);
    let input = json!({
        "purchaseOrders": [purchase_order("PO-1", 3)],
        "remittanceCsv": { "text": csv },
        "now": NOW
    })
    .to_string();
    let limits = CountLimits {
        max_reconcile_rows: 12,
        ..CountLimits::default()
    };
    let err = run_with_limits("reconcile", &input, &limits).unwrap_err();
    assert_eq!(
        too_many(&err),
        (
            "TOO_MANY_ITEMS",
            "",
            &json!(12),
            &json!(13),
            &json!("maxReconcileRows")
        )
    );
}

#[test]
fn the_default_limits_take_a_million_reconciliation_rows() {
    // The reconcile benchmark's size: 1,000,000 rows (here all remittance CSV lines, the
    // cheapest to build). Within the default; refused one below it.
    let mut csv = String::with_capacity(12_000_000);
    for i in 0..1_000_000 {
        csv.push_str(&format!("INV-{i},1.00\n"));
    }
    let input = json!({ "purchaseOrders": [], "remittanceCsv": { "text": csv }, "now": NOW });
    let parsed: vendor_central_connector::reconcile::ReconcileInput =
        vendor_central_connector::reconcile::parse_reconcile_input(&input.to_string()).unwrap();
    assert!(CountLimits::default().check(&parsed).is_ok());
    let tighter = CountLimits {
        max_reconcile_rows: 999_999,
        ..CountLimits::default()
    };
    assert!(tighter.check(&parsed).is_err());
}

#[test]
fn the_default_limits_take_the_acknowledgement_benchmark() {
    // The acknowledgement benchmark: 1,000 POs × 100 lines = 100,000 lines.
    let input: vendor_central_connector::ack::DecideAcknowledgementsInput =
        serde_json::from_value(ack_batch(1000, 100)).unwrap();
    assert!(CountLimits::default().check(&input).is_ok());
}

#[test]
fn shipment_items_are_counted_in_the_asn_whatever_its_structure() {
    let items: Vec<Value> = (0..5)
        .map(|i| json!({ "itemSequenceNumber": i.to_string(), "shippedQuantity": { "amount": 1 } }))
        .collect();
    let input = json!({
        "shipmentConfirmation": { "shipmentIdentifier": "S1", "items": items, "cartons": [{ "items": [1, 2] }] },
        "skuMap": [],
        "now": NOW
    });
    let limits = CountLimits {
        max_shipment_items: 7,
        ..CountLimits::default()
    };
    let err =
        run_with_limits("validateShipmentConfirmation", &input.to_string(), &limits).unwrap_err();
    // 5 items + 1 carton + 2 items in the carton.
    assert_eq!(
        too_many(&err),
        (
            "TOO_MANY_ITEMS",
            "/shipmentConfirmation",
            &json!(7),
            &json!(8),
            &json!("maxShipmentItems")
        )
    );
}

// ---- huge numbers and deep nesting -------------------------------------------------------

fn with_first_item_field(field: &str, raw: &str) -> String {
    // Spliced as text: serde_json's Value cannot even hold these numbers.
    let mut batch = ack_batch(1, 1);
    batch["purchaseOrders"][0]["orderDetails"]["items"][0][field] = json!("__HERE__");
    batch.to_string().replace("\"__HERE__\"", raw)
}

#[test]
fn a_twenty_digit_quantity_is_refused_at_its_field() {
    let mut batch = ack_batch(1, 1);
    batch["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["amount"] =
        json!("__HERE__");
    let text = batch
        .to_string()
        .replace("\"__HERE__\"", "99999999999999999999");
    let err = run("decideAcknowledgements", &text).unwrap_err();
    assert_eq!(
        err.path,
        "/purchaseOrders/0/orderDetails/items/0/orderedQuantity/amount"
    );
    // Beyond u64, serde_json reads it as a float: the wrong type for a count of units.
    assert_eq!(err.code, "INVALID_TYPE", "{err:?}");
}

#[test]
fn a_number_beyond_f64_is_refused_at_its_field() {
    let text = with_first_item_field("isBackOrderAllowed", "1e400");
    let err = run("decideAcknowledgements", &text).unwrap_err();
    assert_eq!(
        (err.code, err.path.as_str()),
        (
            "INVALID_VALUE",
            "/purchaseOrders/0/orderDetails/items/0/isBackOrderAllowed"
        )
    );
}

#[test]
fn a_forty_digit_decimal_is_refused_at_its_field() {
    let mut batch = ack_batch(1, 1);
    batch["purchaseOrders"][0]["orderDetails"]["items"][0]["netCost"]["amount"] =
        json!("1234567890123456789012345678901234567890");
    let err = run("decideAcknowledgements", &batch.to_string()).unwrap_err();
    assert_eq!(
        (err.code, err.path.as_str()),
        (
            "INVALID_DECIMAL",
            "/purchaseOrders/0/orderDetails/items/0/netCost/amount"
        )
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    // A free-form JSON field (`serde_json::Value`, the ASN under validation) reads every level
    // until serde_json's recursion limit (128) stops it.
    let text = format!(r#"{{"shipmentConfirmation": {deep}}}"#);
    let err = run("validateShipmentConfirmation", &text).unwrap_err();
    assert_eq!((err.code, err.path.as_str()), ("INVALID_JSON", ""));
    // Typed fields stop at the first level of the wrong type, with its pointer.
    for entry in ["decideAcknowledgements", "reconcile"] {
        let text = format!(r#"{{"purchaseOrders": {deep}}}"#);
        let err = run(entry, &text).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            // serde reads a struct from an array positionally: the first field is the wrong type.
            ("INVALID_TYPE", "/purchaseOrders/0/0"),
            "{entry}"
        );
    }
    // Deep objects where the engine keeps JSON as it is (previous ASNs).
    let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    let text = format!(
        r#"{{"shipmentConfirmation": {{}}, "previousShipments": [{deep_objects}], "now": "{NOW}"}}"#
    );
    let err = run("validateShipmentConfirmation", &text).unwrap_err();
    assert_eq!((err.code, err.path.as_str()), ("INVALID_JSON", ""));
}
