//! Property tests: any ASN the builder emits validates (with the same POs, acknowledgements and
//! options), for random packing lists in all seven structures, with and without deliberate
//! mistakes; SSCCs from the generator always pass the check digit; the validator never panics.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::gs1::{check_digit, generate_sscc, normalise_sscc};
use vendor_central_connector::input::parse_input;
use vendor_central_connector::shipment::{
    BuildShipmentConfirmationInput, ValidateShipmentConfirmationInput, build_shipment_confirmation,
    validate_shipment_confirmation,
};

const STRUCTURES: [&str; 7] = [
    "PalletizedAssortmentCase",
    "LooseAssortmentCase",
    "PalletOfItems",
    "PalletizedStandardCase",
    "LooseStandardCase",
    "MasterPallet",
    "MasterCase",
];

/// (SKU, ASIN, units per case when the PO orders it in cases).
const PRODUCTS: [(&str, &str, Option<u64>); 4] = [
    ("RED", "B0RED00001", Some(6)),
    ("BLUE", "B0BLUE0002", None),
    ("GREEN", "B0GREEN003", None),
    ("GOLD", "B0GOLD0004", Some(4)),
];

/// One PO line: product index, ordered eaches, shipped eaches split into chunks.
#[derive(Debug, Clone)]
struct Line {
    product: usize,
    ordered_units: u64,
    chunks: Vec<u64>,
}

#[derive(Debug, Clone)]
struct Scenario {
    structure: usize,
    pos: Vec<Vec<Line>>,
    /// 0: none; 1: corrupt an SSCC; 2: ship one unit too many; 3: carrier name as SCAC.
    mistake: u8,
    small_parcel: bool,
}

fn line(product: usize) -> impl Strategy<Value = Line> {
    let case = PRODUCTS.get(product).and_then(|p| p.2).unwrap_or(1);
    (1u64..=6, prop::collection::vec(1u64..=3, 1..=3)).prop_map(move |(ordered, parts)| {
        // Ordered `ordered` units (cases or eaches); ship all of it, in chunks of whole units.
        let total_units = ordered * parts.len() as u64;
        Line {
            product,
            ordered_units: total_units,
            chunks: vec![ordered * case; parts.len()],
        }
    })
}

fn po() -> impl Strategy<Value = Vec<Line>> {
    prop::sample::subsequence(vec![0usize, 1, 2, 3], 1..=3)
        .prop_flat_map(|products| products.into_iter().map(line).collect::<Vec<_>>())
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0usize..7,
        prop::collection::vec(po(), 1..=3),
        0u8..4,
        any::<bool>(),
    )
        .prop_map(|(structure, pos, mistake, small_parcel)| Scenario {
            structure,
            pos,
            mistake,
            small_parcel,
        })
}

fn content(po: &str, product: usize, eaches: u64) -> Value {
    json!({ "purchaseOrderNumber": po, "sku": PRODUCTS[product].0, "quantity": eaches })
}

