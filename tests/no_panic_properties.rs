//! No input makes an entry point panic: random JSON trees, random bytes and mutations of valid
//! inputs all end in `Ok` or in a coded error whose `path` is a JSON pointer into the input.
//!
//! Native only (proptest has no wasm32 RNG backend). The valid inputs mutated are the fuzz
//! corpus (`tests/fuzz/corpus/<target>/`) and the engines' fixtures.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/entry_points.rs"]
mod entry_points;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use entry_points::{ENTRY_POINTS, is_valid_pointer_into, run};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value, json};

/// Runs `name` on `text`: a panic fails the test (proptest catches it and shrinks); an error
/// must carry a code and a pointer into the input.
fn assert_coded(name: &str, text: &str) -> Result<(), TestCaseError> {
    if let Err(failure) = run(name, text) {
        prop_assert!(!failure.code.is_empty(), "{name}: empty code");
        prop_assert!(
            is_valid_pointer_into(&failure.path, text),
            "{name}: {} has path {:?}, not a pointer into the input",
            failure.code,
            failure.path
        );
    }
    Ok(())
}

/// The fuzz target (directory under `tests/fuzz/corpus/`) of each entry point.
fn corpus_dir(entry: &str) -> PathBuf {
    let target = match entry {
        "decideAcknowledgements" => "decide_acknowledgements",
        "approveAcknowledgement" => "approve_acknowledgement",
        "checkAcknowledgementStatus" => "check_acknowledgement_status",
        "decideDirectFulfillmentAcknowledgements" => "decide_df_acknowledgements",
        "toDirectFulfillmentSalesOrders" => "to_df_sales_orders",
        "buildDirectFulfillmentShipmentConfirmations" => "build_df_shipments",
        "buildDirectFulfillmentInvoices" => "build_df_invoices",
        "toSalesOrders" => "to_sales_orders",
        "diffPurchaseOrder" => "diff_purchase_order",
        "inventoryFeed" => "inventory_feed",
        "exceptionsReport" => "exceptions_report",
        "readExceptionsReport" => "read_exceptions_report",
        "chargebackExposure" => "chargeback_exposure",
        "vendorScorecard" => "vendor_scorecard",
        "routeFulfillment" => "route_fulfillment",
        "applyFulfillmentEvent" => "apply_fulfillment_event",
        "buildShipmentConfirmation" => "build_shipment_confirmation",
        "validateShipmentConfirmation" => "validate_shipment_confirmation",
        "generateSscc" => "generate_sscc",
        "buildInvoice" => "build_invoice",
        "reconcile" => "reconcile",
        "nextOutboxAction" => "next_outbox_action",
        other => panic!("unknown entry point {other}"),
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target)
}

/// Every valid input we have, with its entry point: the corpus files the entry point accepts.
fn seeds() -> &'static [(&'static str, Value)] {
    static SEEDS: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = Vec::new();
        for entry in ENTRY_POINTS {
            let Ok(dir) = std::fs::read_dir(corpus_dir(entry)) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if run(entry, &text).is_ok() {
                    if let Ok(value) = serde_json::from_str::<Value>(&text) {
                        seeds.push((*entry, value));
                    }
                }
            }
        }
        seeds
    })
}

#[test]
fn the_corpus_holds_valid_inputs_for_every_entry_point() {
    for entry in ENTRY_POINTS {
        assert!(
            seeds().iter().any(|(name, _)| name == entry),
            "no valid input of {entry} in {}",
            corpus_dir(entry).display()
        );
    }
}

/// Leaves: the JSON values engines find hardest (huge, negative, fractional, empty, odd text).
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1.5)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!("")),
        Just(json!("0")),
        Just(json!("-0.00")),
        Just(json!("99999999999999999999999999999999999999.99")),
        Just(json!("1e400")),
        Just(json!("2026-02-30T00:00:00Z")),
        Just(json!("9999-12-31T23:59:59Z")),
        Just(json!("0000-01-01T00:00:00+23:59")),
        Just(json!("2026-11-22T08:00:00Z--2026-11-21T08:00:00Z")),
        Just(json!("Cases")),
        Just(json!("Eaches")),
        Just(json!("ä\u{0}/~1\u{202e}")),
        ".{0,12}".prop_map(Value::String),
        "[0-9]{1,40}".prop_map(Value::String),
    ]
}

