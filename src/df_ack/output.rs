//! What `decideDirectFulfillmentAcknowledgements` returns.

use serde::Serialize;

use crate::exceptions::Exception;
use crate::spapi::df_orders::{DfAcknowledgementStatus, DfSubmitAcknowledgementRequest};

/// The output of `decideDirectFulfillmentAcknowledgements`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DecideDfAcknowledgementsOutput {
    /// The exact body to POST to the DF submitAcknowledgement (2021-12-28).
    pub request: DfSubmitAcknowledgementRequest,
    /// One decision per input order, in input order, each with its lines.
    pub decisions: Vec<DfOrderDecision>,
    /// Stock the ERP must reserve, in eaches, per SKU and order line (accepted orders only).
    pub allocations: Vec<DfAllocation>,
    /// Every cancellation, block and deadline problem, with PO, line, SKU, money at risk and due
    /// time.
    pub exceptions: Vec<Exception>,
}

wire_enum! {
    /// What happened to an order in this run.
    DfDecisionStatus {
        /// In `request`: acknowledged (accepted or cancelled) when the host submits it.
        Acknowledged = "acknowledged",
        /// Nothing to send: not a NEW order, or a second copy of an order already in the batch.
        Skipped = "skipped",
        /// Cannot be acknowledged until a person fixes the input (see `exceptions`).
        Blocked = "blocked",
    }
}

wire_enum! {
    /// Why an order was decided as it was. The codes that are sent to Amazon map to one
    /// acknowledgement status code of the DF guide each (see [`DfOrderCode::acknowledgement`]).
    DfOrderCode {
        /// `00`: every line is allocated in full.
        Accepted = "ACCEPTED",
        /// `02`: a line's product is unknown to the ERP, or the line has no product identifier.
        UnknownProduct = "UNKNOWN_PRODUCT",
        /// `03`: not enough allocatable stock for every line (fill or kill).
        OutOfStock = "OUT_OF_STOCK",
        /// `04`: two different orders in the batch share this purchase order number (with
        /// `options.duplicateShipIds: "cancel"`).
        DuplicateShipId = "DUPLICATE_SHIP_ID",
        /// `05`: bill-to location missing or unknown (`rules.billToLocations`).
        InvalidBillToLocation = "INVALID_BILL_TO_LOCATION",
        /// `06`: ship-from location missing or unknown (`rules.shipFromLocations`).
        InvalidShipFromLocation = "INVALID_SHIP_FROM_LOCATION",
        /// `07`.
        MissingShipToName = "MISSING_SHIP_TO_NAME",
        /// `08`: missing, or longer than `rules.maxAddressLineLength`.
        InvalidShipToAddressLine1 = "INVALID_SHIP_TO_ADDRESS_LINE1",
        /// `09`.
        MissingShipToCity = "MISSING_SHIP_TO_CITY",
        /// `10`.
        MissingShipToState = "MISSING_SHIP_TO_STATE",
        /// `11`.
        MissingShipToPostalCode = "MISSING_SHIP_TO_POSTAL_CODE",
        /// `12`.
        MissingShipToCountryCode = "MISSING_SHIP_TO_COUNTRY_CODE",
        /// `13`: ship method missing or not in `rules.shipMethods`.
        InvalidShipMethod = "INVALID_SHIP_METHOD",
        /// `20`: a line's `netPrice` is missing, zero or negative.
        InvalidUnitPrice = "INVALID_UNIT_PRICE",
        /// `21`: longer than `rules.maxAddressLineLength`.
        InvalidShipToAddressLine2 = "INVALID_SHIP_TO_ADDRESS_LINE2",
        /// `22`: longer than `rules.maxAddressLineLength`.
        InvalidShipToAddressLine3 = "INVALID_SHIP_TO_ADDRESS_LINE3",
        /// `50`: ships to a region in `rules.noTaxNexus`.
        NoTaxNexus = "NO_TAX_NEXUS",
        /// `51`: a restricted SKU, or more than `rules.maxQuantityPerOrder`.
        RestrictedProduct = "RESTRICTED_PRODUCT",
        /// `53`: a USPS ship method above `rules.uspsMaxOrderValue`.
        UspsValueLimit = "USPS_VALUE_LIMIT",
        /// `55`: no `customerOrderNumber` (the guide's AmazonOrderID).
        MissingCustomerOrderNumber = "MISSING_CUSTOMER_ORDER_NUMBER",
        /// `56`: a line without `itemSequenceNumber` (the guide's LineItemId).
        MissingLineId = "MISSING_LINE_ID",
        /// `71`: a discontinued SKU (`rules.discontinued`).
        Discontinued = "DISCONTINUED",
        /// Skipped: the order's status is not `NEW` (already accepted, shipped or cancelled).
        NotNew = "NOT_NEW",
        /// Skipped: an identical copy of an order earlier in the batch (overlapping pages).
        DuplicateCopy = "DUPLICATE_COPY",
        /// Blocked: two different orders in the batch share this purchase order number (with
        /// `options.duplicateShipIds: "block"`, the default).
        DuplicatePurchaseOrder = "DUPLICATE_PURCHASE_ORDER",
        /// Blocked: no `orderDetails` (fetched with `includeDetails=false`).
        DetailsMissing = "DETAILS_MISSING",
        /// Blocked: the purchase order number is blank, so no acknowledgement can refer to it.
        MissingPurchaseOrderNumber = "MISSING_PURCHASE_ORDER_NUMBER",
        /// Blocked: no vendor code in the order or the input.
        MissingSellingParty = "MISSING_SELLING_PARTY",
        /// Blocked: no warehouse code in the order or the input.
        MissingShipFromParty = "MISSING_SHIP_FROM_PARTY",
        /// Blocked: the order has no lines.
        NoItems = "NO_ITEMS",
        /// Blocked: a line orders zero (an acknowledged quantity may not be zero).
        ZeroQuantity = "ZERO_QUANTITY",
    }
}

