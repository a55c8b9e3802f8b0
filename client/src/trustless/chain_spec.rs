//! What a verifier trusts: the chain spec the consortium published. From it come the genesis
//! GRANDPA authorities every finality proof starts from, and the genesis hash that names the chain.
//! A plain spec (a genesis patch) is built the way a node builds it, by the runtime in the spec; a
//! raw spec is read as it is.

use std::path::Path;

use credchain_runtime::{opaque::Block, Grandpa};
use sc_chain_spec::{construct_genesis_block, resolve_state_version_from_wasm, GenericChainSpec};
use sp_consensus_grandpa::AuthorityList;
use sp_core::H256;
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
		let executor =
			sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
		let state_version = resolve_state_version_from_wasm::<_, BlakeTwo256>(&storage, &executor)
			.map_err(|error| failed(error.to_string()))?;
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
