//! Bad input to `routeFulfillment` and `applyFulfillmentEvent`: each case asserts the stable
//! `code` and the JSON-pointer `path`, and that nothing from the ship-to address is repeated.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::fba::{self, FbaError};
use vendor_central_connector::input::parse_input;

fn address() -> Value {
    json!({ "name": "Jane Buyer", "addressLine1": "1234 Example Way", "city": "Troy",
            "stateOrRegion": "MI", "postalCode": "48084", "countryCode": "US" })
}

fn route_input() -> Value {
    json!({
        "order": {
            "channel": "webstore", "orderId": "WEB-1", "orderDate": "2026-11-20T10:00:00Z",
            "lines": [{ "sku": "TV-55", "quantity": 2 }, { "sku": "MUG", "quantity": 1 }],
            "shipTo": address()
        },
        "fbaStock": [{ "sku": "TV-55", "fulfillableQuantity": 5 }],
        "channelRules": { "forbidFba": ["ebay"], "amazonFulfilled": ["Amazon.com"] },
        "options": { "speedMapping": { "express": "Expedited" } }
    })
}

fn route(input: &Value) -> Result<fba::RouteFulfillmentOutput, FbaError> {
    parse_input(&input.to_string())
        .map_err(FbaError::from)
        .and_then(fba::route_fulfillment)
}

fn route_error(input: &Value) -> (String, String) {
    let err = route(input).expect_err("must fail");
    let text = format!("{err} {}", err.details());
    for personal in ["Jane Buyer", "1234 Example Way", "48084"] {
        assert!(
            !text.contains(personal),
            "error repeats personal data: {text}"
        );
    }
    (err.code().to_string(), err.path())
}

/// `input` with the value at `pointer` set (the parent must exist; the key may not).
fn with(mut input: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    input
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{pointer}"))
        .insert(key.to_string(), value);
    input
}

fn without(mut input: Value, parent: &str, key: &str) -> Value {
    input
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    input
}

#[test]
fn the_valid_input_routes() {
    let out = route(&route_input()).unwrap();
    assert_eq!(out.packages.len(), 2);
}

#[test]
fn structural_errors_point_at_the_field() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            without(route_input(), "/order", "shipTo"),
            "MISSING_FIELD",
            "/order/shipTo",
        ),
        (
            without(route_input(), "/order/shipTo", "postalCode"),
            "MISSING_FIELD",
            "/order/shipTo/postalCode",
        ),
        (
            with(route_input(), "/order/shipTo/postalCode", json!(48084)),
            "INVALID_TYPE",
            "/order/shipTo/postalCode",
        ),
        (
            with(route_input(), "/order/shipTo/name", json!(["Jane Buyer"])),
            "INVALID_TYPE",
            "/order/shipTo/name",
        ),
        (
            with(route_input(), "/order/lines/0/quantity", json!(-2)),
            "INVALID_VALUE",
            "/order/lines/0/quantity",
        ),
        (
            with(route_input(), "/order/orderDate", json!("20/11/2026")),
            "INVALID_DATE",
            "/order/orderDate",
        ),
        (
            with(route_input(), "/fbaStock", json!("TV-55")),
            "INVALID_TYPE",
            "/fbaStock",
        ),
        (
            with(route_input(), "/fbaStock", json!([{ "sku": "TV-55" }])),
            "MISSING_FIELD",
            "/fbaStock/0/fulfillableQuantity",
        ),
        (
            with(
                route_input(),
                "/fbaStock",
                json!({ "payload": { "inventorySummaries": [
                    { "sellerSku": "TV-55", "inventoryDetails": { "fulfillableQuantity": "4" } }
                ] } }),
            ),
            "INVALID_TYPE",
            "/fbaStock/payload/inventorySummaries/0/inventoryDetails/fulfillableQuantity",
        ),
        (
            with(
                route_input(),
                "/options/speedMapping",
                json!({ "express": "Overnight" }),
            ),
            "UNKNOWN_ENUM",
            "/options/speedMapping/express",
        ),
        (
            with(
                route_input(),
                "/options/splitPartialQuantities",
                json!("yes"),
            ),
            "INVALID_TYPE",
            "/options/splitPartialQuantities",
        ),
    ];
    for (input, code, path) in cases {
        assert_eq!(
            route_error(&input),
            (code.to_string(), path.to_string()),
            "{path}"
        );
    }
}

