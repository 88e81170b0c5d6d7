//! The decision loop of `decideDirectFulfillmentAcknowledgements`.
//!
//! DF orders are customer orders and Amazon's model is *fill or kill*: an order is accepted in
//! full (`00`) or cancelled as a whole with one status code; there is no partial acceptance.
//! Every line of an acknowledged order is echoed with its ordered quantity in `Each` (the
//! guide's cancellation examples do the same; the status code says what happens to it).
//!
//! Steps:
//! 1. Each order is read (dates parsed with a JSON pointer for errors) and checked against
//!    everything except stock; every problem found is a *finding*, ordered by [`PRECEDENCE`].
//! 2. Orders with no finding are allocated in priority order (default: order date, then
//!    required ship date, then PO number; lines by item sequence number). An order takes stock
//!    only if *every* line fits in what is left; otherwise it is cancelled `03` and takes
//!    nothing, so a smaller later order may still fit.
//! 3. Output is in input order whatever the allocation order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::error::DfAckError;
use super::input::{
    DecideDfAcknowledgementsInput, DfAllocationPriority, DfDuplicateShipIdPolicy, DfRules,
    DfShipToField,
};
use super::output::{
    DecideDfAcknowledgementsOutput, DfAllocation, DfDecisionStatus, DfLineCode, DfLineDecision,
    DfOrderCode, DfOrderDecision,
};
use crate::catalog::Catalog;
use crate::exceptions::{Exception, Severity};
use crate::money::{CurrencyAmount, Decimal};
use crate::spapi::df_orders::{
    DfAcknowledgementStatus, DfItemQuantity, DfOrder, DfOrderAcknowledgementItem, DfOrderDetails,
    DfOrderItem, DfOrderItemAcknowledgement, DfOrderStatus, DfPartyIdentification, DfUnitOfMeasure,
};
use crate::stock::StockLedger;
use crate::time::{format_instant, hours, parse_instant, saturating_add};

/// Hours Amazon allows between a DF order and its acknowledgement (DF guide).
const ACKNOWLEDGEMENT_WINDOW_HOURS: i64 = 24;

/// Which cancellation reason wins when an order has several: the order's identity first, then
/// where it goes and how, then what is in it, and stock last (stock is only ever taken by an
/// order that has no other problem).
pub const PRECEDENCE: &[DfOrderCode] = &[
    DfOrderCode::DuplicateShipId,
    DfOrderCode::MissingCustomerOrderNumber,
    DfOrderCode::MissingLineId,
    DfOrderCode::InvalidBillToLocation,
    DfOrderCode::InvalidShipFromLocation,
    DfOrderCode::MissingShipToName,
    DfOrderCode::InvalidShipToAddressLine1,
    DfOrderCode::InvalidShipToAddressLine2,
    DfOrderCode::InvalidShipToAddressLine3,
    DfOrderCode::MissingShipToCity,
    DfOrderCode::MissingShipToState,
    DfOrderCode::MissingShipToPostalCode,
    DfOrderCode::MissingShipToCountryCode,
    DfOrderCode::InvalidShipMethod,
    DfOrderCode::NoTaxNexus,
    DfOrderCode::UnknownProduct,
    DfOrderCode::Discontinued,
    DfOrderCode::RestrictedProduct,
    DfOrderCode::InvalidUnitPrice,
    DfOrderCode::UspsValueLimit,
    DfOrderCode::OutOfStock,
];

fn precedence(code: DfOrderCode) -> usize {
    PRECEDENCE
        .iter()
        .position(|c| *c == code)
        .unwrap_or(PRECEDENCE.len())
}

/// Decides every order of the batch. See the module documentation for the rules and order.
pub fn decide_df_acknowledgements(
    input: DecideDfAcknowledgementsInput,
) -> Result<DecideDfAcknowledgementsOutput, DfAckError> {
    let mut stock = StockLedger::from_positions(&input.inventory)?;
    let catalog = Catalog::new(&input.sku_map)?;
    let rules = RuleIndex::new(&input.rules);
    let context = Context {
        now: input.now.0,
        selling_party: non_blank(input.selling_party.as_deref()),
        ship_from_party: non_blank(input.ship_from_party.as_deref()),
        vendor_order_numbers: &input.vendor_order_numbers,
        duplicate_policy: input.options.duplicate_ship_ids,
    };

    let mut plans = input
        .orders
        .iter()
        .enumerate()
        .map(|(index, order)| Plan::read(index, order))
        .collect::<Result<Vec<_>, _>>()?;
    mark_duplicates(&mut plans, &input.orders, context.duplicate_policy);
    for plan in &mut plans {
        if plan.outcome.is_none() {
            check_order(plan, &context, &catalog, &stock, &rules);
        }
    }

    let mut allocation_order: Vec<usize> = (0..plans.len()).collect();
    let priority = input.options.allocation_priority;
    allocation_order.sort_by(|&a, &b| match (plans.get(a), plans.get(b)) {
        (Some(a), Some(b)) => a.priority_key(priority).cmp(&b.priority_key(priority)),
        _ => std::cmp::Ordering::Equal,
    });
    for index in allocation_order {
        if let Some(plan) = plans.get_mut(index) {
            if plan.outcome.is_none() && plan.findings.is_empty() {
                allocate(plan, &mut stock);
            }
        }
    }

    let mut output = DecideDfAcknowledgementsOutput::default();
    for plan in plans {
        plan.finish(&context, &mut output);
    }
    Ok(output)
}

fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

struct Context<'a> {
    now: DateTime<Utc>,
    selling_party: Option<&'a str>,
    ship_from_party: Option<&'a str>,
    vendor_order_numbers: &'a BTreeMap<String, String>,
    duplicate_policy: DfDuplicateShipIdPolicy,
}

/// The rules, indexed.
struct RuleIndex<'a> {
    rules: &'a DfRules,
    discontinued: BTreeSet<&'a str>,
    restricted: BTreeSet<&'a str>,
}

impl<'a> RuleIndex<'a> {
    fn new(rules: &'a DfRules) -> Self {
        RuleIndex {
            rules,
            discontinued: rules.discontinued.iter().map(String::as_str).collect(),
            restricted: rules.restricted.iter().map(String::as_str).collect(),
        }
    }
}

/// Why an order is skipped or blocked rather than acknowledged.
#[derive(Clone, Copy)]
enum NotSent {
    Skipped(DfOrderCode),
    Blocked(DfOrderCode),
}

/// One problem found in an order: its code, the line it concerns (if any) and the sentence.
struct Finding {
    code: DfOrderCode,
    line: Option<usize>,
    sku: Option<String>,
    detail: String,
}

/// One line as read and checked.
struct LinePlan<'a> {
    item: &'a DfOrderItem,
    sku: Option<String>,
    code: Option<DfLineCode>,
    reason: String,
    allocated: u64,
}

/// An order with its dates parsed, its findings, and (after allocation) its lines' fate.
struct Plan<'a> {
    index: usize,
    order: &'a DfOrder,
    order_date: Option<DateTime<Utc>>,
    required_ship_date: Option<DateTime<Utc>>,
    outcome: Option<NotSent>,
    /// Detail for a skipped or blocked order.
    not_sent_detail: String,
    findings: Vec<Finding>,
    lines: Vec<LinePlan<'a>>,
    /// Positions in `lines`, by item sequence number.
    line_order: Vec<usize>,
    accepted: bool,
}

impl<'a> Plan<'a> {
    fn read(index: usize, order: &'a DfOrder) -> Result<Self, DfAckError> {
        let base = format!("/orders/{index}/orderDetails");
        let mut plan = Plan {
            index,
            order,
            order_date: None,
            required_ship_date: None,
            outcome: None,
            not_sent_detail: String::new(),
            findings: Vec::new(),
            lines: Vec::new(),
            line_order: Vec::new(),
            accepted: false,
        };
        let Some(details) = &order.order_details else {
            plan.block(
                DfOrderCode::DetailsMissing,
                "the order came without orderDetails (getOrders with includeDetails=false?): \
                 fetch it with getOrder so its lines can be acknowledged"
                    .to_string(),
            );
            return Ok(plan);
        };
        plan.order_date = Some(parse_date(
            &details.order_date,
            format!("{base}/orderDate"),
        )?);
        plan.required_ship_date = Some(parse_date(
            &details.shipment_details.shipment_dates.required_ship_date,
            format!("{base}/shipmentDetails/shipmentDates/requiredShipDate"),
        )?);
        plan.lines = details
            .items
            .iter()
            .map(|item| LinePlan {
                item,
                sku: None,
                code: None,
                reason: String::new(),
                allocated: 0,
            })
            .collect();
        plan.line_order = (0..details.items.len()).collect();
        plan.line_order.sort_by_cached_key(|&j| {
            details
                .items
                .get(j)
                .map(|item| crate::spapi::orders::sequence_key(&item.item_sequence_number))
        });
        if order.purchase_order_number.trim().is_empty() {
            plan.block(
                DfOrderCode::MissingPurchaseOrderNumber,
                format!(
                    "order {} of the batch has no purchaseOrderNumber, so no acknowledgement can \
                     refer to it: report it to Amazon, or acknowledge it in Vendor Central",
                    index.saturating_add(1)
                ),
            );
        } else if let Some(status) = details.order_status.filter(|s| *s != DfOrderStatus::New) {
            plan.outcome = Some(NotSent::Skipped(DfOrderCode::NotNew));
            plan.not_sent_detail = format!("the order is {status}: nothing to acknowledge");
        }
        Ok(plan)
    }

