//! `decideDirectFulfillmentAcknowledgements`: each rule and status code on a small base order,
//! bad input (code and path), and the customer's personal data kept out of every output and
//! error text.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{Value, json};
use vendor_central_connector::df_ack::{DfAckError, decide_df_acknowledgements};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;

const DF_MODEL: &str =
    "vendor-direct-fulfillment-orders-api-model/vendorDirectFulfillmentOrders_2021-12-28.json";

fn run(input: &Value) -> Result<Value, DfAckError> {
    let parsed = parse_input(&input.to_string()).map_err(DfAckError::from)?;
    decide_df_acknowledgements(parsed).map(|out| serde_json::to_value(out).unwrap())
}

/// A change to the base input, for table-driven cases.
type Mutation = Box<dyn Fn(&mut Value)>;

fn base_order(number: &str) -> Value {
    json!({
        "purchaseOrderNumber": number,
        "orderDetails": {
            "customerOrderNumber": "112-0000000-0000001",
            "orderDate": "2026-03-02T06:00:00Z",
            "orderStatus": "NEW",
            "shipmentDetails": {
                "isPriorityShipment": false,
                "isPslipRequired": false,
                "shipMethod": "UPS_2ND",
                "shipmentDates": { "requiredShipDate": "2026-03-03T23:00:00Z" },
                "messageToCustomer": "Thank you"
            },
            "sellingParty": { "partyId": "VEND1" },
            "shipFromParty": { "partyId": "WH-EAST" },
            "shipToParty": {
                "name": "Jane Q. Customer",
                "addressLine1": "742 Evergreen Terrace",
                "addressLine2": "Apartment 5B",
                "city": "Springfield",
                "stateOrRegion": "OR",
                "postalCode": "97403",
                "countryCode": "US",
                "phone": "+1-541-555-0142"
            },
            "billToParty": { "partyId": "AMZN-US" },
            "items": [{
                "itemSequenceNumber": "1",
                "buyerProductIdentifier": "B07DFVDRAB",
                "vendorProductIdentifier": "8806098286500",
                "orderedQuantity": { "amount": 2, "unitOfMeasure": "Each" },
                "netPrice": { "currencyCode": "USD", "amount": "250.00" },
                "giftDetails": { "giftMessage": "Happy birthday, Jane!" }
            }]
        }
    })
}

fn base_input(orders: Vec<Value>) -> Value {
    json!({
        "orders": orders,
        "inventory": [{ "sku": "WASHER-8KG", "available": 10 }],
        "skuMap": [{ "sku": "WASHER-8KG", "asin": "B07DFVDRAB" }],
        "now": "2026-03-02T09:00:00Z"
    })
}

/// The decision code and acknowledgement status code of the single order in `input`.
fn outcome(input: &Value) -> (String, Option<String>) {
    let out = run(input).unwrap();
    let decision = &out["decisions"][0];
    (
        decision["code"].as_str().unwrap().to_string(),
        decision["acknowledgementStatus"]["code"]
            .as_str()
            .map(str::to_string),
    )
}

fn with(mutate: impl FnOnce(&mut Value)) -> Value {
    let mut input = base_input(vec![base_order("DF-1")]);
    mutate(&mut input);
    input
}

#[test]
fn the_base_order_is_accepted() {
    assert_eq!(
        outcome(&with(|_| {})),
        ("ACCEPTED".to_string(), Some("00".to_string()))
    );
}

