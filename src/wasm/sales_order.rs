//! Exports of the sales-order engine: `toSalesOrders` and `diffPurchaseOrder`.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::sales_order;

/// Turns retail POs into ERP-neutral sales orders (and, with `preset: "netsuite"`, NetSuite
/// `salesorder` records).
///
/// Returns `salesOrders` (one per PO, the PO number as `externalId`), `records` (with a
/// preset), `notCreated` (POs blocked or Closed, with reasons) and `exceptions` (mapping
/// failures block only their line or PO).
///
/// @example
/// ```js
/// const { salesOrders, records, exceptions } = toSalesOrders({
///   purchaseOrders: orders,                                  // from getPurchaseOrders
///   skuMap: [{ sku: "1042", asin: "B07DFVDRAB", unitsPerCase: 4 }],
///   locations: [{ fulfillmentCenter: "SEA8", location: "7" }],
///   customers: [{ vendorCode: "VEND1", customer: "311", currencies: ["USD"] }],
///   autoAcknowledge: true,
///   preset: "netsuite",
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `DUPLICATE_PURCHASE_ORDER`,
/// `DUPLICATE_LOCATION_MAPPING`, `UNKNOWN_PRESET_FIELD`; `path` points at the offending field.
#[wasm_bindgen(js_name = toSalesOrders, unchecked_return_type = "ToSalesOrdersOutput")]
pub fn to_sales_orders(
    #[wasm_bindgen(unchecked_param_type = "ToSalesOrdersInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, sales_order::to_sales_orders)
}

/// `toSalesOrders` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(toSalesOrdersJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = toSalesOrdersJson)]
pub fn to_sales_orders_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, sales_order::to_sales_orders)
}

/// Compares two versions of one PO: `changes` (absolute and keyed, so applying them twice is
/// harmless; applied to `previous` they give `current`) and `reacknowledgement` (the lines to
/// acknowledge again, and why).
///
/// @example
/// ```js
/// const { changed, changes, reacknowledgement } = diffPurchaseOrder({
///   previous: storedOrder,
///   current: await client.getPurchaseOrder(storedOrder.purchaseOrderNumber),
/// });
/// if (reacknowledgement.required) queueForAcknowledgement(reacknowledgement.lines);
/// ```
/// @throws {ConnectorError} `code` e.g. `PURCHASE_ORDER_MISMATCH`, `ORDER_DETAILS_MISSING`,
/// `DUPLICATE_LINE`.
#[wasm_bindgen(js_name = diffPurchaseOrder, unchecked_return_type = "DiffPurchaseOrderOutput")]
pub fn diff_purchase_order(
    #[wasm_bindgen(unchecked_param_type = "DiffPurchaseOrderInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, sales_order::diff_purchase_order)
}

/// `diffPurchaseOrder` on JSON text.
///
/// @example
/// ```js
/// const diff = JSON.parse(diffPurchaseOrderJson(JSON.stringify({ previous, current })));
/// ```
#[wasm_bindgen(js_name = diffPurchaseOrderJson)]
pub fn diff_purchase_order_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, sales_order::diff_purchase_order)
}