#[test]
fn typos_in_field_names_are_errors() {
    let mut input = route_input();
    input["fbaStok"] = json!([]);
    assert_eq!(
        route_error(&input),
        ("UNKNOWN_FIELD".into(), "/fbaStok".into())
    );
    let mut input = route_input();
    input["options"]["fallbackToOwnStok"] = json!(false);
    assert_eq!(
        route_error(&input),
        ("UNKNOWN_FIELD".into(), "/options/fallbackToOwnStok".into())
    );
    let mut input = route_input();
    input["order"]["lines"][0]["qty"] = json!(1);
    assert_eq!(
        route_error(&input),
        ("UNKNOWN_FIELD".into(), "/order/lines/0/qty".into())
    );
}

#[test]
fn semantic_errors_point_at_the_field() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            with(route_input(), "/order/lines/1/sku", json!("TV-55")).pipe(|mut v| {
                v["order"]["lines"][0]["lineId"] = json!("L");
                v["order"]["lines"][1]["lineId"] = json!("L");
                v
            }),
            "DUPLICATE_LINE_ID",
            "/order/lines/1",
        ),
        (
            // An explicit id equal to another line's position is a duplicate too.
            with(route_input(), "/order/lines/0/lineId", json!("2")),
            "DUPLICATE_LINE_ID",
            "/order/lines/1",
        ),
        (
            with(route_input(), "/order/lines/0/lineId", json!(" ")),
            "INVALID_VALUE",
            "/order/lines/0/lineId",
        ),
        (
            with(route_input(), "/order/lines/1/sku", json!("")),
            "INVALID_VALUE",
            "/order/lines/1/sku",
        ),
        (
            with(route_input(), "/order/orderId", json!("  ")),
            "INVALID_VALUE",
            "/order/orderId",
        ),
        (
            with(route_input(), "/order/channel", json!("")),
            "INVALID_VALUE",
            "/order/channel",
        ),
        (
            with(
                route_input(),
                "/fbaStock",
                json!([{ "sku": "TV-55", "fulfillableQuantity": 1 }, { "sku": "TV-55", "fulfillableQuantity": 2 }]),
            ),
            "DUPLICATE_FBA_SKU",
            "/fbaStock/1/sku",
        ),
        (
            with(
                route_input(),
                "/fbaStock",
                json!({ "payload": { "granularity": {}, "inventorySummaries": [
                    { "sellerSku": "TV-55" }, { "sellerSku": "TV-55" }
                ] } }),
            ),
            "DUPLICATE_FBA_SKU",
            "/fbaStock/payload/inventorySummaries/1/sellerSku",
        ),
        (
            with(
                route_input(),
                "/fbaStock",
                json!([{ "sku": "S".repeat(51), "fulfillableQuantity": 1 }]),
            ),
            "INVALID_VALUE",
            "/fbaStock/0/sku",
        ),
        (
            with(
                route_input(),
                "/fbaStock",
                json!({ "errors": [{ "code": "Unauthorized" }] }),
            ),
            "INVALID_VALUE",
            "/fbaStock/payload",
        ),
        (
            with(
                route_input(),
                "/channelRules/amazonFulfilled",
                json!(["EBAY "]),
            ),
            "CONFLICTING_CHANNEL_RULES",
            "/channelRules/amazonFulfilled/0",
        ),
        (
            with(
                route_input(),
                "/options/sellerFulfillmentOrderIdPrefix",
                json!("MCF/"),
            ),
            "INVALID_VALUE",
            "/options/sellerFulfillmentOrderIdPrefix",
        ),
        (
            with(
                route_input(),
                "/options/sellerFulfillmentOrderIdPrefix",
                json!("P".repeat(21)),
            ),
            "INVALID_VALUE",
            "/options/sellerFulfillmentOrderIdPrefix",
        ),
        (
            with(
                route_input(),
                "/options/speedMapping",
                json!({ "next/day": "ScheduledDelivery" }),
            ),
            "INVALID_VALUE",
            "/options/speedMapping/next~1day",
        ),
        (
            with(route_input(), "/order/comment", json!("x".repeat(751))),
            "INVALID_VALUE",
            "/order/comment",
        ),
    ];
    for (input, code, path) in cases {
        assert_eq!(
            route_error(&input),
            (code.to_string(), path.to_string()),
            "{path}"
        );
    }
}

