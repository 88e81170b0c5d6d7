//! What `reconcile` returns. LineQuantities are in eaches; money is in the PO's currency, exact.

use serde::Serialize;

use super::remittance::{DeductionType, RemittanceIssue};
use crate::exceptions::Exception;
use crate::invoice::shipped::AsnContainerIdentification;
use crate::money::{CurrencyAmount, Decimal};
use crate::spapi::invoices::InvoiceType;
use crate::spapi::orders::{UnitOfMeasure, WeightUnit};
use crate::spapi::orders_status::{PurchaseOrderStatus, ReceiveStatus};

/// The output of `reconcile`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReconcileOutput {
    /// One entry per PO, by PO number.
    pub purchase_orders: Vec<PoReconciliation>,
    /// One entry per invoice or credit note, by id.
    pub invoices: Vec<InvoiceReconciliation>,
    /// Everything that needs a person, each with its money at risk and deadline.
    pub exceptions: Vec<Exception>,
    /// Claims worth disputing, with the evidence to attach.
    pub disputes: Vec<Dispute>,
    /// Totals for finance: per exception code and currency, and per currency.
    pub totals: ReconcileTotals,
    /// Remittance CSV rows left out, with line and column.
    pub remittance_issues: Vec<RemittanceIssue>,
}

wire_enum! {
    /// Where a PO stands between order and cash.
    ReconcilePoStatus {
        /// Accepted quantities not all shipped yet (or not acknowledged).
        Open = "open",
        /// Everything accepted shipped; receipts pending.
        FullyShipped = "fullyShipped",
        /// Everything shipped received (or settled as shortage); not all invoiced.
        FullyReceived = "fullyReceived",
        /// Everything invoiced; payment pending.
        Invoiced = "invoiced",
        /// Invoices paid; something else still open (e.g. Amazon has not closed the PO).
        Paid = "paid",
        /// A shortage, price variance or deduction awaits a decision.
        Disputed = "disputed",
        /// Nothing left to do.
        Closed = "closed",
    }
}

/// One PO.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PoReconciliation {
    /// Amazon's purchase order number.
    pub purchase_order_number: String,
    /// Where the PO stands (`open` … `closed`).
    pub status: ReconcilePoStatus,
    /// `OPEN` / `CLOSED` from getPurchaseOrdersStatus, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amazon_status: Option<PurchaseOrderStatus>,
    /// The PO's currency (absent when no line has a cost).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The PO's quantities, summed over its lines, in eaches.
    pub quantities: LineQuantities,
    /// The PO's money, summed over its lines.
    pub money: ReconcileMoney,
    /// Invoices that bill any of its lines.
    pub invoice_numbers: Vec<String>,
    /// What must still happen for the PO to close, in order.
    pub missing_to_close: Vec<MissingStep>,
    /// One entry per PO line.
    pub lines: Vec<LineReconciliation>,
}

/// Quantities in eaches. Per line: `shipped + overage = received + shortage + inTransit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineQuantities {
    /// Ordered, in eaches.
    pub ordered: u64,
    /// Accepted at acknowledgement, in eaches.
    pub accepted: u64,
    /// Backordered at acknowledgement, in eaches.
    pub backordered: u64,
    /// Rejected at acknowledgement, in eaches.
    pub rejected: u64,
    /// Per the ASNs sent.
    pub shipped: u64,
    /// Per the ERP's fulfilment rows (present when any were given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipped_in_erp: Option<u64>,
    /// Received per Amazon's receipts (getPurchaseOrdersStatus), in eaches.
    pub received: u64,
    /// Shipped, not received, still within the receipt grace period.
    pub in_transit: u64,
    /// Shipped, not received, past the grace period (or Amazon closed the receipt).
    pub shortage: u64,
    /// Received beyond what the ASNs say was shipped.
    pub overage: u64,
    /// Invoiced, in eaches.
    pub invoiced: u64,
}

/// Money in the PO's currency: quantities valued at the acknowledged (else PO) cost; invoiced
/// at the invoiced cost; paid as cash applied to the invoice lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReconcileMoney {
    /// Value of what was ordered.
    pub ordered: Decimal,
    /// Value of what was accepted.
    pub accepted: Decimal,
    /// Value of what was shipped (ASNs).
    pub shipped: Decimal,
    /// Value of what was received.
    pub received: Decimal,
    /// Value invoiced, as Amazon reads the invoice items.
    pub invoiced: Decimal,
    /// Cash applied to the invoice lines.
    pub paid: Decimal,
}

