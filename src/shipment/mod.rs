//! Shipment confirmations (ASNs): `buildShipmentConfirmation` turns a warehouse's packing data
//! into a `SubmitShipmentConfirmations` body, and `validateShipmentConfirmation` checks an ASN so
//! that the digital shipment matches the physical one 1:1 (or Amazon charges back).
//!
//! Both report problems a person can fix as [`ShipmentIssue`]s with a JSON pointer to the field;
//! errors ([`ShipmentError`]) are kept for input that cannot be worked on at all.
//!
//! - `schema`: the model's `ShipmentConfirmation` as a table, checked field by field.
//! - `view`: a tolerant read of an ASN held as JSON.
//! - `validator`: structure, identifiers, POs/acknowledgements, transport/time, Replace.
//! - `builder`: packing data → ASN, validated with the same checks before it is returned.
//!
#![doc = include_str!("README.md")]

mod builder;
mod error;
mod issue;
mod options;
mod schema;
mod units;
mod validator;
mod view;

pub use builder::{
    AssignedSscc, BuildContent, BuildShipmentConfirmationInput, BuildShipmentConfirmationOutput,
    PackedCarton, PackedPallet, build_shipment_confirmation,
};
pub use error::ShipmentError;
pub use issue::{IssueSeverity, ShipmentIssue, codes};
pub use options::ValidationOptions;
pub use validator::{
    SsccLedgerEntry, ValidateShipmentConfirmationInput, ValidateShipmentConfirmationOutput,
    validate_shipment_confirmation,
};
