#!/usr/bin/env bash
# Checks the weights against real blocks on this machine: full blocks of the heaviest calls
# (`issue_batch` of the largest batch, and single `issue`s) are produced on a development chain run
# by the benchmarking node, then `benchmark block` re-imports each of them and compares the time it
# took with the weight it was charged. A block that took longer than its weight ("OVER WEIGHT!") means
# the weights under-charge, and a full block could miss its slot's compute budget: the script fails.
#   scripts/check-block-import.sh
# Needs the benchmarking node (scripts/benchmark-weights.sh builds it; CREDCHAIN_BENCH_NODE to use
# another) and the release client.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

node="${CREDCHAIN_BENCH_NODE:-$(target_dir)/benchmarking/release/credchain-node}"
cli="$(target_dir)/release/credchain"
[[ -x "$node" ]] || { echo "error: no benchmarking node at $node (run scripts/benchmark-weights.sh)" >&2; exit 1; }
[[ -x "$cli" ]] || { echo "error: no client at $cli (run cargo build --release)" >&2; exit 1; }

work="$(mktemp -d)"
port=$((20000 + RANDOM % 10000))
cleanup() {
	kill -INT "${node_pid:-}" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

log "Producing full blocks on a development chain (benchmarking runtime)"
"$node" --dev --base-path "$work/node" --rpc-port "$port" --no-prometheus --no-telemetry --no-mdns \
	"${NODE_POOL_ARGS[@]}" --rpc-max-connections 1000 >"$work/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$port" >/dev/null
"$cli" --url "ws://127.0.0.1:$port" bench issue --mode issue-batch --transactions 60 --batch-size 1000 |
	grep -E '^(block|finalized|fullest):'
"$cli" --url "ws://127.0.0.1:$port" bench issue --mode issue --transactions 12000 |
	grep -E '^(block|finalized|fullest):'
last=$(curl -sf -H 'Content-Type: application/json' \
	-d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader"}' "http://127.0.0.1:$port" |
	python3 -c 'import json, sys; print(int(json.load(sys.stdin)["result"]["number"], 16))')
kill -INT "$node_pid"
wait "$node_pid" || true
node_pid=""

log "Re-importing blocks 1 to $last and comparing their time with their weight"
"$node" benchmark block --dev --base-path "$work/node" --from 1 --to "$last" --repeat 3 2>&1 |
	tee "$work/blocks.txt" | grep -E 'Block [0-9]+ with +[1-9][0-9]* tx' || true
# The first block the command imports also pays for loading and compiling the runtime (about 0.4 s
# on this machine, whichever block it is: measured by starting at block 2 instead), so its time says
# nothing about its weight; its calls (the bench's setup) recur in later blocks, which are checked.
if grep -E 'Block [0-9]+ with' "$work/blocks.txt" | tail -n +2 | grep -q 'OVER WEIGHT'; then
	echo "error: some blocks took longer to import than their weight says" >&2
	exit 1
fi
log "Every block imported within its weight"
