//! ISO-8601 instants and `START--END` windows: parsing never panics, and a parsed instant
//! formats to UTC text that parses back to the same instant.
#![no_main]

use vendor_central_connector::time;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(instant) = time::parse_instant(text) {
        let printed = time::format_instant(&instant);
        assert_eq!(time::parse_instant(&printed), Ok(instant));
    }
    if let Ok((start, end)) = time::parse_interval(text) {
        let _ = (time::format_instant(&start), time::format_instant(&end));
    }
});
