//! What the checks compare an ASN with: POs, acknowledgements, earlier ASNs, the SSCC ledger,
//! the SKU map, `now` and the options, indexed once per call.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::SsccLedgerEntry;
use crate::catalog::{Catalog, SkuMapping};
use crate::gs1::normalise_sscc;
use crate::json_tree::Json;
use crate::shipment::error::ShipmentError;
use crate::shipment::options::ValidationOptions;
use crate::shipment::units::Quantity;
use crate::shipment::view::AsnView;
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Order, OrderAcknowledgement, OrderItem,
};
use crate::time::{Instant, parse_instant};

/// The latest acknowledgement of one PO line.
pub(crate) struct AckLine<'a> {
    pub sequence_number: Option<String>,
    pub asin: Option<&'a str>,
    pub vendor_id: Option<&'a str>,
    /// Accepted + Backordered, in eaches; `None` when a case size is unknown.
    pub confirmed_eaches: Option<u64>,
}

/// The acknowledged lines of one PO, indexed by normalised sequence number.
#[derive(Default)]
pub(crate) struct AckLines<'a> {
    pub lines: Vec<AckLine<'a>>,
    /// Hashed: looked up only, never iterated.
    pub by_sequence: HashMap<String, usize>,
}

pub(crate) struct LedgerEntry<'a> {
    pub sscc: String,
    pub used_at: DateTime<Utc>,
    pub shipment_identifier: Option<&'a str>,
}

/// Everything the ASN is validated against.
pub(crate) struct Sources<'a> {
    pub purchase_orders: Option<&'a [Order]>,
    pub acknowledgements: Option<&'a [OrderAcknowledgement]>,
    pub previous_shipments: Option<&'a [Json<'a>]>,
    pub sscc_ledger: Option<&'a [SsccLedgerEntry]>,
    pub sku_map: &'a [SkuMapping],
    pub appointment_at: Option<Instant>,
    pub now: Instant,
    pub options: &'a ValidationOptions,
}

pub(crate) struct Context<'a> {
    pub now: DateTime<Utc>,
    pub appointment_at: Option<DateTime<Utc>>,
    pub options: &'a ValidationOptions,
    pub catalog: Catalog<'a>,
    has_sku_map: bool,
    /// By PO number; `None` when no POs were given.
    pub orders: Option<BTreeMap<&'a str, &'a Order>>,
    /// PO lines by (PO number, ASIN) and by (PO number, vendor product identifier). Hashed,
    /// not ordered: only ever looked up (one lookup per ASN item), never iterated, so the
    /// hasher's random order cannot reach an output.
    lines_by_asin: HashMap<(&'a str, &'a str), &'a OrderItem>,
    lines_by_vendor_id: HashMap<(&'a str, &'a str), &'a OrderItem>,
    /// By PO number, the latest acknowledgement of each line; `None` when none were given.
    pub acknowledgements: Option<BTreeMap<&'a str, AckLines<'a>>>,
    /// Earlier ASNs as JSON (read through [`AsnView`] like the ASN itself).
    previous: &'a [Json<'a>],
    pub previous_given: bool,
    pub ledger: Vec<LedgerEntry<'a>>,
}

/// "00001" and "1" are the same PO line.
pub(crate) fn normalise_sequence(sequence: &str) -> String {
    normalised_sequence(sequence).to_string()
}

