//! Who acts on each exception code, and how: the one table every engine's codes go into.
//!
//! Keep it sorted by code (a unit test checks): merging another engine's codes is adding rows.

use super::output::OwnerRole;

/// (code, owner, action). Actions are imperative sentences a person can follow.
pub const OWNER_TABLE: &[(&str, OwnerRole, &str)] = &[
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
        "CHANGE_WINDOW_CLOSED",
        OwnerRole::Operations,
        "Only dates may change now: approve the proposal with the earlier quantities, or contact Amazon vendor support.",
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
        "FULL_UPDATE_HELD",
        OwnerRole::Operations,
        "Check the held zeros of the warehouse; confirm them with confirmZeros, or send a \
         partial update instead.",
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
        "MISSING_NET_COST",
        OwnerRole::Finance,
        "Enter the agreed net cost for the line (never above Amazon's cost) and approve.",
    ),
    (
        "MISSING_SELLING_PARTY",
        OwnerRole::Administrator,
        "Set the vendor code (sellingParty) in the connector configuration.",
    ),
    (
        "MISSING_SHIP_TO",
        OwnerRole::Administrator,
        "Fetch the PO again with getPurchaseOrder to get its fulfilment centre, then convert it \
         again.",
    ),
    (
        "MIXED_CURRENCIES",
        OwnerRole::Finance,
        "Ask Amazon vendor support to correct the PO: one sales order has one currency.",
    ),
    (
        "OBSOLETE_HARD_REJECT",
        OwnerRole::Merchandising,
        "Amazon stops ordering the item: confirm it is discontinued, or remove the obsolete flag before the next rejection.",
    ),
    (
        "OVERCOMMITTED",
        OwnerRole::Operations,
        "Check the SKU's commitments in the ERP: more is promised (to Amazon or other channels) than is on hand.",
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
        "UNKNOWN_PRODUCT",
        OwnerRole::Administrator,
        "Add the ASIN / vendor SKU to the SKU map, or approve the rejection \
         (InvalidProductIdentifier is final).",
    ),
    (
        "ZERO_HELD",
        OwnerRole::Merchandising,
        "Check the critical SKU's stock; if it is really out, confirm the zero with \
         confirmZeros, knowing it can suppress the listing.",
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
