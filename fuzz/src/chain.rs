//! A development chain in memory, on the real runtime: blocks are built the way a node builds them
//! (`Executive::initialize_block`, the timestamp inherent, each signed transaction through
//! `apply_extrinsic`, `finalize_block`) and checked after each.

use std::{collections::BTreeMap, sync::OnceLock};

use codec::Encode;
use credchain_runtime::{
	genesis_config_presets::development_genesis, signing::signed_extrinsic, AllPalletsWithSystem,
	Aura, BlockNumber, BuildStorage, Executive, Hash, Header, Runtime, RuntimeCall, RuntimeError,
	RuntimeEvent, RuntimeGenesisConfig, UncheckedExtrinsic,
};
use frame_support::{
	dispatch::DispatchClass,
	traits::{TryState, TryStateSelect},
};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::traits::{Externalities, ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_io::TestExternalities;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, Digest, DigestItem, DispatchError, Storage,
};

/// What the transactions of a run came to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
	/// Blocks applied.
	pub blocks: u64,
	/// Transactions included whose call succeeded.
	pub succeeded: u64,
	/// Transactions included whose call failed, counted by their dispatch error.
	pub failed: BTreeMap<String, u64>,
	/// Transactions the runtime refused as invalid (a block builder leaves them out), counted by
	/// their validity error.
	pub invalid: BTreeMap<String, u64>,
}

impl Tally {
	/// Every transaction sent.
	pub fn calls(&self) -> u64 {
		self.succeeded + total(&self.failed) + total(&self.invalid)
	}

	/// Transactions included whose call failed.
	pub fn failed(&self) -> u64 {
		total(&self.failed)
	}

	/// Transactions refused as invalid.
	pub fn invalid(&self) -> u64 {
		total(&self.invalid)
	}

	/// Adds another run's tally.
	pub fn add(&mut self, other: &Tally) {
		self.blocks += other.blocks;
		self.succeeded += other.succeeded;
		for (mine, theirs) in
			[(&mut self.failed, &other.failed), (&mut self.invalid, &other.invalid)]
		{
			for (reason, count) in theirs {
				*mine.entry(reason.clone()).or_default() += count;
			}
		}
	}

	/// Counts one transaction by the outcome `apply_extrinsic` gave it, and the outcome of the
	/// call it wrapped (in `sudo` or a council motion), if any failed.
	fn count(&mut self, outcome: ApplyExtrinsicResult, wrapped_failure: Option<DispatchError>) {
		match outcome {
			Ok(Ok(())) => match wrapped_failure {
				None => self.succeeded += 1,
				Some(error) => {
					let reason = format!("{} (wrapped)", dispatch_error_name(error));
					*self.failed.entry(reason).or_default() += 1
				}
			},
			Ok(Err(error)) => *self.failed.entry(dispatch_error_name(error)).or_default() += 1,
			Err(error) => *self.invalid.entry(validity_error_name(error)).or_default() += 1,
		}
	}
}

/// The first failure of a call dispatched by `sudo` or a council motion among the events after
/// the first `events_before`.
fn wrapped_failure(events_before: usize) -> Option<DispatchError> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus().skip(events_before).find_map(
		|record| match record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(error) })
			| RuntimeEvent::Council(pallet_collective::Event::Executed {
				result: Err(error),
				..
			}) => Some(error),
			_ => None,
		},
	)
}

/// The sum of a breakdown's counts.
fn total(counts: &BTreeMap<String, u64>) -> u64 {
	counts.values().sum()
}

/// A dispatch error by name: a pallet's error as `Pallet(Error)`, from the runtime's error type
/// (events carry a pallet error's indices only).
fn dispatch_error_name(error: DispatchError) -> String {
	RuntimeError::from_dispatch_error(error)
		.map_or_else(|| format!("{error:?}"), |pallet_error| format!("{pallet_error:?}"))
}

/// A validity error by name; the role check's custom codes by what they mean.
fn validity_error_name(error: TransactionValidityError) -> String {
	let role_check = match error {
		TransactionValidityError::Invalid(InvalidTransaction::Custom(code)) => match code {
			pallet_roles::NO_ROLE => Some("the signer holds no role"),
			pallet_roles::CALL_NOT_PERMITTED => Some("the signer's roles may not sign the call"),
			pallet_roles::GOVERNANCE_ONLY => Some("governance only"),
			_ => None,
		},
		_ => None,
	};
	role_check.map_or_else(|| format!("{error:?}"), |reason| format!("CheckRole: {reason}"))
}

/// Code that is no runtime: `System.set_code` of fuzzed bytes fails the way it does on a node
/// given bytes that are not WebAssembly (the native runtime has no executor to read a version).
struct NotARuntime;

