//! Benchmarks of every call of the consortium nodes pallet, each in its worst case: a full set of
//! well-known nodes, nodes with full connection sets, the longest PeerIds.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, traits::EnsureOrigin, BoundedVec};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// The longest PeerId, distinct for each `index`.
fn longest_peer(index: u32) -> PeerId {
	let mut bytes = alloc::vec![0xaa; MAX_PEER_ID_LENGTH as usize];
	bytes[..4].copy_from_slice(&index.to_le_bytes());
	bytes.try_into().expect("exactly the longest PeerId")
}

/// Makes `count` nodes well known, each owned by `owner` with a full set of connections; returns
/// their PeerIds.
fn fill_nodes<T: Config>(count: u32, owner: &T::AccountId) -> Vec<PeerId> {
	let nodes: Vec<(PeerId, T::AccountId)> =
		(0..count).map(|index| (longest_peer(index), owner.clone())).collect();
	Pallet::<T>::replace_nodes(&nodes).expect("count is within MaxWellKnownNodes");
	for (node, _) in &nodes {
		let connections: ConnectionSet<T> = (0..T::MaxConnectionsPerNode::get())
			.map(|index| longest_peer(1_000_000 + index))
			.collect::<alloc::collections::BTreeSet<_>>()
			.try_into()
			.expect("within MaxConnectionsPerNode");
		AdditionalConnections::<T>::insert(node, connections);
	}
	nodes.into_iter().map(|(node, _)| node).collect()
}

/// A full batch of connections to add, distinct from the ones `fill_nodes` set.
fn new_connections<T: Config>() -> BoundedVec<PeerId, T::MaxConnectionsPerNode> {
	(0..T::MaxConnectionsPerNode::get())
		.map(|index| longest_peer(2_000_000 + index))
		.collect::<Vec<_>>()
		.try_into()
		.expect("within MaxConnectionsPerNode")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_well_known_node() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		fill_nodes::<T>(T::MaxWellKnownNodes::get() - 1, &owner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let node = longest_peer(u32::MAX);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone(), owner);
		assert!(WellKnownNodes::<T>::get().contains(&node));
		Ok(())
	}

	#[benchmark]
	fn remove_well_known_node() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let nodes = fill_nodes::<T>(T::MaxWellKnownNodes::get(), &owner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let node = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone());
		assert!(!WellKnownNodes::<T>::get().contains(&node));
		Ok(())
	}

	#[benchmark]
	fn swap_well_known_node() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let nodes = fill_nodes::<T>(T::MaxWellKnownNodes::get(), &owner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let old = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let new = longest_peer(u32::MAX);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, old, new.clone());
		assert!(AdditionalConnections::<T>::contains_key(&new));
		Ok(())
	}

	#[benchmark]
	fn reset_well_known_nodes() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let max = T::MaxWellKnownNodes::get();
		fill_nodes::<T>(max, &owner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// Every old node leaves; as many new ones come.
		let nodes: BoundedVec<(PeerId, T::AccountId), T::MaxWellKnownNodes> = (0..max)
			.map(|index| (longest_peer(3_000_000 + index), owner.clone()))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, nodes);
		assert_eq!(WellKnownNodes::<T>::get().len() as u32, max);
		Ok(())
	}

	#[benchmark]
	fn transfer_node() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let nodes = fill_nodes::<T>(T::MaxWellKnownNodes::get(), &owner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let node = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let target: T::AccountId = account("target", 0, SEED);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone(), target.clone());
		assert_eq!(Owners::<T>::get(&node), Some(target));
		Ok(())
	}

	#[benchmark]
	fn add_connections() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		let nodes = fill_nodes::<T>(T::MaxWellKnownNodes::get(), &owner);
		let node = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		AdditionalConnections::<T>::remove(&node);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), node.clone(), new_connections::<T>());
		assert!(AdditionalConnections::<T>::contains_key(&node));
		Ok(())
	}

	#[benchmark]
	fn remove_connections() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		let nodes = fill_nodes::<T>(T::MaxWellKnownNodes::get(), &owner);
		let node = nodes.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let connections: BoundedVec<PeerId, T::MaxConnectionsPerNode> =
			AdditionalConnections::<T>::get(&node)
				.unwrap_or_default()
				.into_iter()
				.collect::<Vec<_>>()
				.try_into()
				.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), node.clone(), connections);
		assert!(!AdditionalConnections::<T>::contains_key(&node));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
