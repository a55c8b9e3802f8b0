//! Version 1 → 2: issuer identity.
//!
//! - [`Issuers`]: a record gains the issuer's signing `key` (its own account, as under version 1),
//!   `distrusted_from` (none) and, in its profile, further `identifiers` (none).
//! - [`IssuerNames`] and [`IssuerIdentifiers`] reserve every issuer's name and URI. Version 1 did not
//!   keep them unique, so when two issuers share one (once normalized), the one that registered
//!   first keeps it, and the other is logged for governance to give it a new profile; a name or URI
//!   that is not acceptable text under the new rules is logged and not reserved.
//!
//! Credential and batch records keep their layout: the first record of a digest stays in
//! `Credentials`, and only records made from now on by other issuers go elsewhere (see `records`).
//! So the migration reads and writes each issuer once — a few hundred at most on a consortium chain,
//! each admitted by governance — and no credential.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	identity::identity_key, Config, CountryCode, IssuerIdentifiers, IssuerNames, IssuerProfile,
	IssuerRecord, IssuerStanding, Issuers, Pallet, LOG_TARGET,
};

/// The storage layout of version 1.
pub mod v1 {
	use super::*;

	/// An issuer profile under version 1: no further identifiers.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct IssuerProfile<Name, Uri> {
		/// The institution's name.
		pub name: Name,
		/// Its website or DID URI.
		pub uri: Uri,
		/// Its country.
		pub country: CountryCode,
	}

	/// An issuer record under version 1: no signing key apart from its account, no distrust.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct IssuerRecord<AccountId, BlockNumber, Name, Uri, Delegates> {
		/// Its profile.
		pub profile: IssuerProfile<Name, Uri>,
		/// Its standing.
		pub standing: IssuerStanding,
		/// The block it registered in.
		pub registered_at: BlockNumber,
		/// The block its standing last changed in.
		pub standing_since: BlockNumber,
		/// Its successor.
		pub successor: Option<AccountId>,
		/// Its delegates.
		pub delegates: Delegates,
	}

	/// A version 1 issuer record with a runtime's types and bounds.
	pub type IssuerRecordOf<T> = IssuerRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BoundedVec<u8, <T as Config>::MaxNameLength>,
		BoundedVec<u8, <T as Config>::MaxUriLength>,
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxDelegates>,
	>;
}

/// Rewrites every issuer record in the version 2 layout and reserves names and URIs, first
/// registered first.
pub struct MigrateIssuerIdentity<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for MigrateIssuerIdentity<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut issuers: Vec<(T::AccountId, v1::IssuerRecordOf<T>)> = Vec::new();
		let mut undecodable = 0u64;
		for key in Issuers::<T>::iter_keys().collect::<Vec<_>>() {
			match frame_support::storage::unhashed::get::<v1::IssuerRecordOf<T>>(
				&Issuers::<T>::hashed_key_for(&key),
			) {
				Some(record) => issuers.push((key, record)),
				None => undecodable += 1,
			}
		}
		issuers.sort_by(|(a, a_record), (b, b_record)| {
			(a_record.registered_at, a.encode()).cmp(&(b_record.registered_at, b.encode()))
		});
		let count = issuers.len() as u64;
		for (account, old) in issuers {
			reserve::<T>(&account, &old.profile.name, true);
			reserve::<T>(&account, &old.profile.uri, false);
			Issuers::<T>::insert(
				&account,
				IssuerRecord {
					profile: IssuerProfile {
						name: old.profile.name,
						uri: old.profile.uri,
						country: old.profile.country,
						identifiers: Default::default(),
					},
					key: account.clone(),
					standing: old.standing,
					registered_at: old.registered_at,
					standing_since: old.standing_since,
					successor: old.successor,
					delegates: old.delegates,
					distrusted_from: None,
				},
			);
		}
		if undecodable > 0 {
			log::error!(target: LOG_TARGET, "{undecodable} issuer records were not version 1");
		}
		log::info!(target: LOG_TARGET, "migrated {count} issuers to storage version 2");
		// Each issuer: its record read and written, two reservations read and written.
		T::DbWeight::get().reads_writes(3 * count + undecodable + 1, 3 * count)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok((Issuers::<T>::iter_keys().count() as u64).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = u64::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
		let after = Issuers::<T>::iter().count() as u64;
		frame_support::ensure!(before == after, "every issuer record decodes in version 2");
		Ok(())
	}
}

/// Reserves `text` (a name if `is_name`, else a URI) for `account`, unless another issuer holds it
/// or it is not acceptable text; logs either case.
fn reserve<T: Config>(account: &T::AccountId, text: &[u8], is_name: bool) {
	let what = if is_name { "name" } else { "URI" };
	let Some(key) = identity_key(text) else {
		log::warn!(target: LOG_TARGET, "issuer {account:?}: {what} is not acceptable; not reserved");
		return;
	};
	let taken = if is_name { IssuerNames::<T>::get(key) } else { IssuerIdentifiers::<T>::get(key) };
	match taken {
		Some(holder) => log::warn!(
			target: LOG_TARGET,
			"issuer {account:?}: its {what} is also that of {holder:?}, who registered first; \
			 governance should give it a new profile"
		),
		None if is_name => IssuerNames::<T>::insert(key, account),
		None => IssuerIdentifiers::<T>::insert(key, account),
	}
}

/// [`MigrateIssuerIdentity`], run once, from storage version 1 to 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	MigrateIssuerIdentity<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
