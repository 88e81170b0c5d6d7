//! `inventoryFeed`: the DF submitInventoryUpdate bodies per warehouse, with change detection
//! against `lastSent`, batching, and the zero-stock guard.
//!
//! The guard: a position going to zero (from a positive last-sent quantity, or never sent) is a
//! transition to zero. It is held out of the feed when its SKU is critical, or when at least
//! `massZeroMinCount` (default 2) SKUs and more than `maxZeroShare` of the warehouse's catalogue
//! go to zero in the same run (a broken ERP export looks exactly like that; one SKU selling out
//! of a small warehouse does not). Deliberate zeros (holds, obsolete items) are not guarded.
//! `confirmZeros` lets held zeros through. A full update with a held zero is held whole: leaving
//! the SKU out of a full update would zero it anyway.

use std::collections::{BTreeMap, BTreeSet};

use super::availability::{Availability, Rules, availability};
use super::error::InventoryFeedError;
use super::input::{DEFAULT_MASS_ZERO_MIN_COUNT, FeedPosition, InventoryFeedInput, SentQuantity};
use super::output::{
    FeedItem, FeedItemStatus, FeedRequest, FullUpdateReport, HeldZero, InventoryFeedOutput,
    ZeroGuardReason,
};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::exceptions::{Exception, Severity};
use crate::money::Decimal;
use crate::spapi::df_inventory::{
    InventoryItemDetails, InventoryItemQuantity, InventoryPartyIdentification, InventoryUpdate,
    SubmitInventoryUpdateRequest, UNIT_EACH,
};

/// Share of a warehouse's catalogue that may go to zero in one run (20 %) unless configured.
fn default_max_zero_share() -> Decimal {
    Decimal(rust_decimal::Decimal::new(2, 1))
}

/// Builds the feed. See the module documentation for the guard.
pub fn inventory_feed(
    input: InventoryFeedInput,
) -> Result<InventoryFeedOutput, InventoryFeedError> {
    if input.batch_size == 0 {
        return Err(InputError::InvalidValue {
            path: "/batchSize".to_string(),
            message: "batchSize must be at least 1".to_string(),
        }
        .into());
    }
    let max_zero_share = input.max_zero_share.unwrap_or_else(default_max_zero_share);
    if max_zero_share.is_negative() || max_zero_share.0 > rust_decimal::Decimal::ONE {
        return Err(InputError::InvalidValue {
            path: "/maxZeroShare".to_string(),
            message: format!("maxZeroShare must be between 0 and 1, not {max_zero_share}"),
        }
        .into());
    }
    let catalog = Catalog::new(&input.sku_map)?;
    let rules = Rules::new(&input.rules)?;
    let last_sent = index_last_sent(&input.last_sent)?;

    // Positions by warehouse, then SKU (BTreeMap: the output order).
    let mut warehouses: BTreeMap<&str, BTreeMap<&str, Position>> = BTreeMap::new();
    for (i, position) in input.positions.iter().enumerate() {
        let rule = rules.for_position(&position.sku, &position.warehouse_id);
        let computed = availability(i, position, rule)?;
        let skus = warehouses
            .entry(position.warehouse_id.as_str())
            .or_default();
        if skus.contains_key(position.sku.as_str()) {
            return Err(InventoryFeedError::DuplicatePosition {
                path: format!("/positions/{i}/sku"),
                warehouse_id: position.warehouse_id.clone(),
                sku: position.sku.clone(),
            });
        }
        let mapping = catalog.by_sku(&position.sku);
        let last = last_sent
            .get(&(position.warehouse_id.as_str(), position.sku.as_str()))
            .copied();
        skus.insert(
            position.sku.as_str(),
            Position {
                position,
                availability: computed,
                asin: mapping.and_then(|m| m.asin.clone()),
                vendor_id: mapping
                    .and_then(|m| m.vendor_sku.clone())
                    .unwrap_or_else(|| position.sku.clone()),
                last_sent: last,
            },
        );
    }
    // A warehouse with no position this run gets no request, full update or not: an ERP export
    // that lost a warehouse must not zero it at Amazon.

    let context = Context {
        input: &input,
        rules: &rules,
        last_sent: &last_sent,
        max_zero_share,
    };
    let mut output = InventoryFeedOutput::default();
    let mut after: BTreeMap<(String, String), SentQuantity> = input
        .last_sent
        .iter()
        .map(|s| ((s.warehouse_id.clone(), s.sku.clone()), s.clone()))
        .collect();
    let mut asin_unknown: BTreeSet<String> = BTreeSet::new();
    for (warehouse, positions) in &warehouses {
        feed_warehouse(
            warehouse,
            positions,
            &context,
            &mut output,
            &mut after,
            &mut asin_unknown,
        );
    }
    for sku in asin_unknown {
        output.exceptions.push(sku_exception(
            "ASIN_UNKNOWN",
            Severity::Warning,
            &sku,
            format!(
                "{sku} is sent to Amazon by vendor SKU only: the SKU map has no ASIN for it, and \
                 updates by vendor SKU alone are refused (INVALID_ITEM_ID); add its ASIN to the \
                 SKU map"
            ),
        ));
    }
    output.last_sent_after = after.into_values().collect();
    Ok(output)
}

