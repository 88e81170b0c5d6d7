//! `buildShipmentConfirmation`: packing data → the `SubmitShipmentConfirmations` body.
//!
//! Contents are resolved to products (SKU map, then the PO line's own identifiers and unit),
//! grouped into one shipped item per PO and product, numbered "001"…, and placed in cartons and
//! pallets as the requested `shipmentStructure` says. The ASN is then run through the
//! validator with the same context; its issues are mapped back onto the packing data, and the
//! body is returned only when no issue is an error, so an emitted ASN always validates.

mod input;
mod output;
mod provenance;

use std::collections::BTreeMap;

pub use input::{BuildContent, BuildShipmentConfirmationInput, PackedCarton, PackedPallet};
pub use output::{AssignedSscc, BuildShipmentConfirmationOutput};

use provenance::Provenance;

use super::error::ShipmentError;
use super::issue::{ShipmentIssue, codes};
use super::units::sequence_number;
use super::validator::structure::hierarchy;
use super::validator::{Context, Sources, validate_value};
use crate::catalog::SkuMapping;
use crate::gs1::{SSCC_APPLICATION_IDENTIFIER, generate_sscc, normalise_sscc};
use crate::json_tree::Json;
use crate::money::Decimal;
use crate::spapi::orders::{OrderItem, UnitOfMeasure};
use crate::spapi::shipments::{
    Carton, CartonReferenceDetails, ContainerIdentification, ContainerIdentificationType,
    ContainerItem, Pallet, ShipmentConfirmation, ShipmentConfirmationType, ShipmentExpiry,
    ShipmentItem, ShipmentItemDetails, ShipmentItemQuantity, ShipmentMeasurements,
    ShipmentStructure, ShipmentWeight, SubmitShipmentConfirmationsRequest,
    TransportationDetailsForShipmentConfirmation,
};
use crate::time::{format_instant, parse_instant};

/// Builds the ASN from packing data. Errors only for input that cannot be read (unknown
/// fields, wrong types, an unusable SKU map); everything else is an issue.
pub fn build_shipment_confirmation(
    input: BuildShipmentConfirmationInput<'_>,
) -> Result<BuildShipmentConfirmationOutput, ShipmentError> {
    let context = Context::new(Sources {
        purchase_orders: input.purchase_orders.as_deref(),
        acknowledgements: input.acknowledgements.as_deref(),
        previous_shipments: input.previous_shipments.as_deref(),
        sscc_ledger: input.sscc_ledger.as_deref(),
        sku_map: &input.sku_map,
        appointment_at: input.appointment_at,
        now: input.now,
        options: &input.options,
    })?;
    let mut builder = Builder {
        input: &input,
        context: &context,
        issues: Vec::new(),
        provenance: Provenance::default(),
        assigned: Vec::new(),
        next_serial: input.sscc_source.as_ref().map(|s| s.next_serial_reference),
    };
    let confirmation = builder.assemble();
    // Through text rather than `to_value`, and through the boundary's own serialiser
    // (`output::to_json_text`), so the wire types' serialisation is compiled only once.
    let text = crate::output::to_json_text(&confirmation, 0).unwrap_or_default();
    let asn: Json = serde_json::from_str(&text).unwrap_or_default();
    let found = validate_value(&asn, &context);
    let Builder {
        mut issues,
        provenance,
        assigned,
        next_serial,
        ..
    } = builder;
    issues.extend(found.into_iter().map(|issue| provenance.remap(issue)));
    let request =
        (!issues.iter().any(ShipmentIssue::is_error)).then(|| SubmitShipmentConfirmationsRequest {
            shipment_confirmations: Some(vec![confirmation]),
        });
    Ok(BuildShipmentConfirmationOutput {
        request,
        issues,
        next_serial_reference: input.sscc_source.as_ref().and(next_serial),
        assigned_ssccs: assigned,
    })
}

