//! A minimal runtime for the consortium nodes pallet's tests: accounts are `u64`, governance is Root,
//! at most 4 well-known nodes and 2 additional connections per node.

use crate as pallet_consortium_nodes;
use crate::PeerId;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_core::OpaquePeerId;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type NodeAuthorization = pallet_consortium_nodes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_consortium_nodes::Config for Test {
	type MaxWellKnownNodes = ConstU32<4>;
	type MaxConnectionsPerNode = ConstU32<2>;
	type GovernanceOrigin = EnsureRoot<u64>;
	type WeightInfo = ();
}

/// The owner of the genesis node [`peer`]`(1)`.
pub const OPERATOR: u64 = 10;
/// Another member, owner of the genesis node [`peer`]`(2)`.
pub const OTHER_OPERATOR: u64 = 20;

/// A PeerId made of one byte, repeated.
pub fn peer(byte: u8) -> PeerId {
	vec![byte; 38].try_into().expect("a test PeerId fits")
}

/// Runs `test` with the nodes `peer(1)` (owned by [`OPERATOR`]) and `peer(2)` (owned by
/// [`OTHER_OPERATOR`]) well known at genesis, then checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let storage = RuntimeGenesisConfig {
		node_authorization: pallet_consortium_nodes::GenesisConfig {
			nodes: vec![
				(OpaquePeerId(peer(1).into_inner()), OPERATOR),
				(OpaquePeerId(peer(2).into_inner()), OTHER_OPERATOR),
			],
		},
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
		NodeAuthorization::do_try_state().expect("the pallet's invariants hold after the test");
	});
}

/// Empty test externalities for the benchmark tests.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the benchmark genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