#[test]
fn each_rule_cancels_with_its_guide_code() {
    let order = "/orders/0/orderDetails";
    let cases: Vec<(&str, &str, Mutation)> = vec![
        (
            "OUT_OF_STOCK",
            "03",
            Box::new(|i| i["inventory"][0]["available"] = json!(1)),
        ),
        (
            "OUT_OF_STOCK",
            "03",
            Box::new(|i| i["inventory"] = json!([])),
        ),
        (
            "UNKNOWN_PRODUCT",
            "02",
            Box::new(|i| i["skuMap"][0]["asin"] = json!("B000000000")),
        ),
        (
            "UNKNOWN_PRODUCT",
            "02",
            Box::new(move |i| {
                let item = i.pointer_mut(&format!("{order}/items/0")).unwrap();
                item.as_object_mut()
                    .unwrap()
                    .remove("buyerProductIdentifier");
                item.as_object_mut()
                    .unwrap()
                    .remove("vendorProductIdentifier");
            }),
        ),
        (
            "DISCONTINUED",
            "71",
            Box::new(|i| i["rules"] = json!({ "obsolete": ["WASHER-8KG"] })),
        ),
        (
            "RESTRICTED_PRODUCT",
            "51",
            Box::new(|i| i["rules"] = json!({ "restricted": ["WASHER-8KG"] })),
        ),
        (
            "RESTRICTED_PRODUCT",
            "51",
            Box::new(|i| i["rules"] = json!({ "maxQuantityPerOrder": { "WASHER-8KG": 1 } })),
        ),
        (
            "INVALID_UNIT_PRICE",
            "20",
            Box::new(move |i| {
                let item = i.pointer_mut(&format!("{order}/items/0")).unwrap();
                item.as_object_mut().unwrap().remove("netPrice");
            }),
        ),
        (
            "INVALID_UNIT_PRICE",
            "20",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/items/0/netPrice/amount"))
                    .unwrap() = json!("-1.00")
            }),
        ),
        (
            "MISSING_LINE_ID",
            "56",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/items/0/itemSequenceNumber"))
                    .unwrap() = json!(" ")
            }),
        ),
        (
            "MISSING_CUSTOMER_ORDER_NUMBER",
            "55",
            Box::new(move |i| {
                let details = i.pointer_mut(order).unwrap().as_object_mut().unwrap();
                details.remove("customerOrderNumber");
            }),
        ),
        (
            "INVALID_BILL_TO_LOCATION",
            "05",
            Box::new(|i| i["rules"] = json!({ "billToLocations": ["AMZN-CA"] })),
        ),
        (
            "INVALID_SHIP_FROM_LOCATION",
            "06",
            Box::new(|i| i["rules"] = json!({ "shipFromLocations": ["WH-WEST"] })),
        ),
        (
            "MISSING_SHIP_TO_NAME",
            "07",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/shipToParty/name")).unwrap() = json!("")
            }),
        ),
        (
            "INVALID_SHIP_TO_ADDRESS_LINE1",
            "08",
            Box::new(|i| i["rules"] = json!({ "maxAddressLineLength": 12 })),
        ),
        (
            "MISSING_SHIP_TO_CITY",
            "09",
            Box::new(move |i| {
                i.pointer_mut(&format!("{order}/shipToParty"))
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove("city");
                i["rules"] = json!({ "requiredShipToFields": ["city"] });
            }),
        ),
        (
            "MISSING_SHIP_TO_STATE",
            "10",
            Box::new(move |i| {
                i.pointer_mut(&format!("{order}/shipToParty"))
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove("stateOrRegion");
            }),
        ),
        (
            "MISSING_SHIP_TO_POSTAL_CODE",
            "11",
            Box::new(move |i| {
                i.pointer_mut(&format!("{order}/shipToParty"))
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove("postalCode");
                i["rules"] = json!({ "requiredShipToFields": ["name", "postalCode"] });
            }),
        ),
        (
            "MISSING_SHIP_TO_COUNTRY_CODE",
            "12",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/shipToParty/countryCode"))
                    .unwrap() = json!("")
            }),
        ),
        (
            "INVALID_SHIP_METHOD",
            "13",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/shipmentDetails/shipMethod"))
                    .unwrap() = json!("")
            }),
        ),
        (
            "INVALID_SHIP_TO_ADDRESS_LINE2",
            "21",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/shipToParty/addressLine2"))
                    .unwrap() = json!("Building C, Floor 14, Suite 1402");
                i["rules"] = json!({ "maxAddressLineLength": 30 });
            }),
        ),
        (
            "INVALID_SHIP_TO_ADDRESS_LINE3",
            "22",
            Box::new(move |i| {
                i.pointer_mut(&format!("{order}/shipToParty"))
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .insert("addressLine3".into(), json!("Care of the building manager"));
                i["rules"] = json!({ "maxAddressLineLength": 25 });
            }),
        ),
        (
            "NO_TAX_NEXUS",
            "50",
            Box::new(|i| {
                i["rules"] =
                    json!({ "noTaxNexus": [{ "countryCode": "us", "stateOrRegion": "or" }] })
            }),
        ),
        (
            "USPS_VALUE_LIMIT",
            "53",
            Box::new(move |i| {
                *i.pointer_mut(&format!("{order}/shipmentDetails/shipMethod"))
                    .unwrap() = json!("USPS_PRIORITY");
                i["rules"] = json!({ "uspsMaxOrderValue": "400" });
            }),
        ),
    ];
    for (code, status, mutate) in cases {
        let input = with(|i| mutate(i));
        assert_eq!(
            outcome(&input),
            (code.to_string(), Some(status.to_string())),
            "{code}"
        );
    }
}