/// One PO line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineReconciliation {
    /// The PO line's `itemSequenceNumber`.
    pub item_sequence_number: String,
    /// The line's ASIN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// The unit the line was ordered in.
    pub unit_of_measure: UnitOfMeasure,
    /// Eaches per ordered unit (the PO's `unitSize`, else the SKU map's `unitsPerCase`).
    pub unit_size: u64,
    /// Cost per each, or per weight unit (acknowledged, else PO): "The net cost of an item per
    /// each or weight unit".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Decimal>,
    /// The weight unit `netCost` is per, for a line priced by weight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_cost_unit_of_measure: Option<WeightUnit>,
    /// Amazon's receiving status of the line, when receipts were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receive_status: Option<ReceiveStatus>,
    /// The line's quantities, in eaches.
    pub quantities: LineQuantities,
    /// The line's money.
    pub money: ReconcileMoney,
    /// Money figures that could not be valued (written 0), and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_unknown: Option<ValueUnknown>,
}

/// Money figures of a line that cannot be known: a line without a cost, or priced by weight
/// with no weight for the quantity (only ASNs and invoices carry weights).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValueUnknown {
    /// Names of the `money` figures concerned (`ordered`, `accepted`, `shipped`, `received`).
    pub figures: Vec<String>,
    /// `MISSING_NET_COST`, `MISSING_CURRENCY`, `WEIGHT_NEEDED`.
    pub reason: String,
    /// Why the figure cannot be valued.
    pub message: String,
}

wire_enum! {
    /// A step still needed to close a PO.
    CloseStep {
        /// Acknowledge the line.
        Acknowledge = "acknowledge",
        /// Ship what was accepted.
        Ship = "ship",
        /// Wait for Amazon to receive what was shipped.
        Receive = "receive",
        /// Invoice what was shipped.
        Invoice = "invoice",
        /// Wait for, or chase, the payment.
        Pay = "pay",
        /// Dispute a deduction.
        ResolveDispute = "resolveDispute",
        /// Close the PO at Amazon.
        CloseAtAmazon = "closeAtAmazon",
    }
}

/// One missing step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MissingStep {
    /// What has to happen.
    pub step: CloseStep,
    /// The line concerned, when the step is about one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// Eaches concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// The money the step concerns, where it can be valued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<CurrencyAmount>,
    /// The step in words.
    pub message: String,
}

wire_enum! {
    /// Where an invoice stands.
    InvoiceStatus {
        /// Not paid, not yet due.
        Unpaid = "unpaid",
        /// Not paid, past due.
        Overdue = "overdue",
        /// Paid in full.
        Paid = "paid",
        /// Paid less than invoiced.
        ShortPaid = "shortPaid",
        /// Paid more than invoiced.
        Overpaid = "overpaid",
        /// A credit note (its application is tracked on the invoice it references).
        Credit = "credit",
    }
}

/// One invoice or credit note and its payments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceReconciliation {
    /// The invoice (or credit note) number.
    pub id: String,
    /// Invoice or credit note.
    pub invoice_type: InvoiceType,
    /// The invoice date.
    pub date: String,
    /// When payment is due (the invoice's terms, else `defaultNetDueDays`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// The invoice's currency.
    pub currency_code: String,
    /// The POs the invoice bills.
    pub purchase_order_numbers: Vec<String>,
    /// The invoice total.
    pub total: Decimal,
    /// Terms discount Amazon took.
    pub discount_taken: Decimal,
    /// Cash applied directly to the invoice number.
    pub paid: Decimal,
    /// Credit notes applied against it in remittances.
    pub credited: Decimal,
    /// Deductions tied to it (`…SC` claims and the like, or inferred from a short payment).
    pub deductions: Vec<DeductionAmount>,
    /// What is still unpaid and unexplained (negative: overpaid).
    pub balance: Decimal,
    /// Paid, short-paid, overpaid, unpaid or overdue.
    pub status: InvoiceStatus,
}

