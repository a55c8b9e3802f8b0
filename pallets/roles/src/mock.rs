//! A minimal runtime for the roles pallet's unit tests.

use crate as pallet_roles;
use frame_support::derive_impl;
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
	pub type Roles = pallet_roles;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_roles::Config for Test {}

/// The account granted `Role::Bootstrap` at genesis.
pub const GENESIS_ACCOUNT: u64 = 1;

/// Builds test externalities with [`GENESIS_ACCOUNT`] as the bootstrap key, runs `test`, then checks
/// the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	let storage = RuntimeGenesisConfig {
		roles: pallet_roles::GenesisConfig {
			grants: vec![(GENESIS_ACCOUNT, crate::Role::Bootstrap)],
		},
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
		Roles::do_try_state().expect("roles invariants hold after the test");
	});
}
