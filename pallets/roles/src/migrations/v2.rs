//! Version 1 → 2: the pallet keeps an account's provider reference for good and records which
//! accounts it gave one to in [`Admitted`]. Under version 1 every account holding a grant had the
//! pallet's provider reference, so each is marked admitted; accounts whose reference version 1
//! already released are not (their next grant gives them a new one).

use crate::{Admitted, Config, GrantCount, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Marks every account that holds a grant as admitted. It reads every `GrantCount` entry: one per
/// role holder (validators, council members, issuers and their delegates), a few hundred at most on a
/// consortium chain.
pub struct MarkRoleHoldersAdmitted<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for MarkRoleHoldersAdmitted<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut accounts = 0u64;
		for (who, _grants) in GrantCount::<T>::iter() {
			Admitted::<T>::insert(who, ());
			accounts += 1;
		}
		log::info!(target: crate::LOG_TARGET, "marked {accounts} role holders as admitted");
		T::DbWeight::get().reads_writes(accounts, accounts)
	}
}

/// [`MarkRoleHoldersAdmitted`], run once, from storage version 1 to 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	MarkRoleHoldersAdmitted<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
