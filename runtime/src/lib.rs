//! # CredChain runtime
//!
//! The state machine of CredChain, a permissioned chain on which a consortium of universities runs the
//! validators and accredited issuers anchor the digests of academic credentials.
//!
//! - Consensus: Aura block authoring in fixed slots of [`SLOT_DURATION`] milliseconds, GRANDPA finality.
//! - Validators: `pallet-validator-set` keeps the consortium's validators and hands them to
//!   `pallet-session`, whose session keys become the Aura and GRANDPA authorities.
//! - Governance: a council of member universities (`pallet-collective` with `pallet-membership`);
//!   its motions accredit issuers, change validators and authorize nodes
//!   (`pallet-consortium-nodes`); two thirds of it authorize runtime upgrades
//!   (`pallet-runtime-upgrade`).
//! - No token: there are no balances and no transaction fees. An account may transact only because
//!   the chain granted it a role (see `pallet-roles`), and only the calls its roles permit
//!   ([`permissions`]); the transaction pool and block building refuse anything else.
//! - `pallet-credentials` holds the credential records; `pallet-sudo` is only the bootstrap key of
//!   the development preset (other chains start without a sudo key).
//!
//! Modules: [`configs`] configures each pallet, [`apis`] implements the runtime APIs the node calls,
//! [`genesis_config_presets`] holds the `dev` and `local_testnet` genesis presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to deep recursion.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
#[cfg(test)]
mod client_metadata;
pub mod configs;
pub mod genesis_config_presets;
pub mod permissions;
#[cfg(feature = "std")]
pub mod signing;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use pallet_roles::Role;
#[cfg(feature = "std")]
pub use sp_runtime::BuildStorage;

/// The runtime's version. Bump `spec_version` with every change of runtime logic, and
/// `transaction_version` with every change of a call's index or arguments.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("credchain"),
	impl_name: alloc::borrow::Cow::Borrowed("credchain"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// The length of one Aura slot, and so the target block time, in milliseconds, of a chain whose
/// genesis chooses none: two seconds, so that a credential is final about three seconds after it is
/// sent (docs/performance.md, "Latency"). It cannot change once a chain has started: chains that
/// started on the earlier default of six seconds keep it (`pallet_validator_set::migrations::v2`).
pub const SLOT_DURATION: u64 = 2_000;

/// One day, in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Block numbers per minute at the target block time (for genesis presets; the runtime's own
/// durations use `pallet_validator_set::BlocksPer`, which follows the chain's slot duration).
pub const MINUTES: BlockNumber = 60_000 / (SLOT_DURATION as BlockNumber);
/// Block numbers per hour at the target block time.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Block numbers per day at the target block time.
pub const DAYS: BlockNumber = HOURS * 24;

/// The signature type of transactions: sr25519, ed25519 or ECDSA.
pub type Signature = MultiSignature;

/// An account: the public key of the signer of a transaction.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// The hash of blocks and storage tries.
pub type Hash = sp_core::H256;

/// A block number.
pub type BlockNumber = u32;

/// The address format of a transaction's sender.
pub type Address = MultiAddress<AccountId, ()>;

/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed transaction carries. There is no payment extension:
/// CredChain has no fees; `CheckRole` refuses accounts that hold no role, before they reach the pool.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckMortality<Runtime>,
	pallet_roles::CheckRole<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as the runtime receives it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The storage migrations of this runtime version, each guarded by its pallet's storage version.
type Migrations = (
	pallet_validator_set::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_roles::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_consortium_nodes::migrations::v1::MigrateToV1<Runtime>,
	pallet_credentials::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Types the node uses without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The session keys of a validator: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		/// The Aura (sr25519) key.
		pub aura: Aura,
		/// The GRANDPA (ed25519) key.
		pub grandpa: Grandpa,
	}
}

#[frame_support::runtime]
mod runtime {
	/// The CredChain runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks and events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp, set by the author's inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	// Genesis is built in the order below: roles first (the others grant them), then the
	// validator set, then the session that reads it and hands its keys to Aura and GRANDPA.

	/// The roles that let accounts transact.
	#[runtime::pallet_index(4)]
	pub type Roles = pallet_roles;

	/// The consortium's validators.
	#[runtime::pallet_index(6)]
	pub type ValidatorSet = pallet_validator_set;

	/// Sessions and the validators' session keys.
	#[runtime::pallet_index(7)]
	pub type Session = pallet_session;

	/// Aura block authoring.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// GRANDPA finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The bootstrap key of development chains.
	#[runtime::pallet_index(5)]
	pub type Sudo = pallet_sudo;

	/// The council of member universities: proposals, votes, motions.
	#[runtime::pallet_index(8)]
	pub type Council = pallet_collective<Instance1>;

	/// Who sits on the council.
	#[runtime::pallet_index(9)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	/// Runtime upgrades authorized by two thirds of the council.
	#[runtime::pallet_index(12)]
	pub type RuntimeUpgrade = pallet_runtime_upgrade;

	/// The nodes (by PeerId) that may join the network.
	#[runtime::pallet_index(11)]
	pub type NodeAuthorization = pallet_consortium_nodes;

	/// Issuers and their credential records.
	#[runtime::pallet_index(10)]
	pub type Credentials = pallet_credentials;

	/// Balances exist only because `Multisig` reserves deposits through them: every deposit is
	/// zero and nobody holds a balance (the chain has no token).
	#[runtime::pallet_index(13)]
	pub type Balances = pallet_balances;

	/// Multi-signature accounts, so that an issuer's key can be a k-of-n of its officers.
	#[runtime::pallet_index(14)]
	pub type Multisig = pallet_multisig;
}
