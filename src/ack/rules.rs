//! Acknowledgement rules: built-in defaults, overridden by `rules.defaults`, then by the PO
//! type (`rules.poTypes.RushOrder`, …), then by the SKU (`rules.skus["TV-55"]`), field by field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::money::Decimal;
use crate::spapi::orders::PurchaseOrderType;

wire_enum! {
    /// What to do with a line whose cost breaks a rule.
    CostAction {
        /// Hold the PO for a person (the default).
        Review = "review",
        /// Reject the line (`TemporarilyUnavailable`, the only neutral reason Amazon offers).
        Reject = "reject",
        /// Acknowledge anyway; the exception is still reported.
        Accept = "accept",
    }
}

wire_enum! {
    /// What to do with a line no ERP item matches.
    UnknownProductAction {
        /// Reject as `InvalidProductIdentifier` (the default; final at Amazon).
        Reject = "reject",
        /// Hold the PO so the item can be mapped first.
        Review = "review",
    }
}

wire_enum! {
    /// What a PO line whose ERP SKU has no row in `inventory` means.
    MissingStockRowAction {
        /// The export may be incomplete: hold the PO for a person (`STOCK_ROW_MISSING`; the
        /// default). A Rejected line is final at Amazon, so absent data never rejects.
        Review = "review",
        /// The host's export is complete (every SKU, zero rows included): a missing row is
        /// zero stock, and the partial-export checks are off.
        Zero = "zero",
    }
}

wire_enum! {
    /// What to do when an earlier promise can no longer be kept (accepted units no longer in
    /// stock, a backorder's receipt vanished) while the 48-hour change window is open.
    DownConfirmAction {
        /// Hold the down-confirmation in `pendingApproval` (the default).
        Propose = "propose",
        /// Send it in `request`.
        Auto = "auto",
    }
}

wire_enum! {
    /// What to do when a backorder's inbound receipt slipped.
    PromiseDateUpdates {
        /// Send the date update in `request` (the default; dates may change after 48 hours).
        Send = "send",
        /// Only raise `BACKORDER_SLIPPED` with the new date.
        Review = "review",
    }
}

wire_enum! {
    /// Which POs get scarce stock first.
    AllocationPriority {
        /// Earliest ship/delivery window start, then PO date, then PO number (the default).
        WindowStart = "windowStart",
        /// Oldest PO first, then PO number.
        PurchaseOrderDate = "purchaseOrderDate",
        /// The order of `purchaseOrders` in the input.
        InputOrder = "inputOrder",
    }
}

/// Rules for a line; every field optional so that layers can override one another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LineRules {
    /// Off ⇒ the PO waits in `pendingApproval` (default on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_acknowledge: Option<bool>,
    /// Always send POs with this SKU to approval (default off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<bool>,
    /// No longer sold: reject as `ObsoleteProduct` (default off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obsolete: Option<bool>,
    /// A PO net cost below this is flagged (`COST_BELOW_MINIMUM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_net_cost: Option<Decimal>,
    /// What a cost below `minNetCost` does (default `review`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below_min_net_cost: Option<CostAction>,
    /// The cost the ERP expects; a different PO cost is flagged (`COST_MISMATCH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_net_cost: Option<Decimal>,
    /// What a cost different from `expectedNetCost` does (default `review`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_mismatch: Option<CostAction>,
    /// Accept only while at least this many eaches stay allocatable (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_inventory: Option<u64>,
    /// Backorder (from inbound receipts) where the PO allows it (default on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_backorder: Option<bool>,
    /// Only receipts whose ship date falls within this many days of `now` (default 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_backorder_days: Option<u32>,
}

/// Rule overrides per PO type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct PoTypeRules {
    /// Rules for `RegularOrder` POs.
    #[serde(
        rename = "RegularOrder",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regular_order: Option<LineRules>,
    /// Rules for `ConsignedOrder` POs.
    #[serde(
        rename = "ConsignedOrder",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub consigned_order: Option<LineRules>,
    /// Rules for `NewProductIntroduction` POs.
    #[serde(
        rename = "NewProductIntroduction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub new_product_introduction: Option<LineRules>,
    /// Rules for `RushOrder` POs.
    #[serde(rename = "RushOrder", default, skip_serializing_if = "Option::is_none")]
    pub rush_order: Option<LineRules>,
}

