#!/usr/bin/env bash
# Issue 7 item 8: time from JVM launch to the first HTTP 200 on /health (curl every 10 ms, median of RUNS
# starts), then the resident memory and heap used after 30 s idle, for several JVM set-ups (docs/benchmarks.md,
# "Startup and idle memory"). Uses the jar already built (./run or http-load.sh build it).
#
#   benchmarks/startup.sh [variant ...]      # default: every variant below
#
# Variants: run, run-embedded and run-jdk25 (./run itself, as a user starts it after its build, with the archive it
# keeps per jar and JDK: AppCDS on JDK 17, the AOT cache on JDK 25; server and embedded database), jdk17, jdk17-cds (AppCDS archive from a training start), jdk17-c1 (-XX:TieredStopAtLevel=1),
# jdk17-small (SerialGC, -Xss512k, MaxRAMPercentage=25, C1 only), jdk17-small-cds, jdk25, jdk25-aot (AOT cache
# from a training start), jdk25-small-aot, embedded and embedded-cds (embedded PostgreSQL, restart on kept data).
# Server mode uses the database LOAD_DATABASE (rendezvous_load) on PGHOST/PGPORT, user/password PGUSER/PGPASSWORD.
# Environment: RUNS (5), IDLE_SECONDS (30), JDK25 (the newest Temurin under /usr/lib/jvm), LOAD_PORT (18080).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-5}"
idle="${IDLE_SECONDS:-30}"
port="${LOAD_PORT:-18080}"
jar=app-micronaut/target/rendezvous.jar
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
database="${LOAD_DATABASE:-rendezvous_load}"
jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
jdk25="${JDK25:-$(ls -d /usr/lib/jvm/temurin-2[4-9]* 2>/dev/null | sort -V | tail -n 1)}"
small="-XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -XX:TieredStopAtLevel=1"
[ -f "$jar" ] || { echo "startup.sh: build first (./run or benchmarks/http-load.sh)" >&2; exit 1; }
psql -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -d postgres -qc "CREATE DATABASE $database"

work="$(mktemp -d)"
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}
trap 'stop; rm -rf "$work"' EXIT

# launch <mode> <jdk home> <options...>: starts the host in the background, pid in $pid. With launcher=run,
# through ./run itself (no build: RENDEZVOUS_SKIP_BUILD=true; its AppCDS archive; the options as JAVA_OPTS),
# whose exec leaves the JVM with the pid of the shell started here.
launcher=jar
launch() {
  local mode="$1" home="$2"
  shift 2
  if [ "$launcher" = run ]; then
    env -u RENDEZVOUS_DEMO RENDEZVOUS_DATABASE_MODE="$mode" RENDEZVOUS_JOBS_ENABLED=false RENDEZVOUS_PORT="$port" \
      RENDEZVOUS_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" RENDEZVOUS_DATABASE_USERNAME="$PGUSER" \
      RENDEZVOUS_DATABASE_PASSWORD="$PGPASSWORD" RENDEZVOUS_DATA_DIRECTORY="$work/data" RENDEZVOUS_MAILBOX="$work/mailbox" \
      RENDEZVOUS_SKIP_BUILD=true JAVA_OPTS="$*" JAVA_HOME="$home" PATH="$home/bin:$PATH" ./run >>"$work/app.log" 2>&1 &
    pid=$!
    return
  fi
  env -u RENDEZVOUS_DEMO RENDEZVOUS_DATABASE_MODE="$mode" RENDEZVOUS_JOBS_ENABLED=false RENDEZVOUS_PORT="$port" \
    RENDEZVOUS_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" RENDEZVOUS_DATABASE_USERNAME="$PGUSER" \
    RENDEZVOUS_DATABASE_PASSWORD="$PGPASSWORD" RENDEZVOUS_DATA_DIRECTORY="$work/data" RENDEZVOUS_MAILBOX="$work/mailbox" \
    "$home/bin/java" "$@" -jar "$jar" >>"$work/app.log" 2>&1 &
  pid=$!
}

