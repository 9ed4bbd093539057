#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: builds the release server, generates a city of 10,000
# participants with a year of recorded time on SQLite and on PostgreSQL (fresh databases each
# time), and times the compliance export (one school and one week; the whole city and one term).
# Usage: bash scripts/bench.sh [PARTICIPANTS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh >/dev/null
source scripts/env.sh
N="${1:-10000}"
cargo leptos build --release >/dev/null 2>&1
BIN="$CARGO_TARGET_DIR/release/server"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== SQLite"
export DATABASE_URL="sqlite://$WORK/city.db"
"$BIN" bench generate --participants "$N"
"$BIN" bench compliance
"$BIN" bench charts

echo "== PostgreSQL"
PG=$(bash scripts/postgres.sh)
psql "$PG" -q -c "DROP DATABASE IF EXISTS spraktrappan_bench" -c "CREATE DATABASE spraktrappan_bench"
export DATABASE_URL="${PG%/postgres}/spraktrappan_bench"
"$BIN" bench generate --participants "$N"
"$BIN" bench compliance
"$BIN" bench charts
psql "$PG" -q -c "DROP DATABASE spraktrappan_bench"

echo "== load: ten minutes of the four roles' mixed traffic at 200 requests/s (SQLite, loopback)"
python3 scripts/load.py "$BIN" "${LOAD_SECONDS:-600}" "${LOAD_RATE:-200}" || true
