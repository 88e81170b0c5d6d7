//! A small checker of values against a Swagger 2.0 definition of Amazon's models, for the FBA
//! and DF tests: `$ref`, object `required` / `properties` / `additionalProperties`, arrays, and string
//! `enum` / `maxLength`, integer, number and boolean types. Properties the model does not declare
//! are violations (the engine must send nothing Amazon does not know). The JS tests validate the
//! same bodies with ajv through every built artefact.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde_json::Value;

pub const OUTBOUND_MODEL: &str =
    "fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json";
pub const FBA_INVENTORY_MODEL: &str = "fba-inventory-api-model/fbaInventory.json";
pub const DF_SHIPPING_MODEL: &str =
    "vendor-direct-fulfillment-shipping-api-model/vendorDirectFulfillmentShipping_2021-12-28.json";
pub const DF_PAYMENTS_MODEL: &str =
    "vendor-direct-fulfillment-payments-api-model/vendorDirectFulfillmentPaymentsV1.json";
pub const DF_ORDERS_MODEL: &str =
    "vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json";

/// Every violation of `definition` by `value`, as "<JSON pointer> <problem>", sorted.
pub fn violations(model: &str, definition: &str, value: &Value) -> Vec<String> {
    static MODELS: OnceLock<Mutex<BTreeMap<String, &'static Value>>> = OnceLock::new();
    let model: &'static Value = MODELS
        .get_or_init(|| Mutex::new(BTreeMap::new()))
        .lock()
        .unwrap()
        .entry(model.to_string())
        .or_insert_with(|| Box::leak(Box::new(super::common::load_model(model))));
    let definitions = &model["definitions"];
    let schema = &definitions[definition];
    assert!(schema.is_object(), "no definition {definition}");
    let mut out = Vec::new();
    check(value, schema, definitions, "", &mut out);
    out.sort();
    out
}

fn check(value: &Value, schema: &Value, definitions: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/definitions/");
        return check(value, &definitions[name], definitions, path, out);
    }
    let shown = if path.is_empty() { "(root)" } else { path };
    let kind = schema.get("type").and_then(Value::as_str).unwrap_or(
        if schema.get("properties").is_some() {
            "object"
        } else {
            ""
        },
    );
    match kind {
        "object" => {
            let Some(object) = value.as_object() else {
                return out.push(format!("{shown} is not an object"));
            };
            for required in schema["required"].as_array().into_iter().flatten() {
                let key = required.as_str().unwrap_or_default();
                if !object.contains_key(key) {
                    out.push(format!("{shown} lacks required {key}"));
                }
            }
            for (key, child) in object {
                let child_path = format!("{path}/{key}");
                if let Some(property) = schema.get("properties").and_then(|p| p.get(key)) {
                    check(child, property, definitions, &child_path, out);
                } else if let Some(extra) =
                    schema.get("additionalProperties").filter(|a| a.is_object())
                {
                    check(child, extra, definitions, &child_path, out);
                } else {
                    out.push(format!("{child_path} is not in the model"));
                }
            }
        }
        "array" => {
            let Some(items) = value.as_array() else {
                return out.push(format!("{shown} is not an array"));
            };
            for (i, item) in items.iter().enumerate() {
                check(
                    item,
                    &schema["items"],
                    definitions,
                    &format!("{path}/{i}"),
                    out,
                );
            }
        }
        "string" => {
            let Some(text) = value.as_str() else {
                return out.push(format!("{shown} is not a string"));
            };
            if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
                if !allowed.iter().any(|a| a == value) {
                    out.push(format!("{shown} is not one of the model's values"));
                }
            }
            if let Some(max) = schema.get("maxLength").and_then(Value::as_u64) {
                if text.chars().count() as u64 > max {
                    out.push(format!("{shown} is longer than {max}"));
                }
            }
        }
        "integer" => {
            if !(value.is_i64() || value.is_u64()) {
                out.push(format!("{shown} is not an integer"));
            } else if schema.get("format").and_then(Value::as_str) == Some("int32")
                && value.as_i64().is_none_or(|n| i32::try_from(n).is_err())
            {
                out.push(format!("{shown} is not an int32"));
            }
        }
        "number" if !value.is_number() => out.push(format!("{shown} is not a number")),
        "boolean" if !value.is_boolean() => out.push(format!("{shown} is not a boolean")),
        _ => {}
    }
}
