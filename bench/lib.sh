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
  trap bench_stop EXIT
  # a busy 2-core machine may take minutes to start it
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$BENCH_PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$BENCH_APP_PID" 2>/dev/null || bench_die "the app did not start; see $BENCH_RESULTS/app.log"
    sleep 1
  done
  bench_die "the app did not answer within 300 s; see $BENCH_RESULTS/app.log"
}

# Stops nginx and the app, if started; for the EXIT trap, so it never fails.
bench_stop() {
  set +e
  bench_nginx_stop
  if [ -n "${BENCH_APP_PID:-}" ]; then
    kill "$BENCH_APP_PID" 2>/dev/null
    wait "$BENCH_APP_PID" 2>/dev/null
  fi
  return 0
}

# bench_seed_signatures N: N confirmed signatures under the demo appeal, not yet counted (the next count batch of
# the app counts them: wait with bench_wait_count).
bench_seed_signatures() {
  local tag="r$(date +%s%N)"
  bench_psql <<SQL
INSERT INTO signature (appeal_id, revision_id, language, kind, status, name, email, email_key_hash, country, city,
    display, organization_id, review, comment, comment_status, updates, flagged, mails_sent, ip_hex, counted,
    needs_count, state_version, created_at, confirmed_at)
SELECT a.id, r.id, 'en', 'INDIVIDUAL', 'CONFIRMED', 'Reader ' || g, 'reader-$tag-' || g || '@example.org', md5('reader-$tag-' || g),
       (ARRAY['BE','UA','PL','DE','FR','GB','US','NL','SE','LT'])[1 + g % 10], NULL,
       CASE WHEN g % 3 = 0 THEN 'HIDDEN' ELSE 'FULL_NAME' END, NULL, 'NONE', NULL, 'NONE', FALSE, FALSE, 1, NULL,
       FALSE, TRUE, 1, now(), now() - (g || ' seconds')::interval
FROM generate_series(1, $1) g, appeal a
JOIN appeal_revision r ON r.appeal_id = a.id AND r.language = 'en' AND r.number = 1
WHERE a.slug = 'global-week-of-action';
ANALYZE signature;
SQL
}

# The demo appeal's total as its count endpoint shows it.
bench_count() {
  curl -fs "http://127.0.0.1:$BENCH_PORT/api/v1/appeals/global-week-of-action" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

# bench_wait_count N: waits (up to 3 minutes) until the count endpoint shows at least N signatures.
bench_wait_count() {
  local total=0
  for _ in $(seq 1 90); do
    total="$(bench_count)"
    [ "${total:-0}" -ge "$1" ] && break
    sleep 2
  done
  echo "the count endpoint reports $total signatures"
}

# nginx (Debian's package; installed when missing and we are root), never as a system service: bench_nginx_start
# runs it in the foreground of a job of this script, unprivileged (as nobody when we are root), with its
# configuration, cache, logs and temporary files in a directory of its own ($BENCH_NGINX_DIR).
bench_nginx_installed() {
  if [ ! -x /usr/sbin/nginx ]; then
    [ "$(id -u)" = 0 ] || bench_die "nginx is missing: apt-get install nginx"
    # the package's system service is not started (policy-rc.d says no while it installs): the benchmark runs its own
    local no_start="" installed=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
    fi
    apt-get install -y -q --no-install-recommends nginx >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends nginx >/dev/null; } && installed=1
    [ -z "$no_start" ] || rm -f /usr/sbin/policy-rc.d
    [ "$installed" = 1 ] || bench_die "cannot install nginx"
  fi
}

# bench_nginx_start PORT STATIC_PORT STATIC_DIR: the shipped deploy/nginx/solidarityhub.conf on 127.0.0.1:PORT in
# front of the app (only its listen address, upstream and cache directory changed), and a plain static file server
# of STATIC_DIR on 127.0.0.1:STATIC_PORT (name.gz served to gzip clients, as the app's /bench/static/ does).
bench_nginx_start() {
  local port="$1" static_port="$2" static_dir="$3" dir as=()
  dir="$(mktemp -d -t bench-nginx-XXXX)"
  BENCH_NGINX_DIR="$dir"
  mkdir -p "$dir/cache" "$dir/tmp"
  python3 - "$bench_root/deploy/nginx/solidarityhub.conf" "$dir/solidarityhub.conf" "$port" "$BENCH_PORT" "$dir/cache" <<'PY'
import sys
source, target, port, app, cache = sys.argv[1:]
text = open(source).read()
for old, new in (("listen 80;", f"listen 127.0.0.1:{port};"), ("server 127.0.0.1:8080;", f"server 127.0.0.1:{app};"),
                 ("/var/cache/nginx/solidarityhub", cache)):
    if text.count(old) != 1:
        sys.exit(f"deploy/nginx/solidarityhub.conf: expected '{old}' once")
    text = text.replace(old, new)
open(target, "w").write(text)
PY
  cat > "$dir/nginx.conf" <<NGINX
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    types { application/geo+json geojson; text/calendar ics; application/atom+xml atom; }
    access_log off;
    sendfile on;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/solidarityhub.conf;
    server {
        listen 127.0.0.1:$static_port;
        root $static_dir;
        gzip_static on;
        location / { }
    }
}
NGINX
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:nogroup "$dir"
    chmod -R a+rX "$static_dir"
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  "${as[@]}" /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
    > "$BENCH_RESULTS/nginx.log" 2>&1 &
  BENCH_NGINX_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/"$static_port") 2>/dev/null && return 0
    kill -0 "$BENCH_NGINX_PID" 2>/dev/null || bench_die "nginx did not start: $(cat "$BENCH_RESULTS/nginx.log" "$dir/error.log" 2>/dev/null | tail -n 3)"
    sleep 0.1
  done
  bench_die "nginx did not listen on 127.0.0.1:$port; see $dir/error.log"
}

bench_nginx_stop() {
  if [ -n "${BENCH_NGINX_PID:-}" ]; then
    kill "$BENCH_NGINX_PID" 2>/dev/null
    wait "$BENCH_NGINX_PID" 2>/dev/null
    BENCH_NGINX_PID=""
  fi
  [ -n "${BENCH_NGINX_DIR:-}" ] && rm -rf "$BENCH_NGINX_DIR"
  return 0
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
