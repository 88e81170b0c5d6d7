//! Availability of one position: on hand − committed − safety stock − open Amazon allocations,
//! never below zero, then the SKU's cap, hold and obsolete flag (both advertise 0).

use std::collections::BTreeMap;

use super::error::InventoryFeedError;
use super::input::{FeedPosition, FeedRule};

/// The rules by (SKU, warehouse scope); `None` is every warehouse.
pub(crate) struct Rules<'a> {
    by_key: BTreeMap<(&'a str, Option<&'a str>), &'a FeedRule>,
}

impl<'a> Rules<'a> {
    pub(crate) fn new(rules: &'a [FeedRule]) -> Result<Self, InventoryFeedError> {
        let mut by_key = BTreeMap::new();
        for (i, rule) in rules.iter().enumerate() {
            let key = (rule.sku.as_str(), rule.warehouse_id.as_deref());
            if by_key.insert(key, rule).is_some() {
                return Err(InventoryFeedError::DuplicateRule {
                    path: format!("/rules/{i}"),
                    sku: rule.sku.clone(),
                });
            }
        }
        Ok(Rules { by_key })
    }

    /// The warehouse's own rule for the SKU, else the SKU's general rule.
    pub(crate) fn for_position(&self, sku: &str, warehouse_id: &str) -> Option<&'a FeedRule> {
        self.by_key
            .get(&(sku, Some(warehouse_id)))
            .or_else(|| self.by_key.get(&(sku, None)))
            .copied()
    }
}

/// The availability of one position and how it came about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Availability {
    /// Before clamping; negative when more is promised than is on hand.
    pub(crate) computed: i64,
    pub(crate) available: u64,
    pub(crate) hold: bool,
    pub(crate) critical: bool,
    pub(crate) obsolete: bool,
    pub(crate) notes: Vec<String>,
    /// By how much the promises exceed what is on hand (0 when they do not).
    pub(crate) shortfall: u64,
}

pub(crate) fn availability(
    index: usize,
    position: &FeedPosition,
    rule: Option<&FeedRule>,
) -> Result<Availability, InventoryFeedError> {
    let computed: i128 = match (position.available, position.on_hand) {
        (Some(available), _) => i128::from(available),
        (None, Some(on_hand)) => {
            // Four 64-bit quantities cannot overflow an i128; saturating says so to clippy.
            i128::from(on_hand)
                .saturating_sub(i128::from(position.committed.unwrap_or(0)))
                .saturating_sub(i128::from(position.safety_stock.unwrap_or(0)))
                .saturating_sub(i128::from(position.open_amazon_allocations.unwrap_or(0)))
        }
        (None, None) => {
            return Err(InventoryFeedError::MissingStockQuantity {
                path: format!("/positions/{index}"),
                sku: position.sku.clone(),
            });
        }
    };
    let mut notes = Vec::new();
    let shortfall = u64::try_from(computed.min(0).unsigned_abs()).unwrap_or(u64::MAX);
    if shortfall > 0 {
        notes.push(format!(
            "committed, safety stock and open Amazon allocations exceed on hand by {shortfall}: \
             clamped to 0"
        ));
    }
    let mut available = u64::try_from(computed.max(0)).unwrap_or(u64::MAX);
    let (hold, critical, obsolete) =
        rule.map_or((false, false, false), |r| (r.hold, r.critical, r.obsolete));
    if let Some(cap) = rule.and_then(|r| r.cap) {
        if available > cap {
            notes.push(format!("capped at {cap} (of {available} available)"));
            available = cap;
        }
    }
    if hold {
        notes.push("on hold: advertised as 0 on purpose".to_string());
        available = 0;
    }
    if obsolete {
        // DF inventory model: isObsolete "When true, the item is permanently unavailable":
        // advertising stock beside it would contradict it.
        if available > 0 {
            notes.push(format!(
                "obsolete: sent with isObsolete true and 0 available (of {available}): the item \
                 is permanently unavailable"
            ));
        } else {
            notes.push("obsolete: sent with isObsolete true".to_string());
        }
        available = 0;
    }
    Ok(Availability {
        computed: i64::try_from(computed).unwrap_or(if computed < 0 { i64::MIN } else { i64::MAX }),
        available,
        hold,
        critical,
        obsolete,
        notes,
        shortfall,
    })
}
