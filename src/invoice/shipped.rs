//! What was shipped, from the two sources a vendor has: the ASNs it sent Amazon
//! (`ShipmentConfirmation`s of the vendorShipments model) and the ERP's own fulfilment rows.
//! Both are resolved onto PO lines, in eaches. Shared by `buildInvoice` and `reconcile`.
//!
//! ASNs are read for what invoicing and reconciliation need (identifiers, quantities, PO
//! numbers, BOL/PRO, cartons and pallets with their SSCCs); their other fields are ignored, so a
//! host can pass the exact body it submitted. When the same `shipmentIdentifier` appears more
//! than once, a `Replace` supersedes the `Original`, and among equals the latest
//! `shipmentConfirmationDate` wins (ties broken by content, never by input order).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::po_book::{BookError, PoBook, eaches_of, supersedes};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::line_value::Weight;
use crate::spapi::orders::{ItemQuantity, UnitOfMeasure};
use crate::spapi::shipments::TotalWeight;
use crate::time::parse_instant;

wire_enum! {
    /// `ShipmentConfirmation.shipmentConfirmationType`.
    AsnConfirmationType {
        /// The first confirmation of a shipment.
        Original = "Original",
        /// A confirmation that replaces an earlier one.
        Replace = "Replace",
    }
}

/// A shipment confirmation (ASN) as submitted to Amazon (vendorShipments
/// `ShipmentConfirmation`), read for reconciliation and invoicing.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnRecord {
    /// The ASN's shipment identifier.
    pub shipment_identifier: String,
    /// `New` or `Replace`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_confirmation_type: Option<AsnConfirmationType>,
    /// When the ASN was confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_confirmation_date: Option<String>,
    /// When the goods shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_date: Option<String>,
    /// Carrier details (SCAC, bill of lading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transportation_details: Option<AsnTransportationDetails>,
    /// The shipped items, with PO and quantity.
    #[serde(default)]
    pub shipped_items: Vec<AsnItem>,
    /// The ASN's cartons.
    #[serde(default)]
    pub cartons: Vec<AsnCarton>,
    /// The ASN's pallets.
    #[serde(default)]
    pub pallets: Vec<AsnPallet>,
}

/// `TransportationDetailsForShipmentConfirmation`: the carrier evidence of a shipment.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnTransportationDetails {
    /// The carrier's SCAC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_scac: Option<String>,
    /// The PRO number for LTL/TL shipments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_shipment_reference_number: Option<String>,
    /// The bill of lading number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_of_lading_number: Option<String>,
}

/// `Item` of an ASN. `itemSequenceNumber` is local to the ASN ("001"), referenced from cartons
/// and pallets; it is not the PO line number.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnItem {
    /// The item's sequence number in the ASN.
    pub item_sequence_number: String,
    /// The item's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The item's vendor SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// How much of the item shipped.
    pub shipped_quantity: AsnQuantity,
    /// The item's PO number, lot and weight details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_details: Option<AsnItemDetails>,
}

/// The ASN's `ItemQuantity`: the orders model's quantity plus `totalWeight` ("The total weight
/// of units shipped", for items sold by weight: what a weight-priced line is worth).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnQuantity {
    /// The quantity, in the unit below.
    pub amount: u64,
    /// `Cases` or `Eaches` (absent: eaches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case, for Cases.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::spapi::orders::unit_size_tolerant"
    )]
    pub unit_size: Option<u64>,
    /// The total weight shipped, for items priced by weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<TotalWeight>,
}

impl AsnQuantity {
    /// The count, as the orders model's `ItemQuantity`.
    pub fn quantity(&self) -> ItemQuantity {
        ItemQuantity {
            amount: self.amount,
            unit_of_measure: self.unit_of_measure,
            unit_size: self.unit_size,
        }
    }

    /// The weight, when the ASN gives one.
    pub fn weight(&self) -> Option<Weight> {
        self.total_weight.map(|w| Weight {
            amount: w.amount,
            unit: w.unit_of_measure,
        })
    }
}

/// `ItemDetails` (only the PO number matters here).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnItemDetails {
    /// The purchase order the item ships against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
}

/// `Carton`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnCarton {
    /// The carton's identifiers (SSCC, AMZNCC).
    #[serde(default)]
    pub carton_identifiers: Vec<AsnContainerIdentification>,
    /// The carton's sequence number in the ASN.
    pub carton_sequence_number: String,
    /// The carrier's tracking number of the carton.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// What the carton holds.
    #[serde(default)]
    pub items: Vec<AsnContainerItem>,
}

/// `Pallet`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnPallet {
    /// The pallet's identifiers (SSCC).
    #[serde(default)]
    pub pallet_identifiers: Vec<AsnContainerIdentification>,
    /// The cartons on the pallet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carton_reference_details: Option<AsnCartonReferenceDetails>,
    /// Items packed on the pallet directly.
    #[serde(default)]
    pub items: Vec<AsnContainerItem>,
}

