//! The one error type of the Direct Fulfillment engines after the acknowledgement: input that
//! cannot be worked on at all. A problem with one order is an exception (or an issue) instead.
//!
//! Personal data: a parse error pointing into the customer's address, gift message or
//! customisation link has its message withheld (see [`crate::df_ack`]); no other variant ever
//! quotes an order's content.

use serde_json::{Value, json};

use crate::catalog::CatalogError;
use crate::error::{CodedError, InputError};
use crate::sales_order::SalesOrderError;

/// Why a Direct Fulfillment engine (`toDirectFulfillmentSalesOrders`,
/// `buildDirectFulfillmentShipmentConfirmations`, `buildDirectFulfillmentInvoices`) refused its
/// whole input; carries a stable code, a JSON-pointer path and details through [`CodedError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DfError {
    /// Built only through `From<InputError>`, which withholds personal values.
    #[error(transparent)]
    Input(InputError),
    /// The catalog (SKU map) is unusable: the catalog's own error, unchanged.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A mapping table shared with `toSalesOrders` is ambiguous (duplicate rows, unknown
    /// preset field).
    #[error(transparent)]
    Mapping(#[from] SalesOrderError),
    /// Input the engine refuses as a whole, with a stable code (`DUPLICATE_PURCHASE_ORDER`,
    /// `AMOUNT_OVERFLOW`, …). `message` never quotes personal data.
    #[error("{message} (at {path})")]
    Invalid {
        /// The stable error code, e.g. `DUPLICATE_PURCHASE_ORDER`.
        code: &'static str,
        /// JSON pointer into the input where the problem is.
        path: String,
        /// What is wrong, in English; never quotes personal data.
        message: String,
    },
}

impl DfError {
    pub(crate) fn invalid(code: &'static str, path: String, message: &str) -> Self {
        DfError::Invalid {
            code,
            path,
            message: message.to_string(),
        }
    }

    /// An unparseable date at `path`.
    pub(crate) fn date(path: String, message: String) -> Self {
        DfError::Input(InputError::InvalidDate { path, message })
    }
}

impl From<InputError> for DfError {
    fn from(error: InputError) -> Self {
        DfError::Input(crate::df_ack::withhold_personal(error))
    }
}

impl CodedError for DfError {
    fn code(&self) -> &'static str {
        match self {
            DfError::Input(e) => e.code(),
            DfError::Catalog(e) => e.code(),
            DfError::Mapping(e) => e.code(),
            DfError::Invalid { code, .. } => code,
        }
    }

    fn path(&self) -> String {
        match self {
            DfError::Input(e) => e.path(),
            DfError::Catalog(e) => e.path(),
            DfError::Mapping(e) => e.path(),
            DfError::Invalid { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            DfError::Input(e) => e.details(),
            DfError::Catalog(e) => e.details(),
            DfError::Mapping(e) => e.details(),
            DfError::Invalid { message, .. } => json!({ "message": message }),
        }
    }
}
