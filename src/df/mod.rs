#![doc = include_str!("README.md")]

mod error;
mod invoice;
mod sales_order;
mod shipment;

pub use error::DfError;
pub use invoice::{BuildDfInvoicesInput, BuildDfInvoicesOutput, build_df_invoices};
pub use sales_order::{
    DF_CUSTOM_FIELDS, DfCloseOrder, DfSalesOrder, DfSalesOrderLine, ToDfSalesOrdersInput,
    ToDfSalesOrdersOutput, to_df_sales_orders,
};
pub use shipment::{
    BuildDfShipmentsInput, BuildDfShipmentsOutput, DfPackageEvent, DfPackageInput, DfPackageItem,
    DfPrintableLabel, DfShipmentInput, DfShipmentOptions, DfStatusCodeSet, DfStatusUpdateInput,
    build_df_shipments,
};
