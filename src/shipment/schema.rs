//! The `ShipmentConfirmation` definition of `vendorShipments.json` as a table, and one walker
//! that checks a JSON value against it and reports every deviation as an issue with the field's
//! JSON pointer: required fields, JSON types, exact enum spellings, decimals, date-times, the
//! model's patterns and lengths. A form needs every problem at once, not the first one.

use std::fmt::Write;

use super::issue::{ShipmentIssue, codes};
use crate::error::pointer_child;
use crate::json_tree::Json;
use crate::money::Decimal;
use crate::spapi::orders::{MethodOfPayment, TaxRegistrationType, UnitOfMeasure, WeightUnit};
use crate::spapi::shipments::{
    ContainerIdentificationType, DimensionUnit, DurationUnit, HandlingCode, LotNumberSourceType,
    ShipmentConfirmationType, ShipmentStructure, ShipmentType, ShipmentWeightUnit,
    StopFunctionCode, TransportationMode, VolumeUnit,
};
use crate::spapi::wire_enum::same_spelling;
use crate::time::parse_instant;

/// What a value must be.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Text,
    /// A string of at most this many characters.
    LimitedText(usize),
    /// Two capital letters (ISO 3166 alpha-2), the model's `^[A-Z]{2}$`.
    CountryCode,
    /// A JSON integer ≥ 0.
    Integer,
    /// Amazon's `Decimal`: a string such as `"12.5"`.
    Decimal,
    /// An ISO-8601 date-time string.
    DateTime,
    /// One of these exact spellings.
    Enum(&'static [&'static str]),
    Object(&'static [Field]),
    Array(&'static Kind),
}

pub(crate) struct Field {
    pub name: &'static str,
    pub required: bool,
    pub kind: Kind,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        required: true,
        kind,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        required: false,
        kind,
    }
}

const ADDRESS: Kind = Kind::Object(&[
    req("name", Kind::Text),
    req("addressLine1", Kind::Text),
    opt("addressLine2", Kind::Text),
    opt("addressLine3", Kind::Text),
    opt("city", Kind::Text),
    opt("county", Kind::Text),
    opt("district", Kind::Text),
    opt("stateOrRegion", Kind::Text),
    opt("postalCode", Kind::Text),
    req("countryCode", Kind::Text),
    opt("phone", Kind::Text),
]);

const TAX_REGISTRATION: Kind = Kind::Object(&[
    req(
        "taxRegistrationType",
        Kind::Enum(TaxRegistrationType::SPELLINGS),
    ),
    req("taxRegistrationNumber", Kind::Text),
]);

const PARTY: Kind = Kind::Object(&[
    opt("address", ADDRESS),
    req("partyId", Kind::Text),
    opt("taxRegistrationDetails", Kind::Array(&TAX_REGISTRATION)),
]);

const WEIGHT: Kind = Kind::Object(&[
    req("unitOfMeasure", Kind::Enum(ShipmentWeightUnit::SPELLINGS)),
    req("value", Kind::Decimal),
]);

const VOLUME: Kind = Kind::Object(&[
    req("unitOfMeasure", Kind::Enum(VolumeUnit::SPELLINGS)),
    req("value", Kind::Decimal),
]);

const MEASUREMENTS: Kind = Kind::Object(&[
    opt("grossShipmentWeight", WEIGHT),
    opt("shipmentVolume", VOLUME),
    opt("cartonCount", Kind::Integer),
    opt("palletCount", Kind::Integer),
]);

const TRANSPORTATION: Kind = Kind::Object(&[
    opt("carrierScac", Kind::Text),
    opt("carrierShipmentReferenceNumber", Kind::Text),
    opt(
        "transportationMode",
        Kind::Enum(TransportationMode::SPELLINGS),
    ),
    opt("billOfLadingNumber", Kind::Text),
]);

const LOCATION: Kind = Kind::Object(&[
    opt("type", Kind::Text),
    opt("locationCode", Kind::Text),
    opt("countryCode", Kind::Text),
]);

const STOP: Kind = Kind::Object(&[
    req("functionCode", Kind::Enum(StopFunctionCode::SPELLINGS)),
    opt("locationIdentification", LOCATION),
    opt("arrivalTime", Kind::DateTime),
    opt("departureTime", Kind::DateTime),
]);

const IMPORT_DETAILS: Kind = Kind::Object(&[
    opt("methodOfPayment", Kind::Enum(MethodOfPayment::SPELLINGS)),
    opt("sealNumber", Kind::Text),
    opt("route", Kind::Object(&[req("stops", Kind::Array(&STOP))])),
    opt("importContainers", Kind::LimitedText(64)),
    opt("billableWeight", WEIGHT),
    opt("estimatedShipByDate", Kind::DateTime),
    opt("handlingInstructions", Kind::Enum(HandlingCode::SPELLINGS)),
]);