impl ReadRuntimeVersion for NotARuntime {
	fn read_runtime_version(
		&self,
		_wasm_code: &[u8],
		_ext: &mut dyn Externalities,
	) -> Result<Vec<u8>, String> {
		Err("not a runtime".into())
	}
}

/// A development chain in memory.
pub struct Chain {
	externalities: TestExternalities,
	parent: Hash,
	genesis: Hash,
	tally: Tally,
}

/// The first slot of the chain: any will do, as long as slots only go up.
const FIRST_SLOT: u64 = 1_000_000;

impl Chain {
	/// The development chain's genesis: Alice validates, holds sudo and sits alone on the council;
	/// Bob and Charlie are accredited issuers, Dave is Bob's registrar's delegate.
	pub fn development() -> Chain {
		let mut externalities = TestExternalities::new(development_storage().clone());
		externalities.register_extension(ReadRuntimeVersionExt::new(NotARuntime));
		let genesis = externalities.execute_with(|| frame_system::Pallet::<Runtime>::block_hash(0));
		Chain { externalities, parent: genesis, genesis, tally: Tally::default() }
	}

	/// What the chain's blocks carried so far.
	pub fn tally(&self) -> &Tally {
		&self.tally
	}

	/// Builds the next block with `transactions` (each signed by its key at the key's current
	/// nonce), then checks it: every pallet's `try_state` invariants hold and each dispatch class
	/// stayed within its weight limit. Returns what failed.
	pub fn apply_block(
		&mut self,
		transactions: &[(Sr25519Keyring, RuntimeCall)],
	) -> Result<(), String> {
		let genesis = self.genesis;
		let parent = self.parent;
		let number = self.tally.blocks as BlockNumber + 1;
		let mut tally = Tally { blocks: 1, ..Tally::default() };
		let header = self.externalities.execute_with(|| -> Result<Header, String> {
			let slot = FIRST_SLOT + u64::from(number);
			let digest = Digest {
				logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
			};
			Executive::initialize_block(&Header::new(
				number,
				Default::default(),
				Default::default(),
				parent,
				digest,
			));
			let now = slot * Aura::slot_duration();
			let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now });
			Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(timestamp))
				.map_err(|error| format!("the timestamp inherent is invalid: {error:?}"))?
				.map_err(|error| format!("the timestamp inherent failed: {error:?}"))?;
			for (signer, call) in transactions {
				let nonce = frame_system::Pallet::<Runtime>::account_nonce(signer.to_account_id());
				let extrinsic = signed_extrinsic(call.clone(), &signer.pair(), nonce, genesis);
				let events_before =
					frame_system::Pallet::<Runtime>::read_events_no_consensus().count();
				let outcome = Executive::apply_extrinsic(extrinsic);
				tally.count(outcome, wrapped_failure(events_before));
			}
			let header = Executive::finalize_block();
			check_weight()?;
			AllPalletsWithSystem::try_state(number, TryStateSelect::All)
				.map_err(|error| format!("an invariant broke in block {number}: {error:?}"))?;
			Ok(header)
		})?;
		self.parent = header.hash();
		self.tally.add(&tally);
		Ok(())
	}
}

/// The development chain's genesis state, built once: every chain starts from a copy.
fn development_storage() -> &'static Storage {
	static STORAGE: OnceLock<Storage> = OnceLock::new();
	STORAGE.get_or_init(|| {
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
			.expect("the default genesis serializes");
		merge(&mut config, development_genesis());
		let config: RuntimeGenesisConfig =
			serde_json::from_value(config).expect("the development genesis is a genesis");
		config.build_storage().expect("the development genesis builds")
	})
}

/// Checks that the block just finalized used no more weight than each dispatch class allows.
fn check_weight() -> Result<(), String> {
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let used = frame_system::Pallet::<Runtime>::block_weight();
	for class in [DispatchClass::Normal, DispatchClass::Operational] {
		if let Some(limit) = limits.get(class).max_total {
			if !used.get(class).all_lte(limit) {
				return Err(format!("{class:?} used {:?} of {limit:?}", used.get(class)));
			}
		}
	}
	Ok(())
}

/// Merges `patch` into `value` (a JSON merge patch, RFC 7396, as the node applies a genesis
/// preset to the default genesis).
fn merge(value: &mut Value, patch: Value) {
	match (value, patch) {
		(Value::Object(value), Value::Object(patch)) => {
			for (key, patch) in patch {
				if patch.is_null() {
					value.remove(&key);
				} else {
					merge(value.entry(key).or_insert(Value::Null), patch);
				}
			}
		}
		(value, patch) => *value = patch,
	}
}
