//! `validateShipmentConfirmation`: every problem of an ASN at once, each with the JSON pointer
//! of the field to fix, fast enough to run on every keystroke of a form.
//!
//! Checks, in order: the model's schema ([`super::schema`]), structure (references, hierarchy,
//! quantities, counts), identifiers (SSCC/GTIN, uniqueness, the SSCC ledger), the purchase
//! orders and acknowledgements, transport and time, and the `Replace` rules.

mod context;
mod identifiers;
mod orders;
mod replace;
pub(crate) mod structure;
mod transport;

use serde::{Deserialize, Serialize};

pub(crate) use context::{Context, Sources};

use super::error::ShipmentError;
use super::issue::ShipmentIssue;
use super::options::ValidationOptions;
use super::schema;
use super::view::AsnView;
use crate::catalog::SkuMapping;
use crate::json_tree::Json;
use crate::spapi::orders::{Order, OrderAcknowledgement};
use crate::time::Instant;

/// The input of `validateShipmentConfirmation`. Only `shipmentConfirmation` and `now` are
/// required; each optional part enables the checks that need it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateShipmentConfirmationInput<'a> {
    /// The ASN as it would be sent (one element of `shipmentConfirmations`). Read as plain JSON
    /// so that a half-filled form still gets every issue rather than one parse error.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "ShipmentConfirmation"))]
    #[serde(borrow)]
    pub shipment_confirmation: Json<'a>,
    /// Amazon `Order`s the ASN ships against (unit of measure, ship-to, ordered quantities).
    #[serde(default)]
    pub purchase_orders: Option<Vec<Order>>,
    /// Acknowledgements sent for those POs, oldest first (a later one replaces an earlier one
    /// line by line). Accepted and Backordered quantities may ship; Rejected ones may not.
    #[serde(default)]
    pub acknowledgements: Option<Vec<OrderAcknowledgement>>,
    /// ASNs already sent (for cumulative quantities, identifier reuse and `Replace`), as they
    /// were sent. Read tolerantly, like the ASN itself.
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "ShipmentConfirmation[] | undefined")
    )]
    #[serde(borrow)]
    pub previous_shipments: Option<Vec<Json<'a>>>,
    /// SSCCs used in the last 365 days, kept by the host.
    #[serde(default)]
    pub sscc_ledger: Option<Vec<SsccLedgerEntry>>,
    /// ERP SKU ↔ Amazon identifiers, to match ASN items to PO lines identified differently.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// The delivery appointment at the fulfilment centre, when booked (ASN timing rule).
    #[serde(default)]
    pub appointment_at: Option<Instant>,
    /// The moment of validation (ISO-8601). The core never reads the clock.
    pub now: Instant,
    /// Thresholds and switches of the rules (all optional).
    #[serde(default)]
    pub options: ValidationOptions,
}

/// One SSCC the host has already put on a label and sent in an ASN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SsccLedgerEntry {
    /// 18 digits (or 20 with the "00" application identifier).
    pub sscc: String,
    /// When it was sent.
    pub used_at: Instant,
    /// The ASN it was sent in: a `Replace` of that same ASN may use it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_identifier: Option<String>,
}

/// The output of `validateShipmentConfirmation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidateShipmentConfirmationOutput {
    /// True when no issue is an error (warnings do not block submission).
    pub valid: bool,
    /// Every problem found; `valid` is false when any is an error.
    pub issues: Vec<ShipmentIssue>,
}

/// Validates one ASN. Errors only for input that is not an ASN validation request at all
/// (bad `now`, malformed POs, an unusable SKU map); every problem of the ASN is an issue.
pub fn validate_shipment_confirmation(
    input: ValidateShipmentConfirmationInput<'_>,
) -> Result<ValidateShipmentConfirmationOutput, ShipmentError> {
    let context = Context::new(Sources {
        purchase_orders: input.purchase_orders.as_deref(),
        acknowledgements: input.acknowledgements.as_deref(),
        previous_shipments: input.previous_shipments.as_deref(),
        sscc_ledger: input.sscc_ledger.as_deref(),
        sku_map: &input.sku_map,
        appointment_at: input.appointment_at,
        now: input.now,
        options: &input.options,
    })?;
    let issues = validate_value(&input.shipment_confirmation, &context);
    Ok(ValidateShipmentConfirmationOutput {
        valid: !issues.iter().any(ShipmentIssue::is_error),
        issues,
    })
}

/// Every issue of `asn` (paths relative to the ASN).
pub(crate) fn validate_value(asn: &Json, context: &Context) -> Vec<ShipmentIssue> {
    let mut issues = Vec::new();
    schema::check(
        asn,
        &schema::SHIPMENT_CONFIRMATION,
        &mut String::new(),
        &mut issues,
    );
    if !asn.is_object() {
        return issues;
    }
    let view = AsnView::read(asn);
    let previous = context.previous_views();
    let item_pos = structure::check(&view, context, &mut issues);
    identifiers::check(&view, context, &previous, &mut issues);
    orders::check(&view, &item_pos, context, &previous, &mut issues);
    transport::check(&view, context, &previous, &mut issues);
    replace::check(&view, context, &previous, &mut issues);
    issues
}
