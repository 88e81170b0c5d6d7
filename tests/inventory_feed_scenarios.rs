//! `inventoryFeed`: the DF inventory model's sandbox examples, exact feed scenarios (partial vs
//! full, critical zero held then confirmed, mass-zero guard, negative availability clamped,
//! batching), bad input, and property tests.

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
use vendor_central_connector::inventory_feed::{InventoryFeedError, inventory_feed};
use vendor_central_connector::spapi::df_inventory::{
    SubmitInventoryUpdateRequest, SubmitInventoryUpdateResponse,
};

const INVENTORY_MODEL: &str =
    "vendor-direct-fulfillment-inventory-api-model/vendorDirectFulfillmentInventoryV1.json";

/// Compares with `tests/fixtures/inventory_feed/<name>` (see `common::assert_fixture`).
fn assert_fixture(name: &str, actual: &Value) {
    common::assert_fixture("inventory_feed", name, actual);
}

fn feed(input: &Value) -> Value {
    let parsed = parse_input(&input.to_string()).expect("input parses");
    serde_json::to_value(inventory_feed(parsed).expect("feeds")).unwrap()
}

fn feed_err(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(InventoryFeedError::from)
        .and_then(inventory_feed)
        .expect_err("should fail");
    (err.code().to_string(), err.path())
}

/// The parts of the model's schema a body must meet (the JS suite validates with ajv too).
fn assert_valid_body(body: &Value) {
    let inventory = &body["inventory"];
    assert!(inventory["sellingParty"]["partyId"].is_string(), "{body}");
    assert!(inventory["isFullUpdate"].is_boolean(), "{body}");
    for item in inventory["items"].as_array().expect("items") {
        assert!(
            item["buyerProductIdentifier"].is_string()
                || item["vendorProductIdentifier"].is_string()
        );
        assert!(item["availableQuantity"]["amount"].is_u64(), "{item}");
        assert_eq!(item["availableQuantity"]["unitOfMeasure"], "Each");
    }
}

fn sku_map() -> Value {
    json!([
        { "sku": "TV-55", "asin": "B0TV000055", "vendorSku": "7Q89K11" },
        { "sku": "CABLE", "asin": "B0CABLE001", "vendorSku": "7Q89K12" },
        { "sku": "HDMI", "asin": "B0HDMI0001" },
        { "sku": "REMOTE", "asin": "B0REMOTE01" },
        { "sku": "MOUNT", "asin": "B0MOUNT001" }
    ])
}

#[test]
fn sandbox_examples_round_trip() {
    let model = common::load_model(INVENTORY_MODEL);
    let examples = common::examples(&model);
    assert!(examples.len() >= 4);
    for example in examples {
        let reserialised = match example.kind {
            common::ExampleKind::RequestBody => serde_json::to_value(
                serde_json::from_value::<SubmitInventoryUpdateRequest>(example.value.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}", example.location)),
            ),
            common::ExampleKind::Response => serde_json::to_value(
                serde_json::from_value::<SubmitInventoryUpdateResponse>(example.value.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}", example.location)),
            ),
        }
        .unwrap();
        // No quirks in this model: every example survives unchanged.
        assert_eq!(
            common::differences(&example.value, &reserialised),
            Vec::<String>::new(),
            "{}",
            example.location
        );
    }
}

/// Partial by default: only what changed since `lastSent`. The same positions as a full update
/// list everything and report what it would zero (the unlisted SKU Amazon still shows).
#[test]
fn partial_versus_full_update() {
    let mut input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "TV-55", "onHand": 40, "committed": 5, "safetyStock": 5, "openAmazonAllocations": 10 },
            { "warehouseId": "ABCD", "sku": "CABLE", "available": 15 },
            { "warehouseId": "ABCD", "sku": "HDMI", "onHand": 20 }
        ],
        "skuMap": sku_map(),
        "lastSent": [
            { "warehouseId": "ABCD", "sku": "CABLE", "quantity": 15 },
            { "warehouseId": "ABCD", "sku": "HDMI", "quantity": 12 },
            { "warehouseId": "ABCD", "sku": "MOUNT", "quantity": 3 }
        ],
        "maxZeroShare": "0.5"
    });
    let partial = feed(&input);
    assert_fixture("partial.json", &partial);
    input["fullUpdate"] = json!(true);
    let full = feed(&input);
    assert_fixture("full.json", &full);
    for out in [&partial, &full] {
        for request in out["requests"].as_array().unwrap() {
            assert_valid_body(&request["body"]);
        }
    }
}

