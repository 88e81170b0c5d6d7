//! What `buildShipmentConfirmation` returns.

use serde::Serialize;

use crate::shipment::issue::ShipmentIssue;
use crate::spapi::shipments::SubmitShipmentConfirmationsRequest;

/// The output of `buildShipmentConfirmation`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BuildShipmentConfirmationOutput {
    /// The exact body to POST to SubmitShipmentConfirmations; absent when any issue is an error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<SubmitShipmentConfirmationsRequest>,
    /// Problems, each with `path` pointing into the builder's input (the packing data).
    pub issues: Vec<ShipmentIssue>,
    /// SSCCs generated from `ssccSource`, to print on labels and record in the ledger.
    pub assigned_ssccs: Vec<AssignedSscc>,
    /// The serial reference to pass as `ssccSource.nextSerialReference` next time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_serial_reference: Option<u64>,
}

/// One generated SSCC and the container (JSON pointer into the input) it labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AssignedSscc {
    /// JSON pointer to the carton or pallet the SSCC was generated for.
    pub path: String,
    /// 18 digits.
    pub sscc: String,
}
