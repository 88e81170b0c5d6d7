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
        /// A commercial document issued by a seller to a buyer, relating to a sale transaction and
        /// indicating the products, quantities, and agreed prices for products or services the
        /// seller had provided the buyer.
        Invoice = "Invoice",
        /// A commercial document issued by a seller to a buyer. It is evidence of the reduction in
        /// sales.
        CreditNote = "CreditNote",
    }
}

wire_enum! {
    /// `TaxDetails.taxType`.
    TaxType {
        /// Central Goods and Services Tax (CGST) is levied by the Indian government for intrastate
        /// movement of goods and services.
        Cgst = "CGST",
        /// State Goods and Services Tax (SGST) is an indirect tax levied and collected by a State
        /// Government in India on the intra-state supplies.
        Sgst = "SGST",
        /// A CESS is a form of tax levied by the government on tax with specific purposes till the
        /// time the government gets enough money for that purpose.
        Cess = "CESS",
        /// Union Territory Goods and Services Tax in India.
        Utgst = "UTGST",
        /// Integrated Goods and Services Tax (IGST) is a tax levied on all Inter-State supplies of
        /// goods and/or services in India.
        Igst = "IGST",
        /// Mehrwertsteuer, MwSt, is German for value-added tax.
        MwSt = "MwSt.",
        /// A provincial sales tax (PST) is imposed on consumers of goods and particular services in
        /// many Canadian provinces.
        Pst = "PST",
        /// Taxe sur la Valeur Ajout&#233;e (TVA) is French for value-added tax.
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
        /// Domestic value-added tax.
        DomesticVat = "DomesticVAT",
    }
}

wire_enum! {
    /// `AdditionalDetails.type`.
    AdditionalDetailType {
        /// An additional tax on something already taxed, such as a higher rate of tax on incomes
        /// above a certain level.
        Sur = "SUR",
        /// OCR.
        Ocr = "OCR",
        /// The total number of cartons invoiced.
        CartonCount = "CartonCount",
    }
}

wire_enum! {
    /// `ChargeDetails.type`.
    ChargeType {
        /// Freight charges.
        Freight = "Freight",
        /// Packing fee.
        Packing = "Packing",
        /// Duty charges.
        Duty = "Duty",
        /// Service fee.
        Service = "Service",
        /// Small order fee.
        SmallOrder = "SmallOrder",
        /// Insurance placement cost.
        InsurancePlacementCost = "InsurancePlacementCost",
        /// Insurance fee.
        InsuranceFee = "InsuranceFee",
        /// Special handling service fee.
        SpecialHandlingService = "SpecialHandlingService",
        /// Collection and recycling service fee.
        CollectionAndRecyclingService = "CollectionAndRecyclingService",
        /// Environmental protection service fee.
        EnvironmentalProtectionService = "EnvironmentalProtectionService",
        /// Tax collected at source.
        TaxCollectedAtSource = "TaxCollectedAtSource",
    }
}

wire_enum! {
    /// `AllowanceDetails.type`.
    AllowanceType {
        /// Discount allowance.
        Discount = "Discount",
        /// Discount incentive allowance.
        DiscountIncentive = "DiscountIncentive",
        /// Allowance applied for defective item.
        Defective = "Defective",
        /// Promotional allowance.
        Promotional = "Promotional",
        /// Allowance applied due to unsaleable merchandise.
        UnsaleableMerchandise = "UnsaleableMerchandise",
        /// Special allowances.
        Special = "Special",
    }
}

wire_enum! {
    /// `PaymentTerms.type`.
    PaymentTermsType {
        /// Payment term that buyer and seller have agreed to.
        Basic = "Basic",
        /// Payment term where seller gets paid end of month.
        EndOfMonth = "EndOfMonth",
        /// Payment term where seller gets paid on a fixed date as agreed with buyer.
        FixedDate = "FixedDate",
        /// Payment term where seller gets paid end of following month.
        Proximo = "Proximo",
        /// Payment term where seller gets paid upon receipt of the invoice by the buyer.
        PaymentDueUponReceiptOfInvoice = "PaymentDueUponReceiptOfInvoice",
        /// A payment undertaking given by a bank to the seller and is issued on behalf of the
        /// applicant i.e. the buyer.
        LetterofCredit = "LetterofCredit",
    }
}

/// `SubmitInvoicesRequest`: the body POSTed to `/vendor/payments/v1/invoices`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInvoicesRequest {
    /// An array of Invoice objects representing the invoices or credit notes to be submitted.
    #[serde(default)]
    pub invoices: Vec<Invoice>,
}

