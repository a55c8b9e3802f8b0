#!/usr/bin/env bash
# The main job: set up, build, then run a CredChain development chain in the foreground.
#   JSON-RPC (HTTP and WebSocket): 127.0.0.1:9944 (override with CREDCHAIN_RPC_PORT)
#   chain data (kept across runs):  $CREDCHAIN_DATA, default ~/.local/share/credchain/dev
# Ctrl-C stops the node cleanly. Extra arguments go to credchain-node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/scripts/setup.sh"

log "Building credchain-node (release; the first build takes about half an hour on 2 cores)"
cd "$REPO_ROOT"
cargo build "${CARGO_FLAGS[@]}"

data_dir="${CREDCHAIN_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/credchain/dev}"
rpc_port="${CREDCHAIN_RPC_PORT:-9944}"
mkdir -p "$data_dir"

log "Starting a development chain"
cat >&2 <<MSG
    JSON-RPC (HTTP and WebSocket): http://127.0.0.1:${rpc_port}  ws://127.0.0.1:${rpc_port}
    Chain data:                    ${data_dir}  (delete it, or run 'credchain-node purge-chain --dev --base-path ${data_dir}', to start afresh)
    Try: curl -s -H 'Content-Type: application/json' -d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead"}' http://127.0.0.1:${rpc_port}
    Stop with Ctrl-C.
MSG
exec "$(target_dir)/release/credchain-node" --dev --base-path "$data_dir" --rpc-port "$rpc_port" \
	"${NODE_POOL_ARGS[@]}" "$@"