    fn number(&self) -> &'a str {
        &self.order.purchase_order_number
    }

    fn details(&self) -> Option<&'a DfOrderDetails> {
        self.order.order_details.as_ref()
    }

    fn block(&mut self, code: DfOrderCode, detail: String) {
        self.outcome = Some(NotSent::Blocked(code));
        self.not_sent_detail = detail;
    }

    fn due_at(&self) -> Option<DateTime<Utc>> {
        self.order_date
            .map(|date| saturating_add(date, hours(ACKNOWLEDGEMENT_WINDOW_HOURS)))
    }

    fn priority_key(
        &self,
        priority: DfAllocationPriority,
    ) -> (DateTime<Utc>, DateTime<Utc>, &str, usize) {
        let order_date = self.order_date.unwrap_or(DateTime::<Utc>::MAX_UTC);
        let ship_date = self.required_ship_date.unwrap_or(DateTime::<Utc>::MAX_UTC);
        let (first, second) = match priority {
            DfAllocationPriority::OrderDate => (order_date, ship_date),
            DfAllocationPriority::RequiredShipDate => (ship_date, order_date),
        };
        (first, second, self.number(), self.index)
    }

    fn find(&mut self, code: DfOrderCode, line: Option<usize>, sku: Option<&str>, detail: String) {
        self.findings.push(Finding {
            code,
            line,
            sku: sku.map(str::to_string),
            detail,
        });
    }

    /// The item sequence number of line `j`, for sentences.
    fn line_name(&self, j: usize) -> String {
        self.lines
            .get(j)
            .map(|l| l.item.item_sequence_number.trim())
            .filter(|s| !s.is_empty())
            .map(|s| format!("line {s}"))
            .unwrap_or_else(|| format!("line {} (no itemSequenceNumber)", j.saturating_add(1)))
    }
}

fn parse_date(text: &str, path: String) -> Result<DateTime<Utc>, DfAckError> {
    parse_instant(text).map_err(|message| DfAckError::InvalidDate { path, message })
}

/// Second and later orders with an already-seen number: identical copies are skipped; a
/// different order with the same number blocks (or cancels, per policy) the number.
fn mark_duplicates(plans: &mut [Plan], orders: &[DfOrder], policy: DfDuplicateShipIdPolicy) {
    let mut first_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut conflicting: BTreeSet<usize> = BTreeSet::new();
    let mut copies: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, order) in orders.iter().enumerate() {
        let number = order.purchase_order_number.trim();
        if number.is_empty() {
            continue;
        }
        match first_index.get(number) {
            None => {
                first_index.insert(number, i);
            }
            Some(&first) => {
                copies.insert(i, first);
                if orders.get(first) != Some(order) {
                    conflicting.insert(first);
                }
            }
        }
    }
    for (&copy, &first) in &copies {
        let Some(plan) = plans.get_mut(copy) else {
            continue;
        };
        let differs = conflicting.contains(&first) && orders.get(first) != orders.get(copy);
        if differs {
            plan.outcome = Some(NotSent::Skipped(DfOrderCode::DuplicateShipId));
            plan.not_sent_detail = format!(
                "another, different order earlier in the batch (order {}) has the same purchase \
                 order number; only that one is decided",
                first.saturating_add(1)
            );
        } else {
            plan.outcome = Some(NotSent::Skipped(DfOrderCode::DuplicateCopy));
            plan.not_sent_detail = format!(
                "an identical copy of order {} of the batch (overlapping pages?): decided once",
                first.saturating_add(1)
            );
        }
    }
    for &first in &conflicting {
        let Some(plan) = plans.get_mut(first) else {
            continue;
        };
        if plan.outcome.is_some() {
            continue; // already blocked or skipped (not NEW): nothing would be sent anyway
        }
        match policy {
            DfDuplicateShipIdPolicy::Block => plan.block(
                DfOrderCode::DuplicatePurchaseOrder,
                "two different orders in the batch share this purchase order number: pass each \
                 order once, in its latest state; if Amazon really sent two orders with one \
                 number, decide with options.duplicateShipIds = \"cancel\" (code 04)"
                    .to_string(),
            ),
            DfDuplicateShipIdPolicy::Cancel => {
                plan.find(
                    DfOrderCode::DuplicateShipId,
                    None,
                    None,
                    "a different order in the batch has the same purchase order number (Amazon \
                     Ship ID)"
                        .to_string(),
                );
            }
        }
    }
}

