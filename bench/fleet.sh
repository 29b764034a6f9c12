#!/usr/bin/env bash
# Issue 15's fleet benchmark: one Sheepdog in fleet mode, and two on the same PostgreSQL behind nginx
# (round robin, the streaming proxy of bench/tools/nginx.conf), against `sheepdog simulate` paced as in
# bench/run.sh (50 tokens, 10 ms to the first and between tokens), at each concurrency in CONCURRENCY.
# The callers use a client key whose plan has every limit (requests and tokens a minute, streams open
# at once, a daily budget), all too large to bite, so that every per-request path to the database runs.
#
#   phase one: gateway A alone.  Per C: direct (the baseline), one (A), nginx-one (nginx → A), and solo:
#                                a gateway with no database (its own H2 stores), same plan, for reference.
#   phase two: A and B.          Per C: direct, two (nginx → A, B).
#
# The database's statements are counted by pg_stat_statements (every statement the gateways' role ran,
# BEGIN and COMMIT included), reset just before each load and read just after it; each phase first
# counts what an idle fleet of its size runs in IDLE_SECONDS (re-reads, reports), which the report
# subtracts. bench/tools/summarize_fleet.py turns the results into the report's tables.
#
# Knobs: CONCURRENCY ("64 256"), REQUESTS (4000 measured a target, plus C warm-up), WARMUP (2000 a
# gateway, once), IDLE_SECONDS (60), OUT (bench/results/fleet-<time>), PORT_BASE (19700). Needs a JDK 21+,
# curl, python3, nginx and Debian's PostgreSQL (postgresql-15 or newer; run as nobody when root).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
use_jdk_21_or_newer
. bench/lib.sh

CONCURRENCY=${CONCURRENCY:-"64 256"}
REQUESTS=${REQUESTS:-4000}
WARMUP=${WARMUP:-2000}
IDLE_SECONDS=${IDLE_SECONDS:-60}
OUT=${OUT:-bench/results/fleet-$(date -u +%Y%m%dT%H%M%SZ)}
PORT_BASE=${PORT_BASE:-19700}
SIM=$((PORT_BASE + 1)) NGINX=$((PORT_BASE + 2)) GATEWAY_A=$((PORT_BASE + 3)) GATEWAY_B=$((PORT_BASE + 4))
PG_PORT=$((PORT_BASE + 5)) GATEWAY_SOLO=$((PORT_BASE + 6))
KEY=sk-bench-not-a-real-key # the provider key the gateways send to the simulator
ADMIN_TOKEN=fleet-admin-$RANDOM$RANDOM$RANDOM
DB_PASSWORD=fleet-$RANDOM$RANDOM$RANDOM
MASTER_KEY=fleet-master-$RANDOM$RANDOM$RANDOM
# Every limit on, none reachable: C=256 paced is about 400 requests and 100,000 tokens a second at most.
PLAN='{"name": "fleet-bench", "rpm": 1000000, "tpm": 1000000000, "concurrent_streams": 1000, "daily_usd": 1000000}'

install_missing nginx curl python3
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/postgres" ] || { echo "no PostgreSQL under /usr/lib/postgresql/<version>/bin (apt-get install postgresql)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

mkdir -p "$OUT/load" "$OUT/db" "$OUT/logs"
OUT=$(cd "$OUT" && pwd)
./sheepdog --version >/dev/null # builds the jar and its AOT cache when needed, before anything is timed

PIDS=() PG_PID="" PG_DIR=""
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  [ -n "$PG_PID" ] && kill -INT "$PG_PID" 2>/dev/null || true # fast shutdown, after the gateways
  wait 2>/dev/null || true
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  rm -rf "$OUT"/data-*
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: then it runs as nobody, as postgres-testing's servers do. setpriv
# execs in place, so a postgres started through it in the background is $! itself.
AS_UNPRIVILEGED=()
[ "$(id -u)" -eq 0 ] && AS_UNPRIVILEGED=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres "$@"; }

