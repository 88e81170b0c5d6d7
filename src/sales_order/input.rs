//! What `toSalesOrders` and `diffPurchaseOrder` read.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::SkuMapping;
use crate::spapi::orders::Order;

/// The input of `toSalesOrders`. Unknown top-level fields are refused (a typo must not silently
/// drop a mapping table).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToSalesOrdersInput {
    /// Amazon `Order` objects exactly as getPurchaseOrders / getPurchaseOrder return them.
    pub purchase_orders: Vec<Order>,
    /// ERP SKU ↔ Amazon identifiers (the shared `skuMap`).
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// Amazon fulfilment centre (the PO's `shipToParty.partyId`) → ERP location.
    #[serde(default)]
    pub locations: Vec<LocationMapping>,
    /// Vendor code and/or Amazon buying party → ERP customer, with the currencies it trades in.
    #[serde(default)]
    pub customers: Vec<CustomerMapping>,
    /// Whether POs go straight to fulfilment (`pendingFulfillment`) or wait for a person
    /// (`pendingApproval`). Default false: a person approves.
    #[serde(default)]
    pub auto_acknowledge: bool,
    /// Per-SKU exceptions to `autoAcknowledge`. One line whose SKU is not auto-acknowledged
    /// makes its whole sales order `pendingApproval`.
    #[serde(default)]
    pub sku_rules: Vec<SalesOrderSkuRule>,
    /// Also emit each sales order as an ERP record in this preset's field names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// Renames of the preset's custom field ids (`{"custcol_vcc_asin": "custcol_my_asin"}`),
    /// for accounts whose custom fields already exist under other ids.
    #[serde(default)]
    pub preset_field_ids: BTreeMap<String, String>,
}

/// One fulfilment centre → ERP location row.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LocationMapping {
    /// Amazon's fulfilment centre code, e.g. `SEA8` (the PO's `shipToParty.partyId`).
    pub fulfillment_center: String,
    /// The ERP location (in NetSuite: the location's internal id).
    pub location: String,
}

/// One row of the customer table. A PO matches the most specific row: vendor code and buying
/// party both given, then vendor code only, then buying party only.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerMapping {
    /// The vendor code Amazon ordered from (the PO's `sellingParty.partyId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_code: Option<String>,
    /// Amazon's buying party (the PO's `buyingParty.partyId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_party: Option<String>,
    /// The ERP customer (in NetSuite: the customer's internal id).
    pub customer: String,
    /// ISO 4217 codes this customer trades in; a PO in any other currency is blocked.
    pub currencies: Vec<String>,
}

/// A per-SKU override of `autoAcknowledge`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SalesOrderSkuRule {
    /// The ERP SKU.
    pub sku: String,
    /// Whether its lines are acknowledged without a person (overrides `autoAcknowledge`).
    pub auto_acknowledge: bool,
}

wire_enum! {
    /// ERP record presets `toSalesOrders` can emit besides the neutral shape.
    Preset {
        /// NetSuite `salesorder` with the `item` sublist.
        NetSuite = "netsuite",
    }
}

/// The input of `diffPurchaseOrder`: the PO as last stored and as Amazon sends it now.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DiffPurchaseOrderInput {
    /// The PO as last stored.
    pub previous: Order,
    /// The PO as Amazon sends it now.
    pub current: Order,
}