/// Packing data for the scenario, laid out as its structure requires.
fn packing(s: &Scenario) -> Value {
    let structure = STRUCTURES[s.structure];
    let po_name = |p: usize| format!("PO-{p}");
    let mut pallets: Vec<Value> = Vec::new();
    let mut cartons: Vec<Value> = Vec::new();
    let mut cartons_of_po: Vec<Vec<Value>> = Vec::new();
    for (p, lines) in s.pos.iter().enumerate() {
        let mut contents: Vec<Value> = Vec::new();
        for l in lines {
            for &eaches in &l.chunks {
                contents.push(content(&po_name(p), l.product, eaches));
            }
        }
        let standard = matches!(structure, "PalletizedStandardCase" | "LooseStandardCase");
        let per_carton = if standard { 1 } else { 2 };
        cartons_of_po.push(
            contents
                .chunks(per_carton)
                .map(|chunk| json!({ "contents": chunk }))
                .collect(),
        );
    }
    match structure {
        "LooseAssortmentCase" | "LooseStandardCase" => {
            cartons = cartons_of_po.into_iter().flatten().collect();
        }
        "PalletizedAssortmentCase" | "PalletizedStandardCase" => {
            for (p, list) in cartons_of_po.into_iter().enumerate() {
                let id = format!("PAL-{p}");
                pallets.push(
                    json!({ "id": id, "weight": { "unitOfMeasure": "Lb", "value": "250.5" } }),
                );
                for mut carton in list {
                    carton["pallet"] = json!(id);
                    cartons.push(carton);
                }
            }
        }
        "PalletOfItems" => {
            for (p, list) in cartons_of_po.into_iter().enumerate() {
                let contents: Vec<Value> = list
                    .into_iter()
                    .flat_map(|c| c["contents"].as_array().cloned().unwrap_or_default())
                    .collect();
                pallets.push(json!({ "id": format!("PAL-{p}"), "contents": contents }));
            }
        }
        "MasterPallet" => {
            let contents: Vec<Value> = cartons_of_po
                .into_iter()
                .flatten()
                .flat_map(|c| c["contents"].as_array().cloned().unwrap_or_default())
                .collect();
            for (q, half) in contents
                .chunks(contents.len().div_ceil(2).max(1))
                .enumerate()
            {
                pallets.push(json!({ "id": format!("MP-{q}"), "contents": half }));
            }
        }
        _ => {
            // MasterCase: mix POs in cartons of up to three lines.
            let contents: Vec<Value> = cartons_of_po
                .into_iter()
                .flatten()
                .flat_map(|c| c["contents"].as_array().cloned().unwrap_or_default())
                .collect();
            cartons = contents
                .chunks(3)
                .map(|chunk| json!({ "contents": chunk }))
                .collect();
        }
    }
    if s.small_parcel {
        for (j, carton) in cartons.iter_mut().enumerate() {
            carton["trackingNumber"] = json!(format!("1ZTRACK{j:04}"));
        }
    }
    let purchase_orders: Vec<Value> = s
        .pos
        .iter()
        .enumerate()
        .map(|(p, lines)| {
            let items: Vec<Value> = lines
                .iter()
                .enumerate()
                .map(|(n, l)| {
                    let (_, asin, case) = PRODUCTS[l.product];
                    let quantity = match case {
                        Some(size) => json!({ "amount": l.ordered_units, "unitOfMeasure": "Cases", "unitSize": size }),
                        None => json!({ "amount": l.ordered_units, "unitOfMeasure": "Eaches" }),
                    };
                    json!({
                        "itemSequenceNumber": (n + 1).to_string(),
                        "amazonProductIdentifier": asin,
                        "orderedQuantity": quantity,
                        "isBackOrderAllowed": false
                    })
                })
                .collect();
            json!({
                "purchaseOrderNumber": po_name(p),
                "purchaseOrderState": "Acknowledged",
                "orderDetails": {
                    "purchaseOrderDate": "2026-11-18T10:00:00Z",
                    "sellingParty": { "partyId": "VEND1" },
                    "shipToParty": { "partyId": "SMF3" },
                    "deliveryWindow": "2026-11-23T08:00:00Z--2026-11-27T08:00:00Z",
                    "items": items
                }
            })
        })
        .collect();
    let acknowledgements: Vec<Value> = purchase_orders
        .iter()
        .map(|po| {
            let items: Vec<Value> = po["orderDetails"]["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| {
                    json!({
                        "itemSequenceNumber": item["itemSequenceNumber"],
                        "amazonProductIdentifier": item["amazonProductIdentifier"],
                        "orderedQuantity": item["orderedQuantity"],
                        "itemAcknowledgements": [{
                            "acknowledgementCode": "Accepted",
                            "acknowledgedQuantity": item["orderedQuantity"]
                        }]
                    })
                })
                .collect();
            json!({
                "purchaseOrderNumber": po["purchaseOrderNumber"],
                "sellingParty": { "partyId": "VEND1" },
                "acknowledgementDate": "2026-11-18T12:00:00Z",
                "items": items
            })
        })
        .collect();
    let sku_map: Vec<Value> = PRODUCTS
        .iter()
        .map(|(sku, asin, case)| match case {
            Some(size) => json!({ "sku": sku, "asin": asin, "unitsPerCase": size }),
            None => json!({ "sku": sku, "asin": asin }),
        })
        .collect();
    let mut input = json!({
        "shipmentIdentifier": "ASN-PROP",
        "shipmentStructure": structure,
        "shipmentType": if s.small_parcel { "SmallParcel" } else { "LessThanTruckLoad" },
        "sellingParty": { "partyId": "VEND1" },
        "shipFromParty": { "partyId": "WH", "address": { "name": "WH", "addressLine1": "1 Road", "countryCode": "US" } },
        "shipToParty": { "partyId": "SMF3" },
        "carrierScac": "ABFS",
        "billOfLadingNumber": "BOL-1234",
        "proNumber": "PRO-1",
        "shippedDate": "2026-11-22T09:50:00Z",
        "estimatedDeliveryDate": "2026-11-24T08:00:00Z",
        "pallets": pallets,
        "cartons": cartons,
        "skuMap": sku_map,
        "purchaseOrders": purchase_orders,
        "acknowledgements": acknowledgements,
        "ssccSource": { "companyPrefix": "0614141", "extensionDigit": 3, "nextSerialReference": 1 },
        "now": "2026-11-22T10:00:00Z"
    });
    match s.mistake {
        1 => {
            if let Some(carton) = input["cartons"].get_mut(0) {
                carton["sscc"] = json!("106141411234567898");
            } else if let Some(pallet) = input["pallets"].get_mut(0) {
                pallet["sscc"] = json!("106141411234567898");
            }
        }
        2 => {
            let has_cartons = input["cartons"].as_array().is_some_and(|c| !c.is_empty());
            let target = if has_cartons {
                &mut input["cartons"][0]["contents"][0]
            } else {
                &mut input["pallets"][0]["contents"][0]
            };
            let quantity = target["quantity"].as_u64().unwrap();
            target["quantity"] = json!(quantity + 1);
        }
        3 => input["carrierScac"] = json!("Old Dominion Freight Line"),
        _ => {}
    }
    input
}

