//! The NetSuite preset: a neutral sales order as a `salesorder` record with its `item` sublist,
//! in NetSuite field ids, ready for `record.create` + `setValue` / `setSublistValue`.
//!
//! Standard fields keep NetSuite's ids; what NetSuite has no standard field for (ASIN, the PO's
//! unit of measure, the windows, Amazon's line number) goes into custom fields whose ids default
//! to `custbody_vcc_…` / `custcol_vcc_…` and can be renamed with `presetFieldIds`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::error::SalesOrderError;
use super::output::{ErpRecord, SalesOrder, SalesOrderLine, SalesOrderStatus};

/// Every custom field of the preset: (default id, what it holds). The table in
/// `src/sales_order/README.md` is this list.
pub const CUSTOM_FIELDS: &[(&str, &str)] = &[
    (
        "custbody_vcc_vendor_code",
        "vendor code Amazon ordered from (sellingParty)",
    ),
    (
        "custbody_vcc_fulfillment_center",
        "Amazon fulfilment centre code (shipToParty)",
    ),
    ("custbody_vcc_po_type", "purchaseOrderType"),
    ("custbody_vcc_currency", "ISO 4217 currency of the PO lines"),
    (
        "custbody_vcc_ship_window_start",
        "shipWindow start, ISO-8601 UTC",
    ),
    (
        "custbody_vcc_ship_window_end",
        "shipWindow end, ISO-8601 UTC",
    ),
    (
        "custbody_vcc_delivery_window_start",
        "deliveryWindow start, ISO-8601 UTC",
    ),
    (
        "custbody_vcc_delivery_window_end",
        "deliveryWindow end, ISO-8601 UTC",
    ),
    (
        "custcol_vcc_item_sequence_number",
        "Amazon itemSequenceNumber (the key acknowledgements, ASNs and invoices use)",
    ),
    ("custcol_vcc_asin", "ASIN (amazonProductIdentifier)"),
    ("custcol_vcc_vendor_product_id", "vendorProductIdentifier"),
    (
        "custcol_vcc_ordered_quantity",
        "ordered amount in the PO's unit",
    ),
    ("custcol_vcc_unit_of_measure", "Cases or Eaches, as ordered"),
    ("custcol_vcc_unit_size", "eaches per case"),
    (
        "custcol_vcc_rate_unit",
        "weight unit the rate is per (items sold by weight)",
    ),
    ("custcol_vcc_backorder_allowed", "isBackOrderAllowed"),
];

/// The custom field ids in use: the defaults with the caller's renames applied.
pub(crate) struct FieldIds {
    ids: BTreeMap<&'static str, String>,
}

impl FieldIds {
    pub(crate) fn new(renames: &BTreeMap<String, String>) -> Result<Self, SalesOrderError> {
        Self::with(CUSTOM_FIELDS, renames)
    }

    /// The ids of the custom fields in `fields` (another preset's list), renamed.
    pub(crate) fn with(
        fields: &[(&'static str, &'static str)],
        renames: &BTreeMap<String, String>,
    ) -> Result<Self, SalesOrderError> {
        let mut ids: BTreeMap<&'static str, String> =
            fields.iter().map(|(id, _)| (*id, id.to_string())).collect();
        for (from, to) in renames {
            match ids.get_mut(from.as_str()) {
                Some(id) => *id = to.clone(),
                None => {
                    return Err(SalesOrderError::UnknownPresetField {
                        path: crate::error::pointer_child("/presetFieldIds", from),
                        field: from.clone(),
                    });
                }
            }
        }
        Ok(FieldIds { ids })
    }

    pub(crate) fn id(&self, default: &'static str) -> String {
        self.ids
            .get(default)
            .cloned()
            .unwrap_or_else(|| default.to_string())
    }
}

/// `YYYY-MM-DD` of an ISO-8601 UTC instant (NetSuite date fields hold dates, not times).
pub(crate) fn date_part(instant: &str) -> String {
    instant.get(..10).unwrap_or(instant).to_string()
}

