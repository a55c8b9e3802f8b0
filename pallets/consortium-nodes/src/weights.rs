
//! Weights of the calls of `pallet_consortium_nodes`.
//!
//! PLACEHOLDERS until `scripts/benchmark-pallets.sh pallet_consortium_nodes` regenerates this file on
//! the project's build machine: each figure is an upper estimate from the storage the call touches
//! (one `WellKnownNodes` set of at most 256 PeerIds, one owner, one connection set of at most 8
//! PeerIds) at the execution times measured for comparable calls of `pallet_credentials`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_consortium_nodes`.
pub trait WeightInfo {
	/// The weight of `add_well_known_node`.
	fn add_well_known_node() -> Weight;
	/// The weight of `remove_well_known_node`.
	fn remove_well_known_node() -> Weight;
	/// The weight of `swap_well_known_node`.
	fn swap_well_known_node() -> Weight;
	/// The weight of `reset_well_known_nodes`.
	fn reset_well_known_nodes() -> Weight;
	/// The weight of `transfer_node`.
	fn transfer_node() -> Weight;
	/// The weight of `add_connections`.
	fn add_connections() -> Weight;
	/// The weight of `remove_connections`.
	fn remove_connections() -> Weight;
}

/// Weights for `pallet_consortium_nodes` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_well_known_node() -> Weight {
		Weight::from_parts(60_000_000, 34_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_well_known_node() -> Weight {
		Weight::from_parts(60_000_000, 34_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn swap_well_known_node() -> Weight {
		Weight::from_parts(70_000_000, 36_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reset_well_known_nodes() -> Weight {
		Weight::from_parts(200_000_000, 34_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(769_u64))
	}
	fn transfer_node() -> Weight {
		Weight::from_parts(40_000_000, 34_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn add_connections() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_connections() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn add_well_known_node() -> Weight {
		Weight::from_parts(60_000_000, 34_000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_well_known_node() -> Weight {
		Weight::from_parts(60_000_000, 34_000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn swap_well_known_node() -> Weight {
		Weight::from_parts(70_000_000, 36_000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn reset_well_known_nodes() -> Weight {
		Weight::from_parts(200_000_000, 34_000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(769_u64))
	}
	fn transfer_node() -> Weight {
		Weight::from_parts(40_000_000, 34_000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_connections() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_connections() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
