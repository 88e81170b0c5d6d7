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
    /// `FULFILLMENT_HELD`, `SHIP_TO_INCOMPLETE`, `SHIPPING_SPEED_UNMAPPED`,
    /// `FBA_STOCK_WITHOUT_DETAILS`, … for a person.
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
    /// The order line's id.
    pub line_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// Units ordered.
    pub quantity: u64,
    /// Units sent to FBA.
    pub fba: u64,
    /// Units shipped from the own warehouse.
    pub own_warehouse: u64,
    /// Units that need nothing (quantity 0, or Amazon already fulfils them).
    pub nothing_to_do: u64,
    /// Units held for a person.
    pub held: u64,
    /// Which routing rule applied.
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
    /// Problems for a person (`FBA_FULFILLMENT_FAILED`, `FBA_ORDER_TO_CANCEL`, …).
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// How much of an order has shipped.
    OrderShipmentStatus {
        /// Nothing of the order has shipped.
        Unshipped = "unshipped",
        /// Some packages of the order have shipped.
        PartiallyShipped = "partiallyShipped",
        /// Every package of the order has shipped.
        Shipped = "shipped",
    }
}

/// Tracking the host posts to the origin channel (mark the lines shipped with this number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrackingUpdate {
    /// The channel the order came from.
    pub channel: String,
    /// The channel's order id.
    pub order_id: String,
    /// The package shipped.
    pub package_id: String,
    /// The carrier and tracking number to send to the channel.
    pub tracking: Tracking,
    /// The lines (and quantities) in this parcel, when Amazon or the package says so.
    pub lines: Vec<PackageLine>,
}
