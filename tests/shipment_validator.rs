//! `validateShipmentConfirmation`: one fixture per issue code (a valid ASN with one thing
//! broken, and the exact issues expected), the sandbox example, bad input.

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::shipment::{
    ShipmentError, ValidateShipmentConfirmationInput, codes, validate_shipment_confirmation,
};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shipment")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A valid validator input: the palletized assortment ASN the builder emits for the fixture,
/// with that fixture's POs, acknowledgements and SKU map.
fn base() -> Value {
    let built = fixture("build-PalletizedAssortmentCase.expected.json");
    let packing = fixture("build-PalletizedAssortmentCase.input.json");
    json!({
        "shipmentConfirmation": built["request"]["shipmentConfirmations"][0].clone(),
        "purchaseOrders": packing["purchaseOrders"].clone(),
        "acknowledgements": packing["acknowledgements"].clone(),
        "skuMap": packing["skuMap"].clone(),
        "now": "2026-11-22T10:00:00Z"
    })
}

fn validate(input: &Value) -> Result<Value, ShipmentError> {
    let text = input.to_string();
    let parsed: ValidateShipmentConfirmationInput = parse_input(&text)?;
    Ok(serde_json::to_value(validate_shipment_confirmation(parsed)?).unwrap())
}

/// (code, path) of every issue, checking each severity against the code's.
fn found(output: &Value) -> Vec<(String, String)> {
    let mut list = Vec::new();
    for issue in output["issues"].as_array().unwrap() {
        let code = issue["code"].as_str().unwrap();
        let expected = if codes::WARNINGS.contains(&code) {
            "warning"
        } else {
            "error"
        };
        assert_eq!(issue["severity"], expected, "{issue}");
        assert!(!issue["message"].as_str().unwrap().is_empty());
        list.push((
            code.to_string(),
            issue["path"].as_str().unwrap().to_string(),
        ));
    }
    list
}

/// The ASN inside the input.
fn asn(input: &mut Value) -> &mut Value {
    &mut input["shipmentConfirmation"]
}

fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .unwrap_or_else(|| panic!("nothing at {pointer}"));
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer}")) = new;
}

struct Case {
    name: &'static str,
    mutate: fn(&mut Value),
    expected: &'static [(&'static str, &'static str)],
}

/// An earlier ASN: the base ASN with another identifier and date.
fn previous(identifier: &str, date: &str) -> Value {
    let mut earlier = base()["shipmentConfirmation"].clone();
    earlier["shipmentIdentifier"] = json!(identifier);
    earlier["shipmentConfirmationDate"] = json!(date);
    earlier
}

