//! The configuration of each pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Block, BlockNumber, Hash, Nonce, PalletInfo, Roles, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, Timestamp, SLOT_DURATION, VERSION,
};

/// The share of a block that normal (non-operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The most validators the chain can have (Aura and GRANDPA authority lists are bounded by it).
pub const MAX_AUTHORITIES: u32 = 100;

parameter_types! {
	/// How many recent block hashes the chain keeps (and so how long a mortal transaction may live).
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime version, for `frame_system`.
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per six-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// Blocks of at most 5 MiB.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate SS58 address prefix.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	/// No balances: an account's data is empty; it exists through the provider reference its role
	/// holds.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_roles::Config for Runtime {}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The longest issuer name, in bytes.
	pub const MaxIssuerNameLength: u32 = 128;
	/// The longest issuer website or DID URI, in bytes.
	pub const MaxIssuerUriLength: u32 = 256;
	/// The most delegate keys one issuer may have.
	pub const MaxDelegatesPerIssuer: u32 = 32;
	/// The most credentials one `issue_batch` may carry; a full batch fits in a block with room to
	/// spare (see the pallet's weights). Larger batches are anchored as a Merkle root instead.
	pub const MaxCredentialBatchSize: u32 = 1_000;
	/// The most applications that may wait for accreditation at once.
	pub const MaxPendingApplications: u32 = 100;
}

impl pallet_credentials::Config for Runtime {
	/// Root for now (sudo on development chains); the consortium council with governance.
	type AccreditationOrigin = EnsureRoot<AccountId>;
	type Roles = Roles;
	type UnixTime = Timestamp;
	type MaxNameLength = MaxIssuerNameLength;
	type MaxUriLength = MaxIssuerUriLength;
	type MaxDelegates = MaxDelegatesPerIssuer;
	type MaxBatchSize = MaxCredentialBatchSize;
	type MaxPendingApplications = MaxPendingApplications;
	type WeightInfo = pallet_credentials::weights::SubstrateWeight<Runtime>;
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::dispatch::DispatchClass;
	use pallet_credentials::WeightInfo as _;

	#[test]
	fn a_full_credential_batch_fits_in_a_block() {
		let batch_weight = <Runtime as pallet_credentials::Config>::WeightInfo::issue_batch(
			MaxCredentialBatchSize::get(),
		);
		let max_extrinsic = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_extrinsic
			.expect("normal extrinsics have a limit");
		assert!(
			batch_weight.all_lte(max_extrinsic),
			"a batch of {} credentials weighs {batch_weight:?}, over the {max_extrinsic:?} a normal \
			 extrinsic may use",
			MaxCredentialBatchSize::get()
		);
	}

	#[test]
	fn a_longest_merkle_leaf_revocation_fits_in_a_block() {
		let weight = <Runtime as pallet_credentials::Config>::WeightInfo::revoke_batch_leaf(32);
		let max_extrinsic =
			RuntimeBlockWeights::get().get(DispatchClass::Normal).max_extrinsic.unwrap();
		assert!(weight.all_lte(max_extrinsic));
	}
}
