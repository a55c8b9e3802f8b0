//! The issuer lifecycle: application, accreditation, suspension, withdrawal and succession.
//! Names, identifiers, profile changes and key moves are in `identity`.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_roles::{Role, RoleRegistry};

use crate::{
	Config, Error, Event, GenesisIssuer, IssuerRecord, IssuerRecordOf, IssuerStanding, Issuers,
	Pallet, PendingApplications, ProfileOf, ProfileProposals, SignerRecord, Signers,
	WithdrawalReason,
};

impl<T: Config> Pallet<T> {
	/// The record of a registered issuer.
	pub(crate) fn issuer_record(issuer: &T::AccountId) -> Result<IssuerRecordOf<T>, DispatchError> {
		Issuers::<T>::get(issuer).ok_or_else(|| Error::<T>::IssuerNotFound.into())
	}

	/// Registers `who` as an applicant with `profile`, in the queue of pending applications.
	pub fn do_register_issuer(who: T::AccountId, profile: ProfileOf<T>) -> DispatchResult {
		let pending = PendingApplications::<T>::get();
		ensure!(pending < T::MaxPendingApplications::get(), Error::<T>::TooManyPendingApplications);
		Self::insert_applicant(who.clone(), profile)?;
		PendingApplications::<T>::put(pending + 1);
		Self::deposit_event(Event::IssuerRegistered { issuer: who });
		Ok(())
	}

	/// Registers and accredits `issuer` in one step, on governance's own motion. It does not pass
	/// through the queue of pending applications, so it works even when that queue is full.
	pub fn do_admit_issuer(issuer: T::AccountId, profile: ProfileOf<T>) -> DispatchResult {
		Self::insert_applicant(issuer.clone(), profile)?;
		Self::deposit_event(Event::IssuerRegistered { issuer: issuer.clone() });
		Self::accredit(issuer)
	}

	/// Stores the record of a new applicant `who` with `profile`, after checking both, and reserves
	/// the profile's name and identifiers for it.
	fn insert_applicant(who: T::AccountId, profile: ProfileOf<T>) -> DispatchResult {
		let keys = Self::profile_keys(&profile)?;
		ensure!(!Issuers::<T>::contains_key(&who), Error::<T>::IssuerAlreadyRegistered);
		ensure!(!Signers::<T>::contains_key(&who), Error::<T>::AccountIsDelegate);
		Self::ensure_keys_free_for(&who, &keys)?;
		Self::reserve_keys(&who, &keys);
		let now = frame_system::Pallet::<T>::block_number();
		Issuers::<T>::insert(
			&who,
			IssuerRecord {
				profile,
				key: who.clone(),
				standing: IssuerStanding::Applicant,
				registered_at: now,
				standing_since: now,
				successor: None,
				delegates: Default::default(),
				distrusted_from: None,
			},
		);
		Ok(())
	}

	/// Accredits the queued applicant `issuer`: it gets the `Issuer` role and may sign.
	pub fn do_accredit_issuer(issuer: T::AccountId) -> DispatchResult {
		Self::accredit(issuer)?;
		PendingApplications::<T>::mutate(|pending| *pending = pending.saturating_sub(1));
		Ok(())
	}

	/// Accredits the applicant `issuer`, without touching the queue count.
	fn accredit(issuer: T::AccountId) -> DispatchResult {
		let mut record = Self::issuer_record(&issuer)?;
		ensure!(record.standing == IssuerStanding::Applicant, Error::<T>::NotAnApplicant);
		T::Roles::grant(&record.key, Role::Issuer)?;
		record.standing = IssuerStanding::Accredited;
		record.standing_since = frame_system::Pallet::<T>::block_number();
		Signers::<T>::insert(
			&record.key,
			SignerRecord { issuer: issuer.clone(), standing: IssuerStanding::Accredited },
		);
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(Event::IssuerAccredited { issuer });
		Ok(())
	}

	/// Moves `issuer` between `Accredited` and `Suspended`, keeping its signers' copies of the
	/// standing equal. Returns the number of delegates updated, for the weight.
	pub fn do_set_issuer_standing(
		issuer: T::AccountId,
		standing: IssuerStanding,
	) -> Result<u32, DispatchError> {
		let mut record = Self::issuer_record(&issuer)?;
		let event = match (record.standing, standing) {
			(IssuerStanding::Accredited, IssuerStanding::Suspended) => {
				Event::IssuerSuspended { issuer: issuer.clone() }
			}
			(IssuerStanding::Suspended, IssuerStanding::Accredited) => {
				Event::IssuerReinstated { issuer: issuer.clone() }
			}
			(IssuerStanding::Withdrawn(_), _) => return Err(Error::<T>::IssuerWithdrawn.into()),
			(_, IssuerStanding::Suspended) => return Err(Error::<T>::IssuerNotAccredited.into()),
			_ => return Err(Error::<T>::IssuerNotSuspended.into()),
		};
		record.standing = standing;
		record.standing_since = frame_system::Pallet::<T>::block_number();
		for signer in core::iter::once(&record.key).chain(record.delegates.iter()) {
			Signers::<T>::insert(signer, SignerRecord { issuer: issuer.clone(), standing });
		}
		let delegates = record.delegates.len() as u32;
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(event);
		Ok(delegates)
	}

