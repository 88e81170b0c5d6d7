//! Count limits: how many purchase orders, lines, ASN items and reconciliation rows one call
//! may carry, checked right after parsing and before an engine does any work.
//!
//! The size limit (`maxInputBytes`) bounds the text; these bound what the engines loop over,
//! so a host bug (the same page of POs appended a million times, a CSV export of a whole year)
//! fails fast with `TOO_MANY_ITEMS`, a JSON pointer to the list and `{limit, actual}`, instead
//! of exhausting an ERP script's time or memory budget half-way through.
//!
//! The defaults are far above the benchmark workloads (100,000 acknowledgement lines, about
//! 1,000,000 reconciliation rows); a host sets its own through `configure` at the boundary.

use crate::json_tree::Json;

use crate::error::InputError;
use crate::spapi::orders::Order;

/// Default [`CountLimits::max_purchase_orders`].
pub const DEFAULT_MAX_PURCHASE_ORDERS: usize = 200_000;
/// Default [`CountLimits::max_lines`].
pub const DEFAULT_MAX_LINES: usize = 2_000_000;
/// Default [`CountLimits::max_shipment_items`].
pub const DEFAULT_MAX_SHIPMENT_ITEMS: usize = 1_000_000;
/// Default [`CountLimits::max_reconcile_rows`].
pub const DEFAULT_MAX_RECONCILE_ROWS: usize = 5_000_000;

/// The most items of each kind one call may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountLimits {
    /// Purchase orders (retail or Direct Fulfillment) in one call, and documents of any other
    /// kind in one list (acknowledgements, ASNs, invoices, exceptions, packages).
    pub max_purchase_orders: usize,
    /// Lines summed over a batch (PO lines over all POs, invoice lines over all invoices), and
    /// entries of any one list of master data (inventory, SKU map, feed positions, rules).
    pub max_lines: usize,
    /// Items, cartons and pallets of one shipment confirmation (built or validated).
    pub max_shipment_items: usize,
    /// Rows handed to `reconcile`, all sources together: PO, acknowledgement, ASN, fulfilment,
    /// receipt and invoice lines, remittance rows and remittance CSV lines.
    pub max_reconcile_rows: usize,
}

impl Default for CountLimits {
    fn default() -> Self {
        CountLimits {
            max_purchase_orders: DEFAULT_MAX_PURCHASE_ORDERS,
            max_lines: DEFAULT_MAX_LINES,
            max_shipment_items: DEFAULT_MAX_SHIPMENT_ITEMS,
            max_reconcile_rows: DEFAULT_MAX_RECONCILE_ROWS,
        }
    }
}

/// Which limit a count is held against; also the name of its `configure` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKind {
    /// Purchase orders, and documents in any one list (`maxPurchaseOrders`).
    PurchaseOrders,
    /// Lines summed over a batch, and master-data entries (`maxLines`).
    Lines,
    /// Items, cartons and pallets of one ASN (`maxShipmentItems`).
    ShipmentItems,
    /// All rows of one reconciliation (`maxReconcileRows`).
    ReconcileRows,
}

impl CountKind {
    /// The `configure` setting that raises this limit.
    pub fn setting(self) -> &'static str {
        match self {
            CountKind::PurchaseOrders => "maxPurchaseOrders",
            CountKind::Lines => "maxLines",
            CountKind::ShipmentItems => "maxShipmentItems",
            CountKind::ReconcileRows => "maxReconcileRows",
        }
    }
}

/// One count of an input: what it counts, where (a JSON pointer to the list, or to the
/// enclosing list when lines are summed over documents) and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Which limit the count is checked against.
    pub kind: CountKind,
    /// JSON pointer to the list counted.
    pub path: &'static str,
    /// How many there are.
    pub actual: usize,
}

impl Count {
    fn new(kind: CountKind, path: &'static str, actual: usize) -> Self {
        Count { kind, path, actual }
    }
}

/// An engine input whose sizes the count limits bound.
pub trait CountedInput {
    /// Every count of this input. Cheap: lengths of lists, never a copy.
    fn counts(&self) -> Vec<Count>;
}

impl CountLimits {
    /// The limit held against counts of `kind`.
    pub fn limit(&self, kind: CountKind) -> usize {
        match kind {
            CountKind::PurchaseOrders => self.max_purchase_orders,
            CountKind::Lines => self.max_lines,
            CountKind::ShipmentItems => self.max_shipment_items,
            CountKind::ReconcileRows => self.max_reconcile_rows,
        }
    }

