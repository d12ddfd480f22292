#!/usr/bin/env bash
# usage: bench.sh NAME "SERVER COMMAND" PORT [endpoints]
# Starts the server, warms it up, then runs 3x wrk per endpoint; raw outputs in results/NAME/.
# Each output records `uptime` before the run and the CPU used by *other* processes
# during the run (user CPU not used by server or wrk). Before each run it waits for a quiet machine
# (wait_quiet.sh); a run disturbed anyway (foreign user CPU > 0.15 core) is kept as disturbed_* and repeated.
set -u
cd "$(dirname "$0")"
NAME=$1; CMD=$2; PORT=$3; EPS=${4:-"health route"}
OUT=results/$NAME; mkdir -p "$OUT"
if ss -ltn | grep -q ":$PORT "; then echo "port $PORT already in use, abort"; exit 1; fi
$CMD >"$OUT/server.log" 2>&1 &
SPID=$!
sleep 1
wrk -t2 -c32 -d3s "http://127.0.0.1:$PORT/health" >/dev/null 2>&1   # warm-up
HZ=$(getconf CLK_TCK)
for ep in $EPS; do
  for i in 1 2 3; do
   for attempt in 1 2 3 4 5 6 7 8; do   # repeat a run disturbed by foreign load (other processes' user CPU > 0.15 core)
    if [ $ep = health ]; then ARGS="http://127.0.0.1:$PORT/health"; else ARGS="-s post_route.lua http://127.0.0.1:$PORT/v1/route"; fi
    F="$OUT/${ep}_$i.txt"
    ./wait_quiet.sh 3600 >>"$OUT/wait.log"
    echo "UPTIME: $(uptime)" >"$F"
    read -r u0 k0 st0 su0 ss0 < <(./cpu_snap.sh $SPID)
    T0=$(date +%s.%N)
    /usr/bin/time -f "WRK_CPU_S: %U %S" wrk -t2 -c32 -d10s --latency $ARGS >>"$F" 2>&1
    T1=$(date +%s.%N)
    read -r u1 k1 st1 su1 ss1 < <(./cpu_snap.sh $SPID)
    python3 - "$F" $u0 $u1 $k0 $k1 $st0 $st1 $su0 $su1 $ss0 $ss1 $T0 $T1 $HZ <<'PY'
import sys,re
f=sys.argv[1]; u0,u1,k0,k1,st0,st1,su0,su1,ss0,ss1,t0,t1,hz=map(float,sys.argv[2:])
txt=open(f).read(); m=re.search(r"WRK_CPU_S: ([\d.]+) ([\d.]+)",txt); wu,ws=float(m.group(1)),float(m.group(2))
el=t1-t0; c=lambda j:j/hz/el
open(f,"a").write(f"CPU_CORES: user {c(u1-u0):.2f} kernel {c(k1-k0):.2f} steal {c(st1-st0):.2f} | "
  f"server usr {c(su1-su0):.2f} sys {c(ss1-ss0):.2f} | wrk usr {wu/el:.2f} sys {ws/el:.2f} | "
  f"foreign_user {c(u1-u0)-c(su1-su0)-wu/el:.2f}\n")
PY
    echo "RSS_KB: $(ps -o rss= -p $SPID)" >>"$F"
    echo "$NAME $ep $i/$attempt: $(grep -oE 'load average: [0-9.]+' $F) $(grep -E 'Requests/sec' $F) $(grep CPU_CORES $F)"
    sleep 1
    fu=$(grep -oE 'foreign_user [-0-9.]+' "$F" | awk '{print $2}')
    if [ $attempt -lt 8 ] && awk -v f="$fu" 'BEGIN{exit !(f > 0.15)}'; then mv "$F" "$OUT/disturbed_${ep}_${i}_$attempt.txt"; else break; fi
   done
  done
done
kill $SPID; wait $SPID 2>/dev/null
