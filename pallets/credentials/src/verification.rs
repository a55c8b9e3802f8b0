//! Verification: one answer with everything a verifier needs about a credential — its status at the
//! time of the question, its issuer and that issuer's standing, when it was issued and its validity
//! window. The runtime API (`pallets/credentials/runtime-api`) exposes these functions.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{
	batches::verify_leaf, BatchLeaves, Batches, Config, CountryCode, CredentialStatus,
	CredentialTerms, Credentials, Digest, IssuerStanding, Issuers, Moment, Pallet,
	RevocationReason,
};

/// A credential's status as a verifier sees it now.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum VerdictStatus<BlockNumber> {
	/// Issued, in force and within its validity window.
	Valid,
	/// Revoked for good.
	Revoked {
		/// Why.
		reason: RevocationReason,
		/// The block it was revoked in.
		at: BlockNumber,
	},
	/// Suspended by its issuer; it may be reinstated.
	Suspended {
		/// The block it was suspended in.
		since: BlockNumber,
	},
	/// Its validity window ended.
	Expired {
		/// When (ms since the Unix epoch).
		at: Moment,
	},
	/// Its validity window has not begun.
	NotYetValid {
		/// When it begins (ms since the Unix epoch).
		from: Moment,
	},
	/// No credential with this digest was issued (or the document was altered).
	Unknown,
	/// The batch exists, but the proof does not show the leaf is in it.
	InvalidProof,
}

/// What a verifier learns about an issuer.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct IssuerSummary<AccountId, BlockNumber> {
	/// Its account, its lasting identity.
	pub account: AccountId,
	/// Its name, UTF-8.
	pub name: Vec<u8>,
	/// Its website or DID URI, UTF-8.
	pub uri: Vec<u8>,
	/// Its ISO 3166-1 alpha-2 country code.
	pub country: CountryCode,
	/// Its standing now.
	pub standing: IssuerStanding,
	/// The block its standing last changed in.
	pub standing_since: BlockNumber,
	/// The institution that took over its credentials, if any.
	pub successor: Option<AccountId>,
}

/// The Merkle batch a credential was verified in.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct BatchSummary {
	/// The batch's root.
	pub root: Digest,
	/// Its number of leaves.
	pub leaf_count: u32,
}

/// The answer to "is this credential valid?", read at one block.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Verdict<AccountId, BlockNumber> {
	/// The credential's status now.
	pub status: VerdictStatus<BlockNumber>,
	/// Its issuer, when the credential is known.
	pub issuer: Option<IssuerSummary<AccountId, BlockNumber>>,
	/// The block it was issued in.
	pub issued_at: Option<BlockNumber>,
	/// The time of that block (ms since the Unix epoch).
	pub issued_on: Option<Moment>,
	/// Its terms: validity window, achievement id, holder commitment.
	pub terms: Option<CredentialTerms>,
	/// The Merkle batch it belongs to, when verified in one.
	pub batch: Option<BatchSummary>,
	/// The block the answer was read at.
	pub read_at: BlockNumber,
	/// The time of that block (ms since the Unix epoch): the time expiry is judged against.
	pub read_on: Moment,
}

/// A verdict with this runtime's types.
pub type VerdictOf<T> = Verdict<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// An issuer summary with this runtime's types.
pub type IssuerSummaryOf<T> =
	IssuerSummary<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// What a verifier learns about `account`, if it is a registered issuer.
	pub fn issuer_summary(account: T::AccountId) -> Option<IssuerSummaryOf<T>> {
		let record = Issuers::<T>::get(&account)?;
		Some(IssuerSummary {
			account,
			name: record.profile.name.into_inner(),
			uri: record.profile.uri.into_inner(),
			country: record.profile.country,
			standing: record.standing,
			standing_since: record.standing_since,
			successor: record.successor,
		})
	}

	/// The verdict on the credential `digest`, issued one by one or in an `issue_batch`.
	pub fn verify(digest: Digest) -> VerdictOf<T> {
		let (read_at, read_on) = Self::now();
		let Some(record) = Credentials::<T>::get(digest) else {
			return unknown(VerdictStatus::Unknown, None, read_at, read_on);
		};
		Verdict {
			status: status_at(&record.status, &record.terms, read_on),
			issuer: Self::issuer_summary(record.issuer),
			issued_at: Some(record.issued_at),
			issued_on: Some(record.issued_on),
			terms: Some(record.terms),
			batch: None,
			read_at,
			read_on,
		}
	}

	/// The verdict on the credential `leaf`, claimed by `proof` to be the leaf at `leaf_index` of
	/// the Merkle batch `root`.
	pub fn verify_in_batch(
		root: Digest,
		leaf: Digest,
		leaf_index: u32,
		proof: Vec<Digest>,
	) -> VerdictOf<T> {
		let (read_at, read_on) = Self::now();
		let Some(batch) = Batches::<T>::get(root) else {
			return unknown(VerdictStatus::Unknown, None, read_at, read_on);
		};
		let summary = BatchSummary { root, leaf_count: batch.leaf_count };
		if !verify_leaf(&root, batch.leaf_count, leaf_index, &leaf, &proof) {
			return unknown(VerdictStatus::InvalidProof, Some(summary), read_at, read_on);
		}
		// A revoked batch outranks its leaves; otherwise a leaf's own status outranks the batch's.
		let status = match (&batch.status, BatchLeaves::<T>::get(root, leaf)) {
			(CredentialStatus::Revoked { .. }, _) | (_, None) => batch.status,
			(_, Some(leaf_status)) => leaf_status,
		};
		Verdict {
			status: status_at(&status, &batch.terms, read_on),
			issuer: Self::issuer_summary(batch.issuer),
			issued_at: Some(batch.issued_at),
			issued_on: Some(batch.issued_on),
			terms: Some(batch.terms),
			batch: Some(summary),
			read_at,
			read_on,
		}
	}
}

/// A verdict that found no credential, read at block `read_at` (time `read_on`).
fn unknown<AccountId, BlockNumber>(
	status: VerdictStatus<BlockNumber>,
	batch: Option<BatchSummary>,
	read_at: BlockNumber,
	read_on: Moment,
) -> Verdict<AccountId, BlockNumber> {
	Verdict {
		status,
		issuer: None,
		issued_at: None,
		issued_on: None,
		terms: None,
		batch,
		read_at,
		read_on,
	}
}

/// A recorded status, judged at time `now` against the validity window: revocation outranks
/// suspension, which outranks the window. A credential is valid from `valid_from` (inclusive) until
/// `valid_until` (exclusive).
fn status_at<AccountId, BlockNumber: Clone>(
	status: &CredentialStatus<AccountId, BlockNumber>,
	terms: &CredentialTerms,
	now: Moment,
) -> VerdictStatus<BlockNumber> {
	match status {
		CredentialStatus::Revoked { reason, at, .. } => {
			VerdictStatus::Revoked { reason: *reason, at: at.clone() }
		}
		CredentialStatus::Suspended { since, .. } => {
			VerdictStatus::Suspended { since: since.clone() }
		}
		CredentialStatus::Active => match (terms.valid_from, terms.valid_until) {
			(Some(from), _) if now < from => VerdictStatus::NotYetValid { from },
			(_, Some(until)) if now >= until => VerdictStatus::Expired { at: until },
			_ => VerdictStatus::Valid,
		},
	}
}
