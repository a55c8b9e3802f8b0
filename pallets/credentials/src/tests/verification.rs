//! Verdicts: the status a verifier sees, with the issuer's standing, in one answer.

use super::*;
use crate::{IssuerStanding, RevocationReason, VerdictStatus, WithdrawalReason};
use binary_merkle_tree::{merkle_proof, merkle_root};
use frame_support::assert_ok;
use sp_runtime::traits::Keccak256;

#[test]
fn an_issued_credential_is_valid_with_its_issuer_and_issuance() {
	new_test_ext(|| {
		issue_as(REGISTRAR, digest(1), no_terms());
		let verdict = Credentials::verify(digest(1), None, None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		let issuer = verdict.issuer.expect("a known credential names its issuer");
		assert_eq!(issuer.account, UNIVERSITY);
		assert_eq!(issuer.name, b"Example University".to_vec());
		assert_eq!(issuer.standing, IssuerStanding::Accredited);
		assert_eq!(verdict.issued_at, Some(1));
		assert_eq!(verdict.issued_on, Some(NOW));
		assert_eq!(verdict.read_on, NOW);
	});
}

#[test]
fn an_unknown_digest_is_unknown() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		let verdict = Credentials::verify(digest(2), None, None);
		assert_eq!(verdict.status, VerdictStatus::Unknown);
		assert!(verdict.issuer.is_none());
	});
}

#[test]
fn revoked_and_suspended_credentials_say_so() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		issue_as(UNIVERSITY, digest(2), no_terms());
		System::set_block_number(4);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(1),
			RevocationReason::HolderRequest,
			None
		));
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(2), None));
		assert_eq!(
			Credentials::verify(digest(1), None, None).status,
			VerdictStatus::Revoked { reason: RevocationReason::HolderRequest, at: 4 }
		);
		assert_eq!(
			Credentials::verify(digest(2), None, None).status,
			VerdictStatus::Suspended { since: 4 }
		);
	});
}

#[test]
fn the_validity_window_is_judged_at_the_time_of_reading_with_exact_boundaries() {
	new_test_ext(|| {
		let window = CredentialTerms {
			valid_from: Some(NOW + 10),
			valid_until: Some(NOW + 20),
			..no_terms()
		};
		issue_as(UNIVERSITY, digest(1), window);
		let status_at = |time: u64| {
			Timestamp::set_timestamp(time);
			Credentials::verify(digest(1), None, None).status
		};
		// `set_timestamp` only moves forward within a block, so walk forward.
		assert_eq!(status_at(NOW + 9), VerdictStatus::NotYetValid { from: NOW + 10 });
		assert_eq!(status_at(NOW + 10), VerdictStatus::Valid);
		assert_eq!(status_at(NOW + 19), VerdictStatus::Valid);
		assert_eq!(status_at(NOW + 20), VerdictStatus::Expired { at: NOW + 20 });
	});
}

#[test]
fn revocation_outranks_expiry() {
	new_test_ext(|| {
		let window = CredentialTerms { valid_until: Some(NOW + 1), ..no_terms() };
		issue_as(UNIVERSITY, digest(1), window);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(1),
			RevocationReason::Other,
			None
		));
		Timestamp::set_timestamp(NOW + 5);
		assert!(matches!(
			Credentials::verify(digest(1), None, None).status,
			VerdictStatus::Revoked { .. }
		));
	});
}

#[test]
fn a_withdrawn_issuers_credential_stays_verifiable_with_its_standing_and_successor() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			UNIVERSITY,
			WithdrawalReason::Merged,
			None
		));
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE));
		let verdict = Credentials::verify(digest(1), None, None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		let issuer = verdict.issuer.unwrap();
		assert_eq!(issuer.standing, IssuerStanding::Withdrawn(WithdrawalReason::Merged));
		assert_eq!(issuer.successor, Some(COLLEGE));
	});
}

/// Anchors a batch of `count` leaves signed by `UNIVERSITY`; returns the leaves and the root.
fn anchored_batch(count: u8) -> (Vec<Digest>, Digest) {
	let leaves: Vec<Digest> = (0..count).map(|i| digest(200 + i)).collect();
	let root = merkle_root::<Keccak256, _>(leaves.iter()).0;
	assert_ok!(Credentials::anchor_batch(
		RuntimeOrigin::signed(UNIVERSITY),
		root,
		count.into(),
		no_terms()
	));
	(leaves, root)
}

