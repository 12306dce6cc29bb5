#!/usr/bin/env bash
# How the app answers while PostgreSQL is unreachable, in one command:   bench/outage/run.sh [OUTAGE_SECONDS]
# The app reaches PostgreSQL through a TCP proxy (socat) that this script stops and starts again, so that the
# database is cut off without stopping it. Measures, on a fresh database with the demo content:
#   - the time to answer a page, an API read and a signature once the database is gone (aim: 503 within 2 s);
#   - the slowest of 64 requests sent 32 at a time during the outage;
#   - the time until /actuator/health says DOWN (aim: 5 s), and UP again after the database returns (aim: 5 s).
set -euo pipefail
# a database, app port and proxy port of its own (set before lib.sh, which defaults them for the other benches)
BENCH_DB="${BENCH_DB:-solidarityhub_bench_outage}"
BENCH_PORT="${BENCH_PORT:-18093}"
BENCH_DB_PORT="${BENCH_DB_PORT:-15433}"
. "$(dirname "$0")/../lib.sh"

OUTAGE_SECONDS="${1:-10}"
BASE="http://127.0.0.1:$BENCH_PORT"
PAGE="$BASE/en/appeals/global-week-of-action"
RESULT="$BENCH_RESULTS/outage.txt"
command -v socat >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get install -y -q socat >/dev/null; } \
  || bench_die "socat is missing: apt-get install socat"

now_ms() { date +%s%3N; }
status_and_time() { curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 "$@"; }

# Milliseconds from START_MS until /actuator/health answers STATUS: health_becomes STATUS START_MS
health_becomes() {
  local code
  while :; do
    read -r code _ <<<"$(status_and_time "$BASE/actuator/health")"
    if [ "$code" = "$1" ]; then echo $(( $(now_ms) - $2 )); return 0; fi
    [ $(( $(now_ms) - $2 )) -lt 60000 ] || bench_die "health did not answer $1 within 60 s"
  done
}

PROXY_PID=""
proxy_start() {
  setsid socat "TCP-LISTEN:$BENCH_DB_PORT,bind=127.0.0.1,fork,reuseaddr" TCP:127.0.0.1:5432 &
  PROXY_PID=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_DB_PORT") 2>/dev/null && return 0; sleep 0.1; done
  bench_die "the proxy did not start on port $BENCH_DB_PORT"
}
# the proxy and the children that carry its connections form one process group of their own
proxy_stop() { [ -n "$PROXY_PID" ] && { kill -- "-$PROXY_PID" 2>/dev/null || true; wait "$PROXY_PID" 2>/dev/null || true; PROXY_PID=""; }; }

bench_jdk
bench_postgres
bench_fresh_database
bench_jar
proxy_start
export BENCH_DB BENCH_DB_PORT
bench_start_app
trap 'proxy_stop; kill "$BENCH_APP_PID" 2>/dev/null || true; wait "$BENCH_APP_PID" 2>/dev/null || true' EXIT

bench_say "warming up"
for _ in $(seq 1 200); do curl -s -o /dev/null "$PAGE"; curl -s -o /dev/null "$BASE/actuator/health"; done
read -r code _ <<<"$(status_and_time "$PAGE")"; [ "$code" = 200 ] || bench_die "the appeal page answered $code before the outage"

bench_say "cutting the database off for $OUTAGE_SECONDS s"
proxy_stop
cut=$(now_ms)
read -r page_code page_time <<<"$(status_and_time -H 'Accept-Language: uk' "$PAGE")"
read -r api_code api_time <<<"$(status_and_time -H 'Accept: application/json' "$BASE/api/v1/appeals/global-week-of-action")"
read -r sign_code sign_time <<<"$(status_and_time -H 'Content-Type: application/json' -X POST \
  --data '{"kind":"INDIVIDUAL","name":"Olena K.","email":"outage-bench@example.org","country":"BE","city":"Brussels","display":"FULL_NAME","comment":"","updates":false,"language":"en"}' \
  "$BASE/api/v1/appeals/global-week-of-action/signatures")"
down_ms=$(health_becomes 503 "$cut")
burst="$(seq 1 64 | xargs -P 32 -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 "$PAGE")"
burst_503=$(grep -c '^503 ' <<<"$burst" || true)
burst_max=$(awk '{ if ($2 > m) m = $2 } END { print m }' <<<"$burst")
sleep "$(( OUTAGE_SECONDS > 3 ? OUTAGE_SECONDS - 3 : 0 ))"

bench_say "the database is back"
proxy_start
back=$(now_ms)
up_ms=$(health_becomes 200 "$back")
read -r after_code _ <<<"$(status_and_time "$PAGE")"

{
  echo "outage benchmark $(date -u +%Y-%m-%dT%H:%MZ), PostgreSQL behind a proxy stopped for ${OUTAGE_SECONDS} s"
  echo "first page after the cut:     $page_code in ${page_time} s (aim: 503 within 2 s)"
  echo "first API read after the cut: $api_code in ${api_time} s"
  echo "signature during the outage:  $sign_code in ${sign_time} s"
  echo "64 page requests, 32 at once: $burst_503 answered 503, slowest ${burst_max} s"
  echo "health DOWN after:            $(awk "BEGIN { printf \"%.1f\", $down_ms / 1000 }") s (aim: 5 s)"
  echo "health UP after the return:   $(awk "BEGIN { printf \"%.1f\", $up_ms / 1000 }") s (aim: 5 s); then the page answered $after_code"
} | tee "$RESULT"
