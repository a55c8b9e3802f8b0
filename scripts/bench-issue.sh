#!/usr/bin/env bash
# Issuing throughput on this machine: a development node and `credchain bench issue` in each mode —
# single `issue`, `issue_batch`, `anchor_batch`, and the baseline (the cheapest signed transaction) —
# each on the same fresh chain, plus this machine's signature-checking rate.
#   scripts/bench-issue.sh            20,000 single issues, 300 batches of 1,000, 2,000 anchors, 20,000 baseline
#   scripts/bench-issue.sh --smoke    a few of each (CI)
# Extra node arguments: BENCH_NODE_ARGS (for example "--trie-cache-size 67108864").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

singles=20000 batches=300 anchors=2000
if [[ "${1:-}" == "--smoke" ]]; then
	singles=200 batches=3 anchors=20
fi

build_unless_skipped
bin="$(target_dir)/release"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 10000))
cleanup() {
	kill -INT "${node_pid:-}" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

log "Starting a development node on 127.0.0.1:$port"
# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of arguments.
"$bin/credchain-node" --dev --base-path "$work/node" --rpc-port "$port" --no-prometheus \
	--no-telemetry --no-mdns "${NODE_POOL_ARGS[@]}" --rpc-max-connections 1000 \
	${BENCH_NODE_ARGS:-} >"$work/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$port" >/dev/null

run() {
	log "bench issue $*"
	"$bin/credchain" --url "ws://127.0.0.1:$port" bench issue --timeout 1800 "$@" |
		grep -v '^block:' || true
}
run --mode baseline --transactions "$singles"
run --mode issue --transactions "$singles"
run --mode issue-batch --transactions "$batches" --batch-size 1000
run --mode anchor-batch --transactions "$anchors" --batch-size 1000000
