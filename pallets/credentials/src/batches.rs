//! Merkle batches: one root anchors any number of credentials at constant cost; each leaf can be
//! suspended, reinstated or revoked on its own, with a Merkle proof against the anchored root.
//!
//! Trees are `binary-merkle-tree` trees over Keccak-256, with each leaf's credential digest hashed as
//! a leaf value; the `credchain` client builds them with the same crate, so proofs agree byte for
//! byte.

use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use sp_runtime::traits::Keccak256;

use crate::{
	access::StatusChange,
	credentials::{reinstated, revoked, suspended},
	records::BatchSlot,
	BatchRecord, BatchRecordOf, Config, CredentialStatus, CredentialTerms, Digest, Error, Event,
	MerkleProof, Pallet, RevocationReason, StatusOf,
};

/// A leaf claimed, with its Merkle proof, to be at `leaf_index` of the batch `root`.
struct ProvenLeaf<'a> {
	/// The batch's root.
	root: Digest,
	/// The leaf's credential digest.
	leaf: Digest,
	/// Its index in the batch.
	leaf_index: u32,
	/// Its sibling hashes, leaf to root.
	proof: &'a MerkleProof,
}

/// The longest proof a leaf of a `leaf_count`-leaf tree can have: the tree's depth,
/// ⌈log₂ `leaf_count`⌉.
pub fn max_proof_length(leaf_count: u32) -> usize {
	match leaf_count {
		0 | 1 => 0,
		count => (u32::BITS - (count - 1).leading_zeros()) as usize,
	}
}

/// Whether `proof` shows that `leaf` is the leaf at `leaf_index` of the `leaf_count`-leaf tree with
/// root `root`. A proof longer than the tree is deep is refused before any hashing, so the cost is
/// bounded by the batch, not by the caller.
pub fn verify_leaf(
	root: &Digest,
	leaf_count: u32,
	leaf_index: u32,
	leaf: &Digest,
	proof: &[Digest],
) -> bool {
	if proof.len() > max_proof_length(leaf_count) {
		return false;
	}
	binary_merkle_tree::verify_proof::<Keccak256, _, _>(
		&H256(*root),
		proof.iter().map(|node| H256(*node)),
		leaf_count,
		leaf_index,
		leaf,
	)
}

impl<T: Config> Pallet<T> {
	/// Anchors the root of a `leaf_count`-leaf batch sharing `terms`, signed by `signer`.
	pub fn do_anchor_batch(
		signer: T::AccountId,
		root: Digest,
		leaf_count: u32,
		terms: CredentialTerms,
	) -> DispatchResult {
		ensure!(leaf_count > 0, Error::<T>::NoLeaves);
		ensure!(terms.window_is_valid(), Error::<T>::InvalidValidityWindow);
		let issuer = Self::ensure_may_issue(&signer)?;
		Self::ensure_may_issue_achievement(&issuer, &terms)?;
		ensure!(Self::batch_of(&root, &issuer).is_none(), Error::<T>::BatchAlreadyExists);
		Self::charge_issuance(&issuer, 1)?;
		let (issued_at, issued_on) = Self::now();
		Self::put_batch(
			&root,
			None,
			BatchRecord {
				issuer: issuer.clone(),
				leaf_count,
				issued_at,
				issued_on,
				terms: terms.clone(),
				status: CredentialStatus::Active,
			},
		);
		Self::deposit_event(Event::BatchAnchored { root, issuer, signer, leaf_count, terms });
		Ok(())
	}

	/// The batch `root` of `predecessor` (or, when `None`, of the signer's own issuer), and where
	/// it is stored, after checking `signer` may make `change` to it.
	fn authorized_batch(
		signer: &T::AccountId,
		root: &Digest,
		predecessor: Option<T::AccountId>,
		change: StatusChange,
	) -> Result<(BatchSlot, BatchRecordOf<T>), DispatchError> {
		let issuer = Self::target_issuer(signer, predecessor)?;
		Self::ensure_may_change(signer, &issuer, change)?;
		Self::batch_of(root, &issuer).ok_or_else(|| Error::<T>::BatchNotFound.into())
	}

