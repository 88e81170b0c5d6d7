//! Retail invoices and credit notes: `vendorInvoices.json` (Vendor Invoices API v1,
//! `POST /vendor/payments/v1/invoices`, operation `submitInvoices`). Definitions keep the
//! model's names.
//!
//! Parties here differ from the orders model: tax registrations are an *array*
//! (`taxRegistrationDetails`) and the postcode field is `postalOrZipCode`. Public issue threads
//! show invoices refused because a single registration object was sent; this module always
//! writes the array, and reads a lone object (or the orders model's `taxInfo` / `postalCode`)
//! tolerantly so a host may pass a party copied from a purchase order.
//!
//! Definitions whose name the orders model also uses (`Money`, `ItemQuantity`,
//! `PartyIdentification`, `Address`, `TaxRegistrationDetails`, `TotalWeight`) are named here
//! with an `Invoice` prefix: they differ from the orders model's, and the generated TypeScript
//! declares one interface per name. JSON field names are unaffected.

use serde::{Deserialize, Deserializer, Serialize};

use super::ApiError;
use super::orders::{TaxRegistrationType, TransactionId, UnitOfMeasure, WeightUnit};
use crate::money::Decimal;

wire_enum! {
    /// `Invoice.invoiceType`.
    InvoiceType {
        Invoice = "Invoice",
        CreditNote = "CreditNote",
    }
}

wire_enum! {
    /// `TaxDetails.taxType`.
    TaxType {
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

wire_enum! {
    /// `AdditionalDetails.type`.
    AdditionalDetailType {
        Sur = "SUR",
        Ocr = "OCR",
        CartonCount = "CartonCount",
    }
}

wire_enum! {
    /// `ChargeDetails.type`.
    ChargeType {
        Freight = "Freight",
        Packing = "Packing",
        Duty = "Duty",
        Service = "Service",
        SmallOrder = "SmallOrder",
        InsurancePlacementCost = "InsurancePlacementCost",
        InsuranceFee = "InsuranceFee",
        SpecialHandlingService = "SpecialHandlingService",
        CollectionAndRecyclingService = "CollectionAndRecyclingService",
        EnvironmentalProtectionService = "EnvironmentalProtectionService",
        TaxCollectedAtSource = "TaxCollectedAtSource",
    }
}

wire_enum! {
    /// `AllowanceDetails.type`.
    AllowanceType {
        Discount = "Discount",
        DiscountIncentive = "DiscountIncentive",
        Defective = "Defective",
        Promotional = "Promotional",
        UnsaleableMerchandise = "UnsaleableMerchandise",
        Special = "Special",
    }
}

wire_enum! {
    /// `PaymentTerms.type`.
    PaymentTermsType {
        Basic = "Basic",
        EndOfMonth = "EndOfMonth",
        FixedDate = "FixedDate",
        Proximo = "Proximo",
        PaymentDueUponReceiptOfInvoice = "PaymentDueUponReceiptOfInvoice",
        LetterofCredit = "LetterofCredit",
    }
}

/// `SubmitInvoicesRequest`: the body POSTed to `/vendor/payments/v1/invoices`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInvoicesRequest {
    #[serde(default)]
    pub invoices: Vec<Invoice>,
}

/// `SubmitInvoicesResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInvoicesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `Invoice`: an invoice or a credit note. `date` stays as written; engines parse it with a path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    pub invoice_type: InvoiceType,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    pub date: String,
    pub remit_to_party: InvoicePartyIdentification,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_party: Option<InvoicePartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_party: Option<InvoicePartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<InvoicePartyIdentification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<PaymentTerms>,
    pub invoice_total: InvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_details: Option<Vec<AdditionalDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_details: Option<Vec<ChargeDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_details: Option<Vec<AllowanceDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<InvoiceItem>>,
}

/// `InvoicePartyIdentification` of the invoices model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoicePartyIdentification {
    pub party_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<InvoiceAddress>,
    /// Always an array on the wire. A single object (the orders model's `taxInfo`, or the
    /// common mistake of sending one registration bare) is read as an array of one.
    #[serde(
        default,
        alias = "taxInfo",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_registration_details: Option<Vec<InvoiceTaxRegistrationDetails>>,
}

