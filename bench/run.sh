#!/usr/bin/env bash
# Reproduces docs/PERFORMANCE.md: streams from `sheepdog simulate` (50 tokens an answer, paced at
# 10 ms a token, and in a burst) straight, through nginx as a pure streaming proxy, and through
# Sheepdog, at concurrency 1, 16, 64 and 256, RUNS times with every target in each run; then the
# memory of idle open streams (2,000 and 10,000), how long 2,000 streams opened at once take until all
# stream (after one such burst to warm up), and the time from JVM start to ready.
# Prints where the results went; bench/tools/summarize.py turns them into the report's tables.
#
# Knobs: RUNS (3), CONCURRENCY ("1 16 64 256"), MODES ("paced burst"), IDLE ("2000 10000"), WARMUP (2000),
# UPSTREAM_MAX (idle streams held through a real upstream: half the open-file limit, less 100),
# OUT (bench/results/<time>), PORT_BASE (19500). Needs a JDK 21+ (found like ./sheepdog does),
# curl and python3; installs Debian's nginx when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
use_jdk_21_or_newer
. bench/lib.sh

RUNS=${RUNS:-3}
CONCURRENCY=${CONCURRENCY:-"1 16 64 256"}
MODES=${MODES:-"paced burst"}
IDLE=${IDLE:-"2000 10000"}
WARMUP=${WARMUP:-2000}
OUT=${OUT:-bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
PORT_BASE=${PORT_BASE:-19500}
SIM=$((PORT_BASE + 1)) NGINX=$((PORT_BASE + 2)) GATEWAY=$((PORT_BASE + 3))
KEY=sk-bench-not-a-real-key

install_missing nginx curl python3
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
UPSTREAM_MAX=${UPSTREAM_MAX:-$(( $(ulimit -n) / 2 - 100 ))}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
./sheepdog --version >/dev/null # builds the jar and its AOT cache when needed, before anything is timed

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_nginx() {
  mkdir -p "$OUT/nginx/tmp"
  sed -e "s|@DIR@|$OUT/nginx|g" -e "s|@UPSTREAM@|127.0.0.1:$SIM|" -e "s|@PORT@|$NGINX|" \
    bench/tools/nginx.conf >"$OUT/nginx/nginx.conf"
  "$NGINX_BIN" -c "$OUT/nginx/nginx.conf"
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX/v1/models" && return; sleep 0.1; done
  echo "nginx did not come up; see $OUT/nginx/error.log" >&2
  exit 1
}

live_heap_kb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1
}

requests_for() { # mode concurrency -> measured requests
  if [ "$1" = paced ]; then echo $(($2 * 8 > 40 ? $2 * 8 : 40)); else echo $(($2 * 20 > 500 ? $2 * 20 : 500)); fi
}

# One measured load: the bench client against one target, with the CPU its proxy spent meanwhile.
measure() {
  local mode=$1 run=$2 c=$3 target=$4 url=$5; shift 5
  local n warmup json before after
  n=$(requests_for "$mode" "$c")
  warmup=$((c > 10 ? c : 10))
  json="$OUT/load/$mode-c$c-run$run-$target.json"
  before=$(cpu_ticks "$@")
  ./sheepdog bench --url "$url" --api-key "$KEY" --concurrency "$c" --requests "$n" --warmup "$warmup" \
    --no-progress --json "$json" >/dev/null 2>>"$OUT/logs/bench.log"
  after=$(cpu_ticks "$@")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$run" "$c" "$target" "$((after - before))" "$((n + warmup))" \
    "$(rss_kb "$@")" >>"$OUT/load/cpu.tsv"
  echo "  $mode run $run c=$c $target: $(python3 bench/tools/summarize.py --line "$json")"
}

load_phase() {
  local mode=$1 simulate_args gateway
  if [ "$mode" = paced ]; then simulate_args="--first-token 10ms --token-delay 10ms"; else simulate_args="--first-token 0ms --token-delay 0ms"; fi
  echo "Load, $mode: simulate $simulate_args --tokens 50"
  # shellcheck disable=SC2086
  start "http://127.0.0.1:$SIM/v1/models" "$OUT/logs/simulate-$mode.log" \
    ./sheepdog simulate --port "$SIM" --tokens 50 $simulate_args
  local simulate=$STARTED
  start_nginx
  rm -rf "$OUT/data-$mode"
  start "http://127.0.0.1:$GATEWAY/healthz" "$OUT/logs/gateway-$mode.log" \
    env HOLYSHEEP_API_KEY="$KEY" HOLYSHEEP_BASE_URL="http://127.0.0.1:$SIM/v1" \
    ./sheepdog serve --host 127.0.0.1 --port "$GATEWAY" --data-dir "$OUT/data-$mode"
  gateway=$STARTED
  # Every target gets the same warm-up first, so that the runs measure compiled code, not the JIT.
  local target_url
  for target_url in "http://127.0.0.1:$SIM/v1" "http://127.0.0.1:$NGINX/v1" "http://127.0.0.1:$GATEWAY/v1"; do
    ./sheepdog bench --url "$target_url" --api-key "$KEY" --concurrency 64 --requests "$WARMUP" --warmup 0 \
      --no-progress >/dev/null 2>>"$OUT/logs/bench.log"
  done
  local run c
  for run in $(seq "$RUNS"); do
    for c in $CONCURRENCY; do
      measure "$mode" "$run" "$c" direct "http://127.0.0.1:$SIM/v1" "$simulate"
      measure "$mode" "$run" "$c" nginx "http://127.0.0.1:$NGINX/v1" $(nginx_pids)
      measure "$mode" "$run" "$c" sheepdog "http://127.0.0.1:$GATEWAY/v1" "$gateway"
    done
  done
  stop "$gateway"
  stop_nginx
  stop "$simulate"
}

