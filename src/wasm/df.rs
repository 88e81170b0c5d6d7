//! Exports of the Direct Fulfillment engines after the acknowledgement.

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::df;

/// Turns Direct Fulfillment orders into ERP sales orders (and, with `preset: "netsuite"`,
/// NetSuite `salesorder` records with the customer's `shippingaddress`).
///
/// Returns `salesOrders` (one per order, the purchase order number as `externalId`, with the
/// ship method, required ship date and gift messages), `records` (with a preset), `notCreated`
/// (orders held or not to create, with reasons) and `exceptions`. An order with one line the ERP
/// cannot take is held whole (DF orders are fill or kill). The customer's address and gift
/// messages appear only in `salesOrders` and `records`, never in reasons, exceptions or errors.
///
/// @example
/// ```js
/// const { salesOrders, records, exceptions } = toDirectFulfillmentSalesOrders({
///   orders,                                            // from DF getOrders (2021-12-28)
///   skuMap: [{ sku: "WASHER-8KG", asin: "B07DFVDRAB" }],
///   locations: { "WH-EAST": "7" },                     // shipFromParty → ERP location
///   customers: [{ vendorCode: "VEND1", customer: "311", currencies: ["USD"] }],
///   autoAcknowledge: true,
///   preset: "netsuite",
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_DATE`,
/// `DUPLICATE_PURCHASE_ORDER`, `UNKNOWN_PRESET_FIELD`; `path` points at the offending field.
#[wasm_bindgen(
    js_name = toDirectFulfillmentSalesOrders,
    unchecked_return_type = "ToDfSalesOrdersOutput"
)]
pub fn to_direct_fulfillment_sales_orders(
    #[wasm_bindgen(unchecked_param_type = "ToDfSalesOrdersInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, df::to_df_sales_orders)
}

/// `toDirectFulfillmentSalesOrders` on JSON text: input and output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(toDirectFulfillmentSalesOrdersJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = toDirectFulfillmentSalesOrdersJson)]
pub fn to_direct_fulfillment_sales_orders_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, df::to_df_sales_orders)
}

/// Builds the Direct Fulfillment shipping documents from packed packages, each checked field
/// by field: the shipping label request (orders packed, not yet shipped), the shipment
/// confirmations (orders shipped: every line in full, containers with weights, dimensions,
/// tracking numbers and items per container) and the shipment status updates (a vendor's own
/// carrier); and Amazon's label answers as labels to store and print.
///
/// Returns `request` (submitShipmentConfirmations body), `labelRequest`
/// (submitShippingLabelRequest body), `statusUpdateRequest` (submitShipmentStatusUpdates body),
/// each absent when empty; `printableLabels`; `issues` (`code`, `severity`, `path` into the
/// input, `message`, `dueAt`): an order with an error issue is in no request; and `exceptions`
/// (ship-by date missed, confirmation later than 4 hours after shipment).
///
/// @example
/// ```js
/// const { request, issues } = buildDirectFulfillmentShipmentConfirmations({
///   orders: [order],                                   // DF getOrder (2021-12-28)
///   shipments: [{ purchaseOrderNumber: order.purchaseOrderNumber,
///     shippedDate: "2026-03-02T16:00:00Z",
///     packages: [{ containerIdentifier: "PKG-1", trackingNumber: "1Z999AA10123456784",
///       weight: { unitOfMeasure: "LB", value: "4.2" },
///       items: [{ itemSequenceNumber: "00001", quantity: 1 }] }] }],
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_DATE` (an
/// order's required ship date), `UNKNOWN_ENUM`; `path` points at the offending field.
#[wasm_bindgen(
    js_name = buildDirectFulfillmentShipmentConfirmations,
    unchecked_return_type = "BuildDfShipmentsOutput"
)]
pub fn build_direct_fulfillment_shipment_confirmations(
    #[wasm_bindgen(unchecked_param_type = "BuildDfShipmentsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, df::build_df_shipments)
}

/// `buildDirectFulfillmentShipmentConfirmations` on JSON text: input and output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(buildDirectFulfillmentShipmentConfirmationsJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = buildDirectFulfillmentShipmentConfirmationsJson)]
pub fn build_direct_fulfillment_shipment_confirmations_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, df::build_df_shipments)
}

/// Builds the Direct Fulfillment submitInvoice body (payments v1): one invoice per order
/// confirmed as shipped and not yet invoiced, at the order's net prices for the confirmed
/// quantities, with the order lines' taxes, tax totals per type and rate, and the total with
/// tax, in exact decimals.
///
/// Returns `request` (absent when nothing is to be invoiced), `invoiced` (the purchase order
/// numbers in it: pass them back as `invoiced` once Amazon accepts the invoice, so no order is
/// ever invoiced twice) and `exceptions` (orders held, e.g. `MISSING_INVOICE_NUMBER`).
///
/// @example
/// ```js
/// const { request, invoiced, exceptions } = buildDirectFulfillmentInvoices({
///   orders,                                            // DF getOrder (2021-12-28)
///   shipmentConfirmations: sent.shipmentConfirmations, // what was confirmed
///   invoiced: alreadyInvoiced,                         // PO numbers invoiced before
///   invoiceNumbers: { "2JK3S9VC": "INV-0001" },
///   remitToParty: { partyId: "VEND1" },
///   now: new Date().toISOString(),
/// });
/// ```
/// @throws {ConnectorError} `code` e.g. `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_DATE`;
/// `path` points at the offending field.
#[wasm_bindgen(
    js_name = buildDirectFulfillmentInvoices,
    unchecked_return_type = "BuildDfInvoicesOutput"
)]
pub fn build_direct_fulfillment_invoices(
    #[wasm_bindgen(unchecked_param_type = "BuildDfInvoicesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, df::build_df_invoices)
}

/// `buildDirectFulfillmentInvoices` on JSON text: input and output as JSON.
///
/// @example
/// ```js
/// const out = JSON.parse(buildDirectFulfillmentInvoicesJson(JSON.stringify(input)));
/// ```
#[wasm_bindgen(js_name = buildDirectFulfillmentInvoicesJson)]
pub fn build_direct_fulfillment_invoices_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, df::build_df_invoices)
}
