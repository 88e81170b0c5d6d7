//! `buildDirectFulfillmentShipmentConfirmations`: from the packed packages of DF orders to the
//! shipping label request (packed, not yet shipped), the shipment confirmations (shipped) and
//! the shipment status updates (vendor's own carrier), each checked field by field.
//!
//! Every issue's `path` points into this function's input, so a form can show it next to the
//! field. An order with an error issue is left out of every request; the others are sent.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::DfError;
use crate::exceptions::{Exception, Severity};
use crate::money::Decimal;
use crate::shipment::{ShipmentIssue, codes};
use crate::spapi::df_orders::{
    DfAddress, DfItemQuantity, DfOrder, DfOrderDetails, DfOrderStatus, DfPartyIdentification,
    DfUnitOfMeasure,
};
use crate::spapi::df_shipping::{
    DfContainer, DfContainerType, DfDimensions, DfLabelFormat, DfPackedItem,
    DfShipmentConfirmation, DfShipmentSchedule, DfShipmentStatus, DfShipmentStatusUpdate,
    DfShippedDetails, DfShippedItem, DfShippingLabel, DfShippingLabelRequest,
    DfStatusUpdateDetails, DfSubmitShipmentConfirmationsRequest,
    DfSubmitShipmentStatusUpdatesRequest, DfSubmitShippingLabelsRequest, DfWeight,
};
use crate::time::{Instant, format_instant, hours, parse_instant, saturating_add};

/// The input of `buildDirectFulfillmentShipmentConfirmations`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildDfShipmentsInput {
    /// The DF orders concerned, as getOrder returns them: their lines, parties and dates.
    pub orders: Vec<DfOrder>,
    /// One per order: its packages, and `shippedDate` once it has left the warehouse.
    #[serde(default)]
    pub shipments: Vec<DfShipmentInput>,
    /// Amazon's shipping labels (getShippingLabel / createShippingLabels answers): their
    /// tracking numbers and ship methods fill the packages they name.
    #[serde(default)]
    pub labels: Vec<DfShippingLabel>,
    /// Package events of a vendor's own carrier, for submitShipmentStatusUpdates.
    #[serde(default)]
    pub status_updates: Vec<DfStatusUpdateInput>,
    /// The moment of the decision (ISO-8601). The core never reads the clock.
    pub now: Instant,
    /// Settings of the shipping flow; all default.
    #[serde(default)]
    pub options: DfShipmentOptions,
}

/// Settings of the shipping flow.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfShipmentOptions {
    /// The vendor ships with its own carrier (VOC): "For vendor own carriers, sending
    /// `scacCode` is mandatory" (DF guide).
    #[serde(default)]
    pub vendor_own_carrier: bool,
    /// Amazon provides the labels: "the container section is optional" in the confirmation
    /// (DF guide); a shipment without packages confirms every line in full.
    #[serde(default)]
    pub amazon_labels: bool,
    /// The status code set of status updates. Default `X12`.
    #[serde(default)]
    pub status_code_set: DfStatusCodeSet,
}

wire_enum! {
    /// Which of the DF guide's two code tables a status update uses.
    #[derive(Default)]
    DfStatusCodeSet {
        /// ANSI X12 codes (`DE`/`AF`, `D1`/`NS`, …); the default.
        #[default]
        X12 = "X12",
        /// EDIFACT codes (`404`/`117`, `301`/`000`, …).
        Edifact = "EDIFACT",
    }
}

wire_enum! {
    /// A package event, named as Vendor Central shows it (DF guide, "statusCode and reasonCode").
    DfPackageEvent {
        /// "Shipment is delayed because of a large scale accident".
        Delayed = "DELAYED",
        /// "Shipment delivered to customer".
        Delivered = "DELIVERED",
        /// "Shipment has departed the FC".
        DepartedFromFc = "DEPARTED_FROM_FC",
        /// "Shipment arrived at a carrier facility".
        InTransit = "IN_TRANSIT",
        /// "Carrier lost the shipment".
        Lost = "LOST",
        /// "Shipment is out for delivery".
        OutForDelivery = "OUT_FOR_DELIVERY",
        /// "Recipient refused to accept the shipment".
        Rejected = "REJECTED",
        /// "Shipment is undeliverable and will be destroyed".
        Undeliverable = "UNDELIVERABLE",
    }
}

