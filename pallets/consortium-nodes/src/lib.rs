//! # Consortium nodes pallet
//!
//! The nodes a consortium's network admits, by libp2p PeerId: a bounded replacement of
//! `pallet-node-authorization` for a chain where any key could otherwise add state without bound.
//!
//! ## What it keeps
//! - **Well-known nodes** (at most `Config::MaxWellKnownNodes`): the consortium's validators and RPC
//!   nodes. Only governance (`Config::GovernanceOrigin`, the council) adds, removes, swaps, resets
//!   them, and names each one's owner.
//! - **Additional connections** (at most `Config::MaxConnectionsPerNode` per node): peers that a
//!   well-known node's owner lets connect to its own node (a sentry, a private RPC node).
//!
//! Nobody may claim a node of their own: every node exists because governance added it, so the
//! state is bounded by `MaxWellKnownNodes × (1 + MaxConnectionsPerNode)` PeerIds of at most
//! [`MAX_PEER_ID_LENGTH`] bytes each.
//!
//! ## How nodes enforce it
//! Each node's offchain worker reads its own PeerId and tells its network layer to accept only its
//! additional connections, and — if it is well known itself — the other well-known nodes
//! ([`Pallet::authorized_nodes`]).
//!
//! ## Storage layout
//! Storage item names, hashers and encodings are those of `pallet-node-authorization`, so a chain
//! that ran it keeps its nodes; [`migrations::v1`] drops what the old pallet let anyone add.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::consortium-nodes";

/// The longest PeerId, in bytes (a libp2p multihash of a public key: 38 bytes for ed25519).
pub const MAX_PEER_ID_LENGTH: u32 = 128;

