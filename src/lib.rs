//! # vendor-central-connector
//!
//! The decisions of an Amazon Vendor Central connector, written once in Rust and run as
//! WebAssembly inside ERP scripts (NetSuite SuiteScript, Node.js integration platforms,
//! browser forms). The host does the I/O (SP-API calls, ERP records); this crate decides.
//!
//! The core is pure: input in, decision out, no clock reads and no I/O, so the same input
//! always gives byte-identical output.
//!
//! - [`spapi`]: Amazon's wire types, field for field as in the SP-API models.
//! - [`ack`]: purchase order acknowledgements (`decideAcknowledgements`).
//! - [`money`], [`time`]: exact decimals and ISO-8601 instants.
//! - [`error`], [`input`]: stable error codes with JSON-pointer paths, and input parsing.
//!
//! ```
//! use vendor_central_connector::{ack, input};
//! let json = r#"{
//!   "purchaseOrders": [], "inventory": [], "now": "2026-11-22T08:00:00Z"
//! }"#;
//! let out = ack::decide_acknowledgements(input::parse_input(json).unwrap()).unwrap();
//! assert!(out.request.acknowledgements.is_empty());
//! ```

// No panic on any input: the lints that enforce it are in Cargo.toml's [lints] table.

#[macro_use]
pub mod spapi;
pub mod ack;
pub mod catalog;
pub mod chargebacks;
pub mod df;
pub mod df_ack;
pub mod error;
pub mod exceptions;
pub mod exceptions_report;
pub mod fba;
pub mod gs1;
pub mod input;
pub mod inventory_feed;
pub mod invoice;
pub mod json_pointer;
pub mod json_tree;
pub mod limits;
pub mod line_value;
pub mod money;
pub mod outbox;
pub mod output;
pub mod reconcile;
pub mod sales_order;
pub mod scorecard;
pub mod shipment;
pub mod stock;
pub mod time;

/// The WebAssembly boundary (`#[wasm_bindgen]` exports), built only for wasm32. Public so the
/// wasm-bindgen tests can call the exports as JS would.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The library's own version (from Cargo.toml).
pub const LIBRARY_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The Amazon SP-API models this build targets, by model file and API version.
pub const MODEL_VERSIONS: &[(&str, &str)] = &[
    ("vendorOrders", "v1"),
    ("vendorTransactionStatus", "v1"),
    ("vendorDirectFulfillmentOrders", "2021-12-28"),
    ("vendorDirectFulfillmentInventory", "v1"),
    ("fulfillmentOutbound", "2020-07-01"),
    ("fbaInventory", "v1"),
    ("vendorShipments", "v1"),
    ("vendorInvoices", "v1"),
];
