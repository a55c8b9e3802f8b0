//! # Runtime upgrade pallet
//!
//! A consortium chain has no sudo key, so upgrading its runtime is a governance decision:
//! [`Config::AuthorizeOrigin`] (two thirds of the council in CredChain's runtime) authorizes the
//! hash of a new runtime with [`Pallet::authorize_upgrade`]. The motion carries only the 32-byte
//! hash, not megabytes of code; anyone may then upload the code with `frame_system`'s
//! `apply_authorized_upgrade`, which checks it against the hash (and that its spec version is
//! higher) and enacts it.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version (the pallet has no storage of its own).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the runtime upgrade pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may authorize a runtime upgrade.
		type AuthorizeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorizes the runtime whose code hashes to `code_hash`: anyone may then enact it with
		/// `System.apply_authorized_upgrade(code)`, which also checks that its spec version is
		/// higher than the current one. A later authorization replaces an earlier one. Emits
		/// `System.UpgradeAuthorized`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::AuthorizeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}