start_postgres() {
  PG_DIR=$(mktemp -d /tmp/sheepdog-fleet-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$PG_DIR"
  "${AS_UNPRIVILEGED[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale=C --auth-local=trust \
    --auth-host=scram-sha-256 >"$OUT/logs/initdb.log" 2>&1
  # Debian's defaults otherwise (fsync and synchronous_commit on): a commit waits for its WAL flush.
  "${AS_UNPRIVILEGED[@]}" "$PG_BIN/postgres" -D "$PG_DIR/data" -p "$PG_PORT" -k "$PG_DIR" -c listen_addresses=127.0.0.1 \
    -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top \
    -c pg_stat_statements.track_utility=on >"$OUT/logs/postgres.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 300); do psql_admin -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
  psql_admin -d postgres -c "CREATE ROLE sheepdog LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE sheepdog OWNER sheepdog"
  # In the postgres database, so that the gateways' migrations find their own database empty; the view shows
  # every database's statements.
  psql_admin -d postgres -c "CREATE EXTENSION pg_stat_statements"
  DATABASE_URL="postgresql://sheepdog:$DB_PASSWORD@127.0.0.1:$PG_PORT/sheepdog"
  {
    echo "postgresql: $("$PG_BIN/postgres" --version)"
    psql_admin -d sheepdog -Atc "SELECT 'postgres settings: ' || string_agg(name || '=' || setting, ' ')
      FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')"
    # What one commit's WAL flush costs on this disk: a row every request updates waits for it once per update.
    echo "disk: $("$PG_BIN/pg_test_fsync" -s 1 -f "$PG_DIR/fsync-test" | grep -m1 -E '^\s+fdatasync' | tr -s ' ' | sed 's/^ //'), one 8 kB write"
    rm -f "$PG_DIR/fsync-test"
  } >>"$OUT/machine.txt"
}

# PostgreSQL's CPU: the postmaster and its children (the gateways' pooled backends live as long as the
# gateways; a psql backend of this script's may end while it is read, and is skipped).
postgres_ticks() {
  local pid sum=0
  for pid in "$PG_PID" $(pgrep -P "$PG_PID"); do
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

# Only the gateways' statements (their role's), not this script's own queries.
save_statements() {
  psql_admin -d postgres --csv -c "SELECT s.calls, s.rows, round(s.total_exec_time::numeric, 3) AS total_exec_ms,
      regexp_replace(s.query, '\s+', ' ', 'g') AS query
    FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid
    WHERE r.rolname = 'sheepdog' AND d.datname = 'sheepdog' ORDER BY s.calls DESC" >"$1"
}
reset_statements() { psql_admin -d postgres -Atc 'SELECT pg_stat_statements_reset()' >/dev/null; }
usage_rows() { psql_admin -d sheepdog -Atc 'SELECT count(*) FROM usage_record'; }

# A stream's usage record (and its slot's release) is written after its [DONE] went out: waits until the
# ledger stops growing (a second without a new row, 15 s at most), so that a load's window holds all of them.
settle() {
  local before after
  after=$(usage_rows)
  for _ in $(seq 15); do
    before=$after
    sleep 1
    after=$(usage_rows)
    [ "$after" = "$before" ] && return
  done
}

start_gateway() { # name port [database URL: none for a gateway of its own, with its stores in its data directory]
  rm -rf "$OUT/data-$1"
  start "http://127.0.0.1:$2/healthz" "$OUT/logs/gateway-$1.log" \
    env HOLYSHEEP_API_KEY="$KEY" HOLYSHEEP_BASE_URL="http://127.0.0.1:$SIM/v1" SHEEPDOG_DATABASE_URL="${3:-}" \
    SHEEPDOG_MASTER_KEY="$MASTER_KEY" SHEEPDOG_ADMIN_TOKEN="$ADMIN_TOKEN" \
    ./sheepdog serve --host 127.0.0.1 --port "$2" --data-dir "$OUT/data-$1"
}

start_nginx() { # gateway ports: round robin over them
  local servers="" port
  for port in "$@"; do servers="${servers:+$servers; server }127.0.0.1:$port"; done
  mkdir -p "$OUT/nginx/tmp"
  sed -e "s|@DIR@|$OUT/nginx|g" -e "s|@UPSTREAM@|$servers|" -e "s|@PORT@|$NGINX|" \
    bench/tools/nginx.conf >"$OUT/nginx/nginx.conf"
  "$NGINX_BIN" -c "$OUT/nginx/nginx.conf"
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX/healthz" && return; sleep 0.1; done
  echo "nginx did not come up; see $OUT/nginx/error.log" >&2
  exit 1
}

# The callers' client key, made through a gateway's admin API; prints its secret, which stays in this shell.
make_client_key() { # name port
  local answer
  answer=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d "$PLAN" \
    "http://127.0.0.1:$2/admin/clients")
  python3 -c 'import json, sys; row = json.load(sys.stdin); row.pop("secret"); print(json.dumps(row, indent=2))' \
    <<<"$answer" >"$OUT/client-key-$1.json"
  python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])' <<<"$answer"
}

