# Shared by scripts/*.sh: the one set of cargo flags every build and test uses, so that the node, the
# runtime and the tests are compiled once, with one profile and one feature set.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# The runtime's WebAssembly build looks for Cargo.lock above the target folder; with a target folder
# outside the clone (CI) it needs to be told where the workspace is.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"

# `--release` for everything (tests included), with the production feature set: no benchmarking code in
# the node or the runtime. Benchmarks have their own build (scripts/benchmark-weights.sh).
CARGO_FEATURES=(--workspace --locked)
CARGO_FLAGS=(--release "${CARGO_FEATURES[@]}")

# The pallets with frame-benchmarking benchmarks (scripts/benchmark-weights.sh regenerates their
# weights; scripts/test.sh runs the benchmarks as tests).
BENCHMARKED_PALLETS=(pallet-credentials pallet-validator-set pallet-runtime-upgrade pallet-consortium-nodes pallet-roles)

# The transaction pool for CredChain's expected load: a graduation day's tens of thousands of
# credentials sent at once. The node's defaults (8,192 ready transactions and a future queue a tenth
# of that, 20 MiB) drop a burst of 20,000 transactions; these limits hold 32,768 (3,276 in the future
# queue, sent ahead of their nonce) in at most 128 MiB. The single-state pool: under the same burst,
# sent in nonce order per signer, the fork-aware pool of polkadot-sdk stable2609 dropped some
# accepted, ready transactions (104 to 241 of 20,000), stranding every later one of their signers in
# the future queue; the single-state pool finalized all 20,000. See docs/operator-guide.md,
# "Transaction pool".
NODE_POOL_ARGS=(--pool-type single-state --pool-limit 32768 --pool-kbytes 131072)

# Where cargo puts the build: CARGO_TARGET_DIR if set (CI sets one outside the clone), else target/.
target_dir() {
	echo "${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
}

log() {
	printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

# Installs what the scripts need and builds the binaries and tests (release), unless
# CREDCHAIN_SKIP_BUILD is set: scripts/test.sh sets it for the scripts' short versions, which run on
# what it has just built.
build_unless_skipped() {
	if [[ -z "${CREDCHAIN_SKIP_BUILD:-}" ]]; then
		"$REPO_ROOT/scripts/setup.sh"
		log "Building (release)"
		cargo build "${CARGO_FLAGS[@]}" --bins --tests
	fi
}

# Runs the end-to-end tests whose names contain FILTER, one at a time and with their output, against
# the node just built, for at most SECONDS: the long versions of the reliability tests, which read
# their settings from the environment the caller gives.
run_e2e_tests() {
	local seconds="$1" filter="$2"
	CREDCHAIN_NODE="$(target_dir)/release/credchain-node" timeout "$seconds" \
		cargo test "${CARGO_FLAGS[@]}" --test e2e -- --nocapture --test-threads 1 "$filter"
}

# Waits until the node at 127.0.0.1:PORT answers JSON-RPC, at most a minute; prints the seconds it took.
wait_for_rpc() {
	local port="$1" started
	started=$(date +%s.%N)
	for _ in $(seq 1 600); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"system_health"}' "http://127.0.0.1:$port" >/dev/null; then
			python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')"
			return
		fi
		sleep 0.1
	done
	echo "error: the node on port $port did not answer within a minute" >&2
	return 1
}
