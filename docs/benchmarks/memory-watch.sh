#!/usr/bin/env bash
# Starts `tributary serve` on a fresh data directory, runs `tributary bench` commands against it
# one after another, and prints the server's resident memory every INTERVAL seconds while they
# run, then its peak (VmHWM) and CPU time. Runnable by hand; not part of the test suite.
#
# Usage: docs/benchmarks/memory-watch.sh 'put --shards 1000 ...' ['get ...' ...]
#   each argument is one bench command line, without --endpoint (the script adds it)
# Knobs:
#   SERVER_JAVA_OPTS  JVM flags of the server (default: none)
#   SERVER_ENV        environment of the server, e.g. 'MALLOC_ARENA_MAX=2' (default: none)
#   SERVE_ARGS        extra serve options (default: --shard-limit 100000 and no stream delays)
#   INTERVAL (5), JAR, WORK (a new temporary directory; the data directory is $WORK/data)
#   NMT=1             also print the JVM's own native-memory summary (adds
#                     -XX:NativeMemoryTracking=summary) at the end
# Output: "rss <seconds> <MiB>" lines, one per interval, then "peak_rss_kib", "server_cpu_s".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/broker-cli/target/tributary.jar}
INTERVAL=${INTERVAL:-5}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
SERVER_ENV=${SERVER_ENV:-}
SERVE_ARGS=${SERVE_ARGS:---shard-limit 100000 --create-stream-delay-ms 0 --delete-stream-delay-ms 0}
WORK=${WORK:-$(mktemp -d -t tributary-memory.XXXXXX)}
mkdir -p "$WORK"
SERVER_PID=""
WATCH_PID=""

stop() {
  if [[ -n "$WATCH_PID" ]]; then kill "$WATCH_PID" 2>/dev/null || true; fi
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

if [[ ${NMT:-0} == 1 ]]; then SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -XX:NativeMemoryTracking=summary"; fi
PORT=$(free_port)
# shellcheck disable=SC2086
env $SERVER_ENV java $SERVER_JAVA_OPTS -jar "$JAR" serve --port "$PORT" --data-dir "$WORK/data" \
  $SERVE_ARGS >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
until grep -q "Started in" "$WORK/server.out" "$WORK/server.err" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; see $WORK/server.err" >&2; exit 1; }
  sleep 0.1
done
echo "server pid $SERVER_PID port $PORT data $WORK/data; load $(cut -d' ' -f1-3 /proc/loadavg)"

START=$(date +%s)
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    echo "rss $(( $(date +%s) - START )) $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status) / 1024 ))"
    sleep "$INTERVAL"
  done ) &
WATCH_PID=$!

for command in "$@"; do
  echo "bench $command"
  # shellcheck disable=SC2086
  java -jar "$JAR" bench $command --endpoint "http://127.0.0.1:$PORT"
done
sleep "$INTERVAL"
kill "$WATCH_PID" 2>/dev/null || true; WATCH_PID=""

echo "peak_rss_kib $(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)"
echo "rss_kib_now $(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)"
TICKS=$(getconf CLK_TCK)
echo "server_cpu_s $(awk -v t="$TICKS" '{printf "%.1f", ($14 + $15) / t}' /proc/$SERVER_PID/stat)"
echo "table_files $(find "$WORK/data" -name '*.sst' | wc -l)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ${NMT:-0} == 1 ]]; then jcmd "$SERVER_PID" VM.native_memory summary | grep -E '^(Total|-)' ; fi