/// A deduction of one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DeductionAmount {
    /// The kind of deduction (shortage, price, co-op, chargeback, other).
    pub deduction_type: DeductionType,
    /// The amount deducted.
    pub amount: Decimal,
    /// True when no remittance row names it: the short payment was classified from the facts.
    pub inferred: bool,
}

/// A claim worth disputing, with what to attach.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Dispute {
    /// The exception code it belongs to (`SHORTAGE`, `PRICE_VARIANCE`, `DEDUCTION_…`).
    pub code: String,
    /// The PO concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The invoice concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// The amount to claim back.
    pub amount: CurrencyAmount,
    /// The last day to dispute, where a window applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// Shortages: the ASNs that carried the line, with BOL, PRO, SSCCs and carton contents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shipments: Vec<ShipmentEvidence>,
    /// Price variances: the three costs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<PriceEvidence>,
    /// Chargeback deductions: the type its description names (as `chargebackExposure`
    /// forecasts them), when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chargeback_type: Option<crate::chargebacks::ChargebackType>,
}

/// Proof of shipment for one line on one ASN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ShipmentEvidence {
    /// The ASN's shipment identifier.
    pub shipment_identifier: String,
    /// When the ASN says it shipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipped_date: Option<String>,
    /// The bill of lading number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_of_lading_number: Option<String>,
    /// `carrierShipmentReferenceNumber`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pro_number: Option<String>,
    /// The carrier's SCAC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carrier_scac: Option<String>,
    /// Eaches of the line on this ASN.
    pub shipped_eaches: u64,
    /// Every carton, with its SSCC, tracking number and contents.
    pub cartons: Vec<CartonEvidence>,
    /// Every pallet, with its identifiers and cartons.
    pub pallets: Vec<PalletEvidence>,
}

/// A carton holding the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CartonEvidence {
    /// The carton's sequence number in the ASN.
    pub carton_sequence_number: String,
    /// The carton's identifiers (SSCC, AMZNCC).
    pub identifiers: Vec<AsnContainerIdentification>,
    /// The carrier's tracking number of the carton.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Eaches of the line in this carton.
    pub eaches: u64,
}

/// A pallet holding the line (directly or through its cartons).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PalletEvidence {
    /// The pallet's identifiers (SSCC).
    pub identifiers: Vec<AsnContainerIdentification>,
    /// The cartons on the pallet, by sequence number.
    pub carton_sequence_numbers: Vec<String>,
}

/// Costs behind a price variance, per ordered unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PriceEvidence {
    /// The PO's cost, per unit of the invoice item (per each × eaches per invoiced case, or per
    /// the invoice's weight unit), so the three costs compare.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_cost: Option<Decimal>,
    /// The acknowledged cost, per unit of the invoice item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged_cost: Option<Decimal>,
    /// The invoiced cost, per unit of the invoice item.
    pub invoiced_cost: Decimal,
    /// Units invoiced at that cost.
    pub invoiced_units: u64,
}

/// Figures for finance.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReconcileTotals {
    /// Per exception code and currency.
    pub by_exception: Vec<ExceptionTotal>,
    /// Per currency.
    pub by_currency: Vec<CurrencyTotal>,
    /// Remittance rows read (JSON + CSV) and CSV rows left out.
    pub remittance_rows: u64,
    /// Remittance CSV rows left out (see `remittanceIssues`).
    pub remittance_rows_rejected: u64,
}

/// Exceptions of one code in one currency (`currencyCode` empty for those without money).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionTotal {
    /// The exception code.
    pub code: String,
    /// The currency (empty for exceptions without money).
    pub currency_code: String,
    /// How many exceptions of this code.
    pub count: u64,
    /// Their money at risk, summed.
    pub money_at_risk: Decimal,
}

/// Everything in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CurrencyTotal {
    /// The currency of these figures.
    pub currency_code: String,
    /// Value ordered.
    pub ordered: Decimal,
    /// Value shipped.
    pub shipped: Decimal,
    /// Value received.
    pub received: Decimal,
    /// Value invoiced.
    pub invoiced: Decimal,
    /// Cash received (remittance rows, deductions included as negatives).
    pub paid: Decimal,
    /// Deductions (positive).
    pub deducted: Decimal,
    /// Σ money at risk of every exception.
    pub money_at_risk: Decimal,
    /// Σ money at risk of the disputes whose deadline has not passed.
    pub disputable: Decimal,
}
