//! Purchase order → ERP sales order (`toSalesOrders`), and PO changes (`diffPurchaseOrder`).
//!
//! The sales order is ERP-neutral: the PO number is its external key, lines carry the ERP item
//! from the `skuMap`, quantities in eaches and in the PO's unit, the PO's net cost as unit price,
//! the ship/delivery windows, and a status from the auto-acknowledge settings. The NetSuite
//! preset (`preset: "netsuite"`) also emits each as a `salesorder` record.
//!
#![doc = include_str!("README.md")]

mod diff;
mod engine;
mod error;
mod input;
pub(crate) mod mappings;
pub(crate) mod netsuite;
mod output;

pub use diff::{apply_changes, diff_purchase_order};
pub use engine::to_sales_orders;
pub use error::SalesOrderError;
pub use input::{
    CustomerMapping, DiffPurchaseOrderInput, LocationMapping, Preset, SalesOrderSkuRule,
    ToSalesOrdersInput,
};
pub use netsuite::CUSTOM_FIELDS as NETSUITE_CUSTOM_FIELDS;
pub use output::{
    CancelledLine, ChangeKind, DiffPurchaseOrderOutput, ErpRecord, NotCreated, OmittedLine,
    PoChange, Reacknowledgement, ReacknowledgementLine, ReacknowledgementReason, SalesOrder,
    SalesOrderLine, SalesOrderStatus, ToSalesOrdersOutput, Window,
};
