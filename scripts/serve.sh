#!/usr/bin/env bash
# One command: install the tools, build the app with client hydration, and serve it on
# http://127.0.0.1:3000 with demo data (SQLite under data/, created and migrated on first start).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/tools.sh
printf '\n==> building (release, server + wasm client)\n'
cargo leptos build --release
printf '\n==> serving on http://%s  (stop with Ctrl-C)\n' "${LISTEN_ADDR:-127.0.0.1:3000}"
printf '    staff: samordnare@example.se, larare@example.se, mentor@example.se; password sprakdemo2026\n'
printf '    tablet: code SPR-AK2, PIN 1234\n\n'
export DEMO_DATA="${DEMO_DATA:-1}"
# Plain HTTP on this machine: the session cookie cannot be Secure (behind HTTPS leave it on).
export SECURE_COOKIES="${SECURE_COOKIES:-0}"
exec "$CARGO_TARGET_DIR/release/server" serve
