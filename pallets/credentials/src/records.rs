//! Where credential and batch records live. No issuer can take a digest (or a batch root) from
//! another: each issuer has its own record of a digest, so several issuers may anchor the same one,
//! and a verifier picks the record of the issuer the document names.
//!
//! The first record of a digest lives in [`Credentials`], keyed by the digest alone (the layout of
//! storage version 1, so existing records need no migration); the records other issuers made of the
//! same digest live in [`CoIssuedCredentials`], keyed by digest and issuer. Batches likewise: the
//! first batch of a root in [`Batches`] (its leaves' statuses in [`BatchLeaves`]), other issuers'
//! batches of the same root in [`CoAnchoredBatches`] (leaves in [`CoAnchoredLeaves`]). Every read and
//! write goes through this module, so the rest of the pallet sees one record per (digest, issuer).

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;

use crate::{
	BatchLeaves, BatchRecordOf, Batches, CoAnchoredBatches, CoAnchoredLeaves, CoIssuedCredentials,
	Config, CredentialRecordOf, Credentials, Digest, Error, Pallet, StatusOf,
};

/// Which storage holds a batch: the first one anchored with its root, or a later one by another
/// issuer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BatchSlot {
	/// In `Batches`.
	First,
	/// In `CoAnchoredBatches`.
	CoAnchored,
}

impl<T: Config> Pallet<T> {
	/// The record `issuer` made of the credential `digest`.
	pub fn credential_of(digest: &Digest, issuer: &T::AccountId) -> Option<CredentialRecordOf<T>> {
		match Credentials::<T>::get(digest) {
			Some(first) if first.issuer == *issuer => Some(first),
			Some(_) => CoIssuedCredentials::<T>::get(digest, issuer),
			None => None,
		}
	}

	/// Stores `record`, its issuer's record of `digest` (new, or changed).
	pub(crate) fn put_credential(digest: &Digest, record: CredentialRecordOf<T>) {
		match Credentials::<T>::get(digest) {
			Some(first) if first.issuer != record.issuer => {
				CoIssuedCredentials::<T>::insert(digest, record.issuer.clone(), record)
			}
			_ => Credentials::<T>::insert(digest, record),
		}
	}

	/// Changes the record `issuer` made of `digest` with `change`, or fails with
	/// [`Error::CredentialNotFound`]; nothing is written if `change` fails.
	pub(crate) fn try_mutate_credential_of<R>(
		digest: &Digest,
		issuer: &T::AccountId,
		change: impl FnOnce(&mut CredentialRecordOf<T>) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		let mut record =
			Self::credential_of(digest, issuer).ok_or(Error::<T>::CredentialNotFound)?;
		let result = change(&mut record)?;
		Self::put_credential(digest, record);
		Ok(result)
	}

	/// The records of `digest`, the first one first, at most `limit`.
	pub fn credentials_of_digest(digest: &Digest, limit: usize) -> Vec<CredentialRecordOf<T>> {
		let Some(first) = Credentials::<T>::get(digest) else { return Vec::new() };
		core::iter::once(first)
			.chain(CoIssuedCredentials::<T>::iter_prefix_values(digest))
			.take(limit)
			.collect()
	}

	/// The batch `issuer` anchored with `root`, and where it is stored.
	pub(crate) fn batch_of(
		root: &Digest,
		issuer: &T::AccountId,
	) -> Option<(BatchSlot, BatchRecordOf<T>)> {
		match Batches::<T>::get(root) {
			Some(first) if first.issuer == *issuer => Some((BatchSlot::First, first)),
			Some(_) => CoAnchoredBatches::<T>::get(root, issuer)
				.map(|batch| (BatchSlot::CoAnchored, batch)),
			None => None,
		}
	}

	/// Stores `batch` under `root`: where `slot` says, or, for a new batch (`None`), in the first
	/// free place. The caller checked that a new batch's issuer has none with this root.
	pub(crate) fn put_batch(root: &Digest, slot: Option<BatchSlot>, batch: BatchRecordOf<T>) {
		let slot = slot.unwrap_or(if Batches::<T>::contains_key(root) {
			BatchSlot::CoAnchored
		} else {
			BatchSlot::First
		});
		match slot {
			BatchSlot::First => Batches::<T>::insert(root, batch),
			BatchSlot::CoAnchored => {
				CoAnchoredBatches::<T>::insert(root, batch.issuer.clone(), batch)
			}
		}
	}

	/// The batches anchored with `root` and where each is stored, the first one first, at most
	/// `limit`.
	pub(crate) fn batches_of_root(
		root: &Digest,
		limit: usize,
	) -> Vec<(BatchSlot, BatchRecordOf<T>)> {
		let Some(first) = Batches::<T>::get(root) else { return Vec::new() };
		let others = CoAnchoredBatches::<T>::iter_prefix_values(root);
		core::iter::once((BatchSlot::First, first))
			.chain(others.map(|batch| (BatchSlot::CoAnchored, batch)))
			.take(limit)
			.collect()
	}

	/// The status of the leaf `leaf` of `issuer`'s batch `root`, stored in `slot`, if it is not
	/// simply that of the batch.
	pub(crate) fn leaf_status(
		root: &Digest,
		slot: BatchSlot,
		issuer: &T::AccountId,
		leaf: &Digest,
	) -> Option<StatusOf<T>> {
		match slot {
			BatchSlot::First => BatchLeaves::<T>::get(root, leaf),
			BatchSlot::CoAnchored => CoAnchoredLeaves::<T>::get((root, issuer, leaf)),
		}
	}

	/// Sets (`Some`) or clears (`None`) the status of a leaf of `issuer`'s batch `root`.
	pub(crate) fn set_leaf_status(
		root: &Digest,
		slot: BatchSlot,
		issuer: &T::AccountId,
		leaf: &Digest,
		status: Option<StatusOf<T>>,
	) {
		match (slot, status) {
			(BatchSlot::First, Some(status)) => BatchLeaves::<T>::insert(root, leaf, status),
			(BatchSlot::First, None) => BatchLeaves::<T>::remove(root, leaf),
			(BatchSlot::CoAnchored, Some(status)) => {
				CoAnchoredLeaves::<T>::insert((root, issuer, leaf), status)
			}
			(BatchSlot::CoAnchored, None) => CoAnchoredLeaves::<T>::remove((root, issuer, leaf)),
		}
	}
}
