//! The purchase orders of a run and what was acknowledged on them, indexed by PO number and
//! line, with every quantity in eaches. Shared by `buildInvoice` and `reconcile`.
//!
//! Conventions (documented in `src/invoice/README.md`):
//! - A line's `netCost` is "The net cost of an item per each or weight unit" (vendorOrders):
//!   every value is [`crate::line_value`]'s, eaches × each cost (3 Cases of 12 at 2.00 = 72.00).
//! - A Cases line without `unitSize` takes the SKU map's `unitsPerCase`; without either it is
//!   refused (`MISSING_UNIT_SIZE`), never read as a case of 1.
//! - The acknowledged cost, when present, is the cost to invoice (the rules require the
//!   acknowledged cost to equal the invoiced cost); otherwise the PO's cost.
//! - For a line acknowledged several times, the latest acknowledgement replaces the earlier
//!   ones, as Amazon treats them. Ties on the date are broken by content, never by input order.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::catalog::Catalog;
use crate::error::{CodedError, InputError};
use crate::line_value::{LineValue, Pricing, Unvalued};
use crate::money::{CurrencyAmount, Decimal};
use crate::spapi::orders::{
    AcknowledgementCode, ItemQuantity, Money, Order, OrderAcknowledgement,
    OrderAcknowledgementItem, OrderItem, PurchaseOrderState, UnitOfMeasure,
};
use crate::time::{parse_instant, parse_interval};

/// Purchase orders and acknowledgements that cannot be indexed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BookError {
    /// An input error (see [`InputError`]).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The same PO twice: which copy is current cannot be known.
    #[error("purchase order {number} appears more than once (again at {path})")]
    DuplicatePurchaseOrder {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The purchase order number.
        number: String,
    },
    /// A Cases quantity without `unitSize` (and, for a PO line, no `unitsPerCase` in the SKU
    /// map): its eaches cannot be known, and guessing would misstate every amount derived from it.
    #[error(
        "quantity at {path} is in Cases but has no unitSize (give it, or unitsPerCase in the SKU map)"
    )]
    MissingUnitSize {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
    /// A quantity whose eaches do not fit in 64 bits.
    #[error("quantity at {path} overflows when converted to eaches")]
    QuantityOverflow {
        /// JSON pointer to the offending field of the input.
        path: String,
    },
}

impl CodedError for BookError {
    fn code(&self) -> &'static str {
        match self {
            BookError::Input(e) => e.code(),
            BookError::DuplicatePurchaseOrder { .. } => "DUPLICATE_PURCHASE_ORDER",
            BookError::MissingUnitSize { .. } => "MISSING_UNIT_SIZE",
            BookError::QuantityOverflow { .. } => "QUANTITY_OVERFLOW",
        }
    }

    fn path(&self) -> String {
        match self {
            BookError::Input(e) => e.path(),
            BookError::DuplicatePurchaseOrder { path, .. }
            | BookError::MissingUnitSize { path }
            | BookError::QuantityOverflow { path } => path.clone(),
        }
    }

    fn details(&self) -> serde_json::Value {
        match self {
            BookError::Input(e) => e.details(),
            BookError::DuplicatePurchaseOrder { number, .. } => {
                serde_json::json!({ "purchaseOrderNumber": number })
            }
            BookError::MissingUnitSize { .. } | BookError::QuantityOverflow { .. } => {
                serde_json::Value::Null
            }
        }
    }
}

/// A cost with its currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    /// The amount per each (or weight unit).
    pub amount: Decimal,
    /// Its currency.
    pub currency_code: String,
}

impl Price {
    fn from_money(money: &Money) -> Option<Price> {
        Some(Price {
            amount: money.amount?,
            currency_code: money.currency_code.clone()?,
        })
    }
}

/// What the latest acknowledgement of a line said, in eaches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AckFacts {
    /// Accepted at acknowledgement, in eaches.
    pub accepted_eaches: u64,
    /// Backordered at acknowledgement, in eaches.
    pub backordered_eaches: u64,
    /// Rejected at acknowledgement, in eaches.
    pub rejected_eaches: u64,
    /// The acknowledged net cost, if any.
    pub cost: Option<Price>,
    /// When the latest acknowledgement of the line was sent.
    pub acknowledged_at: Option<DateTime<Utc>>,
}

