#!/usr/bin/env bash
# Issue 7 item 8: bookings over HTTP on PostgreSQL, beside pgbench on the same machine (docs/benchmarks.md,
# "HTTP load"). Builds, makes sure PostgreSQL answers, seeds the database rendezvous_load, starts the host as a
# separate process (server mode, jobs off, no demo data), runs HttpLoadRun, stops the host, then runs
# benchmarks/pgbench/booking.sql on the same database, pgbench's own TPC-B (`-b tpcb-like`, 16 clients, on the
# database ${LOAD_DATABASE}_tpcb) as the machine's baseline, and BookingLoadRun (the engine without HTTP). Ends with
# the HTTP peak as a share of TPC-B (issue 15: aim at least 25 %).
#
#   benchmarks/http-load.sh [threads] [seconds] [open-loop rate/s, default half the measured peak]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER / PGPASSWORD (postgres / postgres), LOAD_DATABASE
# (rendezvous_load; emptied on every run), LOAD_PORT (18080), LOAD_WARMUP_SECONDS (30), APP_JAVA_OPTS (JVM options of the host),
# SKIP_BUILD=1 to use the jars already built, SKIP_PGBENCH=1, SKIP_TPCB=1, TPCB_SCALE (16), SKIP_INPROCESS=1 (no BookingLoadRun at the end),
# MAVEN_OFFLINE=0 to let Maven download.
set -euo pipefail
cd "$(dirname "$0")/.."

threads="${1:-16}"
seconds="${2:-20}"
rate="${3:-}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
database="${LOAD_DATABASE:-rendezvous_load}"
port="${LOAD_PORT:-18080}"
case "$database" in rendezvous_test|rendezvous_bench) echo "http-load.sh: $database belongs to other runs" >&2; exit 2;; esac

echo "== machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MB, $(java -version 2>&1 | head -n 1); load average:$(uptime | sed 's/.*load average://')"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  offline=-o
  [ "${MAVEN_OFFLINE:-1}" = 0 ] && offline=
  ./mvnw -B -q $offline -pl app-micronaut,benchmarks -am package -DskipTests
fi

if ! pg_isready -q; then
  # A Debian cluster on this machine that is not running: start it (as the CI script does).
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  pg_isready -q || { echo "http-load.sh: no PostgreSQL answers on $PGHOST:$PGPORT" >&2; exit 1; }
fi
psql -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -d postgres -qc "CREATE DATABASE $database"
echo "== PostgreSQL: $(psql -d "$database" -qtAc 'SELECT version()' | cut -d, -f1), database $database"

export RENDEZVOUS_BENCH_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database"
export RENDEZVOUS_BENCH_JDBC_USER="$PGUSER" RENDEZVOUS_BENCH_JDBC_PASSWORD="$PGPASSWORD"
bench=(java -cp benchmarks/target/benchmarks.jar org.rendezvous.benchmarks.HttpLoadRun)
"${bench[@]}" seed 64

work="$(mktemp -d)"
app_pid=
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
trap 'stop_app; rm -rf "$work"' EXIT
# RENDEZVOUS_DEMO unset: no demo data; jobs off: nothing but the load touches the bookings.
env -u RENDEZVOUS_DEMO RENDEZVOUS_DATABASE_MODE=server RENDEZVOUS_DATABASE_URL="$RENDEZVOUS_BENCH_JDBC_URL" \
  RENDEZVOUS_DATABASE_USERNAME="$PGUSER" RENDEZVOUS_DATABASE_PASSWORD="$PGPASSWORD" RENDEZVOUS_JOBS_ENABLED=false \
  RENDEZVOUS_PORT="$port" RENDEZVOUS_DATA_DIRECTORY="$work/data" RENDEZVOUS_MAILBOX="$work/mailbox" \
  java ${APP_JAVA_OPTS:-} -jar app-micronaut/target/rendezvous.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "http-load.sh: the host stopped:" >&2; tail -n 30 "$work/app.log" >&2; exit 1; }
  sleep 0.2
done
echo "== host up on port $port (pid $app_pid, JVM options: ${APP_JAVA_OPTS:-none})"

status=0
LOAD_HOST_PID="$app_pid" "${bench[@]}" load "http://127.0.0.1:$port" "$threads" "$seconds" $rate | tee "$work/load.out" \
  || status=$?
echo "== host RSS after the load: $(( $(ps -o rss= -p "$app_pid") / 1024 )) MB; load average:$(uptime | sed 's/.*load average://')"
if grep -q ' ERROR ' "$work/app.log"; then
  echo "== errors in the host's log:"; grep -m 5 ' ERROR ' "$work/app.log"
fi
stop_app

if [ "${SKIP_PGBENCH:-0}" != 1 ]; then
  psql -d "$database" -q -f benchmarks/pgbench/setup.sql
  for spread in 1 0; do
    echo "== pgbench, same SQL as one booking, 16 clients, ${seconds} s, spread=$spread ($([ $spread = 1 ] && echo uncontested || echo 'contested, one agenda'))"
    pgbench -n -c 16 -j 2 -T "$seconds" -D spread=$spread -f benchmarks/pgbench/booking.sql "$database" \
      | grep -E 'number of failed|latency average|^tps'
  done
fi
if [ "${SKIP_TPCB:-0}" != 1 ]; then
  # The machine's own yardstick: pgbench's built-in TPC-B-like transaction (5 statements, one commit), 16 clients.
  tpcb="${database}_tpcb"
  psql -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$tpcb'" | grep -q 1 \
    || psql -d postgres -qc "CREATE DATABASE $tpcb"
  pgbench -i -q -s "${TPCB_SCALE:-16}" "$tpcb" >/dev/null 2>&1
  echo "== pgbench -b tpcb-like, 16 clients, ${seconds} s, scale ${TPCB_SCALE:-16} (database $tpcb)"
  pgbench -n -b tpcb-like -c 16 -j 2 -T "$seconds" "$tpcb" | tee "$work/tpcb.out" | grep -E 'number of failed|latency average|^tps'
  peak=$(sed -n 's/^uncontested, closed loop: .* = \([0-9]*\)\/s;.*/\1/p' "$work/load.out" | head -n 1)
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/tpcb.out" | head -n 1)
  if [ -n "$peak" ] && [ -n "$tps" ]; then
    echo "== HTTP bookings at the peak / TPC-B: $peak / $tps tps = $(awk -v a="$peak" -v b="$tps" 'BEGIN { printf "%.0f", 100 * a / b }') % (aim: at least 25 %)"
  fi
fi
if [ "${SKIP_INPROCESS:-0}" != 1 ]; then
  # The same bookings through the engine in one JVM, without HTTP (empties the database first).
  echo "== in-process, through the engine without HTTP (BookingLoadRun), 16 threads, ${seconds} s"
  java -cp benchmarks/target/benchmarks.jar org.rendezvous.benchmarks.BookingLoadRun uncontested 16 "$seconds" 2>&1 \
    | grep -E '^commands|^latency'
fi
echo "== done; load average:$(uptime | sed 's/.*load average://')"
exit $status
