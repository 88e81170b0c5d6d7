//! `routeFulfillment`: which units of an order Amazon ships (FBA), which ship from the own
//! warehouse, which need nothing, and which wait for a person — and the createFulfillmentOrder
//! body for the FBA part.

use std::collections::BTreeSet;

use super::error::{FbaError, invalid_value};
use super::ids::{
    PREFIX_MAX, displayable_order_id, is_id_char, seller_fulfillment_order_id,
    seller_fulfillment_order_item_id,
};
use super::input::{ChannelOrder, ChannelRules, RouteFulfillmentInput, RoutingOptions};
use super::output::{LineRouting, RouteDecision, RouteFulfillmentOutput};
use super::package::{FulfilledBy, Package, PackageLine, PackageStatus, carrier_export};
use super::stock::FbaStockLedger;
use crate::error::pointer_child;
use crate::exceptions::{Exception, Severity};
use crate::spapi::fulfillment_outbound::{
    CreateFulfillmentOrderItem, CreateFulfillmentOrderRequest, McfAddress, ShippingSpeedCategory,
};

/// Amazon's limit of items per fulfillment order (createFulfillmentOrder `items`).
pub const MAX_FBA_ITEMS_PER_ORDER: usize = 100;
/// Amazon's limit of units per fulfillment order.
pub const MAX_FBA_UNITS_PER_ORDER: u64 = 250;
/// `displayableOrderComment` is at most 750 characters.
pub const MAX_COMMENT_CHARS: usize = 750;
/// The packing-slip text when neither the order nor the options give one (the field is required).
pub const DEFAULT_DISPLAYABLE_ORDER_COMMENT: &str = "Thank you for your order.";