/// One PO line.
#[derive(Debug, Clone)]
pub struct PoLine<'a> {
    /// The PO line as Amazon sent it.
    pub item: &'a OrderItem,
    /// JSON pointer of the line in the input.
    pub path: String,
    /// The unit the line was ordered in.
    pub unit_of_measure: UnitOfMeasure,
    /// Eaches per ordered unit (1 for Eaches; the PO's `unitSize`, else the SKU map's).
    pub unit_size: u64,
    /// Ordered, in eaches.
    pub ordered_eaches: u64,
    /// The PO's net cost of the line.
    pub po_cost: Option<Price>,
    /// What was acknowledged for the line, if anything.
    pub ack: Option<AckFacts>,
    /// The line's valuation at the cost to invoice (acknowledged, else the PO's).
    pub value: LineValue,
}

impl PoLine<'_> {
    /// What `eaches` of the line are worth at the cost to invoice (per each or weight unit);
    /// `weight` is only needed, and used, for a line priced by weight.
    pub fn value_of(
        &self,
        eaches: u64,
        weight: Option<&crate::line_value::Weight>,
    ) -> Result<CurrencyAmount, Unvalued> {
        self.value.value(eaches, weight)
    }

    /// The weight unit the line is priced per, if it is priced by weight.
    pub fn weight_unit(&self) -> Option<crate::spapi::orders::WeightUnit> {
        match self.value.pricing {
            Pricing::PerWeight(unit) => Some(unit),
            Pricing::PerEach => None,
        }
    }

    /// The cost to invoice and to value quantities at: acknowledged, else the PO's.
    pub fn cost(&self) -> Option<&Price> {
        self.ack
            .as_ref()
            .and_then(|ack| ack.cost.as_ref())
            .or(self.po_cost.as_ref())
    }

    /// Eaches Amazon expects to receive: accepted plus backordered (backorders ship later).
    pub fn shippable_eaches(&self) -> u64 {
        self.ack.as_ref().map_or(0, |ack| {
            ack.accepted_eaches.saturating_add(ack.backordered_eaches)
        })
    }

    /// The line's currency, from its cost.
    pub fn currency(&self) -> Option<&str> {
        self.cost().map(|c| c.currency_code.as_str())
    }

    /// The line's `itemSequenceNumber`.
    pub fn sequence(&self) -> &str {
        &self.item.item_sequence_number
    }
}

/// One purchase order.
#[derive(Debug, Clone)]
pub struct PoEntry<'a> {
    /// Position in `purchaseOrders`.
    pub index: usize,
    /// The purchase order as Amazon sent it.
    pub order: &'a Order,
    /// The PO date.
    pub date: Option<DateTime<Utc>>,
    /// End of the ship window (or delivery window when there is no ship window).
    pub window_end: Option<DateTime<Utc>>,
    /// Its lines, in PO order.
    pub lines: Vec<PoLine<'a>>,
}

impl<'a> PoEntry<'a> {
    /// The PO number.
    pub fn number(&self) -> &'a str {
        &self.order.purchase_order_number
    }

    /// The PO's state (absent: treated as `New`).
    pub fn state(&self) -> Option<PurchaseOrderState> {
        self.order.purchase_order_state
    }

    /// The line a reference points at: by item sequence number (`"1"` = `"00001"`), else by
    /// ASIN, else by vendor product identifier.
    pub fn find_line(
        &self,
        sequence: Option<&str>,
        asin: Option<&str>,
        vendor_id: Option<&str>,
    ) -> Option<usize> {
        if let Some(sequence) = sequence {
            let wanted = normalise_sequence(sequence);
            if let Some(i) = self
                .lines
                .iter()
                .position(|l| normalise_sequence(l.sequence()) == wanted)
            {
                return Some(i);
            }
        }
        if let Some(asin) = asin {
            if let Some(i) = self
                .lines
                .iter()
                .position(|l| l.item.amazon_product_identifier.as_deref() == Some(asin))
            {
                return Some(i);
            }
        }
        let vendor_id = vendor_id?;
        self.lines
            .iter()
            .position(|l| l.item.vendor_product_identifier.as_deref() == Some(vendor_id))
    }
}

/// Whether a candidate version replaces the current one: a greater rank (date, type, …), or
/// the same rank and greater content. Content is only serialised on a tie, so choosing the
/// current version of each document costs nothing extra in the usual case, and the choice
/// never depends on input order.
pub fn supersedes<K: Ord, T: serde::Serialize>(
    candidate_rank: &K,
    candidate: &T,
    current_rank: &K,
    current: &T,
) -> bool {
    match candidate_rank.cmp(current_rank) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            crate::output::to_json_text(candidate, 0).unwrap_or_default()
                > crate::output::to_json_text(current, 0).unwrap_or_default()
        }
    }
}

