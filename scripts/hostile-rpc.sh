#!/usr/bin/env bash
# Hostile JSON-RPC (docs/reliability.md): the end-to-end test's malformed requests — wrong types, odd
# hex, 31- and 33-byte digests, 10,000-hash proofs, random bytes as extrinsics, malformed JSON, a
# 10,000-request batch, an oversized body — plus REQUESTS random malformed requests from a seed, each
# of which must get an error answer while the node stays up with bounded memory; then verification
# latency under an 80 % issuing load against idle (scripts/bench-rpc-under-load.sh).
#   scripts/hostile-rpc.sh [REQUESTS]     default 100,000 random requests
# CREDCHAIN_HOSTILE_SEED picks the random requests (default: a random seed, printed).
# The test suite runs the same test with 500 random requests, seed 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

requests="${1:-100000}"
seed="${CREDCHAIN_HOSTILE_SEED:-$RANDOM$RANDOM}"
build_unless_skipped
log "Hostile JSON-RPC: the fixed cases and $requests random requests, seed $seed"
# Bounded: an hour at most.
CREDCHAIN_HOSTILE_REQUESTS="$requests" CREDCHAIN_HOSTILE_SEED="$seed" run_e2e_tests 3600 hostile_rpc::
CREDCHAIN_SKIP_BUILD=1 "$REPO_ROOT/scripts/bench-rpc-under-load.sh"
