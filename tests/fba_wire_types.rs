//! The Fulfillment Outbound and FBA Inventory wire types against Amazon's models: every example
//! of the operations the FBA engine uses parses and re-serialises to the same JSON except for the
//! sandbox quirks listed here one by one; hand-written bodies per the model (the models carry no
//! createFulfillmentOrder or getInventorySummaries example) round-trip exactly and validate.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
// Native only: reads the models from disk.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fba_schema;

use common::{Example, ExampleKind, differences, examples, load_model};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_json;
use vendor_central_connector::spapi::fba_inventory::GetInventorySummariesResponse;
use vendor_central_connector::spapi::fulfillment_outbound::{
    CreateFulfillmentOrderRequest, CreateFulfillmentOrderResponse, FulfillmentOrderStatus,
    GetFulfillmentOrderResponse, GetPackageTrackingDetailsResponse,
};

use fba_schema::{FBA_INVENTORY_MODEL, OUTBOUND_MODEL, violations};

fn round_trip<T: DeserializeOwned + Serialize>(location: &str, value: &Value) -> Vec<String> {
    let parsed: T = parse_json(&value.to_string())
        .unwrap_or_else(|e| panic!("{location}: {e} at {}", e.path()));
    let again = serde_json::to_value(&parsed).unwrap();
    let reparsed: T = serde_json::from_value(again.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&reparsed).unwrap(),
        again,
        "{location}"
    );
    differences(value, &again)
}

fn round_trip_example(example: &Example) -> Option<Vec<String>> {
    let location = example.location.as_str();
    let value = &example.value;
    match (example.operation.as_str(), example.kind) {
        ("getFulfillmentOrder", ExampleKind::Response) => {
            Some(round_trip::<GetFulfillmentOrderResponse>(location, value))
        }
        ("getPackageTrackingDetails", ExampleKind::Response) => Some(round_trip::<
            GetPackageTrackingDetailsResponse,
        >(location, value)),
        ("createFulfillmentOrder", ExampleKind::Response) => Some(round_trip::<
            CreateFulfillmentOrderResponse,
        >(location, value)),
        ("createFulfillmentOrder", ExampleKind::RequestBody) => {
            Some(round_trip::<CreateFulfillmentOrderRequest>(location, value))
        }
        _ => None,
    }
}

#[test]
fn every_outbound_example_of_the_operations_used_round_trips_except_the_known_quirks() {
    let model = load_model(OUTBOUND_MODEL);
    let mut quirks = Vec::new();
    let mut checked = Vec::new();
    for example in examples(&model) {
        if let Some(found) = round_trip_example(&example) {
            checked.push(example.operation.clone());
            quirks.extend(
                found
                    .into_iter()
                    .map(|p| format!("{}: {p}", example.location)),
            );
        }
    }
    checked.sort();
    // The model has one example for each of these and none for createFulfillmentOrder.
    assert_eq!(
        checked,
        ["getFulfillmentOrder", "getPackageTrackingDetails"]
    );
    let tracking =
        "get /fba/outbound/2020-07-01/tracking 200 examples/payload: /payload/shipToAddress";
    let mut expected = vec![
        // "PROCESSING" is read as Processing and written in the model's spelling.
        "get /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId} 200 examples/payload: /payload/fulfillmentOrder/fulfillmentOrderStatus".to_string(),
    ];
    // The sandbox sends a full Address where the model has a TrackingAddress {city, state,
    // country}: stateOrRegion and countryCode are read as state and country; the street lines,
    // name and postal code are not kept.
    for field in [
        "addressLine1",
        "addressLine2",
        "addressLine3",
        "country",
        "countryCode",
        "name",
        "postalCode",
        "state",
        "stateOrRegion",
    ] {
        expected.push(format!("{tracking}/{field}"));
    }
    expected.sort();
    quirks.sort();
    assert_eq!(quirks, expected);
}

