//! The benchmark workloads run natively, for the "WASM vs native" budget of `js/bench/run.mjs`.
//!
//! Each run does exactly what one `…Json` call does inside the WebAssembly module: parse the
//! JSON text into the engine's input, run the engine, serialise the output to JSON text. The
//! file is read once, before timing, from the same generated JSON the WebAssembly run uses.
//!
//! ```sh
//! cargo run --release --example bench_native -- ack target/bench/ack-1x.json 5
//! ```
//!
//! Prints one JSON line: `{"workload", "runs", "medianMs", "samplesMs", "outputBytes"}`.
//! Also the target of `valgrind --tool=callgrind` when profiling (instruction counts are
//! repeatable on a shared machine, wall-clock times are not).

use std::time::Instant;

use vendor_central_connector::{ack, error::CodedError, input, output, reconcile, shipment};

/// No size limit here: the limit is a host setting, and the benchmark inputs are larger than
/// the default on purpose.
const NO_LIMIT: usize = usize::MAX;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(workload), Some(file)) = (args.first(), args.get(1)) else {
        eprintln!("usage: bench_native <ack|reconcile|asn> <input.json> [runs]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            std::process::exit(2);
        }
    };
    let call: fn(&str) -> Result<String, String> = match workload.as_str() {
        "ack" => decide_acknowledgements,
        "reconcile" => reconcile_rows,
        "asn" => validate_shipment_confirmation,
        other => {
            eprintln!("unknown workload {other}: expected ack, reconcile or asn");
            std::process::exit(2);
        }
    };
    let mut samples = Vec::with_capacity(runs);
    let mut output_bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        match call(&text) {
            Ok(output) => output_bytes = output.len(),
            Err(message) => {
                eprintln!("{workload} failed: {message}");
                std::process::exit(1);
            }
        }
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let mut sorted = samples.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    let samples_text: Vec<String> = samples.iter().map(|ms| format!("{ms:.1}")).collect();
    println!(
        "{{\"workload\":\"{workload}\",\"runs\":{runs},\"medianMs\":{median:.2},\"samplesMs\":[{}],\"outputBytes\":{output_bytes}}}",
        samples_text.join(",")
    );
}

fn failure(error: &dyn CodedError) -> String {
    format!("{} at {:?}: {error}", error.code(), error.path())
}

/// The same serialisation as the `…Json` exports (`to_json` in src/wasm/mod.rs), with the same
/// capacity hint (the input's length, or 0 where the export passes 0).
fn serialise<T: serde::Serialize>(output: &T, capacity_hint: usize) -> Result<String, String> {
    output::to_json_text(output, capacity_hint).map_err(|e| e.to_string())
}

fn decide_acknowledgements(text: &str) -> Result<String, String> {
    let parsed = input::parse_input_with_limit(text, NO_LIMIT)
        .map_err(|e| failure(&ack::AckError::from(e)))?;
    serialise(
        &ack::decide_acknowledgements(parsed).map_err(|e| failure(&e))?,
        text.len(),
    )
}

fn reconcile_rows(text: &str) -> Result<String, String> {
    let parsed = reconcile::parse_reconcile_input(text)
        .map_err(|e| failure(&reconcile::ReconcileError::from(e)))?;
    serialise(
        &reconcile::reconcile(parsed).map_err(|e| failure(&e))?,
        text.len(),
    )
}

fn validate_shipment_confirmation(text: &str) -> Result<String, String> {
    let parsed = input::parse_input_with_limit(text, NO_LIMIT)
        .map_err(|e| failure(&shipment::ShipmentError::from(e)))?;
    serialise(
        &shipment::validate_shipment_confirmation(parsed).map_err(|e| failure(&e))?,
        0,
    )
}
