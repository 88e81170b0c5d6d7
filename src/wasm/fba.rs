//! Exports of the FBA routing engine.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::fba;

/// Routes an order from any channel between FBA and the own warehouse.
///
/// Returns `packages` (an FBA package, flagged `fulfilledBy: "fba"` with a note of what was
/// sent, and/or an own-warehouse package), `request` (the exact createFulfillmentOrder body for
/// the FBA part, or `null`), `lines` (where each unit of each line went, and why),
/// `carrierExport` (own-warehouse package ids for the carrier tool; never FBA), `notes` and
/// `exceptions`.
///
/// @example
/// ```js
/// const { packages, request, carrierExport } = routeFulfillment({
///   order: {
///     channel: "webstore", orderId: "1001", orderDate: "2026-11-20T10:00:00Z",
///     shippingSpeed: "express",
///     lines: [{ sku: "TV-55", quantity: 1 }, { sku: "MUG", quantity: 2 }],
///     shipTo: { name: "…", addressLine1: "…", city: "Troy", postalCode: "48084", countryCode: "US" },
///   },
///   fbaStock: [{ sku: "TV-55", fulfillableQuantity: 4 }],   // or a getInventorySummaries response
///   channelRules: { forbidFba: ["ebay"], amazonFulfilled: ["Amazon.com"] },
///   options: { speedMapping: { express: "Expedited" }, sellerFulfillmentOrderIdPrefix: "MCF-" },
/// });
/// if (request) await client.createFulfillmentOrder(request);
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_VALUE`, `DUPLICATE_LINE_ID`,
/// `DUPLICATE_FBA_SKU`, `CONFLICTING_CHANNEL_RULES`; `path` points at the offending field
/// (values inside the ship-to address are never repeated).
#[wasm_bindgen(js_name = routeFulfillment, unchecked_return_type = "RouteFulfillmentOutput")]
pub fn route_fulfillment(
    #[wasm_bindgen(unchecked_param_type = "RouteFulfillmentInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, fba::route_fulfillment)
}

/// `routeFulfillment` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(routeFulfillmentJson(JSON.stringify({ order, fbaStock })));
/// ```
#[wasm_bindgen(js_name = routeFulfillmentJson)]
pub fn route_fulfillment_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, fba::route_fulfillment)
}

/// Moves a package along after Amazon's answer or a person's decision.
///
/// `event` has exactly one key: `createFulfillmentOrder` (Amazon's answer to the create),
/// `fulfillmentOrder` (a getFulfillmentOrder response), `packageTracking` (a
/// getPackageTrackingDetails response), `recreateFromOwnStock` (`{ reason? }`) or
/// `shippedByOwnCarrier` (`{ carrierCode, trackingNumber, shipDate? }`). Returns the `package`'s
/// next state, a `recreated` own-warehouse package, `trackingToPropagate` to the origin channel,
/// `orderStatus` / `orderFullyShipped` (from `otherPackages` too), `notes` and `exceptions`.
///
/// @example
/// ```js
/// const answer = await client.getFulfillmentOrder(fbaPackage.sellerFulfillmentOrderId);
/// const next = applyFulfillmentEvent({
///   package: fbaPackage, event: { fulfillmentOrder: answer }, otherPackages: [ownPackage],
/// });
/// for (const update of next.trackingToPropagate) await channel.markShipped(update);
/// ```
/// @throws {ConnectorError} `code` e.g. `PACKAGE_KIND_MISMATCH`, `FULFILLMENT_ORDER_MISMATCH`,
/// `PACKAGE_ORDER_MISMATCH`, `DUPLICATE_PACKAGE`, `EVENT_WITHOUT_PAYLOAD`, `UNKNOWN_ENUM`.
#[wasm_bindgen(
    js_name = applyFulfillmentEvent,
    unchecked_return_type = "ApplyFulfillmentEventOutput"
)]
pub fn apply_fulfillment_event(
    #[wasm_bindgen(unchecked_param_type = "ApplyFulfillmentEventInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, fba::apply_fulfillment_event)
}

/// `applyFulfillmentEvent` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const next = JSON.parse(applyFulfillmentEventJson(JSON.stringify({ package, event })));
/// ```
#[wasm_bindgen(js_name = applyFulfillmentEventJson)]
pub fn apply_fulfillment_event_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, fba::apply_fulfillment_event)
}
