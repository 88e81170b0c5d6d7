//! Direct Fulfillment payments: `vendorDirectFulfillmentPaymentsV1.json`, the submitInvoice
//! body. Parties here carry `taxRegistrationDetails` (an array, with `taxRegistrationMessage`),
//! not the orders model's `taxInfo`; `itemSequenceNumber` is a string ("1").

use serde::{Deserialize, Serialize};

use super::df_orders::{DfAddress, DfItemQuantity, DfTaxRegistrationType};
use crate::money::Decimal;

wire_enum! {
    /// `TaxDetail.taxType`.
    DfInvoiceTaxType {
        /// Central Goods and Services Tax (CGST) is levied by the Indian government for intrastate
        /// movement of goods and services.
        Cgst = "CGST",
        /// State Goods and Services Tax (SGST) is an indirect tax levied and collected by a State
        /// Government in India on the intra-state supplies.
        Sgst = "SGST",
        /// A cess is a form of tax levied by the government on tax with specific purposes till the
        /// time the government gets enough money for that purpose.
        Cess = "CESS",
        /// Union Territory Goods and Services Tax in India.
        Utgst = "UTGST",
        /// Integrated Goods and Services Tax (IGST) is a tax levied on all Inter-State supplies of
        /// goods and/or services in India.
        Igst = "IGST",
        /// Mehrwertsteuer, MwSt, is the German for value-added tax.
        MwSt = "MwSt.",
        /// A provincial sales tax (PST) is imposed on consumers of goods and particular services in
        /// many Canadian provinces.
        Pst = "PST",
        /// Taxe sur la Valeur Ajoutée (TVA) is French for Value-added tax.
        Tva = "TVA",
        /// Value-added tax.
        Vat = "VAT",
        /// Tax levied on most goods and services sold for domestic consumption.
        Gst = "GST",
        /// Sales tax.
        St = "ST",
        /// Tax levied on consumption spending on goods and services.
        Consumption = "Consumption",
        /// Tax component that was mutually agreed upon between Amazon and vendor.
        MutuallyDefined = "MutuallyDefined",
        /// Domestic Value-added tax.
        DomesticVat = "DomesticVAT",
    }
}

/// `SubmitInvoiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitInvoiceRequest {
    /// An array of invoice details to be submitted.
    pub invoices: Vec<DfInvoiceDetail>,
}

/// `InvoiceDetail`: one invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceDetail {
    /// The unique invoice number.
    pub invoice_number: String,
    /// ISO-8601 UTC.
    pub invoice_date: String,
    /// An additional unique reference number used for regulatory or other purposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// Name, address and tax details of the party receiving the payment of this invoice.
    pub remit_to_party: DfInvoiceParty,
    /// Warehouse code of the vendor as in the order.
    pub ship_from_party: DfInvoiceParty,
    /// Name, address and tax details of the party to whom this invoice is issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<DfInvoiceParty>,
    /// Ship-to country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_country_code: Option<String>,
    /// The payment terms for the invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms_code: Option<String>,
    /// Total amount details of the invoice.
    pub invoice_total: DfInvoiceMoney,
    /// Individual tax details per line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_totals: Option<Vec<DfInvoiceTax>>,
    /// Provides the details of the items in this invoice.
    pub items: Vec<DfInvoiceItem>,
}

/// The payments model's `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceParty {
    /// Assigned Identification for the party.
    pub party_id: String,
    /// The model requires `name`, `addressLine1`, `city`, `stateOrRegion`, `postalCode` and
    /// `countryCode` here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DfAddress>,
    /// Tax registration details of the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_details: Option<Vec<DfInvoiceTaxRegistration>>,
}

/// `TaxRegistrationDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceTaxRegistration {
    /// Tax registration type for the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<DfTaxRegistrationType>,
    /// Tax registration number for the entity. For example, VAT ID, Consumption Tax ID.
    pub tax_registration_number: String,
    /// Address associated with the tax registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_address: Option<DfAddress>,
    /// Tax registration message that can be used for additional tax related details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_message: Option<String>,
}

/// The payments model's `Money`: both fields required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceMoney {
    /// Three digit currency code in ISO 4217 format.
    pub currency_code: String,
    /// The amount, a decimal string on the wire (`Money.amount`).
    pub amount: Decimal,
}

/// `TaxDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceTax {
    /// Type of the tax applied.
    pub tax_type: DfInvoiceTaxType,
    /// Tax percentage applied. Percentage must be expressed in decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    /// Total tax amount applied on invoice total or an item total.
    pub tax_amount: DfInvoiceMoney,
    /// This field will contain the invoice amount that is taxable at the rate specified in the tax
    /// rate field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxable_amount: Option<DfInvoiceMoney>,
}

/// `InvoiceItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceItem {
    /// "The first item will be 1, the second 2, and so on."
    pub item_sequence_number: String,
    /// Buyer's standard identification number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    /// The vendor selected product identification of the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Item quantity invoiced.
    pub invoiced_quantity: DfItemQuantity,
    /// "Net price (before tax)", per each.
    pub net_cost: DfInvoiceMoney,
    /// The purchase order number for this order. Formatting Notes: 8-character alpha-numeric code.
    pub purchase_order_number: String,
    /// The vendor's order number for this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_order_number: Option<String>,
    /// Harmonized System of Nomenclature code (India).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsn_code: Option<String>,
    /// Individual tax details per line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<DfInvoiceTax>>,
}
