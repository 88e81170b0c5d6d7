//! Dispute packs as CSV rows: one row per dispute of a `reconcile` output, with the facts
//! Amazon asks for (PO, line, invoice, amount, deadline, ASN, bill of lading, carrier PRO
//! number, SSCCs), ready to attach to a dispute. The JSON document is the `Dispute` itself.
//!
//! Cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! carriage return) are prefixed with `'`; every cell is quoted when it holds the delimiter, a
//! quote or a line break (RFC 4180).

use super::output::{Dispute, PoReconciliation};

/// The header row of [`dispute_pack_csv`].
pub const DISPUTE_PACK_CSV_HEADER: [&str; 17] = [
    "code",
    "purchaseOrderNumber",
    "itemSequenceNumber",
    "invoiceNumber",
    "amount",
    "currencyCode",
    "dueAt",
    "chargebackType",
    "shipmentIdentifiers",
    "billOfLadingNumbers",
    "proNumbers",
    "ssccs",
    "shippedEaches",
    "orderedEaches",
    "acknowledgedEaches",
    "receivedEaches",
    "shortageEaches",
];

/// One CSV document (header + one row per dispute, CRLF record ends) for the disputes of a
/// `reconcile` output. Multi-valued facts (several ASNs, SSCCs) are joined with `;`. The
/// acknowledgement and receipt facts (ordered, acknowledged, received and short eaches) come from
/// the dispute's PO line in `purchase_orders`; they are empty when the dispute names no line.
pub fn dispute_pack_csv(disputes: &[Dispute], purchase_orders: &[PoReconciliation]) -> String {
    let mut out = String::new();
    push_row(
        &mut out,
        DISPUTE_PACK_CSV_HEADER.iter().map(|s| s.to_string()),
    );
    for d in disputes {
        let join = |f: &dyn Fn(&super::output::ShipmentEvidence) -> Option<String>| {
            d.shipments
                .iter()
                .filter_map(f)
                .collect::<Vec<_>>()
                .join(";")
        };
        let ssccs = d
            .shipments
            .iter()
            .flat_map(|s| {
                s.cartons
                    .iter()
                    .flat_map(|c| c.identifiers.iter())
                    .chain(s.pallets.iter().flat_map(|p| p.identifiers.iter()))
            })
            .filter(|i| i.container_identification_type == "SSCC")
            .map(|i| i.container_identification_number.clone())
            .collect::<Vec<_>>()
            .join(";");
        let eaches: u64 = d.shipments.iter().map(|s| s.shipped_eaches).sum();
        let chargeback = d
            .chargeback_type
            .as_ref()
            .and_then(|t| serde_json::to_value(t).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let line = purchase_orders
            .iter()
            .filter(|po| Some(&po.purchase_order_number) == d.purchase_order_number.as_ref())
            .flat_map(|po| po.lines.iter())
            .find(|l| Some(&l.item_sequence_number) == d.item_sequence_number.as_ref());
        let q = |f: fn(&super::output::LineQuantities) -> u64| {
            line.map(|l| f(&l.quantities).to_string())
                .unwrap_or_default()
        };
        push_row(
            &mut out,
            [
                d.code.clone(),
                d.purchase_order_number.clone().unwrap_or_default(),
                d.item_sequence_number.clone().unwrap_or_default(),
                d.invoice_number.clone().unwrap_or_default(),
                d.amount.amount.to_string(),
                d.amount.currency_code.clone(),
                d.due_at.clone().unwrap_or_default(),
                chargeback,
                join(&|s| Some(s.shipment_identifier.clone())),
                join(&|s| s.bill_of_lading_number.clone()),
                join(&|s| s.pro_number.clone()),
                ssccs,
                if d.shipments.is_empty() {
                    String::new()
                } else {
                    eaches.to_string()
                },
                q(|x| x.ordered),
                q(|x| x.accepted),
                q(|x| x.received),
                q(|x| x.shortage),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// Writes one cell, formula-injection-safe and RFC 4180-quoted.
fn push_cell(out: &mut String, cell: &str) {
    let guard = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let quote = cell.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
mod tests {
    use super::*;
    use crate::money::{CurrencyAmount, Decimal};
    use proptest::prelude::*;

    fn dispute(code: &str, po: &str, amount: &str) -> Dispute {
        Dispute {
            code: code.to_string(),
            purchase_order_number: Some(po.to_string()),
            item_sequence_number: None,
            invoice_number: None,
            amount: CurrencyAmount {
                amount: amount.parse::<Decimal>().unwrap(),
                currency_code: "USD".to_string(),
            },
            due_at: Some("2026-03-01".to_string()),
            shipments: Vec::new(),
            price: None,
            chargeback_type: None,
        }
    }

    #[test]
    fn header_and_one_row_per_dispute_with_exact_cells() {
        let csv = dispute_pack_csv(&[dispute("SHORTAGE", "2JK3S9VC", "12.50")], &[]);
        assert_eq!(
            csv,
            "code,purchaseOrderNumber,itemSequenceNumber,invoiceNumber,amount,currencyCode,dueAt,\
             chargebackType,shipmentIdentifiers,billOfLadingNumbers,proNumbers,ssccs,shippedEaches,orderedEaches,acknowledgedEaches,receivedEaches,shortageEaches\r\n\
             SHORTAGE,2JK3S9VC,,,12.50,USD,2026-03-01,,,,,,,,,,\r\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralised_and_quoted_cells_escaped() {
        let csv = dispute_pack_csv(&[dispute("SHORTAGE", "=HYPERLINK(\"x\",1)", "1")], &[]);
        let row = csv.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "SHORTAGE,\"'=HYPERLINK(\"\"x\"\",1)\",,,1,USD,2026-03-01,,,,,,,,,,"
        );
        let csv = dispute_pack_csv(&[dispute("-1", "@SUM", "1")], &[]);
        assert!(csv.lines().nth(1).unwrap().starts_with("'-1,'@SUM,"));
    }

    #[test]
    fn no_disputes_is_the_header_only() {
        assert_eq!(dispute_pack_csv(&[], &[]).lines().count(), 1);
    }

    proptest! {
        /// Every dispute has exactly one pack row, and the rows' amounts sum to the disputes'.
        #[test]
        fn one_row_per_dispute_and_amounts_sum(cents in proptest::collection::vec(0u32..10_000_000, 0..20)) {
            let disputes: Vec<Dispute> = cents
                .iter()
                .enumerate()
                .map(|(i, c)| dispute("SHORTAGE", &format!("PO{i}"), &format!("{}.{:02}", c.wrapping_div(100), c.wrapping_rem(100))))
                .collect();
            let csv = dispute_pack_csv(&disputes, &[]);
            let (records, problems) = super::super::csv::read(&csv, ',');
            prop_assert!(problems.is_empty());
            prop_assert_eq!(records.len(), disputes.len().saturating_add(1));
            let sum: u64 = records[1..]
                .iter()
                .map(|r| {
                    let (w, f) = r.fields[4].split_once('.').unwrap();
                    w.parse::<u64>().unwrap().wrapping_mul(100).wrapping_add(f.parse::<u64>().unwrap())
                })
                .fold(0u64, u64::wrapping_add);
            let expected = cents.iter().fold(0u64, |a, c| a.wrapping_add(u64::from(*c)));
            prop_assert_eq!(sum, expected);
        }
    }
}
