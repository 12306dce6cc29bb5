#!/usr/bin/env bash
# Benchmark of the events feature, in one command (see README.md):
#   bench/events/run.sh [SECONDS_PER_ENDPOINT] [CONCURRENCY]
# Seeds 5,000 approved events across 80 countries into a fresh PostgreSQL database, starts the app on
# loopback against it, measures req/s and p99 of four endpoints and of a hello-world endpoint of the same
# app in the same run, prints ratios, and stops the app again.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/pick-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

SECONDS_PER_ENDPOINT="${1:-10}"
CONCURRENCY="${2:-16}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_DB:-solidarityhub_bench_events}"
PORT="${BENCH_PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp -t bench-events-XXXX.log)"

echo "== building the app (tests skipped)"
./mvnw -B -q -DskipTests package
JAR="$(ls target/solidarity-hub-*.jar | grep -v plain | head -1)"

echo "== fresh database $DB on $PGHOST:$PGPORT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "== starting the app on $BASE (log: $LOG)"
SPRING_PROFILES_ACTIVE=postgres \
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
APP_DEMO=false APP_DATA_DIR="$(mktemp -d)" \
"$JAVA" -Xmx1g -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --app.bench-hello-world=true \
  --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  if curl -fs "$BASE/bench/hello-world" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "the app did not start:"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done

echo "== seeding 5,000 approved events across 80 countries"
python3 bench/events/seed.py 5000 80 | psql -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null
psql -At -d "$DB" -c "SELECT COUNT(*) || ' events in ' || COUNT(DISTINCT r.country) || ' countries' FROM event e JOIN event_revision r ON r.id = e.published_revision JOIN campaign c ON c.id = e.campaign_id WHERE c.slug = 'bench-week' AND e.status = 'APPROVED'"
# one of the countries with most events, for the per-country JSON
COUNTRY="$(psql -At -d "$DB" -c "SELECT r.country FROM event e JOIN event_revision r ON r.id = e.published_revision GROUP BY r.country ORDER BY COUNT(*) DESC, r.country LIMIT 1")"
echo "   per-country JSON for $COUNTRY: $(curl -fs "$BASE/api/v1/campaigns/bench-week/events?country=$COUNTRY" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"], "events")')"

echo "== measuring ($SECONDS_PER_ENDPOINT s per endpoint, $CONCURRENCY concurrent clients)"
"$JAVA" bench/events/LoadTest.java "$BASE" "$SECONDS_PER_ENDPOINT" "$CONCURRENCY" \
  "hello-world=/bench/hello-world" \
  "json-country=/api/v1/campaigns/bench-week/events?country=$COUNTRY" \
  "geojson=/api/v1/campaigns/bench-week/events.geojson" \
  "ics=/api/v1/campaigns/bench-week/events.ics" \
  "list-page=/en/events?campaign=bench-week"