/// Routes one order. The rules are in `src/fba/README.md` (the module documentation).
///
/// ```
/// use vendor_central_connector::{fba, input::parse_input};
/// let input = parse_input(r#"{
///   "order": { "channel": "webstore", "orderId": "1001", "orderDate": "2026-11-20T10:00:00Z",
///     "lines": [{ "sku": "TV-55", "quantity": 1 }, { "sku": "MUG", "quantity": 2 }],
///     "shipTo": { "name": "A. Buyer", "addressLine1": "1 Main St", "city": "Troy",
///       "postalCode": "48084", "countryCode": "US" } },
///   "fbaStock": [{ "sku": "TV-55", "fulfillableQuantity": 4 }]
/// }"#).unwrap();
/// let out = fba::route_fulfillment(input).unwrap();
/// assert_eq!(out.request.unwrap().seller_fulfillment_order_id, "webstore-1001");
/// assert_eq!(out.carrier_export, vec!["1001-OWN".to_string()]);
/// ```
pub fn route_fulfillment(input: RouteFulfillmentInput) -> Result<RouteFulfillmentOutput, FbaError> {
    let RouteFulfillmentInput {
        order,
        fba_stock,
        channel_rules,
        options,
    } = input;
    validate_options(&options)?;
    validate_order(&order)?;
    let comment = displayable_comment(&order, &options)?;
    let channel_rule = ChannelRule::of(&order.channel, &channel_rules)?;
    let line_ids = line_ids(&order)?;
    let mut stock = FbaStockLedger::new(&fba_stock)?;
    let ship_to_gaps = ship_to_gaps(&order.ship_to);

    let mut router = Router {
        order: &order,
        options: &options,
        channel_rule,
        ship_to_usable: ship_to_gaps.is_empty(),
        stock: &mut stock,
        fba_units_left: MAX_FBA_UNITS_PER_ORDER,
        fba_items_left: MAX_FBA_ITEMS_PER_ORDER,
        blocked_by_ship_to: false,
        unknown_stock_skus: BTreeSet::new(),
    };
    let mut lines = Vec::with_capacity(order.lines.len());
    for (line, line_id) in order.lines.iter().zip(&line_ids) {
        lines.push(router.route_line(line_id, &line.sku, line.quantity));
    }
    let router_blocked_by_ship_to = router.blocked_by_ship_to;
    let unknown_stock_skus = std::mem::take(&mut router.unknown_stock_skus);

    let mut notes: Vec<String> = lines
        .iter()
        .map(|l| format!("Line {} ({}): {}", l.line_id, l.sku, l.reason))
        .collect();
    if order.lines.is_empty() {
        notes.push(format!(
            "Order {} has no lines: nothing to route.",
            order.order_id
        ));
    }
    let mut exceptions = line_exceptions(&order, &lines, &unknown_stock_skus);
    if router_blocked_by_ship_to {
        exceptions.push(Exception::for_po(
            "SHIP_TO_INCOMPLETE",
            Severity::Error,
            &order.order_id,
            format!(
                "Order {} of {}: the ship-to address lacks {}, which Amazon requires, so nothing was sent to FBA. Complete the address in the order and route it again.",
                order.order_id,
                order.channel,
                ship_to_gaps.join(", ")
            ),
        ));
    }

    let mut packages = Vec::new();
    let fba_lines: Vec<PackageLine> = lines
        .iter()
        .filter(|l| l.fba > 0)
        .map(|l| PackageLine {
            line_id: l.line_id.clone(),
            sku: l.sku.clone(),
            quantity: l.fba,
            seller_fulfillment_order_item_id: Some(seller_fulfillment_order_item_id(&l.line_id)),
        })
        .collect();
    let mut request = None;
    if !fba_lines.is_empty() {
        let seller_fulfillment_order_id = seller_fulfillment_order_id(
            &options.seller_fulfillment_order_id_prefix,
            &order.channel,
            &order.order_id,
        );
        let displayable_id = match displayable_order_id(&order.order_id) {
            Some(id) => id,
            None => {
                notes.push(format!(
                    "Order id {} does not fit Amazon's displayableOrderId rules (1–40 ISO 8859-1 characters, no double spaces): the packing slip shows {seller_fulfillment_order_id}.",
                    order.order_id
                ));
                seller_fulfillment_order_id.clone()
            }
        };
        let speed = resolve_speed(&order, &options);
        notes.push(speed.note.clone());
        if let Some(exception) = speed.exception {
            exceptions.push(exception);
        }
        let sent_note = format!(
            "Sent to FBA as fulfillment order {seller_fulfillment_order_id} ({}): {}.",
            speed.category,
            describe(&fba_lines)
        );
        notes.push(format!("Package {}-FBA: {sent_note}", order.order_id));
        request = Some(CreateFulfillmentOrderRequest {
            marketplace_id: options.marketplace_id.clone(),
            seller_fulfillment_order_id: seller_fulfillment_order_id.clone(),
            displayable_order_id: displayable_id,
            displayable_order_date: order.order_date,
            displayable_order_comment: comment,
            shipping_speed_category: speed.category,
            delivery_window: None,
            destination_address: order.ship_to.clone(),
            delivery_preferences: None,
            fulfillment_action: options.fulfillment_action,
            fulfillment_policy: options.fulfillment_policy,
            cod_settings: None,
            ship_from_country_code: None,
            notification_emails: None,
            feature_constraints: None,
            items: fba_lines.iter().map(request_item).collect(),
            payment_information: None,
        });
        packages.push(Package {
            package_id: format!("{}-FBA", order.order_id),
            channel: order.channel.clone(),
            order_id: order.order_id.clone(),
            fulfilled_by: FulfilledBy::Fba,
            status: PackageStatus::SentToFba,
            lines: fba_lines,
            seller_fulfillment_order_id: Some(seller_fulfillment_order_id),
            replaces: None,
            tracking: Vec::new(),
            notes: vec![sent_note],
        });
    }

    let own_lines: Vec<PackageLine> = lines
        .iter()
        .filter(|l| l.own_warehouse > 0)
        .map(|l| PackageLine {
            line_id: l.line_id.clone(),
            sku: l.sku.clone(),
            quantity: l.own_warehouse,
            seller_fulfillment_order_item_id: None,
        })
        .collect();
    if !own_lines.is_empty() {
        let note = format!("Ships from the own warehouse: {}.", describe(&own_lines));
        notes.push(format!("Package {}-OWN: {note}", order.order_id));
        packages.push(Package {
            package_id: format!("{}-OWN", order.order_id),
            channel: order.channel.clone(),
            order_id: order.order_id.clone(),
            fulfilled_by: FulfilledBy::OwnWarehouse,
            status: PackageStatus::ToShip,
            lines: own_lines,
            seller_fulfillment_order_id: None,
            replaces: None,
            tracking: Vec::new(),
            notes: vec![note],
        });
    }
    if packages.is_empty() && !order.lines.is_empty() {
        notes.push(format!("Order {}: no package to ship.", order.order_id));
    }

    Ok(RouteFulfillmentOutput {
        carrier_export: carrier_export(&packages),
        packages,
        request,
        lines,
        notes,
        exceptions,
    })
}

