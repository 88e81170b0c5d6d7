//! FBA routing (Multi-Channel Fulfillment): split orders from any channel between Amazon's
//! fulfilment network and the own warehouse, build the createFulfillmentOrder body, and follow
//! each package to tracking or to a person.
//!
//! - [`route_fulfillment`] (`routeFulfillment`): an order + FBA stock + channel rules → packages,
//!   the request, a routing per line, notes, exceptions, and the carrier export.
//! - [`apply_fulfillment_event`] (`applyFulfillmentEvent`): a package + Amazon's answer (or a
//!   person's decision) → the package's next state, tracking to propagate, the order's status.
//! - [`carrier_export`]: the own-carrier export filter; FBA packages never appear in it.
//!
#![doc = include_str!("README.md")]

mod error;
mod ids;
mod input;
mod lifecycle;
mod output;
mod package;
mod route;
mod stock;

pub use error::FbaError;
pub use ids::{
    DISPLAYABLE_ORDER_ID_MAX, ITEM_ID_MAX, PREFIX_MAX, SELLER_FULFILLMENT_ORDER_ID_MAX,
    displayable_order_id, is_id_char, seller_fulfillment_order_id,
    seller_fulfillment_order_item_id,
};
pub use input::{
    ApplyFulfillmentEventInput, ChannelOrder, ChannelRules, FbaStock, FbaStockLevel,
    FulfillmentEvent, OrderLine, OwnShipment, RecreateFromOwnStock, RouteFulfillmentInput,
    RoutingOptions,
};
pub use lifecycle::apply_fulfillment_event;
pub use output::{
    ApplyFulfillmentEventOutput, LineRouting, OrderShipmentStatus, RouteDecision,
    RouteFulfillmentOutput, TrackingUpdate,
};
pub use package::{FulfilledBy, Package, PackageLine, PackageStatus, Tracking, carrier_export};
pub use route::{
    DEFAULT_DISPLAYABLE_ORDER_COMMENT, MAX_COMMENT_CHARS, MAX_FBA_ITEMS_PER_ORDER,
    MAX_FBA_UNITS_PER_ORDER, route_fulfillment,
};
