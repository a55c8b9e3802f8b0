//! The configuration of each pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	instances::Instance1,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, EitherOfDiverse, Get},
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_roles::Role;
use pallet_validator_set::BlocksPer;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{ConvertInto, OpaqueKeys},
	Perbill,
};
use sp_version::RuntimeVersion;

use super::{
	weights, AccountId, Aura, Block, BlockNumber, Council, Hash, Nonce, PalletInfo, Roles, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, SessionKeys,
	Timestamp, ValidatorSet, DAY_MS, SLOT_DURATION, VERSION,
};

/// The share of a block that normal (non-operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The compute a block may use: a third of the default slot (the author has two thirds of the slot
/// to build the block; the rest is for the network and for other validators to import it). A chain
/// whose genesis chose a longer slot (or that the validator-set v2 migration kept on six seconds)
/// gets the same compute per block, so less per second: see docs/performance.md, "Latency".
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(SLOT_DURATION * WEIGHT_REF_TIME_PER_MILLIS / 3, u64::MAX);

/// The most validators the chain can have (Aura and GRANDPA authority lists are bounded by it).
pub const MAX_AUTHORITIES: u32 = 100;

parameter_types! {
	/// How many recent block hashes the chain keeps (and so how long a mortal transaction may live).
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime version, for `frame_system`.
	pub const Version: RuntimeVersion = VERSION;
	/// A third of a slot of compute per block, with the fixed costs of a block and of an
	/// extrinsic measured on CredChain's reference machine (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(weights::BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| {
			class.base_extrinsic = weights::ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |class| {
			class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational extrinsics (governance) always find room.
			class.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		// A tenth of the block for `on_initialize` hooks, as `with_sensible_defaults` reserves.
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
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
	type DbWeight = weights::ParityDbWeight;
	type Version = Version;
	/// No balances: an account's data is empty; it exists through the provider reference its role
	/// holds.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Measured on CredChain's reference machine (`scripts/benchmark-weights.sh`).
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	/// The transaction extensions' weights, measured the same way.
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Half a slot: the slot duration is the genesis's choice (see `pallet-validator-set`).
	type MinimumPeriod = pallet_validator_set::MinimumPeriodOf<Runtime>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	/// [`SLOT_DURATION`] unless the genesis chose another (test chains do).
	type SlotDuration = pallet_validator_set::SlotDurationOf<Runtime>;
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

parameter_types! {
	/// The most council motions one member may have open at once.
	pub const MaxOpenProposalsPerMember: u32 = 5;
}

impl pallet_roles::Config for Runtime {
	/// Which roles may sign each call: see `permissions.rs`.
	type Permissions = crate::permissions::CallsByRole;
	type MaxOpenProposals = MaxOpenProposalsPerMember;
}

/// A council motion carried by more than half of the council.
pub type CouncilMajority = pallet_collective::EnsureProportionMoreThan<AccountId, Instance1, 1, 2>;

/// A council motion carried by at least two thirds of the council.
pub type CouncilTwoThirds = pallet_collective::EnsureProportionAtLeast<AccountId, Instance1, 2, 3>;

/// The origin of day-to-day governance — accrediting issuers, changing validators, authorizing
/// nodes: a council majority, or Root (the sudo key of a development chain).
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilMajority>;

/// The origin of changes to the council itself and of runtime upgrades: two thirds of the council,
/// or Root.
pub type CouncilChangeOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;

parameter_types! {
	/// The largest council.
	pub const MaxCouncilMembers: u32 = 100;
	/// The most motions open at once.
	pub const MaxCouncilProposals: u32 = 100;
	/// How long a motion stays open for votes.
	pub CouncilMotionDuration: BlockNumber = BlocksPer::<Runtime, { 7 * DAY_MS }>::get();
	/// A motion may use at most half a block's weight.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
	/// The role council members hold while they sit.
	pub const CouncilRole: Role = Role::CouncilMember;
}

impl pallet_collective::Config<Instance1> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = MaxCouncilProposals;
	type MaxMembers = MaxCouncilMembers;
	/// Members who do not vote count as voting with the prime member, if there is one.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = weights::pallet_collective::WeightInfo<Runtime>;
	/// Membership goes through `CouncilMembership`; only Root may overwrite it directly.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = CouncilChangeOrigin;
	type KillOrigin = CouncilChangeOrigin;
	/// No token to take a deposit in: a motion takes one of its proposer's few proposal slots
	/// instead, given back when its cost is released after it closed.
	type Consideration = pallet_roles::ProposalSlot<Runtime>;
}

impl pallet_membership::Config<Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilChangeOrigin;
	type RemoveOrigin = CouncilChangeOrigin;
	type SwapOrigin = CouncilChangeOrigin;
	type ResetOrigin = CouncilChangeOrigin;
	type PrimeOrigin = CouncilChangeOrigin;
	/// Members hold the `CouncilMember` role, so they can propose and vote.
	type MembershipInitialized = pallet_roles::GrantRoleToMembers<Runtime, CouncilRole, Council>;
	type MembershipChanged = pallet_roles::GrantRoleToMembers<Runtime, CouncilRole, Council>;
	type MaxMembers = MaxCouncilMembers;
	type WeightInfo = weights::pallet_membership::WeightInfo<Runtime>;
}

