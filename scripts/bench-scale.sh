#!/usr/bin/env bash
# What a large chain costs: issues credentials into a fresh development chain with `credchain bench
# fill`, then measures
#   - database bytes per credential (the ParityDB folder before and after),
#   - the node's memory (resident set, and its peak),
#   - `credentials_verify` latency and throughput at a credential issued first (32 clients),
#     at a small size and at the full size, and the node's own `state_getStorage` of the same
#     record for comparison,
#   - the time to restart the node on that database until it answers JSON-RPC.
#   scripts/bench-scale.sh [CREDENTIALS]     default 1,000,000
#   scripts/bench-scale.sh --smoke           2,000 credentials, 2-second measurements (CI)
# Bounded: the fill has a timeout, every measurement a duration. BENCH_KEEP=1 keeps the database
# (for `CREDCHAIN_BENCH_DB=… scripts/benchmark-weights.sh`); BENCH_NODE_ARGS adds node arguments (for
# example "--trie-cache-size 67108864").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

credentials=1000000
seconds=10
small=1000
if [[ "${1:-}" == "--smoke" ]]; then
	credentials=2000
	seconds=2
	small=500
elif [[ -n "${1:-}" ]]; then
	credentials="$1"
fi

build_unless_skipped
bin="$(target_dir)/release"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 10000))
url="ws://127.0.0.1:$port"
node_pid=""
stop_node() {
	if [[ -n "$node_pid" ]]; then
		kill -INT "$node_pid" 2>/dev/null || true
		wait "$node_pid" 2>/dev/null || true
		node_pid=""
	fi
}
cleanup() {
	stop_node
	if [[ -n "${BENCH_KEEP:-}" ]]; then
		echo "database kept in $work/node" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

start_node() {
	# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of arguments.
	"$bin/credchain-node" --dev --base-path "$work/node" --rpc-port "$port" --no-prometheus \
		--no-telemetry --no-mdns "${NODE_POOL_ARGS[@]}" \
		--rpc-max-connections 1000 ${BENCH_NODE_ARGS:-} >>"$work/node.log" 2>&1 &
	node_pid=$!
}
# The disk the database takes (allocated blocks: ParityDB's files are partly sparse).
db_bytes() { du -s --block-size=1 "$work/node/chains/credchain_dev/paritydb" | cut -f1; }
rss_kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$node_pid/status"; }
verify_bench() {
	"$bin/credchain" --url "ws://127.0.0.1:$port" bench verify --digest "$1" --concurrency 32 \
		--duration "$seconds" "${@:2}"
}
fill() {
	"$bin/credchain" --url "$url" bench fill --credentials "$1" --timeout 7200 | tee "$work/fill.txt"
	sed -n 's/^sample: *//p' "$work/fill.txt"
}

log "Starting a development node on 127.0.0.1:$port"
start_node
wait_for_rpc "$port" >/dev/null
sleep 5
bytes_empty=$(db_bytes)

log "Issuing $small credentials"
first=$(fill "$small" | tail -n 1)
log "credentials_verify at $small credentials"
at_small=$(verify_bench "$first")
echo "$at_small"

log "Issuing $((credentials - small)) more credentials"
fill $((credentials - small)) >/dev/null
grep -E '^(finalized|rate|chain rate|latency|fullest|refused|left pool|unanswered|failed):' "$work/fill.txt"
sleep 15 # let the database settle its write-ahead log
bytes_full=$(db_bytes)
rss=$(rss_kib VmRSS)
rss_private=$(rss_kib RssAnon)
peak=$(rss_kib VmHWM)
log "credentials_verify at $credentials credentials (the same credential)"
at_full=$(verify_bench "$first")
echo "$at_full"
log "state_getStorage of the same record, for comparison"
storage=$(verify_bench "$first" --storage)
echo "$storage"

log "Restarting the node on its database"
stop_node
bytes_stopped=$(db_bytes)
start_node
restart=$(wait_for_rpc "$port")
log "credentials_verify after the restart"
verify_bench "$first" >/dev/null
rss_restarted=$(rss_kib VmRSS)
rss_restarted_private=$(rss_kib RssAnon)
stop_node

# The fill's blocks are all inside the node's pruning window (256 blocks), so its database still
# holds every intermediate version of the trie. What the credentials cost for good: the finalized
# state exported and written as a fresh chain's genesis, plus the blocks' bodies.
log "Measuring the live state alone (the state exported into a fresh database)"
"$bin/credchain-node" export-state --chain dev --base-path "$work/node" >"$work/state.json" 2>/dev/null
"$bin/credchain-node" --chain "$work/state.json" --base-path "$work/live" --rpc-port "$port" \
	--no-prometheus --no-telemetry --no-mdns --port $((port + 1)) >"$work/live.log" 2>&1 &
node_pid=$!
wait_for_rpc "$port" >/dev/null
sleep 20 # the genesis write reaches the database files
stop_node
rm -f "$work/state.json"
column_bytes() { du -c --block-size=1 "$1"/*_"$2"_* 2>/dev/null | tail -n 1 | cut -f1; }
live_state=$(column_bytes "$work/live/chains/credchain_dev/paritydb/full" 01)
bodies=$(column_bytes "$work/node/chains/credchain_dev/paritydb/full" 05)

p99() { sed -n 's/^latency:.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$1"; }
rps() { sed -n 's/^throughput: *\([0-9.]*\).*/\1/p' <<<"$1"; }
python3 - <<PY
credentials = $credentials
per = ($bytes_full - $bytes_empty) / credentials
print(f"credentials:          {credentials:,}")
print(f"database:             {$bytes_full / 2**20:.1f} MiB ({per:.0f} bytes per credential); "
      f"{$bytes_stopped / 2**20:.1f} MiB once the node stopped")
print(f"for good:             {$live_state / credentials:.0f} bytes per credential of live state "
      f"+ {$bodies / credentials:.0f} of block bodies")
# Resident memory is the node's own (anonymous) memory plus the pages of the database files it maps,
# which the kernel may drop at any time; both are shown.
print(f"node memory:          {$rss / 1024:.0f} MiB resident ({$rss_private / 1024:.0f} MiB its own, "
      f"the rest mapped database files), {$peak / 1024:.0f} MiB peak")
print(f"after a restart:      {$rss_restarted / 1024:.0f} MiB resident "
      f"({$rss_restarted_private / 1024:.0f} MiB its own) after {$seconds} s of verification")
print(f"verify at $small:       p99 $(p99 "$at_small") ms, $(rps "$at_small") requests/s")
print(f"verify at {credentials:,}: p99 $(p99 "$at_full") ms, $(rps "$at_full") requests/s")
print(f"state_getStorage:     p99 $(p99 "$storage") ms, $(rps "$storage") requests/s "
      f"(verify is {$(rps "$at_full") / $(rps "$storage"):.2f}x of it)")
print(f"restart:              {$restart} s until JSON-RPC answers")
PY
