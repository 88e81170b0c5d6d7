//! Inputs that once made an engine panic, each now refused or answered: found by the fuzz
//! targets (`tests/fuzz/`), the property test (`tests/no_panic_properties.rs`) or the overflow
//! audit (`clippy::arithmetic_side_effects`).

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

use entry_points::run;
use serde_json::{Value, json};

/// A rush order held for approval (fixture 09), with `edit` applied.
fn held_rush_order(edit: impl FnOnce(&mut Value)) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ack/09-rush-orders-need-approval-overdue.json"
    ))
    .unwrap();
    let mut input = serde_json::from_str::<Value>(&text).unwrap()["input"].clone();
    edit(&mut input);
    input.to_string()
}

#[test]
fn a_due_soon_window_of_four_billion_hours_does_not_overflow_the_clock() {
    let text = held_rush_order(|input| {
        input["now"] = json!("2026-11-20T09:00:00Z");
        input["options"] = json!({ "dueSoonHours": u32::MAX });
    });
    let out: Value = serde_json::from_str(&run("decideAcknowledgements", &text).unwrap()).unwrap();
    let codes: Vec<&str> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert!(codes.contains(&"ACKNOWLEDGEMENT_DUE_SOON"), "{codes:?}");
}

#[test]
fn a_purchase_order_dated_at_the_end_of_time_does_not_overflow_its_deadline() {
    let text = held_rush_order(|input| {
        input["purchaseOrders"][0]["orderDetails"]["purchaseOrderDate"] =
            json!("+262143-12-31T23:59:59");
    });
    // Answered or refused, but never a panic.
    let _ = run("decideAcknowledgements", &text);
}

#[test]
fn a_backorder_horizon_of_four_billion_days_does_not_overflow_the_calendar() {
    let text = held_rush_order(|input| {
        input["inventory"] = json!([{
            "sku": "RUSHED", "available": 0,
            "inbound": [{ "quantity": 10, "expectedDate": "2026-12-01T00:00:00Z" }]
        }]);
        input["rules"]["defaults"] = json!({ "maxBackorderDays": u32::MAX });
        input["options"] = json!({ "leadTimeDays": u32::MAX });
        for order in input["purchaseOrders"].as_array_mut().unwrap() {
            order["orderDetails"]["items"][0]["isBackOrderAllowed"] = json!(true);
        }
    });
    let out: Value = serde_json::from_str(&run("decideAcknowledgements", &text).unwrap()).unwrap();
    assert!(out["decisions"].as_array().is_some_and(|d| !d.is_empty()));
}

/// Found by the `date` fuzz target: an offset that carries a four-digit year over the edge
/// printed as `+10000-01-01T23:58:59Z` (or year -1), which neither this library nor Amazon
/// reads back. Such instants are refused where they are read.
#[test]
fn instants_whose_utc_year_has_five_digits_or_a_sign_are_refused() {
    use vendor_central_connector::time::parse_instant;
    for text in [
        "9999-12-31T23:59:59-23:59",
        "0000-01-01T00:00:00+14:00",
        "+10000-01-01T00:00:00",
        "+262143-12-31T23:59:59",
    ] {
        assert!(parse_instant(text).is_err(), "{text}");
    }
    assert!(parse_instant("9999-12-31T23:59:59Z").is_ok());
    assert!(parse_instant("0000-01-01T00:00:00Z").is_ok());
    // Through an engine: a coded error at the field.
    let text = held_rush_order(|input| input["now"] = json!("9999-12-31T23:59:59-23:59"));
    let err = run("decideAcknowledgements", &text).unwrap_err();
    assert_eq!((err.code, err.path.as_str()), ("INVALID_DATE", "/now"));
}

/// Every input a fuzz target once crashed on (`tests/fuzz/regressions/<target>/`, copied from
/// `tests/fuzz/artifacts/`), run again the way that target runs it. The two engine inputs
/// repeat a key (`"previous"`, `"purchaseOrders"`): the typed parse stops in the first copy,
/// and the target's pointer check, which read the last copy, now knows duplicates.
#[test]
fn every_fuzz_crash_input_is_answered_with_ok_or_a_coded_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut tried = 0;
    for target in std::fs::read_dir(&root).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        for file in std::fs::read_dir(&target).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            tried += 1;
            match name.as_str() {
                "date" => {
                    use vendor_central_connector::time::{format_instant, parse_instant};
                    if let Ok(instant) = parse_instant(&text) {
                        assert_eq!(parse_instant(&format_instant(&instant)), Ok(instant));
                    }
                }
                "decide_acknowledgements" | "diff_purchase_order" => {
                    let entry = if name == "diff_purchase_order" {
                        "diffPurchaseOrder"
                    } else {
                        "decideAcknowledgements"
                    };
                    if let Err(failure) = run(entry, &text) {
                        assert!(!failure.code.is_empty());
                        assert!(entry_points::is_valid_pointer_into(&failure.path, &text));
                    }
                }
                other => panic!("no regression runner for target {other}"),
            }
        }
    }
    assert!(tried >= 4);
}