    /// `Ok` when every count of `input` is within its limit, else `TOO_MANY_ITEMS` for the
    /// first count over it.
    ///
    /// ```
    /// use vendor_central_connector::{ack::DecideAcknowledgementsInput, error::CodedError};
    /// use vendor_central_connector::{input::parse_input, limits::CountLimits};
    /// let input: DecideAcknowledgementsInput = parse_input(
    ///     r#"{"purchaseOrders": [], "inventory": [{"sku": "A", "available": 1},
    ///         {"sku": "B", "available": 2}], "now": "2026-11-22T08:00:00Z"}"#,
    /// ).unwrap();
    /// let limits = CountLimits { max_lines: 1, ..CountLimits::default() };
    /// let err = limits.check(&input).unwrap_err();
    /// assert_eq!((err.code(), err.path().as_str()), ("TOO_MANY_ITEMS", "/inventory"));
    /// assert_eq!(err.details()["actual"], 2);
    /// ```
    pub fn check(&self, input: &impl CountedInput) -> Result<(), InputError> {
        for count in input.counts() {
            let limit = self.limit(count.kind);
            if count.actual > limit {
                return Err(InputError::TooManyItems {
                    path: count.path.to_string(),
                    setting: count.kind.setting(),
                    limit,
                    actual: count.actual,
                });
            }
        }
        Ok(())
    }
}

/// Lines of every PO in `orders`, summed (saturating: a count, never a panic).
fn order_lines<'a>(orders: impl IntoIterator<Item = &'a Order>) -> usize {
    orders
        .into_iter()
        .filter_map(|order| order.order_details.as_ref())
        .fold(0usize, |sum, details| {
            sum.saturating_add(details.items.len())
        })
}

/// Elements of the arrays named `items`, `cartons`, `pallets` or `containers` anywhere in
/// `value`: the size of a shipment confirmation as JSON, whatever its structure.
fn shipment_elements(value: &Json) -> usize {
    match value {
        Json::Object(map) => map.iter().fold(0usize, |sum, (key, child)| {
            let own = match (key, child) {
                ("items" | "cartons" | "pallets" | "containers", Json::Array(list)) => list.len(),
                _ => 0,
            };
            sum.saturating_add(own)
                .saturating_add(shipment_elements(child))
        }),
        Json::Array(list) => list.iter().fold(0usize, |sum, child| {
            sum.saturating_add(shipment_elements(child))
        }),
        _ => 0,
    }
}

/// Sums `counts` (saturating).
fn total(counts: impl IntoIterator<Item = usize>) -> usize {
    counts.into_iter().fold(0usize, usize::saturating_add)
}

use CountKind::{Lines, PurchaseOrders, ReconcileRows, ShipmentItems};

impl CountedInput for crate::ack::DecideAcknowledgementsInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(
                PurchaseOrders,
                "/purchaseOrders",
                self.purchase_orders.len(),
            ),
            Count::new(Lines, "/purchaseOrders", order_lines(&self.purchase_orders)),
            Count::new(Lines, "/inventory", self.inventory.len()),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(PurchaseOrders, "/history", self.history.len()),
            Count::new(
                Lines,
                "/history",
                total(self.history.iter().map(|ack| ack.items.len())),
            ),
        ]
    }
}

impl CountedInput for crate::ack::CheckAcknowledgementStatusInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/sent", self.sent.len()),
            Count::new(
                Lines,
                "/sent",
                total(self.sent.iter().map(|ack| ack.items.len())),
            ),
            Count::new(PurchaseOrders, "/ordersStatus", self.orders_status.len()),
            Count::new(
                Lines,
                "/ordersStatus",
                total(self.orders_status.iter().map(|o| o.item_status.len())),
            ),
        ]
    }
}

impl CountedInput for crate::ack::ApproveAcknowledgementInput {
    fn counts(&self) -> Vec<Count> {
        vec![Count::new(Lines, "/approved", self.approved.len())]
    }
}

impl CountedInput for crate::df_ack::DecideDfAcknowledgementsInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/orders", self.orders.len()),
            Count::new(Lines, "/orders", df_order_lines(&self.orders)),
            Count::new(Lines, "/inventory", self.inventory.len()),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
        ]
    }
}

impl CountedInput for crate::df::ToDfSalesOrdersInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/orders", self.orders.len()),
            Count::new(Lines, "/orders", df_order_lines(&self.orders)),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(Lines, "/locations", self.locations.len()),
            Count::new(Lines, "/customers", self.customers.len()),
            Count::new(Lines, "/skuRules", self.sku_rules.len()),
        ]
    }
}

