//! What `routeFulfillment` and `applyFulfillmentEvent` read.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::package::Package;
use crate::spapi::fba_inventory::GetInventorySummariesResponse;
use crate::spapi::fulfillment_outbound::{
    CreateFulfillmentOrderResponse, FulfillmentAction, FulfillmentPolicy,
    GetFulfillmentOrderResponse, GetPackageTrackingDetailsResponse, McfAddress,
    ShippingSpeedCategory,
};
use crate::time::Instant;

/// The input of `routeFulfillment`. Unknown top-level fields are refused.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RouteFulfillmentInput {
    /// The order to route, from any channel.
    pub order: ChannelOrder,
    /// What FBA can ship now: `[{ sku, fulfillableQuantity }]`, or Amazon's
    /// getInventorySummaries response (called with `details=true`) as it is.
    pub fba_stock: FbaStock,
    /// Channels that forbid FBA, and channels Amazon already fulfils.
    #[serde(default)]
    pub channel_rules: ChannelRules,
    /// Splitting, fallback, speed mapping and request options.
    #[serde(default)]
    pub options: RoutingOptions,
}

/// An order from any sales channel (web store, marketplace, Amazon).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChannelOrder {
    /// The sales channel, e.g. `"webstore"`, `"ebay"`, `"Amazon.com"` (compared ignoring case).
    pub channel: String,
    /// The channel's order number.
    pub order_id: String,
    /// When the order was placed (the request's `displayableOrderDate`, in UTC).
    pub order_date: Instant,
    /// The order's lines.
    pub lines: Vec<OrderLine>,
    /// Personal data: sent to Amazon in the FBA request, never repeated in errors or messages.
    pub ship_to: McfAddress,
    /// The channel's shipping speed label (e.g. `"express"`), mapped by `options.speedMapping`.
    #[serde(default)]
    pub shipping_speed: Option<String>,
    /// Packing-slip text for this order; overrides `options.displayableOrderComment`.
    #[serde(default)]
    pub comment: Option<String>,
}

/// One order line.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderLine {
    /// The channel's line id; defaults to the line's 1-based position ("1", "2", …).
    #[serde(default)]
    pub line_id: Option<String>,
    /// The seller SKU (the same SKU as in FBA).
    pub sku: String,
    /// Units ordered.
    pub quantity: u64,
}

/// FBA stock in either form the host has at hand.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum FbaStock {
    /// `[{ sku, fulfillableQuantity }]`.
    Levels(Vec<FbaStockLevel>),
    /// Amazon's getInventorySummaries response (`details=true`).
    Summaries(GetInventorySummariesResponse),
}

impl<'de> Deserialize<'de> for FbaStock {
    /// An array is read as levels, an object as Amazon's response. Dispatching on the JSON
    /// shape (rather than `untagged`) keeps the JSON pointer of any error inside either form.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StockVisitor;
        impl<'de> Visitor<'de> for StockVisitor {
            type Value = FbaStock;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an array of { sku, fulfillableQuantity } or a getInventorySummaries response",
                )
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<FbaStock, A::Error> {
                Vec::<FbaStockLevel>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(FbaStock::Levels)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FbaStock, A::Error> {
                GetInventorySummariesResponse::deserialize(de::value::MapAccessDeserializer::new(
                    map,
                ))
                .map(FbaStock::Summaries)
            }
        }
        deserializer.deserialize_any(StockVisitor)
    }
}

/// What FBA can ship of one seller SKU.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FbaStockLevel {
    /// The ERP SKU (the seller SKU in FBA).
    pub sku: String,
    /// Units FBA can ship now.
    pub fulfillable_quantity: u64,
}

/// Per-channel rules. Channels are compared ignoring case and surrounding spaces.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChannelRules {
    /// Channels whose terms forbid fulfilment by Amazon: every line ships from own stock.
    #[serde(default)]
    pub forbid_fba: Vec<String>,
    /// Channels whose orders Amazon already fulfils for FBA SKUs (e.g. `"Amazon.com"`): those
    /// lines need nothing.
    #[serde(default)]
    pub amazon_fulfilled: Vec<String>,
}

