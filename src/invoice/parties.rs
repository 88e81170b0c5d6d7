//! Parties of the orders model (`taxInfo` object, `postalCode`) turned into parties of the
//! invoices model (`taxRegistrationDetails` array, `postalOrZipCode`).

use crate::spapi::invoices::{
    InvoiceAddress, InvoicePartyIdentification, InvoiceTaxRegistrationDetails,
};
use crate::spapi::orders;

/// The invoices-model party for a PO party. A registration without a type cannot be sent (the
/// invoices model requires it); it is dropped and `false` is returned so the caller can say so.
pub fn from_order_party(party: &orders::PartyIdentification) -> (InvoicePartyIdentification, bool) {
    let mut complete = true;
    let tax_registration_details =
        party
            .tax_info
            .as_ref()
            .and_then(|info| match info.tax_registration_type {
                Some(kind) => Some(vec![InvoiceTaxRegistrationDetails {
                    tax_registration_type: kind,
                    tax_registration_number: info.tax_registration_number.clone(),
                }]),
                None => {
                    complete = false;
                    None
                }
            });
    let address = party.address.as_ref().map(|a| InvoiceAddress {
        name: a.name.clone(),
        address_line1: a.address_line1.clone(),
        address_line2: a.address_line2.clone(),
        address_line3: a.address_line3.clone(),
        city: a.city.clone(),
        county: a.county.clone(),
        district: a.district.clone(),
        state_or_region: a.state_or_region.clone(),
        postal_or_zip_code: a.postal_code.clone(),
        country_code: a.country_code.clone(),
        phone: a.phone.clone(),
    });
    (
        InvoicePartyIdentification {
            party_id: party.party_id.clone(),
            address,
            tax_registration_details,
        },
        complete,
    )
}
