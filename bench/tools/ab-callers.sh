#!/usr/bin/env bash
# A/B of two gateway builds (OLD_JAR, NEW_JAR) in front of one paced simulated upstream, measured in one
# interleaved run: bench's --compare-url, and each gateway's CPU time from /proc. Loopback only; run it
# from an empty directory: OLD_JAR=... NEW_JAR=... [REQ=2000] [C=16] bench/tools/ab-callers.sh
set -euo pipefail
J=${JAVA:-java}
rm -rf d-old d-new; mkdir d-old d-new
$J -jar ${NEW_JAR:?path to the jar after} simulate --port 19100 --first-token 10ms --token-delay 10ms --tokens 50 > sim.log 2>&1 & SIM=$!
sleep 3
for v in old new; do
  port=$([ $v = old ] && echo 19101 || echo 19102)
  env -u SHEEPDOG_ADMIN_TOKEN HOLYSHEEP_API_KEY=sk-ab-test HOLYSHEEP_BASE_URL=http://127.0.0.1:19100/v1 \
    $J -Xmx512m -jar $([ $v = old ] && echo ${OLD_JAR:?path to the jar before} || echo $NEW_JAR) serve --host 127.0.0.1 --port $port --data-dir d-$v > gw-$v.log 2>&1 &
  echo $! > pid-$v
done
sleep 8
cpu() { awk '{print $14+$15}' /proc/$(cat pid-$1)/stat; }
o0=$(cpu old); n0=$(cpu new)
$J -jar ${NEW_JAR:?path to the jar after} bench --url http://127.0.0.1:19101/v1 --compare-url http://127.0.0.1:19102/v1 \
  --requests ${REQ:-2000} --concurrency ${C:-16} --warmup 200 --no-progress > bench.txt 2>&1
o1=$(cpu old); n1=$(cpu new)
echo "cpu ticks (1/100 s) old=$((o1-o0)) new=$((n1-n0)) for $(( ${REQ:-2000} + 200 )) requests each"
cat bench.txt
kill $(cat pid-old) $(cat pid-new) $SIM; wait 2>/dev/null || true