#[test]
fn an_incomplete_ship_to_is_an_exception_and_keeps_the_lines_off_fba() {
    let input = with(route_input(), "/order/shipTo/postalCode", json!(" "));
    let out = route(&input).unwrap();
    assert!(out.request.is_none());
    assert_eq!(out.lines[0].own_warehouse, 2);
    let exception = &out.exceptions[0];
    assert_eq!(exception.code, "SHIP_TO_INCOMPLETE");
    assert!(exception.message.contains("postalCode"));
    let text = serde_json::to_string(&out).unwrap();
    assert!(!text.contains("Jane Buyer") && !text.contains("1234 Example Way"));
    // Japan needs no city.
    let input = with(route_input(), "/order/shipTo/countryCode", json!("JP"));
    let input = without(input, "/order/shipTo", "city");
    assert!(route(&input).unwrap().request.is_some());
}

trait Pipe: Sized {
    fn pipe(self, f: impl FnOnce(Self) -> Self) -> Self {
        f(self)
    }
}
impl Pipe for Value {}

// ---- applyFulfillmentEvent ----

fn fba_package() -> Value {
    json!({
        "packageId": "WEB-1-FBA", "channel": "webstore", "orderId": "WEB-1",
        "fulfilledBy": "fba", "status": "sentToFba",
        "lines": [{ "lineId": "1", "sku": "TV-55", "quantity": 2, "sellerFulfillmentOrderItemId": "1" }],
        "sellerFulfillmentOrderId": "webstore-WEB-1", "notes": []
    })
}

fn own_package() -> Value {
    json!({
        "packageId": "WEB-1-OWN", "channel": "webstore", "orderId": "WEB-1",
        "fulfilledBy": "ownWarehouse", "status": "toShip",
        "lines": [{ "lineId": "2", "sku": "MUG", "quantity": 1 }], "notes": []
    })
}

fn fulfillment_order(id: &str) -> Value {
    json!({ "payload": {
        "fulfillmentOrder": {
            "sellerFulfillmentOrderId": id, "marketplaceId": "ATVPDKIKX0DER",
            "displayableOrderId": "WEB-1", "displayableOrderDate": "2026-11-20T10:00:00Z",
            "displayableOrderComment": "Thanks", "shippingSpeedCategory": "Standard",
            "destinationAddress": address(), "receivedDate": "2026-11-20T10:05:00Z",
            "fulfillmentOrderStatus": "Processing", "statusUpdatedDate": "2026-11-20T11:00:00Z"
        },
        "fulfillmentOrderItems": [{ "sellerSku": "TV-55", "sellerFulfillmentOrderItemId": "1",
            "quantity": 2, "cancelledQuantity": 0, "unfulfillableQuantity": 0 }],
        "returnItems": [], "returnAuthorizations": []
    } })
}

fn event_error(input: &Value) -> (String, String) {
    let err = parse_input(&input.to_string())
        .map_err(FbaError::from)
        .and_then(fba::apply_fulfillment_event)
        .expect_err("must fail");
    let text = format!("{err} {}", err.details());
    for personal in ["Jane Buyer", "1234 Example Way", "48084"] {
        assert!(
            !text.contains(personal),
            "error repeats personal data: {text}"
        );
    }
    (err.code().to_string(), err.path())
}