#[test]
fn rules_that_do_not_apply_leave_the_order_accepted() {
    let cases: Vec<Mutation> = vec![
        // 2 × 250.00 = 500.00 is not above 500.
        Box::new(|i| {
            *i.pointer_mut("/orders/0/orderDetails/shipmentDetails/shipMethod")
                .unwrap() = json!("USPS_PRIORITY");
            i["rules"] = json!({ "uspsMaxOrderValue": "500" });
        }),
        // A nexus rule for another country.
        Box::new(|i| {
            i["rules"] = json!({ "noTaxNexus": [{ "countryCode": "CA", "stateOrRegion": "OR" }] })
        }),
        Box::new(|i| i["rules"] = json!({ "maxQuantityPerOrder": { "WASHER-8KG": 2 } })),
        Box::new(|i| {
            i["rules"] = json!({ "shipFromLocations": ["WH-EAST"], "shipMethods": ["UPS_2ND"] })
        }),
        // A masked address ("Amazon label only" vendors) counts as present.
        Box::new(|i| {
            *i.pointer_mut("/orders/0/orderDetails/shipToParty/name")
                .unwrap() = json!("xxxxx")
        }),
    ];
    for (n, mutate) in cases.into_iter().enumerate() {
        let input = with(|i| mutate(i));
        assert_eq!(outcome(&input).0, "ACCEPTED", "case {n}");
    }
}

#[test]
fn several_findings_are_reported_and_the_first_by_precedence_decides() {
    let input = with(|i| {
        i["rules"] = json!({ "discontinued": ["WASHER-8KG"], "shipMethods": ["FEDEX"] });
        i["inventory"] = json!([]);
    });
    let out = run(&input).unwrap();
    let decision = &out["decisions"][0];
    assert_eq!(decision["code"], "INVALID_SHIP_METHOD");
    assert_eq!(
        decision["findings"],
        json!(["INVALID_SHIP_METHOD", "DISCONTINUED"])
    );
    assert!(
        decision["reason"]
            .as_str()
            .unwrap()
            .ends_with("also found: 71")
    );
}

#[test]
fn orders_that_cannot_be_acknowledged_are_blocked_with_an_exception() {
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "ZERO_QUANTITY",
            Box::new(|i| {
                *i.pointer_mut("/orders/0/orderDetails/items/0/orderedQuantity/amount")
                    .unwrap() = json!(0)
            }),
        ),
        (
            "NO_ITEMS",
            Box::new(|i| *i.pointer_mut("/orders/0/orderDetails/items").unwrap() = json!([])),
        ),
        (
            "MISSING_SELLING_PARTY",
            Box::new(|i| {
                *i.pointer_mut("/orders/0/orderDetails/sellingParty/partyId")
                    .unwrap() = json!("")
            }),
        ),
        (
            "MISSING_SHIP_FROM_PARTY",
            Box::new(|i| {
                *i.pointer_mut("/orders/0/orderDetails/shipFromParty/partyId")
                    .unwrap() = json!(" ")
            }),
        ),
        (
            "MISSING_PURCHASE_ORDER_NUMBER",
            Box::new(|i| i["orders"][0]["purchaseOrderNumber"] = json!("")),
        ),
    ];
    for (code, mutate) in cases {
        let out = run(&with(|i| mutate(i))).unwrap();
        assert_eq!(out["decisions"][0]["status"], "blocked", "{code}");
        assert_eq!(out["decisions"][0]["code"], code);
        assert_eq!(out["request"]["orderAcknowledgements"], json!([]), "{code}");
        assert_eq!(out["allocations"], json!([]), "{code}");
        assert_eq!(out["exceptions"][0]["code"], code);
        assert_eq!(out["exceptions"][0]["severity"], "error");
    }
    // The input's parties stand in for the order's missing ones.
    let mut input = with(|i| {
        *i.pointer_mut("/orders/0/orderDetails/sellingParty/partyId")
            .unwrap() = json!("");
        *i.pointer_mut("/orders/0/orderDetails/shipFromParty/partyId")
            .unwrap() = json!("");
    });
    input["sellingParty"] = json!("VEND7");
    input["shipFromParty"] = json!("WH-7");
    let out = run(&input).unwrap();
    let ack = &out["request"]["orderAcknowledgements"][0];
    assert_eq!(ack["sellingParty"], json!({ "partyId": "VEND7" }));
    assert_eq!(ack["shipFromParty"], json!({ "partyId": "WH-7" }));
    assert_eq!(ack["vendorOrderNumber"], "DF-1");
}

