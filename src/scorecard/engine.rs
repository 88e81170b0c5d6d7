//! `vendorScorecard`: the figures of Amazon's vendor scorecards over a period, from the
//! quantities `reconcile` establishes (one fact, one place) and the documents' dates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};

use super::input::VendorScorecardInput;
use super::output::{Contribution, Figure, ScorecardFigure, VendorScorecardOutput, WeekFigure};
use crate::error::InputError;
use crate::invoice::amounts::round_to;
use crate::money::Decimal;
use crate::reconcile::{ReconcileError, ReconcileInput, ReconcileOptions, reconcile};
use crate::time::{parse_instant, parse_interval, saturating_add, week_start};

/// A scored PO: its date and the end of its ship (else delivery) window.
struct Scored {
    date: DateTime<Utc>,
    window_end: Option<DateTime<Utc>>,
}

/// An ASN: its identifier, departure, confirmation and the scored POs it carries.
type Asn = (
    String,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    BTreeSet<String>,
);

/// Builds the scorecard. See the module README for each figure's definition.
pub fn vendor_scorecard(
    input: VendorScorecardInput,
) -> Result<VendorScorecardOutput, ReconcileError> {
    let (from, to) = (input.from.0, input.to.0);
    let ack_hours = Duration::hours(i64::from(input.options.acknowledgement_hours.unwrap_or(24)));
    let asn_minutes = Duration::minutes(i64::from(input.options.asn_minutes.unwrap_or(30)));
    let date_at = |text: &str, path: String| {
        parse_instant(text).map_err(|message| InputError::InvalidDate { path, message })
    };

    // Maps are keyed by text to an index: the crate's one `BTreeMap<String, usize>` serves
    // every lookup here (each new map type costs WebAssembly bytes).
    let mut scored_at: BTreeMap<String, usize> = BTreeMap::new();
    let mut scored: Vec<Scored> = Vec::new();
    for (i, po) in input.purchase_orders.iter().enumerate() {
        // A PO without details has no date: it cannot be placed in a period (not scored).
        let Some(details) = &po.order_details else {
            continue;
        };
        let date = date_at(
            &details.purchase_order_date,
            format!("/purchaseOrders/{i}/orderDetails/purchaseOrderDate"),
        )?;
        if date < from || date >= to {
            continue;
        }
        let window_end = details
            .ship_window
            .as_deref()
            .or(details.delivery_window.as_deref())
            .and_then(|w| parse_interval(w).ok())
            .map(|(_, end)| end);
        scored_at.insert(po.purchase_order_number.clone(), scored.len());
        scored.push(Scored { date, window_end });
    }

    let mut acknowledged_at: BTreeMap<String, usize> = BTreeMap::new();
    let mut acknowledged: Vec<DateTime<Utc>> = Vec::new();
    for (i, ack) in input.acknowledgements.iter().enumerate() {
        let date = date_at(
            &ack.acknowledgement_date,
            format!("/acknowledgements/{i}/acknowledgementDate"),
        )?;
        match acknowledged_at.get(&ack.purchase_order_number) {
            Some(&at) => {
                if let Some(first) = acknowledged.get_mut(at) {
                    *first = (*first).min(date);
                }
            }
            None => {
                acknowledged_at.insert(ack.purchase_order_number.clone(), acknowledged.len());
                acknowledged.push(date);
            }
        }
    }

    // Per ASN: its departure, its confirmation and the scored POs it carries.
    let mut asns: Vec<Asn> = Vec::new();
    for (i, asn) in input.shipments.iter().enumerate() {
        let shipped = asn
            .shipped_date
            .as_deref()
            .map(|d| date_at(d, format!("/shipments/{i}/shippedDate")))
            .transpose()?;
        let confirmed = asn
            .shipment_confirmation_date
            .as_deref()
            .map(|d| date_at(d, format!("/shipments/{i}/shipmentConfirmationDate")))
            .transpose()?;
        let pos: BTreeSet<String> = asn
            .shipped_items
            .iter()
            .filter_map(|item| item.item_details.as_ref()?.purchase_order_number.clone())
            .filter(|po| scored_at.contains_key(po))
            .collect();
        asns.push((asn.shipment_identifier.clone(), shipped, confirmed, pos));
    }

    let reconciliation = reconcile(ReconcileInput {
        purchase_orders: input.purchase_orders,
        acknowledgements: input.acknowledgements,
        shipments: input.shipments,
        fulfilments: Vec::new(),
        receipts: input.receipts,
        invoices: Vec::new(),
        remittances: Vec::new(),
        remittance_csv: None,
        sku_map: input.sku_map,
        now: input.now,
        options: ReconcileOptions::default(),
    })?;

    let mut parts: Vec<Vec<Contribution>> = Figure::ALL.iter().map(|_| Vec::new()).collect();
    let mut add = |figure: Figure, po: &str, asn: Option<&str>, week: String, n: u64, d: u64| {
        let at = Figure::ALL.iter().position(|f| *f == figure);
        if let Some(list) = at.and_then(|at| parts.get_mut(at)).filter(|_| d > 0) {
            list.push(Contribution {
                purchase_order_number: po.to_string(),
                shipment_identifier: asn.map(str::to_string),
                week_start: week,
                numerator: n,
                denominator: d,
            });
        }
    };
    for po in &reconciliation.purchase_orders {
        let number = po.purchase_order_number.as_str();
        let Some(facts) = scored_at.get(number).and_then(|&at| scored.get(at)) else {
            continue;
        };
        let week = week_start(facts.date);
        let q = &po.quantities;
        add(
            Figure::FillRate,
            number,
            None,
            week.clone(),
            q.accepted,
            q.ordered,
        );
        add(
            Figure::RejectedUnits,
            number,
            None,
            week.clone(),
            q.rejected,
            q.ordered,
        );
        let lines = count(po.lines.iter());
        let confirmed = count(po.lines.iter().filter(|l| {
            let q = &l.quantities;
            q.accepted > 0 || q.backordered > 0 || q.rejected > 0
        }));
        add(
            Figure::ConfirmationRate,
            number,
            None,
            week.clone(),
            confirmed,
            lines,
        );
        if let Some(ack) = acknowledged_at
            .get(number)
            .and_then(|&at| acknowledged.get(at))
        {
            let on_time = *ack <= saturating_add(facts.date, ack_hours);
            add(
                Figure::ConfirmationTimeliness,
                number,
                None,
                week.clone(),
                u64::from(on_time),
                1,
            );
        }
        // Lines whose receipt is settled (nothing in transit) and concerned by a receipt.
        let received: Vec<_> = po
            .lines
            .iter()
            .map(|l| &l.quantities)
            .filter(|q| q.in_transit == 0 && (q.received > 0 || q.shortage > 0 || q.overage > 0))
            .collect();
        let accurate = count(
            received
                .iter()
                .filter(|q| q.shortage == 0 && q.overage == 0),
        );
        add(
            Figure::AsnAccuracy,
            number,
            None,
            week.clone(),
            accurate,
            count(received.iter()),
        );
        if let Some(end) = facts.window_end {
            let departures: Vec<DateTime<Utc>> = asns
                .iter()
                .filter(|(_, _, _, pos)| pos.contains(number))
                .filter_map(|(_, shipped, _, _)| *shipped)
                .collect();
            if !departures.is_empty() {
                let on_time = departures.iter().all(|d| *d <= end);
                add(
                    Figure::OnTimeShipment,
                    number,
                    None,
                    week.clone(),
                    u64::from(on_time),
                    1,
                );
            }
        }
    }
    for (id, shipped, confirmed, pos) in &asns {
        let (Some(shipped), Some(confirmed)) = (shipped, confirmed) else {
            continue;
        };
        let on_time = *confirmed <= saturating_add(*shipped, asn_minutes);
        for po in pos {
            add(
                Figure::AsnTimeliness,
                po,
                Some(id),
                week_start(*shipped),
                u64::from(on_time),
                1,
            );
        }
    }

    // Contributions in PO order (reconcile's), ASN timeliness in ASN order; weeks in date order.
    let figures = Figure::ALL
        .iter()
        .zip(parts)
        .map(|(&figure, contributions)| {
            let mut week_at: BTreeMap<String, usize> = BTreeMap::new();
            let mut weeks: Vec<WeekFigure> = Vec::new();
            let (mut numerator, mut denominator) = (0u64, 0u64);
            for c in &contributions {
                let at = match week_at.get(&c.week_start) {
                    Some(&at) => at,
                    None => {
                        week_at.insert(c.week_start.clone(), weeks.len());
                        weeks.push(WeekFigure {
                            week_start: c.week_start.clone(),
                            numerator: 0,
                            denominator: 0,
                            rate: None,
                        });
                        weeks.len().saturating_sub(1)
                    }
                };
                if let Some(week) = weeks.get_mut(at) {
                    week.numerator = week.numerator.saturating_add(c.numerator);
                    week.denominator = week.denominator.saturating_add(c.denominator);
                }
                numerator = numerator.saturating_add(c.numerator);
                denominator = denominator.saturating_add(c.denominator);
            }
            let mut slots: Vec<Option<WeekFigure>> = weeks.into_iter().map(Some).collect();
            let weeks = week_at
                .into_values()
                .filter_map(|at| slots.get_mut(at).and_then(Option::take))
                .map(|mut week| {
                    week.rate = ratio(week.numerator, week.denominator);
                    week
                })
                .collect();
            ScorecardFigure {
                figure,
                numerator,
                denominator,
                rate: ratio(numerator, denominator),
                contributions,
                weeks,
            }
        })
        .collect();
    Ok(VendorScorecardOutput {
        purchase_orders: count(scored_at.keys()),
        figures,
    })
}

fn count<T>(items: impl Iterator<Item = T>) -> u64 {
    u64::try_from(items.count()).unwrap_or(u64::MAX)
}

/// `n ÷ d` written with 4 decimals, rounded half away from zero; `None` when `d` is 0.
pub fn ratio(n: u64, d: u64) -> Option<Decimal> {
    let exact = rust_decimal::Decimal::from(n).checked_div(rust_decimal::Decimal::from(d))?;
    let mut rate = round_to(Decimal(exact), 4).0;
    rate.rescale(4);
    Some(Decimal(rate))
}
