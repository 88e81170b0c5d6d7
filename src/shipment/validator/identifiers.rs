//! Identifiers: SSCC and GTIN check digits, one SSCC per carton, SSCCs unique within the ASN
//! and against the 365-day ledger and earlier ASNs.

use std::collections::BTreeMap;

use super::Context;
use crate::gs1::{Gs1Error, normalise_sscc, validate_gtin};
use crate::shipment::issue::{ShipmentIssue, codes};
use crate::shipment::view::{AsnView, IdentifierView};
use crate::spapi::shipments::ContainerIdentificationType;
use crate::time::{days, format_instant, saturating_add};

pub(crate) fn check(
    view: &AsnView,
    context: &Context,
    previous: &[AsnView],
    issues: &mut Vec<ShipmentIssue>,
) {
    let mut containers: Vec<(String, &IdentifierView)> = Vec::new();
    for (c, carton) in view.cartons.iter().enumerate() {
        match &carton.identifiers {
            Some(ids) if ids.iter().any(is_label) => {}
            _ => issues.push(ShipmentIssue::error(
                codes::MISSING_CARTON_SSCC,
                format!("/cartons/{c}/cartonIdentifiers"),
                "every carton needs its SSCC (or Amazon's AMZNCC) as on its label",
            )),
        }
        for (k, id) in carton.identifiers.iter().flatten().enumerate() {
            containers.push((format!("/cartons/{c}/cartonIdentifiers/{k}"), id));
        }
    }
    for (p, pallet) in view.pallets.iter().enumerate() {
        for (k, id) in pallet.identifiers.iter().enumerate() {
            containers.push((format!("/pallets/{p}/palletIdentifiers/{k}"), id));
        }
    }

    let reuse_window = days(i64::from(context.options.identifier_reuse_days));
    let this_asn = view.identifier;
    let mut earlier: BTreeMap<String, String> = BTreeMap::new();
    for entry in &context.ledger {
        let other_asn =
            entry.shipment_identifier.is_some() && entry.shipment_identifier != this_asn;
        if (other_asn || entry.shipment_identifier.is_none())
            && saturating_add(entry.used_at, reuse_window) >= context.now
        {
            earlier.entry(entry.sscc.clone()).or_insert_with(|| {
                format!(
                    "in the SSCC ledger (used {})",
                    format_instant(&entry.used_at)
                )
            });
        }
    }
    for asn in previous.iter().filter(|p| p.identifier != this_asn) {
        let recent = asn
            .confirmation_date
            .is_none_or(|d| saturating_add(d, reuse_window) >= context.now);
        if !recent {
            continue;
        }
        let ids = asn
            .cartons
            .iter()
            .flat_map(|c| c.identifiers.iter().flatten())
            .chain(asn.pallets.iter().flat_map(|p| p.identifiers.iter()));
        for id in ids.filter(|id| id.kind == Some(ContainerIdentificationType::Sscc)) {
            if let Some(sscc) = id.number.and_then(|n| normalise_sscc(n).ok()) {
                earlier.entry(sscc).or_insert_with(|| {
                    format!(
                        "in shipment {}",
                        asn.identifier.unwrap_or("(no identifier)")
                    )
                });
            }
        }
    }

    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (owner, id) in containers {
        let Some(number) = id.number else { continue };
        let path = format!("{owner}/containerIdentificationNumber");
        match id.kind {
            Some(ContainerIdentificationType::Sscc) => match normalise_sscc(number) {
                Ok(sscc) => {
                    if let Some(first) = seen.get(&sscc) {
                        issues.push(ShipmentIssue::error(
                            codes::DUPLICATE_SSCC,
                            path,
                            format!("SSCC {sscc} is already used at {first}; each label is unique"),
                        ));
                    } else {
                        if let Some(where_) = earlier.get(&sscc) {
                            issues.push(ShipmentIssue::error(
                                codes::SSCC_REUSED,
                                path.clone(),
                                format!("SSCC {sscc} was already used {where_}; an SSCC must not repeat within {} days", context.options.identifier_reuse_days),
                            ));
                        }
                        seen.insert(sscc, path);
                    }
                }
                Err(error) => issues.push(gs1_issue(error, path, "SSCC")),
            },
            Some(ContainerIdentificationType::Gtin) => {
                if let Err(error) = validate_gtin(number) {
                    issues.push(gs1_issue(error, path, "GTIN"));
                }
            }
            _ => {}
        }
    }
}

fn is_label(id: &IdentifierView) -> bool {
    id.number.is_some()
        && matches!(
            id.kind,
            Some(ContainerIdentificationType::Sscc | ContainerIdentificationType::Amzncc)
        )
}

fn gs1_issue(error: Gs1Error, path: String, what: &str) -> ShipmentIssue {
    let (check_digit_code, format_code) = if what == "SSCC" {
        (codes::INVALID_SSCC_CHECK_DIGIT, codes::INVALID_SSCC)
    } else {
        (codes::INVALID_GTIN_CHECK_DIGIT, codes::INVALID_GTIN)
    };
    match error {
        Gs1Error::CheckDigit {
            actual, expected, ..
        } => ShipmentIssue::error(
            check_digit_code,
            path,
            format!("the {what} check digit is {actual} but should be {expected}: check the label"),
        ),
        other => ShipmentIssue::error(format_code, path, format!("not a valid {what}: {other}")),
    }
}
