//! Issue 15 points 2–4: missing stock data is never a decision, approvals stick, promises are
//! kept current (re-runs, slipped and vanished receipts, shortfalls, delivery dates), and what
//! Amazon recorded is read back. Hand-written scenarios with exact expected outputs; every
//! request body is validated against the vendorOrders model; a property test over every PO
//! shape.
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
use vendor_central_connector::ack::{
    AckError, ApprovalError, approve_acknowledgement, check_acknowledgement_status,
    decide_acknowledgements,
};
use vendor_central_connector::error::{CodedError, InputError};
use vendor_central_connector::input::parse_input;

// ---- helpers --------------------------------------------------------------------------------

fn decide(input: &Value) -> Value {
    let out = decide_result(input).unwrap_or_else(|e| panic!("decide failed: {e}"));
    assert_valid_request(&out["request"]);
    for pending in out["pendingApproval"].as_array().unwrap() {
        // A proposal may lack a cost or its currency: that is why it is held (the approval
        // supplies them, else it is refused).
        assert_valid_body(&json!({ "acknowledgements": [pending["proposal"]] }), false);
    }
    out
}

fn decide_result(input: &Value) -> Result<Value, AckError> {
    let parsed = parse_input(&input.to_string())?;
    Ok(serde_json::to_value(decide_acknowledgements(parsed)?).unwrap())
}

fn approve(input: &Value) -> Result<Value, ApprovalError> {
    let parsed = parse_input(&input.to_string())?;
    let out = serde_json::to_value(approve_acknowledgement(parsed)?).unwrap();
    assert_valid_request(&out["request"]);
    Ok(out)
}

fn read_back(input: &Value) -> Result<Value, InputError> {
    let parsed = parse_input(&input.to_string())?;
    Ok(serde_json::to_value(check_acknowledgement_status(parsed)?).unwrap())
}

fn codes(out: &Value) -> Vec<String> {
    out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_string())
        .collect()
}

/// A JSON-schema check of `value` against `schema` (the subset the vendorOrders model uses:
/// `$ref`, `type`, `required`, `properties`, `items`, `enum`, `maxLength`, `minimum`), plus the
/// project's rule that every `netCost` sent names its currency.
fn validate(model: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/definitions/");
        return validate(model, &model["definitions"][name], value, path, errors);
    }
    let kind = schema.get("type").and_then(Value::as_str);
    let ok = match kind {
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        _ => true,
    };
    if !ok {
        errors.push(format!("{path}: not {kind:?}: {value}"));
        return;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(value) {
            errors.push(format!("{path}: {value} not in {values:?}"));
        }
    }
    if let (Some(max), Some(text)) = (
        schema.get("maxLength").and_then(Value::as_u64),
        value.as_str(),
    ) {
        if text.chars().count() as u64 > max {
            errors.push(format!("{path}: longer than {max}"));
        }
    }
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        for field in required {
            if value.get(field.as_str().unwrap()).is_none() {
                errors.push(format!("{path}: {field} missing"));
            }
        }
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        for (key, field) in object {
            match properties.get(key) {
                Some(sub) => validate(model, sub, field, &format!("{path}/{key}"), errors),
                None => errors.push(format!("{path}/{key}: not in the model")),
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(model, items, item, &format!("{path}/{i}"), errors);
        }
    }
}

fn assert_valid_request(request: &Value) {
    assert_valid_body(request, true);
}

