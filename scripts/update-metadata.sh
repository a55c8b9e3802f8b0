#!/usr/bin/env bash
# Rewrites client/metadata/credchain.scale, the runtime metadata the client's typed calls are generated
# from, after a runtime change: the runtime's own test writes it when asked to. Commit the file with
# the change; `scripts/test.sh` fails while it differs from the runtime's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
log "Writing the runtime's metadata to client/metadata/credchain.scale"
# With the whole workspace and all its targets, like scripts/test.sh, so that every crate is built
# with the same features and nothing is compiled twice (`--lib` alone would leave out the node's
# features); if that fails because the client no longer compiles against the old metadata (which is
# why the metadata is being updated), with the runtime's package alone.
CREDCHAIN_UPDATE_METADATA=1 cargo test "${CARGO_FLAGS[@]}" the_clients_metadata_is_this_runtimes ||
	CREDCHAIN_UPDATE_METADATA=1 cargo test --release --locked -p credchain-runtime --lib \
		the_clients_metadata_is_this_runtimes
