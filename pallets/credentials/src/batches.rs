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
	BatchLeaves, BatchRecord, BatchRecordOf, Batches, Config, CredentialStatus, CredentialTerms,
	Digest, Error, Event, MerkleProof, Pallet, RevocationReason, StatusOf,
};

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
		ensure!(!Batches::<T>::contains_key(root), Error::<T>::BatchAlreadyExists);
		Self::charge_issuance(&issuer, 1)?;
		let (issued_at, issued_on) = Self::now();
		Batches::<T>::insert(
			root,
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

	/// The batch `root`, after checking `signer` may make `change` to it.
	fn authorized_batch(
		signer: &T::AccountId,
		root: &Digest,
		change: StatusChange,
	) -> Result<BatchRecordOf<T>, DispatchError> {
		let batch = Batches::<T>::get(root).ok_or(Error::<T>::BatchNotFound)?;
		Self::ensure_may_change(signer, &batch.issuer, change)?;
		Ok(batch)
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
	) -> DispatchResult {
		let mut batch = Self::authorized_batch(&signer, &root, StatusChange::Restrict)?;
		let at = frame_system::Pallet::<T>::block_number();
		batch.status = revoked::<T>(&batch.status, reason, at, signer.clone())?;
		let issuer = batch.issuer.clone();
		Batches::<T>::insert(root, batch);
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
	) -> DispatchResult {
		let at = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		Self::restrict_proven_leaf(&signer, root, leaf, leaf_index, &proof, |status| {
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
	) -> DispatchResult {
		let since = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		Self::restrict_proven_leaf(&signer, root, leaf, leaf_index, &proof, |status| {
			suspended::<T>(status, since, by)
		})?;
		Self::deposit_event(Event::BatchLeafSuspended { root, leaf, by: signer });
		Ok(())
	}

	/// Suspends or revokes (as `next` decides from the leaf's current status) a leaf of the batch
	/// `root` that `proof` shows is at `leaf_index`, after checking `signer` may.
	fn restrict_proven_leaf(
		signer: &T::AccountId,
		root: Digest,
		leaf: Digest,
		leaf_index: u32,
		proof: &MerkleProof,
		next: impl FnOnce(&StatusOf<T>) -> Result<StatusOf<T>, Error<T>>,
	) -> DispatchResult {
		let batch = Self::authorized_batch(signer, &root, StatusChange::Restrict)?;
		ensure!(
			!matches!(batch.status, CredentialStatus::Revoked { .. }),
			Error::<T>::AlreadyRevoked
		);
		Self::ensure_leaf_of(&batch, &root, &leaf, leaf_index, proof)?;
		let current = BatchLeaves::<T>::get(root, leaf).unwrap_or(CredentialStatus::Active);
		BatchLeaves::<T>::insert(root, leaf, next(&current)?);
		Ok(())
	}

	/// Lifts the suspension of the leaf `leaf` of the batch `root`. No proof is needed: only a proven
	/// leaf can have been suspended.
	pub fn do_reinstate_batch_leaf(
		signer: T::AccountId,
		root: Digest,
		leaf: Digest,
	) -> DispatchResult {
		Self::authorized_batch(&signer, &root, StatusChange::Reinstate)?;
		let current = BatchLeaves::<T>::get(root, leaf).ok_or(Error::<T>::NotSuspended)?;
		reinstated::<T>(&current)?;
		BatchLeaves::<T>::remove(root, leaf);
		Self::deposit_event(Event::BatchLeafReinstated { root, leaf, by: signer });
		Ok(())
	}
}