#[test]
fn allocation_priority_decides_who_gets_scarce_stock() {
    // Order A is older; order B must ship earlier. One unit for two orders of one unit each.
    let mut a = base_order("DF-A");
    a["orderDetails"]["items"][0]["orderedQuantity"]["amount"] = json!(1);
    let mut b = a.clone();
    b["purchaseOrderNumber"] = json!("DF-B");
    b["orderDetails"]["orderDate"] = json!("2026-03-02T07:00:00Z");
    b["orderDetails"]["shipmentDetails"]["shipmentDates"]["requiredShipDate"] =
        json!("2026-03-02T20:00:00Z");
    let mut input = base_input(vec![b, a]);
    input["inventory"][0]["available"] = json!(1);
    let codes = |input: &Value| -> Vec<String> {
        run(input).unwrap()["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{} {}", d["purchaseOrderNumber"], d["code"]))
            .collect()
    };
    assert_eq!(
        codes(&input),
        ["\"DF-B\" \"OUT_OF_STOCK\"", "\"DF-A\" \"ACCEPTED\""]
    );
    input["options"] = json!({ "allocationPriority": "requiredShipDate" });
    assert_eq!(
        codes(&input),
        ["\"DF-B\" \"ACCEPTED\"", "\"DF-A\" \"OUT_OF_STOCK\""]
    );
}

#[test]
fn two_different_orders_with_one_number_are_blocked_or_cancelled_with_04() {
    let first = base_order("DF-DUP");
    let mut second = base_order("DF-DUP");
    second["orderDetails"]["items"][0]["orderedQuantity"]["amount"] = json!(1);
    let mut input = base_input(vec![first, second]);
    let out = run(&input).unwrap();
    assert_eq!(out["decisions"][0]["code"], "DUPLICATE_PURCHASE_ORDER");
    assert_eq!(out["decisions"][0]["status"], "blocked");
    assert_eq!(out["decisions"][1]["code"], "DUPLICATE_SHIP_ID");
    assert_eq!(out["decisions"][1]["status"], "skipped");
    assert_eq!(out["request"]["orderAcknowledgements"], json!([]));

    input["options"] = json!({ "duplicateShipIds": "cancel" });
    let out = run(&input).unwrap();
    let acks = out["request"]["orderAcknowledgements"].as_array().unwrap();
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0]["acknowledgementStatus"]["code"], "04");
    assert_eq!(out["allocations"], json!([]));
}

