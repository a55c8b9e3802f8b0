//! The pallets whose benchmarks `credchain-node benchmark pallet` runs, and the glue behind the
//! `Benchmark` runtime API.

use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::StorageInfo;

use super::*;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_multisig, Multisig]
	[pallet_balances, Balances]
	[pallet_validator_set, ValidatorSet]
	[pallet_runtime_upgrade, RuntimeUpgrade]
	[pallet_credentials, Credentials]
	[pallet_consortium_nodes, NodeAuthorization]
);

use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

impl frame_system_benchmarking::Config for Runtime {}

/// Lists every benchmark of the runtime and the storage items they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	use frame_support::traits::StorageInfoTrait;
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use frame_support::traits::WhitelistedStorageKeys;
	let mut whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	// The timestamp inherent writes `Timestamp::Now` at the start of every block, so later reads in
	// the block hit the overlay, not the database.
	whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