impl DfPackageEvent {
    /// (statusCode, reasonCode) in the DF guide's X12 and EDIFACT tables.
    pub fn codes(&self, set: DfStatusCodeSet) -> (&'static str, &'static str) {
        use DfPackageEvent::*;
        let (x12, edifact) = match self {
            Delayed => (("DE", "AF"), ("404", "117")),
            Delivered => (("D1", "NS"), ("301", "000")),
            DepartedFromFc => (("XB", "NS"), ("101", "000")),
            InTransit => (("O1", "NS"), ("201", "000")),
            Lost => (("CA", "PL"), ("409", "000")),
            OutForDelivery => (("OD", "NS"), ("302", "000")),
            Rejected => (("A7", "AM"), ("407", "000")),
            Undeliverable => (("AP", "BG"), ("416", "000")),
        };
        match set {
            DfStatusCodeSet::X12 => x12,
            DfStatusCodeSet::Edifact => edifact,
        }
    }
}

/// One order's shipment.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfShipmentInput {
    /// Amazon's purchase order number of the order shipped (`purchaseOrderNumber`).
    pub purchase_order_number: String,
    /// When the packages left the warehouse (ISO-8601). Absent: packed, waiting for labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped_date: Option<String>,
    /// Default `SHIPPED`; `FLOOR_DENIAL` when the goods turned out not to be there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_status: Option<DfShipmentStatus>,
    /// When the shipment should reach the customer (ISO-8601), sent as
    /// `shipmentDetails.estimatedDeliveryDate`; absent: left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_delivery_date: Option<String>,
    /// The vendor's own order number, sent as `shipmentDetails.vendorOrderNumber`; absent: left
    /// out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_order_number: Option<String>,
    /// The packages (or pallets) of the shipment, sent as `containers`; empty: nothing to confirm
    /// or label yet.
    #[serde(default)]
    pub packages: Vec<DfPackageInput>,
}

/// One package (or pallet) as packed.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfPackageInput {
    /// The vendor's identifier of the package (`containerIdentifier`), unique within the shipment.
    pub container_identifier: String,
    /// Default `Carton`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_type: Option<DfContainerType>,
    /// The carrier's tracking number (`trackingNumber`); absent: taken from Amazon's label for this
    /// package, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Default: the order's ship method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_method: Option<String>,
    /// The carrier's SCAC, 2 to 4 capital letters (`scacCode`); required for vendor own carriers in
    /// North America, absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scac_code: Option<String>,
    /// The carrier's name (`carrier`); required for vendor own carriers in Europe, absent
    /// otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The carrier's manifest identifier (`manifestId`); absent: left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_id: Option<String>,
    /// The date of the manifest (`manifestDate`, ISO-8601); absent: left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_date: Option<String>,
    /// The package's weight (`weight`, kg or lb, more than 0); the model requires it, so a package
    /// without one is an issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<DfWeight>,
    /// The package's dimensions (`dimensions`, in or cm); absent: left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<DfDimensions>,
    /// What the package holds, sent as `packedItems`.
    #[serde(default)]
    pub items: Vec<DfPackageItem>,
}

/// Eaches of one order line in one package.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfPackageItem {
    /// As in the order ("00001").
    pub item_sequence_number: String,
    /// Eaches of the line in this package (`packedQuantity.amount`, unit `Each`).
    pub quantity: u64,
}

/// One package event of a vendor's own carrier.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfStatusUpdateInput {
    /// Amazon's purchase order number of the package's order.
    pub purchase_order_number: String,
    /// The package's tracking number: must be the one sent in the shipment confirmation.
    pub tracking_number: String,
    /// What happened to the package; mapped to Amazon's `statusCode`/`reasonCode` pair in the
    /// configured code set.
    pub event: DfPackageEvent,
    /// ISO-8601.
    pub status_date_time: String,
    /// Where the package is (a carrier facility).
    pub location: DfAddress,
    /// Delivery estimate and appointment window (`shipmentSchedule`), for scheduled-delivery
    /// orders; absent: left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_schedule: Option<DfShipmentSchedule>,
}

