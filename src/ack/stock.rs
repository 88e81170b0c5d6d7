//! The stock ledger of one run: what each SKU has left to allocate, in eaches.

use std::collections::BTreeMap;

use super::error::AckError;
use super::input::InventoryPosition;

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
    pub fn from_positions(positions: &[InventoryPosition]) -> Result<Self, AckError> {
        let mut skus = BTreeMap::new();
        for (i, position) in positions.iter().enumerate() {
            let allocatable = match (position.available, position.on_hand) {
                (Some(available), _) => available,
                (None, Some(on_hand)) => on_hand
                    .saturating_sub(position.committed.unwrap_or(0))
                    .saturating_sub(position.safety_stock.unwrap_or(0)),
                (None, None) => {
                    return Err(AckError::MissingStockQuantity {
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
                return Err(AckError::DuplicateSku {
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
