#!/usr/bin/env bash
# Submit→finalized latency on a 4-validator network, for each slot duration given: the built-in
# `local` chain (Alice, Bob, Charlie and Dave validate; Ferdie runs the RPC node the load goes to)
# with its genesis changed in two ways only — `validatorSet.slotDuration`, and Alice as a sudo key
# so that `credchain bench issue` can admit its bench issuers. For each slot duration, two runs:
#   - a steady load (`--rate`, default 50 single issues per second for 60 s): latency p50/p95/p99;
#   - a burst (default 20,000 single issues, sent as fast as the pool takes them): throughput.
#
#   scripts/bench-latency.sh [SLOT_MS ...]     default: 6000 3000 2000
#   scripts/bench-latency.sh --smoke           one slot duration (2000), a few transactions (CI)
# Environment: BENCH_RATE, BENCH_SECONDS, BENCH_BURST override the load (BENCH_BURST=0: no burst).
# Every run has a timeout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

rate="${BENCH_RATE:-50}"
seconds="${BENCH_SECONDS:-60}"
burst="${BENCH_BURST:-20000}"
slots=("$@")
if [[ "${1:-}" == "--smoke" ]]; then
	rate=10 seconds=5 burst=100 slots=(2000)
fi
((${#slots[@]})) || slots=(6000 3000 2000)
for slot in "${slots[@]}"; do
	if ! [[ "$slot" =~ ^[0-9]+$ ]] || ((slot < 1000 || slot % 2)); then
		echo "usage: $0 [SLOT_MS ...]   (even numbers of milliseconds, at least 1000)" >&2
		exit 2
	fi
done

build_unless_skipped
bin="$(target_dir)/release"
work="$(mktemp -d)"
pids=()
stop_all() {
	if ((${#pids[@]})); then
		kill -INT "${pids[@]}" 2>/dev/null || true
		wait "${pids[@]}" 2>/dev/null || true
	fi
	pids=()
}
cleanup() {
	stop_all
	rm -rf "$work"
}
trap cleanup EXIT

# The `local` chain's spec with the slot duration SLOT_MS and Alice as sudo key, in raw form.
chain_spec() {
	local slot="$1" alice
	alice="$("$bin/credchain-node" key inspect --output-type json //Alice |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["ss58Address"])')"
	"$bin/credchain-node" build-spec --chain local 2>/dev/null >"$work/local.json"
	python3 - "$work/local.json" "$slot" "$alice" <<'PY'
import json, sys
path, slot, alice = sys.argv[1], int(sys.argv[2]), sys.argv[3]
spec = json.load(open(path))
patch = spec["genesis"]["runtimeGenesis"]["patch"]
patch.setdefault("validatorSet", {})["slotDuration"] = slot
patch["sudo"] = {"key": alice}
patch.setdefault("roles", {}).setdefault("grants", []).append([alice, "Bootstrap"])
json.dump(spec, open(path, "w"))
PY
	"$bin/credchain-node" build-spec --chain "$work/local.json" --raw 2>/dev/null >"$work/spec-$slot.json"
}

# The libp2p key of the well-known ed25519 key NAME, whose PeerId the local genesis authorizes.
node_key() {
	"$bin/credchain-node" key inspect --scheme ed25519 --output-type json "//$1" |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["secretSeed"][2:])'
}

# Starts the network with slots of SLOT_MS; sets rpc_port to the RPC node's port.
start_network() {
	local slot="$1" base=$((20000 + RANDOM % 10000)) i=0 name bootnode
	chain_spec "$slot"
	bootnode="/ip4/127.0.0.1/tcp/$((base + 100))/p2p/$("$bin/credchain-node" key inspect-node-key \
		--file <(node_key Alice | tr -d '\n'))"
	for name in alice bob charlie dave ferdie; do
		local role=(--node-key "$(node_key "${name^}")")
		[[ "$name" == ferdie ]] && role+=(--offchain-worker=always) || role+=("--$name")
		"$bin/credchain-node" --chain "$work/spec-$slot.json" --base-path "$work/$slot/$name" \
			--rpc-port $((base + i)) --listen-addr "/ip4/127.0.0.1/tcp/$((base + 100 + i))" \
			--bootnodes "$bootnode" --no-prometheus --no-telemetry --no-mdns "${NODE_POOL_ARGS[@]}" \
			--rpc-max-connections 1000 "${role[@]}" >"$work/$name-$slot.log" 2>&1 &
		pids+=("$!")
		i=$((i + 1))
	done
	rpc_port=$((base + 4))
	for i in 0 1 2 3 4; do wait_for_rpc $((base + i)) >/dev/null; done
}

load() {
	"$bin/credchain" --url "ws://127.0.0.1:$rpc_port" bench issue --mode issue --timeout 900 "$@" |
		grep -v '^block:' || true
}

for slot in "${slots[@]}"; do
	log "Four validators with ${slot}-ms slots"
	start_network "$slot"
	sleep $((slot * 3 / 1000)) # a few blocks, so that finality runs
	log "Steady load: $rate single issues per second for $seconds s (${slot}-ms slots)"
	load --transactions $((rate * seconds)) --rate "$rate"
	if ((burst > 0)); then
		log "Burst: $burst single issues at once (${slot}-ms slots)"
		load --transactions "$burst"
	fi
	if grep -E 'panicked|Thread .* panicked' "$work"/*-"$slot".log; then
		echo "error: a node panicked" >&2
		exit 1
	fi
	stop_all
done
