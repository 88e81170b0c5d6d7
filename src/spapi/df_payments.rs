//! Direct Fulfillment payments: `vendorDirectFulfillmentPaymentsV1.json`, the submitInvoice
//! body. Parties here carry `taxRegistrationDetails` (an array, with `taxRegistrationMessage`),
//! not the orders model's `taxInfo`; `itemSequenceNumber` is a string ("1").

use serde::{Deserialize, Serialize};

use super::df_orders::{DfAddress, DfItemQuantity, DfTaxRegistrationType};
use crate::money::Decimal;

wire_enum! {
    /// `TaxDetail.taxType`.
    DfInvoiceTaxType {
        Cgst = "CGST",
        Sgst = "SGST",
        Cess = "CESS",
        Utgst = "UTGST",
        Igst = "IGST",
        MwSt = "MwSt.",
        Pst = "PST",
        Tva = "TVA",
        Vat = "VAT",
        Gst = "GST",
        St = "ST",
        Consumption = "Consumption",
        MutuallyDefined = "MutuallyDefined",
        DomesticVat = "DomesticVAT",
    }
}

/// `SubmitInvoiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfSubmitInvoiceRequest {
    pub invoices: Vec<DfInvoiceDetail>,
}

/// `InvoiceDetail`: one invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceDetail {
    pub invoice_number: String,
    /// ISO-8601 UTC.
    pub invoice_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    pub remit_to_party: DfInvoiceParty,
    pub ship_from_party: DfInvoiceParty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<DfInvoiceParty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms_code: Option<String>,
    pub invoice_total: DfInvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_totals: Option<Vec<DfInvoiceTax>>,
    pub items: Vec<DfInvoiceItem>,
}

/// The payments model's `PartyIdentification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceParty {
    pub party_id: String,
    /// The model requires `name`, `addressLine1`, `city`, `stateOrRegion`, `postalCode` and
    /// `countryCode` here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DfAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_details: Option<Vec<DfInvoiceTaxRegistration>>,
}

/// `TaxRegistrationDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceTaxRegistration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_type: Option<DfTaxRegistrationType>,
    pub tax_registration_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_address: Option<DfAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_registration_message: Option<String>,
}

/// The payments model's `Money`: both fields required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceMoney {
    pub currency_code: String,
    pub amount: Decimal,
}

/// `TaxDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DfInvoiceTax {
    pub tax_type: DfInvoiceTaxType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    pub tax_amount: DfInvoiceMoney,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub invoiced_quantity: DfItemQuantity,
    /// "Net price (before tax)", per each.
    pub net_cost: DfInvoiceMoney,
    pub purchase_order_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_order_number: Option<String>,
    /// Harmonized System of Nomenclature code (India).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsn_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<DfInvoiceTax>>,
}
