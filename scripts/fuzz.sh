#!/usr/bin/env bash
# Runtime fuzzing (docs/reliability.md): random blocks of random calls of every pallet, from every
# role, applied to the real runtime natively; after every block nothing panicked, every pallet's
# try_state invariants hold and the weight limits were kept. A failing case is shrunk and its seed
# kept in fuzz/regressions.txt (commit it, and add a regression test for what it found).
#   scripts/fuzz.sh [CHAINS]     default 40,000 chains of up to 24 blocks: over a million calls
# CREDCHAIN_FUZZ_SEED picks the run (default: a random seed, printed).
# The test suite runs the same test with 48 chains and seed 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

chains="${1:-40000}"
seed="${CREDCHAIN_FUZZ_SEED:-$RANDOM$RANDOM}"
"$REPO_ROOT/scripts/setup.sh"
log "Fuzzing the runtime: $chains chains, seed $seed"
# The fuzzer needs the runtime's try-runtime feature, which production builds never carry, so it is
# built on its own (natively: no WebAssembly). Bounded: at most three hours.
CREDCHAIN_FUZZ_CASES="$chains" CREDCHAIN_FUZZ_SEED="$seed" SKIP_WASM_BUILD=1 timeout 10800 \
	cargo test --release --locked -p credchain-runtime-fuzz --features try-runtime -- --nocapture
