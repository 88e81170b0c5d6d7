//! FBA stock for one routing run: which SKUs are stocked in FBA and how many units FBA can
//! still ship after the lines routed so far.

use std::collections::{BTreeMap, BTreeSet};

use super::error::{FbaError, invalid_value};
use super::ids::ITEM_ID_MAX;
use super::input::FbaStock;

/// Fulfillable units per seller SKU, consumed as lines are routed to FBA.
#[derive(Debug, Clone, Default)]
pub(crate) struct FbaStockLedger {
    remaining: BTreeMap<String, u64>,
    /// SKUs listed by getInventorySummaries without `inventoryDetails` (called without
    /// `details=true`): stocked in FBA, but how many units can ship is unknown, so none are used.
    without_details: BTreeSet<String>,
}

impl FbaStockLedger {
    /// Reads either form of FBA stock. Duplicated SKUs are errors (which figure is right cannot
    /// be known); negative quantities count as zero.
    pub(crate) fn new(stock: &FbaStock) -> Result<Self, FbaError> {
        let mut ledger = FbaStockLedger::default();
        match stock {
            FbaStock::Levels(levels) => {
                for (i, level) in levels.iter().enumerate() {
                    let path = format!("/fbaStock/{i}/sku");
                    ledger.insert(&path, &level.sku, Some(level.fulfillable_quantity))?;
                }
            }
            FbaStock::Summaries(response) => {
                let Some(payload) = &response.payload else {
                    let codes: Vec<&str> = response
                        .errors
                        .iter()
                        .flatten()
                        .map(|e| e.code.as_str())
                        .collect();
                    return Err(invalid_value(
                        "/fbaStock/payload",
                        format!(
                            "the getInventorySummaries response has no payload (errors: {}); FBA stock is unknown",
                            if codes.is_empty() {
                                "none".to_string()
                            } else {
                                codes.join(", ")
                            }
                        ),
                    ));
                };
                for (i, summary) in payload.inventory_summaries.iter().enumerate() {
                    // A summary without a seller SKU cannot match an order line.
                    let Some(sku) = &summary.seller_sku else {
                        continue;
                    };
                    let path = format!("/fbaStock/payload/inventorySummaries/{i}/sellerSku");
                    let fulfillable = summary
                        .inventory_details
                        .as_ref()
                        .and_then(|d| d.fulfillable_quantity)
                        .map(|q| u64::try_from(q).unwrap_or(0));
                    ledger.insert(&path, sku, fulfillable)?;
                }
            }
        }
        Ok(ledger)
    }

    fn insert(&mut self, path: &str, sku: &str, fulfillable: Option<u64>) -> Result<(), FbaError> {
        if sku.trim().is_empty() {
            return Err(invalid_value(
                path,
                "an FBA SKU must not be empty".to_string(),
            ));
        }
        if sku.chars().count() > ITEM_ID_MAX {
            return Err(invalid_value(
                path,
                format!("a seller SKU has at most {ITEM_ID_MAX} characters"),
            ));
        }
        if self.remaining.contains_key(sku) {
            return Err(FbaError::DuplicateFbaSku {
                path: path.to_string(),
                sku: sku.to_string(),
            });
        }
        if fulfillable.is_none() {
            self.without_details.insert(sku.to_string());
        }
        self.remaining
            .insert(sku.to_string(), fulfillable.unwrap_or(0));
        Ok(())
    }

    /// True when the SKU is stocked in FBA (listed, whatever its quantity).
    pub(crate) fn is_fba_sku(&self, sku: &str) -> bool {
        self.remaining.contains_key(sku)
    }

    /// True when the SKU was listed without `inventoryDetails`.
    pub(crate) fn lacks_details(&self, sku: &str) -> bool {
        self.without_details.contains(sku)
    }

    /// Units FBA can still ship.
    pub(crate) fn remaining(&self, sku: &str) -> u64 {
        self.remaining.get(sku).copied().unwrap_or(0)
    }

    /// Takes `quantity` units (never more than remain).
    pub(crate) fn take(&mut self, sku: &str, quantity: u64) {
        if let Some(left) = self.remaining.get_mut(sku) {
            *left = left.saturating_sub(quantity);
        }
    }
}