/// `CartonReferenceDetails`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnCartonReferenceDetails {
    /// The cartons' sequence numbers.
    #[serde(default)]
    pub carton_reference_numbers: Vec<String>,
}

/// `ContainerItem`: a quantity of an ASN item inside a carton or on a pallet.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnContainerItem {
    /// The shipped item this content refers to (its sequence number).
    pub item_reference: String,
    /// How much of it the container holds.
    pub shipped_quantity: AsnQuantity,
    /// The content's PO number, lot and weight details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_details: Option<AsnItemDetails>,
}

/// `ContainerIdentification` (SSCC, AMZNCC, GTIN, BPS, CID), kept as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsnContainerIdentification {
    /// The identifier's type (`SSCC`, `AMZNCC`, …).
    pub container_identification_type: String,
    /// The identifier.
    pub container_identification_number: String,
}

/// A shipped quantity as the ERP recorded it (a fulfilment / item fulfilment row). LineQuantities
/// are in eaches unless `unitOfMeasure` says Cases.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FulfilmentRow {
    /// The purchase order shipped against.
    pub purchase_order_number: String,
    /// The PO line, when the ERP kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The line's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// The ERP item; resolved to the PO line through `skuMap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// The quantity shipped, in the unit below.
    pub quantity: u64,
    /// `Cases` or `Eaches` (absent: eaches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case, for Cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_size: Option<u64>,
    /// The weight shipped: what a line priced by weight is worth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<TotalWeight>,
    /// The ASN this fulfilment was confirmed with, if the ERP knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_identifier: Option<String>,
    /// When it shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_date: Option<String>,
    /// The ERP's own record id, echoed in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Where a shipped quantity came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShippedSource {
    /// `asn` indexes the ASN list; `item_reference` is the ASN item's sequence number.
    Asn {
        /// Index of the ASN in the input.
        asn: usize,
        /// The item's sequence number in the ASN.
        item_reference: String,
    },
    /// `row` indexes the fulfilment rows.
    Erp {
        /// Index of the ERP row in the input.
        row: usize,
    },
}

/// A shipped quantity resolved onto a PO line.
#[derive(Debug, Clone)]
pub struct ShippedLine {
    /// The purchase order shipped against.
    pub purchase_order_number: String,
    /// Index into the PO entry's `lines`.
    pub line: usize,
    /// The quantity shipped, in eaches.
    pub eaches: u64,
    /// The weight of those eaches, when the ASN or the ERP row gives it.
    pub weight: Option<Weight>,
    /// When it shipped.
    pub shipped_at: Option<DateTime<Utc>>,
    /// The ASN it shipped on, if any.
    pub shipment_identifier: Option<String>,
    /// Where the line comes from (an ASN item or an ERP row).
    pub source: ShippedSource,
    /// JSON pointer to the source in the input.
    pub path: String,
}

/// Why a shipped quantity could not be put on a PO line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnmatchedReason {
    /// No PO number on the item (nor in its containers).
    NoPurchaseOrder,
    /// A PO number that is not among the purchase orders.
    UnknownPurchaseOrder,
    /// The PO exists but no line has this item.
    UnknownLine,
}

/// A shipped quantity that matches no PO line.
#[derive(Debug, Clone)]
pub struct UnmatchedShipped {
    /// JSON pointer to the source in the input.
    pub path: String,
    /// The purchase order named, if any.
    pub purchase_order_number: Option<String>,
    /// The ASN it shipped on, if any.
    pub shipment_identifier: Option<String>,
    /// Why it matched no PO line.
    pub reason: UnmatchedReason,
    /// The quantity, in eaches.
    pub quantity: u64,
}

/// Shipped quantities resolved onto PO lines.
#[derive(Debug, Default)]
pub struct Shipped {
    /// Shipped lines matched to PO lines.
    pub lines: Vec<ShippedLine>,
    /// Shipped lines that match no PO line.
    pub unmatched: Vec<UnmatchedShipped>,
    /// Indices of the ASNs in force (a superseded Original is left out).
    pub current_asns: Vec<usize>,
}

