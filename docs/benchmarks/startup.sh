#!/usr/bin/env bash
# Measures Tributary's start-up: milliseconds from starting the broker to the first answered
# request (a ListStreams, with a SigV4 header, answered 200), and the broker's CPU time (user +
# system, from /proc/PID/stat) by then, which stays meaningful on a loaded machine: the whole
# process's, and its main thread's (the one serve runs on: the critical path when a core is free).
#
# Two ways of starting it, RUNS times each, taking turns so both see the same machine load:
#   launcher  broker-cli/bin/tributary serve: the product's defaults (heap flags, the start-up
#             archive target/tributary.jsa that the build writes, if present)
#   java-jar  java -jar tributary.jar serve: no archive, no flags
# Each run starts on an empty data directory (or a copy of DATA_DIR) with RocksDB's native library
# already in the cache (~/.cache/tributary, or TRIBUTARY_CACHE_DIR), as on every start but the
# first.
#
# Usage: docs/benchmarks/startup.sh                         # empty data directory
#        DATA_DIR=/path/to/data docs/benchmarks/startup.sh  # an existing one (copied per run)
# Knobs: RUNS (5), JAR, LAUNCHER (set to "none" to time java -jar alone), SERVER_JAVA_OPTS
# (added to both), WORK. Needs Linux (/proc), java 17+, curl and python3.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-5}
JAR=${JAR:-$ROOT/broker-cli/target/tributary.jar}
LAUNCHER=${LAUNCHER:-$ROOT/broker-cli/bin/tributary}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
WORK=${WORK:-$(mktemp -d -t tributary-startup.XXXXXX)}
DATA_DIR=${DATA_DIR:-}
TICKS=$(getconf CLK_TCK)
SERVER_PID=""

stop() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

answered() {  # port -> 0 once a ListStreams is answered 200
  [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$1/" \
    -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: Kinesis_20131202.ListStreams' \
    -H 'X-Amz-Date: 20260101T000000Z' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' \
    -d '{}' 2>/dev/null) == 200 ]]
}

cpu_ms() {  # /proc/PID/stat or /proc/PID/task/TID/stat -> user + system CPU time in ms
  awk -v t="$TICKS" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t)}' "$1"
}

main_thread_cpu_ms() {  # pid -> CPU ms of the JVM's main thread: the first thread the launcher
  local tid             # thread (the pid) starts, which keeps the name java
  for tid in $(ls /proc/"$1"/task | sort -n); do
    if [[ "$tid" != "$1" && $(cat "/proc/$1/task/$tid/comm") == java ]]; then
      cpu_ms "/proc/$1/task/$tid/stat"; return
    fi
  done
  echo 0
}

one_run() {  # command words... -> prints "wall_ms cpu_ms main_thread_cpu_ms" at the first answer
  local data="$WORK/data" port start wall
  rm -rf "$data"
  if [[ -n "$DATA_DIR" ]]; then cp -r "$DATA_DIR" "$data"; fi
  port=$(free_port)
  start=$(date +%s%N)
  "$@" serve --port "$port" --data-dir "$data" --shard-limit 100000 \
    >"$WORK/server.out" 2>"$WORK/server.err" &
  SERVER_PID=$!
  until answered "$port"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; see $WORK/server.err" >&2; exit 1; }
    sleep 0.005
  done
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$wall $(cpu_ms "/proc/$SERVER_PID/stat") $(main_thread_cpu_ms "$SERVER_PID")"
  stop
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

summary() {  # label "wall cpu main"...
  local label=$1; shift
  local walls=() cpus=() mains=() run wall cpu main
  for run in "$@"; do
    read -r wall cpu main <<<"$run"; walls+=("$wall"); cpus+=("$cpu"); mains+=("$main")
  done
  printf '%-10s wall ms:       %s   median %s\n' "$label" "$(printf ' %5s' "${walls[@]}")" "$(median "${walls[@]}")"
  printf '%-10s CPU ms:        %s   median %s\n' "" "$(printf ' %5s' "${cpus[@]}")" "$(median "${cpus[@]}")"
  printf '%-10s main thread ms:%s   median %s\n' "" "$(printf ' %5s' "${mains[@]}")" "$(median "${mains[@]}")"
}

# shellcheck disable=SC2206 # SERVER_JAVA_OPTS is a list of words
java_jar=(java $SERVER_JAVA_OPTS -jar "$JAR")
launch=(env TRIBUTARY_JAR="$JAR" JAVA_OPTS="$SERVER_JAVA_OPTS" "$LAUNCHER")

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)); archive: $(ls "${JAR%.jar}.jsa" 2>/dev/null || echo none)"
one_run "${java_jar[@]}" >/dev/null  # fills the native-library cache if empty; page cache warm
plain=(); launched=()
for _ in $(seq "$RUNS"); do
  if [[ "$LAUNCHER" != none ]]; then launched+=("$(one_run "${launch[@]}")"); fi
  plain+=("$(one_run "${java_jar[@]}")")
done
if [[ "$LAUNCHER" != none ]]; then summary launcher "${launched[@]}"; fi
summary java-jar "${plain[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
