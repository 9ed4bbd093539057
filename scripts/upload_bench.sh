#!/usr/bin/env bash
# The web upload of a large teaching file (issue 18), as a coordinator does it: the file is
# posted on the import page, the upload's page follows the check, the import is confirmed and
# followed to its end. Prints the time to each answer, the progress the page saw, and the
# server's memory (idle, and its peak over the whole run).
# Usage: bash scripts/upload_bench.sh BIN WORK ROWS   (DATABASE_URL: an empty database)
set -euo pipefail
BIN=$1 WORK=$2 ROWS=$3
PORT=${UPLOAD_PORT:-3291}
BASE="http://127.0.0.1:$PORT"
PASSWORD=bench-upload-2026
quiet() { grep -v 'server::startup\|sqlx::query' || true; }
"$BIN" bench generate --participants 10000 --weeks 1 >/dev/null 2>&1
"$BIN" bench teaching-file --rows "$ROWS" > "$WORK/upload.csv" 2>/dev/null
printf '%s' "$PASSWORD" |
  "$BIN" user add --role coordinator --email upload-bench@example.se --name Bench 2>&1 | quiet
LISTEN_ADDR=127.0.0.1:$PORT SECURE_COOKIES=0 "$BIN" serve > "$WORK/upload-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
JAR="$WORK/upload.jar"
post() { curl -fsS -b "$JAR" -c "$JAR" -H 'Sec-Fetch-Site: same-origin' "$@"; }
post -o /dev/null --data "email=upload-bench%40example.se&password=$PASSWORD" "$BASE/api/auth/sign-in"
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER/status"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
echo "  file: $(wc -c < "$WORK/upload.csv") bytes; server idle: $(kb VmRSS) KB"
# Asks where upload $1 is every half second while it is in phase $2; prints the percents seen.
follow() {
  local seen=""
  while :; do
    local state
    state=$(post --data "id=$1" "$BASE/api/import/report")
    local pct
    pct=$(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); k=next(iter(s)) if isinstance(s,dict) else s
if k == sys.argv[2]:
    p=s[k]["progress"]; print(p["done"]*100//max(p["total"],1))
else:
    print("end:"+k)' "$state" "$2")
    case "$pct" in end:*) echo "$seen -> ${pct#end:}"; return;; esac
    seen="$seen $pct%"
    sleep 0.5
  done
}
start=$(now)
page=$(post -o /dev/null -w '%{redirect_url}' -F kind=teaching -F "file=@$WORK/upload.csv;type=text/csv" "$BASE/import/upload")
id=${page##*/}
echo "  upload answered in $(since "$start") s with $page"
echo "  check followed:$(follow "$id" Checking) after $(since "$start") s"
start=$(now)
post -o /dev/null --data "id=$id" "$BASE/api/import/confirm"
echo "  confirm answered in $(since "$start") s"
echo "  import followed:$(follow "$id" Importing) after $(since "$start") s"
echo "  server peak memory over the run: $(kb VmHWM) KB; now $(kb VmRSS) KB"
