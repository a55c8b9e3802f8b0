#!/usr/bin/env bash
# Regenerates the weights of CredChain's own pallets from their frame-benchmarking benchmarks, on this
# machine:
#   scripts/benchmark-pallets.sh [pallet_credentials|pallet_validator_set|pallet_runtime_upgrade|pallet_consortium_nodes ...]
#   (default: all four)
#
# Production nodes and runtimes carry no benchmarking code, so this script builds a separate
# benchmarking node (`--features runtime-benchmarks`) in its own target folder,
# $(target_dir)/benchmarking: the first build takes as long as a clean build; later ones are
# incremental. Set CREDCHAIN_BENCH_NODE to use a benchmarking node built elsewhere.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$REPO_ROOT"
node="${CREDCHAIN_BENCH_NODE:-}"
if [[ -z "$node" ]]; then
	"$REPO_ROOT/scripts/setup.sh"
	bench_target="$(target_dir)/benchmarking"
	log "Building the benchmarking node in $bench_target"
	CARGO_TARGET_DIR="$bench_target" cargo build --release --locked -p credchain-node \
		--features runtime-benchmarks
	node="$bench_target/release/credchain-node"
fi

pallets=("$@")
((${#pallets[@]})) ||
	pallets=(pallet_credentials pallet_validator_set pallet_runtime_upgrade pallet_consortium_nodes)
for pallet in "${pallets[@]}"; do
	folder="pallets/$(echo "${pallet#pallet_}" | tr _ -)"
	log "Benchmarking $pallet into $folder/src/weights.rs"
	"$node" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps 20 --repeat 10 --wasm-execution compiled \
		--template scripts/weight-template.hbs --output "$folder/src/weights.rs"
done