/// `SubmitInvoicesResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubmitInvoicesResponse {
    /// The response payload for the submitInvoices operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<TransactionId>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiError>>,
}

/// `Invoice`: an invoice or a credit note. `date` stays as written; engines parse it with a path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    /// Identifies the type of invoice.
    pub invoice_type: InvoiceType,
    /// Unique number relating to the charges defined in this document. This will be invoice number
    /// if the document type is Invoice or CreditNote number if the document type is Credit Note.
    /// Failure to provide this reference will result in a rejection.
    pub id: String,
    /// An additional unique reference number used for regulatory or other purposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// Date when the invoice/credit note information was generated in the origin's accounting
    /// system. The invoice date should be on or after the purchase order creation date.
    pub date: String,
    /// Name, address and tax details of the party receiving the payment of this invoice.
    pub remit_to_party: InvoicePartyIdentification,
    /// Name, address and tax details of the party receiving a shipment of products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_party: Option<InvoicePartyIdentification>,
    /// Name, address and tax details of the party sending a shipment of products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_party: Option<InvoicePartyIdentification>,
    /// Name, address and tax details of the party to whom this invoice is issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_party: Option<InvoicePartyIdentification>,
    /// The payment terms for the invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<PaymentTerms>,
    /// Total monetary amount charged in the invoice or full value of credit note to be paid
    /// including all relevant taxes. It is the total amount of invoice (including charges, less
    /// allowances) before terms discount (if discount is applicable).
    pub invoice_total: InvoiceMoney,
    /// Total tax amount details for all line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
    /// Additional details provided by the selling party, for tax related or other purposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_details: Option<Vec<AdditionalDetails>>,
    /// Total charge amount details for all line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_details: Option<Vec<ChargeDetails>>,
    /// Total allowance amount details for all line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_details: Option<Vec<AllowanceDetails>>,
    /// The list of invoice items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<InvoiceItem>>,
}

/// `InvoicePartyIdentification` of the invoices model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoicePartyIdentification {
    /// Assigned identification for the party.
    pub party_id: String,
    /// Identification of the party by address.
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
    /// Tax registration details of the party.
    pub tax_registration_details: Option<Vec<InvoiceTaxRegistrationDetails>>,
}

/// `InvoiceTaxRegistrationDetails` of the invoices model: both fields required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTaxRegistrationDetails {
    /// The tax registration type for the entity.
    #[serde(alias = "taxType")]
    pub tax_registration_type: TaxRegistrationType,
    /// The tax registration number for the entity. For example, VAT ID, Consumption Tax ID.
    pub tax_registration_number: String,
}

/// `InvoiceAddress` of the invoices model (`postalOrZipCode`; the orders model's `postalCode` is read
/// as the same field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceAddress {
    /// The name of the person, business or institution at that address.
    pub name: String,
    /// First line of street address.
    pub address_line1: String,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information, if required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city where the person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The county where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The district where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The state or region where person, business or institution is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The postal or zip code of that address. It contains a series of letters or digits or both,
    /// sometimes including spaces or punctuation.
    #[serde(default, alias = "postalCode", skip_serializing_if = "Option::is_none")]
    pub postal_or_zip_code: Option<String>,
    /// The two digit country code. In ISO 3166-1 alpha-2 format.
    pub country_code: String,
    /// The phone number of the person, business or institution located at that address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `InvoiceItem`. `itemSequenceNumber` is an integer here (a string in orders).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceItem {
    /// Unique number related to this line item.
    pub item_sequence_number: u64,
    /// Amazon Standard Identification Number (ASIN) of an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amazon_product_identifier: Option<String>,
    /// The vendor selected product identifier of the item. Should be the same as was provided in
    /// the purchase order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_product_identifier: Option<String>,
    /// Invoiced quantity of this item. Quantity must be greater than zero.
    pub invoiced_quantity: InvoiceItemQuantity,
    /// The item cost to Amazon, which should match the cost on the order. Price information should
    /// not be zero or negative. It indicates net unit price. Net cost means VAT is not included in
    /// cost. If items are priced by weight, this cost need to be considered in conjunction with
    /// netCostUnitOfMeasure. E.g.: $5/LB.
    pub net_cost: InvoiceMoney,
    /// This field represents weight unit of measure of items that are ordered by cases and
    /// supporting priced by weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_cost_unit_of_measure: Option<WeightUnit>,
    /// The Amazon purchase order number for this invoiced line item. Formatting Notes: 8-character
    /// alpha-numeric code. This value is mandatory only when invoiceType is Invoice, and is not
    /// required when invoiceType is CreditNote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// HSN Tax code. The HSN number cannot contain alphabets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsn_code: Option<String>,
    /// Details required in order to process a credit note. This information is required only if
    /// invoiceType is CreditNote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_note_details: Option<CreditNoteDetails>,
    /// Individual tax details per line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
    /// Individual charge details per line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_details: Option<Vec<ChargeDetails>>,
    /// Individual allowance details per line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_details: Option<Vec<AllowanceDetails>>,
}

