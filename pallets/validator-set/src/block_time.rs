//! The chain's block time: the slot duration its genesis chose, or the runtime's default.

use core::marker::PhantomData;

use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

use crate::{Config, SlotDuration};

/// The shortest slot a genesis may choose, in milliseconds: below it, a block's import and its
/// gossip no longer fit in a slot on modest hardware.
pub const MIN_SLOT_DURATION: u64 = 1_000;

/// Whether `milliseconds` may be a chain's slot duration: at least [`MIN_SLOT_DURATION`], and even,
/// so that half of it (the timestamp pallet's minimum period) times two is the slot again.
pub fn is_valid_slot_duration(milliseconds: u64) -> bool {
	milliseconds >= MIN_SLOT_DURATION && milliseconds % 2 == 0
}

/// The slot duration in milliseconds, for `pallet-aura`'s `SlotDuration`.
pub struct SlotDurationOf<T>(PhantomData<T>);

impl<T: Config> Get<u64> for SlotDurationOf<T> {
	fn get() -> u64 {
		SlotDuration::<T>::get().unwrap_or_else(T::DefaultSlotDuration::get)
	}
}

/// Half the slot duration, for `pallet-timestamp`'s `MinimumPeriod`: two blocks' timestamps are at
/// least this far apart.
pub struct MinimumPeriodOf<T>(PhantomData<T>);

impl<T: Config> Get<u64> for MinimumPeriodOf<T> {
	fn get() -> u64 {
		SlotDurationOf::<T>::get() / 2
	}
}

/// How many blocks make `MILLISECONDS` of time at this chain's slot duration (at least one): the
/// block count of a day, a week or a minute, for the runtime's durations counted in blocks, so that
/// they mean the same time whatever slot duration the genesis chose.
///
/// Reading it costs no database read that a call's weight should carry: the slot duration is read
/// by the timestamp inherent at the start of every block (and charged there, see the runtime's
/// `pallet_timestamp` weights), so every later read in the block is served from the overlay.
pub struct BlocksPer<T, const MILLISECONDS: u64>(PhantomData<T>);

impl<T: Config, const MILLISECONDS: u64> Get<BlockNumberFor<T>> for BlocksPer<T, MILLISECONDS> {
	fn get() -> BlockNumberFor<T> {
		(MILLISECONDS / SlotDurationOf::<T>::get().max(1)).max(1).saturated_into()
	}
}
