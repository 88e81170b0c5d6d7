//! What `inventoryFeed` reads.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::catalog::SkuMapping;
use crate::money::Decimal;

/// Partial updates carry at most this many items per request unless `batchSize` says otherwise.
pub const DEFAULT_BATCH_SIZE: u32 = 500;

/// The input of `inventoryFeed`. Unknown top-level fields are refused: a misspelt `fullUpdate`
/// or `confirmZeros` must not be silently ignored.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InventoryFeedInput {
    /// The DF vendor code (`sellingParty.partyId` of every body).
    pub selling_party: String,
    /// ERP stock per warehouse and SKU, in eaches.
    pub positions: Vec<FeedPosition>,
    /// ERP SKU ↔ ASIN / vendor SKU: items are identified to Amazon by ASIN where known.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// Caps, holds, critical and obsolete flags per SKU (optionally per warehouse).
    #[serde(default)]
    pub rules: Vec<FeedRule>,
    /// What Amazon was last told, per warehouse and SKU: the basis of change detection and of
    /// the zero-stock guard. Store `lastSentAfter` of the previous run here.
    #[serde(default)]
    pub last_sent: Vec<SentQuantity>,
    /// Send full updates (every SKU not listed goes to zero at Amazon). Off unless asked for.
    #[serde(default)]
    pub full_update: bool,
    /// Zeros the guard would hold that a person has confirmed: `true` for all, or a list of SKUs.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "boolean | string[]", optional))]
    pub confirm_zeros: ConfirmZeros,
    /// Items per partial-update request (default 500). A full update is never split: each of
    /// its parts would zero the others.
    #[serde(default = "default_batch_size")]
    pub batch_size: u32,
    /// Share of a warehouse's catalogue that may go to zero in one run before every such zero is
    /// held (default `"0.2"`, decimal between 0 and 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_zero_share: Option<Decimal>,
    /// Fewest SKUs going to zero at once that can make a mass zero (default 2): below it the
    /// share is not looked at, so a warehouse of a few SKUs can still send a genuine sell-out (the
    /// DF guide's partial update exists "to update the items which are going out of stock").
    /// Critical SKUs are held whatever the count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mass_zero_min_count: Option<u32>,
}

/// Fewest SKUs going to zero in one warehouse and run that can be a mass zero, unless
/// configured: one SKU selling out is never one.
pub const DEFAULT_MASS_ZERO_MIN_COUNT: u32 = 2;

fn default_batch_size() -> u32 {
    DEFAULT_BATCH_SIZE
}

/// An ERP stock position in one warehouse, in eaches. Either `available` (already net of
/// everything) or `onHand` with the quantities to subtract.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeedPosition {
    /// The DF warehouse code Amazon knows (the `warehouseId` of the request path).
    pub warehouse_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// Units on hand, in eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_hand: Option<u64>,
    /// Promised to other channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<u64>,
    /// Units kept back as safety stock, in eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_stock: Option<u64>,
    /// Accepted Amazon orders not yet shipped (already promised to Amazon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_amazon_allocations: Option<u64>,
    /// Precomputed availability; when present the four quantities above are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<u64>,
}

/// Per-SKU feed rules. A rule with `warehouseId` beats one without for that warehouse.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeedRule {
    /// The ERP SKU the rule applies to.
    pub sku: String,
    /// The warehouse the rule applies to (absent: every warehouse; a per-warehouse rule wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<String>,
    /// Never advertise more than this many eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u64>,
    /// Stop selling on Amazon: advertise zero on purpose (not subject to the zero guard).
    #[serde(default)]
    pub hold: bool,
    /// A zero for this SKU is held for confirmation: zero can suppress the listing.
    #[serde(default)]
    pub critical: bool,
    /// Tell Amazon the item is permanently unavailable (`isObsolete: true`, sent with 0
    /// available whatever the stock).
    #[serde(default)]
    pub obsolete: bool,
}

/// One item as last sent to Amazon (and, in `lastSentAfter`, as it will be once sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SentQuantity {
    /// The DF warehouse.
    pub warehouse_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// The quantity last sent.
    pub quantity: u64,
    /// Whether it was last sent as obsolete.
    #[serde(default)]
    pub is_obsolete: bool,
}

/// Which held zeros a person confirmed: all of them, or those of the listed SKUs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ConfirmZeros {
    /// Nothing confirmed (`false`, or absent).
    #[default]
    None,
    /// `true`: every zero goes through.
    All,
    /// Zeros of these SKUs go through, in every warehouse.
    Skus(Vec<String>),
}

impl ConfirmZeros {
    /// Whether a zero of `sku` is confirmed.
    pub fn confirms(&self, sku: &str) -> bool {
        match self {
            ConfirmZeros::None => false,
            ConfirmZeros::All => true,
            ConfirmZeros::Skus(skus) => skus.iter().any(|s| s == sku),
        }
    }
}

impl<'de> Deserialize<'de> for ConfirmZeros {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ConfirmVisitor;
        impl<'de> Visitor<'de> for ConfirmVisitor {
            type Value = ConfirmZeros;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false or a list of SKUs")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ConfirmZeros, E> {
                Ok(if v {
                    ConfirmZeros::All
                } else {
                    ConfirmZeros::None
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ConfirmZeros, A::Error> {
                let mut skus = Vec::new();
                while let Some(sku) = seq.next_element::<String>()? {
                    skus.push(sku);
                }
                Ok(ConfirmZeros::Skus(skus))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<ConfirmZeros, A::Error> {
                crate::json_pointer::reject_map(map, &self)
            }
        }
        deserializer.deserialize_any(ConfirmVisitor)
    }
}
