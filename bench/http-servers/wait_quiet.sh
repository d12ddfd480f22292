#!/usr/bin/env bash
# Block until the machine is quiet: user CPU of all processes < 0.15 core in each of 3 consecutive
# 5 s windows (15 s). Gives up after $1 s (default 1800).
HZ=$(getconf CLK_TCK); LIMIT=${1:-1800}; start=$(date +%s); ok=0
while :; do
  read -r _ u n _ < /proc/stat; a=$((u+n)); sleep 5; read -r _ u n _ < /proc/stat; b=$((u+n))
  busy=$(awk -v d=$((b-a)) -v hz=$HZ 'BEGIN{printf "%.2f", d/hz/5}')
  if awk -v x=$busy 'BEGIN{exit !(x < 0.15)}'; then ok=$((ok+1)); else ok=0; fi
  if [ $ok -ge 3 ]; then echo "quiet (user cpu $busy core) $(uptime)"; exit 0; fi
  if [ $(( $(date +%s) - start )) -gt $LIMIT ]; then echo "NOT quiet after ${LIMIT}s (user cpu $busy) $(uptime)"; exit 1; fi
done