# Opens COUNT streams through URL with bench/tools/HoldStreams.java and records what they cost.
hold_open() {
  local label=$1 url=$2 counts=$3 heap_pid=$4; shift 4
  local fifo="$OUT/idle/$label.in" out="$OUT/idle/$label.out" count base_rss base_heap=0 lines=0
  [ -n "$heap_pid" ] && base_heap=$(live_heap_kb "$heap_pid")
  base_rss=$(rss_kb "$@")
  mkfifo "$fifo"
  java bench/tools/HoldStreams.java "$url" "${counts%% *}" <"$fifo" >"$out" 2>&1 &
  local holder=$!
  exec 3>"$fifo"
  for count in $counts; do
    [ "$lines" -gt 0 ] && echo "$count" >&3
    lines=$((lines + 1))
    until [ "$(grep -c holding "$out")" -ge "$lines" ]; do kill -0 "$holder" 2>/dev/null || break 2; sleep 0.5; done
    sleep 2
    local heap=0
    [ -n "$heap_pid" ] && heap=$(live_heap_kb "$heap_pid")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$count" "$(tail -1 "$out")" "$base_rss" "$(rss_kb "$@")" \
      "$base_heap" "$heap" >>"$OUT/idle/memory.tsv"
    echo "  $label: $(tail -1 "$out") streams, RSS $(rss_kb "$@") kB (from $base_rss)"
  done
  exec 3>&-
  wait "$holder" || true
}

# Opens COUNT streams through URL once and closes them, so that the measured burst meets a proxy
# that has run before (a JVM's first burst is mostly its JIT compiler at work).
warm_up_holding() {
  echo "" | java bench/tools/HoldStreams.java "$1" "$2" >/dev/null 2>&1 || true
  sleep 3
}

idle_phase() {
  mkdir -p "$OUT/idle"
  echo "Idle open streams: the upstream stalls after its first token"
  local small=${IDLE%% *}
  # Through a real upstream Sheepdog holds two sockets a stream, so its file limit allows about half
  # that many streams: after the 2,000 it goes on to UPSTREAM_MAX (limit / 2 less 100 for its jars and logs).
  start "http://127.0.0.1:$SIM/v1/models" "$OUT/logs/simulate-idle.log" \
    ./sheepdog simulate --port "$SIM" --first-token 0ms --fault stall@1
  local simulate=$STARTED
  start_nginx
  warm_up_holding "http://127.0.0.1:$NGINX/v1" "$small"
  hold_open nginx "http://127.0.0.1:$NGINX/v1" "$small" "" $(nginx_pids)
  stop_nginx
  rm -rf "$OUT/data-idle"
  start "http://127.0.0.1:$GATEWAY/healthz" "$OUT/logs/gateway-idle.log" \
    env HOLYSHEEP_API_KEY="$KEY" HOLYSHEEP_BASE_URL="http://127.0.0.1:$SIM/v1" \
    ./sheepdog serve --host 127.0.0.1 --port "$GATEWAY" --data-dir "$OUT/data-idle" \
    --first-token-timeout 1h --idle-timeout 1h
  warm_up_holding "http://127.0.0.1:$GATEWAY/v1" "$small"
  hold_open sheepdog-upstream "http://127.0.0.1:$GATEWAY/v1" "$small $UPSTREAM_MAX" "$STARTED" "$STARTED"
  stop "$STARTED"
  stop "$simulate"
  # The built-in simulator as the upstream: one socket a stream, so 10,000 fit; the heap is capped at 512 MB.
  rm -rf "$OUT/data-idle"
  start "http://127.0.0.1:$GATEWAY/healthz" "$OUT/logs/gateway-idle-512m.log" \
    env SHEEPDOG_JAVA_OPTS=-Xmx512m ./sheepdog serve --host 127.0.0.1 --port "$GATEWAY" \
    --data-dir "$OUT/data-idle" --sim-first-token 0ms --sim-fault stall@1 --idle-timeout 1h
  hold_open sheepdog-512m "http://127.0.0.1:$GATEWAY/v1" "$IDLE" "$STARTED" "$STARTED"
  stop "$STARTED"
}

startup_phase() {
  echo "Start-up: JVM start to ready, 5 times each"
  local aot ready i
  for aot in on off; do
    for i in 1 2 3 4 5; do
      rm -rf "$OUT/data-start"
      start "http://127.0.0.1:$GATEWAY/healthz" "$OUT/logs/start.log" \
        env SHEEPDOG_AOT=$aot ./sheepdog serve --host 127.0.0.1 --port "$GATEWAY" --data-dir "$OUT/data-start"
      ready=$(sed -n 's/.*ready on .* in \([0-9]*\) ms.*/\1/p' "$OUT/logs/start.log")
      printf '%s\t%s\t%s\n' "$aot" "$i" "$ready" >>"$OUT/startup.tsv"
      stop "$STARTED"
    done
  done
}

mkdir -p "$OUT/load" "$OUT/logs"
describe_machine
for mode in $MODES; do load_phase "$mode"; done
[ -n "$IDLE" ] && idle_phase
startup_phase
python3 bench/tools/summarize.py "$OUT" >"$OUT/report.md"
echo "Results in $OUT; the tables: $OUT/report.md"