/// Everything but stock: blocks, order-level findings, line-level findings.
fn check_order(
    plan: &mut Plan,
    context: &Context,
    catalog: &Catalog,
    stock: &StockLedger,
    rules: &RuleIndex,
) {
    let Some(details) = plan.details() else {
        return;
    };
    if details.items.is_empty() {
        plan.block(
            DfOrderCode::NoItems,
            "the order has no items: fetch it again with getOrder, and ask Amazon vendor \
             support if it stays empty"
                .to_string(),
        );
        return;
    }
    if let Some(j) = details
        .items
        .iter()
        .position(|i| i.ordered_quantity.amount == 0)
    {
        let line = plan.line_name(j);
        if let Some(l) = plan.lines.get_mut(j) {
            l.code = Some(DfLineCode::ZeroQuantity);
            l.reason = "orders 0: an acknowledged quantity may not be zero".to_string();
        }
        plan.block(
            DfOrderCode::ZeroQuantity,
            format!(
                "{line} orders 0, and an acknowledgement may not carry a zero quantity: ask \
                 Amazon vendor support, or acknowledge the order in Vendor Central"
            ),
        );
        return;
    }
    if context.selling_party.is_none() && non_blank(Some(&details.selling_party.party_id)).is_none()
    {
        plan.block(
            DfOrderCode::MissingSellingParty,
            "the order has no sellingParty and no vendor code was given: pass `sellingParty`"
                .to_string(),
        );
        return;
    }
    if context.ship_from_party.is_none()
        && non_blank(Some(&details.ship_from_party.party_id)).is_none()
    {
        plan.block(
            DfOrderCode::MissingShipFromParty,
            "the order has no shipFromParty and no warehouse code was given: pass \
             `shipFromParty`"
                .to_string(),
        );
        return;
    }

    check_order_fields(plan, details, rules.rules);
    check_lines(plan, details, catalog, stock, rules);
    plan.findings
        .sort_by_key(|f| (precedence(f.code), f.line.unwrap_or(0)));
}

fn check_order_fields(plan: &mut Plan, details: &DfOrderDetails, rules: &DfRules) {
    if details.customer_order_number.trim().is_empty() {
        plan.find(
            DfOrderCode::MissingCustomerOrderNumber,
            None,
            None,
            "the order has no customerOrderNumber (AmazonOrderID)".to_string(),
        );
    }
    if let Some(known) = &rules.bill_to_locations {
        let code = details.bill_to_party.party_id.trim();
        if code.is_empty() || !known.iter().any(|k| k.trim() == code) {
            plan.find(
                DfOrderCode::InvalidBillToLocation,
                None,
                None,
                "the bill-to location code is missing or not one of rules.billToLocations"
                    .to_string(),
            );
        }
    }
    if let Some(known) = &rules.ship_from_locations {
        let code = details.ship_from_party.party_id.trim();
        let detail = if code.is_empty() {
            Some("the order has no ship-from location code".to_string())
        } else if !known.iter().any(|k| k.trim() == code) {
            Some(format!(
                "ship-from location {code} is not one of rules.shipFromLocations"
            ))
        } else {
            None
        };
        if let Some(detail) = detail {
            plan.find(DfOrderCode::InvalidShipFromLocation, None, None, detail);
        }
    }

    // The customer's address: only presence and length are checked, and no sentence quotes it.
    let address = &details.ship_to_party;
    for field in &rules.required_ship_to_fields {
        let (value, code, words) = match field {
            DfShipToField::Name => (Some(&address.name), DfOrderCode::MissingShipToName, "name"),
            DfShipToField::AddressLine1 => (
                Some(&address.address_line1),
                DfOrderCode::InvalidShipToAddressLine1,
                "address line 1",
            ),
            DfShipToField::City => (
                address.city.as_ref(),
                DfOrderCode::MissingShipToCity,
                "city",
            ),
            DfShipToField::StateOrRegion => (
                Some(&address.state_or_region),
                DfOrderCode::MissingShipToState,
                "state or region",
            ),
            DfShipToField::PostalCode => (
                address.postal_code.as_ref(),
                DfOrderCode::MissingShipToPostalCode,
                "postal code",
            ),
            DfShipToField::CountryCode => (
                Some(&address.country_code),
                DfOrderCode::MissingShipToCountryCode,
                "country code",
            ),
        };
        if non_blank(value.map(String::as_str)).is_none() {
            plan.find(
                code,
                None,
                None,
                format!("the customer's ship-to {words} is missing"),
            );
        }
    }
    if let Some(limit) = rules.max_address_line_length {
        let lines = [
            (
                Some(&address.address_line1),
                DfOrderCode::InvalidShipToAddressLine1,
                1,
            ),
            (
                address.address_line2.as_ref(),
                DfOrderCode::InvalidShipToAddressLine2,
                2,
            ),
            (
                address.address_line3.as_ref(),
                DfOrderCode::InvalidShipToAddressLine3,
                3,
            ),
        ];
        for (value, code, number) in lines {
            let length = value.map_or(0, |v| v.trim().chars().count());
            if length > limit {
                plan.find(
                    code,
                    None,
                    None,
                    format!(
                        "the customer's ship-to address line {number} has {length} characters, \
                         more than the {limit} the carrier label prints \
                         (rules.maxAddressLineLength)"
                    ),
                );
            }
        }
    }

    let method = details.shipment_details.ship_method.trim();
    if method.is_empty() {
        plan.find(
            DfOrderCode::InvalidShipMethod,
            None,
            None,
            "the order has no ship method".to_string(),
        );
    } else if let Some(known) = &rules.ship_methods {
        if !known.iter().any(|k| k.trim() == method) {
            plan.find(
                DfOrderCode::InvalidShipMethod,
                None,
                None,
                format!("ship method {method} is not one of rules.shipMethods"),
            );
        }
    }

    let state = address.state_or_region.trim();
    let country = address.country_code.trim();
    let no_nexus = rules.no_tax_nexus.iter().any(|region| {
        region.state_or_region.trim().eq_ignore_ascii_case(state)
            && region
                .country_code
                .as_deref()
                .is_none_or(|c| c.trim().eq_ignore_ascii_case(country))
    });
    if !state.is_empty() && no_nexus {
        plan.find(
            DfOrderCode::NoTaxNexus,
            None,
            None,
            "the order ships to a region listed in rules.noTaxNexus".to_string(),
        );
    }

    if let Some(limit) = rules.usps_max_order_value {
        if method.to_ascii_uppercase().starts_with("USPS") {
            if let Some(value) = order_value(details).filter(|v| v.currency_code == "USD") {
                if value.amount > limit {
                    plan.find(
                        DfOrderCode::UspsValueLimit,
                        None,
                        None,
                        format!(
                            "ship method {method} with an order value of {} USD, above the {} \
                             USD of rules.uspsMaxOrderValue",
                            value.amount, limit
                        ),
                    );
                }
            }
        }
    }
}

