//! `applyFulfillmentEvent`: a package's next state after Amazon answers (or a person decides),
//! the tracking to post to the channel the order came from, and whether the order has shipped.
//!
//! Applying the same event twice gives the same package; tracking already on the package is not
//! propagated again.

use std::collections::{BTreeMap, BTreeSet};

use super::error::{FbaError, invalid_value};
use super::input::{
    ApplyFulfillmentEventInput, FulfillmentEvent, OwnShipment, RecreateFromOwnStock,
};
use super::output::{ApplyFulfillmentEventOutput, OrderShipmentStatus, TrackingUpdate};
use super::package::{FulfilledBy, Package, PackageLine, PackageStatus, Tracking, carrier_export};
use super::route::describe;
use crate::exceptions::{Exception, Severity};
use crate::spapi::ApiError;
use crate::spapi::fulfillment_outbound::{
    CurrentStatus, FulfillmentOrderStatus, FulfillmentShipmentStatus, GetFulfillmentOrderResponse,
    GetPackageTrackingDetailsResponse,
};

/// Amazon error codes that say "try again", not "this order cannot be fulfilled".
const TRANSIENT_ERROR_CODES: &[&str] = &[
    "QuotaExceeded",
    "RequestThrottled",
    "InternalFailure",
    "ServiceUnavailable",
    "Unavailable",
];

/// Applies one event to one package. The events are in `src/fba/README.md` (the module documentation).
pub fn apply_fulfillment_event(
    input: ApplyFulfillmentEventInput,
) -> Result<ApplyFulfillmentEventOutput, FbaError> {
    let ApplyFulfillmentEventInput {
        package,
        event,
        other_packages,
    } = input;
    check_other_packages(&package, &other_packages)?;
    let mut step = Step {
        package,
        recreated: None,
        tracking_to_propagate: Vec::new(),
        notes: Vec::new(),
        exceptions: Vec::new(),
    };
    match &event {
        FulfillmentEvent::CreateFulfillmentOrder(response) => {
            step.require(FulfilledBy::Fba, "/event/createFulfillmentOrder")?;
            match response.errors.as_deref() {
                Some(errors) if !errors.is_empty() => {
                    step.amazon_errors("createFulfillmentOrder", errors)
                }
                _ => step.note(format!(
                    "Amazon accepted fulfillment order {}.",
                    step.seller_fulfillment_order_id()
                )),
            }
        }
        FulfillmentEvent::FulfillmentOrder(response) => {
            step.require(FulfilledBy::Fba, "/event/fulfillmentOrder")?;
            step.fulfillment_order(response)?;
        }
        FulfillmentEvent::PackageTracking(response) => {
            step.require(FulfilledBy::Fba, "/event/packageTracking")?;
            step.package_tracking(response)?;
        }
        FulfillmentEvent::RecreateFromOwnStock(decision) => {
            step.require(FulfilledBy::Fba, "/event/recreateFromOwnStock")?;
            step.recreate(decision, &other_packages)?;
        }
        FulfillmentEvent::ShippedByOwnCarrier(shipment) => {
            step.require(FulfilledBy::OwnWarehouse, "/event/shippedByOwnCarrier")?;
            step.own_shipment(shipment);
        }
    }

    let mut order_packages: Vec<&Package> = vec![&step.package];
    order_packages.extend(step.recreated.as_ref());
    order_packages.extend(other_packages.iter());
    let order_status = order_status(&order_packages);
    let carrier_export = step
        .recreated
        .as_ref()
        .map(|p| carrier_export(std::slice::from_ref(p)))
        .unwrap_or_default();
    Ok(ApplyFulfillmentEventOutput {
        package: step.package,
        recreated: step.recreated,
        tracking_to_propagate: step.tracking_to_propagate,
        carrier_export,
        order_fully_shipped: order_status == OrderShipmentStatus::Shipped,
        order_status,
        notes: step.notes,
        exceptions: step.exceptions,
    })
}

