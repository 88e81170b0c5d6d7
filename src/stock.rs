//! ERP stock positions and the ledger of one run: what each SKU has left to allocate, in
//! eaches. Shared by the engines that allocate stock (retail and DF acknowledgements).

use std::collections::BTreeMap;

use serde::Deserialize;

/// An ERP stock position, in eaches. Either `available` (already net of everything) or
/// `onHand` with optional `committed` (other channels) and `safetyStock`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InventoryPosition {
    pub sku: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_hand: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_stock: Option<u64>,
    /// Precomputed allocatable quantity; when present, the other fields are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<u64>,
}

/// Stock positions that cannot be read as a ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StockError {
    /// The same ERP SKU twice in `inventory`.
    #[error("SKU {sku} appears more than once in inventory (again at {path})")]
    DuplicateSku { path: String, sku: String },
    /// A position must give either `available` or `onHand`.
    #[error("inventory position for {sku} has neither `available` nor `onHand` (at {path})")]
    MissingStockQuantity { path: String, sku: String },
}

impl crate::error::CodedError for StockError {
    fn code(&self) -> &'static str {
        match self {
            StockError::DuplicateSku { .. } => "DUPLICATE_SKU",
            StockError::MissingStockQuantity { .. } => "MISSING_STOCK_QUANTITY",
        }
    }

    fn path(&self) -> String {
        match self {
            StockError::DuplicateSku { path, .. }
            | StockError::MissingStockQuantity { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> serde_json::Value {
        match self {
            StockError::DuplicateSku { sku, .. } | StockError::MissingStockQuantity { sku, .. } => {
                serde_json::json!({ "sku": sku })
            }
        }
    }
}

/// How much of a SKU was allocatable before this run, and how much the run has taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkuStock {
    pub allocatable: u64,
    pub taken: u64,
}

impl SkuStock {
    pub fn remaining(&self) -> u64 {
        self.allocatable.saturating_sub(self.taken)
    }
}

/// Allocatable stock per SKU. Allocatable = `available`, or on hand − committed − safety stock,
/// never below zero.
#[derive(Debug, Default)]
pub struct StockLedger {
    skus: BTreeMap<String, SkuStock>,
}

impl StockLedger {
    pub fn from_positions(positions: &[InventoryPosition]) -> Result<Self, StockError> {
        let mut skus = BTreeMap::new();
        for (i, position) in positions.iter().enumerate() {
            let allocatable = match (position.available, position.on_hand) {
                (Some(available), _) => available,
                (None, Some(on_hand)) => on_hand
                    .saturating_sub(position.committed.unwrap_or(0))
                    .saturating_sub(position.safety_stock.unwrap_or(0)),
                (None, None) => {
                    return Err(StockError::MissingStockQuantity {
                        path: format!("/inventory/{i}"),
                        sku: position.sku.clone(),
                    });
                }
            };
            let stock = SkuStock {
                allocatable,
                taken: 0,
            };
            if skus.insert(position.sku.clone(), stock).is_some() {
                return Err(StockError::DuplicateSku {
                    path: format!("/inventory/{i}/sku"),
                    sku: position.sku.clone(),
                });
            }
        }
        Ok(StockLedger { skus })
    }

    pub fn contains(&self, sku: &str) -> bool {
        self.skus.contains_key(sku)
    }

    /// The SKU's position (zero for a SKU the ERP did not list).
    pub fn get(&self, sku: &str) -> SkuStock {
        self.skus.get(sku).copied().unwrap_or_default()
    }

    /// Takes up to `units` units of `eaches_per_unit` eaches; returns the whole units taken.
    pub fn take_units(&mut self, sku: &str, units: u64, eaches_per_unit: u64) -> u64 {
        let Some(stock) = self.skus.get_mut(sku) else {
            return 0;
        };
        let affordable = stock.remaining().checked_div(eaches_per_unit).unwrap_or(0);
        let granted = units.min(affordable);
        stock.taken = stock
            .taken
            .saturating_add(granted.saturating_mul(eaches_per_unit));
        granted
    }
}
