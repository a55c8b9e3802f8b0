#!/usr/bin/env bash
# Measures the verifier page on this machine:
#   1. requests per second of `credentials_verify` sent to a development node directly, and through
#      `credchain serve` (the server's cost is the difference);
#   2. in headless Chromium: the page's load time on loopback, and the time to verify 100 dropped files
#      (the ignored end-to-end test `measure_the_page_loading_and_checking_a_hundred_files`).
# Bounded: each load run lasts BENCH_SECONDS (default 10) with BENCH_CONCURRENCY workers (default 32).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

seconds="${BENCH_SECONDS:-10}"
concurrency="${BENCH_CONCURRENCY:-32}"
log "Building (release)"
cargo build "${CARGO_FLAGS[@]}" --bins --tests
bin="$(target_dir)/release"

work="$(mktemp -d)"
node_port=$((20000 + RANDOM % 10000))
serve_port=$((node_port + 1))
cleanup() {
	kill "${serve_pid:-}" "${node_pid:-}" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

log "Starting a development node on 127.0.0.1:$node_port and credchain serve on 127.0.0.1:$serve_port"
"$bin/credchain-node" --dev --base-path "$work/node" --rpc-port "$node_port" --no-prometheus \
	--no-telemetry --no-mdns >"$work/node.log" 2>&1 &
node_pid=$!
# No per-client budget here: the load generator is one client.
"$bin/credchain" serve --node "http://127.0.0.1:$node_port" --listen "127.0.0.1:$serve_port" \
	--requests-per-second 4000000000 --burst 4000000000 >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do
	curl -sf -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"system_chain"}' \
		"http://127.0.0.1:$serve_port/rpc" >/dev/null && break
	sleep 1
done

bench() {
	"$bin/credchain" --url "$1" bench verify --concurrency "$concurrency" --duration "$seconds" \
		--max-requests 10000000
}
log "credentials_verify straight to the node"
direct="$(bench "http://127.0.0.1:$node_port")"
echo "$direct"
log "credentials_verify through credchain serve (POST /rpc)"
proxied="$(bench "http://127.0.0.1:$serve_port/rpc")"
echo "$proxied"
rps() { sed -n 's/^throughput: *\([0-9.]*\).*/\1/p' <<<"$1"; }
python3 - "$(rps "$direct")" "$(rps "$proxied")" <<'PY'
import sys
direct, proxied = map(float, sys.argv[1:3])
print(f"server: {proxied:.0f} requests/s, node alone: {direct:.0f} requests/s "
      f"(the server costs {100 * (1 - proxied / direct):.1f} % of the node's throughput)")
PY
kill "$serve_pid" "$node_pid"
wait 2>/dev/null || true

log "Page load and 100 files in headless Chromium"
CREDCHAIN_NODE="$bin/credchain-node" cargo test "${CARGO_FLAGS[@]}" --test e2e -- --ignored --nocapture \
	measure_the_page_loading_and_checking_a_hundred_files
