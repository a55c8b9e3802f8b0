#!/usr/bin/env bash
# Regenerates the weights of CredChain's own pallets from their frame-benchmarking benchmarks, on this
# machine, with the node binary the tests use:
#   scripts/benchmark-pallets.sh [pallet_credentials|pallet_validator_set|pallet_runtime_upgrade ...]
#   (default: all three)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

node="$(target_dir)/release/credchain-node"
[[ -x "$node" ]] || { echo "build first: cargo build ${CARGO_FLAGS[*]}" >&2; exit 1; }

pallets=("$@")
((${#pallets[@]})) || pallets=(pallet_credentials pallet_validator_set pallet_runtime_upgrade)
cd "$REPO_ROOT"
for pallet in "${pallets[@]}"; do
	folder="pallets/$(echo "${pallet#pallet_}" | tr _ -)"
	log "Benchmarking $pallet into $folder/src/weights.rs"
	"$node" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps 20 --repeat 10 --wasm-execution compiled \
		--template scripts/weight-template.hbs --output "$folder/src/weights.rs"
done