/// [`normalise_sequence`] without a copy: a slice of `sequence`, or "0".
fn normalised_sequence(sequence: &str) -> &str {
    let trimmed = sequence.trim().trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

fn quantity(q: &ItemQuantity) -> Quantity {
    Quantity {
        amount: q.amount,
        unit_of_measure: q.unit_of_measure,
        unit_size: q.unit_size,
    }
}

impl<'a> Context<'a> {
    /// Indexes the sources; errors only for sources that cannot be used at all.
    pub fn new(sources: Sources<'a>) -> Result<Context<'a>, ShipmentError> {
        let catalog = Catalog::new(sources.sku_map)?;
        let orders = match sources.purchase_orders {
            Some(list) => {
                let mut index = BTreeMap::new();
                for (i, order) in list.iter().enumerate() {
                    if index
                        .insert(order.purchase_order_number.as_str(), order)
                        .is_some()
                    {
                        return Err(ShipmentError::DuplicatePurchaseOrder {
                            path: format!("/purchaseOrders/{i}/purchaseOrderNumber"),
                            number: order.purchase_order_number.clone(),
                        });
                    }
                }
                Some(index)
            }
            None => None,
        };
        let acknowledgements = match sources.acknowledgements {
            Some(list) => Some(index_acknowledgements(list, orders.as_ref())?),
            None => None,
        };
        let previous = sources.previous_shipments.unwrap_or_default();
        for (i, asn) in previous.iter().enumerate() {
            if !asn.is_object() {
                return Err(ShipmentError::Input(
                    crate::error::InputError::InvalidType {
                        path: format!("/previousShipments/{i}"),
                        message: "invalid type: expected a ShipmentConfirmation object".to_string(),
                    },
                ));
            }
        }
        let ledger = sources
            .sscc_ledger
            .unwrap_or_default()
            .iter()
            .map(|entry| LedgerEntry {
                sscc: normalise_sscc(&entry.sscc).unwrap_or_else(|_| entry.sscc.trim().to_string()),
                used_at: entry.used_at.0,
                shipment_identifier: entry.shipment_identifier.as_deref().map(str::trim),
            })
            .collect();
        let line_count = orders.iter().flatten().fold(0usize, |sum, (_, order)| {
            sum.saturating_add(order.order_details.as_ref().map_or(0, |d| d.items.len()))
        });
        let mut lines_by_asin = HashMap::with_capacity(line_count);
        let mut lines_by_vendor_id = HashMap::new();
        for (po, order) in orders.iter().flatten() {
            for line in order.order_details.iter().flat_map(|d| d.items.iter()) {
                if let Some(asin) = line.amazon_product_identifier.as_deref() {
                    lines_by_asin.entry((*po, asin)).or_insert(line);
                }
                if let Some(id) = line.vendor_product_identifier.as_deref() {
                    lines_by_vendor_id.entry((*po, id)).or_insert(line);
                }
            }
        }
        Ok(Context {
            now: sources.now.0,
            lines_by_asin,
            lines_by_vendor_id,
            has_sku_map: !sources.sku_map.is_empty(),
            appointment_at: sources.appointment_at.map(|t| t.0),
            options: sources.options,
            catalog,
            orders,
            acknowledgements,
            previous,
            previous_given: sources.previous_shipments.is_some(),
            ledger,
        })
    }

    pub fn previous_views(&self) -> Vec<AsnView<'_>> {
        self.previous.iter().map(AsnView::read).collect()
    }

    /// True when the two (ASIN, vendor id) pairs name the same product: an identifier in
    /// common, or both mapped to the same ERP SKU.
    pub fn same_product(
        &self,
        a: (Option<&str>, Option<&str>),
        b: (Option<&str>, Option<&str>),
    ) -> bool {
        let equal =
            |x: Option<&str>, y: Option<&str>| matches!((x, y), (Some(x), Some(y)) if x == y);
        if equal(a.0, b.0) || equal(a.1, b.1) {
            return true;
        }
        match (
            self.catalog.resolve_ids(a.0, a.1),
            self.catalog.resolve_ids(b.0, b.1),
        ) {
            (Some(x), Some(y)) => x.sku == y.sku,
            _ => false,
        }
    }

    /// The PO line for a product on a PO.
    pub fn po_line(
        &self,
        po: &str,
        asin: Option<&str>,
        vendor_id: Option<&str>,
    ) -> Option<&'a OrderItem> {
        // By ASIN, then by vendor id; only then, with a SKU map, line by line.
        let direct = asin
            .and_then(|asin| self.lines_by_asin.get(&(po, asin)))
            .or_else(|| vendor_id.and_then(|id| self.lines_by_vendor_id.get(&(po, id))));
        if let Some(line) = direct {
            return Some(line);
        }
        if !self.has_sku_map {
            return None;
        }
        let order = self.orders.as_ref()?.get(po)?;
        order.order_details.as_ref()?.items.iter().find(|line| {
            self.same_product(
                (asin, vendor_id),
                (
                    line.amazon_product_identifier.as_deref(),
                    line.vendor_product_identifier.as_deref(),
                ),
            )
        })
    }
}

