//! `buildDirectFulfillmentInvoices`: the DF payments submitInvoice body, one invoice per shipped
//! order, from the shipment confirmations sent and the orders' prices and taxes.
//!
//! Only what was confirmed as `SHIPPED` is invoiced, each order once: an order listed in
//! `invoiced` (already sent), or twice in the batch, is not invoiced again.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::error::DfError;
use crate::exceptions::{Exception, Severity};
use crate::money::Decimal;
use crate::spapi::df_orders::{DfOrder, DfTaxDetails, DfTaxType};
use crate::spapi::df_payments::{
    DfInvoiceDetail, DfInvoiceItem, DfInvoiceMoney, DfInvoiceParty, DfInvoiceTax, DfInvoiceTaxType,
    DfSubmitInvoiceRequest,
};
use crate::spapi::df_shipping::{DfShipmentConfirmation, DfShipmentStatus};
use crate::time::{Instant, format_instant};

/// The input of `buildDirectFulfillmentInvoices`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildDfInvoicesInput {
    /// The DF orders (their prices and taxes), as getOrder returns them.
    pub orders: Vec<DfOrder>,
    /// The shipment confirmations sent (the `shipmentConfirmations` of the requests).
    pub shipment_confirmations: Vec<DfShipmentConfirmation>,
    /// Purchase order numbers already invoiced: never invoiced again.
    #[serde(default)]
    pub invoiced: Vec<String>,
    /// The ERP's invoice number per purchase order number. An order without one is held.
    #[serde(default)]
    pub invoice_numbers: BTreeMap<String, String>,
    /// The vendor as the party paid (vendor code, address, tax registrations).
    pub remit_to_party: DfInvoiceParty,
    /// Amazon's `InvoiceDetail.paymentTermsCode` ("The payment terms for the invoice"), copied onto
    /// every invoice; absent: the field is left out of the submitInvoice body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms_code: Option<String>,
    /// The invoice date (ISO-8601). The core never reads the clock.
    pub now: Instant,
}

/// The output of `buildDirectFulfillmentInvoices`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BuildDfInvoicesOutput {
    /// The submitInvoice body; absent when there is nothing to invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<DfSubmitInvoiceRequest>,
    /// The purchase order numbers in `request`: add them to `invoiced` once it is accepted.
    pub invoiced: Vec<String>,
    /// Orders held (no invoice number, unknown order, an unmappable tax, mixed currencies).
    pub exceptions: Vec<Exception>,
}

/// The payments model's tax type for the orders model's; `TOTAL` has none.
fn invoice_tax_type(tax: Option<DfTaxType>) -> Option<DfInvoiceTaxType> {
    Some(match tax? {
        DfTaxType::Consumption => DfInvoiceTaxType::Consumption,
        DfTaxType::Gst => DfInvoiceTaxType::Gst,
        DfTaxType::MwSt => DfInvoiceTaxType::MwSt,
        DfTaxType::Pst => DfInvoiceTaxType::Pst,
        DfTaxType::Tva => DfInvoiceTaxType::Tva,
        DfTaxType::Vat => DfInvoiceTaxType::Vat,
        DfTaxType::Total => return None,
    })
}

/// "The first item will be 1, the second 2": the order's "00001" without its leading zeros.
fn sequence_text(text: &str) -> String {
    let trimmed = text.trim().trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }.to_string()
}

fn money(amount: Decimal, currency: &str) -> DfInvoiceMoney {
    DfInvoiceMoney {
        currency_code: currency.to_string(),
        amount,
    }
}