impl CountedInput for crate::df::BuildDfShipmentsInput {
    fn counts(&self) -> Vec<Count> {
        let packages = total(self.shipments.iter().map(|s| {
            s.packages.iter().fold(1usize, |sum, p| {
                sum.saturating_add(1).saturating_add(p.items.len())
            })
        }));
        vec![
            Count::new(PurchaseOrders, "/orders", self.orders.len()),
            Count::new(Lines, "/orders", df_order_lines(&self.orders)),
            Count::new(PurchaseOrders, "/shipments", self.shipments.len()),
            Count::new(ShipmentItems, "/shipments", packages),
            Count::new(PurchaseOrders, "/labels", self.labels.len()),
            Count::new(
                Lines,
                "/labels",
                total(self.labels.iter().map(|l| l.label_data.len())),
            ),
            Count::new(Lines, "/statusUpdates", self.status_updates.len()),
        ]
    }
}

impl CountedInput for crate::df::BuildDfInvoicesInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/orders", self.orders.len()),
            Count::new(Lines, "/orders", df_order_lines(&self.orders)),
            Count::new(
                PurchaseOrders,
                "/shipmentConfirmations",
                self.shipment_confirmations.len(),
            ),
            Count::new(
                Lines,
                "/shipmentConfirmations",
                total(self.shipment_confirmations.iter().map(|c| c.items.len())),
            ),
            Count::new(PurchaseOrders, "/invoiced", self.invoiced.len()),
            Count::new(
                PurchaseOrders,
                "/invoiceNumbers",
                self.invoice_numbers.len(),
            ),
        ]
    }
}

/// Lines of every DF order in `orders`, summed (saturating).
fn df_order_lines(orders: &[crate::spapi::df_orders::DfOrder]) -> usize {
    total(
        orders
            .iter()
            .filter_map(|order| order.order_details.as_ref())
            .map(|details| details.items.len()),
    )
}

impl CountedInput for crate::sales_order::ToSalesOrdersInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(
                PurchaseOrders,
                "/purchaseOrders",
                self.purchase_orders.len(),
            ),
            Count::new(Lines, "/purchaseOrders", order_lines(&self.purchase_orders)),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(Lines, "/locations", self.locations.len()),
            Count::new(Lines, "/customers", self.customers.len()),
            Count::new(Lines, "/skuRules", self.sku_rules.len()),
        ]
    }
}

impl CountedInput for crate::sales_order::DiffPurchaseOrderInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(Lines, "/previous", order_lines([&self.previous])),
            Count::new(Lines, "/current", order_lines([&self.current])),
        ]
    }
}

impl CountedInput for crate::inventory_feed::InventoryFeedInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(Lines, "/positions", self.positions.len()),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(Lines, "/rules", self.rules.len()),
            Count::new(Lines, "/lastSent", self.last_sent.len()),
        ]
    }
}

impl CountedInput for crate::chargebacks::ChargebackExposureInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/exceptions", self.exceptions.len()),
            Count::new(
                ShipmentItems,
                "/shipmentIssues",
                total(self.shipment_issues.iter().map(|s| s.issues.len())),
            ),
        ]
    }
}

impl CountedInput for crate::exceptions_report::ExceptionsReportInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/exceptions", self.exceptions.len()),
            Count::new(PurchaseOrders, "/transactions", self.transactions.len()),
            Count::new(PurchaseOrders, "/dfOrders", self.df_orders.len()),
        ]
    }
}

impl CountedInput for crate::exceptions_report::ReportFile {
    fn counts(&self) -> Vec<Count> {
        vec![Count::new(PurchaseOrders, "/entries", self.entries.len())]
    }
}

impl CountedInput for crate::fba::RouteFulfillmentInput {
    fn counts(&self) -> Vec<Count> {
        vec![Count::new(Lines, "/order/lines", self.order.lines.len())]
    }
}

impl CountedInput for crate::fba::ApplyFulfillmentEventInput {
    fn counts(&self) -> Vec<Count> {
        vec![Count::new(
            PurchaseOrders,
            "/otherPackages",
            self.other_packages.len(),
        )]
    }
}

impl CountedInput for crate::outbox::NextOutboxActionInput {
    fn counts(&self) -> Vec<Count> {
        let states = match &self.observed {
            Some(crate::outbox::Observation::PurchaseOrderStates(states)) => states.len(),
            _ => 0,
        };
        vec![
            Count::new(PurchaseOrders, "/entry/keys", self.entry.keys.len()),
            Count::new(PurchaseOrders, "/observed/purchaseOrderStates", states),
        ]
    }
}