/// The output of `buildDirectFulfillmentShipmentConfirmations`. Each request is absent when it
/// would be empty.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BuildDfShipmentsOutput {
    /// The submitShipmentConfirmations body: shipped orders without an error issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<DfSubmitShipmentConfirmationsRequest>,
    /// The submitShippingLabelRequest body: packed orders (no `shippedDate`) without labels
    /// and without an error issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_request: Option<DfSubmitShippingLabelsRequest>,
    /// The submitShipmentStatusUpdates body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_update_request: Option<DfSubmitShipmentStatusUpdatesRequest>,
    /// Each label of `labels`, one per package, as the host stores and prints it.
    pub printable_labels: Vec<DfPrintableLabel>,
    /// Problems, each with `path` into the input; an `error` keeps its order out of requests.
    pub issues: Vec<ShipmentIssue>,
    /// Deadlines missed or at risk (ship by, confirm within 4 hours of shipment).
    pub exceptions: Vec<Exception>,
}

/// One package's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfPrintableLabel {
    /// Amazon's purchase order number of the label's order.
    pub purchase_order_number: String,
    /// Amazon's `LabelData.packageIdentifier` ("001", "002", …); absent when Amazon did not send
    /// it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_identifier: Option<String>,
    /// The carrier's tracking number from the label (`LabelData.trackingNumber`); absent when
    /// Amazon did not send it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Amazon's ship-method code for the package (`LabelData.shipMethod`); absent when Amazon did
    /// not send it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ship_method: Option<String>,
    /// The label's format (`ShippingLabel.labelFormat`): PNG or ZPL.
    pub format: DfLabelFormat,
    /// base64 for PNG, text for ZPL, exactly as Amazon sent it.
    pub content: String,
}

/// "You should use this API to confirm shipment of an order within 4 hours after the order has
/// shipped from your warehouse" (DF guide).
const CONFIRMATION_WINDOW_HOURS: i64 = 4;

/// (tracking number, ship method) of Amazon's label per (purchase order, package identifier).
type Labelled<'a> = BTreeMap<(&'a str, &'a str), (Option<&'a str>, Option<&'a str>)>;

