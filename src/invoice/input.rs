//! What `buildInvoice` reads.

use serde::Deserialize;

use super::shipped::{AsnRecord, FulfilmentRow};
use crate::catalog::SkuMapping;
use crate::money::Decimal;
use crate::spapi::invoices::{
    AdditionalDetails, AllowanceType, ChargeType, InvoicePartyIdentification, InvoiceTotalWeight,
    InvoiceType, PaymentTerms, TaxType,
};
use crate::spapi::orders::{Order, OrderAcknowledgement, UnitOfMeasure};
use crate::time::Instant;

/// The input of `buildInvoice`: the documents to build and the facts they are built from.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildInvoiceInput {
    /// One entry per invoice or credit note to build; each becomes one `Invoice` of the request
    /// or is refused with issues.
    pub invoices: Vec<InvoiceSpec>,
    /// Amazon `Order` objects (getPurchaseOrders). Give every PO the documents touch.
    #[serde(default)]
    pub purchase_orders: Vec<Order>,
    /// The acknowledgements sent for those POs (the `acknowledgements` of submitAcknowledgement
    /// bodies). A line without one cannot be invoiced.
    #[serde(default)]
    pub acknowledgements: Vec<OrderAcknowledgement>,
    /// The ASNs sent (vendorShipments `ShipmentConfirmation`s): the shipped quantities.
    #[serde(default)]
    pub shipments: Vec<AsnRecord>,
    /// ERP fulfilment rows, used for PO lines that no ASN covers.
    #[serde(default)]
    pub fulfilments: Vec<FulfilmentRow>,
    /// LineQuantities invoiced by earlier invoices, so they are not invoiced twice.
    #[serde(default)]
    pub already_invoiced: Vec<InvoicedQuantity>,
    /// Invoice and credit note ids already used (Amazon refuses a reused id, even years later).
    #[serde(default)]
    pub used_invoice_ids: Vec<String>,
    /// ERP SKU ↔ Amazon identifiers, to place fulfilment rows that only carry an ERP SKU.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// The vendor, who receives the payment (required by the model on every document).
    pub remit_to_party: InvoicePartyIdentification,
    /// Amazon's billing entity. Defaults to the PO's `billToParty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<InvoicePartyIdentification>,
    /// The vendor's warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_party: Option<InvoicePartyIdentification>,
    /// Default payment terms (as agreed with the buyer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<PaymentTerms>,
    /// Default taxes applied to every line, charge and allowance that does not give its own.
    #[serde(default)]
    pub taxes: Vec<InvoiceTaxRate>,
    /// Country profile, case invoicing and item tax settings.
    #[serde(default)]
    pub options: BuildInvoiceOptions,
    /// The moment of the build (ISO-8601): an invoice may not be dated after it.
    pub now: Instant,
}

/// One document to build.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceSpec {
    /// The invoice (or credit note) number. Never reused.
    pub id: String,
    /// The document date (ISO-8601): on or after every PO's date, not after `now`.
    pub date: Instant,
    /// `Invoice` (default) or `CreditNote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_type: Option<InvoiceType>,
    /// Invoice: the POs whose shipped, not yet invoiced quantities to invoice (default: every PO
    /// with something to invoice, or those of `shipmentIdentifiers`).
    #[serde(default)]
    pub purchase_order_numbers: Vec<String>,
    /// Invoice: only quantities shipped under these ASNs.
    #[serde(default)]
    pub shipment_identifiers: Vec<String>,
    /// Explicit lines. For an Invoice, exact quantities to invoice (checked against what was
    /// shipped and acknowledged); for a CreditNote, the credited quantities and costs.
    #[serde(default)]
    pub lines: Vec<InvoiceLineSpec>,
    /// Header-level charges (freight, packing, …), each itemised.
    #[serde(default)]
    pub charges: Vec<InvoiceChargeSpec>,
    /// Header-level allowances (discounts, …), each itemised.
    #[serde(default)]
    pub allowances: Vec<InvoiceAllowanceSpec>,
    /// Credit notes: why, and the references Amazon needs to match it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_note: Option<CreditNoteSpec>,
    /// The invoice's reference number, passed through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// Payment terms of this invoice (default: the batch's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<PaymentTerms>,
    /// Additional details, passed through.
    #[serde(default)]
    pub additional_details: Vec<AdditionalDetails>,
    /// Overrides the input's `taxes` for this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<InvoiceTaxRate>>,
    /// Overrides the bill-to party for this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<InvoicePartyIdentification>,
}

/// An explicit line of a document.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceLineSpec {
    /// Required for invoices; for credit notes it fills identifiers and cost from the PO line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line (string, as in orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The line's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The line's vendor SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// In `unitOfMeasure` (default: the PO line's unit, else Eaches).
    pub quantity: u64,
    /// `Eaches` (default) or `Cases`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case, for Cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_size: Option<u64>,
    /// Credit notes: cost per unit of `unitOfMeasure` credited (price protection: the price
    /// difference), written as given. Without it, the acknowledged / PO cost per each (or weight
    /// unit) is used. Invoices always use the acknowledged cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost: Option<Decimal>,
    /// The weight of the quantity, required for a line priced by weight (the PO's
    /// `netCost.unitOfMeasure`): its value is weight × cost per weight unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<InvoiceTotalWeight>,
    /// Credit notes without a PO line: the currency of `netCost`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// India: the HSN tax code of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsn_code: Option<String>,
    /// Overrides the document's taxes for this line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<InvoiceTaxRate>>,
}

