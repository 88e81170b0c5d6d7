//! What `reconcile` reads.

use serde::Deserialize;

use super::remittance::{RemittanceCsv, RemittanceRow};
use crate::catalog::SkuMapping;
use crate::error::InputError;
use crate::invoice::shipped::{AsnRecord, FulfilmentRow};
use crate::money::Decimal;
use crate::spapi::invoices::Invoice;
use crate::spapi::orders::{Order, OrderAcknowledgement};
use crate::spapi::orders_status::OrderStatus;
use crate::time::Instant;

/// Reconciliation reads a month of a large vendor's documents at once, far beyond the 16 MiB
/// of the other engines: up to 512 MiB of JSON (about the longest string a JS engine builds).
pub const RECONCILE_MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;

/// The input of `reconcile`: every document of the order-to-cash chain, keyed by PO number.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReconcileInput {
    /// Amazon `Order` objects (getPurchaseOrders).
    pub purchase_orders: Vec<Order>,
    /// The acknowledgements sent (submitAcknowledgement `acknowledgements`).
    #[serde(default)]
    pub acknowledgements: Vec<OrderAcknowledgement>,
    /// The ASNs sent (vendorShipments `ShipmentConfirmation`s).
    #[serde(default)]
    pub shipments: Vec<AsnRecord>,
    /// What the ERP says shipped (to find shipments without an ASN and the reverse).
    #[serde(default)]
    pub fulfilments: Vec<FulfilmentRow>,
    /// getPurchaseOrdersStatus `ordersStatus` entries: what Amazon received per line.
    #[serde(default)]
    pub receipts: Vec<OrderStatus>,
    /// The invoices and credit notes submitted (submitInvoices `invoices`).
    #[serde(default)]
    pub invoices: Vec<Invoice>,
    /// Remittance rows already mapped by the host.
    #[serde(default)]
    pub remittances: Vec<RemittanceRow>,
    /// Remittance CSV text (Vendor Central export or flattened EDI 820) and how to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remittance_csv: Option<RemittanceCsv>,
    /// ERP SKU ↔ Amazon identifiers (to place ERP fulfilment rows that only carry an ERP SKU).
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// The moment of the reconciliation (ISO-8601). The core never reads the clock.
    pub now: Instant,
    /// Dispute windows, grace periods and tolerances.
    #[serde(default)]
    pub options: ReconcileOptions,
}

/// Windows and tolerances, all configurable (third-party figures change over time).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReconcileOptions {
    /// Days to dispute a deduction or claim once raised. Default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_window_days: Option<u32>,
    /// Days before an invoice's due date that Amazon raises shortage and price claims. Default 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_lead_days: Option<u32>,
    /// Days after shipping after which what is not received counts as a shortage rather than
    /// in transit. Default 14.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_grace_days: Option<u32>,
    /// Payment terms when an invoice has none (`netDueDays`). Default 60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_net_due_days: Option<u32>,
    /// Days after the ship/delivery window ends before an accepted, unshipped line is flagged.
    /// Default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_grace_days: Option<u32>,
    /// Days after shipping before a shipped, uninvoiced quantity is flagged. Default 7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_after_days: Option<u32>,
    /// Per-unit cost difference tolerated between invoice and PO. Default 0 (exact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_tolerance: Option<Decimal>,
}

/// The effective options, defaults filled in.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub dispute_window_days: i64,
    pub claim_lead_days: i64,
    pub receipt_grace_days: i64,
    pub default_net_due_days: i64,
    pub ship_grace_days: i64,
    pub invoice_after_days: i64,
    pub price_tolerance: Decimal,
}

impl From<&ReconcileOptions> for Settings {
    fn from(o: &ReconcileOptions) -> Self {
        Settings {
            dispute_window_days: i64::from(o.dispute_window_days.unwrap_or(30)),
            claim_lead_days: i64::from(o.claim_lead_days.unwrap_or(5)),
            receipt_grace_days: i64::from(o.receipt_grace_days.unwrap_or(14)),
            default_net_due_days: i64::from(o.default_net_due_days.unwrap_or(60)),
            ship_grace_days: i64::from(o.ship_grace_days.unwrap_or(0)),
            invoice_after_days: i64::from(o.invoice_after_days.unwrap_or(7)),
            price_tolerance: o.price_tolerance.unwrap_or(Decimal::ZERO),
        }
    }
}

/// Parses a reconcile input: the top level must be an object, up to
/// [`RECONCILE_MAX_INPUT_BYTES`].
pub fn parse_reconcile_input(text: &str) -> Result<ReconcileInput, InputError> {
    if text.len() > RECONCILE_MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            actual: text.len(),
            limit: RECONCILE_MAX_INPUT_BYTES,
        });
    }
    let kind = match text.trim_start().chars().next() {
        Some('{') => return crate::input::parse_json_with_limit(text, RECONCILE_MAX_INPUT_BYTES),
        Some('[') => "an array",
        Some('"') => "a string",
        Some('n') => "null",
        Some('t' | 'f') => "a boolean",
        Some(c) if c == '-' || c.is_ascii_digit() => "a number",
        _ => {
            return Err(InputError::InvalidJson {
                message: "expected a JSON object".to_string(),
            });
        }
    };
    Err(InputError::InvalidType {
        path: String::new(),
        message: format!("invalid type: {kind}, expected an object"),
    })
}
