#!/usr/bin/env bash
# Measures every weight of CredChain's runtime on this machine and writes the generated files:
#   scripts/benchmark-weights.sh            everything below
#   scripts/benchmark-weights.sh pallet_credentials frame_system ...   only these pallets
#
# 1. `benchmark storage` — ParityDB read and write costs, on a filled development chain's database
#    (CREDCHAIN_BENCH_DB=<base path>, for example one `BENCH_KEEP=1 scripts/bench-scale.sh` left;
#    runtime/src/weights/paritydb_weights.rs);
# 2. `benchmark overhead` — the fixed cost of a block and of one extrinsic (signature check and
#    transaction extensions included), measured with blocks full of remarks
#    (runtime/src/weights/{block,extrinsic}_weights.rs);
# 3. `benchmark pallet` — every call of every pallet with benchmarks: CredChain's own (into
#    pallets/<name>/src/weights.rs) and the upstream ones the runtime uses, frame_system's
#    transaction extensions included (into runtime/src/weights/<pallet>.rs).
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

# CredChain's pallets keep their weights beside their code, with their own WeightInfo trait.
own_pallets=(pallet_credentials pallet_validator_set pallet_runtime_upgrade pallet_consortium_nodes)
# Upstream pallets: the runtime implements their WeightInfo traits from these files.
runtime_pallets=(frame_system frame_system_extensions pallet_timestamp pallet_sudo pallet_collective
	pallet_membership pallet_multisig pallet_balances)
weights_dir="runtime/src/weights"
mkdir -p "$weights_dir"

benchmark_pallet() {
	local pallet="$1" output="$2"
	shift 2
	log "Benchmarking $pallet into $output"
	"$node" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps 20 --repeat 10 --wasm-execution compiled --output "$output" "$@"
}

selected=("$@")
if ((${#selected[@]} == 0)); then
	# On a development chain's few genesis keys the figures mean nothing (and the write benchmark
	# fails on ParityDB with "Empty input is invalid"), so the storage benchmark needs a filled
	# database: CREDCHAIN_BENCH_DB=<base path of a --dev chain>, e.g. one `BENCH_KEEP=1
	# scripts/bench-scale.sh` left.
	if [[ -n "${CREDCHAIN_BENCH_DB:-}" ]]; then
		log "Benchmarking ParityDB reads and writes (benchmark storage) on $CREDCHAIN_BENCH_DB"
		"$node" benchmark storage --dev --base-path "$CREDCHAIN_BENCH_DB" --database paritydb \
			--state-version 1 --weight-path "$weights_dir" 2>&1 | tail -n 20
		# The CLI's template documents struct fields of an expression with `///`, which rustc
		# warns about, and calls ParityDB experimental: plain comments, and what the figures are.
		sed -i -e 's|^\(\t\t\t\)///$|\1//|' -e 's|^\(\t\t\t\)/// |\1// |' \
			-e 's|/// `ParityDB` can be enabled.*|/// The time of one ParityDB read and one write on this machine, on a database of a|' \
			-e 's|/// are available for brave runtime engineers.*|/// million credentials.|' \
			"$weights_dir/paritydb_weights.rs"
	else
		log "Skipping benchmark storage (set CREDCHAIN_BENCH_DB to a filled database)"
	fi

	log "Benchmarking the block and extrinsic overhead (benchmark overhead)"
	"$node" benchmark overhead --chain dev --weight-path "$weights_dir" 2>&1 | tail -n 20

	selected=("${own_pallets[@]}" "${runtime_pallets[@]}")
fi

for pallet in "${selected[@]}"; do
	if [[ " ${own_pallets[*]} " == *" $pallet "* ]]; then
		folder="pallets/$(echo "${pallet#pallet_}" | tr _ -)"
		benchmark_pallet "$pallet" "$folder/src/weights.rs" --template scripts/weight-template.hbs
	else
		benchmark_pallet "$pallet" "$weights_dir/$pallet.rs"
	fi
done