const CASES: &[Case] = &[
    Case {
        name: "required field missing",
        mutate: |i| remove(asn(i), "/shipmentIdentifier"),
        expected: &[("MISSING_REQUIRED_FIELD", "/shipmentIdentifier")],
    },
    Case {
        name: "number as a string",
        mutate: |i| set(asn(i), "/shippedItems/0/shippedQuantity/amount", json!("2")),
        expected: &[("INVALID_TYPE", "/shippedItems/0/shippedQuantity/amount")],
    },
    Case {
        name: "enum in capitals",
        mutate: |i| {
            set(
                asn(i),
                "/shippedItems/1/shippedQuantity/unitOfMeasure",
                json!("EACHES"),
            )
        },
        expected: &[(
            "ENUM_SPELLING",
            "/shippedItems/1/shippedQuantity/unitOfMeasure",
        )],
    },
    Case {
        name: "enum value unknown",
        mutate: |i| set(asn(i), "/shipmentType", json!("Truck")),
        expected: &[("UNKNOWN_ENUM_VALUE", "/shipmentType")],
    },
    Case {
        name: "decimal with a comma",
        mutate: |i| set(asn(i), "/pallets/0/weight/value", json!("3,10")),
        expected: &[("INVALID_DECIMAL", "/pallets/0/weight/value")],
    },
    Case {
        name: "date in words",
        mutate: |i| set(asn(i), "/estimatedDeliveryDate", json!("next tuesday")),
        expected: &[("INVALID_DATE", "/estimatedDeliveryDate")],
    },
    Case {
        name: "country of origin not alpha-2",
        mutate: |i| {
            set(
                asn(i),
                "/shippedItems/0/itemDetails",
                json!({ "purchaseOrderNumber": "PO-A", "countryOfOrigin": "USA" }),
            )
        },
        expected: &[(
            "INVALID_FORMAT",
            "/shippedItems/0/itemDetails/countryOfOrigin",
        )],
    },
    Case {
        name: "misspelt field",
        mutate: |i| asn(i)["shipmentID"] = json!("x"),
        expected: &[("UNKNOWN_FIELD", "/shipmentID")],
    },
    Case {
        name: "no items at all",
        mutate: |i| {
            set(asn(i), "/shippedItems", json!([]));
            remove(asn(i), "/cartons");
            remove(asn(i), "/pallets");
            remove(asn(i), "/shipmentMeasurements");
        },
        expected: &[
            ("EMPTY_SHIPMENT", "/shippedItems"),
            ("HIERARCHY_MISMATCH", "/cartons"),
            ("HIERARCHY_MISMATCH", "/pallets"),
        ],
    },
    Case {
        name: "zero in a carton",
        mutate: |i| {
            set(
                asn(i),
                "/cartons/2/items/0/shippedQuantity/amount",
                json!(0),
            )
        },
        expected: &[
            (
                "INVALID_QUANTITY",
                "/cartons/2/items/0/shippedQuantity/amount",
            ),
            (
                "QUANTITY_MISMATCH",
                "/shippedItems/2/shippedQuantity/amount",
            ),
        ],
    },
    Case {
        name: "cases without a case size",
        mutate: |i| remove(asn(i), "/shippedItems/0/shippedQuantity/unitSize"),
        expected: &[(
            "UNIT_SIZE_MISSING",
            "/shippedItems/0/shippedQuantity/unitSize",
        )],
    },
    Case {
        name: "item number twice",
        mutate: |i| set(asn(i), "/shippedItems/2/itemSequenceNumber", json!("002")),
        expected: &[
            (
                "DUPLICATE_ITEM_SEQUENCE_NUMBER",
                "/shippedItems/2/itemSequenceNumber",
            ),
            (
                "UNRESOLVED_ITEM_REFERENCE",
                "/cartons/2/items/0/itemReference",
            ),
            (
                "QUANTITY_MISMATCH",
                "/shippedItems/2/shippedQuantity/amount",
            ),
        ],
    },
    Case {
        name: "carton number twice",
        mutate: |i| set(asn(i), "/cartons/1/cartonSequenceNumber", json!("001")),
        expected: &[
            (
                "DUPLICATE_CARTON_SEQUENCE_NUMBER",
                "/cartons/1/cartonSequenceNumber",
            ),
            (
                "UNRESOLVED_CARTON_REFERENCE",
                "/pallets/0/cartonReferenceDetails/cartonReferenceNumbers/1",
            ),
        ],
    },
    Case {
        name: "item reference to nothing",
        mutate: |i| set(asn(i), "/cartons/0/items/1/itemReference", json!("009")),
        expected: &[
            (
                "UNRESOLVED_ITEM_REFERENCE",
                "/cartons/0/items/1/itemReference",
            ),
            (
                "QUANTITY_MISMATCH",
                "/shippedItems/1/shippedQuantity/amount",
            ),
        ],
    },
    Case {
        name: "carton reference to nothing",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/1/cartonReferenceDetails/cartonReferenceNumbers",
                json!(["007"]),
            )
        },
        expected: &[
            (
                "UNRESOLVED_CARTON_REFERENCE",
                "/pallets/1/cartonReferenceDetails/cartonReferenceNumbers/0",
            ),
            ("CARTON_NOT_ON_PALLET", "/cartons/2"),
        ],
    },
    Case {
        name: "carton on two pallets",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/1/cartonReferenceDetails",
                json!({ "cartonCount": 2, "cartonReferenceNumbers": ["003", "001"] }),
            )
        },
        expected: &[
            (
                "CARTON_ON_SEVERAL_PALLETS",
                "/pallets/1/cartonReferenceDetails/cartonReferenceNumbers/1",
            ),
            ("HIERARCHY_MISMATCH", "/pallets/1"),
        ],
    },
    Case {
        name: "carton on no pallet",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/1/cartonReferenceDetails",
                json!({ "cartonCount": 0, "cartonReferenceNumbers": [] }),
            )
        },
        expected: &[("CARTON_NOT_ON_PALLET", "/cartons/2")],
    },
    Case {
        name: "cartons do not add up",
        mutate: |i| {
            set(
                asn(i),
                "/cartons/1/items/1/shippedQuantity/amount",
                json!(4),
            )
        },
        expected: &[(
            "QUANTITY_MISMATCH",
            "/shippedItems/1/shippedQuantity/amount",
        )],
    },
    Case {
        name: "pallets in a loose structure",
        mutate: |i| set(asn(i), "/shipmentStructure", json!("LooseAssortmentCase")),
        expected: &[("HIERARCHY_MISMATCH", "/pallets")],
    },
    Case {
        name: "no structure",
        mutate: |i| remove(asn(i), "/shipmentStructure"),
        expected: &[("MISSING_SHIPMENT_STRUCTURE", "/shipmentStructure")],
    },
    Case {
        name: "carton count wrong",
        mutate: |i| set(asn(i), "/shipmentMeasurements/cartonCount", json!(4)),
        expected: &[("COUNT_MISMATCH", "/shipmentMeasurements/cartonCount")],
    },
    Case {
        name: "pallet count missing",
        mutate: |i| remove(asn(i), "/shipmentMeasurements/palletCount"),
        expected: &[("MISSING_COUNT", "/shipmentMeasurements/palletCount")],
    },
    Case {
        name: "item without PO",
        mutate: |i| remove(asn(i), "/shippedItems/2/itemDetails"),
        expected: &[(
            "MISSING_PURCHASE_ORDER_NUMBER",
            "/shippedItems/2/itemDetails/purchaseOrderNumber",
        )],
    },
    Case {
        name: "item without product identifier",
        mutate: |i| {
            remove(asn(i), "/shippedItems/2/amazonProductIdentifier");
            remove(asn(i), "/shippedItems/2/vendorProductIdentifier");
        },
        expected: &[
            (
                "MISSING_PRODUCT_IDENTIFIER",
                "/shippedItems/2/amazonProductIdentifier",
            ),
            (
                "ITEM_NOT_ON_PURCHASE_ORDER",
                "/shippedItems/2/vendorProductIdentifier",
            ),
        ],
    },
    Case {
        name: "more POs in a carton than allowed",
        mutate: |i| i["options"] = json!({ "maxPurchaseOrdersPerCarton": 0 }),
        expected: &[
            ("TOO_MANY_PURCHASE_ORDERS_IN_CARTON", "/cartons/0/items"),
            ("TOO_MANY_PURCHASE_ORDERS_IN_CARTON", "/cartons/1/items"),
            ("TOO_MANY_PURCHASE_ORDERS_IN_CARTON", "/cartons/2/items"),
        ],
    },
    Case {
        name: "SSCC too short",
        mutate: |i| {
            set(
                asn(i),
                "/cartons/0/cartonIdentifiers/0/containerIdentificationNumber",
                json!("12345"),
            )
        },
        expected: &[(
            "INVALID_SSCC",
            "/cartons/0/cartonIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "SSCC check digit wrong",
        mutate: |i| {
            set(
                asn(i),
                "/cartons/0/cartonIdentifiers/0/containerIdentificationNumber",
                json!("00106141410000050008"),
            )
        },
        expected: &[(
            "INVALID_SSCC_CHECK_DIGIT",
            "/cartons/0/cartonIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "GTIN malformed",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/0/palletIdentifiers",
                json!([{ "containerIdentificationType": "GTIN", "containerIdentificationNumber": "123" }]),
            )
        },
        expected: &[(
            "INVALID_GTIN",
            "/pallets/0/palletIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "GTIN check digit wrong",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/0/palletIdentifiers",
                json!([{ "containerIdentificationType": "GTIN", "containerIdentificationNumber": "4006381333932" }]),
            )
        },
        expected: &[(
            "INVALID_GTIN_CHECK_DIGIT",
            "/pallets/0/palletIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "carton without SSCC",
        mutate: |i| set(asn(i), "/cartons/2/cartonIdentifiers", json!([])),
        expected: &[("MISSING_CARTON_SSCC", "/cartons/2/cartonIdentifiers")],
    },
    Case {
        name: "same SSCC twice (with and without AI)",
        mutate: |i| {
            set(
                asn(i),
                "/cartons/1/cartonIdentifiers/0/containerIdentificationNumber",
                json!("106141410000050007"),
            )
        },
        expected: &[(
            "DUPLICATE_SSCC",
            "/cartons/1/cartonIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "SSCC in the ledger",
        mutate: |i| {
            i["ssccLedger"] = json!([
                { "sscc": "106141410000050021", "usedAt": "2026-03-01T00:00:00Z", "shipmentIdentifier": "ASN-OLD" },
                { "sscc": "00106141410000050007", "usedAt": "2025-11-01T00:00:00Z" }
            ])
        },
        expected: &[(
            "SSCC_REUSED",
            "/cartons/2/cartonIdentifiers/0/containerIdentificationNumber",
        )],
    },
    Case {
        name: "identifier already sent",
        mutate: |i| {
            i["previousShipments"] = json!([previous("ASN-2026-1122-01", "2026-06-01T00:00:00Z")])
        },
        expected: &[("SHIPMENT_IDENTIFIER_REUSED", "/shipmentIdentifier")],
    },
    Case {
        name: "PO not given",
        mutate: |i| {
            set(
                asn(i),
                "/shippedItems/2/itemDetails/purchaseOrderNumber",
                json!("PO-Z"),
            )
        },
        expected: &[(
            "UNKNOWN_PURCHASE_ORDER",
            "/shippedItems/2/itemDetails/purchaseOrderNumber",
        )],
    },
    Case {
        name: "product not on the PO",
        mutate: |i| {
            set(
                asn(i),
                "/shippedItems/2/amazonProductIdentifier",
                json!("B0OTHER999"),
            );
            set(
                asn(i),
                "/shippedItems/2/vendorProductIdentifier",
                json!("OTHER"),
            );
        },
        expected: &[(
            "ITEM_NOT_ON_PURCHASE_ORDER",
            "/shippedItems/2/amazonProductIdentifier",
        )],
    },
    Case {
        name: "line rejected",
        mutate: |i| {
            set(
                i,
                "/acknowledgements/1/items/0/itemAcknowledgements/0/acknowledgementCode",
                json!("Rejected"),
            )
        },
        expected: &[(
            "NOT_ACKNOWLEDGED",
            "/shippedItems/2/amazonProductIdentifier",
        )],
    },
    Case {
        name: "more than accepted",
        mutate: |i| {
            set(
                i,
                "/acknowledgements/1/items/0/itemAcknowledgements/0/acknowledgedQuantity/amount",
                json!(6),
            )
        },
        expected: &[("OVERAGE", "/shippedItems/2/shippedQuantity/amount")],
    },
    Case {
        name: "more than accepted with an earlier ASN",
        mutate: |i| {
            let mut earlier = previous("ASN-EARLIER", "2026-11-21T10:00:00Z");
            earlier["shippedItems"] = json!([{
                "itemSequenceNumber": "001",
                "amazonProductIdentifier": "B0GREEN003",
                "shippedQuantity": { "amount": 3, "unitOfMeasure": "Eaches" },
                "itemDetails": { "purchaseOrderNumber": "PO-B" }
            }]);
            earlier["cartons"] = json!([]);
            earlier["pallets"] = json!([]);
            i["previousShipments"] = json!([earlier]);
        },
        expected: &[("OVERAGE", "/shippedItems/2/shippedQuantity/amount")],
    },
    Case {
        name: "eaches where the PO says cases",
        mutate: |i| {
            set(
                asn(i),
                "/shippedItems/0/shippedQuantity",
                json!({ "amount": 12, "unitOfMeasure": "Eaches" }),
            )
        },
        expected: &[(
            "UNIT_OF_MEASURE_MISMATCH",
            "/shippedItems/0/shippedQuantity/unitOfMeasure",
        )],
    },
    Case {
        name: "another fulfilment centre",
        mutate: |i| set(asn(i), "/shipToParty/partyId", json!("LAS1")),
        expected: &[
            ("SHIP_TO_MISMATCH", "/shipToParty/partyId"),
            ("SHIP_TO_MISMATCH", "/shipToParty/partyId"),
        ],
    },
    Case {
        name: "another vendor code",
        mutate: |i| set(asn(i), "/sellingParty/partyId", json!("VEND2")),
        expected: &[
            ("SELLING_PARTY_MISMATCH", "/sellingParty/partyId"),
            ("SELLING_PARTY_MISMATCH", "/sellingParty/partyId"),
        ],
    },
    Case {
        name: "Amazon collects without reference",
        mutate: |i| {
            remove(i, "/purchaseOrders/1/orderDetails/deliveryWindow");
            i["purchaseOrders"][1]["orderDetails"]["shipWindow"] =
                json!("2026-11-21T08:00:00Z--2026-11-23T08:00:00Z");
        },
        expected: &[("MISSING_AMAZON_REFERENCE_NUMBER", "/amazonReferenceNumber")],
    },
    Case {
        name: "carrier name in the SCAC",
        mutate: |i| {
            set(
                asn(i),
                "/transportationDetails/carrierScac",
                json!("ABF Freight"),
            )
        },
        expected: &[("INVALID_SCAC", "/transportationDetails/carrierScac")],
    },
    Case {
        name: "no SCAC in the US",
        mutate: |i| remove(asn(i), "/transportationDetails/carrierScac"),
        expected: &[("MISSING_SCAC", "/transportationDetails/carrierScac")],
    },
    Case {
        name: "no PRO in the US",
        mutate: |i| {
            remove(
                asn(i),
                "/transportationDetails/carrierShipmentReferenceNumber",
            )
        },
        expected: &[(
            "MISSING_PRO_NUMBER",
            "/transportationDetails/carrierShipmentReferenceNumber",
        )],
    },
    Case {
        name: "LTL without BOL",
        mutate: |i| remove(asn(i), "/transportationDetails/billOfLadingNumber"),
        expected: &[(
            "MISSING_BILL_OF_LADING",
            "/transportationDetails/billOfLadingNumber",
        )],
    },
    Case {
        name: "BOL is a date",
        mutate: |i| {
            set(
                asn(i),
                "/transportationDetails/billOfLadingNumber",
                json!("20261122"),
            )
        },
        expected: &[(
            "INVALID_BILL_OF_LADING",
            "/transportationDetails/billOfLadingNumber",
        )],
    },
    Case {
        name: "too many ASNs on one truck",
        mutate: |i| {
            let mut earlier = previous("ASN-OTHER", "2026-11-22T09:00:00Z");
            earlier["shippedItems"] = json!([{
                "itemSequenceNumber": "001",
                "amazonProductIdentifier": "B0ELSEWHERE",
                "shippedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" },
                "itemDetails": { "purchaseOrderNumber": "PO-C" }
            }]);
            earlier["cartons"] = json!([]);
            earlier["pallets"] = json!([]);
            i["previousShipments"] = json!([earlier]);
            i["options"] = json!({ "maxAsnsPerBillOfLading": 1 });
        },
        expected: &[(
            "TOO_MANY_ASNS_FOR_BILL_OF_LADING",
            "/transportationDetails/billOfLadingNumber",
        )],
    },
    Case {
        name: "small parcel without tracking",
        mutate: |i| set(asn(i), "/shipmentType", json!("SmallParcel")),
        expected: &[
            ("MISSING_TRACKING_NUMBER", "/cartons/0/trackingNumber"),
            ("MISSING_TRACKING_NUMBER", "/cartons/1/trackingNumber"),
            ("MISSING_TRACKING_NUMBER", "/cartons/2/trackingNumber"),
        ],
    },
    Case {
        name: "no shipment type",
        mutate: |i| remove(asn(i), "/shipmentType"),
        expected: &[("MISSING_SHIPMENT_TYPE", "/shipmentType")],
    },
    Case {
        name: "no shipped date",
        mutate: |i| remove(asn(i), "/shippedDate"),
        expected: &[("MISSING_SHIPPED_DATE", "/shippedDate")],
    },
    Case {
        name: "shipped later today",
        mutate: |i| set(asn(i), "/shippedDate", json!("2026-11-22T12:00:00Z")),
        expected: &[("SHIPPED_DATE_IN_FUTURE", "/shippedDate")],
    },
    Case {
        name: "shipped twelve days ago",
        mutate: |i| set(asn(i), "/shippedDate", json!("2026-11-10T09:00:00Z")),
        expected: &[
            ("SHIPPED_DATE_OUT_OF_WINDOW", "/shippedDate"),
            ("ASN_LATE", "/shippedDate"),
        ],
    },
    Case {
        name: "no estimated delivery",
        mutate: |i| remove(asn(i), "/estimatedDeliveryDate"),
        expected: &[("MISSING_ESTIMATED_DELIVERY_DATE", "/estimatedDeliveryDate")],
    },
    Case {
        name: "delivery before departure",
        mutate: |i| {
            set(
                asn(i),
                "/estimatedDeliveryDate",
                json!("2026-11-21T08:00:00Z"),
            )
        },
        expected: &[("DELIVERY_BEFORE_SHIPMENT", "/estimatedDeliveryDate")],
    },
    Case {
        name: "ASN more than 30 minutes after departure",
        mutate: |i| i["now"] = json!("2026-11-22T10:30:01Z"),
        expected: &[("ASN_LATE", "/shippedDate")],
    },
    Case {
        name: "pallet too heavy",
        mutate: |i| {
            set(
                asn(i),
                "/pallets/0/weight",
                json!({ "unitOfMeasure": "Kg", "value": "700" }),
            )
        },
        expected: &[("PALLET_OVERWEIGHT", "/pallets/0/weight/value")],
    },
    Case {
        name: "Replace of nothing",
        mutate: |i| {
            set(asn(i), "/shipmentConfirmationType", json!("Replace"));
            i["previousShipments"] = json!([]);
        },
        expected: &[("REPLACE_WITHOUT_ORIGINAL", "/shipmentIdentifier")],
    },
    Case {
        name: "Replace under another vendor code",
        mutate: |i| {
            set(asn(i), "/shipmentConfirmationType", json!("Replace"));
            let mut original = previous("ASN-2026-1122-01", "2026-11-21T10:00:00Z");
            original["sellingParty"] = json!({ "partyId": "VEND0" });
            i["previousShipments"] = json!([original]);
        },
        expected: &[("REPLACE_SELLING_PARTY_CHANGED", "/sellingParty/partyId")],
    },
    Case {
        name: "Replace after 7 days",
        mutate: |i| {
            set(asn(i), "/shipmentConfirmationType", json!("Replace"));
            i["previousShipments"] = json!([previous("ASN-2026-1122-01", "2026-11-10T10:00:00Z")]);
        },
        expected: &[("REPLACE_WINDOW_EXPIRED", "/shipmentConfirmationType")],
    },
    Case {
        name: "Replace that adds units",
        mutate: |i| {
            set(asn(i), "/shipmentConfirmationType", json!("Replace"));
            let mut original = previous("ASN-2026-1122-01", "2026-11-21T10:00:00Z");
            original["shippedItems"][2]["shippedQuantity"]["amount"] = json!(6);
            original["cartons"][2]["items"][0]["shippedQuantity"]["amount"] = json!(6);
            i["previousShipments"] = json!([original]);
        },
        expected: &[(
            "REPLACE_INCREASES_QUANTITY",
            "/shippedItems/2/shippedQuantity/amount",
        )],
    },
    Case {
        name: "empty carton",
        mutate: |i| set(asn(i), "/cartons/2/items", json!([])),
        expected: &[
            ("EMPTY_CONTAINER", "/cartons/2/items"),
            (
                "QUANTITY_MISMATCH",
                "/shippedItems/2/shippedQuantity/amount",
            ),
        ],
    },
];

#[test]
fn the_base_asn_is_valid() {
    let output = validate(&base()).unwrap();
    assert_eq!(output, json!({ "valid": true, "issues": [] }));
}

#[test]
fn each_broken_asn_gets_exactly_its_issues() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut input = base();
        (case.mutate)(&mut input);
        let output = validate(&input).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let actual = found(&output);
        let expected: Vec<(String, String)> = case
            .expected
            .iter()
            .map(|(c, p)| (c.to_string(), p.to_string()))
            .collect();
        if actual != expected {
            failures.push(format!(
                "{}:\n  expected {expected:?}\n  actual   {actual:?}",
                case.name
            ));
        }
        let has_error = expected
            .iter()
            .any(|(c, _)| !codes::WARNINGS.contains(&c.as_str()));
        assert_eq!(output["valid"], !has_error, "{}", case.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_issue_code_has_a_fixture() {
    let builder_only = [
        codes::UNKNOWN_PRODUCT,
        codes::UNKNOWN_PALLET,
        codes::DUPLICATE_PALLET_ID,
        codes::NOT_WHOLE_CASES,
        codes::SSCC_GENERATION_FAILED,
    ];
    let covered: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|c| c.expected.iter().map(|(code, _)| *code))
        .chain(builder_only)
        .collect();
    let missing: Vec<&&str> = codes::ALL
        .iter()
        .filter(|c| !covered.contains(**c))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn ledger_entries_older_than_a_year_and_own_entries_are_ignored() {
    let mut input = base();
    input["ssccLedger"] = json!([
        { "sscc": "106141410000050021", "usedAt": "2025-11-01T00:00:00Z" },
        { "sscc": "106141410000050007", "usedAt": "2026-11-22T09:50:00Z", "shipmentIdentifier": "ASN-2026-1122-01" }
    ]);
    assert_eq!(validate(&input).unwrap()["issues"], json!([]));
}

#[test]
fn the_appointment_can_make_the_asn_due_sooner() {
    let mut input = base();
    input["appointmentAt"] = json!("2026-11-22T15:00:00Z");
    let output = validate(&input).unwrap();
    assert_eq!(
        output["issues"],
        json!([{
            "code": "ASN_LATE",
            "severity": "warning",
            "path": "/shippedDate",
            "message": "the ASN was due by 2026-11-22T09:00:00Z (30 minutes after departure or 6 hours before the appointment, whichever is sooner): a late ASN risks a chargeback",
            "dueAt": "2026-11-22T09:00:00Z"
        }])
    );
}

#[test]
fn a_valid_replace_reducing_quantities_passes() {
    let mut input = base();
    let original = previous("ASN-2026-1122-01", "2026-11-21T10:00:00Z");
    input["previousShipments"] = json!([original]);
    set(
        asn(&mut input),
        "/shipmentConfirmationType",
        json!("Replace"),
    );
    set(
        asn(&mut input),
        "/shippedItems/2/shippedQuantity/amount",
        json!(7),
    );
    set(
        asn(&mut input),
        "/cartons/2/items/0/shippedQuantity/amount",
        json!(7),
    );
    assert_eq!(validate(&input).unwrap()["issues"], json!([]));
}

#[test]
fn a_half_filled_form_gets_issues_not_an_error() {
    let input =
        json!({ "shipmentConfirmation": { "shippedItems": [{}] }, "now": "2026-11-22T10:00:00Z" });
    let output = validate(&input).unwrap();
    assert_eq!(output["valid"], false);
    let paths: Vec<String> = found(&output).into_iter().map(|(_, p)| p).collect();
    for expected in [
        "/shipmentIdentifier",
        "/sellingParty",
        "/shippedItems/0/itemSequenceNumber",
        "/shippedItems/0/shippedQuantity",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} in {paths:?}"
        );
    }
    let not_an_object = json!({ "shipmentConfirmation": [], "now": "2026-11-22T10:00:00Z" });
    assert_eq!(
        found(&validate(&not_an_object).unwrap()),
        vec![("INVALID_TYPE".to_string(), String::new())]
    );
}

#[test]
fn the_models_sandbox_examples_validate_as_expected() {
    let model = common::load_model(common::SHIPMENTS_MODEL);
    let mut seen = Vec::new();
    for example in common::examples(&model) {
        if example.operation != "SubmitShipmentConfirmations"
            || example.kind != common::ExampleKind::RequestBody
        {
            continue;
        }
        for confirmation in example.value["shipmentConfirmations"].as_array().unwrap() {
            let input =
                json!({ "shipmentConfirmation": confirmation, "now": "2021-03-11T12:40:00Z" });
            let output = validate(&input).unwrap();
            let codes_found: BTreeSet<String> =
                found(&output).into_iter().map(|(c, _)| c).collect();
            let expected: &[&str] = if example.status == "202" {
                // The accepted example is minimal: no product identifiers, dates, structure or
                // type, and Cases without unitSize. The schema itself has nothing to say.
                &[
                    "MISSING_PRODUCT_IDENTIFIER",
                    "MISSING_SHIPMENT_STRUCTURE",
                    "MISSING_SHIPMENT_TYPE",
                    "MISSING_SHIPPED_DATE",
                    "UNIT_SIZE_MISSING",
                ]
            } else {
                // The 400 example is deliberately incomplete (only an identifier).
                &[
                    "EMPTY_SHIPMENT",
                    "MISSING_REQUIRED_FIELD",
                    "MISSING_SHIPMENT_STRUCTURE",
                    "MISSING_SHIPMENT_TYPE",
                    "MISSING_SHIPPED_DATE",
                ]
            };
            let expected: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
            assert_eq!(codes_found, expected, "{}", example.location);
            assert_eq!(output["valid"], false);
            seen.push(example.status.clone());
        }
    }
    assert_eq!(seen, ["202", "400"]);
}

#[test]
fn bad_input_is_an_error_with_code_and_path() {
    let cases = [
        (
            json!({ "shipmentConfirmation": {} }),
            "MISSING_FIELD",
            "/now",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "soon" }),
            "INVALID_DATE",
            "/now",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z", "option": {} }),
            "UNKNOWN_FIELD",
            "/option",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z", "options": { "palletWeight": 1 } }),
            "UNKNOWN_FIELD",
            "/options/palletWeight",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z",
                    "purchaseOrders": [{ "purchaseOrderNumber": "X" }, { "purchaseOrderNumber": "X" }] }),
            "DUPLICATE_PURCHASE_ORDER",
            "/purchaseOrders/1/purchaseOrderNumber",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z",
                    "skuMap": [{ "sku": "A" }, { "sku": "A" }] }),
            "DUPLICATE_SKU",
            "/skuMap/1/sku",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z",
                    "acknowledgements": [{ "purchaseOrderNumber": "X", "sellingParty": { "partyId": "V" },
                                           "acknowledgementDate": "later", "items": [] }] }),
            "INVALID_DATE",
            "/acknowledgements/0/acknowledgementDate",
        ),
        (
            json!({ "shipmentConfirmation": {}, "now": "2026-11-22T10:00:00Z", "previousShipments": [[]] }),
            "INVALID_TYPE",
            "/previousShipments/0",
        ),
    ];
    for (input, code, path) in cases {
        let error = validate(&input).unwrap_err();
        assert_eq!(
            (error.code(), error.path().as_str()),
            (code, path),
            "{input}"
        );
    }
}

#[test]
fn a_later_acknowledgement_replaces_an_earlier_one_whatever_the_list_order() {
    let mut input = base();
    let mut later = input["acknowledgements"][1].clone();
    later["acknowledgementDate"] = json!("2026-11-20T12:00:00Z");
    later["items"][0]["itemAcknowledgements"][0]["acknowledgedQuantity"]["amount"] = json!(6);
    // The later acknowledgement is listed first; its date decides.
    input["acknowledgements"]
        .as_array_mut()
        .unwrap()
        .insert(0, later);
    let issues = found(&validate(&input).unwrap());
    assert_eq!(
        issues,
        [(
            "OVERAGE".to_string(),
            "/shippedItems/2/shippedQuantity/amount".to_string()
        )]
    );
}
