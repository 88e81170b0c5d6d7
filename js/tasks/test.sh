#!/usr/bin/env bash
# Every test layer, in the order a failure is cheapest to find:
#   formatting and lints → native Rust tests → wasm-bindgen tests under Node → build →
#   JS tests over the built artefacts (every bundle in every host shape, emulator, demo) →
#   browser tests in headless Chromium → the SuiteScript entry points under Jest.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
start=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "setup"
bash js/tasks/setup.sh --browser

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings

step "biome ci: format and lint (JS: js/, the SuiteScripts, the bad-input generator)"
(cd js && node_modules/.bin/biome ci . ../pkg-template/netsuite/src ../tests/bad-inputs/generate.mjs)

step "native tests (unit, sandbox examples, scenarios, properties, doctests)"
cargo test --quiet

step "wasm-bindgen tests under Node (the boundary)"
cargo test --target wasm32-unknown-unknown

step "build every artefact"
node js/build/build.mjs

step "JS tests over the built artefacts"
# Every temporary directory, child process output and the suite's own output land under one root,
# which is then searched for the sentinel credentials and personal data the tests plant.
outputs="$repo/target/test-outputs"
rm -rf "$outputs" && mkdir -p "$outputs"
(cd js && VCC_TEST_OUTPUT_DIR="$outputs" node --test --test-concurrency=1 test/) 2>&1 | tee "$outputs/js-suite.log"

step "SuiteScript entry points under Jest: Oracle's SuiteCloud Unit Testing + the NetSuite double, with and without WebAssembly"
(cd js && VCC_TEST_OUTPUT_DIR="$outputs" node node_modules/jest/bin/jest.js --config jest.config.cjs --ci) 2>&1 | tee "$outputs/jest-suite.log"

step "no secret or personal data in any output of the suite"
node js/tasks/scan-outputs.mjs "$outputs"

step "all green"
