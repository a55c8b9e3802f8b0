//! Trust hardening, as an attacker or a careless user would try it on a `--dev` chain: each role
//! signs only the calls it needs, removing a key always works and shuts it out at once, an issuer
//! cannot issue past its quota, and a council member cannot fill the council's proposal slots.
//!
//! The development chain: Alice validates, sits on the council and holds the sudo key; Bob is
//! "Example University" with Dave as its registrar's delegate; Charlie is another issuer; Ferdie
//! holds no role.

use std::time::Duration;

use codec::Encode;
use credchain_client::{
	chain::{Proposal, ProposalOutcome},
	explain::invalid_transaction,
	keys::SigningKey,
	reasons::WithdrawalReason,
	AccountId32, CredChain, CredentialTerms, Error, IssuanceQuota,
};
use credchain_e2e::{
	extrinsics::{
		custom_refusal_code, next_nonce, refusal_text, submit, submit_with_nonce,
		wait_until_finalized,
	},
	read_storage, read_storage_at, Node, NodeConfig,
};
use credchain_runtime::{Runtime, RuntimeCall, SessionKeys};
use pallet_roles::{CALL_NOT_PERMITTED, GOVERNANCE_ONLY, NO_ROLE};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Ferdie};

/// A running dev node and a client connected to it.
async fn dev_chain(extra_args: &[&str]) -> (Node, CredChain) {
	let node =
		Node::start(NodeConfig::dev().with_args(extra_args.iter().map(|arg| arg.to_string())))
			.await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let chain = CredChain::connect(&format!("ws://127.0.0.1:{}", node.rpc_port()))
		.await
		.expect("the client connects to the dev node");
	(node, chain)
}

/// The client's signing key for a well-known account.
fn key(account: Sr25519Keyring) -> SigningKey {
	SigningKey::from_secret(&format!("//{account:?}")).expect("a development key")
}

/// The client's account type for a well-known account.
fn client_account(account: Sr25519Keyring) -> AccountId32 {
	AccountId32(account.to_raw_public())
}

/// A distinct digest for each `index`.
fn digest(index: u8) -> [u8; 32] {
	sp_crypto_hashing::sha2_256(&[b'd', index])
}

/// `Credentials.issue(digest)`, with no terms.
fn issue_call(index: u8) -> RuntimeCall {
	RuntimeCall::Credentials(pallet_credentials::Call::issue {
		digest: digest(index),
		terms: Default::default(),
	})
}

/// Asserts that the node refused a transaction at submission with the `CheckRole` code `code`, and
/// that the client explains it in words containing `words`.
fn assert_refused(result: Result<String, jsonrpsee::core::ClientError>, code: u8, words: &str) {
	let error = result.expect_err("the node must refuse the transaction at submission");
	assert_eq!(custom_refusal_code(&error), Some(code), "{}", refusal_text(&error));
	let sentence = invalid_transaction(&refusal_text(&error), "the signer");
	assert!(sentence.contains(words), "{sentence}");
}

