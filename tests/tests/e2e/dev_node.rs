//! A `--dev` node on loopback: it finalizes blocks, reports CredChain's runtime and chain over
//! JSON-RPC, and exits cleanly on SIGINT; the shipped chains have two-second slots, other chains the
//! slots their genesis chose.

use std::time::Duration;

use codec::Decode;
use credchain_e2e::{chain_spec_with_slots, hex_decode, Node, NodeConfig};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_blocks_and_stops_cleanly() {
	let mut node = Node::start(NodeConfig::shipped_dev()).await;

	let finalized = node.wait_for_finalized(1, Duration::from_secs(60)).await;
	assert!(finalized >= 1);

	let version: Value = node.call("state_getRuntimeVersion", Vec::new()).await;
	assert_eq!(version["specName"], "credchain", "runtime version: {version}");
	assert!(
		version["specVersion"].as_u64().is_some_and(|v| v >= 100),
		"runtime version: {version}"
	);

	let chain: String = node.call("system_chain", Vec::new()).await;
	assert_eq!(chain, "CredChain Development");

	let status = node.stop(Duration::from_secs(30));
	assert!(status.success(), "node exited with {status}:\n{}", node.log_tail());
}

/// The slot duration the node's runtime reports (`AuraApi_slot_duration`), in milliseconds.
async fn slot_duration(node: &Node) -> u64 {
	let answer: String =
		node.call("state_call", vec!["AuraApi_slot_duration".into(), "0x".into()]).await;
	u64::decode(&mut &hex_decode(&answer)[..]).expect("a slot duration is a SCALE u64")
}

/// How many blocks `node` adds to its best chain in `slots` slots of `slot`.
async fn blocks_in(node: &Node, slot: Duration, slots: u32) -> u64 {
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let start = node.best_number().await;
	tokio::time::sleep(slot * slots).await;
	node.best_number().await - start
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shipped_chain_has_two_second_slots_and_a_genesis_may_choose_others() {
	let shipped = Node::start(NodeConfig::shipped_dev()).await;
	assert_eq!(slot_duration(&shipped).await, 2_000);
	// Blocks follow the slots: ten slots bring several blocks (some slots may pass empty on a busy
	// machine), where the old six-second slots would bring at most four.
	let produced = blocks_in(&shipped, Duration::from_secs(2), 10).await;
	assert!(produced >= 5, "{produced} blocks in ten two-second slots");

	let six_seconds = Duration::from_secs(6);
	let chosen = format!("--chain={}", chain_spec_with_slots("dev", six_seconds).display());
	let slower = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into(), chosen],
		folder: None,
	})
	.await;
	assert_eq!(slot_duration(&slower).await, 6_000);
	let produced = blocks_in(&slower, Duration::from_secs(2), 10).await;
	assert!(produced <= 4, "{produced} blocks in twenty seconds of six-second slots");
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_refuses_unsafe_rpc_methods_by_default() {
	let node = Node::start(NodeConfig::dev()).await;
	let rotated: Result<String, _> = node.try_call("author_rotateKeys", Vec::new()).await;
	let error = rotated.expect_err("author_rotateKeys is unsafe and must be refused");
	assert!(error.to_string().contains("unsafe"), "unexpected error: {error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_production_runtime_has_no_benchmarking_api() {
	let node = Node::start(NodeConfig::dev()).await;
	// `Benchmark_benchmark_metadata(extra: bool)`: present only in a `runtime-benchmarks` build.
	let answer: Result<String, _> = node
		.try_call("state_call", vec!["Benchmark_benchmark_metadata".into(), "0x00".into()])
		.await;
	let error = answer.expect_err("a production runtime must not serve the benchmarking API");
	let message = error.to_string();
	assert!(
		message.contains("Benchmark_benchmark_metadata") && message.contains("not found"),
		"unexpected error: {message}"
	);
	// The runtime's own API is there, through the same `state_call`.
	let version: String = node.call("state_call", vec!["Core_version".into(), "0x".into()]).await;
	assert!(version.len() > 10);
}

#[test]
fn the_production_node_has_no_benchmark_subcommand() {
	let output = std::process::Command::new(credchain_e2e::node_binary())
		.args(["benchmark", "pallet", "--chain", "dev"])
		.output()
		.expect("the node binary runs");
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		stderr.contains("production build") && stderr.contains("benchmark-weights.sh"),
		"{stderr}"
	);
}