fn assert_valid_body(request: &Value, cost_required: bool) {
    let model = common::load_model(common::ORDERS_MODEL);
    let schema = model["definitions"]["SubmitAcknowledgementRequest"].clone();
    let mut errors = Vec::new();
    validate(&model, &schema, request, "", &mut errors);
    for (i, ack) in request["acknowledgements"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        for (j, item) in ack["items"].as_array().unwrap().iter().enumerate() {
            let cost = &item["netCost"];
            if cost_required && !cost["currencyCode"].is_string() {
                errors.push(format!(
                    "/acknowledgements/{i}/items/{j}/netCost: no currencyCode"
                ));
            }
            for entry in item["itemAcknowledgements"].as_array().unwrap() {
                if entry["acknowledgedQuantity"]["amount"] == json!(0) {
                    errors.push(format!("/acknowledgements/{i}/items/{j}: an entry of 0"));
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "request does not validate: {errors:?}\n{request}"
    );
}

fn po(number: &str, items: Value) -> Value {
    json!({
        "purchaseOrderNumber": number,
        "purchaseOrderState": "New",
        "orderDetails": {
            "purchaseOrderDate": "2026-11-21T10:00:00Z",
            "purchaseOrderType": "RegularOrder",
            "sellingParty": { "partyId": "VEND1" },
            "shipWindow": "2026-11-28T00:00:00Z--2026-12-05T00:00:00Z",
            "items": items
        }
    })
}

fn eaches(seq: &str, asin: &str, amount: u64, cost: &str) -> Value {
    json!({
        "itemSequenceNumber": seq,
        "amazonProductIdentifier": asin,
        "orderedQuantity": { "amount": amount, "unitOfMeasure": "Eaches" },
        "isBackOrderAllowed": true,
        "netCost": { "amount": cost, "currencyCode": "USD" }
    })
}

fn sku_map() -> Value {
    json!([
        { "sku": "A", "asin": "B0000000AA" },
        { "sku": "B", "asin": "B0000000BB" },
        { "sku": "C", "asin": "B0000000CC" },
        { "sku": "D", "asin": "B0000000DD", "unitsPerCase": 6 }
    ])
}

// ---- 4. Never decide on missing stock data --------------------------------------------------

/// DESIGN / domain rules: "Missing stock data is not zero stock. A Rejected line is final. An
/// empty export, one cut at a paging limit, or a SKU with no stock row must be held for a
/// person, never rejected silently." RP guide: "If the first acknowledgement code for a
/// specific line item was 'rejected', you are not allowed to change this with your update to
/// either 'accepted' or 'backordered'."
#[test]
fn a_mapped_sku_without_a_stock_row_is_held_not_rejected() {
    let input = json!({
        "purchaseOrders": [po("PO-S1", json!([eaches("1", "B0000000AA", 4, "5.00"), eaches("2", "B0000000BB", 3, "7.00")]))],
        "inventory": [{ "sku": "A", "available": 10 }, { "sku": "C", "available": 1 }, { "sku": "X", "available": 1 }],
        "skuMap": sku_map(),
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), ["STOCK_ROW_MISSING", "APPROVAL_REQUIRED"]);
    let missing = &out["exceptions"][0];
    assert_eq!(missing["itemSequenceNumber"], "2");
    assert_eq!(missing["sku"], "B");
    assert_eq!(missing["severity"], "error");
    assert_eq!(
        missing["moneyAtRisk"],
        json!({ "amount": "21.00", "currencyCode": "USD" })
    );
    assert_eq!(
        missing["message"],
        "PO PO-S1 line 2: B has no row in the inventory export: is the export complete? Enter \
         its stock and decide the line (nothing was allocated), or set missingStockRow to \
         \"zero\" if the export lists every SKU"
    );
    assert_eq!(out["decisions"][0]["code"], "ACCEPTED");
    assert_eq!(out["decisions"][0]["status"], "pendingApproval");
    assert_eq!(out["decisions"][1]["code"], "STOCK_ROW_MISSING");
    assert_eq!(out["decisions"][1]["status"], "pendingApproval");
    assert_eq!(out["pendingApproval"][0]["purchaseOrderNumber"], "PO-S1");
    // Nothing reserved for the held line; the other line's stock is reserved as pending.
    assert_eq!(
        out["allocations"],
        json!([{ "sku": "A", "purchaseOrderNumber": "PO-S1", "itemSequenceNumber": "1",
                 "quantityEaches": 4, "inboundEaches": 0, "pending": true }])
    );

    // A host whose export is complete says so: a missing row is zero stock.
    let mut complete = input.clone();
    complete["options"] = json!({ "missingStockRow": "zero" });
    let out = decide(&complete);
    assert_eq!(codes(&out), Vec::<String>::new());
    assert_eq!(out["decisions"][1]["code"], "NO_STOCK");
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][1]["itemAcknowledgements"],
        json!([{ "acknowledgementCode": "Rejected",
                 "acknowledgedQuantity": { "amount": 3, "unitOfMeasure": "Eaches" },
                 "rejectionReason": "TemporarilyUnavailable" }])
    );
}

#[test]
fn an_empty_inventory_holds_the_batch_with_one_exception() {
    let input = json!({
        "purchaseOrders": [
            po("PO-E1", json!([eaches("1", "B0000000AA", 4, "5.00")])),
            po("PO-E2", json!([eaches("1", "B0000000BB", 2, "5.00")]))
        ],
        "inventory": [],
        "skuMap": sku_map(),
        "options": { "missingStockRow": "zero" },
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(
        codes(&out),
        [
            "INVENTORY_INCOMPLETE",
            "APPROVAL_REQUIRED",
            "APPROVAL_REQUIRED"
        ]
    );
    let batch = &out["exceptions"][0];
    assert!(batch.get("purchaseOrderNumber").is_none());
    assert_eq!(
        batch["message"],
        "every PO of this batch is held: the inventory export is empty: no line can be decided \
         on it (nothing was allocated); check the export and run again"
    );
    assert_eq!(out["pendingApproval"].as_array().unwrap().len(), 2);
    // Without the declaration, each line also says its row is missing.
    let mut default = input.clone();
    default["options"] = json!({});
    assert_eq!(
        codes(&decide(&default)),
        [
            "INVENTORY_INCOMPLETE",
            "STOCK_ROW_MISSING",
            "APPROVAL_REQUIRED",
            "STOCK_ROW_MISSING",
            "APPROVAL_REQUIRED"
        ]
    );
    // No SKU map either: nothing resolves, still held rather than rejected as unknown.
    let mut bare = default.clone();
    bare["skuMap"] = json!([]);
    let out = decide(&bare);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out)[0], "INVENTORY_INCOMPLETE");
}

#[test]
fn a_partial_inventory_holds_the_batch() {
    // Most PO SKUs missing: 2 of 3.
    let input = json!({
        "purchaseOrders": [po("PO-P1", json!([
            eaches("1", "B0000000AA", 1, "5.00"), eaches("2", "B0000000BB", 1, "5.00"),
            eaches("3", "B0000000CC", 1, "5.00")]))],
        "inventory": [{ "sku": "A", "available": 10 }],
        "skuMap": sku_map(),
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(
        codes(&out),
        [
            "INVENTORY_INCOMPLETE",
            "STOCK_ROW_MISSING",
            "STOCK_ROW_MISSING",
            "APPROVAL_REQUIRED"
        ]
    );
    assert_eq!(
        out["exceptions"][0]["message"],
        "every PO of this batch is held: 2 of the 3 SKUs on these POs have no row in the \
         inventory export of 1 rows: the export looks incomplete; check it and run again, or \
         set missingStockRow to \"zero\" if it lists every SKU"
    );

    // A row count on a paging boundary (here a page of 2): every SKU is there, still held.
    let paged = json!({
        "purchaseOrders": [po("PO-P2", json!([eaches("1", "B0000000AA", 1, "5.00")]))],
        "inventory": [{ "sku": "A", "available": 10 }, { "sku": "B", "available": 10 }],
        "skuMap": sku_map(),
        "options": { "inventoryPageSizes": [2] },
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&paged);
    assert_eq!(codes(&out), ["INVENTORY_INCOMPLETE", "APPROVAL_REQUIRED"]);
    // The default page is NetSuite's 1,000 (search.ResultSet.getRange and runPaged pages).
    let mut thousand = paged.clone();
    thousand["options"] = json!({});
    thousand["inventory"] = Value::Array(
        (0..1000)
            .map(|i| json!({ "sku": if i == 0 { "A".to_string() } else { format!("Z{i}") }, "available": 10 }))
            .collect(),
    );
    assert_eq!(codes(&decide(&thousand))[0], "INVENTORY_INCOMPLETE");
    thousand["inventory"].as_array_mut().unwrap().pop();
    assert_eq!(codes(&decide(&thousand)), Vec::<String>::new());
    // A host whose export is complete turns the guess off.
    let mut declared = paged.clone();
    declared["options"] = json!({ "inventoryPageSizes": [2], "missingStockRow": "zero" });
    assert_eq!(codes(&decide(&declared)), Vec::<String>::new());
}

#[test]
fn missing_stock_settings_are_checked() {
    let base = json!({
        "purchaseOrders": [po("PO-B1", json!([eaches("1", "B0000000AA", 1, "5.00")]))],
        "inventory": [{ "sku": "A", "available": 10 }],
        "now": "2026-11-21T12:00:00Z"
    });
    for (options, code, path) in [
        (
            json!({ "missingStockRow": "maybe" }),
            "UNKNOWN_ENUM",
            "/options/missingStockRow",
        ),
        (
            json!({ "inventoryPageSizes": [-1] }),
            "INVALID_VALUE",
            "/options/inventoryPageSizes/0",
        ),
        (
            json!({ "inventoryPageSizes": 1000 }),
            "INVALID_TYPE",
            "/options/inventoryPageSizes",
        ),
        (
            json!({ "downConfirm": "always" }),
            "UNKNOWN_ENUM",
            "/options/downConfirm",
        ),
        (
            json!({ "transitDays": 1.5 }),
            "INVALID_TYPE",
            "/options/transitDays",
        ),
    ] {
        let mut input = base.clone();
        input["options"] = options;
        let err = decide_result(&input).expect_err("refused");
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{input}");
    }
}

// ---- 3. Re-runs send nothing, for every PO shape ---------------------------------------------

/// The issue: a Cases line without `unitSize` (filled from the SKU map's `unitsPerCase`) was
/// never recognised as unchanged: Accepted 4, then Accepted 1 + Rejected 3.
#[test]
fn a_cases_line_sized_by_the_sku_map_is_unchanged_on_a_rerun() {
    let item = json!({
        "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000DD",
        "orderedQuantity": { "amount": 4, "unitOfMeasure": "Cases" },
        "isBackOrderAllowed": false,
        "netCost": { "amount": "2.00", "currencyCode": "USD" }
    });
    let input = json!({
        "purchaseOrders": [po("PO-C1", json!([item]))],
        "inventory": [{ "sku": "D", "available": 30 }],
        "skuMap": sku_map(),
        "now": "2026-11-21T12:00:00Z"
    });
    let first = decide(&input);
    assert_eq!(
        first["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"],
        json!([{ "acknowledgementCode": "Accepted",
                 "acknowledgedQuantity": { "amount": 4, "unitOfMeasure": "Cases", "unitSize": 6 } }])
    );
    let mut again = input.clone();
    again["history"] = first["request"]["acknowledgements"].clone();
    again["now"] = json!("2026-11-21T18:00:00Z");
    let second = decide(&again);
    assert_eq!(second["request"]["acknowledgements"], json!([]));
    assert_eq!(second["decisions"][0]["code"], "UNCHANGED");
    assert_eq!(second["decisions"][0]["accepted"], 4);
    assert_eq!(second["allocations"], first["allocations"]);
    assert_eq!(codes(&second), Vec::<String>::new());
}

/// A random PO of any shape: Eaches; Cases with a numeric, a string or no `unitSize` (the SKU
/// map's `unitsPerCase`); "CASES" spelt as in the sandbox; weight-priced costs; no cost; ship
/// or delivery window; every PO type; backorders allowed or not.
fn arbitrary_shapes() -> impl Strategy<Value = Value> {
    let line = (1u64..30, 0usize..6, 0usize..4, prop::bool::ANY, 0usize..8);
    let order = (
        prop::collection::vec(line, 1..5),
        0i64..60,
        prop::bool::ANY,
        0usize..4,
    );
    let stock = (0u64..150, 0u64..80, 0i64..20);
    (
        prop::collection::vec(order, 1..6),
        prop::collection::vec(stock, 4),
    )
        .prop_map(|(orders, stock)| {
            let sizes = [1u64, 6, 4, 12];
            let types = ["RegularOrder", "RushOrder", "NewProductIntroduction", "ConsignedOrder"];
            let orders: Vec<Value> = orders
                .iter()
                .enumerate()
                .map(|(i, (lines, hours, delivery, kind))| {
                    let items: Vec<Value> = lines
                        .iter()
                        .enumerate()
                        .map(|(j, (amount, shape, sku, backorder, cost))| {
                            let size = sizes[*sku];
                            let quantity = match shape {
                                0 => json!({ "amount": amount, "unitOfMeasure": "Eaches" }),
                                1 => json!({ "amount": amount, "unitOfMeasure": "Cases", "unitSize": size }),
                                2 => json!({ "amount": amount, "unitOfMeasure": "Cases" }),
                                3 => json!({ "amount": amount, "unitOfMeasure": "Cases", "unitSize": size.to_string() }),
                                4 => json!({ "amount": amount, "unitOfMeasure": "CASES", "unitSize": size }),
                                _ => json!({ "amount": amount }),
                            };
                            let net_cost = match cost {
                                0 => Value::Null,
                                1 => json!({ "amount": "0.45", "currencyCode": "USD", "unitOfMeasure": "POUNDS" }),
                                2 => json!({ "amount": "3.10" }),
                                _ => json!({ "amount": format!("{}.25", cost), "currencyCode": "USD" }),
                            };
                            let mut item = json!({
                                "itemSequenceNumber": format!("{:05}", j + 1),
                                "amazonProductIdentifier": format!("B00000000{sku}"),
                                "orderedQuantity": quantity,
                                "isBackOrderAllowed": backorder,
                                "listPrice": { "amount": "9.99", "currencyCode": "USD" }
                            });
                            if !net_cost.is_null() {
                                item["netCost"] = net_cost;
                            }
                            item
                        })
                        .collect();
                    let date = format!("2026-11-{:02}T{:02}:00:00Z", 19 + hours / 24, hours % 24);
                    let mut order = json!({
                        "purchaseOrderNumber": format!("PO{i:03}"),
                        "purchaseOrderState": "New",
                        "orderDetails": {
                            "purchaseOrderDate": date,
                            "purchaseOrderType": types[*kind],
                            "sellingParty": { "partyId": "VEND1" },
                            "items": items
                        }
                    });
                    let window = "2026-11-30T00:00:00Z--2026-12-10T00:00:00Z";
                    let field = if *delivery { "deliveryWindow" } else { "shipWindow" };
                    order["orderDetails"][field] = json!(window);
                    order
                })
                .collect();
            let inventory: Vec<Value> = stock
                .iter()
                .enumerate()
                .map(|(k, (available, inbound, days))| json!({
                    "sku": format!("S{k}"), "available": available,
                    "inbound": [{ "quantity": inbound, "expectedDate": format!("2026-11-{:02}T00:00:00Z", 22 + days % 8) }]
                }))
                .collect();
            let sku_map: Vec<Value> = (0..4)
                .map(|k| json!({ "sku": format!("S{k}"), "asin": format!("B00000000{k}"), "unitsPerCase": sizes[k] }))
                .collect();
            json!({ "purchaseOrders": orders, "inventory": inventory, "skuMap": sku_map,
                    "now": "2026-11-21T12:00:00Z" })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// DESIGN, testing layers: "idempotent re-run". Decide; feed the request back as history;
    /// decide again: nothing to send, nothing re-allocated, every acknowledged line unchanged
    /// with the quantities it was acknowledged with.
    #[test]
    fn a_rerun_with_its_own_request_as_history_sends_nothing_for_every_shape(batch in arbitrary_shapes()) {
        let first = decide(&batch);
        let mut again = batch.clone();
        again["history"] = first["request"]["acknowledgements"].clone();
        again["now"] = json!("2026-11-21T13:00:00Z");
        let second = decide(&again);
        prop_assert_eq!(&second["request"]["acknowledgements"], &json!([]));
        prop_assert_eq!(&second["allocations"], &first["allocations"]);
        for (a, b) in first["decisions"].as_array().unwrap().iter().zip(second["decisions"].as_array().unwrap()) {
            if a["status"] == "acknowledged" {
                prop_assert_eq!(&b["code"], &json!("UNCHANGED"), "{} then {}", a, b);
                for field in ["accepted", "backordered", "rejected"] {
                    prop_assert_eq!(&a[field], &b[field]);
                }
            } else {
                // Held lines stay held with the same suggestion (the wording may mention the
                // promises now charged first).
                let (mut a, mut b) = (a.clone(), b.clone());
                a["reason"] = Value::Null;
                b["reason"] = Value::Null;
                prop_assert_eq!(a, b);
            }
        }
        let unexpected: Vec<String> = codes(&second).into_iter()
            .filter(|c| ["OVERCOMMITTED", "BACKORDER_SLIPPED", "BACKORDER_UNCOVERED", "CHANGE_WINDOW_CLOSED"].contains(&c.as_str()))
            .collect();
        prop_assert!(unexpected.is_empty(), "{:?}", unexpected);
    }
}

// ---- 2. Approvals that stick ----------------------------------------------------------------

/// RP guide: "Yes, vendors are required to return the unit cost price in the acknowledgement.
/// The cost price should match the unit cost price that will be invoiced." An approved cost is
/// what was promised: the next runs keep it, even 3 days later, and raise nothing.
#[test]
fn an_approved_cost_for_a_po_without_one_sticks() {
    let mut item = eaches("1", "B0000000AA", 4, "5.00");
    item.as_object_mut().unwrap().remove("netCost");
    let input = json!({
        "purchaseOrders": [po("PO-A1", json!([item]))],
        "inventory": [{ "sku": "A", "available": 10 }],
        "skuMap": sku_map(),
        "now": "2026-11-21T12:00:00Z"
    });
    let held = decide(&input);
    assert_eq!(codes(&held), ["MISSING_NET_COST", "APPROVAL_REQUIRED"]);
    let approval = json!({
        "proposal": held["pendingApproval"][0],
        "approved": [{ "itemSequenceNumber": "1", "netCost": "4.50" }],
        "currencyCode": "USD",
        "approver": "jane@vendor.example",
        "now": "2026-11-21T13:00:00Z"
    });
    let approved = approve(&approval).unwrap();
    let body = &approved["request"]["acknowledgements"][0];
    assert_eq!(
        body["items"][0],
        json!({ "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000AA",
                "orderedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" },
                "netCost": { "currencyCode": "USD", "amount": "4.50" },
                "itemAcknowledgements": [{ "acknowledgementCode": "Accepted",
                    "acknowledgedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" } }] })
    );
    // Without a currency anywhere, the approval is refused in words about the line.
    let mut no_currency = approval.clone();
    no_currency.as_object_mut().unwrap().remove("currencyCode");
    let err = approve(&no_currency).unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("MISSING_CURRENCY", "/currencyCode")
    );
    assert_eq!(
        err.to_string(),
        "line 1: the PO gives no currency for its cost; pass `currencyCode` with the approval"
    );

    for now in ["2026-11-21T14:00:00Z", "2026-11-24T14:00:00Z"] {
        let mut again = input.clone();
        again["history"] = approved["request"]["acknowledgements"].clone();
        again["now"] = json!(now);
        let out = decide(&again);
        assert_eq!(out["request"]["acknowledgements"], json!([]), "{now}");
        assert_eq!(out["pendingApproval"], json!([]), "{now}");
        assert_eq!(codes(&out), Vec::<String>::new(), "{now}");
        assert_eq!(out["decisions"][0]["code"], "UNCHANGED");
        assert_eq!(out["decisions"][0]["accepted"], 4);
    }
}

/// A cost lowered by the approver (the PO's 5.00 against the ERP's expected 4.50) sticks, and a
/// later change by Amazon re-decides the line at the approved cost, not the PO's.
#[test]
fn a_lowered_cost_sticks_and_survives_an_amazon_change() {
    let input = json!({
        "purchaseOrders": [po("PO-A2", json!([eaches("1", "B0000000AA", 4, "5.00")]))],
        "inventory": [{ "sku": "A", "available": 10 }],
        "skuMap": sku_map(),
        "rules": { "skus": { "A": { "expectedNetCost": "4.50" } } },
        "now": "2026-11-21T12:00:00Z"
    });
    let held = decide(&input);
    assert_eq!(codes(&held), ["COST_MISMATCH", "APPROVAL_REQUIRED"]);
    let approved = approve(&json!({
        "proposal": held["pendingApproval"][0],
        "approved": [{ "itemSequenceNumber": "1", "accepted": 4, "netCost": 4.5 }],
        "now": "2026-11-21T13:00:00Z"
    }))
    .unwrap();
    let history = approved["request"]["acknowledgements"].clone();
    assert_eq!(
        history[0]["items"][0]["netCost"],
        json!({ "currencyCode": "USD", "amount": "4.5" })
    );

    let mut again = input.clone();
    again["history"] = history.clone();
    again["now"] = json!("2026-11-24T12:00:00Z");
    let out = decide(&again);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), Vec::<String>::new());

    // Amazon lowers the quantity to 3 on 2026-11-22: the line is re-decided within the window
    // of the change, at the approved cost.
    let mut changed = again.clone();
    changed["purchaseOrders"][0]["orderDetails"]["purchaseOrderChangedDate"] =
        json!("2026-11-22T09:00:00Z");
    changed["purchaseOrders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["amount"] =
        json!(3);
    changed["now"] = json!("2026-11-22T10:00:00Z");
    let out = decide(&changed);
    assert_eq!(codes(&out), Vec::<String>::new());
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["netCost"],
        json!({ "currencyCode": "USD", "amount": "4.5" })
    );
    assert_eq!(out["decisions"][0]["code"], "ACCEPTED");
}

/// The README: lines the approver leaves blank keep the suggestion; refusals are sentences
/// about the approver's lines.
#[test]
fn approver_input_as_typed_blank_keeps_the_suggestion_and_bad_values_are_sentences() {
    let item = json!({
        "itemSequenceNumber": "2", "amazonProductIdentifier": "B0000000DD",
        "orderedQuantity": { "amount": 5, "unitOfMeasure": "Cases", "unitSize": 6 },
        "isBackOrderAllowed": false,
        "netCost": { "amount": "2.00", "currencyCode": "USD" }
    });
    let input = json!({
        "purchaseOrders": [po("PO-A3", json!([item]))],
        "inventory": [{ "sku": "D", "available": 18 }],
        "skuMap": sku_map(),
        "rules": { "defaults": { "autoAcknowledge": false } },
        "now": "2026-11-21T12:00:00Z"
    });
    let held = decide(&input);
    let proposal = &held["pendingApproval"][0];
    let suggested = proposal["proposal"]["items"].clone();
    for blank in [
        json!({ "itemSequenceNumber": "2" }),
        json!({ "itemSequenceNumber": "2", "accepted": null }),
        json!({ "itemSequenceNumber": "2", "accepted": "", "backordered": " " }),
    ] {
        let out = approve(
            &json!({ "proposal": proposal, "approved": [blank], "now": "2026-11-21T13:00:00Z" }),
        )
        .unwrap();
        assert_eq!(
            out["request"]["acknowledgements"][0]["items"], suggested,
            "{blank}"
        );
    }
    // A number typed as text is a number.
    let out = approve(&json!({ "proposal": proposal,
        "approved": [{ "itemSequenceNumber": "2", "accepted": "2" }], "now": "2026-11-21T13:00:00Z" }))
    .unwrap();
    assert_eq!(out["decisions"][0]["accepted"], 2);
    assert_eq!(out["decisions"][0]["rejected"], 3);

    for (approved, code, path, message) in [
        (
            json!({ "itemSequenceNumber": "2", "accepted": 0.5 }),
            "INVALID_TYPE",
            "/approved/0/accepted",
            "line 2: 0.5 is not a whole number of cases",
        ),
        (
            json!({ "itemSequenceNumber": "2", "accepted": "abc" }),
            "INVALID_TYPE",
            "/approved/0/accepted",
            "line 2: \"abc\" is not a whole number of cases",
        ),
        (
            json!({ "itemSequenceNumber": "2", "accepted": 1, "backordered": -1 }),
            "INVALID_VALUE",
            "/approved/0/backordered",
            "line 2: -1 is not a whole number of cases",
        ),
        (
            json!({ "itemSequenceNumber": "2", "accepted": 6 }),
            "APPROVED_ABOVE_ORDERED",
            "/approved/0/accepted",
            "line 2: 6 approved but only 5 ordered",
        ),
        (
            json!({ "itemSequenceNumber": "2", "accepted": 4 }),
            "APPROVED_ABOVE_ALLOCATABLE",
            "/approved/0/accepted",
            "line 2: 4 accepted but only 3 are allocatable; give an override reason to accept more",
        ),
        (
            json!({ "itemSequenceNumber": "2", "netCost": "2,00" }),
            "INVALID_NET_COST",
            "/approved/0/netCost",
            "line 2: 2,00 is not a cost that can be sent: it must be a positive amount, not above the PO cost",
        ),
        (
            json!({ "itemSequenceNumber": "2", "netCost": "2.50" }),
            "INVALID_NET_COST",
            "/approved/0/netCost",
            "line 2: 2.50 is not a cost that can be sent: it must be a positive amount, not above the PO cost",
        ),
    ] {
        let err = approve(
            &json!({ "proposal": proposal, "approved": [approved], "now": "2026-11-21T13:00:00Z" }),
        )
        .unwrap_err();
        assert_eq!(
            (err.code(), err.path().as_str(), err.to_string().as_str()),
            (code, path, message)
        );
    }
}

// ---- 5. NewProductIntroduction --------------------------------------------------------------

/// RP guide: "Do not process or ship an item that arrived with an invalid item number on the
/// order"; InvalidProductIdentifier is final. On a NewProductIntroduction PO the product is new,
/// so an unknown one is most likely not set up yet: held for review whatever the default.
#[test]
fn an_unknown_product_on_a_new_product_po_is_held() {
    let mut npi = po("PO-N1", json!([eaches("1", "B0NEW00001", 2, "5.00")]));
    npi["orderDetails"]["purchaseOrderType"] = json!("NewProductIntroduction");
    let regular = po("PO-N2", json!([eaches("1", "B0NEW00002", 2, "5.00")]));
    let out = decide(&json!({
        "purchaseOrders": [npi, regular],
        "inventory": [{ "sku": "A", "available": 10 }],
        "options": { "unknownProduct": "reject" },
        "now": "2026-11-21T12:00:00Z"
    }));
    assert_eq!(
        codes(&out),
        ["UNKNOWN_PRODUCT", "APPROVAL_REQUIRED", "UNKNOWN_PRODUCT"]
    );
    assert_eq!(out["exceptions"][0]["severity"], "error");
    assert_eq!(out["exceptions"][2]["severity"], "warning");
    assert_eq!(out["pendingApproval"][0]["purchaseOrderNumber"], "PO-N1");
    assert_eq!(
        out["request"]["acknowledgements"][0]["purchaseOrderNumber"],
        "PO-N2"
    );
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"][0]["rejectionReason"],
        "InvalidProductIdentifier"
    );
}

