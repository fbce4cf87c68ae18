#!/usr/bin/env bash
# Runs the same `tributary bench` scenarios against Tributary, kinesalite and kinesis-mock
# (the npm package kinesis-local), one server at a time on loopback, and writes a results
# section into docs/benchmarks.md: throughput, latency percentiles, failures, and each server's
# CPU time (utime+stime from /proc/<pid>/stat) and peak RSS (VmHWM from /proc/<pid>/status).
#
# Usage: docs/benchmarks/run-peers.sh            # the measured run (defaults below)
#        SMOKE=1 docs/benchmarks/run-peers.sh    # seconds-long smoke run, < 1 minute per server
# Every knob is an environment variable; see the defaults below. Needs java 17+, node and npm.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SMOKE=${SMOKE:-0}
if [[ "$SMOKE" == 1 ]]; then
  DURATION=${DURATION:-1}; WARMUP=${WARMUP:-0}; GET_RECORDS=${GET_RECORDS:-2000}
  E2E_RATE=${E2E_RATE:-200}; PRODUCERS=${PRODUCERS:-2}
fi
DURATION=${DURATION:-30}                 # measured seconds of put, put-latency and e2e
WARMUP=${WARMUP:-5}                      # warm-up seconds before each of them
PRODUCERS=${PRODUCERS:-4}                # put: concurrent producers
RECORD_BYTES=${RECORD_BYTES:-1024}       # put, get, e2e: data bytes per record
BATCH_SIZE=${BATCH_SIZE:-500}            # put, get: records per PutRecords
SHARDS=${SHARDS:-4}                      # shards per stream (put-latency uses 1)
LATENCY_RECORD_BYTES=${LATENCY_RECORD_BYTES:-100}  # put-latency: data bytes per record
GET_RECORDS=${GET_RECORDS:-100000}       # get: records pre-loaded then drained
E2E_RATE=${E2E_RATE:-1000}               # e2e: records per second
E2E_BATCH_SIZE=${E2E_BATCH_SIZE:-10}     # e2e: records per PutRecords
E2E_POLL_MS=${E2E_POLL_MS:-5}            # e2e: consumer pause after an empty GetRecords (part of the latency)
SERVERS=${SERVERS:-tributary kinesalite kinesis-mock}   # also: kinesalite-leveldb
SCENARIOS=${SCENARIOS:-put put-latency get e2e}
ENCODINGS=${ENCODINGS:-json cbor}
KINESALITE_VERSION=${KINESALITE_VERSION:-3.3.3}
KINESIS_LOCAL_VERSION=${KINESIS_LOCAL_VERSION:-0.6.2}
PEERS_DIR=${PEERS_DIR:-$HOME/.cache/tributary-bench-peers}
JAR=${JAR:-$ROOT/broker-cli/target/tributary.jar}            # runs the bench client
SERVER_JAR=${SERVER_JAR:-$JAR}                                # runs `tributary serve`
TRIBUTARY_ARGS=${TRIBUTARY_ARGS:---create-stream-delay-ms 0 --delete-stream-delay-ms 0 --shard-limit 10000}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
START_TIMEOUT=${START_TIMEOUT:-60}       # seconds a server gets to accept connections
WORK=${WORK:-$(mktemp -d -t tributary-bench.XXXXXX)}
mkdir -p "$WORK"
if [[ "$SMOKE" == 1 ]]; then OUT=${OUT:-$WORK/benchmarks-smoke.md}; else OUT=${OUT:-$ROOT/docs/benchmarks.md}; fi

