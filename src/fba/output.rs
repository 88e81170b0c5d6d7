//! What `routeFulfillment` and `applyFulfillmentEvent` return.

use serde::Serialize;

use super::package::{Package, PackageLine, Tracking};
use crate::exceptions::Exception;
use crate::spapi::fulfillment_outbound::CreateFulfillmentOrderRequest;

/// The output of `routeFulfillment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RouteFulfillmentOutput {
    /// At most one FBA package (first) and one own-warehouse package.
    pub packages: Vec<Package>,
    /// The exact createFulfillmentOrder body for the FBA package; `null` when nothing goes to FBA.
    pub request: Option<CreateFulfillmentOrderRequest>,
    /// One entry per order line, in input order: where each unit went and why.
    pub lines: Vec<LineRouting>,
    /// Ids of the packages to download to the own carrier tool (never an FBA package).
    pub carrier_export: Vec<String>,
    /// Every routing decision in words, line by line, then the order-level ones.
    pub notes: Vec<String>,
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// Where an order line went.
    RouteDecision {
        /// The line orders nothing.
        NothingOrdered = "nothingOrdered",
        /// An Amazon-channel order of an FBA SKU: Amazon fulfils it, nothing to do.
        AmazonFulfils = "amazonFulfils",
        /// All of it to FBA.
        Fba = "fba",
        /// All of it from own stock (not in FBA, channel forbids FBA, or FBA short with fallback).
        OwnWarehouse = "ownWarehouse",
        /// Part to FBA, the rest from own stock.
        SplitFbaOwn = "splitFbaOwn",
        /// Part to FBA, the rest held for a person (no fallback).
        SplitFbaHeld = "splitFbaHeld",
        /// Held for a person: FBA cannot ship it and fallback to own stock is off.
        Held = "held",
    }
}

/// Where one order line's units went. `fba + ownWarehouse + nothingToDo + held = quantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineRouting {
    pub line_id: String,
    pub sku: String,
    pub quantity: u64,
    pub fba: u64,
    pub own_warehouse: u64,
    pub nothing_to_do: u64,
    pub held: u64,
    pub decision: RouteDecision,
    /// Why, in words.
    pub reason: String,
}

/// The output of `applyFulfillmentEvent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApplyFulfillmentEventOutput {
    /// The package's next state (store it in place of the one passed in).
    pub package: Package,
    /// The own-warehouse package that replaces an FBA package (`recreateFromOwnStock`).
    pub recreated: Option<Package>,
    /// New tracking to post to the channel the order came from (empty when nothing is new).
    pub tracking_to_propagate: Vec<TrackingUpdate>,
    /// Ids of packages to download to the own carrier tool (the re-created one, if any).
    pub carrier_export: Vec<String>,
    /// The whole order, from this package and `otherPackages`.
    pub order_status: OrderShipmentStatus,
    /// True when every package of the order has shipped (replaced packages do not count).
    pub order_fully_shipped: bool,
    /// What this event changed, in words.
    pub notes: Vec<String>,
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// How much of an order has shipped.
    OrderShipmentStatus {
        Unshipped = "unshipped",
        PartiallyShipped = "partiallyShipped",
        Shipped = "shipped",
    }
}

/// Tracking the host posts to the origin channel (mark the lines shipped with this number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrackingUpdate {
    pub channel: String,
    pub order_id: String,
    pub package_id: String,
    pub tracking: Tracking,
    /// The lines (and quantities) in this parcel, when Amazon or the package says so.
    pub lines: Vec<PackageLine>,
}
