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

# bench_launch_app PORT LOG [ARGS...]: starts the app on PostgreSQL with the demo content in the background (its
# output in LOG, its pid in BENCH_LAUNCHED_PID) and returns at once; ARGS are the app's own (--app.demo=false...).
# BENCH_DB_PORT reaches the database through another port (bench/outage's proxy).
bench_launch_app() {
  local port="$1" log="$2"
  shift 2
  SPRING_PROFILES_ACTIVE=postgres \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${BENCH_DB_PORT:-5432}/$BENCH_DB" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  APP_DEMO=true APP_DATA_DIR="$BENCH_RESULTS/data" \
  "$JAVA" -Xmx"${BENCH_HEAP:-2g}" -jar "$BENCH_JAR" --server.port="$port" --logging.level.root=WARN "$@" \
    > "$log" 2>&1 &
  BENCH_LAUNCHED_PID=$!
}

# bench_wait_app PID PORT LOG: waits until the app of PID answers its health endpoint on PORT.
bench_wait_app() {
  # a busy 2-core machine may take minutes to start it
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$1" 2>/dev/null || bench_die "the app did not start; see $3"
    sleep 1
  done
  bench_die "the app did not answer within 300 s; see $3"
}

# Starts the app on PostgreSQL with the demo content on $BENCH_PORT; stops it when the script exits.
bench_start_app() {
  bench_say "starting the app on PostgreSQL ($BENCH_DB), port $BENCH_PORT"
  bench_launch_app "$BENCH_PORT" "$BENCH_RESULTS/app.log" "$@"
  BENCH_APP_PID=$BENCH_LAUNCHED_PID
  trap bench_stop EXIT
  bench_wait_app "$BENCH_APP_PID" "$BENCH_PORT" "$BENCH_RESULTS/app.log"
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

# bench_package_installed PROGRAM PACKAGE: installs Debian's PACKAGE when /usr/bin or /usr/sbin lacks PROGRAM (and we are
# root). A system service of the package is not started (policy-rc.d says no while it installs): benchmarks run
# their own, in the foreground of a job of the script.
bench_package_installed() {
  local program="$1" package="$2" no_start="" installed=0
  if command -v "$program" >/dev/null 2>&1 || [ -x "/usr/sbin/$program" ]; then return 0; fi
  [ "$(id -u)" = 0 ] || bench_die "$program is missing: apt-get install $package"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
  fi
  apt-get install -y -q --no-install-recommends "$package" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$package" >/dev/null; } && installed=1
  [ -z "$no_start" ] || rm -f /usr/sbin/policy-rc.d
  [ "$installed" = 1 ] || bench_die "cannot install $package"
}

# nginx (Debian's package), never as a system service: bench_nginx_start runs it in the foreground of a job of this
# script, unprivileged (as nobody when we are root), with its configuration, cache, logs and temporary files in a
# directory of its own ($BENCH_NGINX_DIR).
bench_nginx_installed() { bench_package_installed nginx nginx; }

# bench_nginx_start PORT STATIC_PORT STATIC_DIR: the shipped deploy/nginx/solidarityhub.conf on 127.0.0.1:PORT in
# front of the app (only its listen address, upstream and cache directory changed), and a plain static file server
# of STATIC_DIR on 127.0.0.1:STATIC_PORT (name.gz served to gzip clients, as the app's /bench/static/ does).
bench_nginx_start() {
  local port="$1" static_port="$2" static_dir="$3" dir
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
  chmod -R a+rX "$static_dir"
  bench_unprivileged "$dir"
  "${BENCH_AS[@]}" /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
    > "$BENCH_RESULTS/nginx.log" 2>&1 &
  BENCH_NGINX_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/"$static_port") 2>/dev/null && return 0
    kill -0 "$BENCH_NGINX_PID" 2>/dev/null || bench_die "nginx did not start: $(cat "$BENCH_RESULTS/nginx.log" "$dir/error.log" 2>/dev/null | tail -n 3)"
    sleep 0.1
  done
  bench_die "nginx did not listen on 127.0.0.1:$port; see $dir/error.log"
}

