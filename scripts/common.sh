# Shared by scripts/*.sh: the one set of cargo flags every build and test uses, so that the node, the
# runtime and the tests are compiled once, with one profile and one feature set.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# The runtime's WebAssembly build looks for Cargo.lock above the target folder; with a target folder
# outside the clone (CI) it needs to be told where the workspace is.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"

# `--release` for everything (tests included); the node is built with its benchmarking subcommands so
# that `credchain-node benchmark pallet` works from the same binary the tests use.
CARGO_FEATURES=(--workspace --locked --features credchain-node/runtime-benchmarks)
CARGO_FLAGS=(--release "${CARGO_FEATURES[@]}")

# Where cargo puts the build: CARGO_TARGET_DIR if set (CI sets one outside the clone), else target/.
target_dir() {
	echo "${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
}

log() {
	printf '\033[1m==> %s\033[0m\n' "$*" >&2
}
