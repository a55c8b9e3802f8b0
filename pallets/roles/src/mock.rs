//! A minimal runtime for the roles pallet's unit tests.

use crate as pallet_roles;
use crate::{Role, RoleSet};
use frame_support::{derive_impl, traits::ConstU32};
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

/// The mock's permission table: validators and delegates may sign `System.remark`; nobody may sign
/// `System.remark_with_event`; any role may sign the other calls.
pub struct TestPermissions;

impl pallet_roles::CallPermissions<RuntimeCall, u64> for TestPermissions {
	fn signable_by(call: &RuntimeCall) -> RoleSet {
		match call {
			RuntimeCall::System(frame_system::Call::remark { .. }) => {
				RoleSet::of(&[Role::Validator, Role::Delegate])
			}
			RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => RoleSet::NONE,
			_ => RoleSet::of(&Role::ALL),
		}
	}
}

/// The most motions one account may have open in the tests.
pub const MAX_OPEN_PROPOSALS: u32 = 2;

impl pallet_roles::Config for Test {
	type Permissions = TestPermissions;
	type MaxOpenProposals = ConstU32<MAX_OPEN_PROPOSALS>;
}

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
