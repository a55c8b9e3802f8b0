//! What a verifier trusts: the chain spec the consortium published. From it come the genesis
//! GRANDPA authorities every finality proof starts from, and the genesis hash that names the chain.
//! A plain spec (a genesis patch) is built the way a node builds it, by the runtime in the spec; a
//! raw spec is read as it is.

use std::path::Path;

use credchain_runtime::{opaque::Block, Grandpa};
use sc_chain_spec::{construct_genesis_block, GenericChainSpec};
use sc_executor_common::runtime_blob::RuntimeBlob;
use sp_consensus_grandpa::AuthorityList;
use sp_core::{
	storage::{well_known_keys, StateVersion, Storage},
	H256,
};
use sp_runtime::{
	traits::{BlakeTwo256, Block as BlockT},
	BuildStorage,
};
use sp_state_machine::InMemoryBackend;

use super::ProofError;

/// The chain a verifier trusts, as its chain spec describes its genesis.
#[derive(Clone, Debug)]
pub struct TrustAnchor {
	/// The chain spec's name.
	pub chain_name: String,
	/// The genesis block's hash.
	pub genesis_hash: H256,
	/// The GRANDPA authorities at genesis (set 0).
	pub authorities: AuthorityList,
}

impl TrustAnchor {
	/// The trust anchor of the chain spec at `path`.
	pub fn from_chain_spec(path: &Path) -> Result<Self, ProofError> {
		let failed =
			|reason: String| ProofError::ChainSpec { path: path.display().to_string(), reason };
		let spec =
			GenericChainSpec::<sc_chain_spec::NoExtension>::from_json_file(path.to_path_buf())
				.map_err(failed)?;
		let storage = spec.build_storage().map_err(failed)?;
		let state_version = state_version_of(&storage).map_err(failed)?;
		let authorities = sp_io::TestExternalities::new(storage.clone())
			.execute_with(Grandpa::grandpa_authorities);
		if authorities.is_empty() {
			return Err(failed("its genesis names no GRANDPA authorities".into()));
		}
		let state: InMemoryBackend<BlakeTwo256> = (storage, state_version).into();
		let genesis = construct_genesis_block::<Block>(*state.root(), state_version);
		Ok(Self {
			chain_name: spec.name().to_string(),
			genesis_hash: genesis.header().hash(),
			authorities,
		})
	}
}

/// The state version the genesis runtime declares, read from its embedded version section (as a
/// node reads it, without compiling the runtime).
fn state_version_of(genesis: &Storage) -> Result<StateVersion, String> {
	let code = genesis
		.top
		.get(well_known_keys::CODE)
		.ok_or_else(|| "its genesis has no runtime code".to_string())?;
	let blob = RuntimeBlob::uncompress_if_needed(code)
		.map_err(|error| format!("its runtime code does not load: {error}"))?;
	let version = sc_executor::read_embedded_version(&blob)
		.map_err(|error| format!("its runtime's version does not read: {error}"))?
		.ok_or_else(|| "its runtime declares no version".to_string())?;
	Ok(version.state_version())
}