/// One content line resolved to a product and a quantity in eaches.
struct Resolved<'a> {
    path: String,
    /// The field naming the product (`…/sku`, `…/asin` or `…/vendorProductIdentifier`).
    product_path: String,
    content: &'a BuildContent,
    po: &'a str,
    asin: Option<String>,
    vendor_id: Option<String>,
    eaches: u64,
    /// The unit the content was counted in, with its case size.
    counted_in: (UnitOfMeasure, Option<u64>),
    /// The PO line's unit, when the PO line is known.
    ordered_in: Option<(UnitOfMeasure, Option<u64>)>,
}

/// What makes two content lines of one carton the same container item: the shipped item, lot
/// number, expiry date, manufacturing date and country of origin.
type LotKey<'a> = (
    usize,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// Where a content line sits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holder {
    Carton(usize),
    Pallet(usize),
}

/// A shipped item under construction.
struct ItemPlan {
    po: String,
    asin: Option<String>,
    vendor_id: Option<String>,
    unit: UnitOfMeasure,
    /// Eaches per unit (1 for Eaches).
    unit_size: u64,
    first_path: String,
    first_product_path: String,
    /// Input order of the first content, for a stable order within a PO.
    first_seen: usize,
}

struct Builder<'a, 'c> {
    input: &'a BuildShipmentConfirmationInput<'a>,
    context: &'c Context<'a>,
    issues: Vec<ShipmentIssue>,
    provenance: Provenance,
    assigned: Vec<AssignedSscc>,
    next_serial: Option<u64>,
}

