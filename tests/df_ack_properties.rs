//! Property tests of `decideDirectFulfillmentAcknowledgements` over random batches: never more
//! allocated than allocatable, fill or kill, exactly one acknowledgement status per order,
//! deterministic and independent of the input order.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::df_ack::{
    DecideDfAcknowledgementsOutput, decide_df_acknowledgements,
};
use vendor_central_connector::input::parse_input;

/// ASINs of the random lines: the first four are mapped to SKUs, the last is unknown.
const ASINS: [&str; 5] = [
    "B00000000A",
    "B00000000B",
    "B00000000C",
    "B00000000D",
    "B0UNKNOWN0",
];
const SKUS: [&str; 4] = ["SKU-A", "SKU-B", "SKU-C", "SKU-D"];

fn decide(input: &Value) -> DecideDfAcknowledgementsOutput {
    decide_df_acknowledgements(parse_input(&input.to_string()).expect("input parses"))
        .expect("decides")
}

fn arbitrary_line() -> impl Strategy<Value = (usize, u64, bool)> {
    // (ASIN index, quantity, has a price); quantity 0 and missing prices occur on purpose.
    (
        0..ASINS.len(),
        prop_oneof![9 => 1u64..6, 1 => Just(0u64)],
        prop_oneof![19 => Just(true), 1 => Just(false)],
    )
}

fn arbitrary_order() -> impl Strategy<Value = (u32, u32, usize, Vec<(usize, u64, bool)>)> {
    // (minutes after midnight of the order, hours to ship, status index, lines)
    (
        0u32..600,
        1u32..72,
        0usize..8,
        prop::collection::vec(arbitrary_line(), 1..4),
    )
}

prop_compose! {
    fn arbitrary_batch()(
        orders in prop::collection::vec(arbitrary_order(), 1..10),
        stock in prop::collection::vec(prop::option::of(0u64..8), SKUS.len()),
        discontinued in prop::collection::vec(any::<bool>(), SKUS.len()),
    ) -> Value {
        let statuses = ["NEW", "NEW", "NEW", "NEW", "NEW", "ACCEPTED", "SHIPPED", "CANCELLED"];
        let orders: Vec<Value> = orders.iter().enumerate().map(|(n, (minute, ship_hours, status, lines))| {
            let date = format!("2026-03-02T{:02}:{:02}:00Z", minute / 60, minute % 60);
            let ship_by = format!("2026-03-{:02}T{:02}:00:00Z", 2 + (minute / 60 + ship_hours) / 24, (minute / 60 + ship_hours) % 24);
            let items: Vec<Value> = lines.iter().enumerate().map(|(j, (asin, quantity, priced))| {
                let mut item = json!({
                    "itemSequenceNumber": format!("{:05}", j + 1),
                    "buyerProductIdentifier": ASINS[*asin],
                    "orderedQuantity": { "amount": quantity, "unitOfMeasure": "Each" }
                });
                if *priced {
                    item["netPrice"] = json!({ "currencyCode": "USD", "amount": "19.99" });
                }
                item
            }).collect();
            json!({
                "purchaseOrderNumber": format!("DF{n:03}"),
                "orderDetails": {
                    "customerOrderNumber": format!("112-{n:07}"),
                    "orderDate": date,
                    "orderStatus": statuses[*status],
                    "shipmentDetails": {
                        "isPriorityShipment": false, "isPslipRequired": false, "shipMethod": "UPS_GROUND",
                        "shipmentDates": { "requiredShipDate": ship_by }, "messageToCustomer": ""
                    },
                    "sellingParty": { "partyId": "VEND1" },
                    "shipFromParty": { "partyId": "WH1" },
                    "shipToParty": { "name": "Pat Example", "addressLine1": "1 Main St", "stateOrRegion": "WA", "countryCode": "US" },
                    "billToParty": { "partyId": "AMZN" },
                    "items": items
                }
            })
        }).collect();
        let inventory: Vec<Value> = SKUS.iter().zip(&stock)
            .filter_map(|(sku, available)| available.map(|a| json!({ "sku": sku, "available": a })))
            .collect();
        let sku_map: Vec<Value> = SKUS.iter().zip(ASINS).map(|(sku, asin)| json!({ "sku": sku, "asin": asin })).collect();
        let discontinued: Vec<&str> = SKUS.iter().zip(&discontinued).filter(|(_, d)| **d).map(|(s, _)| *s).take(1).collect();
        json!({
            "orders": orders, "inventory": inventory, "skuMap": sku_map,
            "rules": { "discontinued": discontinued },
            "now": "2026-03-02T12:00:00Z"
        })
    }
}

