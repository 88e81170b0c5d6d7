//! Errors of `inventoryFeed`: input that cannot be turned into a feed at all.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};

/// An error of `inventoryFeed`: input that cannot be worked on, with a stable code and a JSON
/// pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InventoryFeedError {
    /// The input could not be read (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The SKU map is inconsistent.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The same warehouse and SKU twice in `positions`.
    #[error("SKU {sku} appears twice for warehouse {warehouse_id} (again at {path})")]
    DuplicatePosition {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The DF warehouse.
        warehouse_id: String,
        /// The ERP SKU.
        sku: String,
    },
    /// A position must give either `available` or `onHand`.
    #[error("position for {sku} has neither `available` nor `onHand` (at {path})")]
    MissingStockQuantity {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// Two rules for the same SKU and warehouse scope.
    #[error("SKU {sku} has two rules for the same warehouse scope (again at {path})")]
    DuplicateRule {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// The same warehouse and SKU twice in `lastSent`.
    #[error("SKU {sku} appears twice in lastSent for warehouse {warehouse_id} (again at {path})")]
    DuplicateLastSent {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The DF warehouse.
        warehouse_id: String,
        /// The ERP SKU.
        sku: String,
    },
}

impl CodedError for InventoryFeedError {
    fn code(&self) -> &'static str {
        match self {
            InventoryFeedError::Input(e) => e.code(),
            InventoryFeedError::Catalog(e) => e.code(),
            InventoryFeedError::DuplicatePosition { .. } => "DUPLICATE_POSITION",
            InventoryFeedError::MissingStockQuantity { .. } => "MISSING_STOCK_QUANTITY",
            InventoryFeedError::DuplicateRule { .. } => "DUPLICATE_RULE",
            InventoryFeedError::DuplicateLastSent { .. } => "DUPLICATE_LAST_SENT",
        }
    }

    fn path(&self) -> String {
        match self {
            InventoryFeedError::Input(e) => e.path(),
            InventoryFeedError::Catalog(e) => e.path(),
            InventoryFeedError::DuplicatePosition { path, .. }
            | InventoryFeedError::MissingStockQuantity { path, .. }
            | InventoryFeedError::DuplicateRule { path, .. }
            | InventoryFeedError::DuplicateLastSent { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            InventoryFeedError::Input(e) => e.details(),
            InventoryFeedError::Catalog(e) => e.details(),
            InventoryFeedError::DuplicatePosition {
                warehouse_id, sku, ..
            }
            | InventoryFeedError::DuplicateLastSent {
                warehouse_id, sku, ..
            } => json!({ "warehouseId": warehouse_id, "sku": sku }),
            InventoryFeedError::MissingStockQuantity { sku, .. }
            | InventoryFeedError::DuplicateRule { sku, .. } => json!({ "sku": sku }),
        }
    }
}
