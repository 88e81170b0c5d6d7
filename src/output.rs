//! JSON text of an engine's output: what every `…Json` export returns.
//!
//! `serde_json::to_string` writes into a `Vec<u8>`, one `write_all` per token: a quote, a
//! colon, a comma, a key, a number, a run of unescaped string bytes. Most are 1 to 10 bytes,
//! and at the size-optimised release profile `Vec::extend_from_slice` is not inlined, so each
//! token costs a call plus a libc `memcpy` call; on large batches that was a quarter of
//! `decideAcknowledgementsJson`. [`to_json_text`] writes through [`JsonBuffer`] instead, which
//! copies short tokens in line and starts at the size the caller expects.

use std::io;

use serde::Serialize;

/// Tokens up to this length are copied byte by byte in line; longer ones (string contents)
/// go to `extend_from_slice`, whose `memcpy` pays off there.
const SHORT_TOKEN: usize = 16;

/// The JSON text of `value`, exactly as `serde_json::to_string` writes it.
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
    value.serialize(&mut serde_json::Serializer::new(&mut buffer))?;
    // serde_json writes only UTF-8 (it copies `str`s and escapes with ASCII), so this check
    // never fails; it costs one pass over the text and keeps this module free of `unsafe`.
    String::from_utf8(buffer.0).map_err(|e| serde_json::Error::io(io::Error::other(e)))
}

/// The growing output of [`to_json_text`].
struct JsonBuffer(Vec<u8>);

impl JsonBuffer {
    #[inline(always)]
    fn append(&mut self, bytes: &[u8]) {
        if bytes.len() <= SHORT_TOKEN {
            // One capacity check, then a short copy loop the compiler keeps in line.
            self.0.reserve(bytes.len());
            for &byte in bytes {
                self.0.push(byte);
            }
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
            // Longer than SHORT_TOKEN, with escapes and multi-byte characters.
            reason: Some("on hand 25 − committed 3 \"quoted\"\n\u{1}é ✓ 𝄞".repeat(3)),
            lines: vec![-1, 0, 42],
        }
    }

    #[test]
    fn writes_exactly_what_serde_json_writes() {
        let expected = serde_json::to_string(&sample()).unwrap();
        for hint in [0, 1, 17, expected.len(), 1 << 16] {
            assert_eq!(to_json_text(&sample(), hint).unwrap(), expected);
        }
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
