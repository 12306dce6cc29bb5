#!/usr/bin/env bash
# Mail benchmark: how fast the outbox delivers, against the machine's own SMTP ceiling (see README.md).
#
# Starts Postfix's smtp-sink on a loopback port (a test server that accepts and discards mail; no mail server
# runs), measures the ceiling with smtp-source sending to it over MAIL_CONNECTIONS kept-open connections, then
# starts the app on PostgreSQL with its SMTP pointed at the sink and:
#   1. rate: queues MAILS mails at once (one transaction, as a big group commit would) and times their
#      delivery from the first to the last SMTP acceptance (after a warm-up batch of the same size);
#   2. latency: signs RATE new signers a second through the public API for LATENCY_SECONDS and reports the
#      p50/p99 from the commit that queued each confirmation mail to its SMTP acceptance (sent_at - created_at).
# Prints the outbox rate, the ceiling, their ratio (aim: at least 0.5 and at least 1,000 mails/s) and the p99.
#
# Usage: bench/mail/run.sh     (MAILS=30000 MAIL_CONNECTIONS=4 RATE=333 LATENCY_SECONDS=20; BENCH_PORT, BENCH_DB)
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/sink.sh"
MAILS="${MAILS:-30000}"
CONNECTIONS="${MAIL_CONNECTIONS:-4}"
RATE="${RATE:-333}"
LATENCY_SECONDS="${LATENCY_SECONDS:-20}"
export BENCH_RUN="mail$$"

bench_jdk
bench_sink_installed
bench_postgres
bench_fresh_database
bench_jar
bench_sink_start
trap bench_stop_all EXIT

bench_say "the ceiling: smtp-source -> smtp-sink, $MAILS mails over $CONNECTIONS connections"
bench_sink_ceiling 5000 "$CONNECTIONS" >/dev/null
ceiling="$(bench_sink_ceiling "$MAILS" "$CONNECTIONS")"
echo "ceiling $ceiling mails/s"
bench_sink_unpipelined_start
bench_sink_ceiling 5000 "$CONNECTIONS" "$((SINK_PORT + 1))" >/dev/null
ceiling_p="$(bench_sink_ceiling "$MAILS" "$CONNECTIONS" "$((SINK_PORT + 1))")"
echo "ceiling without pipelining $ceiling_p mails/s"

BENCH_HEAP="${BENCH_HEAP:-1g}" bench_start_app --spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT" \
  --app.mail.connections="$CONNECTIONS" --app.mail.from="Solidarity Hub <noreply@bench.test>"
trap bench_stop_all EXIT

# queues N mails of the confirmation's size in one transaction and wakes the senders (NOTIFY, as the app does)
queue_mails() {
  local n="$1" tag="$2"
  bench_psql <<SQL
BEGIN;
INSERT INTO mail_outbox (recipient, subject, body, created_at, attempts, next_attempt_at, priority, domain)
SELECT 'bench-$tag-' || i || '@example.org', 'Confirm your signature: Global week of action for Ukraine',
       'Hello,' || chr(10) || chr(10) || 'please confirm your signature under "Global week of action for Ukraine" by opening this link:'
       || chr(10) || 'http://127.0.0.1:$BENCH_PORT/appeal/confirm/' || md5(i::text) || md5('c' || i) || chr(10) || chr(10)
       || 'The link is valid for 7 days. If you did not sign, ignore this mail; to withdraw your signature later, open:'
       || chr(10) || 'http://127.0.0.1:$BENCH_PORT/appeal/withdraw/' || md5('w' || i) || md5('x' || i) || chr(10) || chr(10)
       || 'Solidarity Hub' || chr(10), now(), 0, now(), 0, 'example.org'
FROM generate_series(1, $n) AS i;
NOTIFY mail_outbox;
COMMIT;
SQL
}

wait_sent() {
  local tag="$1" left
  for _ in $(seq 1 600); do
    left="$(bench_psql -tA -c "SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'bench-$tag-%' AND sent_at IS NULL")"
    [ "$left" = 0 ] && return 0
    sleep 0.5
  done
  bench_die "$left mails of $tag were not sent within 300 s; see $BENCH_RESULTS/app.log"
}

bench_say "warming up: $MAILS mails"
queue_mails "$MAILS" "warm$$"
wait_sent "warm$$"

bench_say "the outbox: $MAILS mails queued at once, $CONNECTIONS connections"
queue_mails "$MAILS" "$BENCH_RUN"
wait_sent "$BENCH_RUN"
read -r rate failed <<<"$(bench_psql -tA -F ' ' -c "SELECT ROUND((COUNT(*) / GREATEST(EXTRACT(EPOCH FROM MAX(sent_at) - MIN(sent_at)), 0.001))::numeric, 1),
  COUNT(*) FILTER (WHERE attempts <> 1) FROM mail_outbox WHERE recipient LIKE 'bench-$BENCH_RUN-%'")"
echo "outbox $rate mails/s ($failed mails needed more than one attempt)"

bench_say "latency: $RATE new signers a second through the API for $LATENCY_SECONDS s"
"$JAVA" "$bench_root/bench/peak/Peak.java" base="http://127.0.0.1:$BENCH_PORT" rate="$RATE" seconds="$LATENCY_SECONDS" \
  run="lat$$" confirm=0 readers=0 drain=60 | tee "$BENCH_RESULTS/mail-latency.txt"
sleep 2
bench_sink_alive
read -r signed p50 p99 maxms <<<"$(bench_psql -tA -F ' ' -c "
  SELECT COUNT(*), ROUND(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d)::numeric), ROUND(PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY d)::numeric), ROUND(MAX(d)::numeric)
  FROM (SELECT EXTRACT(EPOCH FROM sent_at - created_at) * 1000 AS d FROM mail_outbox WHERE recipient LIKE 'peak-lat$$-%' AND sent_at IS NOT NULL) m")"

ratio="$(awk -v a="$rate" -v c="$ceiling" 'BEGIN { printf "%.2f", a / c }')"
ratio_p="$(awk -v a="$rate" -v c="$ceiling_p" 'BEGIN { printf "%.2f", a / c }')"
bench_say "result"
printf 'outbox delivery            : %8.1f mails/s   (%s mails queued at once, %s connections)\n' "$rate" "$MAILS" "$CONNECTIONS"
printf 'smtp-source -> smtp-sink   : %8.1f mails/s   (the ceiling, same connections)\n' "$ceiling"
printf 'ratio                      : %8s          (aim: 0.5, and 1,000 mails/s)\n' "$ratio"
printf 'without PIPELINING         : %8.1f mails/s   (smtp-sink -p: each command waits for its reply, as Jakarta Mail does; ratio %s)\n' "$ceiling_p" "$ratio_p"
printf 'commit -> SMTP acceptance  : p50 %s ms, p99 %s ms, max %s ms   (%s confirmation mails at %s signers/s)\n' "$p50" "$p99" "$maxms" "$signed" "$RATE"
