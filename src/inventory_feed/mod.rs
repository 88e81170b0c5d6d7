//! The Direct Fulfillment inventory feed (`inventoryFeed`): availability per warehouse and SKU,
//! the submitInventoryUpdate bodies (partial by default, full only when asked), change
//! detection against what was last sent, batching, and the zero-stock guard.
//!
#![doc = include_str!("README.md")]

mod availability;
mod engine;
mod error;
mod input;
mod output;

pub use engine::inventory_feed;
pub use error::InventoryFeedError;
pub use input::{
    ConfirmZeros, DEFAULT_BATCH_SIZE, DEFAULT_MASS_ZERO_MIN_COUNT, FeedPosition, FeedRule,
    InventoryFeedInput, SentQuantity,
};
pub use output::{
    FeedItem, FeedItemStatus, FeedRequest, FullUpdateReport, HeldZero, InventoryFeedOutput,
    ZeroGuardReason,
};