struct Context<'a> {
    input: &'a InventoryFeedInput,
    rules: &'a Rules<'a>,
    last_sent: &'a BTreeMap<(&'a str, &'a str), &'a SentQuantity>,
    max_zero_share: Decimal,
}

struct Position<'a> {
    position: &'a FeedPosition,
    availability: Availability,
    asin: Option<String>,
    vendor_id: String,
    last_sent: Option<&'a SentQuantity>,
}

impl Position<'_> {
    /// Amazon shows something other than zero now (or nothing was ever sent), and this run
    /// would send zero.
    fn goes_to_zero(&self) -> bool {
        self.availability.available == 0 && self.last_sent.is_none_or(|l| l.quantity > 0)
    }

    /// A transition to zero nobody asked for: the guard's business.
    fn unintended_zero(&self) -> bool {
        self.goes_to_zero() && !self.availability.hold && !self.availability.obsolete
    }

    fn changed(&self) -> bool {
        self.last_sent.is_none_or(|l| {
            l.quantity != self.availability.available || l.is_obsolete != self.availability.obsolete
        })
    }

    fn item_details(&self) -> InventoryItemDetails {
        InventoryItemDetails {
            buyer_product_identifier: self.asin.clone(),
            vendor_product_identifier: Some(self.vendor_id.clone()),
            available_quantity: InventoryItemQuantity {
                amount: Some(self.availability.available),
                unit_of_measure: UNIT_EACH.to_string(),
            },
            is_obsolete: Some(self.availability.obsolete),
        }
    }
}

fn index_last_sent(
    sent: &[SentQuantity],
) -> Result<BTreeMap<(&str, &str), &SentQuantity>, InventoryFeedError> {
    let mut index = BTreeMap::new();
    for (i, entry) in sent.iter().enumerate() {
        let key = (entry.warehouse_id.as_str(), entry.sku.as_str());
        if index.insert(key, entry).is_some() {
            return Err(InventoryFeedError::DuplicateLastSent {
                path: format!("/lastSent/{i}"),
                warehouse_id: entry.warehouse_id.clone(),
                sku: entry.sku.clone(),
            });
        }
    }
    Ok(index)
}

fn sku_exception(code: &str, severity: Severity, sku: &str, message: String) -> Exception {
    Exception {
        code: code.to_string(),
        severity,
        purchase_order_number: None,
        item_sequence_number: None,
        sku: Some(sku.to_string()),
        message,
        due_at: None,
        money_at_risk: None,
    }
}

fn warehouse_exception(code: &str, severity: Severity, message: String) -> Exception {
    Exception {
        code: code.to_string(),
        severity,
        purchase_order_number: None,
        item_sequence_number: None,
        sku: None,
        message,
        due_at: None,
        money_at_risk: None,
    }
}

