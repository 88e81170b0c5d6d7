//! Errors that cross the boundary: every one has a stable `code`, a JSON-pointer `path` into
//! the caller's input (empty for the whole input) and structured `details`.
//!
//! Engines define their own `thiserror` enums and implement [`CodedError`]; the wasm boundary
//! turns any `CodedError` into a JavaScript `Error` carrying the same three fields.
//!
//! Errors stay small whatever the input: an error quotes at most [`MAX_QUOTED_CHARS`]
//! characters of an offending value, followed by `…` and the value's whole length, and no
//! message is longer than [`MAX_MESSAGE_CHARS`] (a 10 MB `unitOfMeasure` must not become a
//! 10 MB message, nor a 10 MB `details`). The `path` is never shortened: it is what points at
//! the field.

use std::borrow::Cow;

use serde_json::{Value, json};

/// The most characters of one offending value an error message or its `details` quote.
pub const MAX_QUOTED_CHARS: usize = 200;

/// The most characters of an error message (after each quoted value was capped).
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// `value` as an error may quote it: as is up to [`MAX_QUOTED_CHARS`] characters, else its
/// first [`MAX_QUOTED_CHARS`] characters, `…` and how many characters it has in all.
///
/// ```
/// use vendor_central_connector::error::quote;
/// assert_eq!(quote("Eaches"), "Eaches");
/// let long = "x".repeat(10_000);
/// let quoted = quote(&long);
/// assert_eq!(quoted, format!("{}… (10000 characters in all)", "x".repeat(200)));
/// assert_eq!(quote(&quoted), quoted); // quoting again keeps the original's length
/// ```
pub fn quote(value: &str) -> Cow<'_, str> {
    cap(value, MAX_QUOTED_CHARS)
}

fn cap(text: &str, limit: usize) -> Cow<'_, str> {
    // Bytes bound characters from above: most texts are decided without counting.
    if text.len() <= limit || already_capped(text, limit) {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(limit) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!(
            "{}… ({} characters in all)",
            text.get(..end).unwrap_or(""),
            text.chars().count()
        )),
    }
}

/// Whether `text` is what [`cap`] made of a longer text (capping twice would state the length
/// of the capped text instead of the original's).
fn already_capped(text: &str, limit: usize) -> bool {
    const MARK: &str = "… (";
    let Some(head) = text.strip_suffix(" characters in all)") else {
        return false;
    };
    let Some(at) = head.rfind(MARK) else {
        return false;
    };
    let digits = head.get(at.saturating_add(MARK.len())..).unwrap_or("");
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && head
            .get(..at)
            .is_some_and(|kept| kept.chars().count() <= limit)
}

/// A message as an error may carry it: every value quoted in it (between backticks, or a
/// double-quoted string as serde writes one) capped by [`quote`], then the whole capped at
/// [`MAX_MESSAGE_CHARS`].
///
/// ```
/// use vendor_central_connector::error::cap_message;
/// let message = format!("unknown variant `{}`, expected `Eaches` or `Cases`", "E".repeat(5_000));
/// let capped = cap_message(&message);
/// assert!(capped.starts_with("unknown variant `EEE"));
/// assert!(capped.ends_with("… (5000 characters in all)`, expected `Eaches` or `Cases`"));
/// ```
pub fn cap_message(message: &str) -> Cow<'_, str> {
    if message.len() <= MAX_QUOTED_CHARS {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS.saturating_mul(2)));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let (before, from_quote) = rest.split_at(open);
        out.push_str(before);
        let delimiter = if from_quote.starts_with('`') {
            '`'
        } else {
            '"'
        };
        let inner = from_quote.get(1..).unwrap_or("");
        let Some(close) = closing(inner, delimiter) else {
            // An unclosed quote: the rest is the value.
            out.push(delimiter);
            out.push_str(&quote(inner));
            rest = "";
            break;
        };
        out.push(delimiter);
        out.push_str(&quote(inner.get(..close).unwrap_or("")));
        out.push(delimiter);
        rest = inner.get(close.saturating_add(1)..).unwrap_or("");
    }
    out.push_str(rest);
    match cap(&out, MAX_MESSAGE_CHARS) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(shorter) => Cow::Owned(shorter),
    }
}

/// The byte offset of the `delimiter` that closes a quoted value (a `"` escaped by a backslash,
/// as serde writes a string, does not close it).
fn closing(inner: &str, delimiter: char) -> Option<usize> {
    if delimiter == '`' {
        return inner.find('`');
    }
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// `details` as an error may carry them: every value in them capped by [`quote`], every
/// message (a string under a `message` key) by [`cap_message`].
pub fn cap_details(details: Value) -> Value {
    cap_detail(details, false)
}

fn cap_detail(value: Value, is_message: bool) -> Value {
    match value {
        Value::String(text) => {
            let capped = if is_message {
                cap_message(&text)
            } else {
                quote(&text)
            };
            match capped {
                Cow::Borrowed(_) => Value::String(text),
                Cow::Owned(capped) => Value::String(capped),
            }
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| cap_detail(item, is_message))
                .collect(),
        ),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, value)| {
                    let message = key == "message";
                    (quote(&key).into_owned(), cap_detail(value, message))
                })
                .collect(),
        ),
        other => other,
    }
}

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
    InvalidJson {
        /// What is wrong, in words.
        message: String,
    },
    /// The input is larger than the configured limit; nothing was parsed.
    #[error("input is {actual} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The size given, in bytes.
        actual: usize,
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// A required field is absent.
    #[error("missing required field `{}` at {}", quote(field), quote(path))]
    MissingField {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The field's name.
        field: String,
    },
    /// A field the engine does not know (usually a typo in a field name).
    #[error("unknown field `{}` at {}", quote(field), quote(path))]
    UnknownField {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The field's name.
        field: String,
    },
    /// A value of the wrong JSON type (a string where a number belongs, etc.).
    #[error("wrong type at {}: {message}", quote(path))]
    InvalidType {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// An enum spelling that cannot be mapped to one of Amazon's values.
    #[error("unknown value at {}: {message}", quote(path))]
    UnknownEnum {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// A decimal amount that does not parse.
    #[error("invalid decimal at {}: {message}", quote(path))]
    InvalidDecimal {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// A date-time or interval that does not parse as ISO-8601.
    #[error("invalid date-time at {}: {message}", quote(path))]
    InvalidDate {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// A value of the right type but outside what is allowed (negative quantity, …).
    #[error("invalid value at {}: {message}", quote(path))]
    InvalidValue {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// A list longer than its count limit (`crate::limits`); nothing was computed.
    #[error("{actual} items at {path}, over the limit of {limit} (setting `{setting}`)")]
    TooManyItems {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The `configure` setting that sets the limit.
        setting: &'static str,
        /// The limit in force.
        limit: usize,
        /// The count found.
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
                json!({ "field": quote(field) })
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
