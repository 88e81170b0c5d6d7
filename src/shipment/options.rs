//! Validation settings. Every figure here comes from Amazon's guides or third parties and
//! changes over time, so each is a default the administrator can override.

use serde::Deserialize;

use crate::money::Decimal;
use crate::spapi::shipments::{ShipmentWeight, ShipmentWeightUnit};

/// Options of `validateShipmentConfirmation` (and of the builder, which validates what it
/// builds). Every field is optional; unknown fields are refused so that a typo is not silently
/// a default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ValidationOptions {
    /// `shippedDate` may be at most this many days before `now` (RP guide: 7).
    pub shipped_date_past_days: u32,
    /// … and at most this many days after `now` (RP guide: 2). Any future date is still a
    /// warning: the model says the shipped date must not be in the future.
    pub shipped_date_future_days: u32,
    /// The ASN is due this many minutes after departure (`shippedDate`) (Amazon: 30) …
    pub asn_minutes_after_departure: u32,
    /// … or this many hours before the delivery appointment, whichever is sooner (Amazon: 6).
    pub asn_hours_before_appointment: u32,
    /// Heaviest pallet Amazon receives without a chargeback (third parties: 1,500 lb).
    pub max_pallet_weight: ShipmentWeight,
    /// Distinct purchase orders allowed in one carton (Amazon: 5).
    pub max_purchase_orders_per_carton: u32,
    /// SSCCs and shipment identifiers must not repeat within this many days (Amazon: 365).
    pub identifier_reuse_days: u32,
    /// A `Replace` must come within this many days of the original (Amazon: 7).
    pub replace_window_days: u32,
    /// ASNs allowed per bill of lading / truck (Amazon: 100).
    pub max_asns_per_bill_of_lading: u32,
    /// Ship-from or ship-to countries where `carrierScac` and the PRO number are mandatory
    /// (model: US, CA, MX).
    pub carrier_details_countries: Vec<String>,
    /// Force the SCAC/PRO requirement on (`true`) or off (`false`) whatever the addresses say;
    /// absent: decided by `carrierDetailsCountries` (not required when no country is given).
    pub carrier_details_required: Option<bool>,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            shipped_date_past_days: 7,
            shipped_date_future_days: 2,
            asn_minutes_after_departure: 30,
            asn_hours_before_appointment: 6,
            max_pallet_weight: ShipmentWeight {
                unit_of_measure: ShipmentWeightUnit::Lb,
                value: Decimal(rust_decimal::Decimal::from(1500)),
            },
            max_purchase_orders_per_carton: 5,
            identifier_reuse_days: 365,
            replace_window_days: 7,
            max_asns_per_bill_of_lading: 100,
            carrier_details_countries: vec!["US".into(), "CA".into(), "MX".into()],
            carrier_details_required: None,
        }
    }
}