/// Builds one invoice per confirmed, shipped and not yet invoiced order.
pub fn build_df_invoices(input: BuildDfInvoicesInput) -> Result<BuildDfInvoicesOutput, DfError> {
    let address = input.remit_to_party.address.as_ref();
    if let Some(address) = address {
        // The payments model requires these six fields of every address.
        let required = [
            ("/name", Some(&address.name)),
            ("/addressLine1", Some(&address.address_line1)),
            ("/city", address.city.as_ref()),
            ("/stateOrRegion", Some(&address.state_or_region)),
            ("/postalCode", address.postal_code.as_ref()),
            ("/countryCode", Some(&address.country_code)),
        ];
        if let Some((field, _)) = required
            .iter()
            .find(|(_, v)| v.is_none_or(|v| v.trim().is_empty()))
        {
            return Err(DfError::invalid(
                "MISSING_FIELD",
                format!("/remitToParty/address{field}"),
                "the payments model requires name, addressLine1, city, stateOrRegion, \
                 postalCode and countryCode in the remit-to address",
            ));
        }
    }
    let orders: BTreeMap<&str, &DfOrder> = input
        .orders
        .iter()
        .map(|o| (o.purchase_order_number.as_str(), o))
        .collect();
    let mut done: BTreeSet<&str> = input.invoiced.iter().map(|n| n.trim()).collect();
    let date = format_instant(&input.now.0);
    let mut out = BuildDfInvoicesOutput::default();
    let mut invoices = Vec::new();
    for confirmation in &input.shipment_confirmations {
        let number = confirmation.purchase_order_number.as_str();
        if confirmation.shipment_details.shipment_status != DfShipmentStatus::Shipped
            || !done.insert(number)
        {
            continue; // floor denial: nothing shipped; or invoiced already
        }
        let hold = |code: &str, message: &str| {
            Exception::for_po(code, Severity::Error, number, message.to_string())
        };
        let Some(details) = orders.get(number).and_then(|o| o.order_details.as_ref()) else {
            out.exceptions.push(hold(
                "UNKNOWN_ORDER",
                "the confirmed order (with orderDetails) is not in `orders`: fetch it with getOrder",
            ));
            continue;
        };
        let Some(invoice_number) = input
            .invoice_numbers
            .get(number)
            .filter(|n| !n.trim().is_empty())
        else {
            out.exceptions.push(hold(
                "MISSING_INVOICE_NUMBER",
                "no ERP invoice number for this order in `invoiceNumbers`",
            ));
            continue;
        };
        match invoice(confirmation, details, invoice_number, &input, &date) {
            Ok(detail) => {
                out.invoiced.push(number.to_string());
                invoices.push(detail);
            }
            Err((code, message)) => out.exceptions.push(hold(code, message)),
        }
    }
    out.request = (!invoices.is_empty()).then_some(DfSubmitInvoiceRequest { invoices });
    Ok(out)
}

type Held = (&'static str, &'static str);

