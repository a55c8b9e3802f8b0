//! [`GrantRoleToMembers`]: keeps a role in step with the members of a membership pallet, so that
//! council members (for example) can transact while they are members.

use crate::{Config, Pallet, Role, LOG_TARGET};
use core::marker::PhantomData;
use frame_support::traits::{ChangeMembers, Get, InitializeMembers};

/// A `MembershipChanged` / `MembershipInitialized` hook for `pallet-membership` that grants
/// `R::get()` to incoming members and revokes it from outgoing ones, then tells `Inner` (usually
/// the collective) about the change.
///
/// Revoking a role does not depend on what else the account did, so an outgoing member always loses
/// its role; a failure (which would be a bug) is logged and the membership change goes ahead:
/// membership is the decision; the role only follows it.
pub struct GrantRoleToMembers<T, R, Inner>(PhantomData<(T, R, Inner)>);

impl<T: Config, R: Get<Role>, Inner: ChangeMembers<T::AccountId>> ChangeMembers<T::AccountId>
	for GrantRoleToMembers<T, R, Inner>
{
	fn change_members_sorted(
		incoming: &[T::AccountId],
		outgoing: &[T::AccountId],
		sorted_new: &[T::AccountId],
	) {
		for member in incoming {
			if let Err(error) = Pallet::<T>::grant(member, R::get()) {
				log::error!(target: LOG_TARGET, "cannot grant a new member its role: {error:?}");
			}
		}
		for member in outgoing {
			if let Err(error) = Pallet::<T>::revoke(member, R::get()) {
				log::error!(target: LOG_TARGET, "cannot revoke a former member's role: {error:?}");
			}
		}
		Inner::change_members_sorted(incoming, outgoing, sorted_new);
	}

	fn set_prime(prime: Option<T::AccountId>) {
		Inner::set_prime(prime);
	}

	fn get_prime() -> Option<T::AccountId> {
		Inner::get_prime()
	}
}

impl<T: Config, R: Get<Role>, Inner: InitializeMembers<T::AccountId>>
	InitializeMembers<T::AccountId> for GrantRoleToMembers<T, R, Inner>
{
	fn initialize_members(members: &[T::AccountId]) {
		for member in members {
			Pallet::<T>::grant(member, R::get())
				.expect("granting a role at genesis cannot overflow; qed");
		}
		Inner::initialize_members(members);
	}
}
