//! JSON text of an engine's output: what every `…Json` export returns.
//!
//! `serde_json::to_string` writes into a `Vec<u8>`, one `write_all` per token: a quote, a
//! colon, a comma, a brace, a key, a number, a run of string bytes. At the size-optimised
//! release profile `Vec::extend_from_slice` is not inlined, so every token, even a single
//! byte, costs a call, a capacity check and a libc `memcpy` call; on large batches that was
//! a quarter of `decideAcknowledgementsJson`. [`to_json_text`] writes through [`JsonBuffer`]
//! instead, which pushes single-byte tokens in line and starts at the size the caller expects.

use std::io;

use serde::Serialize;

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
