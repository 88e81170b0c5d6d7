//! Reading engine inputs from JSON text, with errors that point at the offending field.
//!
//! Every engine entry point goes through [`parse_json`]: it enforces the size limit before any
//! work, and maps serde's messages onto the stable codes of [`InputError`] with a JSON pointer.

use serde::de::DeserializeOwned;

use crate::error::InputError;

/// Inputs above this many bytes of JSON are refused before parsing (16 MiB). A day of POs for
/// a large vendor is a few megabytes; anything far beyond that is a host bug, and parsing it
/// inside an ERP script would exhaust its governance limits anyway.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Parses `text` as `T`, refusing inputs over [`DEFAULT_MAX_INPUT_BYTES`].
///
/// ```
/// use vendor_central_connector::{error::CodedError, input::parse_json};
/// let err = parse_json::<u32>("\"seven\"").unwrap_err();
/// assert_eq!(err.code(), "INVALID_TYPE");
/// ```
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    parse_json_with_limit(text, DEFAULT_MAX_INPUT_BYTES)
}

/// Parses `text` as `T`, refusing inputs over `limit` bytes.
pub fn parse_json_with_limit<T: DeserializeOwned>(
    text: &str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() > limit {
        return Err(InputError::TooLarge {
            actual: text.len(),
            limit,
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(classify)?;
    deserializer.end().map_err(|e| InputError::InvalidJson {
        message: strip_position(&e.to_string()),
    })?;
    Ok(value)
}

/// Parses an engine input: like [`parse_json`], but the top level must be a JSON object
/// (serde would otherwise read an array positionally into a struct).
///
/// ```
/// use vendor_central_connector::{error::CodedError, input::parse_input};
/// let err = parse_input::<serde_json::Value>("[1, 2]").unwrap_err();
/// assert_eq!((err.code(), err.path().as_str()), ("INVALID_TYPE", ""));
/// ```
pub fn parse_input<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    parse_input_with_limit(text, DEFAULT_MAX_INPUT_BYTES)
}

/// [`parse_input`] with a caller-chosen size limit in bytes.
pub fn parse_input_with_limit<T: DeserializeOwned>(
    text: &str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() > limit {
        return Err(InputError::TooLarge {
            actual: text.len(),
            limit,
        });
    }
    let kind = match text.trim_start().chars().next() {
        Some('{') => return parse_json_with_limit(text, limit),
        Some('[') => "an array",
        Some('"') => "a string",
        Some('n') => "null",
        Some('t' | 'f') => "a boolean",
        Some(c) if c == '-' || c.is_ascii_digit() => "a number",
        _ => {
            return Err(InputError::InvalidJson {
                message: "expected a JSON object".to_string(),
            });
        }
    };
    Err(InputError::InvalidType {
        path: String::new(),
        message: format!("invalid type: {kind}, expected an object"),
    })
}

/// Converts a path recorded by serde_path_to_error into a JSON pointer.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out = crate::error::pointer_child(&out, key),
            // An externally tagged enum is an object keyed by the variant: the key is part of
            // the pointer (`/event/fulfillmentOrder/...`).
            Segment::Enum { variant } => out = crate::error::pointer_child(&out, variant),
            Segment::Unknown => {}
        }
    }
    out
}

/// serde_json appends " at line L column C"; the pointer is more useful to a host than that.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The text between the first pair of backticks, e.g. the field in "missing field `x`".
fn backticked(message: &str) -> String {
    message
        .split('`')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_default()
}

fn classify(err: serde_path_to_error::Error<serde_json::Error>) -> InputError {
    let path = pointer(err.path());
    let inner = err.inner();
    if inner.is_syntax() || inner.is_eof() {
        return InputError::InvalidJson {
            message: strip_position(&inner.to_string()),
        };
    }
    let message = strip_position(&inner.to_string());
    if let Some(rest) = message.strip_prefix(crate::money::DECIMAL_ERROR_TAG) {
        return InputError::InvalidDecimal {
            path,
            message: rest.to_string(),
        };
    }
    if let Some(rest) = message.strip_prefix(crate::time::DATE_ERROR_TAG) {
        return InputError::InvalidDate {
            path,
            message: rest.to_string(),
        };
    }
    if message.starts_with("missing field") {
        InputError::MissingField {
            path,
            field: backticked(&message),
        }
    } else if message.starts_with("unknown field") {
        // The path already ends at the unknown key; keep it as the parent + field.
        let field = backticked(&message);
        let parent = path
            .strip_suffix(&format!("/{field}"))
            .unwrap_or(&path)
            .to_string();
        InputError::UnknownField {
            path: parent,
            field,
        }
    } else if message.starts_with("unknown variant") {
        InputError::UnknownEnum { path, message }
    } else if message.starts_with("invalid type") {
        InputError::InvalidType { path, message }
    } else if message.starts_with("recursion limit") {
        InputError::InvalidJson { message }
    } else {
        InputError::InvalidValue { path, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CodedError;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Outer {
        lines: Vec<Line>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Line {
        quantity: u32,
        sku: String,
    }

    #[test]
    fn missing_field_points_at_the_field() {
        let err = parse_json::<Outer>(r#"{"lines":[{"quantity":1,"sku":"a"},{"quantity":2}]}"#)
            .unwrap_err();
        assert_eq!(err.code(), "MISSING_FIELD");
        assert_eq!(err.path(), "/lines/1/sku");
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = parse_json::<Outer>(r#"{"lines":[{"quantity":"2","sku":"a"}]}"#).unwrap_err();
        assert_eq!(err.code(), "INVALID_TYPE");
        assert_eq!(err.path(), "/lines/0/quantity");
    }

    #[test]
    fn negative_quantity_is_an_invalid_value() {
        let err = parse_json::<Outer>(r#"{"lines":[{"quantity":-2,"sku":"a"}]}"#).unwrap_err();
        assert_eq!(err.code(), "INVALID_VALUE");
        assert_eq!(err.path(), "/lines/0/quantity");
    }

    #[test]
    fn unknown_field_names_it() {
        let err = parse_json::<Outer>(r#"{"lines":[],"line":1}"#).unwrap_err();
        assert_eq!(err.code(), "UNKNOWN_FIELD");
        assert_eq!(err.path(), "/line");
    }

    #[test]
    fn syntax_errors_and_trailing_garbage_are_invalid_json() {
        assert_eq!(parse_json::<Outer>("{").unwrap_err().code(), "INVALID_JSON");
        assert_eq!(
            parse_json::<Outer>(r#"{"lines":[]} x"#).unwrap_err().code(),
            "INVALID_JSON"
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse_json::<serde_json::Value>(&deep).unwrap_err().code(),
            "INVALID_JSON"
        );
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let err = parse_json_with_limit::<Outer>(r#"{"lines":[]}"#, 4).unwrap_err();
        assert_eq!(err.code(), "INPUT_TOO_LARGE");
        assert_eq!(err.path(), "");
        assert_eq!(err.details()["limit"], 4);
    }
}