/// A critical SKU going to zero is held out and reported; confirming it lets it through.
#[test]
fn critical_zero_is_held_then_confirmed() {
    let mut input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "TV-55", "onHand": 0 },
            { "warehouseId": "ABCD", "sku": "CABLE", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "HDMI", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "REMOTE", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "MOUNT", "onHand": 30 }
        ],
        "skuMap": sku_map(),
        "rules": [{ "sku": "TV-55", "critical": true }],
        "lastSent": [{ "warehouseId": "ABCD", "sku": "TV-55", "quantity": 8 }]
    });
    let held = feed(&input);
    assert_fixture("critical_held.json", &held);
    input["confirmZeros"] = json!(["TV-55"]);
    let confirmed = feed(&input);
    let items = confirmed["requests"][0]["body"]["inventory"]["items"]
        .as_array()
        .unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[4]["buyerProductIdentifier"], "B0TV000055");
    assert_eq!(items[4]["availableQuantity"]["amount"], 0);
    assert_eq!(confirmed["heldZeros"], json!([]));
    assert_eq!(confirmed["exceptions"], json!([]));
    assert!(confirmed["lastSentAfter"].as_array().unwrap().contains(
        &json!({ "warehouseId": "ABCD", "sku": "TV-55", "quantity": 0, "isObsolete": false })
    ));
}

/// Three of five SKUs at zero at once (60 % > 20 %): all three held, one warehouse exception;
/// `confirmZeros: true` lets them all through.
#[test]
fn mass_zero_is_held_then_confirmed() {
    let mut input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "TV-55", "onHand": 0 },
            { "warehouseId": "ABCD", "sku": "CABLE", "onHand": 0 },
            { "warehouseId": "ABCD", "sku": "HDMI", "onHand": 0 },
            { "warehouseId": "ABCD", "sku": "REMOTE", "onHand": 4 },
            { "warehouseId": "ABCD", "sku": "MOUNT", "onHand": 0 }
        ],
        "skuMap": sku_map(),
        "rules": [{ "sku": "MOUNT", "hold": true }],
        "lastSent": [
            { "warehouseId": "ABCD", "sku": "TV-55", "quantity": 5 },
            { "warehouseId": "ABCD", "sku": "CABLE", "quantity": 5 },
            { "warehouseId": "ABCD", "sku": "HDMI", "quantity": 5 },
            { "warehouseId": "ABCD", "sku": "REMOTE", "quantity": 5 },
            { "warehouseId": "ABCD", "sku": "MOUNT", "quantity": 5 }
        ]
    });
    let held = feed(&input);
    assert_fixture("mass_zero_held.json", &held);
    input["confirmZeros"] = json!(true);
    let confirmed = feed(&input);
    assert_eq!(
        confirmed["requests"][0]["body"]["inventory"]["items"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(confirmed["heldZeros"], json!([]));
}

/// Promises beyond stock are clamped at zero (and reported); caps and holds apply; an item
/// without an ASIN goes by its SKU with a warning; an obsolete item (HDMI, 9 on hand) is sent
/// with 0 available and `isObsolete: true`: the DF inventory model says `isObsolete` "When true,
/// the item is permanently unavailable", so advertising its 9 units would contradict it.
#[test]
fn negative_availability_is_clamped_and_rules_apply() {
    let input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "TV-55", "onHand": 10, "committed": 8, "safetyStock": 3, "openAmazonAllocations": 4 },
            { "warehouseId": "ABCD", "sku": "CABLE", "onHand": 500 },
            { "warehouseId": "ABCD", "sku": "NO-ASIN", "onHand": 7 },
            { "warehouseId": "ABCD", "sku": "HDMI", "onHand": 9 },
            { "warehouseId": "EFGH", "sku": "CABLE", "onHand": 500 }
        ],
        "skuMap": sku_map(),
        "rules": [
            { "sku": "CABLE", "cap": 100 },
            { "sku": "CABLE", "warehouseId": "EFGH", "cap": 20 },
            { "sku": "HDMI", "obsolete": true }
        ],
        "maxZeroShare": "1"
    });
    let out = feed(&input);
    assert_fixture("clamped_and_rules.json", &out);
}