/// NetSuite's `orderstatus` codes: A = Pending Approval, B = Pending Fulfillment.
pub(crate) fn order_status(status: SalesOrderStatus) -> &'static str {
    match status {
        SalesOrderStatus::PendingApproval => "A",
        SalesOrderStatus::PendingFulfillment => "B",
    }
}

/// The sales order as a NetSuite `salesorder` record.
pub(crate) fn record(order: &SalesOrder, ids: &FieldIds) -> ErpRecord {
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    let mut set = |id: String, value: Value| {
        fields.insert(id, value);
    };
    set("externalid".into(), json!(order.external_id));
    set("otherrefnum".into(), json!(order.purchase_order_number));
    set("entity".into(), json!(order.customer));
    set("location".into(), json!(order.location));
    set(
        "trandate".into(),
        json!(date_part(&order.purchase_order_date)),
    );
    set("orderstatus".into(), json!(order_status(order.status)));
    set(
        "memo".into(),
        json!(format!("Amazon PO {}", order.purchase_order_number)),
    );
    // The date the goods must leave: the ship window when Amazon collects, else the start of
    // the delivery window (the vendor's carrier must deliver within it).
    if let Some(start) = order
        .ship_window
        .as_ref()
        .or(order.delivery_window.as_ref())
        .map(|w| &w.start)
    {
        set("shipdate".into(), json!(date_part(start)));
    }
    if let Some(vendor_code) = &order.vendor_code {
        set(ids.id("custbody_vcc_vendor_code"), json!(vendor_code));
    }
    set(
        ids.id("custbody_vcc_fulfillment_center"),
        json!(order.fulfillment_center),
    );
    if let Some(kind) = order.purchase_order_type {
        set(ids.id("custbody_vcc_po_type"), json!(kind.as_str()));
    }
    if let Some(currency) = &order.currency_code {
        set(ids.id("custbody_vcc_currency"), json!(currency));
    }
    if let Some(window) = &order.ship_window {
        set(
            ids.id("custbody_vcc_ship_window_start"),
            json!(window.start),
        );
        set(ids.id("custbody_vcc_ship_window_end"), json!(window.end));
    }
    if let Some(window) = &order.delivery_window {
        set(
            ids.id("custbody_vcc_delivery_window_start"),
            json!(window.start),
        );
        set(
            ids.id("custbody_vcc_delivery_window_end"),
            json!(window.end),
        );
    }
    let items = order
        .lines
        .iter()
        .map(|line| item_line(line, ids))
        .collect();
    ErpRecord {
        record_type: "salesorder".to_string(),
        fields,
        sublists: BTreeMap::from([("item".to_string(), items)]),
        subrecords: BTreeMap::new(),
    }
}

fn item_line(line: &SalesOrderLine, ids: &FieldIds) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    out.insert("item".to_string(), json!(line.item));
    out.insert("quantity".to_string(), json!(line.quantity_eaches));
    // A decimal string: the host converts at the NetSuite call, the core never uses floats.
    out.insert("rate".to_string(), json!(line.rate.to_string()));
    out.insert(
        ids.id("custcol_vcc_item_sequence_number"),
        json!(line.item_sequence_number),
    );
    if let Some(asin) = &line.asin {
        out.insert(ids.id("custcol_vcc_asin"), json!(asin));
    }
    if let Some(vendor_id) = &line.vendor_product_identifier {
        out.insert(ids.id("custcol_vcc_vendor_product_id"), json!(vendor_id));
    }
    out.insert(
        ids.id("custcol_vcc_ordered_quantity"),
        json!(line.ordered_quantity.amount),
    );
    if let Some(unit) = line.ordered_quantity.unit_of_measure {
        out.insert(ids.id("custcol_vcc_unit_of_measure"), json!(unit.as_str()));
    }
    if let Some(size) = line.ordered_quantity.unit_size {
        out.insert(ids.id("custcol_vcc_unit_size"), json!(size));
    }
    if let Some(unit) = line.rate_unit {
        out.insert(ids.id("custcol_vcc_rate_unit"), json!(unit.as_str()));
    }
    out.insert(
        ids.id("custcol_vcc_backorder_allowed"),
        json!(line.is_back_order_allowed),
    );
    out
}
