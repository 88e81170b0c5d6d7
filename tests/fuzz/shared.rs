//! What every engine fuzz target checks, whatever the bytes.

use crate::entry_points;

/// Runs entry point `name` on `data` (as UTF-8 text, as the wasm boundary only ever receives
/// text). A panic is a crash; so is an error whose code is empty or whose path is not a JSON
/// pointer into the input.
pub fn check_entry_point(name: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(failure) = entry_points::run(name, text) {
        assert!(!failure.code.is_empty(), "empty error code");
        assert!(
            entry_points::is_valid_pointer_into(&failure.path, text),
            "{name}: {} path {:?} is not a pointer into the input",
            failure.code,
            failure.path
        );
    }
}