/// How the order's channel is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChannelRule {
    /// Amazon fulfils the channel's orders of FBA SKUs itself.
    AmazonFulfilled,
    /// The channel forbids fulfilment by Amazon.
    ForbidsFba,
    /// FBA may ship the channel's orders (Multi-Channel Fulfillment).
    McfAllowed,
}

impl ChannelRule {
    fn of(channel: &str, rules: &ChannelRules) -> Result<Self, FbaError> {
        let key = |c: &str| c.trim().to_lowercase();
        let forbidding: BTreeSet<String> = rules.forbid_fba.iter().map(|c| key(c)).collect();
        for (i, amazon) in rules.amazon_fulfilled.iter().enumerate() {
            if forbidding.contains(&key(amazon)) {
                return Err(FbaError::ConflictingChannelRules {
                    path: format!("/channelRules/amazonFulfilled/{i}"),
                    channel: amazon.clone(),
                });
            }
        }
        let channel = key(channel);
        Ok(
            if rules.amazon_fulfilled.iter().any(|c| key(c) == channel) {
                ChannelRule::AmazonFulfilled
            } else if forbidding.contains(&channel) {
                ChannelRule::ForbidsFba
            } else {
                ChannelRule::McfAllowed
            },
        )
    }
}

/// Routes lines one after another, consuming FBA stock and Amazon's per-order limits.
struct Router<'a> {
    order: &'a ChannelOrder,
    options: &'a RoutingOptions,
    channel_rule: ChannelRule,
    ship_to_usable: bool,
    stock: &'a mut FbaStockLedger,
    fba_units_left: u64,
    fba_items_left: usize,
    /// Set when a line would have gone to FBA but for the incomplete ship-to address.
    blocked_by_ship_to: bool,
    /// SKUs that missed FBA because their summary had no `inventoryDetails`.
    unknown_stock_skus: BTreeSet<String>,
}

