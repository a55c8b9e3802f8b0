//! Unit tests of the consortium nodes pallet: governance over well-known nodes, owners' bounded
//! connections, the authorized set each node computes, genesis and the migration from
//! `pallet-node-authorization`.

use crate::{mock::*, AdditionalConnections, Error, Event, Owners, PeerId, WellKnownNodes};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_core::OpaquePeerId;
use sp_runtime::DispatchError;

fn peers(bytes: &[u8]) -> BoundedVec<PeerId, frame_support::traits::ConstU32<2>> {
	bytes.iter().map(|byte| peer(*byte)).collect::<Vec<_>>().try_into().expect("within the bound")
}

fn opaque(byte: u8) -> OpaquePeerId {
	OpaquePeerId(peer(byte).into_inner())
}

#[test]
fn genesis_nodes_are_well_known_with_their_owners() {
	new_test_ext(|| {
		assert!(WellKnownNodes::<Test>::get().contains(&peer(1)));
		assert_eq!(Owners::<Test>::get(peer(2)), Some(OTHER_OPERATOR));
	});
}

#[test]
fn governance_adds_and_removes_a_node_with_its_owner_and_connections() {
	new_test_ext(|| {
		assert_ok!(NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), peer(3), 30));
		System::assert_last_event(Event::NodeAdded { peer_id: peer(3), who: 30 }.into());
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(30),
			peer(3),
			peers(&[9])
		));
		assert_ok!(NodeAuthorization::remove_well_known_node(RuntimeOrigin::root(), peer(3)));
		assert!(!WellKnownNodes::<Test>::get().contains(&peer(3)));
		assert_eq!(Owners::<Test>::get(peer(3)), None);
		assert_eq!(AdditionalConnections::<Test>::get(peer(3)), None);
	});
}

#[test]
fn only_governance_changes_the_well_known_nodes() {
	new_test_ext(|| {
		let signed = || RuntimeOrigin::signed(OPERATOR);
		assert_noop!(
			NodeAuthorization::add_well_known_node(signed(), peer(3), OPERATOR),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NodeAuthorization::remove_well_known_node(signed(), peer(2)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NodeAuthorization::swap_well_known_node(signed(), peer(1), peer(3)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NodeAuthorization::transfer_node(signed(), peer(2), OPERATOR),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NodeAuthorization::reset_well_known_nodes(signed(), Default::default()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_well_known_nodes_are_bounded_and_unique() {
	new_test_ext(|| {
		assert_noop!(
			NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), peer(1), 30),
			Error::<Test>::AlreadyJoined
		);
		assert_ok!(NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), peer(3), 30));
		assert_ok!(NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), peer(4), 30));
		assert_noop!(
			NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), peer(5), 30),
			Error::<Test>::TooManyNodes
		);
		assert_noop!(
			NodeAuthorization::add_well_known_node(RuntimeOrigin::root(), PeerId::default(), 30),
			Error::<Test>::EmptyPeerId
		);
	});
}

#[test]
fn a_swapped_node_keeps_its_owner_and_connections() {
	new_test_ext(|| {
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			peers(&[9])
		));
		assert_ok!(NodeAuthorization::swap_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			peer(3)
		));
		assert_eq!(Owners::<Test>::get(peer(3)), Some(OPERATOR));
		assert!(AdditionalConnections::<Test>::get(peer(3)).unwrap().contains(&peer(9)));
		assert_eq!(Owners::<Test>::get(peer(1)), None);
		assert_noop!(
			NodeAuthorization::swap_well_known_node(RuntimeOrigin::root(), peer(1), peer(4)),
			Error::<Test>::NotExist
		);
		assert_noop!(
			NodeAuthorization::swap_well_known_node(RuntimeOrigin::root(), peer(3), peer(2)),
			Error::<Test>::AlreadyJoined
		);
	});
}

#[test]
fn a_reset_drops_the_owners_and_connections_of_nodes_that_leave() {
	new_test_ext(|| {
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			peers(&[9])
		));
		let nodes = vec![(peer(2), 30), (peer(3), 30)].try_into().unwrap();
		assert_ok!(NodeAuthorization::reset_well_known_nodes(RuntimeOrigin::root(), nodes));
		assert_eq!(Owners::<Test>::get(peer(1)), None);
		assert_eq!(AdditionalConnections::<Test>::get(peer(1)), None);
		assert_eq!(Owners::<Test>::get(peer(2)), Some(30));
	});
}

#[test]
fn governance_transfers_a_node() {
	new_test_ext(|| {
		assert_ok!(NodeAuthorization::transfer_node(RuntimeOrigin::root(), peer(1), 30));
		System::assert_last_event(Event::NodeTransferred { peer_id: peer(1), target: 30 }.into());
		assert_noop!(
			NodeAuthorization::add_connections(
				RuntimeOrigin::signed(OPERATOR),
				peer(1),
				peers(&[9])
			),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			NodeAuthorization::transfer_node(RuntimeOrigin::root(), peer(7), 30),
			Error::<Test>::NotExist
		);
	});
}