/// The latest acknowledgement per PO line: acknowledgements sorted by date (list order for
/// equal or unreadable dates), a later entry for the same line replacing the earlier one.
fn index_acknowledgements<'a>(
    list: &'a [OrderAcknowledgement],
    orders: Option<&BTreeMap<&'a str, &'a Order>>,
) -> Result<BTreeMap<&'a str, AckLines<'a>>, ShipmentError> {
    let mut dated = Vec::with_capacity(list.len());
    for (i, ack) in list.iter().enumerate() {
        let date = parse_instant(&ack.acknowledgement_date).map_err(|message| {
            ShipmentError::InvalidDate {
                path: format!("/acknowledgements/{i}/acknowledgementDate"),
                message,
            }
        })?;
        dated.push((date, i, ack));
    }
    dated.sort_by_key(|(date, i, _)| (*date, *i));
    let mut index: BTreeMap<&'a str, AckLines<'a>> = BTreeMap::new();
    // Case sizes of PO lines by (PO, normalised sequence number); looked up only (hashed).
    let mut unit_sizes: HashMap<(&str, &str), u64> = HashMap::new();
    for (po, order) in orders.into_iter().flatten() {
        for line in order.order_details.iter().flat_map(|d| d.items.iter()) {
            if let Some(size) = line.ordered_quantity.unit_size {
                unit_sizes.insert((*po, normalised_sequence(&line.item_sequence_number)), size);
            }
        }
    }
    for (_, _, ack) in dated {
        let po = ack.purchase_order_number.as_str();
        let AckLines { lines, by_sequence } = index.entry(po).or_default();
        for item in &ack.items {
            let sequence_number = item.item_sequence_number.as_deref().map(normalise_sequence);
            let po_unit_size = sequence_number
                .as_ref()
                .and_then(|seq| unit_sizes.get(&(po, seq.as_str())))
                .copied();
            let fallback = item.ordered_quantity.unit_size.or(po_unit_size);
            let confirmed_eaches = item
                .item_acknowledgements
                .iter()
                .filter(|entry| entry.acknowledgement_code != AcknowledgementCode::Rejected)
                .try_fold(0u64, |sum, entry| {
                    quantity(&entry.acknowledged_quantity)
                        .eaches(fallback)
                        .and_then(|e| sum.checked_add(e))
                });
            let line = AckLine {
                sequence_number,
                asin: item.amazon_product_identifier.as_deref(),
                vendor_id: item.vendor_product_identifier.as_deref(),
                confirmed_eaches,
            };
            let same_line =
                |existing: &AckLine| match (&existing.sequence_number, &line.sequence_number) {
                    (Some(a), Some(b)) => a == b,
                    _ => {
                        (existing.asin.is_some() && existing.asin == line.asin)
                            || (existing.vendor_id.is_some()
                                && existing.vendor_id == line.vendor_id)
                    }
                };
            // A later acknowledgement replaces the line: by sequence number when it has one,
            // else by product.
            let position = match &line.sequence_number {
                Some(seq) => by_sequence.get(seq).copied(),
                None => lines.iter().position(same_line),
            };
            match position.and_then(|i| lines.get_mut(i)) {
                Some(existing) => *existing = line,
                None => {
                    if let Some(seq) = &line.sequence_number {
                        by_sequence.insert(seq.clone(), lines.len());
                    }
                    lines.push(line);
                }
            }
        }
    }
    Ok(index)
}