impl Router<'_> {
    fn route_line(&mut self, line_id: &str, sku: &str, quantity: u64) -> LineRouting {
        let mut routing = LineRouting {
            line_id: line_id.to_string(),
            sku: sku.to_string(),
            quantity,
            fba: 0,
            own_warehouse: 0,
            nothing_to_do: 0,
            held: 0,
            decision: RouteDecision::NothingOrdered,
            reason: String::new(),
        };
        let channel = &self.order.channel;
        if quantity == 0 {
            routing.reason = "orders 0 units: nothing to ship.".to_string();
            return routing;
        }
        let is_fba_sku = self.stock.is_fba_sku(sku);
        if is_fba_sku && self.channel_rule == ChannelRule::AmazonFulfilled {
            routing.nothing_to_do = quantity;
            routing.decision = RouteDecision::AmazonFulfils;
            routing.reason =
                format!("{channel} order of an FBA SKU: Amazon fulfils it itself, nothing to do.");
            return routing;
        }
        if !is_fba_sku {
            routing.own_warehouse = quantity;
            routing.decision = RouteDecision::OwnWarehouse;
            routing.reason = "not stocked in FBA: ships from own stock.".to_string();
            return routing;
        }
        if self.channel_rule == ChannelRule::ForbidsFba {
            routing.own_warehouse = quantity;
            routing.decision = RouteDecision::OwnWarehouse;
            routing.reason =
                format!("channel {channel} forbids fulfilment by Amazon: ships from own stock.");
            return routing;
        }

        let stock_left = self.stock.remaining(sku);
        let limit_left = if self.fba_items_left == 0 {
            0
        } else {
            self.fba_units_left
        };
        let available = if self.ship_to_usable {
            stock_left.min(limit_left)
        } else {
            0
        };
        if available >= quantity {
            self.send_to_fba(sku, quantity);
            routing.fba = quantity;
            routing.decision = RouteDecision::Fba;
            routing.reason = format!(
                "FBA has {stock_left} fulfillable: the whole line ({quantity}) goes to FBA."
            );
            return routing;
        }

        let why = if !self.ship_to_usable {
            self.blocked_by_ship_to = true;
            "the ship-to address is incomplete for Amazon".to_string()
        } else if stock_left <= limit_left {
            if self.stock.lacks_details(sku) {
                self.unknown_stock_skus.insert(sku.to_string());
                "FBA stock is unknown (getInventorySummaries without details=true)".to_string()
            } else {
                format!("FBA has {stock_left} fulfillable")
            }
        } else {
            format!(
                "the fulfillment order reached Amazon's limit of {MAX_FBA_UNITS_PER_ORDER} units and {MAX_FBA_ITEMS_PER_ORDER} items"
            )
        };
        let fallback = self.options.fallback_to_own_stock;
        if self.options.split_partial_quantities && available > 0 {
            let rest = quantity.saturating_sub(available);
            self.send_to_fba(sku, available);
            routing.fba = available;
            if fallback {
                routing.own_warehouse = rest;
                routing.decision = RouteDecision::SplitFbaOwn;
                routing.reason = format!(
                    "{why}: {available} of {quantity} go to FBA, {rest} ship from own stock."
                );
            } else {
                routing.held = rest;
                routing.decision = RouteDecision::SplitFbaHeld;
                routing.reason = format!(
                    "{why}: {available} of {quantity} go to FBA, {rest} are held for a person (fallback to own stock is off)."
                );
            }
            return routing;
        }
        let unsplit = available > 0;
        if fallback {
            routing.own_warehouse = quantity;
            routing.decision = RouteDecision::OwnWarehouse;
            routing.reason = if unsplit {
                format!(
                    "{why}: partial quantities are not split, so the whole line ({quantity}) ships from own stock."
                )
            } else {
                format!("{why}: the whole line ({quantity}) ships from own stock.")
            };
        } else {
            routing.held = quantity;
            routing.decision = RouteDecision::Held;
            routing.reason = if unsplit {
                format!(
                    "{why}: partial quantities are not split and fallback to own stock is off, so the whole line ({quantity}) is held for a person."
                )
            } else {
                format!(
                    "{why}: fallback to own stock is off, so the whole line ({quantity}) is held for a person."
                )
            };
        }
        routing
    }

    fn send_to_fba(&mut self, sku: &str, quantity: u64) {
        self.stock.take(sku, quantity);
        self.fba_units_left = self.fba_units_left.saturating_sub(quantity);
        self.fba_items_left = self.fba_items_left.saturating_sub(1);
    }
}

