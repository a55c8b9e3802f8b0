//! Version 1 → 2: the runtime's default slot duration changed (from six seconds to two). A chain
//! whose genesis chose no slot duration ran on the old default; Aura cannot change a running chain's
//! slot duration (slot numbers are the time divided by it, and a block's slot must exceed its
//! parent's), so this migration writes the old default into [`SlotDuration`] for such chains: they go
//! on with the slots they started with, and only new chains get the new default.

use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

use crate::{Config, Pallet, SlotDuration};

/// The default slot duration of storage version 1 and earlier, in milliseconds.
pub const VERSION_1_DEFAULT_SLOT_DURATION: u64 = 6_000;

/// Writes the old default slot duration for a chain whose genesis chose none.
pub struct KeepSlotDuration<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for KeepSlotDuration<T> {
	fn on_runtime_upgrade() -> Weight {
		if SlotDuration::<T>::get().is_some() {
			return T::DbWeight::get().reads(1);
		}
		SlotDuration::<T>::put(VERSION_1_DEFAULT_SLOT_DURATION);
		log::info!(
			target: crate::LOG_TARGET,
			"slot duration kept at the old default, {VERSION_1_DEFAULT_SLOT_DURATION} ms",
		);
		T::DbWeight::get().reads_writes(1, 1)
	}
}

/// [`KeepSlotDuration`], run once, from storage version 1 to 2.
pub type MigrateV1ToV2<T> =
	VersionedMigration<1, 2, KeepSlotDuration<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