const QUANTITY: Kind = Kind::Object(&[
    req("amount", Kind::Integer),
    req("unitOfMeasure", Kind::Enum(UnitOfMeasure::SPELLINGS)),
    opt("unitSize", Kind::Integer),
    opt(
        "totalWeight",
        Kind::Object(&[
            req("unitOfMeasure", Kind::Enum(WeightUnit::SPELLINGS)),
            req("amount", Kind::Decimal),
        ]),
    ),
]);

const ITEM_DETAILS: Kind = Kind::Object(&[
    opt("purchaseOrderNumber", Kind::Text),
    opt("lotNumber", Kind::Text),
    opt("lotNumberSourceReference", Kind::Text),
    opt(
        "lotNumberSourceType",
        Kind::Enum(LotNumberSourceType::SPELLINGS),
    ),
    opt("countryOfOrigin", Kind::CountryCode),
    opt(
        "regulationReferences",
        Kind::Object(&[
            opt("dueDiligenceReference", Kind::Text),
            opt("dueDiligenceVerification", Kind::Text),
            opt("dueDiligenceInformation", Kind::Text),
            opt("dueDiligenceExemptionCode", Kind::Text),
        ]),
    ),
    opt(
        "expiry",
        Kind::Object(&[
            opt("manufacturerDate", Kind::DateTime),
            opt("expiryDate", Kind::DateTime),
            opt(
                "expiryAfterDuration",
                Kind::Object(&[
                    req("durationUnit", Kind::Enum(DurationUnit::SPELLINGS)),
                    req("durationValue", Kind::Integer),
                ]),
            ),
        ]),
    ),
    opt(
        "maximumRetailPrice",
        Kind::Object(&[
            req("currencyCode", Kind::Text),
            req("amount", Kind::Decimal),
        ]),
    ),
    opt("handlingCode", Kind::Enum(HandlingCode::SPELLINGS)),
]);

const ITEM: Kind = Kind::Object(&[
    req("itemSequenceNumber", Kind::Text),
    opt("amazonProductIdentifier", Kind::Text),
    opt("vendorProductIdentifier", Kind::Text),
    req("shippedQuantity", QUANTITY),
    opt("itemDetails", ITEM_DETAILS),
]);

const CONTAINER_IDENTIFICATION: Kind = Kind::Object(&[
    req(
        "containerIdentificationType",
        Kind::Enum(ContainerIdentificationType::SPELLINGS),
    ),
    req("containerIdentificationNumber", Kind::Text),
]);

const DIMENSIONS: Kind = Kind::Object(&[
    req("length", Kind::Decimal),
    req("width", Kind::Decimal),
    req("height", Kind::Decimal),
    req("unitOfMeasure", Kind::Enum(DimensionUnit::SPELLINGS)),
]);

const CONTAINER_ITEM: Kind = Kind::Object(&[
    req("itemReference", Kind::Text),
    req("shippedQuantity", QUANTITY),
    opt("itemDetails", ITEM_DETAILS),
]);

const CARTON: Kind = Kind::Object(&[
    opt("cartonIdentifiers", Kind::Array(&CONTAINER_IDENTIFICATION)),
    req("cartonSequenceNumber", Kind::Text),
    opt("dimensions", DIMENSIONS),
    opt("weight", WEIGHT),
    opt("trackingNumber", Kind::Text),
    req("items", Kind::Array(&CONTAINER_ITEM)),
]);

const PALLET: Kind = Kind::Object(&[
    req("palletIdentifiers", Kind::Array(&CONTAINER_IDENTIFICATION)),
    opt("tier", Kind::Integer),
    opt("block", Kind::Integer),
    opt("dimensions", DIMENSIONS),
    opt("weight", WEIGHT),
    opt(
        "cartonReferenceDetails",
        Kind::Object(&[
            opt("cartonCount", Kind::Integer),
            req("cartonReferenceNumbers", Kind::Array(&Kind::Text)),
        ]),
    ),
    opt("items", Kind::Array(&CONTAINER_ITEM)),
]);

