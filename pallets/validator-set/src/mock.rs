//! A small runtime for the validator set pallet's unit tests: accounts are `u64`, session keys are
//! `UintAuthorityId`s, the manager origin is Root, and three validators start with keys.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Roles = pallet_roles;

	#[runtime::pallet_index(2)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_roles::Config for Test {
	type Permissions = pallet_roles::AnyRoleSignsAnything;
	type MaxOpenProposals = frame_support::traits::ConstU32<4>;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = crate::NoDeposit<RuntimeHoldReason>;
	type KeyDeposit = ConstU32<0>;
}

parameter_types! {
	/// Small bounds, so tests can reach them.
	pub const MaxValidators: u32 = 5;
	pub const MinValidators: u32 = 2;
	pub const MinSessionLength: u64 = 2;
}

impl pallet_validator_set::Config for Test {
	type ManagerOrigin = EnsureRoot<u64>;
	type Roles = Roles;
	type MaxValidators = MaxValidators;
	type MinValidators = MinValidators;
	type MinSessionLength = MinSessionLength;
	type DefaultSlotDuration = ConstU64<6_000>;
	type WeightInfo = ();
}

/// The validators the test chain starts with.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];
/// A newcomer that holds no role yet.
pub const NEWCOMER: u64 = 4;
/// The genesis session length.
pub const SESSION_LENGTH: u64 = 5;

/// Test externalities with [`GENESIS_VALIDATORS`], each with session key = its account, and sessions
/// of [`SESSION_LENGTH`] blocks, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_slot_duration(None)
}

/// The mock chain's genesis, with `slot_duration` chosen at genesis.
pub fn new_test_ext_with_slot_duration(slot_duration: Option<u64>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS_VALIDATORS.to_vec(),
		session_length: SESSION_LENGTH,
		slot_duration,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_VALIDATORS.iter().map(|&v| (v, v, UintAuthorityId(v))).collect(),
		non_authority_keys: Vec::new(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, letting the session pallet rotate sessions on the way.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// Registers session keys for `who` the way a validator does (`session.set_keys`), proof-less:
/// `UintAuthorityId` accepts any proof.
pub fn set_keys(who: u64) {
	pallet_session::Pallet::<Test>::set_keys(
		RuntimeOrigin::signed(who),
		UintAuthorityId(who),
		Vec::new(),
	)
	.expect("the account may register keys");
}