#[test]
fn partial_updates_are_batched() {
    let positions: Vec<Value> = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|sku| json!({ "warehouseId": "ABCD", "sku": sku, "onHand": 3 }))
        .collect();
    let sku_map: Vec<Value> = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|s| json!({ "sku": s, "asin": format!("B0{s}") }))
        .collect();
    let input = json!({
        "sellingParty": "VENDORID", "positions": positions, "batchSize": 2, "skuMap": sku_map
    });
    let out = feed(&input);
    let requests = out["requests"].as_array().unwrap();
    let shape: Vec<(u64, u64, usize)> = requests
        .iter()
        .map(|r| {
            (
                r["batch"].as_u64().unwrap(),
                r["batches"].as_u64().unwrap(),
                r["body"]["inventory"]["items"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(shape, [(1, 3, 2), (2, 3, 2), (3, 3, 1)]);
    // A full update is never split, whatever the batch size.
    let mut full = input.clone();
    full["fullUpdate"] = json!(true);
    let out = feed(&full);
    assert_eq!(out["requests"].as_array().unwrap().len(), 1);
    assert_eq!(
        out["requests"][0]["body"]["inventory"]["items"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

/// A full update that would zero a critical SKU (here one the ERP no longer lists but Amazon
/// still shows) is held whole; confirming it lets the full update through.
#[test]
fn full_update_with_a_critical_unlisted_zero_is_held_whole() {
    let mut input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "ABCD", "sku": "CABLE", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "HDMI", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "REMOTE", "onHand": 30 },
            { "warehouseId": "ABCD", "sku": "MOUNT", "onHand": 30 }
        ],
        "skuMap": sku_map(),
        "rules": [{ "sku": "TV-55", "critical": true }],
        "lastSent": [{ "warehouseId": "ABCD", "sku": "TV-55", "quantity": 8 }],
        "fullUpdate": true
    });
    let out = feed(&input);
    assert_eq!(out["requests"], json!([]));
    assert_eq!(
        out["fullUpdates"],
        json!([{ "warehouseId": "ABCD", "listed": 4, "wouldGoToZero": 1, "unlistedSkus": ["TV-55"], "held": true }])
    );
    // Held for being critical (1 of 5 = 20 % is not over the default mass-zero share).
    assert_eq!(
        out["heldZeros"],
        json!([{ "warehouseId": "ABCD", "sku": "TV-55", "lastSent": 8, "unlisted": true, "reasons": ["critical"] }])
    );
    let codes: Vec<&str> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["ZERO_HELD", "FULL_UPDATE_HELD"]);
    assert!(
        out["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["status"] == "heldFullUpdate")
    );
    input["confirmZeros"] = json!(["TV-55"]);
    let out = feed(&input);
    assert_eq!(out["requests"].as_array().unwrap().len(), 1);
    assert_eq!(out["fullUpdates"][0]["held"], false);
    assert!(out["lastSentAfter"].as_array().unwrap().contains(
        &json!({ "warehouseId": "ABCD", "sku": "TV-55", "quantity": 0, "isObsolete": false })
    ));
}

#[test]
fn bad_input_names_code_and_path() {
    let base = || {
        json!({
            "sellingParty": "VENDORID",
            "positions": [{ "warehouseId": "ABCD", "sku": "TV-55", "onHand": 4 }]
        })
    };
    let mut input = base();
    input["batchSize"] = json!(0);
    assert_eq!(
        feed_err(&input),
        ("INVALID_VALUE".into(), "/batchSize".into())
    );
    let mut input = base();
    input["maxZeroShare"] = json!("1.5");
    assert_eq!(
        feed_err(&input),
        ("INVALID_VALUE".into(), "/maxZeroShare".into())
    );
    let mut input = base();
    input["positions"] = json!([input["positions"][0], input["positions"][0]]);
    assert_eq!(
        feed_err(&input),
        ("DUPLICATE_POSITION".into(), "/positions/1/sku".into())
    );
    let mut input = base();
    input["positions"][0] = json!({ "warehouseId": "ABCD", "sku": "TV-55", "committed": 4 });
    assert_eq!(
        feed_err(&input),
        ("MISSING_STOCK_QUANTITY".into(), "/positions/0".into())
    );
    let mut input = base();
    input["positions"][0]["onHand"] = json!(-4);
    assert_eq!(
        feed_err(&input),
        ("INVALID_VALUE".into(), "/positions/0/onHand".into())
    );
    let mut input = base();
    input["rules"] = json!([{ "sku": "TV-55", "cap": 1 }, { "sku": "TV-55", "hold": true }]);
    assert_eq!(
        feed_err(&input),
        ("DUPLICATE_RULE".into(), "/rules/1".into())
    );
    let mut input = base();
    input["lastSent"] = json!([
        { "warehouseId": "ABCD", "sku": "TV-55", "quantity": 1 },
        { "warehouseId": "ABCD", "sku": "TV-55", "quantity": 2 }
    ]);
    assert_eq!(
        feed_err(&input),
        ("DUPLICATE_LAST_SENT".into(), "/lastSent/1".into())
    );
    let mut input = base();
    input["confirmZeros"] = json!("yes");
    assert_eq!(
        feed_err(&input),
        ("INVALID_TYPE".into(), "/confirmZeros".into())
    );
    let mut input = base();
    input["fullUpdates"] = json!(true);
    assert_eq!(
        feed_err(&input),
        ("UNKNOWN_FIELD".into(), "/fullUpdates".into())
    );
    let mut input = base();
    input.as_object_mut().unwrap().remove("sellingParty");
    assert_eq!(
        feed_err(&input),
        ("MISSING_FIELD".into(), "/sellingParty".into())
    );
}

fn arbitrary_input() -> impl Strategy<Value = Value> {
    let skus = ["A", "B", "C", "D"];
    let position = (
        prop::sample::select(vec!["W1", "W2"]),
        prop::sample::select(skus.to_vec()),
        prop::option::of(0u64..50),
        prop::option::of(0u64..50),
        prop::option::of(0u64..20),
        prop::option::of(0u64..20),
        prop::option::of(0u64..30),
    );
    let rule = (
        prop::sample::select(skus.to_vec()),
        prop::option::of(0u64..10),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    );
    let sent = (
        prop::sample::select(vec!["W1", "W2"]),
        prop::sample::select(skus.to_vec()),
        0u64..20,
    );
    (
        prop::collection::vec(position, 0..8),
        prop::collection::vec(rule, 0..4),
        prop::collection::vec(sent, 0..6),
        any::<bool>(),
        any::<bool>(),
        1u32..4,
        prop::sample::select(vec!["0", "0.2", "0.5", "1"]),
    )
        .prop_map(|(positions, rules, sent, full, confirm, batch, share)| {
            let mut seen = std::collections::BTreeSet::new();
            let positions: Vec<Value> = positions
                .into_iter()
                .filter(|p| seen.insert((p.0, p.1)))
                .map(|(w, sku, on_hand, committed, safety, open, available)| {
                    let mut p = json!({ "warehouseId": w, "sku": sku, "onHand": on_hand.unwrap_or(0) });
                    if let Some(c) = committed { p["committed"] = json!(c); }
                    if let Some(s) = safety { p["safetyStock"] = json!(s); }
                    if let Some(o) = open { p["openAmazonAllocations"] = json!(o); }
                    if let Some(a) = available { p["available"] = json!(a); }
                    p
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            let rules: Vec<Value> = rules
                .into_iter()
                .filter(|r| seen.insert(r.0))
                .map(|(sku, cap, hold, critical, obsolete)| {
                    let mut r = json!({ "sku": sku, "hold": hold, "critical": critical, "obsolete": obsolete });
                    if let Some(cap) = cap { r["cap"] = json!(cap); }
                    r
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            let sent: Vec<Value> = sent
                .into_iter()
                .filter(|s| seen.insert((s.0, s.1)))
                .map(|(w, sku, q)| json!({ "warehouseId": w, "sku": sku, "quantity": q }))
                .collect();
            json!({
                "sellingParty": "V", "positions": positions, "rules": rules, "lastSent": sent,
                "fullUpdate": full, "confirmZeros": confirm, "batchSize": batch,
                "maxZeroShare": share,
                "skuMap": [{ "sku": "A", "asin": "B0A" }, { "sku": "B", "asin": "B0B" }]
            })
        })
}

proptest! {
    /// The feed never contains a negative (or non-integer) quantity, never advertises more than
    /// the clamped availability or a cap, never sends a held zero, batches within the limit,
    /// and is deterministic.
    #[test]
    fn feed_invariants(input in arbitrary_input()) {
        let out = feed(&input);
        prop_assert_eq!(&out, &feed(&input));
        let batch = input["batchSize"].as_u64().unwrap();
        let full = input["fullUpdate"].as_bool().unwrap();
        let held: std::collections::BTreeSet<(String, String)> = out["heldZeros"]
            .as_array().unwrap().iter()
            .map(|h| (h["warehouseId"].as_str().unwrap().to_string(), h["sku"].as_str().unwrap().to_string()))
            .collect();
        for request in out["requests"].as_array().unwrap() {
            assert_valid_body(&request["body"]);
            let items = request["body"]["inventory"]["items"].as_array().unwrap();
            if !full { prop_assert!(u64::try_from(items.len()).unwrap() <= batch); }
            for item in items {
                prop_assert!(item["availableQuantity"]["amount"].is_u64());
            }
        }
        for item in out["items"].as_array().unwrap() {
            let available = item["available"].as_u64().unwrap();
            let computed = item["computed"].as_i64().unwrap();
            prop_assert!(i64::try_from(available).unwrap() <= computed.max(0));
            let key = (item["warehouseId"].as_str().unwrap().to_string(), item["sku"].as_str().unwrap().to_string());
            prop_assert_eq!(item["status"] == "heldZero", held.contains(&key));
        }
        if input["confirmZeros"] == json!(true) {
            prop_assert!(held.is_empty());
        }
    }
}

/// A warehouse of four SKUs where one sells out: 1 of 4 is 25 %, over the default share of 20 %,
/// yet one SKU going to zero is never a mass zero (`massZeroMinCount`, default 2), so it is sent.
/// The DF guide: a partial update "is typically called every few hours to update the items
/// which are going out of stock or went out of stock since last update". Two of the four at once
/// (50 %) are still held; `massZeroMinCount: 1` is the share-only rule of before.
#[test]
fn a_small_warehouse_can_send_a_sell_out() {
    let mut input = json!({
        "sellingParty": "VENDORID",
        "positions": [
            { "warehouseId": "SMALL", "sku": "TV-55", "onHand": 0 },
            { "warehouseId": "SMALL", "sku": "CABLE", "onHand": 7 },
            { "warehouseId": "SMALL", "sku": "HDMI", "onHand": 7 },
            { "warehouseId": "SMALL", "sku": "REMOTE", "onHand": 7 }
        ],
        "skuMap": sku_map(),
        "lastSent": [
            { "warehouseId": "SMALL", "sku": "TV-55", "quantity": 3 },
            { "warehouseId": "SMALL", "sku": "CABLE", "quantity": 7 },
            { "warehouseId": "SMALL", "sku": "HDMI", "quantity": 7 },
            { "warehouseId": "SMALL", "sku": "REMOTE", "quantity": 7 }
        ]
    });
    let out = feed(&input);
    assert_eq!(out["heldZeros"], json!([]));
    assert_eq!(out["exceptions"], json!([]));
    assert_eq!(
        out["requests"],
        json!([{ "warehouseId": "SMALL", "batch": 1, "batches": 1, "body": { "inventory": {
            "sellingParty": { "partyId": "VENDORID" }, "isFullUpdate": false,
            "items": [{ "buyerProductIdentifier": "B0TV000055", "vendorProductIdentifier": "7Q89K11",
                        "availableQuantity": { "amount": 0, "unitOfMeasure": "Each" }, "isObsolete": false }] } } }])
    );
    assert_valid_body(&out["requests"][0]["body"]);

    // Two of four at once: a mass zero, both held.
    input["positions"][1]["onHand"] = json!(0);
    let out = feed(&input);
    let held: Vec<&str> = out["heldZeros"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["sku"].as_str().unwrap())
        .collect();
    assert_eq!(held, ["CABLE", "TV-55"]);
    assert_eq!(out["exceptions"][0]["code"], "MASS_ZERO_HELD");

    // The share alone, as before: the single sell-out is held.
    input["positions"][1]["onHand"] = json!(7);
    input["massZeroMinCount"] = json!(1);
    let out = feed(&input);
    assert_eq!(out["heldZeros"][0]["sku"], "TV-55");
    assert_eq!(out["heldZeros"][0]["reasons"], json!(["massZero"]));
    assert_eq!(out["requests"], json!([]));
}