# Milliseconds from now until /health answers 200 (the host started just before).
until_healthy() {
  local began="$1"
  while [ "$(curl -s -o /dev/null --max-time 1 -w '%{http_code}' "http://127.0.0.1:$port/health")" != 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "startup.sh: the host stopped" >&2; tail -n 30 "$work/app.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
}

# A training start: the host up, a few requests, a clean stop (the archive is written at exit).
train() {
  local mode="$1" home="$2"
  shift 2
  launch "$mode" "$home" "$@"
  until_healthy "$(date +%s%N)" >/dev/null
  for path in /health /api/public/practitioners/00000000-0000-0000-0000-000000000000/activities /prometheus; do
    curl -s -o /dev/null "http://127.0.0.1:$port$path"
  done
  stop
}

# measure <label> <mode> <jdk home> <options...>: RUNS starts, then idle memory after the last one.
measure() {
  local label="$1" mode="$2" home="$3"
  shift 3
  local times=() began
  for _ in $(seq 1 "$runs"); do
    began=$(date +%s%N)
    launch "$mode" "$home" "$@"
    times+=("$(until_healthy "$began")")
    if [ "${#times[@]}" -lt "$runs" ]; then stop; fi
  done
  sleep "$idle"
  local rss heap live median
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  heap=$(heap_used)
  "$home/bin/jcmd" "$pid" GC.run >/dev/null
  live=$(heap_used)
  stop
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  local options="${*:-(none)}"
  echo "| $label | $mode | ${options//$work\//} | $(IFS=' '; echo "${times[*]}") | **$median** | $rss | $heap | $live |"
}

# Heap used now, in MB, from the host's metrics (any collector).
heap_used() {
  curl -s "http://127.0.0.1:$port/prometheus" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'
}

variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(run run-embedded run-jdk25 jdk17 jdk17-cds jdk17-c1 jdk17-small jdk17-small-cds jdk25 jdk25-aot jdk25-small-aot embedded embedded-cds)
echo "== $(nproc) cores; JDK 17: $jdk17; newer JDK: ${jdk25:-none}; load average:$(uptime | sed 's/.*load average://')"
echo "| set-up | database | JVM options | starts to first 200 (ms) | median ms | RSS after ${idle} s idle (MB) | heap used (MB) | heap after a full GC (MB) |"
echo "|---|---|---|---|---|---|---|---|"
for variant in "${variants[@]}"; do
  case "$variant" in
    jdk17) measure "$variant" server "$jdk17" ;;
    jdk17-c1) measure "$variant" server "$jdk17" -XX:TieredStopAtLevel=1 ;;
    jdk17-small) measure "$variant" server "$jdk17" $small ;;
    jdk17-cds)
      train server "$jdk17" -XX:ArchiveClassesAtExit="$work/app17.jsa"
      measure "$variant" server "$jdk17" -XX:SharedArchiveFile="$work/app17.jsa" ;;
    jdk17-small-cds)
      train server "$jdk17" $small -XX:ArchiveClassesAtExit="$work/app17s.jsa"
      measure "$variant" server "$jdk17" $small -XX:SharedArchiveFile="$work/app17s.jsa" ;;
    jdk25|jdk25-aot|jdk25-small-aot)
      [ -n "$jdk25" ] || { echo "| $variant | no JDK 24+ under /usr/lib/jvm | | | | | | |"; continue; }
      case "$variant" in
        jdk25) measure "$variant" server "$jdk25" ;;
        jdk25-aot)
          train server "$jdk25" -XX:AOTCacheOutput="$work/app25.aot"
          measure "$variant" server "$jdk25" -XX:AOTCache="$work/app25.aot" ;;
        jdk25-small-aot)
          train server "$jdk25" $small -XX:AOTCacheOutput="$work/app25s.aot"
          measure "$variant" server "$jdk25" $small -XX:AOTCache="$work/app25s.aot" ;;
      esac ;;
    run|run-embedded|run-jdk25)
      # ./run as a user runs it (after its build): the first start of a jar writes the archive at its stop
      # (AppCDS on JDK 17, the AOT cache on JDK 25 or newer).
      launcher=run
      rm -f app-micronaut/target/cds/rendezvous-*.jsa app-micronaut/target/cds/rendezvous-*.aot
      if [ "$variant" = run-jdk25 ]; then
        [ -n "$jdk25" ] || { echo "| $variant | no JDK 24+ under /usr/lib/jvm | | | | | | |"; launcher=jar; continue; }
        train server "$jdk25"
        measure "$variant" server "$jdk25"
      elif [ "$variant" = run ]; then
        train server "$jdk17"
        measure "$variant" server "$jdk17"
      else
        train embedded "$jdk17"
        measure "$variant" embedded "$jdk17"
      fi
      launcher=jar ;;
    embedded)
      train embedded "$jdk17"  # first start: the embedded PostgreSQL creates its data directory
      measure "$variant" embedded "$jdk17" ;;
    embedded-cds)
      train embedded "$jdk17" -XX:ArchiveClassesAtExit="$work/appe.jsa"
      measure "$variant" embedded "$jdk17" -XX:SharedArchiveFile="$work/appe.jsa" ;;
    *) echo "startup.sh: unknown variant $variant" >&2; exit 2 ;;
  esac
done
echo "== load average:$(uptime | sed 's/.*load average://')"