fn acknowledgement_codes(out: &DecideDfAcknowledgementsOutput) -> BTreeMap<String, String> {
    out.request
        .order_acknowledgements
        .iter()
        .map(|a| {
            (
                a.purchase_order_number.clone(),
                a.acknowledgement_status.code.clone().unwrap_or_default(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_allocates_more_than_available(batch in arbitrary_batch()) {
        let out = decide(&batch);
        let mut taken: BTreeMap<&str, u64> = BTreeMap::new();
        for allocation in &out.allocations {
            *taken.entry(allocation.sku.as_str()).or_default() += allocation.quantity_eaches;
        }
        for (sku, quantity) in taken {
            let available = batch["inventory"].as_array().unwrap().iter()
                .find(|p| p["sku"] == sku)
                .and_then(|p| p["available"].as_u64())
                .unwrap_or(0);
            prop_assert!(quantity <= available, "{sku}: {quantity} > {available}");
        }
    }

    #[test]
    fn every_order_gets_exactly_one_acknowledgement_status(batch in arbitrary_batch()) {
        let out = decide(&batch);
        let orders = batch["orders"].as_array().unwrap();
        prop_assert_eq!(out.decisions.len(), orders.len());
        let mut sent = BTreeSet::new();
        for ack in &out.request.order_acknowledgements {
            prop_assert!(sent.insert(ack.purchase_order_number.clone()), "two acknowledgements");
            let code = ack.acknowledgement_status.code.as_deref().unwrap_or("");
            prop_assert!(code.len() == 2 && ack.acknowledgement_status.description.is_some());
        }
        for (order, decision) in orders.iter().zip(&out.decisions) {
            let number = order["purchaseOrderNumber"].as_str().unwrap();
            prop_assert_eq!(&decision.purchase_order_number, number);
            let details = &order["orderDetails"];
            let is_new = details["orderStatus"] == "NEW";
            let has_zero = details["items"].as_array().unwrap().iter()
                .any(|i| i["orderedQuantity"]["amount"] == 0);
            // Every NEW order is acknowledged, unless a zero quantity blocks it.
            prop_assert_eq!(sent.contains(number), is_new && !has_zero, "{}", number);
            let ack = out.request.order_acknowledgements.iter().find(|a| a.purchase_order_number == number);
            if let Some(ack) = ack {
                let items = details["items"].as_array().unwrap();
                prop_assert_eq!(ack.item_acknowledgements.len(), items.len());
                for (item, acked) in items.iter().zip(&ack.item_acknowledgements) {
                    prop_assert_eq!(Some(acked.acknowledged_quantity.amount), item["orderedQuantity"]["amount"].as_u64());
                    prop_assert!(acked.acknowledged_quantity.amount > 0);
                    prop_assert_eq!(serde_json::to_value(acked.acknowledged_quantity.unit_of_measure).unwrap(), json!("Each"));
                }
            }
        }
    }

    #[test]
    fn orders_are_filled_or_killed(batch in arbitrary_batch()) {
        let out = decide(&batch);
        for decision in &out.decisions {
            let allocated: BTreeMap<&str, u64> = out.allocations.iter()
                .filter(|a| a.purchase_order_number == decision.purchase_order_number)
                .map(|a| (a.item_sequence_number.as_str(), a.quantity_eaches))
                .collect();
            let accepted = decision.acknowledgement_status.as_ref()
                .and_then(|s| s.code.as_deref()) == Some("00");
            if accepted {
                for line in &decision.lines {
                    prop_assert_eq!(allocated.get(line.item_sequence_number.as_str()).copied(), Some(line.ordered_quantity));
                    prop_assert_eq!(line.allocated_quantity, line.ordered_quantity);
                }
            } else {
                prop_assert!(allocated.is_empty());
                prop_assert!(decision.lines.iter().all(|l| l.allocated_quantity == 0));
            }
        }
    }

    #[test]
    fn output_is_deterministic_and_independent_of_input_order(batch in arbitrary_batch(), seed in any::<u64>()) {
        let first = serde_json::to_string(&decide(&batch)).unwrap();
        let second = serde_json::to_string(&decide(&batch)).unwrap();
        prop_assert_eq!(&first, &second);

        // Shuffle the orders (a deterministic permutation from the seed).
        let mut shuffled = batch.clone();
        let orders = shuffled["orders"].as_array_mut().unwrap();
        let mut state = seed | 1;
        for i in (1..orders.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            orders.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = decide(&batch);
        let b = decide(&shuffled);
        prop_assert_eq!(acknowledgement_codes(&a), acknowledgement_codes(&b));
        let allocations = |out: &DecideDfAcknowledgementsOutput| -> BTreeSet<String> {
            out.allocations.iter().map(|x| format!("{} {} {} {}", x.purchase_order_number, x.item_sequence_number, x.sku, x.quantity_eaches)).collect()
        };
        prop_assert_eq!(allocations(&a), allocations(&b));
    }
}