/// A tax to compute on an amount: `taxAmount = round(amount × taxRate / 100)`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceTaxRate {
    /// The tax type (`VAT`, `GST`, …).
    pub tax_type: TaxType,
    /// Percent, e.g. `"20"` for 20 %.
    pub tax_rate: Decimal,
}

/// A header-level charge.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceChargeSpec {
    /// The charge type (`Freight`, …).
    #[serde(rename = "type")]
    pub charge_type: ChargeType,
    /// The charge amount, before tax.
    pub amount: Decimal,
    /// The charge in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Overrides the document's taxes for this charge (`[]` for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<InvoiceTaxRate>>,
}

/// A header-level allowance.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoiceAllowanceSpec {
    /// The allowance type (`Discount`, …).
    #[serde(rename = "type")]
    pub allowance_type: AllowanceType,
    /// The allowance amount, before tax.
    pub amount: Decimal,
    /// The allowance in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Overrides the document's taxes for this allowance (`[]` for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<InvoiceTaxRate>>,
}

wire_enum! {
    /// Why a credit note is issued; decides which references are required.
    CreditNoteReason {
        /// Goods returned to the vendor: `returnsReferenceNumber` and `goodsReturnDate` required.
        Return = "return",
        /// A price protection agreement: `coopReferenceNumber` or `debitNoteNumber` required.
        PriceProtection = "priceProtection",
        /// Co-op funding: `coopReferenceNumber` or `debitNoteNumber` required.
        Coop = "coop",
        /// Billed but not received, or billed at the wrong cost (PQV / PPV): the original
        /// `referenceInvoiceNumber` required.
        InvoiceCorrection = "invoiceCorrection",
        /// Freight credit: `referenceInvoiceNumber` required.
        Freight = "freight",
    }
}

/// The credit note's reason and references (sent as `creditNoteDetails` on every item).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditNoteSpec {
    /// Why the credit note is issued (return, co-op, price protection, …).
    pub reason: CreditNoteReason,
    /// The invoice it corrects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_invoice_number: Option<String>,
    /// The debit note it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit_note_number: Option<String>,
    /// Amazon's returns reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns_reference_number: Option<String>,
    /// When the goods were returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_return_date: Option<Instant>,
    /// The RMA id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rma_id: Option<String>,
    /// The co-op reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coop_reference_number: Option<String>,
    /// The consignor's reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignors_reference_number: Option<String>,
}

/// A quantity already invoiced on a PO line, in eaches unless `unitOfMeasure` says Cases.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoicedQuantity {
    /// The purchase order invoiced.
    pub purchase_order_number: String,
    /// The PO line invoiced.
    pub item_sequence_number: String,
    /// The quantity invoiced, in the unit below.
    pub quantity: u64,
    /// `Eaches` (default) or `Cases`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case, for Cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_size: Option<u64>,
}

wire_enum! {
    /// Country rules from the retail guide's "Country Specific Business Requirements".
    CountryProfile {
        /// US, CA, MX: several POs per invoice; no credit notes; no HSN.
        NorthAmerica = "northAmerica",
        /// EU/UK: several POs per invoice; credit notes with references on every item.
        Europe = "europe",
        /// India: one PO per invoice; no credit notes; tax details and HSN codes required.
        India = "india",
    }
}

wire_enum! {
    /// What an item's `taxDetails` amounts are. The documents leave it open: both of the retail
    /// guide's invoice examples with item taxes write them per unit ("Invoice with single tax on
    /// an item": 5 % on `4 × 20.00` is `taxAmount` 1.00; "with multiple taxes": `taxableAmount`
    /// 21060.34 is the unit `netCost` of a line of 2), while the model describes `taxAmount` as
    /// "Total tax amount applied on invoice total or an item total". Either way the line's tax in
    /// the header and the total is the tax on the line amount, as both examples' headers are.
    ItemTaxBasis {
        /// Default: `taxableAmount` = `netCost`, `taxAmount` = its tax (the examples' items).
        PerUnit = "perUnit",
        /// `taxableAmount` = the line amount, `taxAmount` = its tax.
        PerLine = "perLine",
    }
}

/// Options of `buildInvoice`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildInvoiceOptions {
    /// How a PO line ordered in Cases is written: `Eaches` (default: `invoicedQuantity` in
    /// eaches at the PO's `netCost` per each, so the item "should match the cost on the order")
    /// or `Cases` (in cases of the PO's `unitSize`, at `netCost` × `unitSize` per case, as the
    /// retail guide's Cases invoice example bills `2 Cases × 140 + …`). Either way Amazon's
    /// `amount × netCost` equals eaches × each cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases_invoiced_in: Option<UnitOfMeasure>,
    /// Item `taxDetails` per unit (default) or per line; see [`ItemTaxBasis`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_tax_basis: Option<ItemTaxBasis>,
    /// Country rules to enforce (default: none beyond the model's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_profile: Option<CountryProfile>,
    /// Overrides the profile: `true` refuses an invoice spanning several POs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_purchase_order_per_invoice: Option<bool>,
}
