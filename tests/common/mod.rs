//! Helpers shared by the integration tests: Amazon's models and their sandbox examples.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// `../shared` beside the repository, or `VCC_SHARED_DIR`.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("VCC_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// A model file under `sp-api-models/`, parsed.
pub fn load_model(relative: &str) -> Value {
    let path = shared_dir().join("sp-api-models").join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("model is JSON")
}

pub const ORDERS_MODEL: &str = "vendor-orders-api-model/vendorOrders.json";
pub const TRANSACTIONS_MODEL: &str =
    "vendor-transaction-status-api-model/vendorTransactionStatus.json";
pub const SHIPMENTS_MODEL: &str = "vendor-shipments-api-model/vendorShipments.json";

/// One example found in a model: where it was, which operation and status, and the JSON.
#[derive(Debug, Clone)]
pub struct Example {
    pub location: String,
    pub operation: String,
    pub status: String,
    pub kind: ExampleKind,
    pub value: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleKind {
    Response,
    RequestBody,
}

/// Every response example (`examples`, `x-amzn-api-sandbox`, `x-amazon-spds-sandbox-behaviors`)
/// and every sandbox request body of every operation in the model.
pub fn examples(model: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    let paths = model["paths"].as_object().expect("paths");
    for (path, methods) in paths {
        for (method, operation) in methods.as_object().expect("methods") {
            let Some(operation_id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (status, response) in responses {
                let here = format!("{method} {path} {status}");
                if let Some(examples) = response.get("examples").and_then(Value::as_object) {
                    for (media, value) in examples {
                        // Some models key the example by "payload" and omit the wrapper.
                        let value = if media == "payload" {
                            serde_json::json!({ "payload": value })
                        } else {
                            value.clone()
                        };
                        out.push(Example {
                            location: format!("{here} examples/{media}"),
                            operation: operation_id.to_string(),
                            status: status.clone(),
                            kind: ExampleKind::Response,
                            value,
                        });
                    }
                }
                let sandbox_lists = [
                    response.pointer("/x-amzn-api-sandbox/static"),
                    response.pointer("/x-amzn-api-sandbox/dynamic"),
                    response.get("x-amazon-spds-sandbox-behaviors"),
                ];
                for list in sandbox_lists.into_iter().flatten() {
                    for (i, case) in list.as_array().into_iter().flatten().enumerate() {
                        if let Some(response) = case.get("response") {
                            out.push(Example {
                                location: format!("{here} sandbox[{i}] response"),
                                operation: operation_id.to_string(),
                                status: status.clone(),
                                kind: ExampleKind::Response,
                                value: response.clone(),
                            });
                        }
                        if let Some(body) = case.pointer("/request/parameters/body/value") {
                            out.push(Example {
                                location: format!("{here} sandbox[{i}] request body"),
                                operation: operation_id.to_string(),
                                status: status.clone(),
                                kind: ExampleKind::RequestBody,
                                value: body.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// Every distinct `Order` in the orders model's examples, first occurrence of a number wins.
pub fn sandbox_orders() -> Vec<Value> {
    let model = load_model(ORDERS_MODEL);
    let mut seen = std::collections::BTreeSet::new();
    let mut orders = Vec::new();
    for example in examples(&model) {
        if example.kind != ExampleKind::Response {
            continue;
        }
        let found: Vec<Value> = match example.operation.as_str() {
            "getPurchaseOrders" => example
                .value
                .pointer("/payload/orders")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            "getPurchaseOrder" => example.value.get("payload").cloned().into_iter().collect(),
            _ => Vec::new(),
        };
        for order in found {
            let number = order["purchaseOrderNumber"]
                .as_str()
                .unwrap_or("")
                .to_string();
            if seen.insert(number) {
                orders.push(order);
            }
        }
    }
    orders
}

/// Compares `actual` with `tests/fixtures/<dir>/<name>`; `UPDATE_FIXTURES=1` rewrites the file
/// (then review the diff before committing).
pub fn assert_fixture(dir: &str, name: &str, actual: &Value) {
    let path = format!("{}/tests/fixtures/{dir}/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(actual).unwrap() + "\n";
        std::fs::write(&path, text).expect("write fixture");
    }
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json");
    assert_eq!(actual, &expected, "output differs from {name}");
}

/// The fixture `tests/fixtures/<dir>/<name>.json`: `{ "input": …, "expected": … }`.
pub fn input_expected_fixture(dir: &str, name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/{dir}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json")
}

/// Asserts that `actual` is the `expected` of an `{ input, expected }` fixture, naming every
/// JSON pointer that differs; with the environment variable `bless` set, rewrites `expected`
/// from `actual` instead (then review the diff before committing).
pub fn assert_expected_output(dir: &str, name: &str, bless: &str, actual: Value) {
    let mut fixture = input_expected_fixture(dir, name);
    if std::env::var_os(bless).is_some() {
        fixture["expected"] = actual;
        let path = format!(
            "{}/tests/fixtures/{dir}/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, serde_json::to_string_pretty(&fixture).unwrap() + "\n")
            .expect("write fixture");
        return;
    }
    let diffs = differences(&fixture["expected"], &actual);
    assert!(diffs.is_empty(), "{name}: differs at {diffs:?}");
}

/// JSON pointers at which `a` and `b` differ (missing keys count as differences).
pub fn differences(a: &Value, b: &Value) -> Vec<String> {
    fn walk(a: &Value, b: &Value, path: String, out: &mut Vec<String>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                for key in keys {
                    let child = format!("{path}/{key}");
                    match (x.get(key), y.get(key)) {
                        (Some(p), Some(q)) => walk(p, q, child, out),
                        _ => out.push(child),
                    }
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                for (i, (p, q)) in x.iter().zip(y).enumerate() {
                    walk(p, q, format!("{path}/{i}"), out);
                }
            }
            _ if a == b => {}
            _ => out.push(path),
        }
    }
    let mut out = Vec::new();
    walk(a, b, String::new(), &mut out);
    out
}
