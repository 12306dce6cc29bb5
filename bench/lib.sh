# Shared by the benchmark scripts under bench/ (sourced, bash). Everything runs on this machine only:
# PostgreSQL on 127.0.0.1:5432 and the app on 127.0.0.1:$BENCH_PORT.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_DB="${BENCH_DB:-solidarityhub_bench}"
BENCH_RESULTS="$bench_root/bench/results"
mkdir -p "$BENCH_RESULTS"

bench_say() { printf '\n== %s\n' "$*"; }
bench_die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# A JDK 21+ for the app.
bench_jdk() {
  set +eu
  # shellcheck source=../.mvn/pick-jdk.sh
  . "$bench_root/.mvn/pick-jdk.sh"
  set -eu
  if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="$(command -v java)"; fi
  [ -x "$JAVA" ] || bench_die "no JDK 21+ found"
}

# PostgreSQL running on 127.0.0.1:5432 (started if installed and stopped).
bench_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || bench_die "PostgreSQL is not running on 127.0.0.1:5432 (see README)"
}

bench_fresh_database() {
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
    -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

bench_psql() { psql -q -X -h 127.0.0.1 -U postgres -d "$BENCH_DB" -v ON_ERROR_STOP=1 "$@"; }

# The application jar, built unless it is newer than every source file.
bench_jar() {
  local jar
  jar="$(ls "$bench_root"/target/solidarity-hub-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)"
  if [ -z "$jar" ] || [ -n "$(find "$bench_root/src/main" "$bench_root/pom.xml" -newer "$jar" -print -quit)" ]; then
    bench_say "building the application jar"
    (cd "$bench_root" && ./mvnw -B -q -DskipTests package) || bench_die "the build failed"
    jar="$(ls "$bench_root"/target/solidarity-hub-*.jar | grep -v plain | head -n 1)"
  fi
  BENCH_JAR="$jar"
}

# Starts the app on PostgreSQL with the demo content; stops it when the script exits. BENCH_DB_PORT reaches the
# database through another port (bench/outage's proxy).
bench_start_app() {
  bench_say "starting the app on PostgreSQL ($BENCH_DB), port $BENCH_PORT"
  SPRING_PROFILES_ACTIVE=postgres \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${BENCH_DB_PORT:-5432}/$BENCH_DB" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  APP_DEMO=true APP_DATA_DIR="$BENCH_RESULTS/data" \
  "$JAVA" -Xmx"${BENCH_HEAP:-2g}" -jar "$BENCH_JAR" --server.port="$BENCH_PORT" --logging.level.root=WARN "$@" \
    > "$BENCH_RESULTS/app.log" 2>&1 &
  BENCH_APP_PID=$!
  trap 'kill "$BENCH_APP_PID" 2>/dev/null || true; wait "$BENCH_APP_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$BENCH_PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$BENCH_APP_PID" 2>/dev/null || bench_die "the app did not start; see $BENCH_RESULTS/app.log"
    sleep 1
  done
  bench_die "the app did not answer within 120 s; see $BENCH_RESULTS/app.log"
}

# wrk, the load generator (Debian's package; installed when missing and we are root).
bench_wrk_installed() {
  if ! command -v wrk >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || bench_die "wrk is missing: apt-get install wrk"
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } \
      || bench_die "cannot install wrk"
  fi
}

# Loads a URL with wrk: bench_load NAME SCRIPT(get|sign) SECONDS URL. Prints the result line and keeps it in
# $BENCH_LAST. Connections: $CLIENTS (default 32), over 2 wrk threads.
bench_load() {
  local name="$1" script="$2" seconds="$3" url="$4"
  case "$url" in http://127.0.0.1:*|http://localhost:*) ;; *) bench_die "benchmarks load this machine only, not $url" ;; esac
  BENCH_LAST="$(BENCH_WRK_DIR="$bench_root/bench/wrk" wrk -t2 -c"${CLIENTS:-32}" -d"${seconds}s" --timeout 10s \
    -s "$bench_root/bench/wrk/$script.lua" "$url" | grep '^result ' | sed "s/^result /result name=$name /")"
  [ -n "$BENCH_LAST" ] || bench_die "wrk printed no result for $name"
  echo "$BENCH_LAST"
}

# A field of the last result line: bench_field rps
bench_field() { printf '%s\n' "$BENCH_LAST" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
