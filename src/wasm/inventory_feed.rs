//! Exports of the DF inventory feed: `inventoryFeed`.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::inventory_feed;

/// Builds the Direct Fulfillment `submitInventoryUpdate` bodies per warehouse from ERP stock,
/// with change detection against `lastSent`, batching and the zero-stock guard.
///
/// Returns `requests` (POST each `body` to
/// `/vendor/directFulfillment/inventory/v1/warehouses/{warehouseId}/items`), `items` (every
/// position's arithmetic and fate), `heldZeros`, `fullUpdates` (with `fullUpdate: true`),
/// `lastSentAfter` (store it once every request succeeded) and `exceptions`.
///
/// @example
/// ```js
/// const { requests, heldZeros, lastSentAfter } = inventoryFeed({
///   sellingParty: "VENDORID",
///   positions: [{ warehouseId: "ABCD", sku: "1042", onHand: 40, committed: 5, safetyStock: 5 }],
///   skuMap: [{ sku: "1042", asin: "B07DFVDRAB", vendorSku: "7Q89K11" }],
///   rules: [{ sku: "1042", critical: true }],
///   lastSent: stored.lastSent ?? [],
/// });
/// for (const r of requests) await client.submitInventoryUpdate(r.warehouseId, r.body);
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `DUPLICATE_POSITION`,
/// `MISSING_STOCK_QUANTITY`, `DUPLICATE_RULE`, `INVALID_VALUE` (batchSize 0).
#[wasm_bindgen(js_name = inventoryFeed, unchecked_return_type = "InventoryFeedOutput")]
pub fn inventory_feed(
    #[wasm_bindgen(unchecked_param_type = "InventoryFeedInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, inventory_feed::inventory_feed)
}

/// `inventoryFeed` on JSON text.
///
/// @example
/// ```js
/// const feed = JSON.parse(inventoryFeedJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = inventoryFeedJson)]
pub fn inventory_feed_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, inventory_feed::inventory_feed)
}
