//! A read-only view of an ASN held as JSON, for the semantic checks. It is tolerant: the
//! schema walk has already reported every malformed field, so here a malformed value simply
//! reads as absent and the checks that need it are skipped.

use chrono::{DateTime, Utc};

use super::units::Quantity;
use crate::json_tree::Json;
use crate::money::Decimal;
use crate::spapi::orders::UnitOfMeasure;
use crate::spapi::shipments::{
    ContainerIdentificationType, ShipmentConfirmationType, ShipmentStructure, ShipmentType,
    ShipmentWeightUnit,
};
use crate::time::parse_instant;

pub(crate) struct AsnView<'a> {
    /// The ASN itself, to tell an absent field from a malformed one (reported by the schema).
    pub raw: &'a Json<'a>,
    pub identifier: Option<&'a str>,
    pub confirmation_type: Option<ShipmentConfirmationType>,
    pub shipment_type: Option<ShipmentType>,
    pub structure: Option<ShipmentStructure>,
    pub carrier_scac: Option<&'a str>,
    pub pro_number: Option<&'a str>,
    pub bill_of_lading: Option<&'a str>,
    pub amazon_reference_number: Option<&'a str>,
    pub confirmation_date: Option<DateTime<Utc>>,
    pub shipped_date: Option<DateTime<Utc>>,
    pub estimated_delivery_date: Option<DateTime<Utc>>,
    pub selling_party: Option<&'a str>,
    pub ship_to_party: Option<&'a str>,
    /// Country codes given in the ship-from and ship-to addresses.
    pub countries: Vec<&'a str>,
    pub carton_count: Option<u64>,
    pub pallet_count: Option<u64>,
    pub items: Vec<ItemView<'a>>,
    pub cartons: Vec<CartonView<'a>>,
    pub pallets: Vec<PalletView<'a>>,
}

pub(crate) struct ItemView<'a> {
    pub sequence_number: Option<&'a str>,
    pub asin: Option<&'a str>,
    pub vendor_id: Option<&'a str>,
    pub quantity: Option<Quantity>,
    pub purchase_order: Option<&'a str>,
}

pub(crate) struct ContainerItemView<'a> {
    pub reference: Option<&'a str>,
    pub quantity: Option<Quantity>,
    pub purchase_order: Option<&'a str>,
}

pub(crate) struct IdentifierView<'a> {
    pub kind: Option<ContainerIdentificationType>,
    pub number: Option<&'a str>,
}

pub(crate) struct CartonView<'a> {
    pub sequence_number: Option<&'a str>,
    /// `None` when the carton has no `cartonIdentifiers` field at all.
    pub identifiers: Option<Vec<IdentifierView<'a>>>,
    pub tracking_number: Option<&'a str>,
    pub items: Vec<ContainerItemView<'a>>,
}

pub(crate) struct PalletView<'a> {
    pub identifiers: Vec<IdentifierView<'a>>,
    pub weight: Option<(Decimal, ShipmentWeightUnit)>,
    /// `cartonReferenceDetails.cartonReferenceNumbers`, when present.
    pub carton_references: Option<Vec<Option<&'a str>>>,
    pub carton_count: Option<u64>,
    /// `None` when the pallet has no `items` field.
    pub items: Option<Vec<ContainerItemView<'a>>>,
}

fn text<'a>(value: &'a Json<'a>, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The member at `keys` below `value` (object members only, like a JSON pointer without
/// array indexes).
fn member<'a>(value: &'a Json<'a>, keys: &[&str]) -> Option<&'a Json<'a>> {
    keys.iter().try_fold(value, |node, key| node.get(key))
}