/// Which ASNs are in force: per `shipmentIdentifier`, Replace over Original, then the latest
/// confirmation date, then content.
pub fn current_asns(asns: &[AsnRecord]) -> Result<Vec<usize>, BookError> {
    type Rank = (bool, Option<DateTime<Utc>>);
    let mut best: BTreeMap<&str, (Rank, usize)> = BTreeMap::new();
    for (i, asn) in asns.iter().enumerate() {
        let date = optional_instant(
            asn.shipment_confirmation_date.as_deref(),
            &format!("/shipments/{i}/shipmentConfirmationDate"),
        )?;
        let rank = (
            asn.shipment_confirmation_type == Some(AsnConfirmationType::Replace),
            date,
        );
        let replaces = match best.get(asn.shipment_identifier.as_str()) {
            None => true,
            Some((other_rank, other)) => asns
                .get(*other)
                .is_some_and(|o| supersedes(&rank, asn, other_rank, o)),
        };
        if replaces {
            best.insert(asn.shipment_identifier.as_str(), (rank, i));
        }
    }
    let mut current: Vec<usize> = best.into_values().map(|(_, i)| i).collect();
    current.sort_unstable();
    Ok(current)
}

/// Resolves ASN items onto PO lines (at `/shipments`).
pub fn resolve_asns(book: &PoBook<'_>, asns: &[AsnRecord]) -> Result<Shipped, BookError> {
    let mut shipped = Shipped {
        current_asns: current_asns(asns)?,
        ..Shipped::default()
    };
    for &a in &shipped.current_asns.clone() {
        let Some(asn) = asns.get(a) else { continue };
        let base = format!("/shipments/{a}");
        let shipped_at =
            optional_instant(asn.shipped_date.as_deref(), &format!("{base}/shippedDate"))?.or(
                optional_instant(
                    asn.shipment_confirmation_date.as_deref(),
                    &format!("{base}/shipmentConfirmationDate"),
                )?,
            );
        for (i, item) in asn.shipped_items.iter().enumerate() {
            let path = format!("{base}/shippedItems/{i}");
            for (po_number, shipped_quantity, quantity_path) in split_by_po(asn, item, &path) {
                let quantity = shipped_quantity.quantity();
                let Some(po_number) = po_number else {
                    shipped.unmatched.push(UnmatchedShipped {
                        path: quantity_path,
                        purchase_order_number: None,
                        shipment_identifier: Some(asn.shipment_identifier.clone()),
                        reason: UnmatchedReason::NoPurchaseOrder,
                        quantity: quantity.amount,
                    });
                    continue;
                };
                let Some(entry) = book.get(&po_number) else {
                    shipped.unmatched.push(UnmatchedShipped {
                        path: quantity_path,
                        purchase_order_number: Some(po_number),
                        shipment_identifier: Some(asn.shipment_identifier.clone()),
                        reason: UnmatchedReason::UnknownPurchaseOrder,
                        quantity: quantity.amount,
                    });
                    continue;
                };
                let Some(line_index) = entry.find_line(
                    None,
                    item.amazon_product_identifier.as_deref(),
                    item.vendor_product_identifier.as_deref(),
                ) else {
                    shipped.unmatched.push(UnmatchedShipped {
                        path: quantity_path,
                        purchase_order_number: Some(po_number),
                        shipment_identifier: Some(asn.shipment_identifier.clone()),
                        reason: UnmatchedReason::UnknownLine,
                        quantity: quantity.amount,
                    });
                    continue;
                };
                let Some(line) = entry.lines.get(line_index) else {
                    continue;
                };
                let eaches = eaches_of(
                    &quantity,
                    line.unit_of_measure,
                    line.unit_size,
                    &quantity_path,
                )?;
                shipped.lines.push(ShippedLine {
                    purchase_order_number: po_number,
                    line: line_index,
                    eaches,
                    weight: shipped_quantity.weight(),
                    shipped_at,
                    shipment_identifier: Some(asn.shipment_identifier.clone()),
                    source: ShippedSource::Asn {
                        asn: a,
                        item_reference: item.item_sequence_number.clone(),
                    },
                    path: quantity_path,
                });
            }
        }
    }
    Ok(shipped)
}

