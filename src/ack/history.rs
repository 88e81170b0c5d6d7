//! What was acknowledged before: the `history` input, indexed per PO line.
//!
//! `history` holds the acknowledgements the host sent and Amazon accepted (the
//! `OrderAcknowledgement` objects of earlier `request`s, as they were). A later acknowledgement
//! of a line replaces an earlier one; a rejection is final whatever came after it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::error::InputError;
use crate::spapi::orders::{
    AcknowledgementCode, OrderAcknowledgement, OrderAcknowledgementItem, OrderItem, UnitOfMeasure,
};
use crate::time::parse_instant;

/// What is known of one PO line from earlier acknowledgements.
#[derive(Debug, Clone)]
pub struct LineHistory {
    /// The latest acknowledgement of the line.
    pub latest: OrderAcknowledgementItem,
    pub acknowledged_at: DateTime<Utc>,
    /// The most units ever rejected on this line: they stay rejected.
    pub rejected_units: u64,
    /// When the line was rejected as `ObsoleteProduct`, earliest first.
    pub obsolete_rejections: Vec<DateTime<Utc>>,
}

impl LineHistory {
    /// Units of the latest acknowledgement with `code`.
    pub fn units(&self, code: AcknowledgementCode) -> u64 {
        self.latest
            .item_acknowledgements
            .iter()
            .filter(|entry| entry.acknowledgement_code == code)
            .map(|entry| entry.acknowledged_quantity.amount)
            .sum()
    }

    /// True when the PO line still reads as it did when it was acknowledged.
    ///
    /// - A Cases line compares case sizes as they were used: the PO's `unitSize`, else
    ///   `mapped_case_size` (the SKU map's `unitsPerCase`, which the acknowledgement carries
    ///   when the PO omits it).
    /// - The cost matches when it is the PO's, or when it is a cost an approver may have set
    ///   (positive, not above the PO's, or the PO has none) and Amazon has not changed the PO
    ///   since (`changed` not after the acknowledgement).
    pub fn matches(
        &self,
        item: &OrderItem,
        mapped_case_size: Option<u64>,
        changed: Option<DateTime<Utc>>,
    ) -> bool {
        let unit = |u: Option<UnitOfMeasure>| u.unwrap_or(UnitOfMeasure::Eaches);
        let before = &self.latest.ordered_quantity;
        let now = &item.ordered_quantity;
        let cost = |m: Option<&crate::spapi::orders::Money>| m.and_then(|m| m.amount);
        let size = |q: &crate::spapi::orders::ItemQuantity| q.unit_size.or(mapped_case_size);
        before.amount == now.amount
            && unit(before.unit_of_measure) == unit(now.unit_of_measure)
            && (unit(now.unit_of_measure) == UnitOfMeasure::Eaches || size(before) == size(now))
            && (cost(self.latest.net_cost.as_ref()) == cost(item.net_cost.as_ref())
                || (self.approved_cost(item).is_some()
                    && changed.is_none_or(|changed| changed <= self.acknowledged_at)))
    }

    /// The cost acknowledged for the line when it differs from the PO's and is one an approver
    /// may set: positive and not above the PO's cost (or the PO has none). A re-decided line
    /// keeps it, so a change by Amazon never silently undoes an approved cost.
    pub fn approved_cost(&self, item: &OrderItem) -> Option<&crate::spapi::orders::Money> {
        let sent = self.latest.net_cost.as_ref()?;
        let amount = sent.amount?;
        let po = item.net_cost.as_ref().and_then(|m| m.amount);
        let valid = !amount.is_zero()
            && !amount.is_negative()
            && po.is_none_or(|po| amount < po || po.is_zero() || po.is_negative());
        valid.then_some(sent)
    }
}

/// Earlier acknowledgements, per PO and line.
#[derive(Debug, Default)]
pub struct HistoryIndex {
    lines: BTreeMap<(String, String), LineHistory>,
    last_acknowledged: BTreeMap<String, DateTime<Utc>>,
}

