#!/usr/bin/env bash
# Installs what the build and the tests need, once. Every step checks first and is skipped when
# its tool is already there, so the second run costs a few hundred milliseconds.
#   setup.sh            wasm32 target, wasm-bindgen CLI at the locked version, npm dev deps
#   setup.sh --browser  the same, plus Debian's chromium for the browser tests
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf '[setup] %s\n' "$*"; }

# 1. The wasm32 target: the core is compiled to WebAssembly.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI at exactly the version in Cargo.lock: the CLI refuses a module built by
#    another version of the wasm-bindgen crate. (Not --locked: this registry lacks one of its
#    locked dependencies.)
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); about 3 minutes the first time"
  cargo install wasm-bindgen-cli --version "=$want"
fi

# 3. JS dev dependencies (esbuild, binaryen's wasm-opt/wasm2js, ajv, typescript, playwright-core)
#    exactly as locked. The stamp makes the second run free.
stamp="$repo/js/node_modules/.vcc-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$repo/js/package-lock.json" "$stamp"; then
  say "npm ci (js/)"
  (cd "$repo/js" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$repo/js/package-lock.json" "$stamp"
fi

# 4. Chromium for the browser tests (Debian's package: no browser downloads on this network).
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian chromium for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
