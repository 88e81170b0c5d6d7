//! `toSalesOrders`: one ERP-neutral sales order per PO.
//!
//! A mapping failure blocks only what it concerns: an unknown customer or fulfilment centre
//! blocks the PO; an unknown product, a missing case size, a missing cost or a currency the
//! customer does not use blocks the line, and the rest of the PO still becomes a sales order.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};

use super::error::SalesOrderError;
use super::input::{CustomerMapping, Preset, ToSalesOrdersInput};
use super::mappings::{AutoAcknowledge, Customers, Locations, uses_currency};
use super::netsuite;
use super::output::{
    NotCreated, OmittedLine, SalesOrder, SalesOrderLine, SalesOrderStatus, ToSalesOrdersOutput,
    Window,
};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::exceptions::{Exception, Severity};
use crate::line_value::{LineValue, Unvalued};
use crate::money::{CurrencyAmount, Decimal};
use crate::spapi::orders::{
    ItemQuantity, Order, OrderDetails, OrderItem, PurchaseOrderState, UnitOfMeasure,
};
use crate::time::{format_instant, parse_instant, parse_interval};

/// Hours Amazon allows between a PO and its acknowledgement: a New PO's mapping problems must
/// be fixed before then, or the acknowledgement (and the sales order) is late.
const ACKNOWLEDGEMENT_WINDOW_HOURS: i64 = 24;

/// Turns every PO of the batch into a sales order (or says why not).
pub fn to_sales_orders(input: ToSalesOrdersInput) -> Result<ToSalesOrdersOutput, SalesOrderError> {
    let catalog = Catalog::new(&input.sku_map)?;
    let locations = Locations::new(&input.locations)?;
    let customers = Customers::new(&input.customers)?;
    let auto_acknowledge = AutoAcknowledge::new(input.auto_acknowledge, &input.sku_rules)?;
    let field_ids = match input.preset {
        Some(Preset::NetSuite) => Some(netsuite::FieldIds::new(&input.preset_field_ids)?),
        None => {
            if let Some(field) = input.preset_field_ids.keys().next() {
                return Err(SalesOrderError::UnknownPresetField {
                    path: crate::error::pointer_child("/presetFieldIds", field),
                    field: field.clone(),
                });
            }
            None
        }
    };
    let context = Context {
        catalog: &catalog,
        locations: &locations,
        customers: &customers,
        auto_acknowledge: &auto_acknowledge,
    };

    let mut seen = BTreeSet::new();
    let mut output = ToSalesOrdersOutput::default();
    for (index, order) in input.purchase_orders.iter().enumerate() {
        if !seen.insert(order.purchase_order_number.as_str()) {
            return Err(SalesOrderError::DuplicatePurchaseOrder {
                path: format!("/purchaseOrders/{index}/purchaseOrderNumber"),
                number: order.purchase_order_number.clone(),
            });
        }
        match convert_po(index, order, &context)? {
            PoOutcome::Created(sales_order, exceptions) => {
                output.exceptions.extend(exceptions);
                output.sales_orders.push(*sales_order);
            }
            PoOutcome::NotCreated(not_created, exceptions) => {
                output.exceptions.extend(exceptions);
                output.not_created.push(not_created);
            }
        }
    }
    if let Some(field_ids) = field_ids {
        output.records = Some(
            output
                .sales_orders
                .iter()
                .map(|order| netsuite::record(order, &field_ids))
                .collect(),
        );
    }
    Ok(output)
}

struct Context<'a> {
    catalog: &'a Catalog<'a>,
    locations: &'a Locations<'a>,
    customers: &'a Customers<'a>,
    auto_acknowledge: &'a AutoAcknowledge<'a>,
}

enum PoOutcome {
    Created(Box<SalesOrder>, Vec<Exception>),
    NotCreated(NotCreated, Vec<Exception>),
}