/// Σ netPrice × quantity, when every line has a price in one currency and nothing overflows.
fn order_value(details: &DfOrderDetails) -> Option<CurrencyAmount> {
    let mut total = Decimal::ZERO;
    let mut currency: Option<String> = None;
    for item in &details.items {
        let price = item.net_price.as_ref()?;
        let code = price.currency_code.as_deref()?.trim().to_ascii_uppercase();
        if currency.as_ref().is_some_and(|c| *c != code) {
            return None;
        }
        currency = Some(code);
        let line = price
            .amount?
            .checked_mul_quantity(item.ordered_quantity.amount)?;
        total = total.checked_add(line)?;
    }
    Some(CurrencyAmount {
        amount: total,
        currency_code: currency?,
    })
}

fn describe_item(item: &DfOrderItem) -> String {
    match (
        non_blank(item.buyer_product_identifier.as_deref()),
        non_blank(item.vendor_product_identifier.as_deref()),
    ) {
        (Some(asin), Some(vendor)) => format!("ASIN {asin} / vendor id {vendor}"),
        (Some(asin), None) => format!("ASIN {asin}"),
        (None, Some(vendor)) => format!("vendor id {vendor}"),
        (None, None) => "a line with no product identifier".to_string(),
    }
}

fn check_lines(
    plan: &mut Plan,
    details: &DfOrderDetails,
    catalog: &Catalog,
    stock: &StockLedger,
    rules: &RuleIndex,
) {
    // Eaches per SKU in the whole order, for the per-order quantity limit.
    let mut per_sku: BTreeMap<String, u64> = BTreeMap::new();
    let line_order = plan.line_order.clone();
    for &j in &line_order {
        let Some(item) = details.items.get(j) else {
            continue;
        };
        let line = plan.line_name(j);
        let asin = non_blank(item.buyer_product_identifier.as_deref());
        let vendor_id = non_blank(item.vendor_product_identifier.as_deref());
        let sku = catalog
            .resolve_ids(asin, vendor_id)
            .map(|m| m.sku.clone())
            .or_else(|| {
                [vendor_id, asin]
                    .into_iter()
                    .flatten()
                    .find(|id| stock.contains(id))
                    .map(str::to_string)
            });
        let mut problems: Vec<(DfLineCode, DfOrderCode, String)> = Vec::new();
        if item.item_sequence_number.trim().is_empty() {
            problems.push((
                DfLineCode::MissingLineId,
                DfOrderCode::MissingLineId,
                format!("{line}: no itemSequenceNumber (LineItemId)"),
            ));
        }
        match &sku {
            None => problems.push((
                DfLineCode::UnknownProduct,
                DfOrderCode::UnknownProduct,
                format!("{line}: no ERP item matches {}", describe_item(item)),
            )),
            Some(sku) => {
                if rules.discontinued.contains(sku.as_str()) {
                    problems.push((
                        DfLineCode::Discontinued,
                        DfOrderCode::Discontinued,
                        format!("{line}: {sku} is discontinued (rules.discontinued)"),
                    ));
                }
                if rules.restricted.contains(sku.as_str()) {
                    problems.push((
                        DfLineCode::Restricted,
                        DfOrderCode::RestrictedProduct,
                        format!("{line}: {sku} may not be shipped direct (rules.restricted)"),
                    ));
                }
                let total = per_sku.entry(sku.clone()).or_insert(0);
                *total = total.saturating_add(item.ordered_quantity.amount);
                if let Some(&limit) = rules.rules.max_quantity_per_order.get(sku) {
                    if *total > limit {
                        problems.push((
                            DfLineCode::QuantityLimit,
                            DfOrderCode::RestrictedProduct,
                            format!(
                                "{line}: the order asks for {total} eaches of {sku}, more than \
                                 the {limit} allowed per order (rules.maxQuantityPerOrder)"
                            ),
                        ));
                    }
                }
            }
        }
        let price_ok = item
            .net_price
            .as_ref()
            .and_then(|money| money.amount)
            .is_some_and(|price| !price.is_zero() && !price.is_negative());
        if !price_ok {
            problems.push((
                DfLineCode::InvalidUnitPrice,
                DfOrderCode::InvalidUnitPrice,
                format!("{line}: no positive netPrice"),
            ));
        }

        problems.sort_by_key(|(_, order_code, _)| precedence(*order_code));
        if let Some(l) = plan.lines.get_mut(j) {
            l.sku = sku.clone();
            if let Some((line_code, _, detail)) = problems.first() {
                l.code = Some(*line_code);
                l.reason = strip_line_prefix(detail, &line);
            }
        }
        for (_, order_code, detail) in problems {
            plan.find(order_code, Some(j), sku.as_deref(), detail);
        }
    }
}

