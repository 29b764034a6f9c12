#!/usr/bin/env bash
# Soak: mixed traffic for a while (10 minutes by default) through a gateway whose upstreams inject
# about 5% faults with `sheepdog simulate --fault`, reporting every minute the gateway's heap after
# a forced GC, its open file descriptors and threads, and the failures of that minute, split into
# injected (a typed upstream error the faults explain, or a 429 a client key's limits explain) and
# not injected (anything else). See docs/PERFORMANCE.md, "Soak".
#
# Usage: bash bench/soak.sh [--duration 10m] [--workers 16] [--out DIR]
#   --duration  how long the traffic runs (e.g. 90s, 2m, 10m); it stops by itself after that.
#   --workers   concurrent clients (default 16).
#   --out       where the results go (default bench/results/soak-<time>).
# Only loopback addresses are used. Needs a JDK 21+ (with jcmd), curl and python3.
#
# The upstreams, all `sheepdog simulate` (40 tokens an answer, 50 ms to the first, 10 ms apart):
#   main          deepseek-v3.2, gpt-4.1      --fault 503@0.025  (the primary)
#   cut           model fault-cut             --fault cut@5      (standbys that serve only their
#   malformed     model fault-malformed       --fault malformed@5  own model, so a small share of
#   error         model fault-error           --fault error@5      the requests, 0.5% each, meets
#   stall         model fault-stall           --fault stall@5      every other kind of fault)
#   hang          model fault-hang            --fault hang
# A fault only fires for every request of an upstream except STATUS@RATE, hence one upstream a
# fault: about 2.4% + 2.5% of the requests meet one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
use_jdk_21_or_newer

DURATION=10m WORKERS=16 OUT=bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ) PORT_BASE=${PORT_BASE:-19600}
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1; usage: bash bench/soak.sh [--duration 10m] [--workers 16] [--out DIR]" >&2; exit 2 ;;
  esac
done
case "$DURATION" in
  *m) SECONDS_TOTAL=$((${DURATION%m} * 60)) ;;
  *s) SECONDS_TOTAL=${DURATION%s} ;;
  *) SECONDS_TOTAL=$DURATION ;;
esac
GATEWAY=$PORT_BASE
ADMIN_TOKEN=soak-admin-$RANDOM$RANDOM
UPSTREAM_KEY=sk-soak-not-a-real-key
JAR=app/target/sheepdog.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl app -am package -DskipTests

mkdir -p "$OUT/logs"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d) # the gateway's data (client keys' secrets, the ledger): thrown away at the end
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts a background process, remembers its PID in $STARTED and waits until the URL answers.
start() {
  local url=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  for _ in $(seq 600); do
    curl -sf -o /dev/null "$url" && return
    kill -0 "$STARTED" 2>/dev/null || break
    sleep 0.1
  done
  echo "$* did not come up; see $log" >&2
  exit 1
}

simulate() { # name port [simulate options]
  local name=$1 port=$2; shift 2
  start "http://127.0.0.1:$port/v1/models" "$OUT/logs/simulate-$name.log" \
    java -Xmx128m -jar "$JAR" simulate --host 127.0.0.1 --port "$port" --tokens 40 --first-token 50ms \
    --token-delay 10ms "$@"
}

config() { # the gateway's sheepdog.yaml: the main upstream as primary, one standby a fault
  cat <<EOF
endpoints:
  - id: main
    base_url: http://127.0.0.1:$((PORT_BASE + 1))/v1
    role: primary
    models: [deepseek-v3.2, gpt-4.1]
    keys_from_env: [SOAK_UPSTREAM_KEY]
EOF
  local i=2 fault
  for fault in cut malformed error stall hang; do
    cat <<EOF
  - id: $fault
    base_url: http://127.0.0.1:$((PORT_BASE + i))/v1
    role: standby
    models: [fault-$fault]
    keys_from_env: [SOAK_UPSTREAM_KEY]
    deadlines: {connect: 5s, first_token: 10s, idle: 5s, total: 20s} # loose: the machine may be loaded
EOF
    i=$((i + 1))
  done
  echo "prices: # the fault models' own, so that the log's warnings are about something"
  for fault in cut malformed error stall hang; do echo "  fault-$fault: {input: 0.28, output: 0.42}"; done
}

describe_machine() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel: $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "sheepdog: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "other processes using CPU at start (top 8 by CPU):"
    ps -eo pcpu,etime,args --sort=-pcpu | head -9 | cut -c1-160
  } >"$OUT/machine.txt"
}

describe_machine
echo "Starting 6 upstreams and the gateway on 127.0.0.1:$PORT_BASE..$((PORT_BASE + 6))"
simulate main $((PORT_BASE + 1)) --fault 503@0.025
i=2
for fault in cut@5 malformed@5 error@5 stall@5 hang; do
  simulate "${fault%@*}" $((PORT_BASE + i)) --model "fault-${fault%@*}" --fault "$fault"
  i=$((i + 1))
done
config >"$OUT/sheepdog.yaml"
start "http://127.0.0.1:$GATEWAY/healthz" "$OUT/logs/gateway.log" \
  env SOAK_UPSTREAM_KEY="$UPSTREAM_KEY" SHEEPDOG_ADMIN_TOKEN="$ADMIN_TOKEN" \
  java -jar "$JAR" serve --host 127.0.0.1 --port "$GATEWAY" --data-dir "$WORK/data" --config "$OUT/sheepdog.yaml"
gateway=$STARTED

# Client keys made through the admin API, with limits some requests meet by design (429).
client() { # name json
  curl -sf "http://127.0.0.1:$GATEWAY/admin/clients" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "$2" >"$WORK/client-$1.json"
}
client roomy '{"name":"soak-roomy","rpm":100000,"tpm":100000000,"concurrent_streams":100}'
client tight '{"name":"soak-tight","rpm":60,"concurrent_streams":1}'
client tpm '{"name":"soak-tpm","tpm":3000}'
client budget '{"name":"soak-budget","daily_usd":0.002}'
python3 - "$WORK" >"$WORK/keys.json" <<'EOF'
import json, sys
print(json.dumps({n: json.load(open(f"{sys.argv[1]}/client-{n}.json"))["secret"]
                  for n in ("roomy", "tight", "tpm", "budget")}))
EOF

python3 bench/tools/soak.py --url "http://127.0.0.1:$GATEWAY" --pid "$gateway" --keys "$WORK/keys.json" \
  --seconds "$SECONDS_TOTAL" --workers "$WORKERS" --out "$OUT" | tee "$OUT/soak.out"
status=${PIPESTATUS[0]}
echo "ledger on disk after the run: $(du -sh "$WORK/data" | cut -f1)" | tee -a "$OUT/soak.out"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
grep -E ' (WARN|ERROR) ' "$OUT/logs/gateway.log" >"$OUT/logs/gateway-warnings.log" || true
gzip -f "$OUT/logs/gateway.log"
echo "Results in $OUT"
exit "$status"
