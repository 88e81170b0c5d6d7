//! Errors that cross the boundary: every one has a stable `code`, a JSON-pointer `path` into
//! the caller's input (empty for the whole input) and structured `details`.
//!
//! Engines define their own `thiserror` enums and implement [`CodedError`]; the wasm boundary
//! turns any `CodedError` into a JavaScript `Error` carrying the same three fields.

use serde_json::{Value, json};

/// What every error of this crate tells a host, whichever engine raised it.
pub trait CodedError: std::error::Error {
    /// Stable, SCREAMING_SNAKE_CASE identifier. Never changes once released.
    fn code(&self) -> &'static str;
    /// JSON pointer (RFC 6901) into the input, `""` when the whole input is concerned.
    fn path(&self) -> String;
    /// Machine-readable extra facts (expected values, limits, the offending value).
    fn details(&self) -> Value {
        Value::Null
    }
}

/// Why an input could not be read as the type an engine expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The text is not JSON at all (or is truncated).
    #[error("input is not valid JSON: {message}")]
    InvalidJson { message: String },
    /// The input is larger than the configured limit; nothing was parsed.
    #[error("input is {actual} bytes, over the limit of {limit} bytes")]
    TooLarge { actual: usize, limit: usize },
    /// A required field is absent.
    #[error("missing required field `{field}` at {path}")]
    MissingField { path: String, field: String },
    /// A field the engine does not know (usually a typo in a field name).
    #[error("unknown field `{field}` at {path}")]
    UnknownField { path: String, field: String },
    /// A value of the wrong JSON type (a string where a number belongs, etc.).
    #[error("wrong type at {path}: {message}")]
    InvalidType { path: String, message: String },
    /// An enum spelling that cannot be mapped to one of Amazon's values.
    #[error("unknown value at {path}: {message}")]
    UnknownEnum { path: String, message: String },
    /// A decimal amount that does not parse.
    #[error("invalid decimal at {path}: {message}")]
    InvalidDecimal { path: String, message: String },
    /// A date-time or interval that does not parse as ISO-8601.
    #[error("invalid date-time at {path}: {message}")]
    InvalidDate { path: String, message: String },
    /// A value of the right type but outside what is allowed (negative quantity, …).
    #[error("invalid value at {path}: {message}")]
    InvalidValue { path: String, message: String },
    /// A list longer than its count limit (`crate::limits`); nothing was computed.
    #[error("{actual} items at {path}, over the limit of {limit} (setting `{setting}`)")]
    TooManyItems {
        path: String,
        setting: &'static str,
        limit: usize,
        actual: usize,
    },
}

impl CodedError for InputError {
    fn code(&self) -> &'static str {
        match self {
            InputError::InvalidJson { .. } => "INVALID_JSON",
            InputError::TooLarge { .. } => "INPUT_TOO_LARGE",
            InputError::MissingField { .. } => "MISSING_FIELD",
            InputError::UnknownField { .. } => "UNKNOWN_FIELD",
            InputError::InvalidType { .. } => "INVALID_TYPE",
            InputError::UnknownEnum { .. } => "UNKNOWN_ENUM",
            InputError::InvalidDecimal { .. } => "INVALID_DECIMAL",
            InputError::InvalidDate { .. } => "INVALID_DATE",
            InputError::InvalidValue { .. } => "INVALID_VALUE",
            InputError::TooManyItems { .. } => "TOO_MANY_ITEMS",
        }
    }

    fn path(&self) -> String {
        match self {
            InputError::InvalidJson { .. } | InputError::TooLarge { .. } => String::new(),
            InputError::MissingField { path, field } | InputError::UnknownField { path, field } => {
                pointer_child(path, field)
            }
            InputError::InvalidType { path, .. }
            | InputError::UnknownEnum { path, .. }
            | InputError::InvalidDecimal { path, .. }
            | InputError::InvalidDate { path, .. }
            | InputError::InvalidValue { path, .. }
            | InputError::TooManyItems { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> Value {
        match self {
            InputError::TooLarge { actual, limit } => json!({ "actual": actual, "limit": limit }),
            InputError::TooManyItems {
                setting,
                limit,
                actual,
                ..
            } => json!({ "actual": actual, "limit": limit, "setting": setting }),
            InputError::MissingField { field, .. } | InputError::UnknownField { field, .. } => {
                json!({ "field": field })
            }
            InputError::InvalidJson { message }
            | InputError::InvalidType { message, .. }
            | InputError::UnknownEnum { message, .. }
            | InputError::InvalidDecimal { message, .. }
            | InputError::InvalidDate { message, .. }
            | InputError::InvalidValue { message, .. } => json!({ "message": message }),
        }
    }
}

/// Appends one reference token to a JSON pointer, escaping `~` and `/` per RFC 6901.
pub fn pointer_child(parent: &str, token: &str) -> String {
    let escaped = token.replace('~', "~0").replace('/', "~1");
    format!("{parent}/{escaped}")
}