parameter_types! {
	/// The fewest validators the consortium may have: with four, GRANDPA still finalizes with one
	/// of them down.
	pub const MinValidators: u32 = 1;
	/// The shortest session: ten blocks, time for a planned validator change to reach the session
	/// keys and GRANDPA's next authority set.
	pub const MinSessionLength: BlockNumber = 10;
}

impl pallet_validator_set::Config for Runtime {
	type ManagerOrigin = GovernanceOrigin;
	type Roles = Roles;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	type MinValidators = MinValidators;
	type MinSessionLength = MinSessionLength;
	type DefaultSlotDuration = ConstU64<SLOT_DURATION>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	/// No token, no key deposit.
	type Currency = pallet_validator_set::NoDeposit<RuntimeHoldReason>;
	type KeyDeposit = ConstU32<0>;
}

impl pallet_runtime_upgrade::Config for Runtime {
	/// Two thirds of the council (or Root on a development chain).
	type AuthorizeOrigin = CouncilChangeOrigin;
	type WeightInfo = pallet_runtime_upgrade::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The most nodes the consortium may authorize.
	pub const MaxWellKnownNodes: u32 = 256;
	/// The most extra peers a node's owner may let connect to its node.
	pub const MaxConnectionsPerNode: u32 = 8;
}

impl pallet_consortium_nodes::Config for Runtime {
	type MaxWellKnownNodes = MaxWellKnownNodes;
	type MaxConnectionsPerNode = MaxConnectionsPerNode;
	/// A council majority (or the sudo key of a development chain).
	type GovernanceOrigin = GovernanceOrigin;
	type WeightInfo = pallet_consortium_nodes::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

parameter_types! {
	/// The longest issuer name, in bytes.
	pub const MaxIssuerNameLength: u32 = 128;
	/// The longest issuer website, DID or other identifier, in bytes.
	pub const MaxIssuerUriLength: u32 = 256;
	/// The most identifiers an issuer may register besides its website or DID URI.
	pub const MaxIssuerIdentifiers: u32 = 4;
	/// The most delegate keys one issuer may have.
	pub const MaxDelegatesPerIssuer: u32 = 32;
	/// The most credentials one `issue_batch` may carry; a full batch fits in a block with room to
	/// spare (see the pallet's weights). Larger batches are anchored as a Merkle root instead.
	pub const MaxCredentialBatchSize: u32 = 1_000;
	/// The most applications that may wait for accreditation at once.
	pub const MaxPendingApplications: u32 = 100;
	/// The issuance quota of an issuer for which the council set none: a graduation day of 100,000
	/// credentials fits in a day twice over, and in 20 blocks (2 minutes); one issuer still fills at
	/// most a quarter of a block's issuing capacity (about 21,000 records in `issue_batch`es).
	pub const DefaultIssuanceQuota: pallet_credentials::IssuanceQuota =
		pallet_credentials::IssuanceQuota { per_block: 5_000, per_day: 200_000 };
}

impl pallet_credentials::Config for Runtime {
	/// A council majority (or the sudo key of a development chain).
	type AccreditationOrigin = GovernanceOrigin;
	type Roles = Roles;
	type UnixTime = Timestamp;
	type MaxNameLength = MaxIssuerNameLength;
	type MaxUriLength = MaxIssuerUriLength;
	type MaxIdentifiers = MaxIssuerIdentifiers;
	type MaxDelegates = MaxDelegatesPerIssuer;
	type MaxBatchSize = MaxCredentialBatchSize;
	type MaxPendingApplications = MaxPendingApplications;
	type DefaultIssuanceQuota = DefaultIssuanceQuota;
	/// Quota days are calendar-length, whatever the chain's slot duration.
	type QuotaDay = BlocksPer<Runtime, DAY_MS>;
	type MaxAchievementSkills = ConstU32<16>;
	type MaxAchievementVersions = ConstU32<32>;
	type MaxAchievementShares = ConstU32<16>;
	type MaxStackComponents = ConstU32<16>;
	type WeightInfo = pallet_credentials::weights::SubstrateWeight<Runtime>;
}

/// The balance type of `pallet_balances`, which only `Multisig` uses (with zero deposits).
pub type Balance = u128;

parameter_types! {
	/// Required by `pallet_balances`; nobody holds a balance on this chain.
	pub const ExistentialDeposit: Balance = 1;
	/// Multisig deposits are zero: there is no token to reserve.
	pub const MultisigDeposit: Balance = 0;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = super::RuntimeFreezeReason;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	/// Balances keep their own accounts, so `frame_system`'s account data stays `()` and existing
	/// accounts need no migration.
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Runtime>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = super::RuntimeFreezeReason;
	type MaxLocks = ConstU32<0>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = ConstU32<0>;
	type DoneSlashHandler = ();
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = super::Balances;
	type DepositBase = MultisigDeposit;
	type DepositFactor = MultisigDeposit;
	/// An issuer's officers: up to 16 signatories.
	type MaxSignatories = ConstU32<16>;
	type WeightInfo = weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
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