	/// Withdraws `issuer`'s accreditation for good: its record stays, with the reason; its key and
	/// its delegates stop being signers and lose their roles, and its open invitations are
	/// cancelled. Whatever else those keys did (session keys, for example), this succeeds.
	///
	/// `distrusted_from` is the first block whose credentials from this issuer verifiers should no
	/// longer trust: required for misconduct, refused when the institution closed or merged (its
	/// credentials outlive it), optional otherwise, and never after the current block. Returns the
	/// number of delegates removed, for the weight.
	pub fn do_withdraw_accreditation(
		issuer: T::AccountId,
		reason: WithdrawalReason,
		distrusted_from: Option<BlockNumberFor<T>>,
	) -> Result<u32, DispatchError> {
		match distrusted_from {
			None => ensure!(!reason.requires_distrust(), Error::<T>::DistrustBlockRequired),
			Some(block) => {
				ensure!(reason.allows_distrust(), Error::<T>::DistrustNotAllowed);
				ensure!(
					block <= frame_system::Pallet::<T>::block_number(),
					Error::<T>::DistrustBlockInFuture
				);
			}
		}
		let mut record = Self::issuer_record(&issuer)?;
		match record.standing {
			IssuerStanding::Accredited | IssuerStanding::Suspended => {}
			IssuerStanding::Withdrawn(_) => return Err(Error::<T>::IssuerWithdrawn.into()),
			IssuerStanding::Applicant => return Err(Error::<T>::IssuerNotAccredited.into()),
		}
		let delegates = core::mem::take(&mut record.delegates);
		for delegate in &delegates {
			Signers::<T>::remove(delegate);
			T::Roles::revoke(delegate, Role::Delegate)?;
		}
		Self::cancel_invitations(&issuer)?;
		ProfileProposals::<T>::remove(&issuer);
		Signers::<T>::remove(&record.key);
		T::Roles::revoke(&record.key, Role::Issuer)?;
		record.standing = IssuerStanding::Withdrawn(reason);
		record.standing_since = frame_system::Pallet::<T>::block_number();
		record.distrusted_from = distrusted_from;
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(Event::AccreditationWithdrawn { issuer, reason, distrusted_from });
		Ok(delegates.len() as u32)
	}

	/// Removes the application of `issuer`, which was never accredited, and frees its name and
	/// identifiers.
	pub fn do_reject_application(issuer: T::AccountId) -> DispatchResult {
		let record = Self::issuer_record(&issuer)?;
		ensure!(record.standing == IssuerStanding::Applicant, Error::<T>::NotAnApplicant);
		Self::release_keys(&issuer, &record.profile, None);
		ProfileProposals::<T>::remove(&issuer);
		Issuers::<T>::remove(&issuer);
		PendingApplications::<T>::mutate(|pending| *pending = pending.saturating_sub(1));
		Self::deposit_event(Event::ApplicationRejected { issuer });
		Ok(())
	}

	/// Names `successor` for the withdrawn `issuer`.
	pub fn do_name_successor(issuer: T::AccountId, successor: T::AccountId) -> DispatchResult {
		ensure!(issuer != successor, Error::<T>::InvalidSuccessor);
		let mut record = Self::issuer_record(&issuer)?;
		ensure!(
			matches!(record.standing, IssuerStanding::Withdrawn(_)),
			Error::<T>::IssuerNotWithdrawn
		);
		let successor_standing = Issuers::<T>::get(&successor).map(|successor| successor.standing);
		ensure!(
			successor_standing == Some(IssuerStanding::Accredited),
			Error::<T>::InvalidSuccessor
		);
		record.successor = Some(successor.clone());
		Issuers::<T>::insert(&issuer, record);
		Self::deposit_event(Event::SuccessorNamed { issuer, successor });
		Ok(())
	}

	/// Registers, accredits and gives delegates to a genesis issuer.
	pub(crate) fn build_genesis_issuer(issuer: &GenesisIssuer<T::AccountId>) -> DispatchResult {
		let country: [u8; 2] =
			issuer.country.as_bytes().try_into().map_err(|_| Error::<T>::InvalidCountryCode)?;
		let profile = ProfileOf::<T> {
			name: issuer
				.name
				.as_bytes()
				.to_vec()
				.try_into()
				.map_err(|_| Error::<T>::InvalidName)?,
			uri: issuer.uri.as_bytes().to_vec().try_into().map_err(|_| Error::<T>::InvalidUri)?,
			country,
			identifiers: issuer
				.identifiers
				.iter()
				.map(|uri| uri.as_bytes().to_vec().try_into().map_err(|_| Error::<T>::InvalidUri))
				.collect::<Result<Vec<_>, _>>()?
				.try_into()
				.map_err(|_| Error::<T>::TooManyIdentifiers)?,
		};
		Self::do_admit_issuer(issuer.account.clone(), profile)?;
		for delegate in &issuer.delegates {
			// A genesis delegate consents by being in the chain spec.
			Self::enlist_delegate(&issuer.account, delegate.clone())?;
		}
		Ok(())
	}
}
