#!/usr/bin/env bash
# Fuzzes every entry point of the core and its GS1 / decimal / date parsers with cargo-fuzz
# (libFuzzer), each for a fixed budget, and prints executions and coverage per target.
# Not part of the test command: it needs the nightly toolchain and takes minutes.
#
#   bash js/tasks/fuzz.sh [seconds-per-target] [target ...]
#   FUZZ_MINIMISE=1 bash js/tasks/fuzz.sh 60   # then shrink the committed corpus (libFuzzer -merge=1, as cargo fuzz cmin)
#   FUZZ_SKIP_BUILD=1 bash js/tasks/fuzz.sh 30  # run the targets as last built
#
# Each target starts from the committed corpus (tests/fuzz/corpus/<target>/) copied into
# tests/fuzz/work/<target>/, so a run never changes the repository unless FUZZ_MINIMISE is set.
# A crash leaves its input in tests/fuzz/artifacts/<target>/ and the run goes on to the next
# target; the exit status is 1 when any target crashed. Turn each crash into a regression test
# in tests/ before fixing it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzz_dir="$repo/tests/fuzz"
seconds="${1:-60}"
shift || true

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

cd "$fuzz_dir"
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir "$fuzz_dir")
fi

# One build of every target (release, debug assertions and overflow checks on, see
# tests/fuzz/Cargo.toml), then each binary runs directly.
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  cargo +nightly fuzz build --fuzz-dir "$fuzz_dir"
fi
bin_dir="$fuzz_dir/target/$(rustc -vV | sed -n 's/^host: //p')/release"

crashed=0
report=()
for target in "${targets[@]}"; do
  work="$fuzz_dir/work/$target"
  mkdir -p "$work" "$fuzz_dir/corpus/$target" "$fuzz_dir/artifacts/$target"
  cp -rn "$fuzz_dir/corpus/$target/." "$work/"
  log="$fuzz_dir/work/$target.log"
  status=ok
  # -rss_limit_mb: a 2-core shared machine; -max_len: large enough for a few POs.
  if ! "$bin_dir/$target" "$work" -artifact_prefix="$fuzz_dir/artifacts/$target/" \
      -max_total_time="$seconds" -dict="$fuzz_dir/json.dict" -max_len=16384 \
      -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    status=CRASH
    crashed=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -oE '(DONE|pulse|NEW|REDUCE|INITED) +cov: [0-9]+' "$log" | grep -oE '[0-9]+$' | sort -n | tail -1)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | grep -oE '[0-9]+$' | sort -n | tail -1)
  corpus=$(find "$work" -type f | wc -l)
  report+=("$(printf '%-32s %-6s %12s %8s %9s %8s' "$target" "$status" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus")")
  if [ "$status" = CRASH ]; then
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /' || true
  fi
  if [ "${FUZZ_MINIMISE:-0}" = 1 ] && [ "$status" = ok ]; then
    # Keep only the inputs that add coverage (cmin minimises in place): the committed corpus
    # stays small.
    rm -rf "$fuzz_dir/corpus/$target" && mkdir -p "$fuzz_dir/corpus/$target"
    "$bin_dir/$target" -merge=1 -max_len=16384 "$fuzz_dir/corpus/$target" "$work" \
      >"$fuzz_dir/work/$target.cmin.log" 2>&1
  fi
done

printf '\n%-32s %-6s %12s %8s %9s %8s\n' target result executions coverage features corpus
printf '%s\n' "${report[@]}"
echo "(${seconds} s per target; coverage = libFuzzer edge counters, features = its feature count)"
exit "$crashed"