fn at(base: &str, tail: &str) -> String {
    let mut path = String::with_capacity(base.len().saturating_add(tail.len()));
    path.push_str(base);
    path.push_str(tail);
    path
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// The model's `purchaseOrderNumber` pattern `^[a-zA-Z0-9]+$`.
fn valid_po_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Builds and checks every document of the batch.
pub fn build_df_shipments(input: BuildDfShipmentsInput) -> Result<BuildDfShipmentsOutput, DfError> {
    let now = input.now.0;
    let mut orders: BTreeMap<&str, (usize, &DfOrder)> = BTreeMap::new();
    for (index, order) in input.orders.iter().enumerate() {
        orders.insert(order.purchase_order_number.as_str(), (index, order));
    }
    let mut out = BuildDfShipmentsOutput::default();
    // Tracking numbers and ship methods from Amazon's labels, by (order, package).
    let mut labelled: Labelled = BTreeMap::new();
    for label in &input.labels {
        for data in &label.label_data {
            if let Some(package) = data.package_identifier.as_deref() {
                labelled.insert(
                    (label.purchase_order_number.as_str(), package),
                    (data.tracking_number.as_deref(), data.ship_method.as_deref()),
                );
            }
            out.printable_labels.push(DfPrintableLabel {
                purchase_order_number: label.purchase_order_number.clone(),
                package_identifier: data.package_identifier.clone(),
                tracking_number: data.tracking_number.clone(),
                ship_method: data.ship_method.clone(),
                format: label.label_format,
                content: data.content.clone(),
            });
        }
    }

    let mut seen_orders = BTreeSet::new();
    let mut seen_containers = BTreeSet::new();
    // Confirmed tracking numbers per order, for the status updates.
    let mut tracking: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut confirmations = Vec::new();
    let mut label_requests = Vec::new();
    for (i, shipment) in input.shipments.iter().enumerate() {
        let base = format!("/shipments/{i}");
        let number = shipment.purchase_order_number.as_str();
        let mut check = Check {
            issues: Vec::new(),
            number,
        };
        if !valid_po_number(number) {
            check.error(
                codes::MISSING_PURCHASE_ORDER_NUMBER,
                at(&base, "/purchaseOrderNumber"),
                "purchaseOrderNumber must be letters and digits only (the model's pattern)",
            );
        } else if !seen_orders.insert(number) {
            check.error(
                "DUPLICATE_SHIPMENT",
                at(&base, "/purchaseOrderNumber"),
                "a second shipment of this order: every line must be in one confirmation",
            );
        }
        let found = orders.get(number).copied();
        let details = found.and_then(|(_, o)| o.order_details.as_ref());
        let (Some((index, _)), Some(details)) = (found, details) else {
            check.error(
                codes::UNKNOWN_PURCHASE_ORDER,
                at(&base, "/purchaseOrderNumber"),
                "the order (with its orderDetails) is not in `orders`: fetch it with getOrder",
            );
            out.issues.append(&mut check.issues);
            continue;
        };
        if details.order_status == Some(DfOrderStatus::Cancelled) {
            check.error(
                "ORDER_CANCELLED",
                at(&base, "/purchaseOrderNumber"),
                "Amazon cancelled this order: do not ship it",
            );
        }
        let ship_by = parse_instant(&details.shipment_details.shipment_dates.required_ship_date)
            .map_err(|message| {
                DfError::date(
                    format!(
                        "/orders/{index}/orderDetails/shipmentDetails/shipmentDates/requiredShipDate"
                    ),
                    message,
                )
            })?;
        let status = shipment
            .shipment_status
            .unwrap_or(DfShipmentStatus::Shipped);
        let shipped = match shipment.shipped_date.as_deref() {
            None => None,
            Some(text) => match parse_instant(text) {
                Ok(date) => Some(date),
                Err(_) => {
                    check.error(
                        codes::INVALID_DATE,
                        at(&base, "/shippedDate"),
                        "shippedDate is not an ISO-8601 date-time",
                    );
                    None
                }
            },
        };
        let estimated = check.optional_date(
            shipment.estimated_delivery_date.as_deref(),
            &base,
            "/estimatedDeliveryDate",
        );
        if let Some(date) = shipped {
            check_shipped_date(&mut check, &mut out.exceptions, date, ship_by, now, &base);
        } else if shipment.shipped_date.is_none() && now > ship_by {
            out.exceptions.push(
                Exception::for_po(
                    "SHIP_BY_MISSED",
                    Severity::Error,
                    number,
                    "the order's required ship date has passed and it has not shipped: ship it \
                     today or Amazon may cancel it"
                        .to_string(),
                )
                .due(Some(format_instant(&ship_by))),
            );
        }
        if shipment.shipped_date.is_none() && status == DfShipmentStatus::FloorDenial {
            check.error(
                codes::MISSING_SHIPPED_DATE,
                at(&base, "/shippedDate"),
                "a FLOOR_DENIAL confirmation needs shippedDate (the model requires it)",
            );
        }
        let lines = order_lines(
            details,
            &format!("/orders/{index}/orderDetails"),
            &mut check,
        );
        let packed = if status == DfShipmentStatus::FloorDenial {
            Packed::default()
        } else {
            pack(
                shipment,
                details,
                &lines,
                &labelled,
                &input.options,
                shipped.is_some() || shipment.shipped_date.is_some(),
                &base,
                &mut check,
                &mut seen_containers,
            )
        };
        let has_error = check.issues.iter().any(ShipmentIssue::is_error);
        out.issues.append(&mut check.issues);
        if has_error {
            // Not confirmed: no status update of this order can match a tracking number.
            tracking.entry(number).or_default();
            continue;
        }
        let selling_party = DfPartyIdentification::code(&details.selling_party.party_id);
        let ship_from_party = DfPartyIdentification::code(&details.ship_from_party.party_id);
        match (shipped, status) {
            (Some(date), _) => {
                let numbers = tracking.entry(number).or_default();
                for container in &packed.containers {
                    if let Some(t) = &container.tracking_number {
                        numbers.insert(t.clone());
                    }
                }
                confirmations.push(DfShipmentConfirmation {
                    purchase_order_number: number.to_string(),
                    shipment_details: DfShippedDetails {
                        shipped_date: format_instant(&date),
                        shipment_status: status,
                        is_priority_shipment: Some(details.shipment_details.is_priority_shipment),
                        vendor_order_number: shipment.vendor_order_number.clone(),
                        estimated_delivery_date: estimated.as_ref().map(format_instant),
                    },
                    selling_party,
                    ship_from_party,
                    items: lines
                        .iter()
                        .map(|line| DfShippedItem {
                            item_sequence_number: line.sequence,
                            buyer_product_identifier: line.asin.clone(),
                            vendor_product_identifier: line.vendor_id.clone(),
                            shipped_quantity: each(line.ordered),
                        })
                        .collect(),
                    containers: (!packed.containers.is_empty()).then_some(packed.containers),
                });
            }
            (None, DfShipmentStatus::Shipped) if !packed.labelled => {
                label_requests.push(DfShippingLabelRequest {
                    purchase_order_number: number.to_string(),
                    selling_party,
                    ship_from_party,
                    containers: (!packed.containers.is_empty()).then_some(packed.containers),
                });
            }
            _ => {}
        }
    }
    out.request = (!confirmations.is_empty()).then_some(DfSubmitShipmentConfirmationsRequest {
        shipment_confirmations: confirmations,
    });
    out.label_request = (!label_requests.is_empty()).then_some(DfSubmitShippingLabelsRequest {
        shipping_label_requests: label_requests,
    });
    let updates = status_updates(&input, &orders, &tracking, now, &mut out.issues);
    out.status_update_request =
        (!updates.is_empty()).then_some(DfSubmitShipmentStatusUpdatesRequest {
            shipment_status_updates: updates,
        });
    Ok(out)
}

struct Check<'a> {
    issues: Vec<ShipmentIssue>,
    number: &'a str,
}

