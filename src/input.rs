//! Reading engine inputs from JSON text, with errors that point at the offending field.
//!
//! Every engine entry point goes through [`parse_json`]: it enforces the size limit before any
//! work, and maps serde's messages onto the stable codes of [`InputError`] with a JSON pointer.

use serde::Deserialize;

use crate::json_pointer::{locate, offset_of, pointer_at};

use crate::error::{InputError, cap_message};

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
pub fn parse_json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, InputError> {
    parse_json_with_limit(text, DEFAULT_MAX_INPUT_BYTES)
}

/// Parses `text` as `T`, refusing inputs over `limit` bytes.
pub fn parse_json_with_limit<'de, T: Deserialize<'de>>(
    text: &'de str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() > limit {
        return Err(InputError::TooLarge {
            actual: text.len(),
            limit,
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut deserializer).map_err(|e| classify(text, &e))?;
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
pub fn parse_input<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, InputError> {
    parse_input_with_limit(text, DEFAULT_MAX_INPUT_BYTES)
}

/// [`parse_input`] with a caller-chosen size limit in bytes.
pub fn parse_input_with_limit<'de, T: Deserialize<'de>>(
    text: &'de str,
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

/// A text that is valid JSON but that serde_json could not read as the expected shape: an
/// object naming an enum variant that is empty (`{}`) or has a second key after the variant.
fn shape_error(text: &str, inner: &serde_json::Error) -> InputError {
    let offset = offset_of(text, inner.line(), inner.column());
    let rest = text.get(offset..).unwrap_or("").trim_start();
    let before = text.get(..offset).unwrap_or("").trim_end();
    let empty_object = before
        .strip_suffix('}')
        .is_some_and(|b| b.trim_end().ends_with('{'));
    if empty_object {
        return InputError::InvalidType {
            path: pointer_at(text, offset),
            message: "expected an object with exactly one key, naming one variant; found {}"
                .to_string(),
        };
    }
    if before.ends_with(['[', '{']) {
        // Stopped on the bracket that opens the value: the value itself has the wrong shape.
        return InputError::InvalidType {
            path: pointer_at(text, before.len().saturating_sub(1)),
            message: format!("unexpected shape: {}", strip_position(&inner.to_string())),
        };
    }
    if rest.starts_with(',') {
        // Stopped before a second member: the object itself is at fault.
        let comma = text.len().saturating_sub(rest.len());
        return InputError::InvalidType {
            path: pointer_at(text, comma.saturating_add(1)),
            message: "expected an object with exactly one key, naming one variant".to_string(),
        };
    }
    InputError::InvalidType {
        path: pointer_at(text, offset),
        message: format!("unexpected shape: {}", strip_position(&inner.to_string())),
    }
}

/// serde_json appends " at line L column C"; the pointer is more useful to a host than that.
/// The values serde quotes are capped (`error::cap_message`): an error stays small.
fn strip_position(message: &str) -> String {
    let without = match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message),
        None => message,
    };
    cap_message(without).into_owned()
}

/// The text between the first pair of backticks, e.g. the field in "missing field `x`".
fn backticked(message: &str) -> String {
    message
        .split('`')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_default()
}

/// Maps a serde_json error onto a stable code, with the pointer of the field it arose in.
fn classify(text: &str, inner: &serde_json::Error) -> InputError {
    let raw = inner.to_string();
    let message = strip_position(&raw);
    let path = || {
        if inner.line() == 0 {
            String::new()
        } else {
            pointer_at(text, offset_of(text, inner.line(), inner.column()))
        }
    };
    if message.contains("surrogate") || message.contains("hex escape") {
        // A lone UTF-16 surrogate escape (`\ud800`) is not text: the field holding it is at
        // fault (the object, when it is in a key).
        let location = locate(text, offset_of(text, inner.line(), inner.column()));
        return InputError::InvalidValue {
            path: location.object_of_key.unwrap_or(location.pointer),
            message,
        };
    }
    if message.starts_with("number out of range") {
        return InputError::InvalidValue {
            path: path(),
            message,
        };
    }
    if inner.is_syntax() || inner.is_eof() {
        // serde_json also reports a shape it cannot read (`{}` where an enum's one-key object
        // belongs) as a syntax error; when the text is valid JSON, say where the shape is wrong.
        let nested_too_deep = message.starts_with("recursion limit");
        // Value, not IgnoredAny: only decoding every string refuses a lone surrogate escape.
        if !nested_too_deep && serde_json::from_str::<serde_json::Value>(text).is_ok() {
            return shape_error(text, inner);
        }
        return InputError::InvalidJson { message };
    }
    let path = path();
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
            field: backticked(&raw),
        }
    } else if message.starts_with("unknown field") {
        // The path already ends at the unknown key; keep it as the parent + field (read from
        // the message before its quotes were capped).
        let field = backticked(&raw);
        let parent = path
            .strip_suffix(&format!("/{field}"))
            .unwrap_or(&path)
            .to_string();
        InputError::UnknownField {
            path: parent,
            field,
        }
    } else if message.starts_with("unknown variant") {
        let location = locate(text, offset_of(text, inner.line(), inner.column()));
        InputError::UnknownEnum {
            path: location.object_of_key.unwrap_or(path),
            message,
        }
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
    fn numbers_beyond_range_point_at_the_value() {
        // serde_json cannot hold 1e400 at all, and reads integers past u64 as floats.
        for (number, code) in [
            ("1e400", "INVALID_VALUE"),
            ("99999999999999999999", "INVALID_TYPE"),
        ] {
            let text = format!(r#"{{"lines":[{{"quantity":{number},"sku":"a"}}]}}"#);
            let err = parse_json::<Outer>(&text).unwrap_err();
            assert_eq!(
                (err.code(), err.path().as_str()),
                (code, "/lines/0/quantity")
            );
        }
    }

    #[test]
    fn an_empty_object_for_an_enum_is_a_shape_error_at_its_field() {
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[allow(dead_code)]
        enum Event {
            Shipped(u32),
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Holder {
            event: Event,
        }
        let err = parse_json::<Holder>(r#"{"event": {}}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.path().as_str()),
            ("INVALID_TYPE", "/event")
        );
    }

    #[test]
    fn pretty_printed_input_points_at_the_same_field() {
        let err = parse_json::<Outer>("{\n  \"lines\": [\n    {\"quantity\": 1},\n    {\"quantity\": \"2\", \"sku\": \"é\"}\n  ]\n}")
            .unwrap_err();
        assert_eq!(
            (err.code(), err.path().as_str()),
            ("MISSING_FIELD", "/lines/0/sku")
        );
    }

    #[test]
    fn lone_surrogate_escapes_are_invalid_values_at_their_field() {
        for text in [
            r#"{"\ud800":1}"#,
            r#"{"lines":[{"quantity":1,"sku":"\udc00"}]}"#,
        ] {
            let err = parse_json::<Outer>(text).unwrap_err();
            assert_eq!(err.code(), "INVALID_VALUE", "{text}");
        }
        let err = parse_json::<Outer>(r#"{"lines":[{"quantity":1,"sku":"\udc00"}]}"#).unwrap_err();
        assert_eq!(err.path(), "/lines/0/sku");
        let err = parse_json::<Outer>(r#"{"lines":[],"\ud800":1}"#).unwrap_err();
        assert_eq!(err.path(), "");
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
    fn errors_quote_a_capped_value_and_state_its_length() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        enum Unit {
            Eaches,
            Cases,
        }
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Quantity {
            unit: Unit,
            amount: u32,
        }
        let huge = "E".repeat(1_000_000);
        for (text, code) in [
            (format!(r#"{{"unit":"{huge}","amount":1}}"#), "UNKNOWN_ENUM"),
            (
                format!(r#"{{"unit":"Eaches","amount":"{huge}"}}"#),
                "INVALID_TYPE",
            ),
            (
                format!(r#"{{"unit":"Eaches","amount":1,"{huge}":1}}"#),
                "UNKNOWN_FIELD",
            ),
        ] {
            let err = parse_json::<Quantity>(&text).unwrap_err();
            assert_eq!(err.code(), code);
            let message = err.to_string();
            let details = err.details().to_string();
            assert!(message.len() < 2_000, "{code}: {} bytes", message.len());
            assert!(
                details.len() < 2_000,
                "{code}: details of {} bytes",
                details.len()
            );
            assert!(
                message.contains("… (1000000 characters in all)"),
                "{message}"
            );
            // Capped once: the boundary capping again changes nothing.
            assert_eq!(crate::error::cap_message(&message), message);
            assert_eq!(crate::error::cap_details(err.details()), err.details());
        }
        // Short values are quoted whole.
        let err = parse_json::<Quantity>(r#"{"unit":"Pallets","amount":1}"#).unwrap_err();
        assert!(err.to_string().contains("`Pallets`"), "{err}");
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let err = parse_json_with_limit::<Outer>(r#"{"lines":[]}"#, 4).unwrap_err();
        assert_eq!(err.code(), "INPUT_TOO_LARGE");
        assert_eq!(err.path(), "");
        assert_eq!(err.details()["limit"], 4);
    }
}