/// A valid `validateShipmentConfirmation` input (the palletized assortment ASN the builder emits
/// for its fixture, with that fixture's POs, acknowledgements and SKU map), with `edit` applied.
fn valid_shipment(edit: impl FnOnce(&mut Value)) -> String {
    let fixture = |name: &str| -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shipment")
            .join(name);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let built = fixture("build-PalletizedAssortmentCase.expected.json");
    let packing = fixture("build-PalletizedAssortmentCase.input.json");
    let mut input = json!({
        "shipmentConfirmation": built["request"]["shipmentConfirmations"][0].clone(),
        "purchaseOrders": packing["purchaseOrders"].clone(),
        "acknowledgements": packing["acknowledgements"].clone(),
        "skuMap": packing["skuMap"].clone(),
        "now": "2026-11-22T10:00:00Z"
    });
    edit(&mut input);
    input.to_string()
}

/// The validator's windows, each at `u32::MAX`: added to a date they run past the end of
/// chrono's calendar, where `DateTime + Duration` panics. Found by the overflow audit.
fn windows_of_four_billion() -> Value {
    json!({
        "shippedDatePastDays": u32::MAX,
        "shippedDateFutureDays": u32::MAX,
        "asnMinutesAfterDeparture": u32::MAX,
        "asnHoursBeforeAppointment": u32::MAX,
        "identifierReuseDays": u32::MAX,
        "replaceWindowDays": u32::MAX
    })
}

fn issue_codes(output: &str) -> Vec<String> {
    let output: Value = serde_json::from_str(output).unwrap();
    output["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|issue| issue["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn shipment_windows_of_four_billion_days_do_not_overflow_the_clock() {
    let text = valid_shipment(|input| {
        input["options"] = windows_of_four_billion();
        input["appointmentAt"] = json!("2026-11-22T15:00:00Z");
        // Used long ago: inside a reuse window of four billion days.
        input["ssccLedger"] = json!([
            { "sscc": "106141410000050021", "usedAt": "1970-01-01T00:00:00Z" }
        ]);
        let mut earlier = input["shipmentConfirmation"].clone();
        earlier["shipmentIdentifier"] = json!("ASN-1970");
        earlier["shipmentConfirmationDate"] = json!("1970-01-01T00:00:00Z");
        input["previousShipments"] = json!([earlier]);
    });
    let codes = issue_codes(&run("validateShipmentConfirmation", &text).unwrap());
    // The windows saturate at the ends of time: every earlier use is recent, the shipped date
    // is inside its window, and an ASN due four billion hours before the appointment is late.
    assert!(codes.iter().any(|c| c == "SSCC_REUSED"), "{codes:?}");
    assert!(codes.iter().any(|c| c == "ASN_LATE"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c.starts_with("SHIPPED_DATE")),
        "{codes:?}"
    );
}

#[test]
fn a_replace_window_of_four_billion_days_does_not_overflow_the_clock() {
    let text = valid_shipment(|input| {
        input["options"] = json!({ "replaceWindowDays": u32::MAX });
        let mut original = input["shipmentConfirmation"].clone();
        original["shipmentConfirmationDate"] = json!("9999-12-31T23:59:59Z");
        input["previousShipments"] = json!([original]);
        input["shipmentConfirmation"]["shipmentConfirmationType"] = json!("Replace");
    });
    let codes = issue_codes(&run("validateShipmentConfirmation", &text).unwrap());
    assert!(
        !codes.iter().any(|c| c == "REPLACE_WINDOW_EXPIRED"),
        "{codes:?}"
    );
}

#[test]
fn each_shipment_window_alone_at_four_billion_is_answered() {
    let windows = windows_of_four_billion();
    for (name, value) in windows.as_object().unwrap() {
        let text = valid_shipment(|input| {
            input["options"] = json!({ name.as_str(): value });
            input["appointmentAt"] = json!("2026-11-22T15:00:00Z");
            input["ssccLedger"] = json!([
                { "sscc": "106141410000050021", "usedAt": "1970-01-01T00:00:00Z" }
            ]);
            let mut earlier = input["shipmentConfirmation"].clone();
            earlier["shipmentIdentifier"] = json!("ASN-1970");
            earlier["shipmentConfirmationDate"] = json!("1970-01-01T00:00:00Z");
            input["previousShipments"] = json!([earlier]);
        });
        assert!(run("validateShipmentConfirmation", &text).is_ok(), "{name}");
    }
}
