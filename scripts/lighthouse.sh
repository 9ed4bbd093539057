#!/usr/bin/env bash
# Lighthouse 12 (mobile preset: simulated slow 4G and 4x CPU slowdown) on Debian's Chromium:
# time to interactive and bytes downloaded of the tablet sign-in and a participant's
# self-assessment screen, on the release build with demo data. Not part of the test command
# (it takes a few minutes); the figures go to BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
LH_DIR="$HOME/.cache/spraktrappan/lighthouse"
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$LH_DIR"
  (cd "$LH_DIR" && npm init -y >/dev/null && npm i -E --no-audit --no-fund --loglevel=error lighthouse@12.2.3)
fi
DIR=$(mktemp -d)
PORT="${LH_PORT:-3109}"
BASE="http://127.0.0.1:$PORT"
DATABASE_URL="sqlite://$DIR/lh.db" LISTEN_ADDR="127.0.0.1:$PORT" DEMO_DATA=1 SECURE_COOKIES=0 \
  "$CARGO_TARGET_DIR/release/server" serve > "$DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 60); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
# A participant's session with a started self-assessment.
JAR="$DIR/cookies"
curl -fsS -o /dev/null -c "$JAR" -H 'Accept: text/html' -H "Referer: $BASE/tablet" \
  --data 'code=SPR-AK2&pin=1234' "$BASE/api/auth/tablet-sign-in"
curl -fsS -o /dev/null -b "$JAR" -H 'Accept: text/html' -H "Referer: $BASE/me/assessment" \
  --data 'occasion=start' "$BASE/api/assessment/start"
SESSION=$(awk '$6 == "st_session" { print $7 }' "$JAR")
run() {
  local name=$1 url=$2 headers=$3
  CHROME_PATH=/usr/bin/chromium "$LH_DIR/node_modules/.bin/lighthouse" "$url" --quiet \
    --only-categories=performance --output=json --output-path="$DIR/$name.json" \
    --extra-headers="$headers" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    >/dev/null 2>&1 || true
  python3 - "$DIR/$name.json" "$name" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"{sys.argv[2]:<24} lighthouse failed: {e}"); sys.exit(0)
a = r["audits"]
def ms(k): return a[k].get("numericValue", 0) / 1000
print(f"{sys.argv[2]:<24} TTI {ms('interactive'):.2f} s  FCP {ms('first-contentful-paint'):.2f} s  "
      f"LCP {ms('largest-contentful-paint'):.2f} s  TBT {a['total-blocking-time']['numericValue']:.0f} ms  "
      f"transfer {a['total-byte-weight']['numericValue']/1024:.1f} KiB  score {r['categories']['performance']['score']}")
PY
}
echo "Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4x CPU), $(chromium --version 2>/dev/null)"
run tablet-sign-in "$BASE/tablet" '{}'
run self-assessment "$BASE/me/assessment/listening" "{\"Cookie\": \"st_session=$SESSION\"}"
