//! `toDirectFulfillmentSalesOrders`: one ERP sales order per Direct Fulfillment order.
//!
//! DF orders are fill or kill (the DF guide: "Partial shipments are not allowed"), so an order
//! with one line the ERP cannot take (unknown product, no price, a currency the customer does
//! not use) is not created at all: it is held with an exception, never created short.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::error::DfError;
use crate::catalog::{Catalog, SkuMapping};
use crate::exceptions::{Exception, Severity};
use crate::money::{CurrencyAmount, Decimal};
use crate::sales_order::mappings::{AutoAcknowledge, Customers, uses_currency};
use crate::sales_order::netsuite::{FieldIds, date_part, order_status};
use crate::sales_order::{
    CustomerMapping, ErpRecord, NotCreated, Preset, SalesOrderSkuRule, SalesOrderStatus,
};
use crate::spapi::df_orders::{DfAddress, DfOrder, DfOrderDetails, DfOrderStatus};
use crate::time::{format_instant, hours, parse_instant, saturating_add};

/// The input of `toDirectFulfillmentSalesOrders`. Unknown top-level fields are refused.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToDfSalesOrdersInput {
    /// DF `Order` objects exactly as getOrders / getOrder (2021-12-28) return them.
    pub orders: Vec<DfOrder>,
    /// ERP SKU ↔ Amazon identifiers (`asin` = the line's `buyerProductIdentifier`).
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// The vendor's warehouse code (`shipFromParty.partyId`) → ERP location.
    #[serde(default)]
    pub locations: BTreeMap<String, String>,
    /// Vendor code (`sellingParty.partyId`) and/or bill-to party (`billToParty.partyId`, in the
    /// `buyingParty` column) → ERP customer, as for `toSalesOrders`.
    #[serde(default)]
    pub customers: Vec<CustomerMapping>,
    /// Whether NEW orders go straight to fulfilment (`pendingFulfillment`) or wait for a person
    /// (`pendingApproval`). Default false. An `ACCEPTED` order is always `pendingFulfillment`.
    #[serde(default)]
    pub auto_acknowledge: bool,
    /// Per-SKU overrides of `autoAcknowledge`, as for `toSalesOrders`; empty: every line follows
    /// `autoAcknowledge`.
    #[serde(default)]
    pub sku_rules: Vec<SalesOrderSkuRule>,
    /// Also emit each sales order as an ERP record in this preset's field names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// Renames of the preset's custom field ids (see [`DF_CUSTOM_FIELDS`]).
    #[serde(default)]
    pub preset_field_ids: BTreeMap<String, String>,
}

/// The output of `toDirectFulfillmentSalesOrders`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ToDfSalesOrdersOutput {
    /// One per order that can become a sales order, in input order.
    pub sales_orders: Vec<DfSalesOrder>,
    /// The same sales orders in the preset's record shape (absent without `preset`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<ErpRecord>>,
    /// Orders that did not become a sales order, and why (never with the customer's data).
    pub not_created: Vec<NotCreated>,
    /// Orders Amazon cancelled: close every line of their sales order, if one was created
    /// (by `externalId`), and release what was reserved for them.
    pub to_close: Vec<DfCloseOrder>,
    /// Orders held (unknown SKU, warehouse or customer without a mapping, …) and deadlines at risk,
    /// in the shape of the exceptions report.
    pub exceptions: Vec<Exception>,
}

/// A sales order to close because Amazon cancelled its order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfCloseOrder {
    /// The sales order's external id (the purchase order number), as on
    /// [`DfSalesOrder::external_id`].
    pub external_id: String,
    /// Amazon's purchase order number of the cancelled order (`purchaseOrderNumber`).
    pub purchase_order_number: String,
    /// The item sequence numbers of the order's lines: every one is closed.
    pub item_sequence_numbers: Vec<String>,
}

