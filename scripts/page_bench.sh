#!/usr/bin/env bash
# The page budgets (issue 18), measured with wrk (32 connections, two threads, 10 s after a
# 2 s warm-up) on a generated city of 10,000 participants with 20 weeks of recorded time: the
# floor of this machine (`/healthz`, no page; `/sign-in`, the smallest Leptos page), then a
# mentor's start page with the dashboard of 30 participants, and the page of one of them.
# Prints requests/s, p50 and p99 latency and the bytes sent, and the server's memory idle and
# at its peak.
# Usage: bash scripts/page_bench.sh BIN WORK   (DATABASE_URL: an empty database)
set -euo pipefail
BIN=$1 WORK=$2
PORT=${PAGE_PORT:-3292}
BASE="http://127.0.0.1:$PORT"
PASSWORD=bench-pages-2026
MENTOR=page-bench@example.se
quiet() { grep -v 'server::startup\|sqlx::query' || true; }
"$BIN" bench generate --participants 10000 --weeks 20 >/dev/null 2>&1
printf '%s' "$PASSWORD" |
  "$BIN" user add --role mentor --email "$MENTOR" --name "Page Bench" 2>&1 | quiet
GIVE="UPDATE participants SET mentor_id = (SELECT id FROM users WHERE email = '$MENTOR') \
WHERE id IN (SELECT id FROM participants WHERE status = 'active' ORDER BY id LIMIT 30)"
FIRST="SELECT MIN(id) FROM participants WHERE mentor_id = (SELECT id FROM users WHERE email = '$MENTOR')"
case "$DATABASE_URL" in
  sqlite://*) DB="${DATABASE_URL#sqlite://}"; sql() { sqlite3 "$DB" "$1"; } ;;
  *) sql() { psql "$DATABASE_URL" -qtA -c "$1"; } ;;
esac
sql "$GIVE" >/dev/null
PARTICIPANT=$(sql "$FIRST")
LISTEN_ADDR=127.0.0.1:$PORT SECURE_COOKIES=0 RUST_LOG=warn "$BIN" serve > "$WORK/page-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 2
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER/status"; }
echo "  server idle: $(kb VmRSS) KB"
JAR="$WORK/page.jar"
curl -fsS -c "$JAR" -o /dev/null -H 'Sec-Fetch-Site: same-origin' \
  --data "email=page-bench%40example.se&password=$PASSWORD" "$BASE/api/auth/sign-in"
COOKIE="st_session=$(awk '/st_session/ {print $7}' "$JAR")"
# One page: its size, then wrk's figures.
page() {
  local name=$1 path=$2 cookie=${3:-}
  local bytes
  bytes=$(curl -fsS -o /dev/null -w '%{size_download}' ${cookie:+-H "Cookie: $cookie"} "$BASE$path")
  wrk -t2 -c32 -d2s ${cookie:+-H "Cookie: $cookie"} "$BASE$path" >/dev/null
  wrk -t2 -c32 -d10s --latency ${cookie:+-H "Cookie: $cookie"} "$BASE$path" |
    awk -v name="$name" -v bytes="$bytes" '
      / 50% / {p50 = $2} / 99% / {p99 = $2} /Requests\/sec/ {rps = $2}
      /Non-2xx/ {bad = $NF}
      END {printf "  %-34s %9.0f req/s  p50 %-8s p99 %-8s %7d B%s\n", name, rps, p50, p99, bytes,
           bad ? "  (" bad " not 2xx!)" : ""}'
}
page "floor: /healthz (no page)" /healthz
page "floor: /sign-in (smallest page)" /sign-in
page "mentor's start page (30 participants)" / "$COOKIE"
page "a participant's page" "/participants/$PARTICIPANT" "$COOKIE"
echo "  server under load: $(kb VmRSS) KB now, $(kb VmHWM) KB at its peak"
