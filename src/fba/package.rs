//! Packages: what `routeFulfillment` creates and `applyFulfillmentEvent` moves along, and the
//! own-carrier export filter.
//!
//! A package carries no personal data: the ship-to address stays with the order in the ERP
//! (and in the FBA request), so packages can be logged, stored and shown freely.

use serde::{Deserialize, Serialize};

use crate::time::Instant;

wire_enum! {
    /// Who ships a package.
    FulfilledBy {
        /// Amazon's fulfilment network (Multi-Channel Fulfillment): never in a carrier export.
        Fba = "fba",
        /// The merchant's own warehouse and carrier.
        OwnWarehouse = "ownWarehouse",
    }
}

wire_enum! {
    /// Where a package stands. Unshipped states: `toShip`, `sentToFba`, `fbaFailed`.
    PackageStatus {
        /// Own warehouse: to pick, pack and hand to the carrier.
        ToShip = "toShip",
        /// FBA: the createFulfillmentOrder request is built (or sent); Amazon has not shipped yet.
        SentToFba = "sentToFba",
        /// FBA refused or could not fulfil it: still unshipped, a person must decide.
        FbaFailed = "fbaFailed",
        /// Shipped, with tracking.
        Shipped = "shipped",
        /// An FBA package re-created from own stock; the replacement ships instead.
        Replaced = "replaced",
    }
}

impl PackageStatus {
    /// True once nothing remains to ship for this package (shipped, or replaced by another).
    pub fn is_settled(self) -> bool {
        matches!(self, PackageStatus::Shipped | PackageStatus::Replaced)
    }
}

/// One parcel-to-be of an order: FBA or own warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Package {
    /// Unique within the order: `<orderId>-FBA`, `<orderId>-OWN`, `<orderId>-FBA-OWN`.
    pub package_id: String,
    /// The channel the order came from.
    pub channel: String,
    /// The channel's order id.
    pub order_id: String,
    /// The flag: `fba` packages are shipped by Amazon and never exported to a carrier tool.
    pub fulfilled_by: FulfilledBy,
    /// Where the package stands (`toShip`, `sentToFba`, `fbaFailed`, `shipped` or `replaced`).
    pub status: PackageStatus,
    /// What the package holds.
    pub lines: Vec<PackageLine>,
    /// FBA packages: the `sellerFulfillmentOrderId` they were sent as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_fulfillment_order_id: Option<String>,
    /// A re-created package: the id of the FBA package it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// Carrier tracking, one entry per physical parcel, in the order it became known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracking: Vec<Tracking>,
    /// History in words: what was sent, what Amazon answered, who decided what.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The quantity of one order line in a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackageLine {
    /// The order line's id.
    pub line_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// Units in the package.
    pub quantity: u64,
    /// FBA packages: the `sellerFulfillmentOrderItemId` the line was sent as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_fulfillment_order_item_id: Option<String>,
}

/// A carrier tracking number for (part of) a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tracking {
    /// The carrier's code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_code: Option<String>,
    /// The carrier's tracking number.
    pub tracking_number: String,
    /// Amazon's package number within the fulfillment order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_number: Option<i32>,
    /// When it shipped, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_date: Option<Instant>,
}

impl Tracking {
    /// The same parcel: same tracking number and carrier (a carrier the other side did not
    /// name matches any).
    pub fn same_parcel(&self, other: &Tracking) -> bool {
        self.tracking_number == other.tracking_number
            && match (&self.carrier_code, &other.carrier_code) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            }
    }
}

/// The own-carrier export filter: the ids of the packages to download to a carrier tool (e.g. a
/// WorldShip import): own-warehouse packages still to ship. FBA packages are never listed,
/// whatever their state: Amazon ships them.
///
/// ```
/// use vendor_central_connector::fba::{carrier_export, Package, FulfilledBy, PackageStatus};
/// let package = |id: &str, by, status| Package {
///     package_id: id.into(), channel: "web".into(), order_id: "1".into(),
///     fulfilled_by: by, status, lines: vec![], seller_fulfillment_order_id: None,
///     replaces: None, tracking: vec![], notes: vec![],
/// };
/// let packages = [
///     package("1-FBA", FulfilledBy::Fba, PackageStatus::FbaFailed),
///     package("1-OWN", FulfilledBy::OwnWarehouse, PackageStatus::ToShip),
/// ];
/// assert_eq!(carrier_export(&packages), vec!["1-OWN".to_string()]);
/// ```
pub fn carrier_export(packages: &[Package]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            p.fulfilled_by == FulfilledBy::OwnWarehouse && p.status == PackageStatus::ToShip
        })
        .map(|p| p.package_id.clone())
        .collect()
}
