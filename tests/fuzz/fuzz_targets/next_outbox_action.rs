//! `nextOutboxAction` on arbitrary bytes: never a panic; every error has a code and a JSON pointer.
#![no_main]

#[path = "../../common/entry_points.rs"]
#[allow(dead_code)]
mod entry_points;
#[path = "../shared.rs"]
mod shared;

libfuzzer_sys::fuzz_target!(|data: &[u8]| shared::check_entry_point("nextOutboxAction", data));
