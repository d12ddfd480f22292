#!/usr/bin/env bash
# The API's figures in the README, measured against a local headless instance with its journal on
# (--sync normal): route and feedback throughput, a drain of 1,000,000 journaled items, a restart with
# 1,000,000 queued items and 100,000 pending decisions. Needs wrk and curl; run from the repository root
# after a Release build: bench/api/figures.sh [build/bin]
set -euo pipefail
bin=${1:-build/bin}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=18500
url=http://127.0.0.1:$port

start() { # starts headless on the journal in $work/data with the given flags; waits until it routes
    "$bin/rlstudio" --headless --listen 127.0.0.1:$port --status-every 0 --no-simulator --data-dir "$work/data" \
        --sync normal "$@" >"$work/server.log" 2>&1 &
    server=$!
    until curl -sf $url/health | grep -q '"router_registered":true'; do sleep 0.05; done
}
stop() { kill -TERM $server; wait $server || true; }
health() { curl -s $url/health | python3 -c "import json,sys; h=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
route = json.dumps({"complexity": "complex", "token_estimate": 4200, "quality_requirement": 0.9,
                    "latency_requirement_ms": 3000, "cost_budget_usd": 0.5})
open(f"{work}/route.lua", "w").write(
    'wrk.method="POST"\nwrk.headers["Content-Type"]="application/json"\nwrk.body=[[' + route + ']]\n')
lines = [json.dumps({"trajectory_id": f"w-{i}", "model_id": "gpt-4", "accuracy_score": 0.9, "efficiency_score": 0.7,
                     "error_handling_score": 1, "overall_score": 0.85, "trajectory_length": 3, "success": True})
         for i in range(1000)]
open(f"{work}/feedback.lua", "w").write(
    'wrk.method="POST"\nwrk.headers["Content-Type"]="application/x-ndjson"\nwrk.body=[[' + "\n".join(lines) + '\n]]\n')
PY

echo "== /v1/route, 32 keep-alive connections, 10 s (wrk -t2 -c32 --latency)"
start
wrk -t2 -c32 -d10s --latency -s "$work/route.lua" $url/v1/route | grep -E "Requests/sec|  50%|  99%|Non-2xx"
echo "== rlstudio load: 20,000 routes/s + their feedback (batches of 10) on linear-4x10's features, 32 connections, 10 s"
stop
rm -rf "$work/data"
cat >"$work/catalogue.json" <<'JSON'
{"dimension": 10, "models": [
 {"id":"gpt-4","provider":"openai","max_tokens":8192,"cost_per_1k_tokens":0.03,"average_latency_ms":2000,"accuracy_score":0.95,"reliability_score":0.98},
 {"id":"gpt-3.5-turbo","provider":"openai","max_tokens":4096,"cost_per_1k_tokens":0.002,"average_latency_ms":1000,"accuracy_score":0.85,"reliability_score":0.95},
 {"id":"claude-3-opus","provider":"anthropic","max_tokens":200000,"cost_per_1k_tokens":0.015,"average_latency_ms":3000,"accuracy_score":0.97,"reliability_score":0.99},
 {"id":"claude-3-sonnet","provider":"anthropic","max_tokens":200000,"cost_per_1k_tokens":0.003,"average_latency_ms":1500,"accuracy_score":0.92,"reliability_score":0.97}]}
JSON
start --catalogue "$work/catalogue.json" --batch-size 1000 --interval 0.05
"$bin/rlstudio" load --url $url --stream "$root/data/workloads/linear-4x10/learning_stream.csv" --concurrency 32 \
    --duration 10 --rounds 100000000 --feedback-batch 10 --rate 20000 | grep -E "route|feedback|errors"
stop
rm -rf "$work/data"

echo "== /v1/feedback, NDJSON batches of 1,000, acknowledged once durable, 10 s (wrk -t2 -c8)"
start --disable-loop --queue-capacity 10000000
wrk -t2 -c8 -d10s --latency -s "$work/feedback.lua" $url/v1/feedback | grep -E "Requests/sec|  50%|  99%|Non-2xx"
echo "   items acknowledged per second: Requests/sec x 1,000"
echo "== 100,000 pending decisions"
wrk -t2 -c32 -d5s -s "$work/route.lua" $url/v1/route >/dev/null
until [ "$(health "h['journal']['decision_log_rows'] >= 100000")" = True ]; do sleep 0.2; done
queued=$(health "h['journal']['totals']['queued']")
echo "   queued $queued, decisions $(health "h['journal']['decision_log_rows']")"

echo "== restart with them (SIGKILL, then start): seconds until /health answers, and until the engine routes"
kill -KILL $server
wait $server 2>/dev/null || true
t0=$(date +%s.%N)
"$bin/rlstudio" --headless --listen 127.0.0.1:$port --status-every 0 --no-simulator --data-dir "$work/data" \
    --disable-loop --queue-capacity 10000000 >"$work/server.log" 2>&1 &
server=$!
until curl -sf $url/health >/dev/null; do sleep 0.01; done
t1=$(date +%s.%N)
until curl -sf $url/health | grep -q '"router_registered":true'; do sleep 0.01; done
t2=$(date +%s.%N)
echo "   /health after $(echo "$t1 - $t0" | bc) s, restored after $(echo "$t2 - $t0" | bc) s"
grep "journal: accepted" "$work/server.log" | sed 's/^/   /'

drain() { # POST /v1/loop/drain, then waits until the journal has committed what it consumed
    local t0 t1 t2 answer
    t0=$(date +%s.%N)
    answer=$(curl -s -XPOST $url/v1/loop/drain)
    t1=$(date +%s.%N)
    until [ "$(health "h['journal']['totals']['queued']")" = 0 ]; do sleep 0.02; done
    t2=$(date +%s.%N)
    echo "   $answer"
    echo "   $(echo "$answer" | python3 -c "import json,sys; a=json.load(sys.stdin); print(a['processed']+a['failed'])") items:" \
        "drained in $(echo "$t1 - $t0" | bc) s, committed after $(echo "$t2 - $t0" | bc) s"
}
echo "== drain of every queued item (their trajectories were never routed: each fails as missing_history)"
drain
stop
rm -rf "$work/data"

echo "== drain of 1,000,000 journaled items that all learn: rlstudio load routes them and queues their feedback"
echo "   with the loop off (32 connections, batches of 100), then POST /v1/loop/drain"
start --catalogue "$work/catalogue.json" --disable-loop --queue-capacity 10000000 --routing-history 1000000 \
    --batch-size 1000
"$bin/rlstudio" load --url $url --stream "$root/data/workloads/linear-4x10/learning_stream.csv" --concurrency 32 \
    --duration 600 --rounds 1000000 --feedback-batch 100 | grep -E "route|feedback|errors"
drain
stop