/// The other packages must belong to the same order, and no package id may repeat.
fn check_other_packages(package: &Package, others: &[Package]) -> Result<(), FbaError> {
    let mut ids = BTreeSet::from([package.package_id.clone()]);
    for (i, other) in others.iter().enumerate() {
        if other.order_id != package.order_id || other.channel != package.channel {
            return Err(FbaError::PackageOrderMismatch {
                path: format!("/otherPackages/{i}/orderId"),
                expected: format!("{} ({})", package.order_id, package.channel),
                found: format!("{} ({})", other.order_id, other.channel),
            });
        }
        if !ids.insert(other.package_id.clone()) {
            return Err(FbaError::DuplicatePackage {
                path: format!("/otherPackages/{i}/packageId"),
                package_id: other.package_id.clone(),
            });
        }
    }
    Ok(())
}

/// Shipped when every package that still counts has shipped; partially when some parcel has.
fn order_status(packages: &[&Package]) -> OrderShipmentStatus {
    let counted: Vec<&&Package> = packages
        .iter()
        .filter(|p| p.status != PackageStatus::Replaced)
        .collect();
    if !counted.is_empty() && counted.iter().all(|p| p.status == PackageStatus::Shipped) {
        OrderShipmentStatus::Shipped
    } else if counted
        .iter()
        .any(|p| p.status == PackageStatus::Shipped || !p.tracking.is_empty())
    {
        OrderShipmentStatus::PartiallyShipped
    } else {
        OrderShipmentStatus::Unshipped
    }
}

/// One event being applied.
struct Step {
    package: Package,
    recreated: Option<Package>,
    tracking_to_propagate: Vec<TrackingUpdate>,
    notes: Vec<String>,
    exceptions: Vec<Exception>,
}

impl Step {
    fn require(&self, kind: FulfilledBy, path: &str) -> Result<(), FbaError> {
        if self.package.fulfilled_by != kind {
            return Err(FbaError::PackageKindMismatch {
                path: path.to_string(),
                expected: match kind {
                    FulfilledBy::Fba => "FBA",
                    FulfilledBy::OwnWarehouse => "own-warehouse",
                },
            });
        }
        Ok(())
    }

    fn seller_fulfillment_order_id(&self) -> String {
        self.package
            .seller_fulfillment_order_id
            .clone()
            .unwrap_or_default()
    }

    /// Records a note in the output and in the package's history (once: re-applying an event
    /// does not repeat it).
    fn note(&mut self, note: String) {
        if !self.package.notes.contains(&note) {
            self.package.notes.push(note.clone());
        }
        self.notes.push(note);
    }

    fn exception(&mut self, code: &str, severity: Severity, message: String) {
        let sku = match self.package.lines.as_slice() {
            [only] => Some(only.sku.clone()),
            _ => None,
        };
        self.exceptions.push(
            Exception::for_po(code, severity, &self.package.order_id, message).sku(sku.as_deref()),
        );
    }

    /// Adds tracking unless the package already has it, and queues it for the channel.
    fn add_tracking(&mut self, tracking: Tracking, lines: Vec<PackageLine>) -> bool {
        if self
            .package
            .tracking
            .iter()
            .any(|t| t.same_parcel(&tracking))
        {
            return false;
        }
        self.package.tracking.push(tracking.clone());
        self.tracking_to_propagate.push(TrackingUpdate {
            channel: self.package.channel.clone(),
            order_id: self.package.order_id.clone(),
            package_id: self.package.package_id.clone(),
            tracking,
            lines,
        });
        true
    }