/// The key of a line: its sequence number read as a number ("00001" = "1"), else as written,
/// else the product identifiers.
pub fn line_key(sequence: Option<&str>, asin: Option<&str>, vendor_id: Option<&str>) -> String {
    match (sequence, asin, vendor_id) {
        (Some(seq), _, _) => match seq.trim().parse::<u64>() {
            Ok(n) => n.to_string(),
            Err(_) => seq.trim().to_string(),
        },
        (None, Some(asin), _) => format!("asin:{asin}"),
        (None, None, Some(id)) => format!("vendor:{id}"),
        (None, None, None) => String::new(),
    }
}

impl HistoryIndex {
    pub fn new(history: &[OrderAcknowledgement]) -> Result<Self, InputError> {
        let mut acks: Vec<(DateTime<Utc>, usize, &OrderAcknowledgement)> = Vec::new();
        for (i, ack) in history.iter().enumerate() {
            let at = parse_instant(&ack.acknowledgement_date).map_err(|message| {
                InputError::InvalidDate {
                    path: format!("/history/{i}/acknowledgementDate"),
                    message,
                }
            })?;
            acks.push((at, i, ack));
        }
        // Oldest first, so each later acknowledgement replaces the earlier one.
        acks.sort_by_key(|(at, i, _)| (*at, *i));
        let mut index = HistoryIndex::default();
        for (at, _, ack) in acks {
            let po = ack.purchase_order_number.clone();
            index.last_acknowledged.insert(po.clone(), at);
            for item in &ack.items {
                let key = line_key(
                    item.item_sequence_number.as_deref(),
                    item.amazon_product_identifier.as_deref(),
                    item.vendor_product_identifier.as_deref(),
                );
                let rejected: u64 = item
                    .item_acknowledgements
                    .iter()
                    .filter(|e| e.acknowledgement_code == AcknowledgementCode::Rejected)
                    .map(|e| e.acknowledged_quantity.amount)
                    .sum();
                let obsolete = item.item_acknowledgements.iter().any(|e| {
                    e.rejection_reason
                        == Some(crate::spapi::orders::RejectionReason::ObsoleteProduct)
                });
                let entry = index
                    .lines
                    .entry((po.clone(), key))
                    .or_insert_with(|| LineHistory {
                        latest: item.clone(),
                        acknowledged_at: at,
                        rejected_units: 0,
                        obsolete_rejections: Vec::new(),
                    });
                entry.latest = item.clone();
                entry.acknowledged_at = at;
                entry.rejected_units = entry.rejected_units.max(rejected);
                if obsolete {
                    entry.obsolete_rejections.push(at);
                }
            }
        }
        Ok(index)
    }

    /// The history of a PO line, matched by sequence number, else by ASIN or vendor id.
    ///
    /// Runs for every PO line of a batch: each key is built only if the ones before it missed,
    /// and the PO half of the map key is allocated once.
    pub fn line(&self, po: &str, item: &OrderItem) -> Option<&LineHistory> {
        if self.lines.is_empty() {
            return None;
        }
        let sequence = Some(item.item_sequence_number.as_str());
        let asin = item.amazon_product_identifier.as_deref();
        let vendor_id = item.vendor_product_identifier.as_deref();
        let mut lookup = (po.to_string(), String::new());
        [
            (sequence, None, None),
            (None, asin, None),
            (None, None, vendor_id),
        ]
        .into_iter()
        .find_map(|(sequence, asin, vendor_id)| {
            lookup.1 = line_key(sequence, asin, vendor_id);
            if lookup.1.is_empty() {
                None
            } else {
                self.lines.get(&lookup)
            }
        })
    }

    /// Every line's history, by PO number and then [`line_key`].
    pub fn lines(&self) -> impl Iterator<Item = (&str, &str, &LineHistory)> {
        self.lines
            .iter()
            .map(|((po, key), history)| (po.as_str(), key.as_str(), history))
    }

    /// When the PO was last acknowledged, if ever.
    pub fn last_acknowledged(&self, po: &str) -> Option<DateTime<Utc>> {
        self.last_acknowledged.get(po).copied()
    }
}