impl CountedInput for crate::shipment::BuildShipmentConfirmationInput<'_> {
    fn counts(&self) -> Vec<Count> {
        let pallet_contents = total(self.pallets.iter().map(|p| p.contents.len()));
        let carton_contents = total(self.cartons.iter().map(|c| c.contents.len()));
        let purchase_orders = self.purchase_orders.as_deref().unwrap_or_default();
        vec![
            Count::new(
                ShipmentItems,
                "/pallets",
                self.pallets.len().saturating_add(pallet_contents),
            ),
            Count::new(
                ShipmentItems,
                "/cartons",
                self.cartons.len().saturating_add(carton_contents),
            ),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(PurchaseOrders, "/purchaseOrders", purchase_orders.len()),
            Count::new(Lines, "/purchaseOrders", order_lines(purchase_orders)),
            Count::new(
                PurchaseOrders,
                "/previousShipments",
                self.previous_shipments.as_ref().map_or(0, Vec::len),
            ),
            Count::new(
                Lines,
                "/ssccLedger",
                self.sscc_ledger.as_ref().map_or(0, Vec::len),
            ),
        ]
    }
}

impl CountedInput for crate::shipment::ValidateShipmentConfirmationInput<'_> {
    fn counts(&self) -> Vec<Count> {
        let purchase_orders = self.purchase_orders.as_deref().unwrap_or_default();
        vec![
            Count::new(
                ShipmentItems,
                "/shipmentConfirmation",
                shipment_elements(&self.shipment_confirmation),
            ),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
            Count::new(PurchaseOrders, "/purchaseOrders", purchase_orders.len()),
            Count::new(Lines, "/purchaseOrders", order_lines(purchase_orders)),
            Count::new(
                PurchaseOrders,
                "/previousShipments",
                self.previous_shipments.as_ref().map_or(0, Vec::len),
            ),
            Count::new(
                Lines,
                "/ssccLedger",
                self.sscc_ledger.as_ref().map_or(0, Vec::len),
            ),
        ]
    }
}

impl CountedInput for crate::invoice::BuildInvoiceInput {
    fn counts(&self) -> Vec<Count> {
        vec![
            Count::new(PurchaseOrders, "/invoices", self.invoices.len()),
            Count::new(
                Lines,
                "/invoices",
                total(self.invoices.iter().map(|i| i.lines.len())),
            ),
            Count::new(
                PurchaseOrders,
                "/purchaseOrders",
                self.purchase_orders.len(),
            ),
            Count::new(Lines, "/purchaseOrders", order_lines(&self.purchase_orders)),
            Count::new(PurchaseOrders, "/shipments", self.shipments.len()),
            Count::new(
                Lines,
                "/shipments",
                total(self.shipments.iter().map(|s| s.shipped_items.len())),
            ),
            Count::new(Lines, "/fulfilments", self.fulfilments.len()),
            Count::new(Lines, "/alreadyInvoiced", self.already_invoiced.len()),
            Count::new(Lines, "/usedInvoiceIds", self.used_invoice_ids.len()),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
        ]
    }
}

impl CountedInput for crate::scorecard::VendorScorecardInput {
    fn counts(&self) -> Vec<Count> {
        let rows = total([
            order_lines(&self.purchase_orders),
            total(self.acknowledgements.iter().map(|ack| ack.items.len())),
            total(self.shipments.iter().map(|asn| asn.shipped_items.len())),
            total(self.receipts.iter().map(|status| status.item_status.len())),
        ]);
        vec![
            Count::new(ReconcileRows, "", rows),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
        ]
    }
}

impl CountedInput for crate::reconcile::ReconcileInput {
    fn counts(&self) -> Vec<Count> {
        let csv_lines = self
            .remittance_csv
            .as_ref()
            .map_or(0, |csv| csv.text.lines().count());
        let rows = total([
            order_lines(&self.purchase_orders),
            total(self.acknowledgements.iter().map(|ack| ack.items.len())),
            total(self.shipments.iter().map(|asn| asn.shipped_items.len())),
            self.fulfilments.len(),
            total(self.receipts.iter().map(|status| status.item_status.len())),
            total(
                self.invoices
                    .iter()
                    .map(|invoice| invoice.items.as_ref().map_or(0, Vec::len)),
            ),
            self.remittances.len(),
            csv_lines,
        ]);
        vec![
            Count::new(ReconcileRows, "", rows),
            Count::new(Lines, "/skuMap", self.sku_map.len()),
        ]
    }
}