    /// Amazon answered with errors: transient ones leave the package as it is; others leave it
    /// unshipped and flagged for a person. Amazon's text goes into the package's notes only;
    /// the exception names the codes (Amazon's messages may quote the address).
    fn amazon_errors(&mut self, operation: &str, errors: &[ApiError]) {
        let id = self.seller_fulfillment_order_id();
        let described = errors
            .iter()
            .map(|e| format!("{}: {}", e.code, e.message))
            .collect::<Vec<_>>()
            .join("; ");
        let codes = errors
            .iter()
            .map(|e| e.code.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if errors
            .iter()
            .all(|e| TRANSIENT_ERROR_CODES.contains(&e.code.as_str()))
        {
            self.note(format!(
                "{operation} for fulfillment order {id} failed temporarily ({described}): try the call again later."
            ));
            return;
        }
        if self.package.status.is_settled() {
            self.note(format!(
                "Amazon answered {operation} for fulfillment order {id} with errors ({described}), but the package is already {}: nothing changes.",
                self.package.status
            ));
            return;
        }
        self.package.status = PackageStatus::FbaFailed;
        self.note(format!(
            "FBA did not fulfil fulfillment order {id}: {operation} answered {described}. Still unshipped."
        ));
        let message = format!(
            "Order {} of {}: FBA did not fulfil package {} ({}) — Amazon answered {operation} with {codes}. Ship it from own stock (applyFulfillmentEvent with recreateFromOwnStock) or fix it in Seller Central.",
            self.package.order_id,
            self.package.channel,
            self.package.package_id,
            describe(&self.package.lines)
        );
        self.exception("FBA_FULFILLMENT_FAILED", Severity::Error, message);
    }

    /// Amazon refused or gave up on the fulfillment order without an error list.
    fn fulfillment_failed(&mut self, status: FulfillmentOrderStatus) {
        let id = self.seller_fulfillment_order_id();
        self.package.status = PackageStatus::FbaFailed;
        self.note(format!(
            "FBA reports fulfillment order {id} as {status}: nothing shipped. Still unshipped."
        ));
        let message = format!(
            "Order {} of {}: FBA reports fulfillment order {id} as {status} and shipped nothing of package {} ({}). Ship it from own stock (applyFulfillmentEvent with recreateFromOwnStock) or fix it in Seller Central.",
            self.package.order_id,
            self.package.channel,
            self.package.package_id,
            describe(&self.package.lines)
        );
        self.exception("FBA_FULFILLMENT_FAILED", Severity::Error, message);
    }

    fn fulfillment_order(
        &mut self,
        response: &GetFulfillmentOrderResponse,
    ) -> Result<(), FbaError> {
        if let Some(errors) = response.errors.as_deref().filter(|e| !e.is_empty()) {
            self.amazon_errors("getFulfillmentOrder", errors);
            return Ok(());
        }
        let Some(result) = &response.payload else {
            return Err(FbaError::EventWithoutPayload {
                path: "/event/fulfillmentOrder".to_string(),
            });
        };
        self.check_fulfillment_order_id(
            &result.fulfillment_order.seller_fulfillment_order_id,
            "/event/fulfillmentOrder/payload/fulfillmentOrder/sellerFulfillmentOrderId",
        )?;
        let status = result.fulfillment_order.fulfillment_order_status;

        // Units Amazon still means to ship, and units in shipments that left, per item id.
        let mut expected: BTreeMap<&str, i64> = BTreeMap::new();
        let mut not_shipped: Vec<(String, i64)> = Vec::new();
        for item in &result.fulfillment_order_items {
            let dropped = i64::from(item.cancelled_quantity.max(0))
                .saturating_add(i64::from(item.unfulfillable_quantity.max(0)));
            let wanted = i64::from(item.quantity).saturating_sub(dropped).max(0);
            let slot = expected
                .entry(item.seller_fulfillment_order_item_id.as_str())
                .or_default();
            *slot = slot.saturating_add(wanted);
            if dropped > 0 {
                not_shipped.push((item.seller_fulfillment_order_item_id.clone(), dropped));
            }
        }
        let mut shipped: BTreeMap<&str, i64> = BTreeMap::new();
        let mut new_tracking = Vec::new();
        for shipment in result.fulfillment_shipments.iter().flatten() {
            if shipment.fulfillment_shipment_status != FulfillmentShipmentStatus::Shipped {
                continue;
            }
            for item in &shipment.fulfillment_shipment_item {
                let slot = shipped
                    .entry(item.seller_fulfillment_order_item_id.as_str())
                    .or_default();
                *slot = slot.saturating_add(i64::from(item.quantity.max(0)));
            }
            let parcels = shipment
                .fulfillment_shipment_package
                .as_deref()
                .unwrap_or(&[]);
            for parcel in parcels {
                let Some(number) = parcel
                    .tracking_number
                    .clone()
                    .or_else(|| parcel.amazon_fulfillment_tracking_number.clone())
                else {
                    continue;
                };
                let lines = shipment
                    .fulfillment_shipment_item
                    .iter()
                    .filter(|item| match item.package_number {
                        Some(n) => n == parcel.package_number,
                        None => parcels.len() == 1,
                    })
                    .filter_map(|item| {
                        self.line_of_item(&item.seller_fulfillment_order_item_id, item.quantity)
                    })
                    .collect();
                new_tracking.push((
                    Tracking {
                        carrier_code: Some(parcel.carrier_code.clone()),
                        tracking_number: number,
                        package_number: Some(parcel.package_number),
                        ship_date: shipment.shipping_date,
                    },
                    lines,
                ));
            }
        }
        let shipped_total: i64 = shipped.values().sum();
        let everything_shipped = !expected.is_empty()
            && expected.values().any(|&units| units > 0)
            && expected
                .iter()
                .all(|(id, &units)| shipped.get(id).copied().unwrap_or(0) >= units);

        if self.package.status == PackageStatus::Replaced {
            if shipped_total > 0 {
                let id = self.seller_fulfillment_order_id();
                self.note(format!(
                    "FBA shipped {shipped_total} unit(s) of fulfillment order {id} although the package was replaced from own stock."
                ));
                let message = format!(
                    "Order {} of {}: FBA shipped fulfillment order {id} although package {} was re-created from own stock. Stop the own-stock parcel if it has not left, or expect a return.",
                    self.package.order_id, self.package.channel, self.package.package_id
                );
                self.exception("FBA_SHIPPED_REPLACED_PACKAGE", Severity::Error, message);
            } else {
                self.note(format!(
                    "Fulfillment order {} is {status}; the package was replaced from own stock.",
                    self.seller_fulfillment_order_id()
                ));
            }
            return Ok(());
        }

        for (tracking, lines) in new_tracking {
            self.add_tracking(tracking, lines);
        }
        let terminal_failure = matches!(
            status,
            FulfillmentOrderStatus::Unfulfillable
                | FulfillmentOrderStatus::Invalid
                | FulfillmentOrderStatus::Cancelled
        );
        let complete = matches!(
            status,
            FulfillmentOrderStatus::Complete | FulfillmentOrderStatus::CompletePartialled
        );
        if shipped_total == 0 && (terminal_failure || complete) {
            self.fulfillment_failed(status);
            return Ok(());
        }
        if complete || everything_shipped || (terminal_failure && shipped_total > 0) {
            self.package.status = PackageStatus::Shipped;
            let parcels = self
                .package
                .tracking
                .iter()
                .map(|t| t.tracking_number.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.note(if parcels.is_empty() {
                format!(
                    "FBA shipped fulfillment order {} ({status}); no tracking number yet.",
                    self.seller_fulfillment_order_id()
                )
            } else {
                format!(
                    "FBA shipped fulfillment order {} ({status}), tracking {parcels}.",
                    self.seller_fulfillment_order_id()
                )
            });
            if !not_shipped.is_empty() {
                self.partially_fulfilled(&not_shipped);
            }
            return Ok(());
        }
        // Still in progress at Amazon (New, Received, Planning, Processing).
        if self.package.status == PackageStatus::FbaFailed {
            self.package.status = PackageStatus::SentToFba;
        }
        let parcels = self.package.tracking.len();
        self.note(if parcels > 0 {
            format!(
                "FBA shipped part of fulfillment order {} ({parcels} parcel(s) so far); the rest is {status}.",
                self.seller_fulfillment_order_id()
            )
        } else {
            format!(
                "Fulfillment order {} is {status} at Amazon: not shipped yet.",
                self.seller_fulfillment_order_id()
            )
        });
        Ok(())
    }

    /// Units Amazon cancelled or could not fulfil on a shipped order: a person ships them.
    fn partially_fulfilled(&mut self, not_shipped: &[(String, i64)]) {
        let described = not_shipped
            .iter()
            .map(|(item_id, units)| match self.line_of_item(item_id, 0) {
                Some(line) => format!("{units} × {} (line {})", line.sku, line.line_id),
                None => format!("{units} × item {item_id}"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        self.note(format!("FBA did not ship {described}."));
        let message = format!(
            "Order {} of {}: FBA shipped package {} only in part; {described} did not ship. Ship them from own stock or refund them on the channel.",
            self.package.order_id, self.package.channel, self.package.package_id
        );
        self.exception("FBA_PARTIALLY_FULFILLED", Severity::Error, message);
    }

    /// The package line sent as `item_id`, with `quantity` units (0: the line's own quantity).
    fn line_of_item(&self, item_id: &str, quantity: i32) -> Option<PackageLine> {
        self.package
            .lines
            .iter()
            .find(|l| l.seller_fulfillment_order_item_id.as_deref() == Some(item_id))
            .map(|l| PackageLine {
                quantity: u64::try_from(quantity)
                    .ok()
                    .filter(|&q| q > 0)
                    .unwrap_or(l.quantity),
                ..l.clone()
            })
    }

    fn check_fulfillment_order_id(&self, found: &str, path: &str) -> Result<(), FbaError> {
        let Some(expected) = &self.package.seller_fulfillment_order_id else {
            return Err(invalid_value(
                "/package/sellerFulfillmentOrderId",
                "an FBA package needs the sellerFulfillmentOrderId it was sent as".to_string(),
            ));
        };
        if expected != found {
            return Err(FbaError::FulfillmentOrderMismatch {
                path: path.to_string(),
                expected: expected.clone(),
                found: found.to_string(),
            });
        }
        Ok(())
    }

    fn package_tracking(
        &mut self,
        response: &GetPackageTrackingDetailsResponse,
    ) -> Result<(), FbaError> {
        if let Some(errors) = response.errors.as_deref().filter(|e| !e.is_empty()) {
            let codes = errors
                .iter()
                .map(|e| e.code.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.note(format!(
                "getPackageTrackingDetails answered {codes}: tracking unknown, nothing changes."
            ));
            return Ok(());
        }
        let Some(details) = &response.payload else {
            return Err(FbaError::EventWithoutPayload {
                path: "/event/packageTracking".to_string(),
            });
        };
        let Some(number) = details.tracking_number.clone() else {
            self.note(format!(
                "Amazon parcel {} has no tracking number yet.",
                details.package_number
            ));
            return Ok(());
        };
        if self.package.status == PackageStatus::Replaced {
            self.note(format!(
                "Amazon reports tracking {number} for a package replaced from own stock."
            ));
            let message = format!(
                "Order {} of {}: FBA shipped parcel {number} although package {} was re-created from own stock. Stop the own-stock parcel if it has not left, or expect a return.",
                self.package.order_id, self.package.channel, self.package.package_id
            );
            self.exception("FBA_SHIPPED_REPLACED_PACKAGE", Severity::Error, message);
            return Ok(());
        }
        let tracking = Tracking {
            carrier_code: details.carrier_code.clone(),
            tracking_number: number.clone(),
            package_number: Some(details.package_number),
            ship_date: details.ship_date,
        };
        // A tracking number exists only once Amazon has handed the parcel to the carrier.
        let was = self.package.status;
        self.add_tracking(tracking, Vec::new());
        self.package.status = PackageStatus::Shipped;
        if was != PackageStatus::Shipped {
            self.note(format!(
                "FBA shipped it: tracking {number} (Amazon parcel {}).",
                details.package_number
            ));
        }
        match details.current_status {
            Some(
                problem @ (CurrentStatus::Undeliverable
                | CurrentStatus::Returning
                | CurrentStatus::Returned),
            ) => {
                self.note(format!("Carrier reports parcel {number} as {problem}."));
                let message = format!(
                    "Order {} of {}: parcel {number} of package {} is {problem}. Contact the customer and arrange a new shipment or a refund.",
                    self.package.order_id, self.package.channel, self.package.package_id
                );
                self.exception("FBA_DELIVERY_PROBLEM", Severity::Warning, message);
            }
            Some(CurrentStatus::Delivered) => {
                self.note(format!("Carrier reports parcel {number} as delivered."));
            }
            _ => {}
        }
        Ok(())
    }

    fn recreate(
        &mut self,
        decision: &RecreateFromOwnStock,
        other_packages: &[Package],
    ) -> Result<(), FbaError> {
        match self.package.status {
            PackageStatus::Shipped => {
                self.note("Not re-created from own stock: FBA has already shipped it.".to_string());
                let message = format!(
                    "Order {} of {}: package {} was asked to be re-created from own stock, but FBA has already shipped it (tracking {}). Nothing was re-created.",
                    self.package.order_id,
                    self.package.channel,
                    self.package.package_id,
                    self.package
                        .tracking
                        .iter()
                        .map(|t| t.tracking_number.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.exception("PACKAGE_ALREADY_SHIPPED", Severity::Warning, message);
                return Ok(());
            }
            PackageStatus::Replaced => {
                self.note(format!(
                    "Already re-created from own stock as {}-OWN: nothing to do.",
                    self.package.package_id
                ));
                return Ok(());
            }
            PackageStatus::SentToFba => {
                let message = format!(
                    "Order {} of {}: package {} is re-created from own stock while fulfillment order {} is still open at Amazon. Cancel it (cancelFulfillmentOrder) so the customer does not receive it twice.",
                    self.package.order_id,
                    self.package.channel,
                    self.package.package_id,
                    self.seller_fulfillment_order_id()
                );
                self.exception("FBA_ORDER_TO_CANCEL", Severity::Warning, message);
            }
            PackageStatus::FbaFailed | PackageStatus::ToShip => {}
        }
        let replacement_id = format!("{}-OWN", self.package.package_id);
        if let Some(i) = other_packages
            .iter()
            .position(|p| p.package_id == replacement_id)
        {
            return Err(FbaError::DuplicatePackage {
                path: format!("/otherPackages/{i}/packageId"),
                package_id: replacement_id,
            });
        }
        let reason = decision
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let lines: Vec<PackageLine> = self
            .package
            .lines
            .iter()
            .map(|l| PackageLine {
                seller_fulfillment_order_item_id: None,
                ..l.clone()
            })
            .collect();
        let recreated_note = format!(
            "Re-created from own stock in place of FBA package {}{reason}: {}.",
            self.package.package_id,
            describe(&lines)
        );
        self.recreated = Some(Package {
            package_id: replacement_id.clone(),
            channel: self.package.channel.clone(),
            order_id: self.package.order_id.clone(),
            fulfilled_by: FulfilledBy::OwnWarehouse,
            status: PackageStatus::ToShip,
            lines,
            seller_fulfillment_order_id: None,
            replaces: Some(self.package.package_id.clone()),
            tracking: Vec::new(),
            notes: vec![recreated_note.clone()],
        });
        self.package.status = PackageStatus::Replaced;
        self.note(format!(
            "Replaced by own-stock package {replacement_id}{reason}."
        ));
        self.notes.push(recreated_note);
        Ok(())
    }

    fn own_shipment(&mut self, shipment: &OwnShipment) {
        let tracking = Tracking {
            carrier_code: Some(shipment.carrier_code.clone()),
            tracking_number: shipment.tracking_number.clone(),
            package_number: None,
            ship_date: shipment.ship_date,
        };
        let lines = self.package.lines.clone();
        let number = tracking.tracking_number.clone();
        let added = self.add_tracking(tracking, lines);
        self.package.status = PackageStatus::Shipped;
        if added {
            self.note(format!(
                "Shipped from the own warehouse with {}, tracking {number}.",
                shipment.carrier_code
            ));
        } else {
            self.notes.push(format!(
                "Tracking {number} was already recorded: nothing changes."
            ));
        }
    }
}
