//! Verification that trusts no server (`docs/proofs.md`), on the local consortium (four
//! validators) after a validator-set change: a proof exported from a node — of a credential issued
//! on its own or in a Merkle batch — verifies against the chain spec alone, with no network; one flipped byte in any part of it, another document or
//! another chain spec makes it fail with a named reason; a credential revoked after its proof was
//! made is still proven valid at the proof's block, and says so; a node that lies about verdicts
//! fools a plain `credchain verify`, but neither `--light` nor `--offline`.

use std::{
	path::Path,
	time::{Duration, Instant},
};

use codec::DecodeAll;
use credchain_client::{chain::Proposal, CredChain};
use credchain_e2e::{
	cli::{pdf, run_cli, Client, ERROR, NOT_VALID, VALID},
	governance::{carry_motion, key},
	hex_decode, hex_encode,
	http::{Lie, LyingProxy},
	local_chain_with_issuers, node_binary, read_storage_at, test_chain_spec, Node, NodeConfig,
};
use credchain_runtime::Runtime;
use serde_json::Value;

/// The local testnet's validators.
const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// A URL where no node listens: offline checks must not need one.
const NO_NODE: &str = "http://127.0.0.1:9";

/// A path as a command-line argument.
fn arg(path: &Path) -> &str {
	path.to_str().expect("temporary paths are UTF-8")
}

/// Starts the four validators of the local testnet with the development chain's issuers.
async fn start_validators(chain: &str) -> Vec<Node> {
	let alice = Node::start(NodeConfig::local_validator("alice").with_chain(chain)).await;
	let bootnode = alice.multiaddr().await;
	let mut nodes = vec![alice];
	for name in &VALIDATORS[1..] {
		let config = NodeConfig::local_validator(name).with_chain(chain).with_bootnode(&bootnode);
		nodes.push(Node::start(config).await);
	}
	nodes
}

/// GRANDPA's current authority set id at `node`'s finalized head.
async fn grandpa_set_id(node: &Node) -> u64 {
	let key =
		[sp_crypto_hashing::twox_128(b"Grandpa"), sp_crypto_hashing::twox_128(b"CurrentSetId")]
			.concat();
	let head = node.finalized_head().await;
	read_storage_at(node, &key, &head.hash).await.unwrap_or(0)
}

/// `file` with the byte at `offset` of the hex string at `pointer` flipped, written to `to`.
fn flip_byte(file: &Value, pointer: &str, offset: usize, to: &Path) {
	let mut file = file.clone();
	let field = file.pointer_mut(pointer).unwrap_or_else(|| panic!("the proof has {pointer}"));
	let mut bytes = hex_decode(field.as_str().expect("a hex string"));
	bytes[offset] ^= 0x01;
	*field = format!("0x{}", hex_encode(&bytes)).into();
	std::fs::write(to, serde_json::to_vec(&file).unwrap()).unwrap();
}

/// The position in the proof file's storage proof of the trie node that is `digest`'s record.
fn record_node(file: &Value) -> usize {
	let nodes = file["storageProof"].as_array().expect("a storage proof");
	nodes
		.iter()
		.position(|node| {
			let bytes = hex_decode(node.as_str().expect("hex"));
			pallet_credentials::CredentialRecordOf::<Runtime>::decode_all(&mut &bytes[..])
				.is_ok_and(|record| record.issued_at > 0)
		})
		.expect("the storage proof holds the credential's record")
}