/// The `rules` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AckRules {
    /// Rules for every line (the built-in defaults apply under them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaults: Option<LineRules>,
    /// Rules per PO type, over `defaults`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub po_types: Option<PoTypeRules>,
    /// Overrides per ERP SKU.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub skus: BTreeMap<String, LineRules>,
}

/// The rules in force for one line, every layer applied.
#[derive(Debug, Clone, PartialEq)]
pub struct EffectiveRules {
    pub auto_acknowledge: bool,
    pub review: bool,
    pub obsolete: bool,
    pub min_net_cost: Option<Decimal>,
    pub below_min_net_cost: CostAction,
    pub expected_net_cost: Option<Decimal>,
    pub cost_mismatch: CostAction,
    pub min_inventory: u64,
    pub allow_backorder: bool,
    pub max_backorder_days: u32,
}

/// Backorders further out than this are not offered unless a rule says otherwise.
pub const DEFAULT_MAX_BACKORDER_DAYS: u32 = 14;

impl Default for EffectiveRules {
    fn default() -> Self {
        EffectiveRules {
            auto_acknowledge: true,
            review: false,
            obsolete: false,
            min_net_cost: None,
            below_min_net_cost: CostAction::Review,
            expected_net_cost: None,
            cost_mismatch: CostAction::Review,
            min_inventory: 0,
            allow_backorder: true,
            max_backorder_days: DEFAULT_MAX_BACKORDER_DAYS,
        }
    }
}

impl EffectiveRules {
    fn apply(&mut self, layer: &LineRules) {
        let LineRules {
            auto_acknowledge,
            review,
            obsolete,
            min_net_cost,
            below_min_net_cost,
            expected_net_cost,
            cost_mismatch,
            min_inventory,
            allow_backorder,
            max_backorder_days,
        } = layer;
        if let Some(v) = auto_acknowledge {
            self.auto_acknowledge = *v;
        }
        if let Some(v) = review {
            self.review = *v;
        }
        if let Some(v) = obsolete {
            self.obsolete = *v;
        }
        if let Some(v) = min_net_cost {
            self.min_net_cost = Some(*v);
        }
        if let Some(v) = below_min_net_cost {
            self.below_min_net_cost = *v;
        }
        if let Some(v) = expected_net_cost {
            self.expected_net_cost = Some(*v);
        }
        if let Some(v) = cost_mismatch {
            self.cost_mismatch = *v;
        }
        if let Some(v) = min_inventory {
            self.min_inventory = *v;
        }
        if let Some(v) = allow_backorder {
            self.allow_backorder = *v;
        }
        if let Some(v) = max_backorder_days {
            self.max_backorder_days = *v;
        }
    }
}

impl AckRules {
    /// The rules for a line of a PO of `po_type` matched to `sku` (defaults → PO type → SKU).
    pub fn effective(
        &self,
        po_type: Option<PurchaseOrderType>,
        sku: Option<&str>,
    ) -> EffectiveRules {
        let mut rules = EffectiveRules::default();
        if let Some(defaults) = &self.defaults {
            rules.apply(defaults);
        }
        let by_type = self.po_types.as_ref().and_then(|types| match po_type? {
            PurchaseOrderType::RegularOrder => types.regular_order.as_ref(),
            PurchaseOrderType::ConsignedOrder => types.consigned_order.as_ref(),
            PurchaseOrderType::NewProductIntroduction => types.new_product_introduction.as_ref(),
            PurchaseOrderType::RushOrder => types.rush_order.as_ref(),
        });
        if let Some(layer) = by_type {
            rules.apply(layer);
        }
        if let Some(layer) = sku.and_then(|sku| self.skus.get(sku)) {
            rules.apply(layer);
        }
        rules
    }
}