/// The PO(s) of an ASN item: its own `itemDetails`, else the containers' item details, each with
/// the quantity the containers hold (with their weight only when every container gives one).
/// Falls back to the whole quantity without a PO.
fn split_by_po(
    asn: &AsnRecord,
    item: &AsnItem,
    path: &str,
) -> Vec<(Option<String>, AsnQuantity, String)> {
    let own = item
        .item_details
        .as_ref()
        .and_then(|d| d.purchase_order_number.clone());
    let quantity_path = format!("{path}/shippedQuantity");
    if own.is_some() {
        return vec![(own, item.shipped_quantity, quantity_path)];
    }
    let mut by_po: BTreeMap<String, (AsnQuantity, String)> = BTreeMap::new();
    let containers = asn
        .cartons
        .iter()
        .enumerate()
        .flat_map(|(c, carton)| {
            carton
                .items
                .iter()
                .enumerate()
                .map(move |(k, ci)| (format!("/cartons/{c}/items/{k}"), ci))
        })
        .chain(asn.pallets.iter().enumerate().flat_map(|(p, pallet)| {
            pallet
                .items
                .iter()
                .enumerate()
                .map(move |(k, ci)| (format!("/pallets/{p}/items/{k}"), ci))
        }));
    for (container_path, container_item) in containers {
        if container_item.item_reference != item.item_sequence_number {
            continue;
        }
        let Some(po) = container_item
            .item_details
            .as_ref()
            .and_then(|d| d.purchase_order_number.clone())
        else {
            continue;
        };
        let asn_base = path.split("/shippedItems").next().unwrap_or_default();
        let here = format!("{asn_base}{container_path}/shippedQuantity");
        let more = container_item.shipped_quantity;
        by_po
            .entry(po)
            .and_modify(|(q, _)| {
                q.amount = q.amount.saturating_add(more.amount);
                q.total_weight = match (q.weight(), more.weight()) {
                    (Some(a), Some(b)) => a.checked_add(&b).map(|sum| TotalWeight {
                        unit_of_measure: sum.unit,
                        amount: sum.amount,
                    }),
                    _ => None,
                };
            })
            .or_insert((more, here));
    }
    if by_po.is_empty() {
        return vec![(None, item.shipped_quantity, quantity_path)];
    }
    by_po
        .into_iter()
        .map(|(po, (q, p))| (Some(po), q, p))
        .collect()
}

/// Resolves ERP fulfilment rows onto PO lines (at `/fulfilments`).
pub fn resolve_fulfilments(
    book: &PoBook<'_>,
    rows: &[FulfilmentRow],
    catalog: &Catalog<'_>,
) -> Result<Shipped, BookError> {
    let mut shipped = Shipped::default();
    for (r, row) in rows.iter().enumerate() {
        let path = format!("/fulfilments/{r}");
        let shipped_at =
            optional_instant(row.shipped_date.as_deref(), &format!("{path}/shippedDate"))?;
        let Some(entry) = book.get(&row.purchase_order_number) else {
            shipped.unmatched.push(UnmatchedShipped {
                path: format!("{path}/purchaseOrderNumber"),
                purchase_order_number: Some(row.purchase_order_number.clone()),
                shipment_identifier: row.shipment_identifier.clone(),
                reason: UnmatchedReason::UnknownPurchaseOrder,
                quantity: row.quantity,
            });
            continue;
        };
        let mapped = row.sku.as_deref().and_then(|sku| catalog.by_sku(sku));
        let asin = row
            .amazon_product_identifier
            .as_deref()
            .or(mapped.and_then(|m| m.asin.as_deref()));
        let vendor_id = row
            .vendor_product_identifier
            .as_deref()
            .or(mapped.and_then(|m| m.vendor_sku.as_deref()))
            .or(row.sku.as_deref());
        let Some(line_index) =
            entry.find_line(row.item_sequence_number.as_deref(), asin, vendor_id)
        else {
            shipped.unmatched.push(UnmatchedShipped {
                path,
                purchase_order_number: Some(row.purchase_order_number.clone()),
                shipment_identifier: row.shipment_identifier.clone(),
                reason: UnmatchedReason::UnknownLine,
                quantity: row.quantity,
            });
            continue;
        };
        let Some(line) = entry.lines.get(line_index) else {
            continue;
        };
        let quantity = ItemQuantity {
            amount: row.quantity,
            unit_of_measure: Some(row.unit_of_measure.unwrap_or(UnitOfMeasure::Eaches)),
            unit_size: row.unit_size,
        };
        let eaches = eaches_of(
            &quantity,
            line.unit_of_measure,
            line.unit_size,
            &format!("{path}/quantity"),
        )?;
        shipped.lines.push(ShippedLine {
            purchase_order_number: row.purchase_order_number.clone(),
            line: line_index,
            eaches,
            weight: row.total_weight.map(|w| Weight {
                amount: w.amount,
                unit: w.unit_of_measure,
            }),
            shipped_at,
            shipment_identifier: row.shipment_identifier.clone(),
            source: ShippedSource::Erp { row: r },
            path,
        });
    }
    Ok(shipped)
}

/// Eaches shipped per (PO number, line index).
pub fn totals_by_line(lines: &[ShippedLine]) -> BTreeMap<(String, usize), u64> {
    let mut totals: BTreeMap<(String, usize), u64> = BTreeMap::new();
    for line in lines {
        let slot = totals
            .entry((line.purchase_order_number.clone(), line.line))
            .or_insert(0);
        *slot = slot.saturating_add(line.eaches);
    }
    totals
}

fn optional_instant(text: Option<&str>, path: &str) -> Result<Option<DateTime<Utc>>, BookError> {
    text.map(|t| {
        parse_instant(t).map_err(|message| {
            BookError::Input(InputError::InvalidDate {
                path: path.to_string(),
                message,
            })
        })
    })
    .transpose()
}
