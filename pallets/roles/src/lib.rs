//! # Roles pallet
//!
//! CredChain has no token, so no account pays fees and no account exists because it holds a balance.
//! Instead an account exists — and may sign extrinsics — because the chain grants it a [`Role`]:
//! the bootstrap (sudo) key of a development chain, a validator, a council member, an accredited
//! issuer or an issuer's delegate.
//!
//! This pallet is the one place that records those grants. The first grant an account ever receives
//! gives it one `frame_system` provider reference, which is what `CheckNonce` needs to accept its
//! transactions. The pallet keeps that reference for good, even after the account's last role is
//! revoked: so that revoking a role never depends on what else the account did (session keys and
//! other pallets' consumer references), and so that an account the chain admitted is never reaped,
//! its nonce never restarts and its old transactions can never be replayed. The right to transact is
//! the role, checked by [`CheckRole`], not the reference count.
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
//! ## Calls by role
//! The runtime's [`CallPermissions`] table says which roles may sign each call. The [`CheckRole`]
//! transaction extension enforces it in the pool and in blocks, refusing with one
//! `InvalidTransaction::Custom` code per rule: [`NO_ROLE`], [`CALL_NOT_PERMITTED`],
//! [`GOVERNANCE_ONLY`]. A signer may act for another account — a signatory of a multi-signature
//! account ([`Acting::For`]): it needs a role of its own, and the account's roles must allow the
//! call the account will dispatch.
//!
//! ## Council motions
//! [`ProposalSlot`] is the council's proposal "cost": each member may have at most
//! `Config::MaxOpenProposals` motions open, so no member can fill every proposal slot.
//!
//! ## Wiring
//! Add the pallet to the runtime with the runtime's permission table as `Config::Permissions`, give
//! other pallets `type Roles = Roles;` where they need one, and put `CheckRole` in the transaction
//! extensions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod check_role;
mod membership;
pub mod migrations;
mod proposal_slot;
mod types;
pub use check_role::{CheckRole, CALL_NOT_PERMITTED, GOVERNANCE_ONLY, NO_ROLE};
pub use membership::GrantRoleToMembers;
pub use proposal_slot::ProposalSlot;
pub use types::{Acting, AnyRoleSignsAnything, CallPermissions, Role, RoleRegistry, RoleSet};

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
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the roles pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which roles may sign each call: the runtime's permission table.
		type Permissions: CallPermissions<
			<Self as frame_system::Config>::RuntimeCall,
			Self::AccountId,
		>;

		/// The most council motions one account may have open at once (see [`ProposalSlot`]).
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;
	}

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

	/// How many live grants, of any role, an account holds. An account may transact while this is
	/// above zero.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The accounts this pallet gave a provider reference to (at their first grant), which it keeps
	/// for good.
	#[pallet::storage]
	pub type Admitted<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// How many council motions each account has open (see [`ProposalSlot`]). An absent entry means
	/// none.
	#[pallet::storage]
	pub type OpenProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

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
		/// The account already has as many council motions open as one account may
		/// (`MaxOpenProposals`); it may propose again once one of them is closed and its slot
		/// released.
		TooManyOpenProposals,
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
		/// Grants `role` to `who` once more; the account's first grant ever gives it the provider
		/// reference it keeps for good.
		pub fn grant(who: &T::AccountId, role: Role) -> DispatchResult {
			let role_grants = Grants::<T>::get(who, role);
			let new_role_grants = role_grants.checked_add(1).ok_or(Error::<T>::TooManyGrants)?;
			let all_grants = GrantCount::<T>::get(who);
			let new_all_grants = all_grants.checked_add(1).ok_or(Error::<T>::TooManyGrants)?;
			if !Admitted::<T>::contains_key(who) {
				frame_system::Pallet::<T>::inc_providers(who);
				Admitted::<T>::insert(who, ());
			}
			Grants::<T>::insert(who, role, new_role_grants);
			GrantCount::<T>::insert(who, new_all_grants);
			Self::deposit_event(Event::RoleGranted { who: who.clone(), role });
			Ok(())
		}

		/// Revokes one grant of `role` from `who`. It succeeds whatever else the account did (its
		/// provider reference stays), so removing a key always works; once its last grant is gone,
		/// [`CheckRole`] refuses its transactions.
		pub fn revoke(who: &T::AccountId, role: Role) -> DispatchResult {
			let role_grants = Grants::<T>::get(who, role);
			ensure!(role_grants > 0, Error::<T>::RoleNotHeld);
			let all_grants = GrantCount::<T>::get(who);
			if all_grants == 1 {
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
		/// grants, no counter is zero, every account with grants was admitted, every admitted
		/// account has a provider reference, and no account has more motions open than allowed.
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
					Admitted::<T>::contains_key(&who),
					"an account with grants was not admitted"
				);
			}
			ensure!(sums.is_empty(), "an account has role grants but no grant count");
			for (who, ()) in Admitted::<T>::iter() {
				ensure!(
					frame_system::Pallet::<T>::providers(&who) > 0,
					"an admitted account has no provider reference"
				);
			}
			for (_who, open) in OpenProposals::<T>::iter() {
				ensure!(open > 0, "a stored open-motion count is zero");
				ensure!(open <= T::MaxOpenProposals::get(), "an account has too many open motions");
			}
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