impl Check<'_> {
    fn error(&mut self, code: &str, path: String, message: &str) {
        self.issues
            .push(ShipmentIssue::error(code, path, message).po(Some(self.number)));
    }

    fn warning(&mut self, code: &str, path: String, message: &str) {
        self.issues
            .push(ShipmentIssue::warning(code, path, message).po(Some(self.number)));
    }

    fn optional_date(
        &mut self,
        text: Option<&str>,
        base: &str,
        field: &str,
    ) -> Option<DateTime<Utc>> {
        let text = text?;
        match parse_instant(text) {
            Ok(date) => Some(date),
            Err(_) => {
                self.error(
                    codes::INVALID_DATE,
                    at(base, field),
                    "not an ISO-8601 date-time",
                );
                None
            }
        }
    }
}

fn each(amount: u64) -> DfItemQuantity {
    DfItemQuantity {
        amount,
        unit_of_measure: Some(DfUnitOfMeasure::Each),
    }
}

/// The timing rules of a shipped order: not in the future (the model), by the required ship
/// date, confirmed within 4 hours.
fn check_shipped_date(
    check: &mut Check,
    exceptions: &mut Vec<Exception>,
    shipped: DateTime<Utc>,
    ship_by: DateTime<Utc>,
    now: DateTime<Utc>,
    base: &str,
) {
    if shipped > now {
        check.error(
            codes::SHIPPED_DATE_IN_FUTURE,
            at(base, "/shippedDate"),
            "\"The shipped date mentioned in the shipment confirmation cannot be in the future\"",
        );
    }
    if shipped > ship_by {
        check.warning(
            "SHIPPED_LATE",
            at(base, "/shippedDate"),
            "shipped after the order's required ship date: a late shipment for the on-time \
             ship rate",
        );
    }
    let due = saturating_add(shipped, hours(CONFIRMATION_WINDOW_HOURS));
    let due_text = format_instant(&due);
    if now > due {
        check.issues.push(
            ShipmentIssue::warning(
                "CONFIRMATION_LATE",
                at(base, "/shippedDate"),
                "more than 4 hours since the order shipped: confirm it now",
            )
            .po(Some(check.number))
            .due(due_text.clone()),
        );
        exceptions.push(
            Exception::for_po(
                "CONFIRMATION_LATE",
                Severity::Warning,
                check.number,
                "the shipment confirmation is due within 4 hours of shipment and is late"
                    .to_string(),
            )
            .due(Some(due_text)),
        );
    }
}

/// One order line as the shipping documents need it.
struct Line {
    key: String,
    sequence: u64,
    asin: Option<String>,
    vendor_id: Option<String>,
    ordered: u64,
}

