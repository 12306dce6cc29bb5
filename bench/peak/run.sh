#!/usr/bin/env bash
# The moonshot run (issue 9): 20,000 signatures a minute for three minutes through the public API, every
# signer from an address of its own, while a simulated population reads its mail from Postfix's smtp-sink and
# presses the confirm button for 80 % of it, and readers load the appeal page. The app runs on PostgreSQL
# with -Xmx512m, on this machine with the load generator, the sink and the database.
#
# Reports: signatures acknowledged, mails delivered and the p99 delay from signing to delivery (as the
# population saw the mail arrive in the sink's dump), confirmations, the count the appeal shows after the
# next count batch, failed requests, and that nothing acknowledged was lost (every acknowledged signature is
# stored, and its mail was delivered).
#
# Usage: bench/peak/run.sh    (RATE=333 signers a second, SECONDS_AT_PEAK=180, READERS=4, MAIL_CONNECTIONS=4;
#                              BENCH_PORT, BENCH_DB)
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../mail/sink.sh"
RATE="${RATE:-333}"
SECONDS_AT_PEAK="${SECONDS_AT_PEAK:-180}"
READERS="${READERS:-4}"
CONNECTIONS="${MAIL_CONNECTIONS:-4}"
COUNT_INTERVAL=10
RUN="run$$"

bench_jdk
bench_sink_installed
bench_postgres
bench_fresh_database
bench_jar
bench_sink_start peak.mbox
DUMP="$BENCH_SINK_DUMP"
trap bench_stop_all EXIT
BENCH_HEAP=512m bench_start_app --spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT" \
  --app.mail.connections="$CONNECTIONS" --app.mail.from="Solidarity Hub <noreply@bench.test>" \
  --appeal.count-interval="${COUNT_INTERVAL}s"
trap bench_stop_all EXIT

bench_say "warming up: 30 s at a tenth of the rate (not counted)"
"$JAVA" "$bench_root/bench/peak/Peak.java" base="http://127.0.0.1:$BENCH_PORT" rate=$((RATE / 10 + 1)) seconds=30 \
  run="warm$RUN" confirm=0.8 readers=1 drain=60 dump="$DUMP" > "$BENCH_RESULTS/peak-warmup.txt"
bench_sink_alive
grep -q ' delivered=[1-9]' "$BENCH_RESULTS/peak-warmup.txt" || bench_die "no mail reached the sink in the warm-up; see $BENCH_RESULTS/"
sleep $((COUNT_INTERVAL + 3)) # the warm-up's confirmations reach the count before the peak reads it

shown() { curl -fs "http://127.0.0.1:$BENCH_PORT/api/v1/appeals/global-week-of-action" | python3 -c 'import json, sys; print(json.load(sys.stdin)["counts"]["total"])'; }
count_before="$(shown)"

bench_say "the peak: $RATE signers a second for $SECONDS_AT_PEAK s, $READERS page readers, 80 % confirm"
"$JAVA" "$bench_root/bench/peak/Peak.java" base="http://127.0.0.1:$BENCH_PORT" rate="$RATE" seconds="$SECONDS_AT_PEAK" \
  run="$RUN" confirm=0.8 readers="$READERS" drain=300 dump="$DUMP" | tee "$BENCH_RESULTS/peak.txt"
bench_sink_alive
BENCH_LAST="$(grep '^result ' "$BENCH_RESULTS/peak.txt")"
[ -n "$BENCH_LAST" ] || bench_die "the load generator printed no result"

bench_say "after the next count batch ($COUNT_INTERVAL s)"
sleep $((COUNT_INTERVAL + 3))
shown_after="$(shown)"
read -r stored stored_confirmed flagged mails sent unsent <<<"$(bench_psql -tA -F ' ' -c "
  SELECT (SELECT COUNT(*) FROM signature WHERE email LIKE 'peak-$RUN-%'),
         (SELECT COUNT(*) FROM signature WHERE email LIKE 'peak-$RUN-%' AND status = 'CONFIRMED'),
         (SELECT COUNT(*) FROM signature WHERE email LIKE 'peak-$RUN-%' AND status = 'CONFIRMED' AND flagged),
         COUNT(*), COUNT(sent_at), COUNT(*) - COUNT(sent_at)
  FROM mail_outbox WHERE recipient LIKE 'peak-$RUN-%'")"
read -r db_p99 <<<"$(bench_psql -tA -c "SELECT ROUND(PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM sent_at - created_at) * 1000)::numeric)
  FROM mail_outbox WHERE recipient LIKE 'peak-$RUN-%' AND sent_at IS NOT NULL")"

acknowledged="$(bench_field acknowledged)"
confirmed="$(bench_field confirmed)"
shown=$((shown_after - count_before))
lost=$((acknowledged > stored ? acknowledged - stored : 0))
bench_say "result (one 2-core machine: app -Xmx512m, PostgreSQL, smtp-sink and the load generator together)"
printf 'signatures acknowledged     : %s of %s sent at %s/s (%s/s reached), %s failed\n' "$acknowledged" "$((RATE * SECONDS_AT_PEAK))" \
  "$RATE" "$(bench_field sign_rate)" "$(bench_field sign_failures)"
printf 'stored                      : %s signatures, %s confirmation mails queued (%s acknowledged lost)\n' "$stored" "$mails" "$lost"
printf 'mails delivered to the sink : %s (%s of the acknowledged undelivered; outbox: %s sent, %s unsent)\n' \
  "$(bench_field delivered)" "$(bench_field undelivered_acknowledged)" "$sent" "$unsent"
printf 'signing -> delivery         : p50 %s ms, p99 %s ms, max %s ms (commit -> SMTP acceptance p99 %s ms)\n' \
  "$(bench_field delivery_p50_ms)" "$(bench_field delivery_p99_ms)" "$(bench_field delivery_max_ms)" "$db_p99"
printf 'confirmations               : %s pressed (%s failed), %s confirmed in the database\n' "$confirmed" \
  "$(bench_field confirm_failures)" "$stored_confirmed"
printf 'count shown after the batch : +%s (confirmations %s, of which %s flagged by the appeal'"'"'s screening wait for a moderator)\n' \
  "$shown" "$confirmed" "$flagged"
printf 'appeal page readers         : %s views, %s failed, p99 %s ms\n' "$(bench_field page_views)" "$(bench_field page_failures)" \
  "$(bench_field page_p99_ms)"
verdict=ok
[ "$lost" = 0 ] && [ "$(bench_field undelivered_acknowledged)" = 0 ] || verdict="LOST MAIL OR SIGNATURES"
[ "$shown" = "$((confirmed - flagged))" ] && [ "$stored_confirmed" = "$confirmed" ] || verdict="$verdict; COUNT MISMATCH"
echo "nothing acknowledged lost   : $verdict"
