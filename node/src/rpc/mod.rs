//! The node's JSON-RPC methods beyond the standard Substrate ones: `system_accountNextIndex` and
//! `system_dryRun`, and the verifiers' `credentials_*` methods (served by `pallet-credentials-rpc`),
//! `credentials_proveVerdict` with the GRANDPA warp-sync fragments the node serves its peers.

use std::sync::Arc;

use credchain_runtime::{opaque::Block, AccountId, BlockNumber, Hash, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// GRANDPA warp-sync proofs, for `credentials_proveVerdict`.
	pub warp_proofs: pallet_credentials_rpc::proofs::WarpProofSource<Hash>,
}

/// Builds the node's additional RPC methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ sc_client_api::ProofProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_credentials_runtime_api::CredentialsApi<Block, AccountId, BlockNumber>,
	P: TransactionPool + 'static,
{
	use pallet_credentials_rpc::{Credentials, CredentialsApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, warp_proofs } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Credentials::<_, Block>::new(client).with_proofs(warp_proofs).into_rpc())?;
	Ok(module)
}