#[test]
fn event_errors_point_at_the_field() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({ "package": own_package(), "event": { "fulfillmentOrder": fulfillment_order("webstore-WEB-1") } }),
            "PACKAGE_KIND_MISMATCH",
            "/event/fulfillmentOrder",
        ),
        (
            json!({ "package": fba_package(), "event": { "shippedByOwnCarrier": { "carrierCode": "DHL", "trackingNumber": "1" } } }),
            "PACKAGE_KIND_MISMATCH",
            "/event/shippedByOwnCarrier",
        ),
        (
            json!({ "package": fba_package(), "event": { "fulfillmentOrder": fulfillment_order("other-order") } }),
            "FULFILLMENT_ORDER_MISMATCH",
            "/event/fulfillmentOrder/payload/fulfillmentOrder/sellerFulfillmentOrderId",
        ),
        (
            json!({ "package": fba_package(), "event": { "fulfillmentOrder": {} } }),
            "EVENT_WITHOUT_PAYLOAD",
            "/event/fulfillmentOrder",
        ),
        (
            json!({ "package": fba_package(), "event": { "packageTracking": {} } }),
            "EVENT_WITHOUT_PAYLOAD",
            "/event/packageTracking",
        ),
        (
            json!({ "package": fba_package(), "event": { "recreateFromOwnStock": {} },
                    "otherPackages": [with(own_package(), "/orderId", json!("WEB-2"))] }),
            "PACKAGE_ORDER_MISMATCH",
            "/otherPackages/0/orderId",
        ),
        (
            json!({ "package": fba_package(), "event": { "recreateFromOwnStock": {} },
                    "otherPackages": [own_package(), own_package()] }),
            "DUPLICATE_PACKAGE",
            "/otherPackages/1/packageId",
        ),
        (
            json!({ "package": fba_package(), "event": { "recreateFromOwnStock": {} },
                    "otherPackages": [with(own_package(), "/packageId", json!("WEB-1-FBA-OWN"))] }),
            "DUPLICATE_PACKAGE",
            "/otherPackages/0/packageId",
        ),
        (
            json!({ "package": without(fba_package(), "", "sellerFulfillmentOrderId"),
                    "event": { "fulfillmentOrder": fulfillment_order("webstore-WEB-1") } }),
            "INVALID_VALUE",
            "/package/sellerFulfillmentOrderId",
        ),
        (
            json!({ "package": with(fba_package(), "/status", json!("Shiped")), "event": { "recreateFromOwnStock": {} } }),
            "UNKNOWN_ENUM",
            "/package/status",
        ),
        (
            json!({ "package": fba_package(), "event": { "fulfillmentOrder":
                with(fulfillment_order("webstore-WEB-1"), "/payload/fulfillmentOrder/destinationAddress/postalCode", json!(48084)) } }),
            "INVALID_TYPE",
            "/event/fulfillmentOrder/payload/fulfillmentOrder/destinationAddress/postalCode",
        ),
        (
            json!({ "package": fba_package(), "event": { "fulfillmentOrder":
                with(fulfillment_order("webstore-WEB-1"), "/payload/fulfillmentOrder/fulfillmentOrderStatus", json!("Lost")) } }),
            "UNKNOWN_ENUM",
            "/event/fulfillmentOrder/payload/fulfillmentOrder/fulfillmentOrderStatus",
        ),
        (
            json!({ "package": fba_package(), "event": { "teleport": {} } }),
            "UNKNOWN_ENUM",
            "/event",
        ),
        (
            json!({ "package": fba_package() }),
            "MISSING_FIELD",
            "/event",
        ),
    ];
    for (input, code, path) in cases {
        assert_eq!(
            event_error(&input),
            (code.to_string(), path.to_string()),
            "{path}"
        );
    }
}

#[test]
fn stock_without_details_is_reported_only_where_it_kept_a_line_off_fba() {
    let summaries = json!({ "payload": { "granularity": {}, "inventorySummaries": [
        { "sellerSku": "TV-55", "totalQuantity": 9 }
    ] } });
    let input = with(route_input(), "/fbaStock", summaries.clone());
    let out = route(&input).unwrap();
    let codes: Vec<&str> = out.exceptions.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["FBA_STOCK_WITHOUT_DETAILS"]);
    assert_eq!(out.lines[0].own_warehouse, 2);
    // A channel that forbids FBA never needed the figure.
    let input = with(
        with(route_input(), "/fbaStock", summaries),
        "/order/channel",
        json!("ebay"),
    );
    assert!(route(&input).unwrap().exceptions.is_empty());
}