	/// Checks that `leaf` is the leaf at `leaf_index` of `batch`, whose root is `root`.
	fn ensure_leaf_of(
		batch: &BatchRecordOf<T>,
		root: &Digest,
		leaf: &Digest,
		leaf_index: u32,
		proof: &MerkleProof,
	) -> DispatchResult {
		ensure!(leaf_index < batch.leaf_count, Error::<T>::LeafIndexOutOfRange);
		ensure!(
			verify_leaf(root, batch.leaf_count, leaf_index, leaf, proof),
			Error::<T>::InvalidMerkleProof
		);
		Ok(())
	}

	/// Revokes the whole batch `root` for good.
	pub fn do_revoke_batch(
		signer: T::AccountId,
		root: Digest,
		reason: RevocationReason,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let (slot, mut batch) =
			Self::authorized_batch(&signer, &root, predecessor, StatusChange::Restrict)?;
		let at = frame_system::Pallet::<T>::block_number();
		batch.status = revoked::<T>(&batch.status, reason, at, signer.clone())?;
		let issuer = batch.issuer.clone();
		Self::put_batch(&root, Some(slot), batch);
		Self::deposit_event(Event::BatchRevoked { root, issuer, by: signer, reason });
		Ok(())
	}

	/// Revokes the leaf `leaf` (at `leaf_index`, proven by `proof`) of the batch `root` for good.
	pub fn do_revoke_batch_leaf(
		signer: T::AccountId,
		root: Digest,
		leaf: Digest,
		leaf_index: u32,
		proof: MerkleProof,
		reason: RevocationReason,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let at = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		let proven = ProvenLeaf { root, leaf, leaf_index, proof: &proof };
		Self::restrict_proven_leaf(&signer, proven, predecessor, |status| {
			revoked::<T>(status, reason, at, by)
		})?;
		Self::deposit_event(Event::BatchLeafRevoked { root, leaf, by: signer, reason });
		Ok(())
	}

	/// Suspends the leaf `leaf` (at `leaf_index`, proven by `proof`) of the batch `root`.
	pub fn do_suspend_batch_leaf(
		signer: T::AccountId,
		root: Digest,
		leaf: Digest,
		leaf_index: u32,
		proof: MerkleProof,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let since = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		let proven = ProvenLeaf { root, leaf, leaf_index, proof: &proof };
		Self::restrict_proven_leaf(&signer, proven, predecessor, |status| {
			suspended::<T>(status, since, by)
		})?;
		Self::deposit_event(Event::BatchLeafSuspended { root, leaf, by: signer });
		Ok(())
	}

	/// Suspends or revokes (as `next` decides from the leaf's current status) a proven leaf of the
	/// batch of `predecessor` (or of the signer's own issuer), after checking `signer` may.
	fn restrict_proven_leaf(
		signer: &T::AccountId,
		proven: ProvenLeaf<'_>,
		predecessor: Option<T::AccountId>,
		next: impl FnOnce(&StatusOf<T>) -> Result<StatusOf<T>, Error<T>>,
	) -> DispatchResult {
		let ProvenLeaf { root, leaf, leaf_index, proof } = proven;
		let (slot, batch) =
			Self::authorized_batch(signer, &root, predecessor, StatusChange::Restrict)?;
		ensure!(
			!matches!(batch.status, CredentialStatus::Revoked { .. }),
			Error::<T>::AlreadyRevoked
		);
		Self::ensure_leaf_of(&batch, &root, &leaf, leaf_index, proof)?;
		let current = Self::leaf_status(&root, slot, &batch.issuer, &leaf)
			.unwrap_or(CredentialStatus::Active);
		Self::set_leaf_status(&root, slot, &batch.issuer, &leaf, Some(next(&current)?));
		Ok(())
	}

	/// Lifts the suspension of the leaf `leaf` of the batch `root` of `predecessor` (or of the
	/// signer's own issuer). No proof is needed: only a proven leaf can have been suspended.
	pub fn do_reinstate_batch_leaf(
		signer: T::AccountId,
		root: Digest,
		leaf: Digest,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let (slot, batch) =
			Self::authorized_batch(&signer, &root, predecessor, StatusChange::Reinstate)?;
		let current =
			Self::leaf_status(&root, slot, &batch.issuer, &leaf).ok_or(Error::<T>::NotSuspended)?;
		reinstated::<T>(&current)?;
		Self::set_leaf_status(&root, slot, &batch.issuer, &leaf, None);
		Self::deposit_event(Event::BatchLeafReinstated { root, leaf, by: signer });
		Ok(())
	}
}
