#!/usr/bin/env bash
# Every test of the workspace — pallet unit tests, benchmark tests, and end-to-end tests that start
# real nodes on loopback — in the one release profile. Extra arguments go to `cargo test`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

log "Checking formatting"
cargo fmt --all -- --check

# `--bins --tests`: the binaries and every test target in one invocation, so that both are built with
# the one feature set `cargo test` resolves (dev-dependencies included: the node's dev-dependency on
# frame-benchmarking-cli turns on features such as serde's `rc`). A plain `cargo build` would resolve
# another set, and `cargo test` would then compile nearly every dependency a second time. (Not
# `--all-targets`: the node's bench target would compile frame-benchmarking-cli itself.)
log "Building the workspace and its tests (release)"
cargo build "${CARGO_FLAGS[@]}" --bins --tests

log "Checking that RocksDB is not compiled in"
# `cargo tree -i` fails when the package is not in the graph at all, which is what we want.
if cargo tree "${CARGO_FEATURES[@]}" -i librocksdb-sys >/dev/null 2>&1; then
	echo "error: librocksdb-sys is in the dependency tree; CredChain uses ParityDB only" >&2
	exit 1
fi

log "Checking that the production node has no benchmarking code"
# (`cargo tree -i` prints nothing, and exits 0, when the package is not among the node's dependencies.)
if cargo tree --locked -p credchain-node -e normal -i frame-benchmarking 2>/dev/null |
	grep -q '^frame-benchmarking'; then
	echo "error: frame-benchmarking is in the production node's dependency tree" >&2
	exit 1
fi

# End-to-end tests spend most of their time waiting for blocks, so four run at once (two cores);
# CREDCHAIN_TEST_THREADS overrides it.
log "Running every test"
CREDCHAIN_NODE="$(target_dir)/release/credchain-node" cargo test "${CARGO_FLAGS[@]}" "$@" -- \
	--test-threads="${CREDCHAIN_TEST_THREADS:-4}"

# The pallets' benchmarks, run as tests against their mock runtimes: the only part of the build that
# needs the `runtime-benchmarks` feature. Without the runtime's WebAssembly, it recompiles FRAME's
# runtime crates only, not the node.
log "Running the pallets' benchmark tests"
packages=()
for pallet in "${BENCHMARKED_PALLETS[@]}"; do packages+=(-p "$pallet"); done
SKIP_WASM_BUILD=1 cargo test --release --locked "${packages[@]}" --features runtime-benchmarks \
	-- benchmark

# The runtime fuzzer's short seeded version: it needs the runtime's try-runtime feature, which the
# production build never carries, so it is built on its own, natively (scripts/fuzz.sh runs the long
# version).
log "Fuzzing the runtime (short, seeded)"
SKIP_WASM_BUILD=1 cargo test --release --locked -p credchain-runtime-fuzz --features try-runtime \
	-- --nocapture

# The benchmark scripts themselves (their start-up, parsing and reports), in their short versions on
# the binaries just built: the end-to-end tests cover the `credchain bench` commands, not the scripts.
log "Running the benchmark scripts' short versions"
for script in bench-issue bench-latency bench-scale bench-rpc-under-load; do
	CREDCHAIN_SKIP_BUILD=1 "$REPO_ROOT/scripts/$script.sh" --smoke
done
