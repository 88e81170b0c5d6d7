//! ERP stock positions and the ledger of one run: what each SKU has left to allocate, in
//! eaches. Shared by the engines that allocate stock (retail and DF acknowledgements).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::time::Instant;

/// An ERP stock position, in eaches. Either `available` (already net of everything) or
/// `onHand` with optional `committed` (other channels) and `safetyStock`; plus optional
/// `inbound` receipts, which can cover backorders but are never accepted as stock on hand.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InventoryPosition {
    /// The ERP SKU.
    pub sku: String,
    /// Units on hand, in eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_hand: Option<u64>,
    /// Units already committed to other orders, in eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<u64>,
    /// Units kept back as safety stock, in eaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_stock: Option<u64>,
    /// Precomputed allocatable quantity; when present, the other fields are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<u64>,
    /// Stock on its way (purchase orders to the vendor's own suppliers, production).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inbound: Vec<InboundReceipt>,
}

/// A receipt expected into the ERP: `quantity` eaches on `expectedDate`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InboundReceipt {
    /// Units expected, in eaches.
    pub quantity: u64,
    /// When they are expected.
    pub expected_date: Instant,
}

/// Stock positions that cannot be read as a ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StockError {
    /// The same ERP SKU twice in `inventory`.
    #[error("SKU {sku} appears more than once in inventory (again at {path})")]
    DuplicateSku {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// A position must give either `available` or `onHand`.
    #[error("inventory position for {sku} has neither `available` nor `onHand` (at {path})")]
    MissingStockQuantity {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
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

/// One SKU's position for this run: what was allocatable, what the run has taken, and the
/// parts of the calculation (for explanations).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkuStock {
    /// Allocatable eaches before this run took any.
    pub allocatable: u64,
    /// Eaches this run has taken so far.
    pub taken: u64,
    /// Units on hand, when given.
    pub on_hand: Option<u64>,
    /// Units committed to other orders.
    pub committed: u64,
    /// Units kept back as safety stock.
    pub safety_stock: u64,
    /// Inbound receipts (date, eaches not yet promised), earliest first.
    pub inbound: Vec<(DateTime<Utc>, u64)>,
}

impl SkuStock {
    /// Allocatable eaches not yet taken by this run.
    pub fn remaining(&self) -> u64 {
        self.allocatable.saturating_sub(self.taken)
    }
}

/// Allocatable stock per SKU. Allocatable = `available`, or on hand − committed − safety stock,
/// never below zero. Inbound receipts are tracked separately and only cover backorders.
#[derive(Debug, Default)]
pub struct StockLedger {
    skus: BTreeMap<String, SkuStock>,
}

impl StockLedger {
    /// Builds the ledger from the inventory positions (one SKU may repeat only to add inbound
    /// receipts).
    pub fn from_positions(positions: &[InventoryPosition]) -> Result<Self, StockError> {
        let mut skus = BTreeMap::new();
        for (i, position) in positions.iter().enumerate() {
            let committed = position.committed.unwrap_or(0);
            let safety_stock = position.safety_stock.unwrap_or(0);
            let allocatable = match (position.available, position.on_hand) {
                (Some(available), _) => available,
                (None, Some(on_hand)) => on_hand
                    .saturating_sub(committed)
                    .saturating_sub(safety_stock),
                (None, None) => {
                    return Err(StockError::MissingStockQuantity {
                        path: format!("/inventory/{i}"),
                        sku: position.sku.clone(),
                    });
                }
            };
            let mut inbound: Vec<(DateTime<Utc>, u64)> = position
                .inbound
                .iter()
                .filter(|receipt| receipt.quantity > 0)
                .map(|receipt| (receipt.expected_date.0, receipt.quantity))
                .collect();
            inbound.sort();
            let stock = SkuStock {
                allocatable,
                taken: 0,
                on_hand: position
                    .available
                    .is_none()
                    .then_some(position.on_hand)
                    .flatten(),
                committed,
                safety_stock,
                inbound,
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

    /// Whether the ledger has a position for `sku`.
    pub fn contains(&self, sku: &str) -> bool {
        self.skus.contains_key(sku)
    }

    /// The SKU's position (zero for a SKU the ERP did not list).
    pub fn get(&self, sku: &str) -> SkuStock {
        self.skus.get(sku).cloned().unwrap_or_default()
    }

    /// Takes up to `units` units of `eaches_per_unit` eaches; returns the whole units taken.
    pub fn take_units(&mut self, sku: &str, units: u64, eaches_per_unit: u64) -> u64 {
        self.take_units_above(sku, units, eaches_per_unit, 0)
    }

    /// Like [`take_units`](Self::take_units), but leaves at least `floor` eaches allocatable
    /// (a per-SKU minimum inventory).
    pub fn take_units_above(
        &mut self,
        sku: &str,
        units: u64,
        eaches_per_unit: u64,
        floor: u64,
    ) -> u64 {
        let Some(stock) = self.skus.get_mut(sku) else {
            return 0;
        };
        let usable = stock.remaining().saturating_sub(floor);
        let affordable = usable.checked_div(eaches_per_unit).unwrap_or(0);
        let granted = units.min(affordable);
        stock.taken = stock
            .taken
            .saturating_add(granted.saturating_mul(eaches_per_unit));
        granted
    }

    /// Charges eaches already promised (an earlier acknowledgement still open) whether or not
    /// they are covered; returns the eaches not covered by allocatable stock.
    pub fn charge(&mut self, sku: &str, eaches: u64) -> u64 {
        let Some(stock) = self.skus.get_mut(sku) else {
            return eaches;
        };
        let uncovered = eaches.saturating_sub(stock.remaining());
        stock.taken = stock.taken.saturating_add(eaches);
        uncovered
    }

    /// Takes up to `units` whole units from inbound receipts arriving no later than `latest`,
    /// earliest first; returns `(receipt date, units)` per date at which units become whole.
    pub fn take_inbound(
        &mut self,
        sku: &str,
        units: u64,
        eaches_per_unit: u64,
        latest: DateTime<Utc>,
    ) -> Vec<(DateTime<Utc>, u64)> {
        let mut granted: Vec<(DateTime<Utc>, u64)> = Vec::new();
        let Some(stock) = self.skus.get_mut(sku) else {
            return granted;
        };
        if eaches_per_unit == 0 {
            return granted;
        }
        // Eaches can be pooled across receipts: a case may be completed by a later receipt.
        let mut pooled = 0u64;
        let mut wanted = units;
        let mut consumed_upto = 0usize;
        for (index, (date, eaches)) in stock.inbound.iter().enumerate() {
            if wanted == 0 || *date > latest {
                break;
            }
            pooled = pooled.saturating_add(*eaches);
            // `eaches_per_unit` is not zero (checked above) and `whole × eaches_per_unit` is at
            // most `pooled`, so the checked forms never fall back.
            let whole = pooled.checked_div(eaches_per_unit).unwrap_or(0).min(wanted);
            if whole > 0 {
                granted.push((*date, whole));
                wanted = wanted.saturating_sub(whole);
                pooled = pooled.saturating_sub(whole.saturating_mul(eaches_per_unit));
            }
            consumed_upto = index.saturating_add(1);
        }
        // Give back what was pooled but not used, to the last receipt consumed.
        for (index, receipt) in stock.inbound.iter_mut().enumerate().take(consumed_upto) {
            receipt.1 = if index.saturating_add(1) == consumed_upto {
                pooled
            } else {
                0
            };
        }
        granted
    }

    /// Charges eaches already promised from inbound receipts (earlier backorders), earliest first.
    pub fn charge_inbound(&mut self, sku: &str, mut eaches: u64) {
        if let Some(stock) = self.skus.get_mut(sku) {
            for receipt in stock.inbound.iter_mut() {
                let used = receipt.1.min(eaches);
                receipt.1 = receipt.1.saturating_sub(used);
                eaches = eaches.saturating_sub(used);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger(json: &str) -> StockLedger {
        let positions: Vec<InventoryPosition> = serde_json::from_str(json).unwrap();
        StockLedger::from_positions(&positions).unwrap()
    }

    #[test]
    fn allocatable_is_on_hand_less_committed_and_safety_never_negative() {
        let l = ledger(
            r#"[{"sku":"A","onHand":10,"committed":3,"safetyStock":2},
                           {"sku":"B","onHand":1,"committed":5},{"sku":"C","available":7}]"#,
        );
        assert_eq!(l.get("A").allocatable, 5);
        assert_eq!(l.get("B").allocatable, 0);
        assert_eq!(l.get("C").allocatable, 7);
        assert_eq!(l.get("missing").allocatable, 0);
    }

    #[test]
    fn whole_units_only_and_the_floor_is_kept() {
        let mut l = ledger(r#"[{"sku":"A","available":25}]"#);
        assert_eq!(l.take_units_above("A", 5, 10, 0), 2);
        assert_eq!(l.get("A").remaining(), 5);
        let mut l = ledger(r#"[{"sku":"A","available":25}]"#);
        assert_eq!(l.take_units_above("A", 30, 1, 20), 5);
        assert_eq!(l.take_units_above("A", 1, 1, 20), 0);
    }

    #[test]
    fn inbound_receipts_pool_into_whole_cases_earliest_first() {
        let mut l = ledger(
            r#"[{"sku":"A","available":0,"inbound":[
                {"quantity":6,"expectedDate":"2026-12-03T00:00:00Z"},
                {"quantity":15,"expectedDate":"2026-12-01T00:00:00Z"},
                {"quantity":50,"expectedDate":"2027-03-01T00:00:00Z"}]}]"#,
        );
        let latest = crate::time::parse_instant("2026-12-31T00:00:00Z").unwrap();
        let got = l.take_inbound("A", 3, 10, latest);
        let dates: Vec<(String, u64)> = got
            .iter()
            .map(|(d, n)| (crate::time::format_instant(d), *n))
            .collect();
        assert_eq!(
            dates,
            [
                ("2026-12-01T00:00:00Z".to_string(), 1),
                ("2026-12-03T00:00:00Z".to_string(), 1)
            ]
        );
        // 1 each is left of the first two receipts; the March receipt is beyond `latest`.
        assert_eq!(l.take_inbound("A", 1, 1, latest).len(), 1);
        assert!(l.take_inbound("A", 1, 1, latest).is_empty());
    }
}