/// "line 00001: X" → "X" (a line decision does not need to name itself).
fn strip_line_prefix(detail: &str, line: &str) -> String {
    detail
        .strip_prefix(line)
        .map(|rest| rest.trim_start_matches(':').trim_start())
        .filter(|rest| !rest.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| detail.to_string())
}

/// Takes stock for every line, or for none (fill or kill).
fn allocate(plan: &mut Plan, stock: &mut StockLedger) {
    let mut tentatively: BTreeMap<String, u64> = BTreeMap::new();
    let mut shortage: Option<(usize, String, String)> = None;
    let line_order = plan.line_order.clone();
    let mut fits: Vec<(usize, String)> = Vec::new();
    for &j in &line_order {
        let line = plan.line_name(j);
        let Some(l) = plan.lines.get_mut(j) else {
            continue;
        };
        let Some(sku) = l.sku.clone() else {
            continue;
        };
        let wanted = l.item.ordered_quantity.amount;
        let position = stock.get(&sku);
        let earlier_in_order = tentatively.get(&sku).copied().unwrap_or(0);
        let left = position.remaining().saturating_sub(earlier_in_order);
        if wanted <= left {
            tentatively.insert(sku.clone(), earlier_in_order.saturating_add(wanted));
            l.reason = format!(
                "{wanted} of {left} allocatable eaches of {sku}{}",
                stock_words(position, earlier_in_order, stock.contains(&sku))
            );
            fits.push((j, sku));
        } else {
            let detail = format!(
                "needs {wanted} eaches of {sku}, {}{}",
                if left == 0 {
                    "none allocatable".to_string()
                } else {
                    format!("only {left} allocatable")
                },
                stock_words(position, earlier_in_order, stock.contains(&sku))
            );
            l.code = Some(DfLineCode::OutOfStock);
            l.reason = detail.clone();
            if shortage.is_none() {
                shortage = Some((j, sku, format!("{line} {detail}")));
            }
        }
    }
    match shortage {
        None => {
            for (j, sku) in fits {
                if let Some(l) = plan.lines.get_mut(j) {
                    let wanted = l.item.ordered_quantity.amount;
                    l.allocated = stock.take_units(&sku, wanted, 1);
                    l.code = Some(DfLineCode::Allocated);
                    l.reason = format!("allocated {}", l.reason);
                }
            }
            plan.accepted = true;
        }
        Some((j, sku, detail)) => {
            for (j, _) in fits {
                if let Some(l) = plan.lines.get_mut(j) {
                    l.code = Some(DfLineCode::NotAllocated);
                    l.reason = format!(
                        "not allocated: {} would be, but another line is out of stock and a DF \
                         order is fill or kill",
                        l.reason
                    );
                }
            }
            plan.find(DfOrderCode::OutOfStock, Some(j), Some(&sku), detail);
        }
    }
}