fn build(input: &Value) -> Value {
    let text = input.to_string();
    let parsed: BuildShipmentConfirmationInput = parse_input(&text).unwrap();
    serde_json::to_value(build_shipment_confirmation(parsed).unwrap()).unwrap()
}

fn validate(input: &Value) -> Value {
    let text = input.to_string();
    let parsed: ValidateShipmentConfirmationInput = parse_input(&text).unwrap();
    serde_json::to_value(validate_shipment_confirmation(parsed).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_emitted_asn_always_validates(s in scenario()) {
        let input = packing(&s);
        let output = build(&input);
        match output.get("request") {
            Some(request) => {
                let validation = validate(&json!({
                    "shipmentConfirmation": request["shipmentConfirmations"][0],
                    "purchaseOrders": input["purchaseOrders"],
                    "acknowledgements": input["acknowledgements"],
                    "skuMap": input["skuMap"],
                    "now": input["now"]
                }));
                prop_assert_eq!(&validation["valid"], &json!(true), "{}", validation);
                prop_assert_eq!(validation["issues"].as_array().map(Vec::len), Some(0));
            }
            None => prop_assert!(
                output["issues"].as_array().unwrap().iter().any(|i| i["severity"] == "error")
            ),
        }
        // A packing list without deliberate mistakes always yields a body.
        if s.mistake == 0 {
            prop_assert!(output.get("request").is_some(), "{}", output["issues"]);
        } else {
            prop_assert!(output.get("request").is_none(), "mistake {} passed", s.mistake);
        }
    }

    #[test]
    fn generated_ssccs_pass_the_check_digit(
        extension in 0u8..=9,
        prefix in "[0-9]{4,12}",
        serial in any::<u64>(),
    ) {
        let width = 16 - prefix.len() as u32;
        let serial = serial % 10u64.pow(width);
        let sscc = generate_sscc(extension, &prefix, serial).unwrap();
        prop_assert_eq!(sscc.len(), 18);
        prop_assert_eq!(normalise_sscc(&sscc).unwrap(), sscc.clone());
        prop_assert_eq!(normalise_sscc(&format!("00{sscc}")).unwrap(), sscc.clone());
        // Any single changed digit is caught by the check digit.
        let position = (serial as usize) % 18;
        let mut digits: Vec<u8> = sscc.bytes().collect();
        digits[position] = b'0' + (digits[position] - b'0' + 1) % 10;
        let altered = String::from_utf8(digits).unwrap();
        prop_assert!(normalise_sscc(&altered).is_err());
    }

    #[test]
    fn check_digit_is_a_single_digit_for_any_digits(data in "[0-9]{1,30}") {
        prop_assert!(check_digit(&data).is_some_and(|d| d <= 9));
    }

    #[test]
    fn the_validator_never_panics_on_arbitrary_json(value in arbitrary_json()) {
        let input = json!({ "shipmentConfirmation": value, "now": "2026-11-22T10:00:00Z" });
        let output = validate(&input);
        prop_assert!(output["valid"].is_boolean());
    }
}

/// JSON values shaped loosely like an ASN (known keys, random values), to reach deep checks.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[0-9A-Za-z]{0,20}".prop_map(Value::from),
        Just(json!("001")),
        Just(json!("106141411234567897")),
        Just(json!("Cases")),
    ];
    let keys = prop::sample::select(vec![
        "shipmentIdentifier",
        "shipmentStructure",
        "shippedItems",
        "cartons",
        "pallets",
        "itemSequenceNumber",
        "itemReference",
        "shippedQuantity",
        "amount",
        "unitOfMeasure",
        "unitSize",
        "items",
        "cartonIdentifiers",
        "containerIdentificationNumber",
        "containerIdentificationType",
        "cartonReferenceDetails",
        "cartonReferenceNumbers",
        "palletIdentifiers",
        "weight",
        "value",
        "shippedDate",
        "itemDetails",
        "purchaseOrderNumber",
        "transportationDetails",
        "carrierScac",
    ]);
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}
