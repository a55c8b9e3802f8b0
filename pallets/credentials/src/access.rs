//! Who may do what: issuing needs an accredited issuer behind the signer; changing a credential's
//! status needs its issuer (or that issuer's successor) behind the signer, in a standing that allows
//! the change.

use frame_support::{ensure, pallet_prelude::DispatchError};

use crate::{Config, Error, Issuers, Pallet, SignerRecord, Signers};

/// A change of a credential's status, and what the signer's issuer must be allowed for it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum StatusChange {
	/// Suspend or revoke: allowed to accredited and suspended issuers.
	Restrict,
	/// Lift a suspension: allowed to accredited issuers only.
	Reinstate,
}

impl<T: Config> Pallet<T> {
	/// The record of an account that may sign for an issuer.
	pub(crate) fn signer_record(
		signer: &T::AccountId,
	) -> Result<SignerRecord<T::AccountId>, DispatchError> {
		Signers::<T>::get(signer).ok_or_else(|| Error::<T>::NotASigner.into())
	}

	/// The issuer `signer` may issue for: one read.
	pub(crate) fn ensure_may_issue(signer: &T::AccountId) -> Result<T::AccountId, DispatchError> {
		let record = Self::signer_record(signer)?;
		ensure!(record.standing.may_issue(), Error::<T>::IssuerSuspended);
		Ok(record.issuer)
	}

	/// The issuer whose credential `signer` means to change: `predecessor`, a withdrawn issuer whose
	/// successor the signer acts for, or, when `None`, the signer's own issuer.
	pub(crate) fn target_issuer(
		signer: &T::AccountId,
		predecessor: Option<T::AccountId>,
	) -> Result<T::AccountId, DispatchError> {
		match predecessor {
			Some(issuer) => Ok(issuer),
			None => Ok(Self::signer_record(signer)?.issuer),
		}
	}

	/// Checks that `signer` may make `change` to a credential issued by `issuer`: the signer acts for
	/// `issuer` itself, or for the successor governance named for it.
	pub(crate) fn ensure_may_change(
		signer: &T::AccountId,
		issuer: &T::AccountId,
		change: StatusChange,
	) -> Result<(), DispatchError> {
		let record = Self::signer_record(signer)?;
		let acts_for_issuer = record.issuer == *issuer
			|| Issuers::<T>::get(issuer)
				.and_then(|issuer| issuer.successor)
				.is_some_and(|successor| successor == record.issuer);
		ensure!(acts_for_issuer, Error::<T>::NotAuthorized);
		let allowed = match change {
			StatusChange::Restrict => record.standing.may_restrict(),
			StatusChange::Reinstate => record.standing.may_reinstate(),
		};
		ensure!(allowed, Error::<T>::IssuerSuspended);
		Ok(())
	}
}