/// The dates of a PO, parsed, with the deadline its exceptions carry.
struct PoDates {
    purchase_order_date: DateTime<Utc>,
    changed_date: Option<DateTime<Utc>>,
    ship_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    delivery_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

impl PoDates {
    fn read(index: usize, details: &OrderDetails) -> Result<Self, SalesOrderError> {
        let base = format!("/purchaseOrders/{index}/orderDetails");
        let date = |field: &str, text: &str| {
            parse_instant(text).map_err(|message| InputError::InvalidDate {
                path: format!("{base}/{field}"),
                message,
            })
        };
        let window = |field: &str, text: &Option<String>| {
            text.as_deref()
                .map(|text| {
                    parse_interval(text).map_err(|message| InputError::InvalidDate {
                        path: format!("{base}/{field}"),
                        message,
                    })
                })
                .transpose()
        };
        Ok(PoDates {
            purchase_order_date: date("purchaseOrderDate", &details.purchase_order_date)?,
            changed_date: details
                .purchase_order_changed_date
                .as_deref()
                .map(|text| date("purchaseOrderChangedDate", text))
                .transpose()?,
            ship_window: window("shipWindow", &details.ship_window)?,
            delivery_window: window("deliveryWindow", &details.delivery_window)?,
        })
    }

    /// A New PO: its acknowledgement deadline. An acknowledged one: when its goods must leave.
    fn due_at(&self, state: Option<PurchaseOrderState>) -> Option<String> {
        let due = match state {
            None | Some(PurchaseOrderState::New) => self
                .purchase_order_date
                .checked_add_signed(Duration::hours(ACKNOWLEDGEMENT_WINDOW_HOURS)),
            Some(_) => [self.ship_window, self.delivery_window]
                .into_iter()
                .flatten()
                .map(|(start, _)| start)
                .min(),
        };
        due.map(|d| format_instant(&d))
    }
}

fn window(interval: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Option<Window> {
    interval.map(|(start, end)| Window {
        start: format_instant(&start),
        end: format_instant(&end),
    })
}

fn convert_po(
    index: usize,
    order: &Order,
    context: &Context,
) -> Result<PoOutcome, SalesOrderError> {
    let number = order.purchase_order_number.as_str();
    let not_created = |blocked: bool, reasons: Vec<String>| NotCreated {
        purchase_order_number: number.to_string(),
        blocked,
        reasons,
    };
    if order.purchase_order_state == Some(PurchaseOrderState::Closed) {
        let reason = format!(
            "PO {number} is Closed (rejected, cancelled by Amazon or fully received): no sales \
             order to create"
        );
        return Ok(PoOutcome::NotCreated(
            not_created(false, vec![reason]),
            Vec::new(),
        ));
    }
    let Some(details) = &order.order_details else {
        let message = format!(
            "PO {number} came without orderDetails (getPurchaseOrders with includeDetails=false?): \
             fetch it with getPurchaseOrder, then convert it again"
        );
        let exception = Exception::for_po(
            "PO_DETAILS_MISSING",
            Severity::Error,
            number,
            message.clone(),
        );
        return Ok(PoOutcome::NotCreated(
            not_created(true, vec![message]),
            vec![exception],
        ));
    };
    let dates = PoDates::read(index, details)?;
    let due_at = dates.due_at(order.purchase_order_state);
    let po_exception = |code: &str, message: String| {
        Exception::for_po(code, Severity::Error, number, message).due(due_at.clone())
    };

    let vendor_code = details.selling_party.as_ref().map(|p| p.party_id.as_str());
    let buying_party = details.buying_party.as_ref().map(|p| p.party_id.as_str());
    let fulfillment_center = details.ship_to_party.as_ref().map(|p| p.party_id.as_str());
    let mut po_problems: Vec<Exception> = Vec::new();
    let customer = context.customers.resolve(vendor_code, buying_party);
    if customer.is_none() {
        po_problems.push(po_exception(
            "UNKNOWN_CUSTOMER",
            format!(
                "PO {number}: no ERP customer is mapped to vendor code {} / buying party {}; add \
                 a row to the customer table",
                vendor_code.unwrap_or("(none)"),
                buying_party.unwrap_or("(none)")
            ),
        ));
    }
    let location = match fulfillment_center {
        None => {
            po_problems.push(po_exception(
                "MISSING_SHIP_TO",
                format!(
                    "PO {number} has no shipToParty: the fulfilment centre, and so the ERP \
                     location, is unknown; fetch the PO again with getPurchaseOrder"
                ),
            ));
            None
        }
        Some(center) => {
            let location = context.locations.get(center);
            if location.is_none() {
                po_problems.push(po_exception(
                    "UNKNOWN_FULFILLMENT_CENTER",
                    format!(
                        "PO {number} ships to fulfilment centre {center}, which is not in the \
                         location table; map {center} to an ERP location"
                    ),
                ));
            }
            location
        }
    };

    let mut lines = Vec::new();
    let mut omitted = Vec::new();
    let mut exceptions = Vec::new();
    let mut currency: Option<String> = None;
    for (j, item) in details.items.iter().enumerate() {
        let path = format!("/purchaseOrders/{index}/orderDetails/items/{j}");
        let line = convert_line(number, item, &path, customer, context, due_at.as_deref())?;
        match line {
            LineOutcome::Line(line) => {
                // One sales order has one currency: the first line's. A line priced in another
                // currency the customer also uses cannot be on the same order.
                let line_currency = line.currency.clone();
                match &currency {
                    Some(order_currency)
                        if !order_currency.eq_ignore_ascii_case(&line_currency) =>
                    {
                        let message = format!(
                            "PO {number} line {} is priced in {line_currency} but earlier lines \
                             in {order_currency}: one sales order has one currency; ask Amazon \
                             vendor support to correct the PO",
                            item.item_sequence_number
                        );
                        exceptions.push(
                            Exception::for_po(
                                "MIXED_CURRENCIES",
                                Severity::Error,
                                number,
                                message.clone(),
                            )
                            .line(&item.item_sequence_number)
                            .sku(Some(&line.line.item))
                            .due(due_at.clone())
                            .money_at_risk(line.value()),
                        );
                        omitted.push(OmittedLine {
                            item_sequence_number: item.item_sequence_number.clone(),
                            blocked: true,
                            reason: message,
                        });
                        continue;
                    }
                    Some(_) => {}
                    None => currency = Some(line_currency.to_ascii_uppercase()),
                }
                exceptions.extend(line.warnings);
                lines.push(line.line);
            }
            LineOutcome::Omitted(line, line_exceptions) => {
                exceptions.extend(line_exceptions);
                omitted.push(line);
            }
        }
    }

    let (Some(customer), Some(location), Some(center), true) = (
        customer,
        location,
        fulfillment_center,
        po_problems.is_empty(),
    ) else {
        let reasons = po_problems.iter().map(|e| e.message.clone()).collect();
        let at_risk = po_value(&lines, currency.as_deref());
        po_problems.extend(exceptions);
        for problem in &mut po_problems {
            if problem.item_sequence_number.is_none() {
                problem.money_at_risk = at_risk.clone();
            }
        }
        return Ok(PoOutcome::NotCreated(
            not_created(true, reasons),
            po_problems,
        ));
    };
    if lines.is_empty() {
        let mut reasons: Vec<String> = omitted.iter().map(|l| l.reason.clone()).collect();
        let blocked = omitted.iter().any(|l| l.blocked) || details.items.is_empty();
        if details.items.is_empty() {
            let message = format!(
                "PO {number} has no items: nothing to put on a sales order; fetch it again with \
                 getPurchaseOrder, and ask Amazon vendor support if it stays empty"
            );
            reasons.push(message.clone());
            exceptions.push(po_exception("PO_WITHOUT_ITEMS", message));
        }
        return Ok(PoOutcome::NotCreated(
            not_created(blocked, reasons),
            exceptions,
        ));
    }

    let mut total = Decimal::ZERO;
    for (j, line) in lines.iter().enumerate() {
        if let Some(amount) = line.amount {
            total = total
                .checked_add(amount)
                .ok_or_else(|| SalesOrderError::AmountOverflow {
                    path: format!("/purchaseOrders/{index}/orderDetails/items/{j}"),
                })?;
        }
    }
    let status = if lines.iter().all(|line| line.auto_acknowledge) {
        SalesOrderStatus::PendingFulfillment
    } else {
        SalesOrderStatus::PendingApproval
    };
    let sales_order = SalesOrder {
        external_id: number.to_string(),
        purchase_order_number: number.to_string(),
        purchase_order_date: format_instant(&dates.purchase_order_date),
        purchase_order_changed_date: dates.changed_date.map(|d| format_instant(&d)),
        purchase_order_state: order.purchase_order_state,
        purchase_order_type: details.purchase_order_type,
        customer: customer.customer.clone(),
        vendor_code: vendor_code.map(str::to_string),
        buying_party: buying_party.map(str::to_string),
        fulfillment_center: center.to_string(),
        location: location.to_string(),
        currency_code: currency,
        ship_window: window(dates.ship_window),
        delivery_window: window(dates.delivery_window),
        status,
        lines,
        total,
        omitted_lines: omitted,
    };
    Ok(PoOutcome::Created(Box::new(sales_order), exceptions))
}

/// Σ line values in `currency`, for the money at risk of a blocked PO.
fn po_value(lines: &[SalesOrderLine], currency: Option<&str>) -> Option<CurrencyAmount> {
    let currency = currency?;
    let mut sum = Decimal::ZERO;
    for amount in lines.iter().filter_map(|l| l.amount) {
        sum = sum.checked_add(amount)?;
    }
    (!sum.is_zero()).then(|| CurrencyAmount {
        amount: sum,
        currency_code: currency.to_string(),
    })
}

/// A value with its currency code in capitals, as the sales order writes currencies.
fn in_currency(value: Option<CurrencyAmount>) -> Option<CurrencyAmount> {
    value.map(|v| CurrencyAmount {
        amount: v.amount,
        currency_code: v.currency_code.to_ascii_uppercase(),
    })
}

/// A converted line, its currency, and warnings that do not block it.
struct ConvertedLine {
    line: SalesOrderLine,
    currency: String,
    warnings: Vec<Exception>,
}

impl ConvertedLine {
    fn value(&self) -> Option<CurrencyAmount> {
        self.line.amount.map(|amount| CurrencyAmount {
            amount,
            currency_code: self.currency.clone(),
        })
    }
}

enum LineOutcome {
    Line(Box<ConvertedLine>),
    Omitted(OmittedLine, Vec<Exception>),
}

fn convert_line(
    number: &str,
    item: &OrderItem,
    path: &str,
    customer: Option<&CustomerMapping>,
    context: &Context,
    due_at: Option<&str>,
) -> Result<LineOutcome, SalesOrderError> {
    let sequence = item.item_sequence_number.as_str();
    let amount = item.ordered_quantity.amount;
    if amount == 0 {
        let omitted = OmittedLine {
            item_sequence_number: sequence.to_string(),
            blocked: false,
            reason: "cancelled by Amazon (ordered quantity 0)".to_string(),
        };
        return Ok(LineOutcome::Omitted(omitted, Vec::new()));
    }
    let exception = |code: &str, severity: Severity, sku: Option<&str>, message: &str| {
        Exception::for_po(code, severity, number, message.to_string())
            .line(sequence)
            .sku(sku)
            .due(due_at.map(str::to_string))
    };
    let blocked = |code: &str, sku: Option<&str>, message: String, at_risk| {
        let omitted = OmittedLine {
            item_sequence_number: sequence.to_string(),
            blocked: true,
            reason: message.clone(),
        };
        let exception = exception(code, Severity::Error, sku, &message).money_at_risk(at_risk);
        Ok(LineOutcome::Omitted(omitted, vec![exception]))
    };

    let cost = item.net_cost.as_ref();
    let rate = cost
        .and_then(|money| money.amount)
        .filter(|rate| !rate.is_zero() && !rate.is_negative());
    let currency = cost
        .and_then(|money| money.currency_code.as_deref())
        .map(str::trim)
        .filter(|code| !code.is_empty());
    // Money at risk of a line blocked before its SKU is known: its value when the PO alone
    // says what it is worth (an Eaches line, or Cases with a unitSize; never by weight).
    let rough_value = in_currency(LineValue::of(item, None).ordered_value(item).ok())
        .filter(|value| !value.amount.is_zero() && !value.amount.is_negative());

    let Some(mapping) = context.catalog.resolve(item) else {
        let message = format!(
            "PO {number} line {sequence}: no ERP item matches {}; add it to the SKU map, then \
             convert the PO again",
            item.describe_identifiers()
        );
        return blocked("UNKNOWN_PRODUCT", None, message, rough_value);
    };
    let sku = mapping.sku.as_str();
    let unit = item
        .ordered_quantity
        .unit_of_measure
        .unwrap_or(UnitOfMeasure::Eaches);
    let mut warnings = Vec::new();
    let valuation = LineValue::of(item, mapping.units_per_case);
    let eaches_per_unit = valuation.eaches_per_unit;
    if let (UnitOfMeasure::Cases, Some(po_size), Some(map_size)) = (
        unit,
        item.ordered_quantity.unit_size,
        mapping.units_per_case,
    ) {
        if po_size != map_size {
            let message = format!(
                "PO {number} line {sequence} orders cases of {po_size}, but the SKU map says \
                 {map_size} per case for {sku}: the sales order uses Amazon's {po_size}; fix the \
                 item master before shipping, a unit-of-measure mismatch is charged back"
            );
            warnings.push(exception(
                "UNIT_SIZE_MISMATCH",
                Severity::Warning,
                Some(sku),
                &message,
            ));
        }
    }
    let Some(per_unit) = eaches_per_unit else {
        let message = format!(
            "PO {number} line {sequence} orders {amount} cases of {sku} without a unitSize, and \
             the SKU map has no unitsPerCase: cannot tell how many eaches that is; set \
             unitsPerCase for {sku}"
        );
        return blocked("UNIT_SIZE_MISSING", Some(sku), message, rough_value);
    };
    let quantity_eaches =
        valuation
            .ordered_eaches(item)
            .map_err(|_| SalesOrderError::QuantityOverflow {
                path: format!("{path}/orderedQuantity"),
            })?;
    let Some(rate) = rate else {
        let message = format!(
            "PO {number} line {sequence} ({sku}) has no positive netCost: the sales order line \
             cannot be priced; check the agreed cost with Amazon"
        );
        return blocked("MISSING_NET_COST", Some(sku), message, None);
    };
    let Some(currency) = currency else {
        let message = format!(
            "PO {number} line {sequence} ({sku}) has a netCost without currencyCode: the sales \
             order line cannot be priced; fetch the PO again with getPurchaseOrder"
        );
        return blocked("MISSING_CURRENCY", Some(sku), message, None);
    };
    let rate_unit = cost.and_then(|money| money.unit_of_measure);
    // "The net cost of an item per each or weight unit": eaches × rate, or unknown until the
    // weight is (a line priced by weight has no amount here).
    let line_amount = match valuation.value_of_eaches(quantity_eaches) {
        Ok(value) => Some(value.amount),
        Err(Unvalued::WeightNeeded(_)) => None,
        Err(_) => {
            return Err(SalesOrderError::AmountOverflow {
                path: format!("{path}/netCost/amount"),
            });
        }
    };
    let value = line_amount.map(|amount| CurrencyAmount {
        amount,
        currency_code: currency.to_ascii_uppercase(),
    });
    if let Some(customer) = customer {
        if !uses_currency(customer, currency) {
            let message = format!(
                "PO {number} line {sequence} ({sku}) is priced in {currency}, which ERP customer \
                 {} does not use ({}); add the currency to the customer or map this vendor code \
                 to the customer that trades in {currency}",
                customer.customer,
                customer.currencies.join(", ")
            );
            return blocked("CURRENCY_NOT_USED_BY_CUSTOMER", Some(sku), message, value);
        }
    }
    if let Some(weight_unit) = rate_unit {
        let message = format!(
            "PO {number} line {sequence} ({sku}) is priced per {weight_unit}: the line amount \
             depends on the shipped weight; enter it on the sales order before invoicing"
        );
        warnings.push(exception(
            "PRICED_BY_WEIGHT",
            Severity::Warning,
            Some(sku),
            &message,
        ));
    }

    let line = SalesOrderLine {
        item_sequence_number: sequence.to_string(),
        item: sku.to_string(),
        asin: item
            .amazon_product_identifier
            .clone()
            .or_else(|| mapping.asin.clone()),
        vendor_product_identifier: item.vendor_product_identifier.clone(),
        ordered_quantity: ItemQuantity {
            amount,
            unit_of_measure: Some(unit),
            unit_size: match unit {
                UnitOfMeasure::Cases => Some(per_unit),
                UnitOfMeasure::Eaches => item.ordered_quantity.unit_size,
            },
        },
        quantity_eaches,
        rate,
        rate_unit,
        amount: line_amount,
        list_price: item.list_price.as_ref().and_then(|money| money.amount),
        is_back_order_allowed: item.is_back_order_allowed,
        auto_acknowledge: context.auto_acknowledge.for_sku(sku),
    };
    Ok(LineOutcome::Line(Box::new(ConvertedLine {
        line,
        currency: currency.to_ascii_uppercase(),
        warnings,
    })))
}
