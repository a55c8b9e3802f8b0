#!/usr/bin/env bash
# Crash-restart under load (docs/reliability.md): a local consortium of four validators and an RPC
# node while three issuer keys issue through the RPC node; each round kills (SIGKILL) a validator
# chosen by the seed and restarts it on its own database; then the whole network is stopped and
# restarted, and the RPC node killed while a verifier queries it. Then a validator's disk fills up
# (a small tmpfs: needs root) and is freed again. Prints each round and a report; fails if a
# credential reported finalized is not valid on every node, finality does not recover, a node
# cannot restart on its database, or a node panics.
#   scripts/chaos.sh [ROUNDS]     default 20 rounds (about half a minute each)
# CREDCHAIN_CHAOS_SEED picks the victims and pauses (default: a random seed, printed).
# The test suite runs the same tests with two rounds (tests/tests/e2e/chaos.rs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

rounds="${1:-20}"
seed="${CREDCHAIN_CHAOS_SEED:-$RANDOM$RANDOM}"
build_unless_skipped
log "Chaos: $rounds rounds, seed $seed"
# Bounded: each round waits at most two minutes for recovery; the whole run at most 20 minutes
# plus a minute per round.
CREDCHAIN_CHAOS_ROUNDS="$rounds" CREDCHAIN_CHAOS_SEED="$seed" \
	run_e2e_tests $((1200 + 60 * rounds)) chaos::