/// The order's lines with their integer sequence numbers and identifiers.
fn order_lines(details: &DfOrderDetails, base: &str, check: &mut Check) -> Vec<Line> {
    let mut lines = Vec::with_capacity(details.items.len());
    for (j, item) in details.items.iter().enumerate() {
        let key = item.item_sequence_number.trim();
        let Ok(sequence) = key.parse::<u64>() else {
            check.error(
                "INVALID_ITEM_SEQUENCE_NUMBER",
                format!("{base}/items/{j}/itemSequenceNumber"),
                "an order line's itemSequenceNumber is not a number: the shipping model needs \
                 an integer",
            );
            continue;
        };
        if blank(item.buyer_product_identifier.as_deref())
            && blank(item.vendor_product_identifier.as_deref())
        {
            check.error(
                codes::MISSING_PRODUCT_IDENTIFIER,
                format!("{base}/items/{j}"),
                "an order line has neither buyerProductIdentifier nor vendorProductIdentifier",
            );
        }
        lines.push(Line {
            key: key.to_string(),
            sequence,
            asin: item.buyer_product_identifier.clone(),
            vendor_id: item.vendor_product_identifier.clone(),
            ordered: item.ordered_quantity.amount,
        });
    }
    lines
}

#[derive(Default)]
struct Packed {
    containers: Vec<DfContainer>,
    /// Every package has a label from Amazon already.
    labelled: bool,
}

