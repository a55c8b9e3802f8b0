//! Issuer identity a verifier can rely on, tried as an attacker or a careless user would on a
//! `--dev` chain: Charlie (Example Training Institute) tries to take Example University's name and
//! URI, issues a document that names the university, issues and revokes the university's digest
//! first; governance withdraws an issuer for misconduct from a block, and moves an issuer's key.
//!
//! The development chain: Alice validates and holds the sudo key (governance); Bob is "Example
//! University" (`https://university.example`, and `https://university.example/issuers/registrar`,
//! the `issuer.id` of its Open Badges 3.0 credentials) with Dave as its delegate; Charlie is
//! "Example Training Institute" (`did:web:training.example`); Eve and Ferdie hold no role.

use std::{path::Path, time::Duration};

use credchain_e2e::{
	cli::{open_badge, pdf, run_cli, sha256_hex, Client, ERROR, NOT_VALID, VALID},
	extrinsics::{custom_refusal_code, refusal_text, submit, wait_until_finalized},
	Node, NodeConfig,
};
use credchain_runtime::RuntimeCall;
use pallet_credentials::{ProfileOf, RevocationReason, WithdrawalReason};
use pallet_roles::{GOVERNANCE_ONLY, NO_ROLE};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Eve, Ferdie};

/// Example University's website, registered to Bob.
const UNIVERSITY_URI: &str = "https://university.example";
/// How long a transaction may take to be finalized.
const FINALITY: Duration = Duration::from_secs(90);

/// A running dev node.
async fn dev_node() -> Node {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	node
}

/// Signs `call` with `signer`, submits it and waits until it is finalized.
async fn send(node: &Node, signer: Sr25519Keyring, call: RuntimeCall) {
	submit(node, signer, call).await.expect("the node accepts the transaction");
	wait_until_finalized(node, signer, FINALITY).await;
}

/// Dispatches `call` as governance (the dev chain's sudo key) and waits until it is finalized.
async fn govern(node: &Node, call: pallet_credentials::Call<credchain_runtime::Runtime>) {
	let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
		call: Box::new(RuntimeCall::Credentials(call)),
	});
	send(node, Alice, sudo).await;
}

/// A profile for the runtime.
fn profile(name: &str, uri: &str, country: &[u8; 2]) -> ProfileOf<credchain_runtime::Runtime> {
	ProfileOf::<credchain_runtime::Runtime> {
		name: name.as_bytes().to_vec().try_into().expect("a short name"),
		uri: uri.as_bytes().to_vec().try_into().expect("a short URI"),
		country: *country,
		identifiers: Default::default(),
	}
}

/// `credentials_issuer(account)` for a well-known account.
async fn issuer_of(node: &Node, account: Sr25519Keyring) -> Value {
	node.call("credentials_issuer", vec![account.to_account_id().to_ss58check().into()]).await
}

/// `credentials_verify(digest, null, claimed)`.
async fn verify(node: &Node, digest: &str, claimed: Option<&str>) -> Value {
	node.call("credentials_verify", vec![digest.into(), Value::Null, json!(claimed)]).await
}

/// `0x`-hex of a 32-byte digest.
fn digest_bytes(hex: &str) -> [u8; 32] {
	credchain_e2e::hex_decode(hex).try_into().expect("a 32-byte digest")
}

/// `Credentials.issue(digest)` with no terms.
fn issue(digest: &str) -> RuntimeCall {
	RuntimeCall::Credentials(pallet_credentials::Call::issue {
		digest: digest_bytes(digest),
		terms: Default::default(),
	})
}

/// The SS58 address of a well-known account.
fn address(account: Sr25519Keyring) -> String {
	account.to_account_id().to_ss58check()
}