/// Exceptions about single lines: units held for a person, FBA stock of unknown size.
fn line_exceptions(
    order: &ChannelOrder,
    lines: &[LineRouting],
    unknown_stock_skus: &BTreeSet<String>,
) -> Vec<Exception> {
    let mut exceptions = Vec::new();
    let mut reported_skus = BTreeSet::new();
    for line in lines {
        if line.held > 0 {
            exceptions.push(
                Exception::for_po(
                    "FULFILLMENT_HELD",
                    Severity::Error,
                    &order.order_id,
                    format!(
                        "Order {} of {}, line {}: {} × {} are held — {} Ship them from own stock, restock FBA and route the order again, or cancel them with the channel.",
                        order.order_id, order.channel, line.line_id, line.held, line.sku, line.reason
                    ),
                )
                .line(&line.line_id)
                .sku(Some(&line.sku)),
            );
        }
        if unknown_stock_skus.contains(&line.sku) && reported_skus.insert(line.sku.clone()) {
            exceptions.push(
                Exception::for_po(
                    "FBA_STOCK_WITHOUT_DETAILS",
                    Severity::Warning,
                    &order.order_id,
                    format!(
                        "FBA stock of {} has no inventoryDetails, so no unit was counted as fulfillable. Call getInventorySummaries with details=true.",
                        line.sku
                    ),
                )
                .sku(Some(&line.sku)),
            );
        }
    }
    exceptions
}

struct Speed {
    category: ShippingSpeedCategory,
    note: String,
    exception: Option<Exception>,
}

/// The channel's speed label → Amazon's category: the mapping (exact, then ignoring case),
/// then the label itself when it is one of Amazon's spellings, else `Standard` with a warning.
fn resolve_speed(order: &ChannelOrder, options: &RoutingOptions) -> Speed {
    let label = order.shipping_speed.as_deref().map(str::trim).unwrap_or("");
    if label.is_empty() {
        return Speed {
            category: ShippingSpeedCategory::Standard,
            note: "No shipping speed on the order: FBA ships Standard.".to_string(),
            exception: None,
        };
    }
    let mapped = options.speed_mapping.get(label).copied().or_else(|| {
        options
            .speed_mapping
            .iter()
            .find(|(key, _)| key.trim().eq_ignore_ascii_case(label))
            .map(|(_, category)| *category)
    });
    if let Some(category) = mapped {
        return Speed {
            category,
            note: format!("Shipping speed {label} maps to FBA {category}."),
            exception: None,
        };
    }
    match ShippingSpeedCategory::parse_tolerant(label) {
        Some(category) if category != ShippingSpeedCategory::ScheduledDelivery => Speed {
            category,
            note: format!("Shipping speed {label} is Amazon's {category}."),
            exception: None,
        },
        _ => Speed {
            category: ShippingSpeedCategory::Standard,
            note: format!("Shipping speed {label} has no mapping: FBA ships Standard."),
            exception: Some(Exception::for_po(
                "SHIPPING_SPEED_UNMAPPED",
                Severity::Warning,
                &order.order_id,
                format!(
                    "Order {} of {} asks for shipping speed {label}, which options.speedMapping does not map; FBA was asked for Standard. Add the mapping, or update the fulfillment order if the customer paid for faster shipping.",
                    order.order_id, order.channel
                ),
            )),
        },
    }
}

fn validate_options(options: &RoutingOptions) -> Result<(), FbaError> {
    let prefix = &options.seller_fulfillment_order_id_prefix;
    if prefix.chars().count() > PREFIX_MAX || !prefix.chars().all(is_id_char) {
        return Err(invalid_value(
            "/options/sellerFulfillmentOrderIdPrefix",
            format!("the prefix must be at most {PREFIX_MAX} of A–Z a–z 0–9 - _"),
        ));
    }
    for (label, category) in &options.speed_mapping {
        if *category == ShippingSpeedCategory::ScheduledDelivery {
            return Err(invalid_value(
                &pointer_child("/options/speedMapping", label),
                "ScheduledDelivery needs a delivery window (JP only); map to Standard, Expedited or Priority".to_string(),
            ));
        }
    }
    Ok(())
}