load() { # url concurrency requests warmup [json]
  local json=()
  [ $# -ge 5 ] && json=(--json "$5")
  BENCH_API_KEY=$SECRET ./sheepdog bench --url "$1" --concurrency "$2" --requests "$3" --warmup "$4" \
    --no-progress "${json[@]}" >/dev/null 2>>"$OUT/logs/bench.log"
}

# What an idle fleet of this size runs by itself (change re-reads, canary reports), over IDLE_SECONDS.
idle_window() {
  local fleet=$1 t0
  echo "  idle fleet of $fleet: ${IDLE_SECONDS}s"
  reset_statements
  t0=$(date +%s.%N)
  sleep "$IDLE_SECONDS"
  printf '%s\t%s\n' "$fleet" "$(echo "$(date +%s.%N) - $t0" | bc)" >>"$OUT/db/idle.tsv"
  save_statements "$OUT/db/idle-$fleet.csv"
}

# One load at one target; the statements and the CPU of every process group over exactly its window.
measure() { # concurrency target url fleet-size gateway-pids...
  local c=$1 target=$2 url=$3 fleet=$4; shift 4
  local json="$OUT/load/c$c-$target.json" rows_before rows_after t0 wall
  local gw=("$@") ng=() sim0 gw0 ng0 pg0
  [ -f "$OUT/nginx/nginx.pid" ] && ng=($(nginx_pids))
  rows_before=$(usage_rows)
  reset_statements
  sim0=$(cpu_ticks "$SIMULATE") gw0=$(cpu_ticks "${gw[@]}") ng0=$(cpu_ticks "${ng[@]}") pg0=$(postgres_ticks)
  t0=$(date +%s.%N)
  load "$url" "$c" "$REQUESTS" "$c" "$json"
  settle
  wall=$(echo "$(date +%s.%N) - $t0" | bc)
  save_statements "$OUT/db/c$c-$target.csv"
  rows_after=$(usage_rows)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$target" "$fleet" "$((REQUESTS + c))" "$wall" \
    "$((rows_after - rows_before))" "$rows_after" "$(($(cpu_ticks "$SIMULATE") - sim0))" \
    "$(($(cpu_ticks "${gw[@]}") - gw0))" "$(($(cpu_ticks "${ng[@]}") - ng0))" \
    "$(($(postgres_ticks) - pg0))" >>"$OUT/load/measures.tsv"
  echo "  c=$c $target: $(python3 bench/tools/summarize.py --line "$json"), $((rows_after - rows_before)) usage rows"
}

describe_machine
start_postgres
echo "PostgreSQL $PG_BIN on port $PG_PORT (data in $PG_DIR); simulate --tokens 50 --first-token 10ms --token-delay 10ms"
start "http://127.0.0.1:$SIM/v1/models" "$OUT/logs/simulate.log" \
  ./sheepdog simulate --port "$SIM" --tokens 50 --first-token 10ms --token-delay 10ms
SIMULATE=$STARTED
printf 'c\ttarget\tfleet\trequests\twall_s\tusage_rows\tusage_rows_after\tsim_ticks\tgateway_ticks\tnginx_ticks\tpostgres_ticks\n' \
  >"$OUT/load/measures.tsv"

echo "Phase one: gateway A alone in the fleet (and, for reference, a gateway with no database)"
start_gateway a "$GATEWAY_A" "$DATABASE_URL"
A=$STARTED
FLEET_SECRET=$(make_client_key fleet "$GATEWAY_A")
start_gateway solo "$GATEWAY_SOLO"
SOLO=$STARTED
SOLO_SECRET=$(make_client_key solo "$GATEWAY_SOLO")
# The same warm-up for every target first, so that the loads measure compiled code, not the JIT.
SECRET=$FLEET_SECRET
load "http://127.0.0.1:$SIM/v1" 64 "$WARMUP" 0
load "http://127.0.0.1:$GATEWAY_A/v1" 64 "$WARMUP" 0
SECRET=$SOLO_SECRET load "http://127.0.0.1:$GATEWAY_SOLO/v1" 64 "$WARMUP" 0
start_nginx "$GATEWAY_A"
load "http://127.0.0.1:$NGINX/v1" 64 $((WARMUP / 4)) 0
idle_window 1
for c in $CONCURRENCY; do
  measure "$c" direct "http://127.0.0.1:$SIM/v1" 1
  measure "$c" one "http://127.0.0.1:$GATEWAY_A/v1" 1 "$A"
  measure "$c" nginx-one "http://127.0.0.1:$NGINX/v1" 1 "$A"
  SECRET=$SOLO_SECRET measure "$c" solo "http://127.0.0.1:$GATEWAY_SOLO/v1" 1 "$SOLO"
done
stop_nginx
stop "$SOLO"

echo "Phase two: gateways A and B behind nginx"
start_gateway b "$GATEWAY_B" "$DATABASE_URL"
B=$STARTED
load "http://127.0.0.1:$GATEWAY_B/v1" 64 "$WARMUP" 0
start_nginx "$GATEWAY_A" "$GATEWAY_B"
load "http://127.0.0.1:$NGINX/v1" 64 $((WARMUP / 4)) 0
idle_window 2
for c in $CONCURRENCY; do
  measure "$c" direct2 "http://127.0.0.1:$SIM/v1" 2
  measure "$c" two "http://127.0.0.1:$NGINX/v1" 2 "$A" "$B"
done
stop_nginx
# A budget check adds up the account's ledger rows of the day (and of the month): how that reads at the end.
account=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["account"])' "$OUT/client-key-fleet.json")
psql_admin -d sheepdog -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT coalesce(sum(cost_usd), 0) FROM usage_record
  WHERE account = '$account' AND (recorded_at, recorded_at_nanos) >= (date_trunc('day', now(), 'UTC'), 0)" \
  >"$OUT/db/budget-sum-explain.txt"
psql_admin -d sheepdog -Atc "SELECT count(*) || ' usage rows, ' || count(cost_usd) || ' priced' FROM usage_record" \
  >>"$OUT/db/budget-sum-explain.txt"
grep -h -i -E 'WARN|ERROR|DEGRADED' "$OUT"/logs/gateway-*.log >"$OUT/gateway-warnings.txt" || true

python3 bench/tools/summarize_fleet.py "$OUT" >"$OUT/report.md"
echo "Results in $OUT; the tables: $OUT/report.md"
