#!/usr/bin/env bash
# Measures Tributary's start-up: milliseconds from starting `java -jar tributary.jar serve` to the
# first answered request (a ListStreams, with a SigV4 header, answered 200), RUNS times, with
# and without an application class-data-sharing archive (AppCDS) made by one training run.
#
# Usage: docs/benchmarks/startup.sh                       # empty data directory
#        DATA_DIR=/path/to/data docs/benchmarks/startup.sh  # an existing one (copied per run)
# Knobs: RUNS (5), JAR, SERVER_JAVA_OPTS, WORK. Needs java 17+ and curl.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-5}
JAR=${JAR:-$ROOT/broker-cli/target/tributary.jar}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
WORK=${WORK:-$(mktemp -d -t tributary-startup.XXXXXX)}
DATA_DIR=${DATA_DIR:-}
ARCHIVE="$WORK/tributary.jsa"
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

one_run() {  # extra java options -> prints ms to the first answer
  local data="$WORK/data" port start
  rm -rf "$data"
  if [[ -n "$DATA_DIR" ]]; then cp -r "$DATA_DIR" "$data"; fi
  port=$(free_port)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS "$@" -jar "$JAR" serve --port "$port" --data-dir "$data" --shard-limit 100000 \
    >"$WORK/server.out" 2>"$WORK/server.err" &
  SERVER_PID=$!
  until answered "$port"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; see $WORK/server.err" >&2; exit 1; }
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  stop
}

summary() {  # label ms...
  local label=$1; shift
  printf '%-28s' "$label"; printf ' %5s' "$@"
  printf '   median %s ms\n' "$(printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
plain=(); for _ in $(seq "$RUNS"); do plain+=("$(one_run)"); done
summary "no archive (ms):" "${plain[@]}"
one_run -XX:ArchiveClassesAtExit="$ARCHIVE" >/dev/null   # the training run writes the archive at exit
cds=(); for _ in $(seq "$RUNS"); do cds+=("$(one_run -XX:SharedArchiveFile="$ARCHIVE")"); done
summary "AppCDS archive (ms):" "${cds[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); archive $(du -h "$ARCHIVE" | cut -f1) at $ARCHIVE"