# bench_unprivileged DIR: BENCH_AS, the command prefix that runs a server as nobody when we are root (then DIR, its
# own directory, becomes nobody's); empty otherwise.
bench_unprivileged() {
  BENCH_AS=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:nogroup "$1"
    BENCH_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
}

# bench_server_stop NAME: stops the server of this script whose pid is in BENCH_<NAME>_PID, if started, and removes
# its directory BENCH_<NAME>_DIR; for EXIT traps, so it never fails.
bench_server_stop() {
  local pid="BENCH_$1_PID" dir="BENCH_$1_DIR"
  if [ -n "${!pid:-}" ]; then
    kill "${!pid}" 2>/dev/null
    wait "${!pid}" 2>/dev/null
    printf -v "$pid" '%s' ""
  fi
  [ -n "${!dir:-}" ] && rm -rf "${!dir}"
  return 0
}

bench_nginx_stop() { bench_server_stop NGINX; }

# HAProxy (Debian's package), never as a system service: bench_haproxy_start runs the shipped
# deploy/haproxy/solidarityhub.cfg in the foreground of a job of this script, unprivileged, from a directory of its
# own ($BENCH_HAPROXY_DIR), with only its listen address, its nodes' ports, its runtime API socket and its log
# target changed (it logs to $BENCH_RESULTS/haproxy.log). The runtime API is reached with socat, as docs/deploy.md does.
bench_haproxy_installed() {
  bench_package_installed haproxy haproxy
  bench_package_installed socat socat
}

# bench_haproxy_start PORT NODE1_PORT NODE2_PORT NODE3_PORT
bench_haproxy_start() {
  local port="$1" dir
  shift
  dir="$(mktemp -d -t bench-haproxy-XXXX)"
  BENCH_HAPROXY_DIR="$dir"
  python3 - "$bench_root/deploy/haproxy/solidarityhub.cfg" "$dir/haproxy.cfg" "$port" "$dir/admin.sock" "$@" <<'PY'
import sys
source, target, port, socket, *nodes = sys.argv[1:]
text = open(source).read()
changes = [("bind :80", f"bind 127.0.0.1:{port}"),
           ("stats socket /run/haproxy/admin.sock", f"stats socket {socket}"),
           ("log /dev/log local0 notice", "log stdout format raw local0 notice")]
changes += [(f"server node{n} 127.0.0.1:808{n}", f"server node{n} 127.0.0.1:{node}") for n, node in enumerate(nodes, 1)]
for old, new in changes:
    if text.count(old) != 1:
        sys.exit(f"deploy/haproxy/solidarityhub.cfg: expected '{old}' once")
    text = text.replace(old, new)
open(target, "w").write(text)
PY
  /usr/sbin/haproxy -c -q -f "$dir/haproxy.cfg" || bench_die "HAProxy refuses $dir/haproxy.cfg"
  bench_unprivileged "$dir"
  "${BENCH_AS[@]}" /usr/sbin/haproxy -db -f "$dir/haproxy.cfg" > "$BENCH_RESULTS/haproxy.log" 2>&1 &
  BENCH_HAPROXY_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && [ -S "$dir/admin.sock" ] && return 0
    kill -0 "$BENCH_HAPROXY_PID" 2>/dev/null || bench_die "HAProxy did not start: $(tail -n 3 "$BENCH_RESULTS/haproxy.log")"
    sleep 0.1
  done
  bench_die "HAProxy did not listen on 127.0.0.1:$port; see $BENCH_RESULTS/haproxy.log"
}

# bench_haproxy_api COMMAND: one command of HAProxy's runtime API ("set server nodes/node2 state maint"), its answer printed.
bench_haproxy_api() { echo "$1" | socat stdio "unix-connect:$BENCH_HAPROXY_DIR/admin.sock"; }

# bench_haproxy_status SERVER: the status HAProxy gives a server of the backend nodes (UP, DOWN, MAINT, "UP 1/2"...).
bench_haproxy_status() { bench_haproxy_api "show stat" | awk -F, -v s="$1" '$1 == "nodes" && $2 == s { print $18 }'; }

bench_haproxy_stop() { bench_server_stop HAPROXY; }

# wrk, the load generator (Debian's package).
bench_wrk_installed() { bench_package_installed wrk wrk; }

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