#[test]
fn an_owner_adds_and_removes_connections_within_the_bound() {
	new_test_ext(|| {
		let owner = || RuntimeOrigin::signed(OPERATOR);
		assert_ok!(NodeAuthorization::add_connections(owner(), peer(1), peers(&[8, 9])));
		System::assert_last_event(
			Event::ConnectionsAdded {
				peer_id: peer(1),
				allowed_connections: vec![peer(8), peer(9)],
			}
			.into(),
		);
		// Adding one already there changes nothing; a third is over the bound of two.
		assert_ok!(NodeAuthorization::add_connections(owner(), peer(1), peers(&[9])));
		assert_noop!(
			NodeAuthorization::add_connections(owner(), peer(1), peers(&[7])),
			Error::<Test>::TooManyConnections
		);
		assert_ok!(NodeAuthorization::remove_connections(owner(), peer(1), peers(&[8, 9])));
		assert_eq!(AdditionalConnections::<Test>::get(peer(1)), None);
	});
}

#[test]
fn nobody_but_the_owner_touches_a_nodes_connections() {
	new_test_ext(|| {
		assert_noop!(
			NodeAuthorization::add_connections(
				RuntimeOrigin::signed(OTHER_OPERATOR),
				peer(1),
				peers(&[9])
			),
			Error::<Test>::NotOwner
		);
		// A made-up node cannot be claimed: it has no owner at all.
		assert_noop!(
			NodeAuthorization::add_connections(
				RuntimeOrigin::signed(OPERATOR),
				peer(7),
				peers(&[9])
			),
			Error::<Test>::NotExist
		);
		assert_noop!(
			NodeAuthorization::add_connections(RuntimeOrigin::none(), peer(1), peers(&[9])),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NodeAuthorization::remove_connections(
				RuntimeOrigin::signed(OTHER_OPERATOR),
				peer(1),
				peers(&[9])
			),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_well_known_node_accepts_the_others_and_its_own_connections() {
	new_test_ext(|| {
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			peers(&[9])
		));
		let mut authorized = NodeAuthorization::authorized_nodes(&peer(1));
		authorized.sort();
		assert_eq!(authorized, vec![opaque(2), opaque(9)]);
		// A node that is not well known accepts only connections granted to it, here none.
		assert!(NodeAuthorization::authorized_nodes(&peer(9)).is_empty());
	});
}

mod migration {
	use super::*;
	use crate::migrations::v1::MigrateToV1;
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		Blake2_128Concat, StorageHasher,
	};
	use std::collections::BTreeSet;

	/// The raw key of the old pallet's map `item` at `key`.
	fn old_key(item: &str, key: &[u8]) -> Vec<u8> {
		let mut raw = sp_io::hashing::twox_128(b"NodeAuthorization").to_vec();
		raw.extend(sp_io::hashing::twox_128(item.as_bytes()));
		raw.extend(Blake2_128Concat::hash(&codec::Encode::encode(&key.to_vec())));
		raw
	}

	#[test]
	fn only_well_known_nodes_and_bounded_connections_survive() {
		new_test_ext(|| {
			// What `pallet-node-authorization` left: two well-known nodes, a made-up claim, and a
			// node with far too many connections.
			StorageVersion::new(0).put::<NodeAuthorization>();
			let well_known: BTreeSet<Vec<u8>> =
				[peer(1).into_inner(), peer(2).into_inner()].into_iter().collect();
			unhashed::put(
				&[
					sp_io::hashing::twox_128(b"NodeAuthorization"),
					sp_io::hashing::twox_128(b"WellKnownNodes"),
				]
				.concat(),
				&well_known,
			);
			unhashed::put(&old_key("Owners", &peer(50)), &99u64);
			let many: BTreeSet<Vec<u8>> =
				(100..200u8).map(|byte| peer(byte).into_inner()).collect();
			unhashed::put(&old_key("AdditionalConnections", &peer(1)), &many);
			unhashed::put(&old_key("AdditionalConnections", &peer(50)), &many);

			MigrateToV1::<Test>::on_runtime_upgrade();

			assert_eq!(NodeAuthorization::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(WellKnownNodes::<Test>::get().len(), 2);
			assert_eq!(Owners::<Test>::get(peer(1)), Some(OPERATOR));
			assert_eq!(Owners::<Test>::get(peer(50)), None);
			assert_eq!(AdditionalConnections::<Test>::get(peer(1)).unwrap().len(), 2);
			assert_eq!(AdditionalConnections::<Test>::get(peer(50)), None);
		});
	}

	#[test]
	fn it_runs_only_once() {
		new_test_ext(|| {
			StorageVersion::new(1).put::<NodeAuthorization>();
			assert_ok!(NodeAuthorization::add_connections(
				RuntimeOrigin::signed(OPERATOR),
				peer(1),
				peers(&[9])
			));
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert!(AdditionalConnections::<Test>::get(peer(1)).is_some());
		});
	}
}
