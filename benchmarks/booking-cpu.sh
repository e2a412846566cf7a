#!/usr/bin/env bash
# BookingLoadRun uncontested with the JVM's CPU time per command: CPU read from /proc/<pid>/stat over
# 16 s inside the 20 s measured window (after the 5 s warm-up), divided by the commands of that window at
# the run's rate. Start-up, migration and JIT warm-up are left out, which a busy machine disturbs much less
# than throughput. Used to compare two builds of benchmarks.jar back to back (docs/benchmarks.md).
#
#   benchmarks/booking-cpu.sh [path/to/benchmarks.jar]   (benchmarks/target/benchmarks.jar by default)
#
# Environment: RENDEZVOUS_BENCH_JDBC_URL etc. as for BookingLoadRun (the database is emptied).
set -euo pipefail
jar="${1:-benchmarks/target/benchmarks.jar}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
java -cp "$jar" org.rendezvous.benchmarks.BookingLoadRun uncontested 16 20 >"$out" 2>&1 &
pid=$!
until grep -q '^mode:' "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out"; exit 1; }
    sleep 0.2
done
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # utime + stime, in clock ticks
sleep 7
c1=$(cpu); t1=$(date +%s.%N)
sleep 16
c2=$(cpu); t2=$(date +%s.%N)
wait "$pid"
cat "$out"
rate=$(grep -o '= [0-9]* per second' "$out" | grep -o '[0-9]*')
awk -v c="$((c2 - c1))" -v hz="$(getconf CLK_TCK)" -v t1="$t1" -v t2="$t2" -v rate="$rate" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { dt = t2 - t1; s = c / hz; printf "JVM CPU: %.2f cores, %.2f ms per command (load average %s)\n", s / dt, 1000 * s / (rate * dt), load }'
