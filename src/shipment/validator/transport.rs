//! Transport and time: SCAC, PRO, bill of lading, tracking numbers, the shipped-date window,
//! the ASN deadline, pallet weights, ASNs per truck.

use chrono::Duration;

use super::Context;
use crate::shipment::issue::{ShipmentIssue, codes};
use crate::shipment::units::grams;
use crate::shipment::view::AsnView;
use crate::spapi::shipments::ShipmentType;
use crate::time::{days, format_instant, hours, parse_instant, saturating_add, saturating_sub};

pub(crate) fn check(
    view: &AsnView,
    context: &Context,
    previous: &[AsnView],
    issues: &mut Vec<ShipmentIssue>,
) {
    check_carrier(view, context, issues);
    check_bill_of_lading(view, context, previous, issues);
    check_dates(view, context, issues);
    check_pallet_weights(view, context, issues);
}

/// True for a Standard Carrier Alpha Code: 2–4 capital letters.
pub(crate) fn is_scac(text: &str) -> bool {
    (2..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

fn check_carrier(view: &AsnView, context: &Context, issues: &mut Vec<ShipmentIssue>) {
    let required = context.options.carrier_details_required.unwrap_or_else(|| {
        view.countries.iter().any(|country| {
            context
                .options
                .carrier_details_countries
                .iter()
                .any(|c| c.eq_ignore_ascii_case(country))
        })
    });
    match view.carrier_scac {
        Some(scac) if !is_scac(scac) => {
            let hint = if scac.len() > 4 || scac.contains(' ') {
                "this looks like a carrier name; "
            } else {
                ""
            };
            issues.push(ShipmentIssue::error(
                codes::INVALID_SCAC,
                "/transportationDetails/carrierScac",
                format!("\"{scac}\" is not a SCAC: {hint}give the carrier's 2–4 letter Standard Carrier Alpha Code (e.g. \"UPSN\")"),
            ));
        }
        Some(_) => {}
        None if required => issues.push(ShipmentIssue::error(
            codes::MISSING_SCAC,
            "/transportationDetails/carrierScac",
            "the carrier's SCAC is mandatory for shipments in the US, Canada and Mexico",
        )),
        None => {}
    }
    if required && view.pro_number.is_none() {
        issues.push(ShipmentIssue::error(
            codes::MISSING_PRO_NUMBER,
            "/transportationDetails/carrierShipmentReferenceNumber",
            "the carrier's PRO number is mandatory for shipments in the US, Canada and Mexico",
        ));
    }
    match view.shipment_type {
        None if view.has("shipmentType") => {}
        None => issues.push(ShipmentIssue::warning(
            codes::MISSING_SHIPMENT_TYPE,
            "/shipmentType",
            "give shipmentType (TruckLoad, LessThanTruckLoad or SmallParcel): the bill-of-lading and tracking rules depend on it",
        )),
        Some(ShipmentType::SmallParcel) => {
            for (c, carton) in view.cartons.iter().enumerate() {
                if carton.tracking_number.is_none() {
                    issues.push(ShipmentIssue::error(
                        codes::MISSING_TRACKING_NUMBER,
                        format!("/cartons/{c}/trackingNumber"),
                        "every carton of a small-parcel shipment needs its tracking number",
                    ));
                }
            }
        }
        Some(_) => {}
    }
}

fn check_bill_of_lading(
    view: &AsnView,
    context: &Context,
    previous: &[AsnView],
    issues: &mut Vec<ShipmentIssue>,
) {
    let path = "/transportationDetails/billOfLadingNumber";
    let freight = matches!(
        view.shipment_type,
        Some(ShipmentType::TruckLoad | ShipmentType::LessThanTruckLoad)
    );
    let Some(bol) = view.bill_of_lading else {
        if freight {
            issues.push(ShipmentIssue::error(
                codes::MISSING_BILL_OF_LADING,
                path,
                "the bill of lading number is mandatory for truckload and less-than-truckload shipments",
            ));
        }
        return;
    };
    if bol.chars().count() < 2 || looks_like_a_date(bol) {
        issues.push(ShipmentIssue::error(
            codes::INVALID_BILL_OF_LADING,
            path,
            format!("\"{bol}\" cannot be a bill of lading number: it must not be a date/time or a single character"),
        ));
    }
    let same_truck = previous
        .iter()
        .filter(|p| p.identifier != view.identifier && p.bill_of_lading == Some(bol))
        .count();
    let limit = context.options.max_asns_per_bill_of_lading as usize;
    if same_truck >= limit {
        issues.push(ShipmentIssue::warning(
            codes::TOO_MANY_ASNS_FOR_BILL_OF_LADING,
            path,
            format!(
                "{same_truck} ASNs already use bill of lading {bol}; at most {limit} ASNs per truck"
            ),
        ));
    }
}

/// A BOL that is a date or date-time ("2026-11-22", "20261122", "11/22/2026").
fn looks_like_a_date(text: &str) -> bool {
    if parse_instant(text).is_ok() {
        return true;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let only_date_chars = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ':' | ' ' | 'T'));
    if !only_date_chars {
        return false;
    }
    let candidates = [
        (digits.as_str(), "%Y%m%d"),
        (text, "%m/%d/%Y"),
        (text, "%d/%m/%Y"),
        (text, "%d.%m.%Y"),
    ];
    candidates
        .iter()
        .any(|(t, format)| chrono::NaiveDate::parse_from_str(t, format).is_ok() && (t.len() >= 8))
}

fn check_dates(view: &AsnView, context: &Context, issues: &mut Vec<ShipmentIssue>) {
    let options = context.options;
    let Some(shipped) = view.shipped_date else {
        if view.has("shippedDate") {
            return;
        }
        issues.push(ShipmentIssue::error(
            codes::MISSING_SHIPPED_DATE,
            "/shippedDate",
            "give the date and time the shipment left (shippedDate)",
        ));
        return;
    };
    let now = context.now;
    let earliest = saturating_sub(now, days(i64::from(options.shipped_date_past_days)));
    let latest = saturating_add(now, days(i64::from(options.shipped_date_future_days)));
    if shipped < earliest || shipped > latest {
        issues.push(ShipmentIssue::error(
            codes::SHIPPED_DATE_OUT_OF_WINDOW,
            "/shippedDate",
            format!(
                "shippedDate {} is outside the allowed window {} to {} ({} days back, {} ahead)",
                format_instant(&shipped),
                format_instant(&earliest),
                format_instant(&latest),
                options.shipped_date_past_days,
                options.shipped_date_future_days
            ),
        ));
    } else if shipped > now {
        issues.push(ShipmentIssue::warning(
            codes::SHIPPED_DATE_IN_FUTURE,
            "/shippedDate",
            "shippedDate is in the future: Amazon expects the ASN after departure",
        ));
    }
    match view.estimated_delivery_date {
        None if view.has("estimatedDeliveryDate") => {}
        None => issues.push(ShipmentIssue::error(
            codes::MISSING_ESTIMATED_DELIVERY_DATE,
            "/estimatedDeliveryDate",
            "give the estimated delivery date at the fulfilment centre",
        )),
        Some(delivery) if delivery < shipped => issues.push(ShipmentIssue::error(
            codes::DELIVERY_BEFORE_SHIPMENT,
            "/estimatedDeliveryDate",
            "the estimated delivery is before the shipped date",
        )),
        Some(_) => {}
    }
    // Due 30 minutes after departure, or 6 hours before the appointment if that is sooner.
    let after_departure = saturating_add(
        shipped,
        Duration::minutes(i64::from(options.asn_minutes_after_departure)),
    );
    let due = match context.appointment_at {
        Some(appointment) => after_departure.min(saturating_sub(
            appointment,
            hours(i64::from(options.asn_hours_before_appointment)),
        )),
        None => after_departure,
    };
    if now > due {
        issues.push(
            ShipmentIssue::warning(
                codes::ASN_LATE,
                "/shippedDate",
                format!(
                    "the ASN was due by {} ({} minutes after departure or {} hours before the appointment, whichever is sooner): a late ASN risks a chargeback",
                    format_instant(&due),
                    options.asn_minutes_after_departure,
                    options.asn_hours_before_appointment
                ),
            )
            .due(format_instant(&due)),
        );
    }
}

fn check_pallet_weights(view: &AsnView, context: &Context, issues: &mut Vec<ShipmentIssue>) {
    let limit = context.options.max_pallet_weight;
    let Some(limit_grams) = grams(limit.value, limit.unit_of_measure) else {
        return;
    };
    for (p, pallet) in view.pallets.iter().enumerate() {
        let Some((value, unit)) = pallet.weight else {
            continue;
        };
        if grams(value, unit).is_some_and(|g| g > limit_grams) {
            issues.push(ShipmentIssue::warning(
                codes::PALLET_OVERWEIGHT,
                format!("/pallets/{p}/weight/value"),
                format!(
                    "the pallet weighs {value} {unit}, over the limit of {} {}",
                    limit.value, limit.unit_of_measure
                ),
            ));
        }
    }
}