impl DfOrderCode {
    /// The acknowledgement status this code sends, exactly as the DF guide words it; `None` for
    /// orders that are skipped or blocked. Code `54` (missing AmazonShipID, i.e. purchase order
    /// number) is never sent: an acknowledgement without that number cannot be matched, so the
    /// order is blocked instead ([`DfOrderCode::MissingPurchaseOrderNumber`]).
    pub fn acknowledgement(&self) -> Option<(&'static str, &'static str)> {
        use DfOrderCode::*;
        Some(match self {
            Accepted => ("00", "Shipping 100 percent of ordered product"),
            UnknownProduct => ("02", "Canceled due to missing/invalid SKU"),
            OutOfStock => ("03", "Canceled out of stock"),
            DuplicateShipId => ("04", "Canceled due to duplicate Amazon Ship ID"),
            InvalidBillToLocation => (
                "05",
                "Canceled due to missing/invalid Bill To Location Code",
            ),
            InvalidShipFromLocation => (
                "06",
                "Canceled due to missing/invalid Ship From Location Code",
            ),
            MissingShipToName => (
                "07",
                "Canceled due to missing/invalid Customer Ship to Name",
            ),
            InvalidShipToAddressLine1 => (
                "08",
                "Canceled due to missing/invalid Customer Ship to Address Line 1",
            ),
            MissingShipToCity => (
                "09",
                "Canceled due to missing/invalid Customer Ship to City",
            ),
            MissingShipToState => (
                "10",
                "Canceled due to missing/invalid Customer Ship to State",
            ),
            MissingShipToPostalCode => (
                "11",
                "Canceled due to missing/invalid Customer Ship to Postal Code",
            ),
            MissingShipToCountryCode => (
                "12",
                "Canceled due to missing/invalid Customer Ship to Country Code",
            ),
            InvalidShipMethod => (
                "13",
                "Canceled due to missing/invalid Shipping Carrier/Shipping Method",
            ),
            InvalidUnitPrice => ("20", "Canceled due to missing/invalid Unit Price"),
            InvalidShipToAddressLine2 => (
                "21",
                "Canceled due to missing/invalid Ship to Address Line 2",
            ),
            InvalidShipToAddressLine3 => (
                "22",
                "Canceled due to missing/invalid Ship to Address Line 3",
            ),
            NoTaxNexus => ("50", "Canceled due to Tax Nexus Issue"),
            RestrictedProduct => ("51", "Canceled due to Restricted SKU/Qty"),
            UspsValueLimit => ("53", "Canceled due to USPS >$400"),
            MissingCustomerOrderNumber => ("55", "Canceled due to Missing AmazonOrderID"),
            MissingLineId => ("56", "Canceled due to Missing LineItemId"),
            Discontinued => ("71", "Canceled due to discontinued item"),
            NotNew
            | DuplicateCopy
            | DuplicatePurchaseOrder
            | DetailsMissing
            | MissingPurchaseOrderNumber
            | MissingSellingParty
            | MissingShipFromParty
            | NoItems
            | ZeroQuantity => return None,
        })
    }
}

