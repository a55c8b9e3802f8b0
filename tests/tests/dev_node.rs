//! A `--dev` node on loopback: it finalizes blocks, reports CredChain's runtime and chain over
//! JSON-RPC, and exits cleanly on SIGINT.

use std::time::Duration;

use credchain_e2e::{Node, NodeConfig};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_blocks_and_stops_cleanly() {
	let mut node = Node::start(NodeConfig::dev()).await;

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

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_refuses_unsafe_rpc_methods_by_default() {
	let node = Node::start(NodeConfig::dev()).await;
	let rotated: Result<String, _> = node.try_call("author_rotateKeys", Vec::new()).await;
	let error = rotated.expect_err("author_rotateKeys is unsafe and must be refused");
	assert!(error.to_string().contains("unsafe"), "unexpected error: {error}");
}