/// The stock context of an allocation sentence.
fn stock_words(position: crate::stock::SkuStock, earlier_in_order: u64, listed: bool) -> String {
    if !listed {
        return " (the ERP lists no stock for it)".to_string();
    }
    let mut parts = Vec::new();
    if position.taken > 0 {
        parts.push(format!(
            "{} of {} taken by earlier orders",
            position.taken, position.allocatable
        ));
    }
    if earlier_in_order > 0 {
        parts.push(format!("{earlier_in_order} by earlier lines of this order"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

impl Plan<'_> {
    /// Writes the order's decision, acknowledgement, allocations and exceptions.
    fn finish(self, context: &Context, output: &mut DecideDfAcknowledgementsOutput) {
        let number = self.number().to_string();
        let due_at = self.due_at().map(|d| format_instant(&d));
        let findings: Vec<DfOrderCode> = self.findings.iter().map(|f| f.code).collect();

        if let Some(not_sent) = self.outcome {
            let (status, code) = match not_sent {
                NotSent::Skipped(code) => (DfDecisionStatus::Skipped, code),
                NotSent::Blocked(code) => (DfDecisionStatus::Blocked, code),
            };
            if status == DfDecisionStatus::Blocked {
                let message = format!(
                    "DF order {number} cannot be acknowledged: {}",
                    self.not_sent_detail
                );
                let mut exception =
                    Exception::for_po(code.as_str(), Severity::Error, &number, message)
                        .due(due_at.clone());
                if number.trim().is_empty() {
                    exception.purchase_order_number = None;
                }
                output.exceptions.push(exception);
            }
            let reason = format!("{}: {}", status.as_str(), self.not_sent_detail);
            output.decisions.push(DfOrderDecision {
                purchase_order_number: number,
                status,
                code,
                acknowledgement_status: None,
                reason,
                findings,
                due_at,
                lines: self.line_decisions(None),
            });
            return;
        }
        let Some(details) = self.details() else {
            return;
        };

        let code = if self.accepted {
            DfOrderCode::Accepted
        } else {
            self.findings
                .first()
                .map(|f| f.code)
                .unwrap_or(DfOrderCode::OutOfStock)
        };
        let Some((status_code, description)) = code.acknowledgement() else {
            return;
        };
        let acknowledgement_status = DfAcknowledgementStatus {
            code: Some(status_code.to_string()),
            description: Some(description.to_string()),
        };
        let selling_party = context
            .selling_party
            .or(non_blank(Some(&details.selling_party.party_id)))
            .unwrap_or_default();
        let ship_from_party = context
            .ship_from_party
            .or(non_blank(Some(&details.ship_from_party.party_id)))
            .unwrap_or_default();
        let vendor_order_number = context
            .vendor_order_numbers
            .get(&number)
            .cloned()
            .unwrap_or_else(|| number.clone());
        output
            .request
            .order_acknowledgements
            .push(DfOrderAcknowledgementItem {
                purchase_order_number: number.clone(),
                vendor_order_number,
                acknowledgement_date: format_instant(&context.now),
                acknowledgement_status: acknowledgement_status.clone(),
                selling_party: DfPartyIdentification::code(selling_party),
                ship_from_party: DfPartyIdentification::code(ship_from_party),
                item_acknowledgements: details
                    .items
                    .iter()
                    .map(|item| DfOrderItemAcknowledgement {
                        item_sequence_number: item.item_sequence_number.clone(),
                        buyer_product_identifier: item.buyer_product_identifier.clone(),
                        vendor_product_identifier: item.vendor_product_identifier.clone(),
                        acknowledged_quantity: DfItemQuantity {
                            amount: item.ordered_quantity.amount,
                            unit_of_measure: Some(DfUnitOfMeasure::Each),
                        },
                    })
                    .collect(),
            });

        let overdue = self.due_at().is_some_and(|due| context.now > due);
        let reason = if self.accepted {
            let lines = match self.lines.len() {
                1 => "its line is".to_string(),
                count => format!("all {count} lines are"),
            };
            format!("accepted ({status_code}, {description}): {lines} allocated in full")
        } else {
            let decisive = self
                .findings
                .first()
                .map(|f| f.detail.clone())
                .unwrap_or_default();
            let mut others: Vec<&str> = findings
                .iter()
                .skip(1)
                .filter(|c| **c != code)
                .map(|c| c.acknowledgement().map_or("", |(s, _)| s))
                .collect();
            others.dedup();
            let also = if others.is_empty() {
                String::new()
            } else {
                format!("; also found: {}", others.join(", "))
            };
            format!("cancelled with {status_code} ({description}): {decisive}{also}")
        };

        if self.accepted {
            for line in &self.lines {
                if let (Some(sku), true) = (&line.sku, line.allocated > 0) {
                    output.allocations.push(DfAllocation {
                        sku: sku.clone(),
                        purchase_order_number: number.clone(),
                        item_sequence_number: line.item.item_sequence_number.clone(),
                        quantity_eaches: line.allocated,
                    });
                }
            }
            if let Some(ship_by) = self.required_ship_date.filter(|d| context.now > *d) {
                let message = format!(
                    "DF order {number} is accepted after its required ship date {}: ship it \
                     today, a late shipment counts against the vendor's on-time metrics",
                    format_instant(&ship_by)
                );
                output.exceptions.push(
                    Exception::for_po(
                        "REQUIRED_SHIP_DATE_PASSED",
                        Severity::Warning,
                        &number,
                        message,
                    )
                    .due(Some(format_instant(&ship_by))),
                );
            }
        } else if let Some(finding) = self.findings.first() {
            let severity = match code {
                DfOrderCode::OutOfStock
                | DfOrderCode::Discontinued
                | DfOrderCode::RestrictedProduct
                | DfOrderCode::NoTaxNexus
                | DfOrderCode::UspsValueLimit => Severity::Warning,
                _ => Severity::Error,
            };
            let message = format!(
                "DF order {number} will be cancelled with {status_code} ({description}) when \
                 this request is submitted: {}. {}",
                finding.detail,
                advice(code)
            );
            let mut exception = Exception::for_po(code.as_str(), severity, &number, message)
                .sku(finding.sku.as_deref())
                .money_at_risk(order_value(details).filter(|value| !value.amount.is_zero()))
                .due(due_at.clone());
            if let Some(j) = finding.line {
                if let Some(l) = self.lines.get(j) {
                    exception = exception.line(&l.item.item_sequence_number);
                }
            }
            output.exceptions.push(exception);
        }
        if overdue {
            let message = format!(
                "DF order {number} is acknowledged more than 24 hours after it was placed: \
                 submit now; Amazon may already have cancelled it"
            );
            output.exceptions.push(
                Exception::for_po("ACKNOWLEDGEMENT_LATE", Severity::Warning, &number, message)
                    .due(due_at.clone()),
            );
        }
        let lines = self.line_decisions(Some(code));
        output.decisions.push(DfOrderDecision {
            purchase_order_number: number,
            status: DfDecisionStatus::Acknowledged,
            code,
            acknowledgement_status: Some(acknowledgement_status),
            reason,
            findings,
            due_at,
            lines,
        });
    }

    /// Line decisions in input order. `sent` is the order's code when it is acknowledged.
    fn line_decisions(&self, sent: Option<DfOrderCode>) -> Vec<DfLineDecision> {
        self.lines
            .iter()
            .map(|l| {
                let (code, reason) = match l.code {
                    Some(code) => (code, l.reason.clone()),
                    None => {
                        let why = match sent.and_then(|c| c.acknowledgement()) {
                            Some((status, _)) => {
                                format!("the order is cancelled with {status}")
                            }
                            None => "the order is not acknowledged in this run".to_string(),
                        };
                        (
                            DfLineCode::NotAllocated,
                            format!("not allocated: {why}, so no stock is taken"),
                        )
                    }
                };
                DfLineDecision {
                    item_sequence_number: l.item.item_sequence_number.clone(),
                    sku: l.sku.clone(),
                    buyer_product_identifier: l.item.buyer_product_identifier.clone(),
                    vendor_product_identifier: l.item.vendor_product_identifier.clone(),
                    ordered_quantity: l.item.ordered_quantity.amount,
                    allocated_quantity: l.allocated,
                    code,
                    reason,
                }
            })
            .collect()
    }
}

/// What a person can do before the cancellation is submitted.
fn advice(code: DfOrderCode) -> &'static str {
    match code {
        DfOrderCode::UnknownProduct => {
            "If you do sell this product, add it to the skuMap and decide again before \
             submitting: a cancellation is final"
        }
        DfOrderCode::OutOfStock => {
            "To ship it instead, free or receive stock and decide again before submitting"
        }
        DfOrderCode::Discontinued => {
            "Also set the item to zero in the DF inventory feed so Amazon stops ordering it"
        }
        DfOrderCode::RestrictedProduct => {
            "Check the SKU's restrictions and limits with the buyer if this keeps happening"
        }
        DfOrderCode::InvalidUnitPrice => {
            "Ask Amazon vendor support about the order's cost before submitting"
        }
        DfOrderCode::InvalidShipFromLocation | DfOrderCode::InvalidBillToLocation => {
            "Check the location codes in the rules against Vendor Central's warehouse setup"
        }
        DfOrderCode::InvalidShipMethod => {
            "Check rules.shipMethods against the ship methods Amazon assigns to this warehouse"
        }
        DfOrderCode::MissingShipToName
        | DfOrderCode::InvalidShipToAddressLine1
        | DfOrderCode::InvalidShipToAddressLine2
        | DfOrderCode::InvalidShipToAddressLine3
        | DfOrderCode::MissingShipToCity
        | DfOrderCode::MissingShipToState
        | DfOrderCode::MissingShipToPostalCode
        | DfOrderCode::MissingShipToCountryCode => {
            "A vendor may not change a customer's address: if the order should ship, contact \
             Amazon vendor support before submitting"
        }
        DfOrderCode::NoTaxNexus | DfOrderCode::UspsValueLimit => {
            "This follows the vendor's configured rule; change the rule to ship such orders"
        }
        _ => "Report the order to Amazon vendor support if its data stays incomplete",
    }
}
