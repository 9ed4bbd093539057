#!/usr/bin/env bash
# The crash test (issue 16): twenty SIGKILLs of the server (and of an import) while a client
# writes; every acknowledged write must survive, every import be whole or absent, and SQLite's
# integrity_check answer ok. Needs the release build (scripts/test.sh makes it first).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
python3 scripts/crash.py "$CARGO_TARGET_DIR/release/server" "${CRASH_ROUNDS:-20}"
