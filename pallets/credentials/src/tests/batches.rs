//! Merkle batches: anchoring a root, and suspending, reinstating and revoking single leaves with
//! proofs checked against it.

use super::*;
use crate::{
	batches::verify_leaf, BatchLeaves, Batches, CredentialStatus, Error, Event, MerkleProof,
	RevocationReason,
};
use binary_merkle_tree::{merkle_proof, merkle_root};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::traits::Keccak256;

/// A batch of `count` credential digests and its Merkle root.
pub(super) struct Tree {
	pub(super) leaves: Vec<Digest>,
	pub(super) root: Digest,
}

impl Tree {
	pub(super) fn new(count: u8) -> Self {
		let leaves: Vec<Digest> = (0..count).map(|i| digest(100 + i)).collect();
		let root = merkle_root::<Keccak256, _>(leaves.iter()).0;
		Self { leaves, root }
	}

	pub(super) fn proof(&self, index: u32) -> MerkleProof {
		let proof = merkle_proof::<Keccak256, _, _>(self.leaves.iter(), index).proof;
		proof.into_iter().map(|node| node.0).collect::<Vec<_>>().try_into().expect("proofs fit")
	}

	pub(super) fn anchor(&self, signer: u64) {
		assert_ok!(Credentials::anchor_batch(
			RuntimeOrigin::signed(signer),
			self.root,
			self.leaves.len() as u32,
			no_terms()
		));
	}
}

#[test]
fn proofs_from_the_shared_crate_verify_for_every_leaf_and_size() {
	for size in [1u8, 2, 3, 5, 8, 13] {
		let tree = Tree::new(size);
		for (index, leaf) in tree.leaves.iter().enumerate() {
			let proof = tree.proof(index as u32);
			assert!(
				verify_leaf(&tree.root, size as u32, index as u32, leaf, &proof),
				"size {size}"
			);
		}
	}
}

#[test]
fn anchor_batch_stores_the_root_and_emits_event() {
	new_test_ext(|| {
		let tree = Tree::new(5);
		tree.anchor(REGISTRAR);
		let batch = Batches::<Test>::get(tree.root).unwrap();
		assert_eq!(batch.issuer, UNIVERSITY);
		assert_eq!(batch.leaf_count, 5);
		assert_eq!(batch.issued_on, NOW);
		assert_eq!(batch.status, CredentialStatus::Active);
		System::assert_last_event(
			Event::BatchAnchored {
				root: tree.root,
				issuer: UNIVERSITY,
				signer: REGISTRAR,
				leaf_count: 5,
				terms: no_terms(),
			}
			.into(),
		);
	});
}

#[test]
fn anchor_batch_checks_its_input_and_signer() {
	new_test_ext(|| {
		let tree = Tree::new(3);
		assert_noop!(
			Credentials::anchor_batch(RuntimeOrigin::signed(UNIVERSITY), tree.root, 0, no_terms()),
			Error::<Test>::NoLeaves
		);
		let bad_window =
			CredentialTerms { valid_from: Some(NOW), valid_until: Some(NOW), ..no_terms() };
		assert_noop!(
			Credentials::anchor_batch(RuntimeOrigin::signed(UNIVERSITY), tree.root, 3, bad_window),
			Error::<Test>::InvalidValidityWindow
		);
		assert_noop!(
			Credentials::anchor_batch(RuntimeOrigin::signed(OUTSIDER), tree.root, 3, no_terms()),
			Error::<Test>::NotASigner
		);
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_noop!(
			Credentials::anchor_batch(RuntimeOrigin::signed(REGISTRAR), tree.root, 3, no_terms()),
			Error::<Test>::IssuerSuspended
		);
		tree.anchor(COLLEGE);
		assert_noop!(
			Credentials::anchor_batch(RuntimeOrigin::signed(COLLEGE), tree.root, 3, no_terms()),
			Error::<Test>::BatchAlreadyExists
		);
	});
}