/// Random JSON trees up to a few levels deep.
fn json_tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,16}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every JSON pointer of `value` (its own `""` included), in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let token = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{token}"), out);
            }
        }
        Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    DuplicateInParent,
    AddUnknownField,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => json_tree().prop_map(Mutation::Replace),
        2 => Just(Mutation::Remove),
        1 => Just(Mutation::DuplicateInParent),
        1 => Just(Mutation::AddUnknownField),
    ]
}

/// Applies `mutation` at `pointer` of `value`.
fn mutate(value: &mut Value, pointer: &str, mutation: &Mutation) {
    let (parent_pointer, token) = match pointer.rfind('/') {
        Some(i) => (
            &pointer[..i],
            pointer[i + 1..].replace("~1", "/").replace("~0", "~"),
        ),
        None => ("", String::new()),
    };
    match mutation {
        Mutation::Replace(new) => {
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = new.clone();
            }
        }
        Mutation::AddUnknownField => {
            if let Some(Value::Object(map)) = value.pointer_mut(pointer) {
                map.insert("unexpectedField".to_string(), json!(1));
            }
        }
        Mutation::Remove | Mutation::DuplicateInParent => {
            let Some(parent) = value.pointer_mut(parent_pointer) else {
                return;
            };
            match (parent, mutation) {
                (Value::Object(map), Mutation::Remove) => {
                    map.remove(&token);
                }
                (Value::Array(list), Mutation::Remove) => {
                    if let Ok(i) = token.parse::<usize>() {
                        if i < list.len() {
                            list.remove(i);
                        }
                    }
                }
                (Value::Array(list), Mutation::DuplicateInParent) => {
                    if let Some(copy) = token.parse::<usize>().ok().and_then(|i| list.get(i)) {
                        list.push(copy.clone());
                    }
                }
                _ => {}
            }
        }
    }
}

const CASES: u32 = 512;

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    /// Arbitrary JSON trees, at the top level and as an object of the right shape's size.
    #[test]
    fn random_json_never_panics(tree in json_tree(), entry in prop::sample::select(ENTRY_POINTS)) {
        assert_coded(entry, &tree.to_string())?;
    }

    /// Arbitrary bytes (as the text the boundary receives).
    #[test]
    fn random_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..256),
        entry in prop::sample::select(ENTRY_POINTS),
    ) {
        assert_coded(entry, &String::from_utf8_lossy(&bytes))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES * 4, ..ProptestConfig::default() })]

    /// A valid input with one to three places changed: removed, replaced by any JSON,
    /// duplicated, or given an unknown field. Each reaches deep into the engine's rules.
    #[test]
    fn mutated_valid_inputs_never_panic(
        seed in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), mutation()), 1..4),
    ) {
        let seeds = seeds();
        prop_assume!(!seeds.is_empty());
        let (entry, original) = seed.get(seeds);
        let mut value = original.clone();
        for (at, mutation) in &edits {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = at.get(&all).clone();
            mutate(&mut value, &pointer, mutation);
        }
        assert_coded(entry, &value.to_string())?;
    }

    /// A valid input as text with one byte range cut out or repeated: truncations and
    /// duplicated keys, the syntax errors a broken export produces.
    #[test]
    fn mangled_valid_text_never_panics(
        seed in any::<Index>(),
        start in any::<Index>(),
        length in 0usize..64,
        repeat in any::<bool>(),
    ) {
        let seeds = seeds();
        prop_assume!(!seeds.is_empty());
        let (entry, original) = seed.get(seeds);
        let text = original.to_string();
        let from = start.index(text.len().max(1));
        let to = (from + length).min(text.len());
        let (Some(head), Some(middle), Some(tail)) =
            (text.get(..from), text.get(from..to), text.get(to..))
        else {
            return Ok(());
        };
        let mangled = if repeat {
            format!("{head}{middle}{middle}{tail}")
        } else {
            format!("{head}{tail}")
        };
        assert_coded(entry, &mangled)?;
    }
}
