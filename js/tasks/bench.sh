#!/usr/bin/env bash
# The benchmark command (not part of the test command): builds everything in release mode, then
# runs every workload and checks every speed, size and memory budget in one run.
#   bash js/tasks/bench.sh [--scale 1] [--runs 3] [--skip-browser]
# Prints a table and a PASS/FAIL line per budget; the same figures go to target/bench/results.json.
# About 10 minutes on a 2-core machine (plus the build when sources changed).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
step() { printf '\n== %s\n' "$*" >&2; }

step "setup"
bash js/tasks/setup.sh --browser

step "release build: wasm, pkg/, dist/, size report"
node js/build/build.mjs

step "native release build of the same workloads (examples/bench_native.rs)"
cargo build --release --example bench_native --quiet

step "benchmark"
node js/bench/run.mjs "$@"