#[test]
fn sandbox_quirks_are_read_as_the_model_means_them() {
    let model = load_model(OUTBOUND_MODEL);
    let found = examples(&model);
    let order = found
        .iter()
        .find(|e| e.operation == "getFulfillmentOrder")
        .unwrap();
    let parsed: GetFulfillmentOrderResponse = serde_json::from_value(order.value.clone()).unwrap();
    let payload = parsed.payload.unwrap();
    assert_eq!(
        payload.fulfillment_order.fulfillment_order_status,
        FulfillmentOrderStatus::Processing
    );
    let declared = payload.fulfillment_order_items[0]
        .per_unit_declared_value
        .as_ref()
        .unwrap();
    assert_eq!(declared.value.to_string(), "18.99");

    let tracking = found
        .iter()
        .find(|e| e.operation == "getPackageTrackingDetails")
        .unwrap();
    let parsed: GetPackageTrackingDetailsResponse =
        serde_json::from_value(tracking.value.clone()).unwrap();
    let details = parsed.payload.unwrap();
    let address = details.ship_to_address.unwrap();
    assert_eq!(address.state.as_deref(), Some("MI"));
    assert_eq!(address.country.as_deref(), Some("US"));
    assert_eq!(details.tracking_events.unwrap().len(), 2);
}

/// A createFulfillmentOrder body using every field of the model.
fn full_create_request() -> Value {
    json!({
        "marketplaceId": "ATVPDKIKX0DER",
        "sellerFulfillmentOrderId": "MCF-web-1001",
        "displayableOrderId": "1001",
        "displayableOrderDate": "2026-11-20T10:00:00Z",
        "displayableOrderComment": "Thank you for your order.",
        "shippingSpeedCategory": "ScheduledDelivery",
        "deliveryWindow": { "startDate": "2026-11-22T09:00:00Z", "endDate": "2026-11-22T12:00:00Z" },
        "destinationAddress": {
            "name": "Test Buyer", "addressLine1": "1-2-3 Example", "addressLine2": "Room 4",
            "addressLine3": "Building 5", "districtOrCounty": "Meguro", "stateOrRegion": "Tokyo",
            "postalCode": "153-0064", "countryCode": "JP", "phone": "+81 3 0000 0000"
        },
        "deliveryPreferences": {
            "deliveryInstructions": "Ring twice",
            "dropOffLocation": { "type": "FALLBACK_NEIGHBOR_DELIVERY",
                "attributes": { "neighborName": "N", "houseNumber": "5" } }
        },
        "fulfillmentAction": "Ship",
        "fulfillmentPolicy": "FillOrKill",
        "codSettings": {
            "isCodRequired": true,
            "codCharge": { "currencyCode": "JPY", "value": "500" },
            "codChargeTax": { "currencyCode": "JPY", "value": "50" },
            "shippingCharge": { "currencyCode": "JPY", "value": "300" },
            "shippingChargeTax": { "currencyCode": "JPY", "value": "30" }
        },
        "shipFromCountryCode": "JP",
        "notificationEmails": ["buyer@example.invalid"],
        "featureConstraints": [{ "featureName": "BLANK_BOX", "featureFulfillmentPolicy": "Required" }],
        "items": [{
            "sellerSku": "TV-55", "sellerFulfillmentOrderItemId": "1", "quantity": 2,
            "giftMessage": "Enjoy", "displayableComment": "Fragile",
            "fulfillmentNetworkSku": "X0014BIZ8T",
            "perUnitDeclaredValue": { "currencyCode": "JPY", "value": "49800" },
            "perUnitPrice": { "currencyCode": "JPY", "value": "49800" },
            "perUnitTax": { "currencyCode": "JPY", "value": "4980" }
        }],
        "paymentInformation": [{ "paymentTransactionId": "T1", "paymentMode": "Other",
            "paymentDate": "2026-11-20T10:00:00Z" }]
    })
}

#[test]
fn a_create_request_with_every_field_round_trips_exactly_and_validates() {
    let body = full_create_request();
    assert_eq!(
        violations(OUTBOUND_MODEL, "CreateFulfillmentOrderRequest", &body),
        Vec::<String>::new()
    );
    assert_eq!(
        round_trip::<CreateFulfillmentOrderRequest>("full request", &body),
        Vec::<String>::new()
    );
    let refused = json!({ "errors": [{ "code": "InvalidInput", "message": "Invalid address", "details": "" }] });
    assert_eq!(
        round_trip::<CreateFulfillmentOrderResponse>("refused", &refused),
        Vec::<String>::new()
    );
}