/// A DF order as an ERP-neutral sales order. `shipTo` and the lines' `giftMessage` are the
/// customer's personal data: they are here only to be written to the ERP record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSalesOrder {
    /// The purchase order number: the key to upsert the sales order by.
    pub external_id: String,
    /// Amazon's purchase order number (`purchaseOrderNumber`), same as `externalId`.
    pub purchase_order_number: String,
    /// Amazon's customer order number (the guide's AmazonOrderID).
    pub customer_order_number: String,
    /// ISO-8601 UTC.
    pub order_date: String,
    /// Amazon's `orderDetails.orderStatus` (`NEW`, `SHIPPED`, `ACCEPTED`, `CANCELLED`); absent when
    /// getOrder(s) did not send it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<DfOrderStatus>,
    /// The ERP customer.
    pub customer: String,
    /// The vendor code (`sellingParty.partyId`).
    pub vendor_code: String,
    /// The vendor's warehouse code (`shipFromParty.partyId`).
    pub warehouse: String,
    /// The ERP location mapped from the warehouse.
    pub location: String,
    /// ISO 4217 currency of the line prices (the lines' `netPrice.currencyCode`).
    pub currency_code: String,
    /// The ship-by deadline, ISO-8601 UTC.
    pub required_ship_date: String,
    /// The delivery date promised to the customer
    /// (`shipmentDetails.shipmentDates.promisedDeliveryDate`), ISO-8601 UTC; absent when Amazon did
    /// not send one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promised_delivery_date: Option<String>,
    /// Amazon's ship-method code (carrier and service level), e.g. `UPS_2ND`.
    pub ship_method: String,
    /// Amazon's `shipmentDetails.isPriorityShipment`: ship with priority.
    pub is_priority_shipment: bool,
    /// Amazon's `shipmentDetails.isPslipRequired`: a packing slip must go in the package.
    pub is_pslip_required: bool,
    /// Amazon's `shipmentDetails.isGift`: the order is a gift; false when Amazon did not say.
    pub is_gift: bool,
    /// The customer's address: personal data, for the ERP's shipping address only.
    pub ship_to: DfAddress,
    /// The ERP sales order status: `pendingFulfillment` or `pendingApproval` (see
    /// `autoAcknowledge`).
    pub status: SalesOrderStatus,
    /// The order's lines, in Amazon's order.
    pub lines: Vec<DfSalesOrderLine>,
    /// Σ line amounts (exact).
    pub total: Decimal,
}

/// One line of a DF sales order. Quantities are eaches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSalesOrderLine {
    /// Amazon's `itemSequenceNumber` of the order line (a string, e.g. "00001"); the
    /// acknowledgement and shipment confirmation refer to it.
    pub item_sequence_number: String,
    /// The ERP item (the skuMap `sku`).
    pub item: String,
    /// The ASIN: Amazon's `buyerProductIdentifier`, else the SKU map's `asin`; absent when
    /// neither has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// Amazon's `vendorProductIdentifier` (the vendor's SKU as on the order); absent when the order
    /// did not carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Ordered quantity in eaches (`orderedQuantity.amount`, unit `Each`).
    pub quantity: u64,
    /// The line's `netPrice` (per each).
    pub rate: Decimal,
    /// `quantity × rate`.
    pub amount: Decimal,
    /// The customer's gift message: personal data, for the ERP record only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    /// Amazon's `giftDetails.giftWrapId`: the gift wrap to use; absent when the line is not
    /// gift-wrapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gift_wrap_id: Option<String>,
    /// Whether this line may be acknowledged without a person (`autoAcknowledge`, or the SKU's rule
    /// in `skuRules`).
    pub auto_acknowledge: bool,
}

/// Every custom field of the DF NetSuite preset: (default id, what it holds). Ids shared with
/// the retail preset mean the same thing there.
pub const DF_CUSTOM_FIELDS: &[(&str, &str)] = &[
    ("custbody_vcc_vendor_code", "vendor code (sellingParty)"),
    (
        "custbody_vcc_df_warehouse",
        "DF warehouse code (shipFromParty)",
    ),
    ("custbody_vcc_currency", "ISO 4217 currency of the lines"),
    ("custbody_vcc_customer_order_number", "customerOrderNumber"),
    ("custbody_vcc_ship_method", "Amazon shipMethod code"),
    (
        "custbody_vcc_required_ship_date",
        "requiredShipDate, ISO-8601 UTC",
    ),
    (
        "custbody_vcc_promised_delivery_date",
        "promisedDeliveryDate",
    ),
    ("custbody_vcc_priority_shipment", "isPriorityShipment"),
    ("custbody_vcc_pslip_required", "isPslipRequired"),
    ("custbody_vcc_is_gift", "isGift"),
    (
        "custcol_vcc_item_sequence_number",
        "Amazon itemSequenceNumber",
    ),
    ("custcol_vcc_asin", "ASIN (buyerProductIdentifier)"),
    ("custcol_vcc_vendor_product_id", "vendorProductIdentifier"),
    (
        "custcol_vcc_gift_message",
        "giftMessage (Text Area: personal data)",
    ),
    ("custcol_vcc_gift_wrap_id", "giftWrapId"),
];