/// The `options` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AckOptions {
    /// Which POs get scarce stock first (default `windowStart`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation_priority: Option<AllocationPriority>,
    /// Days from an inbound receipt to shipping it, for backorder ship dates (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time_days: Option<u32>,
    /// Days from shipping to delivery for POs with a delivery window (vendor-paid freight),
    /// whose backordered entries carry a scheduledDeliveryDate (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transit_days: Option<u32>,
    /// A pending PO is "due soon" this many hours before its deadline (default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_soon_hours: Option<u32>,
    /// What to do with lines no ERP item matches (default `reject`). Not applied to
    /// `NewProductIntroduction` POs, whose unknown products are always held for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_product: Option<UnknownProductAction>,
    /// What a mapped SKU without an inventory row means (default `review`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_stock_row: Option<MissingStockRowAction>,
    /// Page sizes of the host's inventory export (default `[1000]`, NetSuite's largest search
    /// page): a row count that is a whole number of pages may be an export cut at a paging
    /// limit, so the batch is held (`INVENTORY_INCOMPLETE`) unless `missingStockRow` is `zero`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_page_sizes: Option<Vec<u64>>,
    /// Down-confirmations of promises that can no longer be kept (default `propose`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down_confirm: Option<DownConfirmAction>,
    /// Date updates of backorders whose receipt slipped (default `send`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise_date_updates: Option<PromiseDateUpdates>,
    /// The currency of a PO cost that names none (else its list price's); without either,
    /// the line is held (`MISSING_CURRENCY`): every `netCost` sent carries a `currencyCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
}

impl AckOptions {
    /// Days from a receipt to its ship date (default 1).
    pub fn lead_time_days(&self) -> i64 {
        i64::from(self.lead_time_days.unwrap_or(1))
    }

    /// What a PO SKU without an inventory row means (default: hold the line for review).
    pub fn missing_stock_row(&self) -> MissingStockRowAction {
        self.missing_stock_row
            .unwrap_or(MissingStockRowAction::Review)
    }

    /// True when `rows` is a whole, non-zero number of pages of the export.
    pub fn on_page_boundary(&self, rows: usize) -> bool {
        let rows = rows as u64;
        let sizes: &[u64] = self.inventory_page_sizes.as_deref().unwrap_or(&[1000]);
        rows > 0
            && sizes
                .iter()
                .any(|&size| size > 0 && rows.checked_rem(size) == Some(0))
    }

    /// Hours before the deadline a held PO is reported as due soon (default 4).
    pub fn due_soon_hours(&self) -> i64 {
        i64::from(self.due_soon_hours.unwrap_or(4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_override_field_by_field() {
        let rules: AckRules = serde_json::from_str(
            r#"{ "defaults": { "minInventory": 5, "autoAcknowledge": true },
                 "poTypes": { "RushOrder": { "autoAcknowledge": false, "minInventory": 0 } },
                 "skus": { "TV": { "minInventory": 2, "obsolete": true } } }"#,
        )
        .unwrap();
        let regular = rules.effective(Some(PurchaseOrderType::RegularOrder), Some("X"));
        assert_eq!((regular.auto_acknowledge, regular.min_inventory), (true, 5));
        let rush = rules.effective(Some(PurchaseOrderType::RushOrder), Some("TV"));
        assert_eq!(
            (rush.auto_acknowledge, rush.min_inventory, rush.obsolete),
            (false, 2, true)
        );
        let none = rules.effective(None, None);
        assert_eq!(none.max_backorder_days, DEFAULT_MAX_BACKORDER_DAYS);
    }

    #[test]
    fn a_misspelt_rule_is_refused() {
        assert!(serde_json::from_str::<AckRules>(r#"{"defaults":{"minInventroy":1}}"#).is_err());
        assert!(serde_json::from_str::<AckRules>(r#"{"poTypes":{"Rush":{}}}"#).is_err());
    }
}