/// `part / whole` as a percentage with one decimal, for messages.
fn percent(part: usize, whole: usize) -> String {
    let part = rust_decimal::Decimal::from(part);
    let whole = rust_decimal::Decimal::from(whole.max(1));
    part.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .map(|p| p.round_dp(1).normalize().to_string())
        .unwrap_or_default()
}

fn feed_warehouse(
    warehouse: &str,
    positions: &BTreeMap<&str, Position>,
    context: &Context,
    output: &mut InventoryFeedOutput,
    after: &mut BTreeMap<(String, String), SentQuantity>,
    asin_unknown: &mut BTreeSet<String>,
) {
    let input = context.input;
    // SKUs Amazon knows in this warehouse that the ERP no longer lists.
    let unlisted: Vec<&SentQuantity> = context
        .last_sent
        .range((warehouse, "")..)
        .take_while(|((w, _), _)| *w == warehouse)
        .filter(|((_, sku), _)| !positions.contains_key(sku))
        .map(|(_, sent)| *sent)
        .collect();
    let catalogue = positions.len().saturating_add(unlisted.len());

    // Transitions to zero nobody asked for: explicit, and (full update only) implicit.
    let mut transitions: Vec<(&str, bool)> = positions
        .iter()
        .filter(|(_, p)| p.unintended_zero())
        .map(|(sku, _)| (*sku, false))
        .collect();
    if input.full_update {
        transitions.extend(
            unlisted
                .iter()
                .filter(|s| s.quantity > 0)
                .map(|s| (s.sku.as_str(), true)),
        );
    }
    let share_limit = context
        .max_zero_share
        .0
        .checked_mul(rust_decimal::Decimal::from(catalogue));
    let min_count = input
        .mass_zero_min_count
        .unwrap_or(DEFAULT_MASS_ZERO_MIN_COUNT)
        .max(1);
    let mass_zero = u32::try_from(transitions.len()).unwrap_or(u32::MAX) >= min_count
        && share_limit.is_some_and(|limit| rust_decimal::Decimal::from(transitions.len()) > limit);

    let mut held: BTreeSet<&str> = BTreeSet::new();
    for (sku, unlisted_sku) in &transitions {
        let position = positions.get(sku);
        let mut reasons = Vec::new();
        // Unlisted SKUs have no position, but their rule still says whether they are critical.
        let critical = context
            .rules
            .for_position(sku, warehouse)
            .is_some_and(|rule| rule.critical);
        if critical {
            reasons.push(ZeroGuardReason::Critical);
        }
        if mass_zero {
            reasons.push(ZeroGuardReason::MassZero);
        }
        if reasons.is_empty() || input.confirm_zeros.confirms(sku) {
            continue;
        }
        held.insert(sku);
        let last = context
            .last_sent
            .get(&(warehouse, *sku))
            .map(|s| s.quantity);
        if reasons.contains(&ZeroGuardReason::Critical) {
            output.exceptions.push(sku_exception(
                "ZERO_HELD",
                Severity::Warning,
                sku,
                format!(
                    "{sku} would go to zero in warehouse {warehouse} (Amazon shows {}): held \
                     back because the SKU is critical and a zero can suppress its listing; check \
                     the stock, then confirm with confirmZeros: [\"{sku}\"]",
                    last.map_or("nothing yet".to_string(), |q| q.to_string())
                ),
            ));
        }
        output.held_zeros.push(HeldZero {
            warehouse_id: warehouse.to_string(),
            sku: sku.to_string(),
            asin: position.and_then(|p| p.asin.clone()),
            last_sent: last,
            unlisted: *unlisted_sku,
            reasons,
        });
    }
    if mass_zero && !held.is_empty() {
        output.exceptions.push(warehouse_exception(
            "MASS_ZERO_HELD",
            Severity::Warning,
            format!(
                "{} of {catalogue} SKUs ({}%) would go to zero at once in warehouse {warehouse}, \
                 over the limit of {}%: {} held back; check the ERP stock export, then confirm \
                 with confirmZeros",
                transitions.len(),
                percent(transitions.len(), catalogue),
                context
                    .max_zero_share
                    .0
                    .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                    .map(|p| p.normalize().to_string())
                    .unwrap_or_default(),
                held.len()
            ),
        ));
    }

    let full_held = input.full_update && !held.is_empty();
    let mut to_send: Vec<&Position> = Vec::new();
    for (sku, position) in positions {
        let status = if held.contains(sku) {
            FeedItemStatus::HeldZero
        } else if full_held {
            FeedItemStatus::HeldFullUpdate
        } else if input.full_update || position.changed() {
            to_send.push(position);
            FeedItemStatus::Sent
        } else {
            FeedItemStatus::Unchanged
        };
        if position.availability.shortfall > 0 {
            output.exceptions.push(sku_exception(
                "OVERCOMMITTED",
                Severity::Warning,
                sku,
                format!(
                    "{sku} in warehouse {warehouse}: committed, safety stock and open Amazon \
                     allocations exceed on hand by {}; Amazon is told 0; check the ERP's \
                     commitments",
                    position.availability.shortfall
                ),
            ));
        }
        output.items.push(FeedItem {
            warehouse_id: warehouse.to_string(),
            sku: sku.to_string(),
            asin: position.asin.clone(),
            computed: position.availability.computed,
            available: position.availability.available,
            is_obsolete: position.availability.obsolete,
            last_sent: position.last_sent.map(|s| s.quantity),
            status,
            notes: position.availability.notes.clone(),
        });
    }

    if input.full_update {
        let explicit = positions.values().filter(|p| p.goes_to_zero()).count();
        let implicit = unlisted.iter().filter(|s| s.quantity > 0).count();
        output.full_updates.push(FullUpdateReport {
            warehouse_id: warehouse.to_string(),
            listed: u64::try_from(positions.len()).unwrap_or(u64::MAX),
            would_go_to_zero: u64::try_from(explicit.saturating_add(implicit)).unwrap_or(u64::MAX),
            unlisted_skus: unlisted.iter().map(|s| s.sku.clone()).collect(),
            held: full_held,
        });
        if full_held {
            output.exceptions.push(warehouse_exception(
                "FULL_UPDATE_HELD",
                Severity::Error,
                format!(
                    "the full update of warehouse {warehouse} was not produced: it would zero {} \
                     SKU(s), {} of them held by the zero guard (see heldZeros); confirm them with \
                     confirmZeros or send a partial update",
                    explicit.saturating_add(implicit),
                    held.len()
                ),
            ));
            return;
        }
    }
    if to_send.is_empty() && !input.full_update {
        return;
    }

    for position in &to_send {
        if position.asin.is_none() {
            asin_unknown.insert(position.position.sku.clone());
        }
        let key = (warehouse.to_string(), position.position.sku.clone());
        after.insert(
            key,
            SentQuantity {
                warehouse_id: warehouse.to_string(),
                sku: position.position.sku.clone(),
                quantity: position.availability.available,
                is_obsolete: position.availability.obsolete,
            },
        );
    }
    if input.full_update {
        for sent in &unlisted {
            if let Some(entry) = after.get_mut(&(warehouse.to_string(), sent.sku.clone())) {
                entry.quantity = 0;
            }
        }
    }

    let items: Vec<InventoryItemDetails> = to_send.iter().map(|p| p.item_details()).collect();
    // A full update is one request: each part of a split one would zero the other parts.
    let chunk = if input.full_update {
        items.len().max(1)
    } else {
        usize::try_from(input.batch_size).unwrap_or(usize::MAX)
    };
    let chunks: Vec<&[InventoryItemDetails]> = if items.is_empty() {
        vec![&[]]
    } else {
        items.chunks(chunk).collect()
    };
    let batches = u32::try_from(chunks.len()).unwrap_or(u32::MAX);
    for (n, part) in chunks.into_iter().enumerate() {
        output.requests.push(FeedRequest {
            warehouse_id: warehouse.to_string(),
            batch: u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1),
            batches,
            body: SubmitInventoryUpdateRequest {
                inventory: Some(InventoryUpdate {
                    selling_party: InventoryPartyIdentification {
                        party_id: input.selling_party.clone(),
                    },
                    is_full_update: input.full_update,
                    items: part.to_vec(),
                }),
            },
        });
    }
}