/// Hours Amazon allows between a DF order and its acknowledgement (DF guide).
const ACKNOWLEDGEMENT_WINDOW_HOURS: i64 = 24;

/// Turns every DF order of the batch into a sales order (or says why not).
pub fn to_df_sales_orders(input: ToDfSalesOrdersInput) -> Result<ToDfSalesOrdersOutput, DfError> {
    let catalog = Catalog::new(&input.sku_map)?;
    let customers = Customers::new(&input.customers)?;
    let auto = AutoAcknowledge::new(input.auto_acknowledge, &input.sku_rules)?;
    let ids = match input.preset {
        Some(Preset::NetSuite) => Some(FieldIds::with(DF_CUSTOM_FIELDS, &input.preset_field_ids)?),
        None => match input.preset_field_ids.keys().next() {
            Some(field) => {
                return Err(DfError::invalid(
                    "UNKNOWN_PRESET_FIELD",
                    crate::error::pointer_child("/presetFieldIds", field),
                    "presetFieldIds needs a preset",
                ));
            }
            None => None,
        },
    };
    let mut output = ToDfSalesOrdersOutput::default();
    let mut seen: BTreeMap<&str, &DfOrder> = BTreeMap::new();
    for (index, order) in input.orders.iter().enumerate() {
        let number = order.purchase_order_number.as_str();
        if let Some(first) = seen.insert(number, order) {
            if first != order {
                return Err(DfError::invalid(
                    "DUPLICATE_PURCHASE_ORDER",
                    format!("/orders/{index}/purchaseOrderNumber"),
                    "two different orders in the batch share this purchase order number: pass \
                     each order once, in its latest state",
                ));
            }
            continue; // an identical copy (overlapping pages): converted once
        }
        let mut held = Held {
            number,
            due_at: None,
            reasons: Vec::new(),
            exceptions: Vec::new(),
            at_risk: None,
        };
        let Some(details) = &order.order_details else {
            held.hold(
                "DETAILS_MISSING",
                None,
                None,
                "the order came without orderDetails (getOrders with includeDetails=false?): \
                 fetch it with getOrder, then convert it again"
                    .to_string(),
            );
            held.finish(&mut output);
            continue;
        };
        let base = format!("/orders/{index}/orderDetails");
        let order_date = date(&details.order_date, &base, "/orderDate")?;
        let ship_by = date(
            &details.shipment_details.shipment_dates.required_ship_date,
            &base,
            "/shipmentDetails/shipmentDates/requiredShipDate",
        )?;
        let promised = details
            .shipment_details
            .shipment_dates
            .promised_delivery_date
            .as_deref()
            .map(|text| {
                date(
                    text,
                    &base,
                    "/shipmentDetails/shipmentDates/promisedDeliveryDate",
                )
            })
            .transpose()?;
        match details.order_status {
            Some(DfOrderStatus::Cancelled) => {
                output.to_close.push(DfCloseOrder {
                    external_id: number.to_string(),
                    purchase_order_number: number.to_string(),
                    item_sequence_numbers: details
                        .items
                        .iter()
                        .map(|i| i.item_sequence_number.clone())
                        .collect(),
                });
                output.not_created.push(NotCreated {
                    purchase_order_number: number.to_string(),
                    blocked: false,
                    reasons: vec![
                        "Amazon cancelled the order: close its sales order (toClose)".to_string(),
                    ],
                });
                continue;
            }
            Some(status @ DfOrderStatus::Shipped) => {
                output.not_created.push(NotCreated {
                    purchase_order_number: number.to_string(),
                    blocked: false,
                    reasons: vec![format!("the order is {status}: no sales order to create")],
                });
                continue;
            }
            Some(DfOrderStatus::Accepted) => held.due_at = Some(format_instant(&ship_by)),
            _ => {
                held.due_at = Some(format_instant(&saturating_add(
                    order_date,
                    hours(ACKNOWLEDGEMENT_WINDOW_HOURS),
                )))
            }
        }
        let context = Context {
            catalog: &catalog,
            customers: &customers,
            auto: &auto,
            locations: &input.locations,
        };
        if let Some(sales_order) = convert(order, details, &context, &mut held, &base)? {
            let mut sales_order = sales_order;
            sales_order.order_date = format_instant(&order_date);
            sales_order.required_ship_date = format_instant(&ship_by);
            sales_order.promised_delivery_date = promised.as_ref().map(format_instant);
            if let Some(ids) = &ids {
                output
                    .records
                    .get_or_insert_with(Vec::new)
                    .push(record(&sales_order, ids));
            }
            output.exceptions.append(&mut held.exceptions);
            output.sales_orders.push(sales_order);
        } else {
            held.finish(&mut output);
        }
    }
    if ids.is_some() && output.records.is_none() {
        output.records = Some(Vec::new());
    }
    Ok(output)
}