// ---- 3. Backorders: delivery dates, slipped and vanished receipts, shortfalls ----------------

/// vendorOrders model, Backordered: "Vendor placed a backorder to fulfill the original order and
/// provides a scheduledShipDate or scheduledDeliveryDate". domain rules: "Vendor-paid freight
/// (delivery window) POs carry scheduledDeliveryDate."
#[test]
fn a_delivery_window_po_backorders_with_a_delivery_date() {
    let mut order = po("PO-D1", json!([eaches("1", "B0000000AA", 5, "5.00")]));
    let details = order["orderDetails"].as_object_mut().unwrap();
    details.remove("shipWindow");
    details.insert(
        "deliveryWindow".into(),
        json!("2026-11-30T00:00:00Z--2026-12-05T00:00:00Z"),
    );
    let out = decide(&json!({
        "purchaseOrders": [order],
        "inventory": [{ "sku": "A", "available": 2,
            "inbound": [{ "quantity": 10, "expectedDate": "2026-11-25T00:00:00Z" }] }],
        "skuMap": sku_map(),
        "options": { "transitDays": 3 },
        "now": "2026-11-21T12:00:00Z"
    }));
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"],
        json!([
            { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" } },
            { "acknowledgementCode": "Backordered", "acknowledgedQuantity": { "amount": 3, "unitOfMeasure": "Eaches" },
              "scheduledShipDate": "2026-11-26T00:00:00Z", "scheduledDeliveryDate": "2026-11-29T00:00:00Z" }
        ])
    );
}