/// Session keys the node generated for `owner`, registered for it through `Sudo.sudo_as` — the
/// state a chain of the previous runtime could be in, where any role holder could call
/// `Session.set_keys`. Waits until the keys are on chain.
async fn give_session_keys_as_before(node: &Node, owner: Sr25519Keyring) {
	let owner_hex = format!("0x{}", credchain_e2e::hex_encode(&owner.to_raw_public()));
	let generated: serde_json::Value =
		node.call("author_rotateKeysWithOwner", vec![owner_hex.into()]).await;
	let keys_bytes = credchain_e2e::hex_decode(generated["keys"].as_str().expect("keys"));
	let keys: SessionKeys = codec::Decode::decode(&mut &keys_bytes[..]).expect("session keys");
	let proof = credchain_e2e::hex_decode(generated["proof"].as_str().expect("a proof"));
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof });
	let sudo_as = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
		who: owner.to_account_id().into(),
		call: Box::new(set_keys),
	});
	submit(node, Alice, sudo_as).await.expect("the sudo key may sudo_as");
	let next_keys = pallet_session::NextKeys::<Runtime>::hashed_key_for(owner.to_account_id());
	let next_keys = &next_keys;
	node.wait_for_finalized_head("the session keys", Duration::from_secs(60), |head| async move {
		read_storage_at::<SessionKeys>(node, next_keys, &head.hash).await.is_some()
	})
	.await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_delegate_may_sign_only_the_credentials_calls_it_needs() {
	let (node, _chain) = dev_chain(&[]).await;

	// Dave, a delegate, tries what a stolen registrar key would try first.
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys {
		keys: codec::Decode::decode(&mut &[7u8; 64][..]).expect("64 bytes are session keys"),
		proof: vec![],
	});
	assert_refused(submit(&node, Dave, set_keys).await, CALL_NOT_PERMITTED, "none of its roles");
	let peer = |byte: u8| -> pallet_consortium_nodes::PeerId {
		vec![byte; 38].try_into().expect("a PeerId fits")
	};
	let add_connections =
		RuntimeCall::NodeAuthorization(pallet_consortium_nodes::Call::add_connections {
			node: peer(1),
			connections: vec![peer(2), peer(3)].try_into().expect("within the bound"),
		});
	assert_refused(
		submit(&node, Dave, add_connections).await,
		CALL_NOT_PERMITTED,
		"none of its roles",
	);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 1_000] });
	assert_refused(submit(&node, Dave, remark.clone()).await, GOVERNANCE_ONLY, "only governance");
	// Not even the sudo key signs a remark itself (it may dispatch one through `Sudo.sudo`).
	assert_refused(submit(&node, Alice, remark.clone()).await, GOVERNANCE_ONLY, "only governance");
	// An account without a role is refused before its call is even considered.
	assert_refused(submit(&node, Ferdie, remark).await, NO_ROLE, "holds no role");
	// A delegate may not manage its issuer's other keys either.
	let add_delegate = RuntimeCall::Credentials(pallet_credentials::Call::add_delegate {
		delegate: Ferdie.to_account_id(),
	});
	assert_refused(
		submit(&node, Dave, add_delegate).await,
		CALL_NOT_PERMITTED,
		"none of its roles",
	);

	// What a delegate is for still works.
	submit(&node, Dave, issue_call(1)).await.expect("a delegate may issue");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_removed_delegate_or_withdrawn_issuer_is_shut_out_whatever_its_key_did() {
	let (node, chain) = dev_chain(&["--rpc-methods=unsafe"]).await;

	// Dave (Bob's delegate) and Charlie (an issuer) hold session keys, as the previous runtime let
	// them, and Dave owns a node the council authorized: consumer references and node state hang
	// on both accounts.
	give_session_keys_as_before(&node, Dave).await;
	give_session_keys_as_before(&node, Charlie).await;
	let dave_node: pallet_consortium_nodes::PeerId = vec![7; 38].try_into().expect("fits");
	let add_node =
		RuntimeCall::NodeAuthorization(pallet_consortium_nodes::Call::add_well_known_node {
			node: dave_node.clone(),
			owner: Dave.to_account_id(),
		});
	submit(&node, Alice, RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(add_node) }))
		.await
		.expect("the sudo key authorizes a node");
	let account_key = frame_system::Account::<Runtime>::hashed_key_for(Dave.to_account_id());
	let (node_ref, storage_key) = (&node, &account_key);
	node.wait_for_finalized_head(
		"Dave's consumer reference",
		Duration::from_secs(60),
		|head| async move {
			let info: Option<frame_system::AccountInfo<u32, ()>> =
				read_storage_at(node_ref, storage_key, &head.hash).await;
			info.is_some_and(|info| info.consumers > 0)
		},
	)
	.await;

	wait_until_finalized(&node, Alice, Duration::from_secs(90)).await;

	// (1) Bob removes Dave: it succeeds, and Dave's next transaction is refused at submission.
	chain
		.remove_delegate(&key(Bob), &client_account(Dave))
		.await
		.expect("removing a delegate always works");
	assert_refused(submit(&node, Dave, issue_call(2)).await, NO_ROLE, "holds no role");

	// (5) Governance withdraws Charlie: it succeeds, the record says so, and Charlie is shut out.
	chain
		.withdraw_accreditation(
			&key(Alice),
			&client_account(Charlie),
			WithdrawalReason::StandardsNotMet,
			None,
		)
		.await
		.expect("withdrawing an issuer always works");
	let summary: serde_json::Value =
		node.call("credentials_issuer", vec![Charlie.to_account_id().to_string().into()]).await;
	assert_eq!(summary["standing"], "withdrawn", "{summary}");
	assert_refused(submit(&node, Charlie, issue_call(3)).await, NO_ROLE, "holds no role");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issuer_over_its_quota_is_refused_until_the_council_raises_it() {
	let (_node, chain) = dev_chain(&[]).await;
	let council = key(Alice);
	let set_quota = |per_block, per_day| Proposal::SetIssuanceQuota {
		issuer: client_account(Bob),
		quota: Some(IssuanceQuota { per_block, per_day }),
	};
	// The council (Alice alone on a dev chain) lowers Example University's quota ...
	let outcome = chain.propose(&council, &set_quota(3, 4)).await.expect("the council decides");
	assert!(matches!(outcome, ProposalOutcome::Executed { .. }), "{outcome:?}");

	// ... which it uses up: three in one block, then one more.
	let terms = CredentialTerms::default();
	chain.issue_batch(&key(Bob), &[digest(1), digest(2), digest(3)], &terms).await.unwrap();
	chain.issue(&key(Dave), digest(4), &terms).await.unwrap();
	for (signer, index) in [(Bob, 5), (Dave, 6)] {
		match chain.issue(&key(signer), digest(index), &terms).await {
			Err(Error::Rejected(reason)) => {
				assert!(reason.contains("IssuanceQuotaExceeded"), "{reason}");
				assert!(reason.contains("next quota day"), "{reason}");
			}
			other => panic!("an issuer over its quota must be refused, got {other:?}"),
		}
	}
	// Another issuer's quota is its own.
	chain.issue(&key(Charlie), digest(7), &terms).await.expect("Charlie is within its quota");

	// The council raises the quota, and the university issues again.
	chain.propose(&council, &set_quota(100, 1_000)).await.expect("the council decides");
	chain.issue(&key(Dave), digest(5), &terms).await.expect("within the raised quota");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_council_member_at_its_proposal_cap_is_refused_until_a_motion_closes() {
	let (node, chain) = dev_chain(&[]).await;
	// Bob joins the council, so that motions need two ayes and stay open.
	let outcome = chain
		.propose(&key(Alice), &Proposal::AddCouncilMember(client_account(Bob)))
		.await
		.expect("Alice alone seats Bob");
	assert!(matches!(outcome, ProposalOutcome::Executed { .. }), "{outcome:?}");

	// Alice opens as many motions as one member may (5), sent at once.
	let quota = |per_day| {
		RuntimeCall::Credentials(pallet_credentials::Call::set_issuance_quota {
			issuer: Charlie.to_account_id(),
			quota: Some(pallet_credentials::IssuanceQuota { per_block: 10, per_day }),
		})
	};
	let mut nonce = next_nonce(&node, Alice).await;
	for per_day in 1..=5u32 {
		let proposal = quota(per_day);
		let propose = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 2,
			length_bound: proposal.encoded_size() as u32,
			proposal: Box::new(proposal),
		});
		submit_with_nonce(&node, Alice, propose, nonce).await.expect("a member may propose");
		nonce += 1;
	}
	let open_key = pallet_roles::OpenProposals::<Runtime>::hashed_key_for(Alice.to_account_id());
	let (node_ref, storage_key) = (&node, &open_key);
	node.wait_for_finalized_head("five open motions", Duration::from_secs(90), |head| async move {
		read_storage_at::<u32>(node_ref, storage_key, &head.hash).await == Some(5)
	})
	.await;
	wait_until_finalized(&node, Alice, Duration::from_secs(90)).await;

	// The sixth is refused with the reason named.
	let sixth = Proposal::SetIssuanceQuota {
		issuer: client_account(Charlie),
		quota: Some(IssuanceQuota { per_block: 10, per_day: 6 }),
	};
	match chain.propose(&key(Alice), &sixth).await {
		Err(Error::Rejected(reason)) => {
			assert!(reason.contains("TooManyOpenProposals"), "{reason}")
		}
		other => panic!("a member at its cap must be refused, got {other:?}"),
	}
	// Another member is not affected by Alice's cap.
	let from_bob = Proposal::SetIssuanceQuota {
		issuer: client_account(Charlie),
		quota: Some(IssuanceQuota { per_block: 10, per_day: 7 }),
	};
	assert!(matches!(
		chain.propose(&key(Bob), &from_bob).await.expect("Bob may propose"),
		ProposalOutcome::Open(_)
	));
	assert_eq!(read_storage::<u32>(&node, &open_key).await, Some(5));
}
