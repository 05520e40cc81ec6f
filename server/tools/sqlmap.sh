#!/usr/bin/env bash
# Runs sqlmap against a server of this checkout on embedded PGlite, on loopback only:
# sign-in (401s ignored), an authenticated list with filters, and market-data bars with
# valid parameters. Needs sqlmap (Debian: apt-get install sqlmap). Prints sqlmap's verdict
# per target and exits non-zero if any parameter is found injectable.
#
#   npm run security:sqlmap            (from the repository root)
#   SQLMAP_LEVEL=3 SQLMAP_RISK=2 server/tools/sqlmap.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 2; }

PORT=${SQLMAP_PORT:-18480}
LEVEL=${SQLMAP_LEVEL:-2}
RISK=${SQLMAP_RISK:-1}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway demo deployment: its own data folder, limits high enough for sqlmap's volume.
HOST=127.0.0.1 PORT=$PORT DATA_DIR="$WORK/data" NODE_ENV=development LOG_LEVEL=warn \
  MARKET_FEED=off TRADING_DEMO_BOTS=off \
  RATE_LIMIT_PER_MINUTE=1000000 LOGIN_RATE_LIMIT_PER_MINUTE=1000000 LOCKOUT_THRESHOLD=1000000 \
  npx tsx src/main.ts serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$BASE/healthz" >/dev/null

login() {
  curl -fsS "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    --data "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
TRADER=$(login trader energyopti-demo)
ANALYST=$(login analyst energyopti-demo)

# A few ticks, so bars answer with rows and sqlmap compares real pages.
curl -fsS "$BASE/api/v1/market-data/ticks" -H "authorization: Bearer $ANALYST" -H 'content-type: application/json' \
  --data '{"ticks":[{"instrumentId":"PWR-NL-DA-H","time":"2026-06-10T10:15:00Z","price":81.5,"volume":5},{"instrumentId":"PWR-NL-DA-H","time":"2026-06-10T11:15:00Z","price":79.25,"volume":3}]}' >/dev/null

status=0
run() {
  local name=$1
  shift
  echo "== sqlmap: $name"
  sqlmap --batch --level="$LEVEL" --risk="$RISK" --threads=1 --time-sec=2 --disable-coloring \
    --output-dir="$WORK/sqlmap" "$@" >"$WORK/$name.log" 2>&1 || true
  if grep -qiE "is vulnerable|sqlmap identified the following injection point" "$WORK/$name.log"; then
    grep -iE "Parameter:|Type:|Title:" "$WORK/$name.log" || true
    status=1
  fi
  grep -iE "do not appear to be injectable|does not seem to be injectable|not injectable" "$WORK/$name.log" | sort -u || true
  grep -E "^\[[0-9:]+\] \[(CRITICAL|ERROR)\]" "$WORK/$name.log" | sort -u | head -3 || true
}

run login -u "$BASE/api/v1/auth/login" --method=POST -H 'Content-Type: application/json' \
  --data='{"username":"trader","password":"wrong-password"}' --ignore-code=401

run orders -u "$BASE/api/v1/orders?status=accepted&instrumentId=PWR-DE-LU-FUT-M-BASE&limit=10&offset=0" \
  -H "Authorization: Bearer $TRADER"

run bars -u "$BASE/api/v1/market-data/bars?instrument=PWR-NL-DA-H&from=2026-06-10T00:00:00Z&to=2026-06-11T00:00:00Z&interval=1h&format=json" \
  -H "Authorization: Bearer $TRADER"

if [ "$status" -eq 0 ]; then echo "sqlmap found no injectable parameter"; else echo "sqlmap found an injection point" >&2; fi
exit "$status"