wire_enum! {
    /// What happened to one line.
    DfLineCode {
        /// Stock taken for the full ordered quantity.
        Allocated = "ALLOCATED",
        /// Not enough allocatable stock left for this line.
        OutOfStock = "OUT_OF_STOCK",
        /// No ERP item matches the line's identifiers (or it has none).
        UnknownProduct = "UNKNOWN_PRODUCT",
        /// The SKU is discontinued (status `71`).
        Discontinued = "DISCONTINUED",
        /// The SKU is restricted (status `51`).
        Restricted = "RESTRICTED",
        /// More than `rules.maxQuantityPerOrder` for the SKU.
        QuantityLimit = "QUANTITY_LIMIT",
        /// `netPrice` missing, zero or negative.
        InvalidUnitPrice = "INVALID_UNIT_PRICE",
        /// No `itemSequenceNumber`.
        MissingLineId = "MISSING_LINE_ID",
        /// Orders zero.
        ZeroQuantity = "ZERO_QUANTITY",
        /// The line is fine, but the order is not accepted (fill or kill), so no stock is taken.
        NotAllocated = "NOT_ALLOCATED",
    }
}

/// The decision for one order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfOrderDecision {
    /// Amazon's purchase order number (the DF order number).
    pub purchase_order_number: String,
    /// Sent (accepted or cancelled), skipped or blocked.
    pub status: DfDecisionStatus,
    /// The order's stable code (`ACCEPTED`, `OUT_OF_STOCK`, …).
    pub code: DfOrderCode,
    /// What is sent to Amazon for this order (absent unless `status` is `acknowledged`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledgement_status: Option<DfAcknowledgementStatus>,
    /// Why, in words a person can check against the ERP. Never contains the customer's data.
    pub reason: String,
    /// Every problem found, in precedence order; the first decides `code`.
    pub findings: Vec<DfOrderCode>,
    /// 24 hours after the order date: the acknowledgement deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// One entry per line of the order.
    pub lines: Vec<DfLineDecision>,
}

/// The decision for one order line. Quantities are eaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfLineDecision {
    /// The line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// The ERP SKU the line was matched to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// The line's ASIN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Ordered, in eaches.
    pub ordered_quantity: u64,
    /// Allocated, in eaches (the whole line, or nothing).
    pub allocated_quantity: u64,
    /// The line's stable code.
    pub code: DfLineCode,
    /// The line's decision in words.
    pub reason: String,
}

/// Stock taken by one line of an accepted order, in eaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfAllocation {
    /// The ERP SKU the stock is taken from.
    pub sku: String,
    /// The order the stock is reserved for.
    pub purchase_order_number: String,
    /// The line the stock is reserved for.
    pub item_sequence_number: String,
    /// Eaches reserved.
    pub quantity_eaches: u64,
}