/// A libp2p PeerId, as its multihash bytes. It encodes as `sp_core::OpaquePeerId` does.
pub type PeerId =
	frame_support::BoundedVec<u8, frame_support::traits::ConstU32<MAX_PEER_ID_LENGTH>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, BoundedBTreeSet};
	use frame_system::pallet_prelude::*;
	use sp_core::OpaquePeerId;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the consortium nodes pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The most well-known nodes.
		#[pallet::constant]
		type MaxWellKnownNodes: Get<u32>;

		/// The most additional connections one node's owner may allow.
		#[pallet::constant]
		type MaxConnectionsPerNode: Get<u32>;

		/// Adds, removes, swaps and resets well-known nodes and transfers their ownership.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The well-known nodes' PeerIds.
	pub type NodeSet<T> = BoundedBTreeSet<PeerId, <T as Config>::MaxWellKnownNodes>;

	/// The peers one node accepts beyond the well-known nodes.
	pub type ConnectionSet<T> = BoundedBTreeSet<PeerId, <T as Config>::MaxConnectionsPerNode>;

	/// The well-known nodes.
	#[pallet::storage]
	pub type WellKnownNodes<T: Config> = StorageValue<_, NodeSet<T>, ValueQuery>;

	/// The owner of each well-known node.
	#[pallet::storage]
	pub type Owners<T: Config> = StorageMap<_, Blake2_128Concat, PeerId, T::AccountId>;

	/// The peers each well-known node accepts beyond the well-known nodes.
	#[pallet::storage]
	pub type AdditionalConnections<T: Config> =
		StorageMap<_, Blake2_128Concat, PeerId, ConnectionSet<T>, OptionQuery>;

	/// The events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A node became well known.
		NodeAdded {
			/// Its PeerId.
			peer_id: PeerId,
			/// Its owner.
			who: T::AccountId,
		},
		/// A node stopped being well known; its owner and connections were removed.
		NodeRemoved {
			/// Its PeerId.
			peer_id: PeerId,
		},
		/// A well-known node's PeerId was replaced; its owner and connections moved to the new one.
		NodeSwapped {
			/// The PeerId removed.
			removed: PeerId,
			/// The PeerId added.
			added: PeerId,
		},
		/// The well-known nodes were replaced.
		NodesReset {
			/// The new nodes and their owners.
			nodes: Vec<(PeerId, T::AccountId)>,
		},
		/// A well-known node got a new owner.
		NodeTransferred {
			/// Its PeerId.
			peer_id: PeerId,
			/// The new owner.
			target: T::AccountId,
		},
		/// A node's owner let more peers connect to it.
		ConnectionsAdded {
			/// The node.
			peer_id: PeerId,
			/// The peers added.
			allowed_connections: Vec<PeerId>,
		},
		/// A node's owner stopped letting peers connect to it.
		ConnectionsRemoved {
			/// The node.
			peer_id: PeerId,
			/// The peers removed.
			allowed_connections: Vec<PeerId>,
		},
	}

	/// The errors of this pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The PeerId is empty.
		EmptyPeerId,
		/// As many nodes as allowed are well known already.
		TooManyNodes,
		/// The node is well known already.
		AlreadyJoined,
		/// The node is not well known.
		NotExist,
		/// The signer does not own the node.
		NotOwner,
		/// The node would accept more additional peers than allowed.
		TooManyConnections,
	}

	/// The nodes a chain starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The well-known nodes and their owners.
		pub nodes: Vec<(OpaquePeerId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let nodes: Vec<(PeerId, T::AccountId)> = self
				.nodes
				.iter()
				.map(|(node, owner)| {
					let node: PeerId = node.0.clone().try_into().unwrap_or_else(|_| {
						panic!("a genesis PeerId is longer than {MAX_PEER_ID_LENGTH} bytes")
					});
					(node, owner.clone())
				})
				.collect();
			Pallet::<T>::replace_nodes(&nodes).expect("the genesis nodes fit MaxWellKnownNodes");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Tells this node's network layer which peers it may accept.
		fn offchain_worker(now: BlockNumberFor<T>) {
			let Ok(state) = sp_io::offchain::network_state() else {
				log::error!(target: LOG_TARGET, "cannot read this node's network state at {now:?}");
				return;
			};
			let Ok(node) = Vec::<u8>::decode(&mut &state.peer_id.0[..]) else {
				log::error!(target: LOG_TARGET, "cannot decode this node's PeerId at {now:?}");
				return;
			};
			let authorized = match PeerId::try_from(node) {
				Ok(node) => Self::authorized_nodes(&node),
				// A PeerId no call could have stored: this node is not known to the chain.
				Err(_) => Vec::new(),
			};
			sp_io::offchain::set_authorized_nodes(authorized, true);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Makes `node` a well-known node owned by `owner`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_well_known_node())]
		pub fn add_well_known_node(
			origin: OriginFor<T>,
			node: PeerId,
			owner: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!node.is_empty(), Error::<T>::EmptyPeerId);
			WellKnownNodes::<T>::try_mutate(|nodes| {
				ensure!(!nodes.contains(&node), Error::<T>::AlreadyJoined);
				nodes.try_insert(node.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
				Ok::<_, Error<T>>(())
			})?;
			Owners::<T>::insert(&node, &owner);
			Self::deposit_event(Event::NodeAdded { peer_id: node, who: owner });
			Ok(())
		}

		/// Removes the well-known node `node`, its owner and its additional connections.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_well_known_node())]
		pub fn remove_well_known_node(origin: OriginFor<T>, node: PeerId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			WellKnownNodes::<T>::try_mutate(|nodes| {
				ensure!(nodes.remove(&node), Error::<T>::NotExist);
				Ok::<_, Error<T>>(())
			})?;
			Owners::<T>::remove(&node);
			AdditionalConnections::<T>::remove(&node);
			Self::deposit_event(Event::NodeRemoved { peer_id: node });
			Ok(())
		}

		/// Replaces the well-known node `remove` with `add`, which keeps its owner and connections
		/// (a node whose network key changed).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::swap_well_known_node())]
		pub fn swap_well_known_node(
			origin: OriginFor<T>,
			remove: PeerId,
			add: PeerId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!add.is_empty(), Error::<T>::EmptyPeerId);
			if remove == add {
				return Ok(());
			}
			WellKnownNodes::<T>::try_mutate(|nodes| {
				ensure!(nodes.contains(&remove), Error::<T>::NotExist);
				ensure!(!nodes.contains(&add), Error::<T>::AlreadyJoined);
				nodes.remove(&remove);
				nodes.try_insert(add.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
				Ok::<_, Error<T>>(())
			})?;
			if let Some(owner) = Owners::<T>::take(&remove) {
				Owners::<T>::insert(&add, owner);
			}
			if let Some(connections) =
				AdditionalConnections::<T>::take(&remove).filter(|set| !set.is_empty())
			{
				AdditionalConnections::<T>::insert(&add, connections);
			}
			Self::deposit_event(Event::NodeSwapped { removed: remove, added: add });
			Ok(())
		}

		/// Replaces every well-known node with `nodes` and their owners; the nodes that leave lose
		/// their owners and connections.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reset_well_known_nodes())]
		pub fn reset_well_known_nodes(
			origin: OriginFor<T>,
			nodes: BoundedVec<(PeerId, T::AccountId), T::MaxWellKnownNodes>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(nodes.iter().all(|(node, _)| !node.is_empty()), Error::<T>::EmptyPeerId);
			Self::replace_nodes(&nodes)?;
			Self::deposit_event(Event::NodesReset { nodes: nodes.into_inner() });
			Ok(())
		}

		/// Gives the well-known node `node` to a new owner.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_node())]
		pub fn transfer_node(
			origin: OriginFor<T>,
			node: PeerId,
			owner: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(WellKnownNodes::<T>::get().contains(&node), Error::<T>::NotExist);
			Owners::<T>::insert(&node, &owner);
			Self::deposit_event(Event::NodeTransferred { peer_id: node, target: owner });
			Ok(())
		}

		/// Lets `connections` connect to `node`, which the signer owns.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_connections())]
		pub fn add_connections(
			origin: OriginFor<T>,
			node: PeerId,
			connections: BoundedVec<PeerId, T::MaxConnectionsPerNode>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(&who, &node)?;
			AdditionalConnections::<T>::try_mutate_exists(&node, |allowed| {
				let mut set = allowed.take().unwrap_or_default();
				for peer in connections.iter().filter(|peer| **peer != node) {
					set.try_insert(peer.clone()).map_err(|_| Error::<T>::TooManyConnections)?;
				}
				*allowed = (!set.is_empty()).then_some(set);
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::ConnectionsAdded {
				peer_id: node,
				allowed_connections: connections.into_inner(),
			});
			Ok(())
		}

		/// Stops letting `connections` connect to `node`, which the signer owns.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_connections())]
		pub fn remove_connections(
			origin: OriginFor<T>,
			node: PeerId,
			connections: BoundedVec<PeerId, T::MaxConnectionsPerNode>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(&who, &node)?;
			AdditionalConnections::<T>::mutate_exists(&node, |allowed| {
				if let Some(set) = allowed {
					for peer in connections.iter() {
						set.remove(peer);
					}
					if set.is_empty() {
						*allowed = None;
					}
				}
			});
			Self::deposit_event(Event::ConnectionsRemoved {
				peer_id: node,
				allowed_connections: connections.into_inner(),
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks that `who` owns the well-known node `node`.
		fn ensure_owner(who: &T::AccountId, node: &PeerId) -> DispatchResult {
			let owner = Owners::<T>::get(node).ok_or(Error::<T>::NotExist)?;
			ensure!(owner == *who, Error::<T>::NotOwner);
			Ok(())
		}

		/// Makes `nodes` the well-known nodes: the nodes that leave lose their owners and
		/// connections; the nodes that stay keep their connections.
		pub(crate) fn replace_nodes(nodes: &[(PeerId, T::AccountId)]) -> DispatchResult {
			let mut new_set = NodeSet::<T>::new();
			for (node, _) in nodes {
				new_set.try_insert(node.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
			}
			for old in WellKnownNodes::<T>::get().iter().filter(|old| !new_set.contains(old)) {
				Owners::<T>::remove(old);
				AdditionalConnections::<T>::remove(old);
			}
			for (node, owner) in nodes {
				Owners::<T>::insert(node, owner);
			}
			WellKnownNodes::<T>::put(new_set);
			Ok(())
		}

		/// The peers `node` may accept: its additional connections and, if it is well known
		/// itself, the other well-known nodes.
		pub fn authorized_nodes(node: &PeerId) -> Vec<OpaquePeerId> {
			let mut authorized: Vec<OpaquePeerId> = AdditionalConnections::<T>::get(node)
				.unwrap_or_default()
				.into_iter()
				.map(|peer| OpaquePeerId(peer.into_inner()))
				.collect();
			let well_known = WellKnownNodes::<T>::get();
			if well_known.contains(node) {
				authorized.extend(
					well_known
						.into_iter()
						.filter(|peer| peer != node)
						.map(|peer| OpaquePeerId(peer.into_inner())),
				);
			}
			authorized
		}

		/// Checks the pallet's invariants: every well-known node has an owner and every owner and
		/// connection set belongs to a well-known node. Iterates all of the pallet's storage: for
		/// tests and `try-runtime` only.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let nodes = WellKnownNodes::<T>::get();
			for node in nodes.iter() {
				ensure!(Owners::<T>::contains_key(node), "a well-known node has no owner");
			}
			for (node, _) in Owners::<T>::iter() {
				ensure!(nodes.contains(&node), "an owner is recorded for a node not well known");
			}
			for (node, connections) in AdditionalConnections::<T>::iter() {
				ensure!(
					nodes.contains(&node),
					"connections are recorded for a node not well known"
				);
				ensure!(!connections.is_empty(), "an empty connection set is stored");
			}
			Ok(())
		}
	}
}
