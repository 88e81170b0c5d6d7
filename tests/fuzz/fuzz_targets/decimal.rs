//! Amazon `Decimal` strings: parsing never panics, and what parses prints back to a value that
//! parses to the same number.
#![no_main]

use vendor_central_connector::money::Decimal;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(value) = Decimal::parse(text) {
        let printed = value.to_string();
        let again = Decimal::parse(&printed).expect("a printed decimal parses");
        assert_eq!(again.0, value.0);
        let _ = value.checked_mul_quantity(u64::MAX);
        let _ = value.checked_add(value);
    }
    // Through serde as well, the way inputs reach it.
    let _ = serde_json::from_str::<Decimal>(text);
});
