#!/usr/bin/env bash
# The main job: install what is missing, build every artefact, and run the end-to-end demo
# (local SP-API emulator → Node adapter → WASM core → acknowledgements submitted and polled).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$repo/js/tasks/setup.sh"
node "$repo/js/build/build.mjs"
node "$repo/js/demo/run.mjs"
node "$repo/js/demo/df.mjs"