fn date(text: &str, base: &str, field: &str) -> Result<DateTime<Utc>, DfError> {
    parse_instant(text).map_err(|message| DfError::date(format!("{base}{field}"), message))
}

struct Context<'a> {
    catalog: &'a Catalog<'a>,
    customers: &'a Customers<'a>,
    auto: &'a AutoAcknowledge<'a>,
    locations: &'a BTreeMap<String, String>,
}

/// What holds an order back: reasons, exceptions, and the deadline they carry.
struct Held<'a> {
    number: &'a str,
    due_at: Option<String>,
    reasons: Vec<String>,
    exceptions: Vec<Exception>,
    at_risk: Option<CurrencyAmount>,
}

impl Held<'_> {
    fn hold(&mut self, code: &str, line: Option<&str>, sku: Option<&str>, message: String) {
        let mut exception = Exception::for_po(code, Severity::Error, self.number, message.clone())
            .sku(sku)
            .due(self.due_at.clone());
        if let Some(line) = line {
            exception = exception.line(line);
        }
        self.reasons.push(message);
        self.exceptions.push(exception);
    }

    fn finish(mut self, output: &mut ToDfSalesOrdersOutput) {
        for exception in &mut self.exceptions {
            exception.money_at_risk = self.at_risk.clone();
        }
        output.not_created.push(NotCreated {
            purchase_order_number: self.number.to_string(),
            blocked: true,
            reasons: self.reasons,
        });
        output.exceptions.append(&mut self.exceptions);
    }
}