#[test]
fn a_create_request_missing_a_required_field_is_refused_with_its_path() {
    let mut body = full_create_request();
    body["items"][0]
        .as_object_mut()
        .unwrap()
        .remove("sellerFulfillmentOrderItemId");
    let err = parse_json::<CreateFulfillmentOrderRequest>(&body.to_string()).unwrap_err();
    assert_eq!(err.code(), "MISSING_FIELD");
    assert_eq!(err.path(), "/items/0/sellerFulfillmentOrderItemId");
    let mut body = full_create_request();
    body["shippingSpeedCategory"] = json!("Overnight");
    let err = parse_json::<CreateFulfillmentOrderRequest>(&body.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path().as_str()),
        ("UNKNOWN_ENUM", "/shippingSpeedCategory")
    );
}

/// A getInventorySummaries response with every field (the model has no example).
fn inventory_response() -> Value {
    json!({
        "payload": {
            "granularity": { "granularityType": "Marketplace", "granularityId": "ATVPDKIKX0DER" },
            "inventorySummaries": [{
                "asin": "B07DFVDRAB", "fnSku": "X0014BIZ8T", "sellerSku": "TV-55",
                "condition": "NewItem",
                "inventoryDetails": {
                    "fulfillableQuantity": 4, "inboundWorkingQuantity": 1,
                    "inboundShippedQuantity": 2, "inboundReceivingQuantity": 0,
                    "reservedQuantity": { "totalReservedQuantity": 3, "pendingCustomerOrderQuantity": 2,
                        "pendingTransshipmentQuantity": 1, "fcProcessingQuantity": 0 },
                    "researchingQuantity": { "totalResearchingQuantity": 1,
                        "researchingQuantityBreakdown": [{ "name": "researchingQuantityInShortTerm", "quantity": 1 }] },
                    "unfulfillableQuantity": { "totalUnfulfillableQuantity": 1, "customerDamagedQuantity": 1,
                        "warehouseDamagedQuantity": 0, "distributorDamagedQuantity": 0,
                        "carrierDamagedQuantity": 0, "defectiveQuantity": 0, "expiredQuantity": 0 }
                },
                "lastUpdatedTime": "2026-11-20T08:00:00Z",
                "productName": "Television 55 inch", "totalQuantity": 11, "stores": []
            }, {
                "sellerSku": "CABLE", "totalQuantity": 7
            }]
        },
        "pagination": { "nextToken": "seed" }
    })
}

#[test]
fn an_inventory_summaries_response_round_trips_exactly_and_validates() {
    let body = inventory_response();
    assert_eq!(
        violations(FBA_INVENTORY_MODEL, "GetInventorySummariesResponse", &body),
        Vec::<String>::new()
    );
    assert_eq!(
        round_trip::<GetInventorySummariesResponse>("summaries", &body),
        Vec::<String>::new()
    );
    let failed = json!({ "errors": [{ "code": "InvalidInput" }] });
    assert_eq!(
        round_trip::<GetInventorySummariesResponse>("errors", &failed),
        Vec::<String>::new()
    );
}

#[test]
fn the_schema_checker_catches_what_it_must() {
    let mut body = full_create_request();
    body["sellerFulfillmentOrderId"] = json!("x".repeat(41));
    body["items"][0]["quantity"] = json!("2");
    body.as_object_mut()
        .unwrap()
        .remove("displayableOrderComment");
    body["destinationAddress"]["street"] = json!("?");
    let found = violations(OUTBOUND_MODEL, "CreateFulfillmentOrderRequest", &body);
    assert_eq!(
        found,
        vec![
            "(root) lacks required displayableOrderComment".to_string(),
            "/destinationAddress/street is not in the model".to_string(),
            "/items/0/quantity is not an integer".to_string(),
            "/sellerFulfillmentOrderId is longer than 40".to_string(),
        ]
    );
}
