#!/usr/bin/env bash
# Rewrites client/metadata/credchain.scale, the runtime metadata the client's typed calls are generated
# from, after a runtime change: the runtime's own test writes it when asked to. Commit the file with
# the change; `scripts/test.sh` fails while it differs from the runtime's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
log "Writing the runtime's metadata to client/metadata/credchain.scale"
# Only the runtime's package, so that it builds even when the client no longer compiles against the
# old metadata (which is why the metadata is being updated).
CREDCHAIN_UPDATE_METADATA=1 cargo test --release --locked -p credchain-runtime --lib client_metadata
