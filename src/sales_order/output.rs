//! What `toSalesOrders` returns: ERP-neutral sales orders, optionally also as preset records.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::exceptions::Exception;
use crate::money::Decimal;
use crate::spapi::orders::{ItemQuantity, PurchaseOrderState, PurchaseOrderType, WeightUnit};

/// The output of `toSalesOrders`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ToSalesOrdersOutput {
    /// One per PO that can become a sales order, in input order.
    pub sales_orders: Vec<SalesOrder>,
    /// The same sales orders in the requested preset's record shape (absent without `preset`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<ErpRecord>>,
    /// POs that did not become a sales order, and why.
    pub not_created: Vec<NotCreated>,
    /// Mapping failures and warnings, each blocking only its line or PO.
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// The status a new sales order is created in.
    SalesOrderStatus {
        /// A person approves before fulfilment (auto-acknowledge off for the PO or a SKU).
        PendingApproval = "pendingApproval",
        /// Ready for the warehouse.
        PendingFulfillment = "pendingFulfillment",
    }
}

/// An ERP-neutral sales order. The PO number is the external key, kept through fulfilment and
/// invoicing; lines keep Amazon's `itemSequenceNumber` so acknowledgements, ASNs and invoices
/// can refer back to them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SalesOrder {
    /// The PO number: the key to upsert the sales order by.
    pub external_id: String,
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// ISO-8601 UTC.
    pub purchase_order_date: String,
    /// When Amazon last changed the PO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_changed_date: Option<String>,
    /// `New`, `Acknowledged` or `Closed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_state: Option<PurchaseOrderState>,
    /// `RegularOrder`, `ConsignedOrder`, `NewProductIntroduction` or `RushOrder`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_type: Option<PurchaseOrderType>,
    /// The ERP customer.
    pub customer: String,
    /// The vendor code Amazon ordered from (`sellingParty.partyId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_code: Option<String>,
    /// Amazon's buying party id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buying_party: Option<String>,
    /// Amazon's fulfilment centre (`shipToParty.partyId`).
    pub fulfillment_center: String,
    /// The ERP location mapped from the fulfilment centre.
    pub location: String,
    /// ISO 4217, from the lines' `netCost`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Used when Amazon collects the freight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ship_window: Option<Window>,
    /// Used when the vendor pays the freight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<Window>,
    /// `pendingApproval` or `pendingFulfillment`, from the auto-acknowledge settings.
    pub status: SalesOrderStatus,
    /// The sales order lines, in PO order.
    pub lines: Vec<SalesOrderLine>,
    /// Σ line amounts of lines priced per each (exact).
    pub total: Decimal,
    /// PO lines left off this sales order, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub omitted_lines: Vec<OmittedLine>,
}

/// A `START--END` window, both ends ISO-8601 UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Window {
    /// Start, ISO-8601 UTC.
    pub start: String,
    /// End, ISO-8601 UTC.
    pub end: String,
}

/// One sales order line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SalesOrderLine {
    /// The PO line's `itemSequenceNumber`: the key back to Amazon.
    pub item_sequence_number: String,
    /// The ERP item (the skuMap `sku`).
    pub item: String,
    /// The line's ASIN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The line's vendor SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// As ordered, in the PO's unit (`unitOfMeasure` always spelled exactly; `unitSize` filled
    /// from the SKU map's `unitsPerCase` when Amazon omitted it).
    pub ordered_quantity: ItemQuantity,
    /// The ordered quantity in eaches: what the ERP line's quantity is.
    pub quantity_eaches: u64,
    /// Unit price = the PO's net cost, per each (or per `rateUnit` for items sold by weight).
    pub rate: Decimal,
    /// The weight unit `rate` is per, for items priced by weight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_unit: Option<WeightUnit>,
    /// `quantityEaches × rate`; absent for items priced by weight (the weight is not known yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    /// The PO's list price per each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_price: Option<Decimal>,
    /// Whether the PO line allows backorders.
    pub is_back_order_allowed: bool,
    /// Whether this line's SKU is auto-acknowledged (global setting or the SKU's rule).
    pub auto_acknowledge: bool,
}

/// A PO line that is not on the sales order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OmittedLine {
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// True when a person must fix something (see `exceptions`); false for a cancelled line.
    pub blocked: bool,
    /// Why the line was left out, in words.
    pub reason: String,
}

/// A PO that did not become a sales order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct NotCreated {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// True when a person must fix something (see `exceptions`); false for a Closed PO.
    pub blocked: bool,
    /// Why no sales order was created, in words.
    pub reasons: Vec<String>,
}

/// A sales order in an ERP's own field names: what a host script writes field by field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ErpRecord {
    /// e.g. `salesorder`.
    pub record_type: String,
    /// Body fields by field id. Dates are `YYYY-MM-DD` strings (convert to `Date` in the host).
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, string | number | boolean>")
    )]
    pub fields: BTreeMap<String, serde_json::Value>,
    /// Sublist lines by sublist id (e.g. `item`), each line by field id.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, Array<Record<string, string | number | boolean>>>")
    )]
    pub sublists: BTreeMap<String, Vec<BTreeMap<String, serde_json::Value>>>,
    /// Subrecords by field id (e.g. `shippingaddress` of a Direct Fulfillment order), each by
    /// field id; absent when there are none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "Record<string, Record<string, string>>")
    )]
    pub subrecords: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