/// `InvoiceItemQuantity` of the invoices model: `unitOfMeasure` is required here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceItemQuantity {
    /// Quantity of an item. This value should not be zero.
    pub amount: u64,
    /// Unit of measure for the quantity.
    pub unit_of_measure: UnitOfMeasure,
    /// Read as a number or a string of digits (the retail guide's invoice examples write
    /// `"unitSize": "10"`); written as a number.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::orders::unit_size_tolerant"
    )]
    /// The case size, if the unit of measure value is Cases.
    pub unit_size: Option<u64>,
    /// The aggregate weight of this item being invoiced. This information will be available for
    /// items sold by weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_weight: Option<InvoiceTotalWeight>,
}

/// `InvoiceTotalWeight`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceTotalWeight {
    /// The unit of measure for items sold by weight.
    pub unit_of_measure: WeightUnit,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation. <br>**Pattern** :
    /// `^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$`.
    pub amount: Decimal,
}

/// `InvoiceMoney` of the invoices model (no weight unit: that is `netCostUnitOfMeasure` here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceMoney {
    /// Three-digit currency code in ISO 4217 format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as
    /// with currencies. Follows RFC7159 for number representation. <br>**Pattern** :
    /// `^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$`.
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
    /// Type of the tax applied.
    pub tax_type: TaxType,
    /// Tax percentage applied. Percentage must be expressed in decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Decimal>,
    /// Total tax amount applied on invoice total or an item total.
    pub tax_amount: InvoiceMoney,
    /// The invoice amount that is taxable at the rate specified in the tax rate field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxable_amount: Option<InvoiceMoney>,
}

/// `AdditionalDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AdditionalDetails {
    /// The type of the additional information provided by the selling party.
    #[serde(rename = "type")]
    pub detail_type: AdditionalDetailType,
    /// The detail of the additional information provided by the selling party.
    pub detail: String,
    /// The language code of the additional information detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
}

/// `ChargeDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ChargeDetails {
    /// Type of the charge applied.
    #[serde(rename = "type")]
    pub charge_type: ChargeType,
    /// Description of the charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total monetary amount related to this charge.
    pub charge_amount: InvoiceMoney,
    /// Tax amount details applied on this charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
}

/// `AllowanceDetails`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllowanceDetails {
    /// Type of the allowance applied.
    #[serde(rename = "type")]
    pub allowance_type: AllowanceType,
    /// Description of the allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total monetary amount related to this allowance.
    pub allowance_amount: InvoiceMoney,
    /// Tax amount details applied on this allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_details: Option<Vec<TaxDetails>>,
}

/// `PaymentTerms`. The day counts are JSON numbers in the model; whole days are what Amazon's
/// examples and every agreement use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PaymentTerms {
    /// The payment term type for the invoice.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub terms_type: Option<PaymentTermsType>,
    /// The discount percent value, which is good until the discount due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Decimal>,
    /// The number of calendar days from the Base date (Invoice date) until the discount is no
    /// longer valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_due_days: Option<u32>,
    /// The number of calendar days from the base date (invoice date) until the total amount on the
    /// invoice is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_due_days: Option<u32>,
}

/// `CreditNoteDetails`: the references Amazon needs to match a credit note (per item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreditNoteDetails {
    /// Original Invoice Number when sending a credit note relating to an existing invoice. One
    /// Invoice only to be processed per Credit Note. This is mandatory for AP Credit Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_invoice_number: Option<String>,
    /// Debit Note Number as generated by Amazon. Recommended for Returns and COOP Credit Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit_note_number: Option<String>,
    /// Identifies the Returns Notice Number. Mandatory for all Returns Credit Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns_reference_number: Option<String>,
    /// Date that a return is received by the vendor. It is mandatory for Returns Credit Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_return_date: Option<String>,
    /// Identifies the Returned Merchandise Authorization ID, if generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rma_id: Option<String>,
    /// Identifies the COOP reference used for COOP agreement. Failure to provide the COOP reference
    /// number or the Debit Note number may lead to a rejection of the Credit Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coop_reference_number: Option<String>,
    /// Identifies the consignor reference number (VRET number), if generated by Amazon.
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