/// One invoice: items at the order's net price for the confirmed quantity, the order lines'
/// taxes ("Total tax details for the line item", copied as the invoice item's "Individual tax
/// details per line item"), tax totals per type and rate, and the total with tax.
fn invoice(
    confirmation: &DfShipmentConfirmation,
    details: &crate::spapi::df_orders::DfOrderDetails,
    invoice_number: &str,
    input: &BuildDfInvoicesInput,
    date: &str,
) -> Result<DfInvoiceDetail, Held> {
    const OVERFLOW: Held = ("AMOUNT_OVERFLOW", "an amount is beyond the decimal range");
    let number = confirmation.purchase_order_number.as_str();
    let mut currency: Option<String> = None;
    let mut net_total = Decimal::ZERO;
    let mut tax_totals: BTreeMap<(DfInvoiceTaxType, Option<Decimal>), (Decimal, Decimal)> =
        BTreeMap::new();
    let mut items = Vec::with_capacity(confirmation.items.len());
    for shipped in &confirmation.items {
        let line = details.items.iter().find(|item| {
            item.item_sequence_number.trim().parse::<u64>().ok()
                == Some(shipped.item_sequence_number)
        });
        let Some(line) = line else {
            return Err((
                "ITEM_NOT_ON_ORDER",
                "a confirmed item is not a line of the order",
            ));
        };
        let price = line.net_price.as_ref();
        let (Some(amount), Some(code)) = (
            price.and_then(|p| p.amount),
            price.and_then(|p| p.currency_code.as_deref()),
        ) else {
            return Err(("MISSING_NET_PRICE", "an order line has no netPrice"));
        };
        let code = code.trim().to_ascii_uppercase();
        match &currency {
            Some(first) if *first != code => {
                return Err(("MIXED_CURRENCIES", "one invoice has one currency"));
            }
            Some(_) => {}
            None => currency = Some(code.clone()),
        }
        let quantity = shipped.shipped_quantity.amount;
        let line_net = amount.checked_mul_quantity(quantity).ok_or(OVERFLOW)?;
        net_total = net_total.checked_add(line_net).ok_or(OVERFLOW)?;
        let taxes = line
            .tax_details
            .as_ref()
            .and_then(|t| t.tax_line_item.as_ref())
            .map(|list| {
                list.iter()
                    .map(|t| tax(t, &code))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        for t in taxes.iter().flatten() {
            let entry = tax_totals
                .entry((t.tax_type, t.tax_rate))
                .or_insert((Decimal::ZERO, Decimal::ZERO));
            entry.0 = entry.0.checked_add(t.tax_amount.amount).ok_or(OVERFLOW)?;
            let base = t.taxable_amount.as_ref().map_or(line_net, |m| m.amount);
            entry.1 = entry.1.checked_add(base).ok_or(OVERFLOW)?;
        }
        items.push(DfInvoiceItem {
            item_sequence_number: sequence_text(&line.item_sequence_number),
            buyer_product_identifier: line.buyer_product_identifier.clone(),
            vendor_product_identifier: line.vendor_product_identifier.clone(),
            invoiced_quantity: shipped.shipped_quantity,
            net_cost: money(amount, &code),
            purchase_order_number: number.to_string(),
            vendor_order_number: confirmation.shipment_details.vendor_order_number.clone(),
            hsn_code: None,
            tax_details: taxes.filter(|t| !t.is_empty()),
        });
    }
    let currency = currency.ok_or(("NOTHING_SHIPPED", "the confirmation has no items"))?;
    let mut total = net_total;
    let mut totals = Vec::with_capacity(tax_totals.len());
    for ((tax_type, tax_rate), (amount, base)) in tax_totals {
        total = total.checked_add(amount).ok_or(OVERFLOW)?;
        totals.push(DfInvoiceTax {
            tax_type,
            tax_rate,
            tax_amount: money(amount, &currency),
            taxable_amount: Some(money(base, &currency)),
        });
    }
    if total.is_zero() || total.is_negative() {
        return Err(("ZERO_TOTAL", "an invoice total must be more than zero"));
    }
    Ok(DfInvoiceDetail {
        invoice_number: invoice_number.trim().to_string(),
        invoice_date: date.to_string(),
        reference_number: None,
        remit_to_party: input.remit_to_party.clone(),
        ship_from_party: DfInvoiceParty {
            party_id: details.ship_from_party.party_id.clone(),
            address: None,
            tax_registration_details: None,
        },
        bill_to_party: Some(bill_to(&details.bill_to_party)),
        ship_to_country_code: Some(details.ship_to_party.country_code.trim().to_string())
            .filter(|c| !c.is_empty()),
        payment_terms_code: input.payment_terms_code.clone(),
        invoice_total: money(total, &currency),
        tax_totals: (!totals.is_empty()).then_some(totals),
        items,
    })
}

/// The six address fields the payments model requires.
fn complete(address: &crate::spapi::df_orders::DfAddress) -> bool {
    [
        Some(&address.name),
        Some(&address.address_line1),
        address.city.as_ref(),
        Some(&address.state_or_region),
        address.postal_code.as_ref(),
        Some(&address.country_code),
    ]
    .iter()
    .all(|v| v.is_some_and(|v| !v.trim().is_empty()))
}

/// The bill-to party as the order names it: "Amazon requires the full address details in the
/// address segments for tax compliance reasons. This is especially important for the bill-to
/// party" (DF guide). The address (Amazon's billing entity, not the customer) and its tax
/// registration are copied when the order carries them complete; else the party goes by code.
fn bill_to(party: &crate::spapi::df_orders::DfPartyIdentification) -> DfInvoiceParty {
    DfInvoiceParty {
        party_id: party.party_id.clone(),
        address: party.address.clone().filter(complete),
        tax_registration_details: party.tax_info.as_ref().map(|info| {
            vec![crate::spapi::df_payments::DfInvoiceTaxRegistration {
                tax_registration_type: info.tax_registration_type,
                tax_registration_number: info.tax_registration_number.clone(),
                tax_registration_address: info.tax_registration_address.clone().filter(complete),
                tax_registration_message: info.tax_registration_messages.clone(),
            }]
        }),
    }
}

/// One order line tax as an invoice tax, in the invoice's currency.
fn tax(t: &DfTaxDetails, currency: &str) -> Result<DfInvoiceTax, Held> {
    let tax_type = invoice_tax_type(t.tax_type).ok_or((
        "TAX_TYPE_UNMAPPED",
        "an order line tax has no type, or TOTAL, which the payments model has no value for: \
         invoice this order by hand",
    ))?;
    let amount = t
        .tax_amount
        .amount
        .ok_or(("MISSING_TAX_AMOUNT", "an order line tax has no amount"))?;
    let same = |m: &crate::spapi::df_orders::DfMoney| {
        m.currency_code
            .as_deref()
            .is_none_or(|c| c.trim().eq_ignore_ascii_case(currency))
    };
    if !same(&t.tax_amount) || !t.taxable_amount.as_ref().is_none_or(same) {
        return Err((
            "MIXED_CURRENCIES",
            "a tax is in another currency than the price",
        ));
    }
    Ok(DfInvoiceTax {
        tax_type,
        tax_rate: t.tax_rate,
        tax_amount: money(amount, currency),
        taxable_amount: t
            .taxable_amount
            .as_ref()
            .and_then(|m| m.amount)
            .map(|a| money(a, currency)),
    })
}