/// The model's `ShipmentConfirmation`.
pub(crate) const SHIPMENT_CONFIRMATION: Kind = Kind::Object(&[
    req("shipmentIdentifier", Kind::Text),
    req(
        "shipmentConfirmationType",
        Kind::Enum(ShipmentConfirmationType::SPELLINGS),
    ),
    opt("shipmentType", Kind::Enum(ShipmentType::SPELLINGS)),
    opt(
        "shipmentStructure",
        Kind::Enum(ShipmentStructure::SPELLINGS),
    ),
    opt("transportationDetails", TRANSPORTATION),
    opt("amazonReferenceNumber", Kind::Text),
    req("shipmentConfirmationDate", Kind::DateTime),
    opt("shippedDate", Kind::DateTime),
    opt("estimatedDeliveryDate", Kind::DateTime),
    req("sellingParty", PARTY),
    req("shipFromParty", PARTY),
    req("shipToParty", PARTY),
    opt("shipmentMeasurements", MEASUREMENTS),
    opt("importDetails", IMPORT_DETAILS),
    req("shippedItems", Kind::Array(&ITEM)),
    opt("cartons", Kind::Array(&CARTON)),
    opt("pallets", Kind::Array(&PALLET)),
]);

/// Checks `value` against `kind`, appending one issue per deviation. `path` is the pointer of
/// `value`; it is restored before returning.
pub(crate) fn check(value: &Json, kind: &Kind, path: &mut String, issues: &mut Vec<ShipmentIssue>) {
    match kind {
        Kind::Object(fields) => check_object(value, fields, path, issues),
        Kind::Array(element) => match value.as_array() {
            Some(elements) => {
                for (index, element_value) in elements.iter().enumerate() {
                    let len = path.len();
                    // `write!` into the buffer: no temporary String per element.
                    let _ = write!(path, "/{index}");
                    check(element_value, element, path, issues);
                    path.truncate(len);
                }
            }
            None => issues.push(wrong_type(path, "a list")),
        },
        Kind::Text => {
            if !value.is_string() {
                issues.push(wrong_type(path, "a string"));
            }
        }
        Kind::LimitedText(max) => match value.as_str() {
            Some(text) if text.chars().count() > *max => issues.push(ShipmentIssue::error(
                codes::INVALID_FORMAT,
                path.clone(),
                format!("{} is longer than {max} characters", field_name(path)),
            )),
            Some(_) => {}
            None => issues.push(wrong_type(path, "a string")),
        },
        Kind::CountryCode => match value.as_str() {
            Some(text) if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) => {}
            Some(text) => issues.push(ShipmentIssue::error(
                codes::INVALID_FORMAT,
                path.clone(),
                format!("`{text}` is not a two-letter country code such as \"US\""),
            )),
            None => issues.push(wrong_type(path, "a string")),
        },
        Kind::Integer => {
            if value.as_u64().is_none() {
                issues.push(wrong_type(path, "a whole number (0 or more)"));
            }
        }
        Kind::Decimal => match value.as_str() {
            Some(text) => {
                if let Err(message) = Decimal::parse(text) {
                    issues.push(ShipmentIssue::error(
                        codes::INVALID_DECIMAL,
                        path.clone(),
                        message,
                    ));
                }
            }
            None => issues.push(wrong_type(path, "a decimal string such as \"12.5\"")),
        },
        Kind::DateTime => match value.as_str() {
            Some(text) => {
                if let Err(message) = parse_instant(text) {
                    issues.push(ShipmentIssue::error(
                        codes::INVALID_DATE,
                        path.clone(),
                        message,
                    ));
                }
            }
            None => issues.push(wrong_type(path, "an ISO-8601 date-time string")),
        },
        Kind::Enum(spellings) => match value.as_str() {
            Some(text) if spellings.contains(&text) => {}
            Some(text) => {
                let issue = match spellings.iter().find(|s| same_spelling(s, text)) {
                    Some(exact) => ShipmentIssue::error(
                        codes::ENUM_SPELLING,
                        path.clone(),
                        format!(
                            "write \"{exact}\" exactly, not \"{text}\": Amazon ignores other spellings"
                        ),
                    ),
                    None => ShipmentIssue::error(
                        codes::UNKNOWN_ENUM_VALUE,
                        path.clone(),
                        format!(
                            "\"{text}\" is not one of {}",
                            spellings
                                .iter()
                                .map(|s| format!("\"{s}\""))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                };
                issues.push(issue);
            }
            None => issues.push(wrong_type(path, "a string")),
        },
    }
}

fn check_object(
    value: &Json,
    fields: &[Field],
    path: &mut String,
    issues: &mut Vec<ShipmentIssue>,
) {
    let Some(object) = value.as_object() else {
        issues.push(wrong_type(path, "an object"));
        return;
    };
    // Members that are fields of the model; when that is all of them there is no unknown key
    // to look for (keys are unique, and so are the model's field names).
    let mut known_members = 0usize;
    for field in fields {
        let member = object.get(field.name);
        if member.is_some() {
            known_members = known_members.saturating_add(1);
        }
        // Most of the model's fields are optional and absent: the pointer is only written
        // for a field that is there or missed.
        let (message, member) = match member {
            None | Some(Json::Null) if field.required => ("is required", None),
            None | Some(Json::Null) => continue,
            Some(Json::String(text)) if field.required && text.trim().is_empty() => {
                ("is required and must not be empty", None)
            }
            Some(present) => ("", Some(present)),
        };
        let len = path.len();
        path.push('/');
        path.push_str(field.name);
        match member {
            Some(present) => check(present, &field.kind, path, issues),
            None => issues.push(ShipmentIssue::error(
                codes::MISSING_REQUIRED_FIELD,
                path.clone(),
                format!("{} {message}", field.name),
            )),
        }
        path.truncate(len);
    }
    if known_members < object.len() {
        for key in object.keys() {
            if !fields.iter().any(|f| f.name == key) {
                issues.push(ShipmentIssue::warning(
                    codes::UNKNOWN_FIELD,
                    pointer_child(path, key),
                    format!("Amazon's model has no field `{key}` here; it would be ignored (check the spelling)"),
                ));
            }
        }
    }
}

fn wrong_type(path: &str, expected: &str) -> ShipmentIssue {
    ShipmentIssue::error(
        codes::INVALID_TYPE,
        path.to_string(),
        format!("{} must be {expected}", field_name(path)),
    )
}

/// The last token of a pointer, for messages ("amount" of "/shippedItems/0/…/amount").
fn field_name(path: &str) -> &str {
    match path.rsplit('/').next() {
        Some(last) if !last.is_empty() => last,
        _ => "the value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn issues_of(value: serde_json::Value) -> Vec<(String, String)> {
        let text = value.to_string();
        let tree: Json = serde_json::from_str(&text).unwrap();
        let mut issues = Vec::new();
        check(
            &tree,
            &SHIPMENT_CONFIRMATION,
            &mut String::new(),
            &mut issues,
        );
        issues.into_iter().map(|i| (i.code, i.path)).collect()
    }

    /// `check_object` finds unknown keys by counting the members that are fields of the
    /// model, which is only right when no object of the model names a field twice.
    #[test]
    fn no_object_of_the_model_names_a_field_twice() {
        fn walk(kind: &Kind, path: &str) {
            match kind {
                Kind::Object(fields) => {
                    let mut names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                    names.sort_unstable();
                    let count = names.len();
                    names.dedup();
                    assert_eq!(names.len(), count, "a field is listed twice at {path}");
                    for field in *fields {
                        walk(&field.kind, &format!("{path}/{}", field.name));
                    }
                }
                Kind::Array(element) => walk(element, &format!("{path}/0")),
                _ => {}
            }
        }
        walk(&SHIPMENT_CONFIRMATION, "");
    }

    #[test]
    fn every_deviation_is_reported_with_its_pointer() {
        let found = issues_of(json!({
            "shipmentIdentifier": " ",
            "shipmentConfirmationType": "ORIGINAL",
            "shipmentType": "Truck",
            "shipmentConfirmationDate": "yesterday",
            "sellingParty": { "partyId": "V" },
            "shipFromParty": { "partyId": "F", "address": { "name": "W", "addressLine1": "1", "countryCode": "US" } },
            "shipToParty": { "partyID": "T" },
            "shipmentMeasurements": { "cartonCount": -1, "grossShipmentWeight": { "unitOfMeasure": "Lb", "value": 12 } },
            "shippedItems": [{
                "itemSequenceNumber": "001",
                "shippedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" },
                "itemDetails": { "countryOfOrigin": "usa" }
            }],
            "pallets": {}
        }));
        let expected = [
            ("MISSING_REQUIRED_FIELD", "/shipmentIdentifier"),
            ("ENUM_SPELLING", "/shipmentConfirmationType"),
            ("UNKNOWN_ENUM_VALUE", "/shipmentType"),
            ("INVALID_DATE", "/shipmentConfirmationDate"),
            ("MISSING_REQUIRED_FIELD", "/shipToParty/partyId"),
            ("UNKNOWN_FIELD", "/shipToParty/partyID"),
            (
                "INVALID_TYPE",
                "/shipmentMeasurements/grossShipmentWeight/value",
            ),
            ("INVALID_TYPE", "/shipmentMeasurements/cartonCount"),
            (
                "INVALID_FORMAT",
                "/shippedItems/0/itemDetails/countryOfOrigin",
            ),
            ("INVALID_TYPE", "/pallets"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(c, p)| (c.to_string(), p.to_string()))
            .collect();
        assert_eq!(found, expected);
    }
}