/// Writes `bytes` to `name` in `dir` and returns the path as a string.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
	let path = dir.join(name);
	std::fs::write(&path, bytes).expect("a temporary file");
	path.to_string_lossy().into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issuer_cannot_take_another_issuers_name_or_uri() {
	let node = dev_node().await;
	let client = Client::new(&node);

	// The impersonation of the issue, word for word: refused, and nothing changed.
	let attempt = client.run(&[
		"issuer",
		"update",
		"--key",
		"//Charlie",
		"--name",
		"Example University",
		"--uri",
		UNIVERSITY_URI,
		"--country",
		"NL",
	]);
	let attempt = attempt.expect(ERROR).complains("another issuer already holds this name");
	drop(attempt);
	assert_eq!(issuer_of(&node, Charlie).await["name"], "Example Training Institute");
	// Another spelling of the same name is the same name.
	let proposal = profile("EXAMPLE  University", "https://example-u.example", b"NL");
	let propose = |profile| {
		RuntimeCall::Credentials(pallet_credentials::Call::propose_profile_change { profile })
	};
	send(&node, Charlie, propose(proposal.clone())).await;
	let pending =
		pallet_credentials::ProfileProposals::<credchain_runtime::Runtime>::hashed_key_for(
			Charlie.to_account_id(),
		);
	let stored: Option<ProfileOf<credchain_runtime::Runtime>> =
		credchain_e2e::read_storage(&node, &pending).await;
	assert_eq!(stored, None, "a proposal with a taken name is refused");

	// A free name is only proposed: it shows once governance approves it.
	let renamed = profile("Example Academy", "did:web:academy.example", b"DE");
	send(&node, Charlie, propose(renamed.clone())).await;
	assert_eq!(issuer_of(&node, Charlie).await["name"], "Example Training Institute");
	govern(
		&node,
		pallet_credentials::Call::approve_profile_change {
			issuer: Charlie.to_account_id(),
			profile: renamed,
		},
	)
	.await;
	let charlie = issuer_of(&node, Charlie).await;
	assert_eq!(charlie["name"], "Example Academy");
	assert_eq!(charlie["uri"], "did:web:academy.example");
	let by_uri: Value =
		node.call("credentials_issuerByIdentifier", vec!["DID:WEB:ACADEMY.EXAMPLE".into()]).await;
	assert_eq!(by_uri["account"], address(Charlie));

	// A governed change to a name taken between proposal and approval is refused too.
	let wanted = profile("Shared Name", "did:web:academy.example", b"DE");
	send(&node, Charlie, propose(wanted.clone())).await;
	send(&node, Bob, propose(profile("Shared Name", UNIVERSITY_URI, b"NL"))).await;
	govern(
		&node,
		pallet_credentials::Call::approve_profile_change {
			issuer: Bob.to_account_id(),
			profile: profile("Shared Name", UNIVERSITY_URI, b"NL"),
		},
	)
	.await;
	govern(
		&node,
		pallet_credentials::Call::approve_profile_change {
			issuer: Charlie.to_account_id(),
			profile: wanted,
		},
	)
	.await;
	assert_eq!(issuer_of(&node, Bob).await["name"], "Shared Name");
	assert_eq!(issuer_of(&node, Charlie).await["name"], "Example Academy");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_naming_another_issuer_is_a_mismatch_and_no_issuer_can_pre_empt_another() {
	let node = dev_node().await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary directory");
	let badge = write(dir.path(), "badge.json", &open_badge());
	let digest = client.run(&["digest", &badge]).expect(0).digests()["badge.json"].clone();

	// Charlie sees the university's badge and issues it first, then revokes it.
	send(&node, Charlie, issue(&digest)).await;
	let verdict = client.run(&["verify", &badge, "--json"]).expect(NOT_VALID).json();
	assert_eq!(verdict["status"], "issuerMismatch", "{verdict}");
	assert_eq!(verdict["anchoredBy"], json!([address(Charlie)]));
	assert_eq!(verdict["claimedIssuer"]["registeredTo"], address(Bob));
	let shown = client.run(&["verify", &badge]).expect(NOT_VALID);
	assert!(shown.stdout.to_uppercase().contains("MISMATCH"), "{}", shown.stdout);
	let revoke = RuntimeCall::Credentials(pallet_credentials::Call::revoke {
		digest: digest_bytes(&digest),
		reason: RevocationReason::IssuedInError,
		predecessor: None,
	});
	send(&node, Charlie, revoke).await;

	// The university still issues it, and its badge verifies valid.
	client.run(&["issue", &badge, "--issuer-key", "//Dave"]).expect(0);
	let verdict = client.run(&["verify", &badge, "--json"]).expect(VALID).json();
	assert_eq!(verdict["status"], "valid", "{verdict}");
	assert_eq!(verdict["issuer"]["account"], address(Bob));
	// Charlie's record answers only a document that names Charlie.
	let as_charlie = verify(&node, &digest, Some("did:web:training.example")).await;
	assert_eq!(as_charlie["status"], "revoked");

	// A PDF names no issuer: one record is attributed by the chain, with a warning; two are
	// ambiguous until the verifier names the issuer it expects.
	let diploma = write(dir.path(), "diploma.pdf", &pdf("Diploma"));
	let pdf_digest = sha256_hex(&pdf("Diploma"));
	send(&node, Charlie, issue(&pdf_digest)).await;
	let verdict = client.run(&["verify", &diploma, "--json"]).expect(VALID).json();
	assert_eq!(verdict["warnings"][0]["kind"], "issuerNotNamed", "{verdict}");
	assert_eq!(verdict["issuer"]["name"], "Example Training Institute");
	send(&node, Bob, issue(&pdf_digest)).await;
	let verdict = client.run(&["verify", &diploma, "--json"]).expect(NOT_VALID).json();
	assert_eq!(verdict["status"], "ambiguousIssuer", "{verdict}");
	let verdict = client
		.run(&["verify", &diploma, "--issuer", UNIVERSITY_URI, "--json"])
		.expect(VALID)
		.json();
	assert_eq!(verdict["issuer"]["account"], address(Bob));
	let plain =
		run_cli(Some(&client.url), &["verify", &diploma, "--issuer", "https://nobody.example"]);
	assert_eq!(plain.code, NOT_VALID, "{plain:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issuer_withdrawn_for_misconduct_is_distrusted_from_the_block_governance_names() {
	let node = dev_node().await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary directory");
	let early = write(dir.path(), "early.pdf", &pdf("Early"));
	let late = write(dir.path(), "late.pdf", &pdf("Late"));
	client.run(&["issue", &early, "--issuer-key", "//Charlie"]).expect(0);
	client.run(&["issue", &late, "--issuer-key", "//Charlie"]).expect(0);
	let late_digest = sha256_hex(&pdf("Late"));
	let early_digest = sha256_hex(&pdf("Early"));
	let issued_at = |verdict: &Value| verdict["issuedAtBlock"].as_u64().expect("issued");
	let early_block = issued_at(&verify(&node, &early_digest, None).await);
	let late_block = issued_at(&verify(&node, &late_digest, None).await);
	assert!(early_block < late_block, "one transaction per block and issue command");

	govern(
		&node,
		pallet_credentials::Call::withdraw_accreditation {
			issuer: Charlie.to_account_id(),
			reason: WithdrawalReason::Misconduct,
			distrusted_from: Some(late_block as u32),
		},
	)
	.await;
	let verdict = client.run(&["verify", &early, "--json"]).expect(VALID).json();
	assert_eq!(verdict["status"], "valid");
	let warning = verdict["warnings"]
		.as_array()
		.and_then(|warnings| warnings.iter().find(|w| w["kind"] == "issuerWithdrawn"))
		.unwrap_or_else(|| panic!("a withdrawal warning: {verdict}"));
	assert_eq!(warning["reason"], "misconduct");
	assert_eq!(warning["distrustedFromBlock"], late_block);
	let verdict = client.run(&["verify", &late, "--json"]).expect(NOT_VALID).json();
	assert_eq!(verdict["status"], "issuerRevoked", "{verdict}");
	assert_eq!(verdict["issuerRevocation"]["sinceBlock"], late_block);
	client.run(&["verify", &late]).expect(NOT_VALID);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issuer_whose_key_governance_moved_keeps_its_credentials_and_signs_with_the_new_key() {
	let node = dev_node().await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary directory");
	let before = write(dir.path(), "before.pdf", &pdf("Before"));
	let after = write(dir.path(), "after.pdf", &pdf("After"));
	client.run(&["issue", &before, "--issuer-key", "//Bob"]).expect(0);

	govern(
		&node,
		pallet_credentials::Call::move_issuer_key {
			issuer: Bob.to_account_id(),
			new_key: Eve.to_account_id(),
		},
	)
	.await;
	let bob = issuer_of(&node, Bob).await;
	assert_eq!(bob["key"], address(Eve));
	assert_eq!(bob["name"], "Example University");

	// The old key is shut out; the new one issues for the university.
	let refused = client.run(&["issue", &after, "--issuer-key", "//Bob"]);
	assert_ne!(refused.code, VALID, "the old key must be refused: {refused:?}");
	client.run(&["issue", &after, "--issuer-key", "//Eve"]).expect(0);
	for document in [&before, &after] {
		let verdict = client
			.run(&["verify", document, "--issuer", UNIVERSITY_URI, "--json"])
			.expect(VALID)
			.json();
		assert_eq!(verdict["issuer"]["account"], address(Bob), "{verdict}");
		assert_eq!(verdict["issuer"]["key"], address(Eve));
	}
}

/// `Multisig.as_multi` for a 2-of-2 of `other` and the signer, dispatching `call`.
fn as_multi(
	other: Sr25519Keyring,
	timepoint: Option<(u32, u32)>,
	call: RuntimeCall,
) -> RuntimeCall {
	RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
		threshold: 2,
		other_signatories: vec![other.to_account_id()],
		maybe_timepoint: timepoint
			.map(|(height, index)| pallet_multisig::Timepoint { height, index }),
		call: Box::new(call),
		max_weight: sp_runtime::Weight::from_parts(10_000_000_000, 1_000_000),
	})
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issuer_whose_key_is_a_multisig_of_its_officers_issues_when_both_sign() {
	let node = dev_node().await;
	// Eve and Ferdie, the university's officers, become its delegates...
	for officer in [Eve, Ferdie] {
		let invite = pallet_credentials::Call::add_delegate { delegate: officer.to_account_id() };
		send(&node, Bob, RuntimeCall::Credentials(invite)).await;
		let accept = pallet_credentials::Call::accept_delegation { issuer: Bob.to_account_id() };
		send(&node, officer, RuntimeCall::Credentials(accept)).await;
	}
	// ...and governance moves the university's key to their 2-of-2 multisig.
	let mut officers = vec![Eve.to_account_id(), Ferdie.to_account_id()];
	officers.sort();
	let multisig =
		pallet_multisig::Pallet::<credchain_runtime::Runtime>::multi_account_id(&officers, 2);
	govern(
		&node,
		pallet_credentials::Call::move_issuer_key {
			issuer: Bob.to_account_id(),
			new_key: multisig.clone(),
		},
	)
	.await;

	// One officer alone cannot act as the university through a 1-of-2, nor make the multisig
	// sign a governance call.
	let digest = sha256_hex(b"a diploma signed by two officers");
	let alone = RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: vec![Ferdie.to_account_id()],
		call: Box::new(issue(&digest)),
	});
	let refused = submit(&node, Eve, alone).await.expect_err("a 1-of-2 holds no role");
	assert_eq!(custom_refusal_code(&refused), Some(NO_ROLE), "{}", refusal_text(&refused));
	let accredit = RuntimeCall::Credentials(pallet_credentials::Call::accredit_issuer {
		issuer: Eve.to_account_id(),
	});
	let refused =
		submit(&node, Eve, as_multi(Ferdie, None, accredit)).await.expect_err("governance");
	assert_eq!(custom_refusal_code(&refused), Some(GOVERNANCE_ONLY), "{}", refusal_text(&refused));

	// Eve approves the issue, Ferdie approves and dispatches it.
	send(&node, Eve, as_multi(Ferdie, None, issue(&digest))).await;
	assert_eq!(verify(&node, &digest, None).await["status"], "unknown");
	let call_hash = sp_crypto_hashing::blake2_256(&codec::Encode::encode(&issue(&digest)));
	let key = pallet_multisig::Multisigs::<credchain_runtime::Runtime>::hashed_key_for(
		&multisig, call_hash,
	);
	let timepoint: (u32, u32) =
		credchain_e2e::read_storage(&node, &key).await.expect("Eve's approval is on chain");
	send(&node, Ferdie, as_multi(Eve, Some(timepoint), issue(&digest))).await;

	let verdict = verify(&node, &digest, Some(UNIVERSITY_URI)).await;
	assert_eq!(verdict["status"], "valid", "{verdict}");
	assert_eq!(verdict["issuer"]["account"], address(Bob));
	assert_eq!(verdict["issuer"]["key"], multisig.to_ss58check());
}