/// The Merkle proof of the leaf at `index` of `leaves`.
fn proof_of(leaves: &[Digest], index: u32) -> Vec<Digest> {
	merkle_proof::<Keccak256, _, _>(leaves.iter(), index)
		.proof
		.into_iter()
		.map(|node| node.0)
		.collect()
}

#[test]
fn a_proof_longer_than_the_batch_is_deep_is_refused_before_hashing() {
	new_test_ext(|| {
		let (leaves, root) = anchored_batch(4);
		let mut proof = proof_of(&leaves, 1);
		assert_eq!(
			Credentials::verify_in_batch(root, leaves[1], 1, proof.clone(), None).status,
			VerdictStatus::Valid
		);
		proof.push(digest(1));
		assert_eq!(
			Credentials::verify_in_batch(root, leaves[1], 1, proof, None).status,
			VerdictStatus::InvalidProof
		);
		let huge = vec![digest(1); 10_000];
		assert_eq!(
			Credentials::verify_in_batch(root, leaves[1], 1, huge, None).status,
			VerdictStatus::InvalidProof
		);
	});
}

#[test]
fn the_longest_proof_is_the_depth_of_the_tree() {
	use crate::batches::max_proof_length;
	assert_eq!(max_proof_length(1), 0);
	assert_eq!(max_proof_length(2), 1);
	assert_eq!(max_proof_length(3), 2);
	assert_eq!(max_proof_length(4), 2);
	assert_eq!(max_proof_length(5), 3);
	assert_eq!(max_proof_length(u32::MAX), 32);
}

#[test]
fn a_batch_leaf_verifies_with_its_proof_and_a_forged_proof_does_not() {
	new_test_ext(|| {
		let (leaves, root) = anchored_batch(7);
		let proof = |index: u32| proof_of(&leaves, index);

		let verdict = Credentials::verify_in_batch(root, leaves[4], 4, proof(4), None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		assert_eq!(verdict.issuer.unwrap().account, UNIVERSITY);
		assert_eq!(verdict.batch.unwrap().leaf_count, 7);

		let forged = Credentials::verify_in_batch(root, digest(1), 4, proof(4), None);
		assert_eq!(forged.status, VerdictStatus::InvalidProof);
		assert!(forged.issuer.is_none());
		let unknown_root = Credentials::verify_in_batch(digest(9), leaves[4], 4, proof(4), None);
		assert_eq!(unknown_root.status, VerdictStatus::Unknown);

		assert_ok!(Credentials::revoke_batch_leaf(
			RuntimeOrigin::signed(UNIVERSITY),
			root,
			leaves[4],
			4,
			proof(4).try_into().unwrap(),
			RevocationReason::Superseded,
			None
		));
		assert!(matches!(
			Credentials::verify_in_batch(root, leaves[4], 4, proof(4), None).status,
			VerdictStatus::Revoked { reason: RevocationReason::Superseded, .. }
		));
		assert_eq!(
			Credentials::verify_in_batch(root, leaves[3], 3, proof(3), None).status,
			VerdictStatus::Valid
		);

		assert_ok!(Credentials::revoke_batch(
			RuntimeOrigin::signed(UNIVERSITY),
			root,
			RevocationReason::IssuedInError,
			None
		));
		assert!(matches!(
			Credentials::verify_in_batch(root, leaves[3], 3, proof(3), None).status,
			VerdictStatus::Revoked { reason: RevocationReason::IssuedInError, .. }
		));
	});
}

#[test]
fn issuer_summary_describes_registered_issuers_only() {
	new_test_ext(|| {
		let summary = Credentials::issuer_summary(COLLEGE).unwrap();
		assert_eq!(summary.name, b"Example College".to_vec());
		assert_eq!(summary.country, *b"NL");
		assert_eq!(summary.standing, IssuerStanding::Accredited);
		assert!(Credentials::issuer_summary(OUTSIDER).is_none());
	});
}
