//! Exceptions: what a person must look at, raised by every engine in one shape.
//!
//! An exception is not an error: the engine still produced its output. It says what is wrong,
//! which keys it concerns, how serious it is and, where a deadline applies, when it is due.

use serde::{Deserialize, Serialize};

use crate::money::CurrencyAmount;

wire_enum! {
    /// How serious an exception is. `Error`: blocks an action or loses money if ignored;
    /// `Warning`: a chargeback risk or data drift; `Info`: worth knowing.
    Severity {
        /// A person must act before the data or the decision is right.
        Error = "error",
        /// A risk or a partial result a person should know about.
        Warning = "warning",
        /// For information; nothing to do.
        Info = "info",
    }
}

/// One exception. `code` is stable; `message` is written for the person who must act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Exception {
    /// Stable SCREAMING_SNAKE_CASE code, e.g. `UNKNOWN_PRODUCT`.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The purchase order concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// The PO line concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_sequence_number: Option<String>,
    /// The ERP SKU concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// What happened, in words.
    pub message: String,
    /// ISO-8601 UTC instant by which the matter must be settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// What is lost if nobody acts (a claim, a chargeback, an unpaid invoice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_at_risk: Option<CurrencyAmount>,
}

impl Exception {
    /// An exception about a whole purchase order.
    pub fn for_po(
        code: &str,
        severity: Severity,
        purchase_order_number: &str,
        message: String,
    ) -> Self {
        Exception {
            code: code.to_string(),
            severity,
            purchase_order_number: Some(purchase_order_number.to_string()),
            item_sequence_number: None,
            sku: None,
            message,
            due_at: None,
            money_at_risk: None,
        }
    }

    /// Adds the line the exception concerns.
    pub fn line(mut self, item_sequence_number: &str) -> Self {
        self.item_sequence_number = Some(item_sequence_number.to_string());
        self
    }

    /// Adds the ERP SKU the exception concerns.
    pub fn sku(mut self, sku: Option<&str>) -> Self {
        self.sku = sku.map(str::to_string);
        self
    }

    /// Adds the money at risk.
    pub fn money_at_risk(mut self, amount: Option<CurrencyAmount>) -> Self {
        self.money_at_risk = amount;
        self
    }

    /// Adds the deadline.
    pub fn due(mut self, due_at: Option<String>) -> Self {
        self.due_at = due_at;
        self
    }
}