/// How to route.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoutingOptions {
    /// When FBA has some but not all of a line's quantity: send what FBA has and the rest from
    /// own stock (`true`), or route the whole line elsewhere (`false`, default: one line, one
    /// parcel).
    #[serde(default)]
    pub split_partial_quantities: bool,
    /// What FBA cannot cover ships from own stock (`true`, default), or is held for a person.
    #[serde(default = "default_true")]
    pub fallback_to_own_stock: bool,
    /// Channel speed label → Amazon's `Standard` | `Expedited` | `Priority`. A label that is
    /// already one of these spellings needs no entry. Unmapped speeds ship `Standard`, with a
    /// warning.
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, ShippingSpeedCategory>")
    )]
    pub speed_mapping: BTreeMap<String, ShippingSpeedCategory>,
    /// Put in front of every `sellerFulfillmentOrderId` (at most 20 of `A–Z a–z 0–9 - _`).
    #[serde(default)]
    pub seller_fulfillment_order_id_prefix: String,
    /// Packing-slip text (`displayableOrderComment`, at most 750 characters) when the order has
    /// no `comment`. Default: "Thank you for your order.".
    #[serde(default)]
    pub displayable_order_comment: Option<String>,
    /// Passed through to the request when set.
    #[serde(default)]
    pub marketplace_id: Option<String>,
    /// Passed through to the request (`Ship` or `Hold`).
    #[serde(default)]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// Passed through to the request (`FillOrKill`, `FillAll`, `FillAllAvailable`).
    #[serde(default)]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
}

impl Default for RoutingOptions {
    fn default() -> Self {
        RoutingOptions {
            split_partial_quantities: false,
            fallback_to_own_stock: true,
            speed_mapping: BTreeMap::new(),
            seller_fulfillment_order_id_prefix: String::new(),
            displayable_order_comment: None,
            marketplace_id: None,
            fulfillment_action: None,
            fulfillment_policy: None,
        }
    }
}

fn default_true() -> bool {
    true
}

/// The input of `applyFulfillmentEvent`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApplyFulfillmentEventInput {
    /// The package the event is about, as `routeFulfillment` (or an earlier event) returned it.
    pub package: Package,
    /// Amazon's answer, or a person's decision; exactly one key.
    pub event: FulfillmentEvent,
    /// The order's other packages, to tell whether the whole order has shipped.
    #[serde(default)]
    pub other_packages: Vec<Package>,
}

/// What happened to a package: an object with exactly one of these keys.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FulfillmentEvent {
    /// Amazon's answer to createFulfillmentOrder: `{}` when accepted, `errors` when refused.
    CreateFulfillmentOrder(CreateFulfillmentOrderResponse),
    /// Amazon's getFulfillmentOrder answer: status, shipments, packages with tracking, or errors.
    FulfillmentOrder(Box<GetFulfillmentOrderResponse>),
    /// Amazon's getPackageTrackingDetails answer for one package of the fulfillment order.
    PackageTracking(Box<GetPackageTrackingDetailsResponse>),
    /// A person decided to ship an FBA package from own stock instead.
    RecreateFromOwnStock(RecreateFromOwnStock),
    /// The own warehouse shipped an own-warehouse package.
    ShippedByOwnCarrier(OwnShipment),
}

/// Why a package is re-created from own stock (kept in the notes).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecreateFromOwnStock {
    /// Why the package is re-created, for its notes.
    #[serde(default)]
    pub reason: Option<String>,
}

/// A parcel the own warehouse shipped.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OwnShipment {
    /// The carrier's code.
    pub carrier_code: String,
    /// The carrier's tracking number.
    pub tracking_number: String,
    /// When it shipped, if known (kept on the tracking).
    #[serde(default)]
    pub ship_date: Option<Instant>,
}
