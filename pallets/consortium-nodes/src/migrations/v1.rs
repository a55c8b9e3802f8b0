//! Version 0 → 1: from `pallet-node-authorization`'s storage (same pallet name, same item names) to
//! this pallet's bounded one. The old pallet let any signed account claim made-up PeerIds (`Owners`)
//! and attach any number of connections to them (`AdditionalConnections`). Kept: the well-known
//! nodes that fit the bounds, their owners, and up to `MaxConnectionsPerNode` connections of each.
//! Everything else is deleted, up to [`MAX_DELETIONS`] entries (a chain with more junk than that keeps
//! the rest as dead entries that nothing reads; `try_state` reports them).

use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	storage::{unhashed, StoragePrefixedMap},
	storage_alias,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

use crate::{
	AdditionalConnections, Config, ConnectionSet, NodeSet, Owners, Pallet, PeerId, WellKnownNodes,
};

/// The most old `Owners` and `AdditionalConnections` entries the migration deletes.
pub const MAX_DELETIONS: u32 = 10_000;

/// The old pallet's layout: unbounded PeerIds and sets.
mod old {
	use super::*;

	#[storage_alias]
	pub type WellKnownNodes<T: Config> = StorageValue<Pallet<T>, BTreeSet<Vec<u8>>, ValueQuery>;

	#[storage_alias]
	pub type Owners<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, Vec<u8>, <T as frame_system::Config>::AccountId>;

	#[storage_alias]
	pub type AdditionalConnections<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, Vec<u8>, BTreeSet<Vec<u8>>, ValueQuery>;
}

/// Keeps what fits the bounds and deletes the rest; see the module documentation.
pub struct BoundNodeState<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for BoundNodeState<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut kept = Vec::<(PeerId, T::AccountId, ConnectionSet<T>)>::new();
		let mut nodes = NodeSet::<T>::new();
		let old_nodes = old::WellKnownNodes::<T>::get();
		let mut reads = 1u64;
		for node in &old_nodes {
			let Ok(bounded) = PeerId::try_from(node.clone()) else { continue };
			let Some(owner) = old::Owners::<T>::get(node) else { continue };
			reads += 2;
			let connections: ConnectionSet<T> = old::AdditionalConnections::<T>::get(node)
				.into_iter()
				.filter_map(|peer| PeerId::try_from(peer).ok())
				.take(T::MaxConnectionsPerNode::get() as usize)
				.collect::<BTreeSet<_>>()
				.try_into()
				.unwrap_or_default();
			if nodes.try_insert(bounded.clone()).is_err() {
				break;
			}
			kept.push((bounded, owner, connections));
		}

		let owners_prefix = Owners::<T>::final_prefix();
		let connections_prefix = AdditionalConnections::<T>::final_prefix();
		let owners = unhashed::clear_prefix(&owners_prefix, Some(MAX_DELETIONS), None);
		let connections = unhashed::clear_prefix(
			&connections_prefix,
			Some(MAX_DELETIONS.saturating_sub(owners.unique)),
			None,
		);

		let writes = 1 + 2 * kept.len() as u64;
		for (node, owner, connections) in kept {
			Owners::<T>::insert(&node, owner);
			if !connections.is_empty() {
				AdditionalConnections::<T>::insert(&node, connections);
			}
		}
		let kept_nodes = nodes.len();
		WellKnownNodes::<T>::put(nodes);
		log::info!(
			target: crate::LOG_TARGET,
			"bounded node state: {} well-known nodes kept of {}; {} owner and {} connection entries \
			 deleted",
			kept_nodes,
			old_nodes.len(),
			owners.unique,
			connections.unique,
		);
		T::DbWeight::get().reads_writes(
			reads + u64::from(owners.loops + connections.loops),
			writes + u64::from(owners.unique + connections.unique),
		)
	}
}

/// [`BoundNodeState`], run once, from storage version 0 (`pallet-node-authorization`) to 1.
pub type MigrateToV1<T> =
	VersionedMigration<0, 1, BoundNodeState<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
