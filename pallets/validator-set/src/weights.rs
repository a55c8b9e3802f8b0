//! Weights of the validator set pallet's calls; replaced by benchmark output (see the README).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of the validator set pallet.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn set_session_length() -> Weight;
}

/// Weights measured on the reference machine, scaled by the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same figures with RocksDB's database weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
