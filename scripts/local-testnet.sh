#!/usr/bin/env bash
# A local CredChain consortium on loopback: N validators (default 4) and one non-validating RPC node
# for verifiers, each with its own base path, session keys and network key, built the way a real
# consortium is (docs/operator-guide.md): keys are generated, a consortium description is written,
# `credchain-node consortium-spec` turns it into a raw chain spec without sudo, session keys go into
# each validator's keystore, and only the listed PeerIds may connect.
#
#   scripts/local-testnet.sh [N]        N validators, 1 <= N <= 20
#
#   RPC node for verifiers:  ws://127.0.0.1:9944 (override the base with CREDCHAIN_TESTNET_RPC_PORT)
#   validator i:             ws://127.0.0.1:<9944 + i>, p2p 127.0.0.1:<30333 + i>
#   files and logs:          $CREDCHAIN_TESTNET_DIR, default a fresh folder under /tmp
#
# The validators' secret seeds are the development phrase's //Validator1 ... //ValidatorN: a local
# testnet, never a real network. Ctrl-C (or SIGTERM) stops every node cleanly.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

count="${1:-4}"
if ! [[ "$count" =~ ^[0-9]+$ ]] || ((count < 1 || count > 20)); then
	echo "usage: $0 [N]   (N validators, 1 to 20; default 4)" >&2
	exit 2
fi
rpc_base="${CREDCHAIN_TESTNET_RPC_PORT:-9944}"
p2p_base=30333

if [[ -z "${CREDCHAIN_SKIP_BUILD:-}" ]]; then
	"$REPO_ROOT/scripts/setup.sh"
	log "Building credchain-node"
	(cd "$REPO_ROOT" && cargo build "${CARGO_FLAGS[@]}")
fi
node="$(target_dir)/release/credchain-node"

work="${CREDCHAIN_TESTNET_DIR:-$(mktemp -d /tmp/credchain-testnet.XXXXXX)}"
mkdir -p "$work"
log "Generating keys and the chain spec in $work"

# public_key SCHEME SURI -> 0x-hex public key
public_key() {
	"$node" key inspect --scheme "$1" --output-type json "$2" |
		sed -n 's/.*"publicKey": *"\(0x[0-9a-f]*\)".*/\1/p'
}

# node_key NAME -> writes $work/NAME/node-key, prints the PeerId
node_key() {
	mkdir -p "$work/$1"
	[[ -f "$work/$1/node-key" ]] || "$node" key generate-node-key --file "$work/$1/node-key" 2>/dev/null
	"$node" key inspect-node-key --file "$work/$1/node-key"
}

members=()
for i in $(seq 1 "$count"); do
	suri="//Validator$i"
	peer_id="$(node_key "validator-$i")"
	nodes="\"$peer_id\""
	if ((i == 1)); then
		rpc_peer_id="$(node_key rpc)"
		nodes="$nodes, \"$rpc_peer_id\""
	fi
	members+=("$(
		cat <<MEMBER
    {
      "name": "University $i",
      "account": "$(public_key sr25519 "$suri")",
      "aura": "$(public_key sr25519 "$suri")",
      "grandpa": "$(public_key ed25519 "$suri")",
      "council": true,
      "nodes": [$nodes]
    }
MEMBER
	)")
	echo "$peer_id" >"$work/validator-$i/peer-id"
done
{
	echo '{'
	echo '  "name": "CredChain Local Consortium",'
	echo '  "id": "credchain_local_consortium",'
	echo '  "sessionLength": 10,'
	echo '  "members": ['
	(
		IFS=,
		echo "${members[*]}"
	)
	echo '  ]'
	echo '}'
} >"$work/consortium.json"
"$node" consortium-spec --config "$work/consortium.json" --raw --output "$work/chain-spec.json"

for i in $(seq 1 "$count"); do
	for key in "aura sr25519" "gran ed25519"; do
		read -r key_type scheme <<<"$key"
		"$node" key insert --base-path "$work/validator-$i" --chain "$work/chain-spec.json" \
			--key-type "$key_type" --scheme "$scheme" --suri "//Validator$i"
	done
done

pids=()
stop_all() {
	trap - INT TERM EXIT
	if ((${#pids[@]})); then
		log "Stopping ${#pids[@]} nodes"
		kill -INT "${pids[@]}" 2>/dev/null || true
		wait "${pids[@]}" 2>/dev/null || true
	fi
}
trap stop_all INT TERM EXIT

common_args=(--chain "$work/chain-spec.json" --no-mdns --no-prometheus --no-telemetry "${NODE_POOL_ARGS[@]}"
	--bootnodes "/ip4/127.0.0.1/tcp/$((p2p_base + 1))/p2p/$(cat "$work/validator-1/peer-id")")

# start NAME P2P_PORT RPC_PORT ARGS...
start() {
	local name="$1" p2p="$2" rpc="$3"
	shift 3
	"$node" "${common_args[@]}" --name "$name" --base-path "$work/$name" \
		--node-key-file "$work/$name/node-key" --listen-addr "/ip4/127.0.0.1/tcp/$p2p" \
		--rpc-port "$rpc" "$@" >"$work/$name.log" 2>&1 &
	pids+=("$!")
}

for i in $(seq 1 "$count"); do
	start "validator-$i" $((p2p_base + i)) $((rpc_base + i)) --validator
done
start rpc $((p2p_base + count + 1)) "$rpc_base" --offchain-worker always --rpc-cors all

log "A consortium of $count validators and one RPC node is running"
{
	echo "    RPC node for verifiers: ws://127.0.0.1:$rpc_base  (log: $work/rpc.log)"
	for i in $(seq 1 "$count"); do
		echo "    validator-$i:           ws://127.0.0.1:$((rpc_base + i))  (log: $work/validator-$i.log)"
	done
	echo "    chain spec:             $work/chain-spec.json"
	echo "    council (all validators) keys: //Validator1 ... //Validator$count"
	echo "    Stop with Ctrl-C."
} >&2

# Exit (and stop the others) as soon as any node exits.
wait -n "${pids[@]}"
log "A node exited; see the logs in $work"
exit 1
