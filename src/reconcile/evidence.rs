//! Proof of shipment for a PO line, from the ASNs that carried it: BOL, PRO, carrier, the
//! cartons (SSCC labels, tracking numbers, how many eaches of the line each held) and the
//! pallets. This is what a shortage dispute needs attached.

use super::output::{CartonEvidence, PalletEvidence, ShipmentEvidence};
use crate::invoice::po_book::{PoLine, eaches_of};
use crate::invoice::shipped::{AsnContainerItem, AsnRecord};
use crate::time::parse_instant;

/// Evidence for one line from its ASN sources: (ASN index, ASN item reference, eaches).
pub fn shipment_evidence(
    asns: &[AsnRecord],
    sources: &[(usize, String, u64)],
    po: &str,
    line: &PoLine<'_>,
) -> Vec<ShipmentEvidence> {
    let mut out: Vec<ShipmentEvidence> = Vec::new();
    for (a, item_reference, eaches) in sources {
        let Some(asn) = asns.get(*a) else { continue };
        let holds = |ci: &AsnContainerItem| {
            ci.item_reference == *item_reference
                && ci
                    .item_details
                    .as_ref()
                    .and_then(|d| d.purchase_order_number.as_deref())
                    .is_none_or(|p| p == po)
        };
        let eaches_in = |ci: &AsnContainerItem| {
            eaches_of(
                &ci.shipped_quantity.quantity(),
                line.unit_of_measure,
                line.unit_size,
                "",
            )
            .unwrap_or(ci.shipped_quantity.amount)
        };
        let cartons: Vec<CartonEvidence> = asn
            .cartons
            .iter()
            .filter_map(|carton| {
                let eaches: u64 = carton
                    .items
                    .iter()
                    .filter(|ci| holds(ci))
                    .map(eaches_in)
                    .fold(0u64, u64::saturating_add);
                (eaches > 0).then(|| CartonEvidence {
                    carton_sequence_number: carton.carton_sequence_number.clone(),
                    identifiers: carton.carton_identifiers.clone(),
                    tracking_number: carton.tracking_number.clone(),
                    eaches,
                })
            })
            .collect();
        let pallets: Vec<PalletEvidence> = asn
            .pallets
            .iter()
            .filter_map(|pallet| {
                let referenced: Vec<String> = pallet
                    .carton_reference_details
                    .iter()
                    .flat_map(|d| d.carton_reference_numbers.iter())
                    .filter(|n| cartons.iter().any(|c| &c.carton_sequence_number == *n))
                    .cloned()
                    .collect();
                let direct = pallet.items.iter().any(&holds);
                (direct || !referenced.is_empty()).then(|| PalletEvidence {
                    identifiers: pallet.pallet_identifiers.clone(),
                    carton_sequence_numbers: referenced,
                })
            })
            .collect();
        let details = asn.transportation_details.clone().unwrap_or_default();
        let shipped_date = asn
            .shipped_date
            .as_deref()
            .and_then(|d| parse_instant(d).ok())
            .map(|d| crate::time::format_instant(&d));
        match out
            .iter_mut()
            .find(|e| e.shipment_identifier == asn.shipment_identifier)
        {
            // The same line twice on one ASN (two ASN items): one entry, quantities added.
            Some(existing) => {
                existing.shipped_eaches = existing.shipped_eaches.saturating_add(*eaches);
            }
            None => out.push(ShipmentEvidence {
                shipment_identifier: asn.shipment_identifier.clone(),
                shipped_date,
                bill_of_lading_number: details.bill_of_lading_number,
                pro_number: details.carrier_shipment_reference_number,
                carrier_scac: details.carrier_scac,
                shipped_eaches: *eaches,
                cartons,
                pallets,
            }),
        }
    }
    out.sort_by(|a, b| a.shipment_identifier.cmp(&b.shipment_identifier));
    out
}