/// History of PO-R1: acknowledged 2026-11-21T12:00Z, 2 accepted and 5 backordered to ship
/// 2026-11-26 (a receipt of 2026-11-25 + 1 day).
fn promised() -> (Value, Value) {
    let order = po("PO-R1", json!([eaches("1", "B0000000AA", 7, "5.00")]));
    let history = json!([{
        "purchaseOrderNumber": "PO-R1", "sellingParty": { "partyId": "VEND1" },
        "acknowledgementDate": "2026-11-21T12:00:00Z",
        "items": [{ "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000AA",
            "orderedQuantity": { "amount": 7, "unitOfMeasure": "Eaches" },
            "netCost": { "currencyCode": "USD", "amount": "5.00" },
            "itemAcknowledgements": [
                { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" } },
                { "acknowledgementCode": "Backordered", "acknowledgedQuantity": { "amount": 5, "unitOfMeasure": "Eaches" },
                  "scheduledShipDate": "2026-11-26T00:00:00Z" } ] }]
    }]);
    (order, history)
}

/// RP guide: "For any change in quantity, price, ship dates, or delivery dates, Amazon expects an
/// update to the acknowledgement submitted by the vendor within 48 hours. … After 48 hours, we
/// only expect to receive updates to ship dates or delivery dates."
#[test]
fn a_slipped_receipt_updates_the_promised_date_even_after_48_hours() {
    let (order, history) = promised();
    let input = json!({
        "purchaseOrders": [order],
        "inventory": [{ "sku": "A", "available": 2,
            "inbound": [{ "quantity": 5, "expectedDate": "2026-11-28T00:00:00Z" }] }],
        "skuMap": sku_map(),
        "history": history,
        "now": "2026-11-24T08:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(codes(&out), ["BACKORDER_SLIPPED"]);
    assert_eq!(
        out["exceptions"][0]["message"],
        "PO PO-R1 line 1: 5 units of A backordered to ship 2026-11-26 now ship 2026-11-29: the \
         inbound receipt slipped; the date update is sent (Amazon accepts date updates after 48 \
         hours)"
    );
    assert_eq!(
        out["exceptions"][0]["moneyAtRisk"],
        json!({ "amount": "35.00", "currencyCode": "USD" })
    );
    assert_eq!(
        out["request"]["acknowledgements"],
        json!([{ "purchaseOrderNumber": "PO-R1", "sellingParty": { "partyId": "VEND1" },
            "acknowledgementDate": "2026-11-24T08:00:00Z",
            "items": [{ "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000AA",
                "orderedQuantity": { "amount": 7, "unitOfMeasure": "Eaches" },
                "netCost": { "currencyCode": "USD", "amount": "5.00" },
                "itemAcknowledgements": [
                    { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" } },
                    { "acknowledgementCode": "Backordered", "acknowledgedQuantity": { "amount": 5, "unitOfMeasure": "Eaches" },
                      "scheduledShipDate": "2026-11-29T00:00:00Z" } ] }] }])
    );
    assert_eq!(out["decisions"][0]["code"], "PROMISE_DATE_UPDATED");
    assert_eq!(out["decisions"][0]["status"], "acknowledged");
    assert_eq!(
        out["allocations"],
        json!([{ "sku": "A", "purchaseOrderNumber": "PO-R1", "itemSequenceNumber": "1",
                 "quantityEaches": 2, "inboundEaches": 5, "pending": false }])
    );
    // Sent and fed back: kept.
    let mut again = input.clone();
    let mut history = input["history"].as_array().unwrap().clone();
    history.extend(
        out["request"]["acknowledgements"]
            .as_array()
            .unwrap()
            .iter()
            .cloned(),
    );
    again["history"] = json!(history);
    let second = decide(&again);
    assert_eq!(second["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&second), Vec::<String>::new());

    // A host that wants a person to send date updates gets the exception only.
    let mut review = input.clone();
    review["options"] = json!({ "promiseDateUpdates": "review" });
    let out = decide(&review);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), ["BACKORDER_SLIPPED"]);
    assert!(out["exceptions"][0]["message"].as_str().unwrap().ends_with(
        "now ship 2026-11-29: the inbound receipt slipped; update the date with Amazon \
         (promiseDateUpdates is review)"
    ));
    // A receipt that comes earlier keeps the promise as it is.
    let mut earlier = input.clone();
    earlier["inventory"][0]["inbound"][0]["expectedDate"] = json!("2026-11-23T00:00:00Z");
    let out = decide(&earlier);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), Vec::<String>::new());
}

#[test]
fn a_vanished_receipt_proposes_a_down_confirmation_within_48_hours() {
    let (order, history) = promised();
    let input = json!({
        "purchaseOrders": [order],
        "inventory": [{ "sku": "A", "available": 2 }],
        "skuMap": sku_map(),
        "history": history,
        "now": "2026-11-22T08:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(codes(&out), ["BACKORDER_UNCOVERED", "APPROVAL_REQUIRED"]);
    assert_eq!(
        out["exceptions"][0]["message"],
        "PO PO-R1 line 1: 5 of 5 units of A backordered to ship 2026-11-26 are no longer covered \
         by an inbound receipt or stock (the receipt vanished): down-confirmation proposed \
         (rejected TemporarilyUnavailable)"
    );
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    let pending = &out["pendingApproval"][0];
    assert_eq!(pending["lines"][0]["suggestedAccepted"], 2);
    assert_eq!(pending["lines"][0]["suggestedBackorders"], json!([]));
    assert_eq!(pending["lines"][0]["suggestedRejected"], 5);
    assert_eq!(pending["lines"][0]["code"], "DOWN_CONFIRMED");
    // Approved as proposed: the body down-confirms.
    let approved = approve(&json!({ "proposal": pending, "now": "2026-11-22T09:00:00Z" })).unwrap();
    assert_eq!(
        approved["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"],
        json!([
            { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" } },
            { "acknowledgementCode": "Rejected", "acknowledgedQuantity": { "amount": 5, "unitOfMeasure": "Eaches" },
              "rejectionReason": "TemporarilyUnavailable" }
        ])
    );
    // Automatic by rule.
    let mut auto = input.clone();
    auto["options"] = json!({ "downConfirm": "auto" });
    let out = decide(&auto);
    assert_eq!(codes(&out), ["BACKORDER_UNCOVERED"]);
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"],
        approved["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"]
    );
    // After the 48-hour window only the exception: quantities can no longer change.
    let mut late = input.clone();
    late["now"] = json!("2026-11-24T08:00:00Z");
    let out = decide(&late);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(out["pendingApproval"], json!([]));
    assert_eq!(codes(&out), ["BACKORDER_UNCOVERED"]);
    assert_eq!(out["decisions"][0]["code"], "UNCHANGED");
    assert!(out["exceptions"][0]["message"].as_str().unwrap().ends_with(
        "the 48-hour change window is closed: find stock, or agree the shortfall with the \
         Amazon buyer"
    ));
    // A receipt booked into stock since still covers the promise.
    let mut booked = input.clone();
    booked["inventory"][0]["available"] = json!(7);
    let out = decide(&booked);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), Vec::<String>::new());
}

/// OVERCOMMITTED used to only report. Within the change window it proposes the
/// re-acknowledgement that down-confirms the accepted units stock no longer covers.
#[test]
fn an_on_hand_shortfall_proposes_the_down_confirmation() {
    let order = po("PO-O1", json!([eaches("1", "B0000000AA", 4, "5.00")]));
    let history = json!([{
        "purchaseOrderNumber": "PO-O1", "sellingParty": { "partyId": "VEND1" },
        "acknowledgementDate": "2026-11-21T12:00:00Z",
        "items": [{ "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000AA",
            "orderedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" },
            "netCost": { "currencyCode": "USD", "amount": "5.00" },
            "itemAcknowledgements": [
                { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" } } ] }]
    }]);
    let input = json!({
        "purchaseOrders": [order],
        "inventory": [{ "sku": "A", "available": 1 }],
        "skuMap": sku_map(),
        "history": history,
        "options": { "downConfirm": "auto" },
        "now": "2026-11-22T08:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(codes(&out), ["OVERCOMMITTED"]);
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["itemAcknowledgements"],
        json!([
            { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" } },
            { "acknowledgementCode": "Rejected", "acknowledgedQuantity": { "amount": 3, "unitOfMeasure": "Eaches" },
              "rejectionReason": "TemporarilyUnavailable" }
        ])
    );
    assert_eq!(out["decisions"][0]["code"], "DOWN_CONFIRMED");
    assert_eq!(
        out["allocations"],
        json!([{ "sku": "A", "purchaseOrderNumber": "PO-O1", "itemSequenceNumber": "1",
                 "quantityEaches": 1, "inboundEaches": 0, "pending": false }])
    );
    // Re-run with it: kept.
    let mut again = input.clone();
    let mut history = input["history"].as_array().unwrap().clone();
    history.extend(
        out["request"]["acknowledgements"]
            .as_array()
            .unwrap()
            .iter()
            .cloned(),
    );
    again["history"] = json!(history);
    let second = decide(&again);
    assert_eq!(second["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&second), Vec::<String>::new());
}

// ---- 3. Read back what Amazon recorded -------------------------------------------------------

fn sent() -> Value {
    json!([{
        "purchaseOrderNumber": "PO-RB1", "sellingParty": { "partyId": "VEND1" },
        "acknowledgementDate": "2026-11-21T12:00:00Z",
        "items": [
            { "itemSequenceNumber": "1", "amazonProductIdentifier": "B0000000AA",
              "orderedQuantity": { "amount": 10, "unitOfMeasure": "Eaches" },
              "netCost": { "currencyCode": "USD", "amount": "5.00" },
              "itemAcknowledgements": [
                { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 6, "unitOfMeasure": "Eaches" } },
                { "acknowledgementCode": "Rejected", "acknowledgedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" },
                  "rejectionReason": "TemporarilyUnavailable" } ] },
            { "itemSequenceNumber": "2", "amazonProductIdentifier": "B0000000DD",
              "orderedQuantity": { "amount": 2, "unitOfMeasure": "Cases", "unitSize": 6 },
              "netCost": { "currencyCode": "USD", "amount": "2.00" },
              "itemAcknowledgements": [
                { "acknowledgementCode": "Accepted", "acknowledgedQuantity": { "amount": 2, "unitOfMeasure": "Cases", "unitSize": 6 } } ] }
        ]
    }])
}

fn status(line1: Value, line2: Value) -> Value {
    json!([{ "purchaseOrderNumber": "PO-RB1", "purchaseOrderStatus": "OPEN",
             "purchaseOrderDate": "2026-11-21T10:00:00.00Z",
             "itemStatus": [
                { "itemSequenceNumber": "1", "acknowledgementStatus": line1 },
                { "itemSequenceNumber": "2", "acknowledgementStatus": line2 } ] }])
}

/// vendorOrders model, `confirmationStatus`: "PARTIALLY_ACCEPTED: Status for orders that are
/// partially accepted by vendors", "UNCONFIRMED: Status for orders that are yet to be confirmed
/// by vendors". RP guide: "Allow the system to take up to 30 minutes to show the original or
/// updated version once submitted."
#[test]
fn read_back_confirms_waits_and_raises_unconfirmed_and_mismatched_lines() {
    let recorded = status(
        json!({ "confirmationStatus": "PARTIALLY_ACCEPTED",
                "acceptedQuantity": { "amount": 6, "unitOfMeasure": "Eaches" },
                "rejectedQuantity": { "amount": 4, "unitOfMeasure": "Eaches" } }),
        json!({ "confirmationStatus": "ACCEPTED",
                "acceptedQuantity": { "amount": 12, "unitOfMeasure": "Eaches" } }),
    );
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": recorded, "now": "2026-11-21T13:00:00Z" }),
    )
    .unwrap();
    let statuses: Vec<&Value> = out["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["status"])
        .collect();
    assert_eq!(statuses, [&json!("confirmed"), &json!("confirmed")]);
    assert_eq!(out["exceptions"], json!([]));

    let unconfirmed = status(
        json!({ "confirmationStatus": "UNCONFIRMED" }),
        json!({ "confirmationStatus": "UNCONFIRMED" }),
    );
    // Within 30 minutes of sending: pending, nothing raised.
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": unconfirmed, "now": "2026-11-21T12:20:00Z" }),
    )
    .unwrap();
    assert_eq!(out["lines"][0]["status"], "pending");
    assert_eq!(out["exceptions"], json!([]));
    // Later but far from the deadline (2026-11-22T10:00Z): unconfirmed, not yet raised.
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": unconfirmed, "now": "2026-11-21T14:00:00Z" }),
    )
    .unwrap();
    assert_eq!(out["lines"][0]["status"], "unconfirmed");
    assert_eq!(out["exceptions"], json!([]));
    // Near the deadline: a warning per line; past it: an error.
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": unconfirmed, "now": "2026-11-22T07:00:00Z" }),
    )
    .unwrap();
    assert_eq!(
        codes(&out),
        ["ACKNOWLEDGEMENT_UNCONFIRMED", "ACKNOWLEDGEMENT_UNCONFIRMED"]
    );
    assert_eq!(out["exceptions"][0]["severity"], "warning");
    assert_eq!(out["exceptions"][0]["dueAt"], "2026-11-22T10:00:00Z");
    assert_eq!(
        out["exceptions"][0]["moneyAtRisk"],
        json!({ "amount": "50.00", "currencyCode": "USD" })
    );
    assert_eq!(
        out["exceptions"][1]["moneyAtRisk"],
        json!({ "amount": "24.00", "currencyCode": "USD" })
    );
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": unconfirmed, "now": "2026-11-22T11:00:00Z" }),
    )
    .unwrap();
    assert_eq!(out["exceptions"][0]["severity"], "error");
    assert_eq!(
        out["exceptions"][0]["message"],
        "PO PO-RB1 line 1: acknowledged 2026-11-21T12:00:00Z (6 accepted, 0 backordered, 4 \
         rejected), but Amazon still shows it UNCONFIRMED with the deadline \
         2026-11-22T10:00:00Z: check the transaction status and send it again, or confirm the PO \
         in Vendor Central; unacknowledged lines are treated as rejected"
    );

    // Amazon recorded all 10 accepted: a mismatch. Line 2 missing from the rows.
    let mut mismatched = status(
        json!({ "confirmationStatus": "ACCEPTED", "acceptedQuantity": { "amount": 10, "unitOfMeasure": "Eaches" } }),
        json!({}),
    );
    mismatched[0]["itemStatus"].as_array_mut().unwrap().pop();
    let out = read_back(
        &json!({ "sent": sent(), "ordersStatus": mismatched, "now": "2026-11-21T13:00:00Z" }),
    )
    .unwrap();
    assert_eq!(
        codes(&out),
        ["ACKNOWLEDGEMENT_MISMATCH", "ACKNOWLEDGEMENT_STATUS_MISSING"]
    );
    assert_eq!(out["lines"][0]["status"], "mismatch");
    assert_eq!(out["lines"][1]["status"], "missing");
    assert_eq!(
        out["exceptions"][0]["message"],
        "PO PO-RB1 line 1: sent 2026-11-21T12:00:00Z as 6 accepted, 0 backordered, 4 rejected, \
         but Amazon recorded ACCEPTED with 10 accepted and 0 rejected: send the acknowledgement \
         of the line again, or open a Contact Us case in Vendor Central"
    );
}

#[test]
fn read_back_refuses_bad_input_with_a_pointer() {
    for (input, code, path) in [
        (
            json!({ "sent": [], "now": "2026-11-21T13:00:00Z" }),
            "MISSING_FIELD",
            "/ordersStatus",
        ),
        (
            json!({ "sent": sent(), "ordersStatus": [], "now": "soon" }),
            "INVALID_DATE",
            "/now",
        ),
        (
            json!({ "sent": sent(), "ordersStatus": [], "now": "2026-11-21T13:00:00Z", "settle": 5 }),
            "UNKNOWN_FIELD",
            "/settle",
        ),
        (
            json!({ "sent": sent(), "ordersStatus": status(json!({ "confirmationStatus": "MAYBE" }), json!({})),
                 "now": "2026-11-21T13:00:00Z" }),
            "UNKNOWN_ENUM",
            "/ordersStatus/0/itemStatus/0/acknowledgementStatus/confirmationStatus",
        ),
    ] {
        let err = read_back(&input).expect_err("refused");
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{input}");
    }
    let mut bad_date = sent();
    bad_date[0]["acknowledgementDate"] = json!("yesterday");
    let err =
        read_back(&json!({ "sent": bad_date, "ordersStatus": [], "now": "2026-11-21T13:00:00Z" }))
            .unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("INVALID_DATE", "/sent/0/acknowledgementDate")
    );
}

/// Missing stock data settles no promise either: a promise is never down-confirmed on an empty
/// export or for a SKU the export does not list, even with `downConfirm: auto`.
#[test]
fn promises_are_not_settled_on_missing_stock_data() {
    let (order, history) = promised();
    let empty = json!({
        "purchaseOrders": [order],
        "inventory": [],
        "skuMap": sku_map(),
        "history": history,
        "options": { "downConfirm": "auto" },
        "now": "2026-11-22T08:00:00Z"
    });
    let out = decide(&empty);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), ["INVENTORY_INCOMPLETE"]);
    assert_eq!(out["decisions"][0]["code"], "UNCHANGED");

    let mut no_row = empty.clone();
    no_row["inventory"] = json!([{ "sku": "B", "available": 3 }, { "sku": "C", "available": 3 }]);
    let out = decide(&no_row);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), ["STOCK_ROW_MISSING"]);
    assert_eq!(out["exceptions"][0]["severity"], "warning");
    // The promise stays reserved as sent.
    assert_eq!(
        out["allocations"],
        json!([{ "sku": "A", "purchaseOrderNumber": "PO-R1", "itemSequenceNumber": "1",
                 "quantityEaches": 2, "inboundEaches": 5, "pending": false }])
    );
}

