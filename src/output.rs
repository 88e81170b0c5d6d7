//! JSON text of an engine's output: what every `…Json` export returns.
//!
//! `serde_json::to_string` writes into a `Vec<u8>`, one `write_all` per token: a quote, a
//! colon, a comma, a brace, a key, a number, a run of string bytes. At the size-optimised
//! release profile `Vec::extend_from_slice` is not inlined, so every token, even a single
//! byte, costs a call, a capacity check and a libc `memcpy` call; on large batches that was
//! a quarter of `decideAcknowledgementsJson`. [`to_json_text`] writes through `JsonBuffer`
//! instead, which pushes single-byte tokens in line and starts at the size the caller expects.
//!
//! The text is pure ASCII: characters beyond ASCII are written as `\uXXXX` escapes (UTF-16
//! units, as JSON defines them), so `JSON.parse` gives exactly the same strings. A JavaScript
//! engine keeps an ASCII string in one byte per character and decodes it from wasm memory
//! without a UTF-8 pass; a single "−" in a reason made V8 decode the 23 MB answer to a
//! 25,000-line acknowledgement batch 3× slower (63 ms instead of 19 ms, Node 20) into a
//! string twice the size.

use std::io;

use serde::Serialize;

/// The JSON text of `value`, as `serde_json::to_string` writes it except that every character
/// beyond ASCII is a `\uXXXX` escape.
///
/// `capacity_hint` is the expected length of the text in bytes (the caller knows its
/// workload; the input's length is a fair guess): the buffer starts there instead of doubling
/// its way up from a few bytes and copying the text at every step. A wrong hint only costs
/// those copies (too small) or unused reserved memory (too large).
pub fn to_json_text<T: Serialize + ?Sized>(
    value: &T,
    capacity_hint: usize,
) -> Result<String, serde_json::Error> {
    let mut buffer = JsonBuffer(Vec::with_capacity(capacity_hint));
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut buffer,
        AsciiFormatter,
    ))?;
    // serde_json writes only UTF-8 (it copies `str`s and escapes with ASCII), so this check
    // never fails; it costs one pass over the text and keeps this module free of `unsafe`.
    String::from_utf8(buffer.0).map_err(|e| serde_json::Error::io(io::Error::other(e)))
}

/// serde_json's compact layout, with every character beyond ASCII escaped.
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    /// `fragment` is a run of a string's characters that JSON does not require to escape.
    #[inline]
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        write_escaping_non_ascii(writer, fragment)
    }
}

/// The slow path of [`AsciiFormatter`], kept out of line: most strings are ASCII.
#[inline(never)]
fn write_escaping_non_ascii<W: ?Sized + io::Write>(writer: &mut W, text: &str) -> io::Result<()> {
    let mut units = [0u16; 2];
    let mut rest = text;
    // The first byte ≥ 0x80 after a run of ASCII always starts a character.
    while let Some((plain, tail)) = rest
        .bytes()
        .position(|b| !b.is_ascii())
        .and_then(|at| rest.split_at_checked(at))
    {
        writer.write_all(plain.as_bytes())?;
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        for unit in c.encode_utf16(&mut units) {
            writer.write_all(&unicode_escape(*unit))?;
        }
        rest = chars.as_str();
    }
    writer.write_all(rest.as_bytes())
}

/// `\uXXXX` for one UTF-16 unit, in lower-case hex as serde_json writes its own escapes.
fn unicode_escape(unit: u16) -> [u8; 6] {
    let digit = |shift: u16| {
        let nibble = u32::from(unit.checked_shr(u32::from(shift)).unwrap_or(0) & 0xf);
        char::from_digit(nibble, 16).map_or(b'0', |c| c as u8)
    };
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// The growing output of [`to_json_text`].
struct JsonBuffer(Vec<u8>);

impl JsonBuffer {
    #[inline(always)]
    fn append(&mut self, bytes: &[u8]) {
        // Chosen with callgrind (`bench_native ack ack-x4.json`, whole run): this gave 226.3 M
        // instructions; copying tokens of up to 4, 8, 16 or 32 bytes in a loop instead gave
        // 234.8, 235.7, 239.8 and 245.3 M: past one byte the loop costs more than `memcpy`.
        if let [byte] = bytes {
            self.0.push(*byte);
        } else {
            self.0.extend_from_slice(bytes);
        }
    }
}

impl io::Write for JsonBuffer {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.append(bytes);
        Ok(bytes.len())
    }

    #[inline(always)]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.append(bytes);
        Ok(())
    }

    #[inline]
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        purchase_order_number: String,
        amount: u64,
        reason: Option<String>,
        lines: Vec<i64>,
    }

    fn sample() -> Sample {
        Sample {
            purchase_order_number: "PO-1".to_string(),
            amount: u64::MAX,
            // Long, with escapes and multi-byte characters.
            reason: Some("on hand 25 − committed 3 \"quoted\"\n\u{1}é ✓ 𝄞".repeat(3)),
            lines: vec![-1, 0, 42],
        }
    }

    #[test]
    fn writes_what_serde_json_writes_in_ascii() {
        let plain = serde_json::to_string(&sample()).unwrap();
        for hint in [0, 1, 17, plain.len(), 1 << 16] {
            let text = to_json_text(&sample(), hint).unwrap();
            assert!(text.is_ascii(), "{text}");
            let read: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                read,
                serde_json::from_str::<serde_json::Value>(&plain).unwrap()
            );
        }
    }

    #[test]
    fn escapes_exactly_the_characters_beyond_ascii() {
        let text = to_json_text("a−b é\"\n𝄞z", 0).unwrap();
        assert_eq!(text, r#""a\u2212b \u00e9\"\n\ud834\udd1ez""#);
        let keys = std::collections::BTreeMap::from([("clé", "ü")]);
        assert_eq!(to_json_text(&keys, 0).unwrap(), r#"{"cl\u00e9":"\u00fc"}"#);
    }

    #[test]
    fn writes_scalars_and_empty_values() {
        assert_eq!(to_json_text(&(), 0).unwrap(), "null");
        assert_eq!(to_json_text("", 0).unwrap(), "\"\"");
        assert_eq!(to_json_text(&Vec::<u8>::new(), 0).unwrap(), "[]");
        assert_eq!(to_json_text(&1.5_f64, 0).unwrap(), "1.5");
    }

    #[test]
    fn reports_serialisation_errors() {
        // A map with non-string keys cannot be JSON.
        let map = std::collections::BTreeMap::from([(vec![1_u8], 1)]);
        assert!(to_json_text(&map, 0).is_err());
    }
}