#[tokio::test(flavor = "multi_thread")]
async fn proofs_hold_against_the_chain_spec_alone_and_a_lying_node_fools_only_plain_verify() {
	let spec = local_chain_with_issuers();
	let nodes = start_validators(&format!("--chain={}", spec.display())).await;
	let alice = &nodes[0];
	alice.wait_for_finalized(2, Duration::from_secs(120)).await;

	// A validator-set change: the council removes Dave; two sessions later GRANDPA's next set
	// (Alice, Bob, Charlie) finalizes alone.
	let url = format!("ws://127.0.0.1:{}", alice.rpc_port());
	let chain = CredChain::connect(&url).await.expect("Alice's node answers");
	let (alice_key, bob_key, charlie_key) = (key("Alice"), key("Bob"), key("Charlie"));
	let dave = key("Dave").account();
	carry_motion(&chain, &alice_key, &[&bob_key, &charlie_key], Proposal::RemoveValidator(dave))
		.await;
	alice
		.wait_for_finalized_head(
			"a new GRANDPA authority set",
			Duration::from_secs(240),
			|_| async { grandpa_set_id(alice).await >= 1 },
		)
		.await;

	// Dave, the registrar of Bob's university, issues two credentials.
	let dir = tempfile::tempdir().unwrap();
	let (kept, revoked) = (dir.path().join("kept.pdf"), dir.path().join("revoked.pdf"));
	std::fs::write(&kept, pdf("Kept diploma")).unwrap();
	std::fs::write(&revoked, pdf("Diploma revoked later")).unwrap();
	let client = Client::new(alice);
	client.run(&["issue", arg(&kept), arg(&revoked), "--issuer-key", "//Dave"]).expect(VALID);
	let issued_at = alice.finalized_number().await;
	alice.wait_for_finalized(issued_at + 2, Duration::from_secs(60)).await;

	// Proofs exported from Alice's node verify with no node at all, against the chain spec.
	client.run(&["proof", arg(&kept)]).expect(VALID).says("Proof of the verdict \"valid\"");
	client.run(&["proof", arg(&revoked)]).expect(VALID);
	let revoked_proof_made = Instant::now();
	let proof_path = dir.path().join("kept.pdf.credchain-proof.json");
	let proof: Value = serde_json::from_slice(&std::fs::read(&proof_path).unwrap()).unwrap();
	let set_changes = proof["setChanges"].as_array().expect("set changes").len();
	assert!(set_changes >= 1, "the proof follows no authority-set change: {proof}");
	let started = Instant::now();
	run_cli(Some(NO_NODE), &["verify", arg(&kept), "--offline", "--chain-spec", arg(&spec)])
		.expect(VALID)
		.says("VALID")
		.says("no server trusted");
	let offline_time = started.elapsed();
	// The raw form of the same chain spec is the same chain.
	let raw_spec = dir.path().join("raw-spec.json");
	let raw = std::process::Command::new(node_binary())
		.args(["build-spec", "--raw", "--chain", arg(&spec)])
		.stderr(std::process::Stdio::null())
		.output()
		.expect("build-spec runs");
	assert!(raw.status.success(), "build-spec --raw failed");
	std::fs::write(&raw_spec, raw.stdout).unwrap();
	let started = Instant::now();
	run_cli(Some(NO_NODE), &["verify", arg(&kept), "--offline", "--chain-spec", arg(&raw_spec)])
		.expect(VALID)
		.says(&format!("{set_changes} authority-set change"));
	let offline_raw_time = started.elapsed();

	// A credential of a Merkle batch is proven as a leaf of its batch, offline and light.
	let batch = dir.path().join("batch");
	std::fs::create_dir(&batch).unwrap();
	for name in ["first", "second", "third"] {
		std::fs::write(batch.join(format!("{name}.pdf")), pdf(&format!("Batch diploma {name}")))
			.unwrap();
	}
	client.run(&["issue-batch", arg(&batch), "--issuer-key", "//Dave"]).expect(VALID);
	let leaf = batch.join("second.pdf");
	client.run(&["proof", arg(&leaf)]).expect(VALID).says("\"valid\"");
	run_cli(Some(NO_NODE), &["verify", arg(&leaf), "--offline", "--chain-spec", arg(&spec)])
		.expect(VALID)
		.says("one of 3 credentials anchored with root")
		.says("no server trusted");
	client
		.run(&["verify", arg(&leaf), "--light", "--chain-spec", arg(&spec)])
		.expect(VALID)
		.says("one of 3 credentials anchored with root");

	// Each altered part, another document and another chain's spec fail, each with its reason.
	let altered = dir.path().join("altered.json");
	let refuse = |reason: &str, spec: &Path, document: &Path| {
		run_cli(
			Some(NO_NODE),
			&[
				"verify",
				arg(document),
				"--offline",
				"--chain-spec",
				arg(spec),
				"--proof",
				arg(&altered),
			],
		)
		.expect(ERROR)
		.complains(&format!("the proof does not hold ({reason})"));
	};
	flip_byte(&proof, &format!("/storageProof/{}", record_node(&proof)), 40, &altered);
	refuse("stateIncomplete", &spec, &kept);
	// The header's state root (after the parent hash and the compact number).
	flip_byte(&proof, "/header", 40, &altered);
	refuse("justificationTarget", &spec, &kept);
	// A signature of the first precommit (after round, target, count and the precommit).
	flip_byte(&proof, "/justification", 100, &altered);
	refuse("blockNotFinalized", &spec, &kept);
	flip_byte(&proof, "/setChanges/0/justification", 100, &altered);
	refuse("setChangeNotFinalized", &spec, &kept);
	std::fs::copy(&proof_path, &altered).unwrap();
	refuse("wrongChain", &test_chain_spec("dev"), &kept);
	refuse("documentMismatch", &spec, &revoked);

	// Revoked after its proof was made: the proof still proves it valid at its block, and says
	// so; the node and a fresh proof say revoked.
	client
		.run(&[
			"revoke",
			arg(&revoked),
			"--reason",
			"fraud-or-misconduct",
			"--issuer-key",
			"//Dave",
		])
		.expect(VALID);
	let revoked_at = alice.finalized_number().await;
	alice.wait_for_finalized(revoked_at + 2, Duration::from_secs(60)).await;
	let proof_block = serde_json::from_slice::<Value>(
		&std::fs::read(dir.path().join("revoked.pdf.credchain-proof.json")).unwrap(),
	)
	.unwrap()["block"]["number"]
		.clone();
	run_cli(Some(NO_NODE), &["verify", arg(&revoked), "--offline", "--chain-spec", arg(&spec)])
		.expect(VALID)
		.says(&format!("this is the verdict at block #{proof_block}"));
	client.run(&["verify", arg(&revoked)]).expect(NOT_VALID).says("REVOKED");
	let started = Instant::now();
	client
		.run(&["verify", arg(&revoked), "--light", "--chain-spec", arg(&spec)])
		.expect(NOT_VALID)
		.says("REVOKED")
		.says("no server trusted");
	let light_time = started.elapsed();

	// A node that rewrites verdicts to "valid" fools a plain verify, not a proven one.
	let liar = LyingProxy::start(client.http_url(), Lie::ValidVerdicts).await;
	run_cli(Some(&liar.url), &["verify", arg(&revoked)]).expect(VALID).says("VALID");
	run_cli(Some(&liar.url), &["verify", arg(&revoked), "--light", "--chain-spec", arg(&spec)])
		.expect(NOT_VALID)
		.says("REVOKED");
	let lied = dir.path().join("lied.json");
	run_cli(Some(&liar.url), &["proof", arg(&revoked), "--out", arg(&lied)])
		.expect(VALID)
		.says("\"valid\"");
	run_cli(
		Some(NO_NODE),
		&["verify", arg(&revoked), "--offline", "--chain-spec", arg(&spec), "--proof", arg(&lied)],
	)
	.expect(NOT_VALID)
	.says("REVOKED");

	// A node that answers with the proof of an older block (before the revocation) fools no
	// `--light` check: the proven block is too old.
	let old_proof: Value = serde_json::from_slice(
		&std::fs::read(dir.path().join("revoked.pdf.credchain-proof.json")).unwrap(),
	)
	.unwrap();
	let replayer = LyingProxy::start(client.http_url(), Lie::ReplayedProof(old_proof)).await;
	let max_age = Duration::from_secs(15);
	tokio::time::sleep(
		(max_age + Duration::from_secs(5)).saturating_sub(revoked_proof_made.elapsed()),
	)
	.await;
	let max_age = max_age.as_secs().to_string();
	run_cli(
		Some(&replayer.url),
		&["verify", arg(&revoked), "--light", "--chain-spec", arg(&spec), "--max-age", &max_age],
	)
	.expect(ERROR)
	.complains("the proof does not hold (stale)");

	println!(
		"proofs: {} bytes with {set_changes} set change(s); offline check {offline_time:?} \
		 ({offline_raw_time:?} with the raw chain spec); light check (cold start, fresh proof) \
		 {light_time:?}",
		std::fs::metadata(&proof_path).unwrap().len()
	);
}