SERVER_PID=""
log() { printf '[run-peers] %s\n' "$*" >&2; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'log "interrupted"; exit 130' INT TERM

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

cpu_ticks() {  # utime+stime of a live process, in clock ticks
  sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

peak_rss_kb() {
  awk '/^VmHWM:/ {print $2}' "/proc/$1/status"
}

wait_for_port() {  # pid port
  local deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    kill -0 "$1" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    sleep 0.02
  done
  return 1
}

now_ms() { date +%s%3N; }

install_peers() {
  local have_kl have_km
  have_kl=$(node -p "require('$PEERS_DIR/node_modules/kinesalite/package.json').version" 2>/dev/null || true)
  have_km=$(node -p "require('$PEERS_DIR/node_modules/kinesis-local/package.json').version" 2>/dev/null || true)
  if [[ "$have_kl" != "$KINESALITE_VERSION" || "$have_km" != "$KINESIS_LOCAL_VERSION" ]]; then
    log "installing kinesalite@$KINESALITE_VERSION and kinesis-local@$KINESIS_LOCAL_VERSION into $PEERS_DIR"
    mkdir -p "$PEERS_DIR"
    timeout 600 npm install --prefix "$PEERS_DIR" --no-audit --no-fund --loglevel=error \
      "kinesalite@$KINESALITE_VERSION" "kinesis-local@$KINESIS_LOCAL_VERSION" >&2
  fi
}

# Starts server $1 on port $2 in the background; sets SERVER_PID, SERVER_CMD and SERVER_VERSION.
start_server() {
  local name=$1 port=$2 logfile="$WORK/$1.log"
  case "$name" in
    tributary)
      rm -rf "$WORK/tributary-data"
      # Through the launcher, so the broker runs with the product's default JVM flags (heap,
      # collector, malloc arenas, start-up archive); SERVER_JAVA_OPTS comes after them.
      SERVER_CMD="${SERVER_JAVA_OPTS:+JAVA_OPTS=\"$SERVER_JAVA_OPTS\" }broker-cli/bin/tributary serve --port $port --data-dir \$WORK/tributary-data $TRIBUTARY_ARGS"
      SERVER_VERSION="tributary $(server_jar_version)"
      # shellcheck disable=SC2086
      (cd "$ROOT" && TRIBUTARY_JAR="$SERVER_JAR" JAVA_OPTS="$SERVER_JAVA_OPTS" exec broker-cli/bin/tributary serve \
        --port "$port" --data-dir "$WORK/tributary-data" $TRIBUTARY_ARGS) >"$logfile" 2>&1 &
      ;;
    kinesalite|kinesalite-leveldb)
      local path_args=() mode="in memory"
      if [[ "$name" == kinesalite-leveldb ]]; then
        rm -rf "$WORK/kinesalite-db"; path_args=(--path "$WORK/kinesalite-db"); mode="LevelDB at \$WORK/kinesalite-db"
      fi
      SERVER_CMD="node node_modules/kinesalite/cli.js --port $port --createStreamMs 0 --deleteStreamMs 0 --updateStreamMs 0 --shardLimit 10000 ${path_args[*]:+--path \$WORK/kinesalite-db}"
      SERVER_VERSION="kinesalite $KINESALITE_VERSION ($mode)"
      node "$PEERS_DIR/node_modules/kinesalite/cli.js" --port "$port" --createStreamMs 0 --deleteStreamMs 0 \
        --updateStreamMs 0 --shardLimit 10000 "${path_args[@]}" >"$logfile" 2>&1 &
      ;;
    kinesis-mock)
      local tls_port; tls_port=$(free_port)
      SERVER_CMD="KINESIS_MOCK_PLAIN_PORT=$port KINESIS_MOCK_TLS_PORT=$tls_port CREATE_STREAM_DURATION=0ms DELETE_STREAM_DURATION=0ms SHARD_LIMIT=10000 LOG_LEVEL=WARN node node_modules/kinesis-local/main.js"
      SERVER_VERSION="kinesis-local $KINESIS_LOCAL_VERSION (kinesis-mock, in memory)"
      (cd "$PEERS_DIR/node_modules/kinesis-local" && exec env KINESIS_MOCK_PLAIN_PORT="$port" \
        KINESIS_MOCK_TLS_PORT="$tls_port" CREATE_STREAM_DURATION=0ms DELETE_STREAM_DURATION=0ms \
        SHARD_LIMIT=10000 LOG_LEVEL=WARN node main.js) >"$logfile" 2>&1 &
      ;;
    *) log "unknown server $name"; return 1 ;;
  esac
  SERVER_PID=$!
}

scenario_args() {  # scenario -> bench options
  case "$1" in
    put) echo "--producers $PRODUCERS --record-bytes $RECORD_BYTES --batch-size $BATCH_SIZE --shards $SHARDS --duration-seconds $DURATION --warmup-seconds $WARMUP" ;;
    put-latency) echo "--record-bytes $LATENCY_RECORD_BYTES --shards 1 --duration-seconds $DURATION --warmup-seconds $WARMUP" ;;
    get) echo "--records $GET_RECORDS --record-bytes $RECORD_BYTES --batch-size $BATCH_SIZE --loaders $PRODUCERS --shards $SHARDS --limit 10000" ;;
    e2e) echo "--rate $E2E_RATE --batch-size $E2E_BATCH_SIZE --poll-interval-ms $E2E_POLL_MS --record-bytes $RECORD_BYTES --shards $SHARDS --duration-seconds $DURATION --warmup-seconds $WARMUP" ;;
    *) log "unknown scenario $1"; return 1 ;;
  esac
}