/// The output of `diffPurchaseOrder`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DiffPurchaseOrderOutput {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// False when `previous` and `current` are identical.
    pub changed: bool,
    /// Every difference, each carrying the absolute new value (never a delta), so applying the
    /// list twice gives the same result as applying it once. Applied in order to `previous`, it
    /// yields `current` exactly. Header changes first, then removed, added and changed lines.
    pub changes: Vec<PoChange>,
    /// What the change means for the acknowledgement already sent.
    pub reacknowledgement: Reacknowledgement,
}

wire_enum! {
    /// What a [`PoChange`] is, in the terms Amazon uses for PO changes.
    ChangeKind {
        /// The ordered quantity changed (to a non-zero quantity).
        QuantityChanged = "quantityChanged",
        /// Ordered quantity went to 0.
        LineCancelled = "lineCancelled",
        /// Ordered quantity came back from 0.
        LineUncancelled = "lineUncancelled",
        /// The net cost changed.
        CostChanged = "costChanged",
        /// The list price changed.
        ListPriceChanged = "listPriceChanged",
        /// A line was added.
        LineAdded = "lineAdded",
        /// The line is no longer on the PO at all.
        LineRemoved = "lineRemoved",
        /// Another line field (product identifiers, `isBackOrderAllowed`).
        LineFieldChanged = "lineFieldChanged",
        /// The order of the lines changed (no quantity or price change).
        LinesReordered = "linesReordered",
        /// The ship window changed.
        ShipWindowChanged = "shipWindowChanged",
        /// The delivery window changed.
        DeliveryWindowChanged = "deliveryWindowChanged",
        /// `shipToParty` changed its fulfilment centre code.
        FulfillmentCenterChanged = "fulfillmentCenterChanged",
        /// The purchase order type changed.
        PurchaseOrderTypeChanged = "purchaseOrderTypeChanged",
        /// `purchaseOrderState` (order level).
        StateChanged = "stateChanged",
        /// Another `orderDetails` field (dates, parties, payment, import details, …).
        HeaderFieldChanged = "headerFieldChanged",
    }
}

/// One difference between two versions of a PO, addressed by Amazon field name: a header field
/// of `orderDetails` (or `purchaseOrderState` on the order), or a field of the line with
/// `itemSequenceNumber` (`field: "item"` for a whole line added or removed, `field: "items"`
/// with the list of sequence numbers for a reordering).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PoChange {
    /// What changed.
    pub kind: ChangeKind,
    /// The line concerned, for a line change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The Amazon field that changed (`item` for a whole line, `items` for the line order).
    pub field: String,
    /// The value in `previous`; absent when the field was absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    pub from: Option<serde_json::Value>,
    /// The value in `current`; absent when the field was removed (set it absent in the ERP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    pub to: Option<serde_json::Value>,
    /// The change in words.
    pub description: String,
}

wire_enum! {
    /// Why a line must be acknowledged again.
    ReacknowledgementReason {
        /// A line was added.
        LineAdded = "lineAdded",
        /// A cancelled line is ordered again.
        LineUncancelled = "lineUncancelled",
        /// The ordered quantity changed.
        QuantityChanged = "quantityChanged",
        /// The net cost changed.
        CostChanged = "costChanged",
        /// The ship window changed.
        ShipWindowChanged = "shipWindowChanged",
        /// The delivery window changed.
        DeliveryWindowChanged = "deliveryWindowChanged",
        /// The fulfilment centre (ship-to) changed.
        FulfillmentCenterChanged = "fulfillmentCenterChanged",
        /// The line's product identifiers changed.
        ProductChanged = "productChanged",
        /// Whether backorders are allowed changed.
        BackOrderAllowanceChanged = "backOrderAllowanceChanged",
    }
}

/// The re-acknowledgement a PO change requires, as plain data for the acknowledgement engine's
/// history rules (which decide, e.g., that a line once rejected stays rejected).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reacknowledgement {
    /// True when at least one line must be acknowledged again.
    pub required: bool,
    /// `purchaseOrderChangedDate` of `current` (ISO-8601 as Amazon sent it), when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
    /// Lines to acknowledge again, in `current`'s line order.
    pub lines: Vec<ReacknowledgementLine>,
    /// Lines Amazon cancelled or removed: nothing to acknowledge; release their reserved stock.
    pub cancelled_lines: Vec<CancelledLine>,
    /// The rule applied, in words.
    pub note: String,
}

/// One line to acknowledge again, with both versions of what the acknowledgement depends on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReacknowledgementLine {
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// Why the line must be acknowledged again.
    pub reasons: Vec<ReacknowledgementReason>,
    /// Absent for an added line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_ordered_quantity: Option<ItemQuantity>,
    /// What Amazon orders now, in the PO's unit.
    pub ordered_quantity: ItemQuantity,
    /// The PO's net cost before the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_net_cost: Option<crate::spapi::orders::Money>,
    /// The PO's net cost now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<crate::spapi::orders::Money>,
    /// The change in words.
    pub description: String,
}

/// A line Amazon no longer wants.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CancelledLine {
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// What was ordered before Amazon cancelled or removed the line.
    pub previous_ordered_quantity: ItemQuantity,
    /// True when the line disappeared from the PO; false when its quantity went to 0.
    pub removed: bool,
}