/// The packages as wire containers, every check of a package and of the order's totals.
#[allow(clippy::too_many_arguments)]
fn pack<'a>(
    shipment: &'a DfShipmentInput,
    details: &DfOrderDetails,
    lines: &[Line],
    labelled: &Labelled,
    options: &DfShipmentOptions,
    shipped: bool,
    base: &str,
    check: &mut Check,
    seen_containers: &mut BTreeSet<&'a str>,
) -> Packed {
    let mut packed = Packed {
        containers: Vec::with_capacity(shipment.packages.len()),
        labelled: !shipment.packages.is_empty(),
    };
    if shipment.packages.is_empty() {
        if !options.amazon_labels {
            check.error(
                codes::EMPTY_SHIPMENT,
                at(base, "/packages"),
                "no packages: list what is in each package (or set options.amazonLabels when \
                 Amazon provides the labels)",
            );
        }
        packed.labelled = false;
        return packed;
    }
    let by_key: BTreeMap<&str, &Line> = lines.iter().map(|l| (l.key.as_str(), l)).collect();
    let mut packed_eaches: BTreeMap<&str, u64> = BTreeMap::new();
    let mut packages_of: BTreeMap<&str, u64> = BTreeMap::new();
    let multi_box = shipment.packages.len() > 1;
    for (k, package) in shipment.packages.iter().enumerate() {
        let pbase = format!("{base}/packages/{k}");
        let id = package.container_identifier.trim();
        if id.is_empty() {
            check.error(
                codes::MISSING_REQUIRED_FIELD,
                at(&pbase, "/containerIdentifier"),
                "every package needs a containerIdentifier",
            );
        } else if !seen_containers.insert(id) {
            check.error(
                "DUPLICATE_CONTAINER",
                at(&pbase, "/containerIdentifier"),
                "this containerIdentifier is already used by another package of the batch",
            );
        }
        let from_label = labelled.get(&(shipment.purchase_order_number.as_str(), id));
        packed.labelled &= from_label.is_some();
        let tracking = package
            .tracking_number
            .clone()
            .or_else(|| from_label.and_then(|l| l.0).map(str::to_string));
        if shipped && blank(tracking.as_deref()) && !options.amazon_labels {
            check.error(
                codes::MISSING_TRACKING_NUMBER,
                at(&pbase, "/trackingNumber"),
                "a shipped package needs its tracking number (status updates must match it)",
            );
        }
        let ship_method = package
            .ship_method
            .clone()
            .or_else(|| from_label.and_then(|l| l.1).map(str::to_string))
            .or_else(|| {
                Some(details.shipment_details.ship_method.clone()).filter(|m| !m.trim().is_empty())
            });
        if shipped && ship_method.is_none() {
            check.error(
                "MISSING_SHIP_METHOD",
                at(&pbase, "/shipMethod"),
                "\"This property is required when calling the submitShipmentConfirmations \
                 operation\"",
            );
        }
        match package.scac_code.as_deref() {
            Some(scac)
                if !(2..=4).contains(&scac.len())
                    || !scac.bytes().all(|b| b.is_ascii_uppercase()) =>
            {
                check.error(
                    codes::INVALID_SCAC,
                    at(&pbase, "/scacCode"),
                    "a SCAC is 2 to 4 capital letters (not a carrier name)",
                );
            }
            None if shipped && options.vendor_own_carrier => check.error(
                codes::MISSING_SCAC,
                at(&pbase, "/scacCode"),
                "\"For vendor own carriers, sending scacCode is mandatory\"",
            ),
            _ => {}
        }
        let weight = match &package.weight {
            None => {
                check.error(
                    codes::MISSING_REQUIRED_FIELD,
                    at(&pbase, "/weight"),
                    "the model requires each container's weight",
                );
                None
            }
            Some(w) if w.value.is_zero() || w.value.is_negative() => {
                check.error(
                    "INVALID_WEIGHT",
                    at(&pbase, "/weight/value"),
                    "the weight must be more than 0",
                );
                None
            }
            Some(w) => Some(w.clone()),
        };
        if let Some(d) = &package.dimensions {
            if [d.length, d.width, d.height]
                .iter()
                .any(|v: &Decimal| v.is_zero() || v.is_negative())
            {
                check.error(
                    "INVALID_DIMENSIONS",
                    at(&pbase, "/dimensions"),
                    "length, width and height must be more than 0",
                );
            }
        }
        if package.items.is_empty() {
            check.error(
                codes::EMPTY_SHIPMENT,
                at(&pbase, "/items"),
                "an empty package: list the order lines it holds",
            );
        }
        let mut packed_items = Vec::with_capacity(package.items.len());
        for (m, item) in package.items.iter().enumerate() {
            let ibase = format!("{pbase}/items/{m}");
            let key = item.item_sequence_number.trim();
            let Some(line) = by_key.get(key) else {
                check.error(
                    codes::ITEM_NOT_ON_PURCHASE_ORDER,
                    at(&ibase, "/itemSequenceNumber"),
                    "no line of the order has this itemSequenceNumber",
                );
                continue;
            };
            if item.quantity == 0 {
                check.error(
                    codes::INVALID_QUANTITY,
                    at(&ibase, "/quantity"),
                    "a packed quantity must be at least 1",
                );
            }
            let total = packed_eaches.entry(line.key.as_str()).or_insert(0);
            *total = total.saturating_add(item.quantity);
            let pieces = packages_of.entry(line.key.as_str()).or_insert(0);
            *pieces = pieces.saturating_add(1);
            packed_items.push(DfPackedItem {
                item_sequence_number: line.sequence,
                buyer_product_identifier: line.asin.clone(),
                piece_number: Some(*pieces),
                vendor_product_identifier: line.vendor_id.clone(),
                packed_quantity: each(item.quantity),
            });
        }
        if let Some(weight) = weight {
            packed.containers.push(DfContainer {
                container_type: package.container_type.unwrap_or(DfContainerType::Carton),
                container_identifier: id.to_string(),
                tracking_number: tracking.filter(|_| shipped),
                manifest_id: package.manifest_id.clone(),
                manifest_date: package.manifest_date.clone(),
                ship_method,
                scac_code: package.scac_code.clone(),
                carrier: package.carrier.clone(),
                // "must be submitted for multi-box shipments only".
                container_sequence_number: multi_box
                    .then(|| u64::try_from(k).unwrap_or(u64::MAX).saturating_add(1)),
                dimensions: package.dimensions.clone(),
                weight,
                packed_items,
            });
        }
    }
    // "pieceNumber … is required when the item is split across different containers": kept
    // only for lines in more than one package.
    for container in &mut packed.containers {
        for item in &mut container.packed_items {
            let key = lines
                .iter()
                .find(|l| l.sequence == item.item_sequence_number)
                .map(|l| l.key.as_str());
            if key.and_then(|k| packages_of.get(k)).copied().unwrap_or(0) < 2 {
                item.piece_number = None;
            }
        }
    }
    // "All the purchase order line items should be present in the shipment confirmation.
    // Partial order fulfillment is not allowed."
    for line in lines {
        let got = packed_eaches.get(line.key.as_str()).copied().unwrap_or(0);
        if got < line.ordered {
            check.error(
                "INCOMPLETE_SHIPMENT",
                at(base, "/packages"),
                "not every ordered each is packed: DF orders ship complete (fill or kill), or \
                 are confirmed as FLOOR_DENIAL",
            );
        } else if got > line.ordered {
            check.error(
                codes::OVERAGE,
                at(base, "/packages"),
                "more eaches packed than ordered for a line",
            );
        }
    }
    packed
}