server_jar_version() {  # the version the server jar was built as, and the jar's date
  local v; v=$(unzip -p "$SERVER_JAR" tributary-version.properties 2>/dev/null | sed -n 's/^version=//p' || true)
  echo "${v:-unknown} (jar of $(date -u -r "$SERVER_JAR" +%Y-%m-%dT%H:%MZ 2>/dev/null || echo '?'))"
}

machine_info() {
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "ram=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "node=$(node --version)"
  echo "tributary=$(server_jar_version), bench client at $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "smoke=$SMOKE"
}

main() {
  for tool in java node npm awk timeout; do
    command -v "$tool" >/dev/null || { log "$tool is required"; exit 2; }
  done
  if [[ " $SERVERS " == *" tributary "* && ! -f "$JAR" ]]; then
    log "building $JAR"
    (cd "$ROOT" && ./mvnw -q -pl broker-cli -am package -DskipTests) >&2
  fi
  [[ -f "$JAR" ]] || { log "no $JAR: build broker-cli first"; exit 2; }
  [[ " $SERVERS " != *" tributary "* || -f "$SERVER_JAR" ]] || { log "no $SERVER_JAR"; exit 2; }
  if [[ " $SERVERS " == *" kinesalite"* || " $SERVERS " == *" kinesis-mock "* ]]; then install_peers; fi

  local clk_tck; clk_tck=$(getconf CLK_TCK)
  local runs="$WORK/runs.tsv" servers="$WORK/servers.tsv"
  : >"$runs"; : >"$servers"
  machine_info >"$WORK/machine.txt"
  log "work directory $WORK"

  local server scenario encoding
  for server in $SERVERS; do
    local port; port=$(free_port)
    log "starting $server on 127.0.0.1:$port"
    local started_ms; started_ms=$(now_ms)
    if ! start_server "$server" "$port" || ! wait_for_port "$SERVER_PID" "$port"; then
      log "$server did not start; see $WORK/$server.log"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "${SERVER_VERSION:-?}" "" "" "${SERVER_CMD:-?}" "did not start" "" >>"$servers"
      stop_server
      continue
    fi
    local listening_ms=$(( $(now_ms) - started_ms ))
    local start_ticks; start_ticks=$(cpu_ticks "$SERVER_PID")
    for scenario in $SCENARIOS; do
      for encoding in $ENCODINGS; do
        local json="$WORK/$server-$scenario-$encoding.json" args before after rc=0
        args="$(scenario_args "$scenario") --encoding $encoding --endpoint http://127.0.0.1:$port"
        local limit=$((DURATION + WARMUP + 180))
        [[ "$scenario" == get ]] && limit=$((GET_RECORDS / 100 + 300))
        log "$server: bench $scenario $args"
        before=$(cpu_ticks "$SERVER_PID" 2>/dev/null || echo 0)
        # shellcheck disable=SC2086
        timeout --kill-after=10 "$limit" java $BENCH_JAVA_OPTS -cp "$JAR" io.tributary.cli.bench.BenchMain \
          "$scenario" $args --json-out "$json" >"$WORK/$server-$scenario-$encoding.out" \
          2>"$WORK/$server-$scenario-$encoding.err" || rc=$?
        after=$(cpu_ticks "$SERVER_PID" 2>/dev/null || echo "$before")
        tail -n 12 "$WORK/$server-$scenario-$encoding.out" >&2 || true
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$scenario" "$encoding" "$rc" "$((after - before))" "$json" \
          "bench $scenario $args" >>"$runs"
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then log "$server died; see $WORK/$server.log"; break 2; fi
      done
    done
    local rss="" total=""
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      rss=$(peak_rss_kb "$SERVER_PID"); total=$(( $(cpu_ticks "$SERVER_PID") - start_ticks ))
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$SERVER_VERSION" "$rss" "$total" "$SERVER_CMD" "ran" \
      "$listening_ms" >>"$servers"
    stop_server
  done

  node "$ROOT/docs/benchmarks/render-results.mjs" --runs "$runs" --servers "$servers" \
    --machine "$WORK/machine.txt" --clk-tck "$clk_tck" --out "$OUT"
  log "results written to $OUT"
}

main "$@"