#[test]
fn revoke_batch_leaf_with_a_valid_proof_revokes_only_that_leaf() {
	new_test_ext(|| {
		let tree = Tree::new(5);
		tree.anchor(UNIVERSITY);
		assert_ok!(Credentials::revoke_batch_leaf(
			RuntimeOrigin::signed(REGISTRAR),
			tree.root,
			tree.leaves[3],
			3,
			tree.proof(3),
			RevocationReason::Superseded,
			None
		));
		assert_eq!(
			BatchLeaves::<Test>::get(tree.root, tree.leaves[3]),
			Some(CredentialStatus::Revoked {
				reason: RevocationReason::Superseded,
				at: 1,
				by: REGISTRAR
			})
		);
		assert_eq!(BatchLeaves::<Test>::get(tree.root, tree.leaves[2]), None);
		System::assert_last_event(
			Event::BatchLeafRevoked {
				root: tree.root,
				leaf: tree.leaves[3],
				by: REGISTRAR,
				reason: RevocationReason::Superseded,
			}
			.into(),
		);
		assert_noop!(
			Credentials::revoke_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				tree.leaves[3],
				3,
				tree.proof(3),
				RevocationReason::Other,
				None
			),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn merkle_proofs_that_must_fail_are_rejected() {
	new_test_ext(|| {
		let tree = Tree::new(6);
		tree.anchor(UNIVERSITY);
		let revoke = |leaf: Digest, index: u32, proof: MerkleProof| {
			Credentials::revoke_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				leaf,
				index,
				proof,
				RevocationReason::Other,
				None,
			)
		};
		// A leaf that is not in the tree.
		assert_noop!(revoke(digest(1), 2, tree.proof(2)), Error::<Test>::InvalidMerkleProof);
		// The right leaf at the wrong index.
		assert_noop!(revoke(tree.leaves[2], 3, tree.proof(2)), Error::<Test>::InvalidMerkleProof);
		// Another leaf's proof.
		assert_noop!(revoke(tree.leaves[2], 2, tree.proof(4)), Error::<Test>::InvalidMerkleProof);
		// A tampered proof.
		let mut tampered = tree.proof(2);
		tampered[0][0] ^= 1;
		assert_noop!(revoke(tree.leaves[2], 2, tampered), Error::<Test>::InvalidMerkleProof);
		// A truncated proof.
		let mut truncated = tree.proof(2);
		truncated.pop();
		assert_noop!(revoke(tree.leaves[2], 2, truncated), Error::<Test>::InvalidMerkleProof);
		// An index past the end.
		assert_noop!(revoke(tree.leaves[2], 6, tree.proof(2)), Error::<Test>::LeafIndexOutOfRange);
		// A batch that was never anchored.
		assert_noop!(
			Credentials::revoke_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(55),
				tree.leaves[2],
				2,
				tree.proof(2),
				RevocationReason::Other,
				None
			),
			Error::<Test>::BatchNotFound
		);
	});
}

#[test]
fn suspend_and_reinstate_a_leaf_with_events() {
	new_test_ext(|| {
		let tree = Tree::new(4);
		tree.anchor(UNIVERSITY);
		let (root, leaf) = (tree.root, tree.leaves[1]);
		assert_ok!(Credentials::suspend_batch_leaf(
			RuntimeOrigin::signed(UNIVERSITY),
			root,
			leaf,
			1,
			tree.proof(1),
			None
		));
		assert_eq!(
			BatchLeaves::<Test>::get(root, leaf),
			Some(CredentialStatus::Suspended { since: 1, by: UNIVERSITY })
		);
		System::assert_last_event(Event::BatchLeafSuspended { root, leaf, by: UNIVERSITY }.into());
		assert_noop!(
			Credentials::suspend_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				root,
				leaf,
				1,
				tree.proof(1),
				None
			),
			Error::<Test>::AlreadySuspended
		);
		assert_ok!(Credentials::reinstate_batch_leaf(
			RuntimeOrigin::signed(REGISTRAR),
			root,
			leaf,
			None
		));
		assert_eq!(BatchLeaves::<Test>::get(root, leaf), None);
		System::assert_last_event(Event::BatchLeafReinstated { root, leaf, by: REGISTRAR }.into());
		assert_noop!(
			Credentials::reinstate_batch_leaf(RuntimeOrigin::signed(REGISTRAR), root, leaf, None),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn a_revoked_leaf_cannot_be_reinstated() {
	new_test_ext(|| {
		let tree = Tree::new(2);
		tree.anchor(UNIVERSITY);
		assert_ok!(Credentials::revoke_batch_leaf(
			RuntimeOrigin::signed(UNIVERSITY),
			tree.root,
			tree.leaves[0],
			0,
			tree.proof(0),
			RevocationReason::IssuedInError,
			None
		));
		assert_noop!(
			Credentials::reinstate_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				tree.leaves[0],
				None
			),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Credentials::suspend_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				tree.leaves[0],
				0,
				tree.proof(0),
				None
			),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn revoke_batch_revokes_every_leaf_for_good() {
	new_test_ext(|| {
		let tree = Tree::new(3);
		tree.anchor(UNIVERSITY);
		assert_ok!(Credentials::revoke_batch(
			RuntimeOrigin::signed(REGISTRAR),
			tree.root,
			RevocationReason::IssuedInError,
			None
		));
		assert!(matches!(
			Batches::<Test>::get(tree.root).unwrap().status,
			CredentialStatus::Revoked { reason: RevocationReason::IssuedInError, .. }
		));
		System::assert_last_event(
			Event::BatchRevoked {
				root: tree.root,
				issuer: UNIVERSITY,
				by: REGISTRAR,
				reason: RevocationReason::IssuedInError,
			}
			.into(),
		);
		assert_noop!(
			Credentials::revoke_batch(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				RevocationReason::Other,
				None
			),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Credentials::revoke_batch_leaf(
				RuntimeOrigin::signed(UNIVERSITY),
				tree.root,
				tree.leaves[0],
				0,
				tree.proof(0),
				RevocationReason::Other,
				None
			),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn only_the_issuer_side_changes_a_batch() {
	new_test_ext(|| {
		let tree = Tree::new(2);
		tree.anchor(UNIVERSITY);
		assert_noop!(
			Credentials::revoke_batch(
				RuntimeOrigin::signed(COLLEGE),
				tree.root,
				RevocationReason::Other,
				Some(UNIVERSITY)
			),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credentials::suspend_batch_leaf(
				RuntimeOrigin::signed(COLLEGE),
				tree.root,
				tree.leaves[0],
				0,
				tree.proof(0),
				Some(UNIVERSITY)
			),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credentials::revoke_batch(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(77),
				RevocationReason::Other,
				None
			),
			Error::<Test>::BatchNotFound
		);
	});
}
