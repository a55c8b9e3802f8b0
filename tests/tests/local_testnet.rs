//! The three validators of `--chain local` on loopback finalize blocks together.

use std::time::Duration;

use credchain_e2e::{Node, NodeConfig};

#[tokio::test(flavor = "multi_thread")]
async fn three_local_validators_finalize_together() {
	let alice = Node::start(NodeConfig::local_validator("alice")).await;
	let bootnode = alice.multiaddr().await;
	let bob = Node::start(
		NodeConfig::local_validator("bob").with_args([format!("--bootnodes={bootnode}")]),
	)
	.await;
	let charlie = Node::start(
		NodeConfig::local_validator("charlie").with_args([format!("--bootnodes={bootnode}")]),
	)
	.await;

	// GRANDPA with three equal voters needs all three: a finalized block proves they cooperate.
	for node in [&alice, &bob, &charlie] {
		let finalized = node.wait_for_finalized(2, Duration::from_secs(120)).await;
		assert!(finalized >= 2, "{} finalized {finalized}", node.name());
	}

	let chain: String = alice.call("system_chain", Vec::new()).await;
	assert_eq!(chain, "CredChain Local Testnet");
}
