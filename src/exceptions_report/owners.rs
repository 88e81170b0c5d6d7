//! Who acts on each exception code, and how: the one table every engine's codes go into.
//!
//! Keep it sorted by code (a unit test checks): merging another engine's codes is adding rows.

use super::output::OwnerRole;

/// (code, owner, action). Actions are imperative sentences a person can follow.
pub const OWNER_TABLE: &[(&str, OwnerRole, &str)] = &[
    (
        "ACCEPTED_NOT_SHIPPED",
        OwnerRole::Operations,
        "Ship the accepted units before the window closes, or lower the acknowledgement while it is still allowed.",
    ),
    (
        "ACKNOWLEDGED_ELSEWHERE",
        OwnerRole::Operations,
        "Find where the PO was acknowledged (Vendor Central or another system) and load that acknowledgement into history, so its stock is reserved.",
    ),
    (
        "ACKNOWLEDGEMENT_DUE_SOON",
        OwnerRole::Operations,
        "Approve or adjust the held PO before its due time, or Amazon treats its lines as rejected.",
    ),
    (
        "ACKNOWLEDGEMENT_LATE",
        OwnerRole::Operations,
        "Submit the acknowledgement now, then check the PO state at Amazon: lines Amazon already \
         treats as rejected cannot be recovered.",
    ),
    (
        "ACKNOWLEDGEMENT_OVERDUE",
        OwnerRole::Operations,
        "Approve and submit the acknowledgement now, then check the PO state at Amazon.",
    ),
    (
        "ACKNOWLEDGEMENT_UNMATCHED",
        OwnerRole::Administrator,
        "An acknowledgement matches no PO line: check that the PO book passed to reconcile is complete.",
    ),
    (
        "AMOUNT_OVERFLOW",
        OwnerRole::Administrator,
        "An amount is beyond the decimal range: check the order data for a corrupted price or quantity.",
    ),
    (
        "APPROVAL_OVERRIDE",
        OwnerRole::Operations,
        "Make sure the stock the approver promised beyond what was allocatable arrives before the ship window.",
    ),
    (
        "APPROVAL_REQUIRED",
        OwnerRole::Operations,
        "Review the proposal in pendingApproval, lower quantities if needed, and approve before \
         the 24-hour acknowledgement deadline.",
    ),
    (
        "ASIN_UNKNOWN",
        OwnerRole::Administrator,
        "Add the SKU's ASIN to the SKU map: inventory updates by vendor SKU alone are refused \
         by Amazon.",
    ),
    (
        "ASN_LINE_UNMATCHED",
        OwnerRole::Operations,
        "An ASN line matches no PO line: check the ASN's PO number and identifiers.",
    ),
    (
        "ASN_WITHOUT_ERP_FULFILMENT",
        OwnerRole::Operations,
        "An ASN was sent for goods the ERP has not fulfilled: check whether the shipment happened and fix the ERP record.",
    ),
    (
        "CHANGE_WINDOW_CLOSED",
        OwnerRole::Operations,
        "Only dates may change now: approve the proposal with the earlier quantities, or contact Amazon vendor support.",
    ),
    (
        "CONFIRMATION_LATE",
        OwnerRole::Operations,
        "Submit the DF shipment confirmation now: it is due within 4 hours of shipment.",
    ),
    (
        "COST_BELOW_MINIMUM",
        OwnerRole::Finance,
        "Compare the PO cost with your minimum: approve, reject, or dispute the cost with Amazon.",
    ),
    (
        "COST_MISMATCH",
        OwnerRole::Finance,
        "Check the PO cost against the agreed cost; correct the cost list or dispute it with Amazon before invoicing (the invoice must match the acknowledged cost).",
    ),
    (
        "CURRENCY_NOT_USED_BY_CUSTOMER",
        OwnerRole::Finance,
        "Add the currency to the ERP customer, or map the vendor code to the customer that \
         trades in it; then convert the PO again.",
    ),
    (
        "DEDUCTION_CHARGEBACK",
        OwnerRole::Operations,
        "Find the chargeback's cause (on-time, ASN accuracy, labels) and fix it; dispute it if the data shows compliance.",
    ),
    (
        "DEDUCTION_COOP",
        OwnerRole::Finance,
        "Match the co-op deduction to the agreement; dispute it if no agreement covers it.",
    ),
    (
        "DEDUCTION_OTHER",
        OwnerRole::Finance,
        "Find out what the unclassified deduction is for in Vendor Central and dispute it within the window if it is not owed.",
    ),
    (
        "DEDUCTION_PRICE",
        OwnerRole::Finance,
        "Review the price deduction against the PO and acknowledged cost; dispute it or correct the cost master.",
    ),
    (
        "DEDUCTION_SHORTAGE",
        OwnerRole::Finance,
        "Review the shortage deduction against the ASN evidence and dispute it within the window if the goods were shipped.",
    ),
    (
        "DETAILS_MISSING",
        OwnerRole::Operations,
        "Fetch the order with getOrder (includeDetails) so it can be acknowledged before its deadline.",
    ),
    (
        "DF_ACKNOWLEDGEMENT_DUE",
        OwnerRole::Operations,
        "Acknowledge the DF order (decideDirectFulfillmentAcknowledgements) before its due time.",
    ),
    (
        "DF_CONFIRMATION_DUE",
        OwnerRole::Operations,
        "Submit the DF shipment confirmation (buildDirectFulfillmentShipmentConfirmations) within 4 hours of shipment.",
    ),
    (
        "DF_INVOICE_DUE",
        OwnerRole::Finance,
        "Invoice the shipped DF order (buildDirectFulfillmentInvoices).",
    ),
    (
        "DF_SHIP_BY",
        OwnerRole::Operations,
        "Pack and ship the DF order by its required ship date, or confirm it as FLOOR_DENIAL.",
    ),
    (
        "DISCONTINUED",
        OwnerRole::Merchandising,
        "The SKU is marked discontinued and the order was cancelled (71): update the catalogue so Amazon stops ordering it.",
    ),
    (
        "DUPLICATE_COPY",
        OwnerRole::Administrator,
        "The same DF order arrived twice in one batch and was decided once: check the polling windows.",
    ),
    (
        "DUPLICATE_PURCHASE_ORDER",
        OwnerRole::Administrator,
        "Two different orders share a PO number: check the polling job, then decide whether to cancel with code 04.",
    ),
    (
        "DUPLICATE_SHIP_ID",
        OwnerRole::Administrator,
        "Check the polling job for duplicate orders before cancelling more (04): a merged poll is the likelier cause.",
    ),
    (
        "FBA_DELIVERY_PROBLEM",
        OwnerRole::Operations,
        "Contact the customer or Amazon about the FBA delivery problem shown in the package notes.",
    ),
    (
        "FBA_FULFILLMENT_FAILED",
        OwnerRole::Operations,
        "Amazon refused or could not fulfil the FBA package: ship it from own stock or fix it in Amazon's tools.",
    ),
    (
        "FBA_ORDER_TO_CANCEL",
        OwnerRole::Operations,
        "Cancel the FBA fulfillment order in Amazon's tools: the package was re-created from own stock.",
    ),
    (
        "FBA_PARTIALLY_FULFILLED",
        OwnerRole::Operations,
        "Ship the units FBA could not fulfil from own stock, or cancel them with the channel.",
    ),
    (
        "FBA_SHIPPED_REPLACED_PACKAGE",
        OwnerRole::Operations,
        "FBA shipped a package that was already replaced from own stock: stop the own-stock shipment or arrange a return.",
    ),
    (
        "FBA_STOCK_WITHOUT_DETAILS",
        OwnerRole::Administrator,
        "Fetch FBA inventory with details (getInventorySummaries details=true) so fulfillable quantities are known.",
    ),
    (
        "FULFILLMENT_HELD",
        OwnerRole::Operations,
        "Ship the held units from own stock or wait for FBA stock: the order line is in neither warehouse.",
    ),
    (
        "FULFILMENT_UNMATCHED",
        OwnerRole::Operations,
        "An ERP fulfilment row matches no PO line: check its PO number and SKU.",
    ),
    (
        "FULL_UPDATE_HELD",
        OwnerRole::Operations,
        "Check the held zeros of the warehouse; confirm them with confirmZeros, or send a \
         partial update instead.",
    ),
    (
        "INVALID_BILL_TO_LOCATION",
        OwnerRole::Administrator,
        "Add the bill-to location to rules.billToLocations if it is valid, or confirm the cancellation (05) with Amazon vendor support.",
    ),
    (
        "INVALID_SHIP_FROM_LOCATION",
        OwnerRole::Administrator,
        "Add the warehouse to rules.shipFromLocations if it ships DF orders, or confirm the cancellation (06).",
    ),
    (
        "INVALID_SHIP_METHOD",
        OwnerRole::Administrator,
        "Add the ship method to rules.shipMethods if the warehouse supports it, or confirm the cancellation (13).",
    ),
    (
        "INVALID_SHIP_TO_ADDRESS_LINE1",
        OwnerRole::Operations,
        "The address line cannot be printed on a label (08): contact Amazon DF support before the ship date.",
    ),
    (
        "INVALID_SHIP_TO_ADDRESS_LINE2",
        OwnerRole::Operations,
        "Address line 2 cannot be printed on a label (21): contact Amazon DF support before the ship date.",
    ),
    (
        "INVALID_SHIP_TO_ADDRESS_LINE3",
        OwnerRole::Operations,
        "Address line 3 cannot be printed on a label (22): contact Amazon DF support before the ship date.",
    ),
    (
        "INVALID_UNIT_PRICE",
        OwnerRole::Finance,
        "The order line had no positive price (20): check the cost with the Amazon buyer before the next order.",
    ),
    (
        "INVOICED_MORE_THAN_SHIPPED",
        OwnerRole::Finance,
        "Issue a credit note for the units invoiced but not shipped before Amazon deducts them.",
    ),
    (
        "INVOICE_FOR_UNKNOWN_PO",
        OwnerRole::Finance,
        "The invoice names a PO the ERP does not have: check the PO number, and load the PO if it is missing.",
    ),
    (
        "INVOICE_LINE_UNMATCHED",
        OwnerRole::Finance,
        "An invoice line matches no PO line: correct the line's ASIN / vendor SKU or issue a credit note.",
    ),
    (
        "INVOICE_OVERDUE",
        OwnerRole::Finance,
        "Chase the unpaid invoice in Vendor Central (check that it was received and matched) before it ages further.",
    ),
    (
        "ITEM_NOT_ON_ORDER",
        OwnerRole::Operations,
        "A shipment confirmation names a line the DF order does not have: check what was confirmed against the order.",
    ),
    (
        "MASS_ZERO_HELD",
        OwnerRole::Operations,
        "Check the ERP stock export (a broken export looks like mass stock-outs); confirm the \
         zeros with confirmZeros only if they are real.",
    ),
    (
        "MISSING_CURRENCY",
        OwnerRole::Administrator,
        "Fetch the PO again with getPurchaseOrder; if the cost still has no currency, open a \
         case with Amazon vendor support.",
    ),
    (
        "MISSING_CUSTOMER_ORDER_NUMBER",
        OwnerRole::Operations,
        "The order had no customer order number (55): confirm the cancellation with Amazon DF support.",
    ),
    (
        "MISSING_INVOICE_NUMBER",
        OwnerRole::Finance,
        "Create the ERP invoice of the shipped DF order and pass its number in invoiceNumbers.",
    ),
    (
        "MISSING_LINE_ID",
        OwnerRole::Operations,
        "The order had a line without an id (56): confirm the cancellation with Amazon DF support.",
    ),
    (
        "MISSING_NET_COST",
        OwnerRole::Finance,
        "Enter the agreed net cost for the line (never above Amazon's cost) and approve.",
    ),
    (
        "MISSING_NET_PRICE",
        OwnerRole::Finance,
        "A DF order line (or its invoice) has no net price: fetch the order again with getOrder; if it stays without a price, ask Amazon vendor support.",
    ),
    (
        "MISSING_PURCHASE_ORDER_NUMBER",
        OwnerRole::Administrator,
        "An order without a PO number cannot be acknowledged: check the integration that delivered it.",
    ),
    (
        "MISSING_SELLING_PARTY",
        OwnerRole::Administrator,
        "Set the vendor code (sellingParty) in the connector configuration.",
    ),
    (
        "MISSING_SHIP_FROM_PARTY",
        OwnerRole::Administrator,
        "Pass shipFromParty (the warehouse code) or fix the order source: the acknowledgement cannot be sent without it.",
    ),
    (
        "MISSING_SHIP_TO",
        OwnerRole::Administrator,
        "Fetch the PO again with getPurchaseOrder to get its fulfilment centre, then convert it \
         again.",
    ),
    (
        "MISSING_SHIP_TO_CITY",
        OwnerRole::Operations,
        "The order had no city (09): confirm the cancellation or contact Amazon DF support.",
    ),
    (
        "MISSING_SHIP_TO_COUNTRY_CODE",
        OwnerRole::Operations,
        "The order had no country (12): confirm the cancellation or contact Amazon DF support.",
    ),
    (
        "MISSING_SHIP_TO_NAME",
        OwnerRole::Operations,
        "The order had no customer name (07): confirm the cancellation or contact Amazon DF support for the address.",
    ),
    (
        "MISSING_SHIP_TO_POSTAL_CODE",
        OwnerRole::Operations,
        "The order had no postal code (11): confirm the cancellation or contact Amazon DF support.",
    ),
    (
        "MISSING_SHIP_TO_STATE",
        OwnerRole::Operations,
        "The order had no state or region (10): confirm the cancellation or contact Amazon DF support.",
    ),
    (
        "MISSING_TAX_AMOUNT",
        OwnerRole::Finance,
        "A DF order line tax has no amount: fetch the order again, or invoice it by hand.",
    ),
    (
        "MIXED_CURRENCIES",
        OwnerRole::Finance,
        "Ask Amazon vendor support to correct the PO: one sales order has one currency.",
    ),
    (
        "NOTHING_SHIPPED",
        OwnerRole::Operations,
        "The shipment confirmation has no items: confirm the shipment again with every line.",
    ),
    (
        "NOT_NEW",
        OwnerRole::Operations,
        "The DF order is no longer New: nothing to acknowledge; check it in Vendor Central if that is unexpected.",
    ),
    (
        "NO_ITEMS",
        OwnerRole::Operations,
        "Fetch the order again with getOrder; ask Amazon DF support if it stays without items.",
    ),
    (
        "NO_TAX_NEXUS",
        OwnerRole::Finance,
        "Confirm the tax-nexus list in rules.noTaxNexus with the tax team; the order was cancelled (50).",
    ),
    (
        "OBSOLETE_HARD_REJECT",
        OwnerRole::Merchandising,
        "Amazon stops ordering the item: confirm it is discontinued, or remove the obsolete flag before the next rejection.",
    ),
    (
        "OUT_OF_STOCK",
        OwnerRole::Operations,
        "Check the SKU's stock and safety stock: the DF order was cancelled (03); replenish or raise the allocation so the next orders ship.",
    ),
    (
        "OVERAGE",
        OwnerRole::Operations,
        "More was shipped than accepted: expect an overage chargeback; correct the packing process and the ASN.",
    ),
    (
        "OVERCOMMITTED",
        OwnerRole::Operations,
        "Check the SKU's commitments in the ERP: more is promised (to Amazon or other channels) than is on hand.",
    ),
    (
        "PACKAGE_ALREADY_SHIPPED",
        OwnerRole::Operations,
        "The package had already shipped: check for a double shipment before shipping again.",
    ),
    (
        "PARTIALLY_FULFILLED_OPEN",
        OwnerRole::Operations,
        "Ship the rest of the PO or close it in the ERP so it stops holding stock.",
    ),
    (
        "PAYMENT_WITHOUT_INVOICE",
        OwnerRole::Finance,
        "Find the invoice the payment belongs to (check the invoice number on the remittance) and record it.",
    ),
    (
        "PO_DETAILS_MISSING",
        OwnerRole::Administrator,
        "Fetch the PO with getPurchaseOrder (with details) and run the engine again.",
    ),
    (
        "PO_WITHOUT_ITEMS",
        OwnerRole::Operations,
        "Fetch the PO again; if it stays empty, open a case with Amazon vendor support.",
    ),
    (
        "PRICED_BY_WEIGHT",
        OwnerRole::Finance,
        "Enter the shipped weight on the sales order line before invoicing: the price is per \
         weight unit.",
    ),
    (
        "PRICE_VARIANCE",
        OwnerRole::Finance,
        "Compare invoice, PO and acknowledged cost; dispute the price claim or correct the cost in the ERP.",
    ),
    (
        "RECEIPT_UNMATCHED",
        OwnerRole::Operations,
        "Amazon reports a receipt for a line the ERP does not know: check the PO in Vendor Central.",
    ),
    (
        "RECEIVED_MORE_THAN_SHIPPED",
        OwnerRole::Operations,
        "Check the ASN against the warehouse's shipping records: Amazon received more than the ASN says was shipped.",
    ),
    (
        "REQUIRED_SHIP_DATE_PASSED",
        OwnerRole::Operations,
        "Ship the accepted DF order today: it is past its required ship date and counts against on-time metrics.",
    ),
    (
        "RESTRICTED_PRODUCT",
        OwnerRole::Merchandising,
        "Review the SKU's restriction or quantity limit in the rules; the order was cancelled (51).",
    ),
    (
        "SHIPPED_NOT_INVOICED",
        OwnerRole::Finance,
        "Invoice the shipped units: payment cannot start without an invoice.",
    ),
    (
        "SHIPPED_WITHOUT_ASN",
        OwnerRole::Operations,
        "The ERP shipped goods with no ASN sent: send the ASN now, before the goods arrive, to avoid an ASN-accuracy chargeback.",
    ),
    (
        "SHIPPING_SPEED_UNMAPPED",
        OwnerRole::Administrator,
        "Map the channel's shipping speed in options.speedMapping to Standard, Expedited or Priority.",
    ),
    (
        "SHIP_BY_MISSED",
        OwnerRole::Operations,
        "Ship the DF order today and confirm it within 4 hours of shipment: its required ship date has passed.",
    ),
    (
        "SHIP_TO_INCOMPLETE",
        OwnerRole::Operations,
        "Complete the ship-to address on the channel order before it can go to FBA.",
    ),
    (
        "SHORTAGE",
        OwnerRole::Finance,
        "Dispute the shortage claim with the evidence attached (BOL, PRO, SSCCs and carton contents of the ASN) before the dispute window closes.",
    ),
    (
        "TAX_TYPE_UNMAPPED",
        OwnerRole::Finance,
        "The DF order carries a tax the payments model has no type for (TOTAL): invoice this order by hand in Vendor Central.",
    ),
    (
        "TRANSACTION_FAILED",
        OwnerRole::Administrator,
        "Read the transaction's errors with getTransaction, correct the data and submit again.",
    ),
    (
        "TRANSACTION_STATUS_UNKNOWN",
        OwnerRole::Administrator,
        "Call getTransaction for the transaction id; if Amazon does not know it, submit again.",
    ),
    (
        "UNIT_SIZE_MISMATCH",
        OwnerRole::Merchandising,
        "Correct the case pack in the item master and SKU map to Amazon's unitSize before \
         shipping: a unit-of-measure mismatch is charged back.",
    ),
    (
        "UNIT_SIZE_MISSING",
        OwnerRole::Merchandising,
        "Set unitsPerCase for the SKU in the SKU map.",
    ),
    (
        "UNKNOWN_CUSTOMER",
        OwnerRole::Administrator,
        "Add the vendor code / buying party to the customer table, then convert the PO again.",
    ),
    (
        "UNKNOWN_FULFILLMENT_CENTER",
        OwnerRole::Administrator,
        "Map the fulfilment centre to an ERP location in the location table, then convert the \
         PO again.",
    ),
    (
        "UNKNOWN_ORDER",
        OwnerRole::Operations,
        "Fetch the confirmed DF order with getOrder and pass it in orders, so it can be invoiced.",
    ),
    (
        "UNKNOWN_PRODUCT",
        OwnerRole::Administrator,
        "Add the ASIN / vendor SKU to the SKU map, or approve the rejection \
         (InvalidProductIdentifier is final).",
    ),
    (
        "UNKNOWN_WAREHOUSE",
        OwnerRole::Administrator,
        "Map the DF warehouse code (shipFromParty) to an ERP location, then convert the order again before its acknowledgement is due.",
    ),
    (
        "USPS_VALUE_LIMIT",
        OwnerRole::Operations,
        "Ship high-value orders with another carrier or confirm the cancellation (53); check rules.uspsMaxOrderValue.",
    ),
    (
        "ZERO_HELD",
        OwnerRole::Merchandising,
        "Check the critical SKU's stock; if it is really out, confirm the zero with \
         confirmZeros, knowing it can suppress the listing.",
    ),
    (
        "ZERO_QUANTITY",
        OwnerRole::Operations,
        "A line orders 0 units: ask Amazon DF support whether the order was changed or cancelled.",
    ),
    (
        "ZERO_TOTAL",
        OwnerRole::Finance,
        "An invoice would total zero: check the DF order prices before invoicing.",
    ),
];

