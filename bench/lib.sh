# Shell functions bench/run.sh and bench/fleet.sh share: sourced, never run. They use the caller's
# globals: OUT (the results directory), KEY (the bearer the readiness probe sends), PIDS (what
# cleanup kills) and NGINX_BIN.

install_missing() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]} from Debian's packages"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Starts a background process, remembers its PID in $STARTED and waits until the URL answers.
start() {
  local url=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  for _ in $(seq 600); do
    curl -sf -o /dev/null -H "Authorization: Bearer $KEY" "$url" && return
    kill -0 "$STARTED" 2>/dev/null || break
    sleep 0.1
  done
  echo "$* did not come up; see $log" >&2
  exit 1
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

stop_nginx() {
  "$NGINX_BIN" -c "$OUT/nginx/nginx.conf" -s quit 2>/dev/null || true
  for _ in $(seq 100); do [ -f "$OUT/nginx/nginx.pid" ] || return 0; sleep 0.1; done
}

nginx_pids() {
  local master
  master=$(cat "$OUT/nginx/nginx.pid")
  echo "$master" $(pgrep -P "$master")
}

# CPU time (user + system, in clock ticks) and resident memory (kB) summed over the given processes.
cpu_ticks() { local pid sum=0; for pid in "$@"; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$sum"; }
rss_kb() { local pid sum=0; for pid in "$@"; do sum=$((sum + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status"))); done; echo "$sum"; }

describe_machine() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel: $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "nginx: $("$NGINX_BIN" -v 2>&1)"
    echo "open files: $(ulimit -n)"
    echo "sheepdog: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  } >"$OUT/machine.txt"
}