/// Item sequence numbers compare by value when numeric (`"00001"` is line `"1"`).
pub fn normalise_sequence(sequence: &str) -> &str {
    let trimmed = sequence.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let stripped = trimmed.trim_start_matches('0');
        if stripped.is_empty() { "0" } else { stripped }
    } else {
        trimmed
    }
}

/// An acknowledgement (or one of its items) that matches no PO or PO line of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedAcknowledgement {
    /// JSON pointer to the acknowledgement in the input.
    pub path: String,
    /// The purchase order it names.
    pub purchase_order_number: String,
    /// The line it names, if any.
    pub item_sequence_number: Option<String>,
}

/// Purchase orders indexed by number.
#[derive(Debug, Default)]
pub struct PoBook<'a> {
    /// Every PO, by number.
    pub orders: BTreeMap<&'a str, PoEntry<'a>>,
    /// Acknowledgements that name no known PO or line.
    pub unmatched_acknowledgements: Vec<UnmatchedAcknowledgement>,
}

impl<'a> PoBook<'a> {
    /// Indexes `orders` (at `/purchaseOrders`) and applies `acknowledgements` (at
    /// `/acknowledgements`), latest per line.
    /// A Cases line without `unitSize` takes `unitsPerCase` from `catalog`.
    pub fn new(
        orders: &'a [Order],
        acknowledgements: &'a [OrderAcknowledgement],
        catalog: &Catalog<'_>,
    ) -> Result<Self, BookError> {
        let mut book = PoBook::default();
        for (index, order) in orders.iter().enumerate() {
            let entry = read_order(index, order, catalog)?;
            if book
                .orders
                .insert(order.purchase_order_number.as_str(), entry)
                .is_some()
            {
                return Err(BookError::DuplicatePurchaseOrder {
                    path: format!("/purchaseOrders/{index}/purchaseOrderNumber"),
                    number: order.purchase_order_number.clone(),
                });
            }
        }
        book.apply_acknowledgements(acknowledgements)?;
        Ok(book)
    }

    /// The PO with this number, if any.
    pub fn get(&self, number: &str) -> Option<&PoEntry<'a>> {
        self.orders.get(number)
    }

    fn apply_acknowledgements(
        &mut self,
        acknowledgements: &'a [OrderAcknowledgement],
    ) -> Result<(), BookError> {
        // Latest acknowledgement per (PO, line index): (date, the item, facts).
        type Candidate<'i> = (DateTime<Utc>, &'i OrderAcknowledgementItem, AckFacts);
        let mut latest: BTreeMap<(&'a str, usize), Candidate<'a>> = BTreeMap::new();
        for (a, ack) in acknowledgements.iter().enumerate() {
            let base = format!("/acknowledgements/{a}");
            let date = parse_instant(&ack.acknowledgement_date).map_err(|message| {
                InputError::InvalidDate {
                    path: format!("{base}/acknowledgementDate"),
                    message,
                }
            })?;
            let Some(entry) = self.orders.get(ack.purchase_order_number.as_str()) else {
                self.unmatched_acknowledgements
                    .push(UnmatchedAcknowledgement {
                        path: format!("{base}/purchaseOrderNumber"),
                        purchase_order_number: ack.purchase_order_number.clone(),
                        item_sequence_number: None,
                    });
                continue;
            };
            for (i, item) in ack.items.iter().enumerate() {
                let item_path = format!("{base}/items/{i}");
                let Some(line_index) = entry.find_line(
                    item.item_sequence_number.as_deref(),
                    item.amazon_product_identifier.as_deref(),
                    item.vendor_product_identifier.as_deref(),
                ) else {
                    self.unmatched_acknowledgements
                        .push(UnmatchedAcknowledgement {
                            path: item_path,
                            purchase_order_number: ack.purchase_order_number.clone(),
                            item_sequence_number: item.item_sequence_number.clone(),
                        });
                    continue;
                };
                let Some(line) = entry.lines.get(line_index) else {
                    continue;
                };
                let mut facts = AckFacts {
                    cost: item.net_cost.as_ref().and_then(Price::from_money),
                    acknowledged_at: Some(date),
                    ..AckFacts::default()
                };
                for (e, entry_ack) in item.item_acknowledgements.iter().enumerate() {
                    let path = format!("{item_path}/itemAcknowledgements/{e}/acknowledgedQuantity");
                    let eaches = eaches_of(
                        &entry_ack.acknowledged_quantity,
                        line.unit_of_measure,
                        line.unit_size,
                        &path,
                    )?;
                    let slot = match entry_ack.acknowledgement_code {
                        AcknowledgementCode::Accepted => &mut facts.accepted_eaches,
                        AcknowledgementCode::Backordered => &mut facts.backordered_eaches,
                        AcknowledgementCode::Rejected => &mut facts.rejected_eaches,
                    };
                    *slot = slot
                        .checked_add(eaches)
                        .ok_or(BookError::QuantityOverflow { path })?;
                }
                let key = (entry.number(), line_index);
                let newer = match latest.get(&key) {
                    None => true,
                    Some((other_date, other_item, _)) => {
                        supersedes(&date, item, other_date, *other_item)
                    }
                };
                if newer {
                    latest.insert(key, (date, item, facts));
                }
            }
        }
        for ((number, line_index), (_, item, facts)) in latest {
            if let Some(line) = self
                .orders
                .get_mut(number)
                .and_then(|entry| entry.lines.get_mut(line_index))
            {
                // The acknowledged cost counts only with its currency, as in `PoLine::cost`.
                if facts.cost.is_some() {
                    line.value = line.value.clone().with_cost(item.net_cost.as_ref());
                }
                line.ack = Some(facts);
            }
        }
        Ok(())
    }
}

