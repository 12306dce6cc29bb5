# Postfix's smtp-sink on a loopback port, for bench/mail and bench/peak (sourced after bench/lib.sh). It is a
# test server that accepts and discards mail (optionally appending it to a dump file); no Postfix mail
# server runs. SINK_PORT defaults to BENCH_PORT + 25.
SINK_PORT="${SINK_PORT:-$((BENCH_PORT + 25))}"
SMTP_SINK=/usr/sbin/smtp-sink
SMTP_SOURCE=/usr/sbin/smtp-source

bench_sink_installed() {
  [ -x "$SMTP_SINK" ] && [ -x "$SMTP_SOURCE" ] && return 0
  [ "$(id -u)" = 0 ] || bench_die "smtp-sink/smtp-source are missing: apt-get install postfix (they come with it; no mail server needs to run)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix >/dev/null 2>&1 || bench_die "cannot install postfix"
}

# bench_sink_start [DUMP]: starts the sink; with DUMP, each mail is appended to a dump file whose path is left in
# $BENCH_SINK_DUMP (in a directory of its own that the sink's user may write). Stop it with bench_sink_stop.
bench_sink_start() {
  local dump=() user=()
  [ "$(id -u)" = 0 ] && user=(-u nobody)
  if [ -n "${1:-}" ]; then
    BENCH_SINK_DIR="$(mktemp -d -t bench-sink-XXXX)"
    chmod 777 "$BENCH_SINK_DIR"
    BENCH_SINK_DUMP="$BENCH_SINK_DIR/$1"
    dump=(-D "$BENCH_SINK_DUMP")
  fi
  "$SMTP_SINK" "${user[@]}" "${dump[@]}" -h sink.bench.test 127.0.0.1:"$SINK_PORT" 1024 > "$BENCH_RESULTS/sink.log" 2>&1 &
  BENCH_SINK_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$SINK_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  bench_die "smtp-sink did not listen on 127.0.0.1:$SINK_PORT; see $BENCH_RESULTS/sink.log"
}

# A second sink that does not offer PIPELINING, on SINK_PORT + 1: the dialogue Jakarta Mail speaks (it waits
# for each reply), for a second ceiling. Stopped with bench_sink_stop.
bench_sink_unpipelined_start() {
  local user=()
  [ "$(id -u)" = 0 ] && user=(-u nobody)
  "$SMTP_SINK" "${user[@]}" -p -h sink.bench.test 127.0.0.1:"$((SINK_PORT + 1))" 1024 > "$BENCH_RESULTS/sink-p.log" 2>&1 &
  BENCH_SINK_P_PID=$!
  sleep 0.5
}

bench_sink_stop() {
  [ -n "${BENCH_SINK_P_PID:-}" ] && kill "$BENCH_SINK_P_PID" 2>/dev/null
  wait "${BENCH_SINK_P_PID:-}" 2>/dev/null
  [ -n "${BENCH_SINK_PID:-}" ] && kill "$BENCH_SINK_PID" 2>/dev/null
  wait "${BENCH_SINK_PID:-}" 2>/dev/null || true
  [ -n "${BENCH_SINK_DIR:-}" ] && rm -rf "$BENCH_SINK_DIR"
  return 0
}

# Stops the sink and the app (if started); for the EXIT trap, so it never fails.
bench_stop_all() {
  set +e
  bench_sink_stop
  bench_stop
}

# Dies when the sink stopped (it would refuse every mail and the figures would mean nothing).
bench_sink_alive() { kill -0 "$BENCH_SINK_PID" 2>/dev/null || bench_die "smtp-sink stopped: $(tail -n 1 "$BENCH_RESULTS/sink.log")"; }

# bench_sink_ceiling MESSAGES SESSIONS [PORT]: the machine's own SMTP ceiling, smtp-source to smtp-sink over
# kept-open connections with a mail of the confirmation's size; prints messages a second.
bench_sink_ceiling() {
  local messages="$1" sessions="$2" port="${3:-$SINK_PORT}" start end
  start="$(date +%s.%N)"
  "$SMTP_SOURCE" -d -s "$sessions" -m "$messages" -l 900 -f noreply@bench.test -t ceiling@example.org \
    -S "Confirm your signature" 127.0.0.1:"$port" >/dev/null 2>&1 || bench_die "smtp-source failed"
  end="$(date +%s.%N)"
  awk -v m="$messages" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", m / (e - s) }'
}