impl<'a> Builder<'a, '_> {
    fn assemble(&mut self) -> ShipmentConfirmation {
        let input = self.input;
        self.register_top_level();

        // Labels first, in input order, so generated serials follow the packing list.
        let carton_labels: Vec<Option<String>> = input
            .cartons
            .iter()
            .enumerate()
            .map(|(j, c)| self.label(format!("/cartons/{j}/sscc"), c.sscc.as_deref()))
            .collect();
        let pallet_labels: Vec<Option<String>> = input
            .pallets
            .iter()
            .enumerate()
            .map(|(q, p)| self.label(format!("/pallets/{q}/sscc"), p.sscc.as_deref()))
            .collect();

        let pallet_index = self.index_pallets();
        let rules = hierarchy(input.shipment_structure);
        let standard_pallets =
            input.shipment_structure == ShipmentStructure::PalletizedStandardCase;

        // Resolve every content line.
        let mut resolved: Vec<(Holder, Resolved<'a>)> = Vec::new();
        for (j, carton) in input.cartons.iter().enumerate() {
            for (k, content) in carton.contents.iter().enumerate() {
                if let Some(r) = self.resolve(format!("/cartons/{j}/contents/{k}"), content) {
                    resolved.push((Holder::Carton(j), r));
                }
            }
        }
        for (q, pallet) in input.pallets.iter().enumerate() {
            if standard_pallets && !pallet.contents.is_empty() {
                self.issues.push(ShipmentIssue::error(
                    codes::HIERARCHY_MISMATCH,
                    format!("/pallets/{q}/contents"),
                    "in PalletizedStandardCase a pallet's items come from its cartons: put the contents in the cartons",
                ));
                continue;
            }
            for (k, content) in pallet.contents.iter().enumerate() {
                if let Some(r) = self.resolve(format!("/pallets/{q}/contents/{k}"), content) {
                    resolved.push((Holder::Pallet(q), r));
                }
            }
        }

        // One shipped item per PO and product, ordered by PO then first appearance.
        let (plans, item_of_content) = self.plan_items(&resolved);
        let mut order: Vec<usize> = (0..plans.len()).collect();
        order.sort_by_key(|&p| plans.get(p).map(|plan| (plan.po.clone(), plan.first_seen)));
        let mut number_of_plan = vec![String::new(); plans.len()];
        for (position, &plan) in order.iter().enumerate() {
            if let Some(slot) = number_of_plan.get_mut(plan) {
                *slot = sequence_number(position.saturating_add(1), plans.len());
            }
        }

        // Quantities in each item's unit.
        let mut units: Vec<u64> = Vec::with_capacity(resolved.len());
        for ((_, r), &plan) in resolved.iter().zip(&item_of_content) {
            let size = plans.get(plan).map_or(1, |p| p.unit_size.max(1));
            let (whole, rest) = r
                .eaches
                .checked_div(size)
                .zip(r.eaches.checked_rem(size))
                .unwrap_or((0, 0));
            if rest != 0 {
                self.issues.push(ShipmentIssue::error(
                    codes::NOT_WHOLE_CASES,
                    format!("{}/quantity", r.path),
                    format!(
                        "{} eaches is not a whole number of cases of {size} (the unit of purchase order {}): repack or correct the quantity",
                        r.eaches, r.po
                    ),
                ).po(Some(r.po)));
            }
            units.push(whole);
        }

        // Shipped items.
        let mut totals = vec![0u64; plans.len()];
        for (&plan, &amount) in item_of_content.iter().zip(&units) {
            if let Some(total) = totals.get_mut(plan) {
                *total = total.saturating_add(amount);
            }
        }
        let mut shipped_items = Vec::with_capacity(plans.len());
        for (position, &p) in order.iter().enumerate() {
            let (Some(plan), Some(number)) = (plans.get(p), number_of_plan.get(p)) else {
                continue;
            };
            let asn = format!("/shippedItems/{position}");
            self.provenance.leaf(asn.clone(), plan.first_path.clone());
            self.provenance.leaf(
                format!("{asn}/shippedQuantity"),
                format!("{}/quantity", plan.first_path),
            );
            self.provenance.leaf(
                format!("{asn}/itemDetails/purchaseOrderNumber"),
                format!("{}/purchaseOrderNumber", plan.first_path),
            );
            for field in ["amazonProductIdentifier", "vendorProductIdentifier"] {
                self.provenance
                    .leaf(format!("{asn}/{field}"), plan.first_product_path.clone());
            }
            shipped_items.push(ShipmentItem {
                item_sequence_number: number.clone(),
                amazon_product_identifier: plan.asin.clone(),
                vendor_product_identifier: plan.vendor_id.clone(),
                shipped_quantity: quantity(plan, totals.get(p).copied().unwrap_or(0)),
                item_details: Some(ShipmentItemDetails {
                    purchase_order_number: Some(plan.po.clone()),
                    ..ShipmentItemDetails::default()
                }),
            });
        }

        // Container items, per holder.
        let container_items = |holder: Holder, provenance: &mut Provenance, asn_owner: &str| {
            let mut items: Vec<ContainerItem> = Vec::new();
            let mut keys: Vec<LotKey> = Vec::new();
            for (((h, r), &plan), &amount) in resolved.iter().zip(&item_of_content).zip(&units) {
                if *h != holder {
                    continue;
                }
                let c = r.content;
                let key = (
                    plan,
                    c.lot_number.as_deref(),
                    c.expiry_date.as_deref(),
                    c.manufacturer_date.as_deref(),
                    c.country_of_origin.as_deref(),
                );
                if let Some(m) = keys.iter().position(|k| *k == key) {
                    if let Some(item) = items.get_mut(m) {
                        item.shipped_quantity.amount =
                            item.shipped_quantity.amount.saturating_add(amount);
                    }
                    continue;
                }
                let (Some(plan_ref), Some(number)) = (plans.get(plan), number_of_plan.get(plan))
                else {
                    continue;
                };
                let m = items.len();
                let asn = format!("{asn_owner}/items/{m}");
                provenance.leaf(asn.clone(), r.path.clone());
                provenance.leaf(
                    format!("{asn}/shippedQuantity"),
                    format!("{}/quantity", r.path),
                );
                provenance.leaf(
                    format!("{asn}/itemDetails/lotNumber"),
                    format!("{}/lotNumber", r.path),
                );
                provenance.leaf(
                    format!("{asn}/itemDetails/countryOfOrigin"),
                    format!("{}/countryOfOrigin", r.path),
                );
                provenance.leaf(
                    format!("{asn}/itemDetails/expiry/expiryDate"),
                    format!("{}/expiryDate", r.path),
                );
                provenance.leaf(
                    format!("{asn}/itemDetails/expiry/manufacturerDate"),
                    format!("{}/manufacturerDate", r.path),
                );
                keys.push(key);
                items.push(ContainerItem {
                    item_reference: number.clone(),
                    shipped_quantity: quantity(plan_ref, amount),
                    item_details: lot_details(c),
                });
            }
            items
        };

        let mut cartons = Vec::with_capacity(input.cartons.len());
        for (j, carton) in input.cartons.iter().enumerate() {
            let asn = format!("/cartons/{j}");
            let at = format!("/cartons/{j}");
            self.provenance.leaf(asn.clone(), at.clone());
            self.provenance
                .leaf(format!("{asn}/cartonIdentifiers"), format!("{at}/sscc"));
            self.provenance.leaf(
                format!("{asn}/trackingNumber"),
                format!("{at}/trackingNumber"),
            );
            self.provenance
                .leaf(format!("{asn}/items"), format!("{at}/contents"));
            self.provenance
                .same_shape(format!("{asn}/weight"), format!("{at}/weight"));
            self.provenance
                .same_shape(format!("{asn}/dimensions"), format!("{at}/dimensions"));
            let items = container_items(Holder::Carton(j), &mut self.provenance, &asn);
            cartons.push(Carton {
                carton_identifiers: Some(
                    carton_labels
                        .get(j)
                        .cloned()
                        .flatten()
                        .map(|label| vec![self.sscc_identifier(&label)])
                        .unwrap_or_default(),
                ),
                carton_sequence_number: sequence_number(j.saturating_add(1), input.cartons.len()),
                dimensions: carton.dimensions,
                weight: carton.weight,
                tracking_number: non_empty(carton.tracking_number.as_deref()),
                items,
            });
        }

        let mut pallets = Vec::with_capacity(input.pallets.len());
        for (q, pallet) in input.pallets.iter().enumerate() {
            let asn = format!("/pallets/{q}");
            let at = format!("/pallets/{q}");
            self.provenance.leaf(asn.clone(), at.clone());
            self.provenance
                .leaf(format!("{asn}/palletIdentifiers"), format!("{at}/sscc"));
            self.provenance
                .leaf(format!("{asn}/cartonReferenceDetails"), at.clone());
            for field in ["weight", "dimensions", "tier", "block"] {
                self.provenance
                    .same_shape(format!("{asn}/{field}"), format!("{at}/{field}"));
            }
            let on_pallet: Vec<usize> = input
                .cartons
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.pallet
                        .as_deref()
                        .and_then(|id| pallet_index.get(id.trim()))
                        == Some(&q)
                })
                .map(|(j, _)| j)
                .collect();
            let carton_reference_details = (rules.pallets_reference_cartons
                || !on_pallet.is_empty())
            .then(|| CartonReferenceDetails {
                carton_count: Some(on_pallet.len() as u64),
                carton_reference_numbers: on_pallet
                    .iter()
                    .map(|&j| sequence_number(j.saturating_add(1), input.cartons.len()))
                    .collect(),
            });
            let items = if standard_pallets {
                self.provenance.leaf(format!("{asn}/items"), at.clone());
                let mut sums: BTreeMap<usize, u64> = BTreeMap::new();
                for (((h, _), &plan), &amount) in resolved.iter().zip(&item_of_content).zip(&units)
                {
                    if matches!(h, Holder::Carton(j) if on_pallet.contains(j)) {
                        let sum = sums.entry(plan).or_insert(0);
                        *sum = sum.saturating_add(amount);
                    }
                }
                let mut listed: Vec<(usize, u64)> = sums.into_iter().collect();
                listed.sort_by_key(|(plan, _)| number_of_plan.get(*plan).cloned());
                listed
                    .into_iter()
                    .filter_map(|(plan, amount)| {
                        Some(ContainerItem {
                            item_reference: number_of_plan.get(plan)?.clone(),
                            shipped_quantity: quantity(plans.get(plan)?, amount),
                            item_details: None,
                        })
                    })
                    .collect()
            } else {
                self.provenance
                    .leaf(format!("{asn}/items"), format!("{at}/contents"));
                container_items(Holder::Pallet(q), &mut self.provenance, &asn)
            };
            pallets.push(Pallet {
                pallet_identifiers: pallet_labels
                    .get(q)
                    .cloned()
                    .flatten()
                    .map(|label| vec![self.sscc_identifier(&label)])
                    .unwrap_or_default(),
                tier: pallet.tier,
                block: pallet.block,
                dimensions: pallet.dimensions,
                weight: pallet.weight,
                carton_reference_details,
                items: (!items.is_empty()).then_some(items),
            });
        }
        for (j, carton) in input.cartons.iter().enumerate() {
            if let Some(id) = carton.pallet.as_deref() {
                if !pallet_index.contains_key(id.trim()) {
                    self.issues.push(ShipmentIssue::error(
                        codes::UNKNOWN_PALLET,
                        format!("/cartons/{j}/pallet"),
                        format!("no pallet has id \"{id}\""),
                    ));
                }
            }
        }

        let gross_shipment_weight = input
            .gross_shipment_weight
            .or_else(|| self.outer_weight(&pallet_index));
        let measurements = ShipmentMeasurements {
            gross_shipment_weight,
            shipment_volume: input.shipment_volume,
            carton_count: (!cartons.is_empty()).then_some(cartons.len() as u64),
            pallet_count: (!pallets.is_empty()).then_some(pallets.len() as u64),
        };
        let transportation = TransportationDetailsForShipmentConfirmation {
            carrier_scac: non_empty(input.carrier_scac.as_deref()),
            carrier_shipment_reference_number: non_empty(input.pro_number.as_deref()),
            transportation_mode: input.transportation_mode,
            bill_of_lading_number: non_empty(input.bill_of_lading_number.as_deref()),
        };
        ShipmentConfirmation {
            shipment_identifier: input.shipment_identifier.trim().to_string(),
            shipment_confirmation_type: input
                .shipment_confirmation_type
                .unwrap_or(ShipmentConfirmationType::Original),
            shipment_type: input.shipment_type,
            shipment_structure: Some(input.shipment_structure),
            transportation_details: (transportation
                != TransportationDetailsForShipmentConfirmation::default())
            .then_some(transportation),
            amazon_reference_number: non_empty(input.amazon_reference_number.as_deref()),
            shipment_confirmation_date: input
                .shipment_confirmation_date
                .as_deref()
                .map(utc)
                .unwrap_or_else(|| format_instant(&self.context.now)),
            shipped_date: input.shipped_date.as_deref().map(utc),
            estimated_delivery_date: input.estimated_delivery_date.as_deref().map(utc),
            selling_party: input.selling_party.clone(),
            ship_from_party: input.ship_from_party.clone(),
            ship_to_party: input.ship_to_party.clone(),
            shipment_measurements: (measurements != ShipmentMeasurements::default())
                .then_some(measurements),
            import_details: input.import_details.clone(),
            shipped_items,
            cartons: (!cartons.is_empty()).then_some(cartons),
            pallets: (!pallets.is_empty()).then_some(pallets),
        }
    }

    fn register_top_level(&mut self) {
        let p = &mut self.provenance;
        p.leaf("", "");
        for field in [
            "/shipmentIdentifier",
            "/shipmentConfirmationType",
            "/shipmentType",
            "/shipmentStructure",
            "/amazonReferenceNumber",
            "/shipmentConfirmationDate",
            "/shippedDate",
            "/estimatedDeliveryDate",
            "/sellingParty",
            "/shipFromParty",
            "/shipToParty",
            "/importDetails",
        ] {
            p.same_shape(field, field);
        }
        p.leaf("/transportationDetails", "");
        p.leaf("/transportationDetails/carrierScac", "/carrierScac");
        p.leaf(
            "/transportationDetails/billOfLadingNumber",
            "/billOfLadingNumber",
        );
        p.leaf(
            "/transportationDetails/carrierShipmentReferenceNumber",
            "/proNumber",
        );
        p.leaf(
            "/transportationDetails/transportationMode",
            "/transportationMode",
        );
        p.same_shape(
            "/shipmentMeasurements/grossShipmentWeight",
            "/grossShipmentWeight",
        );
        p.same_shape("/shipmentMeasurements/shipmentVolume", "/shipmentVolume");
        p.leaf("/shipmentMeasurements/cartonCount", "/cartons");
        p.leaf("/shipmentMeasurements/palletCount", "/pallets");
        p.leaf("/cartons", "/cartons");
        p.leaf("/pallets", "/pallets");
        let holder = if hierarchy(self.input.shipment_structure).cartons {
            "/cartons"
        } else {
            "/pallets"
        };
        p.leaf("/shippedItems", holder);
    }

    /// The label of a container: as given, or generated from `ssccSource`.
    fn label(&mut self, path: String, given: Option<&str>) -> Option<String> {
        if let Some(given) = non_empty(given) {
            return Some(given);
        }
        let source = self.input.sscc_source.as_ref()?;
        let serial = self.next_serial?;
        match generate_sscc(source.extension_digit, &source.company_prefix, serial) {
            Ok(sscc) => {
                self.next_serial = serial.checked_add(1);
                self.assigned.push(AssignedSscc {
                    path,
                    sscc: sscc.clone(),
                });
                Some(sscc)
            }
            Err(error) => {
                let field = match &error {
                    crate::gs1::Gs1Error::InvalidGeneratorInput { field, .. } => *field,
                    _ => "companyPrefix",
                };
                let field = if field == "serialReference" {
                    "nextSerialReference"
                } else {
                    field
                };
                self.issues.push(ShipmentIssue::error(
                    codes::SSCC_GENERATION_FAILED,
                    format!("/ssccSource/{field}"),
                    format!("cannot generate an SSCC for {path}: {error}"),
                ));
                // One failure is enough: stop generating.
                self.next_serial = None;
                None
            }
        }
    }

    /// The identifier as written in the ASN: normalised, with or without the "00" AI; a label
    /// that is not a valid SSCC is written as given so the validator reports it at its field.
    fn sscc_identifier(&self, label: &str) -> ContainerIdentification {
        let number = match normalise_sscc(label) {
            Ok(sscc) if self.input.sscc_with_application_identifier => {
                format!("{SSCC_APPLICATION_IDENTIFIER}{sscc}")
            }
            Ok(sscc) => sscc,
            Err(_) => label.trim().to_string(),
        };
        ContainerIdentification {
            container_identification_type: ContainerIdentificationType::Sscc,
            container_identification_number: number,
        }
    }

    fn index_pallets(&mut self) -> BTreeMap<&'a str, usize> {
        let mut index = BTreeMap::new();
        for (q, pallet) in self.input.pallets.iter().enumerate() {
            let id = pallet.id.trim();
            if index.contains_key(id) {
                self.issues.push(ShipmentIssue::error(
                    codes::DUPLICATE_PALLET_ID,
                    format!("/pallets/{q}/id"),
                    format!("pallet id \"{id}\" is used twice"),
                ));
            } else {
                index.insert(id, q);
            }
        }
        index
    }

    /// Resolves a content line to a product, its PO line and eaches; `None` (with an issue)
    /// when it cannot be placed in the ASN.
    fn resolve(&mut self, path: String, content: &'a BuildContent) -> Option<Resolved<'a>> {
        let mapping: Option<&SkuMapping> = match non_empty(content.sku.as_deref()) {
            Some(sku) => match self.context.catalog.by_sku(&sku) {
                Some(mapping) => Some(mapping),
                None => {
                    self.issues.push(ShipmentIssue::error(
                        codes::UNKNOWN_PRODUCT,
                        format!("{path}/sku"),
                        format!("SKU {sku} is not in the SKU map: add its ASIN/vendor SKU there"),
                    ));
                    return None;
                }
            },
            None => self.context.catalog.resolve_ids(
                content.asin.as_deref(),
                content.vendor_product_identifier.as_deref(),
            ),
        };
        let product_path = if content.sku.is_some() {
            format!("{path}/sku")
        } else if content.asin.is_some() {
            format!("{path}/asin")
        } else {
            format!("{path}/vendorProductIdentifier")
        };
        let po = content.purchase_order_number.trim();
        let mut asin =
            non_empty(content.asin.as_deref()).or_else(|| mapping.and_then(|m| m.asin.clone()));
        let mut vendor_id = non_empty(content.vendor_product_identifier.as_deref())
            .or_else(|| mapping.and_then(|m| m.vendor_sku.clone()));
        let po_line = self.po_line(po, mapping, asin.as_deref(), vendor_id.as_deref());
        if let Some(line) = po_line {
            // "Should be the same as was sent in the purchase order."
            asin = line.amazon_product_identifier.clone().or(asin);
            vendor_id = line.vendor_product_identifier.clone().or(vendor_id);
        }
        if asin.is_none() && vendor_id.is_none() {
            self.issues.push(
                ShipmentIssue::error(
                    codes::UNKNOWN_PRODUCT,
                    product_path,
                    "give the SKU (as in the SKU map), the ASIN or the vendor product identifier",
                )
                .po(Some(po)),
            );
            return None;
        }
        if content.quantity == 0 {
            self.issues.push(
                ShipmentIssue::error(
                    codes::INVALID_QUANTITY,
                    format!("{path}/quantity"),
                    "the quantity must be at least 1",
                )
                .po(Some(po)),
            );
            return None;
        }
        let units_per_case = mapping.and_then(|m| m.units_per_case);
        let counted_unit = content.unit_of_measure.unwrap_or(UnitOfMeasure::Eaches);
        let counted_size = match counted_unit {
            UnitOfMeasure::Cases => match content.unit_size.or(units_per_case) {
                Some(size) if size > 0 => Some(size),
                _ => {
                    self.issues.push(ShipmentIssue::error(
                        codes::UNIT_SIZE_MISSING,
                        format!("{path}/unitSize"),
                        "a quantity in Cases needs unitSize (eaches per case), here or as unitsPerCase in the SKU map",
                    ).po(Some(po)));
                    return None;
                }
            },
            UnitOfMeasure::Eaches => None,
        };
        let Some(eaches) = content.quantity.checked_mul(counted_size.unwrap_or(1)) else {
            self.issues.push(ShipmentIssue::error(
                codes::INVALID_QUANTITY,
                format!("{path}/quantity"),
                "the quantity is too large",
            ));
            return None;
        };
        let ordered_in = po_line.map(|line| {
            let unit = line
                .ordered_quantity
                .unit_of_measure
                .unwrap_or(UnitOfMeasure::Eaches);
            let size = match unit {
                UnitOfMeasure::Cases => line.ordered_quantity.unit_size.or(units_per_case),
                UnitOfMeasure::Eaches => None,
            };
            (unit, size)
        });
        Some(Resolved {
            path,
            product_path,
            content,
            po,
            asin,
            vendor_id,
            eaches,
            counted_in: (counted_unit, counted_size),
            ordered_in,
        })
    }

    fn po_line(
        &self,
        po: &str,
        mapping: Option<&SkuMapping>,
        asin: Option<&str>,
        vendor_id: Option<&str>,
    ) -> Option<&'a OrderItem> {
        let context = self.context;
        let order = context.orders.as_ref()?.get(po)?;
        let lines = &order.order_details.as_ref()?.items;
        if let Some(mapping) = mapping {
            let by_sku = lines.iter().find(|line| {
                context
                    .catalog
                    .resolve(line)
                    .is_some_and(|m| m.sku == mapping.sku)
            });
            if by_sku.is_some() {
                return by_sku;
            }
        }
        context.po_line(po, asin, vendor_id)
    }

    /// Groups contents into shipped items; returns the plans and each content's plan.
    fn plan_items(&mut self, resolved: &[(Holder, Resolved)]) -> (Vec<ItemPlan>, Vec<usize>) {
        let mut plans: Vec<ItemPlan> = Vec::new();
        let mut index: BTreeMap<(&str, Option<&str>, Option<&str>), usize> = BTreeMap::new();
        let mut counted: Vec<Vec<(UnitOfMeasure, Option<u64>)>> = Vec::new();
        let mut from_po: Vec<bool> = Vec::new();
        let mut item_of_content = Vec::with_capacity(resolved.len());
        for (seen, (_, r)) in resolved.iter().enumerate() {
            let key = (r.po, r.asin.as_deref(), r.vendor_id.as_deref());
            let plan = *index.entry(key).or_insert_with(|| {
                let new_plan = plans.len();
                plans.push(ItemPlan {
                    po: r.po.to_string(),
                    asin: r.asin.clone(),
                    vendor_id: r.vendor_id.clone(),
                    unit: UnitOfMeasure::Eaches,
                    unit_size: 1,
                    first_path: r.path.clone(),
                    first_product_path: r.product_path.clone(),
                    first_seen: seen,
                });
                counted.push(Vec::new());
                from_po.push(false);
                new_plan
            });
            if let Some(units) = counted.get_mut(plan) {
                units.push(r.counted_in);
            }
            if let (Some(p), Some(ordered)) = (plans.get_mut(plan), r.ordered_in) {
                if let Some(flag) = from_po.get_mut(plan) {
                    *flag = true;
                }
                (p.unit, p.unit_size) = match ordered {
                    (UnitOfMeasure::Cases, Some(size)) => (UnitOfMeasure::Cases, size),
                    _ => (UnitOfMeasure::Eaches, 1),
                };
            }
            item_of_content.push(plan);
        }
        // Without a PO line: Cases when every content was counted in the same case size.
        for ((plan, units), &has_po_unit) in plans.iter_mut().zip(&counted).zip(&from_po) {
            if has_po_unit {
                continue;
            }
            if let Some((UnitOfMeasure::Cases, Some(size))) = units.first().copied() {
                if units
                    .iter()
                    .all(|u| *u == (UnitOfMeasure::Cases, Some(size)))
                {
                    plan.unit = UnitOfMeasure::Cases;
                    plan.unit_size = size;
                }
            }
        }
        (plans, item_of_content)
    }

    /// Sum of the outermost containers' weights, when every one has a weight in one unit.
    fn outer_weight(&self, pallet_index: &BTreeMap<&str, usize>) -> Option<ShipmentWeight> {
        let loose = self.input.cartons.iter().filter(|c| {
            !c.pallet
                .as_deref()
                .is_some_and(|id| pallet_index.contains_key(id.trim()))
        });
        let weights: Vec<Option<ShipmentWeight>> = self
            .input
            .pallets
            .iter()
            .map(|p| p.weight)
            .chain(loose.map(|c| c.weight))
            .collect();
        let first = weights.first().copied().flatten()?;
        let mut total = Decimal::ZERO;
        for weight in weights {
            let weight = weight?;
            if weight.unit_of_measure != first.unit_of_measure {
                return None;
            }
            total = total.checked_add(weight.value)?;
        }
        Some(ShipmentWeight {
            unit_of_measure: first.unit_of_measure,
            value: total,
        })
    }
}

fn quantity(plan: &ItemPlan, amount: u64) -> ShipmentItemQuantity {
    ShipmentItemQuantity {
        amount,
        unit_of_measure: plan.unit,
        unit_size: (plan.unit == UnitOfMeasure::Cases).then_some(plan.unit_size),
        total_weight: None,
    }
}

fn lot_details(content: &BuildContent) -> Option<ShipmentItemDetails> {
    let expiry = ShipmentExpiry {
        manufacturer_date: content.manufacturer_date.as_deref().map(utc),
        expiry_date: content.expiry_date.as_deref().map(utc),
        expiry_after_duration: None,
    };
    let details = ShipmentItemDetails {
        lot_number: non_empty(content.lot_number.as_deref()),
        country_of_origin: non_empty(content.country_of_origin.as_deref()),
        expiry: (expiry != ShipmentExpiry::default()).then_some(expiry),
        ..ShipmentItemDetails::default()
    };
    (details != ShipmentItemDetails::default()).then_some(details)
}

/// A date written in UTC when it parses; otherwise as typed, for the validator to report.
fn utc(text: &str) -> String {
    parse_instant(text)
        .map(|t| format_instant(&t))
        .unwrap_or_else(|_| text.to_string())
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}