fn at<'a>(value: &'a Json<'a>, keys: &[&str]) -> Option<&'a str> {
    member(value, keys)
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn instant(value: &Json, key: &str) -> Option<DateTime<Utc>> {
    value
        .get(key)
        .and_then(Json::as_str)
        .and_then(|t| parse_instant(t).ok())
}

fn list<'a>(value: &'a Json<'a>, key: &str) -> &'a [Json<'a>] {
    value.get(key).and_then(Json::as_array).unwrap_or(&[])
}

fn quantity(value: &Json) -> Option<Quantity> {
    let quantity = value.get("shippedQuantity")?;
    Some(Quantity {
        amount: quantity.get("amount")?.as_u64()?,
        unit_of_measure: quantity
            .get("unitOfMeasure")
            .and_then(Json::as_str)
            .and_then(UnitOfMeasure::parse_tolerant),
        unit_size: quantity.get("unitSize").and_then(Json::as_u64),
    })
}

fn container_items<'a>(values: &'a [Json<'a>]) -> Vec<ContainerItemView<'a>> {
    values
        .iter()
        .map(|v| ContainerItemView {
            reference: text(v, "itemReference"),
            quantity: quantity(v),
            purchase_order: at(v, &["itemDetails", "purchaseOrderNumber"]),
        })
        .collect()
}

fn identifiers<'a>(values: &'a [Json<'a>]) -> Vec<IdentifierView<'a>> {
    values
        .iter()
        .map(|v| IdentifierView {
            kind: text(v, "containerIdentificationType")
                .and_then(ContainerIdentificationType::parse_tolerant),
            number: text(v, "containerIdentificationNumber"),
        })
        .collect()
}

impl<'a> AsnView<'a> {
    /// True when the field is present and not null or blank (even if malformed).
    pub fn has(&self, key: &str) -> bool {
        match self.raw.get(key) {
            None | Some(Json::Null) => false,
            Some(Json::String(text)) => !text.trim().is_empty(),
            Some(_) => true,
        }
    }

    pub fn read(asn: &'a Json<'a>) -> AsnView<'a> {
        let countries = [
            ["shipFromParty", "address", "countryCode"],
            ["shipToParty", "address", "countryCode"],
        ]
        .iter()
        .filter_map(|keys| at(asn, keys))
        .collect();
        AsnView {
            raw: asn,
            identifier: text(asn, "shipmentIdentifier"),
            confirmation_type: text(asn, "shipmentConfirmationType")
                .and_then(ShipmentConfirmationType::parse_tolerant),
            shipment_type: text(asn, "shipmentType").and_then(ShipmentType::parse_tolerant),
            structure: text(asn, "shipmentStructure").and_then(ShipmentStructure::parse_tolerant),
            carrier_scac: at(asn, &["transportationDetails", "carrierScac"]),
            pro_number: at(
                asn,
                &["transportationDetails", "carrierShipmentReferenceNumber"],
            ),
            bill_of_lading: at(asn, &["transportationDetails", "billOfLadingNumber"]),
            amazon_reference_number: text(asn, "amazonReferenceNumber"),
            confirmation_date: instant(asn, "shipmentConfirmationDate"),
            shipped_date: instant(asn, "shippedDate"),
            estimated_delivery_date: instant(asn, "estimatedDeliveryDate"),
            selling_party: at(asn, &["sellingParty", "partyId"]),
            ship_to_party: at(asn, &["shipToParty", "partyId"]),
            countries,
            carton_count: member(asn, &["shipmentMeasurements", "cartonCount"])
                .and_then(Json::as_u64),
            pallet_count: member(asn, &["shipmentMeasurements", "palletCount"])
                .and_then(Json::as_u64),
            items: list(asn, "shippedItems")
                .iter()
                .map(|v| ItemView {
                    sequence_number: text(v, "itemSequenceNumber"),
                    asin: text(v, "amazonProductIdentifier"),
                    vendor_id: text(v, "vendorProductIdentifier"),
                    quantity: quantity(v),
                    purchase_order: at(v, &["itemDetails", "purchaseOrderNumber"]),
                })
                .collect(),
            cartons: list(asn, "cartons")
                .iter()
                .map(|v| CartonView {
                    sequence_number: text(v, "cartonSequenceNumber"),
                    identifiers: v
                        .get("cartonIdentifiers")
                        .and_then(Json::as_array)
                        .map(|ids| identifiers(ids)),
                    tracking_number: text(v, "trackingNumber"),
                    items: container_items(list(v, "items")),
                })
                .collect(),
            pallets: list(asn, "pallets")
                .iter()
                .map(|v| PalletView {
                    identifiers: identifiers(list(v, "palletIdentifiers")),
                    weight: v.get("weight").and_then(|w| {
                        let value = Decimal::parse(w.get("value")?.as_str()?).ok()?;
                        let unit =
                            ShipmentWeightUnit::parse_tolerant(w.get("unitOfMeasure")?.as_str()?)?;
                        Some((value, unit))
                    }),
                    carton_references: member(
                        v,
                        &["cartonReferenceDetails", "cartonReferenceNumbers"],
                    )
                    .and_then(Json::as_array)
                    .map(|refs| {
                        refs.iter()
                            .map(|r| r.as_str().map(str::trim).filter(|s| !s.is_empty()))
                            .collect()
                    }),
                    carton_count: member(v, &["cartonReferenceDetails", "cartonCount"])
                        .and_then(Json::as_u64),
                    items: v
                        .get("items")
                        .and_then(Json::as_array)
                        .map(|items| container_items(items)),
                })
                .collect(),
        }
    }
}
