//! What `chargebackExposure` reads.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::rates::{ChargebackType, Rate};
use crate::exceptions_report::ReportedException;
use crate::money::CurrencyAmount;
use crate::shipment::ShipmentIssue;
use crate::time::Instant;

/// The input of `chargebackExposure`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargebackExposureInput {
    /// Exceptions of any engine, as returned (optionally tagged with `source`), as
    /// `exceptionsReport` reads them.
    #[serde(default)]
    pub exceptions: Vec<ReportedException>,
    /// `validateShipmentConfirmation` issues, per ASN.
    #[serde(default)]
    pub shipment_issues: Vec<ShipmentIssues>,
    /// The moment of the forecast (ISO-8601): what is still avoidable is judged against it.
    pub now: Instant,
    /// Rates replacing the built-in ones, per type (each entry replaces that type's whole rate).
    #[serde(default)]
    pub rates: BTreeMap<ChargebackType, Rate>,
    /// Exception or issue codes → the chargeback type they lead to, added to (or replacing)
    /// the built-in mapping; e.g. a warehouse system's `POLY_BAG_MISSING` → `prep`.
    #[serde(default)]
    pub code_types: BTreeMap<String, ChargebackType>,
}

/// The issues `validateShipmentConfirmation` returned for one ASN.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShipmentIssues {
    /// The ASN's `shipmentIdentifier`.
    pub shipment_identifier: String,
    /// The cost of the goods on the ASN (what a percentage rate applies to); without it a
    /// percentage-priced chargeback of this ASN has its amount unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CurrencyAmount>,
    /// The `issues` array `validateShipmentConfirmation` returned for this ASN.
    #[serde(default)]
    pub issues: Vec<ShipmentIssue>,
}
