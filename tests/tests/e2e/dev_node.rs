//! A `--dev` node on loopback: it finalizes blocks, reports CredChain's runtime and chain over
//! JSON-RPC, and exits cleanly on SIGINT; the shipped chains have six-second slots, test chains the
//! slots their genesis chose.

use std::time::Duration;

use codec::Decode;
use credchain_e2e::{hex_decode, Node, NodeConfig, TEST_SLOT_DURATION};
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

#[tokio::test(flavor = "multi_thread")]
async fn the_shipped_chain_has_six_second_slots_and_a_genesis_may_choose_shorter() {
	let shipped = Node::start(NodeConfig::shipped_dev()).await;
	assert_eq!(slot_duration(&shipped).await, 6_000);

	let test_chain = Node::start(NodeConfig::dev()).await;
	assert_eq!(slot_duration(&test_chain).await, TEST_SLOT_DURATION.as_millis() as u64);
	// Blocks follow the chosen slots: ten slots bring several blocks (some slots may pass empty
	// on a busy machine), where six-second slots would bring at most four.
	let first = test_chain.wait_for_finalized(1, Duration::from_secs(60)).await;
	let start = test_chain.best_number().await;
	tokio::time::sleep(TEST_SLOT_DURATION * 10).await;
	let produced = test_chain.best_number().await - start;
	assert!(produced >= 5, "{produced} blocks in ten slots after block {first}");
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
