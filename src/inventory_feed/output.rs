//! What `inventoryFeed` returns.

use serde::Serialize;

use super::input::SentQuantity;
use crate::exceptions::Exception;
use crate::spapi::df_inventory::SubmitInventoryUpdateRequest;

/// The output of `inventoryFeed`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InventoryFeedOutput {
    /// The bodies to POST, by warehouse then batch.
    pub requests: Vec<FeedRequest>,
    /// Every position with its availability and what happened to it, by warehouse then SKU.
    pub items: Vec<FeedItem>,
    /// Transitions to zero held out of the bodies until a person confirms them.
    pub held_zeros: Vec<HeldZero>,
    /// With `fullUpdate`: per warehouse, what the full update would set to zero.
    pub full_updates: Vec<FullUpdateReport>,
    /// `lastSent` once every request has succeeded: store it for the next run.
    pub last_sent_after: Vec<SentQuantity>,
    /// `OVERCOMMITTED`, `ASIN_UNKNOWN`, `ZERO_HELD`, `MASS_ZERO_HELD`, `FULL_UPDATE_HELD`, with
    /// warehouse and SKU.
    pub exceptions: Vec<Exception>,
}

/// One submitInventoryUpdate call: POST the body to
/// `/vendor/directFulfillment/inventory/v1/warehouses/{warehouseId}/items`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FeedRequest {
    /// The DF warehouse (the path parameter of submitInventoryUpdate).
    pub warehouse_id: String,
    /// 1-based batch number within the warehouse.
    pub batch: u32,
    /// Number of batches of the warehouse.
    pub batches: u32,
    /// The exact `SubmitInventoryUpdateRequest` body to POST.
    pub body: SubmitInventoryUpdateRequest,
}

wire_enum! {
    /// What happened to one position in this run.
    FeedItemStatus {
        /// In a request body.
        Sent = "sent",
        /// Same as last sent: left out of a partial update.
        Unchanged = "unchanged",
        /// A transition to zero held for confirmation.
        HeldZero = "heldZero",
        /// Part of a full update held because of a held zero in its warehouse.
        HeldFullUpdate = "heldFullUpdate",
    }
}

/// One position: the arithmetic, the result and its fate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FeedItem {
    /// The DF warehouse.
    pub warehouse_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// The ASIN sent as `buyerProductIdentifier`, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// on hand − committed − safety stock − open Amazon allocations (or `available`); may be
    /// negative when more is promised than is on hand.
    pub computed: i64,
    /// What Amazon is told: `computed` clamped at zero, capped, zero when on hold.
    pub available: u64,
    /// Whether the item is sent as obsolete.
    pub is_obsolete: bool,
    /// The quantity sent last time, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sent: Option<u64>,
    /// Sent, unchanged, or held (a zero, or a full update).
    pub status: FeedItemStatus,
    /// The rules that shaped `available`, in words (clamped, capped, on hold).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

wire_enum! {
    /// Why the zero guard held a zero.
    ZeroGuardReason {
        /// The SKU is marked critical.
        Critical = "critical",
        /// Too large a share of the warehouse's catalogue went to zero at once.
        MassZero = "massZero",
    }
}

/// A transition to zero held out of the feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct HeldZero {
    /// The DF warehouse.
    pub warehouse_id: String,
    /// The ERP SKU.
    pub sku: String,
    /// The item's ASIN, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// What Amazon currently shows (absent when nothing was ever sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sent: Option<u64>,
    /// True when the SKU has no position at all (a full update would zero it implicitly).
    pub unlisted: bool,
    /// Why the zero was held (critical SKU, mass zero).
    pub reasons: Vec<ZeroGuardReason>,
}

/// What a full update of one warehouse does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FullUpdateReport {
    /// The DF warehouse.
    pub warehouse_id: String,
    /// Items listed in the body.
    pub listed: u64,
    /// SKUs that are not zero at Amazon now and would be after the update (listed at zero, or
    /// known from `lastSent` but not listed).
    pub would_go_to_zero: u64,
    /// SKUs in `lastSent` with no position: a full update zeroes them without naming them.
    pub unlisted_skus: Vec<String>,
    /// True when the update was not emitted because the zero guard held some of its zeros.
    pub held: bool,
}