/// `InvoiceTaxRegistrationDetails` of the invoices model: both fields required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTaxRegistrationDetails {
    #[serde(alias = "taxType")]
    pub tax_registration_type: TaxRegistrationType,
    pub tax_registration_number: String,
}

/// `InvoiceAddress` of the invoices model (`postalOrZipCode`; the orders model's `postalCode` is read
/// as the same field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceAddress {
    pub name: String,
    pub address_line1: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    #[serde(default, alias = "postalCode", skip_serializing_if = "Option::is_none")]
    pub postal_or_zip_code: Option<String>,
    pub country_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `InvoiceItem`. `itemSequenceNumber` is an integer here (a string in orders).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceItem {
    pub item_sequence_number: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    pub invoiced_quantity: InvoiceItemQuantity,
    pub net_cost: InvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost_unit_of_measure: Option<WeightUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsn_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_note_details: Option<CreditNoteDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_details: Option<Vec<ChargeDetails>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_details: Option<Vec<AllowanceDetails>>,
}

/// `InvoiceItemQuantity` of the invoices model: `unitOfMeasure` is required here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceItemQuantity {
    pub amount: u64,
    pub unit_of_measure: UnitOfMeasure,
    /// Read as a number or a string of digits (the retail guide's invoice examples write
    /// `"unitSize": "10"`); written as a number.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::orders::unit_size_tolerant"
    )]
    pub unit_size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<InvoiceTotalWeight>,
}

/// `InvoiceTotalWeight`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTotalWeight {
    pub unit_of_measure: WeightUnit,
    pub amount: Decimal,
}

/// `InvoiceMoney` of the invoices model (no weight unit: that is `netCostUnitOfMeasure` here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceMoney {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
}

impl InvoiceMoney {
    /// An amount with its currency.
    pub fn of(amount: Decimal, currency_code: &str) -> Self {
        InvoiceMoney {
            currency_code: Some(currency_code.to_string()),
            amount: Some(amount),
        }
    }
}

/// `TaxDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TaxDetails {
    pub tax_type: TaxType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    pub tax_amount: InvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxable_amount: Option<InvoiceMoney>,
}

/// `AdditionalDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AdditionalDetails {
    #[serde(rename = "type")]
    pub detail_type: AdditionalDetailType,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
}

/// `ChargeDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ChargeDetails {
    #[serde(rename = "type")]
    pub charge_type: ChargeType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub charge_amount: InvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
}

/// `AllowanceDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllowanceDetails {
    #[serde(rename = "type")]
    pub allowance_type: AllowanceType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub allowance_amount: InvoiceMoney,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
}

/// `PaymentTerms`. The day counts are JSON numbers in the model; whole days are what Amazon's
/// examples and every agreement use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PaymentTerms {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub terms_type: Option<PaymentTermsType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_due_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_due_days: Option<u32>,
}

/// `CreditNoteDetails`: the references Amazon needs to match a credit note (per item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreditNoteDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_invoice_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit_note_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns_reference_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_return_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rma_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coop_reference_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignors_reference_number: Option<String>,
}

/// Reads `[x, …]` or a lone `x` as a list (see [`InvoicePartyIdentification`]).
fn one_or_many<'de, D>(
    deserializer: D,
) -> Result<Option<Vec<InvoiceTaxRegistrationDetails>>, D::Error>
where
    D: Deserializer<'de>,
{
    // Dispatch on the JSON shape with a visitor (not `untagged`): an error inside either form
    // keeps its own position, so its JSON pointer names the offending field.
    struct OneOrMany;
    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Option<Vec<InvoiceTaxRegistrationDetails>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array of {taxRegistrationType, taxRegistrationNumber}")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(Some)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            InvoiceTaxRegistrationDetails::deserialize(
                serde::de::value::MapAccessDeserializer::new(map),
            )
            .map(|single| Some(vec![single]))
        }
    }
    deserializer.deserialize_any(OneOrMany)
}
