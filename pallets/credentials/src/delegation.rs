//! Delegate keys: an issuer invites a key, the key accepts (so no account becomes a delegate without
//! its own consent), and either side ends the delegation: the issuer removes the delegate or
//! cancels the invitation, the delegate resigns or declines.

use frame_support::{ensure, pallet_prelude::*};
use pallet_roles::{Role, RoleRegistry};

use crate::{
	Config, Error, Event, Invitations, IssuerStanding, Issuers, Pallet, SignerRecord, Signers,
};

impl<T: Config> Pallet<T> {
	/// Invites `delegate` to sign for the issuer whose own key is `key`. The invited key holds the
	/// `Invitee` role, which lets it accept or decline, until it does.
	pub fn do_invite_delegate(key: T::AccountId, delegate: T::AccountId) -> DispatchResult {
		Self::signer_record(&key)?;
		let who = Self::issuer_of_key(&key)?;
		ensure!(!Signers::<T>::contains_key(&delegate), Error::<T>::AlreadyASigner);
		ensure!(!Issuers::<T>::contains_key(&delegate), Error::<T>::IssuerAlreadyRegistered);
		let record = Self::issuer_record(&who)?;
		Invitations::<T>::try_mutate(&who, |invited| {
			ensure!(!invited.contains(&delegate), Error::<T>::AlreadyInvited);
			let keys = record.delegates.len().saturating_add(invited.len());
			ensure!(keys < T::MaxDelegates::get() as usize, Error::<T>::TooManyDelegates);
			invited.try_push(delegate.clone()).map_err(|_| Error::<T>::TooManyDelegates)?;
			T::Roles::grant(&delegate, Role::Invitee)
		})?;
		Self::deposit_event(Event::DelegateInvited { issuer: who, delegate });
		Ok(())
	}

	/// `who` accepts the invitation of `issuer` and becomes its delegate.
	pub fn do_accept_delegation(who: T::AccountId, issuer: T::AccountId) -> DispatchResult {
		Self::take_invitation(&issuer, &who)?;
		ensure!(!Signers::<T>::contains_key(&who), Error::<T>::AlreadyASigner);
		Self::enlist_delegate(&issuer, who)
	}

	/// `who` stops acting for `issuer`: a delegate resigns, or an invitee declines the invitation.
	pub fn do_resign_delegation(who: T::AccountId, issuer: T::AccountId) -> DispatchResult {
		if Self::take_invitation(&issuer, &who).is_ok() {
			Self::deposit_event(Event::InvitationDeclined { issuer, delegate: who });
			return Ok(());
		}
		Self::delist_delegate(&issuer, &who)?;
		Self::deposit_event(Event::DelegateResigned { issuer, delegate: who });
		Ok(())
	}

	/// The issuer whose own key is `key` removes its delegate `delegate`, or cancels its invitation
	/// to that key. Whatever the key did before (session keys, for example), this succeeds, and the
	/// key's next transaction is refused if it holds no other role.
	pub fn do_remove_delegate(key: T::AccountId, delegate: T::AccountId) -> DispatchResult {
		Self::signer_record(&key)?;
		let who = Self::issuer_of_key(&key)?;
		if Self::take_invitation(&who, &delegate).is_ok() {
			Self::deposit_event(Event::InvitationCancelled { issuer: who, delegate });
			return Ok(());
		}
		Self::delist_delegate(&who, &delegate)?;
		Self::deposit_event(Event::DelegateRemoved { issuer: who, delegate });
		Ok(())
	}

	/// Makes `delegate` a signer for the accredited or suspended `issuer`.
	pub(crate) fn enlist_delegate(issuer: &T::AccountId, delegate: T::AccountId) -> DispatchResult {
		let mut record = Self::issuer_record(issuer)?;
		let standing = record.standing;
		ensure!(
			matches!(standing, IssuerStanding::Accredited | IssuerStanding::Suspended),
			Error::<T>::NotASigner
		);
		record.delegates.try_push(delegate.clone()).map_err(|_| Error::<T>::TooManyDelegates)?;
		T::Roles::grant(&delegate, Role::Delegate)?;
		Signers::<T>::insert(&delegate, SignerRecord { issuer: issuer.clone(), standing });
		Issuers::<T>::insert(issuer, record);
		Self::deposit_event(Event::DelegateAdded { issuer: issuer.clone(), delegate });
		Ok(())
	}

	/// Removes `delegate` from `issuer`'s signers and takes its role.
	fn delist_delegate(issuer: &T::AccountId, delegate: &T::AccountId) -> DispatchResult {
		let mut record = Self::issuer_record(issuer)?;
		let position = record
			.delegates
			.iter()
			.position(|known| known == delegate)
			.ok_or(Error::<T>::DelegateNotFound)?;
		record.delegates.swap_remove(position);
		T::Roles::revoke(delegate, Role::Delegate)?;
		Signers::<T>::remove(delegate);
		Issuers::<T>::insert(issuer, record);
		Ok(())
	}

	/// Removes `issuer`'s invitation to `invitee` and takes the key's `Invitee` role, or fails with
	/// [`Error::NoInvitation`].
	fn take_invitation(issuer: &T::AccountId, invitee: &T::AccountId) -> DispatchResult {
		Invitations::<T>::try_mutate_exists(issuer, |invited| {
			let list = invited.as_mut().ok_or(Error::<T>::NoInvitation)?;
			let position =
				list.iter().position(|known| known == invitee).ok_or(Error::<T>::NoInvitation)?;
			list.swap_remove(position);
			if list.is_empty() {
				*invited = None;
			}
			T::Roles::revoke(invitee, Role::Invitee)
		})
	}

	/// Cancels every open invitation of `issuer` (it is being withdrawn).
	pub(crate) fn cancel_invitations(issuer: &T::AccountId) -> DispatchResult {
		for invitee in Invitations::<T>::take(issuer) {
			T::Roles::revoke(&invitee, Role::Invitee)?;
			Self::deposit_event(Event::InvitationCancelled {
				issuer: issuer.clone(),
				delegate: invitee,
			});
		}
		Ok(())
	}
}
