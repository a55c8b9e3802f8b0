//! The local consortium (`--chain local`, with short slots) on loopback: four validators finalize with one of them
//! down and stall with two; the council governs validators and issuers with real signed motions;
//! only authorized nodes may join; only role holders may transact.

use std::time::Duration;

use credchain_client::{
	chain::Proposal, profile::IssuerProfile, AccountId32, CredChain, CredentialTerms, Error,
};
use credchain_e2e::{
	block_author, block_hash,
	governance::{carry_motion, key},
	node_key_for, read_storage, read_storage_at, test_chain_argument, Node, NodeConfig,
	TEST_SLOT_DURATION,
};
use credchain_runtime::Runtime;
use serde_json::Value;

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// Starts the four validators of the local genesis, all booting from Alice.
async fn start_validators() -> Vec<Node> {
	let alice = Node::start(NodeConfig::local_validator("alice")).await;
	let bootnode = alice.multiaddr().await;
	let mut nodes = vec![alice];
	for name in &VALIDATORS[1..] {
		nodes.push(Node::start(NodeConfig::local_validator(name).with_bootnode(&bootnode)).await);
	}
	nodes
}

/// Waits `duration`, then returns how far `node`'s finalized block moved meanwhile.
async fn finality_progress(node: &Node, duration: Duration) -> u64 {
	let before = node.finalized_number().await;
	tokio::time::sleep(duration).await;
	node.finalized_number().await - before
}

#[tokio::test(flavor = "multi_thread")]
async fn finality_survives_one_validator_down_stalls_with_two_and_resumes() {
	let nodes = start_validators().await;
	for node in &nodes {
		node.wait_for_finalized(3, Duration::from_secs(120)).await;
	}
	let [alice, _bob, mut charlie, mut dave]: [Node; 4] =
		nodes.try_into().unwrap_or_else(|_| panic!("four validators"));
	let chain: String = alice.call("system_chain", Vec::new()).await;
	assert_eq!(chain, "CredChain Local Testnet");

	// Three of four voters are more than two thirds: finality goes on.
	dave.stop_cleanly(Duration::from_secs(60));
	let alice = &alice;
	let finalized = alice.finalized_number().await;
	alice.wait_for_finalized(finalized + 3, Duration::from_secs(90)).await;

	// Two of four are not: finality stalls (a round already under way may still complete), while
	// the two remaining authors keep producing blocks.
	charlie.stop_cleanly(Duration::from_secs(60));
	tokio::time::sleep(TEST_SLOT_DURATION * 2).await;
	let best_before = alice.best_number().await;
	let progress = finality_progress(alice, TEST_SLOT_DURATION * 6).await;
	assert!(progress <= 1, "finality moved {progress} blocks with two of four validators down");
	assert!(alice.best_number().await > best_before, "the remaining validators stopped authoring");
	let stalled_at = alice.finalized_number().await;

	// Both come back (with empty databases): they catch up and finality resumes.
	let bootnode = alice.multiaddr().await;
	let charlie =
		Node::start(NodeConfig::local_validator("charlie").with_bootnode(&bootnode)).await;
	let dave = Node::start(NodeConfig::local_validator("dave").with_bootnode(&bootnode)).await;
	let resumed = alice.wait_for_finalized(stalled_at + 3, Duration::from_secs(120)).await;
	for node in [&charlie, &dave] {
		node.wait_for_finalized(resumed, Duration::from_secs(120)).await;
	}
}

/// The authors (Aura keys) of the blocks `from..=to` of `node`'s best chain.
async fn authors(node: &Node, from: u64, to: u64) -> Vec<[u8; 32]> {
	let mut authors = Vec::new();
	for number in from..=to {
		authors.push(block_author(node, &block_hash(node, number).await).await);
	}
	authors
}

/// Eve's Aura key, as her node registered it.
async fn registered_aura_key(node: &Node, account: &AccountId32) -> [u8; 32] {
	let next_keys = pallet_session::NextKeys::<Runtime>::hashed_key_for(
		sp_runtime::AccountId32::from(account.0),
	);
	let keys: [u8; 64] = read_storage(node, &next_keys).await.expect("Eve registered session keys");
	keys[..32].try_into().expect("32 bytes")
}