/// The status updates: known order, confirmed tracking number, dates.
fn status_updates(
    input: &BuildDfShipmentsInput,
    orders: &BTreeMap<&str, (usize, &DfOrder)>,
    tracking: &BTreeMap<&str, BTreeSet<String>>,
    now: DateTime<Utc>,
    issues: &mut Vec<ShipmentIssue>,
) -> Vec<DfShipmentStatusUpdate> {
    let mut updates = Vec::new();
    for (k, update) in input.status_updates.iter().enumerate() {
        let base = format!("/statusUpdates/{k}");
        let number = update.purchase_order_number.as_str();
        let mut check = Check {
            issues: Vec::new(),
            number,
        };
        let details = orders
            .get(number)
            .and_then(|(_, o)| o.order_details.as_ref());
        if details.is_none() {
            check.error(
                codes::UNKNOWN_PURCHASE_ORDER,
                at(&base, "/purchaseOrderNumber"),
                "the order (with its orderDetails) is not in `orders`",
            );
        }
        if blank(Some(&update.tracking_number)) {
            check.error(
                codes::MISSING_TRACKING_NUMBER,
                at(&base, "/trackingNumber"),
                "\"The shipment tracking number is required for every package\"",
            );
        } else if let Some(confirmed) = tracking.get(number) {
            if !confirmed.contains(update.tracking_number.trim()) {
                check.error(
                    "TRACKING_NUMBER_NOT_CONFIRMED",
                    at(&base, "/trackingNumber"),
                    "\"The trackingNumber in the shipment status API should match 100% with the \
                     trackingNumber provided in the shipment confirmation\"",
                );
            }
        }
        match parse_instant(&update.status_date_time) {
            Ok(date) if date > now => check.error(
                "STATUS_DATE_IN_FUTURE",
                at(&base, "/statusDateTime"),
                "a status cannot be reported before it happens",
            ),
            Ok(_) => {}
            Err(_) => check.error(
                codes::INVALID_DATE,
                at(&base, "/statusDateTime"),
                "statusDateTime is not an ISO-8601 date-time",
            ),
        }
        if update.location.country_code.trim().is_empty() {
            check.error(
                codes::MISSING_REQUIRED_FIELD,
                at(&base, "/location/countryCode"),
                "the model requires the status location's countryCode",
            );
        }
        let scheduled = details
            .and_then(|d| d.shipment_details.is_scheduled_delivery_shipment)
            .unwrap_or(false);
        if scheduled && update.shipment_schedule.is_none() {
            check.warning(
                "MISSING_SHIPMENT_SCHEDULE",
                at(&base, "/shipmentSchedule"),
                "\"For scheduled delivery orders, vendors should send the shipmentSchedule\"",
            );
        }
        let has_error = check.issues.iter().any(ShipmentIssue::is_error);
        issues.append(&mut check.issues);
        let (Some(details), false) = (details, has_error) else {
            continue;
        };
        let (status_code, reason_code) = update.event.codes(input.options.status_code_set);
        updates.push(DfShipmentStatusUpdate {
            purchase_order_number: number.to_string(),
            selling_party: DfPartyIdentification::code(&details.selling_party.party_id),
            ship_from_party: DfPartyIdentification::code(&details.ship_from_party.party_id),
            status_update_details: DfStatusUpdateDetails {
                tracking_number: update.tracking_number.trim().to_string(),
                status_code: status_code.to_string(),
                reason_code: reason_code.to_string(),
                status_date_time: parse_instant(&update.status_date_time)
                    .map(|d| format_instant(&d))
                    .unwrap_or_default(),
                status_location_address: update.location.clone(),
                shipment_schedule: update.shipment_schedule.clone(),
            },
        });
    }
    updates
}
