#!/usr/bin/env bash
# One command: install the tools and run every test: formatting, clippy (server and wasm
# client, warnings denied), unit tests, integration tests on SQLite and PostgreSQL, and the
# end-to-end suite in headless Chromium. Each step says what it does; the first failure stops.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
T0=$(date +%s)
step() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
trap 'rc=$?; [ $rc -eq 0 ] || printf "\nFAILED (exit %s) in the step above.\n" "$rc" >&2' EXIT

step "tools"
bash scripts/tools.sh

step "domain purity: app/src/domain imports neither leptos nor sqlx"
if grep -rnE '\b(leptos|sqlx|axum)(::|_)' app/src/domain; then
  echo "app/src/domain must stay free of leptos, sqlx and axum" >&2; exit 1
fi

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "clippy, server side (ssr), warnings denied"
cargo clippy -p server -p app --features app/ssr --all-targets -- -D warnings

step "clippy, browser side (hydrate, wasm32), warnings denied"
cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate \
  -Zbuild-std=std,panic_abort -- -D warnings

step "PostgreSQL for the integration tests"
export TEST_POSTGRES_URL
TEST_POSTGRES_URL=$(bash scripts/postgres.sh)
export REQUIRE_POSTGRES=1
echo "$TEST_POSTGRES_URL"

step "unit and integration tests (SQLite and PostgreSQL)"
cargo test -p app --features ssr
cargo test -p server

step "release build (server + wasm client, wasm-opt)"
cargo leptos build --release

step "end-to-end tests (headless Chromium)"
E2E_DIR=$(mktemp -d)
export E2E_PORT="${E2E_PORT:-3107}"
DATABASE_URL="sqlite://$E2E_DIR/e2e.db" LISTEN_ADDR="127.0.0.1:$E2E_PORT" DEMO_DATA=1 SECURE_COOKIES=0 \
  "$CARGO_TARGET_DIR/release/server" serve > "$E2E_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'rc=$?; kill $SERVER_PID 2>/dev/null || true; [ $rc -eq 0 ] || printf "\nFAILED (exit %s) in the step above; server log: %s\n" "$rc" "$E2E_DIR/server.log" >&2' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null || { cat "$E2E_DIR/server.log"; exit 1; }
(cd end2end && BASE_URL="http://127.0.0.1:$E2E_PORT" npx playwright test)
kill $SERVER_PID 2>/dev/null || true

step "crash test: twenty SIGKILLs while writing and importing (SQLite)"
bash scripts/crash.sh

step "weight: what a first visit downloads per page, against the budgets (gzip -9)"
for f in target/site/pkg/spraktrappan.wasm target/site/pkg/spraktrappan.js target/site/pkg/spraktrappan.css; do
  [ -f "$f" ] && printf '%-40s %8d bytes raw %8d bytes gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
bash scripts/weight.sh

step "all tests passed"