fn validate_order(order: &ChannelOrder) -> Result<(), FbaError> {
    if order.channel.trim().is_empty() {
        return Err(invalid_value(
            "/order/channel",
            "the channel must not be empty".to_string(),
        ));
    }
    if order.order_id.trim().is_empty() {
        return Err(invalid_value(
            "/order/orderId",
            "the order id must not be empty".to_string(),
        ));
    }
    for (i, line) in order.lines.iter().enumerate() {
        if line.sku.trim().is_empty() {
            return Err(invalid_value(
                &format!("/order/lines/{i}/sku"),
                "the SKU must not be empty".to_string(),
            ));
        }
    }
    Ok(())
}

/// The packing-slip comment: the order's, else the options', else the default.
fn displayable_comment(order: &ChannelOrder, options: &RoutingOptions) -> Result<String, FbaError> {
    let candidates = [
        ("/order/comment", order.comment.as_deref()),
        (
            "/options/displayableOrderComment",
            options.displayable_order_comment.as_deref(),
        ),
    ];
    for (path, comment) in candidates {
        let Some(comment) = comment.map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        if comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(invalid_value(
                path,
                format!("displayableOrderComment has at most {MAX_COMMENT_CHARS} characters"),
            ));
        }
        return Ok(comment.to_string());
    }
    Ok(DEFAULT_DISPLAYABLE_ORDER_COMMENT.to_string())
}

/// Each line's id: its own, or its 1-based position. Ids must be unique within the order.
fn line_ids(order: &ChannelOrder) -> Result<Vec<String>, FbaError> {
    let mut seen = BTreeSet::new();
    let mut ids = Vec::with_capacity(order.lines.len());
    for (i, line) in order.lines.iter().enumerate() {
        let id = match &line.line_id {
            Some(id) if id.trim().is_empty() => {
                return Err(invalid_value(
                    &format!("/order/lines/{i}/lineId"),
                    "a line id must not be empty".to_string(),
                ));
            }
            Some(id) => id.clone(),
            None => i.saturating_add(1).to_string(),
        };
        if !seen.insert(id.clone()) {
            return Err(FbaError::DuplicateLineId {
                path: format!("/order/lines/{i}"),
                line_id: id,
            });
        }
        ids.push(id);
    }
    Ok(ids)
}

/// The names of the address fields Amazon requires that are missing (names only: the address
/// itself is personal data).
fn ship_to_gaps(address: &McfAddress) -> Vec<&'static str> {
    let blank = |s: &str| s.trim().is_empty();
    let mut gaps = Vec::new();
    if blank(&address.name) {
        gaps.push("name");
    }
    if blank(&address.address_line1) {
        gaps.push("addressLine1");
    }
    if blank(&address.postal_code) {
        gaps.push("postalCode");
    }
    let country = address.country_code.trim();
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
        gaps.push("countryCode (two letters, ISO 3166-1)");
    }
    let city_blank = address.city.as_deref().is_none_or(blank);
    if city_blank && !country.eq_ignore_ascii_case("JP") {
        gaps.push("city");
    }
    gaps
}

fn request_item(line: &PackageLine) -> CreateFulfillmentOrderItem {
    CreateFulfillmentOrderItem {
        seller_sku: line.sku.clone(),
        seller_fulfillment_order_item_id: line
            .seller_fulfillment_order_item_id
            .clone()
            .unwrap_or_else(|| seller_fulfillment_order_item_id(&line.line_id)),
        // At most MAX_FBA_UNITS_PER_ORDER units reach FBA, far below i32::MAX.
        quantity: i32::try_from(line.quantity).unwrap_or(i32::MAX),
        gift_message: None,
        displayable_comment: None,
        fulfillment_network_sku: None,
        per_unit_declared_value: None,
        per_unit_price: None,
        per_unit_tax: None,
    }
}

/// "2 × TV-55 (line 1), 1 × CABLE (line 2)".
pub(crate) fn describe(lines: &[PackageLine]) -> String {
    lines
        .iter()
        .map(|l| format!("{} × {} (line {})", l.quantity, l.sku, l.line_id))
        .collect::<Vec<_>>()
        .join(", ")
}
