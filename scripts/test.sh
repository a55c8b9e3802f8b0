#!/usr/bin/env bash
# Every test of the workspace — pallet unit tests, benchmark tests, and end-to-end tests that start
# real nodes on loopback — in the one release profile. Extra arguments go to `cargo test`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

log "Checking formatting"
cargo fmt --all -- --check

log "Building the workspace (release)"
cargo build "${CARGO_FLAGS[@]}"

log "Checking that RocksDB is not compiled in"
# `cargo tree -i` fails when the package is not in the graph at all, which is what we want.
if cargo tree "${CARGO_FEATURES[@]}" -i librocksdb-sys >/dev/null 2>&1; then
	echo "error: librocksdb-sys is in the dependency tree; CredChain uses ParityDB only" >&2
	exit 1
fi

log "Running every test"
CREDCHAIN_NODE="$(target_dir)/release/credchain-node" cargo test "${CARGO_FLAGS[@]}" "$@"