fn read_order<'o>(
    index: usize,
    order: &'o Order,
    catalog: &Catalog<'_>,
) -> Result<PoEntry<'o>, BookError> {
    let base = format!("/purchaseOrders/{index}/orderDetails");
    let mut entry = PoEntry {
        index,
        order,
        date: None,
        window_end: None,
        lines: Vec::new(),
    };
    let Some(details) = &order.order_details else {
        return Ok(entry);
    };
    entry.date = Some(
        parse_instant(&details.purchase_order_date).map_err(|message| InputError::InvalidDate {
            path: format!("{base}/purchaseOrderDate"),
            message,
        })?,
    );
    let window = details
        .ship_window
        .as_ref()
        .map(|w| ("shipWindow", w))
        .or(details
            .delivery_window
            .as_ref()
            .map(|w| ("deliveryWindow", w)));
    if let Some((field, window)) = window {
        let (_, end) = parse_interval(window).map_err(|message| InputError::InvalidDate {
            path: format!("{base}/{field}"),
            message,
        })?;
        entry.window_end = Some(end);
    }
    for (i, item) in details.items.iter().enumerate() {
        let path = format!("{base}/items/{i}");
        let units_per_case = catalog.resolve(item).and_then(|m| m.units_per_case);
        let value = LineValue::of(item, units_per_case);
        let Some(unit_size) = value.eaches_per_unit else {
            return Err(BookError::MissingUnitSize {
                path: format!("{path}/orderedQuantity/unitSize"),
            });
        };
        let ordered_eaches =
            value
                .ordered_eaches(item)
                .map_err(|_| BookError::QuantityOverflow {
                    path: format!("{path}/orderedQuantity"),
                })?;
        entry.lines.push(PoLine {
            item,
            path,
            unit_of_measure: value.unit,
            unit_size,
            ordered_eaches,
            po_cost: item.net_cost.as_ref().and_then(Price::from_money),
            ack: None,
            value,
        });
    }
    Ok(entry)
}

/// Eaches of a quantity, by [`LineValue::eaches`]'s rule: a quantity without its own unit is in
/// the PO line's unit; a Cases quantity without `unitSize` uses the PO line's case size.
pub fn eaches_of(
    quantity: &ItemQuantity,
    line_unit: UnitOfMeasure,
    line_unit_size: u64,
    path: &str,
) -> Result<u64, BookError> {
    let line = LineValue {
        cost: None,
        currency: None,
        pricing: Pricing::PerEach,
        unit: line_unit,
        eaches_per_unit: Some(line_unit_size),
        case_size_source: None,
    };
    line.eaches(quantity).map_err(|why| match why {
        Unvalued::Overflow => BookError::QuantityOverflow {
            path: path.to_string(),
        },
        _ => BookError::MissingUnitSize {
            path: format!("{path}/unitSize"),
        },
    })
}