#[test]
fn late_acceptance_and_a_passed_ship_date_are_flagged() {
    let mut input = with(|_| {});
    input["now"] = json!("2026-03-04T08:00:00+02:00");
    let out = run(&input).unwrap();
    assert_eq!(out["decisions"][0]["code"], "ACCEPTED");
    let codes: Vec<&str> = out["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["REQUIRED_SHIP_DATE_PASSED", "ACKNOWLEDGEMENT_LATE"]);
    assert_eq!(out["exceptions"][1]["dueAt"], "2026-03-03T06:00:00Z");
    assert_eq!(
        out["request"]["orderAcknowledgements"][0]["acknowledgementDate"],
        "2026-03-04T06:00:00Z"
    );
}

#[test]
fn bad_input_is_refused_with_code_and_path() {
    let cases: Vec<(&str, &str, Mutation)> = vec![
        (
            "UNKNOWN_FIELD",
            "/rule",
            Box::new(|i| i["rule"] = json!({})),
        ),
        (
            "UNKNOWN_FIELD",
            "/rules/discontinuedSkus",
            Box::new(|i| i["rules"] = json!({ "discontinuedSkus": [] })),
        ),
        (
            "MISSING_FIELD",
            "/now",
            Box::new(|i| {
                i.as_object_mut().unwrap().remove("now");
            }),
        ),
        (
            "INVALID_DATE",
            "/now",
            Box::new(|i| i["now"] = json!("tomorrow")),
        ),
        (
            "INVALID_DATE",
            "/orders/0/orderDetails/orderDate",
            Box::new(|i| i["orders"][0]["orderDetails"]["orderDate"] = json!("2026-02-30")),
        ),
        (
            "INVALID_DATE",
            "/orders/0/orderDetails/shipmentDetails/shipmentDates/requiredShipDate",
            Box::new(|i| {
                i["orders"][0]["orderDetails"]["shipmentDetails"]["shipmentDates"]["requiredShipDate"] =
                    json!("soon")
            }),
        ),
        (
            "INVALID_VALUE",
            "/orders/0/orderDetails/items/0/orderedQuantity/amount",
            Box::new(|i| {
                i["orders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["amount"] = json!(-1)
            }),
        ),
        (
            "UNKNOWN_ENUM",
            "/orders/0/orderDetails/items/0/orderedQuantity/unitOfMeasure",
            Box::new(|i| {
                i["orders"][0]["orderDetails"]["items"][0]["orderedQuantity"]["unitOfMeasure"] =
                    json!("Cases")
            }),
        ),
        (
            "INVALID_DECIMAL",
            "/orders/0/orderDetails/items/0/netPrice/amount",
            Box::new(|i| {
                i["orders"][0]["orderDetails"]["items"][0]["netPrice"]["amount"] = json!("2,50")
            }),
        ),
        (
            "DUPLICATE_SKU",
            "/inventory/1/sku",
            Box::new(|i| {
                i["inventory"] = json!([{"sku": "A", "available": 1}, {"sku": "A", "available": 2}])
            }),
        ),
        (
            "AMBIGUOUS_SKU_MAPPING",
            "/skuMap/1/asin",
            Box::new(|i| {
                i["skuMap"] = json!([{"sku": "A", "asin": "B1"}, {"sku": "B", "asin": "B1"}])
            }),
        ),
        (
            "UNKNOWN_ENUM",
            "/options/allocationPriority",
            Box::new(|i| i["options"] = json!({ "allocationPriority": "fifo" })),
        ),
    ];
    for (code, path, mutate) in cases {
        let err = run(&with(|i| mutate(i))).unwrap_err();
        assert_eq!((err.code(), err.path().as_str()), (code, path), "{err}");
    }
}

/// Every string value under the orders' `shipToParty` objects and gift messages, except
/// two-letter codes (`US`, `OR`), which occur in any text by chance (`USD`).
fn personal_values(orders: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for order in orders.as_array().into_iter().flatten() {
        let details = &order["orderDetails"];
        for value in details["shipToParty"].as_object().into_iter().flatten() {
            if let Some(text) = value.1.as_str() {
                out.push(text.to_string());
            }
        }
        for item in details["items"].as_array().into_iter().flatten() {
            if let Some(text) = item
                .pointer("/giftDetails/giftMessage")
                .and_then(Value::as_str)
            {
                out.push(text.to_string());
            }
        }
    }
    out.retain(|value| value.len() > 2);
    out
}

fn assert_free_of(text: &str, personal: &[String], context: &str) {
    for value in personal {
        assert!(
            !text.contains(value.as_str()),
            "{context} leaks {value:?}: {text}"
        );
    }
}

/// Every rule that looks at the address, switched on at once.
fn address_rules() -> Value {
    json!({
        "requiredShipToFields": ["name", "addressLine1", "city", "stateOrRegion", "postalCode", "countryCode"],
        "maxAddressLineLength": 3,
        "noTaxNexus": [{ "stateOrRegion": "CA" }, { "stateOrRegion": "OR" }],
        "shipMethods": ["NONE"]
    })
}

#[test]
fn the_sandbox_customers_address_never_appears_in_the_output() {
    let model = common::load_model(DF_MODEL);
    let order = model
        .pointer(
            "/paths/~1vendor~1directFulfillment~1orders~12021-12-28~1purchaseOrders~1{purchaseOrderNumber}/get/responses/200/examples/application~1json",
        )
        .unwrap()
        .clone();
    // The sandbox's name and attention are "ABCD", which is also its warehouse and bill-to
    // code: those may appear as party codes, so the scan covers the address proper.
    let address = &order["orderDetails"]["shipToParty"];
    let personal: Vec<String> = ["addressLine1", "addressLine2", "city", "postalCode"]
        .iter()
        .map(|f| address[f].as_str().unwrap().to_string())
        .collect();
    assert_eq!(personal, ["123 XYZ Street", "Apt 5", "San Jose", "94086"]);
    let skus = json!([
        { "sku": "WASHER-8KG", "asin": "B07DFVDRAB" },
        { "sku": "WASHER-6KG", "asin": "B07DFYF5AB" }
    ]);
    for rules in [json!({}), address_rules()] {
        for available in [0, 5] {
            let input = json!({
                "orders": [order.clone()],
                "inventory": [{ "sku": "WASHER-8KG", "available": available }],
                "skuMap": skus.clone(),
                "rules": rules.clone(),
                "now": "2020-02-20T15:00:00Z"
            });
            let out = run(&input).unwrap();
            assert_eq!(out["decisions"].as_array().unwrap().len(), 1);
            assert_free_of(&out.to_string(), &personal, "output");
        }
    }
    // A value of the wrong type inside the address is an error that names the field only.
    for field in ["addressLine1", "city", "postalCode", "addressLine2"] {
        let mut broken = order.clone();
        broken["orderDetails"]["shipToParty"][field] = json!([address[field].clone()]);
        let text = address[field].as_str().unwrap();
        if let Ok(number) = text.parse::<u64>() {
            broken["orderDetails"]["shipToParty"][field] = json!(number);
        }
        let input = json!({ "orders": [broken], "now": "2020-02-20T15:00:00Z" });
        let err = run(&input).unwrap_err();
        assert_eq!(err.code(), "INVALID_TYPE");
        assert_eq!(
            err.path(),
            format!("/orders/0/orderDetails/shipToParty/{field}")
        );
        let texts = format!("{err} {} {}", err.details(), err.path());
        assert_free_of(&texts, &personal, "error");
    }
}

#[test]
fn no_customer_data_in_any_decision_exception_or_error() {
    let mut orders = vec![base_order("DF-1")];
    let mut second = base_order("DF-2");
    second["orderDetails"]["items"][0]["buyerProductIdentifier"] = json!("B0UNKNOWN0");
    orders.push(second);
    let personal = personal_values(&Value::Array(orders.clone()));
    assert_eq!(personal.len(), 14, "7 values per order");
    for rules in [json!({}), address_rules()] {
        let mut input = base_input(orders.clone());
        input["rules"] = rules;
        let out = run(&input).unwrap();
        assert_free_of(&out.to_string(), &personal, "output");
    }
    // Wrong types inside personal fields: the value is withheld from the error.
    let personal_fields = [
        (
            "/orders/0/orderDetails/shipToParty/postalCode",
            json!(97403),
        ),
        ("/orders/0/orderDetails/shipToParty/name", json!(true)),
        (
            "/orders/0/orderDetails/items/0/giftDetails/giftMessage",
            json!(42),
        ),
    ];
    for (pointer, bad) in personal_fields {
        let mut input = base_input(orders.clone());
        *input.pointer_mut(pointer).unwrap() = bad.clone();
        let err = run(&input).unwrap_err();
        assert_eq!(err.path(), pointer);
        let texts = format!("{err} {}", err.details());
        assert!(!texts.contains(&bad.to_string()), "{texts}");
        assert!(texts.contains("withheld"), "{texts}");
    }
    // Every fixture's output too.
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/df_ack");
    for entry in std::fs::read_dir(dir).unwrap() {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let personal = personal_values(&fixture["input"]["orders"]);
        assert!(!personal.is_empty());
        let out = run(&fixture["input"]).unwrap();
        assert_free_of(&out.to_string(), &personal, "fixture output");
    }
}
