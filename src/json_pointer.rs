//! Which field of a JSON text an error position falls in, as a JSON pointer.
//!
//! serde_json reports where it stopped (line and column) but not which field it was reading.
//! Tracking the path while deserialising (serde_path_to_error) wraps every deserializer and
//! made a quarter of the WebAssembly code; errors are rare, so instead the text is scanned
//! once more on the error path only, up to the position serde_json reports.
//!
//! The rule: the pointer names the innermost value that had just been completed at that
//! position (a type error is detected after its value is read; a missing field when its object
//! closes), else the value that was about to be read (after `"key":` or after `[` / `,`), else
//! the key just read (an unknown field is detected right after its key).

use crate::error::pointer_child;

/// One open container while scanning.
enum Container {
    /// `key` is the member being read (set once its key string is complete).
    Object { key: Option<String> },
    /// `index` is the element being read.
    Array { index: usize },
}

/// The byte offset just past the last byte serde_json consumed, from its 1-based line and
/// byte column (`column` counts the bytes consumed on that line).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line <= 1 {
        return column.min(text.len());
    }
    let line_start = text
        .bytes()
        .enumerate()
        .filter(|&(_, byte)| byte == b'\n')
        .nth(line.saturating_sub(2))
        .map_or(text.len(), |(i, _)| i.saturating_add(1));
    line_start.saturating_add(column).min(text.len())
}

/// The JSON pointer of the value at byte offset `end` of `text` (see the module rule).
///
/// ```
/// use vendor_central_connector::json_pointer::pointer_at;
/// let text = r#"{"lines":[{"quantity":"2"}]}"#;
/// assert_eq!(pointer_at(text, text.find("\"}").unwrap() + 1), "/lines/0/quantity");
/// ```
pub fn pointer_at(text: &str, end: usize) -> String {
    locate(text, end).pointer
}

/// Where a position falls: the pointer (see [`pointer_at`]) and, when the position is right
/// after an object's key, the pointer of that object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The JSON pointer of the value being read when the error occurred.
    pub pointer: String,
    /// Set when a key was the last thing read: an unknown enum variant spelled as a key
    /// (`{"teleport": …}`) is a fault of the object, not of a member.
    pub object_of_key: Option<String>,
}

/// The [`Location`] of byte offset `end` of `text`.
pub fn locate(text: &str, end: usize) -> Location {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<(String, Container)> = Vec::new();
    // The pointer of the value completed most recently, while nothing but whitespace follows.
    let mut completed: Option<String> = None;
    // Whether the last token was a `:` (a key was read and its value is about to be).
    let mut after_colon = false;
    let mut i = 0;
    while i < end {
        let byte = bytes.get(i).copied().unwrap_or(b' ');
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i = i.saturating_add(1);
                continue;
            }
            _ if byte == b':' => {
                completed = None;
                after_colon = true;
                i = i.saturating_add(1);
                continue;
            }
            _ => after_colon = false,
        }
        match byte {
            b'{' | b'[' => {
                let path = value_path(&stack);
                let container = if byte == b'{' {
                    Container::Object { key: None }
                } else {
                    Container::Array { index: 0 }
                };
                stack.push((path, container));
                completed = None;
                i = i.saturating_add(1);
            }
            b'}' | b']' => {
                completed = stack.pop().map(|(path, _)| path);
                i = i.saturating_add(1);
            }
            b',' => {
                completed = None;
                match stack.last_mut() {
                    Some((_, Container::Object { key })) => *key = None,
                    Some((_, Container::Array { index })) => *index = index.saturating_add(1),
                    None => {}
                }
                i = i.saturating_add(1);
            }
            b'"' => {
                let close = string_end(bytes, i);
                let awaiting_key =
                    matches!(stack.last(), Some((_, Container::Object { key: None })));
                if awaiting_key {
                    let raw = text.get(i..close.min(end)).unwrap_or("");
                    let key = unescape_key(raw);
                    if let Some((_, Container::Object { key: slot })) = stack.last_mut() {
                        *slot = Some(key);
                    }
                    completed = None;
                } else {
                    completed = Some(value_path(&stack));
                }
                i = close;
            }
            _ => {
                // A number or a literal: runs to the next delimiter.
                completed = Some(value_path(&stack));
                while i < end
                    && !matches!(
                        bytes.get(i),
                        Some(b',' | b'}' | b']' | b':' | b' ' | b'\t' | b'\n' | b'\r') | None
                    )
                {
                    i = i.saturating_add(1);
                }
            }
        }
    }
    let object_of_key = match (&completed, stack.last()) {
        (None, Some((path, Container::Object { key: Some(_) }))) if !after_colon => {
            Some(path.clone())
        }
        _ => None,
    };
    let pointer = completed.unwrap_or_else(|| match stack.last() {
        Some((path, Container::Object { key: Some(key) })) => pointer_child(path, key),
        Some((path, Container::Object { key: None })) => path.clone(),
        Some((path, Container::Array { index })) => format!("{path}/{index}"),
        None => String::new(),
    });
    Location {
        pointer,
        object_of_key,
    }
}

