# Shared by scripts/*.sh: the one set of cargo flags every build and test uses, so that the node, the
# runtime and the tests are compiled once, with one profile and one feature set.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# The runtime's WebAssembly build looks for Cargo.lock above the target folder; with a target folder
# outside the clone (CI) it needs to be told where the workspace is.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"

# `--release` for everything (tests included), with the production feature set: no benchmarking code in
# the node or the runtime. Benchmarks have their own build (scripts/benchmark-pallets.sh).
CARGO_FEATURES=(--workspace --locked)
CARGO_FLAGS=(--release "${CARGO_FEATURES[@]}")

# The pallets with frame-benchmarking benchmarks (scripts/benchmark-pallets.sh regenerates their
# weights; scripts/test.sh runs the benchmarks as tests).
BENCHMARKED_PALLETS=(pallet-credentials pallet-validator-set pallet-runtime-upgrade pallet-consortium-nodes pallet-roles)

# Where cargo puts the build: CARGO_TARGET_DIR if set (CI sets one outside the clone), else target/.
target_dir() {
	echo "${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
}

log() {
	printf '\033[1m==> %s\033[0m\n' "$*" >&2
}
