#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: builds the release server, generates a city of 10,000
# participants with a year of recorded time on SQLite and on PostgreSQL (fresh databases each
# time), and times the compliance export (one school and one week; the whole city for one week
# and for one term); then the same for a country (150,000 participants, 20 weeks), with the
# peak memory of the streamed export; the imports of a million rows from the command line and
# through the web upload; the pages under wrk against this machine's floor.
# Usage: bash scripts/bench.sh [PARTICIPANTS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh >/dev/null
source scripts/env.sh
# The benchmark's own tools (not needed by the test command): the sqlite3 shell for the raw
# load beside the import, GNU time for peak memory, wrk for the pages.
need=()
for p in sqlite3 time wrk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
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

NATIONAL="${NATIONAL_PARTICIPANTS:-150000}"
echo "== national compliance: $NATIONAL participants over 20 weeks, the export streamed"
national_bench() {
  "$BIN" bench generate --participants "$NATIONAL" --weeks 20 2>&1 | grep -v 'server::startup\|sqlx::query'
  "$BIN" bench compliance 2>&1 | grep -v 'server::startup\|sqlx::query'
  /usr/bin/time -f "  server export compliance, 20 weeks: %e s, peak %M KB" \
    "$BIN" export compliance --from "$(date -d '20 weeks ago' +%G-W%V)" --to "$(date -d '1 week ago' +%G-W%V)" \
    2>&1 >/dev/null | grep -v 'server::startup\|sqlx::query'
}
export DATABASE_URL="sqlite://$WORK/national.db"
echo "SQLite"
national_bench
rm -f "$WORK"/national.db*
echo "PostgreSQL"
psql "$PG" -q -c "DROP DATABASE IF EXISTS spraktrappan_bench" -c "CREATE DATABASE spraktrappan_bench"
export DATABASE_URL="${PG%/postgres}/spraktrappan_bench"
national_bench
psql "$PG" -q -c "DROP DATABASE spraktrappan_bench"

ROWS="${IMPORT_ROWS:-1000000}"
PEOPLE="${IMPORT_PEOPLE:-150000}"
echo "== imports: $ROWS teaching rows for 10,000 participants, beside the engine's own raw load;"
echo "   then $PEOPLE new participants, and the same file again (all unchanged)"
import_bench() {
  "$BIN" bench generate --participants 10000 --weeks 1 >/dev/null 2>&1
  "$BIN" bench teaching-file --rows "$ROWS" > "$WORK/teaching.csv" 2>/dev/null
  "$BIN" bench participants-file --rows "$PEOPLE" > "$WORK/people.csv" 2>/dev/null
  /usr/bin/time -f "  server import teaching: %e s, peak %M KB" \
    "$BIN" import teaching "$WORK/teaching.csv" 2>&1 | grep -v 'server::startup\|sqlx::query'
  for pass in new unchanged; do
    /usr/bin/time -f "  server import participants ($pass): %e s, peak %M KB" \
      "$BIN" import participants "$WORK/people.csv" 2>&1 | grep -v 'server::startup\|sqlx::query'
  done
}
export DATABASE_URL="sqlite://$WORK/import.db"
echo "SQLite"
import_bench
/usr/bin/time -f "  sqlite3 .import (no checks): %e s, peak %M KB" \
  sqlite3 "$WORK/raw.db" ".mode csv" ".separator ;" ".import $WORK/teaching.csv raw"
echo "PostgreSQL"
psql "$PG" -q -c "DROP DATABASE IF EXISTS spraktrappan_bench" -c "CREATE DATABASE spraktrappan_bench"
export DATABASE_URL="${PG%/postgres}/spraktrappan_bench"
import_bench
psql "$DATABASE_URL" -q -c "CREATE TABLE raw (participant_ref text, date text, start text, \"end\" text, kind text, teacher_email text)"
/usr/bin/time -f "  psql \\copy (no checks): %e s" \
  psql "$DATABASE_URL" -q -c "\\copy raw FROM '$WORK/teaching.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
psql "$PG" -q -c "DROP DATABASE spraktrappan_bench"

echo "== web upload: the $ROWS-row teaching file through the import page, checked and imported"
echo "   in the background while the upload's page follows (SQLite, then PostgreSQL)"
export DATABASE_URL="sqlite://$WORK/upload.db"
echo "SQLite"
bash scripts/upload_bench.sh "$BIN" "$WORK" "$ROWS"
rm -f "$WORK"/upload.db*
echo "PostgreSQL"
psql "$PG" -q -c "DROP DATABASE IF EXISTS spraktrappan_bench" -c "CREATE DATABASE spraktrappan_bench"
export DATABASE_URL="${PG%/postgres}/spraktrappan_bench"
bash scripts/upload_bench.sh "$BIN" "$WORK" "$ROWS"
psql "$PG" -q -c "DROP DATABASE spraktrappan_bench"

echo "== pages: the floor of this machine, a mentor's start page and a participant's page under wrk"
echo "SQLite"
export DATABASE_URL="sqlite://$WORK/pages.db"
bash scripts/page_bench.sh "$BIN" "$WORK"
rm -f "$WORK"/pages.db*
echo "PostgreSQL"
psql "$PG" -q -c "DROP DATABASE IF EXISTS spraktrappan_bench" -c "CREATE DATABASE spraktrappan_bench"
export DATABASE_URL="${PG%/postgres}/spraktrappan_bench"
bash scripts/page_bench.sh "$BIN" "$WORK"
psql "$PG" -q -c "DROP DATABASE spraktrappan_bench"

echo "== load: ten minutes of the four roles' mixed traffic at 200 requests/s (SQLite, loopback)"
python3 scripts/load.py "$BIN" "${LOAD_SECONDS:-600}" "${LOAD_RATE:-200}" || true
