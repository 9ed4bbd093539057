#!/usr/bin/env bash
# What a first visit downloads per page (HTML, CSS, JS, wasm; gzip -9), against the budgets
# of BENCHMARKS.md. Serves the release build on a fresh demo database unless BASE_URL is given.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
if [ -n "${BASE_URL:-}" ]; then
  exec python3 scripts/weight.py "$BASE_URL"
fi
DIR=$(mktemp -d)
PORT="${WEIGHT_PORT:-3108}"
DATABASE_URL="sqlite://$DIR/weight.db" LISTEN_ADDR="127.0.0.1:$PORT" DEMO_DATA=1 SECURE_COOKIES=0 \
  "$CARGO_TARGET_DIR/release/server" serve > "$DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
python3 scripts/weight.py "http://127.0.0.1:$PORT"
