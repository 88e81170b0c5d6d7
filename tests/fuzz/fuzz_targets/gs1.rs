//! The GS1 parsers and generator (SSCC, GTIN, check digit) on arbitrary text and numbers.
#![no_main]

use vendor_central_connector::gs1;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&extension_digit, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if let Ok(sscc) = gs1::normalise_sscc(&text) {
        // A normalised SSCC is 18 digits with a valid check digit, and normalising is idempotent.
        assert_eq!(sscc.len(), gs1::SSCC_LENGTH);
        assert_eq!(gs1::normalise_sscc(&sscc).as_deref(), Ok(sscc.as_str()));
    }
    let _ = gs1::validate_gtin(&text);
    let _ = gs1::check_digit(&text);
    let serial = rest
        .iter()
        .take(8)
        .fold(0u64, |n, &b| n.wrapping_shl(8) | u64::from(b));
    let prefix: String = text.chars().take(16).collect();
    if let Ok(sscc) = gs1::generate_sscc(extension_digit, &prefix, serial) {
        assert_eq!(gs1::normalise_sscc(&sscc).as_deref(), Ok(sscc.as_str()));
    }
});