/// The pointer of the value being read in the innermost container.
fn value_path(stack: &[(String, Container)]) -> String {
    match stack.last() {
        Some((path, Container::Object { key })) => {
            pointer_child(path, key.as_deref().unwrap_or_default())
        }
        Some((path, Container::Array { index })) => format!("{path}/{index}"),
        None => String::new(),
    }
}

/// The offset just past the closing quote of the string opening at `start` (or the end).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start.saturating_add(1);
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'\\' => i = i.saturating_add(2),
            b'"' => return i.saturating_add(1),
            _ => i = i.saturating_add(1),
        }
    }
    bytes.len()
}

/// The key a quoted JSON string stands for (escapes resolved); the raw text if it is cut off.
fn unescape_key(raw: &str) -> String {
    serde_json::from_str::<String>(raw).unwrap_or_else(|_| {
        raw.trim_start_matches('"')
            .trim_end_matches('"')
            .to_string()
    })
}

/// Refuses an array where a scalar belongs, after reading it to its end.
///
/// A visitor that rejects a whole array should consume it first: serde_json fixes an error's
/// position only when the error reaches it, and an unconsumed `[` leaves the position where
/// the array's first element would be (pointing one level too deep).
pub(crate) fn reject_seq<'de, A, T>(
    mut seq: A,
    expected: &dyn serde::de::Expected,
) -> Result<T, A::Error>
where
    A: serde::de::SeqAccess<'de>,
{
    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
    Err(serde::de::Error::invalid_type(
        serde::de::Unexpected::Seq,
        expected,
    ))
}

/// Refuses an object where a scalar belongs, after reading it to its end (see [`reject_seq`]).
pub(crate) fn reject_map<'de, A, T>(
    mut map: A,
    expected: &dyn serde::de::Expected,
) -> Result<T, A::Error>
where
    A: serde::de::MapAccess<'de>,
{
    while map
        .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
        .is_some()
    {}
    Err(serde::de::Error::invalid_type(
        serde::de::Unexpected::Map,
        expected,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_marker(text_with_marker: &str) -> String {
        let end = text_with_marker.find('|').expect("marker");
        let text = text_with_marker.replace('|', "");
        pointer_at(&text, end)
    }

    #[test]
    fn a_completed_value_is_named() {
        assert_eq!(at_marker(r#"{"a":{"b":[1,"x"|]}}"#), "/a/b/1");
        assert_eq!(at_marker(r#"{"a":{"b":[1,"x" |]}}"#), "/a/b/1");
        assert_eq!(at_marker(r#"{"a":{"b":[1,-2|]}}"#), "/a/b/1");
    }

    #[test]
    fn a_closed_object_names_itself() {
        assert_eq!(at_marker(r#"{"lines":[{"q":1},{"q":2}|]}"#), "/lines/1");
        assert_eq!(at_marker(r#"{"q":1}|"#), "");
    }

    #[test]
    fn a_value_about_to_be_read_is_named() {
        assert_eq!(at_marker(r#"{"a":|[1]}"#), "/a");
        assert_eq!(at_marker(r#"{"a":[1,|{}]}"#), "/a/1");
        assert_eq!(at_marker(r#"{"a":[|{}]}"#), "/a/0");
    }

    #[test]
    fn a_key_just_read_is_named_with_escapes_resolved() {
        assert_eq!(at_marker(r#"{"a":1,"b\/c~"|:2}"#), "/b~1c~0");
        assert_eq!(at_marker(r#"{"caf\u00e9"|:2}"#), "/café");
    }

    #[test]
    fn strings_with_brackets_and_escaped_quotes_do_not_confuse_the_scan() {
        assert_eq!(at_marker(r#"{"a":"[{\"","b":[true,null|]}"#), "/b/1");
    }

    #[test]
    fn offsets_follow_lines_and_byte_columns() {
        let text = "{\n  \"é\": 1,\n  \"b\": \"x\"\n}";
        // serde_json would report line 3, column 10 after reading "x".
        let end = offset_of(text, 3, 10);
        assert_eq!(text.get(..end).map(|s| s.ends_with("\"x\"")), Some(true));
        assert_eq!(pointer_at(text, end), "/b");
    }
}