/// Waits until the Aura authorities of a block `node` finalized satisfy `condition`, for at most
/// `timeout`.
async fn wait_for_authorities(
	node: &Node,
	timeout: Duration,
	what: &str,
	condition: impl Fn(&[[u8; 32]]) -> bool,
) {
	let key = pallet_aura::Authorities::<Runtime>::hashed_key();
	let (key, condition) = (&key, &condition);
	node.wait_for_finalized_head(what, timeout, |head| async move {
		let authorities: Vec<[u8; 32]> =
			read_storage_at(node, key, &head.hash).await.expect("authorities");
		condition(&authorities)
	})
	.await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_council_governs_issuers_validators_and_nodes() {
	let validators = start_validators().await;
	let alice = &validators[0];
	let bootnode = alice.multiaddr().await;
	alice.wait_for_finalized(2, Duration::from_secs(120)).await;

	// Ferdie's RPC node is authorized by the genesis and syncs; a stranger's node is not and
	// cannot, though it dials the same bootnode.
	let ferdie = Node::start(NodeConfig::local_node("ferdie").with_bootnode(&bootnode)).await;
	let stranger = Node::start(
		NodeConfig {
			name: "stranger".into(),
			args: vec![
				test_chain_argument("local"),
				format!("--node-key={}", node_key_for("stranger")),
			],
			folder: None,
		}
		.with_bootnode(&bootnode),
	)
	.await;
	let target = alice.finalized_number().await + 2;
	ferdie.wait_for_finalized(target, Duration::from_secs(120)).await;
	tokio::time::sleep(TEST_SLOT_DURATION * 2).await;
	assert_eq!(stranger.best_number().await, 0, "an unauthorized node synced the chain");
	let stranger_health: Value = stranger.call("system_health", Vec::new()).await;
	assert_eq!(stranger_health["peers"], 0, "an unauthorized node has peers: {stranger_health}");

	let url = format!("ws://127.0.0.1:{}", alice.rpc_port());
	let chain = CredChain::connect(&url).await.expect("Alice's node answers");
	let (alice_key, bob_key, charlie_key) = (key("Alice"), key("Bob"), key("Charlie"));

	// An account without a role is refused at submission, with a reason.
	let outsider = key("Outsider");
	let refused = chain
		.issue(&outsider, [7; 32], &CredentialTerms::default())
		.await
		.expect_err("an account without a role cannot transact");
	match refused {
		Error::Rejected(reason) => assert!(reason.contains("holds no role"), "{reason}"),
		other => panic!("expected a rejection at submission, got {other:?}"),
	}

	// The council admits a new university, which issues; a verifier reads it from Ferdie's node.
	let registrar = key("NewUniversity");
	carry_motion(
		&chain,
		&alice_key,
		&[&bob_key, &charlie_key],
		Proposal::AdmitIssuer {
			issuer: registrar.account(),
			profile: IssuerProfile {
				name: "New University".into(),
				uri: "https://new-university.example".into(),
				country: *b"NL",
				identifiers: Vec::new(),
			},
		},
	)
	.await;
	let digest = [42; 32];
	let receipt = chain
		.issue(&registrar, digest, &CredentialTerms::default())
		.await
		.expect("the admitted issuer issues");
	ferdie.wait_for_finalized(receipt.block.number, Duration::from_secs(60)).await;
	let verdict: Value =
		ferdie.call("credentials_verify", vec![format!("0x{}", hex_digest(&digest)).into()]).await;
	assert_eq!(verdict["status"], "valid", "{verdict}");
	assert_eq!(verdict["issuer"]["name"], "New University", "{verdict}");

	// The council adds Eve as a validator; she registers keys from her node and, two sessions
	// later, authors blocks.
	let eve = Node::start(
		NodeConfig::local_node("eve")
			.with_args(["--validator".into(), "--rpc-methods=unsafe".into()])
			.with_bootnode(&bootnode),
	)
	.await;
	let eve_account = key("Eve").account();
	carry_motion(
		&chain,
		&alice_key,
		&[&bob_key, &charlie_key],
		Proposal::AddValidator(eve_account.clone()),
	)
	.await;
	chain
		.set_session_keys(&key("Eve"), &format!("ws://127.0.0.1:{}", eve.rpc_port()))
		.await
		.expect("Eve, now a validator, registers her session keys");
	let eve_aura = registered_aura_key(alice, &eve_account).await;
	wait_for_authorities(alice, Duration::from_secs(240), "Eve as an authority", |a| {
		a.contains(&eve_aura)
	})
	.await;
	let joined_at = alice.best_number().await;
	alice.wait_for_finalized(joined_at + 10, Duration::from_secs(120)).await;
	let recent = authors(alice, joined_at + 1, joined_at + 10).await;
	assert!(recent.contains(&eve_aura), "Eve authored none of the 10 blocks after joining");

	// The council removes her: two sessions later she no longer authors.
	carry_motion(
		&chain,
		&alice_key,
		&[&bob_key, &charlie_key],
		Proposal::RemoveValidator(eve_account.clone()),
	)
	.await;
	wait_for_authorities(alice, Duration::from_secs(240), "Eve's removal", |a| {
		!a.contains(&eve_aura) && a.len() == 4
	})
	.await;
	let left_at = alice.best_number().await;
	alice.wait_for_finalized(left_at + 8, Duration::from_secs(120)).await;
	let recent = authors(alice, left_at + 1, left_at + 8).await;
	assert!(!recent.contains(&eve_aura), "Eve still authors after her removal");
}

/// Lower-case hex of a digest.
fn hex_digest(digest: &[u8; 32]) -> String {
	credchain_e2e::hex_encode(digest)
}

/// Runs `credchain-node consortium-spec` on a one-member description (Alice's well-known keys and a
/// node whose PeerId is her ed25519 key's) with `extra` fields; returns the exit status, the spec
/// printed and the error output.
fn consortium_spec(extra: &str) -> (std::process::ExitStatus, String, String) {
	let dir = tempfile::tempdir().expect("a temporary folder");
	let alice = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
	let description = format!(
		r#"{{"name": "Test Consortium", "id": "test_consortium", {extra}
		"members": [{{"name": "University A", "account": "{alice}", "aura": "{alice}",
		"grandpa": "0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
		"council": true, "nodes": ["12D3KooWK2cN7Q5kmpLfpypBiNg51TiHmAfWgwUzLqHmZ3G4BELm"]}}]}}"#
	);
	let path = dir.path().join("consortium.json");
	std::fs::write(&path, description).expect("the description can be written");
	let output = std::process::Command::new(credchain_e2e::node_binary())
		.args(["consortium-spec", "--config"])
		.arg(&path)
		.output()
		.expect("the node binary runs");
	let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
	(output.status, text(output.stdout), text(output.stderr))
}

