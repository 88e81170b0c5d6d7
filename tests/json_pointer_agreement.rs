//! The error pointer derived after the fact from serde_json's position (src/json_pointer.rs)
//! must name the same field as serde_path_to_error, which tracks the path while
//! deserialising (and which the library no longer ships: it was a quarter of the wasm code).
//! Each engine's fixture inputs are mutated at random — a value of the wrong type, a field
//! removed, an unknown field added — printed compact and pretty, and both are compared.
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
use serde::Deserialize;
use serde_json::{Value, json};
use vendor_central_connector::error::{CodedError, pointer_child};
use vendor_central_connector::input::parse_input;

/// The pointer serde_path_to_error records, in the library's conventions.
fn reference_path<'t, T: Deserialize<'t>>(text: &'t str) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut de = serde_json::Deserializer::from_str(text);
    let err = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => return None,
        Err(err) => err,
    };
    let mut out = String::new();
    for segment in err.path().iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out = pointer_child(&out, key),
            Segment::Enum { variant } => out = pointer_child(&out, variant),
            Segment::Unknown => {}
        }
    }
    let message = err.inner().to_string();
    if message.starts_with("missing field") {
        let field = message.split('`').nth(1).unwrap_or_default();
        out = pointer_child(&out, field);
    }
    Some(out)
}

/// Every node's pointer, objects' and arrays' included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, pointer_child(&at, key), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn wrong_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(1.5),
        json!("not-a-value"),
        json!("12.3.4"),
        json!("2024-13-45T99:00:00Z"),
        json!([]),
        json!({}),
        json!([{"zzz": 1}]),
    ]
}

/// Applies mutation `kind` at node `pick` of `input`.
fn mutate(input: &Value, pick: usize, kind: usize) -> Value {
    let mut value = input.clone();
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    let at = all[pick % all.len()].clone();
    let wrong = wrong_values();
    match kind % 3 {
        0 => {
            if let Some(node) = value.pointer_mut(&at) {
                *node = wrong[kind / 3 % wrong.len()].clone();
            }
        }
        1 => {
            if let Some(Value::Object(map)) = value.pointer_mut(&at) {
                if let Some(key) = map.keys().nth(kind / 3 % map.len().max(1)).cloned() {
                    map.remove(&key);
                }
            }
        }
        _ => {
            if let Some(Value::Object(map)) = value.pointer_mut(&at) {
                map.insert("zzUnknownField".to_string(), json!(1));
            }
        }
    }
    value
}

fn fixture_inputs(dir: &str, file_suffix: &str, key: Option<&str>) -> Vec<Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(file_suffix))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let value: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
            match key {
                Some(key) => value.get(key).cloned(),
                None => Some(value),
            }
        })
        .filter(Value::is_object)
        .collect()
}

/// `T` may borrow from the text (the shipment inputs read the ASN in place), and a generic
/// function cannot name the lifetime of its own local: the texts are leaked, a few KB a case.
fn agree<T: Deserialize<'static>>(inputs: &[Value], which: usize, pick: usize, kind: usize) {
    let mutated = mutate(&inputs[which % inputs.len()], pick, kind);
    if !mutated.is_object() {
        return; // parse_input refuses a non-object outright; serde would read it positionally
    }
    for text in [
        serde_json::to_string(&mutated).unwrap(),
        serde_json::to_string_pretty(&mutated).unwrap(),
    ] {
        let text: &'static str = Box::leak(text.into_boxed_str());
        let ours = parse_input::<T>(text).err();
        let reference = reference_path::<T>(text);
        match (ours, reference) {
            (None, None) => {}
            // Not JSON serde can read at all (e.g. 1e400): no field to point at in either.
            (Some(err), Some(_)) if err.code() == "INVALID_JSON" => {}
            (Some(err), Some(path)) => assert_eq!(err.path(), path, "{err}\n{text}"),
            (ours, reference) => panic!("disagree: {ours:?} vs {reference:?}\n{text}"),
        }
    }
}

macro_rules! agreement {
    ($name:ident, $ty:ty, $dir:literal, $suffix:literal, $key:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn $name(which in 0usize..64, pick in 0usize..100_000, kind in 0usize..300) {
                let inputs = fixture_inputs($dir, $suffix, $key);
                prop_assume!(!inputs.is_empty());
                agree::<$ty>(&inputs, which, pick, kind);
            }
        }
    };
}

use vendor_central_connector::{ack, df_ack, fba, shipment};

agreement!(
    acknowledgement_inputs,
    ack::DecideAcknowledgementsInput,
    "ack",
    ".json",
    Some("input")
);
agreement!(
    df_acknowledgement_inputs,
    df_ack::DecideDfAcknowledgementsInput,
    "df_ack",
    ".json",
    Some("input")
);
agreement!(
    fba_route_inputs,
    fba::RouteFulfillmentInput,
    "fba",
    ".json",
    Some("input")
);
agreement!(
    fba_event_inputs,
    fba::ApplyFulfillmentEventInput,
    "fba",
    ".json",
    Some("input")
);
agreement!(
    shipment_build_inputs,
    shipment::BuildShipmentConfirmationInput,
    "shipment",
    ".input.json",
    None
);

#[test]
fn sandbox_purchase_orders_agree_under_mutation() {
    use vendor_central_connector::spapi::orders::Order;
    let inputs: Vec<Value> = common::sandbox_orders().into_iter().collect();
    for which in 0..inputs.len() {
        for pick in (0..400).step_by(7) {
            for kind in [0, 1, 2, 3, 12, 15, 21, 24] {
                agree::<Order>(&inputs, which, pick, kind);
            }
        }
    }
}
