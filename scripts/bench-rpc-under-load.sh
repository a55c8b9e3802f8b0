#!/usr/bin/env bash
# Verification latency under issuing load (docs/reliability.md), on a development node:
#   1. capacity: a burst of single issues, sent as fast as the pool takes them, gives the rate the
#      node finalizes them at on this machine (load generator included);
#   2. idle: `credentials_verify` of one of those credentials from BENCH_CONCURRENCY clients;
#   3. loaded: the same while `credchain bench issue --rate` sends single issues at BENCH_LOAD_SHARE
#      (default 0.8) of that capacity.
# The goal: p99 under load at most twice the idle p99. A benchmark, not a test: it reports the figures
# and fails only when a run fails (errors, a node panic).
#   scripts/bench-rpc-under-load.sh           a burst of 20,000, then 30-s verification runs
#   scripts/bench-rpc-under-load.sh --smoke   a few transactions, 2-s runs (CI)
# Environment: BENCH_BURST, BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_LOAD_SHARE.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

burst="${BENCH_BURST:-20000}"
seconds="${BENCH_SECONDS:-30}"
concurrency="${BENCH_CONCURRENCY:-32}"
share="${BENCH_LOAD_SHARE:-0.8}"
if [[ "${1:-}" == "--smoke" ]]; then
	burst=200 seconds=2
fi

build_unless_skipped
bin="$(target_dir)/release"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 10000))
cleanup() {
	kill -INT "${load_pid:-}" "${node_pid:-}" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

log "Starting a development node on 127.0.0.1:$port"
"$bin/credchain-node" --dev --base-path "$work/node" --rpc-port "$port" --no-prometheus \
	--no-telemetry --no-mdns "${NODE_POOL_ARGS[@]}" --rpc-max-connections 1000 >"$work/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$port" >/dev/null
url="ws://127.0.0.1:$port"

# The value after "NAME:" in a report (the first number on that line with `number`).
field() { sed -n "s/^$1: *//p" <<<"$2" | head -1; }
number() { grep -oE '[0-9]+(\.[0-9]+)?' <<<"$1" | head -1; }
p99() { sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$(field latency "$1")"; }

log "Capacity: a burst of $burst single issues"
capacity_report="$("$bin/credchain" --url "$url" bench issue --mode issue --transactions "$burst" \
	--timeout 900 | grep -v '^block:')"
echo "$capacity_report"
capacity="$(number "$(field rate "$capacity_report")")"
digest="$(field sample "$capacity_report")"
[[ -n "$capacity" && -n "$digest" ]] || {
	echo "error: the burst reported no rate or no sample credential" >&2
	exit 1
}

verify() {
	"$bin/credchain" --url "http://127.0.0.1:$port" bench verify --digest "$digest" \
		--concurrency "$concurrency" --duration "$seconds" --max-requests 100000000
}
log "Idle: credentials_verify from $concurrency clients for $seconds s"
idle="$(verify)"
echo "$idle"

# Enough transactions to outlast the verification run, started, signed ahead and submitting before it.
rate="$(python3 -c "print(max(1, round($share * $capacity)))")"
transactions=$((rate * (seconds + 10)))
log "Loaded: $rate single issues/s ($share of $capacity), $transactions in all"
"$bin/credchain" --url "$url" bench issue --mode issue --transactions "$transactions" --rate "$rate" \
	--timeout 900 >"$work/load.out" 2>"$work/load.err" &
load_pid=$!
for _ in $(seq 1 600); do
	grep -q '^submitting' "$work/load.err" && break
	kill -0 "$load_pid" 2>/dev/null || break
	sleep 0.5
done
grep -q '^submitting' "$work/load.err" || {
	cat "$work/load.err" >&2
	echo "error: the issuing load did not start submitting within five minutes" >&2
	exit 1
}
sleep 5 # past the first blocks, so that the pool and the block builder are at the steady rate
loaded="$(verify)"
echo "$loaded"
wait "$load_pid" || {
	cat "$work/load.err" >&2
	echo "error: the issuing load failed" >&2
	exit 1
}
load_pid=
grep -v '^block:' "$work/load.out"

if grep -E 'panicked' "$work/node.log"; then
	echo "error: the node panicked" >&2
	exit 1
fi
for report in "$idle" "$loaded"; do
	if [[ "$(field requests "$report")" != *"(0 errors)"* ]]; then
		echo "error: verification requests failed: $(field 'first error' "$report")" >&2
		exit 1
	fi
done
python3 - "$(p99 "$idle")" "$(p99 "$loaded")" "$rate" "$capacity" <<'PY'
import sys
idle, loaded, rate, capacity = map(float, sys.argv[1:5])
ratio = loaded / idle if idle else float("inf")
verdict = "within" if ratio <= 2 else "OVER"
print(f"verification p99: idle {idle:.2f} ms, under {rate:.0f} issues/s "
      f"({100 * rate / capacity:.0f} % of {capacity:.0f}/s) {loaded:.2f} ms: "
      f"{ratio:.2f}× idle ({verdict} the goal of 2×)")
PY