#[test]
fn a_consortium_chooses_its_slot_duration_and_a_bad_one_is_refused_with_its_reason() {
	let (status, spec, errors) = consortium_spec(r#""slotDuration": 4000,"#);
	assert!(status.success(), "{errors}");
	let spec: Value = serde_json::from_str(&spec).expect("the spec is JSON");
	let validator_set = &spec["genesis"]["runtimeGenesis"]["patch"]["validatorSet"];
	assert_eq!(validator_set["slotDuration"], 4000, "{validator_set}");
	// Without `sessionLength`, one hour of the default two-second slots.
	assert_eq!(validator_set["sessionLength"], 1800, "{validator_set}");

	let (status, spec, _) = consortium_spec("");
	assert!(status.success());
	let spec: Value = serde_json::from_str(&spec).expect("the spec is JSON");
	let validator_set = &spec["genesis"]["runtimeGenesis"]["patch"]["validatorSet"];
	assert!(validator_set["slotDuration"].is_null(), "{validator_set}");

	for slot in [999, 3001] {
		let (status, spec, errors) = consortium_spec(&format!(r#""slotDuration": {slot},"#));
		assert!(!status.success(), "slotDuration {slot} accepted: {spec}");
		assert!(
			errors.contains(&format!("slotDuration {slot} is not an even number of milliseconds")),
			"{errors}"
		);
	}
}
