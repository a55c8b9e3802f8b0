//! Credentials issued one by one or in an `issue_batch`: issuing, suspending, reinstating and
//! revoking them.

use frame_support::{ensure, pallet_prelude::*, BoundedVec};

use crate::{
	access::StatusChange, Config, CredentialInput, CredentialRecord, CredentialStatus, Digest,
	Error, Event, Moment, Pallet, RevocationReason, StatusOf,
};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Issues one credential, signed by `signer` for its issuer.
	pub fn do_issue(signer: T::AccountId, credential: CredentialInput) -> DispatchResult {
		let issuer = Self::ensure_may_issue(&signer)?;
		Self::ensure_may_issue_achievement(&issuer, &credential.terms)?;
		Self::charge_issuance(&issuer, 1)?;
		let (block, time) = Self::now();
		Self::insert_credential(&issuer, &signer, credential, block, time)
	}

	/// Issues many credentials, signed by `signer` for its issuer; all or nothing.
	pub fn do_issue_batch(
		signer: T::AccountId,
		credentials: BoundedVec<CredentialInput, T::MaxBatchSize>,
	) -> DispatchResult {
		ensure!(!credentials.is_empty(), Error::<T>::EmptyBatch);
		let issuer = Self::ensure_may_issue(&signer)?;
		for credential in &credentials {
			Self::ensure_may_issue_achievement(&issuer, &credential.terms)?;
		}
		Self::charge_issuance(&issuer, credentials.len() as u32)?;
		let (block, time) = Self::now();
		for credential in credentials {
			Self::insert_credential(&issuer, &signer, credential, block, time)?;
		}
		Ok(())
	}

	/// Stores a new credential record of `issuer`: one existence check, one write. Another issuer's
	/// record of the same digest does not stand in the way (see `records`).
	pub(crate) fn insert_credential(
		issuer: &T::AccountId,
		signer: &T::AccountId,
		credential: CredentialInput,
		block: BlockNumberFor<T>,
		time: Moment,
	) -> DispatchResult {
		let CredentialInput { digest, terms } = credential;
		ensure!(terms.window_is_valid(), Error::<T>::InvalidValidityWindow);
		ensure!(
			Self::credential_of(&digest, issuer).is_none(),
			Error::<T>::CredentialAlreadyExists
		);
		Self::put_credential(
			&digest,
			CredentialRecord {
				issuer: issuer.clone(),
				issued_at: block,
				issued_on: time,
				terms: terms.clone(),
				status: CredentialStatus::Active,
			},
		);
		Self::deposit_event(Event::CredentialIssued {
			digest,
			issuer: issuer.clone(),
			signer: signer.clone(),
			terms,
		});
		Ok(())
	}

	/// Applies `change` to the credential `digest` of `predecessor` (or, when `None`, of the
	/// signer's own issuer) on behalf of `signer`, after checking the signer may; `next` computes
	/// the new status from the current one (or refuses). Returns the credential's issuer.
	fn change_credential_status(
		signer: &T::AccountId,
		digest: Digest,
		predecessor: Option<T::AccountId>,
		change: StatusChange,
		next: impl FnOnce(&StatusOf<T>) -> Result<StatusOf<T>, Error<T>>,
	) -> Result<T::AccountId, DispatchError> {
		let issuer = Self::target_issuer(signer, predecessor)?;
		Self::ensure_may_change(signer, &issuer, change)?;
		Self::try_mutate_credential_of(&digest, &issuer, |record| {
			record.status = next(&record.status)?;
			Ok(())
		})?;
		Ok(issuer)
	}

	/// Revokes the credential `digest` for good.
	pub fn do_revoke(
		signer: T::AccountId,
		digest: Digest,
		reason: RevocationReason,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let at = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		let issuer = Self::change_credential_status(
			&signer,
			digest,
			predecessor,
			StatusChange::Restrict,
			|status| revoked(status, reason, at, by),
		)?;
		Self::deposit_event(Event::CredentialRevoked { digest, issuer, by: signer, reason });
		Ok(())
	}

	/// Suspends the credential `digest`.
	pub fn do_suspend(
		signer: T::AccountId,
		digest: Digest,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let since = frame_system::Pallet::<T>::block_number();
		let by = signer.clone();
		let issuer = Self::change_credential_status(
			&signer,
			digest,
			predecessor,
			StatusChange::Restrict,
			|status| suspended(status, since, by),
		)?;
		Self::deposit_event(Event::CredentialSuspended { digest, issuer, by: signer });
		Ok(())
	}

	/// Lifts the suspension of the credential `digest`.
	pub fn do_reinstate(
		signer: T::AccountId,
		digest: Digest,
		predecessor: Option<T::AccountId>,
	) -> DispatchResult {
		let issuer = Self::change_credential_status(
			&signer,
			digest,
			predecessor,
			StatusChange::Reinstate,
			reinstated,
		)?;
		Self::deposit_event(Event::CredentialReinstated { digest, issuer, by: signer });
		Ok(())
	}
}

/// The status after a revocation: any status but `Revoked` may become `Revoked`.
pub(crate) fn revoked<T: Config>(
	status: &StatusOf<T>,
	reason: RevocationReason,
	at: BlockNumberFor<T>,
	by: T::AccountId,
) -> Result<StatusOf<T>, Error<T>> {
	match status {
		CredentialStatus::Revoked { .. } => Err(Error::<T>::AlreadyRevoked),
		_ => Ok(CredentialStatus::Revoked { reason, at, by }),
	}
}

/// The status after a suspension: only `Active` may become `Suspended`.
pub(crate) fn suspended<T: Config>(
	status: &StatusOf<T>,
	since: BlockNumberFor<T>,
	by: T::AccountId,
) -> Result<StatusOf<T>, Error<T>> {
	match status {
		CredentialStatus::Active => Ok(CredentialStatus::Suspended { since, by }),
		CredentialStatus::Suspended { .. } => Err(Error::<T>::AlreadySuspended),
		CredentialStatus::Revoked { .. } => Err(Error::<T>::AlreadyRevoked),
	}
}

/// The status after a reinstatement: only `Suspended` may become `Active`.
pub(crate) fn reinstated<T: Config>(status: &StatusOf<T>) -> Result<StatusOf<T>, Error<T>> {
	match status {
		CredentialStatus::Suspended { .. } => Ok(CredentialStatus::Active),
		CredentialStatus::Active => Err(Error::<T>::NotSuspended),
		CredentialStatus::Revoked { .. } => Err(Error::<T>::AlreadyRevoked),
	}
}