/// The sales order of one order, or `None` when something holds it (recorded in `held`).
fn convert(
    order: &DfOrder,
    details: &DfOrderDetails,
    context: &Context,
    held: &mut Held,
    base: &str,
) -> Result<Option<DfSalesOrder>, DfError> {
    let vendor_code = details.selling_party.party_id.trim();
    let bill_to = details.bill_to_party.party_id.trim();
    let customer = context
        .customers
        .resolve(Some(vendor_code), Some(bill_to).filter(|b| !b.is_empty()));
    if customer.is_none() {
        held.hold(
            "UNKNOWN_CUSTOMER",
            None,
            None,
            format!(
                "no ERP customer is mapped to vendor code {vendor_code} / bill-to party \
                 {bill_to}; add a row to the customer table"
            ),
        );
    }
    let warehouse = details.ship_from_party.party_id.trim();
    let location = context.locations.get(warehouse);
    if location.is_none() {
        held.hold(
            "UNKNOWN_WAREHOUSE",
            None,
            None,
            format!(
                "warehouse {warehouse} (shipFromParty) is not in the location table; map it to \
                 an ERP location"
            ),
        );
    }
    if details.items.is_empty() {
        held.hold(
            "NO_ITEMS",
            None,
            None,
            "the order has no items: fetch it again with getOrder".to_string(),
        );
    }
    let mut lines = Vec::with_capacity(details.items.len());
    let mut currency: Option<&str> = None;
    let mut total = Some(Decimal::ZERO);
    let mut priced_so_far = true;
    let mut sequences = BTreeSet::new();
    for (j, item) in details.items.iter().enumerate() {
        let sequence = item.item_sequence_number.trim();
        if !sequences.insert(sequence) {
            return Err(DfError::invalid(
                "DUPLICATE_LINE",
                format!("{base}/items/{j}/itemSequenceNumber"),
                "two lines of one order share an itemSequenceNumber",
            ));
        }
        let line_name = if sequence.is_empty() {
            "(none)"
        } else {
            sequence
        };
        let mapping = context.catalog.resolve_ids(
            item.buyer_product_identifier.as_deref(),
            item.vendor_product_identifier.as_deref(),
        );
        let sku = mapping.map(|m| m.sku.as_str());
        let quantity = item.ordered_quantity.amount;
        let price = item.net_price.as_ref();
        let rate = price
            .and_then(|p| p.amount)
            .filter(|r| !r.is_zero() && !r.is_negative());
        let line_currency = price
            .and_then(|p| p.currency_code.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let amount = rate.and_then(|r| r.checked_mul_quantity(quantity));
        total = match (total, amount) {
            (Some(t), Some(a)) => t.checked_add(a),
            _ => None,
        };
        if rate.is_some() && total.is_none() && priced_so_far {
            return Err(DfError::invalid(
                "AMOUNT_OVERFLOW",
                format!("{base}/items/{j}/netPrice/amount"),
                "the line amount or the order total is beyond the decimal range",
            ));
        }
        priced_so_far = priced_so_far && rate.is_some();
        let mut problem = |code: &str, text: String| {
            held.hold(code, Some(line_name), sku, text);
        };
        if sequence.is_empty() {
            problem(
                "MISSING_LINE_ID",
                format!("line {} has no itemSequenceNumber", j.saturating_add(1)),
            );
        }
        if mapping.is_none() {
            problem(
                "UNKNOWN_PRODUCT",
                format!(
                    "line {line_name}: no ERP item matches ASIN {} / vendor product {}; add it \
                     to the SKU map",
                    item.buyer_product_identifier.as_deref().unwrap_or("(none)"),
                    item.vendor_product_identifier
                        .as_deref()
                        .unwrap_or("(none)")
                ),
            );
        }
        if quantity == 0 {
            problem(
                "ZERO_QUANTITY",
                format!("line {line_name} orders 0: ask Amazon vendor support"),
            );
        }
        if rate.is_none() || line_currency.is_none() {
            problem(
                "MISSING_NET_PRICE",
                format!(
                    "line {line_name} has no positive netPrice with a currencyCode: it cannot be \
                     priced; fetch the order again with getOrder"
                ),
            );
        }
        if let Some(line_currency) = line_currency {
            match currency {
                Some(first) if !first.eq_ignore_ascii_case(line_currency) => problem(
                    "MIXED_CURRENCIES",
                    format!(
                        "line {line_name} is priced in {line_currency} but earlier lines in \
                         {first}: one sales order has one currency"
                    ),
                ),
                Some(_) => {}
                None => currency = Some(line_currency),
            }
            if let Some(customer) = customer.filter(|c| !uses_currency(c, line_currency)) {
                problem(
                    "CURRENCY_NOT_USED_BY_CUSTOMER",
                    format!(
                        "line {line_name} is priced in {line_currency}, which ERP customer {} \
                         does not use",
                        customer.customer
                    ),
                );
            }
        }
        let gift = item.gift_details.as_ref();
        if let (Some(mapping), Some(rate), Some(amount)) = (mapping, rate, amount) {
            lines.push(DfSalesOrderLine {
                item_sequence_number: item.item_sequence_number.clone(),
                item: mapping.sku.clone(),
                asin: item
                    .buyer_product_identifier
                    .clone()
                    .or_else(|| mapping.asin.clone()),
                vendor_product_identifier: item.vendor_product_identifier.clone(),
                quantity,
                rate,
                amount,
                gift_message: gift.and_then(|g| g.gift_message.clone()),
                gift_wrap_id: gift.and_then(|g| g.gift_wrap_id.clone()),
                auto_acknowledge: context.auto.for_sku(&mapping.sku),
            });
        }
    }
    let currency = currency.map(str::to_ascii_uppercase);
    held.at_risk = total
        .zip(currency.clone())
        .filter(|(t, _)| !t.is_zero())
        .map(|(amount, currency_code)| CurrencyAmount {
            amount,
            currency_code,
        });
    let (Some(customer), Some(location), Some(currency), Some(total), true) = (
        customer,
        location,
        currency,
        total,
        held.exceptions.is_empty(),
    ) else {
        return Ok(None);
    };
    let accepted = details.order_status == Some(DfOrderStatus::Accepted);
    let status = if accepted || lines.iter().all(|l| l.auto_acknowledge) {
        SalesOrderStatus::PendingFulfillment
    } else {
        SalesOrderStatus::PendingApproval
    };
    let shipment = &details.shipment_details;
    Ok(Some(DfSalesOrder {
        external_id: order.purchase_order_number.clone(),
        purchase_order_number: order.purchase_order_number.clone(),
        customer_order_number: details.customer_order_number.clone(),
        order_date: String::new(),
        order_status: details.order_status,
        customer: customer.customer.clone(),
        vendor_code: vendor_code.to_string(),
        warehouse: warehouse.to_string(),
        location: location.clone(),
        currency_code: currency,
        required_ship_date: String::new(),
        promised_delivery_date: None,
        ship_method: shipment.ship_method.clone(),
        is_priority_shipment: shipment.is_priority_shipment,
        is_pslip_required: shipment.is_pslip_required,
        is_gift: shipment.is_gift.unwrap_or(false),
        ship_to: details.ship_to_party.clone(),
        status,
        lines,
        total,
    }))
}

/// The DF sales order as a NetSuite `salesorder` record with its `shippingaddress` subrecord.
fn record(order: &DfSalesOrder, ids: &FieldIds) -> ErpRecord {
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    let mut set = |id: String, value: Value| {
        fields.insert(id, value);
    };
    set("externalid".into(), json!(order.external_id));
    set("otherrefnum".into(), json!(order.purchase_order_number));
    set("entity".into(), json!(order.customer));
    set("location".into(), json!(order.location));
    set("trandate".into(), json!(date_part(&order.order_date)));
    set("orderstatus".into(), json!(order_status(order.status)));
    set(
        "shipdate".into(),
        json!(date_part(&order.required_ship_date)),
    );
    set(
        "memo".into(),
        json!(format!("Amazon DF order {}", order.purchase_order_number)),
    );
    let text = [
        ("custbody_vcc_vendor_code", &order.vendor_code),
        ("custbody_vcc_df_warehouse", &order.warehouse),
        ("custbody_vcc_currency", &order.currency_code),
        (
            "custbody_vcc_customer_order_number",
            &order.customer_order_number,
        ),
        ("custbody_vcc_ship_method", &order.ship_method),
        ("custbody_vcc_required_ship_date", &order.required_ship_date),
    ];
    for (id, value) in text {
        set(ids.id(id), json!(value));
    }
    if let Some(promised) = &order.promised_delivery_date {
        set(
            ids.id("custbody_vcc_promised_delivery_date"),
            json!(promised),
        );
    }
    set(
        ids.id("custbody_vcc_priority_shipment"),
        json!(order.is_priority_shipment),
    );
    set(
        ids.id("custbody_vcc_pslip_required"),
        json!(order.is_pslip_required),
    );
    set(ids.id("custbody_vcc_is_gift"), json!(order.is_gift));
    let items = order
        .lines
        .iter()
        .map(|line| {
            let mut out = BTreeMap::new();
            out.insert("item".to_string(), json!(line.item));
            out.insert("quantity".to_string(), json!(line.quantity));
            out.insert("rate".to_string(), json!(line.rate.to_string()));
            let optional = [
                (
                    "custcol_vcc_item_sequence_number",
                    Some(&line.item_sequence_number),
                ),
                ("custcol_vcc_asin", line.asin.as_ref()),
                (
                    "custcol_vcc_vendor_product_id",
                    line.vendor_product_identifier.as_ref(),
                ),
                ("custcol_vcc_gift_message", line.gift_message.as_ref()),
                ("custcol_vcc_gift_wrap_id", line.gift_wrap_id.as_ref()),
            ];
            for (id, value) in optional {
                if let Some(value) = value {
                    out.insert(ids.id(id), json!(value));
                }
            }
            out
        })
        .collect();
    ErpRecord {
        record_type: "salesorder".to_string(),
        fields,
        sublists: BTreeMap::from([("item".to_string(), items)]),
        subrecords: BTreeMap::from([(
            "shippingaddress".to_string(),
            address_fields(&order.ship_to),
        )]),
    }
}

/// NetSuite's address subrecord fields of a DF ship-to address (absent fields left out).
fn address_fields(address: &DfAddress) -> BTreeMap<String, Value> {
    let pairs = [
        ("addressee", Some(&address.name)),
        ("attention", address.attention.as_ref()),
        ("addr1", Some(&address.address_line1)),
        ("addr2", address.address_line2.as_ref()),
        ("addr3", address.address_line3.as_ref()),
        ("city", address.city.as_ref()),
        ("state", Some(&address.state_or_region)),
        ("zip", address.postal_code.as_ref()),
        ("country", Some(&address.country_code)),
        ("addrphone", address.phone.as_ref()),
    ];
    pairs
        .into_iter()
        .filter_map(|(id, value)| {
            value
                .filter(|v| !v.is_empty())
                .map(|v| (id.to_string(), json!(v)))
        })
        .collect()
}
