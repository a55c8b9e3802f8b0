//! # Roles pallet
//!
//! CredChain has no token, so no account pays fees and no account exists because it holds a balance.
//! Instead an account exists — and may sign extrinsics — because the chain grants it a [`Role`]:
//! the bootstrap (sudo) key of a development chain, a validator, a council member, an accredited
//! issuer or an issuer's delegate.
//!
//! This pallet is the one place that records those grants. While an account holds at least one grant
//! it keeps one `frame_system` provider reference, which is what `CheckNonce` needs to accept its
//! transactions; when its last grant is revoked, the reference is released.
//!
//! ## Roles and grants
//! A grant is counted per `(account, role)`: the same account may, for example, be the delegate of two
//! issuers, and only when both delegations end does it stop being a delegate.
//!
//! ## Interface
//! The pallet has no calls. Other pallets grant and revoke roles through the [`RoleRegistry`] trait
//! (implemented by [`Pallet`]), and the genesis config grants the roles a chain starts with.
//! [`GrantRoleToMembers`] keeps a role in step with a membership pallet (the council).
//!
//! ## Transaction pool
//! The [`CheckRole`] transaction extension refuses signed transactions from accounts without a
//! role, with the custom invalid-transaction code [`NO_ROLE`].
//!
//! ## Wiring
//! Add the pallet to the runtime and give other pallets `type Roles = Roles;` where they need one.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod check_role;
mod membership;
mod types;
pub use check_role::{CheckRole, NO_ROLE};
pub use membership::GrantRoleToMembers;
pub use types::{Role, RoleRegistry};

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::roles";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the roles pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {}

	/// How many live grants of each role an account holds. An absent entry means none.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		Role,
		u32,
		ValueQuery,
	>;

	/// How many live grants, of any role, an account holds; the account keeps one provider reference
	/// while this is above zero.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was granted `role`.
		RoleGranted {
			/// The account that now holds the role.
			who: T::AccountId,
			/// The role granted.
			role: Role,
		},
		/// One grant of `role` to `who` was revoked.
		RoleRevoked {
			/// The account that held the role.
			who: T::AccountId,
			/// The role revoked.
			role: Role,
		},
	}

	/// The errors of this pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account holds no grant of that role, so there is nothing to revoke.
		RoleNotHeld,
		/// The account already holds the largest number of grants of that role a counter can hold.
		TooManyGrants,
		/// The account's last grant cannot be revoked because other pallets still depend on the
		/// account existing (it has consumer references).
		AccountStillInUse,
	}

	/// The roles a chain starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Each account and the role granted to it at genesis.
		pub grants: Vec<(T::AccountId, Role)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, role) in &self.grants {
				Pallet::<T>::grant(who, *role).expect("genesis grants fit in a u32 counter; qed");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Grants `role` to `who` once more; the first grant of any role gives the account a provider
		/// reference.
		pub fn grant(who: &T::AccountId, role: Role) -> DispatchResult {
			let role_grants = Grants::<T>::get(who, role);
			let new_role_grants = role_grants.checked_add(1).ok_or(Error::<T>::TooManyGrants)?;
			let all_grants = GrantCount::<T>::get(who);
			let new_all_grants = all_grants.checked_add(1).ok_or(Error::<T>::TooManyGrants)?;
			if all_grants == 0 {
				frame_system::Pallet::<T>::inc_providers(who);
			}
			Grants::<T>::insert(who, role, new_role_grants);
			GrantCount::<T>::insert(who, new_all_grants);
			Self::deposit_event(Event::RoleGranted { who: who.clone(), role });
			Ok(())
		}

		/// Revokes one grant of `role` from `who`; revoking the account's last grant releases its
		/// provider reference.
		pub fn revoke(who: &T::AccountId, role: Role) -> DispatchResult {
			let role_grants = Grants::<T>::get(who, role);
			ensure!(role_grants > 0, Error::<T>::RoleNotHeld);
			let all_grants = GrantCount::<T>::get(who);
			if all_grants == 1 {
				frame_system::Pallet::<T>::dec_providers(who)
					.map_err(|_| Error::<T>::AccountStillInUse)?;
				GrantCount::<T>::remove(who);
			} else {
				GrantCount::<T>::insert(who, all_grants - 1);
			}
			if role_grants == 1 {
				Grants::<T>::remove(who, role);
			} else {
				Grants::<T>::insert(who, role, role_grants - 1);
			}
			Self::deposit_event(Event::RoleRevoked { who: who.clone(), role });
			Ok(())
		}

		/// Whether `who` holds at least one grant of `role`.
		pub fn has_role(who: &T::AccountId, role: Role) -> bool {
			Grants::<T>::contains_key(who, role)
		}

		/// Whether `who` holds any role at all, and so may transact.
		pub fn has_any_role(who: &T::AccountId) -> bool {
			GrantCount::<T>::contains_key(who)
		}

		/// Checks the pallet's invariants: every account's grant count is the sum of its per-role
		/// grants, no counter is zero, and every account with grants has a provider reference.
		///
		/// Iterates all of storage: for tests (of this and dependent pallets) and `try-runtime` only,
		/// never from a dispatchable.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut sums = BTreeMap::<T::AccountId, u32>::new();
			for (who, _role, grants) in Grants::<T>::iter() {
				ensure!(grants > 0, "a stored role grant count is zero");
				*sums.entry(who).or_default() += grants;
			}
			for (who, total) in GrantCount::<T>::iter() {
				ensure!(
					sums.remove(&who) == Some(total),
					"grant count differs from its roles' sum"
				);
				ensure!(
					frame_system::Pallet::<T>::providers(&who) > 0,
					"an account with grants has no provider reference"
				);
			}
			ensure!(sums.is_empty(), "an account has role grants but no grant count");
			Ok(())
		}
	}

	impl<T: Config> RoleRegistry<T::AccountId> for Pallet<T> {
		fn grant(who: &T::AccountId, role: Role) -> DispatchResult {
			Pallet::<T>::grant(who, role)
		}
		fn revoke(who: &T::AccountId, role: Role) -> DispatchResult {
			Pallet::<T>::revoke(who, role)
		}
		fn has_role(who: &T::AccountId, role: Role) -> bool {
			Pallet::<T>::has_role(who, role)
		}
		fn has_any_role(who: &T::AccountId) -> bool {
			Pallet::<T>::has_any_role(who)
		}
	}
}