/// Every netCost sent names its currency: the PO cost's, else its list price's, else
/// `options.currencyCode`; without any, the line is held rather than sent without one.
#[test]
fn every_cost_sent_names_its_currency() {
    let mut item = eaches("1", "B0000000AA", 2, "5.00");
    item["netCost"] = json!({ "amount": "5.00" });
    let input = json!({
        "purchaseOrders": [po("PO-M1", json!([item]))],
        "inventory": [{ "sku": "A", "available": 10 }],
        "skuMap": sku_map(),
        "now": "2026-11-21T12:00:00Z"
    });
    let out = decide(&input);
    assert_eq!(out["request"]["acknowledgements"], json!([]));
    assert_eq!(codes(&out), ["MISSING_CURRENCY", "APPROVAL_REQUIRED"]);
    assert_eq!(
        out["exceptions"][0]["message"],
        "PO PO-M1 line 1: the PO line's netCost has no currencyCode and none is configured: set \
         options.currencyCode (Amazon needs the currency of every cost sent)"
    );
    let mut configured = input.clone();
    configured["options"] = json!({ "currencyCode": "EUR" });
    let out = decide(&configured);
    assert_eq!(codes(&out), Vec::<String>::new());
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["netCost"],
        json!({ "currencyCode": "EUR", "amount": "5.00" })
    );
    let mut listed = input.clone();
    listed["purchaseOrders"][0]["orderDetails"]["items"][0]["listPrice"] =
        json!({ "amount": "9.99", "currencyCode": "GBP" });
    let out = decide(&listed);
    assert_eq!(
        out["request"]["acknowledgements"][0]["items"][0]["netCost"],
        json!({ "currencyCode": "GBP", "amount": "5.00" })
    );
}