/// Who handles codes the table does not know, and what they are told.
pub const UNKNOWN_CODE_OWNER: OwnerRole = OwnerRole::Administrator;

/// The owner and action for a code: the table's row, or the administrator with a generic action.
pub fn owner_of(code: &str) -> (OwnerRole, String) {
    match OWNER_TABLE.binary_search_by(|(c, _, _)| (*c).cmp(code)) {
        Ok(at) => OWNER_TABLE
            .get(at)
            .map(|(_, owner, action)| (*owner, (*action).to_string()))
            .unwrap_or_else(|| unknown(code)),
        Err(_) => unknown(code),
    }
}

fn unknown(code: &str) -> (OwnerRole, String) {
    (
        UNKNOWN_CODE_OWNER,
        format!(
            "Read the message and act on it; {code} is not in the exceptions report's owner \
             table yet: add it there (or pass options.owners) so it reaches the right person."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in OWNER_TABLE.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 < b.0, "{} must sort before {}", a.0, b.0);
            }
        }
    }

    #[test]
    fn known_and_unknown_codes() {
        assert_eq!(owner_of("MISSING_NET_COST").0, OwnerRole::Finance);
        let (owner, action) = owner_of("SOMETHING_NEW");
        assert_eq!(owner, OwnerRole::Administrator);
        assert!(action.contains("SOMETHING_NEW"));
    }
}
